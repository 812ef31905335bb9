// The life cycle rules on their own: moves per side, what each move needs, overdue and the grace period.
import { describe, expect, it } from 'vitest';
import { accessUntil, allowedMoves, checkMove, hoursBetween, isOverdue } from './lifecycle.js';
import { personalVisible, visibleFieldsOf, firstNameOf } from './sharing.js';
import { ageBandOf, fieldsAllowedBy, minimumFields, referralStatuses, referralTransitions } from './vocabulary.js';

describe('allowed moves', () => {
  it('follow the table for each side', () => {
    expect(allowedMoves('sent', 'receiver')).toEqual(['acknowledged', 'accepted', 'declined']);
    expect(allowedMoves('acknowledged', 'receiver')).toEqual(['accepted', 'declined']);
    expect(allowedMoves('accepted', 'receiver')).toEqual(['in_progress', 'completed', 'closed']);
    expect(allowedMoves('in_progress', 'receiver')).toEqual(['completed', 'closed']);
    for (const s of ['sent', 'acknowledged', 'accepted', 'in_progress'] as const) expect(allowedMoves(s, 'sender')).toEqual(['withdrawn']);
    for (const s of ['declined', 'completed', 'closed', 'withdrawn'] as const) {
      expect(allowedMoves(s, 'receiver')).toEqual([]);
      expect(allowedMoves(s, 'sender')).toEqual([]);
    }
  });

  it('refuse any move outside the table with the allowed ones', () => {
    for (const from of referralStatuses)
      for (const to of referralStatuses)
        for (const side of ['receiver', 'sender'] as const) {
          const inTable = referralTransitions.some((t) => t.from === from && t.to === to && t.by === side);
          const check = checkMove(from, to, side, { reason: 'no_capacity', outcome: 'delivered', note: 'x' });
          if (!inTable) expect(check).toEqual({ ok: false, code: 'transition_not_allowed', allowed: allowedMoves(from, side) });
          else expect(check.ok || check.code === 'invalid_input').toBe(true);
        }
  });

  it('ask for a decline reason (and a note for other) and an outcome, and nothing else', () => {
    expect(checkMove('sent', 'declined', 'receiver')).toEqual({ ok: false, code: 'invalid_input', fields: { reason: 'required' } });
    expect(checkMove('sent', 'declined', 'receiver', { reason: 'busy' })).toEqual({ ok: false, code: 'invalid_input', fields: { reason: 'invalid_choice' } });
    expect(checkMove('sent', 'declined', 'receiver', { reason: 'other' })).toEqual({ ok: false, code: 'invalid_input', fields: { note: 'required' } });
    expect(checkMove('sent', 'declined', 'receiver', { reason: 'other', note: 'Kuota penuh' })).toEqual({ ok: true, reason: 'other', outcome: null });
    expect(checkMove('accepted', 'completed', 'receiver')).toEqual({ ok: false, code: 'invalid_input', fields: { outcome: 'required' } });
    expect(checkMove('accepted', 'completed', 'receiver', { outcome: 'partly_delivered' })).toEqual({ ok: true, reason: null, outcome: 'partly_delivered' });
    expect(checkMove('sent', 'accepted', 'receiver', { reason: 'no_capacity', outcome: 'delivered' })).toEqual({
      ok: false,
      code: 'invalid_input',
      fields: { reason: 'not_allowed', outcome: 'not_allowed' },
    });
    expect(checkMove('sent', 'withdrawn', 'sender', { note: 'Sudah dirujuk ke tempat lain' })).toEqual({ ok: true, reason: null, outcome: null });
  });
});

describe('time', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it('is overdue only while awaiting an answer after the deadline', () => {
    const past = new Date('2026-03-10T11:59:00Z');
    expect(isOverdue('sent', past, now)).toBe(true);
    expect(isOverdue('acknowledged', past, now)).toBe(true);
    expect(isOverdue('accepted', past, now)).toBe(false);
    expect(isOverdue('declined', past, now)).toBe(false);
    expect(isOverdue('sent', new Date('2026-03-10T12:01:00Z'), now)).toBe(false);
  });
  it('ends the view of the person fourteen days after the end', () => {
    expect(accessUntil(null)).toBeNull();
    expect(accessUntil(new Date('2026-03-01T00:00:00Z'))).toEqual(new Date('2026-03-15T00:00:00Z'));
    expect(personalVisible(null, now)).toBe(true);
    expect(personalVisible(new Date('2026-02-25T12:00:00Z'), now)).toBe(true);
    expect(personalVisible(new Date('2026-02-24T11:59:00Z'), now)).toBe(false);
    expect(hoursBetween(new Date('2026-03-10T00:00:00Z'), now)).toBe(12);
  });
});

describe('visible fields', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const chosen = ['first_name', 'sex', 'contact', 'needs'];
  it('are the chosen ones the current consent allows', () => {
    expect(visibleFieldsOf({ sharedFields: chosen, overridden: false, endedAt: null }, ['name', 'sex', 'contact', 'needs'], now)).toEqual(['first_name', 'sex', 'needs', 'contact']);
    expect(visibleFieldsOf({ sharedFields: chosen, overridden: false, endedAt: null }, ['name', 'sex'], now)).toEqual(['first_name', 'sex']);
    expect(visibleFieldsOf({ sharedFields: chosen, overridden: false, endedAt: null }, null, now)).toEqual([]);
  });
  it('stand as chosen under an override, and end with the grace period', () => {
    expect(visibleFieldsOf({ sharedFields: chosen, overridden: true, endedAt: null }, null, now)).toEqual(['first_name', 'sex', 'needs', 'contact']);
    expect(visibleFieldsOf({ sharedFields: chosen, overridden: true, endedAt: new Date('2026-02-01T00:00:00Z') }, null, now)).toEqual([]);
    expect(visibleFieldsOf({ sharedFields: chosen, overridden: false, endedAt: new Date('2026-03-01T00:00:00Z') }, ['name', 'sex'], now)).toEqual(['first_name', 'sex']);
  });
  it('map consent fields to referral fields, with the minimum by default', () => {
    expect(fieldsAllowedBy(['name'])).toEqual(['first_name', 'full_name']);
    expect(minimumFields).toEqual(['first_name', 'sex', 'age_band', 'languages', 'needs']);
    expect(firstNameOf('  Siti Nurhaliza Rahman ')).toBe('Siti');
    expect([ageBandOf(0), ageBandOf(17), ageBandOf(18), ageBandOf(60)]).toEqual(['0-5', '15-17', '18-24', '60+']);
  });
});
