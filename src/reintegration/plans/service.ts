// Reintegration plans: versions of a case's plan, their items, submission, approval by a
// supervisor, and progress on the approved plan. Every call starts with requireCase (the case)
// or requirePlan (a version, through its case); every write runs in one transaction with its
// history entry and audit entry, and writes nothing on any refusal.
//
// Versions: a case has at most one open version (draft, submitted or returned). The first is
// number 1; once a version is approved, a change starts a new draft numbered next, copying the
// approved items (each copy names its origin). Approving a version supersedes the approved one
// before it, and the copies take over the progress recorded on their origins meanwhile. Progress
// (planned → in_progress → completed | cancelled) is recorded on the approved version itself: it
// is not a change of content and makes no new version.
import { and, eq, sql } from 'drizzle-orm';
import { caseUsers, requireCase, visibleCases, type CaseHead } from '../../cases/access.js';
import { decOpt, displayNames, encOpt, refFrom, versionConflict } from '../../case-records/common.js';
import { can } from '../../policy/policy.js';
import type { FieldCipher } from '../../platform/crypto/fields.js';
import type { DbHandle } from '../../platform/db/client.js';
import { caseEvents, planItems, reintegrationPlans } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/http/context.js';
import { badRequest, conflict, notFound, type FieldErrors } from '../../platform/http/errors.js';
import { enrolledCounts } from '../groups/dal.js';
import { isFull, type GroupActivityKind, type GroupActivityStatus } from '../groups/vocabulary.js';
import { requirePlan } from './access.js';
import {
  activeActivityOf,
  approvedPlanOf,
  findItem,
  findPlan,
  itemRows,
  itemsOf,
  lastNumber,
  listByStatus,
  lockCase,
  needOfCase,
  nextSeq,
  openPlanOf,
  plansOfCase,
  referralOfCase,
  totalsOf,
  touchPlan,
  type ItemRow,
  type ItemView,
  type PlanRow,
} from './dal.js';
import type {
  CasePlansOut,
  ItemProgress,
  PlanCreate,
  PlanDecision,
  PlanItemCreate,
  PlanItemOut,
  PlanItemUpdate,
  PlanListQuery,
  PlanOut,
  PlanUpdate,
  SubmittedPlanOut,
} from './schema.js';
import {
  allowedItemMoves,
  compareItem,
  editablePlanStatuses,
  openPlanStatuses,
  outcomeRequiredFor,
  planDimensionCodes,
  type DeliveryMode,
  type ItemContentField,
  type ItemStatus,
  type PlanDimension,
  type PlanStatus,
} from './vocabulary.js';

const isEditable = (s: string) => (editablePlanStatuses as readonly string[]).includes(s);
const isOpen = (s: string) => (openPlanStatuses as readonly string[]).includes(s);
const caseTarget = (head: CaseHead) => ({ organizationId: head.organizationId, userIds: caseUsers(head) });

function refuseClosed(head: CaseHead) {
  if (head.stage === 'closed') throw conflict('This case is closed; reopen it first.', 'case_closed');
}
function refuseNotEditable(plan: PlanRow) {
  if (!isEditable(plan.status)) throw conflict('This version of the plan is not a draft; it cannot change.', 'plan_not_editable', { current: { id: plan.id, number: plan.number, status: plan.status } });
}

/** A history entry of kind `plan`: codes only (the version number as reason), the note encrypted. */
async function planEvent(tx: DbHandle, e: { caseId: string; from: string | null; to: PlanStatus; number: number; noteEnc?: string | null; byId: string }, at: Date) {
  await tx.insert(caseEvents).values({ caseId: e.caseId, kind: 'plan', fromValue: e.from, toValue: e.to, reason: String(e.number), noteEnc: e.noteEnc ?? null, byId: e.byId, at });
}

// ---------------------------------------------------------------------------------------------
// Presenting

type Content = Record<ItemContentField, unknown>;
const contentOf = (cipher: FieldCipher, i: ItemRow): Content => ({
  dimension: i.dimension,
  what: cipher.decrypt(i.whatEnc),
  needId: i.needId,
  delivery: i.delivery,
  referralId: i.referralId,
  groupActivityId: i.groupActivityId,
  budgetIdr: i.budgetIdr,
  startOn: i.startOn,
  endOn: i.endOn,
});

function presentItem(
  cipher: FieldCipher,
  v: ItemView,
  enrolled: Map<string, number>,
  compare: { origin: ItemRow | null } | null,
  mayProgress: boolean,
): PlanItemOut {
  const i = v.item;
  const content = contentOf(cipher, i);
  const diff = compare ? compareItem(content, compare.origin ? contentOf(cipher, compare.origin) : null) : null;
  const n = i.groupActivityId ? (enrolled.get(i.groupActivityId) ?? 0) : 0;
  return {
    id: i.id,
    planId: i.planId,
    seq: i.seq,
    dimension: i.dimension as PlanDimension,
    what: content.what as string,
    need: i.needId && v.needType ? { id: i.needId, type: v.needType as never, dimension: v.needDimension as never, status: v.needStatus ?? 'open' } : null,
    delivery: i.delivery as DeliveryMode,
    referral: i.referralId ? { id: i.referralId, status: v.referralStatus ?? '', organizationName: v.referralOrganization ?? '', serviceName: v.referralService } : null,
    groupActivity:
      i.groupActivityId && v.activityName
        ? {
            id: i.groupActivityId,
            kind: v.activityKind as GroupActivityKind,
            name: v.activityName,
            status: v.activityStatus as GroupActivityStatus,
            capacity: v.activityCapacity,
            enrolled: n,
            full: isFull(n, v.activityCapacity),
          }
        : null,
    budgetIdr: i.budgetIdr,
    startOn: i.startOn,
    endOn: i.endOn,
    status: i.status as ItemStatus,
    outcome: decOpt(cipher, i.outcomeEnc),
    allowedTransitions: mayProgress ? allowedItemMoves(i.status as ItemStatus) : [],
    originItemId: i.originItemId,
    change: diff?.change ?? null,
    changedFields: diff?.changedFields ?? [],
    version: i.version,
    updatedAt: i.updatedAt,
  };
}

function budgetOf(items: { dimension: string; budgetIdr: number | null }[]) {
  const by = new Map<string, { itemCount: number; totalIdr: number }>();
  let totalIdr = 0;
  for (const i of items) {
    const d = by.get(i.dimension) ?? { itemCount: 0, totalIdr: 0 };
    d.itemCount += 1;
    d.totalIdr += i.budgetIdr ?? 0;
    totalIdr += i.budgetIdr ?? 0;
    by.set(i.dimension, d);
  }
  return {
    totalIdr,
    byDimension: planDimensionCodes.filter((d) => by.has(d)).map((d) => ({ dimension: d, ...by.get(d)! })),
  };
}

const planRef = (p: PlanRow | null) => (p ? { id: p.id, number: p.number, status: p.status as PlanStatus } : null);

async function presentPlan(ctx: Ctx, db: DbHandle, cipher: FieldCipher, plan: PlanRow, head: CaseHead): Promise<PlanOut> {
  const basedOn = plan.basedOnId ? await findPlan(db, plan.basedOnId) : null;
  const views = await itemsOf(db, basedOn ? [plan.id, basedOn.id] : [plan.id]);
  const own = views.filter((v) => v.item.planId === plan.id);
  const previous = basedOn ? views.filter((v) => v.item.planId === basedOn.id) : [];
  const previousById = new Map(previous.map((v) => [v.item.id, v.item]));
  const carried = new Set(own.map((v) => v.item.originItemId).filter((x): x is string => !!x));
  const activityIds = [...new Set(views.map((v) => v.item.groupActivityId).filter((x): x is string => !!x))];
  const enrolled = await enrolledCounts(db, activityIds);
  const me = ctx.who();
  const target = caseTarget(head);
  const open = head.stage !== 'closed';
  const mayUpdate = open && can(me, 'case.update', target);
  const mayProgress = mayUpdate && plan.status === 'approved';
  const names = await displayNames(db, [plan.createdById, plan.submittedById, plan.decidedById]);
  return {
    id: plan.id,
    caseId: plan.caseId,
    caseReference: head.reference,
    number: plan.number,
    status: plan.status as PlanStatus,
    goal: decOpt(cipher, plan.goalEnc),
    changeNote: decOpt(cipher, plan.changeNoteEnc),
    basedOn: planRef(basedOn),
    comparedTo: planRef(basedOn),
    items: own.map((v) =>
      presentItem(cipher, v, enrolled, basedOn ? { origin: v.item.originItemId ? (previousById.get(v.item.originItemId) ?? null) : null } : null, mayProgress),
    ),
    removedItems: previous.filter((v) => !carried.has(v.item.id)).map((v) => presentItem(cipher, v, enrolled, null, false)),
    budget: budgetOf(own.map((v) => v.item)),
    createdBy: refFrom(names, plan.createdById),
    createdAt: plan.createdAt,
    submittedBy: refFrom(names, plan.submittedById),
    submittedAt: plan.submittedAt,
    decidedBy: refFrom(names, plan.decidedById),
    decidedAt: plan.decidedAt,
    decisionNote: decOpt(cipher, plan.decisionNoteEnc),
    can: {
      edit: mayUpdate && isEditable(plan.status),
      decide: open && plan.status === 'submitted' && can(me, 'plan.approve', target),
      progress: mayProgress,
    },
    version: plan.version,
    updatedAt: plan.updatedAt,
  };
}

async function presentItemById(ctx: Ctx, db: DbHandle, cipher: FieldCipher, plan: PlanRow, head: CaseHead, itemId: string): Promise<PlanItemOut> {
  const out = await presentPlan(ctx, db, cipher, plan, head);
  const item = out.items.find((i) => i.id === itemId);
  if (!item) throw notFound();
  return item;
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function listForCase(ctx: Ctx, cipher: FieldCipher, caseId: string): Promise<CasePlansOut> {
  const head = await requireCase(ctx, caseId, 'case.read');
  const rows = await plansOfCase(ctx.db, caseId);
  const currentRow = rows.find((r) => r.status === 'approved') ?? null;
  const openRow = rows.find((r) => isOpen(r.status)) ?? null;
  const totals = await totalsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const names = await displayNames(
    ctx.db,
    rows.map((r) => r.decidedById),
  );
  const out: CasePlansOut = {
    current: currentRow ? await presentPlan(ctx, ctx.db, cipher, currentRow, head) : null,
    open: openRow ? await presentPlan(ctx, ctx.db, cipher, openRow, head) : null,
    versions: rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status as PlanStatus,
      createdAt: r.createdAt,
      submittedAt: r.submittedAt,
      decidedAt: r.decidedAt,
      decidedBy: refFrom(names, r.decidedById),
      itemCount: totals.get(r.id)?.itemCount ?? 0,
      budgetTotalIdr: totals.get(r.id)?.budgetTotalIdr ?? 0,
    })),
    can: { create: head.stage !== 'closed' && !openRow && can(ctx.who(), 'case.update', caseTarget(head)) },
  };
  await ctx.audit(ctx.db, {
    action: 'plan.list.read',
    outcome: 'success',
    targetType: 'case',
    targetId: caseId,
    details: { versions: rows.length, currentId: currentRow?.id ?? null, openId: openRow?.id ?? null },
  });
  return out;
}

export async function get(ctx: Ctx, cipher: FieldCipher, planId: string): Promise<PlanOut> {
  const { plan, head } = await requirePlan(ctx, planId, 'case.read');
  const out = await presentPlan(ctx, ctx.db, cipher, plan, head);
  await ctx.audit(ctx.db, { action: 'plan.read', outcome: 'success', targetType: 'reintegration_plan', targetId: planId, details: { caseId: plan.caseId, number: plan.number } });
  return out;
}

/** Plans awaiting approval among the cases the caller approves for (plan.approve): the approvals page. */
export async function listSubmitted(ctx: Ctx, q: PlanListQuery): Promise<{ items: SubmittedPlanOut[]; total: number }> {
  const reach = await ctx.reach('plan.approve');
  const { rows, total } = await listByStatus(ctx.db, q.status, visibleCases(ctx, reach), q.limit, q.offset);
  const totals = await totalsOf(
    ctx.db,
    rows.map((r) => r.planId),
  );
  return {
    items: rows.map((r) => ({
      planId: r.planId,
      caseId: r.caseId,
      caseReference: r.caseReference,
      number: r.number,
      submittedAt: r.submittedAt!,
      submittedBy: r.submittedById ? { id: r.submittedById, displayName: r.submittedByName ?? '' } : null,
      itemCount: totals.get(r.planId)?.itemCount ?? 0,
      budgetTotalIdr: totals.get(r.planId)?.budgetTotalIdr ?? 0,
    })),
    total,
  };
}

// ---------------------------------------------------------------------------------------------
// Versions

export async function createVersion(ctx: Ctx, cipher: FieldCipher, caseId: string, input: PlanCreate, now = new Date()): Promise<PlanOut> {
  const head = await requireCase(ctx, caseId, 'case.update');
  refuseClosed(head);
  const me = ctx.who();
  const id = await ctx.db.transaction(async (tx) => {
    await lockCase(tx, caseId);
    const open = await openPlanOf(tx, caseId);
    if (open)
      throw conflict('This case already has a version of its plan being worked on.', 'draft_exists', { current: { id: open.id, number: open.number, status: open.status } });
    const approved = await approvedPlanOf(tx, caseId);
    const number = (await lastNumber(tx, caseId)) + 1;
    const [plan] = await tx
      .insert(reintegrationPlans)
      .values({
        caseId,
        number,
        status: 'draft',
        goalEnc: input.goal ? cipher.encrypt(input.goal) : (approved?.goalEnc ?? null),
        basedOnId: approved?.id ?? null,
        changeNoteEnc: encOpt(cipher, input.changeNote),
        createdById: me.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: reintegrationPlans.id });
    const items = approved ? await itemRows(tx, approved.id) : [];
    if (items.length)
      await tx.insert(planItems).values(
        items.map((i) => ({
          planId: plan.id,
          originItemId: i.id,
          seq: i.seq,
          dimension: i.dimension,
          whatEnc: i.whatEnc,
          needId: i.needId,
          delivery: i.delivery,
          referralId: i.referralId,
          groupActivityId: i.groupActivityId,
          budgetIdr: i.budgetIdr,
          startOn: i.startOn,
          endOn: i.endOn,
          status: i.status,
          outcomeEnc: i.outcomeEnc,
          createdAt: now,
          updatedAt: now,
        })),
      );
    await planEvent(tx, { caseId, from: null, to: 'draft', number, byId: me.userId }, now);
    await ctx.audit(tx, {
      action: 'plan.create',
      outcome: 'success',
      targetType: 'reintegration_plan',
      targetId: plan.id,
      details: { caseId, number, basedOnId: approved?.id ?? null, copiedItems: items.length },
    });
    return plan.id;
  });
  return presentPlan(ctx, ctx.db, cipher, (await findPlan(ctx.db, id))!, head);
}

export async function update(ctx: Ctx, cipher: FieldCipher, planId: string, input: PlanUpdate, now = new Date()): Promise<PlanOut> {
  const { head } = await requirePlan(ctx, planId, 'case.update');
  refuseClosed(head);
  const set: Partial<typeof reintegrationPlans.$inferInsert> = {};
  if (input.goal !== undefined) set.goalEnc = encOpt(cipher, input.goal);
  if (input.changeNote !== undefined) set.changeNoteEnc = encOpt(cipher, input.changeNote);
  return ctx.db.transaction(async (tx) => {
    const plan = (await findPlan(tx, planId))!;
    if (plan.version !== input.version) throw versionConflict('plan', await presentPlan(ctx, tx, cipher, plan, head));
    refuseNotEditable(plan);
    const [row] = await tx
      .update(reintegrationPlans)
      .set({ ...set, version: sql`${reintegrationPlans.version} + 1`, updatedAt: now })
      .where(and(eq(reintegrationPlans.id, planId), eq(reintegrationPlans.version, input.version)))
      .returning();
    await ctx.audit(tx, {
      action: 'plan.update',
      outcome: 'success',
      targetType: 'reintegration_plan',
      targetId: planId,
      details: { caseId: plan.caseId, number: plan.number, fields: Object.keys(input).filter((k) => k !== 'version') },
    });
    return presentPlan(ctx, tx, cipher, row!, head);
  });
}

export async function submit(ctx: Ctx, cipher: FieldCipher, planId: string, input: { version: number }, now = new Date()): Promise<PlanOut> {
  const { head } = await requirePlan(ctx, planId, 'case.update');
  refuseClosed(head);
  const me = ctx.who();
  return ctx.db.transaction(async (tx) => {
    const plan = (await findPlan(tx, planId))!;
    if (plan.version !== input.version) throw versionConflict('plan', await presentPlan(ctx, tx, cipher, plan, head));
    refuseNotEditable(plan);
    const items = await itemRows(tx, planId);
    if (!items.length) throw conflict('A plan needs at least one item before it is submitted.', 'plan_empty');
    const [row] = await tx
      .update(reintegrationPlans)
      .set({ status: 'submitted', submittedById: me.userId, submittedAt: now, version: sql`${reintegrationPlans.version} + 1`, updatedAt: now })
      .where(and(eq(reintegrationPlans.id, planId), eq(reintegrationPlans.version, input.version)))
      .returning();
    await planEvent(tx, { caseId: plan.caseId, from: plan.status, to: 'submitted', number: plan.number, byId: me.userId }, now);
    await ctx.audit(tx, {
      action: 'plan.submit',
      outcome: 'success',
      targetType: 'reintegration_plan',
      targetId: planId,
      details: { caseId: plan.caseId, number: plan.number, items: items.length },
    });
    return presentPlan(ctx, tx, cipher, row!, head);
  });
}

/** Approve (to: approved) or return (to: returned) a submitted version: plan.approve on the case. */
export async function decide(ctx: Ctx, cipher: FieldCipher, planId: string, to: 'approved' | 'returned', input: PlanDecision, now = new Date()): Promise<PlanOut> {
  const { head } = await requirePlan(ctx, planId, 'plan.approve');
  refuseClosed(head);
  const me = ctx.who();
  return ctx.db.transaction(async (tx) => {
    await lockCase(tx, head.id);
    const plan = (await findPlan(tx, planId))!;
    if (plan.version !== input.version) throw versionConflict('plan', await presentPlan(ctx, tx, cipher, plan, head));
    if (plan.status !== 'submitted')
      throw conflict('Only a submitted version can be approved or returned.', 'plan_not_submitted', { current: { id: plan.id, number: plan.number, status: plan.status } });
    let supersededId: string | null = null;
    if (to === 'approved') {
      const previous = await approvedPlanOf(tx, plan.caseId);
      if (previous) {
        supersededId = previous.id;
        await tx
          .update(reintegrationPlans)
          .set({ status: 'superseded', version: sql`${reintegrationPlans.version} + 1`, updatedAt: now })
          .where(eq(reintegrationPlans.id, previous.id));
        // Progress went on on the items of the version in force while this one waited: the copies take it over.
        await tx.execute(sql`
          update plan_items p
             set status = o.status, outcome_enc = o.outcome_enc, version = p.version + 1, updated_at = ${now}
            from plan_items o
           where p.plan_id = ${planId} and o.id = p.origin_item_id and o.plan_id = ${previous.id}
             and (p.status <> o.status or p.outcome_enc is distinct from o.outcome_enc)`);
      }
    }
    const noteEnc = encOpt(cipher, input.note);
    const [row] = await tx
      .update(reintegrationPlans)
      .set({ status: to, decidedById: me.userId, decidedAt: now, decisionNoteEnc: noteEnc, version: sql`${reintegrationPlans.version} + 1`, updatedAt: now })
      .where(and(eq(reintegrationPlans.id, planId), eq(reintegrationPlans.version, input.version)))
      .returning();
    await planEvent(tx, { caseId: plan.caseId, from: 'submitted', to, number: plan.number, noteEnc, byId: me.userId }, now);
    await ctx.audit(tx, {
      action: to === 'approved' ? 'plan.approve' : 'plan.return',
      outcome: 'success',
      targetType: 'reintegration_plan',
      targetId: planId,
      details: { caseId: plan.caseId, number: plan.number, supersededId },
    });
    return presentPlan(ctx, tx, cipher, row!, head);
  });
}

// ---------------------------------------------------------------------------------------------
// Items of a draft

interface Links {
  needId: string | null;
  delivery: DeliveryMode;
  referralId: string | null;
  groupActivityId: string | null;
  startOn: string | null;
  endOn: string | null;
}

/**
 * The links and dates of an item as they will be stored: a link that does not fit the delivery is
 * cleared; the links that change are checked against the case (a need or referral of the case,
 * an active group activity of its organisation). Field errors on anything that does not fit.
 */
async function checkItem(db: DbHandle, head: CaseHead, v: Links, changed: (k: keyof Links) => boolean): Promise<Links> {
  const out: Links = {
    ...v,
    referralId: v.delivery === 'referral' ? v.referralId : null,
    groupActivityId: v.delivery === 'group' ? v.groupActivityId : null,
  };
  const fields: FieldErrors = {};
  if (out.needId && changed('needId') && !(await needOfCase(db, head.id, out.needId))) fields.needId = 'unknown_need';
  if (out.delivery === 'referral') {
    if (!out.referralId) fields.referralId = 'required';
    else if (changed('referralId') && !(await referralOfCase(db, head.id, out.referralId))) fields.referralId = 'unknown_referral';
  }
  if (out.delivery === 'group') {
    if (!out.groupActivityId) fields.groupActivityId = 'required';
    else if (changed('groupActivityId') && !(await activeActivityOf(db, head.organizationId, out.groupActivityId))) fields.groupActivityId = 'unknown_activity';
  }
  if (out.startOn && out.endOn && out.endOn < out.startOn) fields.endOn = 'end_before_start';
  if (Object.keys(fields).length) throw badRequest('Some fields of the item are not valid.', fields);
  return out;
}

/** The plan as an editable draft of a case the caller may change, read again inside the transaction. */
async function editableDraft(tx: DbHandle, planId: string) {
  const plan = (await findPlan(tx, planId))!;
  refuseNotEditable(plan);
  return plan;
}

export async function addItem(ctx: Ctx, cipher: FieldCipher, planId: string, input: PlanItemCreate, now = new Date()): Promise<PlanItemOut> {
  const { head } = await requirePlan(ctx, planId, 'case.update');
  refuseClosed(head);
  return ctx.db.transaction(async (tx) => {
    const plan = await editableDraft(tx, planId);
    const links = await checkItem(
      tx,
      head,
      {
        needId: input.needId ?? null,
        delivery: input.delivery,
        referralId: input.referralId ?? null,
        groupActivityId: input.groupActivityId ?? null,
        startOn: input.startOn ?? null,
        endOn: input.endOn ?? null,
      },
      () => true,
    );
    const [item] = await tx
      .insert(planItems)
      .values({
        planId,
        seq: await nextSeq(tx, planId),
        dimension: input.dimension,
        whatEnc: cipher.encrypt(input.what),
        ...links,
        budgetIdr: input.budgetIdr ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: planItems.id });
    await touchPlan(tx, planId, now);
    await ctx.audit(tx, {
      action: 'plan.item.create',
      outcome: 'success',
      targetType: 'plan_item',
      targetId: item.id,
      details: { planId, caseId: plan.caseId, dimension: input.dimension, delivery: links.delivery, needId: links.needId, referralId: links.referralId, groupActivityId: links.groupActivityId },
    });
    return presentItemById(ctx, tx, cipher, (await findPlan(tx, planId))!, head, item.id);
  });
}

export async function updateItem(ctx: Ctx, cipher: FieldCipher, planId: string, itemId: string, input: PlanItemUpdate, now = new Date()): Promise<PlanItemOut> {
  const { head } = await requirePlan(ctx, planId, 'case.update');
  refuseClosed(head);
  return ctx.db.transaction(async (tx) => {
    const plan = await editableDraft(tx, planId);
    const current = await findItem(tx, planId, itemId);
    if (!current) throw notFound();
    if (current.version !== input.version) throw versionConflict('plan item', await presentItemById(ctx, tx, cipher, plan, head, itemId));
    const { version, ...rest } = input;
    void version;
    const given = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<PlanItemUpdate>;
    const merged: Links = {
      needId: given.needId !== undefined ? given.needId : current.needId,
      delivery: (given.delivery ?? current.delivery) as DeliveryMode,
      referralId: given.referralId !== undefined ? given.referralId : current.referralId,
      groupActivityId: given.groupActivityId !== undefined ? given.groupActivityId : current.groupActivityId,
      startOn: given.startOn !== undefined ? given.startOn : current.startOn,
      endOn: given.endOn !== undefined ? given.endOn : current.endOn,
    };
    const links = await checkItem(tx, head, merged, (k) => merged[k] !== current[k]);
    const set: Partial<typeof planItems.$inferInsert> = { ...links };
    if (given.dimension !== undefined) set.dimension = given.dimension;
    if (given.what !== undefined) set.whatEnc = cipher.encrypt(given.what);
    if (given.budgetIdr !== undefined) set.budgetIdr = given.budgetIdr;
    const [row] = await tx
      .update(planItems)
      .set({ ...set, version: sql`${planItems.version} + 1`, updatedAt: now })
      .where(and(eq(planItems.id, itemId), eq(planItems.version, input.version)))
      .returning({ id: planItems.id });
    if (!row) throw versionConflict('plan item', await presentItemById(ctx, tx, cipher, plan, head, itemId));
    await touchPlan(tx, planId, now);
    await ctx.audit(tx, {
      action: 'plan.item.update',
      outcome: 'success',
      targetType: 'plan_item',
      targetId: itemId,
      details: { planId, caseId: plan.caseId, fields: Object.keys(given) },
    });
    return presentItemById(ctx, tx, cipher, (await findPlan(tx, planId))!, head, itemId);
  });
}

export async function removeItem(ctx: Ctx, cipher: FieldCipher, planId: string, itemId: string, version: number | undefined, now = new Date()): Promise<void> {
  const { head } = await requirePlan(ctx, planId, 'case.update');
  refuseClosed(head);
  await ctx.db.transaction(async (tx) => {
    const plan = await editableDraft(tx, planId);
    const current = await findItem(tx, planId, itemId);
    if (!current) throw notFound();
    if (version !== undefined && current.version !== version) throw versionConflict('plan item', await presentItemById(ctx, tx, cipher, plan, head, itemId));
    await tx.delete(planItems).where(eq(planItems.id, itemId));
    await touchPlan(tx, planId, now);
    await ctx.audit(tx, {
      action: 'plan.item.delete',
      outcome: 'success',
      targetType: 'plan_item',
      targetId: itemId,
      details: { planId, caseId: plan.caseId, originItemId: current.originItemId },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Progress on the approved plan

export async function progress(ctx: Ctx, cipher: FieldCipher, planId: string, itemId: string, input: ItemProgress, now = new Date()): Promise<PlanItemOut> {
  const { head } = await requirePlan(ctx, planId, 'case.update');
  refuseClosed(head);
  return ctx.db.transaction(async (tx) => {
    const plan = (await findPlan(tx, planId))!;
    if (plan.status !== 'approved')
      throw conflict('Progress is recorded on the approved version of the plan.', 'plan_not_approved', { current: { id: plan.id, number: plan.number, status: plan.status } });
    const current = await findItem(tx, planId, itemId);
    if (!current) throw notFound();
    if (current.version !== input.version) throw versionConflict('plan item', await presentItemById(ctx, tx, cipher, plan, head, itemId));
    const from = current.status as ItemStatus;
    const allowed = allowedItemMoves(from);
    if (!allowed.includes(input.status)) throw conflict(`An item cannot move from ${from} to ${input.status}.`, 'transition_not_allowed', { allowed });
    if (outcomeRequiredFor.includes(input.status) && !input.outcome && !current.outcomeEnc)
      throw badRequest('Say what came of the item.', { outcome: 'required' });
    const [row] = await tx
      .update(planItems)
      .set({
        status: input.status,
        ...(input.outcome ? { outcomeEnc: cipher.encrypt(input.outcome) } : {}),
        version: sql`${planItems.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(planItems.id, itemId), eq(planItems.version, input.version)))
      .returning({ id: planItems.id });
    if (!row) throw versionConflict('plan item', await presentItemById(ctx, tx, cipher, plan, head, itemId));
    await ctx.audit(tx, {
      action: 'plan.item.progress',
      outcome: 'success',
      targetType: 'plan_item',
      targetId: itemId,
      details: { planId, caseId: plan.caseId, from, to: input.status },
    });
    return presentItemById(ctx, tx, cipher, plan, head, itemId);
  });
}
