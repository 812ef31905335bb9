// How well a returnee's skills profile fits an opening or a training place: a score from 0 to 100
// and the reasons behind it, each a code with the details a sentence needs ("worked as a home
// caregiver for 4 years in Taiwan"). Pure and free of imports but the employment vocabulary
// (itself import-free), so that the web app reads the same weights and reason codes.
//
// The score is the share of the points the opening makes possible: occupation and sector always,
// the skills, languages, education and certificates it asks for, the location and the start date;
// minus penalties (the person is not looking for this kind of work, a constraint that conflicts).
// The SQL that ranks many openings or many profiles (estimate.ts) follows the same weights.
import { educationLevels, educationRank, isicSection, skillLevels, type EducationLevel } from '../vocabulary.js';

export interface ProfileForMatch {
  seeking: readonly string[];
  workHistory: readonly { country: string; sector: string | null; occupation: string | null; years: number }[];
  skills: readonly { code: string; level: string }[];
  languages: readonly string[];
  education: string | null;
  certificates: readonly { code: string; country: string | null }[];
  preferredSectors: readonly string[];
  preferredAreaCodes: readonly string[];
  willingToRelocate: boolean;
  constraints: readonly string[];
  availableFrom: string | null;
  /** The province of the person's home (the case's), when known: work there counts as near. */
  homeProvinceCode?: string | null;
}

export interface OpeningForMatch {
  kind: string;
  sector: string;
  occupation: string;
  areaCode: string | null;
  remote: boolean;
  hoursPerWeek: number | null;
  workingHours: string | null;
  requiredSkills: readonly { code: string; level: string }[];
  requiredLanguages: readonly string[];
  minEducation: string | null;
  requiredCertificates: readonly string[];
  accommodation: string | null;
  startOn: string | null;
  certificateAwarded?: string | null;
}

export const matchWeights = {
  /** Experience in the opening's occupation (times the experience factor); little for a training place, which teaches it. */
  occupation: { job: 30, training: 10 },
  /** Share of the occupation points for a related occupation: same ISCO minor group, same major group. */
  occupationRelated: { minor: 0.6, major: 0.3 },
  /** Experience in, or preference for, the opening's sector; more for a training place (what the person wants to learn). */
  sector: { job: 10, training: 15 },
  /** Share of the sector points for another division of the same ISIC section. */
  sectorSection: 0.6,
  /** Shared among the required skills; a skill held below the level asked counts for this share. */
  skills: 25,
  skillBelow: 0.5,
  languages: 5,
  education: 5,
  /** Shared among the required certificates; one earned abroad counts the same. */
  certificates: 10,
  location: { preferred: 15, remote: 15, province: 10, relocate: 6, far: 0 },
  availability: 5,
  penalty: { notSeeking: 25, constraint: 10 },
  /** Hours a week above which work is long (a constraint of care duties or no night work conflicts). */
  longHoursPerWeek: 48,
} as const;

/** Years of experience as a factor: 0.7 with none stated, 1 from three years on. */
export const experienceFactor = (years: number) => (years >= 3 ? 1 : 0.7 + 0.1 * Math.max(0, years));

/** Working hours that mean night or shift work (the same pattern as estimate.ts, in PostgreSQL's form). */
export const nightWorkPattern = /\b(malam|night|shifts?|sif)\b/i;

export const matchReasonCodes = [
  'occupation_same',
  'occupation_related',
  'occupation_new',
  'sector_experience',
  'sector_preferred',
  'skill_held',
  'skill_below',
  'skill_missing',
  'language_held',
  'language_missing',
  'education_met',
  'education_below',
  'certificate_held',
  'certificate_missing',
  'certificate_awarded',
  'location_preferred',
  'location_province',
  'location_remote',
  'location_relocate',
  'location_far',
  'seeking_match',
  'seeking_other',
  'not_seeking',
  'available',
  'available_later',
  'constraint_conflict',
] as const;
export type MatchReasonCode = (typeof matchReasonCodes)[number];

/** For the display: whether a reason speaks for the match, against it, or only informs. */
export const reasonTone: Record<MatchReasonCode, 'plus' | 'minus' | 'info'> = {
  occupation_same: 'plus',
  occupation_related: 'plus',
  occupation_new: 'minus',
  sector_experience: 'plus',
  sector_preferred: 'plus',
  skill_held: 'plus',
  skill_below: 'minus',
  skill_missing: 'minus',
  language_held: 'plus',
  language_missing: 'minus',
  education_met: 'plus',
  education_below: 'minus',
  certificate_held: 'plus',
  certificate_missing: 'minus',
  certificate_awarded: 'info',
  location_preferred: 'plus',
  location_province: 'plus',
  location_remote: 'plus',
  location_relocate: 'info',
  location_far: 'minus',
  seeking_match: 'plus',
  seeking_other: 'minus',
  not_seeking: 'minus',
  available: 'plus',
  available_later: 'minus',
  constraint_conflict: 'minus',
};

export type ReasonDetailValue = string | number | boolean | null | string[];
export interface MatchReason {
  code: MatchReasonCode;
  detail?: Record<string, ReasonDetailValue>;
}
export interface MatchResult {
  score: number;
  reasons: MatchReason[];
}

/** What kind of opening a seeking kind looks for. */
export const seekingForKind: Record<string, readonly string[]> = { job: ['employment'], training: ['training', 'self_employment'] };
/** The opening kind that fits what the person seeks: jobs unless they seek only training or their own business. */
export const kindForSeeking = (seeking: readonly string[]): 'job' | 'training' =>
  seeking.includes('employment') || !seeking.length ? 'job' : 'training';

const kindOf = (k: string): 'job' | 'training' => (k === 'training' ? 'training' : 'job');
const rankOfLevel = (level: string) => (skillLevels as readonly string[]).indexOf(level) + 1;
const rankOfEducation = (e: string | null) => (e && (educationLevels as readonly string[]).includes(e) ? educationRank(e as EducationLevel) : -1);

/** 1 for the same occupation code, the minor or major group share for a related one, else 0. */
export function occupationRelation(openingCode: string, personCode: string): number {
  if (openingCode === personCode) return 1;
  if (openingCode.length >= 3 && personCode.length >= 3 && openingCode.slice(0, 3) === personCode.slice(0, 3)) return matchWeights.occupationRelated.minor;
  if (openingCode[0] === personCode[0]) return matchWeights.occupationRelated.major;
  return 0;
}

/** 1 for the same sector code, the section share for another division of the same section, else 0. */
export function sectorRelation(openingCode: string, personCode: string): number {
  if (openingCode === personCode) return 1;
  return isicSection(openingCode) === isicSection(personCode) ? matchWeights.sectorSection : 0;
}

interface Group {
  code: string;
  years: number;
  countries: string[];
}
function groupBy(history: ProfileForMatch['workHistory'], key: 'occupation' | 'sector'): Group[] {
  const by = new Map<string, Group>();
  for (const h of history) {
    const code = h[key];
    if (!code) continue;
    const g = by.get(code) ?? { code, years: 0, countries: [] };
    g.years += h.years;
    if (!g.countries.includes(h.country)) g.countries.push(h.country);
    by.set(code, g);
  }
  return [...by.values()];
}

/** Points for the occupation of an opening of this kind, and the reason (exported for the SQL estimate's look-up table). */
export function occupationPoints(p: Pick<ProfileForMatch, 'workHistory'>, kind: string, occupation: string): { points: number; reason: MatchReason | null } {
  const weight = matchWeights.occupation[kindOf(kind)];
  let best: { points: number; g: Group; rel: number } | null = null;
  for (const g of groupBy(p.workHistory, 'occupation')) {
    const rel = occupationRelation(occupation, g.code);
    if (!rel) continue;
    const points = weight * rel * experienceFactor(g.years);
    if (!best || points > best.points) best = { points, g, rel };
  }
  if (!best) return { points: 0, reason: kindOf(kind) === 'job' ? { code: 'occupation_new', detail: { occupation } } : null };
  const abroad = best.g.countries.some((c) => c !== 'ID');
  const detail = { occupation: best.g.code, years: best.g.years, countries: best.g.countries, abroad };
  return best.rel === 1
    ? { points: best.points, reason: { code: 'occupation_same', detail } }
    : { points: best.points, reason: { code: 'occupation_related', detail: { ...detail, group: best.rel === matchWeights.occupationRelated.minor ? 'minor' : 'major' } } };
}

/** Points for the sector of an opening of this kind, from experience or preference, and the reason. */
export function sectorPoints(p: Pick<ProfileForMatch, 'workHistory' | 'preferredSectors'>, kind: string, sector: string): { points: number; reason: MatchReason | null } {
  const weight = matchWeights.sector[kindOf(kind)];
  let best: { rel: number; reason: MatchReason } | null = null;
  for (const g of groupBy(p.workHistory, 'sector')) {
    const rel = sectorRelation(sector, g.code);
    if (rel && (!best || rel > best.rel)) best = { rel, reason: { code: 'sector_experience', detail: { sector: g.code, years: g.years, related: rel < 1 } } };
  }
  for (const s of p.preferredSectors) {
    const rel = sectorRelation(sector, s);
    if (rel && (!best || rel > best.rel)) best = { rel, reason: { code: 'sector_preferred', detail: { sector: s, related: rel < 1 } } };
  }
  return best ? { points: weight * best.rel, reason: best.reason } : { points: 0, reason: null };
}

export type LocationFit = 'remote' | 'preferred' | 'province' | 'relocate' | 'far';

/** Where the work is, seen from the person: remote, in a preferred area, in their province, worth a move, or too far. */
export function locationFit(p: Pick<ProfileForMatch, 'preferredAreaCodes' | 'willingToRelocate' | 'constraints' | 'homeProvinceCode'>, o: Pick<OpeningForMatch, 'remote' | 'areaCode'>): LocationFit {
  if (o.remote) return 'remote';
  const area = o.areaCode;
  if (!area) return 'far';
  if (p.preferredAreaCodes.some((a) => area === a || area.startsWith(`${a}.`))) return 'preferred';
  const province = area.slice(0, 2);
  if (p.preferredAreaCodes.some((a) => a.slice(0, 2) === province) || p.homeProvinceCode === province) return 'province';
  if (p.willingToRelocate && !p.constraints.includes('cannot_relocate')) return 'relocate';
  return 'far';
}

/** Why a constraint of the person conflicts with the opening, or null. Only codes; modest and explainable. */
export function constraintConflict(constraint: string, o: OpeningForMatch, where: LocationFit): string | null {
  const longHours = (o.hoursPerWeek ?? 0) > matchWeights.longHoursPerWeek;
  const away = where === 'relocate' || where === 'far';
  switch (constraint) {
    case 'no_night_work':
      if (o.workingHours && nightWorkPattern.test(o.workingHours)) return 'night_work';
      return longHours ? 'long_hours' : null;
    case 'care_duties':
      if (longHours) return 'long_hours';
      return away ? 'relocation' : null;
    case 'cannot_relocate':
      return away ? 'relocation' : null;
    case 'no_transport':
      return where !== 'preferred' && where !== 'remote' && o.accommodation !== 'provided_free' && o.accommodation !== 'provided_paid' ? 'no_transport' : null;
    default:
      return null;
  }
}

/** The points an opening makes possible: what it always has, and what it asks for. */
export function possiblePoints(o: Pick<OpeningForMatch, 'kind' | 'requiredSkills' | 'requiredLanguages' | 'minEducation' | 'requiredCertificates'>): number {
  const k = kindOf(o.kind);
  return (
    matchWeights.occupation[k] +
    matchWeights.sector[k] +
    (o.requiredSkills.length ? matchWeights.skills : 0) +
    (o.requiredLanguages.length ? matchWeights.languages : 0) +
    (o.minEducation ? matchWeights.education : 0) +
    (o.requiredCertificates.length ? matchWeights.certificates : 0) +
    matchWeights.location.preferred +
    matchWeights.availability
  );
}

/** The score (0–100) of a profile against an opening, and the reasons, most telling first. */
export function scoreMatch(p: ProfileForMatch, o: OpeningForMatch): MatchResult {
  const reasons: MatchReason[] = [];
  const kind = kindOf(o.kind);
  let earned = 0;
  let penalty = 0;

  // What the person is looking for.
  const wanted = seekingForKind[kind] ?? [];
  const sought = p.seeking.find((s) => wanted.includes(s));
  if (sought) reasons.push({ code: 'seeking_match', detail: { seeking: sought } });
  else {
    penalty += matchWeights.penalty.notSeeking;
    reasons.push(p.seeking.length ? { code: 'seeking_other', detail: { seeking: [...p.seeking] } } : { code: 'not_seeking' });
  }

  // Experience: occupation, then sector.
  const occ = occupationPoints(p, kind, o.occupation);
  earned += occ.points;
  if (occ.reason) reasons.push(occ.reason);
  const sec = sectorPoints(p, kind, o.sector);
  earned += sec.points;
  if (sec.reason) reasons.push(sec.reason);

  // Skills asked for.
  if (o.requiredSkills.length) {
    const share = matchWeights.skills / o.requiredSkills.length;
    for (const r of o.requiredSkills) {
      const held = p.skills.find((s) => s.code === r.code);
      if (!held) reasons.push({ code: 'skill_missing', detail: { skill: r.code, required: r.level } });
      else if (rankOfLevel(held.level) >= rankOfLevel(r.level)) {
        earned += share;
        reasons.push({ code: 'skill_held', detail: { skill: r.code, level: held.level } });
      } else {
        earned += share * matchWeights.skillBelow;
        reasons.push({ code: 'skill_below', detail: { skill: r.code, level: held.level, required: r.level } });
      }
    }
  }

  // Certificates asked for (those earned abroad count), and one a training place awards.
  if (o.requiredCertificates.length) {
    const share = matchWeights.certificates / o.requiredCertificates.length;
    for (const code of o.requiredCertificates) {
      const held = p.certificates.find((c) => c.code === code);
      if (held) {
        earned += share;
        reasons.push({ code: 'certificate_held', detail: { certificate: code, country: held.country, abroad: !!held.country && held.country !== 'ID' } });
      } else reasons.push({ code: 'certificate_missing', detail: { certificate: code } });
    }
  }
  if (o.certificateAwarded && !p.certificates.some((c) => c.code === o.certificateAwarded)) reasons.push({ code: 'certificate_awarded', detail: { certificate: o.certificateAwarded } });

  // Languages and education asked for.
  if (o.requiredLanguages.length) {
    const share = matchWeights.languages / o.requiredLanguages.length;
    for (const l of o.requiredLanguages) {
      if (p.languages.includes(l)) {
        earned += share;
        reasons.push({ code: 'language_held', detail: { language: l } });
      } else reasons.push({ code: 'language_missing', detail: { language: l } });
    }
  }
  if (o.minEducation) {
    if (rankOfEducation(p.education) >= rankOfEducation(o.minEducation)) {
      earned += matchWeights.education;
      reasons.push({ code: 'education_met', detail: { education: p.education, required: o.minEducation } });
    } else reasons.push({ code: 'education_below', detail: { education: p.education, required: o.minEducation } });
  }

  // Where.
  const where = locationFit(p, o);
  earned += matchWeights.location[where];
  if (where === 'remote') reasons.push({ code: 'location_remote' });
  else if (where === 'preferred') reasons.push({ code: 'location_preferred', detail: { areaCode: o.areaCode } });
  else if (where === 'province') reasons.push({ code: 'location_province', detail: { province: o.areaCode?.slice(0, 2) ?? null, areaCode: o.areaCode } });
  else if (where === 'relocate') reasons.push({ code: 'location_relocate', detail: { areaCode: o.areaCode } });
  else reasons.push({ code: 'location_far', detail: { areaCode: o.areaCode } });

  // When.
  if (o.startOn && p.availableFrom && p.availableFrom > o.startOn) reasons.push({ code: 'available_later', detail: { availableFrom: p.availableFrom, startOn: o.startOn } });
  else {
    earned += matchWeights.availability;
    if (p.availableFrom || o.startOn) reasons.push({ code: 'available', detail: { availableFrom: p.availableFrom, startOn: o.startOn } });
  }

  // Constraints that conflict.
  for (const c of p.constraints) {
    const because = constraintConflict(c, o, where);
    if (because) {
      penalty += matchWeights.penalty.constraint;
      reasons.push({ code: 'constraint_conflict', detail: { constraint: c, because } });
    }
  }

  const score = Math.max(0, Math.min(100, Math.round((100 * (earned - penalty)) / possiblePoints(o))));
  return { score, reasons: order(reasons) };
}

/** Reasons in the order of matchReasonCodes: experience, requirements, place, what the person seeks, time, conflicts. */
const orderOf = new Map<MatchReasonCode, number>(matchReasonCodes.map((c, i) => [c, i]));
const order = (reasons: MatchReason[]) => [...reasons].sort((a, b) => orderOf.get(a.code)! - orderOf.get(b.code)!);
