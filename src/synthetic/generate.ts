// Deterministic generator of synthetic Indonesian returnees, their cases, and labelled
// re-registrations (variants) for the duplicate search. Everything is drawn from a seeded PRNG:
// the same seed and reference date give the same population on every machine.
//
//   npx tsx bench/sample.ts --persons 20 [--seed 7] [--variants 5] [--date 2026-11-27]
//
// prints JSON lines (persons with their cases, then variants) for a look at what it makes.
import { caseCountOf, generateCase, type GeneratedCase } from './case.js';
import { PersonGenerator, defaultReferenceDate, type GeneratedPerson, type GeneratorOptions } from './person.js';
import { Rng } from './prng.js';
import { controlQuery, makeVariant, type LabelledVariant } from './variants.js';

export * from './areas.js';
export * from './case.js';
export * from './dates.js';
export * from './names.js';
export * from './person.js';
export * from './prng.js';
export * from './variants.js';

export interface Population {
  generator: PersonGenerator;
  /** Persons 0..n-1 with their cases, one at a time (a million do not fit comfortably in memory at once). */
  each(): Generator<{ person: GeneratedPerson; cases: GeneratedCase[] }>;
  /** Labelled variants of a deterministic sample of the persons, plus controls (persons never loaded). */
  variants(persons: (index: number) => GeneratedPerson, count: number, controls?: number): LabelledVariant[];
  /** Indices of the persons the variants are built from (pick them while loading to keep them). */
  variantSample(count: number): number[];
}

export function population(n: number, options: Partial<GeneratorOptions> = {}): Population {
  const opts: GeneratorOptions = { seed: options.seed ?? 20261127, referenceDate: options.referenceDate ?? defaultReferenceDate, since: options.since };
  const generator = new PersonGenerator(opts);
  const sample = (count: number) => {
    const rng = Rng.derive(opts.seed, 'variant-sample');
    const picked = new Set<number>();
    const want = Math.min(count, n);
    while (picked.size < want) picked.add(rng.int(0, n - 1));
    return [...picked].sort((a, b) => a - b);
  };
  return {
    generator,
    *each() {
      for (let i = 0; i < n; i++) {
        const person = generator.person(i);
        const cases = Array.from({ length: caseCountOf(opts.seed, i) }, (_, k) => generateCase(opts.seed, person, opts.referenceDate, k));
        yield { person, cases };
      }
    },
    variantSample: sample,
    variants(persons, count, controls = 0) {
      const vopts = { seed: opts.seed, referenceDate: opts.referenceDate, areas: generator.areas };
      const out = sample(count).map((i) => makeVariant(vopts, persons(i)));
      // Controls: persons generated past the end of the population, so never loaded.
      for (let k = 0; k < controls; k++) out.push(controlQuery(generator.person(n + 1 + k)));
      return out;
    },
  };
}
