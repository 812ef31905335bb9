// The SQL bounds against the exact score, on generated profiles and openings in a real database:
// never below the score, and equal to it where the bound knows everything. That is what lets
// matching stop reading rows early (service.ts bestByScore).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client.js';
import { cases, employmentOpenings, organizations, persons, skillsProfiles } from '../../platform/db/schema.js';
import { freshDatabase } from '../../../test/support/database.js';
import { openingMatchKeys, openingSearchKeys, profileMatchKeys, profileSearchKeys, scopedSearchKeys } from './keys.js';
import { openingBound, profileBound } from './estimate.js';
import { scoreMatch, type OpeningForMatch, type ProfileForMatch } from './scoring.js';

let database: Database;

/** sfc32, seeded: the same profiles and openings on every run. */
function rng(seed: number) {
  let a = seed,
    b = seed ^ 0x9e3779b9,
    c = 0x85ebca6b,
    d = 0xc2b2ae35;
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
}

const rand = rng(20261201);
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
const some = <T,>(xs: readonly T[], max: number) => [...new Set(Array.from({ length: Math.floor(rand() * (max + 1)) }, () => pick(xs)))];

const occupations = ['5322', '5321', '5311', '5120', '9111', '7212', '7231', '8153', '6223', '5', '9'];
const sectors = ['Q87', 'Q86', 'Q', 'T97', 'I56', 'C25', 'C14', 'A03', 'G47'];
const skills = ['elderly_care', 'cooking', 'welding', 'sewing', 'fishing', 'housekeeping'];
const levels = ['basic', 'intermediate', 'advanced'];
const languages = ['id', 'jv', 'zh', 'en', 'ms'];
const educations = [null, 'primary', 'junior_secondary', 'senior_secondary', 'vocational_secondary', 'diploma'];
const certificates = ['caregiver', 'welding', 'food_handling', 'forklift'];
const areas = ['35.07', '35.07.01', '35.73', '35.78', '32.12', '21.71', '35'];
const constraints = ['no_night_work', 'care_duties', 'cannot_relocate', 'no_transport', 'health'];

function profile(): ProfileForMatch {
  return {
    seeking: some(['employment', 'training', 'self_employment'], 2),
    workHistory: Array.from({ length: Math.floor(rand() * 3) }, () => ({
      country: pick(['ID', 'TW', 'MY', 'HK']),
      sector: rand() < 0.8 ? pick(sectors) : null,
      occupation: rand() < 0.85 ? pick(occupations) : null,
      years: Math.floor(rand() * 12) / 2,
    })),
    skills: [...new Set(some(skills, 3))].map((code) => ({ code, level: pick(levels) })),
    languages: some(languages, 3),
    education: pick(educations),
    certificates: some(certificates, 2).map((code) => ({ code, country: pick([null, 'TW', 'ID']) })),
    preferredSectors: some(sectors, 2),
    preferredAreaCodes: some(areas.filter((a) => a !== '35'), 2),
    willingToRelocate: rand() < 0.4,
    constraints: some(constraints, 2),
    availableFrom: rand() < 0.5 ? null : pick(['2026-11-01', '2027-01-15', '2027-04-01']),
    homeProvinceCode: pick([null, '35', '32']),
  };
}

function opening(): OpeningForMatch {
  const remote = rand() < 0.1;
  return {
    kind: rand() < 0.7 ? 'job' : 'training',
    sector: pick(sectors),
    occupation: pick(occupations),
    areaCode: remote && rand() < 0.5 ? null : pick(areas),
    remote,
    hoursPerWeek: pick([null, 40, 48, 56]),
    workingHours: pick([null, '07.00–15.00', 'Shift malam', 'Lingkungan positif']),
    requiredSkills: [...new Set(some(skills, 2))].map((code) => ({ code, level: pick(levels) })),
    requiredLanguages: some(languages, 2),
    minEducation: pick(educations),
    requiredCertificates: some(certificates, 1),
    accommodation: pick([null, 'provided_free', 'none']),
    startOn: rand() < 0.3 ? null : pick(['2026-12-01', '2027-02-01']),
    certificateAwarded: null,
  };
}

const profiles = Array.from({ length: 60 }, profile);
const openings = Array.from({ length: 60 }, opening);
const openingIds: string[] = [];
const caseIds: string[] = [];

beforeAll(async () => {
  database = await freshDatabase();
  const db = database.db;
  const [partner] = await db.insert(organizations).values({ name: 'PT Uji Estimasi', type: 'private_sector', level: 'regency' }).returning();
  const [office] = await db.insert(organizations).values({ name: 'Dinas Uji Estimasi', type: 'local_government', level: 'province' }).returning();
  for (const o of openings) {
    const [row] = await db
      .insert(employmentOpenings)
      .values({
        organizationId: partner.id,
        kind: o.kind,
        status: 'published',
        title: 'Uji',
        sector: o.sector,
        occupation: o.occupation,
        areaCode: o.areaCode,
        provinceCode: o.areaCode?.slice(0, 2) ?? null,
        remote: o.remote,
        hoursPerWeek: o.hoursPerWeek,
        workingHours: o.workingHours,
        requiredSkills: o.requiredSkills,
        requiredLanguages: [...o.requiredLanguages],
        minEducation: o.minEducation,
        requiredCertificates: [...o.requiredCertificates],
        accommodation: o.accommodation,
        startOn: o.startOn,
        matchKeys: openingMatchKeys(o),
      })
      .returning({ id: employmentOpenings.id });
    openingIds.push(row.id);
  }
  for (const [i, p] of profiles.entries()) {
    const [person] = await db.insert(persons).values({ organizationId: office.id, fullNameEnc: 'x', sex: 'female', nationality: 'ID' }).returning({ id: persons.id });
    const [c] = await db
      .insert(cases)
      .values({ reference: `PUL-2026-E${i}`, personId: person.id, organizationId: office.id, caseType: 'presumed_victim', direction: 'inbound', provinceCode: p.homeProvinceCode })
      .returning({ id: cases.id });
    caseIds.push(c.id);
    await db.insert(skillsProfiles).values({
      caseId: c.id,
      organizationId: office.id,
      seeking: [...p.seeking],
      workHistory: p.workHistory.map((h) => ({ ...h, abroad: h.country !== 'ID' })),
      skills: p.skills,
      languages: [...p.languages],
      education: p.education,
      certificates: p.certificates.map((c) => ({ ...c, year: null })),
      preferredSectors: [...p.preferredSectors],
      preferredAreaCodes: [...p.preferredAreaCodes],
      willingToRelocate: p.willingToRelocate,
      constraints: [...p.constraints],
      availableFrom: p.availableFrom,
      // A stale home province in the keys only widens the estimate; here they agree.
      matchKeys: profileMatchKeys(p),
    });
  }
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe('SQL estimate', () => {
  it('never bounds an opening below its score for a profile, and is exact unless a skill is held below the level asked', async () => {
    let compared = 0;
    let exactOnes = 0;
    for (const p of profiles) {
      for (const kind of ['job', 'training'] as const) {
        const res = (await database.db.execute(sql`
          select o.id, (${openingBound(p, kind)})::float8 as est from employment_openings o where o.kind = ${kind}`)) as unknown as { rows: { id: string; est: number }[] };
        for (const r of res.rows) {
          const o = openings[openingIds.indexOf(r.id)];
          const exact = scoreMatch(p, o).score;
          expect(Number(r.est), JSON.stringify({ p, o, est: r.est, exact })).toBeGreaterThanOrEqual(exact - 0.5 - 1e-9);
          const levels = ['basic', 'intermediate', 'advanced'];
          const below = o.requiredSkills.some((r) => {
            const held = p.skills.find((x) => x.code === r.code);
            return held && levels.indexOf(held.level) < levels.indexOf(r.level);
          });
          const plain = !below;
          if (plain) {
            expect(Math.abs(Number(r.est) - exact), JSON.stringify({ p, o, est: r.est, exact })).toBeLessThanOrEqual(0.5 + 1e-9);
            exactOnes++;
          }
          compared++;
        }
      }
    }
    expect(compared).toBe(profiles.length * openings.length);
    expect(exactOnes).toBeGreaterThan(compared / 2);
  });

  it('never bounds a profile below its score for an opening, and mostly meets it', async () => {
    let tight = 0;
    let seekers = 0;
    let compared = 0;
    for (const o of openings) {
      const res = (await database.db.execute(sql`
        select p.case_id as "caseId", (${profileBound(o, sql`c.province_code`)})::float8 as est from skills_profiles p join cases c on c.id = p.case_id`)) as unknown as {
        rows: { caseId: string; est: number }[];
      };
      for (const r of res.rows) {
        const p = profiles[caseIds.indexOf(r.caseId)];
        const exact = scoreMatch(p, o).score;
        expect(Number(r.est), JSON.stringify({ p, o, est: r.est, exact })).toBeGreaterThanOrEqual(exact - 0.5 - 1e-9);
        // The query takes only those who seek this kind of opening; for them the estimate is tight.
        const seeks = p.seeking.some((x) => (o.kind === 'job' ? ['employment'] : ['training', 'self_employment']).includes(x));
        if (seeks && Math.round(Number(r.est)) === exact) tight++;
        if (seeks) seekers++;
        compared++;
      }
    }
    expect(compared).toBe(profiles.length * openings.length);
    // Only the exact years below three and the conflicts are unknown to the keys: most bounds are the score itself.
    expect(tight / seekers).toBeGreaterThan(0.6);
  });

  it('finds, through the search keys, every opening sharing an occupation, skill or certificate, remote, or near (a job in the same major group), and every profile sharing an occupation, skill or certificate (or the place, for a training place, within the same major group)', () => {
    for (const p of profiles)
      for (const o of openings) {
        const shared = profileSearchKeys(p).some((k) => openingMatchKeys(o).includes(k));
        const s = scoreMatch(p, o);
        const has = (code: string) => s.reasons.some((r) => r.code === code);
        const nearby = has('location_preferred') || has('location_province');
        const sameMajor = p.workHistory.some((h) => h.occupation?.[0] === o.occupation[0]) || !p.workHistory.some((h) => h.occupation);
        if (has('occupation_same') || has('skill_held') || has('certificate_held') || has('location_remote') || (nearby && sameMajor))
          expect(shared, JSON.stringify({ p, o })).toBe(true);
        const back = openingSearchKeys(o).some((k) => profileMatchKeys(p).includes(k));
        if (has('occupation_same') || has('skill_held') || has('certificate_held')) expect(back, JSON.stringify({ p, o })).toBe(true);
        // A training place finds those near it in its major group, or near and without work history.
        const sameMajor2 = p.workHistory.some((h) => h.occupation?.[0] === o.occupation[0]) || !p.workHistory.some((h) => h.occupation);
        const scopedBack = scopedSearchKeys(o, 'org').some((k) => profileMatchKeys({ ...p, organizationId: 'org' }).includes(k));
        if (o.kind === 'training' && !o.remote && (has('location_preferred') || has('location_province')) && sameMajor2 && p.seeking.some((x) => x !== 'employment'))
          expect(scopedBack, JSON.stringify({ p, o })).toBe(true);
      }
  });
});
