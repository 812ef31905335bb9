import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Client, type TestServer, type TestUser } from '../../test/support/server.js';
import { todayInJakarta } from './derived.js';
import { query as rawQ, seedPerson, villageIn } from './test-helpers.js';

type Signed = Client & { user: TestUser };
let s: TestServer;
let orgA: { id: string };
let orgB: { id: string };
let supA: Signed;
let workerA: Signed;
let worker2A: Signed;
let supB: Signed;
let village35: string;
let village33: string;

const q = (text: string) => rawQ(s, text);
const base = { caseType: 'vulnerable_migrant', direction: 'inbound', destinationCountries: ['MY'], riskLevel: 'low', flags: [] };
const today = todayInJakarta();
const shift = (days: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  s = await startServer();
  orgA = await s.org();
  orgB = await s.org();
  supA = await s.signedIn({ organizationId: orgA.id, roles: ['supervisor'] });
  workerA = await s.signedIn({ organizationId: orgA.id, roles: ['case_worker'] });
  worker2A = await s.signedIn({ organizationId: orgA.id, roles: ['case_worker'] });
  supB = await s.signedIn({ organizationId: orgB.id, roles: ['supervisor'] });
  village35 = await villageIn(s, '35.26');
  village33 = await villageIn(s, '33.01');
});
afterAll(() => s?.close());

async function newCase(by: Signed, extra: Record<string, unknown> = {}, person: { village?: string; name?: string; languages?: string[] } = {}) {
  const personId = await seedPerson(s, {
    organizationId: by.user.organizationId,
    createdById: by.user.id,
    homeVillageCode: person.village ?? village35,
    fullName: person.name,
    languages: person.languages,
  });
  const res = await by.post('/api/v1/cases', { ...base, personId, ...extra });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

describe('worklist', () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    // Worker A's cases, with different priorities and due dates.
    const low = await newCase(workerA, { assignToMe: true }, { name: 'Ani Rendah' });
    const high = await newCase(workerA, { assignToMe: true, riskLevel: 'high', destinationCountries: ['SA', 'AE'], caseType: 'victim_of_trafficking' }, { name: 'Budi Tinggi' });
    const highDue = await newCase(workerA, { assignToMe: true, riskLevel: 'high', caseType: 'victim_of_trafficking' }, { name: 'Citra Tinggi', village: village33 });
    const critical = await newCase(workerA, { assignToMe: true, riskLevel: 'critical' }, { name: 'Dedi Kritis' });
    const unassignedMine = await newCase(workerA, {}, { name: 'Eka Antrean' });
    const colleagues = await newCase(worker2A, { assignToMe: true, riskLevel: 'critical' }, { name: 'Fajar Rekan' });
    const queued = await newCase(supA, { riskLevel: 'medium' }, { name: 'Gita Antrean' });
    const closed = await newCase(workerA, { assignToMe: true }, { name: 'Hadi Tutup' });
    // Closing goes through an approved closure request (src/closure); here the closed state is written directly.
    await q(`update cases set stage = 'closed', closed_at = now(), closure_reason = 'duplicate', version = version + 1 where id = '${closed.id}'`);
    await newCase(supB, { assignToMe: true, riskLevel: 'critical' }, { name: 'Lain Organisasi' });
    // Due dates (normally kept from the tasks): one overdue, one later; the rest undated.
    await q(`update cases set next_due_on = '${shift(-2)}' where id = '${highDue.id}'`);
    await q(`update cases set next_due_on = '${shift(5)}' where id = '${high.id}'`);
    ids = { low: low.id, high: high.id, highDue: highDue.id, critical: critical.id, unassignedMine: unassignedMine.id, colleagues: colleagues.id, queued: queued.id, closed: closed.id };
  });
  const list = async (c: Signed, qs = '') => {
    const res = await c.get(`/api/v1/cases${qs}`);
    expect(res.status, res.text).toBe(200);
    return res.body as { items: any[]; total: number; totalCapped: boolean };
  };

  it('"mine" lists my assigned cases and the unassigned ones I registered, by priority, then due date (undated last), without closed ones', async () => {
    const page = await list(workerA);
    expect(page.items.map((i) => i.id)).toEqual([ids.critical, ids.highDue, ids.high, ids.low, ids.unassignedMine]);
    expect(page.total).toBe(5);
    expect(page.items[1]).toMatchObject({ personName: 'Citra Tinggi', overdue: true, nextDueOn: shift(-2), provinceCode: '33', assignedTo: { id: workerA.user.id } });
    expect(page.items[2]).toMatchObject({ overdue: false, nextDueOn: shift(5) });
    expect(page.items[0]).toMatchObject({ reference: expect.stringMatching(/^PUL-/), sex: 'female', isChild: false, priorityBand: 'critical', destinationCountries: ['MY'], provinceName: expect.any(String) });
  });

  it('the page read is audited with the IDs it returned, never names', async () => {
    await list(workerA, '?limit=2');
    const [a] = await q(`select details from audit_events where action = 'case.list' and actor_id = '${workerA.user.id}' order by seq desc limit 1`);
    expect(a.details).toMatchObject({ scope: 'mine', ids: [ids.critical, ids.highDue], total: 5 });
    expect(JSON.stringify(a.details)).not.toMatch(/Dedi|Citra/);
  });

  it('filters by stage, type, province, country, overdue, reference and person', async () => {
    expect((await list(workerA, '?type=victim_of_trafficking')).items.map((i) => i.id)).toEqual([ids.highDue, ids.high]);
    expect((await list(workerA, '?province=33')).items.map((i) => i.id)).toEqual([ids.highDue]);
    expect((await list(workerA, '?country=ae')).items.map((i) => i.id)).toEqual([ids.high]);
    expect((await list(workerA, '?overdue=true')).items.map((i) => i.id)).toEqual([ids.highDue]);
    expect((await list(workerA, '?stage=closed')).items.map((i) => i.id)).toEqual([ids.closed]);
    expect((await list(workerA, '?stage=intake')).total).toBe(5);
    const [ref] = await q(`select reference, person_id from cases where id = '${ids.low}'`);
    expect((await list(workerA, `?q=${ref.reference}`)).items.map((i) => i.id)).toEqual([ids.low]);
    expect((await list(workerA, `?q=${ref.reference.slice(4).toLowerCase()}`)).items.map((i) => i.id)).toEqual([ids.low]);
    expect((await list(workerA, `?personId=${ref.person_id}`)).items.map((i) => i.id)).toEqual([ids.low]);
  });

  it('rejects a malformed filter, naming it', async () => {
    const res = await workerA.get('/api/v1/cases?province=Jawa&limit=500');
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['limit', 'province']);
  });

  it('pages with limit and offset; total counts every match', async () => {
    const all = await list(workerA);
    const p1 = await list(workerA, '?limit=2&offset=0');
    const p2 = await list(workerA, '?limit=2&offset=2');
    const p3 = await list(workerA, '?limit=2&offset=4');
    expect([...p1.items, ...p2.items, ...p3.items].map((i) => i.id)).toEqual(all.items.map((i) => i.id));
    expect([p1.total, p2.total, p3.total]).toEqual([5, 5, 5]);
    expect(p1.totalCapped).toBe(false);
    expect(p3.items).toHaveLength(1);
  });

  it("the organisation scope is for supervisors: all the organisation's open cases, no one else's", async () => {
    const page = await list(supA, '?scope=organization');
    expect(page.total).toBe(7);
    expect(page.items.map((i) => i.id)).not.toContain(ids.closed);
    expect(page.items.slice(0, 2).map((i) => i.id).sort()).toEqual([ids.critical, ids.colleagues].sort());
    expect((await workerA.get('/api/v1/cases?scope=organization')).status).toBe(403);
    expect((await list(supB, '?scope=organization')).total).toBe(1);
  });

  it('the queue lists the unassigned open cases of the organisation, for supervisors only', async () => {
    const page = await list(supA, '?scope=queue');
    expect(page.items.map((i) => i.id)).toEqual([ids.queued, ids.unassignedMine]);
    expect(page.items.every((i) => i.assignedTo === null)).toBe(true);
    expect((await workerA.get('/api/v1/cases?scope=queue')).status).toBe(403);
    expect((await list(supB, '?scope=queue')).total).toBe(0);
  });
});

describe('assignment', () => {
  it('assigns to an active case worker of the organisation, records the event, and the case leaves the queue', async () => {
    const c = await newCase(supA);
    const res = await supA.post(`/api/v1/cases/${c.id}/assignment`, { version: 1, assigneeId: workerA.user.id });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ assignedTo: { id: workerA.user.id }, version: 2 });
    expect((await supA.get('/api/v1/cases?scope=queue')).body.items.map((i: any) => i.id)).not.toContain(c.id);
    const back = await supA.post(`/api/v1/cases/${c.id}/assignment`, { version: 2, assigneeId: null });
    expect(back.body).toMatchObject({ assignedTo: null, version: 3 });
    const events = await q(`select kind, from_value, to_value, by_id from case_events where case_id = '${c.id}' and kind = 'assignment' order by id`);
    expect(events).toEqual([
      { kind: 'assignment', from_value: null, to_value: workerA.user.id, by_id: supA.user.id },
      { kind: 'assignment', from_value: workerA.user.id, to_value: null, by_id: supA.user.id },
    ]);
    const audits = await q(`select details from audit_events where action = 'case.assign' and target_id = '${c.id}' order by seq`);
    expect(audits.map((a) => a.details)).toEqual([{ from: null, to: workerA.user.id }, { from: workerA.user.id, to: null }]);
  });

  it('refuses an assignee who cannot hold cases of this organisation, naming the field', async () => {
    const c = await newCase(supA);
    const admin = await s.user({ organizationId: orgA.id, roles: ['org_admin'] });
    const otherOrg = await s.user({ organizationId: orgB.id, roles: ['case_worker'] });
    const gone = await s.user({ organizationId: orgA.id, roles: ['case_worker'] });
    await q(`update users set status = 'deactivated' where id = '${gone.id}'`);
    for (const assigneeId of [admin.id, otherOrg.id, gone.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await supA.post(`/api/v1/cases/${c.id}/assignment`, { version: 1, assigneeId });
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual({ assigneeId: 'not_assignable' });
    }
    expect((await q(`select version, assigned_to_id from cases where id = '${c.id}'`))[0]).toEqual({ version: 1, assigned_to_id: null });
  });

  it('a stale version is refused with the current case', async () => {
    const c = await newCase(supA);
    await supA.post(`/api/v1/cases/${c.id}/assignment`, { version: 1, assigneeId: workerA.user.id });
    const res = await supA.post(`/api/v1/cases/${c.id}/assignment`, { version: 1, assigneeId: worker2A.user.id });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'version_conflict', current: { assignedTo: { id: workerA.user.id } } });
  });

  it('case workers cannot assign, not even their own case', async () => {
    const c = await newCase(workerA, { assignToMe: true });
    expect((await workerA.post(`/api/v1/cases/${c.id}/assignment`, { version: 1, assigneeId: worker2A.user.id })).status).toBe(403);
    expect((await workerA.get(`/api/v1/cases/${c.id}/assignment/suggestions`)).status).toBe(403);
  });
});

describe('assignment suggestions and caseloads', () => {
  let org: { id: string };
  let sup: Signed;
  let busy: TestUser;
  let madurese: TestUser;
  let local: TestUser;
  let idle: TestUser;
  beforeAll(async () => {
    org = await s.org();
    sup = await s.signedIn({ organizationId: org.id, roles: ['supervisor'] });
    const make = async (name: string, languages: string[], areaCodes: string[]) => {
      const u = await s.user({ organizationId: org.id, roles: ['case_worker'], displayName: name });
      await q(`update users set languages = '{${languages.join(',')}}', area_codes = '{${areaCodes.join(',')}}' where id = '${u.id}'`);
      return u;
    };
    busy = await make('Bu Sibuk', ['mad'], ['35.26']);
    madurese = await make('Pak Madura', ['mad', 'id'], []);
    local = await make('Mbak Lokal', ['id'], ['35']);
    idle = await make('Mas Senggang', ['en'], []);
    // Busy: three open cases (one critical); Madurese: one elevated; local: one routine and one closed.
    const give = async (userId: string, risk: string) => {
      const personId = await seedPerson(s, { organizationId: org.id, homeVillageCode: village33 });
      const res = await sup.post('/api/v1/cases', { ...base, personId, riskLevel: risk });
      await sup.post(`/api/v1/cases/${res.body.id}/assignment`, { version: 1, assigneeId: userId });
      return res.body.id as string;
    };
    await give(busy.id, 'critical');
    await give(busy.id, 'low');
    await give(busy.id, 'low');
    await give(madurese.id, 'high');
    await give(local.id, 'low');
    const done = await give(local.id, 'low');
    await q(`update cases set stage = 'closed', closed_at = now(), closure_reason = 'reintegrated', version = version + 1 where id = '${done}'`);
    await q(`update cases set next_due_on = '${shift(-1)}' where assigned_to_id = '${busy.id}' and risk_level = 'critical'`);
  });

  it('ranks case workers by weighted caseload, preferring the person’s language and home area, and recommends one', async () => {
    const personId = await seedPerson(s, { organizationId: org.id, homeVillageCode: village35, languages: ['mad'] });
    const c = (await sup.post('/api/v1/cases', { ...base, personId })).body;
    const res = await sup.get(`/api/v1/cases/${c.id}/assignment/suggestions`);
    expect(res.status, res.text).toBe(200);
    const byName = Object.fromEntries(res.body.items.map((i: any) => [i.displayName, i]));
    expect(byName['Bu Sibuk']).toMatchObject({ openCases: 3, weightedCaseload: 6, speaksLanguage: true, coversArea: true, recommended: false });
    expect(byName['Pak Madura']).toMatchObject({ openCases: 1, weightedCaseload: 2, speaksLanguage: true, coversArea: false, recommended: true });
    expect(byName['Mbak Lokal']).toMatchObject({ openCases: 1, weightedCaseload: 1, speaksLanguage: false, coversArea: true });
    expect(byName['Mas Senggang']).toMatchObject({ openCases: 0, weightedCaseload: 0, speaksLanguage: false, coversArea: false });
    // Pak Madura (2 − 4) before Mbak Lokal (1 − 2) before Mas Senggang (0) before Bu Sibuk (6 − 6 = 0, more cases).
    expect(res.body.items.map((i: any) => i.displayName)).toEqual(['Pak Madura', 'Mbak Lokal', 'Mas Senggang', 'Bu Sibuk']);
    expect(res.body.items.filter((i: any) => i.recommended)).toHaveLength(1);
    // Supervisors are not suggested (they may still be assigned by hand).
    expect(res.body.items.map((i: any) => i.userId)).not.toContain(sup.user.id);
  });

  it('with nothing in common, the lightest caseload is recommended', async () => {
    const personId = await seedPerson(s, { organizationId: org.id, languages: ['zh'], homeVillageCode: null });
    const c = (await sup.post('/api/v1/cases', { ...base, personId })).body;
    const res = await sup.get(`/api/v1/cases/${c.id}/assignment/suggestions`);
    expect(res.body.items[0]).toMatchObject({ userId: idle.id, displayName: 'Mas Senggang', recommended: true });
  });

  it('caseloads give each case worker and supervisor their open cases by band, weighted, with the overdue ones, and the queue', async () => {
    const res = await sup.get('/api/v1/caseloads');
    expect(res.status, res.text).toBe(200);
    const byName = Object.fromEntries(res.body.items.map((i: any) => [i.displayName, i]));
    expect(byName['Bu Sibuk']).toMatchObject({
      userId: busy.id,
      languages: ['mad'],
      areaCodes: ['35.26'],
      openCases: 3,
      weightedCaseload: 6,
      overdueCases: 1,
      byBand: { routine: 2, elevated: 0, urgent: 0, critical: 1 },
    });
    expect(byName['Mbak Lokal']).toMatchObject({ openCases: 1, weightedCaseload: 1, overdueCases: 0 });
    expect(byName['Pak Madura'].byBand).toEqual({ routine: 0, elevated: 1, urgent: 0, critical: 0 });
    expect(res.body.items.map((i: any) => i.userId)).toContain(sup.user.id);
    expect(res.body.queue.openCases).toBe(2);
    expect((await workerA.get('/api/v1/caseloads')).status).toBe(403);
    // Another organisation's supervisor sees their own people only.
    const other = await supB.get('/api/v1/caseloads');
    expect(other.body.items.map((i: any) => i.userId)).not.toContain(busy.id);
  });
});
