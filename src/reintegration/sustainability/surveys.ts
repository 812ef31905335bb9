// Sustainability surveys of a case: the arrival date they count from, the schedule with what is
// due and overdue, doing a survey (scored with the active model, answers encrypted, scores kept as
// numbers for trends and reports), marking one missed or cancelled, and one survey with its answers.
// Every call starts with requireCase: the surveys go with the case.
import { and, asc, eq, sql } from 'drizzle-orm';
import { requireCase } from '../../cases/access.js';
import { addCaseEvent } from '../../cases/dal.js';
import { refreshCase, todayInJakarta } from '../../cases/derived.js';
import { displayNames, refFrom, versionConflict } from '../../case-records/common.js';
import type { FieldCipher } from '../../platform/crypto/fields.js';
import type { DbHandle } from '../../platform/db/client.js';
import { cases, caseTasks, sustainabilityModels, sustainabilitySurveys } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/http/context.js';
import { badRequest, conflict, HttpError, notFound, type FieldErrors } from '../../platform/http/errors.js';
import { recordArrival, surveyMonthsOf } from './arrival.js';
import { dimensions } from './model.js';
import { activeModel, modelById } from './models.js';
import type { ArrivalPut, CaseSurveys, StoredScores, SurveyCreate, SurveyDetail, SurveyItem, SurveyStatus, SurveyUpdate } from './schema.js';
import { answerErrors, score } from './scoring.js';

const NO_CASE = '00000000-0000-0000-0000-000000000000';

type Row = typeof sustainabilitySurveys.$inferSelect & { modelCode: string | null; modelVersion: number | null };

const columns = { s: sustainabilitySurveys, modelCode: sustainabilityModels.code, modelVersion: sustainabilityModels.version };

async function rowsOf(db: DbHandle, where: ReturnType<typeof eq>): Promise<Row[]> {
  const rows = await db
    .select(columns)
    .from(sustainabilitySurveys)
    .leftJoin(sustainabilityModels, eq(sustainabilityModels.id, sustainabilitySurveys.modelId))
    .where(where)
    .orderBy(sql`coalesce(${sustainabilitySurveys.dueOn}, ${sustainabilitySurveys.conductedOn}) asc nulls last`, asc(sustainabilitySurveys.createdAt), asc(sustainabilitySurveys.id));
  return rows.map((r) => ({ ...r.s, modelCode: r.modelCode, modelVersion: r.modelVersion }));
}

async function present(db: DbHandle, rows: Row[], today = todayInJakarta()): Promise<SurveyItem[]> {
  const names = await displayNames(
    db,
    rows.map((r) => r.conductedById),
  );
  return rows.map((r) => ({
    id: r.id,
    round: r.round,
    monthsAfterArrival: r.monthsAfterArrival,
    dueOn: r.dueOn,
    status: r.status as SurveyStatus,
    overdue: r.status === 'scheduled' && r.dueOn !== null && r.dueOn < today,
    conductedOn: r.conductedOn,
    conductedBy: refFrom(names, r.conductedById),
    model: r.modelId && r.modelCode !== null && r.modelVersion !== null ? { id: r.modelId, code: r.modelCode, version: r.modelVersion } : null,
    scores: (r.scores as StoredScores | null) ?? null,
    taskId: r.taskId,
    version: r.version,
  }));
}

/**
 * Scores of the surveys done, per dimension and composite, oldest first. Two surveys done on the
 * same day keep the order they were recorded in (`recordedAt`: a done survey is never changed after).
 */
export function trendOf(items: SurveyItem[], recordedAt: ReadonlyMap<string, number> = new Map()): CaseSurveys['trend'] {
  const when = (s: SurveyItem) => recordedAt.get(s.id) ?? 0;
  const done = items
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.status === 'done' && s.scores && s.conductedOn)
    .sort((a, b) => (a.s.conductedOn! < b.s.conductedOn! ? -1 : a.s.conductedOn! > b.s.conductedOn! ? 1 : when(a.s) - when(b.s) || a.i - b.i))
    .map(({ s }) => s);
  const line = (k: 'economic' | 'social' | 'psychosocial' | 'composite') => done.map((s) => ({ on: s.conductedOn!, score: s.scores![k] }));
  return { economic: line('economic'), social: line('social'), psychosocial: line('psychosocial'), composite: line('composite') };
}

async function build(db: DbHandle, caseId: string): Promise<CaseSurveys> {
  const [c] = await db.select({ arrivedOn: cases.arrivedOn, organizationId: cases.organizationId }).from(cases).where(eq(cases.id, caseId));
  const rows = await rowsOf(db, eq(sustainabilitySurveys.caseId, caseId));
  const items = await present(db, rows);
  const recordedAt = new Map(rows.map((r) => [r.id, r.updatedAt.getTime()]));
  return { arrivedOn: c?.arrivedOn ?? null, months: await surveyMonthsOf(db, c!.organizationId), items, trend: trendOf(items, recordedAt) };
}

const caseClosed = () => conflict('This case is closed; reopen it first.', 'case_closed');
const notScheduled = () => conflict('This survey is no longer scheduled: it was done, missed or cancelled.', 'survey_not_scheduled');

export async function overview(ctx: Ctx, caseId: string): Promise<CaseSurveys> {
  await requireCase(ctx, caseId, 'case.read');
  const out = await build(ctx.db, caseId);
  await ctx.audit(ctx.db, { action: 'sustainability.surveys.read', outcome: 'success', targetType: 'case', targetId: caseId, details: { count: out.items.length } });
  return out;
}

/** Sets the arrival date by hand (someone already home) and (re)schedules the surveys from it. */
export async function setArrival(ctx: Ctx, cipher: FieldCipher, caseId: string, input: ArrivalPut): Promise<CaseSurveys> {
  const c = await requireCase(ctx, caseId, 'case.update');
  const me = ctx.who();
  if (c.stage === 'closed') throw caseClosed();
  if (input.arrivedOn > todayInJakarta()) throw badRequest('The arrival cannot be in the future.', { arrivedOn: 'in_future' });
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select({ version: cases.version, arrivedOn: cases.arrivedOn }).from(cases).where(eq(cases.id, caseId)).for('update');
    if (input.version !== undefined && cur!.version !== input.version) throw versionConflict('case', { version: cur!.version, arrivedOn: cur!.arrivedOn });
    await recordArrival(tx, caseId, input.arrivedOn, { cipher });
    await tx.update(cases).set({ version: sql`${cases.version} + 1` }).where(eq(cases.id, caseId));
    await addCaseEvent(tx, { caseId, kind: 'survey', reason: 'arrival', fromValue: cur!.arrivedOn, toValue: input.arrivedOn, byId: me.userId });
    await ctx.audit(tx, { action: 'case.arrival.set', outcome: 'success', targetType: 'case', targetId: caseId, details: { changed: cur!.arrivedOn !== null } });
    return build(tx, caseId);
  });
}

async function detailOf(db: DbHandle, cipher: FieldCipher, row: Row): Promise<SurveyDetail> {
  const [item] = await present(db, [row]);
  const answers = row.answersEnc ? (JSON.parse(cipher.decrypt(row.answersEnc)) as Record<string, string>) : null;
  let indicators: Record<string, number | null> | null = null;
  if (answers && row.modelId) {
    const m = await modelById(db, row.modelId);
    if (m && !Object.keys(answerErrors(m.definition, answers)).length) indicators = score(m.definition, answers).indicators;
  }
  return { ...item!, caseId: row.caseId, answers, indicators };
}

export async function conduct(ctx: Ctx, cipher: FieldCipher, caseId: string, input: SurveyCreate): Promise<SurveyDetail> {
  const c = await requireCase(ctx, caseId, 'case.update');
  const me = ctx.who();
  if (c.stage === 'closed') throw caseClosed();
  const today = todayInJakarta();
  return ctx.db.transaction(async (tx) => {
    const model = await activeModel(tx);
    if (!model) throw conflict('No scoring model is active; a system administrator must activate one.', 'no_active_model');
    const [{ arrivedOn }] = (await tx.select({ arrivedOn: cases.arrivedOn }).from(cases).where(eq(cases.id, caseId))) as [{ arrivedOn: string | null }];
    const fields: FieldErrors = {};
    if (input.conductedOn > today) fields.conductedOn = 'in_future';
    else if (arrivedOn && input.conductedOn < arrivedOn) fields.conductedOn = 'before_arrival';
    for (const [q, code] of Object.entries(answerErrors(model.definition, input.answers))) fields[`answers.${q}`] = code;
    if (Object.keys(fields).length) throw badRequest('Some survey fields are invalid.', fields);

    let scheduled: typeof sustainabilitySurveys.$inferSelect | undefined;
    if (input.surveyId) {
      [scheduled] = await tx
        .select()
        .from(sustainabilitySurveys)
        .where(and(eq(sustainabilitySurveys.id, input.surveyId), eq(sustainabilitySurveys.caseId, caseId)))
        .for('update');
      if (!scheduled) throw badRequest('Not a survey of this case.', { surveyId: 'not_found' });
      if (scheduled.status !== 'scheduled') throw notScheduled();
    }

    const s = score(model.definition, input.answers);
    const short = dimensions.filter((d) => s.dimensions[d] === null);
    if (short.length || s.composite === null)
      throw new HttpError(
        400,
        'too_few_answers',
        `Too few questions answered for a score in: ${short.join(', ')}.`,
        Object.fromEntries(short.map((d) => [`dimensions.${d}`, 'too_few_answers'])),
      );
    const scores: StoredScores = { economic: s.dimensions.economic!, social: s.dimensions.social!, psychosocial: s.dimensions.psychosocial!, composite: s.composite, answered: s.answered };
    const values = {
      status: 'done' as const,
      modelId: model.id,
      answersEnc: cipher.encrypt(JSON.stringify(input.answers)),
      scores,
      conductedOn: input.conductedOn,
      conductedById: me.userId,
      updatedAt: new Date(),
    };
    let id: string;
    if (scheduled) {
      await tx
        .update(sustainabilitySurveys)
        .set({ ...values, version: sql`${sustainabilitySurveys.version} + 1` })
        .where(eq(sustainabilitySurveys.id, scheduled.id));
      id = scheduled.id;
      if (scheduled.taskId)
        await tx
          .update(caseTasks)
          .set({ status: 'done', completedAt: new Date(), completedById: me.userId, version: sql`${caseTasks.version} + 1`, updatedAt: new Date() })
          .where(and(eq(caseTasks.id, scheduled.taskId), eq(caseTasks.status, 'open')));
    } else {
      const [row] = await tx.insert(sustainabilitySurveys).values({ caseId, ...values }).returning({ id: sustainabilitySurveys.id });
      id = row!.id;
    }
    await refreshCase(tx, caseId);
    await addCaseEvent(tx, { caseId, kind: 'survey', fromValue: scheduled ? 'scheduled' : null, toValue: 'done', byId: me.userId });
    await ctx.audit(tx, {
      action: 'sustainability.survey.conduct',
      outcome: 'success',
      targetType: 'sustainability_survey',
      targetId: id,
      details: { caseId, modelId: model.id, round: scheduled?.round ?? null, answered: s.answered },
    });
    const [row] = await rowsOf(tx, eq(sustainabilitySurveys.id, id));
    return detailOf(tx, cipher, row!);
  });
}

async function findSurveyCase(db: DbHandle, id: string) {
  const [s] = await db.select({ caseId: sustainabilitySurveys.caseId }).from(sustainabilitySurveys).where(eq(sustainabilitySurveys.id, id));
  return s?.caseId ?? null;
}

/** One survey with its answers (a read of personal data, audited). */
export async function read(ctx: Ctx, cipher: FieldCipher, id: string): Promise<SurveyDetail> {
  const caseId = await findSurveyCase(ctx.db, id);
  await requireCase(ctx, caseId ?? NO_CASE, 'case.read');
  if (!caseId) throw notFound();
  const [row] = await rowsOf(ctx.db, eq(sustainabilitySurveys.id, id));
  const out = await detailOf(ctx.db, cipher, row!);
  await ctx.audit(ctx.db, { action: 'sustainability.survey.read', outcome: 'success', targetType: 'sustainability_survey', targetId: id, details: { caseId } });
  return out;
}

/** A scheduled survey that will not be done: missed (the person could not be reached) or cancelled. */
export async function update(ctx: Ctx, cipher: FieldCipher, id: string, input: SurveyUpdate): Promise<SurveyDetail> {
  const caseId = await findSurveyCase(ctx.db, id);
  const c = await requireCase(ctx, caseId ?? NO_CASE, 'case.update');
  const me = ctx.who();
  if (!caseId) throw notFound();
  if (c.stage === 'closed') throw caseClosed();
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(sustainabilitySurveys).where(eq(sustainabilitySurveys.id, id)).for('update');
    if (cur!.version !== input.version) {
      const [row] = await rowsOf(tx, eq(sustainabilitySurveys.id, id));
      throw versionConflict('survey', (await present(tx, [row!]))[0]);
    }
    if (cur!.status !== 'scheduled') throw notScheduled();
    await tx
      .update(sustainabilitySurveys)
      .set({ status: input.status, version: sql`${sustainabilitySurveys.version} + 1`, updatedAt: new Date() })
      .where(eq(sustainabilitySurveys.id, id));
    if (cur!.taskId) {
      await tx
        .update(caseTasks)
        .set({ status: 'cancelled', version: sql`${caseTasks.version} + 1`, updatedAt: new Date() })
        .where(and(eq(caseTasks.id, cur!.taskId), eq(caseTasks.status, 'open')));
      await refreshCase(tx, caseId);
    }
    await addCaseEvent(tx, { caseId, kind: 'survey', fromValue: 'scheduled', toValue: input.status, noteEnc: cipher.encrypt(input.reason), byId: me.userId });
    await ctx.audit(tx, { action: 'sustainability.survey.update', outcome: 'success', targetType: 'sustainability_survey', targetId: id, details: { caseId, status: input.status } });
    const [row] = await rowsOf(tx, eq(sustainabilitySurveys.id, id));
    return detailOf(tx, cipher, row!);
  });
}
