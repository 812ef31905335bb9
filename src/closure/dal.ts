// Data access for closure requests. Every function takes the handle it must run on (db or tx).
import { and, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbHandle } from '../platform/db/client.js';
import { caseClosures, cases, persons, users } from '../platform/db/schema.js';
import type { ClosureListFilter } from './vocabulary.js';

const requester = alias(users, 'closure_requester');
const decider = alias(users, 'closure_decider');

const columns = {
  row: caseClosures,
  requestedByName: requester.displayName,
  decidedByName: decider.displayName,
};

export interface ClosureRow {
  row: typeof caseClosures.$inferSelect;
  requestedByName: string | null;
  decidedByName: string | null;
}

const base = (db: DbHandle) =>
  db
    .select(columns)
    .from(caseClosures)
    .leftJoin(requester, eq(requester.id, caseClosures.requestedById))
    .leftJoin(decider, eq(decider.id, caseClosures.decidedById));

export async function findClosure(db: DbHandle, id: string): Promise<ClosureRow | null> {
  const [r] = await base(db).where(eq(caseClosures.id, id));
  return r ?? null;
}

export async function lockClosure(tx: DbHandle, id: string) {
  await tx.execute(sql`select 1 from ${caseClosures} where ${caseClosures.id} = ${id} for update`);
}

/** Every request of a case, newest first. */
export async function closuresOfCase(db: DbHandle, caseId: string): Promise<ClosureRow[]> {
  return base(db).where(eq(caseClosures.caseId, caseId)).orderBy(desc(caseClosures.requestedAt), desc(caseClosures.id));
}

const filterOf = (f: ClosureListFilter): SQL | undefined =>
  f === 'pending' ? eq(caseClosures.status, 'pending') : f === 'decided' ? ne(caseClosures.status, 'pending') : undefined;

/** The requests on cases of an organisation (all organisations when null): pending oldest first, decided newest first. */
export async function listPage(db: DbHandle, organizationId: string | null, filter: ClosureListFilter, limit: number, offset: number) {
  const where = and(organizationId ? eq(cases.organizationId, organizationId) : undefined, filterOf(filter));
  const rows = await db
    .select({ ...columns, caseReference: cases.reference, personNameEnc: persons.fullNameEnc })
    .from(caseClosures)
    .innerJoin(cases, eq(cases.id, caseClosures.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .leftJoin(requester, eq(requester.id, caseClosures.requestedById))
    .leftJoin(decider, eq(decider.id, caseClosures.decidedById))
    .where(where)
    .orderBy(
      sql`(${caseClosures.status} = 'pending') desc`,
      sql`case when ${caseClosures.status} = 'pending' then ${caseClosures.requestedAt} end asc`,
      sql`${caseClosures.decidedAt} desc nulls last`,
      desc(caseClosures.id),
    )
    .limit(limit)
    .offset(offset);
  const [{ n }] = await db
    .select({ n: count() })
    .from(caseClosures)
    .innerJoin(cases, eq(cases.id, caseClosures.caseId))
    .where(where);
  return { rows, total: n };
}

export async function pendingOf(db: DbHandle, caseId: string): Promise<{ id: string } | null> {
  const [r] = await db
    .select({ id: caseClosures.id })
    .from(caseClosures)
    .where(and(eq(caseClosures.caseId, caseId), inArray(caseClosures.status, ['pending'])))
    .limit(1);
  return r ?? null;
}
