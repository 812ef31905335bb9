// Organisations of the network: ministries, local governments, NGOs, international organisations,
// private-sector partners and community organisations. Deactivated, never deleted.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbHandle } from '../platform/db/client.js';
import { areas, organizations } from '../platform/db/schema.js';
import type { Ctx } from '../platform/http/context.js';
import { badRequest, conflict, notFound } from '../platform/http/errors.js';
import { isUniqueViolation } from '../platform/db/errors.js';
import { organizationRenamed } from '../directory/search-text.js';
import { normalisePhone } from '../persons/normalise.js';
import { findOrganization as findRow, listOrganizations as listRows, type OrganizationRow } from './dal.js';
import { decOpt, displayNames, encOpt, refFrom } from '../case-records/common.js';
import { partnerOrganizationType } from '../employment/vocabulary.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import { can } from '../policy/policy.js';
import { surveyMonthsProblem } from '../reintegration/sustainability/schedule.js';
import type { OrganizationOut } from './schema.js';
import type { organizationCreate, organizationQuery, organizationUpdate, suspensionCreate, suspensionDelete } from './schema.js';

const target = (id: string) => ({ organizationId: id, type: 'organization', id });

// The survey months are read beside the organisation (dal.ts selects the other columns).
async function monthsOf(db: DbHandle, ids: string[]): Promise<Map<string, number[] | null>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: organizations.id, months: organizations.surveyMonths }).from(organizations).where(inArray(organizations.id, ids));
  return new Map(rows.map((r) => [r.id, r.months ?? null]));
}

/**
 * The answer for a caller: who suspended a partner is shown to those who may suspend, and the note
 * only when a cipher is given (one record read or the suspension answers), never in lists.
 */
async function shape(ctx: Ctx | null, db: DbHandle, rows: OrganizationRow[], cipher?: FieldCipher): Promise<OrganizationOut[]> {
  const months = await monthsOf(
    db,
    rows.map((o) => o.id),
  );
  const admin = !!ctx?.actor && can(ctx.actor, 'partner.suspend');
  const names = admin ? await displayNames(db, rows.map((r) => r.suspendedById)) : new Map<string, string>();
  return rows.map(({ suspendedById, suspensionNoteEnc, ...o }) => ({
    ...o,
    surveyMonths: months.get(o.id) ?? null,
    suspended: !!o.suspendedAt,
    suspendedBy: admin && o.suspendedAt ? refFrom(names, suspendedById) : null,
    suspensionNote: admin && cipher && o.suspendedAt ? decOpt(cipher, suspensionNoteEnc) : null,
  }));
}
async function findOrganization(ctx: Ctx | null, db: DbHandle, id: string, cipher?: FieldCipher): Promise<OrganizationOut | null> {
  const org = await findRow(db, id);
  return org ? (await shape(ctx, db, [org], cipher))[0]! : null;
}
async function listOrganizations(ctx: Ctx, db: DbHandle, f: Parameters<typeof listRows>[1]) {
  const page = await listRows(db, f);
  return { ...page, items: await shape(ctx, db, page.items) };
}

/** The partner kind goes with private-sector organisations only. */
function partnerKindProblem(type: string | undefined, partnerKind: string | null | undefined) {
  if (partnerKind && type !== partnerOrganizationType)
    throw badRequest('Only private-sector organisations have a partner kind.', { partnerKind: 'not_allowed' });
}

/** The survey months as stored: checked, in order; an empty list means the default (null). */
function surveyMonthsColumn<T extends { surveyMonths?: number[] | null }>(input: T): T {
  if (input.surveyMonths === undefined || input.surveyMonths === null) return input;
  if (!input.surveyMonths.length) return { ...input, surveyMonths: null };
  const problem = surveyMonthsProblem(input.surveyMonths);
  if (problem) throw badRequest('Survey months must be 1 to 6 distinct whole numbers from 1 to 120.', { surveyMonths: problem });
  return { ...input, surveyMonths: [...input.surveyMonths].sort((a, b) => a - b) };
}

async function checkReferences(tx: DbHandle, input: { areaCode?: string | null; parentId?: string | null }, selfId?: string) {
  if (input.areaCode) {
    const [a] = await tx.select({ code: areas.code }).from(areas).where(eq(areas.code, input.areaCode));
    if (!a) throw badRequest('Unknown area code.', { areaCode: 'unknown_area' });
  }
  if (input.parentId) {
    if (input.parentId === selfId) throw badRequest('An organisation cannot be its own parent.', { parentId: 'parent_cycle' });
    // Walk up from the proposed parent: reaching self would make a cycle.
    let cursor: string | null = input.parentId;
    for (let depth = 0; cursor && depth < 1000; depth++) {
      const [p]: { id: string; parentId: string | null }[] = await tx
        .select({ id: organizations.id, parentId: organizations.parentId })
        .from(organizations)
        .where(eq(organizations.id, cursor));
      if (!p) throw badRequest('Unknown parent organisation.', { parentId: 'unknown_organization' });
      if (selfId && p.parentId === selfId) throw badRequest('An organisation cannot sit below itself.', { parentId: 'parent_cycle' });
      cursor = p.parentId;
    }
  }
}

type Profile = { description?: string | null; website?: string | null; email?: string | null; phone?: string | null };

/** The public profile as stored: empty texts become null, the phone E.164, the website http(s) only. */
function profileColumns<T extends Profile>(input: T): T {
  const out = { ...input };
  const fields: Record<string, string> = {};
  for (const k of ['description', 'website', 'email', 'phone'] as const) {
    const v = out[k];
    if (typeof v === 'string' && v.trim() === '') out[k] = null;
  }
  if (out.website) {
    let ok = false;
    try {
      const u = new URL(out.website);
      ok = (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
    } catch {
      ok = false;
    }
    if (!ok) fields.website = 'invalid_url';
  }
  if (out.phone) {
    const n = normalisePhone(out.phone);
    if (!n) fields.phone = 'invalid_phone';
    else out.phone = n;
  }
  if (Object.keys(fields).length) throw badRequest('Some profile fields are invalid.', fields);
  return out;
}

const duplicateName = () => conflict('An organisation with this name already exists.', 'duplicate', undefined, { name: 'duplicate' });

export async function list(ctx: Ctx, q: z.infer<typeof organizationQuery>) {
  await ctx.reach('organization.read');
  return listOrganizations(ctx, ctx.db, { ...q, active: q.active === undefined ? undefined : q.active === 'true' });
}

export async function read(ctx: Ctx, id: string, cipher?: FieldCipher) {
  await ctx.require('organization.read', target(id));
  const org = await findOrganization(ctx, ctx.db, id, cipher);
  if (!org) throw notFound();
  return org;
}

export async function create(ctx: Ctx, input: z.infer<typeof organizationCreate>) {
  await ctx.require('organization.create');
  partnerKindProblem(input.type, input.partnerKind);
  const values = surveyMonthsColumn(profileColumns(input));
  return ctx.db.transaction(async (tx) => {
    await checkReferences(tx, values);
    try {
      const [row] = await tx.insert(organizations).values(values).returning({ id: organizations.id });
      await ctx.audit(tx, { action: 'organization.create', outcome: 'success', targetType: 'organization', targetId: row.id });
      return (await findOrganization(ctx, tx, row.id))!;
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicateName();
      throw e;
    }
  });
}

/** Applies a change based on `version`; a stale version gets 409 with the current record. */
async function change(
  ctx: Ctx,
  id: string,
  version: number,
  set: Partial<typeof organizations.$inferInsert>,
  action: string,
  opts: { cipher?: FieldCipher; check?: (current: OrganizationOut) => void; audit?: Record<string, unknown> } = {},
) {
  return ctx.db.transaction(async (tx) => {
    const current = await findOrganization(ctx, tx, id);
    if (!current) throw notFound();
    if (current.version !== version)
      throw conflict('Someone else changed this organisation; review the current values.', 'version_conflict', { current });
    opts.check?.(current);
    await checkReferences(tx, set, id);
    let updated: { id: string }[];
    try {
      updated = await tx
        .update(organizations)
        .set({ ...set, version: sql`${organizations.version} + 1`, updatedAt: new Date() })
        .where(and(eq(organizations.id, id), eq(organizations.version, version)))
        .returning({ id: organizations.id });
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicateName();
      throw e;
    }
    // A concurrent change committed between the read above and this update: nothing was written.
    if (!updated.length)
      throw conflict('Someone else changed this organisation; review the current values.', 'version_conflict', { current: await findOrganization(ctx, tx, id) });
    // Services carry the organisation's name in their search text and published records.
    if ((set.name !== undefined && set.name !== current.name) || (set.acronym !== undefined && set.acronym !== current.acronym)) await organizationRenamed(tx, id);
    await ctx.audit(tx, { action, outcome: 'success', targetType: 'organization', targetId: id, details: opts.audit ?? { fields: Object.keys(set) } });
    return (await findOrganization(ctx, tx, id, opts.cipher))!;
  });
}

export async function update(ctx: Ctx, id: string, input: z.infer<typeof organizationUpdate>) {
  await ctx.require('organization.update', target(id));
  const { version, ...rest } = input;
  const set: Partial<typeof organizations.$inferInsert> = surveyMonthsColumn(profileColumns(rest));
  return change(ctx, id, version, set, 'organization.update', {
    // The partner kind follows the type the organisation has after the change; leaving the private sector clears it.
    check: (current) => {
      const type = set.type ?? current.type;
      partnerKindProblem(type, set.partnerKind);
      if (type !== partnerOrganizationType && current.partnerKind && set.partnerKind === undefined) set.partnerKind = null;
    },
  });
}

export async function setActive(ctx: Ctx, id: string, active: boolean) {
  await ctx.require('organization.deactivate', target(id));
  const current = await findOrganization(ctx, ctx.db, id);
  if (!current) throw notFound();
  if (!active && current.id === ctx.who().organizationId) throw conflict('You cannot deactivate your own organisation.', 'own_organization');
  return change(ctx, id, current.version, { active }, active ? 'organization.reactivate' : 'organization.deactivate');
}

// ---------------------------------------------------------------------------------------------
// Suspension of a private-sector partner by a system administrator. Its users then get 403
// partner_suspended from every employment route (employment/partners/gate.ts), and its openings
// leave matching and the published list (employment/openings/dal.ts openForMatchingSql).

const notAPartner = () => conflict('Only private-sector partners can be suspended or reinstated.', 'not_a_partner');

export async function suspend(ctx: Ctx, cipher: FieldCipher, id: string, input: z.infer<typeof suspensionCreate>) {
  await ctx.require('partner.suspend', target(id));
  const current = await findOrganization(ctx, ctx.db, id);
  if (!current) throw notFound();
  const me = ctx.who();
  return change(
    ctx,
    id,
    input.version ?? current.version,
    { suspendedAt: new Date(), suspendedById: me.userId, suspensionNoteEnc: encOpt(cipher, input.note) },
    'partner.suspend',
    {
      cipher,
      audit: { type: current.type },
      check: (c) => {
        if (c.type !== partnerOrganizationType) throw notAPartner();
        if (c.suspended) throw conflict('This partner is already suspended.', 'already_suspended');
      },
    },
  );
}

export async function reinstate(ctx: Ctx, cipher: FieldCipher, id: string, input: z.infer<typeof suspensionDelete>) {
  await ctx.require('partner.suspend', target(id));
  const current = await findOrganization(ctx, ctx.db, id);
  if (!current) throw notFound();
  return change(ctx, id, input?.version ?? current.version, { suspendedAt: null, suspendedById: null, suspensionNoteEnc: null }, 'partner.reinstate', {
    cipher,
    audit: { suspendedAt: current.suspendedAt?.toISOString() ?? null },
    check: (c) => {
      if (c.type !== partnerOrganizationType) throw notAPartner();
      if (!c.suspended) throw conflict('This partner is not suspended.', 'not_suspended');
    },
  });
}
