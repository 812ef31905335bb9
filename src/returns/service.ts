// Return journeys: planning (documents, medical clearance, escort, pocket money, legs), the
// milestones in order, the arrival reception at an Indonesian point of entry and the onward travel
// home (inbound), the hand-over in the country of origin (outbound), and the returns-due list of
// the reception teams. Journeys go with their case: every call starts with requireCase (read or
// update) except the returns-due list, which starts with ctx.reach('journey.readDue'). Every write
// runs in one transaction with its events and audit entry, and writes nothing on any refusal.
import { eq, sql } from 'drizzle-orm';
import { activeConsent } from '../case-records/consents.js';
import { displayNames, isFutureMoment, refFrom, versionConflict } from '../case-records/common.js';
import { caseUsers, requireCase, type CaseHead } from '../cases/access.js';
import { addCaseEvent } from '../cases/dal.js';
import { birthOf, todayInJakarta } from '../cases/derived.js';
import { ageOn } from '../cases/priority.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { DbHandle } from '../platform/db/client.js';
import { cases, returnJourneys } from '../platform/db/schema.js';
import type { Ctx } from '../platform/http/context.js';
import { badRequest, conflict, notFound, type FieldErrors } from '../platform/http/errors.js';
import { can } from '../policy/policy.js';
import { recordArrival } from '../reintegration/sustainability/arrival.js';
import { firstNameOf } from '../referrals/sharing.js';
import { ageBandOf } from '../referrals/vocabulary.js';
import {
  activeJourneyIds,
  addJourneyEvent,
  countDue,
  documentsOf,
  dueRows,
  eventsOf,
  findJourney,
  journeysOfCase,
  knownCountries,
  lastReturnLegs,
  legsOf,
  organizationState,
  replaceDocuments,
  replaceLegs,
  type DocumentRow,
  type EventRow,
  type JourneyRow,
  type LegRow,
} from './dal.js';
import { pointOfEntryByCode } from './points-of-entry.js';
import type { JourneyCreate, JourneyDocumentInput, JourneyLegInput, JourneyOut, JourneyUpdate, MilestoneInput, ReturnDueItem, ReturnsDueQuery } from './schema.js';
import {
  documentKinds,
  documentsPending,
  dueLookBackHours,
  inboundOnlyFields,
  medicalBlocking,
  nextMilestones,
  outboundOnlyFields,
  type Direction,
  type JourneyStatus,
  type Milestone,
} from './vocabulary.js';

const hour = 3_600_000;

// ---------------------------------------------------------------------------------------------
// Presenting

/** Documents in the order of documentKinds (passport first), then as stored: the order the API and the blockers speak of. */
const sortDocuments = (docs: DocumentRow[]) =>
  [...docs].sort((a, b) => documentKinds.indexOf(a.kind as never) - documentKinds.indexOf(b.kind as never) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** What stops "documents ready": documents still needed or applied for, and a medical clearance pending or refused. */
export function documentsBlocking(j: { medicalClearance: string }, sortedDocs: { status: string }[]): string[] {
  const out = sortedDocs.flatMap((d, i) => ((documentsPending as readonly string[]).includes(d.status) ? [`documents.${i}`] : []));
  if ((medicalBlocking as readonly string[]).includes(j.medicalClearance)) out.push('medicalClearance');
  return out;
}

/** Flight or voyage number and booking code travel together in one encrypted value. */
const encodeReference = (cipher: FieldCipher, l: { flightNumber: string | null; bookingCode: string | null }) =>
  l.flightNumber || l.bookingCode ? cipher.encrypt(JSON.stringify({ flightNumber: l.flightNumber, bookingCode: l.bookingCode })) : null;
function decodeReference(cipher: FieldCipher, enc: string | null): { flightNumber: string | null; bookingCode: string | null } {
  if (!enc) return { flightNumber: null, bookingCode: null };
  const v = JSON.parse(cipher.decrypt(enc)) as { flightNumber?: string | null; bookingCode?: string | null };
  return { flightNumber: v.flightNumber ?? null, bookingCode: v.bookingCode ?? null };
}

const dec = (cipher: FieldCipher, v: string | null) => (v ? cipher.decrypt(v) : null);
const pointOf = (code: string | null) => {
  const p = code ? pointOfEntryByCode.get(code) : undefined;
  return p ? { code: p.code, kind: p.kind, name: p.name, areaCode: p.areaCode } : null;
};

interface Parts {
  docs: DocumentRow[];
  legs: LegRow[];
  events: EventRow[];
  names: Map<string, string>;
}

function present(cipher: FieldCipher, j: JourneyRow, direction: Direction, mayAct: boolean, parts: Parts): JourneyOut {
  const docs = sortDocuments(parts.docs.filter((d) => d.journeyId === j.id));
  const status = j.status as JourneyStatus;
  return {
    id: j.id,
    caseId: j.caseId,
    direction,
    status,
    allowedMilestones: mayAct ? nextMilestones(direction, status) : [],
    documentsBlocking: documentsBlocking(j, docs),
    medicalClearance: j.medicalClearance as JourneyOut['medicalClearance'],
    medicalNote: dec(cipher, j.medicalNoteEnc),
    escort: j.escort as JourneyOut['escort'],
    escortName: dec(cipher, j.escortNameEnc),
    pocketMoneyIdr: j.pocketMoneyIdr,
    arrivalPoint: pointOf(j.arrivalPointCode),
    expectedArrivalAt: j.expectedArrivalAt,
    receptionOrganization: j.receptionOrganizationId ? { id: j.receptionOrganizationId, name: j.receptionOrganizationName ?? '' } : null,
    receivedBy: dec(cipher, j.receivedByEnc),
    arrivedAt: j.arrivedAt,
    reachedHomeAt: j.reachedHomeAt,
    handoverCountryCode: j.handoverCountryCode,
    handoverOrganizationName: j.handoverOrganizationName,
    handoverContact: dec(cipher, j.handoverContactEnc),
    handoverItems: j.handoverItems as JourneyOut['handoverItems'],
    handoverNote: dec(cipher, j.handoverNoteEnc),
    handedOverAt: j.handedOverAt,
    notes: dec(cipher, j.notesEnc),
    documents: docs.map((d) => ({
      id: d.id,
      kind: d.kind as JourneyOut['documents'][number]['kind'],
      status: d.status as JourneyOut['documents'][number]['status'],
      number: dec(cipher, d.numberEnc),
      issuer: d.issuer,
      issuedOn: d.issuedOn,
      expiresOn: d.expiresOn,
    })),
    legs: parts.legs
      .filter((l) => l.journeyId === j.id)
      .map((l) => ({
        id: l.id,
        seq: l.seq,
        segment: l.segment as JourneyOut['legs'][number]['segment'],
        mode: l.mode as JourneyOut['legs'][number]['mode'],
        fromPlace: l.fromPlace,
        fromCountryCode: l.fromCountryCode,
        toPlace: l.toPlace,
        toCountryCode: l.toCountryCode,
        departAt: l.departAt,
        arriveAt: l.arriveAt,
        carrier: l.carrier,
        ...decodeReference(cipher, l.referenceEnc),
      })),
    events: parts.events
      .filter((e) => e.journeyId === j.id)
      .map((e) => ({
        id: String(e.id),
        milestone: e.milestone as JourneyStatus,
        happenedAt: e.happenedAt,
        note: dec(cipher, e.noteEnc),
        by: e.byId ? { id: e.byId, displayName: e.byName ?? '' } : null,
        at: e.at,
      })),
    createdBy: refFrom(parts.names, j.createdById),
    createdAt: j.createdAt,
    updatedAt: j.updatedAt,
    version: j.version,
  };
}

async function views(db: DbHandle, cipher: FieldCipher, journeys: JourneyRow[], direction: Direction, mayAct: boolean): Promise<JourneyOut[]> {
  const ids = journeys.map((j) => j.id);
  const [docs, legs, events, names] = [await documentsOf(db, ids), await legsOf(db, ids), await eventsOf(db, ids), await displayNames(db, journeys.map((j) => j.createdById))];
  return journeys.map((j) => present(cipher, j, direction, mayAct, { docs, legs, events, names }));
}

async function viewOf(db: DbHandle, cipher: FieldCipher, id: string, direction: Direction, mayAct: boolean): Promise<JourneyOut> {
  const j = await findJourney(db, id);
  if (!j) throw notFound();
  return (await views(db, cipher, [j], direction, mayAct))[0]!;
}

// ---------------------------------------------------------------------------------------------
// Access

const caseTarget = (head: CaseHead) => ({ type: 'case', id: head.id, organizationId: head.organizationId, userIds: caseUsers(head) });

/** Whether the caller may record milestones and change the plan: case.update on an open case. */
const mayUpdate = (ctx: Ctx, head: CaseHead) => head.stage !== 'closed' && can(ctx.who(), 'case.update', caseTarget(head));

async function caseDirection(db: DbHandle, caseId: string): Promise<Direction> {
  const [c] = await db.select({ direction: cases.direction }).from(cases).where(eq(cases.id, caseId));
  return (c?.direction ?? 'inbound') as Direction;
}

const caseClosed = () => conflict('This case is closed; reopen it first.', 'case_closed');

/** The journey and its case, with the caller's access to the case checked (404 when out of reach or unknown). */
async function requireJourney(ctx: Ctx, id: string, action: 'case.read' | 'case.update') {
  const j = await findJourney(ctx.db, id);
  if (!j) throw notFound();
  const head = await requireCase(ctx, j.caseId, action);
  return { j, head, direction: await caseDirection(ctx.db, head.id) };
}

// ---------------------------------------------------------------------------------------------
// Checks of a plan (create and update)

type PlanInput = Partial<Omit<JourneyCreate, 'documents' | 'legs'>> & { documents?: JourneyDocumentInput[]; legs?: JourneyLegInput[] };

const given = (v: unknown) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);

/** Inbound-only fields on an outbound journey, and the reverse. */
function checkDirection(direction: Direction, input: Record<string, unknown>, fields: FieldErrors) {
  for (const k of inboundOnlyFields) if (direction === 'outbound' && given(input[k])) fields[k] = 'inbound_only';
  for (const k of outboundOnlyFields) if (direction === 'inbound' && given(input[k])) fields[k] = 'outbound_only';
}

async function checkReception(db: DbHandle, id: string | null | undefined, fields: FieldErrors) {
  if (!id) return;
  const o = await organizationState(db, id);
  if (!o) fields.receptionOrganizationId = 'unknown_organization';
  else if (!o.active) fields.receptionOrganizationId = 'organization_inactive';
}

function checkPoint(code: string | null | undefined, fields: FieldErrors) {
  if (code && !pointOfEntryByCode.has(code)) fields.arrivalPointCode = 'unknown_point_of_entry';
}

async function checkPlan(db: DbHandle, direction: Direction, input: PlanInput, fields: FieldErrors, today: string) {
  checkDirection(direction, input, fields);
  if (!fields.arrivalPointCode) checkPoint(input.arrivalPointCode, fields);
  if (!fields.receptionOrganizationId) await checkReception(db, input.receptionOrganizationId, fields);

  const countryFields: [string, string][] = [];
  if (input.handoverCountryCode && !fields.handoverCountryCode) countryFields.push(['handoverCountryCode', input.handoverCountryCode]);

  for (const [i, d] of (input.documents ?? []).entries()) {
    if (d.issuedOn && d.issuedOn > today) fields[`documents.${i}.issuedOn`] = 'in_future';
    if (d.issuedOn && d.expiresOn && d.expiresOn <= d.issuedOn) fields[`documents.${i}.expiresOn`] = 'expires_before_issue';
  }

  const legs = input.legs ?? [];
  let seenOnward = false;
  let previousArrival: Date | null = null;
  for (const [i, l] of legs.entries()) {
    if (l.segment === 'onward') {
      if (direction === 'outbound') fields[`legs.${i}.segment`] = 'inbound_only';
      seenOnward = true;
    } else if (seenOnward) fields[`legs.${i}.segment`] = 'return_after_onward';
    const depart = l.departAt ? new Date(l.departAt) : null;
    const arrive = l.arriveAt ? new Date(l.arriveAt) : null;
    if (depart && arrive && arrive.getTime() <= depart.getTime()) fields[`legs.${i}.arriveAt`] = 'arrives_before_departure';
    if (depart && previousArrival && depart.getTime() < previousArrival.getTime()) fields[`legs.${i}.departAt`] = 'before_previous_leg';
    previousArrival = arrive ?? depart ?? previousArrival;
    if (l.fromCountryCode) countryFields.push([`legs.${i}.fromCountryCode`, l.fromCountryCode]);
    if (l.toCountryCode) countryFields.push([`legs.${i}.toCountryCode`, l.toCountryCode]);
  }
  const known = await knownCountries(db, countryFields.map(([, c]) => c));
  for (const [field, code] of countryFields) if (!known.has(code)) fields[field] = 'unknown_country';
}

const documentValues = (cipher: FieldCipher, docs: JourneyDocumentInput[]) =>
  docs.map((d) => ({
    kind: d.kind,
    status: d.status,
    numberEnc: d.number ? cipher.encrypt(d.number) : null,
    issuer: d.issuer,
    issuedOn: d.issuedOn,
    expiresOn: d.expiresOn,
  }));

const legValues = (cipher: FieldCipher, legs: JourneyLegInput[]) =>
  legs.map((l) => ({
    segment: l.segment,
    mode: l.mode,
    fromPlace: l.fromPlace,
    fromCountryCode: l.fromCountryCode,
    toPlace: l.toPlace,
    toCountryCode: l.toCountryCode,
    departAt: l.departAt ? new Date(l.departAt) : null,
    arriveAt: l.arriveAt ? new Date(l.arriveAt) : null,
    carrier: l.carrier,
    referenceEnc: encodeReference(cipher, l),
  }));

const encOrNull = (cipher: FieldCipher, v: string | null | undefined) => (v ? cipher.encrypt(v) : null);

/** The columns an input sets: only the keys present (an update), null clearing. */
function planColumns(cipher: FieldCipher, input: PlanInput): Partial<typeof returnJourneys.$inferInsert> {
  const out: Partial<typeof returnJourneys.$inferInsert> = {};
  if (input.medicalClearance !== undefined) out.medicalClearance = input.medicalClearance;
  if (input.medicalNote !== undefined) out.medicalNoteEnc = encOrNull(cipher, input.medicalNote);
  if (input.escort !== undefined) out.escort = input.escort;
  if (input.escortName !== undefined) out.escortNameEnc = encOrNull(cipher, input.escortName);
  if (input.pocketMoneyIdr !== undefined) out.pocketMoneyIdr = input.pocketMoneyIdr;
  if (input.arrivalPointCode !== undefined) out.arrivalPointCode = input.arrivalPointCode;
  if (input.expectedArrivalAt !== undefined) out.expectedArrivalAt = input.expectedArrivalAt ? new Date(input.expectedArrivalAt) : null;
  if (input.receptionOrganizationId !== undefined) out.receptionOrganizationId = input.receptionOrganizationId;
  if (input.handoverCountryCode !== undefined) out.handoverCountryCode = input.handoverCountryCode;
  if (input.handoverOrganizationName !== undefined) out.handoverOrganizationName = input.handoverOrganizationName;
  if (input.handoverContact !== undefined) out.handoverContactEnc = encOrNull(cipher, input.handoverContact);
  if (input.handoverItems !== undefined) out.handoverItems = input.handoverItems;
  if (input.handoverNote !== undefined) out.handoverNoteEnc = encOrNull(cipher, input.handoverNote);
  if (input.notes !== undefined) out.notesEnc = encOrNull(cipher, input.notes);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function listForCase(ctx: Ctx, cipher: FieldCipher, caseId: string): Promise<{ items: JourneyOut[] }> {
  const head = await requireCase(ctx, caseId, 'case.read');
  const direction = await caseDirection(ctx.db, caseId);
  const items = await views(ctx.db, cipher, await journeysOfCase(ctx.db, caseId), direction, mayUpdate(ctx, head));
  await ctx.audit(ctx.db, { action: 'journey.list', outcome: 'success', targetType: 'case', targetId: caseId, details: { count: items.length } });
  return { items };
}

export async function get(ctx: Ctx, cipher: FieldCipher, id: string): Promise<JourneyOut> {
  const { j, head, direction } = await requireJourney(ctx, id, 'case.read');
  const out = (await views(ctx.db, cipher, [j], direction, mayUpdate(ctx, head)))[0]!;
  await ctx.audit(ctx.db, { action: 'journey.read', outcome: 'success', targetType: 'return_journey', targetId: id, details: { caseId: head.id } });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writing

export async function create(ctx: Ctx, cipher: FieldCipher, caseId: string, input: JourneyCreate, now = new Date()): Promise<JourneyOut> {
  const head = await requireCase(ctx, caseId, 'case.update');
  if (head.stage === 'closed') throw caseClosed();
  const me = ctx.who();
  const direction = await caseDirection(ctx.db, caseId);
  const id = await ctx.db.transaction(async (tx) => {
    // One journey at a time: the case row is locked so that two plans cannot start together.
    await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for('update');
    if ((await activeJourneyIds(tx, caseId)).length)
      throw conflict('This case already has a journey under way; cancel it before planning another.', 'active_journey_exists');
    const fields: FieldErrors = {};
    await checkPlan(tx, direction, input, fields, todayInJakarta(now));
    if (Object.keys(fields).length) throw badRequest('Some journey fields are invalid.', fields);
    const [row] = await tx
      .insert(returnJourneys)
      .values({ caseId, status: 'planned', ...planColumns(cipher, input), createdById: me.userId, createdAt: now, updatedAt: now })
      .returning({ id: returnJourneys.id });
    await replaceDocuments(tx, row.id, documentValues(cipher, input.documents));
    await replaceLegs(tx, row.id, legValues(cipher, input.legs));
    await addJourneyEvent(tx, { journeyId: row.id, milestone: 'planned', happenedAt: now, noteEnc: null, byId: me.userId });
    await addCaseEvent(tx, { caseId, kind: 'journey', fromValue: null, toValue: 'planned', byId: me.userId });
    await ctx.audit(tx, {
      action: 'journey.create',
      outcome: 'success',
      targetType: 'return_journey',
      targetId: row.id,
      details: {
        caseId,
        direction,
        documents: input.documents.length,
        legs: input.legs.length,
        arrivalPointCode: input.arrivalPointCode ?? null,
        receptionOrganizationId: input.receptionOrganizationId ?? null,
      },
    });
    return row.id;
  });
  return viewOf(ctx.db, cipher, id, direction, true);
}

async function stale(tx: DbHandle, cipher: FieldCipher, id: string, direction: Direction) {
  return versionConflict('journey', await viewOf(tx, cipher, id, direction, true));
}

export async function update(ctx: Ctx, cipher: FieldCipher, id: string, input: JourneyUpdate, now = new Date()): Promise<JourneyOut> {
  const { head, direction } = await requireJourney(ctx, id, 'case.update');
  if (head.stage === 'closed') throw caseClosed();
  const { version, documents, legs, ...rest } = input;
  await ctx.db.transaction(async (tx) => {
    const j = (await findJourney(tx, id, true))!;
    if (j.version !== version) throw await stale(tx, cipher, id, direction);
    if (j.status === 'cancelled') throw conflict('This journey was cancelled; plan a new one instead.', 'journey_cancelled');
    const fields: FieldErrors = {};
    await checkPlan(tx, direction, input, fields, todayInJakarta(now));
    if (Object.keys(fields).length) throw badRequest('Some journey fields are invalid.', fields);
    const [updated] = await tx
      .update(returnJourneys)
      .set({ ...planColumns(cipher, rest), version: sql`${returnJourneys.version} + 1`, updatedAt: now })
      .where(sql`${returnJourneys.id} = ${id} and ${returnJourneys.version} = ${version}`)
      .returning({ id: returnJourneys.id });
    if (!updated) throw await stale(tx, cipher, id, direction);
    if (documents) await replaceDocuments(tx, id, documentValues(cipher, documents));
    if (legs) await replaceLegs(tx, id, legValues(cipher, legs));
    await ctx.audit(tx, {
      action: 'journey.update',
      outcome: 'success',
      targetType: 'return_journey',
      targetId: id,
      details: {
        caseId: j.caseId,
        fields: Object.keys(input).filter((k) => k !== 'version' && (input as Record<string, unknown>)[k] !== undefined),
        ...(documents ? { documents: documents.length } : {}),
        ...(legs ? { legs: legs.length } : {}),
      },
    });
  });
  return viewOf(ctx.db, cipher, id, direction, true);
}

const arrivalKeys = ['arrivalPointCode', 'receptionOrganizationId', 'receivedBy'] as const;
const handoverKeys = ['handoverCountryCode', 'handoverOrganizationName', 'handoverContact', 'handoverItems', 'handoverNote'] as const;

/**
 * Records the next milestone (or cancels). Out of order: 409 transition_not_allowed with `allowed`.
 * documents_ready while a document is needed or applied for, or the medical clearance is pending or
 * refused: 409 documents_not_ready naming them in `fields`. Arrival (inbound) and hand-over
 * (outbound) record the case's arrival day (Asia/Jakarta) for the sustainability surveys.
 */
export async function recordMilestone(ctx: Ctx, cipher: FieldCipher, id: string, input: MilestoneInput, now = new Date()): Promise<JourneyOut> {
  const { head, direction } = await requireJourney(ctx, id, 'case.update');
  if (head.stage === 'closed') throw caseClosed();
  const me = ctx.who();
  const m: Milestone = input.milestone;
  await ctx.db.transaction(async (tx) => {
    const j = (await findJourney(tx, id, true))!;
    if (j.version !== input.version) throw await stale(tx, cipher, id, direction);
    const from = j.status as JourneyStatus;
    const allowed = nextMilestones(direction, from);
    if (!allowed.includes(m)) throw conflict(`A journey at ${from} cannot record ${m}.`, 'transition_not_allowed', { allowed });

    const fields: FieldErrors = {};
    const happenedAt = new Date(input.happenedAt);
    if (isFutureMoment(happenedAt, now)) fields.happenedAt = 'in_future';
    // Planning is when the record was made, which may come after the fact; the travel itself keeps its order.
    const previous = (await eventsOf(tx, [id])).filter((e) => e.milestone !== 'planned').at(-1);
    if (!fields.happenedAt && previous && happenedAt.getTime() < previous.happenedAt.getTime()) fields.happenedAt = 'before_previous_milestone';

    const raw = input as Record<string, unknown>;
    // Reception fields belong to an inbound arrival, hand-over fields to an outbound hand-over.
    for (const k of arrivalKeys) {
      if (!given(raw[k])) continue;
      if (direction === 'outbound') fields[k] = 'inbound_only';
      else if (m !== 'arrived') fields[k] = 'not_allowed';
    }
    for (const k of handoverKeys) {
      if (!given(raw[k])) continue;
      if (direction === 'inbound') fields[k] = 'outbound_only';
      else if (m !== 'handed_over') fields[k] = 'not_allowed';
    }
    if (m === 'cancelled' && !input.note) fields.note = 'required';

    const set: Partial<typeof returnJourneys.$inferInsert> = {};
    if (m === 'arrived') {
      const point = input.arrivalPointCode ?? j.arrivalPointCode;
      if (!fields.arrivalPointCode) {
        if (!point) fields.arrivalPointCode = 'required';
        else checkPoint(point, fields);
      }
      if (!input.receivedBy && !fields.receivedBy) fields.receivedBy = 'required';
      if (!fields.receptionOrganizationId) await checkReception(tx, input.receptionOrganizationId, fields);
      set.arrivalPointCode = point;
      if (input.receptionOrganizationId) set.receptionOrganizationId = input.receptionOrganizationId;
      set.receivedByEnc = encOrNull(cipher, input.receivedBy);
      set.arrivedAt = happenedAt;
    } else if (m === 'reached_home') {
      set.reachedHomeAt = happenedAt;
    } else if (m === 'handed_over') {
      const country = input.handoverCountryCode ?? j.handoverCountryCode;
      const organization = input.handoverOrganizationName ?? j.handoverOrganizationName;
      const items = input.handoverItems?.length ? input.handoverItems : j.handoverItems;
      if (!fields.handoverCountryCode) {
        if (!country) fields.handoverCountryCode = 'required';
        else if (!(await knownCountries(tx, [country])).has(country)) fields.handoverCountryCode = 'unknown_country';
      }
      if (!organization && !fields.handoverOrganizationName) fields.handoverOrganizationName = 'required';
      if (!items.length && !fields.handoverItems) fields.handoverItems = 'required';
      Object.assign(set, { handoverCountryCode: country, handoverOrganizationName: organization, handoverItems: items, handedOverAt: happenedAt });
      if (input.handoverContact !== undefined) set.handoverContactEnc = encOrNull(cipher, input.handoverContact);
      if (input.handoverNote !== undefined) set.handoverNoteEnc = encOrNull(cipher, input.handoverNote);
    }
    if (Object.keys(fields).length) throw badRequest('Some fields of this milestone are missing or invalid.', fields);

    if (m === 'documents_ready') {
      const blocking = documentsBlocking(j, sortDocuments(await documentsOf(tx, [id])));
      if (blocking.length)
        throw conflict(
          'Travel documents or the medical clearance are not ready yet.',
          'documents_not_ready',
          undefined,
          Object.fromEntries(blocking.map((k) => (k === 'medicalClearance' ? [k, 'medical_not_cleared'] : [`${k}.status`, 'document_not_ready']))),
        );
    }

    const [updated] = await tx
      .update(returnJourneys)
      .set({ ...set, status: m, version: sql`${returnJourneys.version} + 1`, updatedAt: now })
      .where(sql`${returnJourneys.id} = ${id} and ${returnJourneys.version} = ${input.version}`)
      .returning({ id: returnJourneys.id });
    if (!updated) throw await stale(tx, cipher, id, direction);
    const noteEnc = encOrNull(cipher, input.note);
    await addJourneyEvent(tx, { journeyId: id, milestone: m, happenedAt, noteEnc, byId: me.userId });
    await addCaseEvent(tx, { caseId: j.caseId, kind: 'journey', fromValue: from, toValue: m, noteEnc, byId: me.userId });
    // The person is home (or, outbound, in the hands of the receiving organisation): the surveys count from this day.
    if ((m === 'arrived' && direction === 'inbound') || m === 'handed_over') await recordArrival(tx, j.caseId, todayInJakarta(happenedAt), { cipher });
    await ctx.audit(tx, {
      action: 'journey.milestone',
      outcome: 'success',
      targetType: 'return_journey',
      targetId: id,
      details: {
        caseId: j.caseId,
        from,
        to: m,
        happenedAt: happenedAt.toISOString(),
        ...(m === 'arrived' ? { arrivalPointCode: set.arrivalPointCode ?? null, receptionOrganizationId: set.receptionOrganizationId ?? j.receptionOrganizationId } : {}),
        ...(m === 'handed_over' ? { handoverCountryCode: set.handoverCountryCode ?? null, handoverItems: set.handoverItems ?? [] } : {}),
      },
    });
  });
  return viewOf(ctx.db, cipher, id, direction, true);
}

// ---------------------------------------------------------------------------------------------
// The returns-due list

type DueRow = Awaited<ReturnType<typeof dueRows>>[number];

/** The first name for the reception organisation: only when the person's referral_sharing consent for it allows the name. */
async function receptionMaySeeName(db: DbHandle, r: DueRow): Promise<boolean> {
  if (!r.receptionOrganizationId || !r.receptionOrganizationType) return false;
  const consent = await activeConsent(db, r.caseId, 'referral_sharing', { organizationId: r.receptionOrganizationId, organizationType: r.receptionOrganizationType });
  return !!consent && consent.sharedFields.includes('name');
}

export async function due(ctx: Ctx, cipher: FieldCipher, q: ReturnsDueQuery, now = new Date()): Promise<{ items: ReturnDueItem[]; total: number; from: Date; to: Date }> {
  await ctx.reach('journey.readDue');
  const me = ctx.who();
  if (q.pointCode && !pointOfEntryByCode.has(q.pointCode)) throw badRequest('Unknown point of entry.', { pointCode: 'unknown_point_of_entry' });
  const scope = { organizationId: me.organizationId, from: new Date(now.getTime() - dueLookBackHours * hour), to: new Date(now.getTime() + q.days * 24 * hour), pointCode: q.pointCode };
  const [rows, total] = [await dueRows(ctx.db, { ...scope, limit: q.limit, offset: q.offset }), await countDue(ctx.db, scope)];
  const legs = await lastReturnLegs(ctx.db, rows.map((r) => r.id));
  const today = todayInJakarta(now);
  const items: ReturnDueItem[] = [];
  const named: string[] = [];
  for (const r of rows) {
    const own = r.caseOrganizationId === me.organizationId;
    // The reach rules of the case itself (access.ts): the caseId only for those who could open it.
    const mayOpen = can(me, 'case.read', { organizationId: r.caseOrganizationId, userIds: caseUsers(r) });
    const nameShown = own || (r.receptionOrganizationId === me.organizationId && (await receptionMaySeeName(ctx.db, r)));
    if (nameShown) named.push(r.id);
    const birth = birthOf(r);
    const leg = legs.get(r.id);
    items.push({
      journeyId: r.id,
      caseReference: r.caseReference,
      caseId: mayOpen ? r.caseId : null,
      caseOrganization: { id: r.caseOrganizationId, name: r.caseOrganizationName },
      direction: r.direction as Direction,
      status: r.status as ReturnDueItem['status'],
      expectedArrivalAt: r.dueAt,
      arrivalPoint: pointOf(r.arrivalPointCode),
      receptionOrganization: r.receptionOrganizationId ? { id: r.receptionOrganizationId, name: r.receptionOrganizationName ?? '' } : null,
      lastReturnLeg: leg ? { mode: leg.mode as never, carrier: leg.carrier, flightNumber: decodeReference(cipher, leg.referenceEnc).flightNumber, arriveAt: leg.arriveAt } : null,
      escort: r.escort as ReturnDueItem['escort'],
      medicalClearance: r.medicalClearance as ReturnDueItem['medicalClearance'],
      flags: (['child', 'urgent_medical'] as const).filter((f) => r.flags.includes(f)),
      sex: r.sex,
      ageBand: birth ? ageBandOf(ageOn(birth, today)) : null,
      firstName: nameShown ? firstNameOf(cipher.decrypt(r.fullNameEnc)) || null : null,
    });
  }
  await ctx.audit(ctx.db, {
    action: 'journey.due.list',
    outcome: 'success',
    details: { days: q.days, pointCode: q.pointCode ?? null, count: items.length, total, journeyIds: items.map((i) => i.journeyId), namesShown: named },
  });
  return { items, total, from: scope.from, to: scope.to };
}
