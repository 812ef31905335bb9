// Synthetic returnees (persons) in the shape of the persons API's PersonInput. Deterministic:
// person i of seed s is the same on every run, whatever else is generated (each person draws
// from its own stream), so a benchmark can regenerate any person, or its variants, by index.
import type { BirthDate } from '../cases/priority.js';
import { areaSampler, type AreaSampler, type Village } from './areas.js';
import { groupOf, homeLanguages, makeName, makeRelativeName, type NameGroup, type Sex } from './names.js';
import { Rng, WeightedTable } from './prng.js';
import { addDays, pad, toIsoDate } from './dates.js';

export interface GeneratedDocument {
  type: 'nik' | 'passport' | 'splp' | 'other';
  number: string;
  issuingCountry: string | null;
  expiresOn: string | null;
}

export interface GeneratedPerson {
  index: number;
  fullName: string;
  otherNames: string[];
  sex: Sex;
  genderIdentity: string | null;
  birth: BirthDate | null;
  nationality: string;
  languages: string[];
  documents: GeneratedDocument[];
  phones: string[];
  homeVillageCode: string | null;
  homeProvinceCode: string | null;
  homeAddress: string | null;
  emergencyContact: { name: string; relationship: string; phone: string } | null;
  disabilities: string[];
  disabilityNote: string | null;
  /** Not part of the API: what the name was built from, and where the person went. */
  meta: { group: NameGroup | 'foreign'; age: number; destinations: string[]; registeredOn: string };
}

export interface GeneratorOptions {
  seed: number | string;
  /** The day the population is observed on ('YYYY-MM-DD'): ages, stages and due dates are relative to it. */
  referenceDate: string;
  /** Earliest registration date; cases open between it and referenceDate. */
  since?: string;
}

export const defaultReferenceDate = '2026-11-27';

/** Destinations of Indonesian migrant workers by sex (percent), from BP2MI placement and repatriation data. */
export const destinationWeights: Record<Sex, readonly (readonly [string, number])[]> = {
  female: [
    ['MY', 27], ['HK', 20], ['TW', 18], ['SA', 11], ['SG', 8], ['AE', 4], ['BN', 2], ['JP', 2], ['QA', 1.5],
    ['KW', 1], ['OM', 1], ['KR', 1], ['KH', 1.5], ['MM', 0.5], ['TR', 0.5], ['PL', 0.5], ['IQ', 0.5],
  ],
  male: [
    ['MY', 34], ['TW', 14], ['KR', 10], ['JP', 8], ['KH', 10], ['SA', 5], ['MM', 4], ['AE', 3], ['QA', 3],
    ['BN', 2], ['SG', 2], ['TH', 1.5], ['LA', 1], ['CN', 1], ['PL', 1], ['ZA', 0.5],
  ],
};

/** Second countries seen with the first: transit, onward movement, or being moved across a border. */
const onward: Record<string, readonly string[]> = {
  MY: ['SG', 'TH', 'BN'],
  KH: ['MM', 'TH', 'LA', 'VN'],
  MM: ['TH', 'KH'],
  TH: ['MM', 'KH'],
  SA: ['AE', 'JO', 'SY'],
  AE: ['SA', 'OM', 'IQ'],
  TW: ['CN'],
  HK: ['MO', 'CN'],
  LA: ['TH', 'MM'],
};

/** Foreign nationals returning home from Indonesia (outbound cases): rescued fishing crews, scam-compound transit, stranded migrants. */
const foreigners: readonly (readonly [string, number])[] = [['MM', 30], ['KH', 10], ['VN', 15], ['PH', 15], ['BD', 10], ['TL', 10], ['LK', 5], ['CN', 5]];
const foreignNames: Record<string, { female: string[]; male: string[]; family?: string[] }> = {
  MM: { female: ['Aye Aye Khaing', 'Thin Thin Aye', 'Hnin Wai', 'May Thu', 'Su Su Hlaing'], male: ['Kyaw Zin Oo', 'Aung Ko Ko', 'Min Thu', 'Zaw Win', 'Htet Naing', 'Thein Htike', 'Soe Moe'] },
  KH: { female: ['Sok Chenda', 'Srey Leak', 'Chan Sophea'], male: ['Sok Dara', 'Chea Vannak', 'Phan Sopheak', 'Heng Sokha'] },
  VN: { female: ['Nguyen Thi Lan', 'Tran Thi Hoa', 'Le Thi Mai'], male: ['Nguyen Van Hung', 'Tran Van Nam', 'Pham Van Duc', 'Le Van Tuan'] },
  PH: { female: ['Maria Santos', 'Jocelyn Reyes', 'Rowena Cruz'], male: ['Jose dela Cruz', 'Ramon Garcia', 'Eduardo Bautista', 'Rodel Mendoza'] },
  BD: { female: ['Fatema Begum', 'Rina Akter'], male: ['Mohammad Rahim Uddin', 'Abdul Karim', 'Md. Shahidul Islam', 'Rashed Hossain'] },
  TL: { female: ['Maria da Costa', 'Joana Soares'], male: ['Joao Pereira', 'Antonio Ximenes', 'Manuel Guterres', 'Francisco da Silva'] },
  LK: { female: ['Kumari Perera', 'Nirmala Silva'], male: ['Sunil Fernando', 'Ruwan Perera', 'Pradeep Kumara'] },
  CN: { female: ['Wang Li', 'Zhang Mei'], male: ['Li Wei', 'Chen Jun', 'Liu Yang'] },
};
const foreignLanguages: Record<string, string> = { MM: 'my', KH: 'km', VN: 'vi', PH: 'tl', BD: 'bn', TL: 'tet', LK: 'en', CN: 'zh' };

const destinationLanguage: Record<string, string> = {
  MY: 'ms', BN: 'ms', SG: 'en', HK: 'zh', TW: 'zh', CN: 'zh', SA: 'ar', AE: 'ar', QA: 'ar', KW: 'ar', OM: 'ar', IQ: 'ar', JO: 'ar', KR: 'ko', JP: 'ja',
};

/** Indonesian mobile prefixes after +62 8 (Telkomsel, Indosat, XL, Axis, Tri, Smartfren). */
const mobilePrefixes = ['11', '12', '13', '21', '22', '23', '51', '52', '53', '14', '15', '16', '55', '56', '57', '58', '17', '18', '19', '59', '77', '78', '31', '32', '33', '38', '95', '96', '97', '98', '99', '81', '82', '83', '85', '87', '88'];

export function indonesianMobile(rng: Rng): string {
  const rest = rng.chance(0.7) ? 8 : 7;
  let digits = '';
  for (let i = 0; i < rest; i++) digits += rng.int(i === 0 ? 1 : 0, 9);
  return `+628${rng.pick(mobilePrefixes)}${digits}`;
}

function foreignMobile(rng: Rng, country: string): string | null {
  const d = (n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
  switch (country) {
    case 'MY':
      return `+601${rng.pick(['1', '2', '3', '4', '6', '7', '9'])}${rng.int(1, 9)}${d(6)}`;
    case 'TW':
      return `+8869${d(8)}`;
    case 'HK':
      return `+852${rng.pick(['5', '6', '9'])}${d(7)}`;
    case 'SA':
      return `+9665${d(8)}`;
    case 'SG':
      return `+65${rng.pick(['8', '9'])}${d(7)}`;
    default:
      return null;
  }
}

const streets = ['Mawar', 'Melati', 'Kenanga', 'Flamboyan', 'Merdeka', 'Pahlawan', 'Diponegoro', 'Kartini', 'Sudirman', 'Masjid', 'Pasar', 'Raya', 'Kebon Jeruk', 'Nangka', 'Manggis'];
const hamlets = ['Krajan', 'Kidul', 'Lor', 'Wetan', 'Kulon', 'Tengah', 'Sumber', 'Karang', 'Sidomulyo', 'Sukamaju', 'Margasari', 'Cibodas', 'Babakan', 'Tanjung', 'Mekar Sari'];

function homeAddress(rng: Rng, group: NameGroup): string {
  const rt = `RT ${pad(rng.int(1, 15), 3)}/RW ${pad(rng.int(1, 9), 3)}`;
  if (group === 'balinese') return `Banjar ${rng.pick(['Kaja', 'Kelod', 'Tengah', 'Anyar', 'Dangin Pangkung'])}, ${rt}`;
  if (group === 'sundanese') return `Kampung ${rng.pick(hamlets)} ${rt}`;
  if (rng.chance(0.6)) return `Dusun ${rng.pick(hamlets)} ${rt}`;
  return `Jl. ${rng.pick(streets)} No. ${rng.int(1, 120)}, ${rt}`;
}

const relationships = ['mother', 'father', 'husband', 'wife', 'sibling', 'child', 'relative'] as const;
const disabilityDomains = ['seeing', 'hearing', 'walking', 'cognition', 'self_care', 'communication'] as const;

/** NIK: district code of the home village, birth date (+40 on the day for women), a sequence. */
export function makeNik(village: Village, birthDate: string, sex: Sex, sequence: number): string {
  const [y, m, d] = birthDate.split('-').map(Number);
  const district = village.districtCode.replace(/\./g, '');
  return `${district}${pad(sex === 'female' ? d + 40 : d, 2)}${pad(m, 2)}${pad(y % 100, 2)}${pad(sequence, 4)}`;
}

export class PersonGenerator {
  readonly areas: AreaSampler;
  private readonly nikSeen = new Set<string>();
  private readonly destinations: Record<Sex, WeightedTable<string>>;

  constructor(readonly options: GeneratorOptions, areas?: AreaSampler) {
    this.areas = areas ?? areaSampler();
    this.destinations = { female: new WeightedTable(destinationWeights.female), male: new WeightedTable(destinationWeights.male) };
  }

  get referenceDate() {
    return this.options.referenceDate;
  }

  /** The stream of person i (independent of every other person). */
  rngOf(index: number, label = 'person'): Rng {
    return Rng.derive(this.options.seed, `${label}:${index}`);
  }

  person(index: number): GeneratedPerson {
    const rng = this.rngOf(index);
    const ref = this.options.referenceDate;
    const since = this.options.since ?? `${Number(ref.slice(0, 4)) - 5}${ref.slice(4)}`;
    const spanDays = Math.round((Date.parse(ref) - Date.parse(since)) / 86_400_000);
    // Registrations grow over the years (more organisations use the system): skew towards recent.
    const registeredOn = addDays(ref, -Math.floor(spanDays * (1 - Math.sqrt(rng.next()))));

    const outbound = rng.chance(0.03);
    const sex: Sex = rng.chance(outbound ? 0.3 : 0.62) ? 'female' : 'male';
    const child = rng.chance(0.06);
    const age = Math.round(child ? rng.normal(15.5, 1.5, 12, 17) : rng.normal(31, 8, 18, 62));
    const birthDate = addDays(`${Number(registeredOn.slice(0, 4)) - age}-01-01`, -rng.int(0, 364));

    if (outbound) return this.foreigner(index, rng, sex, age, birthDate, registeredOn);

    const provinceCode = this.areas.province(rng);
    const village = this.areas.village(rng, provinceCode);
    const group = groupOf(rng, provinceCode);
    const fullName = makeName(rng, group, sex, age);
    const dest = [this.destinations[sex].draw(rng)];
    if (onward[dest[0]] && rng.chance(0.12)) dest.push(rng.pick(onward[dest[0]]));

    const kind = rng.weighted([['exact', 78], ['estimated_year', 15], ['estimated_age', 7]] as const);
    const birth: BirthDate | null = rng.chance(0.02)
      ? null
      : kind === 'exact'
        ? { kind: 'exact', date: birthDate }
        : kind === 'estimated_year'
          ? { kind: 'estimated_year', year: Number(birthDate.slice(0, 4)) }
          : { kind: 'estimated_age', age: ageAt(birthDate, registeredOn), statedOn: registeredOn };

    const documents: GeneratedDocument[] = [];
    if (birth?.kind === 'exact' && rng.chance(0.8)) {
      let seq = rng.int(1, 600);
      let nik = makeNik(village, birthDate, sex, seq);
      while (this.nikSeen.has(nik)) nik = makeNik(village, birthDate, sex, ++seq);
      this.nikSeen.add(nik);
      documents.push({ type: 'nik', number: nik, issuingCountry: 'ID', expiresOn: null });
    }
    if (!child && rng.chance(0.38)) documents.push(indonesianPassport(rng, registeredOn));
    // SPLP: the emergency travel document a mission issues to someone deported without a passport.
    if (!documents.some((d) => d.type === 'passport') && rng.chance(0.1)) {
      documents.push({ type: 'splp', number: `${rng.pick(['KL', 'KK', 'JH', 'RY', 'TP', 'PP'])}${pad(rng.int(1, 999999), 6)}`, issuingCountry: 'ID', expiresOn: addDays(registeredOn, rng.int(10, 60)) });
    }

    const phones: string[] = [];
    if (rng.chance(0.85)) phones.push(indonesianMobile(rng));
    if (rng.chance(0.15)) {
      const f = foreignMobile(rng, dest[0]);
      if (f) phones.push(f);
    }

    const languages = ['id', ...homeLanguages[group]];
    const destLang = destinationLanguage[dest[0]];
    if (destLang && rng.chance(0.4)) languages.push(destLang);

    const disabilities = rng.chance(0.03) ? [rng.pick(disabilityDomains)] : [];
    const otherNames = rng.chance(0.08) ? [alias(rng, fullName)] : [];

    return {
      index,
      fullName,
      otherNames: otherNames.filter((n) => n && n !== fullName),
      sex,
      genderIdentity: null,
      birth,
      nationality: 'ID',
      languages: [...new Set(languages)],
      documents,
      phones,
      homeVillageCode: rng.chance(0.93) ? village.code : null,
      homeProvinceCode: provinceCode,
      homeAddress: rng.chance(0.7) ? homeAddress(rng, group) : null,
      emergencyContact: rng.chance(0.6)
        ? { name: makeRelativeName(rng, group, age), relationship: rng.pick(relationships), phone: indonesianMobile(rng) }
        : null,
      disabilities,
      disabilityNote: disabilities.length && rng.chance(0.5) ? 'Perlu pendamping saat wawancara.' : null,
      meta: { group, age, destinations: dest, registeredOn },
    };
  }

  private foreigner(index: number, rng: Rng, sex: Sex, age: number, birthDate: string, registeredOn: string): GeneratedPerson {
    const nationality = rng.weighted(foreigners);
    const pool = foreignNames[nationality];
    const documents: GeneratedDocument[] = rng.chance(0.55)
      ? [{ type: 'passport', number: `${nationality[0]}${pad(rng.int(0, 9999999), 7)}`, issuingCountry: nationality, expiresOn: addDays(registeredOn, rng.int(-400, 3000)) }]
      : [];
    return {
      index,
      fullName: rng.pick(sex === 'female' ? pool.female : pool.male),
      otherNames: [],
      sex,
      genderIdentity: null,
      birth: rng.chance(0.6) ? { kind: 'exact', date: birthDate } : { kind: 'estimated_age', age: ageAt(birthDate, registeredOn), statedOn: registeredOn },
      nationality,
      languages: [foreignLanguages[nationality] ?? 'en'],
      documents,
      phones: rng.chance(0.4) ? [indonesianMobile(rng)] : [],
      homeVillageCode: null,
      homeProvinceCode: null,
      homeAddress: null,
      emergencyContact: null,
      disabilities: [],
      disabilityNote: null,
      meta: { group: 'foreign', age, destinations: ['ID'], registeredOn },
    };
  }
}

function indonesianPassport(rng: Rng, registeredOn: string): GeneratedDocument {
  // Letter series then seven digits (A/B older, C/E/X electronic and newer series).
  return {
    type: 'passport',
    number: `${rng.pick(['A', 'B', 'C', 'C', 'E', 'X'])}${pad(rng.int(0, 9999999), 7)}`,
    issuingCountry: 'ID',
    expiresOn: addDays(registeredOn, rng.int(-700, 3600)),
  };
}

/** Another way the person is known: a short form or nickname, or the name without its first part. */
function alias(rng: Rng, name: string): string {
  const parts = name.split(' ').filter((p) => !['I', 'Ni', 'br.'].includes(p));
  if (parts.length > 1 && rng.chance(0.5)) return parts.slice(1).join(' ');
  const last = parts[parts.length - 1];
  return last.length > 4 ? last.slice(0, Math.max(3, Math.ceil(last.length / 2))) : last;
}

export function ageAt(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export { toIsoDate };
