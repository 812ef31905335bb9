// The demo service directory: about three hundred synthetic services across Indonesia from the
// directory generator (src/synthetic/directory.ts), plus the services of the demo organisations
// themselves (the NGO's shelter and counselling in Brebes, the provincial social-affairs office's
// services in East Java, ...) and their public profiles. Inserted in bulk, one statement per
// table with the rows as a JSON parameter (as the reference data is), so the seed stays quick on
// PGlite; the search text is then built by the same rule the directory service uses.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { termByCode } from '../directory/taxonomy.js';
import { refreshSearchTextOf } from '../directory/search-text.js';
import type { Db, DbHandle } from '../platform/db/client.js';
import { addDays } from '../synthetic/dates.js';
import {
  generateDirectory,
  type DirectoryHours,
  type GeneratedDirectory,
  type GeneratedLocation,
  type GeneratedService,
} from '../synthetic/directory.js';
import { todayInJakarta } from '../cases/derived.js';

export const DEMO_DIRECTORY_SEED = 'pulang-demo-directory';
export const DEMO_DIRECTORY_SERVICES = 300;

/**
 * Inserts a generated directory: organisations, locations, services (capacity and provider record
 * included), the links between services and locations, then each service's search text. Also used
 * by the benchmark to load 5,000 services.
 */
export async function insertDirectory(db: DbHandle, dir: GeneratedDirectory) {
  const orgs = dir.organizations.map((o) => ({
    id: o.id,
    name: o.name,
    acronym: o.acronym,
    type: o.type,
    level: o.level,
    area_code: o.areaCode,
    parent_id: o.parentId,
    description: o.description,
    website: o.website,
    email: o.email,
    phone: o.phone,
  }));
  if (orgs.length)
    await db.execute(sql`
      insert into organizations (id, name, acronym, type, level, area_code, parent_id, description, website, email, phone)
      select id, name, acronym, type, level, area_code, parent_id, description, website, email, phone
      from json_populate_recordset(null::organizations, ${JSON.stringify(orgs)}::json)`);
  const locs = dir.locations.map((l) => ({
    id: l.id,
    organization_id: l.organizationId,
    name: l.name,
    description: l.description,
    address: l.address,
    area_code: l.areaCode,
    postal_code: l.postalCode,
    latitude: l.latitude,
    longitude: l.longitude,
    transportation: l.transportation,
    accessibility: l.accessibility,
  }));
  if (locs.length)
    await db.execute(sql`
      insert into locations (id, organization_id, name, description, address, area_code, postal_code, latitude, longitude, transportation, accessibility)
      select id, organization_id, name, description, address, area_code, postal_code, latitude, longitude, transportation, accessibility
      from json_populate_recordset(null::locations, ${JSON.stringify(locs)}::json)`);
  const svcs = dir.services.map((s) => ({
    id: s.id,
    organization_id: s.organizationId,
    name: s.name,
    alternate_name: s.alternateName,
    description: s.description,
    url: s.url,
    email: s.email,
    status: s.status,
    term_ids: s.termIds,
    languages: s.languages,
    eligible_sexes: s.eligibleSexes,
    min_age: s.minAge,
    max_age: s.maxAge,
    eligible_case_types: s.eligibleCaseTypes,
    eligible_directions: s.eligibleDirections,
    eligibility_note: s.eligibilityNote,
    cost_kind: s.costKind,
    cost_note: s.costNote,
    hours: s.hours,
    hours_note: s.hoursNote,
    phones: s.phones,
    contacts: s.contacts,
    nationwide: s.nationwide,
    area_codes: s.areaCodes,
    required_documents: s.requiredDocuments,
    required_documents_note: s.requiredDocumentsNote,
    capacity_total: s.capacityTotal,
    capacity_free: s.capacityFree,
    max_open_referrals: s.maxOpenReferrals,
    capacity_updated_at: s.capacityUpdatedAt,
    referrals_answered: s.referralsAnswered,
    referrals_accepted: s.referralsAccepted,
    response_hours_total: s.responseHoursTotal,
    last_confirmed_at: s.lastConfirmedAt,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  }));
  if (svcs.length)
    await db.execute(sql`
      insert into services (id, organization_id, name, alternate_name, description, url, email, status, term_ids, languages,
        eligible_sexes, min_age, max_age, eligible_case_types, eligible_directions, eligibility_note, cost_kind, cost_note,
        hours, hours_note, phones, contacts, nationwide, area_codes, required_documents, required_documents_note,
        capacity_total, capacity_free, max_open_referrals, capacity_updated_at, referrals_answered, referrals_accepted,
        response_hours_total, last_confirmed_at, created_at, updated_at)
      select id, organization_id, name, alternate_name, description, url, email, status, term_ids, languages,
        eligible_sexes, min_age, max_age, eligible_case_types, eligible_directions, eligibility_note, cost_kind, cost_note,
        hours, hours_note, phones, contacts, nationwide, area_codes, required_documents, required_documents_note,
        capacity_total, capacity_free, max_open_referrals, capacity_updated_at, referrals_answered, referrals_accepted,
        response_hours_total, last_confirmed_at, created_at, updated_at
      from json_populate_recordset(null::services, ${JSON.stringify(svcs)}::json)`);
  const links = dir.serviceAtLocations.map((x) => ({ id: x.id, service_id: x.serviceId, location_id: x.locationId, description: x.description }));
  if (links.length)
    await db.execute(sql`
      insert into service_at_locations (id, service_id, location_id, description)
      select id, service_id, location_id, description from json_populate_recordset(null::service_at_locations, ${JSON.stringify(links)}::json)`);
  if (dir.services.length) await refreshSearchTextOf(db, dir.services.map((s) => s.id));
}

// ---------------------------------------------------------------------------------------------
// The demo organisations' own profiles and services

type DemoKey = 'gt' | 'dinsos' | 'ngo' | 'io' | 'ps' | 'kom';

const profiles: Record<DemoKey, { description: string; website: string | null; email: string | null; phone: string | null }> = {
  gt: {
    description: 'Sekretariat gugus tugas pencegahan dan penanganan tindak pidana perdagangan orang: koordinasi kementerian, lembaga dan daerah (data contoh).',
    website: null,
    email: 'sekretariat@gugus-tugas.demo.pulang.example',
    phone: '+62215550101',
  },
  dinsos: {
    description: 'Perangkat daerah Provinsi Jawa Timur di bidang sosial: rehabilitasi sosial, pemulangan dan pemberdayaan korban perdagangan orang dan pekerja migran bermasalah sosial.',
    website: null,
    email: 'layanan@dinsos-jatim.demo.pulang.example',
    phone: '+62318290101',
  },
  ngo: {
    description: 'Yayasan di Brebes yang mendampingi perempuan dan anak korban perdagangan orang dan purna pekerja migran: rumah aman, konseling, pendampingan hukum dan kelompok sebaya.',
    website: 'https://bina-pulih.demo.pulang.example',
    email: 'halo@bina-pulih.demo.pulang.example',
    phone: '+62283671234',
  },
  io: {
    description: 'Organisasi antarpemerintah (contoh) yang membantu pemulangan sukarela dan reintegrasi migran.',
    website: 'https://omi.demo.pulang.example',
    email: 'jakarta@omi.demo.pulang.example',
    phone: '+62215550202',
  },
  ps: {
    description: 'Perusahaan garmen di Indramayu yang bermitra dengan pemerintah daerah untuk mempekerjakan dan melatih purna pekerja migran.',
    website: null,
    email: 'hrd@karya-mandiri.demo.pulang.example',
    phone: '+62234271234',
  },
  kom: {
    description: 'Paguyuban purna pekerja migran di Desa Sukamaju, Malang: pertemuan bulanan, dukungan sebaya dan usaha bersama.',
    website: null,
    email: null,
    phone: null,
  },
};

const office: DirectoryHours[] = [
  { days: [1, 2, 3, 4], opens: '07:30', closes: '16:00' },
  { days: [5], opens: '07:30', closes: '16:30' },
];
const allDay: DirectoryHours[] = [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '23:59' }];

interface DemoLocation extends Omit<GeneratedLocation, 'id' | 'organizationId'> {
  key: string;
}

interface DemoService extends Partial<Omit<GeneratedService, 'id' | 'organizationId' | 'termIds' | 'locationIds'>> {
  name: string;
  description: string;
  termCodes: string[];
  locations: string[];
}

const demoLocations: Record<DemoKey, DemoLocation[]> = {
  gt: [],
  dinsos: [
    { key: 'dinsos-office', name: 'Kantor Dinas Sosial Provinsi Jawa Timur', description: null, address: 'Jl. Raya Menanggal No. 21', areaCode: '35.78.22.1002', postalCode: '60235', latitude: -7.3312, longitude: 112.7287, transportation: 'Dekat Terminal Bungurasih; angkot jurusan Joyoboyo turun di depan kantor.', accessibility: 'Pintu masuk tanpa tangga; ruang layanan di lantai dasar.' },
  ],
  ngo: [
    { key: 'ngo-office', name: 'Sekretariat Yayasan Bina Pulih Nusantara', description: null, address: 'Jl. Jenderal Sudirman No. 112', areaCode: '33.29.09.1003', postalCode: '52212', latitude: -6.8721, longitude: 109.0418, transportation: 'Dari Stasiun Brebes jalan kaki 10 menit ke arah alun-alun.', accessibility: 'Ruang konseling di lantai dasar.' },
  ],
  io: [{ key: 'io-office', name: 'Kantor OMI Jakarta (contoh)', description: null, address: 'Jl. Kebon Sirih Raya No. 44', areaCode: '31.71.06.1001', postalCode: '10340', latitude: -6.1935, longitude: 106.8229, transportation: 'Dari Stasiun Gondangdia jalan kaki 10 menit.', accessibility: 'Lift dan toilet untuk kursi roda.' }],
  ps: [{ key: 'ps-factory', name: 'Pabrik PT Karya Mandiri Sejahtera', description: null, address: 'Jl. Raya Jatibarang Km 4', areaCode: '32.12.13.2002', postalCode: '45273', latitude: -6.4731, longitude: 108.3049, transportation: 'Angkutan desa jurusan Jatibarang, turun di gerbang pabrik.', accessibility: null }],
  kom: [{ key: 'kom-hall', name: 'Balai Paguyuban Purna Migran', description: null, address: 'Dusun Krajan RT 002/RW 001', areaCode: '35.07.17.2007', postalCode: null, latitude: -8.12, longitude: 112.58, transportation: null, accessibility: null }],
};

const demoServices: Record<DemoKey, DemoService[]> = {
  gt: [],
  ngo: [
    {
      name: 'Rumah Aman Bina Pulih',
      description: 'Rumah aman yang dirahasiakan bagi perempuan dan anak korban perdagangan orang dan kekerasan, dengan pendamping 24 jam, konseling dan pemeriksaan kesehatan, sampai aman untuk pulang. Alamat tidak diumumkan; pendamping menjemput korban.',
      termCodes: ['shelter'],
      languages: ['id', 'jv'],
      eligibilityNote: 'Perempuan dewasa, dan anak (laki-laki sampai 12 tahun) bersama ibunya atau dirujuk UPTD PPA.',
      eligibleCaseTypes: ['victim_of_trafficking', 'presumed_victim', 'unaccompanied_or_separated_child'],
      hours: allDay,
      phones: [{ number: '+6281327001122', kind: 'hotline', description: '24 jam' }],
      contacts: [{ name: 'Sri Wahyuni', title: 'Koordinator Rumah Aman', email: 'sri.wahyuni@bina-pulih.demo.pulang.example', phone: '+6281327001123' }],
      areaCodes: ['33.29', '33.28', '33.76'],
      requiredDocuments: ['referral_letter'],
      requiredDocumentsNote: 'Rujukan dari UPTD PPA, dinas sosial, kepolisian atau lembaga pendamping.',
      capacityTotal: 12,
      capacityFree: 3,
      // The address is protected: never published, reached through the hotline.
      locations: [],
    },
    {
      name: 'Konseling dan Pemulihan Trauma',
      description: 'Konseling individual dan kelompok oleh psikolog dan konselor terlatih bagi korban perdagangan orang dan keluarganya, di sekretariat atau lewat kunjungan rumah.',
      termCodes: ['mental_health'],
      languages: ['id', 'jv'],
      hours: [{ days: [1, 2, 3, 4, 5], opens: '08:30', closes: '16:30' }, { days: [6], opens: '09:00', closes: '12:00' }],
      phones: [{ number: '+62283671234', kind: 'voice', description: null }, { number: '+6281327001124', kind: 'whatsapp', description: 'Janji temu' }],
      areaCodes: ['33.29', '33.28', '33.27'],
      maxOpenReferrals: 15,
      locations: ['ngo-office'],
    },
    {
      name: 'Pendampingan Hukum dan Pelaporan',
      description: 'Paralegal dan pengacara mitra mendampingi korban saat melapor ke polisi, selama pemeriksaan dan sidang, dan saat mengajukan restitusi.',
      termCodes: ['legal_aid', 'restitution_protection'],
      languages: ['id', 'jv'],
      hours: [{ days: [1, 2, 3, 4, 5], opens: '08:30', closes: '16:30' }],
      phones: [{ number: '+62283671234', kind: 'voice', description: null }],
      areaCodes: ['33.29'],
      requiredDocuments: ['ktp'],
      maxOpenReferrals: 10,
      locations: ['ngo-office'],
    },
    {
      name: 'Kelompok Dukungan Sebaya Purna Migran Brebes',
      description: 'Pertemuan dua mingguan perempuan purna migran untuk saling menguatkan, mencari keluarga yang hilang kontak, dan belajar usaha kecil.',
      termCodes: ['community_support', 'family_tracing'],
      languages: ['id', 'jv'],
      eligibleSexes: ['female'],
      hours: [{ days: [6], opens: '13:00', closes: '15:30' }],
      hoursNote: 'Sabtu kedua dan keempat setiap bulan.',
      phones: [{ number: '+6281327001125', kind: 'whatsapp', description: 'Koordinator kelompok' }],
      areaCodes: ['33.29'],
      locations: ['ngo-office'],
    },
  ],
  dinsos: [
    {
      name: 'Rehabilitasi Sosial dan Pemulangan Korban Perdagangan Orang Jawa Timur',
      description: 'Penjemputan korban dan pekerja migran bermasalah di Bandara Juanda dan Pelabuhan Tanjung Perak, pendampingan psikososial, dan pengantaran pulang ke kabupaten/kota asal di Jawa Timur.',
      termCodes: ['transport_home', 'family_tracing', 'mental_health'],
      languages: ['id', 'jv', 'mad'],
      eligibleDirections: ['inbound'],
      hours: office,
      hoursNote: 'Penjemputan di debarkasi sesuai jadwal kedatangan, termasuk akhir pekan.',
      phones: [{ number: '+62318290101', kind: 'voice', description: null }, { number: '+6281130055501', kind: 'whatsapp', description: 'Piket pemulangan' }],
      contacts: [{ name: 'Bambang Sutrisno', title: 'Kepala Seksi Rehabilitasi Sosial', email: 'layanan@dinsos-jatim.demo.pulang.example', phone: null }],
      areaCodes: ['35'],
      requiredDocuments: ['referral_letter'],
      locations: ['dinsos-office'],
    },
    {
      name: 'Rumah Perlindungan Sosial Jawa Timur',
      description: 'Tempat tinggal sementara yang aman bagi korban perdagangan orang dan pekerja migran bermasalah selama menunggu pemulangan, dengan makan, pemeriksaan kesehatan dan konseling.',
      termCodes: ['shelter', 'mental_health'],
      languages: ['id', 'jv', 'mad'],
      hours: allDay,
      phones: [{ number: '+6281130055502', kind: 'hotline', description: 'Petugas piket 24 jam' }],
      areaCodes: ['35'],
      requiredDocuments: ['referral_letter'],
      capacityTotal: 40,
      capacityFree: 9,
      locations: [],
    },
    {
      name: 'Bantuan Stimulan Usaha bagi Purna Pekerja Migran',
      description: 'Bantuan modal usaha berupa barang dan pendampingan usaha selama enam bulan bagi korban dan purna pekerja migran bermasalah yang sudah kembali ke keluarga.',
      termCodes: ['cash_support', 'business_startup'],
      languages: ['id', 'jv'],
      eligibleDirections: ['inbound'],
      minAge: 18,
      hours: office,
      phones: [{ number: '+62318290101', kind: 'voice', description: null }],
      areaCodes: ['35'],
      requiredDocuments: ['ktp', 'family_card', 'village_letter'],
      eligibilityNote: 'Diusulkan dinas sosial kabupaten/kota setelah asesmen.',
      locations: ['dinsos-office'],
    },
    {
      name: 'Pelatihan Keterampilan bagi Korban dan Purna Migran',
      description: 'Pelatihan menjahit, tata boga dan tata rias selama satu bulan di UPT Rehabilitasi Sosial, dengan sertifikat dan paket alat usaha.',
      termCodes: ['vocational_training'],
      languages: ['id', 'jv'],
      minAge: 17,
      hours: [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '15:00' }],
      phones: [{ number: '+62318290102', kind: 'voice', description: 'Pendaftaran' }],
      areaCodes: ['35'],
      requiredDocuments: ['ktp', 'photo'],
      capacityTotal: 32,
      capacityFree: 12,
      locations: ['dinsos-office'],
    },
  ],
  io: [
    {
      name: 'Pemulangan Sukarela dan Reintegrasi Migran (contoh)',
      description: 'Bantuan pemulangan sukarela warga negara asing yang terlantar atau menjadi korban perdagangan orang di Indonesia: dokumen perjalanan, tiket, pendamping perjalanan dan bantuan reintegrasi di negara asal.',
      termCodes: ['transport_home', 'family_tracing', 'cash_support'],
      languages: ['id', 'en', 'my', 'km', 'vi', 'tl', 'bn'],
      eligibleDirections: ['outbound'],
      hours: [{ days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00' }],
      phones: [{ number: '+62215550202', kind: 'voice', description: null }],
      nationwide: true,
      locations: ['io-office'],
    },
  ],
  ps: [
    {
      name: 'Rekrutmen dan Pelatihan Kerja Purna Migran',
      description: 'Pelatihan menjahit industri selama dua minggu di pabrik, lalu kontrak kerja sebagai operator produksi dengan upah sesuai UMK Indramayu.',
      termCodes: ['job_placement', 'vocational_training'],
      languages: ['id', 'su', 'jv'],
      minAge: 18,
      maxAge: 45,
      hours: [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '16:00' }, { days: [6], opens: '08:00', closes: '12:00' }],
      phones: [{ number: '+62234271234', kind: 'voice', description: 'HRD' }],
      areaCodes: ['32.12', '32.09'],
      requiredDocuments: ['ktp', 'photo', 'medical_certificate'],
      maxOpenReferrals: 20,
      locations: ['ps-factory'],
    },
  ],
  kom: [
    {
      name: 'Pertemuan Bulanan dan Dukungan Sebaya Purna Migran',
      description: 'Pertemuan bulanan purna pekerja migran di balai paguyuban: berbagi pengalaman, arisan usaha, dan menemani anggota yang baru pulang.',
      termCodes: ['community_support'],
      languages: ['id', 'jv'],
      hours: [{ days: [7], opens: '09:00', closes: '12:00' }],
      hoursNote: 'Minggu pertama setiap bulan.',
      phones: [{ number: '+6285736001199', kind: 'whatsapp', description: 'Ketua paguyuban' }],
      areaCodes: ['35.07'],
      locations: ['kom-hall'],
    },
  ],
};

function demoOrganizationServices(orgIds: Partial<Record<string, string>>, referenceDate: string): GeneratedDirectory {
  const out: GeneratedDirectory = { organizations: [], locations: [], services: [], serviceAtLocations: [] };
  const at = (days: number) => new Date(Date.parse(`${addDays(referenceDate, -days)}T03:00:00Z`));
  let n = 0;
  for (const key of Object.keys(demoServices) as DemoKey[]) {
    const organizationId = orgIds[key];
    if (!organizationId) continue;
    const locationIds = new Map<string, string>();
    for (const { key: lk, ...l } of demoLocations[key]) {
      const id = randomUUID();
      locationIds.set(lk, id);
      out.locations.push({ id, organizationId, ...l });
    }
    for (const s of demoServices[key]) {
      const confirmed = at(2 + ((n++ * 7) % 40));
      const hasCapacity = s.capacityTotal != null || s.maxOpenReferrals != null;
      const row: GeneratedService = {
        id: randomUUID(),
        organizationId,
        alternateName: null,
        url: null,
        email: null,
        status: 'active',
        languages: ['id'],
        eligibleSexes: [],
        minAge: null,
        maxAge: null,
        eligibleCaseTypes: [],
        eligibleDirections: [],
        eligibilityNote: null,
        costKind: 'free',
        costNote: null,
        hours: [],
        hoursNote: null,
        phones: [],
        contacts: [],
        nationwide: false,
        areaCodes: [],
        requiredDocuments: [],
        requiredDocumentsNote: null,
        capacityTotal: null,
        capacityFree: null,
        maxOpenReferrals: null,
        capacityUpdatedAt: hasCapacity ? confirmed : null,
        referralsAnswered: 0,
        referralsAccepted: 0,
        responseHoursTotal: 0,
        lastConfirmedAt: confirmed,
        createdAt: at(400),
        updatedAt: confirmed,
        ...s,
        termIds: s.termCodes.map((c) => termByCode.get(c)!.id),
        locationIds: s.locations.map((k) => locationIds.get(k)!),
      };
      delete (row as Partial<DemoService>).locations;
      out.services.push(row);
      for (const locationId of row.locationIds) out.serviceAtLocations.push({ id: randomUUID(), serviceId: row.id, locationId, description: null });
    }
  }
  return out;
}

/**
 * Seeds the demo directory: the demo organisations' profiles and services (given their IDs by
 * demo key: 'dinsos', 'ngo', ...) and about three hundred generated services across Indonesia.
 */
export async function seedDemoDirectory(db: Db, orgIdsByKey: Partial<Record<string, string>>, options: { services?: number } = {}) {
  // Yesterday, so that no confirmation or change lies in the future.
  const referenceDate = addDays(todayInJakarta(), -1);
  await db.transaction(async (tx) => {
    const taken = (await tx.execute(sql`select name from organizations`)) as unknown as { rows: { name: string }[] };
    const generated = generateDirectory({
      services: options.services ?? DEMO_DIRECTORY_SERVICES,
      seed: DEMO_DIRECTORY_SEED,
      referenceDate,
      reservedNames: taken.rows.map((r) => r.name),
    });
    for (const [key, p] of Object.entries(profiles)) {
      const id = orgIdsByKey[key];
      if (id) await tx.execute(sql`update organizations set description = ${p.description}, website = ${p.website}, email = ${p.email}, phone = ${p.phone} where id = ${id}`);
    }
    const own = demoOrganizationServices(orgIdsByKey, referenceDate);
    await insertDirectory(tx, {
      organizations: generated.organizations,
      locations: [...generated.locations, ...own.locations],
      services: [...generated.services, ...own.services],
      serviceAtLocations: [...generated.serviceAtLocations, ...own.serviceAtLocations],
    });
  });
}

