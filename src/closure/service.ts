// Closing a case: a case holder requests it with a reason; a supervisor approves it against the
// checklist (checklist.ts), or returns it with a note; the requester's side may withdraw it. Only an
// approval closes a case (POST /cases/{id}/transitions refuses `closed`); reopening stays a stage
// move with a reason. Every call starts with requireCase on the request's case; every write runs in
// one transaction with its case event and audit entry, and writes nothing on any refusal.
import { and, eq, sql } from 'drizzle-orm';
import { caseUsers, findCaseHead, requireCase, type CaseHead } from '../cases/access.js';
import { addCaseEvent } from '../cases/dal.js';
import { refreshCase } from '../cases/derived.js';
import { versionConflict } from '../case-records/common.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { DbHandle } from '../platform/db/client.js';
import { caseClosures, cases } from '../platform/db/schema.js';
import type { Ctx } from '../platform/http/context.js';
import { conflict, notFound } from '../platform/http/errors.js';
import { can } from '../policy/policy.js';
import { checklistOf } from './checklist.js';
import { closuresOfCase, findClosure, listPage, lockClosure, pendingOf, type ClosureRow } from './dal.js';
import type { CaseClosureOut, ClosureApproveInput, ClosureCreate, ClosureListQuery, ClosureOut, ClosureReturnInput } from './schema.js';
import { acknowledgeableReasons, approvable, mayAcknowledge, neverAcknowledged, type ChecklistItem, type ClosureStatus } from './vocabulary.js';

const ref = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? '' } : null);
const target = (c: CaseHead) => ({ organizationId: c.organizationId, userIds: caseUsers(c) });

function shape(ctx: Ctx, cipher: FieldCipher, c: CaseHead, r: ClosureRow): ClosureOut {
  const k = r.row;
  const me = ctx.who();
  const pending = k.status === 'pending';
  const snapshot = (k.checklist as ChecklistItem[] | null) ?? null;
  return {
    id: k.id,
    caseId: k.caseId,
    closureReason: k.closureReason,
    reason: cipher.decrypt(k.reasonEnc),
    status: k.status as ClosureStatus,
    requestedBy: ref(k.requestedById, r.requestedByName),
    requestedAt: k.requestedAt,
    decidedBy: ref(k.decidedById, r.decidedByName),
    decidedAt: k.decidedAt,
    decisionNote: k.decisionNoteEnc ? cipher.decrypt(k.decisionNoteEnc) : null,
    checklist: snapshot,
    acknowledgedIncomplete: !!snapshot?.some((i) => i.acknowledged),
    allowedActions: pending
      ? [
          ...(can(me, 'case.approveClosure', target(c)) ? (['approve', 'return'] as const) : []),
          ...(can(me, 'case.update', target(c)) ? (['withdraw'] as const) : []),
        ]
      : [],
    version: k.version,
  };
}

/** The request and its case for a caller who may take `action` on the case; otherwise 404 (403 for case holders whose roles never allow it). */
async function requireClosure(ctx: Ctx, id: string, action: 'case.read' | 'case.update' | 'case.approveClosure') {
  const r = await findClosure(ctx.db, id);
  if (!r) {
    await ctx.audit(ctx.db, { action: 'permission.denied', outcome: 'denied', targetType: 'case_closure', targetId: id, details: { action } });
    throw notFound();
  }
  const c = await requireCase(ctx, r.row.caseId, action);
  return { r, c };
}

const stale = async (ctx: Ctx, tx: DbHandle, cipher: FieldCipher, id: string) => {
  const r = (await findClosure(tx, id))!;
  return versionConflict('closure request', shape(ctx, cipher, (await findCaseHead(tx, r.row.caseId))!, r));
};
const notPending = (status: string) => conflict(`A closure request that is ${status} cannot be decided or withdrawn.`, 'transition_not_allowed', { allowed: [] });

async function lockCase(tx: DbHandle, caseId: string) {
  await tx.execute(sql`select 1 from ${cases} where ${cases.id} = ${caseId} for update`);
  return (await findCaseHead(tx, caseId))!;
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function forCase(ctx: Ctx, cipher: FieldCipher, caseId: string): Promise<CaseClosureOut> {
  const c = await requireCase(ctx, caseId, 'case.read');
  const checklist = await checklistOf(ctx.db, caseId);
  const rows = await closuresOfCase(ctx.db, caseId);
  const all = rows.map((r) => shape(ctx, cipher, c, r));
  const pending = all.find((x) => x.status === 'pending') ?? null;
  await ctx.audit(ctx.db, { action: 'case.closure.read', outcome: 'success', targetType: 'case', targetId: caseId, details: { requests: all.length } });
  return {
    checklist,
    complete: checklist.every((i) => i.met),
    acknowledgeableReasons: [...acknowledgeableReasons],
    pending,
    history: all.filter((x) => x.status !== 'pending'),
    canRequest: c.stage !== 'closed' && !pending && can(ctx.who(), 'case.update', target(c)),
  };
}

export async function list(ctx: Ctx, cipher: FieldCipher, q: ClosureListQuery) {
  const reach = await ctx.reach('case.approveClosure');
  const me = ctx.who();
  // Supervisors decide for their organisation's cases; a `self` reach (none today) would see none here.
  const { rows, total } = reach === 'self' ? { rows: [], total: 0 } : await listPage(ctx.db, reach === 'all' ? null : me.organizationId, q.status, q.limit, q.offset);
  const items = [];
  for (const r of rows) {
    const snapshot = r.row.checklist as ChecklistItem[] | null;
    const complete = snapshot ? snapshot.every((i) => i.met) : (await checklistOf(ctx.db, r.row.caseId)).every((i) => i.met);
    items.push({
      id: r.row.id,
      caseId: r.row.caseId,
      caseReference: r.caseReference,
      personName: cipher.decrypt(r.personNameEnc),
      closureReason: r.row.closureReason,
      status: r.row.status as ClosureStatus,
      requestedBy: ref(r.row.requestedById, r.requestedByName),
      requestedAt: r.row.requestedAt,
      decidedAt: r.row.decidedAt,
      checklistComplete: complete,
      version: r.row.version,
    });
  }
  await ctx.audit(ctx.db, { action: 'case.closure.list', outcome: 'success', details: { status: q.status, count: items.length, total } });
  return { items, total };
}

// ---------------------------------------------------------------------------------------------
// Requesting, deciding, withdrawing

export async function request(ctx: Ctx, cipher: FieldCipher, caseId: string, input: ClosureCreate, now = new Date()): Promise<ClosureOut> {
  const head = await requireCase(ctx, caseId, 'case.update');
  const me = ctx.who();
  const id = await ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, caseId);
    if (c.organizationId !== head.organizationId) throw notFound();
    if (c.stage === 'closed') throw conflict('This case is already closed.', 'case_closed');
    if (await pendingOf(tx, caseId)) throw conflict('A request to close this case is already waiting for a decision.', 'closure_pending');
    const reasonEnc = cipher.encrypt(input.reason);
    const [row] = await tx
      .insert(caseClosures)
      .values({ caseId, closureReason: input.closureReason, reasonEnc, status: 'pending', requestedById: me.userId, requestedAt: now, createdAt: now })
      .returning({ id: caseClosures.id });
    await addCaseEvent(tx, { caseId, kind: 'closure', fromValue: null, toValue: 'pending', reason: input.closureReason, noteEnc: reasonEnc, byId: me.userId });
    await ctx.audit(tx, { action: 'case.closure.request', outcome: 'success', targetType: 'case_closure', targetId: row.id, details: { caseId, closureReason: input.closureReason } });
    return row.id;
  });
  return shape(ctx, cipher, (await findCaseHead(ctx.db, caseId))!, (await findClosure(ctx.db, id))!);
}

export async function approve(ctx: Ctx, cipher: FieldCipher, id: string, input: ClosureApproveInput, now = new Date()) {
  const { c: head } = await requireClosure(ctx, id, 'case.approveClosure');
  const me = ctx.who();
  await ctx.db.transaction(async (tx) => {
    // Locks in the order every writer takes them (a transfer, then the case, then the closure), so none waits on another in a circle.
    const c = await lockCase(tx, head.id);
    await lockClosure(tx, id);
    const k = (await findClosure(tx, id))!.row;
    if (k.version !== input.version) throw await stale(ctx, tx, cipher, id);
    if (k.status !== 'pending') throw notPending(k.status);
    if (c.organizationId !== head.organizationId) throw notFound();
    if (c.stage === 'closed') throw conflict('This case is already closed.', 'case_closed');
    const checklist = await checklistOf(tx, k.caseId);
    if (!approvable(checklist, k.closureReason, input.acknowledgeIncomplete)) {
      const unmet = checklist.filter((i) => !i.met);
      throw conflict('The closure checklist is not complete.', 'checklist_incomplete', {
        checklist,
        acknowledgeAllowed: mayAcknowledge(k.closureReason) && unmet.every((i) => !neverAcknowledged.includes(i.code)),
      });
    }
    const acknowledged = checklist.some((i) => !i.met);
    const snapshot: ChecklistItem[] = checklist.map((i) => (i.met ? i : { ...i, acknowledged: true }));

    // The case closes exactly as a stage move did before: stage, moment, reason code, and a stage event
    // carrying the reason code and the requester's text, so the history shows "… → closed" with both.
    await tx
      .update(cases)
      .set({ stage: 'closed', closedAt: now, closureReason: k.closureReason, version: sql`${cases.version} + 1`, updatedAt: now })
      .where(eq(cases.id, k.caseId));
    await addCaseEvent(tx, { caseId: k.caseId, kind: 'stage', fromValue: c.stage, toValue: 'closed', reason: k.closureReason, noteEnc: k.reasonEnc, byId: me.userId });
    await refreshCase(tx, k.caseId);
    const done = await tx
      .update(caseClosures)
      .set({
        status: 'approved',
        decidedById: me.userId,
        decidedAt: now,
        decisionNoteEnc: input.note ? cipher.encrypt(input.note) : null,
        checklist: snapshot,
        version: sql`${caseClosures.version} + 1`,
      })
      .where(and(eq(caseClosures.id, id), eq(caseClosures.version, input.version)))
      .returning({ id: caseClosures.id });
    if (!done.length) throw await stale(ctx, tx, cipher, id);
    await ctx.audit(tx, {
      action: 'case.closure.approve',
      outcome: 'success',
      targetType: 'case_closure',
      targetId: id,
      details: {
        caseId: k.caseId,
        from: c.stage,
        closureReason: k.closureReason,
        acknowledgedIncomplete: acknowledged,
        unmet: checklist.filter((i) => !i.met).map((i) => i.code),
      },
    });
  });
  return shape(ctx, cipher, (await findCaseHead(ctx.db, head.id))!, (await findClosure(ctx.db, id))!);
}

export async function returnRequest(ctx: Ctx, cipher: FieldCipher, id: string, input: ClosureReturnInput, now = new Date()) {
  const { c: head } = await requireClosure(ctx, id, 'case.approveClosure');
  return decide(ctx, cipher, id, head, input.version, 'returned', now, async (tx, k) => {
    const noteEnc = cipher.encrypt(input.note);
    const checklist = await checklistOf(tx, k.caseId);
    await addCaseEvent(tx, { caseId: k.caseId, kind: 'closure', fromValue: 'pending', toValue: 'returned', reason: k.closureReason, noteEnc, byId: ctx.who().userId });
    return { decisionNoteEnc: noteEnc, checklist, details: { unmet: checklist.filter((i) => !i.met).map((i) => i.code) } };
  });
}

export async function withdraw(ctx: Ctx, cipher: FieldCipher, id: string, input: { version: number }, now = new Date()) {
  const { c: head } = await requireClosure(ctx, id, 'case.update');
  return decide(ctx, cipher, id, head, input.version, 'withdrawn', now, async (tx, k) => {
    await addCaseEvent(tx, { caseId: k.caseId, kind: 'closure', fromValue: 'pending', toValue: 'withdrawn', reason: k.closureReason, byId: ctx.who().userId });
    return { decisionNoteEnc: null, checklist: null, details: {} };
  });
}

/** Ends a pending request without closing the case (returned or withdrawn). */
async function decide(
  ctx: Ctx,
  cipher: FieldCipher,
  id: string,
  head: CaseHead,
  version: number,
  to: 'returned' | 'withdrawn',
  now: Date,
  apply: (tx: DbHandle, k: typeof caseClosures.$inferSelect) => Promise<{ decisionNoteEnc: string | null; checklist: ChecklistItem[] | null; details: Record<string, unknown> }>,
) {
  const me = ctx.who();
  await ctx.db.transaction(async (tx) => {
    await lockCase(tx, head.id);
    await lockClosure(tx, id);
    const k = (await findClosure(tx, id))!.row;
    if (k.version !== version) throw await stale(ctx, tx, cipher, id);
    if (k.status !== 'pending') throw notPending(k.status);
    const { decisionNoteEnc, checklist, details } = await apply(tx, k);
    await tx
      .update(caseClosures)
      .set({ status: to, decidedById: me.userId, decidedAt: now, decisionNoteEnc, checklist, version: sql`${caseClosures.version} + 1` })
      .where(eq(caseClosures.id, id));
    await ctx.audit(tx, {
      action: to === 'returned' ? 'case.closure.return' : 'case.closure.withdraw',
      outcome: 'success',
      targetType: 'case_closure',
      targetId: id,
      details: { caseId: k.caseId, closureReason: k.closureReason, ...details },
    });
  });
  return shape(ctx, cipher, (await findCaseHead(ctx.db, head.id))!, (await findClosure(ctx.db, id))!);
}
