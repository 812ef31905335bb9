// Normalisation and comparison of Indonesian names, and of birth dates, for duplicate detection.
// Pure functions, no I/O. What they must survive is what really happens in intake records:
// titles and degrees (Hj. Sri Wahyuni, S.Pd.), spelling variants (Muhammad/Mohammad/M.),
// the old Dutch-era spelling (Djoko/Joko, Soekarno/Sukarno), names written joined or split
// (Nurhaliza/Nur Haliza), swapped word order, a dropped middle name, single names and typos.
//
// Scores (0..1) are evidence for the name alone; the matcher combines them with birth date,
// sex, area and documents. Calibration, checked by names.test.ts:
//   1.00        same canonical tokens (case, accents, punctuation, titles and spelling variants
//               are not evidence against a match)
//   ≥ 0.85      true variants: a typo, a join or split, swapped order, one dropped middle name,
//               a dropped common first name (Siti Aminah / Aminah 0.92, I Wayan / Wayan 0.95)
//   0.6 – 0.85  plausible but weaker: a dropped distinctive name (Budi Hartono Wibowo / Budi
//               0.72), a shared name facing a merely common one (Putri/Putra Lestari 0.67)
//   ≤ 0.5       a token contradicts (Siti Aminah / Siti Rahayu 0.17, Yanto/Yanti Wibowo 0.5),
//               only a common name is shared (Siti / Siti Aminah 0.43), or nothing is (0)
// Name scores alone cannot separate namesakes: birth date, sex and area must do that.
import { jaroWinkler, osaDistance } from './string-distance.js';

// ---------------------------------------------------------------------------------------------
// Word lists. All entries are lower-case ASCII with the dots removed ('S.Pd.' → 'spd').

/** Titles and honorifics written before a name; dropped from the front, repeatedly. */
const PREFIX_TITLES = new Set([
  // pilgrimage
  'h', 'hj', 'haji', 'hajah', 'hajjah', 'hajji',
  // academic, written before the name
  'dr', 'drs', 'dra', 'ir', 'prof',
  // address forms
  'bapak', 'pak', 'bpk', 'ibu', 'bu', 'sdr', 'sdri', 'sdra', 'saudara', 'saudari',
  'nn', 'nona', 'ny', 'nyonya', 'tn', 'tuan', 'mr', 'mrs', 'ms', 'miss',
  // Javanese nobility: Raden, Raden Mas, Raden Ajeng/Ayu, Raden Roro
  'raden', 'rd', 'r', 'rm', 'ra', 'ray', 'rr',
  // religious
  'kyai', 'kiai', 'kh', 'ustadz', 'ustad', 'ustaz', 'ustadzah', 'ustazah',
  // deceased
  'alm', 'almh', 'almarhum', 'almarhumah',
]);

/**
 * Titles that are also ordinary words or names without their dots ("Ray", "Ra", "Ma"):
 * dropped only when written as an abbreviation (R.Ay., R.A., M.A.).
 */
const DOTTED_ONLY = new Set(['ray', 'ra', 'ma', 'ba']);

/** Academic and professional degrees, written after the name (usually after a comma). */
const DEGREES = new Set([
  'sh', 'se', 'st', 'sp', 'spd', 'skom', 'ssos', 'sag', 'skm', 'sked', 'ssi', 'spsi', 'sip', 'sikom',
  'sth', 'sthi', 'sfarm', 'sgz', 'stp', 'ssn', 'sst', 'ak', 'amd', 'amdkeb', 'amdkep', 'amk', 'lc',
  'mm', 'mpd', 'msi', 'mh', 'mkes', 'mkom', 'mt', 'mag', 'msc', 'ma', 'ba', 'mba', 'phd', 'bsc', 'llm',
  'ked', 'spog', 'spa', 'sppd', 'spb', 'apt', 'ners', 'dr', 'drs', 'dra', 'ir', 'prof',
]);

/** Patronymic connectors ("Ahmad bin Yusuf"): not part of anyone's own name. */
const CONNECTORS = new Set(['bin', 'binti', 'bint', 'bte']);

/**
 * Spelling variants of the same name mapped to one canonical token. Keys are run through the
 * spelling rules first (see canonicalSpelling), so 'Mochammad' needs no separate 'mokhamad'.
 */
const VARIANT_GROUPS: Record<string, string[]> = {
  muhammad: [
    'muhammad', 'mohammad', 'mohamad', 'muhamad', 'mochammad', 'mochamad', 'mochamat', 'muhamat', 'moch', 'mochd',
    'mohammed', 'mohamed', 'muhammed', 'muhamed', 'mukhammad', 'mukhamad', 'mohd', 'moh', 'muh', 'mhd', 'md',
  ],
  ahmad: ['ahmad', 'achmad', 'akhmad', 'ahmat', 'achmat', 'akhmat', 'ahmed'],
  abdul: ['abdul', 'abdoel', 'abd'],
  nur: ['nur', 'noor', 'nor', 'noer', 'nurul'],
  siti: ['siti', 'sitti'],
};

/**
 * Names so common that sharing one is weak evidence (Siti, Muhammad, the Balinese birth-order
 * names, I/Ni): they count half, the gender markers I and Ni less.
 */
const COMMON_TOKENS = new Set([
  'muhammad', 'ahmad', 'abdul', 'siti', 'nur', 'sri', 'dewi', 'putri', 'putra', 'agus', 'eko', 'dwi', 'tri',
  'wayan', 'made', 'nyoman', 'ketut', 'putu', 'kadek', 'komang', 'gede', 'ayu', 'nengah',
]);
const MARKER_TOKENS = new Set(['i', 'ni']);

// ---------------------------------------------------------------------------------------------
// Spelling.

/**
 * Spelling rules that are safe to apply always: they map the pre-1972 (Van Ophuijsen/Soewandi)
 * spelling and common loan-word spellings to the modern one without creating collisions between
 * different Indonesian names. The ambiguous ones (old 'j' for modern 'y', 'kh' for 'h') are not
 * here: they only enter phoneticForms, where a match through them scores a little lower.
 */
function canonicalSpelling(token: string): string {
  return token
    .replace(/oe/g, 'u') // Soekarno → sukarno
    .replace(/dj/g, 'j') // Djoko → joko
    .replace(/tj/g, 'c') // Tjahjadi → cahjadi
    .replace(/sj/g, 'sy') // Sjahrir → syahrir
    .replace(/ch/g, 'kh') // Chairul → khairul, Achmad → akhmad
    .replace(/q/g, 'k') // Rizqi → rizki, Taufiq → taufik
    .replace(/dh/g, 'd') // Ramadhan → ramadan
    .replace(/th/g, 't') // Fathur → fatur
    .replace(/ph/g, 'f') // Stephanus → stefanus
    .replace(/([^aeiou])y$/, '$1i') // Rizky → rizki (final y after a consonant)
    .replace(/(.)\1+/g, '$1'); // Muhammad → muhamad, Sitti → siti
}

const VARIANTS: ReadonlyMap<string, string> = new Map(
  Object.entries(VARIANT_GROUPS).flatMap(([canon, spellings]) => spellings.map((s) => [canonicalSpelling(s), canon])),
);

/** The canonical token: spelling rules, then the variant table. */
function canonicalToken(token: string): string {
  const spelled = canonicalSpelling(token);
  return VARIANTS.get(spelled) ?? spelled;
}

/**
 * The lossy forms used for blocking and for "same name, other spelling" matches: old 'j' read
 * as modern 'y' (Jusuf → yusuf, Tjahjo → cahyo), 'kh' as 'h' (Khairul/Hairul), a final 'h'
 * after a vowel dropped (Aminah/Amina), and 'ch' as plain 'c' (Chandra/Candra). The first form
 * is the token's key.
 */
function phoneticForms(raw: string, canon: string): string[] {
  const reduce = (t: string) =>
    t
      .replace(/j/g, 'y')
      .replace(/kh/g, 'h')
      .replace(/([aeiou])h$/, '$1')
      .replace(/(.)\1+/g, '$1');
  const forms = [reduce(canon)];
  if (raw.includes('ch')) forms.push(reduce(canonicalToken(raw.replace(/ch/g, 'c'))));
  return [...new Set(forms)];
}

// ---------------------------------------------------------------------------------------------
// Tokenising.

/** Lower case, accents removed (é → e), apostrophes removed (Ma'ruf → maruf). */
function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´ʼ]/g, '');
}

interface RawToken {
  /** Letters only, e.g. 'spd' for 'S.Pd.'. */
  text: string;
  /** Written with a dot: an abbreviation. */
  dotted: boolean;
}

/**
 * Splits one comma-separated segment into tokens. A dotted group is first tried whole (S.Pd.,
 * R.M. are one title) and otherwise split at its dots (Hj.Sri, M.Rizki are two tokens).
 */
function rawTokens(segment: string): RawToken[] {
  const out: RawToken[] = [];
  for (const word of segment.split(/[^a-z0-9.]+/)) {
    const whole = word.replace(/[^a-z]/g, '');
    if (!whole) continue;
    const dotted = word.includes('.');
    if (dotted && (PREFIX_TITLES.has(whole) || DEGREES.has(whole))) {
      out.push({ text: whole, dotted });
      continue;
    }
    for (const part of word.split('.')) {
      const text = part.replace(/[^a-z]/g, '');
      if (text) out.push({ text, dotted });
    }
  }
  return out;
}

function isTitle(t: RawToken, set: ReadonlySet<string>): boolean {
  return set.has(t.text) && (t.dotted || !DOTTED_ONLY.has(t.text));
}

interface NameToken {
  /** As written, folded: what 'exact' means. */
  raw: string;
  canon: string;
  /** Phonetic forms; the first is the blocking key. */
  forms: string[];
  weight: number;
}

interface AnalysedName {
  tokens: NameToken[];
  titles: string[];
}

/** Removes titles, degrees and connectors; the name itself is never emptied by it. */
function stripTitles(segments: RawToken[][]): { kept: RawToken[]; titles: string[] } {
  const titles: string[] = [];
  const trailing: string[] = [];
  // Later comma segments made only of degrees ("…, S.Pd., M.Pd.") are degrees; any other later
  // segment is part of the name ("Wahyuni, Sri").
  const kept = segments.flatMap((seg, i) => {
    if (i > 0 && seg.length && seg.every((t) => isTitle(t, DEGREES) || isTitle(t, PREFIX_TITLES))) {
      trailing.push(...seg.map((t) => t.text));
      return [];
    }
    return seg;
  });
  // From the front: 'H.' and 'R.' before a name are Haji and Raden far more often than initials,
  // so they go too (an initial carries little evidence anyway) — but only while a name follows.
  while (kept.length > 1 && isTitle(kept[0], PREFIX_TITLES)) titles.push(kept.shift()!.text);
  // Elsewhere: degrees without a comma ("Sri Wahyuni SH") and connectors ("bin").
  const rest = kept.filter((t, i) => {
    if (i === 0 || kept.length === 1) return true;
    if (isTitle(t, DEGREES)) {
      titles.push(t.text);
      return false;
    }
    return !CONNECTORS.has(t.text);
  });
  return { kept: rest, titles: [...titles, ...trailing] };
}

function tokenWeight(canon: string): number {
  if (MARKER_TOKENS.has(canon)) return 0.3;
  return COMMON_TOKENS.has(canon) ? 0.5 : 1;
}

function makeToken(raw: string, canon: string): NameToken {
  return { raw, canon, forms: phoneticForms(raw, canon), weight: tokenWeight(canon) };
}

// A duplicate search compares one typed name with up to 150 candidates: analysing it once, not
// 150 times, is most of the scoring time. Results are never mutated (mergeJoins and the scoring
// build new arrays), so sharing them is safe; the cache is bounded.
const analysed = new Map<string, AnalysedName>();
const ANALYSED_MAX = 2048;

function analyse(name: string): AnalysedName {
  const hit = analysed.get(name);
  if (hit) return hit;
  const result = analyseUncached(name);
  if (analysed.size >= ANALYSED_MAX) analysed.delete(analysed.keys().next().value!);
  analysed.set(name, result);
  return result;
}

function analyseUncached(name: string): AnalysedName {
  const segments = fold(name).split(/[,;]/).map(rawTokens);
  const { kept, titles } = stripTitles(segments);
  const tokens = kept.map((t, i) => {
    // A leading 'M.' is Muhammad and 'St.' Siti in Indonesian records; elsewhere they stay initials.
    if (i === 0 && kept.length > 1 && t.text === 'm') return makeToken(t.text, 'muhammad');
    if (i === 0 && kept.length > 1 && t.text === 'st' && t.dotted) return makeToken(t.text, 'siti');
    return makeToken(t.text, canonicalToken(t.text));
  });
  return { tokens, titles };
}

export interface NormalisedName {
  /** Canonical tokens in the order written. */
  tokens: string[];
  /** The canonical tokens without spaces: Nur Haliza and Nurhaliza give the same. */
  joined: string;
  /**
   * Blocking key: the distinct phonetic forms of the tokens, sorted, space-separated. Stable
   * under word order, spelling variants and titles, so it can be stored and indexed (or split
   * into its words for a token table) to find candidates in SQL before scoring them.
   */
  key: string;
  /** Titles, honorifics and degrees that were removed, dots dropped ('hj', 'spd'). */
  titles: string[];
}

export function normaliseName(name: string): NormalisedName {
  const { tokens, titles } = analyse(name);
  const canon = tokens.map((t) => t.canon);
  return {
    tokens: canon,
    joined: canon.join(''),
    key: [...new Set(tokens.map((t) => t.forms[0]))].sort().join(' '),
    titles,
  };
}

// ---------------------------------------------------------------------------------------------
// Token similarity.

type MatchKind = 'exact' | 'variant' | 'phonetic' | 'typo' | 'initial';

interface TokenMatch {
  sim: number;
  kind: MatchKind;
}

/**
 * How alike two tokens are, or null when they are different names. Typos: one edit from 4
 * letters, two from 8 (fewer letters leave too little: Eko/Edo, Ani/Ana, Sukarni/Suparmi are
 * different names).
 */
function matchTokens(a: NameToken, b: NameToken): TokenMatch | null {
  if (a.canon === b.canon) return a.raw === b.raw ? { sim: 1, kind: 'exact' } : { sim: 0.98, kind: 'variant' };
  if (a.forms.some((f) => b.forms.includes(f))) return { sim: 0.95, kind: 'phonetic' };
  if (a.raw.length === 1 || b.raw.length === 1) {
    const [short, long] = a.raw.length === 1 ? [a, b] : [b, a];
    if (long.raw.length > 1 && (long.raw[0] === short.raw || long.canon[0] === short.raw)) return { sim: 0.8, kind: 'initial' };
    return null;
  }
  // Typos are measured on the phonetic forms and on the letters as written: the spelling rules can
  // turn one wrong letter into two differences (Matiini/Matitini: 'ii' → 'i'; Phrno/Parno: 'ph' →
  // 'f'). A different ending of the phonetic forms stays a different name (Rizky/Rizka).
  if (differentEnding(a.forms[0], b.forms[0])) return null;
  for (const [x, y] of [[a.forms[0], b.forms[0]], [a.raw, b.raw]]) {
    if (differentEnding(x, y)) continue;
    const minLen = Math.min(x.length, y.length);
    const d = osaDistance(x, y);
    // The Jaro-Winkler floor keeps two-edit "typos" that change the start of the name out.
    if ((d === 1 && minLen >= 4) || (d === 2 && minLen >= 8 && jaroWinkler(x, y) >= 0.85)) {
      return { sim: d === 1 ? 0.92 : 0.86, kind: 'typo' };
    }
  }
  return null;
}

/**
 * Javanese names differ by their final vowel between brother and sister — Yanto/Yanti,
 * Susanto/Susanti, Putra/Putri — and Rina/Rini are two names: a final 'i' against a final 'a'
 * or 'o' is a different name, not a typo. (Final 'o' against 'a', Santoso/Santosa, is the
 * Javanese and Sundanese spelling of one name and stays a typo-level match.)
 */
function differentEnding(x: string, y: string): boolean {
  if (x.length !== y.length || x.slice(0, -1) !== y.slice(0, -1)) return false;
  const ends = new Set([x.at(-1), y.at(-1)]);
  return ends.has('i') && (ends.has('a') || ends.has('o'));
}

/**
 * Merges adjacent tokens of `a` whose concatenation is a token of `b` (Nur Haliza against
 * Nurhaliza), unless one of the pair already matches that token exactly on its own.
 */
function mergeJoins(a: NameToken[], b: NameToken[]): { tokens: NameToken[]; merged: boolean } {
  const out: NameToken[] = [];
  let merged = false;
  for (let i = 0; i < a.length; i++) {
    if (i + 1 < a.length) {
      const raw = a[i].raw + a[i + 1].raw;
      // Joined from the canonical tokens (Moh. Rizki → muhammadrizki) and as written: a token the
      // variant table maps (Nurul → nur) is written whole when joined (Nurulhuda / Nurul Huda).
      const forms = [makeToken(raw, canonicalSpelling(a[i].canon + a[i + 1].canon)), makeToken(raw, canonicalToken(raw))];
      const usable = (t: NameToken) => t.canon !== a[i].canon && t.canon !== a[i + 1].canon && t.raw.length > 1;
      const joined = forms.find((f) => b.some((t) => usable(t) && matchTokens(f, t)));
      if (joined) {
        out.push({ ...joined, weight: Math.max(a[i].weight, a[i + 1].weight) });
        merged = true;
        i++;
        continue;
      }
    }
    out.push(a[i]);
  }
  return { tokens: out, merged };
}

interface Pair {
  i: number;
  j: number;
  match: TokenMatch;
}

/**
 * Pairs tokens one-to-one, best matches first. Greedy is enough for names of a few tokens; ties
 * go to the pair closest in position, so a repeated name pairs in order.
 */
function alignTokens(a: NameToken[], b: NameToken[]): Pair[] {
  const candidates: Pair[] = [];
  a.forEach((ta, i) =>
    b.forEach((tb, j) => {
      const match = matchTokens(ta, tb);
      if (match) candidates.push({ i, j, match });
    }),
  );
  candidates.sort((p, q) => q.match.sim - p.match.sim || Math.abs(p.i - p.j) - Math.abs(q.i - q.j));
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: Pair[] = [];
  for (const p of candidates) {
    if (usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    pairs.push(p);
  }
  return pairs.sort((p, q) => p.i - q.i);
}

// ---------------------------------------------------------------------------------------------
// Name comparison.

export type NameReason =
  | 'exact'
  | 'variant_spelling'
  | 'joined_or_split'
  | 'word_order'
  | 'missing_middle_name'
  | 'missing_name'
  | 'initial'
  | 'typo'
  | 'title_removed'
  | 'conflicting_name'
  | 'no_common_name'
  | 'empty';

export interface NameComparison {
  score: number;
  reasons: NameReason[];
}

// Penalties, tuned on names.test.ts (see the calibration at the top of this file).
// Per unit weight of a name present on one side only: a dropped middle name is routine
// (Dewi Lestari Putri / Dewi Putri); a dropped first or last name changes more of what is left.
const MISSING_MIDDLE_FACTOR = 0.92;
const MISSING_OUTER_FACTOR = 0.85;
const WORD_ORDER_FACTOR = 0.95;
const JOIN_FACTOR = 0.97;

function sum(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

/** Unpaired tokens of one side that sit between two paired ones: a dropped middle name. */
function allInterior(unpaired: number[], paired: number[]): boolean {
  if (!paired.length) return false;
  const lo = Math.min(...paired);
  const hi = Math.max(...paired);
  return unpaired.every((k) => k > lo && k < hi);
}

/**
 * How likely two written names are the same person's name, 0..1, with the reasons a case worker
 * can read. Symmetric. Tokens are paired (after joining split names), then the score is the
 * weighted quality of the pairs, diluted by contradicting and missing names.
 */
export function compareNames(a: string, b: string): NameComparison {
  const A = analyse(a);
  const B = analyse(b);
  if (!A.tokens.length || !B.tokens.length) return { score: 0, reasons: ['empty'] };

  const reasons = new Set<NameReason>();
  const titlesDiffer = [...A.titles].sort().join() !== [...B.titles].sort().join();
  if (titlesDiffer) reasons.add('title_removed');

  const ma = mergeJoins(A.tokens, B.tokens);
  const mb = mergeJoins(B.tokens, ma.tokens);
  const [ta, tb] = [ma.tokens, mb.tokens];
  const joined = ma.merged || mb.merged;
  if (joined) reasons.add('joined_or_split');

  const pairs = alignTokens(ta, tb);
  if (!pairs.length) return { score: 0, reasons: ['no_common_name'] };

  for (const p of pairs) {
    if (p.match.kind === 'variant' || p.match.kind === 'phonetic') reasons.add('variant_spelling');
    if (p.match.kind === 'typo') reasons.add('typo');
    if (p.match.kind === 'initial') reasons.add('initial');
  }
  const inOrder = pairs.every((p, k) => k === 0 || p.j > pairs[k - 1].j);
  if (!inOrder) reasons.add('word_order');

  // Evidence: the weighted quality of the pairs, diluted by names that contradict each other
  // (unpaired on both sides) and, more gently, by names present on one side only.
  const pairedA = new Set(pairs.map((p) => p.i));
  const pairedB = new Set(pairs.map((p) => p.j));
  const unA = ta.map((_, k) => k).filter((k) => !pairedA.has(k));
  const unB = tb.map((_, k) => k).filter((k) => !pairedB.has(k));
  // Unpaired tokens face each other one to one, heaviest first: each such pair is a conflict
  // weighing as its heavier token; what is left over on the longer side is missing on the other.
  const byWeightA = unA.map((k) => ta[k].weight).sort((x, y) => y - x);
  const byWeightB = unB.map((k) => tb[k].weight).sort((x, y) => y - x);
  const facing = Math.min(byWeightA.length, byWeightB.length);
  const conflictWeight = sum(Array.from({ length: facing }, (_, k) => Math.max(byWeightA[k], byWeightB[k])));
  const extraWeight = sum(byWeightA.slice(facing)) + sum(byWeightB.slice(facing));
  const pairWeights = pairs.map((p) => Math.max(ta[p.i].weight, tb[p.j].weight));
  const matchedWeight = sum(pairWeights);
  const matchedScore = sum(pairs.map((p, k) => pairWeights[k] * p.match.sim));

  let score = matchedScore / (matchedWeight + conflictWeight);
  if (conflictWeight > 0) reasons.add('conflicting_name');
  if (extraWeight > 0) {
    const longer = unA.length > unB.length ? { un: unA, paired: [...pairedA] } : { un: unB, paired: [...pairedB] };
    const middle = allInterior(longer.un, longer.paired);
    score *= (middle ? MISSING_MIDDLE_FACTOR : MISSING_OUTER_FACTOR) ** extraWeight;
    reasons.add(middle ? 'missing_middle_name' : 'missing_name');
  }
  // Sharing only a common name (Siti, Muhammad) and nothing else is thin evidence.
  // Scaling by the matched weight puts "Siti" against "Siti Aminah" at about 0.4.
  if (matchedWeight < 1 && (unA.length || unB.length)) score *= matchedWeight;
  if (!inOrder) score *= WORD_ORDER_FACTOR;
  if (joined) score *= JOIN_FACTOR;

  const onlyExact = pairs.every((p) => p.match.kind === 'exact') && !unA.length && !unB.length && !joined && inOrder;
  if (onlyExact && !titlesDiffer) reasons.add('exact');
  return { score: round(score), reasons: [...reasons] };
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}

// ---------------------------------------------------------------------------------------------
// Birth dates.

export interface BirthDateInput {
  year?: number;
  month?: number;
  day?: number;
  /** The year was estimated (from an age, or a guess); day and month then mean nothing. */
  estimated?: boolean;
}

export type BirthDateReason =
  | 'exact'
  | 'day_month_swapped'
  | 'year_month_only'
  | 'year_only'
  | 'year_close_estimated'
  | 'different'
  | 'unknown';

export interface BirthDateComparison {
  score: number;
  reasons: BirthDateReason[];
}

// Scores for birth dates (the matcher weighs them against the name score).
export const BIRTH_DATE_SCORES = {
  exact: 1,
  dayMonthSwapped: 0.85, // 03/05 vs 05/03: the commonest error between DD/MM and MM/DD forms
  yearMonthOnly: 0.7, // the same year and month, a day missing on one side
  yearOnly: 0.5, // the same year, nothing more known (or estimated) on one side
  yearCloseEstimated: 0.3, // years one apart where one is an estimate (from an age)
} as const;

/**
 * Compares two birth dates as recorded. An estimated date counts for its year only: records
 * fill unknown days with 1 January, 1 July or 31 December, which is no evidence.
 */
export function compareBirthDates(a: BirthDateInput, b: BirthDateInput): BirthDateComparison {
  if (a.year === undefined || b.year === undefined) return { score: 0, reasons: ['unknown'] };
  const full = (d: BirthDateInput) => d.month !== undefined && d.day !== undefined;
  if (full(a) && full(b) && a.year === b.year && a.month === b.month && a.day === b.day) {
    return { score: BIRTH_DATE_SCORES.exact, reasons: ['exact'] };
  }
  const estimated = Boolean(a.estimated || b.estimated);
  if (a.year === b.year) {
    if (!estimated && full(a) && full(b)) {
      return a.day === b.month && a.month === b.day
        ? { score: BIRTH_DATE_SCORES.dayMonthSwapped, reasons: ['day_month_swapped'] }
        : { score: 0, reasons: ['different'] };
    }
    if (!estimated && a.month !== undefined && b.month !== undefined) {
      return a.month === b.month
        ? { score: BIRTH_DATE_SCORES.yearMonthOnly, reasons: ['year_month_only'] }
        : { score: 0, reasons: ['different'] };
    }
    return { score: BIRTH_DATE_SCORES.yearOnly, reasons: ['year_only'] };
  }
  if (estimated && Math.abs(a.year - b.year) === 1) {
    return { score: BIRTH_DATE_SCORES.yearCloseEstimated, reasons: ['year_close_estimated'] };
  }
  return { score: 0, reasons: ['different'] };
}
