// Data access for case transfers. Every function takes the handle it must run on (db or tx).
// Ciphertext comes back as is; the service decrypts only what the caller's side may see.
import { and, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbHandle } from '../platform/db/client.js';
import { caseClosures, caseEvents, cases, caseTransfers, organizations, users } from '../platform/db/schema.js';
import { endedTransferStatuses, type TransferStatusFilter } from './vocabulary.js';

const fromOrg = alias(organizations, 'from_org');
const toOrg = alias(organizations, 'to_org');
const requester = alias(users, 'requester');
const answerer = alias(users, 'answerer');
const assignee = alias(users, 'transfer_assignee');

/**
 * The sending side's assignee of the case when the transfer was accepted: the assignment event
 * written in the acceptance, at exactly the moment of the answer (service.ts accept). Null when
 * the case was unassigned then, or while the transfer has not been accepted.
 */
const assigneeAtTransfer = sql<string | null>`(
  select ${caseEvents.fromValue} from ${caseEvents}
  where ${caseEvents.caseId} = ${caseTransfers.caseId} and ${caseEvents.kind} = 'assignment' and ${caseEvents.at} = ${caseTransfers.answeredAt}
  order by ${caseEvents.id} limit 1)`;

const headColumns = {
  row: caseTransfers,
  caseReference: cases.reference,
  caseOrganizationId: cases.organizationId,
  caseAssignedToId: cases.assignedToId,
  caseCreatedById: cases.createdById,
  caseStage: cases.stage,
  personId: cases.personId,
  fromName: fromOrg.name,
  toName: toOrg.name,
  toType: toOrg.type,
  requestedByName: requester.displayName,
  answeredByName: answerer.displayName,
  assignedToName: assignee.displayName,
  assigneeAtTransfer,
};

export interface TransferHead {
  row: typeof caseTransfers.$inferSelect;
  caseReference: string;
  caseOrganizationId: string;
  caseAssignedToId: string | null;
  caseCreatedById: string | null;
  caseStage: string;
  personId: string;
  fromName: string;
  toName: string;
  toType: string;
  requestedByName: string | null;
  answeredByName: string | null;
  assignedToName: string | null;
  assigneeAtTransfer: string | null;
}

const base = (db: DbHandle) =>
  db
    .select(headColumns)
    .from(caseTransfers)
    .innerJoin(cases, eq(cases.id, caseTransfers.caseId))
    .innerJoin(fromOrg, eq(fromOrg.id, caseTransfers.fromOrganizationId))
    .innerJoin(toOrg, eq(toOrg.id, caseTransfers.toOrganizationId))
    .leftJoin(requester, eq(requester.id, caseTransfers.requestedById))
    .leftJoin(answerer, eq(answerer.id, caseTransfers.answeredById))
    .leftJoin(assignee, eq(assignee.id, caseTransfers.assignedToId));

/** One transfer with what decides who reaches it (no access check). */
export async function findTransferHead(db: DbHandle, id: string): Promise<TransferHead | null> {
  const [r] = await base(db).where(eq(caseTransfers.id, id));
  return (r as TransferHead | undefined) ?? null;
}

/** Locks the transfer row for the rest of the transaction. */
export async function lockTransfer(tx: DbHandle, id: string) {
  await tx.execute(sql`select 1 from ${caseTransfers} where ${caseTransfers.id} = ${id} for update`);
}

/** The transfers of a case that concern its current organisation (proposed by it, or that brought the case to it), newest first. */
export async function transfersOfCase(db: DbHandle, caseId: string, organizationId: string): Promise<TransferHead[]> {
  return (await base(db)
    .where(
      and(
        eq(caseTransfers.caseId, caseId),
        sql`(${caseTransfers.fromOrganizationId} = ${organizationId} or (${caseTransfers.toOrganizationId} = ${organizationId} and ${caseTransfers.status} = 'accepted'))`,
      ),
    )
    .orderBy(desc(caseTransfers.requestedAt), desc(caseTransfers.id))) as TransferHead[];
}

/** The open proposal of a case, if any. */
export async function pendingTransferOf(db: DbHandle, caseId: string): Promise<{ id: string } | null> {
  const [r] = await db
    .select({ id: caseTransfers.id })
    .from(caseTransfers)
    .where(and(eq(caseTransfers.caseId, caseId), eq(caseTransfers.status, 'proposed')))
    .limit(1);
  return r ?? null;
}

/** The pending closure request of a case, if any (the closure domain's table, read only). */
export async function pendingClosureOf(db: DbHandle, caseId: string): Promise<{ id: string; version: number; closureReason: string } | null> {
  const [r] = await db
    .select({ id: caseClosures.id, version: caseClosures.version, closureReason: caseClosures.closureReason })
    .from(caseClosures)
    .where(and(eq(caseClosures.caseId, caseId), eq(caseClosures.status, 'pending')))
    .limit(1);
  return r ?? null;
}

/** Open cases of the person in an organisation other than `caseId`. */
export async function otherOpenCases(db: DbHandle, personId: string, caseId: string, organizationId: string): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(cases)
    .where(and(eq(cases.personId, personId), ne(cases.id, caseId), eq(cases.organizationId, organizationId), ne(cases.stage, 'closed')));
  return r?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------
// The lists

/** incoming: proposals to the organisation; outgoing: proposals of the organisation (for `self` reach, the caller's own cases or proposals). */
export type TransferScope = { box: 'incoming'; organizationId: string } | { box: 'outgoing'; organizationId: string; selfUserId: string | null };

function scopeCondition(scope: TransferScope): SQL {
  if (scope.box === 'incoming') return eq(caseTransfers.toOrganizationId, scope.organizationId);
  const org = eq(caseTransfers.fromOrganizationId, scope.organizationId);
  if (!scope.selfUserId) return org;
  const me = scope.selfUserId;
  return and(
    org,
    sql`(${caseTransfers.requestedById} = ${me} or (${cases.organizationId} = ${caseTransfers.fromOrganizationId}
      and (${cases.assignedToId} = ${me} or (${cases.assignedToId} is null and ${cases.createdById} = ${me}))))`,
  )!;
}

function filterCondition(filter: TransferStatusFilter): SQL | undefined {
  if (filter === 'proposed') return eq(caseTransfers.status, 'proposed');
  if (filter === 'ended') return inArray(caseTransfers.status, [...endedTransferStatuses]);
  return undefined;
}

/** A page of a box: open proposals first (oldest first, they wait longest), then ended ones, newest first. */
export async function listPage(db: DbHandle, scope: TransferScope, filter: TransferStatusFilter, limit: number, offset: number): Promise<TransferHead[]> {
  return (await base(db)
    .where(and(scopeCondition(scope), filterCondition(filter)))
    .orderBy(
      sql`(${caseTransfers.status} = 'proposed') desc`,
      sql`case when ${caseTransfers.status} = 'proposed' then ${caseTransfers.requestedAt} end asc`,
      desc(caseTransfers.updatedAt),
      desc(caseTransfers.id),
    )
    .limit(limit)
    .offset(offset)) as TransferHead[];
}

/** How many transfers of the box are proposed, ended, and in all. */
export async function boxCounts(db: DbHandle, scope: TransferScope): Promise<{ proposed: number; ended: number; all: number }> {
  const [r] = await db
    .select({
      proposed: sql<number>`count(*) filter (where ${caseTransfers.status} = 'proposed')`.mapWith(Number),
      all: count(),
    })
    .from(caseTransfers)
    .innerJoin(cases, eq(cases.id, caseTransfers.caseId))
    .where(scopeCondition(scope));
  const proposed = r?.proposed ?? 0;
  const all = r?.all ?? 0;
  return { proposed, ended: all - proposed, all };
}
