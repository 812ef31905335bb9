// Fixtures for the plan and group-activity tests: two organisations with real signed-in users,
// cases of the case worker with needs recorded through the API, a referral written straight into
// its table (referrals have their own tests), and group activities made through the API.
import { makeCase } from '../../case-records/test-fixtures.js';
import { referrals } from '../../platform/db/schema.js';
import { rawQuery } from '../../../test/support/database.js';
import { startServer, type Client, type TestServer, type TestUser } from '../../../test/support/server.js';

export type Signed = Client & { user: TestUser };

export interface World {
  s: TestServer;
  dinsos: { id: string };
  other: { id: string };
  worker: Signed;
  worker2: Signed;
  supervisor: Signed;
  orgAdmin: Signed;
  otherSupervisor: Signed;
  otherAdmin: Signed;
  analyst: Signed;
  query: (text: string) => Promise<Record<string, any>[]>;
}

export const api = (p: string) => `/api/v1${p}`;

export async function makeWorld(): Promise<World> {
  const s = await startServer();
  const dinsos = await s.org({ type: 'local_government', areaCode: '35' });
  const other = await s.org({ type: 'local_government', areaCode: '33' });
  const [worker, worker2, supervisor, orgAdmin, otherSupervisor, otherAdmin, analyst] = await Promise.all([
    s.signedIn({ organizationId: dinsos.id, roles: ['case_worker'], displayName: 'Pekerja Kasus' }),
    s.signedIn({ organizationId: dinsos.id, roles: ['case_worker'] }),
    s.signedIn({ organizationId: dinsos.id, roles: ['supervisor'], displayName: 'Penyelia Dinsos' }),
    s.signedIn({ organizationId: dinsos.id, roles: ['org_admin'] }),
    s.signedIn({ organizationId: other.id, roles: ['supervisor'] }),
    s.signedIn({ organizationId: other.id, roles: ['org_admin'] }),
    s.signedIn({ organizationId: dinsos.id, roles: ['analyst'] }),
  ]);
  return {
    s,
    dinsos,
    other,
    worker,
    worker2,
    supervisor,
    orgAdmin,
    otherSupervisor,
    otherAdmin,
    analyst,
    query: (text) => rawQuery(s.database, text) as Promise<Record<string, any>[]>,
  };
}

/** A case of the case worker with two open needs (livelihood, counselling) recorded through the API. */
export async function planCase(w: World, worker: Signed = w.worker) {
  const c = await makeCase(w.s, { organizationId: w.dinsos.id, createdById: worker.user.id, assignedToId: worker.user.id });
  const needIds: Record<string, string> = {};
  for (const type of ['livelihood', 'counselling']) {
    const res = await worker.post(api(`/cases/${c.id}/needs`), { type, severity: 'high', description: 'Catatan kebutuhan' });
    if (res.status !== 201) throw new Error(`need: ${res.status} ${res.text}`);
    needIds[type] = res.body.id;
  }
  return { ...c, needIds };
}

/** A referral of the case to the other organisation, written into its table. */
export async function makeReferral(w: World, caseId: string, byId: string) {
  const [r] = await w.s.database.db
    .insert(referrals)
    .values({
      caseId,
      fromOrganizationId: w.dinsos.id,
      toOrganizationId: w.other.id,
      urgency: 'routine',
      respondBy: new Date(Date.now() + 72 * 3_600_000),
      contactPreference: 'through_case_worker',
      sentById: byId,
    })
    .returning({ id: referrals.id });
  return r.id;
}

export async function makeActivity(w: World, by: Signed = w.supervisor, body: Record<string, unknown> = {}) {
  const res = await by.post(api('/group-activities'), {
    kind: 'peer_group',
    name: 'Kelompok Purna Migran Donomulyo',
    description: 'Pertemuan dua mingguan di balai desa.',
    areaCode: '35.07',
    capacity: 12,
    ...body,
  });
  if (res.status !== 201) throw new Error(`activity: ${res.status} ${res.text}`);
  return res.body as { id: string; version: number; enrolled: number; full: boolean };
}

export const item = (over: Record<string, unknown> = {}) => ({
  dimension: 'economic',
  what: 'Paket modal usaha warung kelontong',
  delivery: 'direct',
  budgetIdr: 3_500_000,
  startOn: '2026-03-01',
  endOn: '2026-06-30',
  ...over,
});

/** A plan with the given items, submitted and approved by the supervisor; returns the approved plan. */
export async function approvedPlan(w: World, caseId: string, items: Record<string, unknown>[] = [item()], worker: Signed = w.worker) {
  const created = await worker.post(api(`/cases/${caseId}/plans`), { goal: 'Mandiri secara ekonomi dalam satu tahun' });
  if (created.status !== 201) throw new Error(`plan: ${created.status} ${created.text}`);
  for (const i of items) {
    const r = await worker.post(api(`/plans/${created.body.id}/items`), i);
    if (r.status !== 201) throw new Error(`item: ${r.status} ${r.text}`);
  }
  const plan = (await worker.get(api(`/plans/${created.body.id}`))).body;
  const submitted = await worker.post(api(`/plans/${plan.id}/submit`), { version: plan.version });
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${submitted.text}`);
  const approved = await w.supervisor.post(api(`/plans/${plan.id}/approve`), { version: submitted.body.version });
  if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${approved.text}`);
  return approved.body;
}
