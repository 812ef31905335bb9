// Queries of the directory as organisations keep it. Every function takes the handle it runs on.
import { and, asc, count, eq, ilike, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbHandle } from '../platform/db/client.js';
import { areas, locations, organizations, referrals, serviceAtLocations, services, users } from '../platform/db/schema.js';
import { endedStatuses } from '../referrals/vocabulary.js';
import type { LocationOut, ServiceOut } from './schema.js';
import { serviceTerms, termByCode } from './taxonomy.js';

export type ServiceRow = typeof services.$inferSelect;
export type LocationRow = typeof locations.$inferSelect;

const likePattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Term codes of stored term IDs, in taxonomy order. */
export const termCodesOf = (ids: readonly string[]) => serviceTerms.filter((t) => ids.includes(t.id)).map((t) => t.code);
/** Term IDs of term codes (codes already checked). */
export const termIdsOf = (codes: readonly string[]) => codes.map((c) => termByCode.get(c)!.id);

// ---------------------------------------------------------------------------------------------
// Areas

export interface AreaInfo {
  code: string;
  name: string;
  level: string;
}

export async function areasByCode(db: DbHandle, codes: readonly string[]): Promise<Map<string, AreaInfo>> {
  const wanted = [...new Set(codes)];
  if (!wanted.length) return new Map();
  const rows = await db.select({ code: areas.code, name: areas.name, level: areas.level }).from(areas).where(inArray(areas.code, wanted));
  return new Map(rows.map((r) => [r.code, r]));
}

/** "35.78.01.1001" → its province, regency and district codes and itself. */
const pathOf = (code: string) => {
  const p = code.split('.');
  return p.map((_, i) => p.slice(0, i + 1).join('.'));
};

function placeNames(names: Map<string, AreaInfo>, code: string) {
  const path = pathOf(code);
  return {
    areaName: names.get(code)?.name ?? null,
    provinceName: names.get(path[0]!)?.name ?? null,
    regencyName: path[1] ? (names.get(path[1])?.name ?? null) : null,
    districtName: path[2] ? (names.get(path[2])?.name ?? null) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Locations

export async function findLocationRow(db: DbHandle, id: string): Promise<LocationRow | null> {
  const [r] = await db.select().from(locations).where(eq(locations.id, id));
  return r ?? null;
}

/** Locations as the API shows them, with their area names and the services given there. */
export async function presentLocations(db: DbHandle, rows: LocationRow[]): Promise<LocationOut[]> {
  if (!rows.length) return [];
  const names = await areasByCode(
    db,
    rows.flatMap((r) => pathOf(r.areaCode)),
  );
  const links = await db
    .select({ locationId: serviceAtLocations.locationId, id: services.id, name: services.name })
    .from(serviceAtLocations)
    .innerJoin(services, eq(services.id, serviceAtLocations.serviceId))
    .where(
      inArray(
        serviceAtLocations.locationId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(services.name));
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organizationId,
    name: r.name,
    description: r.description,
    address: r.address,
    areaCode: r.areaCode,
    ...placeNames(names, r.areaCode),
    postalCode: r.postalCode,
    latitude: r.latitude,
    longitude: r.longitude,
    transportation: r.transportation,
    accessibility: r.accessibility,
    services: links.filter((l) => l.locationId === r.id).map(({ id, name }) => ({ id, name })),
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export async function findLocation(db: DbHandle, id: string): Promise<LocationOut | null> {
  const row = await findLocationRow(db, id);
  return row ? (await presentLocations(db, [row]))[0]! : null;
}

export async function listLocations(db: DbHandle, f: { organizationId: string; q?: string; limit: number; offset: number }) {
  const conds: SQL[] = [eq(locations.organizationId, f.organizationId)];
  if (f.q) conds.push(or(ilike(locations.name, likePattern(f.q)), ilike(locations.address, likePattern(f.q)))!);
  const where = and(...conds);
  const rows = await db.select().from(locations).where(where).orderBy(asc(locations.name), asc(locations.id)).limit(f.limit).offset(f.offset);
  const [{ n }] = await db.select({ n: count() }).from(locations).where(where);
  return { items: await presentLocations(db, rows), total: n };
}

/** The IDs among `ids` that are locations of the organisation. */
export async function ownLocationIds(db: DbHandle, organizationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: locations.id })
    .from(locations)
    .where(and(eq(locations.organizationId, organizationId), inArray(locations.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}

// ---------------------------------------------------------------------------------------------
// Services

/** Referrals to a service that have not ended: sent, acknowledged, accepted, in progress. */
const openReferrals = sql<number>`(select count(*)::int from ${referrals} r where r.service_id = ${services.id} and r.status not in (${sql.join(
  endedStatuses.map((s) => sql`${s}`),
  sql`, `,
)}))`;

const serviceColumns = {
  s: services,
  organizationName: organizations.name,
  organizationAcronym: organizations.acronym,
  organizationType: organizations.type,
  confirmedByName: users.displayName,
  openReferrals,
};

const serviceBase = (db: DbHandle) =>
  db
    .select(serviceColumns)
    .from(services)
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .leftJoin(users, eq(users.id, services.lastConfirmedById));

type Joined = Awaited<ReturnType<ReturnType<typeof serviceBase>['where']>>[number];

interface Hours {
  days: number[];
  opens: string;
  closes: string;
}

async function presentServices(db: DbHandle, rows: Joined[]): Promise<ServiceOut[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.s.id);
  const locationRows = await db
    .select({ serviceId: serviceAtLocations.serviceId, location: locations })
    .from(serviceAtLocations)
    .innerJoin(locations, eq(locations.id, serviceAtLocations.locationId))
    .where(inArray(serviceAtLocations.serviceId, ids))
    .orderBy(asc(locations.name), asc(locations.id));
  const names = await areasByCode(db, [...rows.flatMap((r) => r.s.areaCodes), ...locationRows.flatMap((l) => pathOf(l.location.areaCode))]);
  return rows.map(({ s, ...r }) => ({
    id: s.id,
    organization: { id: s.organizationId, name: r.organizationName, acronym: r.organizationAcronym, type: r.organizationType as ServiceOut['organization']['type'] },
    name: s.name,
    alternateName: s.alternateName,
    description: s.description,
    url: s.url,
    email: s.email,
    status: s.status as ServiceOut['status'],
    termCodes: termCodesOf(s.termIds),
    languages: s.languages,
    eligibility: {
      sexes: s.eligibleSexes as ServiceOut['eligibility']['sexes'],
      minAge: s.minAge,
      maxAge: s.maxAge,
      caseTypes: s.eligibleCaseTypes,
      directions: s.eligibleDirections as ServiceOut['eligibility']['directions'],
      note: s.eligibilityNote,
    },
    cost: { kind: s.costKind as ServiceOut['cost']['kind'], note: s.costNote },
    hours: s.hours as Hours[],
    hoursNote: s.hoursNote,
    phones: s.phones as ServiceOut['phones'],
    contacts: s.contacts as ServiceOut['contacts'],
    serviceArea: {
      nationwide: s.nationwide,
      areas: s.areaCodes.map((code) => ({ code, name: names.get(code)?.name ?? code, level: names.get(code)?.level ?? 'unknown' })),
    },
    requiredDocuments: s.requiredDocuments,
    requiredDocumentsNote: s.requiredDocumentsNote,
    capacity: {
      total: s.capacityTotal,
      free: s.capacityFree,
      maxOpenReferrals: s.maxOpenReferrals,
      openReferrals: Number(r.openReferrals),
      updatedAt: s.capacityUpdatedAt,
    },
    locations: locationRows
      .filter((l) => l.serviceId === s.id)
      .map(({ location: l }) => {
        const { districtName: _d, ...place } = placeNames(names, l.areaCode);
        return {
          id: l.id,
          name: l.name,
          address: l.address,
          areaCode: l.areaCode,
          ...place,
          postalCode: l.postalCode,
          latitude: l.latitude,
          longitude: l.longitude,
          transportation: l.transportation,
          accessibility: l.accessibility,
        };
      }),
    lastConfirmedAt: s.lastConfirmedAt,
    lastConfirmedBy: s.lastConfirmedById && r.confirmedByName ? { id: s.lastConfirmedById, displayName: r.confirmedByName } : null,
    version: s.version,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  }));
}

export async function findServiceRow(db: DbHandle, id: string): Promise<ServiceRow | null> {
  const [r] = await db.select().from(services).where(eq(services.id, id));
  return r ?? null;
}

export async function findService(db: DbHandle, id: string): Promise<ServiceOut | null> {
  const rows = await serviceBase(db).where(eq(services.id, id));
  return rows.length ? (await presentServices(db, rows))[0]! : null;
}

export async function listServices(
  db: DbHandle,
  f: { organizationId: string; q?: string; termCode?: string; status?: string; limit: number; offset: number },
) {
  const conds: SQL[] = [eq(services.organizationId, f.organizationId)];
  if (f.q) conds.push(ilike(services.searchText, likePattern(f.q)));
  if (f.termCode) {
    const term = termByCode.get(f.termCode);
    // A group stands for its terms.
    const ids = term ? (term.group === null ? serviceTerms.filter((t) => t.group === term.code).map((t) => t.id) : [term.id]) : [];
    conds.push(ids.length ? sql`${services.termIds} && ${`{${ids.join(',')}}`}::uuid[]` : sql`false`);
  }
  if (f.status) conds.push(eq(services.status, f.status));
  const where = and(...conds);
  const rows = await serviceBase(db).where(where).orderBy(asc(services.name), asc(services.id)).limit(f.limit).offset(f.offset);
  const [{ n }] = await db.select({ n: count() }).from(services).where(where);
  return { items: await presentServices(db, rows), total: n };
}

/** Moves the updated_at of the services given at a location (their published records show it). */
export async function touchServicesAt(db: DbHandle, locationId: string) {
  await db
    .update(services)
    .set({ updatedAt: new Date() })
    .where(inArray(services.id, db.select({ id: serviceAtLocations.serviceId }).from(serviceAtLocations).where(eq(serviceAtLocations.locationId, locationId))));
}

/** Makes the service's locations exactly `locationIds`, keeping existing links (and their descriptions). */
export async function setServiceLocations(db: DbHandle, serviceId: string, locationIds: readonly string[]) {
  await db
    .delete(serviceAtLocations)
    .where(and(eq(serviceAtLocations.serviceId, serviceId), locationIds.length ? notInArray(serviceAtLocations.locationId, [...locationIds]) : undefined));
  if (locationIds.length)
    await db
      .insert(serviceAtLocations)
      .values(locationIds.map((locationId) => ({ serviceId, locationId })))
      .onConflictDoNothing();
}
