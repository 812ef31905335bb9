// Demo employment data: the two private-sector partners and what they offer, skills profiles for
// about twenty of the social office's returnees, their job_matching consents, a few candidacies
// in every status with their referrals, and two placements with their follow-ups.
//
// - PT Karya Mandiri Sejahtera (employer; garment and snack factories in Indramayu, a branch in
//   Sidoarjo, Jawa Timur): twelve jobs, wages around the regional minimum wage, all three
//   decent-work commitments on the published ones; one draft, one closed. Its HR system (a service
//   account: it cannot sign in) publishes the openings and answers candidacies, so that its person,
//   partner@, has still to accept the code of conduct.
// - LPK Terampil Mandiri Malang (vocational school): six training places; partner.lpk@ has accepted.
// - Skills profiles: work abroad that fits each returnee's destination (domestic and care work in
//   Malaysia, Hong Kong, Taiwan, Saudi Arabia; plantations; fishing vessels; factories in Korea and
//   Japan), skills, certificates earned abroad, preferred sectors and areas in Jawa Timur. Codes only:
//   nothing here names or describes a person. Several of the case worker's cases keep no profile
//   (those in intake, her first two in screening and her first in assessment).
// - Nine candidacies (put forward, interview, offer, rejected, hired), each under an active
//   job_matching consent for private-sector partners, never with the trafficking history; two hires
//   with a placement: one whose 1-month follow-up went well (its 3-month follow-up falls due within
//   the week, with its task), one whose 1-month follow-up reported excessive hours today (the case
//   worker has the alert task).
// Everything goes through the services the API uses (openings, profiles, consents, candidacies,
// placements), with the moments set in the past; only what those stamp with the present (when an
// opening was published or closed, a business income the profile form does not take) is set after.
import { and, eq, inArray, sql } from 'drizzle-orm';
import * as consents from '../case-records/consents.js';
import { appendAudit } from '../audit/service.js';
import { todayInJakarta } from '../cases/derived.js';
import { candidacyAnswer, candidacyCreate } from '../employment/candidacies/schema.js';
import * as candidaciesService from '../employment/candidacies/service.js';
import { openingCreate } from '../employment/openings/schema.js';
import * as openingsService from '../employment/openings/service.js';
import { followUpRecord, placementCreate } from '../employment/placements/schema.js';
import * as placementsService from '../employment/placements/service.js';
import { createDueFollowUpTasks } from '../employment/placements/sweep.js';
import { skillsProfileWrite } from '../employment/profiles/schema.js';
import * as profilesService from '../employment/profiles/service.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { Db } from '../platform/db/client.js';
import {
  cases,
  codeOfConductAcceptances,
  employmentOpenings,
  organizations,
  persons,
  placementFollowUps,
  placements,
  skillsProfiles,
  users,
} from '../platform/db/schema.js';
import { createCtx, type Ctx } from '../platform/http/context.js';
import type { Actor } from '../policy/policy.js';
import { addDays } from '../reintegration/sustainability/schedule.js';
import { setArrival } from '../reintegration/sustainability/surveys.js';
import { daysBetween } from '../synthetic/dates.js';
import {
  codeOfConduct,
  decentWorkCommitments,
  type CandidacyRejectReason,
  type CandidacyStatus,
  type EducationLevel,
  type SeekingKind,
  type Skill,
  type SkillLevel,
  type WorkConstraint,
} from '../employment/vocabulary.js';

/** The e-mail of the service account through which PT Karya Mandiri Sejahtera's HR system works. */
export const DEMO_PS_SYSTEM_EMAIL = 'hrd-kms@demo.pulang.example';

const WIB = '+07:00';
const moment = (day: string, time = '10:00') => new Date(`${day}T${time}:00${WIB}`);

// ---------------------------------------------------------------------------------------------
// Openings and training places

type OpeningSeed = {
  key: string;
  partner: 'ps' | 'lpk';
  kind: 'job' | 'training';
  status: 'draft' | 'published' | 'closed';
  title: string;
  description: string;
  sector: string;
  occupation: string;
  areaCode: string;
  places: number;
  wage?: [number, number];
  contractType?: 'permanent' | 'fixed_term' | 'daily' | 'piece_rate' | 'apprenticeship' | 'part_time';
  hoursPerWeek: number;
  workingHours: string;
  skills?: { code: Skill; level: SkillLevel }[];
  languages?: string[];
  minEducation?: EducationLevel;
  certificates?: string[];
  accommodation?: 'provided_free' | 'provided_paid' | 'help_finding' | 'none';
  /** Days from today. */
  publishedDaysAgo?: number;
  startInDays: number;
  closesInDays: number;
  durationWeeks?: number;
  costIdr?: number;
  certificateAwarded?: string;
};

// Regional minimum wages 2025, rounded: Kabupaten Indramayu about Rp 2,8 million, Kabupaten Sidoarjo about Rp 4,95 million.
const indramayu = '32.12';
const sidoarjo = '35.15';
const malang = '35.07';

export const demoOpenings: readonly OpeningSeed[] = [
  {
    key: 'sewing_indramayu',
    partner: 'ps',
    kind: 'job',
    status: 'published',
    title: 'Operator mesin jahit (garmen)',
    description: 'Menjahit bagian kemeja dan celana kerja di lini produksi. Pelatihan awal dua minggu di pabrik; target harian disesuaikan setelah masa pelatihan.',
    sector: 'C14',
    occupation: '8153',
    areaCode: indramayu,
    places: 15,
    wage: [2_800_000, 3_100_000],
    contractType: 'fixed_term',
    hoursPerWeek: 40,
    workingHours: 'Senin–Jumat 07.30–16.00, Sabtu 07.30–12.00; lembur dibayar sesuai aturan',
    skills: [
      { code: 'sewing', level: 'intermediate' },
      { code: 'garment_machine', level: 'basic' },
    ],
    languages: ['id'],
    minEducation: 'junior_secondary',
    accommodation: 'help_finding',
    publishedDaysAgo: 30,
    startInDays: 14,
    closesInDays: 30,
  },
  {
    key: 'pattern_indramayu',
    partner: 'ps',
    kind: 'job',
    status: 'published',
    title: 'Penjahit sampel dan pola',
    description: 'Membuat sampel pakaian dari pola dan memeriksa ukuran sebelum produksi massal.',
    sector: 'C14',
    occupation: '7531',
    areaCode: indramayu,
    places: 2,
    wage: [3_000_000, 3_400_000],
    contractType: 'permanent',
    hoursPerWeek: 40,
    workingHours: 'Senin–Jumat 08.00–16.30',
    skills: [
      { code: 'tailoring', level: 'advanced' },
      { code: 'sewing', level: 'advanced' },
    ],
    languages: ['id'],
    minEducation: 'junior_secondary',
    certificates: ['tailoring'],
    accommodation: 'none',
    publishedDaysAgo: 21,
    startInDays: 21,
    closesInDays: 25,
  },
  {
    key: 'packer_indramayu',
    partner: 'ps',
    kind: 'job',
    status: 'published',
    title: 'Petugas pengepakan makanan ringan',
    description: 'Mengemas keripik dan kerupuk ke dalam kemasan dan kardus, memeriksa segel dan tanggal kedaluwarsa.',
    sector: 'C10',
    occupation: '9321',
    areaCode: indramayu,
    places: 10,
    wage: [2_800_000, 2_950_000],
    contractType: 'fixed_term',
    hoursPerWeek: 40,
    workingHours: 'Dua sif: 06.00–14.00 atau 14.00–22.00, enam hari seminggu',
    skills: [{ code: 'food_processing', level: 'basic' }],
    languages: ['id'],
    minEducation: 'primary',
    accommodation: 'provided_paid',
    publishedDaysAgo: 18,
    startInDays: 10,
    closesInDays: 20,
  },
  {
    key: 'food_machine_indramayu',
    partner: 'ps',
    kind: 'job',
    status: 'published',
    title: 'Operator mesin pengolahan makanan',
    description: 'Menjalankan mesin penggorengan dan pengering, mencatat suhu dan hasil produksi setiap jam.',
    sector: 'C10',
    occupation: '8160',
    areaCode: indramayu,
    places: 6,
    wage: [2_900_000, 3_300_000],
    contractType: 'fixed_term',
    hoursPerWeek: 40,
    workingHours: 'Tiga sif bergilir, delapan jam per sif',
    skills: [
      { code: 'machine_operation', level: 'intermediate' },
      { code: 'food_processing', level: 'intermediate' },
    ],
    languages: ['id'],
    minEducation: 'junior_secondary',
    certificates: ['food_handling'],
    accommodation: 'provided_paid',
    publishedDaysAgo: 12,
    startInDays: 20,
    closesInDays: 35,
  },
  {
    key: 'qc_indramayu',
    partner: 'ps',
    kind: 'job',
    status: 'published',
    title: 'Petugas pengendali mutu (quality control) garmen',
    description: 'Memeriksa jahitan, ukuran dan cacat kain pada hasil produksi; mencatat temuan di tablet.',
    sector: 'C14',
    occupation: '3',
    areaCode: indramayu,
    places: 3,
    wage: [3_100_000, 3_500_000],
    contractType: 'fixed_term',
    hoursPerWeek: 40,
    workingHours: 'Senin–Jumat 07.30–16.00, Sabtu 07.30–12.00',
    skills: [
      { code: 'garment_machine', level: 'intermediate' },
      { code: 'computer_basic', level: 'basic' },
    ],
    languages: ['id'],
    minEducation: 'senior_secondary',
    accommodation: 'help_finding',
    publishedDaysAgo: 28,
    startInDays: 7,
    closesInDays: 12,
  },
  {
    key: 'forklift_indramayu',
    partner: 'ps',
    kind: 'job',
    status: 'published',
    title: 'Operator forklift gudang bahan baku',
    description: 'Memindahkan gulungan kain dan palet bahan baku di gudang; pemeriksaan harian forklift.',
    sector: 'H52',
    occupation: '8344',
    areaCode: indramayu,
    places: 2,
    wage: [3_000_000, 3_400_000],
    contractType: 'fixed_term',
    hoursPerWeek: 40,
    workingHours: 'Senin–Sabtu 07.00–15.00',
    skills: [
      { code: 'forklift', level: 'intermediate' },
      { code: 'warehouse', level: 'basic' },
    ],
    languages: ['id'],
    minEducation: 'junior_secondary',
    certificates: ['forklift'],
    accommodation: 'none',
    publishedDaysAgo: 9,
    startInDays: 14,
    closesInDays: 28,
  },
  {
    key: 'truck_indramayu',
    partner: 'ps',
    kind: 'job',
    status: 'published',
    title: 'Sopir truk distribusi (Indramayu–Cirebon–Bandung)',
    description: 'Mengantar produk ke gudang distributor di Jawa Barat; uang jalan dan uang makan di luar gaji.',
    sector: 'H49',
    occupation: '8332',
    areaCode: indramayu,
    places: 3,
    wage: [3_200_000, 3_800_000],
    contractType: 'fixed_term',
    hoursPerWeek: 45,
    workingHours: 'Jadwal pengiriman bergilir, satu hari libur per minggu',
    skills: [{ code: 'driving_truck', level: 'intermediate' }],
    languages: ['id'],
    minEducation: 'junior_secondary',
    certificates: ['driving_licence_truck'],
    accommodation: 'none',
    publishedDaysAgo: 15,
    startInDays: 10,
    closesInDays: 21,
  },
  {
    key: 'stock_clerk_indramayu',
    partner: 'ps',
    kind: 'job',
    status: 'draft',
    title: 'Petugas administrasi gudang',
    description: 'Mencatat keluar-masuk barang dan stok harian di sistem gudang.',
    sector: 'C14',
    occupation: '4321',
    areaCode: indramayu,
    places: 1,
    wage: [2_900_000, 3_200_000],
    contractType: 'fixed_term',
    hoursPerWeek: 40,
    workingHours: 'Senin–Jumat 08.00–16.30',
    skills: [
      { code: 'warehouse', level: 'basic' },
      { code: 'computer_basic', level: 'intermediate' },
    ],
    languages: ['id'],
    minEducation: 'senior_secondary',
    accommodation: 'none',
    startInDays: 30,
    closesInDays: 45,
  },
  {
    key: 'cleaner_indramayu',
    partner: 'ps',
    kind: 'job',
    status: 'closed',
    title: 'Petugas kebersihan pabrik',
    description: 'Membersihkan area produksi, kantin dan toilet karyawan.',
    sector: 'N81',
    occupation: '9112',
    areaCode: indramayu,
    places: 2,
    wage: [2_800_000, 2_850_000],
    contractType: 'fixed_term',
    hoursPerWeek: 40,
    workingHours: 'Senin–Sabtu 06.00–13.00',
    skills: [{ code: 'cleaning', level: 'basic' }],
    languages: ['id'],
    minEducation: 'primary',
    accommodation: 'none',
    publishedDaysAgo: 75,
    startInDays: -20,
    closesInDays: -15,
  },
  {
    key: 'sewing_sidoarjo',
    partner: 'ps',
    kind: 'job',
    status: 'published',
    title: 'Operator mesin jahit (cabang Sidoarjo)',
    description: 'Lini produksi seragam kerja di cabang Sidoarjo. Rekrutmen berkelanjutan sepanjang tahun.',
    sector: 'C14',
    occupation: '8153',
    areaCode: sidoarjo,
    places: 8,
    wage: [4_950_000, 5_300_000],
    contractType: 'fixed_term',
    hoursPerWeek: 40,
    workingHours: 'Senin–Jumat 07.30–16.00, Sabtu 07.30–12.00',
    skills: [{ code: 'sewing', level: 'basic' }],
    languages: ['id'],
    minEducation: 'junior_secondary',
    accommodation: 'help_finding',
    publishedDaysAgo: 120,
    startInDays: 7,
    closesInDays: 40,
  },
  {
    key: 'packer_sidoarjo',
    partner: 'ps',
    kind: 'job',
    status: 'published',
    title: 'Petugas pengepakan (cabang Sidoarjo)',
    description: 'Mengemas produk makanan ringan untuk pasar Jawa Timur dan Bali.',
    sector: 'C10',
    occupation: '9321',
    areaCode: sidoarjo,
    places: 6,
    wage: [4_950_000, 5_100_000],
    contractType: 'fixed_term',
    hoursPerWeek: 40,
    workingHours: 'Dua sif: 06.00–14.00 atau 14.00–22.00',
    skills: [{ code: 'food_processing', level: 'basic' }],
    languages: ['id'],
    minEducation: 'primary',
    accommodation: 'none',
    publishedDaysAgo: 70,
    startInDays: 5,
    closesInDays: 25,
  },
  {
    key: 'forklift_sidoarjo',
    partner: 'ps',
    kind: 'job',
    status: 'published',
    title: 'Operator forklift (cabang Sidoarjo)',
    description: 'Bongkar muat palet di gudang barang jadi; sertifikat SIO forklift diutamakan, dapat dibantu pengurusannya.',
    sector: 'H52',
    occupation: '8344',
    areaCode: sidoarjo,
    places: 1,
    wage: [5_000_000, 5_400_000],
    contractType: 'fixed_term',
    hoursPerWeek: 40,
    workingHours: 'Senin–Sabtu 07.00–15.00',
    skills: [{ code: 'forklift', level: 'basic' }],
    languages: ['id'],
    minEducation: 'junior_secondary',
    certificates: ['forklift'],
    accommodation: 'none',
    publishedDaysAgo: 20,
    startInDays: 14,
    closesInDays: 18,
  },
  // LPK Terampil Mandiri Malang: training places.
  {
    key: 'caregiver_course',
    partner: 'lpk',
    kind: 'training',
    status: 'published',
    title: 'Pelatihan perawat lansia (caregiver) bersertifikat',
    description: 'Perawatan lansia di rumah dan panti: kebersihan diri, mobilisasi, gizi, pertolongan pertama. Praktik kerja dua minggu di panti wreda mitra.',
    sector: 'Q88',
    occupation: '5322',
    areaCode: malang,
    places: 20,
    hoursPerWeek: 30,
    workingHours: 'Senin–Jumat 08.00–14.00',
    languages: ['id'],
    minEducation: 'junior_secondary',
    accommodation: 'provided_free',
    publishedDaysAgo: 25,
    startInDays: 21,
    closesInDays: 14,
    durationWeeks: 12,
    costIdr: 0,
    certificateAwarded: 'caregiver',
  },
  {
    key: 'japanese_course',
    partner: 'lpk',
    kind: 'training',
    status: 'published',
    title: 'Bahasa Jepang dasar (persiapan JLPT N4)',
    description: 'Kelas sore untuk percakapan sehari-hari dan bahasa di tempat kerja; ujian JLPT N4 di akhir kursus.',
    sector: 'P',
    occupation: '5',
    areaCode: malang,
    places: 15,
    hoursPerWeek: 10,
    workingHours: 'Senin, Rabu, Jumat 16.00–19.00',
    languages: ['id'],
    minEducation: 'junior_secondary',
    accommodation: 'none',
    publishedDaysAgo: 14,
    startInDays: 30,
    closesInDays: 25,
    durationWeeks: 16,
    costIdr: 1_500_000,
    certificateAwarded: 'japanese_language',
  },
  {
    key: 'welding_course',
    partner: 'lpk',
    kind: 'training',
    status: 'published',
    title: 'Pengelasan SMAW tingkat dasar',
    description: 'Las listrik posisi datar dan vertikal, keselamatan kerja; uji kompetensi BNSP di akhir pelatihan.',
    sector: 'C25',
    occupation: '7212',
    areaCode: malang,
    places: 10,
    hoursPerWeek: 35,
    workingHours: 'Senin–Jumat 08.00–15.00',
    languages: ['id'],
    minEducation: 'primary',
    accommodation: 'none',
    publishedDaysAgo: 10,
    startInDays: 28,
    closesInDays: 21,
    durationWeeks: 8,
    costIdr: 750_000,
    certificateAwarded: 'welding',
  },
  {
    key: 'barista_course',
    partner: 'lpk',
    kind: 'training',
    status: 'published',
    title: 'Barista dan pelayanan kafe',
    description: 'Menyeduh kopi manual dan mesin espreso, kebersihan, melayani tamu; magang satu minggu di kafe mitra di Kota Malang.',
    sector: 'I56',
    occupation: '5131',
    areaCode: malang,
    places: 12,
    hoursPerWeek: 25,
    workingHours: 'Senin–Jumat 09.00–14.00',
    languages: ['id'],
    minEducation: 'junior_secondary',
    accommodation: 'none',
    publishedDaysAgo: 40,
    startInDays: 12,
    closesInDays: 8,
    durationWeeks: 4,
    costIdr: 500_000,
    certificateAwarded: 'hospitality',
  },
  {
    key: 'sewing_course',
    partner: 'lpk',
    kind: 'training',
    status: 'published',
    title: 'Menjahit dan membuat pola busana',
    description: 'Dari mesin jahit dasar sampai membuat pola dan menjahit pakaian jadi; cocok untuk membuka usaha jahit di rumah.',
    sector: 'C14',
    occupation: '7531',
    areaCode: malang,
    places: 15,
    hoursPerWeek: 20,
    workingHours: 'Selasa dan Kamis 08.00–15.00, Sabtu 08.00–12.00',
    languages: ['id'],
    minEducation: 'primary',
    accommodation: 'none',
    publishedDaysAgo: 7,
    startInDays: 35,
    closesInDays: 30,
    durationWeeks: 8,
    costIdr: 0,
    certificateAwarded: 'tailoring',
  },
  {
    key: 'digital_marketing_course',
    partner: 'lpk',
    kind: 'training',
    status: 'published',
    title: 'Pemasaran digital untuk usaha kecil',
    description: 'Foto produk dengan ponsel, berjualan di marketplace dan media sosial, mencatat keuangan usaha sederhana.',
    sector: 'G47',
    occupation: '5221',
    areaCode: malang,
    places: 25,
    hoursPerWeek: 8,
    workingHours: 'Sabtu 08.00–16.00',
    languages: ['id'],
    minEducation: 'primary',
    accommodation: 'none',
    publishedDaysAgo: 5,
    startInDays: 18,
    closesInDays: 14,
    durationWeeks: 3,
    costIdr: 0,
    certificateAwarded: 'computer',
  },
];

// ---------------------------------------------------------------------------------------------
// Skills profiles

interface WorkItem {
  country: string;
  sector: string | null;
  occupation: string | null;
  years: number;
  abroad: boolean;
}
interface ProfileDraft {
  caseId: string;
  organizationId: string;
  holder: Actor;
  female: boolean;
  kind: WorkKind;
  arrivedOn: string | null;
  stage: string;
  seeking: SeekingKind[];
  workHistory: WorkItem[];
  skills: { code: Skill; level: SkillLevel }[];
  languages: string[];
  education: EducationLevel;
  certificates: { code: string; country: string | null; year: number | null }[];
  preferredSectors: string[];
  preferredAreaCodes: string[];
  willingToRelocate: boolean;
  constraints: WorkConstraint[];
  availableFrom: string | null;
  incomeSince: string | null;
  consent: boolean;
  used: boolean;
}

type WorkKind = 'domestic' | 'care' | 'plantation' | 'fishing' | 'factory' | 'construction' | 'scam';

const languageOf: Record<string, string> = {
  MY: 'ms',
  BN: 'ms',
  SG: 'en',
  HK: 'zh',
  TW: 'zh',
  CN: 'zh',
  SA: 'ar',
  AE: 'ar',
  QA: 'ar',
  KW: 'ar',
  OM: 'ar',
  IQ: 'ar',
  JO: 'ar',
  KR: 'ko',
  JP: 'ja',
  TR: 'tr',
  TH: 'th',
};
const scamCountries = new Set(['KH', 'MM', 'LA', 'TH', 'PH', 'VN']);

function workKind(female: boolean, country: string, i: number): WorkKind {
  if (scamCountries.has(country)) return 'scam';
  if (female) return ['HK', 'TW', 'JP'].includes(country) ? 'care' : 'domestic';
  if (['TW', 'KR'].includes(country)) return i % 2 === 0 ? 'fishing' : 'factory';
  if (['JP', 'CN'].includes(country)) return 'factory';
  if (['MY', 'BN'].includes(country)) return i % 3 === 2 ? 'construction' : 'plantation';
  return i % 2 === 0 ? 'construction' : 'fishing';
}

const yearsAgo = (today: string, years: number) => Number(today.slice(0, 4)) - years;

function buildProfile(
  c: { id: string; organizationId: string; sex: string; country: string; homeRegency: string | null; languages: string[]; arrivedOn: string | null; stage: string },
  holder: Actor,
  i: number,
  today: string,
): ProfileDraft {
  const female = c.sex === 'female';
  const kind = workKind(female, c.country, i);
  const abroad = (sector: string, occupation: string, years: number): WorkItem => ({ country: c.country, sector, occupation, years, abroad: true });
  const home = (sector: string, occupation: string, years: number): WorkItem => ({ country: 'ID', sector, occupation, years, abroad: false });
  const languages = [...new Set(['id', ...c.languages, ...(languageOf[c.country] ? [languageOf[c.country]!] : [])])];
  const p: Omit<ProfileDraft, 'caseId' | 'organizationId' | 'holder' | 'female' | 'kind' | 'arrivedOn' | 'stage' | 'consent' | 'used'> = {
    seeking: (
      [['employment'], ['employment', 'training'], ['self_employment'], ['employment'], ['training', 'employment']] as SeekingKind[][]
    )[i % 5]!,
    workHistory: [],
    skills: [],
    languages,
    education: (['junior_secondary', 'primary', 'senior_secondary', 'vocational_secondary', 'junior_secondary'] as EducationLevel[])[i % 5]!,
    certificates: [],
    preferredSectors: [],
    preferredAreaCodes: [],
    willingToRelocate: i % 4 === 0,
    constraints: [],
    availableFrom: i % 3 === 0 ? addDays(today, 7 + (i % 4) * 7) : null,
    incomeSince: null,
  };
  switch (kind) {
    case 'domestic':
      p.workHistory = [abroad('T97', '9111', 2 + (i % 5))];
      p.skills = [
        { code: 'housekeeping', level: 'advanced' },
        { code: 'cooking', level: i % 2 ? 'advanced' : 'intermediate' },
        { code: 'childcare', level: 'basic' },
      ];
      p.preferredSectors = [['I56', 'C10'], ['Q88'], ['C10', 'G47'], ['I55', 'N81']][i % 4]!;
      if (i % 3 === 1) p.certificates = [{ code: 'food_handling', country: 'ID', year: yearsAgo(today, 1) }];
      break;
    case 'care':
      p.workHistory = [abroad('Q88', '5322', 3 + (i % 4)), ...(i % 2 ? [abroad('T97', '9111', 2)] : [])];
      p.skills = [
        { code: 'elderly_care', level: 'advanced' },
        { code: 'patient_care', level: 'intermediate' },
        { code: 'cooking', level: 'intermediate' },
      ];
      p.certificates = [{ code: 'caregiver', country: c.country, year: yearsAgo(today, 2 + (i % 3)) }];
      p.preferredSectors = ['Q87', 'Q88', ...(i % 2 ? ['Q86'] : [])];
      break;
    case 'plantation':
      p.workHistory = [abroad('A01', '6112', 4 + (i % 6)), home('A01', '9211', 3)];
      p.skills = [
        { code: 'plantation', level: 'advanced' },
        { code: 'crop_farming', level: 'intermediate' },
        { code: 'driving_car', level: 'basic' },
      ];
      p.certificates = i % 2 ? [{ code: 'driving_licence_car', country: 'ID', year: yearsAgo(today, 6) }] : [];
      p.preferredSectors = ['A01', 'C10', 'H49'];
      break;
    case 'fishing':
      p.workHistory = [abroad('A03', i % 2 ? '8350' : '6223', 2 + (i % 3)), home('A03', '6222', 4)];
      p.skills = [
        { code: 'fishing', level: 'advanced' },
        { code: 'deck_work', level: 'advanced' },
        { code: 'fish_farming', level: 'basic' },
      ];
      p.certificates = [{ code: 'seafarer_basic_safety', country: 'ID', year: yearsAgo(today, 3) }];
      p.preferredSectors = ['A03', 'C10', 'H52'];
      break;
    case 'factory':
      if (c.country === 'KR') {
        p.workHistory = [abroad('C25', '7212', 3 + (i % 3))];
        p.skills = [
          { code: 'welding', level: 'advanced' },
          { code: 'machine_operation', level: 'intermediate' },
        ];
        p.certificates = [
          { code: 'welding', country: 'KR', year: yearsAgo(today, 2) },
          { code: 'korean_language', country: 'ID', year: yearsAgo(today, 5) },
        ];
        p.preferredSectors = ['C25', 'F43'];
      } else {
        p.workHistory = [abroad(c.country === 'JP' ? 'C10' : 'C26', c.country === 'JP' ? '8160' : '8212', 3)];
        p.skills = [
          { code: c.country === 'JP' ? 'food_processing' : 'electronics_assembly', level: 'advanced' },
          { code: 'machine_operation', level: 'intermediate' },
        ];
        p.certificates = c.country === 'JP' ? [{ code: 'japanese_language', country: 'ID', year: yearsAgo(today, 4) }] : [];
        p.preferredSectors = ['C10', 'C26', 'H52'];
      }
      break;
    case 'construction':
      p.workHistory = [abroad('F41', '9313', 3 + (i % 4)), home('F41', '7112', 2)];
      p.skills = [
        { code: 'construction_labour', level: 'advanced' },
        { code: 'masonry', level: 'intermediate' },
        { code: 'painting', level: 'basic' },
      ];
      p.preferredSectors = ['F41', 'F43', 'H49'];
      break;
    case 'scam':
      // Forced work in an online-scam compound is not work history; what they did before leaving is.
      p.workHistory = [home('G47', '5223', 2)];
      p.skills = [
        { code: 'retail_sales', level: 'intermediate' },
        { code: 'computer_basic', level: 'intermediate' },
        { code: 'online_selling', level: 'basic' },
      ];
      p.preferredSectors = ['G47', 'J'];
      p.seeking = ['training', 'self_employment'];
      p.education = 'senior_secondary';
      break;
  }
  const wider = [sidoarjo, '35.78', malang][i % 3]!;
  p.preferredAreaCodes = [...new Set([...(c.homeRegency ? [c.homeRegency] : []), wider])];
  if (female && i % 4 === 1) p.constraints.push('care_duties');
  if (i % 7 === 3) p.constraints.push('health');
  if (p.willingToRelocate) p.preferredAreaCodes.push(indramayu);
  return {
    ...p,
    caseId: c.id,
    organizationId: c.organizationId,
    holder,
    female,
    kind,
    arrivedOn: c.arrivedOn,
    stage: c.stage,
    // Most agreed to be put forward to private-sector partners; a few did not (yet).
    consent: i % 6 !== 5,
    used: false,
  };
}

const addSkill = (p: ProfileDraft, code: Skill, level: SkillLevel) => {
  if (!p.skills.some((s) => s.code === code)) p.skills.push({ code, level });
};
const addTo = <T>(list: T[], ...values: T[]) => {
  for (const v of values) if (!list.includes(v)) list.push(v);
};

// ---------------------------------------------------------------------------------------------
// Candidacies

interface CandidacyPlan {
  key: string;
  opening: string;
  status: CandidacyStatus;
  /** Days ago it was put forward, and the partner's moves after it. */
  putForwardDaysAgo: number;
  moves: { to: CandidacyStatus; daysAgo: number }[];
  rejectReason?: CandidacyRejectReason;
  interviewInDays?: number;
  /** Who fits best (tried in order), and what the profile gains from the match. */
  prefer: ((p: ProfileDraft, today: string) => boolean)[];
  focus?: (p: ProfileDraft) => void;
  placement?: { startDaysAgo: number; wage: number; problem?: boolean };
  message: string;
}

const back = (p: ProfileDraft, today: string, days: number) => !!p.arrivedOn && p.arrivedOn <= addDays(today, -days);
const backHome = (p: ProfileDraft) => ['reintegration', 'monitoring', 'reopened'].includes(p.stage);
const byWorker = (p: ProfileDraft) => p.holder.roles.includes('case_worker');

export const candidacyPlans: readonly CandidacyPlan[] = [
  {
    key: 'hired_ok',
    opening: 'sewing_sidoarjo',
    status: 'hired',
    putForwardDaysAgo: 100,
    moves: [
      { to: 'interview', daysAgo: 96 },
      { to: 'offer', daysAgo: 92 },
      { to: 'hired', daysAgo: 90 },
    ],
    prefer: [(p, t) => p.female && backHome(p) && byWorker(p) && back(p, t, 110), (p, t) => backHome(p) && back(p, t, 110), (p) => backHome(p)],
    focus: (p) => {
      addSkill(p, 'sewing', 'intermediate');
      addTo(p.preferredSectors, 'C14');
      addTo(p.preferredAreaCodes, sidoarjo);
    },
    placement: { startDaysAgo: 85, wage: 5_000_000 },
    message: 'Pernah menjahit di rumah sebelum berangkat; ingin bekerja dekat rumah di Jawa Timur.',
  },
  {
    key: 'hired_problem',
    opening: 'packer_sidoarjo',
    status: 'hired',
    putForwardDaysAgo: 55,
    moves: [
      { to: 'interview', daysAgo: 50 },
      { to: 'offer', daysAgo: 47 },
      { to: 'hired', daysAgo: 45 },
    ],
    prefer: [(p, t) => backHome(p) && byWorker(p) && back(p, t, 65), (p, t) => backHome(p) && back(p, t, 65), (p) => backHome(p)],
    focus: (p) => {
      addSkill(p, 'food_processing', 'basic');
      addTo(p.preferredSectors, 'C10');
      addTo(p.preferredAreaCodes, sidoarjo);
    },
    placement: { startDaysAgo: 40, wage: 4_950_000, problem: true },
    message: 'Siap bekerja sif; mohon informasi transportasi dari rumah ke pabrik.',
  },
  {
    key: 'interview',
    opening: 'forklift_sidoarjo',
    status: 'interview',
    putForwardDaysAgo: 6,
    moves: [{ to: 'interview', daysAgo: 2 }],
    interviewInDays: 3,
    prefer: [(p) => !p.female && ['plantation', 'factory', 'construction'].includes(p.kind), (p) => !p.female],
    focus: (p) => {
      addSkill(p, 'forklift', 'basic');
      addTo(p.preferredSectors, 'H52');
    },
    message: 'Berpengalaman mengemudikan kendaraan berat di perkebunan; bersedia mengurus SIO forklift.',
  },
  {
    key: 'rejected_qc',
    opening: 'qc_indramayu',
    status: 'rejected',
    putForwardDaysAgo: 20,
    moves: [{ to: 'rejected', daysAgo: 14 }],
    rejectReason: 'skills_mismatch',
    prefer: [(p) => p.willingToRelocate],
    focus: (p) => addTo(p.preferredSectors, 'C14'),
    message: 'Bersedia pindah ke Indramayu bila ada mes atau bantuan mencari kos.',
  },
  {
    key: 'put_forward_driver',
    opening: 'truck_indramayu',
    status: 'put_forward',
    putForwardDaysAgo: 2,
    moves: [],
    prefer: [(p) => !p.female && p.willingToRelocate, (p) => !p.female],
    focus: (p) => {
      addSkill(p, 'driving_truck', 'intermediate');
      p.certificates.push({ code: 'driving_licence_truck', country: 'ID', year: Number(todayInJakarta().slice(0, 4)) - 4 });
      p.willingToRelocate = true;
      addTo(p.preferredAreaCodes, indramayu);
      addTo(p.preferredSectors, 'H49');
    },
    message: 'Memiliki SIM B1 yang masih berlaku; bersedia tinggal di Indramayu.',
  },
  {
    key: 'offer_caregiver',
    opening: 'caregiver_course',
    status: 'offer',
    putForwardDaysAgo: 12,
    moves: [
      { to: 'interview', daysAgo: 8 },
      { to: 'offer', daysAgo: 4 },
    ],
    prefer: [(p) => p.female && ['care', 'domestic'].includes(p.kind), (p) => p.female],
    focus: (p) => {
      addTo(p.seeking, 'training');
      addTo(p.preferredSectors, 'Q88');
      addSkill(p, 'elderly_care', 'intermediate');
    },
    message: 'Ingin sertifikat caregiver resmi dari dalam negeri untuk melamar ke panti wreda.',
  },
  {
    key: 'put_forward_japanese',
    opening: 'japanese_course',
    status: 'put_forward',
    putForwardDaysAgo: 3,
    moves: [],
    prefer: [(p) => p.seeking.includes('training')],
    focus: (p) => addTo(p.seeking, 'training'),
    message: 'Ingin belajar bahasa Jepang sambil bekerja; hanya bisa mengikuti kelas sore.',
  },
  {
    key: 'rejected_barista',
    opening: 'barista_course',
    status: 'rejected',
    putForwardDaysAgo: 25,
    moves: [{ to: 'rejected', daysAgo: 18 }],
    rejectReason: 'position_filled',
    prefer: [(p) => p.seeking.includes('training')],
    focus: (p) => {
      addTo(p.seeking, 'training');
      addTo(p.preferredSectors, 'I56');
    },
    message: 'Tertarik membuka kedai kopi kecil di desa setelah pelatihan.',
  },
  {
    key: 'interview_digital',
    opening: 'digital_marketing_course',
    status: 'interview',
    putForwardDaysAgo: 4,
    moves: [{ to: 'interview', daysAgo: 1 }],
    interviewInDays: 2,
    prefer: [(p) => p.kind === 'scam', (p) => p.seeking.includes('self_employment')],
    focus: (p) => {
      addTo(p.seeking, 'training', 'self_employment');
      addTo(p.preferredSectors, 'G47');
    },
    message: 'Sudah mulai berjualan makanan ringan secara daring dan ingin memperluas usahanya.',
  },
];

/** Texts this seeder writes (encrypted): the candidacies' messages and the follow-ups' notes. No person is named. */
export const demoEmploymentTexts = {
  followUpOk: 'Bekerja sesuai kontrak; upah dibayar tepat waktu dan ikut BPJS Ketenagakerjaan.',
  followUpProblem: 'Lembur hampir setiap hari tanpa upah lembur; ingin tetap bekerja bila jam kerja kembali sesuai kontrak.',
  candidacyMessages: candidacyPlans.map((p) => p.message),
};

let n = 0;
const ctxOf = (db: Db, actor: Actor): Ctx => createCtx(db, { actor, ip: '127.0.0.1', id: `demo-employment-${n++}`, headers: { 'user-agent': 'pulang-demo-seed' } } as never);

async function userIn(db: Db, organizationId: string, email: string): Promise<Actor | null> {
  const [u] = await db
    .select({ id: users.id, roles: users.roles, kind: users.kind })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.email, email)));
  return u ? { userId: u.id, organizationId, roles: u.roles as Actor['roles'], kind: u.kind as Actor['kind'] } : null;
}

export interface DemoEmployment {
  openingIds: Record<string, string>;
  profiledCaseIds: string[];
  candidacyIds: Record<string, string>;
  placementIds: Record<string, string>;
}

/** The moment `daysAgo` days before now at the given Jakarta time, never later than a minute ago. */
function ago(today: string, daysAgo: number, time: string): Date {
  const m = moment(addDays(today, -daysAgo), time);
  const latest = new Date(Date.now() - 60_000);
  return m > latest ? latest : m;
}

/**
 * Seeds the employment demo. `ids`: the demo organisations by key (dinsos, ps and lpk needed);
 * `caseIds`: the social office's demo cases. Call after every other demo seeder (it reads the
 * cases' stages and arrival days as they end up). Goes through the employment services (openings,
 * skills profiles, consents, candidacies and their answers, placements and follow-ups) with their
 * moments set in the past, then backdates what those services stamp with the present (when the
 * openings were published or closed).
 */
export async function seedDemoEmployment(db: Db, cipher: FieldCipher, opts: { ids: Record<string, string>; caseIds: string[] }): Promise<DemoEmployment> {
  const { dinsos, ps, lpk } = opts.ids;
  if (!dinsos || !ps || !lpk) throw new Error('seedDemoEmployment: the dinsos, ps and lpk organisations must exist first');
  const today = todayInJakarta();
  const worker = await userIn(db, dinsos, 'caseworker@demo.pulang.example');
  const supervisor = await userIn(db, dinsos, 'supervisor@demo.pulang.example');
  const lpkPartner = await userIn(db, lpk, 'partner.lpk@demo.pulang.example');
  if (!worker || !supervisor || !lpkPartner) throw new Error('seedDemoEmployment: the demo case worker, supervisor and partner.lpk@ must exist first');

  // The partners, their kinds, the HR system's account and the one acceptance of the code.
  await db.update(organizations).set({ partnerKind: 'employer' }).where(and(eq(organizations.id, ps), sql`${organizations.partnerKind} is null`));
  await db.update(organizations).set({ partnerKind: 'vocational_school' }).where(and(eq(organizations.id, lpk), sql`${organizations.partnerKind} is null`));
  let psSystem = await userIn(db, ps, DEMO_PS_SYSTEM_EMAIL);
  if (!psSystem) {
    const [u] = await db
      .insert(users)
      .values({ organizationId: ps, kind: 'service', email: DEMO_PS_SYSTEM_EMAIL, displayName: 'Sistem HRD PT Karya Mandiri Sejahtera', roles: ['private_partner'], status: 'active' })
      .returning({ id: users.id });
    await appendAudit(db, { action: 'user.create', outcome: 'success', actorKind: 'system', targetType: 'user', targetId: u!.id, organizationId: ps, details: { from: 'demo' } });
    psSystem = { userId: u!.id, organizationId: ps, roles: ['private_partner'], kind: 'service' };
  }
  await db
    .insert(codeOfConductAcceptances)
    .values({ userId: lpkPartner.userId, organizationId: lpk, version: codeOfConduct.version, acceptedAt: moment(addDays(today, -45), '09:15') })
    .onConflictDoNothing();
  const partnerActor = { ps: psSystem, lpk: lpkPartner };

  // Openings and training places, through the openings service; then the days they were published
  // (and closed) are set back to when the demo says.
  const openingIds: Record<string, string> = {};
  for (const o of demoOpenings) {
    const as = ctxOf(db, partnerActor[o.partner]);
    const past = o.status === 'closed';
    const created = await openingsService.create(
      as,
      openingCreate.parse({
        kind: o.kind,
        title: o.title,
        description: o.description,
        sector: o.sector,
        occupation: o.occupation,
        areaCode: o.areaCode,
        remote: false,
        places: o.places,
        wageMinIdr: o.wage?.[0] ?? null,
        wageMaxIdr: o.wage?.[1] ?? null,
        contractType: o.contractType ?? null,
        hoursPerWeek: o.hoursPerWeek,
        workingHours: o.workingHours,
        requiredSkills: o.skills ?? [],
        requiredLanguages: o.languages ?? [],
        minEducation: o.minEducation ?? null,
        requiredCertificates: o.certificates ?? [],
        accommodation: o.accommodation ?? null,
        // A closed one is written with dates still ahead, then moved back below.
        startOn: addDays(today, past ? 30 : o.startInDays),
        closesOn: addDays(today, past ? 20 : o.closesInDays),
        commitments: o.kind === 'job' ? [...decentWorkCommitments] : [],
        durationWeeks: o.durationWeeks ?? null,
        costIdr: o.costIdr ?? null,
        certificateAwarded: o.certificateAwarded ?? null,
      }),
    );
    let version = created.version;
    if (o.status !== 'draft') version = (await openingsService.publish(as, created.id, { version })).version;
    if (o.status === 'closed') version = (await openingsService.close(as, created.id, { version })).version;
    const publishedAt = o.status === 'draft' ? null : ago(today, o.publishedDaysAgo ?? 10, '08:30');
    const createdAt = publishedAt ? new Date(publishedAt.getTime() - 2 * 86_400_000) : ago(today, 3, '10:00');
    await db
      .update(employmentOpenings)
      .set({
        publishedAt,
        createdAt,
        updatedAt: past ? ago(today, -o.closesInDays, '17:00') : (publishedAt ?? createdAt),
        ...(past ? { startOn: addDays(today, o.startInDays), closesOn: addDays(today, o.closesInDays), closedAt: ago(today, -o.closesInDays, '17:00') } : {}),
      })
      .where(eq(employmentOpenings.id, created.id));
    openingIds[o.key] = created.id;
  }

  // The returnees to profile: adults coming home whose case is past intake and still open.
  const rows = opts.caseIds.length
    ? await db
        .select({
          id: cases.id,
          stage: cases.stage,
          assignedToId: cases.assignedToId,
          arrivedOn: cases.arrivedOn,
          direction: cases.direction,
          caseType: cases.caseType,
          flags: cases.flags,
          destinations: cases.destinationCountries,
          sex: persons.sex,
          languages: persons.languages,
          village: persons.homeVillageCode,
        })
        .from(cases)
        .innerJoin(persons, eq(persons.id, cases.personId))
        .where(and(inArray(cases.id, opts.caseIds), eq(cases.organizationId, dinsos)))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = opts.caseIds.map((id) => byId.get(id)).filter((r): r is NonNullable<typeof r> => !!r);
  const eligible = ordered.filter(
    (r) =>
      r.direction === 'inbound' &&
      !r.flags.includes('child') &&
      r.caseType !== 'unaccompanied_or_separated_child' &&
      ['screening', 'assessment', 'return_planning', 'in_return', 'reintegration', 'monitoring', 'reopened'].includes(r.stage) &&
      (r.assignedToId === worker.userId || r.assignedToId === supervisor.userId),
  );
  // The case worker's first case in assessment and first two in screening keep no profile, for
  // whoever wants to fill one (her cases in intake have none either).
  const mineIn = (stage: string) => eligible.filter((r) => r.stage === stage && r.assignedToId === worker.userId).map((r) => r.id);
  const keepFree = new Set([...mineIn('assessment').slice(0, 1), ...mineIn('screening').slice(0, 2)]);
  const home = ['reintegration', 'monitoring', 'reopened'];
  const chosen = [
    ...eligible.filter((r) => !keepFree.has(r.id) && home.includes(r.stage)),
    ...eligible.filter((r) => !keepFree.has(r.id) && !home.includes(r.stage)),
  ].slice(0, 20);

  // Returnees back home for a while whose arrival day was never recorded get one, 5 to 10 weeks ago
  // (so that no sustainability survey falls due within the next days).
  let k = 0;
  for (const r of chosen) {
    if (r.arrivedOn || !home.includes(r.stage)) continue;
    const holder = r.assignedToId === worker.userId ? worker : supervisor;
    const arrivedOn = addDays(today, -(35 + ((k++ * 9) % 36)));
    await setArrival(ctxOf(db, holder), cipher, r.id, { arrivedOn });
    r.arrivedOn = arrivedOn;
  }

  const drafts = chosen.map((r, i) =>
    buildProfile(
      {
        id: r.id,
        organizationId: dinsos,
        sex: r.sex,
        country: r.destinations.find((d) => d !== 'ID') ?? 'MY',
        homeRegency: r.village ? r.village.slice(0, 5) : null,
        languages: r.languages,
        arrivedOn: r.arrivedOn,
        stage: r.stage,
      },
      r.assignedToId === worker.userId ? worker : supervisor,
      i,
      today,
    ),
  );

  // Who is put forward where: the best fit among those who consented, each once.
  const picks = new Map<string, ProfileDraft>();
  const planOf = new Map<string, CandidacyPlan>();
  for (const plan of candidacyPlans) {
    const open = drafts.filter((d) => d.consent && !d.used);
    const pick = plan.prefer.map((f) => open.find((d) => f(d, today))).find(Boolean) ?? open[0];
    if (!pick) continue;
    pick.used = true;
    plan.focus?.(pick);
    picks.set(plan.key, pick);
    planOf.set(pick.caseId, plan);
  }

  // A placed returnee's arrival must come before the job: record one when it is missing or too late.
  for (const plan of candidacyPlans) {
    const p = picks.get(plan.key);
    if (!p || !plan.placement) continue;
    const latest = addDays(today, -(plan.putForwardDaysAgo + 10));
    if (!p.arrivedOn || p.arrivedOn > latest) {
      await setArrival(ctxOf(db, p.holder), cipher, p.caseId, { arrivedOn: latest });
      p.arrivedOn = latest;
    }
  }

  // Some who wanted their own business have an income from it (a food stall, a small shop, a
  // tailoring corner), among them some put forward for a training place; none put forward for a job.
  const forJob = new Set(
    candidacyPlans.filter((c) => demoOpenings.find((o) => o.key === c.opening)?.kind === 'job').map((c) => picks.get(c.key)?.caseId),
  );
  let earners = 0;
  for (const d of drafts) {
    if (earners >= 3 || !d.arrivedOn || forJob.has(d.caseId)) continue;
    const since = addDays(d.arrivedOn, 14 + earners * 9);
    if (since > addDays(today, -3)) continue;
    if (d.used) addTo(d.seeking, 'self_employment');
    else d.seeking = ['self_employment'];
    d.incomeSince = since;
    addSkill(d, 'small_business', 'basic');
    earners++;
  }

  // The profiles (through the profile service, saved a few days before anything happened with
  // them) and the job_matching consents.
  for (const [i, d] of drafts.entries()) {
    const plan = planOf.get(d.caseId);
    const savedDaysAgo = plan ? plan.putForwardDaysAgo + 5 : 3 + (i % 20);
    await profilesService.save(
      ctxOf(db, d.holder),
      cipher,
      d.caseId,
      skillsProfileWrite.parse({
        seeking: d.seeking,
        workHistory: d.workHistory.map(({ country, sector, occupation, years }) => ({ country, sector, occupation, years })),
        skills: d.skills,
        languages: d.languages,
        education: d.education,
        certificates: d.certificates,
        preferredSectors: d.preferredSectors,
        preferredAreaCodes: d.preferredAreaCodes,
        willingToRelocate: d.willingToRelocate,
        constraints: d.constraints,
        availableFrom: d.availableFrom,
      }),
      ago(today, savedDaysAgo, '11:00'),
    );
    // Income from their own business: the profile service leaves it to the placements and the reports.
    if (d.incomeSince) await db.update(skillsProfiles).set({ incomeSince: d.incomeSince }).where(eq(skillsProfiles.caseId, d.caseId));
    if (d.consent)
      await consents.create(ctxOf(db, d.holder), cipher, d.caseId, {
        purpose: 'job_matching',
        recipientOrganizationType: 'private_sector',
        sharedFields: ['name', 'sex', 'age', 'languages', 'skills'],
        decision: 'given',
        method: 'signed',
        givenBy: null,
        witness: null,
        givenAt: ago(today, savedDaysAgo, '11:30').toISOString(),
      });
  }

  // Candidacies: put forward by the case's holder, answered by the partner, through their services.
  const candidacyIds: Record<string, string> = {};
  const placementIds: Record<string, string> = {};
  for (const plan of candidacyPlans) {
    const p = picks.get(plan.key);
    if (!p) continue;
    const opening = demoOpenings.find((o) => o.key === plan.opening)!;
    const partner = ctxOf(db, partnerActor[opening.partner]);
    const sent = await candidaciesService.putForward(
      ctxOf(db, p.holder),
      cipher,
      p.caseId,
      candidacyCreate.parse({ openingId: openingIds[plan.opening], message: plan.message }),
      ago(today, plan.putForwardDaysAgo, '09:00'),
    );
    candidacyIds[plan.key] = sent.id;
    let version = sent.version;
    for (const m of plan.moves) {
      const interviewAt =
        m.to === 'interview' ? (plan.interviewInDays !== undefined ? moment(addDays(today, plan.interviewInDays), '10:00') : moment(addDays(today, -(m.daysAgo - 2)), '10:00')) : null;
      const answered = await candidaciesService.answer(
        partner,
        cipher,
        sent.id,
        candidacyAnswer.parse({ to: m.to, version, interviewAt: interviewAt?.toISOString() ?? null, reason: m.to === 'rejected' ? (plan.rejectReason ?? 'other') : null }),
        ago(today, m.daysAgo, '13:00'),
      );
      version = answered.version;
    }
    if (!plan.placement) continue;

    // The placement, recorded by the partner the day after hiring; its first follow-up by the case side.
    const startOn = addDays(today, -plan.placement.startDaysAgo);
    const hiredDaysAgo = plan.moves.at(-1)!.daysAgo;
    await placementsService.record(
      partner,
      cipher,
      sent.id,
      placementCreate.parse({ startOn, monthlyWageIdr: plan.placement.wage, contractType: opening.contractType ?? null }),
      ago(today, hiredDaysAgo - 1, '14:00'),
    );
    const [pl] = await db.select({ id: placements.id }).from(placements).where(eq(placements.candidacyId, sent.id));
    placementIds[plan.key] = pl!.id;
    const [first] = await db
      .select({ version: placementFollowUps.version, dueOn: placementFollowUps.dueOn })
      .from(placementFollowUps)
      .where(and(eq(placementFollowUps.placementId, pl!.id), eq(placementFollowUps.month, 1)));
    if (!first || first.dueOn > today) continue;
    const problem = !!plan.placement.problem;
    // A problem is reported today, so that the case worker's alert is fresh; the good news two days after it fell due.
    const at = problem ? new Date(Date.now() - 3_600_000) : ago(today, daysBetween(addDays(first.dueOn, 2), today), '10:00');
    await placementsService.recordFollowUp(
      ctxOf(db, p.holder),
      cipher,
      pl!.id,
      1,
      followUpRecord.parse({
        version: first.version,
        stillEmployed: true,
        conditionsAsPromised: !problem,
        problems: problem ? ['excessive_hours'] : [],
        note: problem ? demoEmploymentTexts.followUpProblem : demoEmploymentTexts.followUpOk,
        conductedOn: todayInJakarta(at),
      }),
      at,
    );
  }

  // What the hourly sweep would do next: tasks for the follow-ups falling due within the week.
  await createDueFollowUpTasks(db, cipher);

  return { openingIds, profiledCaseIds: drafts.map((d) => d.caseId), candidacyIds, placementIds };
}
