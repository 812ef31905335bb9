// The closure checklist of a case, read straight from the tables of the parts it checks (the plan,
// the surveys, the referrals, the transfers), so that it does not depend on those domains' services.
// No access check: the caller has passed requireCase.
import { and, count, desc, eq, notInArray, sql } from 'drizzle-orm';
import { todayInJakarta } from '../cases/derived.js';
import type { DbHandle } from '../platform/db/client.js';
import { caseTransfers, planItems, referrals, reintegrationPlans, sustainabilitySurveys } from '../platform/db/schema.js';
import { endedStatuses } from '../referrals/vocabulary.js';
import type { ChecklistItem } from './vocabulary.js';

/** Plan item statuses that count as finished. */
const finishedItemStatuses = ['completed', 'cancelled'];

export async function checklistOf(db: DbHandle, caseId: string, today = todayInJakarta()): Promise<ChecklistItem[]> {
  // The current approved plan: the newest approved version (an approval supersedes the one before).
  const [plan] = await db
    .select({ id: reintegrationPlans.id })
    .from(reintegrationPlans)
    .where(and(eq(reintegrationPlans.caseId, caseId), eq(reintegrationPlans.status, 'approved')))
    .orderBy(desc(reintegrationPlans.number))
    .limit(1);
  let planItem: ChecklistItem;
  if (!plan) planItem = { code: 'plan_items_done', met: true, detail: { noPlan: true } };
  else {
    const [r] = await db
      .select({
        total: count(),
        open: sql<number>`count(*) filter (where ${planItems.status} not in (${sql.join(finishedItemStatuses.map((s) => sql`${s}`), sql`, `)}))`.mapWith(Number),
      })
      .from(planItems)
      .where(eq(planItems.planId, plan.id));
    planItem = { code: 'plan_items_done', met: (r?.open ?? 0) === 0, detail: { open: r?.open ?? 0, total: r?.total ?? 0 } };
  }

  const [s] = await db
    .select({
      done: sql<number>`count(*) filter (where ${sustainabilitySurveys.status} = 'done')`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${sustainabilitySurveys.status} = 'scheduled' and ${sustainabilitySurveys.dueOn} <= ${today})`.mapWith(Number),
    })
    .from(sustainabilitySurveys)
    .where(eq(sustainabilitySurveys.caseId, caseId));
  const done = s?.done ?? 0;
  const overdue = s?.overdue ?? 0;

  const [openReferrals] = await db
    .select({ n: count() })
    .from(referrals)
    .where(and(eq(referrals.caseId, caseId), notInArray(referrals.status, [...endedStatuses])));

  const [pendingTransfers] = await db
    .select({ n: count() })
    .from(caseTransfers)
    .where(and(eq(caseTransfers.caseId, caseId), eq(caseTransfers.status, 'proposed')));

  return [
    planItem,
    { code: 'last_survey_done', met: done > 0 && overdue === 0, detail: { done, overdue } },
    { code: 'referrals_resolved', met: (openReferrals?.n ?? 0) === 0, detail: { open: openReferrals?.n ?? 0 } },
    { code: 'no_pending_transfer', met: (pendingTransfers?.n ?? 0) === 0, detail: { pending: pendingTransfers?.n ?? 0 } },
  ];
}
