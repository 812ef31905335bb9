// The public search of the service directory (the /directory page): what anyone may see of a
// service, never capacity, provider statistics or referral data. One query finds the page of
// services in order (with the total), a second fetches what the page shows of them.
import { sql, type SQL } from 'drizzle-orm';
import type { DbHandle } from '../platform/db/client.js';
import { termByCode, termById } from './taxonomy.js';
import { areaChain, isAreaCode } from '../reference/area-codes.js';
import { pgArray as arrayLiteral } from '../platform/db/arrays.js';

/** Statuses a search shows; the service page also shows inactive ones (with a notice), never defunct. */
export const listedStatuses = ['active', 'temporarily closed'] as const;
export const shownStatuses = ['active', 'temporarily closed', 'inactive'] as const;

export interface PublicSearch {
  /** Taxonomy term codes (any of them matches). */
  termCodes?: string[];
  /** Kemendagri code of a province, regency or district. */
  areaCode?: string;
  /** ISO 639 code the service must be given in. */
  language?: string;
  /** Words that must all appear in the service's search text. */
  q?: string;
  near?: { lat: number; lng: number };
  limit: number;
  offset: number;
}

export interface PublicLocation {
  id: string;
  name: string;
  address: string;
  areaCode: string;
  villageName: string | null;
  districtName: string | null;
  regencyName: string | null;
  provinceName: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  transportation: string | null;
  accessibility: string | null;
  /** From the search's `near` point, when one was given. */
  distanceKm: number | null;
}

export interface PublicPhone {
  number: string;
  kind: 'voice' | 'whatsapp' | 'sms' | 'hotline';
  description: string | null;
}

export interface PublicService {
  id: string;
  name: string;
  alternateName: string | null;
  description: string;
  url: string | null;
  email: string | null;
  status: string;
  organization: { id: string; name: string; acronym: string | null; website: string | null; email: string | null; phone: string | null };
  termCodes: string[];
  languages: string[];
  eligibility: { sexes: string[]; minAge: number | null; maxAge: number | null; caseTypes: string[]; directions: string[]; note: string | null };
  cost: { kind: string; note: string | null };
  hours: { days: number[]; opens: string; closes: string }[];
  hoursNote: string | null;
  phones: PublicPhone[];
  contacts: { name: string; title: string | null; email: string | null; phone: string | null }[];
  serviceArea: { nationwide: boolean; areas: { code: string; name: string; level: string }[] };
  requiredDocuments: string[];
  requiredDocumentsNote: string | null;
  /** Search results: the nearest location only (or the first in the chosen area); a service page: all, nearest first. */
  locations: PublicLocation[];
  locationCount: number;
  lastConfirmedAt: Date;
}

export interface PublicSearchItem extends PublicService {
  /** 0 = serves the chosen area (or part of it), 1 = the area above it, ... ; the last = nationwide. */
  coverageRank: number;
  /** Distance of the nearest location from `near`, when given. */
  distanceKm: number | null;
}


const likeEscape = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The words of a free-text query, lower-cased, at most 8. */
export const queryWords = (q: string) =>
  q
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 8);

/** Great-circle distance in km between a point and a location row (alias l), null without coordinates. */
const haversine = (lat: SQL, lng: SQL) => sql`(6371.0 * 2 * asin(least(1.0, sqrt(
  power(sin(radians(l.latitude - ${lat}) / 2), 2) +
  cos(radians(${lat})) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - ${lng}) / 2), 2)))))`;

export async function searchPublicServices(db: DbHandle, p: PublicSearch): Promise<{ items: PublicSearchItem[]; total: number }> {
  const where: SQL[] = [sql`s.status in ('active', 'temporarily closed')`, sql`o.active`];

  if (p.termCodes?.length) {
    const ids = p.termCodes.map((c) => {
      const term = termByCode.get(c);
      if (!term) throw new Error(`unknown term code ${c}`);
      return term.id;
    });
    where.push(sql`s.term_ids && ${arrayLiteral(ids)}::uuid[]`);
  }
  if (p.language) where.push(sql`s.languages @> ${arrayLiteral([p.language])}::text[]`);
  // search_text is lower-cased when written, so LIKE on lower-cased words is a case-insensitive
  // match (the trigram index serves LIKE as it does ILIKE, and LIKE is two to three times cheaper).
  for (const word of queryWords(p.q ?? '')) where.push(sql`s.search_text like ${`%${likeEscape(word)}%`}`);

  // Coverage: the chosen area, any area above it (GIN index on area_codes), any part of it, or nationwide.
  let rank: SQL = sql`0`;
  if (p.areaCode) {
    if (!isAreaCode(p.areaCode)) throw new Error('malformed area code');
    const chain = areaChain(p.areaCode);
    const below = `${p.areaCode}.%`;
    const servesPart = sql`exists (select 1 from unnest(s.area_codes) a where a like ${below})`;
    where.push(sql`(s.nationwide or s.area_codes && ${arrayLiteral(chain)}::text[] or ${servesPart})`);
    const whens = chain
      .slice(0, -1)
      .reverse()
      .map((code, i) => sql` when s.area_codes && ${arrayLiteral([code])}::text[] then ${i + 1}`);
    rank = sql`(case when s.area_codes && ${arrayLiteral([p.areaCode])}::text[] or ${servesPart} then 0${sql.join(whens, sql``)} else ${chain.length} end)`;
  }

  // Distance from the given point; else, for a regency or district, from the middle of the
  // locations recorded there; else none (then by name). Measured with 5,000 services: a look-up per
  // matching service beats computing every location's distance once (3-10x for an area search, the
  // same for all services).
  let origin: SQL | null = null;
  if (p.near) origin = sql`select ${p.near.lat}::float8 as lat, ${p.near.lng}::float8 as lng`;
  else if (p.areaCode && p.areaCode.length >= 5)
    origin = sql`select avg(latitude) as lat, avg(longitude) as lng from locations
      where (area_code = ${p.areaCode} or area_code like ${`${p.areaCode}.%`}) and latitude is not null and longitude is not null`;

  const res = (await db.execute(sql`
    ${origin ? sql`with origin as (${origin})` : sql``}
    select s.id, count(*) over () as total, ${rank} as coverage_rank,
      ${origin ? sql`n.km, origin.lat as origin_lat, origin.lng as origin_lng` : sql`null::float8 as km, null::float8 as origin_lat, null::float8 as origin_lng`}
    from services s
    join organizations o on o.id = s.organization_id
    ${
      origin
        ? sql`cross join origin
    left join lateral (
      select min(${haversine(sql`origin.lat`, sql`origin.lng`)}) as km
      from service_at_locations sal join locations l on l.id = sal.location_id
      where sal.service_id = s.id) n on true`
        : sql``
    }
    where ${sql.join(where, sql` and `)}
    order by coverage_rank, ${origin ? sql`n.km nulls last, ` : sql``}lower(s.name), s.id
    limit ${p.limit} offset ${p.offset}`)) as unknown as {
    rows: { id: string; total: string | number; coverage_rank: number; km: number | null; origin_lat: number | null; origin_lng: number | null }[];
  };
  const rows = res.rows;
  let total = rows.length ? Number(rows[0]!.total) : 0;
  if (!rows.length && p.offset > 0) {
    // Past the last page: the total still matters for the page's links.
    const count = (await db.execute(sql`
      select count(*)::int as n from services s join organizations o on o.id = s.organization_id
      where ${sql.join(where, sql` and `)}`)) as unknown as { rows: { n: number }[] };
    total = Number(count.rows[0]!.n);
  }
  if (!rows.length) return { items: [], total };

  const first = rows[0]!;
  const from = first.origin_lat !== null && first.origin_lng !== null ? { lat: Number(first.origin_lat), lng: Number(first.origin_lng) } : null;
  const details = await publicServiceDetails(db, {
    serviceIds: rows.map((r) => r.id),
    nearestOnly: { areaCode: p.areaCode ?? null },
    near: from,
  });
  const byId = new Map(details.map((d) => [d.id, d]));
  const items = rows.flatMap((r) => {
    const d = byId.get(r.id);
    if (!d) return [];
    // A distance means something to the reader only from where they are, not from the middle of a regency.
    const distanceKm = p.near && r.km !== null ? Number(r.km) : null;
    if (!p.near) for (const l of d.locations) l.distanceKm = null;
    return [{ ...d, coverageRank: Number(r.coverage_rank), distanceKm }];
  });
  return { items, total };
}

/** One service as the public sees it, with all its locations (nearest first when `near` is given); null when unknown, defunct or of an inactive organisation. */
export async function getPublicService(db: DbHandle, id: string, near: { lat: number; lng: number } | null = null): Promise<PublicService | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [service] = await publicServiceDetails(db, { serviceIds: [id], nearestOnly: null, near, statuses: shownStatuses });
  return service ?? null;
}

interface DetailRow {
  id: string;
  name: string;
  alternate_name: string | null;
  description: string;
  url: string | null;
  email: string | null;
  status: string;
  term_ids: string[] | string;
  languages: string[] | string;
  eligible_sexes: string[] | string;
  min_age: number | null;
  max_age: number | null;
  eligible_case_types: string[] | string;
  eligible_directions: string[] | string;
  eligibility_note: string | null;
  cost_kind: string;
  cost_note: string | null;
  hours: unknown;
  hours_note: string | null;
  phones: unknown;
  contacts: unknown;
  nationwide: boolean;
  required_documents: string[] | string;
  required_documents_note: string | null;
  last_confirmed_at: Date | string;
  organization_id: string;
  organization_name: string;
  organization_acronym: string | null;
  organization_website: string | null;
  organization_email: string | null;
  organization_phone: string | null;
  areas: unknown;
  locations: unknown;
  location_count: number | string;
}

/** Arrays come back as JS arrays from both drivers; parse the literal form in case one does not. */
function textArray(v: string[] | string | null): string[] {
  if (Array.isArray(v)) return v;
  if (!v || v === '{}') return [];
  return v
    .slice(1, -1)
    .split(',')
    .map((s) => s.replace(/^"|"$/g, ''));
}
const json = <T>(v: unknown, fallback: T): T => (v === null || v === undefined ? fallback : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The public fields of some services in one query: organisation, area names, and locations with their area names. */
async function publicServiceDetails(
  db: DbHandle,
  p: {
    serviceIds: string[];
    /** Search results: only the nearest location (or, without a point, the first in the chosen area). */
    nearestOnly: { areaCode: string | null } | null;
    near: { lat: number; lng: number } | null;
    statuses?: readonly string[];
  },
): Promise<PublicService[]> {
  const statuses = p.statuses ?? listedStatuses;
  const km = p.near ? haversine(sql`${p.near.lat}::float8`, sql`${p.near.lng}::float8`) : sql`null::float8`;
  const area = p.nearestOnly?.areaCode;
  if (area && !isAreaCode(area)) throw new Error('malformed area code');
  const inArea = area ? sql`(l.area_code = ${area} or l.area_code like ${`${area}.%`}) desc, ` : sql``;
  const locationOrder = p.nearestOnly ? sql`${km} nulls last, ${inArea}l.name, l.id` : sql`${km} nulls last, pr.name, r.name, l.name, l.id`;
  const limit = p.nearestOnly ? sql`limit 1` : sql``;
  const res = (await db.execute(sql`
    select s.id, s.name, s.alternate_name, s.description, s.url, s.email, s.status, s.term_ids, s.languages,
      s.eligible_sexes, s.min_age, s.max_age, s.eligible_case_types, s.eligible_directions, s.eligibility_note,
      s.cost_kind, s.cost_note, s.hours, s.hours_note, s.phones, s.contacts, s.nationwide,
      s.required_documents, s.required_documents_note, s.last_confirmed_at,
      o.id as organization_id, o.name as organization_name, o.acronym as organization_acronym,
      o.website as organization_website, o.email as organization_email, o.phone as organization_phone,
      (select coalesce(json_agg(json_build_object('code', a.code, 'name', a.name, 'level', a.level) order by a.code), '[]'::json)
        from areas a where a.code = any(s.area_codes)) as areas,
      (select coalesce(json_agg(x.location order by x.n), '[]'::json) from (
        select json_build_object(
          'id', l.id, 'name', l.name, 'address', l.address, 'areaCode', l.area_code, 'postalCode', l.postal_code,
          'latitude', l.latitude, 'longitude', l.longitude, 'transportation', l.transportation,
          'accessibility', l.accessibility, 'distanceKm', ${km},
          'villageName', v.name, 'districtName', d.name, 'regencyName', r.name, 'provinceName', pr.name) as location,
          row_number() over (order by ${locationOrder}) as n
        from service_at_locations sal
        join locations l on l.id = sal.location_id
        left join areas v on v.code = l.area_code and v.level = 'village'
        left join areas d on d.code = left(l.area_code, 8) and length(l.area_code) >= 8
        left join areas r on r.code = left(l.area_code, 5)
        left join areas pr on pr.code = left(l.area_code, 2)
        where sal.service_id = s.id
        order by n ${limit}) x) as locations,
      (select count(*) from service_at_locations sal where sal.service_id = s.id) as location_count
    from services s
    join organizations o on o.id = s.organization_id
    where s.id = any(${arrayLiteral(p.serviceIds)}::uuid[]) and o.active and s.status = any(${arrayLiteral(statuses)}::text[])`)) as unknown as {
    rows: DetailRow[];
  };
  return res.rows.map((r) => ({
    id: r.id,
    name: r.name,
    alternateName: r.alternate_name,
    description: r.description,
    url: r.url,
    email: r.email,
    status: r.status,
    organization: {
      id: r.organization_id,
      name: r.organization_name,
      acronym: r.organization_acronym,
      website: r.organization_website,
      email: r.organization_email,
      phone: r.organization_phone,
    },
    termCodes: textArray(r.term_ids)
      .map((id) => termById.get(id)?.code)
      .filter((c): c is string => !!c),
    languages: textArray(r.languages),
    eligibility: {
      sexes: textArray(r.eligible_sexes),
      minAge: num(r.min_age),
      maxAge: num(r.max_age),
      caseTypes: textArray(r.eligible_case_types),
      directions: textArray(r.eligible_directions),
      note: r.eligibility_note,
    },
    cost: { kind: r.cost_kind, note: r.cost_note },
    hours: json(r.hours, []),
    hoursNote: r.hours_note,
    phones: json(r.phones, []),
    contacts: json(r.contacts, []),
    serviceArea: { nationwide: r.nationwide, areas: json(r.areas, []) },
    requiredDocuments: textArray(r.required_documents),
    requiredDocumentsNote: r.required_documents_note,
    locations: json<PublicLocation[]>(r.locations, []).map((l) => ({
      ...l,
      latitude: num(l.latitude),
      longitude: num(l.longitude),
      distanceKm: num(l.distanceKm),
    })),
    locationCount: Number(r.location_count),
    lastConfirmedAt: new Date(r.last_confirmed_at),
  }));
}

export interface AreaEntry {
  code: string;
  name: string;
  level: 'province' | 'regency';
  parentCode: string | null;
}

export interface AreaIndex {
  provinces: AreaEntry[];
  regenciesOf(provinceCode: string): AreaEntry[];
  get(code: string): AreaEntry | undefined;
}

// Provinces and regencies (552 rows of reference data that change only with a package update) are
// read once per database and kept: the search form needs them on every page.
const areaIndexes = new WeakMap<object, Promise<AreaIndex>>();

/** "Kabupaten Malang" and "Kota Malang" sort next to each other. */
const sortKey = (name: string) => name.replace(/^(Kabupaten|Kota|Kab\.|Kota Administrasi)\s+/i, '').toLowerCase();

export function publicAreas(db: DbHandle): Promise<AreaIndex> {
  let index = areaIndexes.get(db);
  if (!index) {
    index = (async () => {
      const res = (await db.execute(
        sql`select code, name, level, parent_code from areas where level in ('province', 'regency')`,
      )) as unknown as { rows: { code: string; name: string; level: 'province' | 'regency'; parent_code: string | null }[] };
      const all = res.rows
        .map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code }))
        .sort((a, b) => sortKey(a.name).localeCompare(sortKey(b.name), 'id') || a.name.localeCompare(b.name, 'id'));
      const byCode = new Map(all.map((a) => [a.code, a]));
      const children = new Map<string, AreaEntry[]>();
      for (const a of all)
        if (a.level === 'regency' && a.parentCode) {
          const list = children.get(a.parentCode) ?? [];
          list.push(a);
          children.set(a.parentCode, list);
        }
      return {
        provinces: all.filter((a) => a.level === 'province'),
        regenciesOf: (code: string) => children.get(code) ?? [],
        get: (code: string) => byCode.get(code),
      };
    })();
    index.catch(() => areaIndexes.delete(db));
    areaIndexes.set(db, index);
  }
  return index;
}
