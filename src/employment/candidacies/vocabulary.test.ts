// The candidacy rules as data: every step a candidacy makes its referral take is a legal move of
// the referral's own life cycle (by the receiving side), so that a candidacy's referral reads like
// any other in the boxes, the counts and the provider's record.
import { describe, expect, it } from 'vitest';
import { checkMove } from '../../referrals/lifecycle.js';
import { candidacyRejectReasons, candidacyStatuses, type CandidacyStatus } from '../vocabulary.js';
import { candidacyMoves, candidacyFieldCodes, defaultCandidacyFields, historyFields, isWithdrawable, placementReferralStep, referralStepFor, rejectToDecline } from './vocabulary.js';
import type { ReferralStatus } from '../../referrals/vocabulary.js';

/** The referral's status while a candidacy stands in each status (the mapping the service keeps). */
const referralWhile: Record<CandidacyStatus, ReferralStatus | null> = {
  put_forward: 'sent',
  interview: 'accepted',
  offer: 'accepted',
  hired: 'in_progress',
  rejected: null,
  withdrawn: 'withdrawn',
};

describe('candidacy rules', () => {
  it('allows the partner the moves of the issue, and nothing after hired, rejected or withdrawn', () => {
    expect(candidacyMoves).toEqual({
      put_forward: ['interview', 'offer', 'rejected'],
      interview: ['offer', 'rejected'],
      offer: ['hired', 'rejected'],
      hired: [],
      rejected: [],
      withdrawn: [],
    });
    expect(candidacyStatuses.filter(isWithdrawable)).toEqual(['put_forward', 'interview', 'offer']);
  });

  it('moves the referral only along its own life cycle', () => {
    for (const from of candidacyStatuses)
      for (const to of candidacyMoves[from]) {
        const reasons = to === 'rejected' ? candidacyRejectReasons : [null];
        for (const reason of reasons) {
          const step = referralStepFor(from, to, reason);
          const referralFrom = referralWhile[from]!;
          if (!step) {
            expect(referralWhile[to]).toBe(referralFrom);
            continue;
          }
          const check = checkMove(referralFrom, step.status, 'receiver', { reason: step.declineReason ?? null, outcome: step.outcome ?? null, note: 'x' });
          expect(check.ok, `${from} → ${to}: referral ${referralFrom} → ${step.status}`).toBe(true);
        }
      }
    expect(checkMove('in_progress', placementReferralStep.status, 'receiver', { outcome: placementReferralStep.outcome }).ok).toBe(true);
  });

  it('maps each reject reason to a decline reason', () => {
    expect(Object.keys(rejectToDecline).sort()).toEqual([...candidacyRejectReasons].sort());
    expect(referralStepFor('put_forward', 'rejected', 'skills_mismatch')).toEqual({ status: 'declined', declineReason: 'not_eligible' });
    expect(referralStepFor('interview', 'rejected', 'skills_mismatch')).toEqual({ status: 'completed', outcome: 'not_delivered' });
  });

  it('never carries the needs; the history is not among the defaults', () => {
    expect(candidacyFieldCodes).not.toContain('needs');
    expect(defaultCandidacyFields.filter((f) => historyFields.includes(f))).toEqual([]);
    expect(historyFields).toEqual(['screening', 'case_summary']);
  });
});
