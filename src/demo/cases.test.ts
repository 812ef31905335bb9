// The demo cases go through the real services on a real database: every one is readable through
// the API by the demo users, spread over stages, holders and overdue work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../test/support/server.js';
import { seedDemoCases } from './cases.js';

let s: TestServer;
let worker: Awaited<ReturnType<TestServer['signedIn']>>;
let supervisor: Awaited<ReturnType<TestServer['signedIn']>>;
let caseIds: string[];

beforeAll(async () => {
  s = await startServer();
  const org = await s.org({ name: 'Dinas Sosial Provinsi Jawa Timur (uji)', areaCode: '35' });
  worker = await s.signedIn({ organizationId: org.id, roles: ['case_worker'], email: 'caseworker@demo.pulang.example' });
  supervisor = await s.signedIn({ organizationId: org.id, roles: ['supervisor'], email: 'supervisor@demo.pulang.example' });
  ({ caseIds } = await seedDemoCases(s.database.db, s.cipher, s.lookup, org.id));
}, 300_000);
afterAll(() => s?.close());

describe('seedDemoCases', () => {
  it('makes about forty cases over every stage, a queue, and overdue work', async () => {
    expect(caseIds.length).toBeGreaterThanOrEqual(38);
    const all = await supervisor.get('/api/v1/cases?scope=organization&limit=100');
    expect(all.status).toBe(200);
    const closed = await supervisor.get('/api/v1/cases?scope=organization&stage=closed&limit=100');
    const items = [...all.body.items, ...closed.body.items] as { stage: string; assignedTo: { id: string } | null; overdue: boolean }[];
    expect(items.length).toBe(caseIds.length);
    expect(new Set(items.map((i) => i.stage))).toEqual(new Set(['intake', 'screening', 'assessment', 'return_planning', 'in_return', 'reintegration', 'monitoring', 'closed', 'reopened']));
    const queue = await supervisor.get('/api/v1/cases?scope=queue&limit=100');
    expect(queue.body.total).toBeGreaterThanOrEqual(5);
    const mine = await worker.get('/api/v1/cases?scope=mine&limit=100');
    expect(mine.body.total).toBeGreaterThanOrEqual(20);
    const overdue = await worker.get('/api/v1/cases?scope=mine&overdue=true&limit=100');
    expect(overdue.body.total).toBeGreaterThanOrEqual(4);
  });

  it('fills in the parts of the cases', async () => {
    const mine = await worker.get('/api/v1/cases?scope=mine&stage=reintegration&limit=100');
    const id = mine.body.items[0].id as string;
    const [c, needs, notes, tasks, consents, screening] = await Promise.all(
      ['', '/needs', '/notes', '/tasks', '/consents', '/screening'].map((p) => worker.get(`/api/v1/cases/${id}${p}`)),
    );
    expect(c.status).toBe(200);
    expect(c.body.person.fullName.length).toBeGreaterThan(1);
    expect(needs.body.items.length).toBeGreaterThan(0);
    expect(notes.body.items.length).toBeGreaterThan(0);
    expect(tasks.body.items.length).toBeGreaterThan(0);
    expect(consents.body.items.length).toBeGreaterThan(0);
    expect(screening.status).toBe(200);
  });
});
