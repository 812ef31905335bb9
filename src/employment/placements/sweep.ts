// Tasks for placement follow-ups that fall due. A scheduled follow-up (1, 3 and 6 months after
// the start) of a placement still running, on an open case, gets a follow-up task a week before
// its date (vocabulary.ts followUpLeadDays), assigned to the case's assignee: it counts in the
// worklist's next due date and priority, and recording the follow-up marks it done.
// Run hourly by the server, and for one case at once when its placement is recorded. Idempotent:
// a follow-up that has its task is never given another.
import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { appendAudit } from '../../audit/service.js';
import { refreshCase, todayInJakarta } from '../../cases/derived.js';
import type { FieldCipher } from '../../platform/crypto/fields.js';
import type { DbHandle } from '../../platform/db/client.js';
import { cases, caseTasks, placementFollowUps, placements } from '../../platform/db/schema.js';
import { addDays } from '../../reintegration/sustainability/schedule.js';
import { followUpLeadDays } from '../vocabulary.js';

/** Task texts: in Indonesian, as every text written for the field team; codes only, nothing personal. */
export const followUpTaskTitle = (month: number) => `Tindak lanjut penempatan kerja ${month} bulan`;
const followUpTaskDetails = (month: number) =>
  `Hubungi orang ini tentang pekerjaannya ${month} bulan setelah mulai bekerja (masih bekerja? kondisi sesuai janji? ada masalah?) dan catat hasilnya di tab Kerja kasus ini.`;

const isTx = (h: DbHandle) => 'rollback' in h;

/**
 * Creates the task of every scheduled follow-up due within the lead time (or already past its
 * date) of a placement that has not ended, on an open case, that has none yet. `caseId` limits it
 * to one case. Returns how many tasks it created.
 */
export async function createDueFollowUpTasks(db: DbHandle, cipher: FieldCipher, now = new Date(), options: { caseId?: string; batch?: number } = {}): Promise<number> {
  const until = addDays(todayInJakarta(now), followUpLeadDays);
  const batch = options.batch ?? 200;
  let created = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const due = await db
      .select({ id: placementFollowUps.id })
      .from(placementFollowUps)
      .innerJoin(placements, eq(placements.id, placementFollowUps.placementId))
      .innerJoin(cases, eq(cases.id, placementFollowUps.caseId))
      .where(
        and(
          eq(placementFollowUps.status, 'scheduled'),
          isNull(placementFollowUps.taskId),
          lte(placementFollowUps.dueOn, until),
          isNull(placements.endedOn),
          sql`${cases.stage} <> 'closed'`,
          gt(placementFollowUps.id, after),
          options.caseId ? eq(placementFollowUps.caseId, options.caseId) : undefined,
        ),
      )
      .orderBy(asc(placementFollowUps.id))
      .limit(batch);
    for (const { id } of due) {
      const made = isTx(db) ? await createTask(db, cipher, id, until, now) : await db.transaction((tx) => createTask(tx, cipher, id, until, now));
      if (made) created++;
    }
    if (due.length < batch) return created;
    after = due[due.length - 1]!.id;
  }
}

/** One follow-up's task, re-checked under a row lock so that two sweeps never both create one. */
async function createTask(tx: DbHandle, cipher: FieldCipher, followUpId: string, until: string, now: Date): Promise<boolean> {
  const [f] = await tx
    .select({ id: placementFollowUps.id, caseId: placementFollowUps.caseId, placementId: placementFollowUps.placementId, month: placementFollowUps.month, dueOn: placementFollowUps.dueOn, status: placementFollowUps.status, taskId: placementFollowUps.taskId })
    .from(placementFollowUps)
    .where(eq(placementFollowUps.id, followUpId))
    .for('update');
  if (!f || f.status !== 'scheduled' || f.taskId || f.dueOn > until) return false;
  const [c] = await tx.select({ organizationId: cases.organizationId, assignedToId: cases.assignedToId, stage: cases.stage }).from(cases).where(eq(cases.id, f.caseId));
  if (!c || c.stage === 'closed') return false;
  const [task] = await tx
    .insert(caseTasks)
    .values({
      caseId: f.caseId,
      kind: 'follow_up',
      titleEnc: cipher.encrypt(followUpTaskTitle(f.month)),
      detailsEnc: cipher.encrypt(followUpTaskDetails(f.month)),
      dueOn: f.dueOn,
      assigneeId: c.assignedToId,
      createdById: null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: caseTasks.id });
  await tx.update(placementFollowUps).set({ taskId: task!.id, updatedAt: now }).where(eq(placementFollowUps.id, f.id));
  await refreshCase(tx, f.caseId, todayInJakarta(now), now);
  await appendAudit(tx, {
    action: 'placement.follow_up.task_create',
    outcome: 'success',
    actorKind: 'system',
    organizationId: c.organizationId,
    targetType: 'case_task',
    targetId: task!.id,
    details: { caseId: f.caseId, placementId: f.placementId, month: f.month, dueOn: f.dueOn },
  });
  return true;
}
