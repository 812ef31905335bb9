// The taxonomy of reintegration services, free of imports so that the web app reads the same
// list the API validates. IDs are fixed (HSDS wants UUIDs, and a published ID must not change
// between installations); codes are what people and the code use. Groups are the top level, each
// term belongs to one group. `loadTaxonomy` (directory/load.ts) keeps the database copy in step.

export const taxonomy = {
  id: '5f1b7c2e-0d4a-4c1e-9a51-000000000001',
  name: 'Pulang reintegration services',
  description:
    'Services for the return, recovery and reintegration of trafficking victims and vulnerable migrants, in Indonesian and English.',
  uri: 'https://pulang.example.org/taxonomy/reintegration-services',
  version: '1',
} as const;

export interface Bilingual {
  id: string;
  en: string;
}

export interface TaxonomyTerm {
  id: string;
  code: string;
  /** The group's code, or null for a group. */
  group: string | null;
  name: Bilingual;
  description: Bilingual;
}

const id = (n: number) => `5f1b7c2e-0d4a-4c1e-9a51-${String(n).padStart(12, '0')}`;

export const taxonomyTerms: readonly TaxonomyTerm[] = [
  // Groups
  {
    id: id(100),
    code: 'protection_recovery',
    group: null,
    name: { id: 'Perlindungan dan pemulihan', en: 'Protection and recovery' },
    description: { id: 'Tempat aman, perawatan kesehatan dan pemulihan jiwa.', en: 'A safe place, health care and psychological recovery.' },
  },
  {
    id: id(200),
    code: 'justice',
    group: null,
    name: { id: 'Keadilan', en: 'Justice' },
    description: { id: 'Bantuan hukum, laporan polisi, restitusi dan perlindungan saksi.', en: 'Legal aid, police reports, restitution and witness protection.' },
  },
  {
    id: id(300),
    code: 'return_family',
    group: null,
    name: { id: 'Kepulangan dan keluarga', en: 'Return and family' },
    description: { id: 'Pulang ke daerah asal, bertemu keluarga dan mengurus dokumen.', en: 'Getting home, reuniting with family and sorting out documents.' },
  },
  {
    id: id(400),
    code: 'economic',
    group: null,
    name: { id: 'Ekonomi dan pekerjaan', en: 'Income and work' },
    description: { id: 'Bantuan tunai, pelatihan, pekerjaan dan usaha.', en: 'Cash support, training, jobs and business.' },
  },
  {
    id: id(500),
    code: 'social',
    group: null,
    name: { id: 'Pendidikan dan masyarakat', en: 'Education and community' },
    description: { id: 'Sekolah bagi anak dan dukungan dari masyarakat dan sesama penyintas.', en: 'School for children, and support from the community and peers.' },
  },
  // Terms
  {
    id: id(101),
    code: 'shelter',
    group: 'protection_recovery',
    name: { id: 'Rumah aman dan penampungan', en: 'Shelter' },
    description: {
      id: 'Tempat tinggal sementara yang aman, termasuk rumah perlindungan trauma dan rumah aman bagi anak.',
      en: 'A safe temporary place to stay, including trauma shelters and safe houses for children.',
    },
  },
  {
    id: id(102),
    code: 'medical_care',
    group: 'protection_recovery',
    name: { id: 'Layanan kesehatan', en: 'Medical care' },
    description: {
      id: 'Pemeriksaan dan pengobatan, kesehatan reproduksi, dan dukungan bagi penyandang disabilitas.',
      en: 'Check-ups and treatment, reproductive health, and support for persons with disabilities.',
    },
  },
  {
    id: id(103),
    code: 'mental_health',
    group: 'protection_recovery',
    name: { id: 'Kesehatan jiwa dan dukungan psikososial', en: 'Mental health and psychosocial support' },
    description: {
      id: 'Konseling, pemulihan trauma dan layanan kesehatan jiwa.',
      en: 'Counselling, trauma recovery and mental health care.',
    },
  },
  {
    id: id(201),
    code: 'legal_aid',
    group: 'justice',
    name: { id: 'Bantuan hukum dan laporan polisi', en: 'Legal aid and police reporting' },
    description: {
      id: 'Pendampingan hukum, membuat laporan polisi, dan pendampingan selama pemeriksaan dan sidang.',
      en: 'Legal advice and representation, filing a police report, and support through investigation and trial.',
    },
  },
  {
    id: id(202),
    code: 'restitution_protection',
    group: 'justice',
    name: { id: 'Restitusi dan perlindungan saksi', en: 'Restitution and witness protection' },
    description: {
      id: 'Pengajuan restitusi dan kompensasi, serta perlindungan saksi dan korban.',
      en: 'Claims for restitution and compensation, and protection of witnesses and victims.',
    },
  },
  {
    id: id(301),
    code: 'identity_documents',
    group: 'return_family',
    name: { id: 'Identitas dan dokumen kependudukan', en: 'Identity and civil documents' },
    description: {
      id: 'KTP, Kartu Keluarga, akta kelahiran, paspor dan dokumen kependudukan lainnya.',
      en: 'Identity card (KTP), family card, birth certificate, passport and other civil documents.',
    },
  },
  {
    id: id(302),
    code: 'family_tracing',
    group: 'return_family',
    name: { id: 'Pelacakan dan mediasi keluarga', en: 'Family tracing and mediation' },
    description: {
      id: 'Mencari keluarga, menyiapkan kepulangan bersama keluarga, dan mediasi bila ada konflik.',
      en: 'Finding family, preparing the family for the return, and mediation where there is conflict.',
    },
  },
  {
    id: id(303),
    code: 'transport_home',
    group: 'return_family',
    name: { id: 'Transportasi pulang', en: 'Transport home' },
    description: {
      id: 'Perjalanan dari bandara, pelabuhan atau pos lintas batas ke desa asal, dengan pendamping bila perlu.',
      en: 'Travel from the airport, sea port or border post to the home village, with an escort where needed.',
    },
  },
  {
    id: id(401),
    code: 'cash_support',
    group: 'economic',
    name: { id: 'Bantuan tunai dan natura', en: 'Cash and in-kind support' },
    description: {
      id: 'Uang saku, paket kebutuhan pokok, dan bantuan sosial pemerintah.',
      en: 'Pocket money, food and hygiene packages, and government social assistance.',
    },
  },
  {
    id: id(402),
    code: 'vocational_training',
    group: 'economic',
    name: { id: 'Pelatihan keterampilan', en: 'Vocational training' },
    description: {
      id: 'Pelatihan kerja dan sertifikasi kompetensi.',
      en: 'Job training and skills certification.',
    },
  },
  {
    id: id(403),
    code: 'job_placement',
    group: 'economic',
    name: { id: 'Penempatan kerja', en: 'Job placement' },
    description: {
      id: 'Informasi lowongan, pencocokan kerja dan pendampingan sampai mulai bekerja.',
      en: 'Job openings, job matching and support until the first day of work.',
    },
  },
  {
    id: id(404),
    code: 'business_startup',
    group: 'economic',
    name: { id: 'Pendampingan usaha', en: 'Business start-up support' },
    description: {
      id: 'Modal usaha, pelatihan kewirausahaan, koperasi dan pendampingan usaha kecil.',
      en: 'Start-up capital, entrepreneurship training, cooperatives and coaching for small businesses.',
    },
  },
  {
    id: id(501),
    code: 'education',
    group: 'social',
    name: { id: 'Pendidikan anak', en: 'Education for children' },
    description: {
      id: 'Kembali ke sekolah, kejar paket dan beasiswa bagi anak.',
      en: 'Going back to school, equivalency programmes and scholarships for children.',
    },
  },
  {
    id: id(502),
    code: 'community_support',
    group: 'social',
    name: { id: 'Dukungan masyarakat dan sesama penyintas', en: 'Community and peer support' },
    description: {
      id: 'Kelompok sebaya, kegiatan masyarakat dan penerimaan kembali di kampung halaman.',
      en: 'Peer groups, community activities and acceptance back home.',
    },
  },
];

export const taxonomyGroups = taxonomyTerms.filter((t) => t.group === null);
/** The terms a service can be filed under (groups only organise them). */
export const serviceTerms = taxonomyTerms.filter((t) => t.group !== null);
export const serviceTermCodes = serviceTerms.map((t) => t.code);

export const termByCode = new Map(taxonomyTerms.map((t) => [t.code, t]));
export const termById = new Map(taxonomyTerms.map((t) => [t.id, t]));

/**
 * Which terms serve a need of the assessment (cases/needs.ts codes). Suggestions start here;
 * a need no term serves has no suggestions. Kept next to the taxonomy so that a new term and
 * the needs it serves are one change.
 */
export const termsForNeed: Readonly<Record<string, readonly string[]>> = {
  livelihood: ['job_placement', 'business_startup', 'vocational_training', 'cash_support'],
  job_placement: ['job_placement'],
  vocational_training: ['vocational_training'],
  microbusiness_grant: ['business_startup'],
  debt: ['cash_support', 'legal_aid'],
  family_reunification: ['family_tracing'],
  shelter: ['shelter'],
  education: ['education'],
  documents: ['identity_documents'],
  counselling: ['mental_health'],
  peer_support: ['community_support'],
  community_acceptance: ['community_support', 'family_tracing'],
  medical_treatment: ['medical_care'],
  mental_health: ['mental_health'],
  reproductive_health: ['medical_care'],
  disability_support: ['medical_care'],
  legal_aid: ['legal_aid'],
  police_report: ['legal_aid'],
  restitution: ['restitution_protection'],
  witness_protection: ['restitution_protection'],
  protection: ['shelter', 'restitution_protection'],
  relocation: ['shelter', 'transport_home'],
};
