// Data access for group activities, and the enrolment counts that plans read too.
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbHandle } from '../../platform/db/client.js';
import { areas, groupActivities, planItems, reintegrationPlans } from '../../platform/db/schema.js';
import { pgArray } from '../../platform/db/arrays.js';
import { activeItemStatuses } from '../plans/vocabulary.js';

export type GroupActivityRow = typeof groupActivities.$inferSelect & { areaName: string | null };

const columns = { activity: groupActivities, areaName: areas.name };

const withArea = (r: { activity: typeof groupActivities.$inferSelect; areaName: string | null }): GroupActivityRow => ({ ...r.activity, areaName: r.areaName });

export async function findActivity(db: DbHandle, id: string): Promise<GroupActivityRow | null> {
  const [r] = await db.select(columns).from(groupActivities).leftJoin(areas, eq(areas.code, groupActivities.areaCode)).where(eq(groupActivities.id, id));
  return r ? withArea(r) : null;
}

/** The organisation's activities of a status (or all): active first, then by start and name. */
export async function listActivities(db: DbHandle, organizationId: string, status: 'active' | 'ended' | 'all', limit: number, offset: number) {
  const where = and(eq(groupActivities.organizationId, organizationId), status === 'all' ? undefined : eq(groupActivities.status, status));
  const rows = await db
    .select(columns)
    .from(groupActivities)
    .leftJoin(areas, eq(areas.code, groupActivities.areaCode))
    .where(where)
    .orderBy(asc(groupActivities.status), desc(sql`coalesce(${groupActivities.startsOn}, '0001-01-01')`), asc(groupActivities.name), asc(groupActivities.id))
    .limit(limit)
    .offset(offset);
  const [{ n }] = await db.select({ n: count() }).from(groupActivities).where(where);
  return { rows: rows.map(withArea), total: n };
}

/**
 * People enrolled per activity: cases whose current approved plan has a group item in the activity
 * that is planned or under way. A count only: no one is named.
 */
export async function enrolledCounts(db: DbHandle, activityIds: string[]): Promise<Map<string, number>> {
  if (!activityIds.length) return new Map();
  const rows = await db
    .select({ id: planItems.groupActivityId, n: sql<number>`count(distinct ${reintegrationPlans.caseId})`.mapWith(Number) })
    .from(planItems)
    .innerJoin(reintegrationPlans, eq(reintegrationPlans.id, planItems.planId))
    .where(
      and(
        sql`${planItems.groupActivityId} = any(${pgArray(activityIds)}::uuid[])`,
        eq(planItems.delivery, 'group'),
        inArray(planItems.status, [...activeItemStatuses]),
        eq(reintegrationPlans.status, 'approved'),
      ),
    )
    .groupBy(planItems.groupActivityId);
  return new Map(rows.map((r) => [r.id!, r.n]));
}

export async function areaExists(db: DbHandle, code: string) {
  const [r] = await db.select({ code: areas.code }).from(areas).where(eq(areas.code, code));
  return !!r;
}
