// Who may touch a case or a person, as policy targets. Every case and person service starts
// here, so that reach (own organisation for supervisors, own cases for case workers) is decided
// the same way for the case and for each of its parts.
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { reachOf, type Action, type Target } from '../policy/policy.js';
import type { DbHandle } from '../platform/db/client.js';
import { cases, persons } from '../platform/db/schema.js';
import type { Ctx } from '../platform/http/context.js';
import { HttpError, notFound } from '../platform/http/errors.js';

export interface CaseHead {
  id: string;
  reference: string;
  personId: string;
  organizationId: string;
  assignedToId: string | null;
  createdById: string | null;
  stage: string;
  version: number;
}

const head = {
  id: cases.id,
  reference: cases.reference,
  personId: cases.personId,
  organizationId: cases.organizationId,
  assignedToId: cases.assignedToId,
  createdById: cases.createdById,
  stage: cases.stage,
  version: cases.version,
};

/** The users a case belongs to for `self` reach: its assignee, or while unassigned the one who registered it. */
export const caseUsers = (c: Pick<CaseHead, 'assignedToId' | 'createdById'>): string[] =>
  c.assignedToId ? [c.assignedToId] : c.createdById ? [c.createdById] : [];

export async function findCaseHead(db: DbHandle, id: string): Promise<CaseHead | null> {
  const [c] = await db.select(head).from(cases).where(eq(cases.id, id));
  return c ?? null;
}

/**
 * The policy's answer for one case or person record, with one difference: a caller who may not
 * read such records at all (administrators, focal points, partners, analysts, auditors) gets 404
 * rather than 403, so that a case ID tells someone outside the case nothing, even that it is one
 * (a referral's receiver included). Those who hold cases still hear 403 for an action their roles
 * lack (a case worker recording a determination). The denial is audited either way.
 */
async function requireRecord(ctx: Ctx, action: Action, readAction: Action, target: Target & { type: string; id: string }) {
  try {
    await ctx.require(action, target);
  } catch (e) {
    if (e instanceof HttpError && e.statusCode === 403 && !reachOf(ctx.who(), readAction)) throw notFound();
    throw e;
  }
}

/**
 * The case if the caller may take `action` on it; otherwise the denial is audited and the answer
 * is 404 (403 only to case holders whose roles never allow the action). An unknown ID answers
 * exactly like a case of another organisation.
 */
export async function requireCase(ctx: Ctx, id: string, action: Action = 'case.read', db: DbHandle = ctx.db): Promise<CaseHead> {
  const c = await findCaseHead(db, id);
  await requireRecord(ctx, action, 'case.read', { type: 'case', id, organizationId: c?.organizationId ?? null, userIds: c ? caseUsers(c) : [] });
  if (!c) throw notFound();
  return c;
}

/**
 * A person's users for `self` reach: those of the person's cases, and the registering user while
 * the person has no case yet.
 */
export async function personUsers(db: DbHandle, personId: string): Promise<{ organizationId: string; userIds: string[] } | null> {
  const [p] = await db
    .select({ organizationId: persons.organizationId, createdById: persons.createdById })
    .from(persons)
    .where(eq(persons.id, personId));
  if (!p) return null;
  const rows = await db
    .select({ assignedToId: cases.assignedToId, createdById: cases.createdById })
    .from(cases)
    .where(and(eq(cases.personId, personId), eq(cases.organizationId, p.organizationId)));
  const userIds = new Set(rows.flatMap(caseUsers));
  if (!rows.length && p.createdById) userIds.add(p.createdById);
  return { organizationId: p.organizationId, userIds: [...userIds] };
}

export async function requirePerson(ctx: Ctx, id: string, action: Action = 'person.read', db: DbHandle = ctx.db) {
  const p = await personUsers(db, id);
  await requireRecord(ctx, action, 'person.read', { type: 'person', id, organizationId: p?.organizationId ?? null, userIds: p?.userIds ?? [] });
  if (!p) throw notFound();
  return p;
}

/**
 * A WHERE condition selecting the cases the caller may read, for lists: the organisation's cases
 * for organisation reach, their own for self reach.
 */
export function visibleCases(ctx: Ctx, reach: 'all' | 'organization' | 'self') {
  const me = ctx.who();
  if (reach === 'all') return sql`true`;
  if (reach === 'organization') return eq(cases.organizationId, me.organizationId);
  return and(
    eq(cases.organizationId, me.organizationId),
    or(eq(cases.assignedToId, me.userId), and(isNull(cases.assignedToId), eq(cases.createdById, me.userId))),
  )!;
}
