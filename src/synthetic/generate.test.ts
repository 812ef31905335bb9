import { describe, expect, it } from 'vitest';
import { nikConsistency, parseNik } from '../persons/nik.js';
import { compareNames } from '../persons/names.js';
import { isChild } from '../cases/priority.js';
import { stages } from '../cases/workflow.js';
import { loadAreaData, population, type GeneratedCase, type GeneratedPerson, type LabelledVariant } from './generate.js';

const N = 20_000;
const pop = population(N, { seed: 42, referenceDate: '2026-11-27' });
const persons: GeneratedPerson[] = [];
const cases: GeneratedCase[] = [];
for (const x of pop.each()) {
  persons.push(x.person);
  cases.push(...x.cases);
}
const share = (xs: unknown[], pred: (x: never) => boolean) => xs.filter((x) => pred(x as never)).length / xs.length;

describe('determinism', () => {
  it('gives the same population for the same seed and a different one for another seed', () => {
    const a = [...population(300, { seed: 7 }).each()];
    const b = [...population(300, { seed: 7 }).each()];
    const c = [...population(300, { seed: 8 }).each()];
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('makes person i the same whatever was generated before it', () => {
    const fresh = population(N, { seed: 42, referenceDate: '2026-11-27' }).generator.person(12_345);
    expect(fresh).toEqual(persons[12_345]);
  });

  it('makes the same variants for the same seed', () => {
    const v1 = pop.variants((i) => persons[i], 200, 20);
    const v2 = population(N, { seed: 42, referenceDate: '2026-11-27' }).variants((i) => persons[i], 200, 20);
    expect(v2).toEqual(v1);
  });
});

describe('persons', () => {
  const areas = loadAreaData();
  const villageCodes = new Set([...areas.villagesByRegency.values()].flatMap((vs) => vs.map((v) => v.code)));

  it('carries NIKs that parse and agree with the person (province, district, sex, birth date)', () => {
    let niks = 0;
    const seen = new Set<string>();
    for (const p of persons) {
      for (const d of p.documents.filter((x) => x.type === 'nik')) {
        niks++;
        const parsed = parseNik(d.number);
        expect(parsed.ok, d.number).toBe(true);
        if (!parsed.ok || p.birth?.kind !== 'exact') throw new Error('a NIK without an exact birth date');
        expect(parsed.provinceCode).toBe(p.homeProvinceCode);
        if (p.homeVillageCode) expect(p.homeVillageCode.startsWith(parsed.districtCode + '.')).toBe(true);
        const [year, month, day] = p.birth.date.split('-').map(Number);
        expect(nikConsistency(parsed, { sex: p.sex, dateOfBirth: { year, month, day } })).toEqual([]);
        expect(seen.has(parsed.nik)).toBe(false);
        seen.add(parsed.nik);
      }
    }
    expect(niks / persons.length).toBeGreaterThan(0.55);
    expect(niks / persons.length).toBeLessThan(0.8);
  });

  it('places Indonesians in real villages and gives foreign nationals none', () => {
    for (const p of persons) {
      if (p.homeVillageCode) expect(villageCodes.has(p.homeVillageCode), p.homeVillageCode).toBe(true);
      if (p.nationality !== 'ID') expect(p.homeVillageCode).toBeNull();
    }
  });

  it('writes phone numbers in E.164, mostly Indonesian mobiles', () => {
    const phones = persons.flatMap((p) => p.phones);
    for (const ph of phones) expect(ph).toMatch(/^\+[1-9]\d{7,14}$/);
    expect(share(phones, (ph: string) => ph.startsWith('+628'))).toBeGreaterThan(0.85);
  });

  it('weights home provinces like the real sending areas', () => {
    const count = new Map<string, number>();
    for (const p of persons) if (p.homeProvinceCode) count.set(p.homeProvinceCode, (count.get(p.homeProvinceCode) ?? 0) + 1);
    const ranked = [...count.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    expect(ranked.slice(0, 3)).toEqual(['35', '33', '32']);
    expect(ranked.slice(3, 5)).toContain('52');
    const eastJava = count.get('35')! / persons.length;
    expect(eastJava).toBeGreaterThan(0.2);
    expect(eastJava).toBeLessThan(0.27);
    // Every province appears in a population this size.
    expect(count.size).toBe(38);
  });

  it('draws sex, age and destinations like real flows', () => {
    const female = share(persons, (p: GeneratedPerson) => p.sex === 'female');
    expect(female).toBeGreaterThan(0.55);
    expect(female).toBeLessThan(0.66);
    const children = share(persons, (p: GeneratedPerson) => p.birth !== null && isChild(p.birth, '2026-11-27'));
    expect(children).toBeGreaterThan(0.03);
    expect(children).toBeLessThan(0.1);
    const dest = new Map<string, number>();
    for (const p of persons) dest.set(p.meta.destinations[0], (dest.get(p.meta.destinations[0]) ?? 0) + 1);
    const top = [...dest.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    expect(top[0]).toBe('MY');
    expect(top.slice(0, 5)).toEqual(expect.arrayContaining(['TW', 'HK']));
    // Scam compounds (Cambodia, Myanmar) send mostly men.
    const scam = persons.filter((p) => ['KH', 'MM'].includes(p.meta.destinations[0]) && p.nationality === 'ID');
    expect(share(scam, (p: GeneratedPerson) => p.sex === 'male')).toBeGreaterThan(0.7);
    // Domestic work in Hong Kong: women.
    const hk = persons.filter((p) => p.meta.destinations[0] === 'HK');
    expect(share(hk, (p: GeneratedPerson) => p.sex === 'female')).toBe(1);
    expect(share(persons, (p: GeneratedPerson) => p.nationality !== 'ID')).toBeGreaterThan(0.015);
  });

  it('knows some birth dates only by year or age', () => {
    const kinds = new Map<string, number>();
    for (const p of persons) kinds.set(p.birth?.kind ?? 'none', (kinds.get(p.birth?.kind ?? 'none') ?? 0) + 1);
    expect(kinds.get('exact')! / N).toBeGreaterThan(0.7);
    expect(kinds.get('estimated_year')! / N).toBeGreaterThan(0.1);
    expect(kinds.get('estimated_age')! / N).toBeGreaterThan(0.04);
    expect(kinds.get('none')! / N).toBeGreaterThan(0.005);
  });

  it('builds names the way each region writes them', () => {
    const names = persons.map((p) => p.fullName);
    const single = share(persons.filter((p) => p.meta.group === 'javanese'), (p: GeneratedPerson) => !p.fullName.includes(' '));
    expect(single).toBeGreaterThan(0.25);
    expect(names.some((n) => n.startsWith('Muhammad '))).toBe(true);
    expect(names.some((n) => n.startsWith('Siti '))).toBe(true);
    expect(names.some((n) => /^Nur[a-z]/.test(n))).toBe(true);
    expect(names.some((n) => /^Nur [A-Z]/.test(n))).toBe(true);
    const bali = persons.filter((p) => p.meta.group === 'balinese');
    expect(share(bali, (p: GeneratedPerson) => /^(I|Ni) /.test(p.fullName))).toBe(1);
    expect(share(bali.filter((p) => p.sex === 'female'), (p: GeneratedPerson) => p.fullName.startsWith('Ni '))).toBe(1);
    expect(names.some((n) => / (Siregar|Simanjuntak|Sinaga|Situmorang)$/.test(n))).toBe(true);
    expect(names.some((n) => /^(Andi|Lalu|Baiq) /.test(n))).toBe(true);
    expect(names.some((n) => / (Manek|Seran|Bria|Tefa|Nahak)$/.test(n))).toBe(true);
    // Variety: a million persons must not be a few hundred names.
    expect(new Set(names).size).toBeGreaterThan(5000);
  });
});

describe('cases', () => {
  it('uses only the known vocabularies', () => {
    for (const c of cases) {
      expect(stages).toContain(c.stage);
      expect((c.stage === 'closed') === (c.closedOn !== null)).toBe(true);
      expect((c.stage === 'closed') === (c.closureReason !== null)).toBe(true);
      if (c.nextDueOn) expect(c.tasks.some((t) => t.status === 'open' && t.dueOn === c.nextDueOn)).toBe(true);
    }
  });

  it('spreads cases over the stages, with overdue work to find and a queue to triage', () => {
    const closed = share(cases, (c: GeneratedCase) => c.stage === 'closed');
    expect(closed).toBeGreaterThan(0.3);
    expect(closed).toBeLessThan(0.55);
    for (const s of stages) expect(share(cases, (c: GeneratedCase) => c.stage === s), s).toBeGreaterThan(0.005);
    const overdue = share(cases, (c: GeneratedCase) => c.nextDueOn !== null && c.nextDueOn < '2026-11-27');
    expect(overdue).toBeGreaterThan(0.05);
    expect(overdue).toBeLessThan(0.3);
    const queue = share(cases, (c: GeneratedCase) => !c.assigned && c.stage !== 'closed');
    expect(queue).toBeGreaterThan(0.02);
    expect(queue).toBeLessThan(0.1);
    expect(cases.length / N).toBeGreaterThan(1.02);
    expect(cases.length / N).toBeLessThan(1.07);
    expect(share(cases, (c: GeneratedCase) => c.direction === 'outbound')).toBeGreaterThan(0.015);
  });

  it('flags children and gives every open case a priority', () => {
    for (const c of cases) {
      const p = persons[c.personIndex];
      expect(c.flags.includes('child')).toBe(p.birth !== null && isChild(p.birth, '2026-11-27'));
      if (c.stage !== 'closed') expect(c.priority.score).toBeGreaterThanOrEqual(0);
    }
    const bands = new Set(cases.map((c) => c.priority.band));
    expect([...bands].sort()).toEqual(['critical', 'elevated', 'routine', 'urgent']);
  });
});

describe('variants', () => {
  const variants = pop.variants((i) => persons[i], 2000, 200);
  const labelled = variants.filter((v): v is LabelledVariant & { personIndex: number } => v.personIndex !== null);

  it('changes every name and labels what changed', () => {
    for (const v of labelled) {
      const p = persons[v.personIndex];
      expect(v.query.fullName).not.toBe(p.fullName);
      expect(v.changes.length).toBeGreaterThan(0);
      if (v.changes.includes('day_month_swapped') && p.birth?.kind === 'exact' && v.query.birth?.kind === 'exact') {
        const [y, m, d] = p.birth.date.split('-');
        expect(v.query.birth.date).toBe(`${y}-${d}-${m}`);
      }
      if (v.changes.includes('year_only')) expect(v.query.birth).toEqual({ kind: 'estimated_year', year: Number((p.birth as { date: string }).date.slice(0, 4)) });
      if (v.changes.includes('same_nik')) expect(v.query.documents?.[0].number).toBe(p.documents.find((d) => d.type === 'nik')!.number);
    }
  });

  it('covers every kind of change', () => {
    const kinds = new Set(labelled.flatMap((v) => v.changes));
    for (const k of ['joined_or_split', 'spelling_variant', 'old_spelling', 'title_added', 'word_order', 'dropped_middle_name', 'typo', 'day_month_swapped', 'year_only', 'age_only', 'village_nearby', 'village_unknown', 'same_nik', 'same_passport', 'same_phone']) {
      expect(kinds, k).toContain(k);
    }
  });

  it('keeps the variants recognisable as the same name (most score high against the original)', () => {
    const scores = labelled.map((v) => compareNames(persons[v.personIndex].fullName, v.query.fullName).score).sort((a, b) => a - b);
    expect(scores[Math.floor(scores.length * 0.5)]).toBeGreaterThan(0.85);
    expect(scores.filter((s) => s >= 0.6).length / scores.length).toBeGreaterThan(0.9);
  });

  it('adds controls that are not in the population', () => {
    const controls = variants.filter((v) => v.personIndex === null);
    expect(controls).toHaveLength(200);
  });
});
