// Openings and training places. A partner writes its own (drafts), publishes and closes them; case
// workers and supervisors read the published ones open for matching across the network. Every entry
// starts with the policy (ctx.require / ctx.reach), then the partner gate (suspended partner, code of
// conduct not accepted). A partner reaching another partner's opening gets 404; a case worker gets
// 404 for a draft. Every write runs in one transaction with its audit entry and writes nothing on a
// refusal. Openings are not personal data: stored in the clear, reads are not audited.
import { and, eq, sql } from 'drizzle-orm';
import { todayInJakarta } from '../../cases/derived.js';
import { versionConflict } from '../../case-records/common.js';
import { areas, employmentOpenings } from '../../platform/db/schema.js';
import type { DbHandle } from '../../platform/db/client.js';
import type { Ctx } from '../../platform/http/context.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { can } from '../../policy/policy.js';
import { openingMatchKeys, type OpeningKeySource } from '../matching/keys.js';
import { requirePartnerReady } from '../partners/gate.js';
import { findOpening, listOpenings, lockOpening, type OpeningRow, type OpeningView } from './dal.js';
import { missingCommitments, openingProblems, type OpeningValues } from './rules.js';
import type { OpeningAction, OpeningCreate, OpeningOut, OpeningQuery, OpeningStep, OpeningUpdate } from './schema.js';

// ---------------------------------------------------------------------------------------------
// Shaping

const isOpenForMatching = (v: OpeningView, today: string) =>
  v.row.status === 'published' && (!v.row.closesOn || v.row.closesOn >= today) && v.organizationActive && !v.organizationSuspendedAt;

function allowedActions(ctx: Ctx, row: OpeningRow): OpeningAction[] {
  if (!can(ctx.who(), 'opening.manage', { organizationId: row.organizationId })) return [];
  if (row.status === 'draft') return ['edit', 'publish', 'close'];
  if (row.status === 'published') return ['edit', 'close'];
  return [];
}

function shape(ctx: Ctx, v: OpeningView, today = todayInJakarta()): OpeningOut {
  const r = v.row;
  return {
    id: r.id,
    organization: { id: r.organizationId, name: v.organizationName, partnerKind: v.organizationPartnerKind as OpeningOut['organization']['partnerKind'] },
    kind: r.kind as OpeningOut['kind'],
    status: r.status as OpeningOut['status'],
    openForMatching: isOpenForMatching(v, today),
    title: r.title,
    description: r.description,
    sector: r.sector,
    occupation: r.occupation,
    areaCode: r.areaCode,
    area: r.areaCode ? { province: v.provinceName, regency: v.regencyName } : null,
    remote: r.remote,
    places: r.places,
    wageMinIdr: r.wageMinIdr,
    wageMaxIdr: r.wageMaxIdr,
    contractType: r.contractType as OpeningOut['contractType'],
    hoursPerWeek: r.hoursPerWeek,
    workingHours: r.workingHours,
    requiredSkills: r.requiredSkills as OpeningOut['requiredSkills'],
    requiredLanguages: r.requiredLanguages,
    minEducation: r.minEducation as OpeningOut['minEducation'],
    requiredCertificates: r.requiredCertificates as OpeningOut['requiredCertificates'],
    accommodation: r.accommodation as OpeningOut['accommodation'],
    startOn: r.startOn,
    closesOn: r.closesOn,
    commitments: r.commitments as OpeningOut['commitments'],
    durationWeeks: r.durationWeeks,
    costIdr: r.costIdr,
    certificateAwarded: r.certificateAwarded as OpeningOut['certificateAwarded'],
    publishedAt: r.publishedAt,
    closedAt: r.closedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
    allowedActions: allowedActions(ctx, r),
  };
}

// ---------------------------------------------------------------------------------------------
// Match keys: kept with every write, through the matching helper's one definition.

const matchKeysOf = (values: OpeningKeySource) => openingMatchKeys(values);

// ---------------------------------------------------------------------------------------------
// Checks

async function checkArea(db: DbHandle, areaCode: string | null | undefined) {
  if (!areaCode) return;
  const [a] = await db.select({ code: areas.code }).from(areas).where(eq(areas.code, areaCode));
  if (!a) throw badRequest('Unknown area code.', { areaCode: 'unknown_area' });
}

function check(values: OpeningValues, today: string, closesOnChanged: boolean) {
  const fields = openingProblems(values, today, closesOnChanged);
  if (Object.keys(fields).length) throw badRequest('Some fields of the opening do not hold together.', fields);
}

const commitmentsRequired = (missing: string[]) =>
  conflict(
    `A job is published only with all three decent-work commitments; missing: ${missing.join(', ')}.`,
    'commitments_required',
    undefined,
    Object.fromEntries(missing.map((c) => [`commitments.${c}`, 'required'])),
  );

const notAllowed = (status: string, allowed: OpeningAction[]) =>
  conflict(`An opening that is ${status} cannot do this.`, 'transition_not_allowed', { allowed });

// ---------------------------------------------------------------------------------------------
// Reading

export async function list(ctx: Ctx, q: OpeningQuery) {
  const reach = await ctx.reach('opening.read');
  await requirePartnerReady(ctx);
  const me = ctx.who();
  const today = todayInJakarta();
  // A partner (reach: organisation) sees all of its own; case workers and supervisors the network's published ones.
  const page =
    reach === 'all'
      ? await listOpenings(ctx.db, { openForMatching: true, kind: q.kind, sector: q.sector, province: q.province, q: q.q, limit: q.limit, offset: q.offset })
      : await listOpenings(ctx.db, { organizationId: me.organizationId, ...q });
  return { items: page.items.map((v) => shape(ctx, v, today)), total: page.total };
}

/** The opening if the caller reaches it: a partner its own organisation's; others published ones, and drafts of their own organisation. */
async function reachOpening(ctx: Ctx, id: string, action: 'opening.read' | 'opening.manage'): Promise<OpeningView> {
  const v = await findOpening(ctx.db, id);
  if (!v) throw notFound();
  const me = await ctx.require(action, { organizationId: v.row.organizationId, type: 'employment_opening', id });
  if (v.row.status === 'draft' && v.row.organizationId !== me.organizationId) throw notFound();
  await requirePartnerReady(ctx);
  return v;
}

export async function get(ctx: Ctx, id: string): Promise<OpeningOut> {
  return shape(ctx, await reachOpening(ctx, id, 'opening.read'));
}

// ---------------------------------------------------------------------------------------------
// Writing

export async function create(ctx: Ctx, input: OpeningCreate): Promise<OpeningOut> {
  const me = ctx.who();
  await ctx.require('opening.manage', { organizationId: me.organizationId, type: 'organization', id: me.organizationId });
  await requirePartnerReady(ctx);
  const values = {
    organizationId: me.organizationId,
    kind: input.kind,
    status: 'draft',
    title: input.title,
    description: input.description ?? null,
    sector: input.sector,
    occupation: input.occupation,
    areaCode: input.areaCode ?? null,
    provinceCode: input.areaCode ? input.areaCode.slice(0, 2) : null,
    remote: input.remote,
    places: input.places,
    wageMinIdr: input.wageMinIdr ?? null,
    wageMaxIdr: input.wageMaxIdr ?? null,
    contractType: input.contractType ?? null,
    hoursPerWeek: input.hoursPerWeek ?? null,
    workingHours: input.workingHours ?? null,
    requiredSkills: input.requiredSkills,
    requiredLanguages: input.requiredLanguages,
    minEducation: input.minEducation ?? null,
    requiredCertificates: input.requiredCertificates,
    accommodation: input.accommodation ?? null,
    startOn: input.startOn ?? null,
    closesOn: input.closesOn ?? null,
    commitments: input.commitments,
    durationWeeks: input.durationWeeks ?? null,
    costIdr: input.costIdr ?? null,
    certificateAwarded: input.certificateAwarded ?? null,
    createdById: me.userId,
  };
  check(values, todayInJakarta(), true);
  const id = await ctx.db.transaction(async (tx) => {
    await checkArea(tx, values.areaCode);
    const [row] = await tx
      .insert(employmentOpenings)
      .values({ ...values, matchKeys: matchKeysOf(values) })
      .returning({ id: employmentOpenings.id });
    await ctx.audit(tx, {
      action: 'opening.create',
      outcome: 'success',
      targetType: 'employment_opening',
      targetId: row.id,
      details: { organizationId: me.organizationId, kind: values.kind },
    });
    return row.id;
  });
  return shape(ctx, (await findOpening(ctx.db, id))!);
}

/** Runs a change on the locked opening at `version`; stale: 409 version_conflict with the current opening. */
async function step(ctx: Ctx, id: string, version: number, apply: (tx: DbHandle, v: OpeningView) => Promise<void>): Promise<OpeningOut> {
  await reachOpening(ctx, id, 'opening.manage');
  await ctx.db.transaction(async (tx) => {
    // Row lock: concurrent changes run one after the other; the later one sees the new version.
    const current = await lockOpening(tx, id);
    if (current === null) throw notFound();
    const v = (await findOpening(tx, id))!;
    if (current !== version) throw versionConflict('opening', shape(ctx, v));
    await apply(tx, v);
  });
  return shape(ctx, (await findOpening(ctx.db, id))!);
}

const bump = () => ({ version: sql`${employmentOpenings.version} + 1`, updatedAt: new Date() });

export async function update(ctx: Ctx, id: string, input: OpeningUpdate): Promise<OpeningOut> {
  const { version, ...change } = input;
  return step(ctx, id, version, async (tx, v) => {
    const r = v.row;
    if (r.status === 'closed') throw notAllowed('closed', []);
    if (change.kind !== undefined && change.kind !== r.kind && r.status !== 'draft')
      throw badRequest('A published opening keeps its kind.', { kind: 'not_allowed' });
    const set = Object.fromEntries(Object.entries(change).filter(([, x]) => x !== undefined)) as Partial<typeof employmentOpenings.$inferInsert>;
    // Required columns cannot be cleared: null for them is refused like an absent value on create.
    const cleared = (['title', 'sector', 'occupation', 'remote', 'places', 'requiredSkills', 'requiredLanguages', 'requiredCertificates', 'commitments'] as const).filter(
      (k) => k in set && set[k] === null,
    );
    if (cleared.length) throw badRequest('Some fields are required.', Object.fromEntries(cleared.map((k) => [k, 'required'])));
    if ('areaCode' in set) set.provinceCode = set.areaCode ? set.areaCode.slice(0, 2) : null;
    const merged = { ...r, ...set } as OpeningRow;
    check({ ...merged, requiredSkills: merged.requiredSkills as OpeningValues['requiredSkills'] }, todayInJakarta(), 'closesOn' in set && set.closesOn !== r.closesOn);
    // A published job keeps all its commitments.
    if (r.status === 'published') {
      const missing = missingCommitments(merged);
      if (missing.length) throw commitmentsRequired(missing);
    }
    if (set.areaCode !== undefined && set.areaCode !== r.areaCode) await checkArea(tx, set.areaCode);
    await tx
      .update(employmentOpenings)
      .set({ ...set, matchKeys: matchKeysOf(merged), ...bump() })
      .where(and(eq(employmentOpenings.id, id), eq(employmentOpenings.version, version)));
    await ctx.audit(tx, {
      action: 'opening.update',
      outcome: 'success',
      targetType: 'employment_opening',
      targetId: id,
      details: { organizationId: r.organizationId, status: r.status, fields: Object.keys(change).filter((k) => k !== 'provinceCode') },
    });
  });
}

export async function publish(ctx: Ctx, id: string, input: OpeningStep): Promise<OpeningOut> {
  return step(ctx, id, input.version, async (tx, v) => {
    const r = v.row;
    if (r.status !== 'draft') throw notAllowed(r.status, allowedActions(ctx, r));
    const missing = missingCommitments(r);
    if (missing.length) throw commitmentsRequired(missing);
    if (r.closesOn && r.closesOn < todayInJakarta())
      throw conflict('The closing date has passed; set a new one before publishing.', 'closing_date_passed', undefined, { closesOn: 'in_past' });
    const now = new Date();
    await tx.update(employmentOpenings).set({ status: 'published', publishedAt: now, closedAt: null, ...bump() }).where(eq(employmentOpenings.id, id));
    await ctx.audit(tx, { action: 'opening.publish', outcome: 'success', targetType: 'employment_opening', targetId: id, details: { organizationId: r.organizationId, kind: r.kind } });
  });
}

export async function close(ctx: Ctx, id: string, input: OpeningStep): Promise<OpeningOut> {
  return step(ctx, id, input.version, async (tx, v) => {
    const r = v.row;
    if (r.status === 'closed') throw notAllowed(r.status, []);
    await tx.update(employmentOpenings).set({ status: 'closed', closedAt: new Date(), ...bump() }).where(eq(employmentOpenings.id, id));
    await ctx.audit(tx, { action: 'opening.close', outcome: 'success', targetType: 'employment_opening', targetId: id, details: { organizationId: r.organizationId, from: r.status } });
  });
}
