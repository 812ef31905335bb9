// The one place that decides which side of a transfer a caller is on, and what each side may do.
// The sender: those who may transfer the case on the sending organisation's side (its supervisors;
// a case worker who proposed it, or holds the case, or held it when it was accepted). The receiver:
// the receiving organisation's supervisors (transfer.respond), and after acceptance whoever reaches
// the case there. Everyone else gets 404, audited as permission.denied, so an ID tells them nothing.
import { caseUsers } from '../cases/access.js';
import { can, type Action, type Target } from '../policy/policy.js';
import type { Ctx } from '../platform/http/context.js';
import { forbidden, notFound } from '../platform/http/errors.js';
import { findTransferHead, type TransferHead } from './dal.js';
import type { TransferSide } from './vocabulary.js';

/** The case as a policy target now. */
export const caseTargetOf = (h: TransferHead): Target => ({
  organizationId: h.caseOrganizationId,
  userIds: caseUsers({ assignedToId: h.caseAssignedToId, createdById: h.caseCreatedById }),
});

/** The sending side as a policy target: the sending organisation, the proposer, and who held the case (now, or at acceptance). */
export const senderTargetOf = (h: TransferHead): Target => ({
  organizationId: h.row.fromOrganizationId,
  userIds: [
    h.row.requestedById,
    ...(h.caseOrganizationId === h.row.fromOrganizationId ? (caseTargetOf(h).userIds ?? []) : h.assigneeAtTransfer ? [h.assigneeAtTransfer] : []),
  ],
});

/** The target of case.readTransferred (policy.ts): the sending organisation, the proposer and the case's assignee at the transfer. */
export const readTransferredTargetOf = (h: TransferHead): Target => ({
  organizationId: h.row.fromOrganizationId,
  userIds: [h.row.requestedById, ...(h.assigneeAtTransfer ? [h.assigneeAtTransfer] : [])],
});

export function sideOf(ctx: Ctx, h: TransferHead): TransferSide | null {
  const me = ctx.who();
  if (can(me, 'case.transfer', senderTargetOf(h))) return 'sender';
  if (can(me, 'transfer.respond', { organizationId: h.row.toOrganizationId })) return 'receiver';
  if (h.row.status === 'accepted' && h.caseOrganizationId === h.row.toOrganizationId && can(me, 'case.read', caseTargetOf(h))) return 'receiver';
  return null;
}

/** The moves the caller may make now on the transfer, from its side. */
export function allowedActions(ctx: Ctx, h: TransferHead, side: TransferSide): ('accept' | 'decline' | 'withdraw')[] {
  if (h.row.status !== 'proposed') return [];
  const me = ctx.who();
  if (side === 'receiver') return can(me, 'transfer.respond', { organizationId: h.row.toOrganizationId }) ? ['accept', 'decline'] : [];
  // Anyone on the sending side (sideOf: case.transfer on the sending side) may withdraw an open proposal.
  return ['withdraw'];
}

async function deny(ctx: Ctx, id: string, action: Action) {
  await ctx.audit(ctx.db, { action: 'permission.denied', outcome: 'denied', targetType: 'case_transfer', targetId: id, details: { action } });
}

/**
 * The transfer and the caller's side, or the refusal (audited): 404 when the caller is on no side
 * (or the ID is unknown); for `act`, 403 when the caller sees the transfer but may not make the move.
 */
export async function requireTransfer(
  ctx: Ctx,
  id: string,
  purpose: 'read' | 'accept' | 'decline' | 'withdraw' = 'read',
): Promise<{ head: TransferHead; side: TransferSide }> {
  // Outside any transaction: the refusal is audited on ctx.db (PGlite has one connection).
  const head = await findTransferHead(ctx.db, id);
  const side = head ? sideOf(ctx, head) : null;
  const wanted: Action = purpose === 'withdraw' || (purpose === 'read' && side !== 'receiver') ? 'case.transfer' : 'transfer.respond';
  if (!head || !side) {
    await deny(ctx, id, wanted);
    throw notFound();
  }
  if (purpose === 'read') return { head, side };
  const me = ctx.who();
  const allowed =
    purpose === 'withdraw'
      ? side === 'sender'
      : side === 'receiver' && can(me, 'transfer.respond', { organizationId: head.row.toOrganizationId });
  if (!allowed) {
    await deny(ctx, id, wanted);
    throw forbidden();
  }
  return { head, side };
}

/** The transfer for the sender's read-only view: accepted, kept by consent, and the caller on the sending side (case.readTransferred); otherwise 404. */
export async function requireTransferRecord(ctx: Ctx, id: string): Promise<TransferHead> {
  const head = await findTransferHead(ctx.db, id);
  if (head && head.row.status === 'accepted' && head.row.senderKeepsView && can(ctx.who(), 'case.readTransferred', readTransferredTargetOf(head))) return head;
  await deny(ctx, id, 'case.readTransferred');
  throw notFound();
}
