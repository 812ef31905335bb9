// The derived fields of a case, recomputed against a real database.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/client.js';
import { cases, caseNotes, caseTasks, organizations, persons } from '../platform/db/schema.js';
import { freshDatabase } from '../../test/support/database.js';
import { birthOf, refreshCase, refreshOpenCases, todayInJakarta } from './derived.js';

let database: Database;
let orgId: string;
let n = 0;

beforeAll(async () => {
  database = await freshDatabase();
  [{ id: orgId }] = await database.db.insert(organizations).values({ name: 'Dinas Sosial Uji', type: 'local_government', level: 'province' }).returning({ id: organizations.id });
});
afterAll(() => database.close());

async function aCase(person: Partial<typeof persons.$inferInsert> = {}, kase: Partial<typeof cases.$inferInsert> = {}) {
  const db = database.db;
  const [p] = await db
    .insert(persons)
    .values({ organizationId: orgId, fullNameEnc: 'v1:x:y:z', sex: 'female', nationality: 'ID', ...person })
    .returning({ id: persons.id });
  const [c] = await db
    .insert(cases)
    .values({ reference: `PUL-2026-${String(++n).padStart(6, '0')}`, personId: p.id, organizationId: orgId, caseType: 'vulnerable_migrant', direction: 'inbound', ...kase })
    .returning({ id: cases.id });
  return c.id;
}
const row = async (id: string) => (await database.db.select().from(cases).where(eq(cases.id, id)))[0]!;

describe('derived case fields', () => {
  it("judges today's date in Jakarta, not UTC", () => {
    // 20:00 UTC on 31 December is already 1 January in Jakarta (UTC+7).
    expect(todayInJakarta(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01');
    expect(todayInJakarta(new Date('2026-12-31T16:00:00Z'))).toBe('2026-12-31');
  });

  it('reads a stored birth in each of its forms', () => {
    const none = { birthKind: null, birthDate: null, birthYear: null, birthAge: null, birthAgeStatedOn: null };
    expect(birthOf(none)).toBeNull();
    expect(birthOf({ ...none, birthKind: 'exact', birthDate: '2010-02-03', birthYear: 2010 })).toEqual({ kind: 'exact', date: '2010-02-03' });
    expect(birthOf({ ...none, birthKind: 'estimated_year', birthYear: 1990 })).toEqual({ kind: 'estimated_year', year: 1990 });
    expect(birthOf({ ...none, birthKind: 'estimated_age', birthAge: 16, birthAgeStatedOn: '2026-05-01', birthYear: 2010 })).toEqual({
      kind: 'estimated_age',
      age: 16,
      statedOn: '2026-05-01',
    });
  });

  it('sets the child flag from the birth and keeps the flags people set', async () => {
    const id = await aCase({ birthKind: 'exact', birthDate: '2012-06-01', birthYear: 2012 }, { flags: ['security_risk'] });
    await refreshCase(database.db, id, '2026-11-28');
    const r = await row(id);
    expect(r.flags.sort()).toEqual(['child', 'security_risk']);
    expect(r.priorityReasons).toEqual(expect.arrayContaining(['child', 'security_risk']));
    // On the 18th birthday the flag goes.
    await refreshCase(database.db, id, '2030-06-01');
    expect((await row(id)).flags).toEqual(['security_risk']);
  });

  it('keeps the earliest open due date and counts overdue tasks into the priority', async () => {
    const id = await aCase({}, { riskLevel: 'medium' });
    await database.db.insert(caseTasks).values([
      { caseId: id, kind: 'task', titleEnc: 'v1:a:b:c', dueOn: '2026-11-20' },
      { caseId: id, kind: 'follow_up', titleEnc: 'v1:a:b:c', dueOn: '2026-11-25' },
      { caseId: id, kind: 'task', titleEnc: 'v1:a:b:c', dueOn: '2026-11-01', status: 'done' },
      { caseId: id, kind: 'task', titleEnc: 'v1:a:b:c', dueOn: '2026-12-10' },
    ]);
    await refreshCase(database.db, id, '2026-11-28', new Date('2026-11-28T03:00:00Z'));
    const r = await row(id);
    expect(r.nextDueOn).toBe('2026-11-20');
    expect(r.priorityReasons).toContain('overdue_tasks');
    // medium risk 10 + two overdue tasks 10 = 20 (contact: the case was opened just now in real time, so none is late).
    expect(r.priorityScore).toBeGreaterThanOrEqual(20);
    expect(r.priorityBand).toBe('elevated');
  });

  it('takes the last contact from contact notes, and silence since opening when there is none', async () => {
    const quiet = await aCase({}, { openedAt: new Date('2026-10-01T00:00:00Z') });
    await refreshCase(database.db, quiet, '2026-11-28', new Date('2026-11-28T00:00:00Z'));
    expect((await row(quiet)).priorityReasons).toContain('long_without_contact');

    const seen = await aCase({}, { openedAt: new Date('2026-10-01T00:00:00Z') });
    await database.db.insert(caseNotes).values({ caseId: seen, type: 'phone_call', bodyEnc: 'v1:a:b:c', contactAt: new Date('2026-11-25T02:00:00Z') });
    await refreshCase(database.db, seen, '2026-11-28', new Date('2026-11-28T00:00:00Z'));
    const r = await row(seen);
    expect(r.lastContactAt?.toISOString()).toBe('2026-11-25T02:00:00.000Z');
    expect(r.priorityReasons).not.toContain('long_without_contact');
    expect(r.priorityReasons).not.toContain('no_recent_contact');
  });

  it('refreshes every open case in batches and leaves closed ones', async () => {
    const open = await aCase({ birthKind: 'estimated_year', birthYear: 2015 });
    const closed = await aCase({ birthKind: 'estimated_year', birthYear: 2015 }, { stage: 'closed' });
    const count = await refreshOpenCases(database.db, 2);
    expect(count).toBeGreaterThanOrEqual(1);
    expect((await row(open)).flags).toContain('child');
    expect((await row(closed)).flags).not.toContain('child');
  });
});
