// Prints synthetic persons, their cases and labelled re-registrations as JSON lines:
//   npx tsx bench/sample.ts --persons 20 --variants 5 [--seed S] [--date YYYY-MM-DD]
import { defaultReferenceDate, population, type GeneratedPerson } from '../src/synthetic/generate.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

{
  const n = Number(arg('persons', '20'));
  const pop = population(n, { seed: arg('seed', '20261127'), referenceDate: arg('date', defaultReferenceDate) });
  const kept = new Map<number, GeneratedPerson>();
  for (const { person, cases } of pop.each()) {
    kept.set(person.index, person);
    console.log(JSON.stringify({ person, cases }));
  }
  for (const v of pop.variants((i) => kept.get(i)!, Number(arg('variants', '5')))) console.log(JSON.stringify({ variant: v }));
}
