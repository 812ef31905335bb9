// The closed lists of case transfers, free of imports so that the web app reads the same lists the API validates.

/** proposed → accepted (the case moves) | declined (by the receiver) | withdrawn (by the sender). */
export const transferStatuses = ['proposed', 'accepted', 'declined', 'withdrawn'] as const;
export type TransferStatus = (typeof transferStatuses)[number];
export const endedTransferStatuses: readonly TransferStatus[] = ['accepted', 'declined', 'withdrawn'];

/** Why a receiving organisation declines a case. */
export const transferDeclineReasons = ['no_capacity', 'outside_area', 'not_our_mandate', 'other'] as const;
export type TransferDeclineReason = (typeof transferDeclineReasons)[number];

/** The two lists: proposals the organisation received, and the ones it (or the caller) made. */
export const transferBoxes = ['incoming', 'outgoing'] as const;
export type TransferBox = (typeof transferBoxes)[number];
/** proposed: waiting for an answer; ended: accepted, declined or withdrawn; all. */
export const transferStatusFilters = ['proposed', 'ended', 'all'] as const;
export type TransferStatusFilter = (typeof transferStatusFilters)[number];

/** Which side of a transfer the caller is on. */
export type TransferSide = 'sender' | 'receiver';

/** The moves a side may make from a status. */
export function transferMoves(status: TransferStatus, side: TransferSide): ('accept' | 'decline' | 'withdraw')[] {
  if (status !== 'proposed') return [];
  return side === 'receiver' ? ['accept', 'decline'] : ['withdraw'];
}
