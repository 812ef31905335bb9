// The one place that decides which side of a candidacy a caller is on. The sender reaches the
// candidacy's case (as requireCase decides: a supervisor the organisation's cases, a case worker
// their own); the partner holds the candidacies put forward to its organisation, and passes the
// partner gate (code of conduct, not suspended). Anyone who cannot read the candidacy gets 404
// (an ID tells them nothing, not even that it is one); one who reads it but may not make this
// move gets 403. Refusals are audited as permission.denied.
import { caseUsers } from '../../cases/access.js';
import { can, type Action } from '../../policy/policy.js';
import type { Ctx } from '../../platform/http/context.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import { requirePartnerReady } from '../partners/gate.js';
import { findCandidacyHead, type CandidacyHead } from './dal.js';

export type CandidacySide = 'sender' | 'partner';
export interface SideActions {
  sender?: Action;
  partner?: Action;
}

export const readActions: SideActions = { sender: 'case.read', partner: 'candidacy.readIncoming' };

export const caseTargetOf = (head: Pick<CandidacyHead, 'caseOrganizationId' | 'caseAssignedToId' | 'caseCreatedById'>) => ({
  organizationId: head.caseOrganizationId,
  userIds: caseUsers({ assignedToId: head.caseAssignedToId, createdById: head.caseCreatedById }),
});

/** The side the caller is on for these actions, or null (no side effects). */
export function sideOf(ctx: Ctx, head: CandidacyHead, actions: SideActions): CandidacySide | null {
  const me = ctx.who();
  if (actions.sender && can(me, actions.sender, caseTargetOf(head))) return 'sender';
  if (actions.partner && can(me, actions.partner, { organizationId: head.row.partnerOrganizationId })) return 'partner';
  return null;
}

/** The candidacy and the caller's side, or the refusal (audited): 404 out of reach, 403 when seen but not this move. */
export async function requireCandidacy(ctx: Ctx, id: string, actions: SideActions): Promise<{ head: CandidacyHead; side: CandidacySide }> {
  // Outside any transaction: the refusal is audited on ctx.db (PGlite has one connection).
  const head = await findCandidacyHead(ctx.db, id);
  const side = head ? sideOf(ctx, head, actions) : null;
  if (head && side) {
    if (side === 'partner') await requirePartnerReady(ctx);
    return { head, side };
  }
  const seen = head ? sideOf(ctx, head, readActions) : null;
  await ctx.audit(ctx.db, {
    action: 'permission.denied',
    outcome: 'denied',
    targetType: 'candidacy',
    targetId: id,
    details: { action: actions.partner ?? actions.sender ?? null },
  });
  if (seen) throw forbidden();
  throw notFound();
}
