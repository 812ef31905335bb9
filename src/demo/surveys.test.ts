// The demo surveys go through the real services: arrival dates in the past year, surveys done with
// plausible answers (getting better over time), one overdue, and one due soon whose task exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../test/support/server.js';
import { seedDemoCases } from './cases.js';
import { seedDemoSurveys } from './surveys.js';

let s: TestServer;
let worker: Awaited<ReturnType<TestServer['signedIn']>>;
let ids: Record<string, string>;

beforeAll(async () => {
  s = await startServer();
  const dinsos = await s.org({ name: 'Dinas Sosial Provinsi Jawa Timur (uji survei)', areaCode: '35' });
  worker = await s.signedIn({ organizationId: dinsos.id, roles: ['case_worker'], email: 'caseworker@demo.pulang.example' });
  await s.user({ organizationId: dinsos.id, roles: ['supervisor'], email: 'supervisor@demo.pulang.example' });
  const { caseIds } = await seedDemoCases(s.database.db, s.cipher, s.lookup, dinsos.id, undefined, { count: 8 });
  ids = await seedDemoSurveys(s.database.db, s.cipher, { organizationId: dinsos.id, caseIds });
}, 300_000);
afterAll(() => s?.close());

describe('seedDemoSurveys', () => {
  it('gives the case worker cases with surveys done, overdue and due soon', async () => {
    expect(Object.keys(ids).sort()).toEqual(['due_soon', 'one_done', 'overdue', 'two_done']);
    const two = (await worker.get(`/api/v1/cases/${ids.two_done}/surveys`)).body;
    expect(two.items.map((i: any) => i.status)).toEqual(['done', 'done', 'scheduled']);
    const [first, second] = two.trend.composite;
    expect(second.score).toBeGreaterThan(first.score);
    expect(two.arrivedOn > new Date(Date.now() - 366 * 86_400_000).toISOString().slice(0, 10)).toBe(true);
    const overdue = (await worker.get(`/api/v1/cases/${ids.overdue}/surveys`)).body;
    expect(overdue.items[0]).toMatchObject({ status: 'scheduled', overdue: true, taskId: expect.any(String) });
    const soon = (await worker.get(`/api/v1/cases/${ids.due_soon}/surveys`)).body;
    expect(soon.items[0]).toMatchObject({ status: 'scheduled', overdue: false, taskId: expect.any(String) });
    const tasks = (await worker.get(`/api/v1/cases/${ids.due_soon}/tasks`)).body.items;
    expect(tasks.find((t: any) => t.id === soon.items[0].taskId)).toMatchObject({ title: 'Survei keberlanjutan 3 bulan', status: 'open' });
    expect((await worker.get(`/api/v1/cases/${ids.one_done}/surveys`)).body.trend.composite).toHaveLength(1);
  });
});
