// Fixtures for the referral tests: two organisations with real signed-in users on both sides, a
// case whose person has something in every shareable field, needs and consents recorded through
// the API, and services written straight into the directory tables (the directory has its own tests).
import { eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { makeCase } from '../case-records/test-fixtures.js';
import { termByCode } from '../directory/taxonomy.js';
import { cases, personDocuments, persons, services } from '../platform/db/schema.js';
import { rawQuery } from '../../test/support/database.js';
import { startServer, type Client, type TestServer, type TestUser } from '../../test/support/server.js';

export type Signed = Client & { user: TestUser };

export interface World {
  s: TestServer;
  dinsos: { id: string; name: string };
  ngo: { id: string; name: string };
  ngo2: { id: string; name: string };
  worker: Signed;
  worker2: Signed;
  supervisor: Signed;
  focal: Signed;
  ngoSupervisor: Signed;
  otherFocal: Signed;
  analyst: Signed;
  query: (text: string) => Promise<Record<string, any>[]>;
}

export const VILLAGE = '35.07.01.2001'; // Tulungrejo, Donomulyo, Kabupaten Malang, Jawa Timur
export const FULL_NAME = 'Siti Rahayu';
export const PHONE = '+6281234567890';
export const ADDRESS = 'Jalan Melati 12, RT 03 RW 05';
export const NIK = '3507015705940001';
export const SUMMARY = 'Dipulangkan dari Kamboja setelah dipaksa bekerja di perusahaan penipuan daring.';
export const NEED_NOTE = 'Sering mimpi buruk sejak pulang.';

export async function makeWorld(): Promise<World> {
  const s = await startServer();
  const dinsos = await s.org({ type: 'local_government', areaCode: '35' });
  const ngo = await s.org({ type: 'ngo', level: 'regency' });
  const ngo2 = await s.org({ type: 'ngo', level: 'regency' });
  const [worker, worker2, supervisor, focal, ngoSupervisor, otherFocal, analyst] = await Promise.all([
    s.signedIn({ organizationId: dinsos.id, roles: ['case_worker'], displayName: 'Pekerja Kasus' }),
    s.signedIn({ organizationId: dinsos.id, roles: ['case_worker'] }),
    s.signedIn({ organizationId: dinsos.id, roles: ['supervisor'], displayName: 'Penyelia Dinsos' }),
    s.signedIn({ organizationId: ngo.id, roles: ['service_focal_point'], displayName: 'Titik Fokus' }),
    s.signedIn({ organizationId: ngo.id, roles: ['supervisor'] }),
    s.signedIn({ organizationId: ngo2.id, roles: ['service_focal_point'] }),
    s.signedIn({ organizationId: dinsos.id, roles: ['analyst'] }),
  ]);
  return {
    s,
    dinsos,
    ngo,
    ngo2,
    worker,
    worker2,
    supervisor,
    focal,
    ngoSupervisor,
    otherFocal,
    analyst,
    query: (text) => rawQuery(s.database, text) as Promise<Record<string, any>[]>,
  };
}

export const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

/** A case of the case worker whose person has a value in every shareable field, with two open needs. */
export async function referralCase(w: World, opts: { worker?: Signed; birthDate?: string } = {}) {
  const worker = opts.worker ?? w.worker;
  const db = w.s.database.db;
  const c = await makeCase(w.s, { organizationId: w.dinsos.id, createdById: worker.user.id, assignedToId: worker.user.id, birthDate: opts.birthDate ?? '1994-05-17' });
  await db
    .update(persons)
    .set({
      fullNameEnc: w.s.cipher.encrypt(FULL_NAME),
      languages: ['jv', 'id'],
      phonesEnc: w.s.cipher.encrypt(JSON.stringify([PHONE])),
      homeVillageCode: VILLAGE,
      homeProvinceCode: '35',
      homeAddressEnc: w.s.cipher.encrypt(ADDRESS),
      disabilities: ['hearing'],
    })
    .where(eq(persons.id, c.personId));
  await db.insert(personDocuments).values({ personId: c.personId, type: 'nik', numberEnc: w.s.cipher.encrypt(NIK), numberHash: randomBytes(16).toString('hex') });
  await db.update(cases).set({ summaryEnc: w.s.cipher.encrypt(SUMMARY), provinceCode: '35' }).where(eq(cases.id, c.id));
  const counselling = await worker.post(`/api/v1/cases/${c.id}/needs`, { type: 'counselling', severity: 'high', description: NEED_NOTE });
  const livelihood = await worker.post(`/api/v1/cases/${c.id}/needs`, { type: 'livelihood', severity: 'moderate' });
  if (counselling.status !== 201 || livelihood.status !== 201) throw new Error(`needs: ${counselling.text} ${livelihood.text}`);
  return { id: c.id, reference: c.reference, personId: c.personId, needIds: [counselling.body.id as string, livelihood.body.id as string] };
}

/** Records a referral_sharing decision through the API. */
export async function recordConsent(
  w: World,
  caseId: string,
  opts: { organizationId?: string; organizationType?: string; fields?: string[]; decision?: 'given' | 'refused'; givenAt?: string; by?: Signed } = {},
) {
  const res = await (opts.by ?? w.worker).post(`/api/v1/cases/${caseId}/consents`, {
    purpose: 'referral_sharing',
    ...(opts.organizationType ? { recipientOrganizationType: opts.organizationType } : { recipientOrganizationId: opts.organizationId ?? w.ngo.id }),
    sharedFields: opts.fields ?? ['name', 'sex', 'age', 'languages', 'needs'],
    decision: opts.decision ?? 'given',
    method: 'signed',
    givenBy: FULL_NAME,
    givenAt: opts.givenAt ?? hoursAgo(24),
  });
  if (res.status !== 201) throw new Error(`consent: ${res.status} ${res.text}`);
  return res.body as { id: string };
}

export const minimum = ['first_name', 'sex', 'age_band', 'languages', 'needs'];

export function referralBody(organizationId: string, needIds: string[], extra: Record<string, unknown> = {}) {
  return {
    organizationId,
    needIds,
    urgency: 'urgent',
    contactPreference: 'through_case_worker',
    message: 'Mohon pendampingan konseling untuk ibu ini.',
    sharedFields: minimum,
    ...extra,
  };
}

/** Sends a referral as the case worker (with a named consent recorded first unless `consent: false`). */
export async function sent(w: World, opts: { consent?: boolean; extra?: Record<string, unknown>; to?: string; worker?: Signed } = {}) {
  const c = await referralCase(w, { worker: opts.worker });
  if (opts.consent !== false) await recordConsent(w, c.id, { organizationId: opts.to ?? w.ngo.id, by: opts.worker });
  const res = await (opts.worker ?? w.worker).post(`/api/v1/cases/${c.id}/referrals`, referralBody(opts.to ?? w.ngo.id, c.needIds, opts.extra));
  if (res.status !== 201) throw new Error(`send: ${res.status} ${res.text}`);
  return { case: c, referral: res.body as Record<string, any> };
}

/** A directory service written straight into the table. */
export async function makeService(w: World, input: Partial<typeof services.$inferInsert> & { organizationId: string; termCodes: string[] }) {
  const { termCodes, ...rest } = input;
  const [row] = await w.s.database.db
    .insert(services)
    .values({ name: `Layanan ${randomBytes(3).toString('hex')}`, termIds: termCodes.map((c) => termByCode.get(c)!.id), ...rest })
    .returning({ id: services.id, name: services.name });
  return row;
}
