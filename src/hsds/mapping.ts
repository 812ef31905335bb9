// Pulang's directory rows as Open Referral HSDS 3.0 objects. Every object is built field by field
// from what HSDS defines (a whitelist): nothing internal can leave by accident. HSDS wants an ID
// on every child object (phones, schedules, areas served, ...); Pulang keeps those inside the
// service row, so their IDs are derived from the parent's ID and the child's place (UUID version
// 5 style, SHA-1 of a name): the same for every request while the record is unchanged.
// Absent values are left out rather than null (HSDS types are plain strings and numbers).
import { createHash } from 'node:crypto';
import { taxonomy, termByCode, termById as taxonomyTermById, type TaxonomyTerm } from '../directory/taxonomy.js';
import type { Lang } from './params.js';
import { dateOf, jsonOf, numOf, textArray, type LinkedLocationRow, type LocationRow, type OrganizationRow, type SalRow, type ServiceRow, type TermRow } from './query.js';
import { areaChain } from '../reference/area-codes.js';

type Json = Record<string, unknown>;

/** A stable UUID for a child object: SHA-1 of its parent's ID, kind and key, as a version 5 UUID. */
export function childId(parentId: string, kind: string, key: string | number = 0): string {
  const h = createHash('sha1').update(`${parentId}/${kind}/${key}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Copies only the entries with a value (HSDS fields are optional strings and numbers, never null). */
function compact(o: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined && v !== '') out[k] = v;
  return out;
}

// Values that fail the schema's formats are left out rather than published broken.
const emailPattern = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const emailOf = (v: string | null) => (v && emailPattern.test(v) ? v : null);
function urlOf(v: string | null): string | null {
  if (!v) return null;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? v : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Labels Pulang writes itself (providers' own text stays in the language it was entered in)

const L = {
  id: {
    nationwide: 'Indonesia',
    nationwideDescription: 'Seluruh Indonesia',
    areaCode: 'kode wilayah Kemendagri',
    free: 'Gratis',
    fee: 'Berbayar',
    sliding_scale: 'Biaya disesuaikan dengan kemampuan',
    whatsapp: 'WhatsApp',
    hotline: 'Hotline',
    sms: 'SMS',
    femaleOnly: 'Khusus perempuan',
    maleOnly: 'Khusus laki-laki',
    ages: (min: number | null, max: number | null) =>
      min !== null && max !== null ? `Usia ${min}–${max} tahun` : max !== null ? `Usia sampai ${max} tahun` : `Usia ${min} tahun ke atas`,
    for: 'Untuk',
    village: 'Desa',
    urbanVillage: 'Kelurahan',
    district: 'Kecamatan',
    days: ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'],
    allWeek: 'Setiap hari',
    allDay: '24 jam',
  },
  en: {
    nationwide: 'Indonesia',
    nationwideDescription: 'All of Indonesia',
    areaCode: 'Kemendagri area code',
    free: 'Free',
    fee: 'Fee',
    sliding_scale: 'Sliding scale',
    whatsapp: 'WhatsApp',
    hotline: 'Hotline',
    sms: 'SMS',
    femaleOnly: 'Women and girls only',
    maleOnly: 'Men and boys only',
    ages: (min: number | null, max: number | null) => (min !== null && max !== null ? `Aged ${min}–${max}` : max !== null ? `Aged up to ${max}` : `Aged ${min} and over`),
    for: 'For',
    village: 'Village',
    urbanVillage: 'Urban village',
    district: 'District',
    days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    allWeek: 'Every day',
    allDay: '24 hours',
  },
} as const;

const caseTypeLabels: Record<string, { id: string; en: string }> = {
  victim_of_trafficking: { id: 'korban perdagangan orang', en: 'victims of trafficking' },
  presumed_victim: { id: 'dugaan korban perdagangan orang', en: 'presumed victims of trafficking' },
  vulnerable_migrant: { id: 'migran rentan', en: 'vulnerable migrants' },
  stranded_migrant: { id: 'migran terlantar', en: 'stranded migrants' },
  unaccompanied_or_separated_child: { id: 'anak tanpa pendamping atau terpisah dari keluarga', en: 'unaccompanied or separated children' },
};
const directionLabels: Record<string, { id: string; en: string }> = {
  inbound: { id: 'WNI yang pulang ke Indonesia', en: 'Indonesians coming home' },
  outbound: { id: 'warga negara asing yang pulang ke negaranya', en: 'foreign nationals going home' },
};
const documentLabels: Record<string, { id: string; en: string }> = {
  ktp: { id: 'KTP (Kartu Tanda Penduduk)', en: 'Identity card (KTP)' },
  family_card: { id: 'Kartu Keluarga', en: 'Family card (Kartu Keluarga)' },
  birth_certificate: { id: 'Akta kelahiran', en: 'Birth certificate' },
  passport: { id: 'Paspor', en: 'Passport' },
  splp: { id: 'SPLP (Surat Perjalanan Laksana Paspor)', en: 'Emergency travel document (SPLP)' },
  referral_letter: { id: 'Surat rujukan', en: 'Referral letter' },
  police_report: { id: 'Laporan polisi', en: 'Police report' },
  medical_certificate: { id: 'Surat keterangan dokter', en: 'Medical certificate' },
  bpjs_card: { id: 'Kartu BPJS Kesehatan (JKN)', en: 'National health insurance card (BPJS/JKN)' },
  photo: { id: 'Pas foto', en: 'Passport-size photo' },
  village_letter: { id: 'Surat keterangan dari desa atau kelurahan', en: 'Letter from the village office' },
};
const languageNames: Record<string, { id: string; en: string }> = {
  id: { id: 'Bahasa Indonesia', en: 'Indonesian' },
  jv: { id: 'Bahasa Jawa', en: 'Javanese' },
  su: { id: 'Bahasa Sunda', en: 'Sundanese' },
  mad: { id: 'Bahasa Madura', en: 'Madurese' },
  ban: { id: 'Bahasa Bali', en: 'Balinese' },
  bug: { id: 'Bahasa Bugis', en: 'Buginese' },
  min: { id: 'Bahasa Minangkabau', en: 'Minangkabau' },
  sas: { id: 'Bahasa Sasak', en: 'Sasak' },
  en: { id: 'Bahasa Inggris', en: 'English' },
  ms: { id: 'Bahasa Melayu', en: 'Malay' },
  ar: { id: 'Bahasa Arab', en: 'Arabic' },
  zh: { id: 'Bahasa Mandarin', en: 'Chinese' },
  tl: { id: 'Bahasa Tagalog', en: 'Tagalog' },
  km: { id: 'Bahasa Khmer', en: 'Khmer' },
  my: { id: 'Bahasa Myanmar', en: 'Burmese' },
  vi: { id: 'Bahasa Vietnam', en: 'Vietnamese' },
  th: { id: 'Bahasa Thai', en: 'Thai' },
  bn: { id: 'Bahasa Bengali', en: 'Bengali' },
};
const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** UTC offset of a province: WIB (+7), WITA (+8), WIT (+9). */
export function utcOffsetOf(areaCode: string | null): 7 | 8 | 9 {
  const p = Number((areaCode ?? '31').slice(0, 2));
  if (p >= 81) return 9;
  if (p >= 71 || [51, 52, 53, 63, 64, 65].includes(p)) return 8;
  return 7;
}
const zoneNames = { 7: 'WIB', 8: 'WITA', 9: 'WIT' } as const;

// ---------------------------------------------------------------------------------------------
// Taxonomy

export function taxonomyObject(): Json {
  return { id: taxonomy.id, name: taxonomy.name, description: taxonomy.description, uri: taxonomy.uri, version: taxonomy.version };
}

interface TermText {
  id: string;
  code: string;
  parentId: string | null;
  name: { id: string; en: string };
  description: { id: string; en: string };
}

const termTextOf = (t: TaxonomyTerm): TermText => ({
  id: t.id,
  code: t.code,
  parentId: t.group ? (termByCode.get(t.group)?.id ?? null) : null,
  name: t.name,
  description: t.description,
});
export const termTextOfRow = (r: TermRow): TermText => ({
  id: r.id,
  code: r.code,
  parentId: r.parent_id,
  name: { id: r.name_id, en: r.name_en },
  description: { id: r.description_id, en: r.description_en },
});

export function taxonomyTermObject(t: TermText, lang: Lang): Json {
  return compact({
    id: t.id,
    code: t.code,
    name: t.name[lang],
    description: t.description[lang],
    parent_id: t.parentId,
    taxonomy: taxonomy.name,
    taxonomy_id: taxonomy.id,
    taxonomy_detail: taxonomyObject(),
    language: lang,
    term_uri: `${taxonomy.uri}/${t.code}`,
  });
}

// ---------------------------------------------------------------------------------------------
// Organisations

export function organizationListItem(o: { id: string; name: string; acronym: string | null; description: string | null; email: string | null; website: string | null; parentId: string | null }): Json {
  return {
    id: o.id,
    name: o.name,
    ...compact({ alternate_name: o.acronym }),
    description: o.description ?? '',
    ...compact({ email: emailOf(o.email), website: urlOf(o.website), parent_organization_id: o.parentId }),
  };
}

const organizationOfRow = (r: OrganizationRow) => ({ id: r.id, name: r.name, acronym: r.acronym, description: r.description, email: r.email, website: r.website, parentId: r.parent_id });
const organizationOfService = (r: ServiceRow) => ({
  id: r.organization_id,
  name: r.org_name,
  acronym: r.org_acronym,
  description: r.org_description,
  email: r.org_email,
  website: r.org_website,
  parentId: r.org_parent_id,
});

function organizationPhones(organizationId: string, phone: string | null): Json[] {
  return phone ? [{ id: childId(organizationId, 'phone'), organization_id: organizationId, number: phone, type: 'voice' }] : [];
}

export const organizationListItemOfRow = (r: OrganizationRow) => organizationListItem(organizationOfRow(r));

/** An organisation in full: its phone, the locations where its services are given, and its services. */
export function organizationFull(r: OrganizationRow, locations: Json[], services: Json[]): Json {
  return { ...organizationListItem(organizationOfRow(r)), phones: organizationPhones(r.id, r.phone), locations, services };
}

// ---------------------------------------------------------------------------------------------
// Locations

export function locationListItem(l: LocationRow): Json {
  return compact({
    id: l.id,
    location_type: 'physical',
    organization_id: l.organization_id,
    name: l.name,
    description: l.description,
    transportation: l.transportation,
    latitude: numOf(l.latitude),
    longitude: numOf(l.longitude),
  });
}

export function locationFull(l: LocationRow, areas: Map<string, string>, lang: Lang): Json {
  const code = l.area_code;
  const village = code.length === 13 ? areas.get(code) : undefined;
  const district = code.length >= 8 ? areas.get(code.slice(0, 8)) : undefined;
  const t = L[lang];
  const line2 = [
    village ? `${code[9] === '1' ? t.urbanVillage : t.village} ${village}` : null,
    district ? `${t.district} ${district}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const address = {
    id: childId(l.id, 'address'),
    location_id: l.id,
    address_1: l.address,
    ...compact({ address_2: line2 }),
    city: areas.get(code.slice(0, 5)) ?? '',
    state_province: areas.get(code.slice(0, 2)) ?? '',
    postal_code: l.postal_code ?? '',
    country: 'ID',
    address_type: 'physical',
  };
  return {
    ...locationListItem(l),
    addresses: [address],
    accessibility: l.accessibility ? [{ id: childId(l.id, 'accessibility'), location_id: l.id, description: l.accessibility }] : [],
  };
}

export const locationOfSal = (r: SalRow): LocationRow => ({
  id: r.loc_id,
  organization_id: r.loc_organization_id,
  name: r.loc_name,
  description: r.loc_description,
  address: r.loc_address,
  area_code: r.loc_area_code,
  postal_code: r.loc_postal_code,
  latitude: r.loc_latitude,
  longitude: r.loc_longitude,
  transportation: r.loc_transportation,
  accessibility: r.loc_accessibility,
});

// ---------------------------------------------------------------------------------------------
// Services

interface Hours {
  days: number[];
  opens: string;
  closes: string;
}
interface Phone {
  number: string;
  kind: 'voice' | 'whatsapp' | 'sms' | 'hotline';
  description: string | null;
}
interface Contact {
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
}

function eligibilityDescription(r: ServiceRow, lang: Lang): string | null {
  const t = L[lang];
  const parts: string[] = [];
  const sexes = textArray(r.eligible_sexes);
  if (sexes.length === 1) parts.push(sexes[0] === 'female' ? t.femaleOnly : t.maleOnly);
  const min = numOf(r.min_age);
  const max = numOf(r.max_age);
  if (min !== null || max !== null) parts.push(t.ages(min, max));
  const groups = [
    ...textArray(r.eligible_case_types).map((c) => caseTypeLabels[c]?.[lang] ?? c),
    ...textArray(r.eligible_directions).map((d) => directionLabels[d]?.[lang] ?? d),
  ];
  if (groups.length) parts.push(`${t.for}: ${groups.join(', ')}`);
  if (r.eligibility_note) parts.push(r.eligibility_note.replace(/\.$/, ''));
  return parts.length ? `${parts.join('. ')}.` : null;
}

function costText(r: ServiceRow, lang: Lang): string {
  const label = L[lang][r.cost_kind as 'free' | 'fee' | 'sliding_scale'] ?? r.cost_kind;
  return r.cost_note ? `${label}. ${r.cost_note}` : label;
}

const isoDate = (v: unknown) => dateOf(v).toISOString().slice(0, 10);

/** The one-to-one fields of a service, with its organisation: a list item (service_list). */
export function serviceListItem(r: ServiceRow, lang: Lang): Json {
  return {
    id: r.id,
    organization_id: r.organization_id,
    name: r.name,
    ...compact({
      alternate_name: r.alternate_name,
      description: r.description,
      url: urlOf(r.url),
      email: emailOf(r.email),
    }),
    status: r.status,
    ...compact({
      eligibility_description: eligibilityDescription(r, lang),
      minimum_age: numOf(r.min_age),
      maximum_age: numOf(r.max_age),
      fees_description: costText(r, lang),
      alert: r.status === 'temporarily closed' ? r.hours_note : null,
    }),
    assured_date: isoDate(r.last_confirmed_at),
    last_modified: dateOf(r.updated_at).toISOString(),
    organization: organizationListItem(organizationOfService(r)),
  };
}

/** `minimal=true`: the least a service list item may hold (id, name, status) and when it changed. */
export function serviceMinimal(r: ServiceRow): Json {
  return { id: r.id, name: r.name, status: r.status, last_modified: dateOf(r.updated_at).toISOString() };
}

/** "Senin–Kamis 07.30–16.00 WIB". */
function hoursText(h: Hours, zone: string, lang: Lang): string {
  const t = L[lang];
  const days = [...h.days].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
    const from = t.days[days[i]! - 1];
    const to = t.days[days[j]! - 1];
    runs.push(j === i ? from! : j === i + 1 ? `${from}, ${to}` : `${from}–${to}`);
    i = j + 1;
  }
  const dayText = days.length === 7 ? t.allWeek : runs.join(', ');
  const time = h.opens === '00:00' && h.closes === '23:59' ? t.allDay : `${h.opens.replace(':', '.')}–${h.closes.replace(':', '.')} ${zone}`;
  return `${dayText} ${time}`;
}

interface ServiceChildren {
  /** This service's locations (from locationsOfServices). */
  locations: LinkedLocationRow[];
  areas: Map<string, string>;
}

/** The time zone of a service's hours: where it is given, else the area it serves, else its organisation's, else Jakarta. */
function zoneOf(r: ServiceRow, locations: LinkedLocationRow[]): 7 | 8 | 9 {
  const code = locations[0]?.area_code ?? textArray(r.area_codes)[0] ?? r.org_area_code;
  return utcOffsetOf(code);
}

/** A service with everything HSDS nests in it (service.json). `withLocations: false` inside a service_at_location. */
export function serviceFull(r: ServiceRow, c: ServiceChildren, lang: Lang, withLocations = true): Json {
  const t = L[lang];
  const sid = r.id;
  const offset = zoneOf(r, c.locations);
  const tz = `+0${offset}:00`;
  const hours = jsonOf<Hours[]>(r.hours, []);
  const schedules: Json[] = hours.map((h, i) =>
    compact({
      id: childId(sid, 'schedule', i),
      service_id: sid,
      freq: 'WEEKLY',
      wkst: 'MO',
      byday: [...h.days]
        .sort((a, b) => a - b)
        .map((d) => weekdayCodes[d - 1])
        .join(','),
      opens_at: `${h.opens}${tz}`,
      closes_at: `${h.closes}${tz}`,
      timezone: offset,
      description: hoursText(h, zoneNames[offset], lang),
      notes: r.hours_note,
    }),
  );
  if (!hours.length && r.hours_note) schedules.push({ id: childId(sid, 'schedule', 0), service_id: sid, description: r.hours_note });

  const phones = jsonOf<Phone[]>(r.phones, []).map((p, i) => {
    const label = p.kind === 'whatsapp' ? t.whatsapp : p.kind === 'hotline' ? t.hotline : p.kind === 'sms' ? t.sms : null;
    return compact({
      id: childId(sid, 'phone', i),
      service_id: sid,
      number: p.number,
      type: p.kind === 'whatsapp' ? 'cell' : p.kind === 'sms' ? 'text' : 'voice',
      description: [label, p.description].filter(Boolean).join(' – '),
    });
  });

  const areaCodes = textArray(r.area_codes);
  const serviceAreas: Json[] = r.nationwide
    ? [{ id: childId(sid, 'area', 'ID'), service_id: sid, name: t.nationwide, description: t.nationwideDescription }]
    : areaCodes.map((code) => {
        const name = c.areas.get(code) ?? code;
        const within = [code.length > 5 ? c.areas.get(code.slice(0, 5)) : null, code.length > 2 ? c.areas.get(code.slice(0, 2)) : null].filter(Boolean);
        return {
          id: childId(sid, 'area', code),
          service_id: sid,
          name,
          description: `${[name, ...within].join(', ')} (${t.areaCode} ${code})`,
          uri: `urn:kemendagri:${code}`,
        };
      });

  const languages = textArray(r.languages).map((code) => ({
    id: childId(sid, 'language', code),
    service_id: sid,
    name: languageNames[code]?.[lang] ?? code,
    code,
  }));

  const cost = compact({
    id: childId(sid, 'cost'),
    service_id: sid,
    option: L[lang][r.cost_kind as 'free' | 'fee' | 'sliding_scale'] ?? r.cost_kind,
    currency: 'IDR',
    amount: r.cost_kind === 'free' ? 0 : null,
    amount_description: r.cost_note,
  });

  const documents = textArray(r.required_documents).map((code) => ({
    id: childId(sid, 'document', code),
    service_id: sid,
    document: documentLabels[code]?.[lang] ?? code,
  }));
  if (r.required_documents_note) documents.push({ id: childId(sid, 'document', '_note'), service_id: sid, document: r.required_documents_note });

  const contacts = jsonOf<Contact[]>(r.contacts, []).map((p, i) => {
    const cid = childId(sid, 'contact', i);
    return {
      ...compact({ id: cid, service_id: sid, name: p.name, title: p.title, email: emailOf(p.email) }),
      phones: p.phone ? [{ id: childId(cid, 'phone'), contact_id: cid, number: p.phone }] : [],
    };
  });

  const attributes = textArray(r.term_ids).flatMap((termId) => {
    const term = taxonomyTermById.get(termId);
    if (!term) return [];
    return [
      {
        id: childId(sid, 'attribute', termId),
        link_id: sid,
        link_entity: 'service',
        taxonomy_term_id: termId,
        taxonomy_term: taxonomyTermObject(termTextOf(term), lang),
      },
    ];
  });

  const out: Json = {
    ...serviceListItem(r, lang),
    organization: { ...organizationListItem(organizationOfService(r)), phones: organizationPhones(r.organization_id, r.org_phone) },
    phones,
    schedules,
    service_areas: serviceAreas,
    languages,
    cost_options: [cost],
    required_documents: documents,
    contacts,
    attributes,
  };
  if (withLocations)
    out.service_at_locations = c.locations.map((l) =>
      compact({
        id: l.sal_id,
        service_id: sid,
        location_id: l.id,
        description: l.sal_description,
        location: locationFull(l, c.areas, lang),
      }),
    );
  return out;
}

/** Area codes whose names the full form of these services and locations needs. */
export function areaCodesNeeded(services: ServiceRow[], locations: { area_code: string }[]): string[] {
  const codes = new Set<string>();
  for (const s of services) for (const code of textArray(s.area_codes)) for (const c of areaChain(code)) codes.add(c);
  for (const l of locations) for (const c of areaChain(l.area_code)) codes.add(c);
  return [...codes];
}

// ---------------------------------------------------------------------------------------------
// Service at location

export function salListItem(r: SalRow, lang: Lang): Json {
  return compact({
    id: r.sal_id,
    service_id: r.id,
    location_id: r.loc_id,
    description: r.sal_description,
    location: locationListItem(locationOfSal(r)),
    service: serviceListItem(r, lang),
  });
}

export function salFull(r: SalRow, serviceLocations: LinkedLocationRow[], areas: Map<string, string>, lang: Lang): Json {
  return compact({
    id: r.sal_id,
    service_id: r.id,
    location_id: r.loc_id,
    description: r.sal_description,
    location: locationFull(locationOfSal(r), areas, lang),
    service: serviceFull(r, { locations: serviceLocations, areas }, lang, false),
  });
}
