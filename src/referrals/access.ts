// The one place that decides which side of a referral a caller is on. The sender reaches the
// referral's case (as requireCase decides: a supervisor the organisation's cases, a case worker
// their own); the receiver holds the inbox of the receiving organisation. Anyone else gets 404
// for a referral out of reach (403 when their roles never allow any referral action, except a
// private-sector partner, who gets 404 like everything else outside its candidacies), and the
// refusal is audited as permission.denied, exactly like requireCase.
import { caseUsers } from '../cases/access.js';
import { can, reachOf, type Action } from '../policy/policy.js';
import type { Ctx } from '../platform/http/context.js';
import { forbidden, notFound } from '../platform/http/errors.js';
import { findReferralHead, type ReferralHead } from './dal.js';
import type { Side } from './vocabulary.js';

/** read: see the referral; act: move it (the sender withdraws, the receiver answers). */
export type Purpose = 'read' | 'act';

const actions: Record<Purpose, Record<Side, Action>> = {
  read: { sender: 'case.read', receiver: 'referral.readIncoming' },
  act: { sender: 'referral.send', receiver: 'referral.respond' },
};

/** The side the caller is on for `purpose`, or null (no side effects, no audit). */
export function sideOf(ctx: Ctx, head: ReferralHead, purpose: Purpose): Side | null {
  const me = ctx.who();
  const caseTarget = { organizationId: head.caseOrganizationId, userIds: caseUsers({ assignedToId: head.caseAssignedToId, createdById: head.caseCreatedById }) };
  if (can(me, actions[purpose].sender, caseTarget)) return 'sender';
  if (can(me, actions[purpose].receiver, { organizationId: head.row.toOrganizationId })) return 'receiver';
  return null;
}

/**
 * The referral and the caller's side, or the refusal: audited, then 404 when the referral is out
 * of reach (or unknown), 403 when the caller's roles allow no such action at all, or when the
 * caller sees the referral but may not act on it.
 */
export async function requireReferral(ctx: Ctx, id: string, purpose: Purpose): Promise<{ head: ReferralHead; side: Side }> {
  const me = ctx.who();
  // Outside any transaction: the refusal is audited on ctx.db (PGlite has one connection).
  const head = await findReferralHead(ctx.db, id);
  const side = head ? sideOf(ctx, head, purpose) : null;
  if (head && side) return { head, side };
  const seen = head && purpose === 'act' ? sideOf(ctx, head, 'read') : null;
  const wanted = actions[purpose];
  await ctx.audit(ctx.db, {
    action: 'permission.denied',
    outcome: 'denied',
    targetType: 'referral',
    targetId: id,
    details: { action: reachOf(me, wanted.sender) ? wanted.sender : wanted.receiver },
  });
  if (seen) throw forbidden();
  // A partner (who sees candidacies, never referrals) hears 404 too: an ID tells them nothing.
  throw reachOf(me, wanted.sender) || reachOf(me, wanted.receiver) || reachOf(me, 'candidacy.readIncoming') ? notFound() : forbidden();
}
