// The directory as organisations keep it: an organisation's administrators keep its services and
// locations (directory.manage); those who take referrals in also keep capacity up to date
// (directory.updateCapacity). The management view (with capacity) is read by holders of either
// action for that organisation; anyone else gets 404 for a record and 403 when their roles never
// allow it. Every write is checked in full before anything is written, bumps the version and
// updated_at (HSDS `modified_after` relies on it), and is audited with IDs and codes only.
import { and, eq, sql } from 'drizzle-orm';
import { normalisePhone } from '../persons/normalise.js';
import type { DbHandle } from '../platform/db/client.js';
import { locations, organizations, services } from '../platform/db/schema.js';
import type { Ctx } from '../platform/http/context.js';
import { badRequest, conflict, notFound, type FieldErrors } from '../platform/http/errors.js';
import { can, type Action } from '../policy/policy.js';
import {
  areasByCode,
  findLocation,
  findLocationRow,
  findService,
  findServiceRow,
  listLocations,
  listServices,
  ownLocationIds,
  setServiceLocations,
  termIdsOf,
  touchServicesAt,
  type LocationRow,
  type ServiceRow,
} from './dal.js';
import type { CapacityUpdate, LocationCreate, LocationOut, LocationUpdate, ServiceCreate, ServiceOut, ServiceUpdate, serviceQuery, locationQuery } from './schema.js';
import { refreshServiceSearchText } from './search-text.js';
import { termByCode } from './taxonomy.js';
import type { z } from 'zod';

type Target = { organizationId: string | null; type: string; id: string };

/** The management view: holders of directory.manage or directory.updateCapacity for the organisation. */
async function requireRead(ctx: Ctx, target: Target) {
  const actor = ctx.who();
  if (can(actor, 'directory.manage', target)) return actor;
  return ctx.require('directory.updateCapacity', target);
}

/** A service the caller may act on, or 404 (audited) for one out of reach or unknown. */
async function loadService(ctx: Ctx, id: string, action: Action | 'read'): Promise<ServiceRow> {
  const row = await findServiceRow(ctx.db, id);
  const target = { organizationId: row?.organizationId ?? null, type: 'service', id };
  if (action === 'read') await requireRead(ctx, target);
  else await ctx.require(action, target);
  if (!row) throw notFound();
  return row;
}

async function loadLocation(ctx: Ctx, id: string, action: Action | 'read'): Promise<LocationRow> {
  const row = await findLocationRow(ctx.db, id);
  const target = { organizationId: row?.organizationId ?? null, type: 'location', id };
  if (action === 'read') await requireRead(ctx, target);
  else await ctx.require(action, target);
  if (!row) throw notFound();
  return row;
}

const serviceConflict = (current: ServiceOut | null) =>
  conflict('Someone else changed this service; review the current values.', 'version_conflict', { current });
const locationConflict = (current: LocationOut | null) =>
  conflict('Someone else changed this location; review the current values.', 'version_conflict', { current });

/** An optional text as stored: trimmed, and null when empty. */
const blank = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim());

function isHttpUrl(s: string) {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
  } catch {
    return false;
  }
}

/** The organisation a new record goes to: must exist and be active. */
async function checkOrganization(db: DbHandle, organizationId: string) {
  const [o] = await db.select({ active: organizations.active }).from(organizations).where(eq(organizations.id, organizationId));
  if (!o) throw badRequest('Unknown organisation.', { organizationId: 'unknown_organization' });
  if (!o.active) throw badRequest('This organisation is deactivated.', { organizationId: 'organization_inactive' });
}

const areaLevelsServed = ['province', 'regency', 'district'];
const locationAreaLevels = ['village', 'district'];

type ServiceInput = Partial<Omit<ServiceCreate, 'organizationId'>>;

/**
 * Checks a service's new values (all of them for a new service; those sent for a change, plus the
 * rules that tie a sent value to a stored one) and turns them into columns. Throws 400 with every
 * failing field at once; nothing has been written then.
 */
async function checkService(db: DbHandle, organizationId: string, input: ServiceInput, current: ServiceRow | null) {
  const fields: FieldErrors = {};
  const set: Partial<typeof services.$inferInsert> = {};

  if (input.name !== undefined) set.name = input.name;
  if (input.alternateName !== undefined) set.alternateName = blank(input.alternateName);
  if (input.description !== undefined) set.description = input.description;
  if (input.url !== undefined) {
    set.url = blank(input.url);
    if (set.url && !isHttpUrl(set.url)) fields.url = 'invalid_url';
  }
  if (input.email !== undefined) set.email = blank(input.email);
  if (input.status !== undefined) set.status = input.status;

  if (input.termCodes !== undefined) {
    const codes = [...new Set(input.termCodes)];
    const unknown = codes.filter((c) => !termByCode.has(c));
    const groups = codes.filter((c) => termByCode.get(c)?.group === null);
    if (unknown.length) fields.termCodes = 'unknown_term';
    else if (groups.length) fields.termCodes = 'term_is_group';
    else set.termIds = termIdsOf(codes);
  }
  if (input.languages !== undefined) set.languages = input.languages;

  if (input.eligibility !== undefined) {
    const e = input.eligibility;
    if (e.minAge != null && e.maxAge != null && e.maxAge < e.minAge) fields['eligibility.maxAge'] = 'below_min';
    Object.assign(set, {
      eligibleSexes: e.sexes,
      minAge: e.minAge ?? null,
      maxAge: e.maxAge ?? null,
      eligibleCaseTypes: e.caseTypes,
      eligibleDirections: e.directions,
      eligibilityNote: blank(e.note) ?? null,
    });
  }
  if (input.cost !== undefined) Object.assign(set, { costKind: input.cost.kind, costNote: blank(input.cost.note) ?? null });

  if (input.hours !== undefined) {
    input.hours.forEach((h, i) => {
      if (h.closes <= h.opens) fields[`hours.${i}.closes`] = 'closes_before_opens';
    });
    set.hours = input.hours.map((h) => ({ days: [...new Set(h.days)].sort((a, b) => a - b), opens: h.opens, closes: h.closes }));
  }
  if (input.hoursNote !== undefined) set.hoursNote = blank(input.hoursNote);

  if (input.phones !== undefined) {
    set.phones = input.phones.map((p, i) => {
      const number = normalisePhone(p.number);
      if (!number) fields[`phones.${i}.number`] = 'invalid_phone';
      return { number: number ?? p.number, kind: p.kind, description: blank(p.description) ?? null };
    });
  }
  if (input.contacts !== undefined) {
    set.contacts = input.contacts.map((c, i) => {
      const raw = blank(c.phone) ?? null;
      const phone = raw ? normalisePhone(raw) : null;
      if (raw && !phone) fields[`contacts.${i}.phone`] = 'invalid_phone';
      return { name: c.name, title: blank(c.title) ?? null, email: blank(c.email) ?? null, phone: phone ?? raw };
    });
  }

  if (input.nationwide !== undefined) set.nationwide = input.nationwide;
  if (input.areaCodes !== undefined) {
    const codes = [...new Set(input.areaCodes)];
    const found = await areasByCode(db, codes);
    if (codes.some((c) => !found.has(c))) fields.areaCodes = 'unknown_area';
    else if (codes.some((c) => !areaLevelsServed.includes(found.get(c)!.level))) fields.areaCodes = 'area_too_detailed';
    set.areaCodes = codes;
  }
  const nationwide = set.nationwide ?? current?.nationwide ?? false;
  const areaCodes = set.areaCodes ?? current?.areaCodes ?? [];
  if (nationwide && areaCodes.length && !fields.areaCodes) fields.areaCodes = 'nationwide_with_areas';

  if (input.requiredDocuments !== undefined) set.requiredDocuments = input.requiredDocuments;
  if (input.requiredDocumentsNote !== undefined) set.requiredDocumentsNote = blank(input.requiredDocumentsNote);

  if (input.capacity !== undefined) Object.assign(set, capacityColumns(input.capacity, current, fields, 'capacity.'));

  let locationIds: string[] | undefined;
  if (input.locationIds !== undefined) {
    locationIds = [...new Set(input.locationIds)];
    const own = await ownLocationIds(db, organizationId, locationIds);
    if (locationIds.some((l) => !own.has(l))) fields.locationIds = 'unknown_location';
  }

  if (Object.keys(fields).length) throw badRequest('Some service fields are invalid.', fields);
  return { set, locationIds };
}

/** Capacity columns of a change (only the values sent), with free places never above the total. */
function capacityColumns(c: { total?: number | null; free?: number | null; maxOpenReferrals?: number | null }, current: ServiceRow | null, fields: FieldErrors, prefix = '') {
  const set: Partial<typeof services.$inferInsert> = { capacityUpdatedAt: new Date() };
  if (c.total !== undefined) set.capacityTotal = c.total;
  if (c.free !== undefined) set.capacityFree = c.free;
  if (c.maxOpenReferrals !== undefined) set.maxOpenReferrals = c.maxOpenReferrals;
  const total = set.capacityTotal !== undefined ? set.capacityTotal : (current?.capacityTotal ?? null);
  const free = set.capacityFree !== undefined ? set.capacityFree : (current?.capacityFree ?? null);
  if (total != null && free != null && free > total) fields[`${prefix}free`] = 'above_total';
  return set;
}

// ---------------------------------------------------------------------------------------------
// Services

export async function list(ctx: Ctx, q: z.infer<typeof serviceQuery>) {
  const organizationId = q.organizationId ?? ctx.who().organizationId;
  await requireRead(ctx, { organizationId, type: 'organization', id: organizationId });
  return listServices(ctx.db, { ...q, organizationId });
}

export async function read(ctx: Ctx, id: string): Promise<ServiceOut> {
  await loadService(ctx, id, 'read');
  return (await findService(ctx.db, id))!;
}

export async function create(ctx: Ctx, input: ServiceCreate): Promise<ServiceOut> {
  const me = ctx.who();
  const organizationId = input.organizationId ?? me.organizationId;
  await ctx.require('directory.manage', { organizationId, type: 'organization', id: organizationId });
  const { organizationId: _o, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    await checkOrganization(tx, organizationId);
    const { set, locationIds = [] } = await checkService(tx, organizationId, { ...fields, capacity: fields.capacity ?? {} }, null);
    if (!input.capacity) set.capacityUpdatedAt = null;
    const [row] = await tx
      .insert(services)
      .values({ ...(set as typeof services.$inferInsert), organizationId, lastConfirmedAt: new Date(), lastConfirmedById: me.userId })
      .returning({ id: services.id });
    await setServiceLocations(tx, row.id, locationIds);
    await refreshServiceSearchText(tx, row.id);
    await ctx.audit(tx, {
      action: 'directory.service.create',
      outcome: 'success',
      targetType: 'service',
      targetId: row.id,
      details: { organizationId, termCodes: [...new Set(input.termCodes)], status: input.status, locationIds },
    });
    return (await findService(tx, row.id))!;
  });
}

/** Applies a change based on `version`; a stale version gets 409 with the current record and nothing changes. */
async function changeService(
  ctx: Ctx,
  id: string,
  version: number,
  action: string,
  build: (tx: DbHandle, current: ServiceRow) => Promise<{ set: Partial<typeof services.$inferInsert>; locationIds?: string[]; details: Record<string, unknown> }>,
) {
  return ctx.db.transaction(async (tx) => {
    const current = await findServiceRow(tx, id);
    if (!current) throw notFound();
    if (current.version !== version) throw serviceConflict(await findService(tx, id));
    const { set, locationIds, details } = await build(tx, current);
    const updated = await tx
      .update(services)
      .set({ ...set, version: sql`${services.version} + 1`, updatedAt: new Date() })
      .where(and(eq(services.id, id), eq(services.version, version)))
      .returning({ id: services.id });
    // A concurrent change committed between the read above and this update: nothing was written.
    if (!updated.length) throw serviceConflict(await findService(tx, id));
    if (locationIds) await setServiceLocations(tx, id, locationIds);
    await refreshServiceSearchText(tx, id);
    await ctx.audit(tx, { action, outcome: 'success', targetType: 'service', targetId: id, details: { organizationId: current.organizationId, ...details } });
    return (await findService(tx, id))!;
  });
}

export async function update(ctx: Ctx, id: string, input: ServiceUpdate): Promise<ServiceOut> {
  await loadService(ctx, id, 'directory.manage');
  const { version, ...patch } = input;
  return changeService(ctx, id, version, 'directory.service.update', async (tx, current) => {
    const { set, locationIds } = await checkService(tx, current.organizationId, patch, current);
    const details: Record<string, unknown> = { fields: Object.keys(patch) };
    if (patch.status !== undefined) details.status = patch.status;
    if (locationIds) details.locationIds = locationIds;
    return { set, locationIds, details };
  });
}

/** "Still correct": stamps who confirmed it and when, and changes nothing else. */
export async function confirm(ctx: Ctx, id: string, version: number): Promise<ServiceOut> {
  await loadService(ctx, id, 'directory.manage');
  const me = ctx.who();
  return changeService(ctx, id, version, 'directory.service.confirm', async () => ({
    set: { lastConfirmedAt: new Date(), lastConfirmedById: me.userId },
    details: {},
  }));
}

export async function updateCapacity(ctx: Ctx, id: string, input: CapacityUpdate): Promise<ServiceOut> {
  await loadService(ctx, id, 'directory.updateCapacity');
  const { version, ...capacity } = input;
  return changeService(ctx, id, version, 'directory.service.capacity', async (_tx, current) => {
    const fields: FieldErrors = {};
    const set = capacityColumns(capacity, current, fields);
    if (Object.keys(fields).length) throw badRequest('The free places cannot be more than the total.', fields);
    return { set, details: { fields: Object.keys(capacity) } };
  });
}

// ---------------------------------------------------------------------------------------------
// Locations

export async function listLocationsOf(ctx: Ctx, q: z.infer<typeof locationQuery>) {
  const organizationId = q.organizationId ?? ctx.who().organizationId;
  await requireRead(ctx, { organizationId, type: 'organization', id: organizationId });
  return listLocations(ctx.db, { ...q, organizationId });
}

export async function readLocation(ctx: Ctx, id: string): Promise<LocationOut> {
  await loadLocation(ctx, id, 'read');
  return (await findLocation(ctx.db, id))!;
}

async function checkLocation(db: DbHandle, input: Partial<LocationCreate>, current: LocationRow | null) {
  const fields: FieldErrors = {};
  const set: Partial<typeof locations.$inferInsert> = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.description !== undefined) set.description = blank(input.description);
  if (input.address !== undefined) set.address = input.address;
  if (input.areaCode !== undefined) {
    const area = (await areasByCode(db, [input.areaCode])).get(input.areaCode);
    if (!area) fields.areaCode = 'unknown_area';
    else if (!locationAreaLevels.includes(area.level)) fields.areaCode = 'area_too_broad';
    set.areaCode = input.areaCode;
  }
  if (input.postalCode !== undefined) set.postalCode = blank(input.postalCode);
  if (input.latitude !== undefined) set.latitude = input.latitude;
  if (input.longitude !== undefined) set.longitude = input.longitude;
  const lat = set.latitude !== undefined ? set.latitude : (current?.latitude ?? null);
  const lon = set.longitude !== undefined ? set.longitude : (current?.longitude ?? null);
  if (lat == null && lon != null) fields.latitude = 'required';
  if (lon == null && lat != null) fields.longitude = 'required';
  if (input.transportation !== undefined) set.transportation = blank(input.transportation);
  if (input.accessibility !== undefined) set.accessibility = blank(input.accessibility);
  if (Object.keys(fields).length) throw badRequest('Some location fields are invalid.', fields);
  return set;
}

export async function createLocation(ctx: Ctx, input: LocationCreate): Promise<LocationOut> {
  const organizationId = input.organizationId ?? ctx.who().organizationId;
  await ctx.require('directory.manage', { organizationId, type: 'organization', id: organizationId });
  const { organizationId: _o, ...fields } = input;
  return ctx.db.transaction(async (tx) => {
    await checkOrganization(tx, organizationId);
    const set = await checkLocation(tx, fields, null);
    const [row] = await tx
      .insert(locations)
      .values({ ...(set as typeof locations.$inferInsert), organizationId })
      .returning({ id: locations.id });
    await ctx.audit(tx, {
      action: 'directory.location.create',
      outcome: 'success',
      targetType: 'location',
      targetId: row.id,
      details: { organizationId, areaCode: input.areaCode },
    });
    return (await findLocation(tx, row.id))!;
  });
}

export async function updateLocation(ctx: Ctx, id: string, input: LocationUpdate): Promise<LocationOut> {
  await loadLocation(ctx, id, 'directory.manage');
  const { version, ...patch } = input;
  return ctx.db.transaction(async (tx) => {
    const current = await findLocationRow(tx, id);
    if (!current) throw notFound();
    if (current.version !== version) throw locationConflict(await findLocation(tx, id));
    const set = await checkLocation(tx, patch, current);
    const updated = await tx
      .update(locations)
      .set({ ...set, version: sql`${locations.version} + 1`, updatedAt: new Date() })
      .where(and(eq(locations.id, id), eq(locations.version, version)))
      .returning({ id: locations.id });
    if (!updated.length) throw locationConflict(await findLocation(tx, id));
    // The services given here publish the location with them.
    await touchServicesAt(tx, id);
    await ctx.audit(tx, {
      action: 'directory.location.update',
      outcome: 'success',
      targetType: 'location',
      targetId: id,
      details: { organizationId: current.organizationId, fields: Object.keys(patch) },
    });
    return (await findLocation(tx, id))!;
  });
}
