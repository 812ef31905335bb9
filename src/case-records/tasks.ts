// Tasks and follow-ups of a case: title and details encrypted, a due date and an assignee (an
// active user of the case's organisation). Overdue = open and due before today in Asia/Jakarta.
// Every change recomputes the case's next due date and priority in the same transaction.
import { and, asc, count, eq, lt, sql, type SQL } from 'drizzle-orm';
import { requireCase, visibleCases } from '../cases/access.js';
import { refreshCase } from '../cases/derived.js';
import type { DbHandle } from '../platform/db/client.js';
import { cases, caseTasks } from '../platform/db/schema.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { Ctx } from '../platform/http/context.js';
import { badRequest, notFound, type FieldErrors } from '../platform/http/errors.js';
import { decOpt, displayNames, encOpt, isActiveMember, refFrom, todayInJakarta, versionConflict } from './common.js';
import type { myTasksQuery, TaskOut, taskCreate, taskListQuery, taskUpdate } from './schema.js';
import type { z } from 'zod';

type Row = typeof caseTasks.$inferSelect;

async function present(db: DbHandle, cipher: FieldCipher, rows: Row[], today = todayInJakarta()): Promise<TaskOut[]> {
  const names = await displayNames(
    db,
    rows.flatMap((r) => [r.assigneeId, r.completedById, r.createdById]),
  );
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    kind: r.kind as TaskOut['kind'],
    title: cipher.decrypt(r.titleEnc),
    details: decOpt(cipher, r.detailsEnc),
    dueOn: r.dueOn,
    assignee: refFrom(names, r.assigneeId),
    status: r.status as TaskOut['status'],
    overdue: r.status === 'open' && r.dueOn !== null && r.dueOn < today,
    completedAt: r.completedAt,
    completedBy: refFrom(names, r.completedById),
    createdBy: refFrom(names, r.createdById),
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

// Open first, soonest due first (undated last), then the oldest.
const order = [sql`case ${caseTasks.status} when 'open' then 0 else 1 end`, sql`${caseTasks.dueOn} asc nulls last`, asc(caseTasks.createdAt)];

async function checkAssignee(db: DbHandle, assigneeId: string | null | undefined, organizationId: string, fields: FieldErrors) {
  if (assigneeId && !(await isActiveMember(db, assigneeId, organizationId))) fields.assigneeId = 'unknown_user';
}

export async function list(ctx: Ctx, cipher: FieldCipher, caseId: string, q: z.infer<typeof taskListQuery>) {
  await requireCase(ctx, caseId, 'case.read');
  const where = and(eq(caseTasks.caseId, caseId), q.status ? eq(caseTasks.status, q.status) : undefined);
  const rows = await ctx.db
    .select()
    .from(caseTasks)
    .where(where)
    .orderBy(...order)
    .limit(q.limit)
    .offset(q.offset);
  const [{ n }] = await ctx.db.select({ n: count() }).from(caseTasks).where(where);
  const items = await present(ctx.db, cipher, rows);
  await ctx.audit(ctx.db, { action: 'case.tasks.read', outcome: 'success', targetType: 'case', targetId: caseId, details: { count: items.length } });
  return { items, total: n };
}

export async function create(ctx: Ctx, cipher: FieldCipher, caseId: string, input: z.infer<typeof taskCreate>): Promise<TaskOut> {
  const c = await requireCase(ctx, caseId, 'case.update');
  const me = ctx.who();
  const fields: FieldErrors = {};
  if (input.kind === 'follow_up' && !input.dueOn) fields.dueOn = 'required';
  await checkAssignee(ctx.db, input.assigneeId, c.organizationId, fields);
  if (Object.keys(fields).length) throw badRequest('Some task fields are invalid.', fields);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(caseTasks)
      .values({
        caseId,
        kind: input.kind,
        titleEnc: cipher.encrypt(input.title),
        detailsEnc: encOpt(cipher, input.details),
        dueOn: input.dueOn ?? null,
        assigneeId: input.assigneeId ?? null,
        createdById: me.userId,
      })
      .returning();
    await refreshCase(tx, caseId);
    await ctx.audit(tx, {
      action: 'case.task.create',
      outcome: 'success',
      targetType: 'case_task',
      targetId: row.id,
      details: { caseId, kind: input.kind, assigneeId: row.assigneeId },
    });
    return (await present(tx, cipher, [row]))[0];
  });
}

export async function update(ctx: Ctx, cipher: FieldCipher, caseId: string, taskId: string, input: z.infer<typeof taskUpdate>): Promise<TaskOut> {
  const c = await requireCase(ctx, caseId, 'case.update');
  const me = ctx.who();
  const fields: FieldErrors = {};
  await checkAssignee(ctx.db, input.assigneeId, c.organizationId, fields);
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(caseTasks)
      .where(and(eq(caseTasks.id, taskId), eq(caseTasks.caseId, caseId)));
    if (!current) throw notFound();
    if (current.version !== input.version) throw versionConflict('task', (await present(tx, cipher, [current]))[0]);
    const dueOn = input.dueOn === undefined ? current.dueOn : input.dueOn;
    if (current.kind === 'follow_up' && !dueOn) fields.dueOn = 'required';
    if (Object.keys(fields).length) throw badRequest('Some task fields are invalid.', fields);

    const set: Partial<typeof caseTasks.$inferInsert> = {};
    if (input.title !== undefined) set.titleEnc = cipher.encrypt(input.title);
    if (input.details !== undefined) set.detailsEnc = encOpt(cipher, input.details);
    if (input.dueOn !== undefined) set.dueOn = input.dueOn;
    if (input.assigneeId !== undefined) set.assigneeId = input.assigneeId;
    if (input.status !== undefined && input.status !== current.status) {
      set.status = input.status;
      const done = input.status === 'done';
      set.completedAt = done ? new Date() : null;
      set.completedById = done ? me.userId : null;
    }
    const [row] = await tx
      .update(caseTasks)
      .set({ ...set, version: sql`${caseTasks.version} + 1`, updatedAt: new Date() })
      .where(and(eq(caseTasks.id, taskId), eq(caseTasks.version, input.version)))
      .returning();
    if (!row) throw versionConflict('task', (await present(tx, cipher, [current]))[0]);
    await refreshCase(tx, caseId);
    const { version: _v, ...changed } = input;
    await ctx.audit(tx, {
      action: 'case.task.update',
      outcome: 'success',
      targetType: 'case_task',
      targetId: taskId,
      details: { caseId, fields: Object.keys(changed), status: row.status },
    });
    return (await present(tx, cipher, [row]))[0];
  });
}

/**
 * Open tasks across the cases the caller may read, soonest due first, each with its case
 * reference: by default the caller's own (mine=true), optionally only the overdue ones.
 */
export async function listAcross(ctx: Ctx, cipher: FieldCipher, q: z.infer<typeof myTasksQuery>) {
  const reach = await ctx.reach('case.read');
  const me = ctx.who();
  const today = todayInJakarta();
  const conds: SQL[] = [eq(caseTasks.status, 'open'), visibleCases(ctx, reach)];
  if (q.mine === 'true') conds.push(eq(caseTasks.assigneeId, me.userId));
  if (q.overdue === 'true') conds.push(lt(caseTasks.dueOn, today));
  const where = and(...conds);
  const rows = await ctx.db
    .select({ task: caseTasks, caseReference: cases.reference })
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .where(where)
    .orderBy(sql`${caseTasks.dueOn} asc nulls last`, asc(caseTasks.createdAt), asc(caseTasks.id))
    .limit(q.limit)
    .offset(q.offset);
  const [{ n }] = await ctx.db
    .select({ n: count() })
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .where(where);
  const tasks = await present(
    ctx.db,
    cipher,
    rows.map((r) => r.task),
    today,
  );
  const items = tasks.map((t, i) => ({ ...t, caseReference: rows[i]!.caseReference }));
  await ctx.audit(ctx.db, {
    action: 'case.tasks.list',
    outcome: 'success',
    details: { mine: q.mine === 'true', overdue: q.overdue === 'true', count: items.length },
  });
  return { items, total: n };
}
