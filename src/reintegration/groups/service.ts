// Group activities of an organisation (peer groups, community businesses, awareness sessions):
// kept by those who manage them (groupActivity.manage: supervisors and organisation
// administrators), listed for the organisation's case holders so they can enrol a person through
// a plan item. Each organisation sees only its own; another organisation's activity answers 404.
import { and, eq, sql } from 'drizzle-orm';
import { versionConflict } from '../../case-records/common.js';
import { can, reachOf, type Actor } from '../../policy/policy.js';
import type { DbHandle } from '../../platform/db/client.js';
import { groupActivities } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/http/context.js';
import { badRequest, notFound, type FieldErrors } from '../../platform/http/errors.js';
import { isAreaCode } from '../../reference/area-codes.js';
import { areaExists, enrolledCounts, findActivity, listActivities, type GroupActivityRow } from './dal.js';
import type { GroupActivityCreate, GroupActivityListQuery, GroupActivityOut, GroupActivityUpdate } from './schema.js';
import { isFull, type GroupActivityKind, type GroupActivityStatus } from './vocabulary.js';

/** Those who may see the organisation's activities: their managers and its case holders (who enrol people). */
async function requireReader(ctx: Ctx): Promise<Actor> {
  const me = ctx.who();
  if (reachOf(me, 'groupActivity.manage')) return me;
  await ctx.reach('case.update');
  return me;
}

async function requireVisible(ctx: Ctx, id: string): Promise<GroupActivityRow> {
  const me = await requireReader(ctx);
  const a = await findActivity(ctx.db, id);
  if (a && a.organizationId === me.organizationId) return a;
  await ctx.audit(ctx.db, {
    action: 'permission.denied',
    outcome: 'denied',
    targetType: 'group_activity',
    targetId: id,
    details: { action: reachOf(me, 'groupActivity.manage') ? 'groupActivity.manage' : 'case.update' },
  });
  throw notFound();
}

function present(ctx: Ctx, a: GroupActivityRow, enrolled: number): GroupActivityOut {
  return {
    id: a.id,
    organizationId: a.organizationId,
    kind: a.kind as GroupActivityKind,
    name: a.name,
    description: a.description,
    areaCode: a.areaCode,
    areaName: a.areaName,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    capacity: a.capacity,
    status: a.status as GroupActivityStatus,
    enrolled,
    full: isFull(enrolled, a.capacity),
    can: { manage: can(ctx.who(), 'groupActivity.manage', { organizationId: a.organizationId }) },
    version: a.version,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

async function presentOne(ctx: Ctx, db: DbHandle, id: string): Promise<GroupActivityOut> {
  const a = (await findActivity(db, id))!;
  return present(ctx, a, (await enrolledCounts(db, [id])).get(id) ?? 0);
}

/** The place and the dates, checked: a known Kemendagri area, an end on or after the start. */
async function checkFields(db: DbHandle, v: { areaCode?: string | null; startsOn?: string | null; endsOn?: string | null }) {
  const fields: FieldErrors = {};
  if (v.areaCode && (!isAreaCode(v.areaCode) || !(await areaExists(db, v.areaCode)))) fields.areaCode = 'unknown_area';
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) fields.endsOn = 'end_before_start';
  if (Object.keys(fields).length) throw badRequest('Some fields are not valid.', fields);
}

export async function list(ctx: Ctx, q: GroupActivityListQuery): Promise<{ items: GroupActivityOut[]; total: number }> {
  const me = await requireReader(ctx);
  const { rows, total } = await listActivities(ctx.db, me.organizationId, q.status, q.limit, q.offset);
  const counts = await enrolledCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => present(ctx, r, counts.get(r.id) ?? 0)), total };
}

export async function get(ctx: Ctx, id: string): Promise<GroupActivityOut> {
  const a = await requireVisible(ctx, id);
  return present(ctx, a, (await enrolledCounts(ctx.db, [id])).get(id) ?? 0);
}

export async function create(ctx: Ctx, input: GroupActivityCreate): Promise<GroupActivityOut> {
  const me = ctx.who();
  await ctx.require('groupActivity.manage', { type: 'organization', id: me.organizationId, organizationId: me.organizationId });
  const areaCode = input.areaCode?.trim() || null;
  await checkFields(ctx.db, { areaCode, startsOn: input.startsOn, endsOn: input.endsOn });
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(groupActivities)
      .values({
        organizationId: me.organizationId,
        kind: input.kind,
        name: input.name,
        description: input.description,
        areaCode,
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        capacity: input.capacity ?? null,
      })
      .returning({ id: groupActivities.id });
    await ctx.audit(tx, {
      action: 'group_activity.create',
      outcome: 'success',
      targetType: 'group_activity',
      targetId: row.id,
      details: { kind: input.kind, areaCode, capacity: input.capacity ?? null },
    });
    return presentOne(ctx, tx, row.id);
  });
}

export async function update(ctx: Ctx, id: string, input: GroupActivityUpdate): Promise<GroupActivityOut> {
  const current = await findActivity(ctx.db, id);
  await ctx.require('groupActivity.manage', { type: 'group_activity', id, organizationId: current?.organizationId ?? null });
  if (!current) throw notFound();
  const { version, ...rest } = input;
  const set: Partial<typeof groupActivities.$inferInsert> = {};
  if (rest.kind !== undefined) set.kind = rest.kind;
  if (rest.name !== undefined) set.name = rest.name;
  if (rest.description !== undefined) set.description = rest.description;
  if (rest.areaCode !== undefined) set.areaCode = rest.areaCode?.trim() || null;
  if (rest.startsOn !== undefined) set.startsOn = rest.startsOn;
  if (rest.endsOn !== undefined) set.endsOn = rest.endsOn;
  if (rest.capacity !== undefined) set.capacity = rest.capacity;
  if (rest.status !== undefined) set.status = rest.status;
  await checkFields(ctx.db, {
    areaCode: set.areaCode !== undefined && set.areaCode !== current.areaCode ? set.areaCode : null,
    startsOn: set.startsOn !== undefined ? set.startsOn : current.startsOn,
    endsOn: set.endsOn !== undefined ? set.endsOn : current.endsOn,
  });
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(groupActivities)
      .set({ ...set, version: sql`${groupActivities.version} + 1`, updatedAt: new Date() })
      .where(and(eq(groupActivities.id, id), eq(groupActivities.version, version)))
      .returning({ id: groupActivities.id });
    if (!row) throw versionConflict('group activity', await presentOne(ctx, tx, id));
    await ctx.audit(tx, {
      action: 'group_activity.update',
      outcome: 'success',
      targetType: 'group_activity',
      targetId: id,
      details: { fields: Object.keys(set), status: rest.status !== undefined && rest.status !== current.status ? rest.status : undefined },
    });
    return presentOne(ctx, tx, id);
  });
}
