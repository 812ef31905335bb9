// Scores one survey with a model. Every answer is normalised to 0–1 within its question (the
// worst option 0, the best 1); an indicator is the weighted mean of its answered questions; a
// dimension the weighted mean of its answered indicators, provided enough of its indicator weight
// was answered (`minimumAnswered`), else null; the composite follows the model's formula, and is
// null while any dimension is. Unanswered (not applicable) questions simply do not count.
import { dimensions, type Dimension, type SustainabilityModel } from './model.js';

/** Question code → chosen option code. */
export type Answers = Readonly<Record<string, string>>;

export interface SustainabilityScore {
  modelCode: string;
  modelVersion: number;
  indicators: Record<string, number | null>;
  dimensions: Record<Dimension, number | null>;
  composite: number | null;
  answered: number;
}

/** Answers naming a question or an option the model does not have, by question code. */
export function answerErrors(model: SustainabilityModel, answers: Answers): Record<string, 'unknown_question' | 'unknown_option'> {
  const out: Record<string, 'unknown_question' | 'unknown_option'> = {};
  for (const [question, option] of Object.entries(answers)) {
    const q = model.questions.find((x) => x.code === question);
    if (!q) out[question] = 'unknown_question';
    else if (!q.options.some((o) => o.code === option)) out[question] = 'unknown_option';
  }
  return out;
}

const weightedMean = (parts: { value: number; weight: number }[]) => {
  const w = parts.reduce((s, p) => s + p.weight, 0);
  return w ? parts.reduce((s, p) => s + p.value * p.weight, 0) / w : null;
};

/** Scores the answers; throws on an answer the model does not know (check `answerErrors` first). */
export function score(model: SustainabilityModel, answers: Answers): SustainabilityScore {
  const unknown = Object.keys(answerErrors(model, answers));
  if (unknown.length) throw new Error(`Answers the model does not know: ${unknown.join(', ')}`);
  const indicators: Record<string, number | null> = {};
  let answered = 0;
  for (const ind of model.indicators) {
    const parts = model.questions
      .filter((q) => q.indicator === ind.code && answers[q.code] !== undefined)
      .map((q) => {
        answered++;
        const values = q.options.map((o) => o.value);
        const min = Math.min(...values);
        const max = Math.max(...values);
        const chosen = q.options.find((o) => o.code === answers[q.code])!.value;
        return { value: (chosen - min) / (max - min), weight: q.weight };
      });
    indicators[ind.code] = weightedMean(parts);
  }
  const dims = {} as Record<Dimension, number | null>;
  for (const d of dimensions) {
    const own = model.indicators.filter((i) => i.dimension === d);
    const total = own.reduce((s, i) => s + i.weight, 0);
    const present = own.filter((i) => indicators[i.code] !== null);
    const share = present.reduce((s, i) => s + i.weight, 0) / total;
    dims[d] = share >= model.minimumAnswered && present.length ? weightedMean(present.map((i) => ({ value: indicators[i.code]!, weight: i.weight }))) : null;
  }
  const composite = dimensions.every((d) => dims[d] !== null)
    ? weightedMean(dimensions.map((d) => ({ value: dims[d]!, weight: model.composite.weights[d]! })))
    : null;
  return { modelCode: model.code, modelVersion: model.version, indicators, dimensions: dims, composite, answered };
}
