// Blocking keys for duplicate detection. A person gets a few dozen short keyed hashes
// (BlindIndex.blockingKey) of features of their names, birth year and phones; a search computes
// the keys of what the form holds and finds candidates by index on person_match_keys. The table
// holds no plaintext and, without the look-up key, cannot be tested against guessed names.
//
// Features (all from normaliseName, so titles, spelling variants and word order are already gone):
//   n   the sorted set of the name's phonetic forms          (word order, titles, Muhammad/M./Moh.)
//   ny  the same with the birth year                          (all-common names: Siti Nur, 1990)
//   j   the canonical tokens written together                 (Nur Haliza / Nurhaliza)
//   t   one distinctive token, or two adjacent ones joined    (dropped middle name, partial name)
//   p   two distinctive tokens, unordered                    (Budi … Santoso with anything between)
//   ty  a distinctive token (or an adjacent pair joined) with the birth year
//   td  a distinctive token of four letters or more (its phonetic form and its canonical
//       spelling) and each adjacent pair joined (phonetic form), with each one-letter deletion,
//       with the birth year (symmetric deletion: a wrong, missing, extra or swapped letter all
//       share one). Both sides use the same spellings, so an old spelling plus a typo
//       (Wikajnta/Wikayanta) still meets; a search adds the words as written.
//   tx  the same deletions without a year: stored only for persons without a birth year; a
//       search looks up those of its distinctive tokens' phonetic forms
//   nd  the name (n), each joined form (j) and each distinctive token with the full birth date;
//       a search also tries the day and month swapped. At a million persons the name-and-year
//       keys of a common name carry hundreds of persons; with the full date only a few.
//   nr  the name (n), each joined form and each distinctive token with the home regency
//       (Kemendagri code, first five characters): for searches with only a year, or no birth
//   ph  a phone number (E.164)
// Very common tokens (Muhammad, Siti, Nur, Sri, the Balinese birth-order names) never make a
// key on their own: they enter only through n, ny, p and ty (with the year). Keys that still come
// back with too many persons are dropped at search time (see match.ts).
import type { BlindIndex } from '../platform/crypto/blind-index.js';
import { normaliseName } from './names.js';

const PURPOSE = 'pm1';

/** Names too common to narrow a search alone (phonetic forms, see names.ts COMMON_TOKENS). */
export const COMMON_FORMS: ReadonlySet<string> = new Set([
  'muhamad', 'ahmad', 'abdul', 'siti', 'nur', 'sri', 'dewi', 'putri', 'putra', 'agus', 'eko', 'dwi', 'tri',
  'wayan', 'made', 'nyoman', 'ketut', 'putu', 'kadek', 'komang', 'gede', 'ayu', 'nengah', 'i', 'ni', 'nurul',
]);

const CONNECTORS = new Set(['bin', 'binti', 'bint', 'bte']);

const formCache = new Map<string, string>();
/** The phonetic form (blocking form) of one token. */
function formOf(token: string): string {
  let f = formCache.get(token);
  if (f === undefined) {
    f = normaliseName(token).key;
    if (formCache.size > 50_000) formCache.clear();
    formCache.set(token, f);
  }
  return f;
}

function deletions(s: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < s.length; i++) out.add(s.slice(0, i) + s.slice(i + 1));
  return [...out];
}

export type KeyFamily = 'n' | 'ny' | 'j' | 't' | 'p' | 'ty' | 'td' | 'tx' | 'nd' | 'nr' | 'ph';

/** A matching feature before hashing: its family (for weighting), and the feature text. */
export interface Feature {
  family: KeyFamily;
  text: string;
}

export interface NameFeatures {
  /** Canonical tokens in order (names.ts). */
  canon: string[];
  /** Their phonetic forms. */
  forms: string[];
  /** Phonetic forms of the tokens that are not very common. */
  distinctive: string[];
  /** Sorted distinct forms (names.ts key). */
  key: string;
  /** The whole name written together: from the canonical tokens and from the words as written. */
  joined: string[];
  /** Adjacent pairs written together, both ways. */
  pairJoins: string[];
  /** Typo-key tokens: the distinctive tokens and the adjacent pairs joined, as phonetic forms and as canonical spellings. */
  typoTokens: string[];
  /** The distinctive words as written (letters only): a search also looks up their deletions. */
  written: string[];
}

/** The words as written, titles and connectors removed, letters only (Nurul Aini → nurul, aini). */
function writtenWords(name: string, titles: string[]): string[] {
  const left = [...titles];
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[\s,;]+/)
    .map((w) => w.replace(/[^a-z]/g, ''))
    .filter(Boolean);
  return words.filter((w) => {
    const t = left.indexOf(w);
    if (t >= 0) {
      left.splice(t, 1);
      return false;
    }
    return !CONNECTORS.has(w);
  });
}

export function nameFeatures(name: string): NameFeatures | null {
  const n = normaliseName(name);
  const canon = n.tokens.filter(Boolean);
  const forms = canon.map(formOf).filter(Boolean);
  if (!forms.length) return null;
  const distinctive = [...new Set(forms.filter((f) => f.length > 1 && !COMMON_FORMS.has(f)))];
  const raw = writtenWords(name, n.titles);
  const joined = new Set([formOf(n.joined)]);
  const pairJoins = new Set<string>();
  // Typo keys on both spellings: the phonetic form meets an old spelling with a typo (Wikajnta /
  // Wikayanta), the canonical one a typo inside a reduced letter group (Zulaikla / Zulaikha).
  // Adjacent pairs joined: as phonetic forms only (a second spelling of a long pair costs a dozen keys).
  const typo = new Set<string>();
  const tokenForms = canon.map(formOf);
  for (let i = 0; i < canon.length; i++) {
    if (tokenForms[i].length > 1 && !COMMON_FORMS.has(tokenForms[i])) typo.add(tokenForms[i]).add(canon[i]);
    if (i + 1 < canon.length) {
      const pf = formOf(canon[i] + canon[i + 1]);
      pairJoins.add(pf);
      typo.add(pf);
    }
  }
  if (raw.length > 1) {
    joined.add(formOf(raw.join('')));
    for (let i = 0; i + 1 < raw.length; i++) pairJoins.add(formOf(raw[i] + raw[i + 1]));
  }
  return { canon, forms, distinctive, key: n.key, joined: [...joined], pairJoins: [...pairJoins],
    typoTokens: [...typo].filter((t) => t.length >= 4),
    written: raw.filter((w) => w.length >= 4 && !COMMON_FORMS.has(formOf(w))),
  };
}

/** Features of one name that do not depend on the birth year. */
function nameOnly(f: NameFeatures, out: Feature[]) {
  out.push({ family: 'n', text: f.key });
  if (f.forms.length > 1) for (const j of f.joined) out.push({ family: 'j', text: j });
  for (const t of f.distinctive) out.push({ family: 't', text: t });
  for (const t of f.pairJoins) out.push({ family: 't', text: t });
  for (const p of pairsOf(f)) out.push({ family: 'p', text: p });
}

/**
 * Unordered pairs of tokens: of the distinctive ones, or of all but I/Ni when fewer than two are
 * distinctive (Dewi Lestari Putri / Dewi Putri meet on 'dewi putri').
 */
function pairsOf(f: NameFeatures): string[] {
  const d = (f.distinctive.length >= 2 ? f.distinctive : [...new Set(f.forms.filter((x) => x.length > 1 && x !== 'ni'))]).slice(0, 6);
  const out: string[] = [];
  for (let i = 0; i < d.length; i++) for (let k = i + 1; k < d.length; k++) out.push([d[i], d[k]].sort().join(' '));
  return out;
}

/**
 * A token and each of its one-letter deletions. A search adds the words as written: the spelling
 * rules can make two differences of one wrong letter (Matiini → matini against matitini), while the
 * written word is still one deletion away from the stored spelling.
 */
function deletionNeighbourhood(f: NameFeatures, query = false): Set<string> {
  const out = new Set<string>();
  for (const t of query ? [...f.typoTokens, ...f.written] : f.typoTokens) for (const d of [t, ...deletions(t)]) out.add(d);
  return out;
}

/** Year features of one name; `typos` adds the deletion neighbourhood of its tokens. */
function withYear(f: NameFeatures, year: number, out: Feature[], typos: boolean, query = false) {
  out.push({ family: 'ny', text: `${f.key}|${year}` });
  for (const t of new Set([...f.distinctive, ...f.pairJoins])) out.push({ family: 'ty', text: `${t}|${year}` });
  if (f.distinctive.length < 2) for (const p of pairsOf(f)) out.push({ family: 'ty', text: `${p}|${year}` });
  if (!typos) return;
  // Symmetric deletion on the phonetic forms: a wrong, missing, extra or swapped letter leaves one
  // deletion in common with the right token (and a joined pair meets the name written joined).
  for (const d of deletionNeighbourhood(f, query)) out.push({ family: 'td', text: `${d}|${year}` });
}

/**
 * Year-free typo keys (persons without a birth year, 2 % of them). A search looks up only the
 * deletions of its distinctive tokens' phonetic forms: each key is an index probe, and these find
 * few persons.
 */
function yearFreeTypos(f: NameFeatures, out: Feature[], query = false) {
  const tokens = query ? new Set(f.distinctive.filter((t) => t.length >= 4).flatMap((t) => [t, ...deletions(t)])) : deletionNeighbourhood(f);
  for (const d of tokens) out.push({ family: 'tx', text: d });
}

/** The name as a whole, its joined forms and its distinctive tokens, each followed by `suffix`. */
function withSuffix(f: NameFeatures, family: 'nd' | 'nr', suffix: string, out: Feature[]) {
  const texts = new Set([f.key, ...(f.forms.length > 1 ? f.joined : []), ...f.distinctive]);
  for (const t of texts) out.push({ family, text: `${t}|${suffix}` });
}

/** The date with day and month swapped, when that is also a date (day ≤ 12, day ≠ month). */
export function swappedDate(date: string): string | null {
  const [y, m, d] = [date.slice(0, 4), date.slice(5, 7), date.slice(8, 10)];
  if (+d > 12 || d === m) return null;
  return `${y}-${d}-${m}`;
}

/** The regency part (first five characters, 'pp.rr') of a Kemendagri village code. */
export const regencyOf = (villageCode: string | null | undefined) => (villageCode && villageCode.length >= 5 ? villageCode.slice(0, 5) : null);

export interface MatchSubject {
  fullName?: string | null;
  otherNames?: readonly string[] | null;
  birthYear?: number | null;
  /** The full birth date (YYYY-MM-DD) when it is known exactly (birth kind 'exact'). */
  birthDate?: string | null;
  /** Kemendagri village code of the home village. */
  homeVillageCode?: string | null;
  /** E.164. */
  phones?: readonly string[] | null;
}

function names(p: MatchSubject): NameFeatures[] {
  const all = [p.fullName ?? '', ...(p.otherNames ?? [])].filter((s) => s.trim());
  return all.map(nameFeatures).filter((f): f is NameFeatures => f !== null);
}

/** The features a stored person is indexed under. */
export function storedFeatures(p: MatchSubject): Feature[] {
  const out: Feature[] = [];
  const regency = regencyOf(p.homeVillageCode);
  for (const f of names(p)) {
    nameOnly(f, out);
    if (p.birthYear) withYear(f, p.birthYear, out, true);
    else yearFreeTypos(f, out);
    if (p.birthDate) withSuffix(f, 'nd', p.birthDate, out);
    if (regency) withSuffix(f, 'nr', regency, out);
  }
  for (const ph of p.phones ?? []) out.push({ family: 'ph', text: ph });
  return dedupe(out);
}

/**
 * The features a search looks up. The year is widened by one either side for whole tokens (an
 * age-based estimate is often a year off); typo deletions use the stated year only, and are also
 * looked up without a year (persons registered without one). The full date is also tried with
 * day and month swapped.
 */
export function queryFeatures(p: MatchSubject): Feature[] {
  const out: Feature[] = [];
  const regency = regencyOf(p.homeVillageCode);
  const swapped = p.birthDate ? swappedDate(p.birthDate) : null;
  for (const f of names(p)) {
    nameOnly(f, out);
    if (p.birthYear) {
      withYear(f, p.birthYear, out, true, true);
      withYear(f, p.birthYear - 1, out, false);
      withYear(f, p.birthYear + 1, out, false);
    }
    yearFreeTypos(f, out, true);
    if (p.birthDate) withSuffix(f, 'nd', p.birthDate, out);
    if (swapped) withSuffix(f, 'nd', swapped, out);
    if (regency) withSuffix(f, 'nr', regency, out);
  }
  for (const ph of p.phones ?? []) out.push({ family: 'ph', text: ph });
  return dedupe(out);
}

function dedupe(fs: Feature[]): Feature[] {
  const seen = new Map<string, Feature>();
  for (const f of fs) {
    const k = `${f.family}:${f.text}`;
    if (!seen.has(k)) seen.set(k, f);
  }
  return [...seen.values()];
}

/** The hashed key of a feature. */
export function keyOf(lookup: BlindIndex, f: Feature): string {
  return lookup.blockingKey(PURPOSE, `${f.family}:${f.text}`);
}

/**
 * The distinct keys to store in person_match_keys for a person. Used by the service on create,
 * update and merge, and by bulk loaders (the benchmark) so that they index exactly alike.
 */
export function matchKeysOf(p: MatchSubject, lookup: BlindIndex): string[] {
  return [...new Set(storedFeatures(p).map((f) => keyOf(lookup, f)))];
}
