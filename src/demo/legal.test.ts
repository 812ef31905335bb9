// The demo legal tracks go through the real service: one moving, one stalled for 75 days that the
// case worker sees flagged and in the list of stalled tracks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../test/support/server.js';
import { seedDemoCases } from './cases.js';
import { DEMO_STALLED_DAYS, seedDemoLegal } from './legal.js';

let s: TestServer;
let worker: Awaited<ReturnType<TestServer['signedIn']>>;
let ids: { active?: string; stalled?: string };

beforeAll(async () => {
  s = await startServer();
  const dinsos = await s.org({ name: 'Dinas Sosial Provinsi Jawa Timur (uji hukum)', areaCode: '35' });
  worker = await s.signedIn({ organizationId: dinsos.id, roles: ['case_worker'], email: 'caseworker@demo.pulang.example' });
  await s.user({ organizationId: dinsos.id, roles: ['supervisor'], email: 'supervisor@demo.pulang.example' });
  const { caseIds } = await seedDemoCases(s.database.db, s.cipher, s.lookup, dinsos.id, undefined, { count: 8 });
  ids = await seedDemoLegal(s.database.db, s.cipher, { organizationId: dinsos.id, caseIds });
}, 300_000);
afterAll(() => s?.close());

describe('seedDemoLegal', () => {
  it('records an active track and a stalled one', async () => {
    const active = (await worker.get(`/api/v1/cases/${ids.active}/legal`)).body;
    expect(active).toMatchObject({ stage: 'investigation', stalled: false, investigatingAgency: 'polda', protectionStatus: 'requested' });
    expect(active.events.map((e: any) => e.kind)).toEqual(['stage', 'stage', 'update']);
    const stalled = (await worker.get(`/api/v1/cases/${ids.stalled}/legal`)).body;
    expect(stalled).toMatchObject({ stage: 'investigation', stalled: true, daysSinceUpdate: DEMO_STALLED_DAYS });
    const list = (await worker.get('/api/v1/legal/stalled')).body;
    expect(list.items.map((i: any) => i.caseId)).toEqual([ids.stalled]);
  });
});
