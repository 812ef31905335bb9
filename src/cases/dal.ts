// Data access for cases. Every function takes the handle it must run on. Names are decrypted
// by the caller (the service), only for the rows it returns.
import { aliasedTable, and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbHandle } from '../platform/db/client.js';
import { areas, caseEvents, cases, persons, users } from '../platform/db/schema.js';

const assignee = aliasedTable(users, 'assignee');
const creator = aliasedTable(users, 'creator');
const province = aliasedTable(areas, 'province');

/** What a worklist row needs: the case, the person's name (encrypted), sex and birth, the assignee and the province. */
export const listColumns = {
  id: cases.id,
  reference: cases.reference,
  personId: cases.personId,
  organizationId: cases.organizationId,
  personNameEnc: persons.fullNameEnc,
  sex: persons.sex,
  birthKind: persons.birthKind,
  birthDate: persons.birthDate,
  birthYear: persons.birthYear,
  birthAge: persons.birthAge,
  birthAgeStatedOn: persons.birthAgeStatedOn,
  caseType: cases.caseType,
  direction: cases.direction,
  stage: cases.stage,
  riskLevel: cases.riskLevel,
  flags: cases.flags,
  priorityScore: cases.priorityScore,
  priorityBand: cases.priorityBand,
  assignedToId: cases.assignedToId,
  assignedToName: assignee.displayName,
  createdById: cases.createdById,
  provinceCode: cases.provinceCode,
  provinceName: province.name,
  destinationCountries: cases.destinationCountries,
  nextDueOn: cases.nextDueOn,
  openedAt: cases.openedAt,
  updatedAt: cases.updatedAt,
};

const detailColumns = {
  ...listColumns,
  priorityReasons: cases.priorityReasons,
  summaryEnc: cases.summaryEnc,
  closedAt: cases.closedAt,
  closureReason: cases.closureReason,
  createdByName: creator.displayName,
  version: cases.version,
  createdAt: cases.createdAt,
};

export type CaseListRow = { [K in keyof typeof listColumns]: (typeof listColumns)[K]['_']['data'] | null } & {
  id: string;
  reference: string;
  personId: string;
  organizationId: string;
  personNameEnc: string;
  sex: string;
  caseType: string;
  direction: string;
  stage: string;
  riskLevel: string;
  flags: string[];
  priorityScore: number;
  priorityBand: string;
  destinationCountries: string[];
  openedAt: Date;
  updatedAt: Date;
};
export type CaseRow = CaseListRow & {
  priorityReasons: string[];
  summaryEnc: string | null;
  closedAt: Date | null;
  closureReason: string | null;
  createdByName: string | null;
  version: number;
  createdAt: Date;
};

export async function findCaseRow(db: DbHandle, id: string): Promise<CaseRow | null> {
  const [r] = await db
    .select(detailColumns)
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .leftJoin(assignee, eq(assignee.id, cases.assignedToId))
    .leftJoin(creator, eq(creator.id, cases.createdById))
    .leftJoin(province, eq(province.code, cases.provinceCode))
    .where(eq(cases.id, id));
  return (r as CaseRow) ?? null;
}

/** Counting stops here: beyond it a worklist says "more than 10,000" instead of paying for an exact count. */
export const totalCap = 10_000;

// Exactly the order of the worklist indexes (drizzle writes `.desc()` as DESC NULLS LAST): a plain
// DESC means NULLS FIRST, which the planner cannot serve from those indexes and answers with a sort
// of every open case of the organisation (47 ms instead of 0.1 ms at 86,000 open cases).
const worklistOrder = [sql`${cases.priorityScore} desc nulls last`, sql`${cases.nextDueOn} asc nulls last`, asc(cases.openedAt), asc(cases.id)];

/**
 * One worklist page in the worklist order (priority score, then the earliest due date with
 * undated last, then the oldest), and how many rows match (up to `totalCap`).
 *
 * `branches` are alternative conditions (OR) each served by its own index in worklist order
 * ("assigned to me" by cases_assignee_idx, "unassigned and registered by me" by the creator
 * index): each branch yields at most offset + limit IDs in index order and the branches are
 * merged, instead of one OR that the planner can only answer by sorting every matching row.
 * `filters` apply to every branch; `guard` is checked again on the page's rows (the scope's
 * organisation), so that a branch written without it can never leak another organisation's case.
 * The page's IDs come from the cases table alone; persons, users and areas are joined for those
 * rows only.
 */
export async function listCaseRows(db: DbHandle, q: { branches: SQL[]; filters: SQL[]; guard: SQL; limit: number; offset: number }) {
  const conds = q.branches.map((b) => and(b, ...q.filters)!);
  const upto = q.offset + q.limit;
  const pages = await Promise.all(
    conds.map((c) =>
      db
        .select({ id: cases.id, priorityScore: cases.priorityScore, nextDueOn: cases.nextDueOn, openedAt: cases.openedAt })
        .from(cases)
        .where(c)
        .orderBy(...worklistOrder)
        .limit(upto),
    ),
  );
  const merged = pages.flat().sort(compareWorklist).slice(q.offset, upto);
  const ids = merged.map((r) => r.id);
  const rows = ids.length
    ? ((await db
        .select(listColumns)
        .from(cases)
        .innerJoin(persons, eq(persons.id, cases.personId))
        .leftJoin(assignee, eq(assignee.id, cases.assignedToId))
        .leftJoin(province, eq(province.code, cases.provinceCode))
        .where(and(inArray(cases.id, ids), q.guard))) as CaseListRow[])
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.map((id) => byId.get(id)).filter((r): r is CaseListRow => !!r);
  // Counted per branch (the branches are disjoint), each stopping at the cap.
  const counts = await Promise.all(
    conds.map(async (c) => {
      const sub = db.select({ one: sql`1` }).from(cases).where(c).limit(totalCap + 1).as('matching');
      const [{ n }] = await db.select({ n: count() }).from(sub);
      return n;
    }),
  );
  const n = counts.reduce((a, b) => a + b, 0);
  return { items, total: Math.min(n, totalCap), totalCapped: n > totalCap };
}

type OrderKey = { id: string; priorityScore: number; nextDueOn: string | null; openedAt: Date };
/** The worklist order in JavaScript, for merging branches: the same as the SQL order. */
function compareWorklist(a: OrderKey, b: OrderKey): number {
  if (a.priorityScore !== b.priorityScore) return b.priorityScore - a.priorityScore;
  if (a.nextDueOn !== b.nextDueOn) return a.nextDueOn === null ? 1 : b.nextDueOn === null ? -1 : a.nextDueOn < b.nextDueOn ? -1 : 1;
  if (a.openedAt.getTime() !== b.openedAt.getTime()) return a.openedAt.getTime() - b.openedAt.getTime();
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export async function listCaseEvents(db: DbHandle, caseId: string) {
  return db
    .select({
      id: caseEvents.id,
      kind: caseEvents.kind,
      fromValue: caseEvents.fromValue,
      toValue: caseEvents.toValue,
      reasonCode: caseEvents.reason,
      noteEnc: caseEvents.noteEnc,
      byId: caseEvents.byId,
      byName: users.displayName,
      at: caseEvents.at,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.byId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
}

export async function addCaseEvent(
  db: DbHandle,
  e: { caseId: string; kind: string; fromValue?: string | null; toValue?: string | null; reason?: string | null; noteEnc?: string | null; byId: string | null },
) {
  await db.insert(caseEvents).values(e);
}

/** Open cases per assignee of an organisation, by priority band, with how many are overdue. */
export async function caseloadCounts(db: DbHandle, organizationId: string, today: string) {
  return db
    .select({
      userId: cases.assignedToId,
      band: cases.priorityBand,
      n: count(),
      overdue: sql<number>`count(*) filter (where ${cases.nextDueOn} < ${today})`.mapWith(Number),
    })
    .from(cases)
    .where(and(eq(cases.organizationId, organizationId), sql`${cases.stage} <> 'closed'`))
    .groupBy(cases.assignedToId, cases.priorityBand);
}
