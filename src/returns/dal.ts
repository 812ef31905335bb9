// Data access for return journeys. Every function takes the handle it must run on (db or tx).
// Ciphertext comes back as is; the service decrypts only what the caller may see.
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbHandle } from '../platform/db/client.js';
import { cases, countries, journeyDocuments, journeyEvents, journeyLegs, organizations, persons, returnJourneys, users } from '../platform/db/schema.js';
import { onTheWayStatuses } from './vocabulary.js';

export type JourneyRow = typeof returnJourneys.$inferSelect & { receptionOrganizationName: string | null };
export type DocumentRow = typeof journeyDocuments.$inferSelect;
export type LegRow = typeof journeyLegs.$inferSelect;
export type EventRow = typeof journeyEvents.$inferSelect & { byName: string | null };

const reception = alias(organizations, 'reception_org');

export async function findJourney(db: DbHandle, id: string, forUpdate = false): Promise<JourneyRow | null> {
  const q = db
    .select({ j: returnJourneys, receptionOrganizationName: reception.name })
    .from(returnJourneys)
    .leftJoin(reception, eq(reception.id, returnJourneys.receptionOrganizationId))
    .where(eq(returnJourneys.id, id));
  const [r] = forUpdate ? await q.for('update', { of: returnJourneys }) : await q;
  return r ? { ...r.j, receptionOrganizationName: r.receptionOrganizationName } : null;
}

/** The journeys of a case, newest first. */
export async function journeysOfCase(db: DbHandle, caseId: string): Promise<JourneyRow[]> {
  const rows = await db
    .select({ j: returnJourneys, receptionOrganizationName: reception.name })
    .from(returnJourneys)
    .leftJoin(reception, eq(reception.id, returnJourneys.receptionOrganizationId))
    .where(eq(returnJourneys.caseId, caseId))
    .orderBy(desc(returnJourneys.createdAt), desc(returnJourneys.id));
  return rows.map((r) => ({ ...r.j, receptionOrganizationName: r.receptionOrganizationName }));
}

export async function documentsOf(db: DbHandle, journeyIds: string[]): Promise<DocumentRow[]> {
  if (!journeyIds.length) return [];
  return db.select().from(journeyDocuments).where(inArray(journeyDocuments.journeyId, journeyIds)).orderBy(asc(journeyDocuments.journeyId), asc(journeyDocuments.id));
}

export async function legsOf(db: DbHandle, journeyIds: string[]): Promise<LegRow[]> {
  if (!journeyIds.length) return [];
  return db.select().from(journeyLegs).where(inArray(journeyLegs.journeyId, journeyIds)).orderBy(asc(journeyLegs.journeyId), asc(journeyLegs.seq));
}

export async function eventsOf(db: DbHandle, journeyIds: string[]): Promise<EventRow[]> {
  if (!journeyIds.length) return [];
  const rows = await db
    .select({ e: journeyEvents, byName: users.displayName })
    .from(journeyEvents)
    .leftJoin(users, eq(users.id, journeyEvents.byId))
    .where(inArray(journeyEvents.journeyId, journeyIds))
    .orderBy(asc(journeyEvents.id));
  return rows.map((r) => ({ ...r.e, byName: r.byName }));
}

/** Replaces the documents of a journey (shown in the order of documentKinds, see the service). */
export async function replaceDocuments(tx: DbHandle, journeyId: string, docs: Omit<typeof journeyDocuments.$inferInsert, 'journeyId'>[]) {
  await tx.delete(journeyDocuments).where(eq(journeyDocuments.journeyId, journeyId));
  if (docs.length) await tx.insert(journeyDocuments).values(docs.map((d) => ({ ...d, journeyId })));
}

export async function replaceLegs(tx: DbHandle, journeyId: string, legs: Omit<typeof journeyLegs.$inferInsert, 'journeyId' | 'seq'>[]) {
  await tx.delete(journeyLegs).where(eq(journeyLegs.journeyId, journeyId));
  if (legs.length) await tx.insert(journeyLegs).values(legs.map((l, i) => ({ ...l, journeyId, seq: i + 1 })));
}

export async function addJourneyEvent(tx: DbHandle, e: { journeyId: string; milestone: string; happenedAt: Date; noteEnc: string | null; byId: string }) {
  await tx.insert(journeyEvents).values(e);
}

/** The journeys of a case that are neither cancelled nor finished. */
export async function activeJourneyIds(db: DbHandle, caseId: string): Promise<string[]> {
  const rows = await db
    .select({ id: returnJourneys.id })
    .from(returnJourneys)
    .where(and(eq(returnJourneys.caseId, caseId), sql`${returnJourneys.status} not in ('cancelled', 'reached_home', 'handed_over')`));
  return rows.map((r) => r.id);
}

export async function organizationState(db: DbHandle, id: string) {
  const [o] = await db.select({ id: organizations.id, name: organizations.name, type: organizations.type, active: organizations.active }).from(organizations).where(eq(organizations.id, id));
  return o ?? null;
}

/** Which of the codes are known ISO countries. */
export async function knownCountries(db: DbHandle, codes: string[]): Promise<Set<string>> {
  const wanted = [...new Set(codes)];
  if (!wanted.length) return new Set();
  const rows = await db.select({ code: countries.code }).from(countries).where(inArray(countries.code, wanted));
  return new Set(rows.map((r) => r.code));
}

// ---------------------------------------------------------------------------------------------
// The returns-due list

/** The arrival of a journey's last 'return' leg. */
const lastReturnArrival = sql`(select l.arrive_at from journey_legs l where l.journey_id = ${returnJourneys.id} and l.segment = 'return' order by l.seq desc limit 1)`;
/** When a journey is due: the planned arrival, else the arrival of its last 'return' leg. */
const dueAt = sql<Date>`coalesce(${returnJourneys.expectedArrivalAt}, ${lastReturnArrival})`.mapWith((v: unknown) => (v instanceof Date ? v : new Date(String(v))));

const caseOrg = alias(organizations, 'case_org');

export interface DueScope {
  organizationId: string;
  from: Date;
  to: Date;
  pointCode?: string;
}

function dueWhere(q: DueScope) {
  const statuses = sql.join(onTheWayStatuses.map((s) => sql`${s}`), sql`, `);
  return and(
    // The organisation's cases, and the journeys it receives.
    or(eq(cases.organizationId, q.organizationId), eq(returnJourneys.receptionOrganizationId, q.organizationId)),
    isNull(returnJourneys.arrivedAt),
    sql`${returnJourneys.status} in (${statuses})`,
    q.pointCode ? eq(returnJourneys.arrivalPointCode, q.pointCode) : undefined,
    sql`coalesce(${returnJourneys.expectedArrivalAt}, ${lastReturnArrival}) between ${q.from.toISOString()}::timestamptz and ${q.to.toISOString()}::timestamptz`,
  );
}

export async function dueRows(db: DbHandle, q: DueScope & { limit: number; offset: number }) {
  return db
    .select({
      id: returnJourneys.id,
      status: returnJourneys.status,
      dueAt,
      arrivalPointCode: returnJourneys.arrivalPointCode,
      receptionOrganizationId: returnJourneys.receptionOrganizationId,
      receptionOrganizationName: reception.name,
      receptionOrganizationType: reception.type,
      escort: returnJourneys.escort,
      medicalClearance: returnJourneys.medicalClearance,
      caseId: cases.id,
      caseReference: cases.reference,
      caseOrganizationId: cases.organizationId,
      caseOrganizationName: caseOrg.name,
      assignedToId: cases.assignedToId,
      createdById: cases.createdById,
      direction: cases.direction,
      flags: cases.flags,
      fullNameEnc: persons.fullNameEnc,
      sex: persons.sex,
      birthKind: persons.birthKind,
      birthDate: persons.birthDate,
      birthYear: persons.birthYear,
      birthAge: persons.birthAge,
      birthAgeStatedOn: persons.birthAgeStatedOn,
    })
    .from(returnJourneys)
    .innerJoin(cases, eq(cases.id, returnJourneys.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(caseOrg, eq(caseOrg.id, cases.organizationId))
    .leftJoin(reception, eq(reception.id, returnJourneys.receptionOrganizationId))
    .where(dueWhere(q))
    .orderBy(sql`coalesce(${returnJourneys.expectedArrivalAt}, ${lastReturnArrival}) asc`, asc(returnJourneys.id))
    .limit(q.limit)
    .offset(q.offset);
}

export async function countDue(db: DbHandle, q: DueScope): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(returnJourneys)
    .innerJoin(cases, eq(cases.id, returnJourneys.caseId))
    .where(dueWhere(q));
  return r?.n ?? 0;
}

/** The last 'return' leg of each journey. */
export async function lastReturnLegs(db: DbHandle, journeyIds: string[]): Promise<Map<string, LegRow>> {
  if (!journeyIds.length) return new Map();
  const rows = await db
    .selectDistinctOn([journeyLegs.journeyId])
    .from(journeyLegs)
    .where(and(inArray(journeyLegs.journeyId, journeyIds), eq(journeyLegs.segment, 'return')))
    .orderBy(journeyLegs.journeyId, desc(journeyLegs.seq));
  return new Map(rows.map((r) => [r.journeyId, r]));
}
