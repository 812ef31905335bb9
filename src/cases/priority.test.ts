import { describe, expect, it } from 'vitest';
import { ageOn, bandOf, computePriority, isChild, priorityBands, type PriorityInput } from './priority.js';

const base: PriorityInput = { riskLevel: 'low', flags: [], caseType: 'vulnerable_migrant', overdueTasks: 0 };
const p = (over: Partial<PriorityInput>) => computePriority({ ...base, ...over });

describe('priority', () => {
  it('a low-risk adult migrant with nothing pending is routine with no reasons', () => {
    expect(p({})).toEqual({ score: 0, band: 'routine', reasons: [] });
  });

  it('a child with a security risk outranks an adult low-risk case', () => {
    const child = p({ flags: ['child', 'security_risk'] });
    const adult = p({ caseType: 'victim_of_trafficking' });
    expect(child.score).toBeGreaterThan(adult.score);
    expect(priorityBands.indexOf(child.band)).toBeGreaterThan(priorityBands.indexOf(adult.band));
    expect(child.reasons).toEqual(['security_risk', 'child']);
  });

  it('overdue tasks raise it, up to a cap', () => {
    const scores = [0, 1, 2, 3, 4, 10].map((n) => p({ overdueTasks: n }).score);
    expect(scores).toEqual([0, 5, 10, 15, 15, 15]);
    expect(p({ overdueTasks: 2 }).reasons).toEqual(['overdue_tasks']);
    expect(p({ overdueTasks: -3 }).score).toBe(0);
  });

  it('a backlog alone does not outrank a person in danger', () => {
    expect(p({ overdueTasks: 50, daysSinceLastContact: 400 }).score).toBeLessThan(p({ riskLevel: 'high', flags: ['security_risk'] }).score);
  });

  it('silence raises it after two weeks and more after a month', () => {
    expect(p({ daysSinceLastContact: 14 }).score).toBe(0);
    expect(p({ daysSinceLastContact: 15 })).toMatchObject({ score: 5, reasons: ['no_recent_contact'] });
    expect(p({ daysSinceLastContact: 30 }).score).toBe(5);
    expect(p({ daysSinceLastContact: 31 })).toMatchObject({ score: 10, reasons: ['long_without_contact'] });
  });

  it('risk levels order the scores', () => {
    const s = (['low', 'medium', 'high', 'critical'] as const).map((r) => p({ riskLevel: r }).score);
    expect(s).toEqual([...s].sort((a, b) => a - b));
    expect(new Set(s).size).toBe(4);
  });

  it('a case marked critical is always in the critical band', () => {
    expect(p({ riskLevel: 'critical' })).toEqual({ score: 70, band: 'critical', reasons: ['risk_critical'] });
  });

  it('case type adds weight for victims and lone children', () => {
    expect(p({ caseType: 'unaccompanied_or_separated_child' }).score).toBeGreaterThan(p({ caseType: 'victim_of_trafficking' }).score);
    expect(p({ caseType: 'presumed_victim' }).score).toBe(p({ caseType: 'victim_of_trafficking' }).score);
    expect(p({ caseType: 'stranded_migrant' }).score).toBeGreaterThan(p({ caseType: 'vulnerable_migrant' }).score);
    expect(p({ caseType: 'presumed_victim' }).reasons).toEqual(['type_presumed_victim']);
  });

  it('clamps at 100 and lists the largest contributions first', () => {
    const worst = p({
      riskLevel: 'critical',
      flags: ['child', 'urgent_medical', 'security_risk'],
      caseType: 'unaccompanied_or_separated_child',
      overdueTasks: 9,
      daysSinceLastContact: 60,
    });
    expect(worst.score).toBe(100);
    expect(worst.band).toBe('critical');
    expect(worst.reasons).toEqual([
      'risk_critical',
      'urgent_medical',
      'security_risk',
      'child',
      'type_unaccompanied_or_separated_child',
      'overdue_tasks',
      'long_without_contact',
    ]);
  });

  it('bands by threshold', () => {
    expect([0, 19, 20, 44, 45, 69, 70, 100].map(bandOf)).toEqual(['routine', 'routine', 'elevated', 'elevated', 'urgent', 'urgent', 'critical', 'critical']);
  });
});

describe('child flag', () => {
  const exact = (date: string) => ({ kind: 'exact', date }) as const;

  it('exactly 18 today is not a child; the day before is', () => {
    expect(isChild(exact('2008-06-15'), '2026-06-15')).toBe(false);
    expect(isChild(exact('2008-06-15'), '2026-06-14')).toBe(true);
    expect(isChild(exact('2008-06-16'), '2026-06-15')).toBe(true);
    expect(ageOn(exact('2008-06-15'), '2026-06-15')).toBe(18);
    expect(ageOn(exact('2008-06-15'), '2026-06-14')).toBe(17);
  });

  it('someone born on 29 February becomes an adult on 1 March in a common year', () => {
    expect(isChild(exact('2008-02-29'), '2026-02-28')).toBe(true);
    expect(isChild(exact('2008-02-29'), '2026-03-01')).toBe(false);
    expect(isChild(exact('2004-02-29'), '2022-02-28')).toBe(true);
    expect(isChild(exact('2004-02-29'), '2022-03-01')).toBe(false);
  });

  it('adults and young children', () => {
    expect(isChild(exact('1990-01-01'), '2026-11-28')).toBe(false);
    expect(isChild(exact('2020-01-01'), '2026-11-28')).toBe(true);
  });

  it('an estimated birth year counts as a child while the person may still be under 18', () => {
    const y = { kind: 'estimated_year', year: 2008 } as const;
    expect(isChild(y, '2026-12-30')).toBe(true);
    expect(isChild(y, '2026-12-31')).toBe(false);
    expect(isChild(y, '2027-01-01')).toBe(false);
    expect(isChild({ kind: 'estimated_year', year: 2007 }, '2026-01-01')).toBe(false);
  });

  it('an estimated age stated on a day', () => {
    expect(isChild({ kind: 'estimated_age', age: 17, statedOn: '2026-03-10' }, '2026-11-28')).toBe(true);
    expect(isChild({ kind: 'estimated_age', age: 17, statedOn: '2026-03-10' }, '2027-03-09')).toBe(true);
    expect(isChild({ kind: 'estimated_age', age: 17, statedOn: '2026-03-10' }, '2027-03-10')).toBe(false);
    expect(isChild({ kind: 'estimated_age', age: 18, statedOn: '2026-11-28' }, '2026-11-28')).toBe(false);
    expect(isChild({ kind: 'estimated_age', age: 25, statedOn: '2020-01-01' }, '2026-11-28')).toBe(false);
    expect(ageOn({ kind: 'estimated_age', age: 15, statedOn: '2024-05-01' }, '2026-11-28')).toBe(17);
  });

  it('rejects malformed dates and ages', () => {
    expect(() => isChild(exact('2008-02-30'), '2026-01-01')).toThrow(RangeError);
    expect(() => isChild(exact('15/06/2008'), '2026-01-01')).toThrow(RangeError);
    expect(() => isChild(exact('2008-06-15'), '2026-13-01')).toThrow(RangeError);
    expect(() => isChild({ kind: 'estimated_age', age: -1, statedOn: '2026-01-01' }, '2026-01-01')).toThrow(RangeError);
    expect(() => isChild({ kind: 'estimated_year', year: 2008.5 }, '2026-01-01')).toThrow(RangeError);
  });
});
