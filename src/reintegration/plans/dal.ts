// Data access for reintegration plans. Every function takes the handle it must run on; the
// service decrypts only what it returns.
import { and, asc, count, desc, eq, inArray, max, sql, type SQL } from 'drizzle-orm';
import type { DbHandle } from '../../platform/db/client.js';
import { caseNeeds, cases, groupActivities, organizations, planItems, referrals, reintegrationPlans, services, users } from '../../platform/db/schema.js';
import { openPlanStatuses } from './vocabulary.js';

export type PlanRow = typeof reintegrationPlans.$inferSelect;
export type ItemRow = typeof planItems.$inferSelect;

export async function findPlan(db: DbHandle, id: string): Promise<PlanRow | null> {
  const [p] = await db.select().from(reintegrationPlans).where(eq(reintegrationPlans.id, id));
  return p ?? null;
}

/** Every version of a case's plan, newest first. */
export async function plansOfCase(db: DbHandle, caseId: string): Promise<PlanRow[]> {
  return db.select().from(reintegrationPlans).where(eq(reintegrationPlans.caseId, caseId)).orderBy(desc(reintegrationPlans.number));
}

export async function openPlanOf(db: DbHandle, caseId: string): Promise<PlanRow | null> {
  const [p] = await db
    .select()
    .from(reintegrationPlans)
    .where(and(eq(reintegrationPlans.caseId, caseId), inArray(reintegrationPlans.status, [...openPlanStatuses])));
  return p ?? null;
}

export async function approvedPlanOf(db: DbHandle, caseId: string): Promise<PlanRow | null> {
  const [p] = await db
    .select()
    .from(reintegrationPlans)
    .where(and(eq(reintegrationPlans.caseId, caseId), eq(reintegrationPlans.status, 'approved')));
  return p ?? null;
}

export async function lastNumber(db: DbHandle, caseId: string): Promise<number> {
  const [r] = await db.select({ n: max(reintegrationPlans.number) }).from(reintegrationPlans).where(eq(reintegrationPlans.caseId, caseId));
  return r?.n ?? 0;
}

/** Holds the case row until the transaction ends, so that two new versions cannot both start. */
export async function lockCase(tx: DbHandle, caseId: string) {
  await tx.execute(sql`select id from ${cases} where ${cases.id} = ${caseId} for update`);
}

/** Items of plans with what their links name (need type, referral recipient, activity), in order. */
export async function itemsOf(db: DbHandle, planIds: string[]) {
  if (!planIds.length) return [];
  return db
    .select({
      item: planItems,
      needType: caseNeeds.type,
      needDimension: caseNeeds.dimension,
      needStatus: caseNeeds.status,
      referralStatus: referrals.status,
      referralOrganization: organizations.name,
      referralService: services.name,
      activityKind: groupActivities.kind,
      activityName: groupActivities.name,
      activityStatus: groupActivities.status,
      activityCapacity: groupActivities.capacity,
    })
    .from(planItems)
    .leftJoin(caseNeeds, eq(caseNeeds.id, planItems.needId))
    .leftJoin(referrals, eq(referrals.id, planItems.referralId))
    .leftJoin(organizations, eq(organizations.id, referrals.toOrganizationId))
    .leftJoin(services, eq(services.id, referrals.serviceId))
    .leftJoin(groupActivities, eq(groupActivities.id, planItems.groupActivityId))
    .where(inArray(planItems.planId, planIds))
    .orderBy(asc(planItems.seq), asc(planItems.createdAt));
}
export type ItemView = Awaited<ReturnType<typeof itemsOf>>[number];

export async function findItem(db: DbHandle, planId: string, itemId: string): Promise<ItemRow | null> {
  const [r] = await db
    .select()
    .from(planItems)
    .where(and(eq(planItems.id, itemId), eq(planItems.planId, planId)));
  return r ?? null;
}

export async function itemRows(db: DbHandle, planId: string): Promise<ItemRow[]> {
  return db.select().from(planItems).where(eq(planItems.planId, planId)).orderBy(asc(planItems.seq));
}

export async function nextSeq(db: DbHandle, planId: string): Promise<number> {
  const [r] = await db.select({ n: max(planItems.seq) }).from(planItems).where(eq(planItems.planId, planId));
  return (r?.n ?? 0) + 1;
}

/** Item count and budget total per plan. */
export async function totalsOf(db: DbHandle, planIds: string[]): Promise<Map<string, { itemCount: number; budgetTotalIdr: number }>> {
  if (!planIds.length) return new Map();
  const rows = await db
    .select({
      planId: planItems.planId,
      n: count(),
      total: sql<number>`coalesce(sum(${planItems.budgetIdr}), 0)`.mapWith(Number),
    })
    .from(planItems)
    .where(inArray(planItems.planId, planIds))
    .groupBy(planItems.planId);
  return new Map(rows.map((r) => [r.planId, { itemCount: r.n, budgetTotalIdr: r.total }]));
}

/** Raises the plan's version after a change to its items (its content changed). */
export async function touchPlan(tx: DbHandle, planId: string, now: Date) {
  await tx
    .update(reintegrationPlans)
    .set({ version: sql`${reintegrationPlans.version} + 1`, updatedAt: now })
    .where(eq(reintegrationPlans.id, planId));
}

/** Plans of a status among the cases `guard` selects, oldest submission first, with their case and submitter. */
export async function listByStatus(db: DbHandle, status: string, guard: SQL, limit: number, offset: number) {
  const where = and(eq(reintegrationPlans.status, status), guard);
  const rows = await db
    .select({
      planId: reintegrationPlans.id,
      caseId: reintegrationPlans.caseId,
      caseReference: cases.reference,
      number: reintegrationPlans.number,
      submittedAt: reintegrationPlans.submittedAt,
      submittedById: reintegrationPlans.submittedById,
      submittedByName: users.displayName,
    })
    .from(reintegrationPlans)
    .innerJoin(cases, eq(cases.id, reintegrationPlans.caseId))
    .leftJoin(users, eq(users.id, reintegrationPlans.submittedById))
    .where(where)
    .orderBy(asc(reintegrationPlans.submittedAt), asc(reintegrationPlans.id))
    .limit(limit)
    .offset(offset);
  const [{ n }] = await db
    .select({ n: count() })
    .from(reintegrationPlans)
    .innerJoin(cases, eq(cases.id, reintegrationPlans.caseId))
    .where(where);
  return { rows, total: n };
}

// Links an item may make, each checked against the case.

export async function needOfCase(db: DbHandle, caseId: string, needId: string) {
  const [r] = await db
    .select({ id: caseNeeds.id })
    .from(caseNeeds)
    .where(and(eq(caseNeeds.id, needId), eq(caseNeeds.caseId, caseId)));
  return !!r;
}

export async function referralOfCase(db: DbHandle, caseId: string, referralId: string) {
  const [r] = await db
    .select({ id: referrals.id })
    .from(referrals)
    .where(and(eq(referrals.id, referralId), eq(referrals.caseId, caseId)));
  return !!r;
}

export async function activeActivityOf(db: DbHandle, organizationId: string, activityId: string) {
  const [r] = await db
    .select({ id: groupActivities.id })
    .from(groupActivities)
    .where(and(eq(groupActivities.id, activityId), eq(groupActivities.organizationId, organizationId), eq(groupActivities.status, 'active')));
  return !!r;
}
