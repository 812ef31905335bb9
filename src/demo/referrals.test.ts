// The demo referrals go through the real services: the demo NGO's focal point has an inbox with one
// referral awaiting an answer, one overdue, one accepted and one completed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../test/support/server.js';
import { seedDemoCases } from './cases.js';
import { seedDemoReferrals } from './referrals.js';

let s: TestServer;
let focal: Awaited<ReturnType<TestServer['signedIn']>>;
let worker: Awaited<ReturnType<TestServer['signedIn']>>;
let ids: Record<string, string>;

beforeAll(async () => {
  s = await startServer();
  const dinsos = await s.org({ name: 'Dinas Sosial Provinsi Jawa Timur (uji)', areaCode: '35' });
  const ngo = await s.org({ name: 'Yayasan Bina Pulih Nusantara (uji)', type: 'ngo', level: 'regency', areaCode: '33.29' });
  worker = await s.signedIn({ organizationId: dinsos.id, roles: ['case_worker'], email: 'caseworker@demo.pulang.example' });
  await s.user({ organizationId: dinsos.id, roles: ['supervisor'], email: 'supervisor@demo.pulang.example' });
  focal = await s.signedIn({ organizationId: ngo.id, roles: ['service_focal_point'], email: 'focalpoint@demo.pulang.example' });
  const { caseIds } = await seedDemoCases(s.database.db, s.cipher, s.lookup, dinsos.id, undefined, { count: 20 });
  ids = await seedDemoReferrals(s.database.db, s.cipher, { fromOrganizationId: dinsos.id, toOrganizationId: ngo.id, caseIds });
}, 300_000);
afterAll(() => s?.close());

describe('seedDemoReferrals', () => {
  it('gives the focal point an inbox with every kind of referral', async () => {
    expect(Object.keys(ids).sort()).toEqual(['accepted', 'awaiting', 'completed', 'overdue']);
    const counts = await focal.get('/api/v1/referrals/counts');
    expect(counts.body.incoming).toEqual({ awaiting: 2, overdue: 1, inProgress: 1, total: 3 });
    const all = await focal.get('/api/v1/referrals?box=incoming&status=all');
    expect(all.body.items.map((i: any) => i.id)).toEqual([ids.overdue, ids.accepted, ids.awaiting, ids.completed]);
    expect(all.body.items.map((i: any) => i.status)).toEqual(['acknowledged', 'accepted', 'sent', 'completed']);
    const done = await focal.get(`/api/v1/referrals/${ids.completed}`);
    expect(done.body).toMatchObject({ outcome: 'delivered', person: { firstName: expect.any(String) } });
    expect(done.body.events.map((e: any) => e.toStatus)).toEqual(['sent', 'accepted', 'in_progress', 'completed']);
    const out = await worker.get('/api/v1/referrals/counts');
    expect(out.body.outgoing).toMatchObject({ awaiting: 2, overdue: 1, inProgress: 1 });
  });
});
