// The demo plans go through the real services: the supervisor has one plan awaiting approval, the
// case worker's cases carry approved plans (one at version 2), and the group activities count
// the people enrolled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../test/support/server.js';
import { seedDemoCases } from './cases.js';
import { seedDemoPlans } from './plans.js';

let s: TestServer;
let worker: Awaited<ReturnType<TestServer['signedIn']>>;
let supervisor: Awaited<ReturnType<TestServer['signedIn']>>;
let seeded: Awaited<ReturnType<typeof seedDemoPlans>>;

beforeAll(async () => {
  s = await startServer();
  const dinsos = await s.org({ name: 'Dinas Sosial Provinsi Jawa Timur (uji)', areaCode: '35' });
  worker = await s.signedIn({ organizationId: dinsos.id, roles: ['case_worker'], email: 'caseworker@demo.pulang.example' });
  supervisor = await s.signedIn({ organizationId: dinsos.id, roles: ['supervisor'], email: 'supervisor@demo.pulang.example' });
  // Fourteen of the forty: four of the case worker's cases between return planning and monitoring, none closed.
  const { caseIds } = await seedDemoCases(s.database.db, s.cipher, s.lookup, dinsos.id, undefined, { count: 14 });
  seeded = await seedDemoPlans(s.database.db, s.cipher, { organizationId: dinsos.id, caseIds });
}, 300_000);
afterAll(() => s?.close());

describe('seedDemoPlans', () => {
  it('gives the supervisor a plan to approve and the case worker approved plans with progress', async () => {
    expect(Object.keys(seeded.planIds).sort()).toEqual(['angkringan', 'barista', 'kambing', 'kopi']);
    const waiting = (await supervisor.get('/api/v1/plans?status=submitted')).body;
    expect(waiting.total).toBe(1);
    expect(waiting.items[0]).toMatchObject({ planId: seeded.planIds.barista, caseId: seeded.caseIds.barista, number: 1, itemCount: 3, budgetTotalIdr: 4_940_000 });

    const kambing = (await worker.get(`/api/v1/cases/${seeded.caseIds.kambing}/plans`)).body;
    expect(kambing.versions.map((v: any) => [v.number, v.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
    expect(kambing.current.items[0]).toMatchObject({ budgetIdr: 7_500_000, change: 'changed', changedFields: ['budgetIdr'], status: 'in_progress' });
    expect(kambing.current.items[2]).toMatchObject({ dimension: 'legal', status: 'cancelled', outcome: expect.any(String) });

    const angkringan = (await worker.get(`/api/v1/plans/${seeded.planIds.angkringan}`)).body;
    expect(angkringan).toMatchObject({ status: 'approved', budget: { totalIdr: 5_640_000 } });
    expect(angkringan.items.map((i: any) => i.status)).toEqual(['in_progress', 'planned', 'in_progress', 'completed']);
    expect(angkringan.items.some((i: any) => i.need)).toBe(true);
  });

  it('runs three group activities of the office, with the people enrolled by approved plans', async () => {
    const list = (await supervisor.get('/api/v1/group-activities')).body;
    const byId = new Map(list.items.map((a: any) => [a.id, a]));
    expect(byId.get(seeded.activityIds.malang)).toMatchObject({ kind: 'peer_group', areaName: 'Kabupaten Malang', enrolled: 1, capacity: 15, full: false });
    expect(byId.get(seeded.activityIds.banyuwangi)).toMatchObject({ kind: 'community_business', areaName: 'Kabupaten Banyuwangi', enrolled: 1 });
    expect(byId.get(seeded.activityIds.blitar)).toMatchObject({ kind: 'awareness_session', areaName: 'Kabupaten Blitar', enrolled: 1 });
  });
});
