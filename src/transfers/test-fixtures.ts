// Fixtures for the transfer and closure tests: three organisations with real signed-in users (the
// sending office, the receiving provincial office, a third organisation that must see nothing), a
// case whose person has a home village, and the case_transfer consent recorded through the API.
import { eq } from 'drizzle-orm';
import { makeCase } from '../case-records/test-fixtures.js';
import { cases, persons } from '../platform/db/schema.js';
import { rawQuery } from '../../test/support/database.js';
import { startServer, type Client, type TestServer, type TestUser } from '../../test/support/server.js';

export type Signed = Client & { user: TestUser };

export interface TransferWorld {
  s: TestServer;
  bp3mi: { id: string; name: string };
  dinsos: { id: string; name: string };
  ngo: { id: string; name: string };
  /** The sending side: a case worker who holds the case, a colleague, a supervisor. */
  worker: Signed;
  colleague: Signed;
  supervisor: Signed;
  /** The receiving side. */
  rSupervisor: Signed;
  rWorker: Signed;
  rFocal: Signed;
  /** A third organisation. */
  ngoSupervisor: Signed;
  ngoFocal: Signed;
  query: (text: string) => Promise<Record<string, any>[]>;
}

export const VILLAGE = '35.07.01.2001'; // Tulungrejo, Donomulyo, Kabupaten Malang, Jawa Timur
export const FULL_NAME = 'Sri Wahyuningsih';
export const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

export async function makeTransferWorld(): Promise<TransferWorld> {
  const s = await startServer();
  const bp3mi = await s.org({ type: 'ministry', areaCode: '35' });
  const dinsos = await s.org({ type: 'local_government', areaCode: '35' });
  const ngo = await s.org({ type: 'ngo', level: 'regency' });
  const [worker, colleague, supervisor, rSupervisor, rWorker, rFocal, ngoSupervisor, ngoFocal] = await Promise.all([
    s.signedIn({ organizationId: bp3mi.id, roles: ['case_worker'], displayName: 'Nur Aini' }),
    s.signedIn({ organizationId: bp3mi.id, roles: ['case_worker'], displayName: 'Rekan BP3MI' }),
    s.signedIn({ organizationId: bp3mi.id, roles: ['supervisor'], displayName: 'Wahyu Hidayat' }),
    s.signedIn({ organizationId: dinsos.id, roles: ['supervisor'], displayName: 'Dewi Lestari' }),
    s.signedIn({ organizationId: dinsos.id, roles: ['case_worker'], displayName: 'Siti Nurhaliza' }),
    s.signedIn({ organizationId: dinsos.id, roles: ['service_focal_point'] }),
    s.signedIn({ organizationId: ngo.id, roles: ['supervisor'] }),
    s.signedIn({ organizationId: ngo.id, roles: ['service_focal_point'] }),
  ]);
  return {
    s,
    bp3mi,
    dinsos,
    ngo,
    worker,
    colleague,
    supervisor,
    rSupervisor,
    rWorker,
    rFocal,
    ngoSupervisor,
    ngoFocal,
    query: (text) => rawQuery(s.database, text) as Promise<Record<string, any>[]>,
  };
}

/** A case of the sending office held by its case worker, the person with a home village, one open need. */
export async function transferCase(w: TransferWorld, opts: { worker?: Signed; organizationId?: string; assigned?: boolean } = {}) {
  const worker = opts.worker ?? w.worker;
  const db = w.s.database.db;
  const c = await makeCase(w.s, {
    organizationId: opts.organizationId ?? w.bp3mi.id,
    createdById: worker.user.id,
    assignedToId: opts.assigned === false ? null : worker.user.id,
    birthDate: '1995-08-17',
  });
  await db.update(persons).set({ fullNameEnc: w.s.cipher.encrypt(FULL_NAME), homeVillageCode: VILLAGE, homeProvinceCode: '35' }).where(eq(persons.id, c.personId));
  await db.update(cases).set({ provinceCode: '35' }).where(eq(cases.id, c.id));
  const need = await worker.post(`/api/v1/cases/${c.id}/needs`, { type: 'livelihood', severity: 'moderate', description: 'Ingin membuka warung.' });
  if (need.status !== 201) throw new Error(`need: ${need.text}`);
  return { ...c, needId: need.body.id as string };
}

/** Records a case_transfer decision through the API. */
export async function transferConsent(
  w: TransferWorld,
  caseId: string,
  opts: { organizationId?: string; organizationType?: string; decision?: 'given' | 'refused'; givenAt?: string; by?: Signed } = {},
) {
  const res = await (opts.by ?? w.worker).post(`/api/v1/cases/${caseId}/consents`, {
    purpose: 'case_transfer',
    ...(opts.organizationType ? { recipientOrganizationType: opts.organizationType } : { recipientOrganizationId: opts.organizationId ?? w.dinsos.id }),
    decision: opts.decision ?? 'given',
    method: 'signed',
    givenBy: FULL_NAME,
    givenAt: opts.givenAt ?? hoursAgo(24),
  });
  if (res.status !== 201) throw new Error(`consent: ${res.status} ${res.text}`);
  return res.body as { id: string };
}

export const proposal = (toOrganizationId: string, extra: Record<string, unknown> = {}) => ({
  toOrganizationId,
  reason: 'Kembali ke Kabupaten Malang; pendampingan reintegrasi oleh dinas sosial provinsi.',
  senderKeepsView: true,
  ...extra,
});

/** A case with consent and an open proposal to the receiving office, made by the case worker. */
export async function proposed(w: TransferWorld, extra: Record<string, unknown> = {}) {
  const c = await transferCase(w);
  const consent = await transferConsent(w, c.id);
  const res = await w.worker.post(`/api/v1/cases/${c.id}/transfers`, proposal(w.dinsos.id, extra));
  if (res.status !== 201) throw new Error(`propose: ${res.status} ${res.text}`);
  return { case: c, consent, transfer: res.body as Record<string, any> };
}
