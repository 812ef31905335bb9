// Cases: registration (with an existing or a new person), reading, changing, stage moves and
// their history. Every function starts with the access check (access.ts → policy); every write
// and every read of a case is audited with IDs and codes only.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { DbHandle } from '../platform/db/client.js';
import { cases, countries, persons, users } from '../platform/db/schema.js';
import type { Ctx } from '../platform/http/context.js';
import { badRequest, conflict, HttpError, notFound } from '../platform/http/errors.js';
import type { Deps } from '../platform/http/types.js';
import { can, holdsCases } from '../policy/policy.js';
import { caseUsers, requireCase, requirePerson } from './access.js';
import { addCaseEvent, findCaseRow, listCaseEvents, type CaseListRow, type CaseRow } from './dal.js';
import { birthOf, refreshCase, todayInJakarta } from './derived.js';
import { findPersonRow, personOut } from '../persons/dal.js';
import { ageOn, isChild, type PriorityBand, type RiskLevel, type CaseType } from './priority.js';
import { nextReference } from './reference.js';
import type { CaseCreate, CaseListItem, CaseOut, CaseUpdate, Direction, TransitionInput } from './schema.js';
import { allowedTransitions, checkTransition, type Stage } from './workflow.js';
import { insertPerson } from '../persons/service.js';

export type CaseDeps = Pick<Deps, 'cipher' | 'lookup'> & Partial<Deps>;

const caseTarget = (c: { id: string; organizationId: string; assignedToId: string | null; createdById: string | null }) => ({
  type: 'case',
  id: c.id,
  organizationId: c.organizationId,
  userIds: caseUsers(c),
});

// ---------------------------------------------------------------------------------------------
// Shaping rows for the API.

export function toListItem(r: CaseListRow, cipher: FieldCipher, today = todayInJakarta()): CaseListItem {
  const birth = birthOf(r);
  return {
    id: r.id,
    reference: r.reference,
    personId: r.personId,
    personName: cipher.decrypt(r.personNameEnc),
    sex: r.sex as CaseListItem['sex'],
    age: birth ? ageOn(birth, today) : null,
    isChild: r.flags.includes('child') || (birth ? isChild(birth, today) : false),
    caseType: r.caseType as CaseType,
    direction: r.direction as Direction,
    stage: r.stage as Stage,
    riskLevel: r.riskLevel as RiskLevel,
    flags: r.flags,
    priorityScore: r.priorityScore,
    priorityBand: r.priorityBand as PriorityBand,
    assignedTo: r.assignedToId ? { id: r.assignedToId, displayName: r.assignedToName ?? '' } : null,
    provinceCode: r.provinceCode,
    provinceName: r.provinceName,
    destinationCountries: r.destinationCountries,
    nextDueOn: r.nextDueOn,
    overdue: !!r.nextDueOn && r.nextDueOn < today && r.stage !== 'closed',
    openedAt: r.openedAt,
    updatedAt: r.updatedAt,
  };
}

/** The whole case as the API gives it; reads and decrypts the person. */
export async function caseOut(ctx: Ctx, db: DbHandle, cipher: FieldCipher, id: string): Promise<CaseOut | null> {
  const r = await findCaseRow(db, id);
  if (!r) return null;
  return shapeCase(ctx, db, cipher, r);
}

async function shapeCase(ctx: Ctx, db: DbHandle, cipher: FieldCipher, r: CaseRow): Promise<CaseOut> {
  const today = todayInJakarta();
  const person = await personOut(db, cipher, (await findPersonRow(db, r.personId))!);
  const actor = ctx.who();
  const target = caseTarget(r);
  const mayUpdate = can(actor, 'case.update', target);
  return {
    ...toListItem(r, cipher, today),
    person,
    priorityReasons: r.priorityReasons,
    summary: r.summaryEnc ? cipher.decrypt(r.summaryEnc) : null,
    closedAt: r.closedAt,
    closureReason: r.closureReason,
    allowedTransitions: mayUpdate ? [...allowedTransitions(r.stage as Stage)] : [],
    createdBy: r.createdById ? { id: r.createdById, displayName: r.createdByName ?? '' } : null,
    version: r.version,
    createdAt: r.createdAt,
    can: {
      update: mayUpdate,
      assign: can(actor, 'case.assign', target),
      determine: can(actor, 'case.determine', target),
      readSensitive: can(actor, 'case.readSensitive', target),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Checks that need the database.

async function assertCountries(db: DbHandle, codes: readonly string[] | undefined, field = 'destinationCountries') {
  if (!codes?.length) return;
  const found = await db.select({ code: countries.code }).from(countries).where(inArray(countries.code, [...codes]));
  if (found.length !== new Set(codes).size) throw badRequest('Unknown country code.', { [field]: 'unknown_country' });
}

// ---------------------------------------------------------------------------------------------
// Registration.

/** The person checks name their fields as in POST /persons; inline in a case they sit under `person.`. */
function underPerson(e: unknown): never {
  if (e instanceof HttpError && e.fields)
    throw new HttpError(e.statusCode, e.code, e.message, Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [`person.${k}`, v])), e.extra);
  throw e;
}

export async function create(ctx: Ctx, deps: CaseDeps, input: CaseCreate): Promise<CaseOut> {
  const me = ctx.who();
  await ctx.require('case.create', { type: 'organization', id: me.organizationId, organizationId: me.organizationId });
  if (!input.personId === !input.person)
    throw badRequest('Give either an existing person (personId) or a new one (person), not both.', input.personId ? { person: 'person_or_person_id' } : { personId: 'required' });
  if (input.assignToMe && (me.kind !== 'person' || !holdsCases(me.roles)))
    throw badRequest('Only case workers and supervisors can take a case.', { assignToMe: 'not_assignable' });
  // A new person: the right to register one is checked (and a denial audited) before the transaction.
  if (input.person) await ctx.require('person.create', { type: 'organization', id: me.organizationId, organizationId: me.organizationId });
  if (input.personId) {
    // 404 for a person out of reach, exactly as for an unknown one.
    const p = await requirePerson(ctx, input.personId, 'person.read');
    if (p.organizationId !== me.organizationId) throw notFound();
  }
  const id = await ctx.db.transaction(async (tx) => {
    await assertCountries(tx, input.destinationCountries);
    let personId = input.personId;
    if (!personId) personId = await insertPerson(ctx, tx, deps, input.person!).catch(underPerson);
    const [p] = await tx
      .select({ mergedIntoId: persons.mergedIntoId, homeProvinceCode: persons.homeProvinceCode, homeVillageCode: persons.homeVillageCode })
      .from(persons)
      .where(eq(persons.id, personId));
    if (!p) throw notFound();
    if (p.mergedIntoId) throw badRequest('This person was merged into another record; register the case there.', { personId: 'person_merged' });
    const reference = await nextReference(tx);
    const now = new Date();
    const [row] = await tx
      .insert(cases)
      .values({
        reference,
        personId,
        organizationId: me.organizationId,
        assignedToId: input.assignToMe ? me.userId : null,
        assignedAt: input.assignToMe ? now : null,
        createdById: me.userId,
        caseType: input.caseType,
        direction: input.direction,
        stage: 'intake',
        destinationCountries: input.destinationCountries,
        riskLevel: input.riskLevel,
        flags: input.flags,
        provinceCode: p.homeProvinceCode ?? p.homeVillageCode?.slice(0, 2) ?? null,
        summaryEnc: input.summary ? deps.cipher.encrypt(input.summary) : null,
        openedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: cases.id });
    await refreshCase(tx, row.id);
    await addCaseEvent(tx, { caseId: row.id, kind: 'created', toValue: 'intake', byId: me.userId });
    if (input.assignToMe) await addCaseEvent(tx, { caseId: row.id, kind: 'assignment', fromValue: null, toValue: me.userId, byId: me.userId });
    await ctx.audit(tx, {
      action: 'case.create',
      outcome: 'success',
      targetType: 'case',
      targetId: row.id,
      details: { reference, personId, newPerson: !input.personId, caseType: input.caseType, direction: input.direction, assignedToId: input.assignToMe ? me.userId : null },
    });
    return row.id;
  });
  return (await caseOut(ctx, ctx.db, deps.cipher, id))!;
}

// ---------------------------------------------------------------------------------------------
// Reading.

export async function read(ctx: Ctx, deps: CaseDeps, id: string): Promise<CaseOut> {
  await requireCase(ctx, id, 'case.read');
  const out = await caseOut(ctx, ctx.db, deps.cipher, id);
  if (!out) throw notFound();
  await ctx.audit(ctx.db, { action: 'case.read', outcome: 'success', targetType: 'case', targetId: id, details: { personId: out.personId } });
  return out;
}

export async function history(ctx: Ctx, deps: CaseDeps, id: string) {
  await requireCase(ctx, id, 'case.read');
  const rows = await listCaseEvents(ctx.db, id);
  // Assignment events name users by ID; the history shows who they are.
  const userIds = [...new Set(rows.filter((e) => e.kind === 'assignment').flatMap((e) => [e.fromValue, e.toValue]).filter((v): v is string => !!v))];
  const names = new Map(
    userIds.length ? (await ctx.db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, userIds))).map((u) => [u.id, u.displayName]) : [],
  );
  const ref = (v: string | null) => (v && names.has(v) ? { id: v, displayName: names.get(v)! } : null);
  await ctx.audit(ctx.db, { action: 'case.history.read', outcome: 'success', targetType: 'case', targetId: id });
  return {
    items: rows.map((e) => ({
      id: String(e.id),
      kind: e.kind,
      fromValue: e.fromValue,
      toValue: e.toValue,
      fromUser: e.kind === 'assignment' ? ref(e.fromValue) : null,
      toUser: e.kind === 'assignment' ? ref(e.toValue) : null,
      reason: e.noteEnc ? deps.cipher.decrypt(e.noteEnc) : null,
      reasonCode: e.reasonCode,
      by: e.byId ? { id: e.byId, displayName: e.byName ?? '' } : null,
      at: e.at,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Changes. Each runs in one transaction: version check, write (version + 1), derived fields,
// history, audit. A stale version gets 409 with the current case and writes nothing.

const stale = async (ctx: Ctx, tx: DbHandle, cipher: FieldCipher, id: string) =>
  conflict('Someone else changed this case; review the current values.', 'version_conflict', { current: await caseOut(ctx, tx, cipher, id) });

/**
 * Locks the case row, checks the version and hands the current row to `apply`, which makes the
 * change; then bumps the version, refreshes the derived fields and returns the new case.
 */
export async function changeCase(
  ctx: Ctx,
  deps: CaseDeps,
  id: string,
  version: number,
  apply: (tx: DbHandle, current: CaseRow) => Promise<Partial<typeof cases.$inferInsert> | null>,
): Promise<CaseOut> {
  await ctx.db.transaction(async (tx) => {
    // Row lock: concurrent changes of one case run one after the other, and the loser sees the new version.
    await tx.execute(sql`select 1 from ${cases} where ${cases.id} = ${id} for update`);
    const current = await findCaseRow(tx, id);
    if (!current) throw notFound();
    if (current.version !== version) throw await stale(ctx, tx, deps.cipher, id);
    const set = await apply(tx, current);
    if (!set) return false;
    const updated = await tx
      .update(cases)
      .set({ ...set, version: sql`${cases.version} + 1`, updatedAt: new Date() })
      .where(and(eq(cases.id, id), eq(cases.version, version)))
      .returning({ id: cases.id });
    if (!updated.length) throw await stale(ctx, tx, deps.cipher, id);
    await refreshCase(tx, id);
    return true;
  });
  return (await caseOut(ctx, ctx.db, deps.cipher, id))!;
}

export async function update(ctx: Ctx, deps: CaseDeps, id: string, input: CaseUpdate): Promise<CaseOut> {
  await requireCase(ctx, id, 'case.update');
  const { version, summary, ...rest } = input;
  return changeCase(ctx, deps, id, version, async (tx, current) => {
    if (current.stage === 'closed') throw conflict('This case is closed; reopen it first.', 'case_closed');
    await assertCountries(tx, rest.destinationCountries);
    const set: Partial<typeof cases.$inferInsert> = { ...rest };
    // The derived child flag stays: refreshCase recomputes it.
    if (rest.flags) set.flags = [...rest.flags, ...(current.flags.includes('child') ? ['child'] : [])];
    if (summary !== undefined) set.summaryEnc = summary ? deps.cipher.encrypt(summary) : null;
    await ctx.audit(tx, {
      action: 'case.update',
      outcome: 'success',
      targetType: 'case',
      targetId: id,
      details: { fields: Object.keys(input).filter((k) => k !== 'version'), riskLevel: rest.riskLevel, caseType: rest.caseType },
    });
    return set;
  });
}

export async function transition(ctx: Ctx, deps: CaseDeps, id: string, input: TransitionInput): Promise<CaseOut> {
  await requireCase(ctx, id, 'case.update');
  // Closing needs a supervisor's approval against the closure checklist: POST /cases/{id}/closure
  // requests it, POST /closures/{id}/approve closes the case (src/closure). Nothing is written here.
  if (input.to === 'closed') throw conflict('A case is closed through a closure request that a supervisor approves.', 'closure_requires_approval');
  return changeCase(ctx, deps, id, input.version, async (tx, current) => {
    const from = current.stage as Stage;
    const to = input.to;
    const check = checkTransition(from, to, { reason: input.reason });
    if (!check.ok && check.code === 'transition_not_allowed')
      throw conflict(`A case in ${from} cannot move to ${to}.`, 'transition_not_allowed', { allowed: check.allowed });
    if (!check.ok) throw badRequest('Say why the case is reopened.', { reason: 'required' });
    const me = ctx.who();
    await addCaseEvent(tx, {
      caseId: id,
      kind: 'stage',
      fromValue: from,
      toValue: to,
      reason: null,
      noteEnc: input.reason ? deps.cipher.encrypt(input.reason) : null,
      byId: me.userId,
    });
    // Reopening is audited like every move, with where it came from (closed) and where the work resumes.
    await ctx.audit(tx, {
      action: 'case.transition',
      outcome: 'success',
      targetType: 'case',
      targetId: id,
      details: { from, to },
    });
    if (from === 'closed') return { stage: to, closedAt: null, closureReason: null };
    return { stage: to };
  });
}
