import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../test/support/database.js';
import { startServer, type Client, type TestServer, type TestUser } from '../../test/support/server.js';
import { todayInJakarta } from '../cases/derived.js';
import { makeCase } from './test-fixtures.js';

type Signed = Client & { user: TestUser };
let s: TestServer;
let worker: Signed;
let colleague: Signed;
let supervisor: Signed;
let caseA: { id: string; reference: string };
let caseB: { id: string; reference: string };
const query = (text: string) => rawQuery(s.database, text) as Promise<Record<string, any>[]>;
const path = (c = caseA.id) => `/api/v1/cases/${c}/tasks`;
const count = async () => (await query(`select count(*)::int as n from case_tasks`))[0].n as number;
const nextDue = async (id: string) => (await query(`select next_due_on::text as d from cases where id = '${id}'`))[0].d as string | null;
const today = todayInJakarta();

beforeAll(async () => {
  s = await startServer();
  const org = await s.org();
  worker = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
  colleague = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
  supervisor = await s.signedIn({ organizationId: org.id, roles: ['supervisor'] });
  caseA = await makeCase(s, { organizationId: org.id, createdById: worker.user.id, assignedToId: worker.user.id });
  caseB = await makeCase(s, { organizationId: org.id, createdById: colleague.user.id, assignedToId: colleague.user.id });
});
afterAll(() => s?.close());

describe('tasks and follow-ups', () => {
  let overdueId: string;
  let todayId: string;

  it('adds tasks with title and details encrypted, and keeps the case’s next due date', async () => {
    const res = await worker.post(path(), { kind: 'follow_up', title: 'Telepon keluarga di Cilacap', details: 'Nomor di catatan', dueOn: '2026-01-05', assigneeId: worker.user.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'follow_up', title: 'Telepon keluarga di Cilacap', details: 'Nomor di catatan', dueOn: '2026-01-05', status: 'open', overdue: today > '2026-01-05', version: 1 });
    expect(res.body.assignee).toEqual({ id: worker.user.id, displayName: expect.any(String) });
    overdueId = res.body.id;
    const [row] = await query(`select title_enc, details_enc from case_tasks where id = '${overdueId}'`);
    expect(row.title_enc).not.toContain('Cilacap');
    expect(s.cipher.decrypt(row.title_enc)).toBe('Telepon keluarga di Cilacap');
    expect(await nextDue(caseA.id)).toBe('2026-01-05');
    const t = await worker.post(path(), { title: 'Kirim formulir', dueOn: today, assigneeId: worker.user.id });
    expect(t.body).toMatchObject({ kind: 'task', overdue: false });
    todayId = t.body.id;
    const undated = await worker.post(path(), { title: 'Cari dokumen lama' });
    expect(undated.body).toMatchObject({ dueOn: null, assignee: null, overdue: false });
    expect(await nextDue(caseA.id)).toBe('2026-01-05');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const n = await count();
    const noDue = await worker.post(path(), { kind: 'follow_up', title: 'Kunjungan' });
    expect(noDue.status).toBe(400);
    expect(noDue.body.error.fields).toEqual({ dueOn: 'required' });
    const outsider = await s.user({ organizationId: (await s.org()).id, roles: ['case_worker'] });
    const wrongOrg = await worker.post(path(), { title: 'x', assigneeId: outsider.id });
    expect(wrongOrg.body.error.fields).toEqual({ assigneeId: 'unknown_user' });
    const inactive = await s.user({ organizationId: worker.user.organizationId, roles: ['case_worker'] });
    await query(`update users set status = 'deactivated' where id = '${inactive.id}'`);
    expect((await worker.post(path(), { title: 'x', assigneeId: inactive.id })).body.error.fields).toEqual({ assigneeId: 'unknown_user' });
    expect((await worker.post(path(), { title: 'x', dueOn: '2026-13-01' })).body.error.fields).toEqual({ dueOn: 'invalid_format' });
    expect((await worker.post(path(), { title: '' })).body.error.fields).toEqual({ title: 'required' });
    const badPatch = await worker.patch(`${path()}/${todayId}`, { version: 1, status: 'finished' });
    expect(badPatch.body.error.fields).toEqual({ status: 'invalid_choice' });
    expect(await count()).toBe(n);
  });

  it('completes a task with who and when, reopens it, and refuses a stale version', async () => {
    const done = await worker.patch(`${path()}/${todayId}`, { version: 1, status: 'done' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', overdue: false, version: 2, completedBy: { id: worker.user.id } });
    expect(done.body.completedAt).not.toBeNull();
    const stale = await supervisor.patch(`${path()}/${todayId}`, { version: 1, status: 'cancelled' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', current: { status: 'done', version: 2 } });
    const reopened = await supervisor.patch(`${path()}/${todayId}`, { version: 2, status: 'open', dueOn: '2026-01-01', title: 'Kirim formulir (ulang)' });
    expect(reopened.body).toMatchObject({ status: 'open', completedAt: null, completedBy: null, dueOn: '2026-01-01', title: 'Kirim formulir (ulang)', version: 3 });
    expect(await nextDue(caseA.id)).toBe('2026-01-01');
    const cancelled = await worker.patch(`${path()}/${todayId}`, { version: 3, status: 'cancelled' });
    expect(cancelled.body.status).toBe('cancelled');
    expect(await nextDue(caseA.id)).toBe('2026-01-05');
  });

  it('lists a case’s tasks open first and soonest due first', async () => {
    const res = await worker.get(path());
    expect(res.status).toBe(200);
    expect(res.body.items.map((t: any) => [t.status, t.dueOn])).toEqual([
      ['open', '2026-01-05'],
      ['open', null],
      ['cancelled', '2026-01-01'],
    ]);
    expect((await worker.get(`${path()}?status=open`)).body.total).toBe(2);
  });

  it('GET /tasks gives the caller’s open tasks on the cases they can read, soonest first, with the case reference', async () => {
    await worker.post(path(), { title: 'Hari ini', dueOn: today, assigneeId: worker.user.id });
    await worker.post(path(), { title: 'Bulan lalu', dueOn: '2025-12-01', assigneeId: worker.user.id });
    await worker.post(path(), { title: 'Untuk rekan', dueOn: '2025-11-01', assigneeId: colleague.user.id });
    // Assigned to the worker on a case they cannot read: not shown to them.
    const hidden = await colleague.post(path(caseB.id), { title: 'Rahasia rekan', dueOn: '2025-10-01', assigneeId: worker.user.id });
    expect(hidden.status).toBe(201);

    const mine = await worker.get('/api/v1/tasks?mine=true');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((t: any) => [t.title, t.caseReference])).toEqual([
      ['Bulan lalu', caseA.reference],
      ['Telepon keluarga di Cilacap', caseA.reference],
      ['Hari ini', caseA.reference],
    ]);
    const overdue = await worker.get('/api/v1/tasks?mine=true&overdue=true');
    expect(overdue.body.items.map((t: any) => t.title)).toEqual(['Bulan lalu', 'Telepon keluarga di Cilacap']);
    expect(overdue.body.items.every((t: any) => t.overdue)).toBe(true);
    expect(overdue.body.total).toBe(2);

    const colleagues = await colleague.get('/api/v1/tasks?mine=true');
    expect(colleagues.body.items).toEqual([]);
    const all = await supervisor.get('/api/v1/tasks?mine=false&overdue=true');
    expect(all.body.items.map((t: any) => t.title)).toEqual(['Rahasia rekan', 'Untuk rekan', 'Bulan lalu', 'Telepon keluarga di Cilacap']);
  });

  it('answers 403 to a role that never reads cases', async () => {
    const admin = await s.signedIn({ organizationId: worker.user.organizationId, roles: ['org_admin'] });
    expect((await admin.get('/api/v1/tasks')).status).toBe(403);
  });
});
