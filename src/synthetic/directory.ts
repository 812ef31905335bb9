// Deterministic generator of a synthetic service directory across Indonesia: national ministries
// and agencies, provincial and regency offices (social affairs, women's and children's protection
// units, labour offices and training centres, civil registry, health offices and puskesmas,
// hospitals, police units), legal-aid and women's, children's and migrant-worker NGOs,
// cooperatives, banks' micro-credit, private companies and training institutes, and village
// migrant-care posts. Concentrated in the main sending provinces, covering every province.
//
// Real agency names are public and used as they are. Everything else is synthetic: the names of
// NGOs, companies, cooperatives and their people are invented, and every address, phone number,
// e-mail address (under the reserved .example domain) and coordinate is made up (coordinates near
// the real seat of the regency). The same seed and reference date give the same directory, with
// the same IDs, on every machine.
//
//   generateDirectory({ services: 300, seed: 7 })  →  { organizations, locations, services, serviceAtLocations }
import { termByCode } from '../directory/taxonomy.js';
import type { CostKind, RequiredDocument, ServiceStatus } from '../directory/vocabulary.js';
import { loadAreaData, provinceWeights, sendingRegencies, type AreaData, type Village } from './areas.js';
import { indonesiaBounds, postalPrefixes, provinceAreaCodes, provinceCentres, regencyAreaCodes, regencySeats } from './directory-places.js';
import { groupOf, makeName } from './names.js';
import { defaultReferenceDate, indonesianMobile } from './person.js';
import { Rng, WeightedTable } from './prng.js';

export interface DirectoryHours {
  /** ISO weekdays, 1 = Monday. */
  days: number[];
  opens: string;
  closes: string;
}

export interface DirectoryPhone {
  /** E.164. */
  number: string;
  kind: 'voice' | 'whatsapp' | 'sms' | 'hotline';
  description: string | null;
}

export interface DirectoryContact {
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
}

export interface GeneratedOrganization {
  id: string;
  /** Stable key within the directory ('kemensos', 'dinsos:33.29', …). */
  key: string;
  name: string;
  acronym: string | null;
  type: 'ministry' | 'local_government' | 'ngo' | 'international' | 'private_sector' | 'community';
  level: 'national' | 'province' | 'regency';
  areaCode: string | null;
  parentId: string | null;
  description: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
}

export interface GeneratedLocation {
  id: string;
  organizationId: string;
  name: string;
  description: string | null;
  address: string;
  /** Kemendagri village code. */
  areaCode: string;
  postalCode: string | null;
  latitude: number;
  longitude: number;
  transportation: string | null;
  accessibility: string | null;
}

export interface GeneratedService {
  id: string;
  organizationId: string;
  name: string;
  alternateName: string | null;
  description: string;
  url: string | null;
  email: string | null;
  status: ServiceStatus;
  termCodes: string[];
  termIds: string[];
  languages: string[];
  eligibleSexes: ('female' | 'male')[];
  minAge: number | null;
  maxAge: number | null;
  eligibleCaseTypes: string[];
  eligibleDirections: ('inbound' | 'outbound')[];
  eligibilityNote: string | null;
  costKind: CostKind;
  costNote: string | null;
  hours: DirectoryHours[];
  hoursNote: string | null;
  phones: DirectoryPhone[];
  contacts: DirectoryContact[];
  nationwide: boolean;
  /** Province, regency or district codes; empty when nationwide. */
  areaCodes: string[];
  requiredDocuments: RequiredDocument[];
  requiredDocumentsNote: string | null;
  capacityTotal: number | null;
  capacityFree: number | null;
  maxOpenReferrals: number | null;
  capacityUpdatedAt: Date | null;
  /** The provider's record before the directory opened (answers, acceptances, hours to answer). */
  referralsAnswered: number;
  referralsAccepted: number;
  responseHoursTotal: number;
  lastConfirmedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  locationIds: string[];
}

export interface GeneratedServiceAtLocation {
  id: string;
  serviceId: string;
  locationId: string;
  description: string | null;
}

export interface GeneratedDirectory {
  organizations: GeneratedOrganization[];
  locations: GeneratedLocation[];
  services: GeneratedService[];
  serviceAtLocations: GeneratedServiceAtLocation[];
}

export interface DirectoryOptions {
  /** How many services (exactly, unless the regencies run out of providers, which they do not below ~20,000). */
  services: number;
  seed?: number | string;
  /** The day the directory is observed on ('YYYY-MM-DD'): confirmation and change dates lie before it. */
  referenceDate?: string;
  /** Organisation names already taken (compared without case): such organisations are left out, with their services. */
  reservedNames?: Iterable<string>;
}

type TermCode =
  | 'shelter'
  | 'medical_care'
  | 'mental_health'
  | 'legal_aid'
  | 'restitution_protection'
  | 'identity_documents'
  | 'family_tracing'
  | 'transport_home'
  | 'cash_support'
  | 'vocational_training'
  | 'job_placement'
  | 'business_startup'
  | 'education'
  | 'community_support';

// ---------------------------------------------------------------------------------------------
// Places

const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s\-/(])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase());

export interface Place {
  provinceCode: string;
  provinceName: string;
  regencyCode: string;
  /** 'Kabupaten Brebes', 'Kota Surabaya'. */
  regencyName: string;
  /** 'Brebes', 'Surabaya'. */
  short: string;
  isCity: boolean;
}

export function provinceDisplayName(upper: string): string {
  return titleCase(upper).replace(/^Dki /, 'DKI ').replace(/^Di /, 'DI ');
}

/** Seat of each province's government (regency or city code). */
export const provinceCapitals: Record<string, string> = {
  '11': '11.71', '12': '12.71', '13': '13.71', '14': '14.71', '15': '15.71', '16': '16.71', '17': '17.71', '18': '18.71', '19': '19.71',
  '21': '21.72', '31': '31.71', '32': '32.73', '33': '33.74', '34': '34.71', '35': '35.78', '36': '36.73', '51': '51.71', '52': '52.71',
  '53': '53.71', '61': '61.71', '62': '62.71', '63': '63.72', '64': '64.72', '65': '65.01', '71': '71.71', '72': '72.71', '73': '73.71',
  '74': '74.71', '75': '75.71', '76': '76.02', '81': '81.71', '82': '82.72', '91': '91.71', '92': '92.02', '93': '93.01', '94': '94.01',
  '95': '95.01', '96': '96.71',
};

/** The main sending provinces, in order: they get balai, police, hospital, legal-aid and NGO offices first. */
export const mainProvinces = ['35', '33', '32', '52', '53', '18', '12', '61', '21', '73', '51', '36', '65'] as const;

/** Regional languages a local service is commonly given in, besides Indonesian. */
function regionalLanguages(place: Place): string[] {
  const p = place.provinceCode;
  const r = place.regencyCode;
  if (p === '35') {
    // Madura and the eastern "tapal kuda" regencies speak Madurese.
    if (['35.26', '35.27', '35.28', '35.29', '35.09', '35.11', '35.12', '35.13', '35.74'].includes(r)) return ['mad', 'jv'];
    return ['jv'];
  }
  if (p === '33' || p === '34') return ['jv'];
  if (p === '32') return ['su'];
  if (p === '36') return ['su', 'jv'];
  if (p === '52') return ['52.01', '52.02', '52.03', '52.08', '52.71'].includes(r) ? ['sas'] : [];
  if (p === '51') return ['ban'];
  if (p === '73' || p === '76' || p === '74') return ['bug'];
  if (p === '13') return ['min'];
  if (['21', '61', '65', '14'].includes(p)) return ['ms'];
  if (p === '18') return ['jv'];
  return [];
}

// ---------------------------------------------------------------------------------------------
// Hours

const officeHours = (rng: Rng): DirectoryHours[] =>
  rng.chance(0.6)
    ? [
        { days: [1, 2, 3, 4], opens: '07:30', closes: '16:00' },
        { days: [5], opens: '07:30', closes: '16:30' },
      ]
    : [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '16:00' }];
const allDay: DirectoryHours[] = [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '23:59' }];
const puskesmasHours: DirectoryHours[] = [
  { days: [1, 2, 3, 4], opens: '07:30', closes: '14:00' },
  { days: [5], opens: '07:30', closes: '11:00' },
  { days: [6], opens: '07:30', closes: '12:30' },
];
const ngoHours = (rng: Rng): DirectoryHours[] =>
  rng.chance(0.5)
    ? [
        { days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00' },
        { days: [6], opens: '09:00', closes: '13:00' },
      ]
    : [{ days: [1, 2, 3, 4, 5], opens: '08:30', closes: '16:30' }];
const bankHours: DirectoryHours[] = [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '15:00' }];
const trainingHours: DirectoryHours[] = [{ days: [1, 2, 3, 4, 5], opens: '07:30', closes: '15:30' }];

// ---------------------------------------------------------------------------------------------
// The builder: IDs, organisations, locations and services, stopping at the requested count

interface ServiceSpec {
  name: string;
  alternateName?: string;
  description: string;
  terms: TermCode[];
  languages: string[];
  sexes?: ('female' | 'male')[];
  minAge?: number;
  maxAge?: number;
  caseTypes?: string[];
  directions?: ('inbound' | 'outbound')[];
  eligibilityNote?: string;
  cost?: CostKind;
  costNote?: string;
  hours: DirectoryHours[];
  hoursNote?: string;
  phones: DirectoryPhone[];
  contacts?: DirectoryContact[];
  url?: string;
  email?: string;
  nationwide?: boolean;
  areaCodes?: string[];
  docs?: RequiredDocument[];
  docsNote?: string;
  /** Places (shelters, training): total, with a random number free. */
  places?: number;
  maxOpenReferrals?: number;
  locations: GeneratedLocation[];
  /** Fixed status; otherwise drawn (mostly active). */
  status?: ServiceStatus;
  /** Kind of provider, for the record of answers: government answers slower than NGOs. */
  pace?: 'slow' | 'fast';
}

const streets = [
  'Jl. Jenderal Sudirman', 'Jl. Ahmad Yani', 'Jl. Diponegoro', 'Jl. Gatot Subroto', 'Jl. Pahlawan', 'Jl. Merdeka', 'Jl. Veteran',
  'Jl. Imam Bonjol', 'Jl. Gajah Mada', 'Jl. Hayam Wuruk', 'Jl. Kartini', 'Jl. Pemuda', 'Jl. Cut Nyak Dien', 'Jl. Sisingamangaraja',
  'Jl. Raya', 'Jl. Pattimura', 'Jl. Dr. Soetomo', 'Jl. Letjen Suprapto', 'Jl. MT Haryono', 'Jl. KH Hasyim Asyari', 'Jl. Mawar',
  'Jl. Melati', 'Jl. Kenanga', 'Jl. Flamboyan', 'Jl. Cempaka', 'Jl. Anggrek', 'Jl. Pramuka', 'Jl. Pendidikan', 'Jl. Kesehatan',
  'Jl. Pasar Baru', 'Jl. Masjid Agung', 'Jl. Alun-Alun Utara', 'Jl. Stasiun', 'Jl. Terminal', 'Jl. Perintis Kemerdekaan',
];

const transportNotes = [
  'Dari terminal kota naik angkot jurusan pasar, turun di depan kantor.',
  'Sekitar 10 menit naik ojek dari alun-alun.',
  'Dekat alun-alun; bisa ditempuh dengan angkutan kota.',
  'Dari stasiun kereta naik becak atau ojek sekitar 15 menit.',
  'Di jalan utama, halte bus tepat di depan gedung.',
  'Masuk gang di samping masjid, papan nama terlihat dari jalan.',
];
const accessibilityNotes = [
  'Pintu masuk tanpa tangga dan toilet untuk kursi roda.',
  'Ruang layanan di lantai dasar; tersedia kursi roda.',
  'Ada ramp di pintu depan; ruang konseling di lantai dasar.',
];

class Builder {
  readonly out: GeneratedDirectory = { organizations: [], locations: [], services: [], serviceAtLocations: [] };
  private readonly taken = new Set<string>();
  private readonly orgByKey = new Map<string, GeneratedOrganization>();
  private readonly ids: Rng;
  private readonly ref: number;

  constructor(
    readonly rng: Rng,
    seed: number | string,
    readonly data: AreaData,
    readonly target: number,
    referenceDate: string,
    reserved: Iterable<string>,
  ) {
    this.ids = Rng.derive(seed, 'directory-ids');
    this.ref = Date.parse(`${referenceDate}T00:00:00Z`);
    for (const n of reserved) this.taken.add(n.toLowerCase());
  }

  full() {
    return this.out.services.length >= this.target;
  }

  uuid(): string {
    const h = Array.from({ length: 4 }, () => this.ids.uint32().toString(16).padStart(8, '0')).join('');
    // Version 4, RFC 4122 variant.
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  place(regencyCode: string): Place {
    const provinceCode = regencyCode.slice(0, 2);
    const upper = this.data.regencies.get(regencyCode);
    if (!upper) throw new Error(`unknown regency ${regencyCode}`);
    const regencyName = titleCase(upper);
    return {
      provinceCode,
      provinceName: provinceDisplayName(this.data.provinces.get(provinceCode)!),
      regencyCode,
      regencyName,
      short: regencyName.replace(/^(Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota) /, ''),
      isCity: regencyName.startsWith('Kota'),
    };
  }

  capital(provinceCode: string): Place {
    return this.place(provinceCapitals[provinceCode]!);
  }

  org(key: string): GeneratedOrganization | undefined {
    return this.orgByKey.get(key);
  }

  nameFree(name: string) {
    return !this.taken.has(name.toLowerCase());
  }

  /** Adds an organisation; null when its name is taken (reserved or already generated). */
  addOrg(o: Omit<GeneratedOrganization, 'id' | 'parentId' | 'phone'> & { parentId?: string | null; phone?: string | null }): GeneratedOrganization | null {
    if (!this.nameFree(o.name) || this.orgByKey.has(o.key)) return null;
    this.taken.add(o.name.toLowerCase());
    const row: GeneratedOrganization = { id: this.uuid(), parentId: null, phone: null, ...o };
    this.out.organizations.push(row);
    this.orgByKey.set(o.key, row);
    return row;
  }

  private readonly districtCache = new Map<string, Map<string, Village[]>>();

  /** The villages of a regency by district (grouped once per regency). */
  districtsOf(regencyCode: string): Map<string, Village[]> {
    let map = this.districtCache.get(regencyCode);
    if (!map) {
      map = new Map();
      for (const v of this.data.villagesByRegency.get(regencyCode) ?? []) {
        const list = map.get(v.districtCode);
        if (list) list.push(v);
        else map.set(v.districtCode, [v]);
      }
      this.districtCache.set(regencyCode, map);
    }
    return map;
  }

  village(place: Place, districtCode?: string): Village {
    const pool = districtCode ? this.districtsOf(place.regencyCode).get(districtCode) : undefined;
    return this.rng.pick(pool?.length ? pool : (this.data.villagesByRegency.get(place.regencyCode) ?? []));
  }

  coordinates(place: Place, spread = 0.04): [number, number] {
    const seat = regencySeats[place.regencyCode];
    const [lat0, lng0, s] = seat ? [seat[0], seat[1], spread] : provinceCentres[place.provinceCode]!;
    const lat = lat0 + (this.rng.next() * 2 - 1) * s;
    const lng = lng0 + (this.rng.next() * 2 - 1) * s;
    const b = indonesiaBounds;
    return [
      Math.round(Math.min(b.maxLat, Math.max(b.minLat, lat)) * 1e5) / 1e5,
      Math.round(Math.min(b.maxLng, Math.max(b.minLng, lng)) * 1e5) / 1e5,
    ];
  }

  postalCode(place: Place): string | null {
    if (this.rng.chance(0.15)) return null;
    const prefixes = postalPrefixes[place.provinceCode] ?? ['99'];
    return `${this.rng.pick(prefixes)}${String(this.rng.int(111, 999))}`;
  }

  addLocation(org: GeneratedOrganization, place: Place, name: string, opts: { village?: Village; description?: string; address?: string } = {}): GeneratedLocation {
    const village = opts.village ?? this.village(place);
    const [latitude, longitude] = this.coordinates(place);
    const loc: GeneratedLocation = {
      id: this.uuid(),
      organizationId: org.id,
      name,
      description: opts.description ?? null,
      address: opts.address ?? `${this.rng.pick(streets)} No. ${this.rng.int(1, 250)}`,
      areaCode: village.code,
      postalCode: this.postalCode(place),
      latitude,
      longitude,
      transportation: this.rng.chance(0.55) ? this.rng.pick(transportNotes) : null,
      accessibility: this.rng.chance(0.35) ? this.rng.pick(accessibilityNotes) : null,
    };
    this.out.locations.push(loc);
    return loc;
  }

  landline(place: Place): string {
    const area = regencyAreaCodes[place.regencyCode] ?? provinceAreaCodes[place.provinceCode] ?? '21';
    const digits = area.length === 2 ? 8 : 7;
    let n = String(this.rng.int(2, 8));
    for (let i = 1; i < digits; i++) n += this.rng.int(0, 9);
    return `+62${area}${n}`;
  }

  mobile(): string {
    return indonesianMobile(this.rng);
  }

  tollFree(): string {
    let n = '';
    for (let i = 0; i < 6; i++) n += this.rng.int(0, 9);
    return `+628001${n}`;
  }

  officePhones(place: Place, whatsapp = 0.6): DirectoryPhone[] {
    const phones: DirectoryPhone[] = [{ number: this.landline(place), kind: 'voice', description: this.rng.chance(0.3) ? 'Kantor' : null }];
    if (this.rng.chance(whatsapp)) phones.push({ number: this.mobile(), kind: 'whatsapp', description: this.rng.pick(['Pengaduan dan janji temu', 'Hanya pesan', 'Pendaftaran', null]) });
    return phones;
  }

  hotlinePhones(): DirectoryPhone[] {
    return [
      { number: this.tollFree(), kind: 'hotline', description: 'Bebas pulsa, 24 jam' },
      { number: this.mobile(), kind: 'whatsapp', description: 'WhatsApp, 24 jam' },
    ];
  }

  /** 0–2 invented contact people of a service. */
  contacts(place: Place | null, domain: string | null, titles: readonly string[]): DirectoryContact[] {
    const n = this.rng.weighted([[0, 3], [1, 5], [2, 2]] as const);
    const out: DirectoryContact[] = [];
    for (let i = 0; i < n; i++) {
      const group = groupOf(this.rng, place?.provinceCode ?? '31');
      const sex = this.rng.chance(0.6) ? 'female' : 'male';
      const name = makeName(this.rng, group, sex, this.rng.int(28, 58));
      const local = name
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z ]/g, '')
        .trim()
        .split(/\s+/)
        .slice(0, 2)
        .join('.');
      out.push({
        name,
        title: this.rng.pick(titles),
        email: domain && this.rng.chance(0.5) ? `${local}@${domain}` : null,
        phone: this.rng.chance(0.6) ? this.mobile() : null,
      });
    }
    return out;
  }

  private status(): ServiceStatus {
    return this.rng.weighted([['active', 93], ['temporarily closed', 3], ['inactive', 2], ['defunct', 2]] as const);
  }

  private at(daysBefore: number): Date {
    // Working hours in Indonesia (00:00–09:00 UTC), at a whole second.
    return new Date(this.ref - daysBefore * 86_400_000 + this.rng.int(0, 9 * 3600) * 1000);
  }

  addService(org: GeneratedOrganization, s: ServiceSpec): GeneratedService | null {
    if (this.full()) return null;
    const rng = this.rng;
    const status = s.status ?? this.status();
    const createdDays = rng.int(60, 900);
    const confirmedDays = Math.min(createdDays, rng.weighted([[rng.int(0, 60), 60], [rng.int(61, 180), 25], [rng.int(181, 500), 15]] as const));
    const createdAt = this.at(createdDays);
    const lastConfirmedAt = new Date(Math.max(createdAt.getTime(), this.at(confirmedDays).getTime()));
    const places = s.places ?? null;
    // Confirming is a write, and so is a capacity update: the record changed at the later of both.
    const capacityUpdatedAt = places !== null || s.maxOpenReferrals ? new Date(Math.max(lastConfirmedAt.getTime(), this.at(rng.int(0, 20)).getTime())) : null;
    const updatedAt = capacityUpdatedAt ?? lastConfirmedAt;
    let answered = 0;
    let accepted = 0;
    let hours = 0;
    if (rng.chance(0.7)) {
      answered = rng.int(3, 150);
      accepted = Math.round(answered * rng.normal(0.75, 0.15, 0.2, 1));
      hours = Math.round(answered * rng.normal(s.pace === 'fast' ? 14 : 40, s.pace === 'fast' ? 8 : 20, 1, 120) * 10) / 10;
    }
    const row: GeneratedService = {
      id: this.uuid(),
      organizationId: org.id,
      name: s.name,
      alternateName: s.alternateName ?? null,
      description: s.description,
      url: s.url ?? null,
      email: s.email ?? null,
      status,
      termCodes: [...s.terms],
      termIds: s.terms.map((c) => termByCode.get(c)!.id),
      languages: [...new Set(s.languages)],
      eligibleSexes: s.sexes ?? [],
      minAge: s.minAge ?? null,
      maxAge: s.maxAge ?? null,
      eligibleCaseTypes: s.caseTypes ?? [],
      eligibleDirections: s.directions ?? [],
      eligibilityNote: s.eligibilityNote ?? null,
      costKind: s.cost ?? 'free',
      costNote: s.costNote ?? null,
      hours: s.hours,
      hoursNote: status === 'temporarily closed' ? 'Tutup sementara selama renovasi gedung; hubungi nomor telepon untuk layanan darurat.' : (s.hoursNote ?? null),
      phones: s.phones,
      contacts: s.contacts ?? [],
      nationwide: !!s.nationwide,
      areaCodes: s.nationwide ? [] : [...new Set(s.areaCodes ?? [])],
      requiredDocuments: s.docs ?? [],
      requiredDocumentsNote: s.docsNote ?? null,
      capacityTotal: places,
      capacityFree: places === null ? null : rng.int(0, places),
      maxOpenReferrals: s.maxOpenReferrals ?? null,
      capacityUpdatedAt,
      referralsAnswered: answered,
      referralsAccepted: accepted,
      responseHoursTotal: hours,
      lastConfirmedAt,
      createdAt,
      updatedAt,
      locationIds: s.locations.map((l) => l.id),
    };
    this.out.services.push(row);
    for (const l of s.locations) this.out.serviceAtLocations.push({ id: this.uuid(), serviceId: row.id, locationId: l.id, description: null });
    return row;
  }

  /** Drops locations no service uses (a unit cut short by the requested count). */
  finish(): GeneratedDirectory {
    const used = new Set(this.out.serviceAtLocations.map((x) => x.locationId));
    const orgsWithServices = new Set(this.out.services.map((s) => s.organizationId));
    // Parents stay: a BP3MI names its ministry.
    for (const o of this.out.organizations) if (o.parentId && orgsWithServices.has(o.id)) orgsWithServices.add(o.parentId);
    this.out.locations = this.out.locations.filter((l) => used.has(l.id));
    this.out.organizations = this.out.organizations.filter((o) => orgsWithServices.has(o.id));
    return this.out;
  }
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const govTitles = ['Kepala Seksi Rehabilitasi Sosial', 'Pekerja Sosial', 'Koordinator Layanan', 'Petugas Pengaduan', 'Kepala Bidang', 'Analis Kebijakan'];
const ngoTitles = ['Koordinator Program', 'Pendamping Korban', 'Paralegal', 'Konselor', 'Direktur', 'Manajer Kasus'];
const healthTitles = ['Dokter Penanggung Jawab', 'Koordinator PPT', 'Perawat', 'Psikolog Klinis', 'Bidan Koordinator'];
const trainingTitles = ['Kepala Balai', 'Instruktur', 'Koordinator Pendaftaran', 'Petugas Antarkerja'];

// ---------------------------------------------------------------------------------------------
// National ministries and agencies: nationwide services, offices in Jakarta and some units in the regions

function national(b: Builder) {
  const rng = b.rng;
  const jakarta = (code: string) => b.place(code);
  const nat = (key: string, name: string, acronym: string | null, website: string, description: string, type: GeneratedOrganization['type'] = 'ministry') =>
    b.addOrg({ key, name, acronym, type, level: 'national', areaCode: '31', website, email: `informasi@${key}.example`, description, phone: b.landline(jakarta('31.71')) });
  const base = ['id', 'en'];

  // Kementerian Sosial
  const kemensos = nat(
    'kemensos',
    'Kementerian Sosial Republik Indonesia',
    'Kemensos',
    'https://kemensos.go.id',
    'Menyelenggarakan rehabilitasi, perlindungan dan jaminan sosial, termasuk pemulihan dan pemulangan korban perdagangan orang dan pekerja migran bermasalah sosial, melalui sentra di berbagai daerah.',
  );
  if (kemensos) {
    const hq = b.addLocation(kemensos, jakarta('31.71'), 'Kantor Pusat Kementerian Sosial');
    b.addService(kemensos, {
      name: 'Asistensi Rehabilitasi Sosial (ATENSI) bagi Korban Perdagangan Orang',
      alternateName: 'ATENSI KPO',
      description:
        'Rehabilitasi sosial berbasis keluarga dan masyarakat bagi korban perdagangan orang: dukungan psikososial, pemenuhan kebutuhan dasar, terapi, dan pendampingan sampai korban kembali ke keluarga. Permohonan melalui Dinas Sosial kabupaten/kota atau langsung ke sentra terdekat.',
      terms: ['mental_health', 'cash_support', 'family_tracing'],
      languages: base,
      caseTypes: ['victim_of_trafficking', 'presumed_victim'],
      hours: officeHours(rng),
      phones: b.officePhones(jakarta('31.71')),
      contacts: b.contacts(null, 'kemensos.example', govTitles),
      nationwide: true,
      docs: ['referral_letter', 'ktp'],
      docsNote: 'Korban tanpa KTP tetap dilayani; dokumen diurus bersama Dinas Dukcapil.',
      locations: [hq],
      status: 'active',
    });
    b.addService(kemensos, {
      name: 'Command Center Kemensos 171',
      description:
        'Pengaduan dan permintaan bantuan sosial 24 jam lewat telepon dan WhatsApp. Petugas menghubungkan penelepon dengan sentra, balai atau dinas sosial terdekat untuk tempat aman, dukungan psikososial dan bantuan darurat.',
      terms: ['shelter', 'mental_health', 'cash_support'],
      languages: base,
      hours: allDay,
      phones: b.hotlinePhones(),
      nationwide: true,
      locations: [],
      status: 'active',
      pace: 'fast',
    });
    b.addService(kemensos, {
      name: 'Pemulangan Pekerja Migran Bermasalah Sosial dari Debarkasi',
      description:
        'Penjemputan di bandara, pelabuhan dan pos lintas batas, tempat singgah sementara, uang saku, dan pengantaran sampai ke daerah asal bersama Dinas Sosial provinsi dan kabupaten/kota.',
      terms: ['transport_home', 'family_tracing', 'cash_support'],
      languages: base,
      directions: ['inbound'],
      hours: allDay,
      hoursNote: 'Penjemputan sesuai jadwal kedatangan; kantor buka pada jam kerja.',
      phones: b.officePhones(jakarta('31.71')),
      contacts: b.contacts(null, 'kemensos.example', govTitles),
      nationwide: true,
      docs: ['passport', 'splp'],
      docsNote: 'Bila paspor hilang, cukup surat keterangan dari perwakilan RI atau kepolisian.',
      locations: [hq],
      status: 'active',
    });
    const sentras: [string, string, ServiceSpec['terms'], Partial<ServiceSpec>, string[] | null, string][] = [
      ['31.75', 'Sentra Mulya Jaya', ['shelter', 'mental_health', 'vocational_training'], { sexes: ['female'], minAge: 18, places: 60 }, null, 'Rumah perlindungan dan rehabilitasi sosial bagi perempuan dewasa korban perdagangan orang dan eksploitasi seksual: tempat tinggal aman, konseling, pemeriksaan kesehatan, pelatihan keterampilan dan persiapan kembali ke keluarga.'],
      ['31.75', 'Sentra Handayani', ['shelter', 'mental_health', 'education'], { maxAge: 17, places: 40 }, null, 'Rumah aman dan rehabilitasi sosial bagi anak korban perdagangan orang, eksploitasi dan kekerasan: pengasuhan, konseling, sekolah dan pendampingan sampai anak kembali ke keluarga atau pengasuhan pengganti.'],
      ['52.71', 'Sentra Paramita', ['shelter', 'mental_health', 'family_tracing'], { places: 50 }, ['51', '52', '53'], 'Rehabilitasi sosial dan tempat tinggal sementara bagi korban perdagangan orang dan pekerja migran bermasalah dari Bali dan Nusa Tenggara, dengan penelusuran dan mediasi keluarga sebelum pulang.'],
      ['53.01', 'Sentra Naibonat', ['shelter', 'vocational_training', 'community_support'], { places: 45 }, ['53'], 'Tempat tinggal sementara, pelatihan keterampilan dan pendampingan masyarakat bagi korban perdagangan orang dan pekerja migran yang pulang ke Nusa Tenggara Timur.'],
      ['73.71', 'Sentra Wirajaya', ['shelter', 'mental_health'], { places: 40 }, ['71', '72', '73', '74', '75', '76'], 'Rehabilitasi sosial dan tempat tinggal sementara bagi korban perdagangan orang dari Sulawesi, dengan konseling dan persiapan kepulangan.'],
      ['21.72', 'Rumah Perlindungan Trauma Center (RPTC) Tanjungpinang', ['shelter', 'transport_home', 'medical_care'], { places: 150, directions: ['inbound'] }, ['21'], 'Tempat singgah bagi pekerja migran yang dideportasi dari Malaysia lewat Tanjungpinang dan Batam: penampungan, pemeriksaan kesehatan, pendataan dan pemulangan ke daerah asal.'],
    ];
    for (const [code, unit, terms, extra, areas, description] of sentras) {
      const place = b.place(code);
      const loc = b.addLocation(kemensos, place, unit, { description: `Unit pelaksana teknis Kementerian Sosial di ${place.short}.` });
      b.addService(kemensos, {
        name: `Rehabilitasi Sosial dan Rumah Perlindungan – ${unit}`,
        description,
        terms,
        languages: ['id', ...regionalLanguages(place)],
        hours: allDay,
        hoursNote: 'Penerimaan klien 24 jam; kunjungan keluarga Senin–Jumat 09.00–15.00.',
        phones: b.officePhones(place, 0.9),
        contacts: b.contacts(place, 'kemensos.example', govTitles),
        nationwide: !areas,
        areaCodes: areas ?? [],
        docs: ['referral_letter'],
        docsNote: 'Rujukan dari dinas sosial, UPTD PPA, kepolisian atau lembaga pendamping.',
        locations: [loc],
        status: 'active',
        ...extra,
      });
    }
  }

  // Kementerian PPPA
  const kemenpppa = nat(
    'kemenpppa',
    'Kementerian Pemberdayaan Perempuan dan Perlindungan Anak',
    'KemenPPPA',
    'https://kemenpppa.go.id',
    'Kementerian yang melindungi perempuan dan anak dari kekerasan, termasuk perdagangan orang, dan mengoordinasikan UPTD PPA di provinsi dan kabupaten/kota.',
  );
  if (kemenpppa) {
    const hq = b.addLocation(kemenpppa, jakarta('31.71'), 'Kantor KemenPPPA');
    b.addService(kemenpppa, {
      name: 'Layanan SAPA 129 (Sahabat Perempuan dan Anak)',
      alternateName: 'SAPA 129',
      description:
        'Pengaduan kekerasan terhadap perempuan dan anak, termasuk perdagangan orang, lewat telepon dan WhatsApp. Pengaduan diteruskan ke UPTD PPA setempat untuk penjangkauan, tempat aman dan pendampingan.',
      terms: ['legal_aid', 'mental_health', 'shelter'],
      languages: ['id'],
      hours: allDay,
      phones: b.hotlinePhones(),
      nationwide: true,
      locations: [],
      status: 'active',
      pace: 'fast',
    });
    b.addService(kemenpppa, {
      name: 'Layanan Rujukan Akhir bagi Perempuan dan Anak Korban Kekerasan',
      description:
        'Penanganan kasus perempuan dan anak korban kekerasan dan perdagangan orang yang memerlukan koordinasi lintas provinsi atau lintas negara: pendampingan hukum, konseling dan tempat aman.',
      terms: ['legal_aid', 'mental_health', 'shelter'],
      languages: base,
      eligibilityNote: 'Dirujuk oleh UPTD PPA provinsi atau kabupaten/kota.',
      hours: officeHours(rng),
      phones: b.officePhones(jakarta('31.71')),
      contacts: b.contacts(null, 'kemenpppa.example', govTitles),
      nationwide: true,
      docs: ['referral_letter'],
      locations: [hq],
      status: 'active',
    });
  }

  // Kementerian Ketenagakerjaan
  const kemnaker = nat(
    'kemnaker',
    'Kementerian Ketenagakerjaan Republik Indonesia',
    'Kemnaker',
    'https://kemnaker.go.id',
    'Kementerian yang menyelenggarakan pelatihan vokasi, penempatan kerja dan pengawasan ketenagakerjaan, dengan balai besar pelatihan vokasi di berbagai provinsi.',
  );
  if (kemnaker) {
    const hq = b.addLocation(kemnaker, jakarta('31.74'), 'Kantor Kementerian Ketenagakerjaan');
    b.addService(kemnaker, {
      name: 'Bursa Kerja Daring SIAPkerja',
      description: 'Informasi lowongan kerja dalam dan luar negeri, pencocokan kerja dan pendaftaran pelatihan secara daring, bisa dibuka dari ponsel.',
      terms: ['job_placement'],
      languages: ['id'],
      url: 'https://siapkerja.kemnaker.go.id',
      hours: allDay,
      hoursNote: 'Daring 24 jam; layanan bantuan pada jam kerja.',
      phones: [{ number: b.landline(jakarta('31.74')), kind: 'voice', description: 'Layanan bantuan' }],
      nationwide: true,
      minAge: 18,
      locations: [],
      status: 'active',
    });
    b.addService(kemnaker, {
      name: 'Pengaduan Ketenagakerjaan dan Pekerja Migran',
      description: 'Pengaduan pelanggaran hak pekerja, termasuk pekerja migran yang gajinya tidak dibayar, dokumennya ditahan atau ditempatkan tidak sesuai perjanjian kerja.',
      terms: ['legal_aid'],
      languages: base,
      hours: officeHours(rng),
      phones: b.officePhones(jakarta('31.74')),
      contacts: b.contacts(null, 'kemnaker.example', govTitles),
      nationwide: true,
      docs: ['ktp'],
      locations: [hq],
      status: 'active',
    });
    for (const [code, city] of [['32.75', 'Bekasi'], ['36.04', 'Serang'], ['33.74', 'Semarang'], ['12.71', 'Medan'], ['73.71', 'Makassar'], ['32.73', 'Bandung']] as const) {
      const place = b.place(code);
      const loc = b.addLocation(kemnaker, place, `Balai Besar Pelatihan Vokasi dan Produktivitas (BBPVP) ${city}`);
      b.addService(kemnaker, {
        name: `Pelatihan Vokasi di BBPVP ${city}`,
        description: `Pelatihan berbasis kompetensi tanpa biaya di ${city} (${rng.sample(['las', 'otomotif', 'listrik', 'teknologi informasi', 'garmen', 'tata boga', 'refrigerasi', 'bahasa Jepang'], 4).join(', ')}), dengan asrama, uji sertifikasi kompetensi dan penyaluran ke industri.`,
        terms: ['vocational_training', 'job_placement'],
        languages: ['id', ...regionalLanguages(place)],
        minAge: 17,
        hours: trainingHours,
        hoursNote: 'Pendaftaran dibuka beberapa kali setahun; jadwal angkatan diumumkan di SIAPkerja.',
        phones: b.officePhones(place),
        contacts: b.contacts(place, 'kemnaker.example', trainingTitles),
        nationwide: true,
        docs: ['ktp', 'photo'],
        places: rng.int(6, 15) * 16,
        locations: [loc],
        status: 'active',
      });
    }
  }

  // Kementerian Pelindungan Pekerja Migran Indonesia (formerly BP2MI)
  const kp2mi = nat(
    'kp2mi',
    'Kementerian Pelindungan Pekerja Migran Indonesia',
    'KP2MI',
    'https://bp2mi.go.id',
    'Kementerian yang melindungi pekerja migran Indonesia dan keluarganya sebelum, selama dan sesudah bekerja (sebelumnya BP2MI), dengan balai pelayanan (BP3MI) di provinsi.',
  );
  if (kp2mi) {
    const hq = b.addLocation(kp2mi, jakarta('31.74'), 'Kantor Pusat KP2MI');
    const airport = b.addLocation(kp2mi, b.place('36.71'), 'Pos Pelayanan Kepulangan PMI Bandara Soekarno-Hatta', {
      address: 'Terminal 3 Kedatangan Internasional, Bandara Soekarno-Hatta',
      description: 'Di area kedatangan internasional.',
    });
    b.addService(kp2mi, {
      name: 'Crisis Center Pelindungan Pekerja Migran Indonesia',
      description:
        'Pengaduan 24 jam bagi pekerja migran dan keluarganya: kasus gaji, penahanan dokumen, hilang kontak, sakit atau meninggal di luar negeri, dan permintaan pemulangan. Kasus diteruskan ke perwakilan RI dan BP3MI daerah asal.',
      terms: ['legal_aid', 'transport_home', 'family_tracing'],
      languages: ['id', 'en', 'ms'],
      directions: ['inbound'],
      hours: allDay,
      phones: b.hotlinePhones(),
      contacts: b.contacts(null, 'kp2mi.example', govTitles),
      nationwide: true,
      locations: [hq],
      status: 'active',
      pace: 'fast',
    });
    b.addService(kp2mi, {
      name: 'Fasilitasi Kepulangan PMI Bermasalah di Bandara Soekarno-Hatta',
      description:
        'Penyambutan pekerja migran yang pulang bermasalah, sakit atau korban perdagangan orang di bandara: pemeriksaan kesehatan awal, pendataan, tempat singgah dan pengantaran ke daerah asal.',
      terms: ['transport_home', 'medical_care'],
      languages: ['id', 'en', 'ms', 'ar', 'zh'],
      directions: ['inbound'],
      hours: allDay,
      phones: b.officePhones(b.place('36.71'), 1),
      contacts: b.contacts(b.place('36.71'), 'kp2mi.example', govTitles),
      nationwide: true,
      docs: ['passport', 'splp'],
      locations: [airport],
      status: 'active',
      pace: 'fast',
    });
    b.addService(kp2mi, {
      name: 'Pemberdayaan Ekonomi Purna Pekerja Migran dan Keluarganya',
      description: 'Pelatihan kewirausahaan, pendampingan usaha dan akses permodalan bagi pekerja migran yang sudah pulang dan keluarganya, bekerja sama dengan bank penyalur KUR.',
      terms: ['business_startup', 'vocational_training'],
      languages: ['id'],
      directions: ['inbound'],
      hours: officeHours(rng),
      phones: b.officePhones(jakarta('31.74')),
      nationwide: true,
      docs: ['ktp', 'passport'],
      docsNote: 'Paspor atau dokumen lain yang menunjukkan pernah bekerja di luar negeri.',
      locations: [hq],
      status: 'active',
    });
  }

  // LPSK
  const lpsk = nat(
    'lpsk',
    'Lembaga Perlindungan Saksi dan Korban',
    'LPSK',
    'https://lpsk.go.id',
    'Lembaga negara yang memberikan perlindungan dan bantuan kepada saksi dan korban tindak pidana, termasuk fasilitasi restitusi bagi korban perdagangan orang.',
  );
  if (lpsk) {
    const hq = b.addLocation(lpsk, jakarta('31.75'), 'Kantor LPSK');
    const common = {
      languages: base,
      hours: officeHours(rng),
      phones: [...b.officePhones(jakarta('31.75')), { number: b.mobile(), kind: 'whatsapp' as const, description: 'Permohonan perlindungan' }],
      nationwide: true,
      locations: [hq],
      status: 'active' as const,
    };
    b.addService(lpsk, {
      ...common,
      name: 'Permohonan Perlindungan Saksi dan Korban',
      description:
        'Perlindungan fisik, pendampingan selama pemeriksaan dan sidang, rumah aman dan penggantian biaya hidup sementara bagi saksi dan korban yang terancam karena kesaksiannya.',
      terms: ['restitution_protection'],
      caseTypes: ['victim_of_trafficking', 'presumed_victim'],
      contacts: b.contacts(null, 'lpsk.example', govTitles),
      docs: ['ktp', 'police_report'],
      docsNote: 'Surat tanda terima laporan polisi atau keterangan dari penyidik; bila belum melapor, LPSK membantu.',
    });
    b.addService(lpsk, {
      ...common,
      name: 'Fasilitasi Restitusi bagi Korban Tindak Pidana Perdagangan Orang',
      description: 'Penghitungan kerugian korban dan pengajuan restitusi kepada penuntut umum dan pengadilan, serta pendampingan sampai restitusi dibayar.',
      terms: ['restitution_protection', 'legal_aid'],
      caseTypes: ['victim_of_trafficking', 'presumed_victim'],
      docs: ['ktp', 'police_report'],
    });
    b.addService(lpsk, {
      ...common,
      name: 'Bantuan Medis dan Rehabilitasi Psikologis bagi Korban',
      description: 'Biaya pengobatan dan rehabilitasi psikologis bagi korban tindak pidana yang dilindungi LPSK, di rumah sakit dan dengan psikolog mitra di daerah korban.',
      terms: ['medical_care', 'mental_health'],
      docs: ['ktp', 'medical_certificate'],
    });
  }

  // Polri
  const bareskrim = nat(
    'bareskrim-ppa',
    'Direktorat Tindak Pidana PPA dan PPO Bareskrim Polri',
    'Dittipid PPA-PPO',
    'https://polri.go.id',
    'Direktorat Badan Reserse Kriminal Polri yang menangani tindak pidana terhadap perempuan dan anak serta perdagangan orang dan penyelundupan manusia.',
  );
  if (bareskrim) {
    const hq = b.addLocation(bareskrim, jakarta('31.74'), 'Gedung Bareskrim Polri');
    b.addService(bareskrim, {
      name: 'Pengaduan dan Pelaporan Tindak Pidana Perdagangan Orang',
      description:
        'Menerima laporan perdagangan orang, termasuk jaringan lintas negara dan penipuan kerja daring. Korban diperiksa oleh penyidik perempuan dan dapat meminta pendamping dari UPTD PPA, LBH atau LPSK.',
      terms: ['legal_aid'],
      languages: base,
      hours: allDay,
      phones: b.hotlinePhones(),
      contacts: b.contacts(null, 'bareskrim.example', ['Penyidik', 'Kepala Unit', 'Petugas SPKT']),
      nationwide: true,
      locations: [hq],
      status: 'active',
    });
  }

  // Kementerian Luar Negeri
  const kemlu = nat(
    'kemlu',
    'Kementerian Luar Negeri Republik Indonesia',
    'Kemlu',
    'https://kemlu.go.id',
    'Melindungi warga negara Indonesia di luar negeri melalui Direktorat Pelindungan WNI dan perwakilan RI.',
  );
  if (kemlu)
    b.addService(kemlu, {
      name: 'Pelindungan WNI di Luar Negeri (Peduli WNI)',
      description:
        'Pengaduan keluarga yang kehilangan kontak dengan anggota keluarga di luar negeri, bantuan hukum dan kekonsuleran, dan pemulangan WNI bermasalah melalui KBRI dan KJRI.',
      terms: ['family_tracing', 'transport_home', 'legal_aid'],
      languages: base,
      directions: ['inbound'],
      url: 'https://peduliwni.kemlu.go.id',
      hours: allDay,
      hoursNote: 'Pengaduan daring 24 jam; kantor di Jakarta buka pada jam kerja.',
      phones: [{ number: b.landline(jakarta('31.71')), kind: 'voice', description: 'Direktorat Pelindungan WNI' }, { number: b.mobile(), kind: 'whatsapp', description: null }],
      nationwide: true,
      docs: ['ktp', 'family_card'],
      docsNote: 'Data anggota keluarga yang dicari: nama, nomor paspor bila ada, negara dan alamat terakhir.',
      locations: [b.addLocation(kemlu, jakarta('31.71'), 'Kantor Kementerian Luar Negeri')],
      status: 'active',
    });

  // Kemendagri: civil registry
  const dukcapil = nat(
    'dukcapil',
    'Direktorat Jenderal Kependudukan dan Pencatatan Sipil',
    'Ditjen Dukcapil',
    'https://dukcapil.kemendagri.go.id',
    'Direktorat Jenderal Kementerian Dalam Negeri yang membina administrasi kependudukan dan dinas kependudukan dan pencatatan sipil di daerah.',
  );
  if (dukcapil)
    b.addService(dukcapil, {
      name: 'Dokumen Kependudukan bagi Korban dan Pekerja Migran yang Pulang',
      description:
        'Penerbitan ulang KTP-el, Kartu Keluarga dan akta kelahiran bagi korban perdagangan orang dan pekerja migran yang dokumennya hilang atau ditahan, termasuk yang belum pernah tercatat, bersama dinas dukcapil daerah asal.',
      terms: ['identity_documents'],
      languages: ['id'],
      directions: ['inbound'],
      hours: officeHours(rng),
      phones: b.officePhones(jakarta('31.74')),
      nationwide: true,
      docs: ['village_letter'],
      docsNote: 'Surat keterangan dari desa atau kelurahan; dokumen lain bila ada.',
      locations: [b.addLocation(dukcapil, jakarta('31.74'), 'Kantor Ditjen Dukcapil')],
      status: 'active',
    });

  // Imigrasi: foreign nationals going home
  const imigrasi = nat('imigrasi', 'Direktorat Jenderal Imigrasi', 'Ditjen Imigrasi', 'https://imigrasi.go.id', 'Direktorat Jenderal Kementerian Imigrasi dan Pemasyarakatan yang mengurus paspor, izin tinggal dan pemulangan warga negara asing.');
  if (imigrasi)
    b.addService(imigrasi, {
      name: 'Pemulangan Warga Negara Asing Korban Perdagangan Orang',
      description:
        'Pengurusan dokumen perjalanan dan izin tinggal sementara, koordinasi dengan kedutaan negara asal, dan pemulangan warga negara asing yang menjadi korban perdagangan orang di Indonesia, dengan penerjemah bila diperlukan.',
      terms: ['transport_home', 'identity_documents'],
      languages: ['id', 'en'],
      directions: ['outbound'],
      hours: officeHours(rng),
      phones: b.officePhones(jakarta('31.74')),
      nationwide: true,
      locations: [b.addLocation(imigrasi, jakarta('31.74'), 'Kantor Ditjen Imigrasi')],
      status: 'active',
    });

  // Kementerian Kesehatan
  const kemenkes = nat('kemenkes', 'Kementerian Kesehatan Republik Indonesia', 'Kemenkes', 'https://kemkes.go.id', 'Kementerian yang membina layanan kesehatan, termasuk puskesmas, rumah sakit dan layanan kesehatan jiwa.');
  if (kemenkes)
    b.addService(kemenkes, {
      name: 'Layanan Konseling Kesehatan Jiwa (SEJIWA)',
      description: 'Konseling psikologis awal lewat telepon oleh psikolog dan relawan terlatih, dengan rujukan ke puskesmas atau rumah sakit terdekat bila perlu.',
      terms: ['mental_health'],
      languages: ['id'],
      hours: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '08:00', closes: '22:00' }],
      phones: b.hotlinePhones().slice(0, 1),
      nationwide: true,
      locations: [],
      status: 'active',
      pace: 'fast',
    });

  // Komnas Perempuan and KPAI
  const komnas = nat('komnas-perempuan', 'Komisi Nasional Anti Kekerasan terhadap Perempuan', 'Komnas Perempuan', 'https://komnasperempuan.go.id', 'Lembaga nasional hak asasi manusia untuk penghapusan kekerasan terhadap perempuan.');
  if (komnas)
    b.addService(komnas, {
      name: 'Unit Pengaduan untuk Rujukan',
      description: 'Menerima pengaduan perempuan korban kekerasan, termasuk perempuan pekerja migran, dan merujuknya ke lembaga layanan terdekat di daerah korban.',
      terms: ['legal_aid', 'mental_health'],
      languages: ['id'],
      sexes: ['female'],
      hours: officeHours(rng),
      phones: b.officePhones(jakarta('31.71')),
      nationwide: true,
      locations: [b.addLocation(komnas, jakarta('31.71'), 'Kantor Komnas Perempuan')],
      status: 'active',
    });
  const kpai = nat('kpai', 'Komisi Perlindungan Anak Indonesia', 'KPAI', 'https://kpai.go.id', 'Lembaga negara yang mengawasi pelaksanaan perlindungan anak.');
  if (kpai)
    b.addService(kpai, {
      name: 'Pengaduan Perlindungan Anak',
      description: 'Pengaduan anak korban eksploitasi, perdagangan orang dan kekerasan, serta anak pekerja migran yang terlantar; pengaduan ditindaklanjuti bersama UPTD PPA dan kepolisian.',
      terms: ['legal_aid'],
      languages: ['id'],
      maxAge: 17,
      hours: officeHours(rng),
      phones: [...b.officePhones(jakarta('31.71')), { number: b.mobile(), kind: 'sms', description: 'SMS pengaduan' }],
      nationwide: true,
      locations: [b.addLocation(kpai, jakarta('31.71'), 'Kantor KPAI')],
      status: 'active',
    });

  // Social security
  const bpjstk = nat('bpjs-tk', 'BPJS Ketenagakerjaan', null, 'https://bpjsketenagakerjaan.go.id', 'Badan penyelenggara jaminan sosial ketenagakerjaan, termasuk jaminan bagi pekerja migran Indonesia.');
  if (bpjstk)
    b.addService(bpjstk, {
      name: 'Klaim Jaminan Sosial Pekerja Migran Indonesia',
      description: 'Klaim jaminan kecelakaan kerja, jaminan kematian dan jaminan hari tua bagi pekerja migran peserta dan ahli warisnya, termasuk santunan bila pulang karena sakit atau kecelakaan kerja.',
      terms: ['cash_support'],
      languages: ['id'],
      directions: ['inbound'],
      hours: officeHours(rng),
      phones: b.hotlinePhones().slice(0, 1),
      nationwide: true,
      docs: ['ktp', 'passport', 'family_card'],
      locations: [b.addLocation(bpjstk, jakarta('31.74'), 'Kantor Pusat BPJS Ketenagakerjaan')],
      status: 'active',
    });
  const bpjsk = nat('bpjs-kes', 'BPJS Kesehatan', null, 'https://bpjs-kesehatan.go.id', 'Badan penyelenggara Jaminan Kesehatan Nasional (JKN).');
  if (bpjsk)
    b.addService(bpjsk, {
      name: 'Pendaftaran JKN bagi Purna Pekerja Migran dan Keluarganya',
      description: 'Pendaftaran atau pengaktifan kembali kepesertaan Jaminan Kesehatan Nasional, termasuk sebagai penerima bantuan iuran bagi keluarga tidak mampu yang diusulkan dinas sosial.',
      terms: ['medical_care'],
      languages: ['id'],
      hours: officeHours(rng),
      phones: b.hotlinePhones().slice(0, 1),
      nationwide: true,
      docs: ['ktp', 'family_card'],
      locations: [b.addLocation(bpjsk, jakarta('31.71'), 'Kantor Pusat BPJS Kesehatan')],
      status: 'active',
    });
}

// ---------------------------------------------------------------------------------------------
// Provincial offices: every province gets its social-affairs office and its women's and children's
// protection unit; the main sending provinces also a migrant-worker service unit, the police,
// a police hospital, a labour office, legal aid and a women's NGO.

function provincialBasics(b: Builder, p: string, main: boolean) {
  const rng = b.rng;
  const cap = b.capital(p);
  const prov = cap.provinceName;
  const langs = ['id', ...regionalLanguages(cap)];
  const dinsos = b.addOrg({
    key: `dinsos:${p}`,
    name: `Dinas Sosial Provinsi ${prov}`,
    acronym: null,
    type: 'local_government',
    level: 'province',
    areaCode: p,
    website: null,
    email: `dinsos@prov-${slug(prov)}.example`,
    description: `Perangkat daerah Provinsi ${prov} di bidang sosial: rehabilitasi sosial, perlindungan dan jaminan sosial, dan penanganan pekerja migran bermasalah sosial.`,
    phone: b.landline(cap),
  });
  if (dinsos) {
    const office = b.addLocation(dinsos, cap, `Kantor Dinas Sosial Provinsi ${prov}`);
    b.addService(dinsos, {
      name: 'Rehabilitasi Sosial dan Pemulangan Korban Perdagangan Orang',
      description: rng.pick([
        `Penjemputan korban perdagangan orang dan pekerja migran bermasalah di titik debarkasi, pendampingan psikososial, dan pengantaran pulang ke kabupaten/kota asal di Provinsi ${prov}.`,
        `Pemulangan korban dan pekerja migran bermasalah sosial ke daerah asal di ${prov}, termasuk penelusuran keluarga dan koordinasi dengan dinas sosial kabupaten/kota.`,
      ]),
      terms: ['transport_home', 'family_tracing', 'mental_health'],
      languages: langs,
      directions: ['inbound'],
      hours: officeHours(rng),
      phones: b.officePhones(cap),
      contacts: b.contacts(cap, `prov-${slug(prov)}.example`, govTitles),
      areaCodes: [p],
      docs: ['referral_letter'],
      locations: [office],
      status: 'active',
    });
    if (main) {
      b.addService(dinsos, {
        name: `Rumah Perlindungan Sosial Provinsi ${prov}`,
        description: 'Tempat tinggal sementara yang aman bagi korban perdagangan orang dan pekerja migran bermasalah sosial selama menunggu pemulangan, dengan makan, pemeriksaan kesehatan dan konseling.',
        terms: ['shelter', 'mental_health'],
        languages: langs,
        hours: allDay,
        phones: b.officePhones(cap, 1),
        contacts: b.contacts(cap, `prov-${slug(prov)}.example`, govTitles),
        areaCodes: [p],
        docs: ['referral_letter'],
        places: rng.int(2, 8) * 5,
        // A protected address: reached through the office or the phone, never published.
        locations: [],
      });
      b.addService(dinsos, {
        name: 'Bantuan Stimulan Usaha bagi Purna Pekerja Migran Bermasalah',
        description: 'Bantuan modal usaha dalam bentuk barang atau uang dan pendampingan usaha bagi pekerja migran bermasalah sosial dan korban perdagangan orang yang sudah kembali ke keluarga.',
        terms: ['cash_support', 'business_startup'],
        languages: langs,
        directions: ['inbound'],
        hours: officeHours(rng),
        phones: b.officePhones(cap),
        areaCodes: [p],
        docs: ['ktp', 'family_card', 'village_letter'],
        eligibilityNote: 'Diusulkan oleh dinas sosial kabupaten/kota setelah asesmen.',
        locations: [office],
      });
    }
  }

  const ppa = b.addOrg({
    key: `uptd-ppa:${p}`,
    name: `UPTD Perlindungan Perempuan dan Anak Provinsi ${prov}`,
    acronym: 'UPTD PPA',
    type: 'local_government',
    level: 'province',
    areaCode: p,
    website: null,
    email: `uptdppa@prov-${slug(prov)}.example`,
    description: `Unit pelaksana teknis daerah Provinsi ${prov} yang menerima pengaduan dan mendampingi perempuan dan anak korban kekerasan dan perdagangan orang.`,
    phone: b.landline(cap),
  });
  if (ppa) {
    const office = b.addLocation(ppa, cap, `Kantor UPTD PPA Provinsi ${prov}`);
    b.addService(ppa, {
      name: 'Pengaduan, Penjangkauan dan Pendampingan Korban',
      description:
        'Menerima pengaduan perempuan dan anak korban kekerasan dan perdagangan orang, menjangkau korban, mendampingi saat melapor ke polisi dan selama proses hukum, dan menyediakan konseling psikologis.',
      terms: ['legal_aid', 'mental_health'],
      languages: langs,
      hours: officeHours(rng),
      hoursNote: 'Pengaduan lewat WhatsApp dilayani 24 jam.',
      phones: [...b.officePhones(cap, 0), { number: b.mobile(), kind: 'whatsapp', description: 'Pengaduan 24 jam' }],
      contacts: b.contacts(cap, `prov-${slug(prov)}.example`, ['Konselor', 'Pendamping Hukum', 'Kepala UPTD', 'Manajer Kasus']),
      areaCodes: [p],
      eligibilityNote: 'Perempuan dan anak korban kekerasan, termasuk perdagangan orang.',
      locations: [office],
      pace: 'fast',
      status: 'active',
    });
    if (main) {
      b.addService(ppa, {
        name: `Rumah Aman UPTD PPA Provinsi ${prov}`,
        description: 'Tempat tinggal sementara yang dirahasiakan bagi perempuan dan anak korban yang terancam keselamatannya, dengan pendampingan psikolog dan pekerja sosial. Alamat tidak diumumkan; korban dijemput petugas.',
        terms: ['shelter'],
        languages: langs,
        eligibilityNote: 'Perempuan dewasa, dan anak laki-laki maupun perempuan, korban kekerasan atau perdagangan orang.',
        hours: allDay,
        phones: [{ number: b.mobile(), kind: 'hotline', description: '24 jam' }],
        areaCodes: [p],
        docs: ['referral_letter'],
        places: rng.int(2, 5) * 5,
        locations: [],
      });
    }
  }
}

const lbhNames = ['Keadilan Rakyat', 'Suara Nurani', 'Pelita Hukum', 'Rumah Keadilan', 'Tunas Keadilan', 'Mitra Rakyat', 'Cahaya Hukum', 'Nurani Bangsa', 'Jalan Terang', 'Peduli Keadilan'];
const womenNgoNames = ['Sahabat Perempuan', 'Puan Mandiri', 'Srikandi Berdaya', 'Rumah Perempuan', 'Perempuan Berdaya', 'Puan Lestari', 'Bunga Bangsa', 'Sekar Wangi', 'Harapan Puan', 'Dewi Sartika Muda'];
const migrantNgoNames = ['Serikat Pekerja Migran', 'Perkumpulan Purna Migran', 'Paguyuban Keluarga Migran', 'Lembaga Advokasi Pekerja Migran', 'Forum Peduli Migran', 'Jaringan Keluarga Migran'];
const childNgoNames = ['Pelita Anak', 'Tunas Harapan', 'Anak Nusantara', 'Bintang Kecil', 'Cahaya Anak', 'Harapan Bunda', 'Rumah Anak Ceria'];

function ngoDomain(name: string) {
  return `${slug(name).slice(0, 40)}.example`;
}

function provincialExtras(b: Builder, p: string, kind: 'bp3mi' | 'polda' | 'bhayangkara' | 'lbh' | 'women' | 'disnaker') {
  const rng = b.rng;
  const cap = b.capital(p);
  const prov = cap.provinceName;
  const langs = ['id', ...regionalLanguages(cap)];
  switch (kind) {
    case 'bp3mi': {
      const org = b.addOrg({
        key: `bp3mi:${p}`,
        name: `Balai Pelayanan Pelindungan Pekerja Migran Indonesia ${prov}`,
        acronym: `BP3MI ${prov}`,
        type: 'ministry',
        level: 'province',
        areaCode: p,
        parentId: b.org('kp2mi')?.id ?? null,
        website: null,
        email: `bp3mi-${slug(prov)}@kp2mi.example`,
        description: `Unit pelaksana teknis Kementerian Pelindungan Pekerja Migran Indonesia di ${prov}.`,
        phone: b.landline(cap),
      });
      if (!org) return;
      // Border and port debarkation points where deportees arrive.
      const debark: Record<string, [string, string]> = {
        '21': ['21.72', 'Pos Pelayanan Debarkasi Pelabuhan Sri Bintan Pura'],
        '65': ['65.03', 'Pos Pelayanan Debarkasi Pelabuhan Tunon Taka Nunukan'],
        '61': ['61.03', 'Pos Pelayanan di PLBN Entikong'],
      };
      const office = b.addLocation(org, cap, `Kantor BP3MI ${prov}`);
      const locs = [office];
      if (debark[p]) locs.push(b.addLocation(org, b.place(debark[p][0]), debark[p][1]));
      b.addService(org, {
        name: 'Pelayanan Kepulangan dan Rujukan PMI Bermasalah',
        description: `Penerimaan pekerja migran yang pulang bermasalah, dideportasi atau menjadi korban perdagangan orang, pendataan, rujukan ke rumah sakit atau rumah perlindungan, dan pengantaran ke kabupaten/kota asal di ${prov}.`,
        terms: ['transport_home', 'family_tracing', 'legal_aid'],
        languages: [...langs, 'ms'],
        directions: ['inbound'],
        hours: allDay,
        hoursNote: 'Kantor buka pada jam kerja; penjemputan di debarkasi sesuai jadwal kedatangan.',
        phones: b.officePhones(cap, 1),
        contacts: b.contacts(cap, 'kp2mi.example', govTitles),
        areaCodes: [p],
        docs: ['passport', 'splp', 'ktp'],
        docsNote: 'Paspor atau SPLP; bila tidak ada, surat keterangan dari perwakilan RI.',
        locations: locs,
      });
      b.addService(org, {
        name: 'Pengaduan Kasus dan Pendampingan Hukum PMI',
        description: 'Pengaduan kasus pekerja migran dan keluarganya: gaji tidak dibayar, penempatan ilegal, penahanan dokumen dan perdagangan orang; mediasi dengan perusahaan penempatan dan pendampingan ke kepolisian.',
        terms: ['legal_aid', 'restitution_protection'],
        languages: langs,
        hours: officeHours(rng),
        phones: b.officePhones(cap),
        areaCodes: [p],
        docs: ['ktp', 'passport'],
        locations: [office],
        maxOpenReferrals: rng.int(10, 40),
      });
      return;
    }
    case 'polda': {
      const org = b.addOrg({
        key: `polda:${p}`,
        name: `Kepolisian Daerah ${prov}`,
        acronym: null,
        type: 'ministry',
        level: 'province',
        areaCode: p,
        website: null,
        email: null,
        description: `Kepolisian Daerah ${prov}; Subdirektorat Remaja, Anak dan Wanita (Renakta) Ditreskrimum menangani perdagangan orang.`,
        phone: b.landline(cap),
      });
      if (!org) return;
      b.addService(org, {
        name: 'Pelaporan TPPO dan Kekerasan terhadap Perempuan dan Anak (Subdit Renakta)',
        description: 'Menerima laporan perdagangan orang dan kekerasan terhadap perempuan dan anak. Pemeriksaan di ruang pelayanan khusus oleh penyidik perempuan; korban boleh didampingi keluarga, pendamping UPTD PPA atau pengacara.',
        terms: ['legal_aid'],
        languages: langs,
        hours: allDay,
        hoursNote: 'SPKT 24 jam; ruang pelayanan khusus pada jam kerja.',
        phones: b.officePhones(cap, 0.5),
        contacts: b.contacts(cap, null, ['Penyidik', 'Kepala Unit PPA', 'Kasubdit Renakta']),
        areaCodes: [p],
        locations: [b.addLocation(org, cap, `Markas Polda ${prov}`)],
      });
      return;
    }
    case 'bhayangkara': {
      const org = b.addOrg({
        key: `rs-bhayangkara:${p}`,
        name: `Rumah Sakit Bhayangkara Polda ${prov}`,
        acronym: 'RS Bhayangkara',
        type: 'ministry',
        level: 'province',
        areaCode: p,
        website: null,
        email: null,
        description: `Rumah sakit Polri di ${cap.short} dengan Pusat Pelayanan Terpadu bagi korban kekerasan.`,
        phone: b.landline(cap),
      });
      if (!org) return;
      b.addService(org, {
        name: 'Pusat Pelayanan Terpadu (PPT) bagi Korban Kekerasan dan Perdagangan Orang',
        description: 'Pemeriksaan dan perawatan medis, visum et repertum, dan konseling psikologis bagi korban kekerasan dan perdagangan orang, di satu tempat dan tanpa antre di IGD.',
        terms: ['medical_care', 'mental_health'],
        languages: langs,
        cost: 'free',
        costNote: 'Gratis bagi korban yang dirujuk kepolisian atau UPTD PPA; selain itu dengan BPJS.',
        hours: allDay,
        phones: b.officePhones(cap, 0.5),
        contacts: b.contacts(cap, null, healthTitles),
        areaCodes: [p],
        docs: ['ktp', 'bpjs_card'],
        docsNote: 'Tanpa dokumen tetap dilayani dalam keadaan darurat.',
        locations: [b.addLocation(org, cap, `RS Bhayangkara ${cap.short}`)],
      });
      return;
    }
    case 'lbh': {
      let name = '';
      for (let i = 0; i < 20 && (!name || !b.nameFree(name)); i++) name = `LBH ${rng.pick(lbhNames)} ${cap.short}`;
      const org = b.addOrg({
        key: `lbh:${p}`,
        name,
        acronym: null,
        type: 'ngo',
        level: 'province',
        areaCode: p,
        website: rng.chance(0.5) ? `https://${ngoDomain(name)}` : null,
        email: `kontak@${ngoDomain(name)}`,
        description: `Lembaga bantuan hukum di ${cap.short} yang mendampingi korban perdagangan orang, pekerja migran dan kelompok rentan tanpa biaya.`,
        phone: b.landline(cap),
      });
      if (!org) return;
      const office = b.addLocation(org, cap, `Kantor ${name}`);
      b.addService(org, {
        name: 'Bantuan Hukum Gratis bagi Korban Perdagangan Orang dan Pekerja Migran',
        description: 'Konsultasi hukum, pendampingan saat melapor dan selama pemeriksaan, dan pembelaan di pengadilan tanpa biaya, termasuk gugatan terhadap perusahaan penempatan.',
        terms: ['legal_aid'],
        languages: langs,
        hours: ngoHours(rng),
        phones: b.officePhones(cap, 0.9),
        contacts: b.contacts(cap, ngoDomain(name), ngoTitles),
        areaCodes: [p],
        docs: ['ktp'],
        docsNote: 'Bawa dokumen yang berkaitan dengan kasus bila ada (kontrak kerja, bukti transfer, pesan).',
        maxOpenReferrals: rng.int(8, 30),
        locations: [office],
        pace: 'fast',
      });
      b.addService(org, {
        name: 'Pendampingan Permohonan Restitusi',
        description: 'Membantu korban menghitung kerugian dan mengajukan restitusi lewat penyidik, penuntut umum atau LPSK, dan mengawal putusannya.',
        terms: ['restitution_protection', 'legal_aid'],
        languages: langs,
        caseTypes: ['victim_of_trafficking', 'presumed_victim'],
        hours: ngoHours(rng),
        phones: b.officePhones(cap, 0.9),
        areaCodes: [p],
        docs: ['ktp', 'police_report'],
        locations: [office],
        pace: 'fast',
      });
      return;
    }
    case 'women': {
      let name = '';
      for (let i = 0; i < 20 && (!name || !b.nameFree(name)); i++) name = `Women's Crisis Center ${rng.pick(womenNgoNames)} ${cap.short}`;
      const org = b.addOrg({
        key: `wcc:${p}`,
        name,
        acronym: 'WCC',
        type: 'ngo',
        level: 'province',
        areaCode: p,
        website: `https://${ngoDomain(name)}`,
        email: `halo@${ngoDomain(name)}`,
        description: `Lembaga pengada layanan bagi perempuan korban kekerasan di ${prov}: konseling, pendampingan dan rumah aman.`,
        phone: b.landline(cap),
      });
      if (!org) return;
      const office = b.addLocation(org, cap, `Kantor ${name}`);
      b.addService(org, {
        name: 'Konseling dan Pendampingan Psikososial Perempuan Korban',
        description: 'Konseling individual dan kelompok oleh konselor dan psikolog, pendampingan ke layanan kesehatan dan hukum, dan kunjungan rumah bagi perempuan korban kekerasan dan perdagangan orang.',
        terms: ['mental_health', 'community_support'],
        languages: langs,
        sexes: ['female'],
        hours: ngoHours(rng),
        phones: b.officePhones(cap, 1),
        contacts: b.contacts(cap, ngoDomain(name), ngoTitles),
        areaCodes: [p],
        maxOpenReferrals: rng.int(10, 25),
        locations: [office],
        pace: 'fast',
      });
      b.addService(org, {
        name: 'Rumah Aman Perempuan',
        description: 'Rumah aman yang dirahasiakan bagi perempuan korban dan anak-anaknya, untuk beberapa minggu sampai situasinya aman.',
        terms: ['shelter'],
        languages: langs,
        sexes: ['female'],
        eligibilityNote: 'Perempuan dewasa; anak-anaknya boleh ikut.',
        hours: allDay,
        phones: [{ number: b.mobile(), kind: 'hotline', description: '24 jam' }],
        areaCodes: [p],
        places: rng.int(6, 15),
        locations: [],
        pace: 'fast',
      });
      return;
    }
    case 'disnaker': {
      const org = b.addOrg({
        key: `disnakertrans:${p}`,
        name: `Dinas Tenaga Kerja dan Transmigrasi Provinsi ${prov}`,
        acronym: null,
        type: 'local_government',
        level: 'province',
        areaCode: p,
        website: null,
        email: `disnakertrans@prov-${slug(prov)}.example`,
        description: `Perangkat daerah Provinsi ${prov} di bidang tenaga kerja, pelatihan kerja dan transmigrasi.`,
        phone: b.landline(cap),
      });
      if (!org) return;
      b.addService(org, {
        name: `Pelatihan Kerja di UPT Pelatihan Kerja Provinsi ${prov}`,
        description: `Pelatihan keterampilan gratis (${rng.sample(['menjahit', 'tata rias', 'tata boga', 'las', 'otomotif', 'komputer', 'pertanian modern', 'perhotelan'], 3).join(', ')}) dengan sertifikat, uang transport dan makan siang.`,
        terms: ['vocational_training'],
        languages: langs,
        minAge: 17,
        hours: trainingHours,
        phones: b.officePhones(cap),
        contacts: b.contacts(cap, null, trainingTitles),
        areaCodes: [p],
        docs: ['ktp', 'photo'],
        places: rng.int(2, 6) * 16,
        locations: [b.addLocation(org, cap, `UPT Pelatihan Kerja Provinsi ${prov}`)],
      });
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Regency providers

type RegencyKind =
  | 'dinsos'
  | 'uptd_ppa'
  | 'disnaker'
  | 'dukcapil'
  | 'puskesmas'
  | 'rsud'
  | 'polres'
  | 'disdik'
  | 'diskop'
  | 'ltsa'
  | 'bri'
  | 'pnm'
  | 'lbh'
  | 'women'
  | 'migrant'
  | 'child'
  | 'cooperative'
  | 'company'
  | 'lpk'
  | 'desbumi'
  | 'pkbm'
  | 'psychologist';

/** [weight, how many per regency]. */
const regencyKinds: Record<RegencyKind, [number, number]> = {
  dinsos: [10, 1],
  uptd_ppa: [9, 1],
  disnaker: [7, 1],
  dukcapil: [5, 1],
  puskesmas: [6, 40],
  rsud: [5, 1],
  polres: [5, 1],
  disdik: [3, 1],
  diskop: [3, 1],
  ltsa: [4, 1],
  bri: [4, 1],
  pnm: [3, 1],
  lbh: [3, 2],
  women: [3, 2],
  migrant: [4, 2],
  child: [2, 1],
  cooperative: [3, 4],
  company: [3, 6],
  lpk: [3, 4],
  desbumi: [4, 20],
  pkbm: [2, 3],
  psychologist: [1, 2],
};

const kindList = (Object.entries(regencyKinds) as [RegencyKind, [number, number]][]).map(([k, [w, max]]) => [k, w, max] as const);

class RegencyProviders {
  private readonly count = new Map<string, Map<RegencyKind, number>>();
  private readonly districtsLeft = new Map<string, string[]>();
  private readonly villagesLeft = new Map<string, Village[]>();

  constructor(private readonly b: Builder) {}

  /** One provider unit in the regency; false when the regency has no kind left (never in practice). */
  add(regencyCode: string): boolean {
    const b = this.b;
    const sending = (sendingRegencies[regencyCode] ?? 1) >= 3;
    let counts = this.count.get(regencyCode);
    if (!counts) this.count.set(regencyCode, (counts = new Map()));
    const available: [RegencyKind, number][] = [];
    for (const [k, w, max] of kindList) if ((counts.get(k) ?? 0) < max && (k !== 'ltsa' || sending)) available.push([k, w]);
    if (!available.length) return false;
    const kind = b.rng.weighted(available);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    this.unit(kind, b.place(regencyCode));
    return true;
  }

  /** A district of the regency not drawn before (for a puskesmas), or null when all have one. */
  private district(place: Place): string | null {
    let left = this.districtsLeft.get(place.regencyCode);
    if (!left) this.districtsLeft.set(place.regencyCode, (left = [...this.b.districtsOf(place.regencyCode).keys()]));
    if (!left.length) return null;
    return left.splice(Math.floor(this.b.rng.next() * left.length), 1)[0]!;
  }

  /** A village of the regency not drawn before (for a village post), or null when all have one. */
  private freshVillage(place: Place): Village | null {
    let left = this.villagesLeft.get(place.regencyCode);
    if (!left) this.villagesLeft.set(place.regencyCode, (left = [...(this.b.data.villagesByRegency.get(place.regencyCode) ?? [])]));
    if (!left.length) return null;
    return left.splice(Math.floor(this.b.rng.next() * left.length), 1)[0]!;
  }

  private uniqueName(make: () => string): string | null {
    const b = this.b;
    for (let i = 0; i < 12; i++) {
      const n = make();
      if (b.nameFree(n)) return n;
    }
    for (let i = 2; i < 50; i++) {
      const n = `${make()} ${i}`;
      if (b.nameFree(n)) return n;
    }
    return null;
  }

  private gov(place: Place, key: string, name: string, description: string, acronym: string | null = null) {
    const b = this.b;
    return b.addOrg({
      key: `${key}:${place.regencyCode}`,
      name,
      acronym,
      type: 'local_government',
      level: 'regency',
      areaCode: place.regencyCode,
      website: null,
      email: `${key.replace(/_/g, '')}@${slug(place.short)}${place.isCity ? 'kota' : 'kab'}.example`,
      description,
      phone: b.landline(place),
    });
  }

  private unit(kind: RegencyKind, place: Place) {
    const b = this.b;
    const rng = b.rng;
    const langs = ['id', ...regionalLanguages(place)];
    const area = [place.regencyCode];
    const where = place.regencyName;
    const govDomain = `${slug(place.short)}${place.isCity ? 'kota' : 'kab'}.example`;
    switch (kind) {
      case 'dinsos': {
        const org = this.gov(place, 'dinsos', `Dinas Sosial ${where}`, `Perangkat daerah ${where} di bidang sosial: rehabilitasi sosial, bantuan sosial dan penanganan pekerja migran bermasalah sosial.`);
        if (!org) return;
        const office = b.addLocation(org, place, `Kantor Dinas Sosial ${where}`);
        b.addService(org, {
          name: 'Pendampingan Sosial dan Reintegrasi Pekerja Migran Bermasalah',
          description: rng.pick([
            `Pekerja sosial dan TKSK mendampingi korban perdagangan orang dan pekerja migran yang pulang ke ${place.short}: kunjungan rumah, mediasi keluarga, dan rujukan ke bantuan sosial, layanan kesehatan dan pelatihan.`,
            `Penerimaan kembali pekerja migran bermasalah di ${place.short}: asesmen kebutuhan, pendampingan keluarga, dan penghubung ke bantuan sosial dan program pemberdayaan.`,
          ]),
          terms: ['family_tracing', 'community_support', 'cash_support'],
          languages: langs,
          directions: ['inbound'],
          hours: officeHours(rng),
          phones: b.officePhones(place),
          contacts: b.contacts(place, govDomain, govTitles),
          areaCodes: area,
          docs: ['ktp', 'family_card'],
          docsNote: 'Bila KTP hilang, cukup surat keterangan dari desa.',
          locations: [office],
        });
        if (rng.chance(0.6))
          b.addService(org, {
            name: 'Bantuan Sosial bagi Keluarga Rentan',
            description: 'Pendataan ke DTSEN dan pengusulan bantuan sosial (PKH, sembako, bantuan iuran JKN) bagi keluarga pekerja migran dan korban yang kehilangan penghasilan.',
            terms: ['cash_support'],
            languages: langs,
            hours: officeHours(rng),
            phones: b.officePhones(place),
            areaCodes: area,
            docs: ['ktp', 'family_card', 'village_letter'],
            locations: [office],
          });
        if (rng.chance(0.3))
          b.addService(org, {
            name: `Rumah Singgah Dinas Sosial ${where}`,
            description: 'Tempat singgah sementara beberapa hari bagi orang yang baru pulang dan belum bisa langsung ke rumah keluarganya.',
            terms: ['shelter'],
            languages: langs,
            hours: allDay,
            phones: [{ number: b.mobile(), kind: 'hotline', description: 'Petugas piket' }],
            areaCodes: area,
            places: rng.int(4, 20),
            docs: ['referral_letter'],
            locations: [b.addLocation(org, place, `Rumah Singgah ${place.short}`)],
          });
        return;
      }
      case 'uptd_ppa': {
        const old = rng.chance(0.25);
        const name = old ? `P2TP2A ${where}` : `UPTD Perlindungan Perempuan dan Anak ${where}`;
        const org = this.gov(place, 'uptd_ppa', name, `${old ? 'Pusat Pelayanan Terpadu Pemberdayaan Perempuan dan Anak' : 'Unit pelaksana teknis daerah'} ${where} yang menangani perempuan dan anak korban kekerasan dan perdagangan orang.`, old ? 'P2TP2A' : 'UPTD PPA');
        if (!org) return;
        const office = b.addLocation(org, place, `Kantor ${old ? 'P2TP2A' : 'UPTD PPA'} ${place.short}`);
        b.addService(org, {
          name: 'Pengaduan dan Pendampingan Korban Kekerasan dan Perdagangan Orang',
          description: rng.pick([
            'Menerima pengaduan, menjangkau korban, mendampingi visum dan pelaporan ke polisi, dan mendampingi selama proses hukum. Semua layanan gratis.',
            `Layanan terpadu bagi perempuan dan anak korban di ${place.short}: pengaduan, penjangkauan, konseling, pendampingan hukum dan rujukan ke rumah aman.`,
          ]),
          terms: ['legal_aid', 'mental_health'],
          languages: langs,
          hours: officeHours(rng),
          hoursNote: rng.chance(0.5) ? 'Pengaduan darurat lewat WhatsApp 24 jam.' : undefined,
          phones: [...b.officePhones(place, 0), { number: b.mobile(), kind: 'whatsapp', description: 'Pengaduan' }],
          contacts: b.contacts(place, govDomain, ['Konselor', 'Pendamping Hukum', 'Kepala UPTD', 'Manajer Kasus']),
          areaCodes: area,
          eligibilityNote: 'Perempuan dan anak korban kekerasan, termasuk perdagangan orang.',
          locations: [office],
          pace: 'fast',
        });
        if (rng.chance(0.6))
          b.addService(org, {
            name: `Rumah Aman ${old ? 'P2TP2A' : 'UPTD PPA'} ${place.short}`,
            description: 'Tempat tinggal sementara yang dirahasiakan bagi perempuan dan anak korban yang tidak aman di rumah.',
            terms: ['shelter'],
            languages: langs,
            eligibilityNote: 'Perempuan dan anak; anak laki-laki di atas 12 tahun dirujuk ke rumah aman anak.',
            sexes: rng.chance(0.5) ? ['female'] : undefined,
            hours: allDay,
            phones: [{ number: b.mobile(), kind: 'hotline', description: '24 jam' }],
            areaCodes: area,
            docs: ['referral_letter'],
            places: rng.int(4, 16),
            locations: [],
          });
        if (rng.chance(0.4))
          b.addService(org, {
            name: 'Konseling Psikologis bagi Perempuan dan Anak',
            description: 'Konseling dengan psikolog klinis, terapi trauma dan dukungan bagi keluarga korban.',
            terms: ['mental_health'],
            languages: langs,
            hours: officeHours(rng),
            phones: b.officePhones(place),
            areaCodes: area,
            maxOpenReferrals: rng.int(5, 20),
            locations: [office],
            pace: 'fast',
          });
        return;
      }
      case 'disnaker': {
        const org = this.gov(place, 'disnaker', `Dinas Tenaga Kerja ${where}`, `Perangkat daerah ${where} di bidang tenaga kerja, pelatihan kerja dan penempatan.`);
        if (!org) return;
        const blk = b.addLocation(org, place, `UPTD Balai Latihan Kerja ${place.short}`);
        const office = b.addLocation(org, place, `Kantor Dinas Tenaga Kerja ${where}`);
        const trades = rng.sample(['menjahit', 'tata rias', 'tata boga', 'las listrik', 'otomotif sepeda motor', 'komputer perkantoran', 'pengolahan hasil pertanian', 'pendingin ruangan', 'barista', 'bahasa Inggris'], 3);
        b.addService(org, {
          name: `Pelatihan Keterampilan di UPTD BLK ${place.short}`,
          description: `Pelatihan berbasis kompetensi selama 20–40 hari (${trades.join(', ')}) dengan sertifikat. Gratis; peserta mendapat uang transport dan makan siang.`,
          terms: ['vocational_training'],
          languages: langs,
          minAge: 17,
          hours: trainingHours,
          hoursNote: 'Pendaftaran dibuka tiap awal angkatan.',
          phones: b.officePhones(place),
          contacts: b.contacts(place, govDomain, trainingTitles),
          areaCodes: area,
          docs: ['ktp', 'photo'],
          places: rng.int(1, 3) * 16,
          locations: [blk],
        });
        b.addService(org, {
          name: 'Bursa Kerja dan Layanan Antarkerja',
          description: 'Informasi lowongan kerja di dalam daerah dan luar daerah, pembuatan kartu pencari kerja (AK/1), dan pencocokan dengan perusahaan.',
          terms: ['job_placement'],
          languages: langs,
          minAge: 18,
          hours: officeHours(rng),
          phones: b.officePhones(place),
          areaCodes: area,
          docs: ['ktp', 'photo'],
          locations: [office],
        });
        return;
      }
      case 'dukcapil': {
        const org = this.gov(place, 'dukcapil', `Dinas Kependudukan dan Pencatatan Sipil ${where}`, `Perangkat daerah ${where} yang menerbitkan dokumen kependudukan.`, 'Disdukcapil');
        if (!org) return;
        b.addService(org, {
          name: 'Penerbitan KTP-el, Kartu Keluarga dan Akta Kelahiran',
          description: rng.pick([
            'Perekaman dan pencetakan KTP-el, perubahan Kartu Keluarga dan akta kelahiran, gratis. Bagi korban dan pekerja migran yang dokumennya hilang atau ditahan, cukup surat keterangan dari desa.',
            'Pengurusan dokumen kependudukan tanpa biaya, termasuk layanan jemput bola ke desa dan pencatatan anak yang lahir di luar negeri.',
          ]),
          terms: ['identity_documents'],
          languages: langs,
          hours: rng.chance(0.5) ? [...officeHours(rng), { days: [6], opens: '08:00', closes: '12:00' }] : officeHours(rng),
          phones: b.officePhones(place),
          areaCodes: area,
          docs: ['family_card', 'village_letter'],
          docsNote: 'Akta kelahiran anak: surat keterangan lahir dari bidan atau rumah sakit.',
          locations: [b.addLocation(org, place, `Kantor Disdukcapil ${place.short}`)],
        });
        return;
      }
      case 'puskesmas': {
        const district = this.district(place);
        if (!district) return;
        const districtName = b.data.districts.get(district) ?? place.short;
        let org = b.org(`dinkes:${place.regencyCode}`);
        if (!org) {
          org = this.gov(place, 'dinkes', `Dinas Kesehatan ${where}`, `Perangkat daerah ${where} di bidang kesehatan, dengan puskesmas di setiap kecamatan.`) ?? undefined;
          if (!org) return;
        }
        const loc = b.addLocation(org, place, `Puskesmas ${districtName}`, { village: b.village(place, district) });
        const mental = rng.chance(0.3);
        b.addService(org, {
          name: `Layanan Kesehatan Puskesmas ${districtName}`,
          description: `Pemeriksaan umum, kesehatan ibu dan anak, kesehatan reproduksi, imunisasi dan rujukan ke rumah sakit${mental ? ', serta konseling kesehatan jiwa oleh psikolog puskesmas' : ''}. Korban kekerasan dilayani di ruang tersendiri.`,
          terms: mental ? ['medical_care', 'mental_health'] : ['medical_care'],
          languages: langs,
          cost: 'free',
          costNote: 'Gratis bagi peserta JKN; korban kekerasan dan perdagangan orang dengan surat rujukan tanpa biaya.',
          hours: puskesmasHours,
          hoursNote: rng.chance(0.4) ? 'Unit gawat darurat 24 jam.' : undefined,
          phones: [{ number: b.landline(place), kind: 'voice', description: null }, ...(rng.chance(0.5) ? [{ number: b.mobile(), kind: 'whatsapp' as const, description: 'Pendaftaran' }] : [])],
          contacts: b.contacts(place, null, healthTitles),
          areaCodes: [district],
          docs: ['ktp', 'bpjs_card'],
          docsNote: 'Tanpa kartu tetap dilayani.',
          locations: [loc],
        });
        return;
      }
      case 'rsud': {
        const name = `RSUD ${place.isCity ? 'Kota ' : ''}${place.short}`;
        const org = b.addOrg({
          key: `rsud:${place.regencyCode}`,
          name,
          acronym: null,
          type: 'local_government',
          level: 'regency',
          areaCode: place.regencyCode,
          website: null,
          email: `humas@rsud-${slug(place.short)}.example`,
          description: `Rumah sakit umum daerah milik Pemerintah ${where}.`,
          phone: b.landline(place),
        });
        if (!org) return;
        b.addService(org, {
          name: `Pusat Pelayanan Terpadu (PPT) ${name}`,
          description: 'Pemeriksaan dan perawatan korban kekerasan dan perdagangan orang, visum, perawatan luka dan penyakit, kesehatan reproduksi, dan konsultasi psikiater.',
          terms: ['medical_care', 'mental_health'],
          languages: langs,
          cost: rng.chance(0.7) ? 'free' : 'fee',
          costNote: 'Korban yang dirujuk UPTD PPA atau kepolisian tanpa biaya; pasien lain dengan BPJS atau biaya umum.',
          hours: allDay,
          phones: b.officePhones(place, 0.4),
          contacts: b.contacts(place, null, healthTitles),
          areaCodes: area,
          docs: ['ktp', 'bpjs_card', 'referral_letter'],
          docsNote: 'Gawat darurat dilayani tanpa dokumen.',
          locations: [b.addLocation(org, place, name)],
        });
        return;
      }
      case 'polres': {
        const jakarta = place.provinceCode === '31';
        const name = jakarta ? `Polres Metro ${place.short}` : `${place.isCity ? 'Polresta' : 'Polres'} ${place.short}`;
        const org = b.addOrg({
          key: `polres:${place.regencyCode}`,
          name,
          acronym: null,
          type: 'ministry',
          level: 'regency',
          areaCode: place.regencyCode,
          website: null,
          email: null,
          description: `Kepolisian resor di ${where}; Unit Pelayanan Perempuan dan Anak (PPA) Satreskrim menangani perdagangan orang.`,
          phone: b.landline(place),
        });
        if (!org) return;
        b.addService(org, {
          name: 'Pelaporan TPPO di Unit PPA Satreskrim',
          description: 'Laporan perdagangan orang, penempatan pekerja migran ilegal dan kekerasan terhadap perempuan dan anak. Pemeriksaan di ruang pelayanan khusus; korban boleh didampingi.',
          terms: ['legal_aid'],
          languages: langs,
          hours: allDay,
          hoursNote: 'SPKT 24 jam; Unit PPA pada jam kerja.',
          phones: b.officePhones(place, 0.5),
          areaCodes: area,
          locations: [b.addLocation(org, place, `Markas ${name}`)],
        });
        return;
      }
      case 'disdik': {
        const org = this.gov(place, 'disdik', `Dinas Pendidikan ${where}`, `Perangkat daerah ${where} di bidang pendidikan.`);
        if (!org) return;
        b.addService(org, {
          name: 'Program Kembali Bersekolah',
          description: 'Membantu anak korban dan anak pekerja migran yang putus sekolah kembali ke sekolah negeri terdekat atau ke kejar paket, dengan bantuan seragam dan beasiswa Program Indonesia Pintar.',
          terms: ['education'],
          languages: langs,
          minAge: 6,
          maxAge: 17,
          hours: officeHours(rng),
          phones: b.officePhones(place),
          areaCodes: area,
          docs: ['birth_certificate', 'family_card'],
          docsNote: 'Rapor atau surat keterangan dari sekolah lama bila ada.',
          locations: [b.addLocation(org, place, `Kantor Dinas Pendidikan ${where}`)],
        });
        return;
      }
      case 'diskop': {
        const org = this.gov(place, 'diskop', `Dinas Koperasi dan Usaha Mikro ${where}`, `Perangkat daerah ${where} yang membina koperasi dan usaha mikro.`);
        if (!org) return;
        b.addService(org, {
          name: 'Pelatihan Kewirausahaan dan Pendampingan Usaha Mikro',
          description: 'Pelatihan memulai usaha, pengurusan NIB dan sertifikat halal, pemasaran daring, dan penghubung ke KUR dan koperasi, dengan prioritas bagi purna pekerja migran.',
          terms: ['business_startup'],
          languages: langs,
          minAge: 18,
          hours: officeHours(rng),
          phones: b.officePhones(place),
          areaCodes: area,
          docs: ['ktp'],
          locations: [b.addLocation(org, place, `Kantor Dinas Koperasi ${place.short}`)],
        });
        return;
      }
      case 'ltsa': {
        const org = this.gov(place, 'ltsa', `Layanan Terpadu Satu Atap Pekerja Migran ${where}`, `Layanan terpadu pemerintah ${where}, KP2MI, imigrasi dan dukcapil bagi calon dan purna pekerja migran.`, 'LTSA');
        if (!org) return;
        const office = b.addLocation(org, place, `Gedung LTSA ${place.short}`);
        b.addService(org, {
          name: 'Informasi Migrasi Aman dan Pengurusan Dokumen',
          description: 'Informasi bekerja ke luar negeri secara aman, pemeriksaan perusahaan penempatan, dan pengurusan KTP, paspor dan dokumen kerja di satu tempat.',
          terms: ['identity_documents', 'job_placement'],
          languages: langs,
          minAge: 18,
          hours: officeHours(rng),
          phones: b.officePhones(place),
          areaCodes: area,
          docs: ['ktp', 'family_card', 'birth_certificate'],
          locations: [office],
        });
        b.addService(org, {
          name: 'Pengaduan Kasus Pekerja Migran',
          description: 'Pengaduan keluarga pekerja migran yang bermasalah di luar negeri dan purna pekerja migran; diteruskan ke BP3MI dan perwakilan RI.',
          terms: ['legal_aid', 'family_tracing'],
          languages: langs,
          hours: officeHours(rng),
          phones: b.officePhones(place, 0.9),
          areaCodes: area,
          locations: [office],
        });
        return;
      }
      case 'bri': {
        let org = b.org('bri');
        if (!org)
          org =
            b.addOrg({
              key: 'bri',
              name: 'PT Bank Rakyat Indonesia (Persero) Tbk',
              acronym: 'BRI',
              type: 'private_sector',
              level: 'national',
              areaCode: '31',
              website: 'https://bri.co.id',
              email: 'kur@bri.example',
              description: 'Bank milik negara, penyalur utama Kredit Usaha Rakyat (KUR), termasuk KUR bagi pekerja migran.',
              phone: b.landline(b.place('31.71')),
            }) ?? undefined;
        if (!org) return;
        b.addService(org, {
          name: `KUR Mikro bagi Purna Pekerja Migran – BRI Cabang ${place.short}`,
          description: 'Kredit Usaha Rakyat dengan bunga rendah untuk memulai atau mengembangkan usaha mikro, dengan pendampingan mantri BRI.',
          terms: ['business_startup'],
          languages: langs,
          minAge: 21,
          cost: 'fee',
          costNote: 'Bunga KUR 6% per tahun; pinjaman sampai Rp 100 juta.',
          hours: bankHours,
          phones: b.officePhones(place, 0),
          areaCodes: area,
          docs: ['ktp', 'family_card'],
          docsNote: 'Surat keterangan usaha dari desa.',
          locations: [b.addLocation(org, place, `BRI Kantor Cabang ${place.short}`)],
        });
        return;
      }
      case 'pnm': {
        let org = b.org('pnm');
        if (!org)
          org =
            b.addOrg({
              key: 'pnm',
              name: 'PT Permodalan Nasional Madani',
              acronym: 'PNM',
              type: 'private_sector',
              level: 'national',
              areaCode: '31',
              website: 'https://pnm.co.id',
              email: 'mekaar@pnm.example',
              description: 'Badan usaha milik negara yang membiayai usaha ultra mikro, terutama perempuan prasejahtera, lewat program Mekaar.',
              phone: b.landline(b.place('31.71')),
            }) ?? undefined;
        if (!org) return;
        b.addService(org, {
          name: `PNM Mekaar – Cabang ${place.short}`,
          description: 'Pembiayaan modal usaha tanpa agunan bagi perempuan prasejahtera dalam kelompok, dengan pertemuan mingguan dan pendampingan usaha.',
          terms: ['business_startup', 'community_support'],
          languages: langs,
          sexes: ['female'],
          minAge: 18,
          cost: 'fee',
          costNote: 'Pembiayaan mulai Rp 2 juta, diangsur mingguan.',
          hours: bankHours,
          phones: [{ number: b.mobile(), kind: 'whatsapp', description: 'Account officer' }],
          areaCodes: area,
          docs: ['ktp', 'family_card'],
          locations: [b.addLocation(org, place, `Kantor PNM Mekaar ${place.short}`)],
        });
        return;
      }
      case 'lbh':
      case 'women':
      case 'migrant':
      case 'child':
      case 'psychologist': {
        const pools: Record<typeof kind, () => string> = {
          lbh: () => `LBH ${rng.pick(lbhNames)} ${place.short}`,
          women: () => `${rng.pick(['Yayasan', 'Perkumpulan', "Women's Crisis Center"])} ${rng.pick(womenNgoNames)} ${place.short}`,
          migrant: () => `${rng.pick(migrantNgoNames)} ${place.short}`,
          child: () => `Yayasan ${rng.pick(childNgoNames)} ${place.short}`,
          psychologist: () => `Biro Psikologi ${rng.pick(['Cahaya Jiwa', 'Insan Mandiri', 'Harmoni', 'Pelangi', 'Mitra Keluarga', 'Teduh'])} ${place.short}`,
        };
        const name = this.uniqueName(pools[kind]);
        if (!name) return;
        const domain = ngoDomain(name);
        const org = b.addOrg({
          key: `${kind}:${place.regencyCode}:${slug(name)}`,
          name,
          acronym: null,
          type: kind === 'psychologist' ? 'private_sector' : 'ngo',
          level: 'regency',
          areaCode: place.regencyCode,
          website: rng.chance(0.4) ? `https://${domain}` : null,
          email: `kontak@${domain}`,
          description: {
            lbh: `Lembaga bantuan hukum di ${place.short} bagi korban perdagangan orang, pekerja migran dan warga tidak mampu.`,
            women: `Organisasi perempuan di ${place.short} yang mendampingi perempuan korban kekerasan dan perempuan purna migran.`,
            migrant: `Organisasi pekerja migran dan keluarganya di ${place.short}: penanganan kasus, advokasi dan pemberdayaan purna migran.`,
            child: `Yayasan perlindungan anak di ${place.short}.`,
            psychologist: `Biro layanan psikologi di ${place.short}.`,
          }[kind],
          phone: b.landline(place),
        });
        if (!org) return;
        const office = b.addLocation(org, place, `Sekretariat ${name}`);
        const contacts = b.contacts(place, domain, kind === 'psychologist' ? ['Psikolog Klinis', 'Psikolog'] : ngoTitles);
        const common = { languages: langs, hours: ngoHours(rng), phones: b.officePhones(place, 0.95), contacts, areaCodes: area, locations: [office], pace: 'fast' as const };
        if (kind === 'lbh') {
          b.addService(org, {
            ...common,
            name: 'Bantuan Hukum Gratis bagi Korban Perdagangan Orang dan Pekerja Migran',
            description: 'Konsultasi hukum, pendampingan saat melapor ke polisi, dan pembelaan di pengadilan tanpa biaya; juga penagihan gaji dan ganti rugi dari perusahaan penempatan.',
            terms: ['legal_aid'],
            docs: ['ktp'],
            maxOpenReferrals: rng.int(5, 25),
          });
          if (rng.chance(0.5))
            b.addService(org, {
              ...common,
              name: 'Pendampingan Restitusi dan Perlindungan Saksi',
              description: 'Pengajuan restitusi dan permohonan perlindungan ke LPSK bagi korban yang kasusnya sedang diproses.',
              terms: ['restitution_protection'],
              caseTypes: ['victim_of_trafficking', 'presumed_victim'],
              docs: ['ktp', 'police_report'],
            });
        } else if (kind === 'women') {
          b.addService(org, {
            ...common,
            name: 'Pendampingan Perempuan Korban Kekerasan dan Perdagangan Orang',
            description: 'Konseling, kunjungan rumah, dan pendampingan ke puskesmas, polisi dan pengadilan bagi perempuan korban, oleh pendamping dari komunitas sendiri.',
            terms: ['mental_health', 'legal_aid'],
            sexes: ['female'],
            maxOpenReferrals: rng.int(5, 20),
          });
          b.addService(org, {
            ...common,
            name: 'Kelompok Dukungan Sebaya Perempuan Purna Migran',
            description: 'Pertemuan rutin perempuan purna migran untuk saling menguatkan, berbagi pengalaman, menabung bersama dan belajar usaha kecil.',
            terms: ['community_support', 'business_startup'],
            sexes: ['female'],
            hours: [{ days: [rng.int(1, 7)], opens: '14:00', closes: '16:00' }],
            hoursNote: 'Pertemuan mingguan; jadwal bisa berubah, tanyakan lewat WhatsApp.',
          });
          if (rng.chance(0.3))
            b.addService(org, {
              ...common,
              name: `Rumah Aman ${name}`,
              description: 'Rumah aman kecil yang dirahasiakan bagi perempuan korban dan anak-anaknya.',
              terms: ['shelter'],
              sexes: ['female'],
              hours: allDay,
              places: rng.int(3, 10),
              locations: [],
            });
        } else if (kind === 'migrant') {
          b.addService(org, {
            ...common,
            name: 'Penanganan Kasus dan Advokasi Pekerja Migran',
            description: 'Pendampingan keluarga pekerja migran yang bermasalah di luar negeri: melacak keberadaan, menghubungi perwakilan RI dan perusahaan penempatan, sampai pemulangan dan penagihan hak.',
            terms: ['legal_aid', 'family_tracing'],
            maxOpenReferrals: rng.int(10, 40),
          });
          b.addService(org, {
            ...common,
            name: 'Paguyuban dan Pendampingan Purna Migran',
            description: 'Pertemuan purna migran, konseling sebaya, dan pendampingan agar diterima kembali oleh keluarga dan masyarakat desa.',
            terms: ['community_support'],
            directions: ['inbound'],
          });
          if (rng.chance(0.5))
            b.addService(org, {
              ...common,
              name: 'Pelatihan Usaha bagi Keluarga Pekerja Migran',
              description: 'Pelatihan mengelola kiriman uang, menabung dan memulai usaha kecil bagi purna migran dan keluarganya.',
              terms: ['business_startup', 'vocational_training'],
              minAge: 17,
            });
        } else if (kind === 'child') {
          b.addService(org, {
            ...common,
            name: 'Pendampingan Anak Korban Eksploitasi dan Perdagangan Orang',
            description: 'Pendampingan psikososial, bantuan kembali ke sekolah, dan pendampingan keluarga bagi anak korban eksploitasi dan perdagangan orang.',
            terms: ['mental_health', 'education'],
            maxAge: 17,
          });
          if (rng.chance(0.5))
            b.addService(org, {
              ...common,
              name: 'Rumah Singgah Anak',
              description: 'Tempat tinggal sementara bagi anak korban yang belum bisa kembali ke keluarga, dengan pengasuh dan kegiatan belajar.',
              terms: ['shelter', 'education'],
              maxAge: 17,
              hours: allDay,
              places: rng.int(5, 20),
            });
        } else {
          b.addService(org, {
            ...common,
            name: 'Konseling dan Pemulihan Trauma',
            description: 'Asesmen psikologis, konseling individual dan terapi trauma oleh psikolog klinis berizin.',
            terms: ['mental_health'],
            cost: 'sliding_scale',
            costNote: 'Tarif menyesuaikan kemampuan; gratis bagi korban yang dirujuk UPTD PPA.',
          });
        }
        return;
      }
      case 'cooperative':
      case 'company':
      case 'lpk':
      case 'pkbm': {
        const pools: Record<typeof kind, () => string> = {
          cooperative: () => `Koperasi ${rng.pick(['Simpan Pinjam', 'Serba Usaha', 'Produsen'])} ${rng.pick(['Purna Migran', 'Migran Sejahtera', 'Mandiri Sejahtera', 'Karya Bersama', 'Maju Bersama', 'Sumber Rezeki', 'Srikandi'])} ${place.short}`,
          company: () =>
            `PT ${rng.pick(['Sinar', 'Mitra', 'Karya', 'Cahaya', 'Prima', 'Sentosa', 'Mega', 'Agung', 'Surya', 'Bumi', 'Tirta', 'Sari'])} ${rng.pick(['Abadi', 'Makmur', 'Nusantara', 'Jaya', 'Sejahtera', 'Perkasa', 'Mandiri', 'Lestari', 'Utama'])} ${rng.pick(['Garmen', 'Tekstil', 'Pangan', 'Plastik', 'Agro', 'Logistik', 'Elektronik', 'Furnitur', 'Sepatu'])}`,
          lpk: () => `LPK ${rng.pick(['Bina Terampil', 'Karya Mandiri', 'Cipta Kreasi', 'Mitra Kerja', 'Insan Kreatif', 'Sekar Ayu', 'Dharma Bakti'])} ${place.short}`,
          pkbm: () => `PKBM ${rng.pick(['Tunas Bangsa', 'Harapan Ilmu', 'Bina Insani', 'Cahaya Ilmu', 'Mitra Belajar', 'Nurul Ilmi', 'Sekar Melati'])} ${place.short}`,
        };
        const name = this.uniqueName(pools[kind]);
        if (!name) return;
        const domain = ngoDomain(name);
        const org = b.addOrg({
          key: `${kind}:${place.regencyCode}:${slug(name)}`,
          name,
          acronym: null,
          type: kind === 'pkbm' ? 'community' : kind === 'cooperative' ? 'community' : 'private_sector',
          level: 'regency',
          areaCode: place.regencyCode,
          website: rng.chance(0.4) ? `https://${domain}` : null,
          email: `info@${domain}`,
          description: {
            cooperative: `Koperasi di ${place.short} yang anggotanya sebagian besar purna pekerja migran dan keluarganya.`,
            company: `Perusahaan di ${where} yang bermitra dengan pemerintah daerah untuk mempekerjakan purna pekerja migran.`,
            lpk: `Lembaga pelatihan kerja swasta di ${place.short}.`,
            pkbm: `Pusat kegiatan belajar masyarakat di ${place.short} untuk pendidikan kesetaraan.`,
          }[kind],
          phone: b.landline(place),
        });
        if (!org) return;
        const loc = b.addLocation(org, place, kind === 'company' ? `Pabrik ${name}` : `Kantor ${name}`);
        const common = { languages: langs, phones: b.officePhones(place, 0.8), areaCodes: area, locations: [loc] };
        if (kind === 'cooperative')
          b.addService(org, {
            ...common,
            name: 'Simpan Pinjam dan Modal Usaha bagi Anggota',
            description: 'Tabungan anggota, pinjaman modal usaha dengan jasa ringan, dan pendampingan usaha bersama (olahan pangan, kerajinan, warung).',
            terms: ['business_startup', 'community_support'],
            minAge: 18,
            cost: 'fee',
            costNote: 'Simpanan pokok Rp 100.000; jasa pinjaman 1% per bulan.',
            hours: ngoHours(rng),
            docs: ['ktp', 'family_card'],
          });
        else if (kind === 'company')
          b.addService(org, {
            ...common,
            name: 'Rekrutmen Purna Pekerja Migran',
            description: `Lowongan operator produksi dan staf gudang di ${where} bagi purna pekerja migran, dengan pelatihan kerja di tempat dan kontrak sesuai UMK.`,
            terms: ['job_placement', 'vocational_training'],
            minAge: 18,
            maxAge: rng.chance(0.5) ? 45 : undefined,
            hours: officeHours(rng),
            docs: ['ktp', 'photo', 'medical_certificate'],
            maxOpenReferrals: rng.int(5, 30),
          });
        else if (kind === 'lpk')
          b.addService(org, {
            ...common,
            name: `Kursus ${rng.pick(['Menjahit dan Tata Busana', 'Tata Boga', 'Komputer dan Administrasi Perkantoran', 'Tata Rias', 'Bahasa Inggris untuk Perhotelan'])}`,
            description: 'Kursus keterampilan 1–3 bulan dengan praktik dan sertifikat; kelas pagi atau sore.',
            terms: ['vocational_training'],
            minAge: 16,
            cost: rng.chance(0.5) ? 'fee' : 'sliding_scale',
            costNote: 'Biaya kursus dapat dibayar dengan Kartu Prakerja; potongan bagi purna migran.',
            hours: trainingHours,
            docs: ['ktp', 'photo'],
            places: rng.int(10, 30),
          });
        else
          b.addService(org, {
            ...common,
            name: 'Pendidikan Kesetaraan Paket A, B dan C',
            description: 'Kejar paket bagi anak dan remaja yang putus sekolah, dengan jadwal belajar yang menyesuaikan.',
            terms: ['education'],
            minAge: 7,
            maxAge: 17,
            hours: [{ days: [1, 3, 5], opens: '13:00', closes: '16:00' }, { days: [6], opens: '08:00', closes: '11:00' }],
            docs: ['birth_certificate', 'family_card'],
            places: rng.int(20, 60),
          });
        return;
      }
      case 'desbumi': {
        const village = this.freshVillage(place);
        if (!village) return;
        const name = b.nameFree(`Desbumi Desa ${village.name}`) ? `Desbumi Desa ${village.name}` : `Desbumi Desa ${village.name} ${place.short}`;
        const org = b.addOrg({
          key: `desbumi:${village.code}`,
          name,
          acronym: 'Desbumi',
          type: 'community',
          level: 'regency',
          areaCode: place.regencyCode,
          website: null,
          email: null,
          description: `Desa Peduli Buruh Migran di Desa ${village.name}, ${place.short}: pos informasi dan pengaduan warga yang bekerja ke luar negeri.`,
          phone: null,
        });
        if (!org) return;
        b.addService(org, {
          name: 'Pos Informasi dan Pengaduan Pekerja Migran Desa',
          description: 'Kader desa mencatat warga yang bekerja ke luar negeri, memberi informasi migrasi aman, membantu keluarga yang kehilangan kontak, dan menyambut purna migran yang pulang.',
          terms: ['community_support', 'family_tracing'],
          languages: langs,
          hours: [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '14:00' }],
          hoursNote: 'Di balai desa; di luar jam itu hubungi kader lewat WhatsApp.',
          phones: [{ number: b.mobile(), kind: 'whatsapp', description: 'Kader Desbumi' }],
          contacts: b.contacts(place, null, ['Kader Desbumi', 'Kepala Desa', 'Sekretaris Desa']),
          areaCodes: [village.districtCode],
          locations: [b.addLocation(org, place, `Balai Desa ${village.name}`, { village, address: 'Kompleks Balai Desa' })],
          pace: 'fast',
        });
        return;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------

/** The directory for `services` services; the same options give the same directory. */
export function generateDirectory(options: DirectoryOptions): GeneratedDirectory {
  const seed = options.seed ?? 20261127;
  const data = loadAreaData();
  const rng = Rng.derive(seed, 'directory');
  const b = new Builder(rng, seed, data, options.services, options.referenceDate ?? defaultReferenceDate, options.reservedNames ?? []);

  national(b);

  // Every province's social-affairs office and protection unit, main sending provinces first.
  const provinces = [...data.provinces.keys()].sort((x, y) => (provinceWeights[y] ?? 0) - (provinceWeights[x] ?? 0) || x.localeCompare(y));
  const main = new Set<string>(mainProvinces);
  for (const p of provinces) {
    if (b.full()) break;
    provincialBasics(b, p, main.has(p));
  }

  // Then, in turn, the main provinces' other offices and providers in the regencies.
  const extras: [string, Parameters<typeof provincialExtras>[2]][] = [];
  for (const kind of ['bp3mi', 'lbh', 'women', 'polda', 'bhayangkara', 'disnaker'] as const) for (const p of mainProvinces) extras.push([p, kind]);
  // Regencies weighted like the directory's providers: the sending provinces and regencies most,
  // provincial capitals more than their size, every regency some.
  const regencies: [string, number][] = [];
  for (const [code] of data.regencies) {
    if (!data.villagesByRegency.has(code)) continue;
    const p = code.slice(0, 2);
    const capital = provinceCapitals[p] === code ? 3 : 1;
    regencies.push([code, (1 + (provinceWeights[p] ?? 0) / 2) * (sendingRegencies[code] ?? 1) * capital]);
  }
  const table = new WeightedTable(regencies);
  const providers = new RegencyProviders(b);
  let guard = 0;
  while (!b.full() && guard++ < options.services * 20 + 1000) {
    const next = extras.shift();
    if (next) provincialExtras(b, next[0], next[1]);
    if (b.full()) break;
    providers.add(table.draw(rng));
  }
  return b.finish();
}
