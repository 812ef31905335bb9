// The legal track of a case: one per case, created with what is known (the police report, the
// investigating agency, the stage it has reached, restitution, witness and victim protection),
// details changed with a version, and steps recorded as events that move the stage along the
// allowed table (vocabulary.ts). Every change sets last_update_at, from which a track with no news
// for 60 days is flagged as stalled; the stalled list is for those who hold the cases. Every call
// starts with requireCase (or, for the list, the caller's case.read reach); every write runs in one
// transaction with its case history entry and audit entry, and writes nothing on any error.
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { requireCase, visibleCases } from '../cases/access.js';
import { addCaseEvent } from '../cases/dal.js';
import { todayInJakarta } from '../cases/derived.js';
import { decOpt, displayNames, encOpt, refFrom, versionConflict } from '../case-records/common.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { DbHandle } from '../platform/db/client.js';
import { isUniqueViolation } from '../platform/db/errors.js';
import { cases, legalEvents, legalTracks, users } from '../platform/db/schema.js';
import type { Ctx } from '../platform/http/context.js';
import { badRequest, conflict, HttpError, notFound, type FieldErrors } from '../platform/http/errors.js';
import type { LegalEventCreate, LegalTrackCreate, LegalTrackOut, LegalTrackUpdate, StalledList } from './schema.js';
import {
  allowedStageMoves,
  canAwardRestitution,
  daysSince,
  isStalled,
  STALLED_AFTER_DAYS,
  type InvestigatingAgency,
  type LegalStage,
  type ProtectionStatus,
} from './vocabulary.js';

type TrackRow = typeof legalTracks.$inferSelect;

async function present(db: DbHandle, cipher: FieldCipher, t: TrackRow, now = new Date()): Promise<LegalTrackOut> {
  const events = await db
    .select()
    .from(legalEvents)
    .where(eq(legalEvents.trackId, t.id))
    .orderBy(asc(legalEvents.happenedOn), asc(legalEvents.at), asc(legalEvents.id));
  const names = await displayNames(db, [t.createdById, ...events.map((e) => e.byId)]);
  const stage = t.stage as LegalStage;
  return {
    id: t.id,
    caseId: t.caseId,
    policeReportNumber: decOpt(cipher, t.policeReportNumberEnc),
    policeReportedOn: t.policeReportedOn,
    investigatingAgency: t.investigatingAgency as InvestigatingAgency | null,
    investigatingUnit: t.investigatingUnit,
    stage,
    allowedStages: [...allowedStageMoves(stage)],
    restitutionClaimedIdr: t.restitutionClaimedIdr,
    restitutionAwardedIdr: t.restitutionAwardedIdr,
    protectionStatus: t.protectionStatus as ProtectionStatus,
    protectionNote: decOpt(cipher, t.protectionNoteEnc),
    lastUpdateAt: t.lastUpdateAt,
    daysSinceUpdate: daysSince(t.lastUpdateAt, now),
    stalled: isStalled(stage, t.lastUpdateAt, now),
    createdBy: refFrom(names, t.createdById),
    events: events.map((e) => ({
      id: String(e.id),
      kind: e.kind as 'stage' | 'update',
      fromStage: e.fromStage as LegalStage | null,
      toStage: e.toStage as LegalStage | null,
      happenedOn: e.happenedOn,
      note: decOpt(cipher, e.noteEnc),
      by: refFrom(names, e.byId),
      at: e.at,
    })),
    version: t.version,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

const trackOf = async (db: DbHandle, caseId: string, lock = false) => {
  const q = db.select().from(legalTracks).where(eq(legalTracks.caseId, caseId));
  const [t] = lock ? await q.for('update') : await q;
  return t ?? null;
};

const caseClosed = () => conflict('This case is closed; reopen it first.', 'case_closed');

/** The checks the details share on create and change; `stage` is the stage the track will be at. */
function checkDetails(input: { policeReportedOn?: string | null; restitutionAwardedIdr?: number | null }, stage: LegalStage, fields: FieldErrors) {
  if (input.policeReportedOn && input.policeReportedOn > todayInJakarta()) fields.policeReportedOn = 'in_future';
  if (input.restitutionAwardedIdr !== undefined && input.restitutionAwardedIdr !== null && !canAwardRestitution(stage)) fields.restitutionAwardedIdr = 'not_allowed';
}

export async function read(ctx: Ctx, cipher: FieldCipher, caseId: string): Promise<LegalTrackOut | null> {
  await requireCase(ctx, caseId, 'case.read');
  const t = await trackOf(ctx.db, caseId);
  await ctx.audit(ctx.db, { action: 'legal.track.read', outcome: 'success', targetType: 'case', targetId: caseId, details: { exists: !!t } });
  return t ? present(ctx.db, cipher, t) : null;
}

export async function create(ctx: Ctx, cipher: FieldCipher, caseId: string, input: LegalTrackCreate): Promise<LegalTrackOut> {
  const c = await requireCase(ctx, caseId, 'case.update');
  const me = ctx.who();
  if (c.stage === 'closed') throw caseClosed();
  const fields: FieldErrors = {};
  checkDetails(input, input.stage, fields);
  if (Object.keys(fields).length) throw badRequest('Some legal track fields are invalid.', fields);
  const exists = () => conflict('This case already has a legal track; change it instead.', 'legal_track_exists');
  return ctx.db.transaction(async (tx) => {
    if (await trackOf(tx, caseId)) throw exists();
    let row: TrackRow;
    try {
      [row] = (await tx
        .insert(legalTracks)
        .values({
          caseId,
          policeReportNumberEnc: encOpt(cipher, input.policeReportNumber),
          policeReportedOn: input.policeReportedOn ?? null,
          investigatingAgency: input.investigatingAgency ?? null,
          investigatingUnit: input.investigatingUnit ?? null,
          stage: input.stage,
          restitutionClaimedIdr: input.restitutionClaimedIdr ?? null,
          restitutionAwardedIdr: input.restitutionAwardedIdr ?? null,
          protectionStatus: input.protectionStatus ?? 'none',
          protectionNoteEnc: encOpt(cipher, input.protectionNote),
          createdById: me.userId,
        })
        .returning()) as [TrackRow];
    } catch (e) {
      if (isUniqueViolation(e)) throw exists();
      throw e;
    }
    const happenedOn = input.stage === 'reported' && input.policeReportedOn ? input.policeReportedOn : todayInJakarta();
    await tx.insert(legalEvents).values({ trackId: row.id, kind: 'stage', fromStage: null, toStage: input.stage, happenedOn, byId: me.userId });
    await addCaseEvent(tx, { caseId, kind: 'legal', fromValue: null, toValue: input.stage, reason: 'created', byId: me.userId });
    await ctx.audit(tx, {
      action: 'legal.track.create',
      outcome: 'success',
      targetType: 'legal_track',
      targetId: row.id,
      details: { caseId, stage: input.stage, investigatingAgency: input.investigatingAgency ?? null, protectionStatus: row.protectionStatus },
    });
    return present(tx, cipher, row);
  });
}

export async function update(ctx: Ctx, cipher: FieldCipher, caseId: string, input: LegalTrackUpdate): Promise<LegalTrackOut> {
  const c = await requireCase(ctx, caseId, 'case.update');
  const me = ctx.who();
  if (c.stage === 'closed') throw caseClosed();
  return ctx.db.transaction(async (tx) => {
    const cur = await trackOf(tx, caseId, true);
    if (!cur) throw notFound('This case has no legal track yet.');
    if (cur.version !== input.version) throw versionConflict('legal track', await present(tx, cipher, cur));
    const fields: FieldErrors = {};
    checkDetails(input, cur.stage as LegalStage, fields);
    if (Object.keys(fields).length) throw badRequest('Some legal track fields are invalid.', fields);
    const set: Partial<typeof legalTracks.$inferInsert> = {};
    if (input.policeReportNumber !== undefined) set.policeReportNumberEnc = encOpt(cipher, input.policeReportNumber);
    if (input.policeReportedOn !== undefined) set.policeReportedOn = input.policeReportedOn;
    if (input.investigatingAgency !== undefined) set.investigatingAgency = input.investigatingAgency;
    if (input.investigatingUnit !== undefined) set.investigatingUnit = input.investigatingUnit;
    if (input.restitutionClaimedIdr !== undefined) set.restitutionClaimedIdr = input.restitutionClaimedIdr;
    if (input.restitutionAwardedIdr !== undefined) set.restitutionAwardedIdr = input.restitutionAwardedIdr;
    if (input.protectionStatus !== undefined) set.protectionStatus = input.protectionStatus;
    if (input.protectionNote !== undefined) set.protectionNoteEnc = encOpt(cipher, input.protectionNote);
    const now = new Date();
    const [row] = (await tx
      .update(legalTracks)
      .set({ ...set, lastUpdateAt: now, updatedAt: now, version: sql`${legalTracks.version} + 1` })
      .where(and(eq(legalTracks.id, cur.id), eq(legalTracks.version, input.version)))
      .returning()) as [TrackRow];
    const { version: _v, ...changed } = input;
    const changedFields = Object.entries(changed)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k);
    await addCaseEvent(tx, { caseId, kind: 'legal', fromValue: cur.stage, toValue: cur.stage, reason: 'details', byId: me.userId });
    await ctx.audit(tx, { action: 'legal.track.update', outcome: 'success', targetType: 'legal_track', targetId: cur.id, details: { caseId, fields: changedFields } });
    return present(tx, cipher, row);
  });
}

export async function addEvent(ctx: Ctx, cipher: FieldCipher, caseId: string, input: LegalEventCreate): Promise<LegalTrackOut> {
  const c = await requireCase(ctx, caseId, 'case.update');
  const me = ctx.who();
  if (c.stage === 'closed') throw caseClosed();
  const fields: FieldErrors = {};
  if (input.happenedOn > todayInJakarta()) fields.happenedOn = 'in_future';
  if (input.kind === 'stage' && !input.toStage) fields.toStage = 'required';
  if (input.kind === 'update' && input.toStage) fields.toStage = 'not_allowed';
  if (input.kind === 'update' && !input.note) fields.note = 'required';
  if (Object.keys(fields).length) throw badRequest('Some fields of the legal step are invalid.', fields);
  return ctx.db.transaction(async (tx) => {
    const cur = await trackOf(tx, caseId, true);
    if (!cur) throw notFound('This case has no legal track yet.');
    const from = cur.stage as LegalStage;
    const to = input.kind === 'stage' ? input.toStage! : from;
    if (input.kind === 'stage') {
      const allowed = allowedStageMoves(from);
      if (!allowed.includes(to))
        throw new HttpError(409, 'transition_not_allowed', `The legal track cannot move from ${from} to ${to}.`, undefined, { allowed: [...allowed] });
    }
    const now = new Date();
    await tx.insert(legalEvents).values({
      trackId: cur.id,
      kind: input.kind,
      fromStage: input.kind === 'stage' ? from : null,
      toStage: input.kind === 'stage' ? to : null,
      happenedOn: input.happenedOn,
      noteEnc: encOpt(cipher, input.note),
      byId: me.userId,
    });
    const [row] = (await tx
      .update(legalTracks)
      .set({ stage: to, lastUpdateAt: now, updatedAt: now, version: sql`${legalTracks.version} + 1` })
      .where(eq(legalTracks.id, cur.id))
      .returning()) as [TrackRow];
    await addCaseEvent(tx, { caseId, kind: 'legal', fromValue: from, toValue: to, reason: input.kind, byId: me.userId });
    await ctx.audit(tx, {
      action: 'legal.event.create',
      outcome: 'success',
      targetType: 'legal_track',
      targetId: cur.id,
      details: { caseId, kind: input.kind, fromStage: from, toStage: to },
    });
    return present(tx, cipher, row);
  });
}

/**
 * Tracks with no update for 60 days, not closed, of the open cases the caller may read, the
 * longest silent first. A closed case drops out: nobody works on it any more.
 */
export async function stalled(ctx: Ctx, q: { limit: number; offset: number }, now = new Date()): Promise<StalledList> {
  const reach = await ctx.reach('case.read');
  const cutoff = new Date(now.getTime() - STALLED_AFTER_DAYS * 86_400_000);
  const where = and(
    visibleCases(ctx, reach),
    sql`${legalTracks.stage} <> 'closed'`,
    sql`${cases.stage} <> 'closed'`,
    sql`${legalTracks.lastUpdateAt} <= ${cutoff.toISOString()}::timestamptz`,
  );
  const rows = await ctx.db
    .select({
      caseId: cases.id,
      caseReference: cases.reference,
      stage: legalTracks.stage,
      lastUpdateAt: legalTracks.lastUpdateAt,
      assignedToId: cases.assignedToId,
      assignedToName: users.displayName,
    })
    .from(legalTracks)
    .innerJoin(cases, eq(cases.id, legalTracks.caseId))
    .leftJoin(users, eq(users.id, cases.assignedToId))
    .where(where)
    .orderBy(asc(legalTracks.lastUpdateAt), asc(legalTracks.id))
    .limit(q.limit)
    .offset(q.offset);
  const [{ n }] = (await ctx.db
    .select({ n: count() })
    .from(legalTracks)
    .innerJoin(cases, eq(cases.id, legalTracks.caseId))
    .where(where)) as [{ n: number }];
  await ctx.audit(ctx.db, { action: 'legal.stalled.list', outcome: 'success', details: { count: rows.length } });
  return {
    items: rows.map((r) => ({
      caseId: r.caseId,
      caseReference: r.caseReference,
      stage: r.stage as LegalStage,
      lastUpdateAt: r.lastUpdateAt,
      daysSinceUpdate: daysSince(r.lastUpdateAt, now),
      assignedTo: r.assignedToId ? { id: r.assignedToId, displayName: r.assignedToName ?? '' } : null,
    })),
    total: n,
  };
}
