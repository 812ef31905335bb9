// Match keys: short text keys on openings and skills profiles, read through GIN indexes
// (`match_keys && $keys`), so that matching looks only at what has something in common, and so
// that most of the score can be estimated in SQL from the keys (estimate.ts).
//
// Two directions, two sets of keys:
// - An opening stores what a profile looks for: its occupation (unit `o:`, minor group `o3:`,
//   major group `o1:`), sector (`s:` code, `ss:` section), each required skill (`k:code` and
//   `k:code:rank`), each required certificate (`c:`), its province (`p:`) and its province with
//   its major group (`po:35:5`), or `remote`.
// - A profile stores what an opening looks for: the occupations and sectors of its work history
//   (and preferred sectors), `ox:` for an occupation of three years or more (full experience),
//   skills held (`k:code`, `k:code:rank`), languages (`l:`), education rank (`e:`), certificates
//   (`c:`), preferred areas (`a:`) and their provinces and the home province (`p:`), `reloc` when
//   willing to move, and constraints (`x:`).
// The search keys (openingSearchKeys, profileSearchKeys) are the selective subset used in
// `&&`: never the major group, the ISIC section or a language, which many share.
// A profile also stores its selective keys scoped to its organisation and to what it seeks
// (`j.<org>|o:5322` when it seeks a job, `t.<org>|…` a training place), so that candidate search,
// which looks only at the caller's organisation, reads just those profiles from the index
// (scopedSearchKeys). They change with the organisation: refreshSkillsProfileKeys after a transfer.
import { educationLevels, educationRank, isicSection, skillLevels, type EducationLevel } from '../vocabulary.js';

export interface OpeningKeySource {
  occupation: string;
  sector: string;
  areaCode: string | null;
  remote: boolean;
  /** [{code, level}] */
  requiredSkills: unknown;
  requiredCertificates: readonly string[] | null | undefined;
}

export interface ProfileKeySource {
  workHistory: readonly { sector: string | null; occupation: string | null; years?: number }[];
  skills: readonly { code: string; level: string }[];
  languages: readonly string[];
  education: string | null;
  certificates: readonly { code: string }[];
  preferredSectors: readonly string[];
  preferredAreaCodes: readonly string[];
  willingToRelocate: boolean;
  constraints: readonly string[];
  /** The case's province (from the person's home), when known. */
  homeProvinceCode?: string | null;
  /** The case's organisation: the scope of the scoped keys. */
  organizationId?: string | null;
  seeking?: readonly string[];
}

/** A short tag of an organisation for scoped keys (a clash only widens a search; the query checks the organisation). */
export const scopeTag = (organizationId: string) => organizationId.replace(/-/g, '').slice(0, 12);
/** The scope letter of what a profile seeks, by opening kind: j (a job) ← employment; t (a training place) ← training, self_employment. */
export const scopesOf = (seeking: readonly string[]) => [...(seeking.includes('employment') ? ['j'] : []), ...(seeking.some((x) => x === 'training' || x === 'self_employment') ? ['t'] : [])];
const scope = (kind: string) => (kind === 'training' ? 't' : 'j');

export const levelRank = (level: string) => Math.max(1, (skillLevels as readonly string[]).indexOf(level) + 1);
export const educationRankOf = (e: string | null) => (e && (educationLevels as readonly string[]).includes(e) ? educationRank(e as EducationLevel) : null);

const occupationKeys = (code: string, withMajor: boolean) => [`o:${code}`, ...(code.length >= 3 ? [`o3:${code.slice(0, 3)}`] : []), ...(withMajor ? [`o1:${code[0]}`] : [])];
const sectorKeys = (code: string) => [`s:${code}`, `ss:${isicSection(code)}`];
const uniq = (xs: string[]) => [...new Set(xs)].sort();

export function skillsOf(v: unknown): { code: string; level: string }[] {
  return Array.isArray(v) ? v.filter((s): s is { code: string; level: string } => !!s && typeof s.code === 'string').map((s) => ({ code: s.code, level: String(s.level ?? 'basic') })) : [];
}

/** The keys an opening is stored under (employment_openings.match_keys). */
export function openingMatchKeys(o: OpeningKeySource): string[] {
  return uniq([
    ...occupationKeys(o.occupation, true),
    ...sectorKeys(o.sector),
    ...skillsOf(o.requiredSkills).flatMap((s) => [`k:${s.code}`, `k:${s.code}:${levelRank(s.level)}`]),
    ...(o.requiredCertificates ?? []).map((c) => `c:${c}`),
    ...(o.areaCode ? [`p:${o.areaCode.slice(0, 2)}`, `po:${o.areaCode.slice(0, 2)}:${o.occupation[0]}`] : []),
    ...(o.remote ? ['remote'] : []),
  ]);
}

/** Years of experience from which an occupation counts in full (scoring.ts experienceFactor). */
export const fullExperienceYears = 3;

/** The keys a skills profile is stored under (skills_profiles.match_keys). */
export function profileMatchKeys(p: ProfileKeySource): string[] {
  const edu = educationRankOf(p.education);
  const years = new Map<string, number>();
  for (const h of p.workHistory) if (h.occupation) years.set(h.occupation, (years.get(h.occupation) ?? 0) + (h.years ?? 0));
  return uniq([
    ...p.workHistory.flatMap((h) => [...(h.occupation ? occupationKeys(h.occupation, true) : []), ...(h.sector ? sectorKeys(h.sector) : [])]),
    ...[...years].filter(([, y]) => y >= fullExperienceYears).map(([code]) => `ox:${code}`),
    ...p.preferredSectors.flatMap(sectorKeys),
    ...p.skills.flatMap((s) => [`k:${s.code}`, `k:${s.code}:${levelRank(s.level)}`]),
    ...p.languages.map((l) => `l:${l}`),
    ...(edu === null ? [] : [`e:${edu}`]),
    ...p.certificates.map((c) => `c:${c.code}`),
    ...p.preferredAreaCodes.flatMap((a) => [`a:${a}`, `p:${a.slice(0, 2)}`]),
    ...(p.homeProvinceCode ? [`p:${p.homeProvinceCode}`] : []),
    ...(p.willingToRelocate && !p.constraints.includes('cannot_relocate') ? ['reloc'] : []),
    ...p.constraints.map((c) => `x:${c}`),
    ...scopedKeysOf(p),
  ]);
}

/** Where the person would work, as search keys: in each province, the ISCO major groups of its work so far, or anything there when it has none. */
function nearKeys(p: ProfileKeySource): string[] {
  const provinces = [...new Set([...p.preferredAreaCodes.map((a) => a.slice(0, 2)), ...(p.homeProvinceCode ? [p.homeProvinceCode] : [])])];
  const majors = [...new Set(p.workHistory.map((h) => h.occupation?.[0]).filter((m): m is string => !!m))];
  return majors.length ? provinces.flatMap((pr) => majors.map((m) => `po:${pr}:${m}`)) : provinces.map((pr) => `p:${pr}`);
}

/** The selective keys an opening's search could ask for, scoped to the organisation and what the profile seeks. */
function scopedKeysOf(p: ProfileKeySource): string[] {
  if (!p.organizationId || !p.seeking?.length) return [];
  const selective = [
    ...p.workHistory.flatMap((h) => [...(h.occupation ? occupationKeys(h.occupation, false) : []), ...(h.sector ? [`s:${h.sector}`] : [])]),
    ...p.preferredSectors.map((s) => `s:${s}`),
    ...p.skills.map((s) => `k:${s.code}`),
    ...p.certificates.map((c) => `c:${c.code}`),
  ];
  const tag = scopeTag(p.organizationId);
  return scopesOf(p.seeking).flatMap((sc) => [...selective, ...(sc === 't' ? nearKeys(p) : [])].map((k) => `${sc}.${tag}|${k}`));
}

/**
 * What a profile searches openings by (`employment_openings.match_keys && …`): its occupations
 * (unit and minor group), sectors, skills and certificates anywhere; remote work; and, in the
 * provinces it would work in (those of its preferred areas and its home), openings in the same
 * ISCO major group as its work so far (anything there when it has none). An opening sharing none
 * of these is not a match.
 */
export function profileSearchKeys(p: ProfileKeySource): string[] {
  return uniq([
    ...p.workHistory.flatMap((h) => [...(h.occupation ? occupationKeys(h.occupation, false) : []), ...(h.sector ? [`s:${h.sector}`] : [])]),
    ...p.preferredSectors.map((s) => `s:${s}`),
    ...p.skills.map((s) => `k:${s.code}`),
    ...p.certificates.map((c) => `c:${c.code}`),
    ...nearKeys(p),
    'remote',
  ]);
}

/** openingSearchKeys within one organisation's profiles that seek this kind of opening (see scopedKeysOf). */
export function scopedSearchKeys(o: OpeningKeySource & { kind?: string }, organizationId: string): string[] {
  const prefix = `${scope(o.kind ?? 'job')}.${scopeTag(organizationId)}|`;
  return openingSearchKeys(o).map((k) => prefix + k);
}

export function openingSearchKeys(o: OpeningKeySource & { kind?: string }): string[] {
  return uniq([
    ...occupationKeys(o.occupation, false),
    `s:${o.sector}`,
    ...skillsOf(o.requiredSkills).map((s) => `k:${s.code}`),
    ...(o.requiredCertificates ?? []).map((c) => `c:${c}`),
    ...(o.kind === 'training' && o.areaCode && !o.remote ? [`p:${o.areaCode.slice(0, 2)}`, `po:${o.areaCode.slice(0, 2)}:${o.occupation[0]}`] : []),
  ]);
}
