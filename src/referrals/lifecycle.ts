// The referral life cycle as pure rules: which moves a side may make from a status, what each move
// needs (a decline reason, an outcome), and when a referral is overdue. The service applies them;
// the table itself is in vocabulary.ts, which the web app reads too.
import {
  awaitingAnswer,
  declineReasons,
  endedStatuses,
  graceDays,
  outcomes,
  referralTransitions,
  type DeclineReason,
  type Outcome,
  type ReferralStatus,
  type Side,
} from './vocabulary.js';

/** The statuses `side` may move a referral in `from` to, in the order of the table. */
export function allowedMoves(from: ReferralStatus, side: Side): ReferralStatus[] {
  return referralTransitions.filter((t) => t.from === from && t.by === side).map((t) => t.to);
}

export type MoveCheck =
  | { ok: true; reason: DeclineReason | null; outcome: Outcome | null }
  | { ok: false; code: 'transition_not_allowed'; allowed: ReferralStatus[] }
  | { ok: false; code: 'invalid_input'; fields: Record<string, string> };

/**
 * Whether `side` may move a referral from `from` to `to` with this input. Declining needs a reason
 * from declineReasons (and a note for `other`); completing needs an outcome. A reason or an
 * outcome on any other move is refused, so nothing is stored that the move does not mean.
 */
export function checkMove(
  from: ReferralStatus,
  to: ReferralStatus,
  side: Side,
  input: { reason?: string | null; outcome?: string | null; note?: string | null } = {},
): MoveCheck {
  const allowed = allowedMoves(from, side);
  if (!allowed.includes(to)) return { ok: false, code: 'transition_not_allowed', allowed };
  const fields: Record<string, string> = {};
  const reason = input.reason ?? null;
  const outcome = input.outcome ?? null;
  if (to === 'declined') {
    if (!reason) fields.reason = 'required';
    else if (!(declineReasons as readonly string[]).includes(reason)) fields.reason = 'invalid_choice';
    else if (reason === 'other' && !input.note?.trim()) fields.note = 'required';
  } else if (reason) fields.reason = 'not_allowed';
  if (to === 'completed') {
    if (!outcome) fields.outcome = 'required';
    else if (!(outcomes as readonly string[]).includes(outcome)) fields.outcome = 'invalid_choice';
  } else if (outcome) fields.outcome = 'not_allowed';
  if (Object.keys(fields).length) return { ok: false, code: 'invalid_input', fields };
  return { ok: true, reason: to === 'declined' ? (reason as DeclineReason) : null, outcome: to === 'completed' ? (outcome as Outcome) : null };
}

export const isEndedStatus = (s: ReferralStatus) => endedStatuses.includes(s);
/** The first answer: accepting or declining. */
export const isAnswer = (to: ReferralStatus) => to === 'accepted' || to === 'declined';

/** Still waiting for an answer after the deadline. The same rule is written in SQL for lists (dal.ts overdueSql). */
export function isOverdue(status: ReferralStatus, respondBy: Date, now = new Date()): boolean {
  return awaitingAnswer.includes(status) && respondBy.getTime() < now.getTime();
}

const dayMs = 86_400_000;
/** When the receiver's view of the person ends: the grace period after the referral ended; null while open. */
export function accessUntil(endedAt: Date | null): Date | null {
  return endedAt ? new Date(endedAt.getTime() + graceDays * dayMs) : null;
}

/** Hours from sending to the first answer, for the provider's record. */
export const hoursBetween = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 3_600_000);
