// Labelled re-registrations: the same person registered again (by another organisation, at the
// border, years later) with the errors that really occur in Indonesian records. Each variant
// carries the index of the true person and the kinds of change, so a benchmark can measure the
// recall of the duplicate search per kind of change.
import type { BirthDate } from '../cases/priority.js';
import type { AreaSampler } from './areas.js';
import { addDays, daysBetween } from './dates.js';
import type { GeneratedPerson } from './person.js';
import { Rng } from './prng.js';

export type ChangeKind =
  | 'joined_or_split'
  | 'spelling_variant'
  | 'old_spelling'
  | 'title_added'
  | 'word_order'
  | 'dropped_middle_name'
  | 'typo'
  | 'day_month_swapped'
  | 'year_only'
  | 'age_only'
  | 'birth_unknown'
  | 'village_nearby'
  | 'village_unknown'
  | 'same_phone'
  | 'same_nik'
  | 'same_passport';

export const nameChanges = ['joined_or_split', 'spelling_variant', 'old_spelling', 'title_added', 'word_order', 'dropped_middle_name', 'typo'] as const satisfies readonly ChangeKind[];

/** What the intake form has when the duplicate search runs (the body of POST /persons/match). */
export interface MatchQuery {
  fullName: string;
  otherNames?: string[];
  sex?: 'female' | 'male';
  birth?: BirthDate | null;
  documents?: { type: 'nik' | 'passport' | 'splp' | 'other'; number: string }[];
  phones?: string[];
  homeVillageCode?: string | null;
}

export interface LabelledVariant {
  /** The generated person this is a re-registration of; null for a person never registered (a control). */
  personIndex: number | null;
  query: MatchQuery;
  changes: ChangeKind[];
}

const muhammadForms = ['Moh.', 'M.', 'Muhamad', 'Mohammad', 'Mochammad', 'Muh.', 'Mohamad'];
const splitPrefixes = ['nur', 'sri', 'siti', 'dwi', 'tri', 'eka', 'nurul', 'abdul', 'ahmad', 'dewi'];

type NameEdit = (rng: Rng, name: string, p: GeneratedPerson) => string | null;

const tokens = (s: string) => s.split(' ').filter(Boolean);

const edits: Record<(typeof nameChanges)[number], NameEdit> = {
  joined_or_split(rng, name) {
    const t = tokens(name);
    // Join: two short-ish neighbours (Nur Haliza → Nurhaliza, Sri Wahyuni → Sriwahyuni).
    const joinAt = t.findIndex((w, i) => i + 1 < t.length && splitPrefixes.includes(w.toLowerCase()));
    if (joinAt >= 0) {
      const joined = t[joinAt] + t[joinAt + 1].toLowerCase();
      return [...t.slice(0, joinAt), joined, ...t.slice(joinAt + 2)].join(' ');
    }
    // Split: a token that starts with a common prefix (Nurhaliza → Nur Haliza).
    for (let i = 0; i < t.length; i++) {
      const lower = t[i].toLowerCase();
      const prefix = splitPrefixes.find((p) => lower.startsWith(p) && lower.length >= p.length + 3);
      if (prefix) {
        const rest = t[i].slice(prefix.length);
        return [...t.slice(0, i), t[i].slice(0, prefix.length), rest[0].toUpperCase() + rest.slice(1), ...t.slice(i + 1)].join(' ');
      }
    }
    // Otherwise join any two tokens when the name has three or more.
    if (t.length >= 3 && rng.chance(0.5)) return [t[0], t[1] + t[2].toLowerCase(), ...t.slice(3)].join(' ');
    return null;
  },
  spelling_variant(rng, name) {
    if (/\bMuhammad\b/.test(name)) return name.replace(/\bMuhammad\b/, rng.pick(muhammadForms));
    if (/\bAhmad\b/.test(name)) return name.replace(/\bAhmad\b/, rng.pick(['Achmad', 'Akhmad', 'Ahmat']));
    if (/\bSiti\b/.test(name)) return name.replace(/\bSiti\b/, rng.pick(['Sitti', 'St.']));
    if (/\bAbdul\b/.test(name)) return name.replace(/\bAbdul\b/, rng.pick(['Abd.', 'Abdoel']));
    if (/\bNur\b/.test(name)) return name.replace(/\bNur\b/, rng.pick(['Noor', 'Nor']));
    // Doubled or single consonants, final y/i, dh/d, q/k: Rizky/Rizki, Ramadhan/Ramadan, Taufiq/Taufik.
    const swaps: [RegExp, string][] = [[/ki\b/, 'ky'], [/ky\b/, 'ki'], [/dh/, 'd'], [/fik\b/, 'fiq'], [/mmad/, 'mad'], [/ah\b/, 'a'], [/ph/, 'f'], [/([a-z]{4,})o\b/, '$1a'], [/([aiu])h([^aeiou])/, '$1$2']];
    for (const [re, to] of rng.sample(swaps, swaps.length)) if (re.test(name)) return name.replace(re, to);
    return null;
  },
  old_spelling(rng, name) {
    // The pre-1972 spelling, still on older documents: u → oe, j → dj, y → j, c → tj.
    const rules: [RegExp, string][] = [[/u/, 'oe'], [/J(?=[aeiou])/, 'Dj'], [/j/, 'dj'], [/y(?=[aeiou])/, 'j'], [/C/, 'Tj'], [/c/, 'tj']];
    for (const [re, to] of rng.sample(rules, rules.length)) {
      const next = name.replace(re, to);
      if (next !== name) return next;
    }
    return null;
  },
  title_added(rng, name, p) {
    const older = p.meta.age >= 35;
    const pilgrim = p.meta.group !== 'ntt' && p.meta.group !== 'batak' && p.meta.group !== 'balinese' && older;
    const f = p.sex === 'female';
    const before = pilgrim && rng.chance(0.5) ? (f ? 'Hj.' : 'H.') : rng.pick(f ? ['Ibu', 'Ibu', 'Sdri.', 'Ny.'] : ['Bapak', 'Bpk.', 'Sdr.', 'Pak']);
    if (rng.chance(0.2)) return `${name}, ${rng.pick(['S.Pd.', 'S.E.', 'S.H.', 'Amd.Keb.', 'S.Kep.'])}`;
    return `${before} ${name}`;
  },
  word_order(rng, name) {
    const t = tokens(name).filter((w) => w !== 'br.');
    if (t.length < 2) return null;
    // Surname first (Batak, Chinese, forms that ask for the family name first), or any adjacent swap.
    if (t.length === 2 || rng.chance(0.6)) return [t[t.length - 1], ...t.slice(0, -1)].join(' ');
    const i = rng.int(0, t.length - 2);
    [t[i], t[i + 1]] = [t[i + 1], t[i]];
    return t.join(' ');
  },
  dropped_middle_name(rng, name) {
    const t = tokens(name);
    if (t.length < 3) return null;
    const i = rng.int(1, t.length - 2);
    return [...t.slice(0, i), ...t.slice(i + 1)].join(' ');
  },
  typo(rng, name) {
    const t = tokens(name);
    const candidates = t.map((w, i) => [w, i] as const).filter(([w]) => /^[A-Za-z]{5,}$/.test(w));
    if (!candidates.length) return null;
    const [word, i] = rng.pick(candidates);
    const pos = rng.int(1, word.length - 1);
    const letters = 'aiueonmrstlkgdhbpjwy';
    let typo: string;
    switch (rng.int(0, 2)) {
      case 0: // substitution
        typo = word.slice(0, pos) + rng.pick(letters.replace(word[pos].toLowerCase(), '').split('')) + word.slice(pos + 1);
        break;
      case 1: // deletion
        typo = word.slice(0, pos) + word.slice(pos + 1);
        break;
      default: // transposition
        typo = pos < word.length - 1 ? word.slice(0, pos) + word[pos + 1] + word[pos] + word.slice(pos + 2) : word.slice(0, pos - 1) + word[pos] + word[pos - 1];
    }
    if (typo.toLowerCase() === word.toLowerCase()) return null;
    t[i] = typo;
    return t.join(' ');
  },
};

export interface VariantOptions {
  seed: number | string;
  referenceDate: string;
  areas: AreaSampler;
}

/** A re-registration of `p` with one or two name changes and, often, a birth-date or area difference. */
export function makeVariant(opts: VariantOptions, p: GeneratedPerson, k = 0): LabelledVariant {
  const rng = Rng.derive(opts.seed, `variant:${p.index}:${k}`);
  const changes: ChangeKind[] = [];
  let name = p.fullName;
  const nameEditCount = rng.chance(0.3) ? 2 : 1;
  for (const kind of rng.sample(nameChanges, nameChanges.length)) {
    if (changes.length >= nameEditCount) break;
    const next = edits[kind](rng, name, p);
    if (next && next !== name) {
      name = next;
      changes.push(kind);
    }
  }

  let birth: BirthDate | null = p.birth;
  const r = rng.next();
  if (p.birth?.kind === 'exact') {
    const [y, m, d] = p.birth.date.split('-').map(Number);
    if (r < 0.15 && d <= 12 && d !== m) {
      birth = { kind: 'exact', date: `${y}-${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}` };
      changes.push('day_month_swapped');
    } else if (r < 0.3) {
      birth = { kind: 'estimated_year', year: y };
      changes.push('year_only');
    } else if (r < 0.36) {
      const statedOn = addDays(opts.referenceDate, -rng.int(0, 30));
      birth = { kind: 'estimated_age', age: Math.floor(daysBetween(p.birth.date, statedOn) / 365.25), statedOn };
      changes.push('age_only');
    }
  }
  if (p.birth && rng.chance(0.03)) {
    birth = null;
    // The only birth change: whatever was changed above is gone with the date.
    for (const k of ['day_month_swapped', 'year_only', 'age_only'] as const) if (changes.includes(k)) changes.splice(changes.indexOf(k), 1);
    changes.push('birth_unknown');
  }

  let homeVillageCode = p.homeVillageCode;
  if (homeVillageCode && rng.chance(0.25)) {
    if (rng.chance(0.5)) {
      homeVillageCode = null;
      changes.push('village_unknown');
    } else {
      const v = opts.areas.data.villagesByRegency.get(homeVillageCode.slice(0, 5));
      if (v) {
        homeVillageCode = rng.pick(v).code;
        if (homeVillageCode !== p.homeVillageCode) changes.push('village_nearby');
      }
    }
  }

  const query: MatchQuery = { fullName: name, sex: p.sex, birth, homeVillageCode };
  // Most re-registrations happen without the documents in hand (that is why duplicates arise).
  const nik = p.documents.find((d) => d.type === 'nik');
  const passport = p.documents.find((d) => d.type === 'passport');
  const docRoll = rng.next();
  if (nik && docRoll < 0.1) {
    query.documents = [{ type: 'nik', number: nik.number }];
    changes.push('same_nik');
  } else if (passport && docRoll < 0.15) {
    query.documents = [{ type: 'passport', number: passport.number }];
    changes.push('same_passport');
  }
  if (p.phones.length && rng.chance(0.2)) {
    query.phones = [p.phones[0]];
    changes.push('same_phone');
  }
  return { personIndex: p.index, query, changes };
}

/** A control: someone never registered, built like a person (false candidates above the threshold count against precision). */
export function controlQuery(p: GeneratedPerson): LabelledVariant {
  return {
    personIndex: null,
    query: { fullName: p.fullName, sex: p.sex, birth: p.birth, homeVillageCode: p.homeVillageCode },
    changes: [],
  };
}
