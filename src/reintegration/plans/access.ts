// Who reaches a plan version: exactly those who reach its case for the action (cases/access.ts),
// with the same answers: an unknown plan, or one of a case out of reach, is 404 and the refusal
// is audited; case holders whose roles never allow the action (a case worker approving) hear 403.
import { caseUsers, findCaseHead, type CaseHead } from '../../cases/access.js';
import { reachOf, type Action } from '../../policy/policy.js';
import type { Ctx } from '../../platform/http/context.js';
import { HttpError, notFound } from '../../platform/http/errors.js';
import { findPlan, type PlanRow } from './dal.js';

export async function requirePlan(ctx: Ctx, id: string, action: Action): Promise<{ plan: PlanRow; head: CaseHead }> {
  const plan = await findPlan(ctx.db, id);
  const head = plan ? await findCaseHead(ctx.db, plan.caseId) : null;
  try {
    await ctx.require(action, { type: 'reintegration_plan', id, organizationId: head?.organizationId ?? null, userIds: head ? caseUsers(head) : [] });
  } catch (e) {
    // Those who never read cases learn nothing, not even that the action exists for them.
    if (e instanceof HttpError && e.statusCode === 403 && !reachOf(ctx.who(), 'case.read')) throw notFound();
    throw e;
  }
  if (!plan || !head) throw notFound();
  return { plan, head };
}
