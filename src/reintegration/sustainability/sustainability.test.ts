import { describe, expect, it } from 'vitest';
import { defaultModel } from './default-model.js';
import { modelSchema, type ModelInput } from './model.js';
import { answerErrors, score } from './scoring.js';
import { addMonths, surveySchedule } from './schedule.js';

const t = (s: string) => ({ id: s, en: s });
const opts = (...values: number[]) => values.map((value, i) => ({ code: `o${i}`, label: t(`o${i}`), value }));

/** A small model whose scores are worked out by hand below. */
const small: ModelInput = {
  code: 'small',
  version: 3,
  name: t('Small'),
  basis: t('For the test'),
  indicators: [
    { code: 'e1', dimension: 'economic', label: t('e1'), weight: 1 },
    { code: 'e2', dimension: 'economic', label: t('e2'), weight: 3 },
    { code: 's1', dimension: 'social', label: t('s1') },
    { code: 'p1', dimension: 'psychosocial', label: t('p1') },
  ],
  questions: [
    { code: 'qa', indicator: 'e1', text: t('qa'), options: opts(0, 1, 2, 4) },
    { code: 'qb1', indicator: 'e2', text: t('qb1'), options: opts(0, 1, 2, 3) },
    { code: 'qb2', indicator: 'e2', text: t('qb2'), options: opts(10, 20), weight: 2 },
    { code: 'qs', indicator: 's1', text: t('qs'), options: opts(-1, 0, 1) },
    { code: 'qp', indicator: 'p1', text: t('qp'), options: opts(0, 5) },
  ],
  composite: { kind: 'weighted_mean', weights: { economic: 2, social: 1, psychosocial: 1 } },
};
const model = modelSchema.parse(small);

describe('scoring', () => {
  it('normalises answers, weights questions, indicators and dimensions: figures worked out by hand', () => {
    // qa = 2 of 0..4 → 0.5; e2 = (2/3 × 1 + 1 × 2) / 3 = 0.8889; economic = (0.5 × 1 + 0.8889 × 3) / 4 = 0.79167;
    // social: 0 of −1..1 → 0.5; psychosocial: 5 of 0..5 → 1; composite = (0.79167 × 2 + 0.5 + 1) / 4 = 0.77083.
    const s = score(model, { qa: 'o2', qb1: 'o2', qb2: 'o1', qs: 'o1', qp: 'o1' });
    expect(s.indicators.e1).toBeCloseTo(0.5, 10);
    expect(s.indicators.e2).toBeCloseTo(8 / 9, 10);
    expect(s.dimensions.economic).toBeCloseTo(0.791667, 5);
    expect(s.dimensions.social).toBeCloseTo(0.5, 10);
    expect(s.dimensions.psychosocial).toBe(1);
    expect(s.composite).toBeCloseTo(0.770833, 5);
    expect(s).toMatchObject({ modelCode: 'small', modelVersion: 3, answered: 5 });
  });

  it('leaves a dimension without a score when less than the minimum share of its indicator weight is answered', () => {
    // Only e1 (weight 1 of 4): 25 % < 50 % → no economic score, so no composite.
    const few = score(model, { qa: 'o3', qs: 'o2', qp: 'o0' });
    expect(few.dimensions.economic).toBeNull();
    expect(few.composite).toBeNull();
    expect(few.dimensions.social).toBe(1);
    expect(few.dimensions.psychosocial).toBe(0);
    // Only e2 (weight 3 of 4): the economic score is e2's alone.
    const enough = score(model, { qb1: 'o3', qb2: 'o0', qs: 'o0', qp: 'o0' });
    expect(enough.indicators.e2).toBeCloseTo(1 / 3, 10);
    expect(enough.dimensions.economic).toBeCloseTo(1 / 3, 10);
    expect(enough.composite).toBeCloseTo(((1 / 3) * 2) / 4, 10);
  });

  it('names answers the model does not know, and refuses to score them', () => {
    expect(answerErrors(model, { qa: 'o9', zz: 'o0', qp: 'o1' })).toEqual({ qa: 'unknown_option', zz: 'unknown_question' });
    expect(() => score(model, { zz: 'o0' })).toThrow(/zz/);
  });

  it('scores the default model between 0 and 1: best answers 1, worst 0, a question not asked left out', () => {
    const best = Object.fromEntries(defaultModel.questions.map((q) => [q.code, q.options[q.options.length - 1].code]));
    const worst = Object.fromEntries(defaultModel.questions.map((q) => [q.code, q.options[0].code]));
    expect(score(defaultModel, best)).toMatchObject({ dimensions: { economic: 1, social: 1, psychosocial: 1 }, composite: 1 });
    expect(score(defaultModel, worst)).toMatchObject({ dimensions: { economic: 0, social: 0, psychosocial: 0 }, composite: 0 });
    // No children of school age: the social score is the mean of the other four indicators.
    const noChildren: Record<string, string> = { ...best, housing_standard: 'fair' };
    delete noChildren.children_in_school;
    const s = score(defaultModel, noChildren);
    expect(s.indicators.education).toBeNull();
    expect(s.dimensions.social).toBeCloseTo((1 + 0.5 + 1 + 1) / 4, 10);
    expect(s.composite).toBeCloseTo((1 + 0.875 + 1) / 3, 10);
  });
});

describe('the default model', () => {
  it('has the RSS structure: 15 indicators, five in each dimension, equal weights said plainly', () => {
    expect(defaultModel.indicators).toHaveLength(15);
    for (const d of ['economic', 'social', 'psychosocial'] as const) expect(defaultModel.indicators.filter((i) => i.dimension === d)).toHaveLength(5);
    expect(new Set(defaultModel.indicators.map((i) => i.weight))).toEqual(new Set([1]));
    expect(defaultModel.composite.weights).toEqual({ economic: 1, social: 1, psychosocial: 1 });
    expect(defaultModel.basis.en).toMatch(/official weights are not at hand/);
    expect(defaultModel.basis.id).toMatch(/semua bobot sama/);
  });
});

describe('a model as data', () => {
  const broken = (change: (m: ModelInput) => void) => {
    const m = structuredClone(small);
    change(m);
    const r = modelSchema.safeParse(m);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };
  it('refuses duplicate codes, unknown indicators, indicators without questions, empty dimensions and missing composite weights', () => {
    expect(broken(() => {})).toEqual([]);
    expect(broken((m) => m.questions.push({ ...m.questions[0] }))).toContain('Question qa appears twice.');
    expect(broken((m) => (m.questions[0].indicator = 'nope'))).toContain('Unknown indicator nope.');
    expect(broken((m) => m.indicators.push({ code: 'e3', dimension: 'economic', label: t('e3') }))).toContain('Indicator e3 has no question.');
    expect(broken((m) => (m.indicators = m.indicators.filter((i) => i.dimension !== 'social')) && (m.questions = m.questions.filter((q) => q.code !== 'qs')))).toContain(
      'The social dimension has no indicator.',
    );
    expect(broken((m) => delete (m.composite.weights as Record<string, number>).social)).toContain('The composite needs a weight for social.');
    expect(broken((m) => (m.questions[0].options = opts(1, 1)))).toContain('The options need at least two different values.');
    expect(broken((m) => ((m.composite as { kind: string }).kind = 'geometric_mean'))).not.toEqual([]);
  });
});

describe('survey schedule', () => {
  it('falls due 3, 6 and 12 months after arrival, on the same day or the end of a shorter month', () => {
    expect(surveySchedule('2026-05-31')).toEqual([
      { round: 1, monthsAfterArrival: 3, dueOn: '2026-08-31' },
      { round: 2, monthsAfterArrival: 6, dueOn: '2026-11-30' },
      { round: 3, monthsAfterArrival: 12, dueOn: '2027-05-31' },
    ]);
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
  it('takes other months, in order, and refuses nonsense', () => {
    expect(surveySchedule('2026-01-10', [24, 1]).map((s) => s.dueOn)).toEqual(['2026-02-10', '2028-01-10']);
    expect(() => surveySchedule('2026-02-30')).toThrow();
    expect(() => surveySchedule('2026-01-10', [3, 3])).toThrow();
    expect(() => surveySchedule('2026-01-10', [0])).toThrow();
  });
});
