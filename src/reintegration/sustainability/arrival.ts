// The day a person arrived: recorded by the return journey (or by hand for someone already home),
// and the start of the sustainability surveys' schedule.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { refreshCase, todayInJakarta } from '../../cases/derived.js';
import type { FieldCipher } from '../../platform/crypto/fields.js';
import type { DbHandle } from '../../platform/db/client.js';
import { cases, caseTasks, organizations, sustainabilitySurveys } from '../../platform/db/schema.js';
import { addDays, defaultSurveyMonths, surveySchedule } from './schedule.js';
import { createDueSurveyTasks, SURVEY_TASK_LEAD_DAYS, surveyTaskCipher } from './sweep.js';

/** The months after arrival at which the organisation's surveys fall due: its own, or the default. */
export async function surveyMonthsOf(db: DbHandle, organizationId: string): Promise<number[]> {
  const [o] = await db.select({ months: organizations.surveyMonths }).from(organizations).where(eq(organizations.id, organizationId));
  return o?.months?.length ? [...o.months].sort((a, b) => a - b) : [...defaultSurveyMonths];
}

/**
 * Records the arrival day of a case and (re)schedules its sustainability surveys from it, inside
 * the caller's transaction, with the months of the case's organisation. Surveys already done,
 * missed or cancelled stay as they are; scheduled ones move to the new dates (a survey is matched
 * by its months after arrival), new ones are added, and scheduled ones the schedule no longer has
 * are removed. An open task of a moved survey moves with it, or is cancelled when the survey is no
 * longer within the task lead time. Then the tasks of surveys already due are created at once
 * (an arrival recorded late). The caller has checked access and audits the change.
 *
 * `cipher` encrypts the task titles; without it the one registered by the routes is used, and
 * with neither the hourly sweep creates the tasks instead.
 */
export async function recordArrival(tx: DbHandle, caseId: string, arrivedOn: string, options: { cipher?: FieldCipher; today?: string } = {}): Promise<void> {
  const today = options.today ?? todayInJakarta();
  const [c] = await tx.select({ organizationId: cases.organizationId }).from(cases).where(eq(cases.id, caseId));
  if (!c) return;
  await tx.update(cases).set({ arrivedOn, updatedAt: sql`now()` }).where(eq(cases.id, caseId));
  const schedule = surveySchedule(arrivedOn, await surveyMonthsOf(tx, c.organizationId));
  const existing = await tx
    .select({ id: sustainabilitySurveys.id, months: sustainabilitySurveys.monthsAfterArrival, status: sustainabilitySurveys.status, taskId: sustainabilitySurveys.taskId })
    .from(sustainabilitySurveys)
    .where(and(eq(sustainabilitySurveys.caseId, caseId), sql`${sustainabilitySurveys.round} is not null`));
  const until = addDays(today, SURVEY_TASK_LEAD_DAYS);
  let tasksChanged = false;
  const cancelTask = async (taskId: string) => {
    await tx
      .update(caseTasks)
      .set({ status: 'cancelled', version: sql`${caseTasks.version} + 1`, updatedAt: new Date() })
      .where(and(eq(caseTasks.id, taskId), eq(caseTasks.status, 'open')));
    tasksChanged = true;
  };

  for (const due of schedule) {
    const same = existing.find((e) => e.months === due.monthsAfterArrival);
    if (!same) {
      await tx.insert(sustainabilitySurveys).values({ caseId, round: due.round, monthsAfterArrival: due.monthsAfterArrival, dueOn: due.dueOn, status: 'scheduled' });
      continue;
    }
    if (same.status !== 'scheduled') continue;
    let taskId = same.taskId;
    if (taskId) {
      if (due.dueOn > until) {
        await cancelTask(taskId);
        taskId = null;
      } else {
        await tx
          .update(caseTasks)
          .set({ dueOn: due.dueOn, version: sql`${caseTasks.version} + 1`, updatedAt: new Date() })
          .where(and(eq(caseTasks.id, taskId), eq(caseTasks.status, 'open')));
        tasksChanged = true;
      }
    }
    await tx
      .update(sustainabilitySurveys)
      .set({ round: due.round, dueOn: due.dueOn, taskId, version: sql`${sustainabilitySurveys.version} + 1`, updatedAt: new Date() })
      .where(eq(sustainabilitySurveys.id, same.id));
  }
  const dropped = existing.filter((e) => e.status === 'scheduled' && !schedule.some((d) => d.monthsAfterArrival === e.months));
  for (const d of dropped) if (d.taskId) await cancelTask(d.taskId);
  if (dropped.length)
    await tx.delete(sustainabilitySurveys).where(
      inArray(
        sustainabilitySurveys.id,
        dropped.map((d) => d.id),
      ),
    );
  if (tasksChanged) await refreshCase(tx, caseId, today);

  const cipher = surveyTaskCipher(options.cipher);
  if (cipher) await createDueSurveyTasks(tx, today, { cipher, caseId });
}
