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
//   td  a written token of four letters or more, and each one-letter deletion of it, with the
//       birth year (symmetric deletion: a wrong, missing, extra or swapped letter all share one)
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

export type KeyFamily = 'n' | 'ny' | 'j' | 't' | 'p' | 'ty' | 'td' | 'ph';

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
  for (let i = 0; i + 1 < forms.length; i++) pairJoins.add(formOf(canon[i] + canon[i + 1]));
  if (raw.length > 1) {
    joined.add(formOf(raw.join('')));
    for (let i = 0; i + 1 < raw.length; i++) pairJoins.add(formOf(raw[i] + raw[i + 1]));
  }
  return { canon, forms, distinctive, key: n.key, joined: [...joined], pairJoins: [...pairJoins] };
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

/** Year features of one name; `typos` adds the deletion neighbourhood of the written tokens. */
function withYear(f: NameFeatures, year: number, out: Feature[], typos: boolean) {
  out.push({ family: 'ny', text: `${f.key}|${year}` });
  for (const t of new Set([...f.distinctive, ...f.pairJoins])) out.push({ family: 'ty', text: `${t}|${year}` });
  if (f.distinctive.length < 2) for (const p of pairsOf(f)) out.push({ family: 'ty', text: `${p}|${year}` });
  if (!typos) return;
  // Symmetric deletion on the canonical spelling (typos are made on the written form): a wrong,
  // missing, extra or swapped letter leaves one deletion in common with the right token.
  f.canon.forEach((c, i) => {
    if (c.length < 4 || COMMON_FORMS.has(f.forms[i])) return;
    for (const d of [c, ...deletions(c)]) out.push({ family: 'td', text: `${d}|${year}` });
  });
}

export interface MatchSubject {
  fullName?: string | null;
  otherNames?: readonly string[] | null;
  birthYear?: number | null;
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
  for (const f of names(p)) {
    nameOnly(f, out);
    if (p.birthYear) withYear(f, p.birthYear, out, true);
  }
  for (const ph of p.phones ?? []) out.push({ family: 'ph', text: ph });
  return dedupe(out);
}

/**
 * The features a search looks up. The year is widened by one either side for whole tokens (an
 * age-based estimate is often a year off); typo deletions use the stated year only.
 */
export function queryFeatures(p: MatchSubject): Feature[] {
  const out: Feature[] = [];
  for (const f of names(p)) {
    nameOnly(f, out);
    if (p.birthYear) {
      withYear(f, p.birthYear, out, true);
      withYear(f, p.birthYear - 1, out, false);
      withYear(f, p.birthYear + 1, out, false);
    }
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
