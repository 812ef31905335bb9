// Fixtures for the journey tests: the organisation holding the cases (a provincial social office),
// the reception organisation at the airport (BP3MI-like), a third organisation, real signed-in users
// in each, and cases written straight into the database (the case routes have their own tests).
import { eq } from 'drizzle-orm';
import { makeCase } from '../case-records/test-fixtures.js';
import { cases, persons } from '../platform/db/schema.js';
import { rawQuery } from '../../test/support/database.js';
import { startServer, type Client, type TestServer, type TestUser } from '../../test/support/server.js';

export type Signed = Client & { user: TestUser };

export interface World {
  s: TestServer;
  dinsos: { id: string; name: string };
  bp3mi: { id: string; name: string };
  other: { id: string; name: string };
  worker: Signed;
  worker2: Signed;
  supervisor: Signed;
  receptionWorker: Signed;
  receptionFocal: Signed;
  otherSupervisor: Signed;
  analyst: Signed;
  query: (text: string) => Promise<Record<string, any>[]>;
}

export const FULL_NAME = 'Siti Rahayu Ningsih';
export const api = (p: string) => `/api/v1${p}`;

export async function makeWorld(): Promise<World> {
  const s = await startServer();
  const dinsos = await s.org({ type: 'local_government', areaCode: '35' });
  const bp3mi = await s.org({ type: 'ministry', areaCode: '35' });
  const other = await s.org({ type: 'ngo', level: 'regency' });
  const [worker, worker2, supervisor, receptionWorker, receptionFocal, otherSupervisor, analyst] = await Promise.all([
    s.signedIn({ organizationId: dinsos.id, roles: ['case_worker'], displayName: 'Pekerja Kasus' }),
    s.signedIn({ organizationId: dinsos.id, roles: ['case_worker'] }),
    s.signedIn({ organizationId: dinsos.id, roles: ['supervisor'] }),
    s.signedIn({ organizationId: bp3mi.id, roles: ['case_worker'] }),
    s.signedIn({ organizationId: bp3mi.id, roles: ['service_focal_point'] }),
    s.signedIn({ organizationId: other.id, roles: ['supervisor'] }),
    s.signedIn({ organizationId: dinsos.id, roles: ['analyst'] }),
  ]);
  return {
    s,
    dinsos,
    bp3mi,
    other,
    worker,
    worker2,
    supervisor,
    receptionWorker,
    receptionFocal,
    otherSupervisor,
    analyst,
    query: (text) => rawQuery(s.database, text) as Promise<Record<string, any>[]>,
  };
}

/** A case of the case worker (Dinsos), inbound unless told otherwise, whose person is a 30-year-old woman. */
export async function journeyCase(w: World, opts: { direction?: 'inbound' | 'outbound'; worker?: Signed; organizationId?: string; flags?: string[]; birthDate?: string } = {}) {
  const worker = opts.worker ?? w.worker;
  const c = await makeCase(w.s, {
    organizationId: opts.organizationId ?? w.dinsos.id,
    createdById: worker.user.id,
    assignedToId: worker.user.id,
    birthDate: opts.birthDate ?? '1995-03-14',
  });
  const db = w.s.database.db;
  await db.update(persons).set({ fullNameEnc: w.s.cipher.encrypt(FULL_NAME), nationality: opts.direction === 'outbound' ? 'KH' : 'ID' }).where(eq(persons.id, c.personId));
  await db.update(cases).set({ direction: opts.direction ?? 'inbound', flags: opts.flags ?? [] }).where(eq(cases.id, c.id));
  return c;
}

export const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

/** An inbound plan: a passport issued and an SPLP applied for, a flight from Kuala Lumpur to Juanda, then a bus home. */
export function inboundPlan(w: World, over: Record<string, unknown> = {}) {
  return {
    medicalClearance: 'cleared',
    escort: 'case_worker',
    escortName: 'Bu Endang',
    pocketMoneyIdr: 500_000,
    arrivalPointCode: 'SUB',
    expectedArrivalAt: hoursFromNow(48),
    receptionOrganizationId: w.bp3mi.id,
    notes: 'Takut bertemu perekrut di bandara.',
    documents: [
      { kind: 'splp', status: 'applied', number: 'SPLP-KL-2026-0042', issuer: 'KBRI Kuala Lumpur' },
      { kind: 'passport', status: 'issued', number: 'C1234567', issuer: 'Kantor Imigrasi Malang', issuedOn: '2022-01-10', expiresOn: '2027-01-10' },
    ],
    legs: [
      {
        segment: 'return',
        mode: 'air',
        fromPlace: 'Kuala Lumpur (KLIA)',
        fromCountryCode: 'MY',
        toPlace: 'Juanda, Sidoarjo',
        toCountryCode: 'ID',
        departAt: hoursFromNow(45),
        arriveAt: hoursFromNow(48),
        carrier: 'AirAsia',
        flightNumber: 'QZ 325',
        bookingCode: 'XK7PQD',
      },
      { segment: 'onward', mode: 'bus', fromPlace: 'Terminal Bungurasih', toPlace: 'Donomulyo, Malang', departAt: hoursFromNow(52), arriveAt: hoursFromNow(56), carrier: 'Bus Damri' },
    ],
    ...over,
  };
}
