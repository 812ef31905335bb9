// The demo journeys go through the real services: BP3MI Jawa Timur sees three returns due (Juanda,
// Soekarno-Hatta, Tanjung Perak), the first name only where the person consented; one journey
// arrived earlier and reached home; one outbound case was handed over in its country of origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../test/support/database.js';
import { startServer, type TestServer } from '../../test/support/server.js';
import { eq } from 'drizzle-orm';
import { makeCase } from '../case-records/test-fixtures.js';
import { cases, persons } from '../platform/db/schema.js';
import { seedDemoJourneys } from './journeys.js';

let s: TestServer;
let reception: Awaited<ReturnType<TestServer['signedIn']>>;
let worker: Awaited<ReturnType<TestServer['signedIn']>>;
let ids: Record<string, string>;

beforeAll(async () => {
  s = await startServer();
  const dinsos = await s.org({ name: 'Dinas Sosial Provinsi Jawa Timur (uji)', areaCode: '35' });
  const bp3mi = await s.org({ name: 'BP3MI Jawa Timur (uji)', type: 'ministry', areaCode: '35' });
  worker = await s.signedIn({ organizationId: dinsos.id, roles: ['case_worker'], email: 'caseworker@demo.pulang.example' });
  await s.user({ organizationId: dinsos.id, roles: ['supervisor'], email: 'supervisor@demo.pulang.example' });
  reception = await s.signedIn({ organizationId: bp3mi.id, roles: ['case_worker'], email: 'caseworker.bp3mi@demo.pulang.example' });
  // Cases as seedDemoCases leaves them (its own test covers it): open ones of the case worker at
  // several stages, one of them a foreign national's (outbound), and one of the supervisor's.
  const caseIds: string[] = [];
  for (const [stage, direction] of [
    ['in_return', 'inbound'],
    ['closed', 'inbound'],
    ['return_planning', 'inbound'],
    ['assessment', 'outbound'],
    ['assessment', 'inbound'],
    ['reintegration', 'inbound'],
  ] as const) {
    const c = await makeCase(s, { organizationId: dinsos.id, createdById: worker.user.id, assignedToId: worker.user.id, birthDate: '1993-07-21' });
    await s.database.db.update(cases).set({ stage, direction }).where(eq(cases.id, c.id));
    if (direction === 'outbound') await s.database.db.update(persons).set({ nationality: 'KH' }).where(eq(persons.id, c.personId));
    caseIds.push(c.id);
  }
  ids = await seedDemoJourneys(s.database.db, s.cipher, { organizationId: dinsos.id, receptionOrganizationId: bp3mi.id, caseIds });
}, 300_000);
afterAll(() => s?.close());

describe('seedDemoJourneys', () => {
  it('gives the reception team returns due at three points of entry, and the case worker a journey home and a hand-over', async () => {
    expect(Object.keys(ids).sort()).toEqual(['arrived', 'handedOver', 'juanda', 'soekarnoHatta', 'tanjungPerak']);
    const due = await reception.get('/api/v1/returns/due');
    expect(due.status).toBe(200);
    expect(due.body.items.map((i: any) => [i.journeyId, i.arrivalPoint.code, i.status, i.caseId, !!i.firstName])).toEqual([
      [ids.juanda, 'SUB', 'departed', null, true],
      [ids.soekarnoHatta, 'CGK', 'documents_ready', null, false],
      [ids.tanjungPerak, 'TPR', 'planned', null, false],
    ]);
    const mine = await worker.get('/api/v1/returns/due');
    expect(mine.body.items.every((i: any) => i.caseId && i.firstName)).toBe(true);

    const arrived = await worker.get(`/api/v1/journeys/${ids.arrived}`);
    expect(arrived.body.events.map((e: any) => e.milestone)).toEqual(['planned', 'documents_ready', 'departed', 'arrived', 'reached_home']);
    const handed = await worker.get(`/api/v1/journeys/${ids.handedOver}`);
    expect(handed.body).toMatchObject({ direction: 'outbound', status: 'handed_over', handoverItems: expect.arrayContaining(['case_summary']) });
    const days = await rawQuery(s.database, `select count(*)::int as n from cases where arrived_on is not null`);
    expect((days as any[])[0].n).toBe(2);
  });
});
