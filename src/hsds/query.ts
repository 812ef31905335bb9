// The HSDS API's queries. Only published data: services that are not defunct, of active
// organisations; organisations with at least one such service. A page is one statement (the
// matching rows are counted and the page cut from them in the same query), and every child table
// of a page (locations, area names, an organisation's services) is one batched query: never one
// query per row. Columns are named one by one: capacity, provider statistics, search text and who
// confirmed a service never leave the database here.
import { sql, type SQL } from 'drizzle-orm';
import type { DbHandle } from '../platform/db/client.js';
import { pgArray } from '../platform/db/arrays.js';


/** Arrays come back as JS arrays from both drivers; parse the literal form in case one does not. */
export function textArray(v: unknown): string[] {
  if (Array.isArray(v)) return v as string[];
  if (typeof v !== 'string' || v === '{}' || v === '') return [];
  return v
    .slice(1, -1)
    .split(',')
    .map((s) => s.replace(/^"|"$/g, ''));
}
export const jsonOf = <T>(v: unknown, fallback: T): T => (v === null || v === undefined ? fallback : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
export const dateOf = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
export const numOf = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const rowsOf = async <T>(db: DbHandle, q: SQL) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;

// ---------------------------------------------------------------------------------------------
// Services

export interface ServiceFilter {
  /** Words that must all appear in the search text. */
  words: string[];
  /** Services carrying any of these terms; an empty list matches nothing. */
  termIds: string[] | null;
  /** Services filed under any term of Pulang's taxonomy (true), or nothing (false). */
  inTaxonomy: boolean | null;
  organizationId: string | null;
  modifiedAfter: Date | null;
  /** The area and every area above it ('33.29.01' → 33, 33.29, 33.29.01): served when one of them is, or nationwide. */
  areaChain: string[] | null;
  language: string | null;
}

const likeEscape = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE clause of published services (alias s, organisation alias o) matching a filter. */
export function serviceWhere(f: ServiceFilter): SQL {
  const where: SQL[] = [sql`s.status <> 'defunct'`, sql`o.active`];
  for (const w of f.words) where.push(sql`s.search_text like ${`%${likeEscape(w)}%`}`);
  if (f.termIds) where.push(f.termIds.length ? sql`s.term_ids && ${pgArray(f.termIds)}::uuid[]` : sql`false`);
  if (f.inTaxonomy !== null) where.push(f.inTaxonomy ? sql`cardinality(s.term_ids) > 0` : sql`false`);
  if (f.organizationId) where.push(sql`s.organization_id = ${f.organizationId}::uuid`);
  if (f.modifiedAfter) where.push(sql`s.updated_at >= ${f.modifiedAfter.toISOString()}::timestamptz`);
  if (f.areaChain) where.push(sql`(s.nationwide or s.area_codes && ${pgArray(f.areaChain)}::text[])`);
  if (f.language) where.push(sql`s.languages @> ${pgArray([f.language])}::text[]`);
  return sql.join(where, sql` and `);
}

export interface ServiceRow {
  id: string;
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: string;
  url: string | null;
  email: string | null;
  status: string;
  term_ids: unknown;
  languages: unknown;
  eligible_sexes: unknown;
  min_age: number | null;
  max_age: number | null;
  eligible_case_types: unknown;
  eligible_directions: unknown;
  eligibility_note: string | null;
  cost_kind: string;
  cost_note: string | null;
  hours: unknown;
  hours_note: string | null;
  phones: unknown;
  contacts: unknown;
  nationwide: boolean;
  area_codes: unknown;
  required_documents: unknown;
  required_documents_note: string | null;
  last_confirmed_at: unknown;
  updated_at: unknown;
  org_name: string;
  org_acronym: string | null;
  org_description: string | null;
  org_email: string | null;
  org_website: string | null;
  org_phone: string | null;
  org_parent_id: string | null;
  org_area_code: string | null;
}

/** The published parent of an organisation (alias o), or null. */
const publishedParent = sql`(select p.id from organizations p where p.id = o.parent_id and p.active
  and exists (select 1 from services ps where ps.organization_id = p.id and ps.status <> 'defunct'))`;

const serviceColumns = sql`s.id, s.organization_id, s.name, s.alternate_name, s.description, s.url, s.email, s.status,
  s.term_ids, s.languages, s.eligible_sexes, s.min_age, s.max_age, s.eligible_case_types, s.eligible_directions,
  s.eligibility_note, s.cost_kind, s.cost_note, s.hours, s.hours_note, s.phones, s.contacts, s.nationwide,
  s.area_codes, s.required_documents, s.required_documents_note, s.last_confirmed_at, s.updated_at,
  o.name as org_name, o.acronym as org_acronym, o.description as org_description, o.email as org_email,
  o.website as org_website, o.phone as org_phone, ${publishedParent} as org_parent_id, o.area_code as org_area_code`;

export interface Slice {
  limit: number;
  offset: number;
  /** Keyset instead of offset: rows after this (name, id), for streaming everything. */
  after?: { name: string; id: string } | null;
}

/** A page of services by name and id, with the number of all matches. */
export async function servicePage(db: DbHandle, where: SQL, slice: Slice): Promise<{ total: number; rows: ServiceRow[] }> {
  const after = slice.after ? sql`where (m.name, m.id) > (${slice.after.name}, ${slice.after.id}::uuid)` : sql``;
  const rows = await rowsOf<ServiceRow & { total: number; page_id: string | null }>(
    db,
    sql`with matched as materialized (
          select s.id, s.name from services s join organizations o on o.id = s.organization_id where ${where}
        ), page as (
          select m.id, m.name from matched m ${after} order by m.name, m.id limit ${slice.limit} offset ${slice.offset}
        )
        select (select count(*) from matched)::int as total, page.id as page_id, ${serviceColumns}
        from (select 1) one
        left join page on true
        left join services s on s.id = page.id
        left join organizations o on o.id = s.organization_id
        order by page.name, page.id`,
  );
  const total = rows.length ? Number(rows[0]!.total) : 0;
  return { total, rows: rows.filter((r) => r.page_id !== null) };
}

/** Published services by ID (unknown, defunct or of an inactive organisation: left out). */
export async function servicesById(db: DbHandle, ids: readonly string[]): Promise<ServiceRow[]> {
  if (!ids.length) return [];
  return rowsOf<ServiceRow>(
    db,
    sql`select ${serviceColumns} from services s join organizations o on o.id = s.organization_id
        where s.id = any(${pgArray(ids)}::uuid[]) and s.status <> 'defunct' and o.active order by s.name, s.id`,
  );
}

/** The published services of some organisations, by name. */
export async function servicesOfOrganizations(db: DbHandle, organizationIds: readonly string[]): Promise<ServiceRow[]> {
  if (!organizationIds.length) return [];
  return rowsOf<ServiceRow>(
    db,
    sql`select ${serviceColumns} from services s join organizations o on o.id = s.organization_id
        where s.organization_id = any(${pgArray(organizationIds)}::uuid[]) and s.status <> 'defunct' and o.active
        order by s.name, s.id`,
  );
}

// ---------------------------------------------------------------------------------------------
// Locations and areas

export interface LocationRow {
  id: string;
  organization_id: string;
  name: string;
  description: string | null;
  address: string;
  area_code: string;
  postal_code: string | null;
  latitude: number | null;
  longitude: number | null;
  transportation: string | null;
  accessibility: string | null;
}

export interface LinkedLocationRow extends LocationRow {
  sal_id: string;
  service_id: string;
  sal_description: string | null;
}

const locationColumns = sql`l.id, l.organization_id, l.name, l.description, l.address, l.area_code, l.postal_code,
  l.latitude, l.longitude, l.transportation, l.accessibility`;

/** The locations of some services (with the link's ID), by location name. */
export async function locationsOfServices(db: DbHandle, serviceIds: readonly string[]): Promise<LinkedLocationRow[]> {
  if (!serviceIds.length) return [];
  return rowsOf<LinkedLocationRow>(
    db,
    sql`select sal.id as sal_id, sal.service_id, sal.description as sal_description, ${locationColumns}
        from service_at_locations sal join locations l on l.id = sal.location_id
        where sal.service_id = any(${pgArray(serviceIds)}::uuid[])
        order by l.name, l.id`,
  );
}

/** The locations of some organisations where a published service is given, by name. */
export async function locationsOfOrganizations(db: DbHandle, organizationIds: readonly string[]): Promise<LocationRow[]> {
  if (!organizationIds.length) return [];
  return rowsOf<LocationRow>(
    db,
    sql`select ${locationColumns} from locations l
        where l.organization_id = any(${pgArray(organizationIds)}::uuid[])
          and exists (select 1 from service_at_locations sal join services s on s.id = sal.service_id
                      where sal.location_id = l.id and s.status <> 'defunct')
        order by l.name, l.id`,
  );
}

/** Names of Kemendagri areas by code. */
export async function areaNames(db: DbHandle, codes: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(codes)];
  if (!list.length) return new Map();
  const rows = await rowsOf<{ code: string; name: string }>(db, sql`select code, name from areas where code = any(${pgArray(list)}::text[])`);
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function areaExists(db: DbHandle, code: string): Promise<boolean> {
  const rows = await rowsOf<{ n: number }>(db, sql`select 1 as n from areas where code = ${code}`);
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Service at locations

export interface SalRow extends ServiceRow {
  sal_id: string;
  sal_description: string | null;
  loc_id: string;
  loc_organization_id: string;
  loc_name: string;
  loc_description: string | null;
  loc_address: string;
  loc_area_code: string;
  loc_postal_code: string | null;
  loc_latitude: number | null;
  loc_longitude: number | null;
  loc_transportation: string | null;
  loc_accessibility: string | null;
}

const salColumns = sql`sal.id as sal_id, sal.description as sal_description, l.id as loc_id, l.organization_id as loc_organization_id,
  l.name as loc_name, l.description as loc_description, l.address as loc_address, l.area_code as loc_area_code,
  l.postal_code as loc_postal_code, l.latitude as loc_latitude, l.longitude as loc_longitude,
  l.transportation as loc_transportation, l.accessibility as loc_accessibility`;

export interface SalSlice {
  limit: number;
  offset: number;
  after?: { serviceName: string; serviceId: string; locationName: string; id: string } | null;
}

/** A page of service-at-location links of published services, by service name, location name and ID. */
export async function salPage(db: DbHandle, where: SQL, slice: SalSlice): Promise<{ total: number; rows: SalRow[] }> {
  const a = slice.after;
  const after = a ? sql`where (m.s_name, m.s_id, m.l_name, m.id) > (${a.serviceName}, ${a.serviceId}::uuid, ${a.locationName}, ${a.id}::uuid)` : sql``;
  const rows = await rowsOf<SalRow & { total: number; page_id: string | null }>(
    db,
    sql`with matched as materialized (
          select sal.id, s.name as s_name, s.id as s_id, l.name as l_name
          from service_at_locations sal
          join services s on s.id = sal.service_id
          join organizations o on o.id = s.organization_id
          join locations l on l.id = sal.location_id
          where ${where}
        ), page as (
          select m.* from matched m ${after} order by m.s_name, m.s_id, m.l_name, m.id limit ${slice.limit} offset ${slice.offset}
        )
        select (select count(*) from matched)::int as total, page.id as page_id, ${salColumns}, ${serviceColumns}
        from (select 1) one
        left join page on true
        left join service_at_locations sal on sal.id = page.id
        left join services s on s.id = sal.service_id
        left join organizations o on o.id = s.organization_id
        left join locations l on l.id = sal.location_id
        order by page.s_name, page.s_id, page.l_name, page.id`,
  );
  const total = rows.length ? Number(rows[0]!.total) : 0;
  return { total, rows: rows.filter((r) => r.page_id !== null) };
}

export async function salById(db: DbHandle, id: string): Promise<SalRow | null> {
  const rows = await rowsOf<SalRow>(
    db,
    sql`select ${salColumns}, ${serviceColumns}
        from service_at_locations sal
        join services s on s.id = sal.service_id
        join organizations o on o.id = s.organization_id
        join locations l on l.id = sal.location_id
        where sal.id = ${id}::uuid and s.status <> 'defunct' and o.active`,
  );
  return rows[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Organisations

export interface OrganizationRow {
  id: string;
  name: string;
  acronym: string | null;
  description: string | null;
  email: string | null;
  website: string | null;
  phone: string | null;
  parent_id: string | null;
}

const publishedOrganization = sql`o.active and exists (select 1 from services s where s.organization_id = o.id and s.status <> 'defunct')`;
const organizationColumns = sql`o.id, o.name, o.acronym, o.description, o.email, o.website, o.phone, ${publishedParent} as parent_id`;

export async function organizationPage(db: DbHandle, words: string[], slice: Slice): Promise<{ total: number; rows: OrganizationRow[] }> {
  const where: SQL[] = [publishedOrganization];
  for (const w of words) where.push(sql`(o.name ilike ${`%${likeEscape(w)}%`} or o.acronym ilike ${`%${likeEscape(w)}%`})`);
  const after = slice.after ? sql`where (m.name, m.id) > (${slice.after.name}, ${slice.after.id}::uuid)` : sql``;
  const rows = await rowsOf<OrganizationRow & { total: number; page_id: string | null }>(
    db,
    sql`with matched as materialized (
          select o.id, o.name from organizations o where ${sql.join(where, sql` and `)}
        ), page as (
          select m.id, m.name from matched m ${after} order by m.name, m.id limit ${slice.limit} offset ${slice.offset}
        )
        select (select count(*) from matched)::int as total, page.id as page_id, ${organizationColumns}
        from (select 1) one
        left join page on true
        left join organizations o on o.id = page.id
        order by page.name, page.id`,
  );
  const total = rows.length ? Number(rows[0]!.total) : 0;
  return { total, rows: rows.filter((r) => r.page_id !== null) };
}

export async function organizationById(db: DbHandle, id: string): Promise<OrganizationRow | null> {
  const rows = await rowsOf<OrganizationRow>(db, sql`select ${organizationColumns} from organizations o where o.id = ${id}::uuid and ${publishedOrganization}`);
  return rows[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Taxonomy terms

export interface TermRow {
  id: string;
  code: string;
  parent_id: string | null;
  name_id: string;
  name_en: string;
  description_id: string;
  description_en: string;
}

export interface TermFilter {
  words: string[];
  /** False: nothing (another taxonomy). */
  inTaxonomy: boolean;
  parentId: string | null;
  topOnly: boolean;
}

/** A page of taxonomy terms in the taxonomy's own order. */
export async function termPage(db: DbHandle, f: TermFilter, slice: { limit: number; offset: number }): Promise<{ total: number; rows: TermRow[] }> {
  const where: SQL[] = [f.inTaxonomy ? sql`true` : sql`false`];
  for (const w of f.words) {
    const p = `%${likeEscape(w)}%`;
    where.push(sql`(t.name_id ilike ${p} or t.name_en ilike ${p} or t.code ilike ${p} or t.description_id ilike ${p} or t.description_en ilike ${p})`);
  }
  if (f.parentId) where.push(sql`t.parent_id = ${f.parentId}::uuid`);
  if (f.topOnly) where.push(sql`t.parent_id is null`);
  const rows = await rowsOf<TermRow & { total: number }>(
    db,
    sql`select count(*) over ()::int as total, t.id, t.code, t.parent_id, t.name_id, t.name_en, t.description_id, t.description_en
        from taxonomy_terms t where ${sql.join(where, sql` and `)}
        order by t.sort, t.id limit ${slice.limit} offset ${slice.offset}`,
  );
  let total = rows.length ? Number(rows[0]!.total) : 0;
  if (!rows.length && slice.offset > 0) {
    const c = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from taxonomy_terms t where ${sql.join(where, sql` and `)}`);
    total = Number(c[0]!.n);
  }
  return { total, rows };
}

export async function termById(db: DbHandle, id: string): Promise<TermRow | null> {
  const rows = await rowsOf<TermRow>(
    db,
    sql`select t.id, t.code, t.parent_id, t.name_id, t.name_en, t.description_id, t.description_en from taxonomy_terms t where t.id = ${id}::uuid`,
  );
  return rows[0] ?? null;
}
