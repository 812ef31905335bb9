// Upper bounds of the score of scoring.ts, computed in SQL over many rows, so that the database
// ranks cheaply and only a short list is scored exactly (with its reasons) in TypeScript.
//
// - Openings for a profile (the profile is fixed, openings are rows): everything exactly (occupation,
//   sector and place from look-up tables the profile's own scoring fills; the requirements and the
//   conflicting constraints from the opening's columns) but a skill held below the level asked,
//   counted in full.
// - Profiles for an opening (the opening is fixed, profiles are rows): read from the profile's
//   keys (keys.ts): occupation (`ox:` tells full experience), sector, each required skill with its
//   level, languages, education, certificates, place, and the start date; conflicts of constraints
//   as if none.
// Neither is ever below the exact score (estimate.test.ts checks it), which lets the caller stop as
// soon as its k-th exact score reaches the bound of the first row not scored (service.ts).
import { sql, type SQL } from 'drizzle-orm';
import { educationLevels, educationRank, isicCodes, isicSection, iscoCodes } from '../vocabulary.js';
import { educationRankOf, levelRank, skillsOf } from './keys.js';
import { experienceFactor, matchWeights as W, occupationPoints, sectorPoints, seekingForKind, type OpeningForMatch, type ProfileForMatch } from './scoring.js';

/** A text[] literal, each element quoted (keys hold ':' and '.'). */
export function textArray(values: readonly string[]): SQL {
  const lit = `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  return sql`${lit}::text[]`;
}
const num = (n: number) => {
  if (!Number.isFinite(n)) throw new Error('not a finite number');
  return sql.raw(`${n}`);
};
const sum = (terms: SQL[]) => (terms.length ? sql.join(terms, sql` + `) : sql`0`);
const kindOf = (k: string): 'job' | 'training' => (k === 'training' ? 'training' : 'job');
/** The most an occupation held for less than the full years can give: the factor at the last half year before it. */
const belowFullExperience = experienceFactor(2.5);
/** Night or shift work in PostgreSQL's regular expressions (\\y: a word boundary), as scoring.ts nightWorkPattern. */
const nightWorkSql = '\\y(malam|night|shifts?|sif)\\y';

/** A look-up of a jsonb object of points by a text expression, 0 when absent. */
function lookup(map: Record<string, number>, key: SQL): SQL {
  return Object.keys(map).length ? sql`coalesce((${JSON.stringify(map)}::jsonb ->> ${key})::float8, 0)` : sql`0`;
}

/**
 * The points an opening of `kind` makes possible beyond what every one has, as an SQL expression on
 * `o`: the requirements it states (scoring.ts possiblePoints).
 */
const requirementPoints = sql`(case when o.required_skills <> '[]'::jsonb then ${num(W.skills)} else 0 end
  + case when o.required_languages <> '{}'::text[] then ${num(W.languages)} else 0 end
  + case when o.min_education is not null then ${num(W.education)} else 0 end
  + case when o.required_certificates <> '{}'::text[] then ${num(W.certificates)} else 0 end)`;

/**
 * An upper bound of the score (0–100) of each opening row `o` (employment_openings) of `kind` for
 * the profile: the score itself, except that a required skill held below the level asked counts in
 * full (the keys of an opening do not say the level the person holds).
 */
export function openingBound(p: ProfileForMatch, kind: 'job' | 'training'): SQL {
  const occ: Record<string, number> = {};
  for (const code of iscoCodes) {
    const points = occupationPoints(p, kind, code).points;
    if (points) occ[code] = points;
  }
  const sec: Record<string, number> = {};
  for (const code of isicCodes) {
    const points = sectorPoints(p, kind, code).points;
    if (points) sec[code] = points;
  }
  // Place: a preferred area (or an area inside one) gives the preferred points, a province the person
  // would work in (their home's, or one of a preferred area) the province points.
  const loc: Record<string, number> = {};
  for (const a of p.preferredAreaCodes) loc[a.slice(0, 2)] = Math.max(loc[a.slice(0, 2)] ?? 0, W.location.province);
  if (p.homeProvinceCode) loc[p.homeProvinceCode] = Math.max(loc[p.homeProvinceCode] ?? 0, W.location.province);
  for (const a of p.preferredAreaCodes) loc[a] = W.location.preferred;
  const elsewhere = p.willingToRelocate && !p.constraints.includes('cannot_relocate') ? W.location.relocate : W.location.far;
  const place = Object.keys(loc).length
    ? sql`greatest(${lookup(loc, sql`o.area_code`)}, ${lookup(loc, sql`left(o.area_code, 8)`)}, ${lookup(loc, sql`left(o.area_code, 5)`)}, ${lookup(loc, sql`left(o.area_code, 2)`)}, ${num(elsewhere)})`
    : num(elsewhere);
  const seeks = p.seeking.some((s) => (seekingForKind[kind] ?? []).includes(s));
  const available = p.availableFrom ? sql`case when o.start_on < ${p.availableFrom}::date then 0 else ${num(W.availability)} end` : num(W.availability);
  const certificates = [...new Set(p.certificates.map((c) => c.code))];
  const rank = educationRankOf(p.education);
  const educationMet = rank === null ? [] : educationLevels.filter((e) => educationRank(e) <= rank);
  // Each required skill the person holds in full (a lower level gives half: the bound counts it in
  // full), and each required language and certificate, by share.
  const share = (terms: SQL[], count: SQL, weight: number) =>
    terms.length ? sql`case when ${count} = 0 then 0 else ${num(weight)} * (${sum(terms)})::float8 / ${count} end` : sql`0`;
  const requirements = sql`${share(
    p.skills.map((x) => sql`(o.match_keys @> ${textArray([`k:${x.code}`])})::int`),
    sql`jsonb_array_length(o.required_skills)`,
    W.skills,
  )}
    + ${share(
      p.languages.map((l) => sql`(o.required_languages @> ${textArray([l])})::int`),
      sql`cardinality(o.required_languages)`,
      W.languages,
    )}
    + ${educationMet.length ? sql`case when o.min_education = any(${textArray(educationMet)}) then ${num(W.education)} else 0 end` : sql`0`}
    + ${share(
      certificates.map((c) => sql`(o.required_certificates @> ${textArray([c])})::int`),
      sql`cardinality(o.required_certificates)`,
      W.certificates,
    )}`;
  const location = sql`(case when o.remote then ${num(W.location.remote)} when o.area_code is null then ${num(W.location.far)} else ${place} end)`;
  // Constraints that conflict (scoring.ts constraintConflict), from the opening's hours and place.
  const longHours = sql`coalesce(o.hours_per_week, 0) > ${num(W.longHoursPerWeek)}`;
  const conflicts = p.constraints.flatMap((c) => {
    if (c === 'no_night_work') return [sql`(coalesce(o.working_hours, '') ~* ${nightWorkSql} or ${longHours})::int`];
    if (c === 'care_duties') return [sql`(${longHours} or ${location} < ${num(W.location.province)})::int`];
    if (c === 'cannot_relocate') return [sql`(${location} < ${num(W.location.province)})::int`];
    if (c === 'no_transport')
      return [sql`(${location} < ${num(W.location.preferred)} and coalesce(o.accommodation, '') not in ('provided_free', 'provided_paid'))::int`];
    return [];
  });
  const earned = sql`${lookup(occ, sql`o.occupation`)} + ${lookup(sec, sql`o.sector`)} + ${location}
    + ${available} + ${requirements} - ${num(seeks ? 0 : W.penalty.notSeeking)}
    ${conflicts.length ? sql`- ${num(W.penalty.constraint)} * (${sum(conflicts)})` : sql``}`;
  const base = W.occupation[kind] + W.sector[kind] + W.location.preferred + W.availability;
  return sql`greatest(0, least(100, 100.0 * (${earned}) / (${num(base)} + ${requirementPoints})))`;
}

/**
 * An upper bound of the score (0–100) of each profile row `p` (skills_profiles) for the opening,
 * read from the profile's keys and its available_from (one array test, `&&`, per key group: about
 * 0.3 µs each). The home province is the one in the keys (as of the profile's last save), or
 * `caseProvince` when given (an expression).
 */
export function profileBound(o: OpeningForMatch, caseProvince?: SQL): SQL {
  const kind = kindOf(o.kind);
  const has = (keys: string[]) => sql`p.match_keys && ${textArray(keys)}`;
  const wOcc = W.occupation[kind];
  const code = o.occupation;
  const occ = sql`case when ${has([`ox:${code}`])} then ${num(wOcc)} when ${has([`o:${code}`])} then ${num(wOcc * belowFullExperience)}
      ${code.length >= 3 ? sql`when ${has([`o3:${code.slice(0, 3)}`])} then ${num(wOcc * W.occupationRelated.minor)}` : sql``}
      when ${has([`o1:${code[0]}`])} then ${num(wOcc * W.occupationRelated.major)} else 0 end`;
  const wSec = W.sector[kind];
  const sec = sql`case when ${has([`s:${o.sector}`])} then ${num(wSec)} when ${has([`ss:${isicSection(o.sector)}`])} then ${num(wSec * W.sectorSection)} else 0 end`;
  const required = skillsOf(o.requiredSkills);
  const skills = required.map((s) => {
    const r = levelRank(s.level);
    const full = [1, 2, 3].filter((x) => x >= r).map((x) => `k:${s.code}:${x}`);
    const below = [1, 2, 3].filter((x) => x < r).map((x) => `k:${s.code}:${x}`);
    return sql`case when ${has(full)} then 1 ${below.length ? sql`when ${has(below)} then ${num(W.skillBelow)}` : sql``} else 0 end`;
  });
  const langs = o.requiredLanguages.map((l) => sql`(${has([`l:${l}`])})::int`);
  const certs = o.requiredCertificates.map((c) => sql`(${has([`c:${c}`])})::int`);
  const minRank = educationRankOf(o.minEducation);
  const eduKeys = minRank === null ? [] : [0, 1, 2, 3, 4, 5, 6].filter((r) => r >= minRank).map((r) => `e:${r}`);
  const area = o.areaCode;
  const loc = o.remote
    ? num(W.location.remote)
    : !area
      ? num(W.location.far)
      : sql`case when ${has(areaChainOf(area).map((a) => `a:${a}`))} then ${num(W.location.preferred)}
          when ${has([`p:${area.slice(0, 2)}`])} ${caseProvince ? sql`or ${caseProvince} = ${area.slice(0, 2)}` : sql``} then ${num(W.location.province)}
          when ${has(['reloc'])} then ${num(W.location.relocate)} else ${num(W.location.far)} end`;
  const avail = o.startOn ? sql`case when p.available_from > ${o.startOn}::date then 0 else ${num(W.availability)} end` : num(W.availability);
  const possible =
    W.occupation[kind] +
    W.sector[kind] +
    (required.length ? W.skills : 0) +
    (o.requiredLanguages.length ? W.languages : 0) +
    (o.minEducation ? W.education : 0) +
    (o.requiredCertificates.length ? W.certificates : 0) +
    W.location.preferred +
    W.availability;
  const earned = sql`(${occ}) + (${sec})
    ${required.length ? sql`+ ${num(W.skills / required.length)} * (${sum(skills)})` : sql``}
    ${langs.length ? sql`+ ${num(W.languages / langs.length)} * (${sum(langs)})` : sql``}
    ${eduKeys.length ? sql`+ case when ${has(eduKeys)} then ${num(W.education)} else 0 end` : sql``}
    ${certs.length ? sql`+ ${num(W.certificates / certs.length)} * (${sum(certs)})` : sql``}
    + (${loc}) + (${avail})`;
  return sql`greatest(0, least(100, 100.0 * (${earned}) / ${num(possible)}))`;
}

function areaChainOf(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}
