import { describe, expect, it } from 'vitest';
import { allowedTransitions, checkTransition, closableStages, closureReasons, isClosureReason, isStage, openStages, stages, type Stage } from './workflow.js';

// Closing is never a direct move: a supervisor's approval of a closure request closes a case (src/closure).
const expected: Record<Stage, Stage[]> = {
  intake: ['screening'],
  screening: ['assessment'],
  assessment: ['return_planning', 'reintegration', 'screening'],
  return_planning: ['in_return', 'assessment'],
  in_return: ['reintegration', 'monitoring', 'return_planning'],
  reintegration: ['monitoring', 'assessment'],
  monitoring: ['reintegration'],
  closed: ['reopened'],
  reopened: ['screening', 'assessment', 'return_planning', 'in_return', 'reintegration', 'monitoring'],
};

describe('allowed transitions', () => {
  it('lists the stages in order', () => {
    expect(stages).toEqual(['intake', 'screening', 'assessment', 'return_planning', 'in_return', 'reintegration', 'monitoring', 'closed', 'reopened']);
  });

  for (const from of stages) {
    it(`${from} → ${expected[from].join(', ')}`, () => {
      expect(allowedTransitions(from)).toEqual(expected[from]);
    });
  }

  it('no stage moves to closed directly; every open stage closes through an approved request; only a closed case may be reopened', () => {
    for (const s of stages) expect(allowedTransitions(s)).not.toContain('closed');
    expect(closableStages).toEqual(openStages);
    expect(closableStages).not.toContain('closed');
    for (const s of stages) expect(allowedTransitions(s).includes('reopened')).toBe(s === 'closed');
  });

  it('never allows staying put or going back to intake', () => {
    for (const s of stages) {
      expect(allowedTransitions(s)).not.toContain(s);
      expect(allowedTransitions(s)).not.toContain('intake');
    }
  });

  it('the working order moves forward one step at a time', () => {
    const forward: Stage[] = ['intake', 'screening', 'assessment', 'return_planning', 'in_return', 'reintegration', 'monitoring'];
    for (let i = 0; i < forward.length - 1; i++) expect(checkTransition(forward[i]!, forward[i + 1]!, { reason: 'done' })).toEqual({ ok: true });
  });

  it('a person already home skips return planning', () => {
    expect(checkTransition('assessment', 'reintegration')).toEqual({ ok: true });
  });

  it('returns a copy, so callers cannot change the table', () => {
    const r = checkTransition('intake', 'monitoring');
    if (r.ok || r.code !== 'transition_not_allowed') throw new Error('expected refusal');
    r.allowed.push('monitoring');
    expect(allowedTransitions('intake')).toEqual(['screening']);
  });
});

describe('forbidden transitions', () => {
  it('answer with the allowed stages for every pair not in the table', () => {
    let refused = 0;
    for (const from of stages)
      for (const to of stages) {
        if (expected[from].includes(to)) continue;
        expect(checkTransition(from, to, { reason: 'because' })).toEqual({ ok: false, code: 'transition_not_allowed', allowed: expected[from] });
        refused++;
      }
    expect(refused).toBe(81 - Object.values(expected).reduce((n, l) => n + l.length, 0));
  });

  it('examples', () => {
    expect(checkTransition('intake', 'in_return')).toEqual({ ok: false, code: 'transition_not_allowed', allowed: ['screening'] });
    for (const s of openStages) expect(checkTransition(s, 'closed', { reason: 'Reintegrated and stable' })).toMatchObject({ ok: false, code: 'transition_not_allowed' });
    expect(checkTransition('closed', 'assessment', { reason: 'new abuse reported' })).toEqual({ ok: false, code: 'transition_not_allowed', allowed: ['reopened'] });
    expect(checkTransition('monitoring', 'return_planning')).toMatchObject({ ok: false, code: 'transition_not_allowed' });
  });

  it('an unknown stage is refused, not thrown', () => {
    expect(checkTransition('limbo' as Stage, 'closed', { reason: 'x' })).toEqual({ ok: false, code: 'transition_not_allowed', allowed: [] });
    expect(checkTransition('intake', 'limbo' as Stage)).toMatchObject({ ok: false, code: 'transition_not_allowed' });
  });
});

describe('reasons', () => {
  it('reopening needs a reason', () => {
    expect(checkTransition('closed', 'reopened')).toEqual({ ok: false, code: 'reason_required' });
    expect(checkTransition('closed', 'reopened', { reason: '' })).toEqual({ ok: false, code: 'reason_required' });
    expect(checkTransition('closed', 'reopened', { reason: '   ' })).toEqual({ ok: false, code: 'reason_required' });
    expect(checkTransition('closed', 'reopened', { reason: 'Recruiter contacted her again' })).toEqual({ ok: true });
  });

  it('other moves need none', () => {
    for (const from of stages)
      for (const to of expected[from]) if (to !== 'reopened') expect(checkTransition(from, to)).toEqual({ ok: true });
  });

  it('a not-allowed move is reported before a missing reason', () => {
    expect(checkTransition('closed', 'closed')).toMatchObject({ code: 'transition_not_allowed' });
  });
});

describe('closure reasons and guards', () => {
  it('has unique snake_case codes with both labels', () => {
    const codes = closureReasons.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of closureReasons) {
      expect(r.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(r.label.en.trim()).not.toBe('');
      expect(r.label.id.trim()).not.toBe('');
    }
    expect(codes).toEqual(expect.arrayContaining(['reintegrated', 'declined_assistance', 'unreachable', 'deceased', 'transferred', 'duplicate', 'other']));
  });

  it('recognises codes and stages', () => {
    expect(isClosureReason('deceased')).toBe(true);
    expect(isClosureReason('bored')).toBe(false);
    expect(isStage('in_return')).toBe(true);
    expect(isStage('done')).toBe(false);
    expect(isStage(3)).toBe(false);
  });
});
