// Data access for referrals. Every function takes the handle it must run on (db or tx). The views
// and the list pages are plain SQL: a referral with its organisations, service, people, case
// reference and needs in one statement, and a list page as index-ordered branches (one per status
// group) merged in the same statement, so that the inbox is one query for the page and one for
// the total. Ciphertext comes back as is; the service decrypts only what the caller may see.
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbHandle } from '../platform/db/client.js';
import { cases, organizations, referralEvents, referrals, users } from '../platform/db/schema.js';
import { awaitingAnswer, endedStatuses, referralStatuses, type ReferralStatus, type ReferralStatusFilter } from './vocabulary.js';

export type ReferralRow = typeof referrals.$inferSelect;

/** The referral with what decides who reaches it: the case's organisation and its users. */
export interface ReferralHead {
  row: ReferralRow;
  caseOrganizationId: string;
  caseAssignedToId: string | null;
  caseCreatedById: string | null;
  toOrganizationType: string;
}

export async function findReferralHead(db: DbHandle, id: string, forUpdate = false): Promise<ReferralHead | null> {
  const to = alias(organizations, 'to_org');
  const q = db
    .select({
      row: referrals,
      caseOrganizationId: cases.organizationId,
      caseAssignedToId: cases.assignedToId,
      caseCreatedById: cases.createdById,
      toOrganizationType: to.type,
    })
    .from(referrals)
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .innerJoin(to, eq(to.id, referrals.toOrganizationId))
    .where(eq(referrals.id, id));
  const [r] = forUpdate ? await q.for('update', { of: referrals }) : await q;
  return r ?? null;
}

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
const inList = (column: SQL, values: readonly string[]) => sql`${column} in (${list(values)})`;

/** Still waiting for an answer after the deadline (lifecycle.ts isOverdue, in SQL). */
export const overdueSql = (alias = 'r') =>
  sql`(${inList(sql.raw(`${alias}.status`), awaitingAnswer)} and ${sql.raw(`${alias}.respond_by`)} < now())`;

/** A row of the referral view: the referral, names around it, the case reference, needs (ciphertext descriptions). */
export interface ViewRow {
  id: string;
  caseId: string;
  caseReference: string;
  caseOrganizationId: string;
  fromOrganizationId: string;
  fromName: string;
  toOrganizationId: string;
  toName: string;
  toType: string;
  serviceId: string | null;
  serviceName: string | null;
  needIds: string[];
  urgency: string;
  respondBy: Date;
  messageEnc: string | null;
  contactPreference: string;
  sharedFields: string[];
  consentId: string | null;
  /** referral_sharing, or job_matching for a candidacy: the purpose of the consent that governs what the receiver sees. */
  consentPurpose: string;
  /** The candidacy this referral carries (employment/candidacies), with its status; null for an ordinary referral. */
  candidacyId: string | null;
  candidacyStatus: string | null;
  overrideReason: string | null;
  overrideJustificationEnc: string | null;
  overrideById: string | null;
  overrideByName: string | null;
  reviewedAt: Date | null;
  reviewedById: string | null;
  reviewedByName: string | null;
  reviewNoteEnc: string | null;
  status: ReferralStatus;
  declineReason: string | null;
  outcome: string | null;
  sentById: string;
  sentByName: string | null;
  sentAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  version: number;
  overdue: boolean;
  needs: { id: string; type: string; dimension: string; severity: string; descriptionEnc: string | null }[];
  /** Lists only: the decisive consent of the referral's purpose for the recipient now (consents.ts activeConsent, in SQL). */
  currentConsent?: { id: string; decision: string; sharedFields: string[] } | null;
}

const viewColumns = sql`
  r.id, r.case_id as "caseId", c.reference as "caseReference", c.organization_id as "caseOrganizationId",
  r.from_organization_id as "fromOrganizationId", fo.name as "fromName",
  r.to_organization_id as "toOrganizationId", tor.name as "toName", tor.type as "toType",
  r.service_id as "serviceId", sv.name as "serviceName", r.need_ids::text[] as "needIds", r.urgency, r.respond_by as "respondBy",
  r.message_enc as "messageEnc", r.contact_preference as "contactPreference", r.shared_fields as "sharedFields",
  r.consent_id as "consentId", r.consent_purpose as "consentPurpose", cand.id as "candidacyId", cand.status as "candidacyStatus",
  r.override_reason as "overrideReason", r.override_justification_enc as "overrideJustificationEnc",
  r.override_by_id as "overrideById", ob.display_name as "overrideByName", r.reviewed_at as "reviewedAt",
  r.reviewed_by_id as "reviewedById", rb.display_name as "reviewedByName", r.review_note_enc as "reviewNoteEnc",
  r.status, r.decline_reason as "declineReason", r.outcome, r.sent_by_id as "sentById", sb.display_name as "sentByName",
  r.sent_at as "sentAt", r.answered_at as "answeredAt", r.ended_at as "endedAt", r.version,
  ${overdueSql()} as overdue,
  (select coalesce(json_agg(json_build_object('id', n.id, 'type', n.type, 'dimension', n.dimension, 'severity', n.severity, 'descriptionEnc', n.description_enc)
     order by array_position(r.need_ids, n.id)), '[]'::json)
   from case_needs n where n.id = any(r.need_ids)) as needs`;

/**
 * The decisive consent of the case for the recipient, for the referral's purpose (referral_sharing,
 * or job_matching for a candidacy), exactly as
 * case-records/consents.ts activeConsent decides it: among the standing (not withdrawn)
 * decisions, one naming the organisation before one about its type, the newest first. The
 * caller checks that its decision is `given`. consents.test-style agreement: referrals.test.ts.
 */
const currentConsentColumn = sql`,
  (select json_build_object('id', cc.id, 'decision', cc.decision, 'sharedFields', cc.shared_fields)
   from case_consents cc
   where cc.case_id = r.case_id and cc.purpose = r.consent_purpose and cc.withdrawn_at is null
     and (cc.recipient_organization_id = r.to_organization_id
          or (cc.recipient_organization_id is null and cc.recipient_organization_type = tor.type))
   order by (cc.recipient_organization_id is not null) desc, cc.given_at desc, cc.created_at desc
   limit 1) as "currentConsent"`;

const viewJoins = sql`
  join cases c on c.id = r.case_id
  join organizations fo on fo.id = r.from_organization_id
  join organizations tor on tor.id = r.to_organization_id
  left join services sv on sv.id = r.service_id
  left join users ob on ob.id = r.override_by_id
  left join users rb on rb.id = r.reviewed_by_id
  left join users sb on sb.id = r.sent_by_id
  left join candidacies cand on cand.referral_id = r.id`;

async function rowsOf<T>(db: DbHandle, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

const toDate = (v: Date | string | null) => (v === null || v instanceof Date ? v : new Date(v));
/** Raw statements may give timestamps as strings (depending on the driver): dates, always. */
function normalise(r: ViewRow): ViewRow {
  return {
    ...r,
    respondBy: toDate(r.respondBy)!,
    sentAt: toDate(r.sentAt)!,
    reviewedAt: toDate(r.reviewedAt),
    answeredAt: toDate(r.answeredAt),
    endedAt: toDate(r.endedAt),
  };
}

async function viewRows(db: DbHandle, query: SQL): Promise<ViewRow[]> {
  return (await rowsOf<ViewRow>(db, query)).map(normalise);
}

/** One referral as a view row (no access check). */
export async function findView(db: DbHandle, id: string): Promise<ViewRow | null> {
  const [r] = await viewRows(db, sql`select ${viewColumns} from referrals r ${viewJoins} where r.id = ${id}`);
  return r ?? null;
}

/** The referrals of a case, newest first (no access check). */
export async function viewsOfCase(db: DbHandle, caseId: string): Promise<ViewRow[]> {
  return viewRows(db, sql`select ${viewColumns} from referrals r ${viewJoins} where r.case_id = ${caseId} order by r.sent_at desc, r.id`);
}

// ---------------------------------------------------------------------------------------------
// The list: box, filter, reference prefix.

/** Where the caller's box is: the receiving organisation, or the sending one (with the caller's own cases for `self` reach). */
export type BoxScope = { box: 'incoming'; organizationId: string } | { box: 'outgoing'; organizationId: string; selfUserId: string | null };

const openStatuses = referralStatuses.filter((s) => !endedStatuses.includes(s));
const inProgressStatuses: readonly ReferralStatus[] = ['accepted', 'in_progress'];

/** Order groups: 0 overdue (deadline first), 1 other open ones (deadline first), 2 ended ones (newest first). */
interface Branch {
  group: 0 | 1 | 2;
  status: ReferralStatus;
  cond?: SQL;
}

function branchesFor(filter: ReferralStatusFilter): Branch[] {
  const overdue = awaitingAnswer.map((status): Branch => ({ group: 0, status, cond: sql`r.respond_by < now()` }));
  const awaitingOnTime = awaitingAnswer.map((status): Branch => ({ group: 1, status, cond: sql`r.respond_by >= now()` }));
  const working = inProgressStatuses.map((status): Branch => ({ group: 1, status }));
  const ended = endedStatuses.map((status): Branch => ({ group: 2, status }));
  switch (filter) {
    case 'overdue':
      return overdue;
    case 'awaiting':
      return [...overdue, ...awaitingOnTime];
    case 'open':
      return [...overdue, ...awaitingOnTime, ...working];
    case 'ended':
      return ended;
    case 'review':
    case 'all':
      return [...overdue, ...awaitingOnTime, ...working, ...ended];
  }
}

function filterCondition(filter: ReferralStatusFilter): SQL {
  switch (filter) {
    case 'overdue':
      return overdueSql();
    case 'awaiting':
      return inList(sql`r.status`, awaitingAnswer);
    case 'open':
      return inList(sql`r.status`, openStatuses);
    case 'ended':
      return inList(sql`r.status`, endedStatuses);
    case 'review':
    case 'all':
      return sql`true`;
  }
}

const reviewCondition = sql`r.override_reason is not null and r.reviewed_at is null`;

/**
 * The cases a case worker reaches (cases/access.ts visibleCases, `self`): assigned to them, or
 * unassigned and registered by them. Open ones come from the worklist's partial indexes; closed
 * ones from the organisation's closed cases (cases_org_idx).
 */
const selfCases = (organizationId: string, userId: string) => sql`(
  select c.id from cases c where c.assigned_to_id = ${userId} and c.stage <> 'closed'
  union all
  select c.id from cases c where c.assigned_to_id is null and c.created_by_id = ${userId} and c.stage <> 'closed'
  union all
  select c.id from cases c where c.organization_id = ${organizationId} and c.stage = 'closed'
    and (c.assigned_to_id = ${userId} or (c.assigned_to_id is null and c.created_by_id = ${userId})))`;

const likePrefix = (q: string) => `${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** The rows of a box (without the status filter): the organisation's column, the case worker's cases, the reference prefix. */
function scopeCondition(scope: BoxScope, q: string | undefined): SQL {
  const conds: SQL[] = [
    scope.box === 'incoming' ? sql`r.to_organization_id = ${scope.organizationId}` : sql`r.from_organization_id = ${scope.organizationId}`,
  ];
  if (scope.box === 'outgoing' && scope.selfUserId) conds.push(sql`r.case_id in ${selfCases(scope.organizationId, scope.selfUserId)}`);
  // A reference prefix is selective (cases_reference_pattern_idx): find the cases first.
  if (q) conds.push(sql`r.case_id in (select c.id from cases c where c.reference like ${likePrefix(q)})`);
  return sql.join(conds, sql` and `);
}

const pageOrder = sql`p.grp, p.k1 asc nulls last, p.k2 desc nulls last, p.id`;

/**
 * One page of a box in the list order (overdue first, then by deadline while open, then the newest
 * ended), with the current consent of each. For an organisation's box, each branch is one status
 * read in the order of referrals_inbox_idx / referrals_outbox_idx (organisation, status,
 * respond_by, id) and cut at offset + limit, so a page never sorts the whole box; a case worker's
 * box starts from their cases. Only the page's rows are then joined to names and needs.
 */
export async function listPage(
  db: DbHandle,
  scope: BoxScope,
  filter: ReferralStatusFilter,
  q: string | undefined,
  limit: number,
  offset: number,
): Promise<ViewRow[]> {
  const where = sql`${scopeCondition(scope, q)} ${filter === 'review' ? sql`and ${reviewCondition}` : sql``}`;
  let candidates: SQL;
  if (scope.box === 'outgoing' && scope.selfUserId) {
    // A case worker's referrals are few: filter and order them in one pass.
    candidates = sql`select r.id,
        (case when ${overdueSql()} then 0 when ${inList(sql`r.status`, openStatuses)} then 1 else 2 end) as grp,
        (case when ${inList(sql`r.status`, openStatuses)} then r.respond_by end) as k1,
        (case when ${inList(sql`r.status`, endedStatuses)} then r.sent_at end) as k2
      from referrals r where ${where} and ${filterCondition(filter)}`;
  } else {
    const upto = offset + limit;
    candidates = sql.join(
      branchesFor(filter).map(
        (b) => sql`(select r.id, ${b.group}::int as grp,
            ${b.group < 2 ? sql`r.respond_by` : sql`null::timestamptz`} as k1,
            ${b.group === 2 ? sql`r.sent_at` : sql`null::timestamptz`} as k2
          from referrals r
          where ${where} and r.status = ${b.status} ${b.cond ? sql`and ${b.cond}` : sql``}
          order by ${b.group < 2 ? sql`r.respond_by asc, r.id asc` : sql`r.sent_at desc, r.id asc`}
          limit ${upto})`,
      ),
      sql` union all `,
    );
  }
  return viewRows(
    db,
    sql`with page as (select * from (${candidates}) p order by ${pageOrder} limit ${limit} offset ${offset})
      select ${viewColumns} ${currentConsentColumn}
      from page p join referrals r on r.id = p.id ${viewJoins}
      order by ${pageOrder}`,
  );
}

export async function countBox(db: DbHandle, scope: BoxScope, filter: ReferralStatusFilter, q: string | undefined): Promise<number> {
  const [r] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from referrals r
      where ${scopeCondition(scope, q)} and ${filterCondition(filter)} ${filter === 'review' ? sql`and ${reviewCondition}` : sql``}`,
  );
  return r?.n ?? 0;
}

/** Counts of a box: open ones by kind, and (outgoing) overrides waiting for review. */
export async function boxCounts(db: DbHandle, scope: BoxScope) {
  const [r] = await rowsOf<{ awaiting: number; overdue: number; inProgress: number; total: number; review: number }>(
    db,
    sql`select
        count(*) filter (where ${inList(sql`r.status`, awaitingAnswer)})::int as awaiting,
        count(*) filter (where ${overdueSql()})::int as overdue,
        count(*) filter (where ${inList(sql`r.status`, inProgressStatuses)})::int as "inProgress",
        count(*) filter (where ${inList(sql`r.status`, openStatuses)})::int as total,
        count(*) filter (where ${reviewCondition})::int as review
      from referrals r
      where ${scopeCondition(scope, undefined)} and (${inList(sql`r.status`, openStatuses)} or ${reviewCondition})`,
  );
  return r ?? { awaiting: 0, overdue: 0, inProgress: 0, total: 0, review: 0 };
}

// ---------------------------------------------------------------------------------------------
// Events

export async function eventsOf(db: DbHandle, referralId: string) {
  return db
    .select({
      id: referralEvents.id,
      fromStatus: referralEvents.fromStatus,
      toStatus: referralEvents.toStatus,
      actorId: referralEvents.actorId,
      actorName: users.displayName,
      organizationId: referralEvents.actorOrganizationId,
      organizationName: organizations.name,
      reason: referralEvents.reason,
      noteEnc: referralEvents.noteEnc,
      at: referralEvents.at,
    })
    .from(referralEvents)
    .leftJoin(users, eq(users.id, referralEvents.actorId))
    .leftJoin(organizations, eq(organizations.id, referralEvents.actorOrganizationId))
    .where(eq(referralEvents.referralId, referralId))
    .orderBy(asc(referralEvents.at), asc(referralEvents.id));
}

export async function addEvent(
  db: DbHandle,
  e: { referralId: string; fromStatus: string | null; toStatus: string; actorId: string | null; actorOrganizationId: string | null; reason?: string | null; noteEnc?: string | null; at?: Date },
) {
  await db.insert(referralEvents).values(e);
}
