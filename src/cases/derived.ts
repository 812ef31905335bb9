// What is derived from a case and its parts and kept on the case row so that worklists sort and
// filter by index: the child flag (from the person's birth), the next due date and the number of
// overdue tasks, the last contact, and the priority with its reasons. Recomputed in the same
// transaction as any change to a case, its person, its tasks or its contact notes.
import { and, eq, lt, max, min, sql } from 'drizzle-orm';
import type { DbHandle } from '../platform/db/client.js';
import { caseNotes, cases, caseTasks, persons } from '../platform/db/schema.js';
import { computePriority, isChild, type BirthDate, type CaseFlag, type CaseType, type RiskLevel } from './priority.js';

/** Today's calendar date in Indonesia's western time zone, where due dates and ages are judged. */
export function todayInJakarta(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A person's birth as stored, or null when nothing is known. */
export function birthOf(p: {
  birthKind: string | null;
  birthDate: string | null;
  birthYear: number | null;
  birthAge: number | null;
  birthAgeStatedOn: string | null;
}): BirthDate | null {
  if (p.birthKind === 'exact' && p.birthDate) return { kind: 'exact', date: p.birthDate };
  if (p.birthKind === 'estimated_age' && p.birthAge !== null && p.birthAgeStatedOn)
    return { kind: 'estimated_age', age: p.birthAge, statedOn: p.birthAgeStatedOn };
  if (p.birthYear !== null) return { kind: 'estimated_year', year: p.birthYear };
  return null;
}

const daysBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / 86_400_000);

export async function refreshCase(tx: DbHandle, caseId: string, today = todayInJakarta(), now = new Date()): Promise<void> {
  const [c] = await tx
    .select({
      riskLevel: cases.riskLevel,
      flags: cases.flags,
      caseType: cases.caseType,
      openedAt: cases.openedAt,
      birthKind: persons.birthKind,
      birthDate: persons.birthDate,
      birthYear: persons.birthYear,
      birthAge: persons.birthAge,
      birthAgeStatedOn: persons.birthAgeStatedOn,
      homeProvinceCode: persons.homeProvinceCode,
    })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(eq(cases.id, caseId));
  if (!c) return;

  const birth = birthOf(c);
  const child = birth ? isChild(birth, today) : false;
  const flags = [...new Set(c.flags.filter((f) => f !== 'child').concat(child ? ['child'] : []))] as CaseFlag[];

  const open = and(eq(caseTasks.caseId, caseId), eq(caseTasks.status, 'open'));
  const [tasks] = await tx
    .select({ next: min(caseTasks.dueOn), overdue: sql<number>`count(*) filter (where ${lt(caseTasks.dueOn, today)})`.mapWith(Number) })
    .from(caseTasks)
    .where(open);
  const [contact] = await tx.select({ last: max(caseNotes.contactAt) }).from(caseNotes).where(eq(caseNotes.caseId, caseId));
  const lastContact = contact?.last ? new Date(contact.last) : null;
  // With no contact recorded, silence counts from the day the case was opened.
  const since = lastContact ?? c.openedAt;

  const priority = computePriority({
    riskLevel: c.riskLevel as RiskLevel,
    flags,
    caseType: c.caseType as CaseType,
    overdueTasks: tasks?.overdue ?? 0,
    daysSinceLastContact: daysBetween(since, now),
  });
  await tx
    .update(cases)
    .set({
      flags,
      nextDueOn: tasks?.next ?? null,
      lastContactAt: lastContact,
      provinceCode: c.homeProvinceCode,
      priorityScore: priority.score,
      priorityBand: priority.band,
      priorityReasons: priority.reasons,
    })
    .where(eq(cases.id, caseId));
}

/** After a change to a person (birth, home village, a merge): every case of theirs. */
export async function refreshCasesOfPerson(tx: DbHandle, personId: string, today = todayInJakarta()): Promise<void> {
  const rows = await tx.select({ id: cases.id }).from(cases).where(eq(cases.personId, personId));
  for (const r of rows) await refreshCase(tx, r.id, today);
}

/**
 * Time moves priorities (a task falls overdue, a contact grows old, a child turns 18) without any
 * write. This recomputes the open cases whose derived fields may have changed; run daily (and at
 * start-up) by the server. Returns how many cases it refreshed.
 */
export async function refreshOpenCases(db: DbHandle, batch = 500, today = todayInJakarta()): Promise<number> {
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select({ id: cases.id })
      .from(cases)
      .where(and(sql`${cases.stage} <> 'closed'`, sql`${cases.id} > ${after}`))
      .orderBy(cases.id)
      .limit(batch);
    if (!rows.length) return done;
    for (const r of rows) await refreshCase(db, r.id, today);
    done += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}
