// Caseloads: how many open cases each case worker and supervisor of an organisation holds,
// weighted by priority band, so that a supervisor can balance the work and the assignment
// suggestion can prefer whoever has room.
import { caseHolderRoles } from '../policy/policy.js';
import { and, arrayOverlaps, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbHandle } from '../platform/db/client.js';
import { cases, users } from '../platform/db/schema.js';
import type { Ctx } from '../platform/http/context.js';
import { todayInJakarta } from './derived.js';
import type { PriorityBand } from './priority.js';

/**
 * What one open case weighs in a caseload: a critical case takes about as much of a worker's
 * week as four routine ones (daily contact, safety planning, escorts), an urgent one three, an
 * elevated one two.
 */
export const bandWeights: Readonly<Record<PriorityBand, number>> = { routine: 1, elevated: 2, urgent: 3, critical: 4 };

export interface Load {
  openCases: number;
  weightedCaseload: number;
  overdueCases: number;
  byBand: Record<PriorityBand, number>;
}

const emptyLoad = (): Load => ({ openCases: 0, weightedCaseload: 0, overdueCases: 0, byBand: { routine: 0, elevated: 0, urgent: 0, critical: 0 } });

/** Active people of the organisation who may hold cases (case workers and supervisors). */
export async function caseHolders(db: DbHandle, organizationId: string, roles: readonly string[] = caseHolderRoles) {
  return db
    .select({ id: users.id, displayName: users.displayName, roles: users.roles, languages: users.languages, areaCodes: users.areaCodes })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.status, 'active'), eq(users.kind, 'person'), arrayOverlaps(users.roles, [...roles])))
    .orderBy(asc(users.displayName), asc(users.id));
}

/** Loads of the given users within one organisation (by cases_assignee_idx). */
export async function loadsOf(db: DbHandle, organizationId: string, userIds: string[], today = todayInJakarta()): Promise<Map<string, Load>> {
  const out = new Map(userIds.map((id) => [id, emptyLoad()]));
  if (!userIds.length) return out;
  const rows = await db
    .select({
      userId: cases.assignedToId,
      band: cases.priorityBand,
      n: count(),
      overdue: sql<number>`count(*) filter (where ${cases.nextDueOn} < ${today})`.mapWith(Number),
    })
    .from(cases)
    .where(and(inArray(cases.assignedToId, userIds), eq(cases.organizationId, organizationId), sql`${cases.stage} <> 'closed'`))
    .groupBy(cases.assignedToId, cases.priorityBand);
  for (const r of rows) {
    const load = out.get(r.userId!)!;
    const band = (r.band in bandWeights ? r.band : 'routine') as PriorityBand;
    load.openCases += r.n;
    load.byBand[band] += r.n;
    load.weightedCaseload += r.n * bandWeights[band];
    load.overdueCases += r.overdue;
  }
  return out;
}

export async function caseloads(ctx: Ctx) {
  await ctx.reach('case.assign');
  const me = ctx.who();
  const today = todayInJakarta();
  const holders = await caseHolders(ctx.db, me.organizationId);
  const loads = await loadsOf(
    ctx.db,
    me.organizationId,
    holders.map((h) => h.id),
    today,
  );
  const [queue] = await ctx.db
    .select({ n: count(), overdue: sql<number>`count(*) filter (where ${cases.nextDueOn} < ${today})`.mapWith(Number) })
    .from(cases)
    .where(and(eq(cases.organizationId, me.organizationId), isNull(cases.assignedToId), sql`${cases.stage} <> 'closed'`));
  await ctx.audit(ctx.db, { action: 'case.caseloads.read', outcome: 'success', targetType: 'organization', targetId: me.organizationId });
  return {
    items: holders.map((h) => ({ userId: h.id, displayName: h.displayName, roles: h.roles, languages: h.languages, areaCodes: h.areaCodes, ...loads.get(h.id)! })),
    queue: { openCases: queue?.n ?? 0, overdueCases: queue?.overdue ?? 0 },
  };
}
