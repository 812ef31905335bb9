import { describe, expect, it } from 'vitest';
import { closureReasons } from '../cases/workflow.js';
import { acknowledgeableReasons, approvable, checklistCodes, mayAcknowledge, type ChecklistItem } from './vocabulary.js';

const item = (code: ChecklistItem['code'], met: boolean): ChecklistItem => ({ code, met, detail: {} });
const complete = checklistCodes.map((c) => item(c, true));
const without = (...unmet: ChecklistItem['code'][]) => checklistCodes.map((c) => item(c, !unmet.includes(c)));

describe('approving against the checklist', () => {
  it('a complete checklist approves for every reason, acknowledged or not', () => {
    for (const r of closureReasons) for (const ack of [false, true]) expect(approvable(complete, r.code, ack)).toBe(true);
  });

  it('an incomplete one needs the acknowledgement and a reason where the plan cannot be finished', () => {
    const missing = without('last_survey_done', 'plan_items_done', 'referrals_resolved');
    for (const r of closureReasons) {
      expect(approvable(missing, r.code, false)).toBe(false);
      expect(approvable(missing, r.code, true)).toBe(mayAcknowledge(r.code));
    }
    expect(acknowledgeableReasons).toEqual(['deceased', 'duplicate', 'transferred', 'unreachable', 'declined_assistance', 're_migrated']);
    expect(mayAcknowledge('reintegrated')).toBe(false);
    expect(mayAcknowledge('other')).toBe(false);
  });

  it('a pending transfer is never acknowledged', () => {
    for (const r of acknowledgeableReasons) {
      expect(approvable(without('no_pending_transfer'), r, true)).toBe(false);
      expect(approvable(without('no_pending_transfer', 'last_survey_done'), r, true)).toBe(false);
    }
  });

  it('every acknowledgeable reason is a closure reason', () => {
    const codes = closureReasons.map((r) => r.code as string);
    for (const r of acknowledgeableReasons) expect(codes).toContain(r);
  });
});
