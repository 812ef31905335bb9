// Synthetic employment data for the matching benchmark: skills profiles of returnees (work abroad
// in the occupations and countries Indonesian migrant workers go to, skills, languages,
// certificates earned abroad, preferences near home, constraints) and openings and training places
// of Indonesian employers and training centres (factories and warehouses around Jakarta, Surabaya
// and Batam; hotels and restaurants in Bali; care homes; plantations; LPK and BLK courses).
// Deterministic: item i of a seed is the same whatever else is generated.
import { Rng } from '../src/synthetic/prng.js';
import type { ProfileForMatch } from '../src/employment/matching/scoring.js';

type W<T> = readonly (readonly [T, number])[];

interface Trade {
  occupation: string;
  sector: string;
  skills: readonly string[];
  certificates: readonly string[];
  /** Where returnees did this work, weighted. */
  countries: W<string>;
  language?: Record<string, string>;
}

/** Work abroad of returnees (BP2MI placement figures: domestic work and care first, then factories, plantations, fishing, construction). */
const abroad: W<Trade> = [
  [{ occupation: '9111', sector: 'T97', skills: ['housekeeping', 'cooking', 'childcare'], certificates: [], countries: [['MY', 35], ['HK', 25], ['SA', 15], ['SG', 15], ['TW', 10]] }, 28],
  [{ occupation: '5322', sector: 'T97', skills: ['elderly_care', 'housekeeping', 'cooking'], certificates: ['caregiver'], countries: [['TW', 55], ['HK', 25], ['JP', 10], ['SG', 10]] }, 15],
  [{ occupation: '5311', sector: 'T97', skills: ['childcare', 'housekeeping'], certificates: [], countries: [['HK', 40], ['SG', 30], ['MY', 30]] }, 4],
  [{ occupation: '9329', sector: 'C', skills: ['machine_operation', 'warehouse'], certificates: [], countries: [['MY', 45], ['TW', 30], ['KR', 15], ['JP', 10]] }, 8],
  [{ occupation: '8153', sector: 'C14', skills: ['garment_machine', 'sewing'], certificates: [], countries: [['MY', 50], ['TW', 30], ['KR', 20]] }, 4],
  [{ occupation: '8212', sector: 'C26', skills: ['electronics_assembly', 'machine_operation'], certificates: [], countries: [['MY', 50], ['TW', 30], ['JP', 20]] }, 4],
  [{ occupation: '6112', sector: 'A01', skills: ['plantation', 'crop_farming'], certificates: [], countries: [['MY', 95], ['BN', 5]] }, 9],
  [{ occupation: '9211', sector: 'A01', skills: ['crop_farming'], certificates: [], countries: [['MY', 70], ['KR', 20], ['JP', 10]] }, 3],
  [{ occupation: '6223', sector: 'A03', skills: ['fishing', 'deck_work'], certificates: ['seafarer_basic_safety'], countries: [['TW', 60], ['KR', 25], ['PE', 5], ['ZA', 10]] }, 5],
  [{ occupation: '9313', sector: 'F41', skills: ['construction_labour', 'masonry'], certificates: [], countries: [['MY', 60], ['SA', 25], ['KR', 15]] }, 5],
  [{ occupation: '7212', sector: 'C25', skills: ['welding'], certificates: ['welding'], countries: [['KR', 40], ['JP', 30], ['MY', 30]] }, 3],
  [{ occupation: '5120', sector: 'I56', skills: ['cooking', 'food_processing'], certificates: ['food_handling'], countries: [['MY', 40], ['SA', 30], ['HK', 30]] }, 3],
  [{ occupation: '5131', sector: 'I56', skills: ['hospitality_service', 'customer_service'], certificates: ['hospitality'], countries: [['MY', 40], ['AE', 30], ['JP', 30]] }, 2],
  [{ occupation: '9112', sector: 'N81', skills: ['cleaning'], certificates: [], countries: [['MY', 40], ['SA', 30], ['SG', 30]] }, 3],
  [{ occupation: '8322', sector: 'H49', skills: ['driving_car'], certificates: ['driving_licence_car'], countries: [['SA', 60], ['MY', 40]] }, 2],
  [{ occupation: '8350', sector: 'H50', skills: ['deck_work'], certificates: ['seafarer_basic_safety'], countries: [['SG', 40], ['TW', 30], ['KR', 30]] }, 2],
];

/** Work at home before or after going abroad. */
const home: W<Trade> = [
  [{ occupation: '5223', sector: 'G47', skills: ['retail_sales', 'cashier'], certificates: [], countries: [['ID', 1]] }, 20],
  [{ occupation: '5211', sector: 'G47', skills: ['retail_sales', 'small_business'], certificates: [], countries: [['ID', 1]] }, 20],
  [{ occupation: '9211', sector: 'A01', skills: ['crop_farming'], certificates: [], countries: [['ID', 1]] }, 25],
  [{ occupation: '9329', sector: 'C10', skills: ['food_processing'], certificates: [], countries: [['ID', 1]] }, 15],
  [{ occupation: '7531', sector: 'C14', skills: ['tailoring', 'sewing'], certificates: [], countries: [['ID', 1]] }, 10],
  [{ occupation: '9313', sector: 'F', skills: ['construction_labour'], certificates: [], countries: [['ID', 1]] }, 10],
];

const destinationLanguage: Record<string, string> = { MY: 'ms', BN: 'ms', SG: 'en', HK: 'zh', TW: 'zh', SA: 'ar', AE: 'ar', KR: 'ko', JP: 'ja', PE: 'en', ZA: 'en' };
const regionalLanguage: Record<string, string> = { '35': 'jv', '33': 'jv', '32': 'su', '52': 'sas', '53': 'tet', '12': 'btk', '51': 'ban', '73': 'bug', '18': 'jv', '36': 'su' };

const years = (rng: Rng) => rng.int(1, 24) / 2;
const level = (rng: Rng, years: number) => (years >= 4 ? rng.weighted([['advanced', 5], ['intermediate', 4], ['basic', 1]] as const) : rng.weighted([['intermediate', 5], ['basic', 4], ['advanced', 1]] as const));

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const inDays = (n: number) => isoDay(new Date(Date.now() + n * 86_400_000));

/** A returnee's skills profile; `home` is the case's province and `regencies` those of the country by province. */
export function generateProfile(seed: string, i: number, homeProvince: string | null, regencies: Map<string, string[]>): ProfileForMatch {
  const rng = Rng.derive(seed, `profile/${i}`);
  const workHistory: { country: string; sector: string | null; occupation: string | null; years: number }[] = [];
  const skills = new Map<string, string>();
  const certificates: { code: string; country: string | null }[] = [];
  const trips = rng.weighted([[1, 70], [2, 25], [3, 5]] as const);
  for (let t = 0; t < trips; t++) {
    const trade = rng.weighted(abroad);
    const country = rng.weighted(trade.countries);
    const y = years(rng);
    workHistory.push({ country, sector: rng.chance(0.9) ? trade.sector : null, occupation: rng.chance(0.95) ? trade.occupation : null, years: y });
    for (const s of trade.skills) if (rng.chance(0.7) && !skills.has(s)) skills.set(s, level(rng, y));
    for (const c of trade.certificates) if (rng.chance(0.4) && !certificates.some((x) => x.code === c)) certificates.push({ code: c, country });
  }
  if (rng.chance(0.35)) {
    const trade = rng.weighted(home);
    const y = years(rng);
    workHistory.push({ country: 'ID', sector: trade.sector, occupation: trade.occupation, years: y });
    for (const s of trade.skills) if (rng.chance(0.6) && !skills.has(s)) skills.set(s, level(rng, y));
  }
  const countries = workHistory.map((h) => h.country).filter((c) => c !== 'ID');
  if (countries.includes('JP') && rng.chance(0.3)) certificates.push({ code: 'japanese_language', country: 'ID' });
  if (countries.includes('KR') && rng.chance(0.3)) certificates.push({ code: 'korean_language', country: 'ID' });
  if (rng.chance(0.1)) certificates.push({ code: rng.pick(['first_aid', 'computer', 'driving_licence_motorcycle']), country: 'ID' });
  const languages = [...new Set(['id', ...(homeProvince && regionalLanguage[homeProvince] && rng.chance(0.8) ? [regionalLanguage[homeProvince]] : []), ...countries.map((c) => destinationLanguage[c]).filter((l) => l && rng.chance(0.7))])];
  const seeking = rng.chance(0.35)
    ? [...new Set([rng.weighted([['employment', 60], ['training', 25], ['self_employment', 15]] as const), ...(rng.chance(0.15) ? [rng.pick(['employment', 'training', 'self_employment'] as const)] : [])])]
    : [];
  const homeRegencies = (homeProvince && regencies.get(homeProvince)) || [];
  const preferredAreaCodes = homeRegencies.length && rng.chance(0.7) ? [...new Set([rng.pick(homeRegencies), ...(rng.chance(0.3) ? [rng.pick(homeRegencies)] : [])])] : [];
  const preferredSectors = rng.chance(0.5) ? [...new Set([rng.pick(['I56', 'G47', 'C14', 'C10', 'Q87', 'Q88', 'S96', 'A01', 'N81', 'H52']), ...(rng.chance(0.3) ? [rng.pick(['I55', 'C26', 'F'])] : [])])] : [];
  const constraints = rng.chance(0.25) ? [rng.weighted([['care_duties', 45], ['health', 20], ['no_night_work', 15], ['cannot_relocate', 10], ['no_transport', 10]] as const)] : [];
  return {
    seeking,
    workHistory,
    skills: [...skills].map(([code, level]) => ({ code, level })),
    languages,
    education: rng.weighted([['none', 4], ['primary', 25], ['junior_secondary', 35], ['senior_secondary', 18], ['vocational_secondary', 10], ['diploma', 6], ['bachelor', 2]] as const),
    certificates,
    preferredSectors,
    preferredAreaCodes,
    willingToRelocate: rng.chance(0.3),
    constraints,
    availableFrom: rng.chance(0.4) ? null : inDays(rng.int(-60, 90)),
    homeProvinceCode: homeProvince,
  };
}

interface Offer {
  title: string;
  occupation: string;
  sector: string;
  skills: readonly string[];
  certificates?: readonly string[];
  languages?: readonly string[];
  education?: string;
  shift?: boolean;
  remote?: boolean;
}

/** Jobs Indonesian employers offer returnees, weighted. */
const jobs: W<Offer> = [
  [{ title: 'Operator produksi', occupation: '9329', sector: 'C10', skills: ['machine_operation'], education: 'senior_secondary', shift: true }, 14],
  [{ title: 'Operator mesin jahit', occupation: '8153', sector: 'C14', skills: ['garment_machine'], education: 'junior_secondary', shift: true }, 10],
  [{ title: 'Operator perakitan elektronik', occupation: '8212', sector: 'C26', skills: ['electronics_assembly'], education: 'senior_secondary', shift: true }, 7],
  [{ title: 'Operator mesin makanan', occupation: '8160', sector: 'C10', skills: ['food_processing'], certificates: ['food_handling'] }, 4],
  [{ title: 'Petugas gudang', occupation: '4321', sector: 'H52', skills: ['warehouse'], education: 'senior_secondary' }, 5],
  [{ title: 'Buruh angkut gudang', occupation: '9333', sector: 'H52', skills: ['warehouse'] }, 4],
  [{ title: 'Operator forklift', occupation: '8344', sector: 'H52', skills: ['forklift'], certificates: ['forklift'] }, 3],
  [{ title: 'Sopir pengiriman', occupation: '8322', sector: 'H49', skills: ['driving_car'], certificates: ['driving_licence_car'] }, 4],
  [{ title: 'Sopir truk', occupation: '8332', sector: 'H49', skills: ['driving_truck'], certificates: ['driving_licence_truck'] }, 2],
  [{ title: 'Juru masak restoran', occupation: '5120', sector: 'I56', skills: ['cooking'], certificates: ['food_handling'] }, 5],
  [{ title: 'Pramusaji', occupation: '5131', sector: 'I56', skills: ['hospitality_service'], languages: ['en'] }, 4],
  [{ title: 'Pembantu dapur', occupation: '9412', sector: 'I56', skills: ['cooking'] }, 3],
  [{ title: 'Housekeeping hotel', occupation: '9112', sector: 'I55', skills: ['cleaning', 'housekeeping'], languages: ['en'] }, 4],
  [{ title: 'Resepsionis hotel', occupation: '4224', sector: 'I55', skills: ['customer_service', 'computer_basic'], languages: ['en'], education: 'senior_secondary' }, 1],
  [{ title: 'Petugas kebersihan gedung', occupation: '9112', sector: 'N81', skills: ['cleaning'] }, 4],
  [{ title: 'Satpam', occupation: '5414', sector: 'N', skills: ['security'], education: 'senior_secondary', shift: true }, 3],
  [{ title: 'Pramuniaga', occupation: '5223', sector: 'G47', skills: ['retail_sales'], education: 'senior_secondary' }, 5],
  [{ title: 'Kasir minimarket', occupation: '5230', sector: 'G47', skills: ['cashier'], education: 'senior_secondary', shift: true }, 3],
  [{ title: 'Perawat lansia (caregiver)', occupation: '5322', sector: 'Q88', skills: ['elderly_care'], certificates: ['caregiver'] }, 4],
  [{ title: 'Asisten perawat panti wreda', occupation: '5321', sector: 'Q87', skills: ['patient_care', 'elderly_care'], education: 'senior_secondary' }, 2],
  [{ title: 'Pengasuh anak (daycare)', occupation: '5311', sector: 'Q88', skills: ['childcare'] }, 2],
  [{ title: 'Buruh bangunan', occupation: '9313', sector: 'F41', skills: ['construction_labour'] }, 3],
  [{ title: 'Tukang las', occupation: '7212', sector: 'C25', skills: ['welding'], certificates: ['welding'] }, 2],
  [{ title: 'Teknisi listrik', occupation: '7411', sector: 'F43', skills: ['electrical_wiring'], certificates: ['electrical'], education: 'vocational_secondary' }, 1],
  [{ title: 'Mekanik motor', occupation: '7231', sector: 'G45', skills: ['vehicle_repair'] }, 1],
  [{ title: 'Pekerja kebun sawit', occupation: '6112', sector: 'A01', skills: ['plantation'] }, 3],
  [{ title: 'Buruh tani hortikultura', occupation: '9211', sector: 'A01', skills: ['crop_farming'] }, 2],
  [{ title: 'Pembudidaya udang', occupation: '6221', sector: 'A03', skills: ['fish_farming'] }, 1],
  [{ title: 'Penata rambut salon', occupation: '5141', sector: 'S96', skills: ['hairdressing'] }, 1],
  [{ title: 'Customer service online', occupation: '4110', sector: 'N', skills: ['customer_service', 'computer_basic'], education: 'senior_secondary', remote: true }, 1],
];

/** Courses of vocational schools (LPK, BLK) and business-development services. */
const courses: W<Offer> = [
  [{ title: 'Pelatihan caregiver bersertifikat', occupation: '5322', sector: 'Q88', skills: [], certificates: [] }, 12],
  [{ title: 'Kursus tata boga', occupation: '5120', sector: 'I56', skills: [] }, 12],
  [{ title: 'Kursus menjahit', occupation: '7531', sector: 'C14', skills: [] }, 12],
  [{ title: 'Pelatihan las SMAW', occupation: '7212', sector: 'C25', skills: [], education: 'junior_secondary' }, 6],
  [{ title: 'Pelatihan instalasi listrik', occupation: '7411', sector: 'F43', skills: [], education: 'junior_secondary' }, 5],
  [{ title: 'Kursus mengemudi dan SIM', occupation: '8322', sector: 'H49', skills: [] }, 6],
  [{ title: 'Pelatihan perhotelan', occupation: '5131', sector: 'I55', skills: [], languages: ['en'] }, 6],
  [{ title: 'Kursus tata rias dan salon', occupation: '5142', sector: 'S96', skills: [] }, 8],
  [{ title: 'Pelatihan komputer perkantoran', occupation: '4110', sector: 'N', skills: [], education: 'junior_secondary' }, 6],
  [{ title: 'Pelatihan usaha mikro dan jualan online', occupation: '5221', sector: 'G47', skills: [], remote: true }, 14],
  [{ title: 'Budidaya ikan lele', occupation: '6221', sector: 'A03', skills: [] }, 5],
  [{ title: 'Pelatihan bahasa Jepang (pemagangan)', occupation: '9329', sector: 'C', skills: [], education: 'senior_secondary' }, 4],
  [{ title: 'Pelatihan operator forklift', occupation: '8344', sector: 'H52', skills: [] }, 4],
];

const awarded: Record<string, string> = {
  '5322': 'caregiver',
  '5120': 'food_handling',
  '7531': 'tailoring',
  '7212': 'welding',
  '7411': 'electrical',
  '8322': 'driving_licence_car',
  '5131': 'hospitality',
  '5142': 'beauty',
  '4110': 'computer',
  '9329': 'japanese_language',
  '8344': 'forklift',
};

/** Where the jobs are: industrial and tourist regencies first, then anywhere. */
const hotspots: W<string> = [
  ['32.16', 8], ['32.15', 7], ['32.75', 4], ['36.03', 5], ['36.71', 4], ['31.74', 3], ['31.75', 3], ['31.73', 2],
  ['35.78', 6], ['35.15', 5], ['35.25', 3], ['35.14', 2], ['35.07', 3], ['35.73', 2],
  ['33.74', 4], ['33.22', 2], ['21.71', 5], ['32.73', 3], ['32.04', 3], ['51.71', 3], ['51.03', 3],
  ['73.71', 2], ['12.71', 3], ['64.72', 1], ['32.12', 1], ['33.01', 1], ['52.03', 1], ['35.02', 1],
];

export interface GeneratedOpening {
  organizationIndex: number;
  kind: 'job' | 'training';
  status: 'published' | 'closed' | 'draft';
  title: string;
  sector: string;
  occupation: string;
  areaCode: string | null;
  remote: boolean;
  places: number;
  wageMinIdr: number | null;
  wageMaxIdr: number | null;
  contractType: string | null;
  hoursPerWeek: number | null;
  workingHours: string | null;
  requiredSkills: { code: string; level: string }[];
  requiredLanguages: string[];
  minEducation: string | null;
  requiredCertificates: string[];
  accommodation: string | null;
  startOn: string | null;
  closesOn: string | null;
  durationWeeks: number | null;
  costIdr: number | null;
  certificateAwarded: string | null;
}

/**
 * Opening i: `open` of them are open for matching (published, closing in the future or never);
 * the rest are closed, past their closing day, or drafts. Employers are partner organisations
 * 0..employers-1, schools the rest.
 */
export function generateOpening(seed: string, i: number, open: boolean, partners: { employers: number; schools: number }, regencies: string[]): GeneratedOpening {
  const rng = Rng.derive(seed, `opening/${i}`);
  const training = rng.chance(0.3);
  const offer = rng.weighted(training ? courses : jobs);
  const remote = !!offer.remote && rng.chance(0.6);
  const area = remote && rng.chance(0.5) ? null : rng.chance(0.65) ? rng.weighted(hotspots) : rng.pick(regencies);
  const status = open ? 'published' : rng.weighted([['closed', 60], ['published', 25], ['draft', 15]] as const);
  const closesOn = open ? (rng.chance(0.3) ? null : inDays(rng.int(0, 75))) : status === 'published' ? inDays(-rng.int(1, 120)) : inDays(rng.int(-60, 60));
  const minWage = 2_000_000 + rng.int(0, 30) * 100_000;
  const skills = offer.skills.filter(() => rng.chance(0.7)).map((code) => ({ code, level: rng.weighted([['basic', 5], ['intermediate', 4], ['advanced', 1]] as const) }));
  return {
    organizationIndex: training ? partners.employers + rng.int(0, partners.schools - 1) : rng.int(0, partners.employers - 1),
    kind: training ? 'training' : 'job',
    status,
    title: `${offer.title}${area ? '' : ' (jarak jauh)'}`,
    sector: offer.sector,
    occupation: offer.occupation,
    areaCode: area,
    remote,
    places: training ? rng.int(10, 30) : rng.int(1, 20),
    wageMinIdr: training ? null : minWage,
    wageMaxIdr: training ? null : minWage + rng.int(0, 20) * 100_000,
    contractType: training ? null : rng.weighted([['fixed_term', 50], ['permanent', 20], ['daily', 15], ['part_time', 10], ['apprenticeship', 5]] as const),
    hoursPerWeek: training ? rng.pick([20, 30, 40]) : rng.weighted([[40, 60], [48, 25], [56, 10], [30, 5]] as const),
    workingHours: offer.shift && rng.chance(0.6) ? rng.pick(['3 shift bergilir', 'Shift pagi/malam', '07.00–15.00, kadang lembur']) : rng.pick(['08.00–16.00', '07.00–15.00', 'Senin–Sabtu 08.00–17.00']),
    requiredSkills: skills,
    requiredLanguages: offer.languages ? offer.languages.filter(() => rng.chance(0.6)) : [],
    minEducation: offer.education && rng.chance(0.7) ? offer.education : null,
    requiredCertificates: (offer.certificates ?? []).filter(() => rng.chance(0.6)),
    accommodation: training ? rng.pick(['provided_free', 'none', 'none']) : rng.weighted([['none', 60], ['help_finding', 15], ['provided_paid', 15], ['provided_free', 10]] as const),
    startOn: inDays(rng.int(7, 90)),
    closesOn,
    durationWeeks: training ? rng.int(2, 16) : null,
    costIdr: training ? (rng.chance(0.7) ? 0 : rng.int(5, 40) * 100_000) : null,
    certificateAwarded: training ? (awarded[offer.occupation] ?? null) : null,
  };
}
