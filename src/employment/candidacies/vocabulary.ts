// The rules of a candidacy as data, free of anything but the closed lists, so that the web app
// reads the same rules the API enforces: which answers a partner may give from a status, what the
// sender may still withdraw, which fields can travel, and how each step moves the candidacy's
// referral (a candidacy is a referral to the partner under the job_matching consent).
import type { DeclineReason, Outcome, ReferralField, ReferralStatus } from '../../referrals/vocabulary.js';
import { referralFieldCodes } from '../../referrals/vocabulary.js';
import type { CandidacyRejectReason, CandidacyStatus } from '../vocabulary.js';

/** What a partner answers. */
export const candidacyAnswers = ['interview', 'offer', 'rejected', 'hired'] as const;
export type CandidacyAnswer = (typeof candidacyAnswers)[number];

/** The partner's moves: put forward → interview | offer | rejected; interview → offer | rejected; offer → hired | rejected. */
export const candidacyMoves: Readonly<Record<CandidacyStatus, readonly CandidacyAnswer[]>> = {
  put_forward: ['interview', 'offer', 'rejected'],
  interview: ['offer', 'rejected'],
  offer: ['hired', 'rejected'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

/** The sending side may withdraw until the person is hired. */
export const withdrawableStatuses: readonly CandidacyStatus[] = ['put_forward', 'interview', 'offer'];
/** A candidacy still standing: a case is put forward for an opening only once while one stands. */
export const standingStatuses: readonly CandidacyStatus[] = ['put_forward', 'interview', 'offer', 'hired'];
export const isWithdrawable = (s: CandidacyStatus | string) => (withdrawableStatuses as readonly string[]).includes(s);

/** What a candidacy can carry about the person: every referral field but the needs (a candidacy addresses none). */
export const candidacyFieldCodes = referralFieldCodes.filter((f) => f !== 'needs') as Exclude<ReferralField, 'needs'>[];
export type CandidacyField = Exclude<ReferralField, 'needs'>;
/** The trafficking history: shared only when the person explicitly chose to share it with this employer. */
export const historyFields: readonly CandidacyField[] = ['screening', 'case_summary'];
/** The default selection, as far as the consent allows. */
export const defaultCandidacyFields: readonly CandidacyField[] = ['first_name', 'sex', 'age_band', 'languages', 'skills_profile'];

/**
 * How each step of a candidacy moves its referral (the referral's own life cycle, referrals/vocabulary.ts,
 * every move a legal one there):
 * - put forward: referral sent (respond by: 7 days);
 * - the first interview or offer: accepted (answered);
 * - rejected before any answer: declined, with the decline reason `rejectToDecline` maps;
 * - rejected after an interview or an offer: completed with outcome not_delivered;
 * - hired: in_progress, until the placement is recorded: then completed with outcome delivered;
 * - withdrawn by the sender: withdrawn.
 * An interview followed by an offer leaves the referral accepted.
 */
export const rejectToDecline: Readonly<Record<CandidacyRejectReason, DeclineReason>> = {
  skills_mismatch: 'not_eligible',
  position_filled: 'no_capacity',
  location: 'outside_area',
  not_reachable: 'other',
  person_declined: 'other',
  other: 'other',
};

export interface ReferralStep {
  status: ReferralStatus;
  declineReason?: DeclineReason;
  outcome?: Outcome;
}

/** The referral's move for a partner's answer from `from`, or null when the referral stays where it is. */
export function referralStepFor(from: CandidacyStatus, to: CandidacyAnswer, reason: CandidacyRejectReason | null): ReferralStep | null {
  switch (to) {
    case 'interview':
    case 'offer':
      return from === 'put_forward' ? { status: 'accepted' } : null;
    case 'rejected':
      return from === 'put_forward' ? { status: 'declined', declineReason: rejectToDecline[reason ?? 'other'] } : { status: 'completed', outcome: 'not_delivered' };
    case 'hired':
      return { status: 'in_progress' };
  }
}

/** The referral step when the placement is recorded. */
export const placementReferralStep: ReferralStep = { status: 'completed', outcome: 'delivered' };
