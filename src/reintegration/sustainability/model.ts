// A reintegration-sustainability scoring model is data, not code: its questions and answer
// options (each with a value), the indicator each question feeds, the dimension each indicator
// belongs to, the weights at every level, and the composite formula. Models are versioned; every
// survey records the version it was scored with. `modelSchema` checks a model before it is loaded,
// so that an administrator's new version either scores every survey or is refused whole.
import { z } from 'zod';

export const dimensions = ['economic', 'social', 'psychosocial'] as const;
export type Dimension = (typeof dimensions)[number];

const bilingual = z.object({ id: z.string().trim().min(1), en: z.string().trim().min(1) });
const code = z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, 'Use lower-case letters, digits and underscores.');
const weight = z.number().positive().max(1000);

const option = z.object({ code, label: bilingual, value: z.number().finite() });
const question = z.object({
  code,
  indicator: code,
  text: bilingual,
  options: z.array(option).min(2).max(12),
  /** Within its indicator; default 1. */
  weight: weight.default(1),
});
const indicator = z.object({ code, dimension: z.enum(dimensions), label: bilingual, weight: weight.default(1) });

/**
 * How the dimension scores make the composite. Only a weighted mean is defined today; the kind is
 * named so that a model can say which formula it means and an unknown one is refused.
 */
const composite = z.object({ kind: z.literal('weighted_mean'), weights: z.partialRecord(z.enum(dimensions), weight) });

export const modelSchema = z
  .object({
    code,
    version: z.number().int().min(1),
    name: bilingual,
    /** Where the structure and the weights come from, said plainly (shown with every score). */
    basis: bilingual,
    indicators: z.array(indicator).min(1).max(60),
    questions: z.array(question).min(1).max(120),
    composite,
    /** Share (0–1) of a dimension's indicator weight that must be answered for its score to count. */
    minimumAnswered: z.number().min(0).max(1).default(0.5),
  })
  .superRefine((m, ctx) => {
    const unique = (xs: string[], path: (string | number)[], what: string) => {
      const seen = new Set<string>();
      xs.forEach((x, i) => {
        if (seen.has(x)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `${what} ${x} appears twice.`, params: { code: 'duplicate' } });
        seen.add(x);
      });
    };
    unique(m.indicators.map((i) => i.code), ['indicators'], 'Indicator');
    unique(m.questions.map((q) => q.code), ['questions'], 'Question');
    const indicators = new Set(m.indicators.map((i) => i.code));
    m.questions.forEach((q, i) => {
      if (!indicators.has(q.indicator)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'indicator'], message: `Unknown indicator ${q.indicator}.`, params: { code: 'unknown_indicator' } });
      unique(q.options.map((o) => o.code), ['questions', i, 'options'], 'Option');
      if (new Set(q.options.map((o) => o.value)).size < 2)
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'options'], message: 'The options need at least two different values.', params: { code: 'same_values' } });
    });
    m.indicators.forEach((ind, i) => {
      if (!m.questions.some((q) => q.indicator === ind.code))
        ctx.addIssue({ code: 'custom', path: ['indicators', i], message: `Indicator ${ind.code} has no question.`, params: { code: 'no_question' } });
    });
    for (const d of dimensions) {
      if (!m.indicators.some((i) => i.dimension === d)) ctx.addIssue({ code: 'custom', path: ['indicators'], message: `The ${d} dimension has no indicator.`, params: { code: 'no_indicator' } });
      if (!(d in m.composite.weights)) ctx.addIssue({ code: 'custom', path: ['composite', 'weights', d], message: `The composite needs a weight for ${d}.`, params: { code: 'required' } });
    }
  });

export type SustainabilityModel = z.infer<typeof modelSchema>;
export type ModelInput = z.input<typeof modelSchema>;

/**
 * The problems of a model that does not validate, as the API's field errors: the path of each
 * (`questions.3.options`) with a code the web app translates, and an English line per problem.
 */
export function modelProblems(issues: readonly z.core.$ZodIssue[]): { fields: Record<string, string>; lines: string[] } {
  const fields: Record<string, string> = {};
  const lines: string[] = [];
  for (const i of issues) {
    const path = i.path.map(String).join('.') || '_';
    lines.push(`${path}: ${i.message}`);
    if (fields[path]) continue;
    fields[path] = issueCode(i);
  }
  return { fields, lines };
}

function issueCode(i: z.core.$ZodIssue): string {
  switch (i.code) {
    case 'custom':
      return typeof i.params?.code === 'string' ? i.params.code : 'invalid';
    case 'invalid_type':
      return i.input === undefined ? 'required' : 'invalid_type';
    case 'too_small':
      return i.origin === 'string' && i.minimum === 1 ? 'required' : i.origin === 'string' || i.origin === 'array' ? 'too_short' : 'too_small';
    case 'too_big':
      return i.origin === 'string' || i.origin === 'array' ? 'too_long' : 'too_large';
    case 'invalid_format':
      return 'invalid_format';
    case 'invalid_value':
      return 'invalid_choice';
    case 'unrecognized_keys':
      return 'unknown_field';
    default:
      return 'invalid';
  }
}
