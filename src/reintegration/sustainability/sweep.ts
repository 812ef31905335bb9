// Tasks for surveys that fall due. A scheduled survey of an open case gets a follow-up task a week
// before its due date (SURVEY_TASK_LEAD_DAYS): the survey is usually a home visit, and a week's
// notice lets the case worker plan the trip. The task is the case's follow-up like any other: it
// counts in the worklist's next due date and priority, and doing the survey marks it done.
// Run hourly by the server, and for one case at once when its arrival is recorded. Idempotent: a
// survey that has its task is never given another.
import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { appendAudit } from '../../audit/service.js';
import { refreshCase, todayInJakarta } from '../../cases/derived.js';
import type { FieldCipher } from '../../platform/crypto/fields.js';
import type { DbHandle } from '../../platform/db/client.js';
import { cases, caseTasks, sustainabilitySurveys } from '../../platform/db/schema.js';
import { addDays } from './schedule.js';

/** Days before its due date that a survey's task is created. */
export const SURVEY_TASK_LEAD_DAYS = 7;

let registered: FieldCipher | null = null;
/**
 * The field cipher for task titles when a caller does not pass one (the journey's arrival, which
 * calls recordArrival inside its own transaction). Set once when the routes are registered.
 */
export function useSurveyTaskCipher(cipher: FieldCipher) {
  registered = cipher;
}
export const surveyTaskCipher = (given?: FieldCipher) => given ?? registered;

/** The task's title: in Indonesian, as every text written for the field team. */
export const surveyTaskTitle = (months: number | null) => (months ? `Survei keberlanjutan ${months} bulan` : 'Survei keberlanjutan');
const surveyTaskDetails = (round: number | null, months: number | null) =>
  `Lakukan survei keberlanjutan reintegrasi${round ? ` ke-${round}` : ''}${months ? ` (${months} bulan setelah kedatangan)` : ''} dan catat jawabannya di tab Survei kasus ini.`;

const isTx = (h: DbHandle) => 'rollback' in h;

/**
 * Creates the follow-up task of every scheduled survey of an open case due within the lead time
 * (or already past due) that has none yet. `caseId` limits it to one case. Returns how many tasks
 * it created. Needs the field cipher: given, or registered with useSurveyTaskCipher.
 */
export async function createDueSurveyTasks(
  db: DbHandle,
  today: string = todayInJakarta(),
  options: { cipher?: FieldCipher; caseId?: string; batch?: number } = {},
): Promise<number> {
  const cipher = surveyTaskCipher(options.cipher);
  if (!cipher) throw new Error('createDueSurveyTasks: no field cipher');
  const until = addDays(today, SURVEY_TASK_LEAD_DAYS);
  const batch = options.batch ?? 200;
  let created = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const due = await db
      .select({ id: sustainabilitySurveys.id })
      .from(sustainabilitySurveys)
      .innerJoin(cases, eq(cases.id, sustainabilitySurveys.caseId))
      .where(
        and(
          eq(sustainabilitySurveys.status, 'scheduled'),
          isNull(sustainabilitySurveys.taskId),
          lte(sustainabilitySurveys.dueOn, until),
          sql`${cases.stage} <> 'closed'`,
          gt(sustainabilitySurveys.id, after),
          options.caseId ? eq(sustainabilitySurveys.caseId, options.caseId) : undefined,
        ),
      )
      .orderBy(asc(sustainabilitySurveys.id))
      .limit(batch);
    for (const { id } of due) {
      const made = isTx(db) ? await createTask(db, cipher, id, until) : await db.transaction((tx) => createTask(tx, cipher, id, until));
      if (made) created++;
    }
    if (due.length < batch) return created;
    after = due[due.length - 1]!.id;
  }
}

/** One survey's task, re-checked under a row lock so that two sweeps never both create one. */
async function createTask(tx: DbHandle, cipher: FieldCipher, surveyId: string, until: string): Promise<boolean> {
  const [s] = await tx
    .select({
      id: sustainabilitySurveys.id,
      caseId: sustainabilitySurveys.caseId,
      round: sustainabilitySurveys.round,
      months: sustainabilitySurveys.monthsAfterArrival,
      dueOn: sustainabilitySurveys.dueOn,
      status: sustainabilitySurveys.status,
      taskId: sustainabilitySurveys.taskId,
    })
    .from(sustainabilitySurveys)
    .where(eq(sustainabilitySurveys.id, surveyId))
    .for('update');
  if (!s || s.status !== 'scheduled' || s.taskId || !s.dueOn || s.dueOn > until) return false;
  const [c] = await tx.select({ organizationId: cases.organizationId, assignedToId: cases.assignedToId, stage: cases.stage }).from(cases).where(eq(cases.id, s.caseId));
  if (!c || c.stage === 'closed') return false;
  const [task] = await tx
    .insert(caseTasks)
    .values({
      caseId: s.caseId,
      kind: 'follow_up',
      titleEnc: cipher.encrypt(surveyTaskTitle(s.months)),
      detailsEnc: cipher.encrypt(surveyTaskDetails(s.round, s.months)),
      dueOn: s.dueOn,
      assigneeId: c.assignedToId,
      createdById: null,
    })
    .returning({ id: caseTasks.id });
  await tx.update(sustainabilitySurveys).set({ taskId: task!.id, updatedAt: new Date() }).where(eq(sustainabilitySurveys.id, s.id));
  await refreshCase(tx, s.caseId);
  await appendAudit(tx, {
    action: 'sustainability.survey.task_create',
    outcome: 'success',
    actorKind: 'system',
    organizationId: c.organizationId,
    targetType: 'case_task',
    targetId: task!.id,
    details: { caseId: s.caseId, surveyId: s.id, round: s.round, dueOn: s.dueOn },
  });
  return true;
}
