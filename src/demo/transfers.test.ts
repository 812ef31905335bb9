// The demo transfer and closure request go through the real services: the Dinsos supervisor finds
// BP3MI's proposal among the decisions waiting, with only the summary to decide on, and one closure
// request of the Dinsos case worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../test/support/server.js';
import { seedDemoCases } from './cases.js';
import { seedDemoTransfers } from './transfers.js';

let s: TestServer;
let dinsosSupervisor: Awaited<ReturnType<TestServer['signedIn']>>;
let bp3miWorker: Awaited<ReturnType<TestServer['signedIn']>>;
let seeded: Awaited<ReturnType<typeof seedDemoTransfers>>;
let dinsos: { id: string };

beforeAll(async () => {
  s = await startServer();
  dinsos = await s.org({ name: 'Dinas Sosial Provinsi Jawa Timur (uji)', areaCode: '35' });
  const bp3mi = await s.org({ name: 'BP3MI Jawa Timur (uji)', type: 'ministry', areaCode: '35' });
  await s.user({ organizationId: dinsos.id, roles: ['case_worker'], email: 'caseworker@demo.pulang.example' });
  dinsosSupervisor = await s.signedIn({ organizationId: dinsos.id, roles: ['supervisor'], email: 'supervisor@demo.pulang.example' });
  bp3miWorker = await s.signedIn({ organizationId: bp3mi.id, roles: ['case_worker'], email: 'caseworker.bp3mi@demo.pulang.example' });
  const { caseIds } = await seedDemoCases(s.database.db, s.cipher, s.lookup, dinsos.id, undefined, { count: 20 });
  seeded = await seedDemoTransfers(s.database.db, s.cipher, s.lookup, { bp3miId: bp3mi.id, dinsosId: dinsos.id, dinsosCaseIds: caseIds });
}, 300_000);
afterAll(() => s?.close());

describe('seedDemoTransfers', () => {
  it('gives the Dinsos supervisor a proposal from BP3MI to decide on, and a closure request', async () => {
    const incoming = await dinsosSupervisor.get('/api/v1/transfers?box=incoming');
    expect(incoming.body.items.map((i: any) => i.id)).toEqual([seeded.transferId]);
    const t = await dinsosSupervisor.get(`/api/v1/transfers/${seeded.transferId}`);
    expect(t.body).toMatchObject({
      status: 'proposed',
      side: 'receiver',
      caseId: null,
      senderKeepsView: true,
      summary: { firstName: 'Rina', sex: 'female', stage: 'assessment', homeRegency: { code: '35.05' }, openNeeds: ['livelihood', 'counselling'] },
    });
    const outgoing = await bp3miWorker.get('/api/v1/transfers?box=outgoing');
    expect(outgoing.body.items.map((i: any) => i.id)).toEqual([seeded.transferId]);
    const theCase = await bp3miWorker.get(`/api/v1/cases/${seeded.bp3miCaseId}`);
    expect(theCase.body).toMatchObject({ stage: 'assessment', person: { fullName: 'Rina Marlina', homeVillageCode: '35.05.04.2001' } });

    expect(seeded.closureId).not.toBeNull();
    const closures = await dinsosSupervisor.get('/api/v1/closures?status=pending');
    expect(closures.body.items.map((i: any) => i.id)).toEqual([seeded.closureId]);
    expect(closures.body.items[0]).toMatchObject({ closureReason: 'reintegrated', status: 'pending' });
  });
});
