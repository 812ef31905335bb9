// The closed lists of employment: partners, openings, skills profiles, candidacies and placements.
// Free of imports so that the web app reads the same lists the API validates. Labels of codes
// live in the web catalogues (web/src/openings/locale); sector and occupation labels are here
// because the reports and the server-rendered letters need them too.

type Label = { id: string; en: string };

/** What kind of private-sector partner an organisation is. */
export const partnerKinds = ['employer', 'recruitment_agency', 'vocational_school', 'business_development'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

/** The organisation type whose users are partners (organizations/schema.ts organizationTypes). */
export const partnerOrganizationType = 'private_sector';

/**
 * The code of conduct a partner's user accepts before anything else. A new version asks again.
 * Its points (texts in the catalogues, key employment.code.points.<code>) are what the user signs.
 */
export const codeOfConduct = {
  version: '2026-1',
  points: ['non_discrimination', 'confidentiality', 'no_recruitment_fees', 'no_document_retention', 'written_contract', 'report_abuse'],
} as const;

/** A job opening, or a place on a training course. */
export const openingKinds = ['job', 'training'] as const;
export type OpeningKind = (typeof openingKinds)[number];
/** draft: the partner's own; published: open to matching until the closing date; closed: by the partner or past the closing date. */
export const openingStatuses = ['draft', 'published', 'closed'] as const;
export type OpeningStatus = (typeof openingStatuses)[number];

/**
 * Sectors, ISIC Rev. 4: the 21 sections (one letter) and the divisions returnees most often work in
 * (letter + two digits). A division belongs to the section of its letter.
 */
export const isicSectors: readonly { code: string; label: Label }[] = [
  { code: 'A', label: { id: 'Pertanian, kehutanan dan perikanan', en: 'Agriculture, forestry and fishing' } },
  { code: 'A01', label: { id: 'Pertanian tanaman dan peternakan', en: 'Crop and animal production' } },
  { code: 'A02', label: { id: 'Kehutanan', en: 'Forestry and logging' } },
  { code: 'A03', label: { id: 'Perikanan dan budidaya ikan', en: 'Fishing and aquaculture' } },
  { code: 'B', label: { id: 'Pertambangan dan penggalian', en: 'Mining and quarrying' } },
  { code: 'C', label: { id: 'Industri pengolahan', en: 'Manufacturing' } },
  { code: 'C10', label: { id: 'Industri makanan', en: 'Food products' } },
  { code: 'C13', label: { id: 'Industri tekstil', en: 'Textiles' } },
  { code: 'C14', label: { id: 'Industri pakaian jadi', en: 'Wearing apparel' } },
  { code: 'C15', label: { id: 'Industri kulit dan alas kaki', en: 'Leather and footwear' } },
  { code: 'C16', label: { id: 'Industri kayu', en: 'Wood products' } },
  { code: 'C22', label: { id: 'Industri karet dan plastik', en: 'Rubber and plastics' } },
  { code: 'C25', label: { id: 'Industri barang logam', en: 'Fabricated metal products' } },
  { code: 'C26', label: { id: 'Industri elektronik', en: 'Electronics' } },
  { code: 'C31', label: { id: 'Industri furnitur', en: 'Furniture' } },
  { code: 'D', label: { id: 'Listrik dan gas', en: 'Electricity and gas' } },
  { code: 'E', label: { id: 'Air, limbah dan daur ulang', en: 'Water, waste and recycling' } },
  { code: 'F', label: { id: 'Konstruksi', en: 'Construction' } },
  { code: 'F41', label: { id: 'Konstruksi gedung', en: 'Construction of buildings' } },
  { code: 'F43', label: { id: 'Konstruksi khusus (listrik, pipa, finishing)', en: 'Specialised construction (electrical, plumbing, finishing)' } },
  { code: 'G', label: { id: 'Perdagangan besar dan eceran; reparasi kendaraan', en: 'Wholesale and retail trade; vehicle repair' } },
  { code: 'G45', label: { id: 'Perdagangan dan reparasi kendaraan bermotor', en: 'Trade and repair of motor vehicles' } },
  { code: 'G47', label: { id: 'Perdagangan eceran', en: 'Retail trade' } },
  { code: 'H', label: { id: 'Transportasi dan pergudangan', en: 'Transport and storage' } },
  { code: 'H49', label: { id: 'Angkutan darat', en: 'Land transport' } },
  { code: 'H50', label: { id: 'Angkutan laut', en: 'Water transport' } },
  { code: 'H52', label: { id: 'Pergudangan', en: 'Warehousing' } },
  { code: 'I', label: { id: 'Penyediaan akomodasi dan makan minum', en: 'Accommodation and food service' } },
  { code: 'I55', label: { id: 'Penyediaan akomodasi (hotel)', en: 'Accommodation (hotels)' } },
  { code: 'I56', label: { id: 'Penyediaan makan minum (restoran)', en: 'Food and beverage service' } },
  { code: 'J', label: { id: 'Informasi dan komunikasi', en: 'Information and communication' } },
  { code: 'K', label: { id: 'Jasa keuangan dan asuransi', en: 'Financial and insurance services' } },
  { code: 'L', label: { id: 'Real estat', en: 'Real estate' } },
  { code: 'M', label: { id: 'Jasa profesional, ilmiah dan teknis', en: 'Professional, scientific and technical services' } },
  { code: 'N', label: { id: 'Jasa persewaan dan penunjang usaha', en: 'Administrative and support services' } },
  { code: 'N78', label: { id: 'Jasa ketenagakerjaan', en: 'Employment services' } },
  { code: 'N81', label: { id: 'Jasa kebersihan gedung dan taman', en: 'Building cleaning and landscaping' } },
  { code: 'O', label: { id: 'Administrasi pemerintahan', en: 'Public administration' } },
  { code: 'P', label: { id: 'Jasa pendidikan', en: 'Education' } },
  { code: 'Q', label: { id: 'Jasa kesehatan dan kegiatan sosial', en: 'Human health and social work' } },
  { code: 'Q86', label: { id: 'Jasa kesehatan', en: 'Human health' } },
  { code: 'Q87', label: { id: 'Jasa perawatan di panti', en: 'Residential care' } },
  { code: 'Q88', label: { id: 'Jasa perawatan tanpa tempat tinggal (lansia, anak)', en: 'Social work without accommodation (elderly, children)' } },
  { code: 'R', label: { id: 'Kesenian, hiburan dan rekreasi', en: 'Arts, entertainment and recreation' } },
  { code: 'S', label: { id: 'Jasa lainnya', en: 'Other service activities' } },
  { code: 'S96', label: { id: 'Jasa perorangan (salon, binatu)', en: 'Personal services (hairdressing, laundry)' } },
  { code: 'T', label: { id: 'Rumah tangga sebagai pemberi kerja', en: 'Households as employers' } },
  { code: 'T97', label: { id: 'Pekerja rumah tangga', en: 'Domestic personnel' } },
  { code: 'U', label: { id: 'Badan internasional', en: 'Extraterritorial organisations' } },
];
export const isicCodes = isicSectors.map((s) => s.code);
/** The section of a sector code: its letter. */
export const isicSection = (code: string) => code.slice(0, 1);

/**
 * Occupations, ISCO-08 (KBJI 2014 follows it): the ten major groups (one digit) and the unit groups
 * (four digits) returnees and openings most often name. A unit group belongs to the major group of
 * its first digit, the sub-major group of its first two and the minor group of its first three.
 */
export const iscoOccupations: readonly { code: string; label: Label }[] = [
  { code: '1', label: { id: 'Manajer', en: 'Managers' } },
  { code: '2', label: { id: 'Profesional', en: 'Professionals' } },
  { code: '3', label: { id: 'Teknisi dan asisten profesional', en: 'Technicians and associate professionals' } },
  { code: '4', label: { id: 'Tenaga tata usaha', en: 'Clerical support workers' } },
  { code: '5', label: { id: 'Tenaga usaha jasa dan penjualan', en: 'Service and sales workers' } },
  { code: '6', label: { id: 'Pekerja terampil pertanian, kehutanan dan perikanan', en: 'Skilled agricultural, forestry and fishery workers' } },
  { code: '7', label: { id: 'Pekerja pengolahan, kerajinan dan sejenisnya', en: 'Craft and related trades workers' } },
  { code: '8', label: { id: 'Operator dan perakit mesin', en: 'Plant and machine operators and assemblers' } },
  { code: '9', label: { id: 'Pekerja kasar', en: 'Elementary occupations' } },
  { code: '2221', label: { id: 'Perawat profesional', en: 'Nursing professionals' } },
  { code: '3221', label: { id: 'Asisten perawat', en: 'Nursing associate professionals' } },
  { code: '3434', label: { id: 'Kepala juru masak', en: 'Chefs' } },
  { code: '4110', label: { id: 'Staf administrasi umum', en: 'General office clerks' } },
  { code: '4211', label: { id: 'Kasir bank dan teller', en: 'Bank tellers and related clerks' } },
  { code: '4224', label: { id: 'Resepsionis hotel', en: 'Hotel receptionists' } },
  { code: '4321', label: { id: 'Petugas gudang', en: 'Stock clerks' } },
  { code: '5120', label: { id: 'Juru masak', en: 'Cooks' } },
  { code: '5131', label: { id: 'Pramusaji', en: 'Waiters' } },
  { code: '5141', label: { id: 'Penata rambut', en: 'Hairdressers' } },
  { code: '5142', label: { id: 'Ahli kecantikan', en: 'Beauticians' } },
  { code: '5211', label: { id: 'Pedagang kios dan pasar', en: 'Stall and market salespersons' } },
  { code: '5221', label: { id: 'Pemilik toko kecil', en: 'Shopkeepers' } },
  { code: '5223', label: { id: 'Pramuniaga', en: 'Shop sales assistants' } },
  { code: '5230', label: { id: 'Kasir', en: 'Cashiers and ticket clerks' } },
  { code: '5311', label: { id: 'Pengasuh anak', en: 'Child care workers' } },
  { code: '5321', label: { id: 'Pembantu perawat di fasilitas kesehatan', en: 'Health care assistants' } },
  { code: '5322', label: { id: 'Perawat lansia di rumah (caregiver)', en: 'Home-based personal care workers' } },
  { code: '5414', label: { id: 'Petugas keamanan (satpam)', en: 'Security guards' } },
  { code: '6111', label: { id: 'Petani tanaman pangan dan sayuran', en: 'Field crop and vegetable growers' } },
  { code: '6112', label: { id: 'Pekebun (kelapa sawit, karet)', en: 'Tree and shrub crop growers' } },
  { code: '6121', label: { id: 'Peternak', en: 'Livestock and dairy producers' } },
  { code: '6221', label: { id: 'Pembudidaya ikan', en: 'Aquaculture workers' } },
  { code: '6222', label: { id: 'Nelayan pantai dan perairan darat', en: 'Inland and coastal waters fishery workers' } },
  { code: '6223', label: { id: 'Nelayan laut dalam', en: 'Deep-sea fishery workers' } },
  { code: '7112', label: { id: 'Tukang batu', en: 'Bricklayers' } },
  { code: '7115', label: { id: 'Tukang kayu', en: 'Carpenters and joiners' } },
  { code: '7126', label: { id: 'Tukang pipa', en: 'Plumbers and pipe fitters' } },
  { code: '7131', label: { id: 'Tukang cat', en: 'Painters' } },
  { code: '7212', label: { id: 'Tukang las', en: 'Welders and flame cutters' } },
  { code: '7231', label: { id: 'Mekanik kendaraan bermotor', en: 'Motor vehicle mechanics' } },
  { code: '7411', label: { id: 'Teknisi listrik bangunan', en: 'Building electricians' } },
  { code: '7512', label: { id: 'Pembuat roti dan kue', en: 'Bakers and confectioners' } },
  { code: '7531', label: { id: 'Penjahit', en: 'Tailors and dressmakers' } },
  { code: '7533', label: { id: 'Penjahit bordir dan sejenisnya', en: 'Sewing, embroidery and related workers' } },
  { code: '8153', label: { id: 'Operator mesin jahit', en: 'Sewing machine operators' } },
  { code: '8160', label: { id: 'Operator mesin pengolahan makanan', en: 'Food products machine operators' } },
  { code: '8212', label: { id: 'Perakit peralatan listrik dan elektronik', en: 'Electrical and electronic equipment assemblers' } },
  { code: '8322', label: { id: 'Sopir mobil', en: 'Car, taxi and van drivers' } },
  { code: '8332', label: { id: 'Sopir truk', en: 'Heavy truck and lorry drivers' } },
  { code: '8344', label: { id: 'Operator forklift', en: 'Lifting truck operators' } },
  { code: '8350', label: { id: 'Awak kapal', en: "Ships' deck crews" } },
  { code: '9111', label: { id: 'Pekerja rumah tangga', en: 'Domestic cleaners and helpers' } },
  { code: '9112', label: { id: 'Petugas kebersihan kantor dan hotel', en: 'Cleaners in offices and hotels' } },
  { code: '9211', label: { id: 'Buruh tani', en: 'Crop farm labourers' } },
  { code: '9216', label: { id: 'Buruh perikanan', en: 'Fishery and aquaculture labourers' } },
  { code: '9313', label: { id: 'Buruh bangunan', en: 'Building construction labourers' } },
  { code: '9321', label: { id: 'Buruh pengepakan', en: 'Hand packers' } },
  { code: '9329', label: { id: 'Buruh pabrik', en: 'Manufacturing labourers' } },
  { code: '9333', label: { id: 'Buruh angkut barang', en: 'Freight handlers' } },
  { code: '9412', label: { id: 'Pembantu dapur', en: 'Kitchen helpers' } },
];
export const iscoCodes = iscoOccupations.map((o) => o.code);

/** Skills a profile records (with a level) and an opening asks for. */
export const skillCodes = [
  'elderly_care',
  'childcare',
  'patient_care',
  'housekeeping',
  'cooking',
  'baking',
  'food_processing',
  'sewing',
  'garment_machine',
  'tailoring',
  'handicraft',
  'welding',
  'electrical_wiring',
  'plumbing',
  'masonry',
  'carpentry',
  'painting',
  'construction_labour',
  'machine_operation',
  'electronics_assembly',
  'forklift',
  'warehouse',
  'driving_car',
  'driving_truck',
  'vehicle_repair',
  'fishing',
  'deck_work',
  'fish_farming',
  'crop_farming',
  'plantation',
  'livestock',
  'hairdressing',
  'beauty_care',
  'hospitality_service',
  'cleaning',
  'retail_sales',
  'cashier',
  'bookkeeping',
  'computer_basic',
  'customer_service',
  'security',
  'small_business',
  'online_selling',
] as const;
export type Skill = (typeof skillCodes)[number];
export const skillLevels = ['basic', 'intermediate', 'advanced'] as const;
export type SkillLevel = (typeof skillLevels)[number];

/** Education, lowest first: `educationRank` compares a profile with an opening's minimum. */
export const educationLevels = ['none', 'primary', 'junior_secondary', 'senior_secondary', 'vocational_secondary', 'diploma', 'bachelor', 'postgraduate'] as const;
export type EducationLevel = (typeof educationLevels)[number];
/** senior and vocational secondary count as the same step. */
export const educationRank = (e: EducationLevel): number => ({ none: 0, primary: 1, junior_secondary: 2, senior_secondary: 3, vocational_secondary: 3, diploma: 4, bachelor: 5, postgraduate: 6 })[e];

/** Certificates a profile records (including those earned abroad) and an opening asks for. */
export const certificateCodes = [
  'caregiver',
  'nursing_aide',
  'welding',
  'electrical',
  'forklift',
  'driving_licence_car',
  'driving_licence_truck',
  'driving_licence_motorcycle',
  'food_handling',
  'first_aid',
  'seafarer_basic_safety',
  'hospitality',
  'beauty',
  'tailoring',
  'computer',
  'japanese_language',
  'korean_language',
  'english_language',
  'mandarin_language',
  'other',
] as const;
export type Certificate = (typeof certificateCodes)[number];

/** How the work is contracted (PKWTT, PKWT, daily, piece rate, apprenticeship, part time). */
export const contractTypes = ['permanent', 'fixed_term', 'daily', 'piece_rate', 'apprenticeship', 'part_time'] as const;
export type ContractType = (typeof contractTypes)[number];
export const accommodationOptions = ['provided_free', 'provided_paid', 'help_finding', 'none'] as const;
export type Accommodation = (typeof accommodationOptions)[number];

/** The decent-work commitments an opening states; all three must be made to publish a job. */
export const decentWorkCommitments = ['no_fees', 'no_document_retention', 'written_contract'] as const;
export type DecentWorkCommitment = (typeof decentWorkCommitments)[number];

/** What a returnee is looking for. */
export const seekingKinds = ['employment', 'self_employment', 'training'] as const;
export type SeekingKind = (typeof seekingKinds)[number];
/** What limits the work a returnee can take. Codes only; any detail is an encrypted note. */
export const workConstraints = ['care_duties', 'health', 'disability', 'no_night_work', 'cannot_relocate', 'no_transport'] as const;
export type WorkConstraint = (typeof workConstraints)[number];

/**
 * A candidacy: a returnee put forward to a partner for an opening. The partner answers
 * (interview, offer, rejected with a reason, hired); the sender can withdraw until hired.
 */
export const candidacyStatuses = ['put_forward', 'interview', 'offer', 'hired', 'rejected', 'withdrawn'] as const;
export type CandidacyStatus = (typeof candidacyStatuses)[number];
export const candidacyRejectReasons = ['skills_mismatch', 'position_filled', 'not_reachable', 'person_declined', 'location', 'other'] as const;
export type CandidacyRejectReason = (typeof candidacyRejectReasons)[number];

/** Months after the start of a placement when the case worker checks on it. */
export const followUpMonths = [1, 3, 6] as const;
/** Days before a follow-up falls due when its task appears. */
export const followUpLeadDays = 7;
/** Problems a follow-up can report; any one alerts the case worker. */
export const workProblems = [
  'unpaid_wages',
  'lower_wage',
  'excessive_hours',
  'document_retention',
  'fees_charged',
  'contract_changed',
  'unsafe_conditions',
  'harassment',
  'dismissed',
  'other',
] as const;
export type WorkProblem = (typeof workProblems)[number];
/** Why a placement ended. */
export const placementEndReasons = ['resigned', 'dismissed', 'contract_ended', 'moved_away', 'other'] as const;

/** Counts below this show as "<5" in every employment report. */
export const suppressBelow = 5;
