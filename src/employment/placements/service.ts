// Placements and their follow-ups. The partner records the placement of a hired candidate (once):
// it schedules the follow-ups at 1, 3 and 6 months after the start, sets the skills profile's
// first income when it is empty or later, and completes the candidacy's referral (delivered).
// The case side records each follow-up; any problem, or conditions not as promised, alerts the
// case worker (a follow-up task due today for the case's assignee, and a case event). Either side
// records the end of a placement; a dismissal alerts the case worker too.
// Every write runs in one transaction with its history entry and audit entry.
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { requireCase } from '../../cases/access.js';
import { addCaseEvent } from '../../cases/dal.js';
import { refreshCase, todayInJakarta } from '../../cases/derived.js';
import { versionConflict } from '../../case-records/common.js';
import { can } from '../../policy/policy.js';
import type { FieldCipher } from '../../platform/crypto/fields.js';
import type { DbHandle } from '../../platform/db/client.js';
import { candidacies, cases, caseTasks, placementFollowUps, placements, skillsProfiles } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/http/context.js';
import { badRequest, conflict, notFound, type FieldErrors } from '../../platform/http/errors.js';
import { addDays, addMonths } from '../../reintegration/sustainability/schedule.js';
import { caseTargetOf, requireCandidacy, type CandidacySide } from '../candidacies/access.js';
import { findCandidacyHead, moveReferral } from '../candidacies/dal.js';
import type { CandidacyOut } from '../candidacies/schema.js';
import { fullView } from '../candidacies/service.js';
import { placementReferralStep } from '../candidacies/vocabulary.js';
import { requirePartnerReady } from '../partners/gate.js';
import { followUpLeadDays, followUpMonths } from '../vocabulary.js';
import { followUpAlerts } from '../candidacies/present.js';
import type { FollowUpRecord, PlacementCreate, PlacementEndInput } from './schema.js';
import { createDueFollowUpTasks } from './sweep.js';

/** The alert task: in Indonesian, for the field team; codes only, nothing personal. */
export const workProblemTaskTitle = 'Masalah di tempat kerja dilaporkan';
const workProblemTaskDetails = (what: 'follow_up' | 'dismissed', month: number | null) =>
  what === 'follow_up'
    ? `Tindak lanjut penempatan kerja ${month} bulan melaporkan masalah. Hubungi orang ini segera, periksa keselamatannya, dan pertimbangkan rujukan atau pengaduan.`
    : 'Penempatan kerja berakhir karena diberhentikan. Hubungi orang ini segera dan periksa apakah ada masalah di tempat kerja.';

/** How far ahead a placement may start. */
const maxStartAheadDays = 366;

// ---------------------------------------------------------------------------------------------
// Recording the placement (the partner)

export async function record(ctx: Ctx, cipher: FieldCipher, candidacyId: string, input: PlacementCreate, now = new Date()): Promise<CandidacyOut> {
  await requireCandidacy(ctx, candidacyId, { partner: 'candidacy.respond' });
  const me = ctx.who();
  const today = todayInJakarta(now);
  await ctx.db.transaction(async (tx) => {
    const h = (await findCandidacyHead(tx, candidacyId, true))!;
    const c = h.row;
    if (c.status !== 'hired') throw conflict('A placement is recorded for a hired candidate.', 'not_hired');
    const [existing] = await tx.select({ id: placements.id }).from(placements).where(eq(placements.candidacyId, candidacyId));
    if (existing) throw conflict('The placement of this candidacy is already recorded.', 'placement_exists');
    if (input.startOn > addDays(today, maxStartAheadDays)) throw badRequest('The start is too far ahead.', { startOn: 'out_of_range' });

    const [p] = await tx
      .insert(placements)
      .values({
        candidacyId,
        caseId: c.caseId,
        openingId: c.openingId,
        organizationId: c.partnerOrganizationId,
        startOn: input.startOn,
        monthlyWageIdr: input.monthlyWageIdr ?? null,
        contractType: input.contractType ?? null,
        recordedById: me.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: placements.id });
    await tx.insert(placementFollowUps).values(
      followUpMonths.map((month) => ({ placementId: p.id, caseId: c.caseId, month, dueOn: addMonths(input.startOn, month), createdAt: now, updatedAt: now })),
    );
    // The first income after return, for the reports: the earliest start.
    await tx
      .update(skillsProfiles)
      .set({ incomeSince: input.startOn, updatedAt: now })
      .where(and(eq(skillsProfiles.caseId, c.caseId), sql`(${skillsProfiles.incomeSince} is null or ${skillsProfiles.incomeSince} > ${input.startOn})`));
    await tx.update(candidacies).set({ version: sql`${candidacies.version} + 1`, updatedAt: now }).where(eq(candidacies.id, candidacyId));
    if (h.referralStatus === 'in_progress')
      await moveReferral(tx, { id: c.referralId, status: h.referralStatus, answeredAt: h.referralAnsweredAt }, placementReferralStep, me, now);
    await addCaseEvent(tx, { caseId: c.caseId, kind: 'employment', fromValue: null, toValue: 'placement_started', byId: me.userId });
    await ctx.audit(tx, {
      action: 'placement.create',
      outcome: 'success',
      targetType: 'placement',
      targetId: p.id,
      details: { caseId: c.caseId, candidacyId, openingId: c.openingId, startOn: input.startOn, contractType: input.contractType ?? null },
    });
    // A start in the past may bring a follow-up within its week already.
    await createDueFollowUpTasks(tx, cipher, now, { caseId: c.caseId });
  });
  return (await fullView(ctx, ctx.db, cipher, candidacyId, 'partner')).out;
}

// ---------------------------------------------------------------------------------------------
// Follow-ups (the case side)

async function findPlacement(db: DbHandle, id: string, forUpdate = false) {
  const q = db.select().from(placements).where(eq(placements.id, id));
  const [p] = forUpdate ? await q.for('update') : await q;
  return p ?? null;
}

/** A placement unknown to the caller answers like one out of reach: audited, 404. */
async function unknownPlacement(ctx: Ctx, id: string): Promise<never> {
  await ctx.audit(ctx.db, { action: 'permission.denied', outcome: 'denied', targetType: 'placement', targetId: id, details: {} });
  throw notFound();
}

/** A follow-up task due today for the case's assignee, when the placement's news is bad. */
async function alertCaseWorker(tx: DbHandle, cipher: FieldCipher, caseId: string, what: 'follow_up' | 'dismissed', month: number | null, byId: string, now: Date) {
  const [c] = await tx.select({ assignedToId: cases.assignedToId }).from(cases).where(eq(cases.id, caseId));
  const [task] = await tx
    .insert(caseTasks)
    .values({
      caseId,
      kind: 'follow_up',
      titleEnc: cipher.encrypt(workProblemTaskTitle),
      detailsEnc: cipher.encrypt(workProblemTaskDetails(what, month)),
      dueOn: todayInJakarta(now),
      assigneeId: c?.assignedToId ?? null,
      createdById: byId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: caseTasks.id });
  await addCaseEvent(tx, { caseId, kind: 'employment', fromValue: null, toValue: 'work_problem', reason: month !== null ? String(month) : what, byId });
  return task!.id;
}

export async function recordFollowUp(ctx: Ctx, cipher: FieldCipher, placementId: string, month: number, input: FollowUpRecord, now = new Date()): Promise<CandidacyOut> {
  const found = await findPlacement(ctx.db, placementId);
  if (!found) return unknownPlacement(ctx, placementId);
  await requireCase(ctx, found.caseId, 'case.update');
  const me = ctx.who();
  const today = todayInJakarta(now);
  await ctx.db.transaction(async (tx) => {
    const p = (await findPlacement(tx, placementId))!;
    const [f] = await tx
      .select()
      .from(placementFollowUps)
      .where(and(eq(placementFollowUps.placementId, placementId), eq(placementFollowUps.month, month)))
      .for('update');
    if (!f) throw notFound();
    if (f.version !== input.version) throw versionConflict('follow-up', (await fullView(ctx, tx, cipher, p.candidacyId, 'sender', now)).out);
    if (f.status === 'done') throw conflict('This follow-up is already recorded.', 'follow_up_recorded');
    if (f.status !== 'scheduled') throw conflict('This follow-up was cancelled: the placement ended before it fell due.', 'follow_up_cancelled');
    if (today < addDays(f.dueOn, -followUpLeadDays)) throw conflict(`This follow-up falls due on ${f.dueOn}; it can be recorded from a week before.`, 'follow_up_not_due');
    const fields: FieldErrors = {};
    if (input.conductedOn > today) fields.conductedOn = 'in_future';
    else if (input.conductedOn < p.startOn) fields.conductedOn = 'before_start';
    if (Object.keys(fields).length) throw badRequest('Some fields of the follow-up are invalid.', fields);

    await tx
      .update(placementFollowUps)
      .set({
        status: 'done',
        stillEmployed: input.stillEmployed,
        conditionsAsPromised: input.conditionsAsPromised,
        problems: input.problems,
        noteEnc: input.note ? cipher.encrypt(input.note) : null,
        conductedOn: input.conductedOn,
        conductedById: me.userId,
        version: sql`${placementFollowUps.version} + 1`,
        updatedAt: now,
      })
      .where(eq(placementFollowUps.id, f.id));
    if (f.taskId)
      await tx
        .update(caseTasks)
        .set({ status: 'done', completedAt: now, completedById: me.userId, version: sql`${caseTasks.version} + 1`, updatedAt: now })
        .where(and(eq(caseTasks.id, f.taskId), eq(caseTasks.status, 'open')));
    await addCaseEvent(tx, { caseId: p.caseId, kind: 'employment', fromValue: null, toValue: 'follow_up_recorded', reason: String(month), byId: me.userId });
    const alert = followUpAlerts({ status: 'done', problems: input.problems, conditionsAsPromised: input.conditionsAsPromised });
    const alertTaskId = alert ? await alertCaseWorker(tx, cipher, p.caseId, 'follow_up', month, me.userId, now) : null;
    await refreshCase(tx, p.caseId, today, now);
    await ctx.audit(tx, {
      action: 'placement.follow_up.record',
      outcome: 'success',
      targetType: 'placement',
      targetId: placementId,
      details: { caseId: p.caseId, month, stillEmployed: input.stillEmployed, conditionsAsPromised: input.conditionsAsPromised, problems: input.problems, alertTaskId },
    });
  });
  return (await fullView(ctx, ctx.db, cipher, found.candidacyId, 'sender', now)).out;
}

// ---------------------------------------------------------------------------------------------
// The end of a placement (either side)

export async function end(ctx: Ctx, cipher: FieldCipher, placementId: string, input: PlacementEndInput, now = new Date()): Promise<CandidacyOut> {
  const found = await findPlacement(ctx.db, placementId);
  if (!found) return unknownPlacement(ctx, placementId);
  const head = (await findCandidacyHead(ctx.db, found.candidacyId))!;
  const me = ctx.who();
  // The case side (case.update on the case), or the partner that recorded it (candidacy.respond).
  let side: CandidacySide;
  if (can(me, 'case.update', caseTargetOf(head))) side = 'sender';
  else if (can(me, 'candidacy.respond', { organizationId: found.organizationId })) {
    side = 'partner';
    await requirePartnerReady(ctx);
  } else {
    // Those who see the candidacy but may not end the placement hear 403; everyone else 404.
    await requireCandidacy(ctx, found.candidacyId, { sender: 'case.update', partner: 'candidacy.respond' });
    throw notFound();
  }
  const today = todayInJakarta(now);
  await ctx.db.transaction(async (tx) => {
    const p = (await findPlacement(tx, placementId, true))!;
    if (p.version !== input.version) throw versionConflict('placement', (await fullView(ctx, tx, cipher, p.candidacyId, side, now)).out);
    if (p.endedOn) throw conflict('This placement has already ended.', 'placement_ended');
    const fields: FieldErrors = {};
    if (input.endedOn > today) fields.endedOn = 'in_future';
    else if (input.endedOn < p.startOn) fields.endedOn = 'before_start';
    if (Object.keys(fields).length) throw badRequest('Some fields of the end are invalid.', fields);
    await tx
      .update(placements)
      .set({ endedOn: input.endedOn, endReason: input.reason, version: sql`${placements.version} + 1`, updatedAt: now })
      .where(eq(placements.id, placementId));
    // Follow-ups falling after the end are cancelled, with their tasks.
    const dropped = await tx
      .update(placementFollowUps)
      .set({ status: 'cancelled', version: sql`${placementFollowUps.version} + 1`, updatedAt: now })
      .where(and(eq(placementFollowUps.placementId, placementId), eq(placementFollowUps.status, 'scheduled'), gt(placementFollowUps.dueOn, input.endedOn)))
      .returning({ taskId: placementFollowUps.taskId });
    const taskIds = dropped.map((d) => d.taskId).filter((x): x is string => !!x);
    if (taskIds.length)
      await tx
        .update(caseTasks)
        .set({ status: 'cancelled', version: sql`${caseTasks.version} + 1`, updatedAt: now })
        .where(and(inArray(caseTasks.id, taskIds), eq(caseTasks.status, 'open')));
    await tx.update(candidacies).set({ version: sql`${candidacies.version} + 1`, updatedAt: now }).where(eq(candidacies.id, p.candidacyId));
    await addCaseEvent(tx, { caseId: p.caseId, kind: 'employment', fromValue: null, toValue: 'placement_ended', reason: input.reason, byId: me.userId });
    const alertTaskId = input.reason === 'dismissed' ? await alertCaseWorker(tx, cipher, p.caseId, 'dismissed', null, me.userId, now) : null;
    await refreshCase(tx, p.caseId, today, now);
    await ctx.audit(tx, {
      action: 'placement.end',
      outcome: 'success',
      targetType: 'placement',
      targetId: placementId,
      details: { caseId: p.caseId, side, endedOn: input.endedOn, reason: input.reason, cancelledFollowUps: dropped.length, alertTaskId },
    });
  });
  return (await fullView(ctx, ctx.db, cipher, found.candidacyId, side, now)).out;
}
