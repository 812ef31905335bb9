import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Client, type TestServer, type TestUser } from '../../test/support/server.js';
import { query as rawQ, seedPerson, villageIn } from './test-helpers.js';
import { todayInJakarta } from './derived.js';

type Signed = Client & { user: TestUser };
let s: TestServer;
let orgA: { id: string };
let orgB: { id: string };
let supA: Signed;
let workerA: Signed;
let worker2A: Signed;
let adminA: Signed;
let supB: Signed;
let workerB: Signed;
let village: string;

const q = (text: string) => rawQ(s, text);
const year = todayInJakarta().slice(0, 4);
const base = { caseType: 'victim_of_trafficking', direction: 'inbound', destinationCountries: ['MY'], riskLevel: 'medium', flags: [] };

beforeAll(async () => {
  s = await startServer();
  orgA = await s.org();
  orgB = await s.org();
  supA = await s.signedIn({ organizationId: orgA.id, roles: ['supervisor'] });
  workerA = await s.signedIn({ organizationId: orgA.id, roles: ['case_worker'] });
  worker2A = await s.signedIn({ organizationId: orgA.id, roles: ['case_worker'] });
  adminA = await s.signedIn({ organizationId: orgA.id, roles: ['org_admin'] });
  supB = await s.signedIn({ organizationId: orgB.id, roles: ['supervisor'] });
  workerB = await s.signedIn({ organizationId: orgB.id, roles: ['case_worker'] });
  village = await villageIn(s, '35.26');
});
afterAll(() => s?.close());

async function newCase(by: Signed, extra: Record<string, unknown> = {}) {
  const personId = await seedPerson(s, { organizationId: by.user.organizationId, createdById: by.user.id, homeVillageCode: village, birthDate: '1994-03-12' });
  const res = await by.post('/api/v1/cases', { ...base, personId, ...extra });
  expect(res.status, res.text).toBe(201);
  return res.body;
}
const countCases = async () => (await q('select count(*)::int as n from cases'))[0].n as number;

describe('intake', () => {
  it('registers an inbound case for an existing person: reference, stage intake, province from the person, summary encrypted, event and audit', async () => {
    const personId = await seedPerson(s, { organizationId: orgA.id, fullName: 'Sumiati binti Karim', createdById: workerA.user.id, homeVillageCode: village, birthDate: '1990-05-01' });
    const res = await workerA.post('/api/v1/cases', {
      personId,
      caseType: 'victim_of_trafficking',
      direction: 'inbound',
      destinationCountries: ['my', 'SA'],
      riskLevel: 'high',
      flags: ['urgent_medical'],
      summary: 'Dipulangkan dari Kuching; paspor ditahan majikan.',
    });
    expect(res.status, res.text).toBe(201);
    const c = res.body;
    expect(c.reference).toMatch(new RegExp(`^PUL-${year}-\\d{6}$`));
    expect(c).toMatchObject({
      personId,
      personName: 'Sumiati binti Karim',
      sex: 'female',
      isChild: false,
      caseType: 'victim_of_trafficking',
      direction: 'inbound',
      stage: 'intake',
      riskLevel: 'high',
      flags: ['urgent_medical'],
      destinationCountries: ['MY', 'SA'],
      provinceCode: '35',
      provinceName: expect.any(String),
      assignedTo: null,
      summary: 'Dipulangkan dari Kuching; paspor ditahan majikan.',
      closedAt: null,
      version: 1,
      allowedTransitions: ['screening'],
      createdBy: { id: workerA.user.id },
      can: { update: true, assign: false, determine: false, readSensitive: true },
    });
    expect(c.person).toMatchObject({ id: personId, fullName: 'Sumiati binti Karim', homeVillageCode: village });
    expect(c.priorityScore).toBeGreaterThanOrEqual(45);
    expect(c.priorityReasons).toEqual(expect.arrayContaining(['risk_high', 'urgent_medical']));
    const [row] = await q(`select * from cases where id = '${c.id}'`);
    expect(row.summary_enc).toMatch(/^v1:/);
    expect(row.summary_enc).not.toContain('Kuching');
    expect(row.organization_id).toBe(orgA.id);
    expect(row.created_by_id).toBe(workerA.user.id);
    expect(await q(`select kind, to_value, by_id from case_events where case_id = '${c.id}'`)).toEqual([{ kind: 'created', to_value: 'intake', by_id: workerA.user.id }]);
    const [audit] = await q(`select * from audit_events where action = 'case.create' and target_id = '${c.id}'`);
    expect(audit).toMatchObject({ actor_id: workerA.user.id, outcome: 'success', target_type: 'case' });
    expect(JSON.stringify(audit.details)).not.toMatch(/Sumiati|Kuching/);
    expect(audit.details).toMatchObject({ personId, reference: c.reference, caseType: 'victim_of_trafficking' });
  });

  it('registers an outbound case with a new person given inline', async () => {
    const res = await supA.post('/api/v1/cases', {
      person: { fullName: 'Aung Kyaw', sex: 'male', nationality: 'MM', languages: ['my'], birth: { kind: 'estimated_year', year: 1988 } },
      caseType: 'stranded_migrant',
      direction: 'outbound',
      destinationCountries: ['MM'],
      riskLevel: 'low',
      flags: [],
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ direction: 'outbound', caseType: 'stranded_migrant', personName: 'Aung Kyaw', provinceCode: null, stage: 'intake' });
    expect(res.body.person).toMatchObject({ fullName: 'Aung Kyaw', nationality: 'MM', organizationId: orgA.id });
    const [p] = await q(`select full_name_enc, organization_id from persons where id = '${res.body.personId}'`);
    expect(p.full_name_enc).not.toContain('Aung');
    expect(p.organization_id).toBe(orgA.id);
  });

  it('refuses an invalid inline person, naming the fields under person., and writes neither person nor case', async () => {
    const cases = await countCases();
    const persons = (await q('select count(*)::int as n from persons'))[0].n;
    const res = await workerA.post('/api/v1/cases', {
      ...base,
      person: { fullName: 'Rina', sex: 'female', homeVillageCode: '35.26.99.9999', birth: { kind: 'exact', date: '2999-01-01' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ 'person.homeVillageCode': 'unknown_area', 'person.birth.date': 'in_future' });
    expect(await countCases()).toBe(cases);
    expect((await q('select count(*)::int as n from persons'))[0].n).toBe(persons);
    const schema = await workerA.post('/api/v1/cases', { ...base, person: { sex: 'female' } });
    expect(schema.status).toBe(400);
    expect(schema.body.error.fields).toEqual({ 'person.fullName': 'required' });
  });

  it('derives the child flag from the birth date, whatever the flags sent', async () => {
    const personId = await seedPerson(s, { organizationId: orgA.id, createdById: workerA.user.id, birthDate: `${Number(year) - 15}-01-01` });
    const res = await workerA.post('/api/v1/cases', { ...base, caseType: 'unaccompanied_or_separated_child', personId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ isChild: true, flags: ['child'], age: 15 });
    expect(res.body.priorityReasons).toContain('child');
  });

  it('assignToMe gives the case to its creator; otherwise it waits unassigned in the queue', async () => {
    const mine = await newCase(workerA, { assignToMe: true });
    expect(mine.assignedTo).toMatchObject({ id: workerA.user.id });
    expect((await q(`select kind, from_value, to_value from case_events where case_id = '${mine.id}' order by id`)).map((e) => e.kind)).toEqual(['created', 'assignment']);
    const queued = await newCase(workerA);
    expect(queued.assignedTo).toBeNull();
    const supMine = await newCase(supA, { assignToMe: true });
    expect(supMine.assignedTo).toMatchObject({ id: supA.user.id });
  });

  it('gives unique, consecutive references under concurrent registrations', async () => {
    const ids = await Promise.all(Array.from({ length: 4 }, () => seedPerson(s, { organizationId: orgA.id, createdById: supA.user.id })));
    const results = await Promise.all(ids.map((personId) => supA.post('/api/v1/cases', { ...base, personId })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const refs = results.map((r) => r.body.reference as string);
    expect(new Set(refs).size).toBe(4);
    const numbers = refs.map((r) => Number(r.slice(-6))).sort((a, b) => a - b);
    expect(numbers[3]! - numbers[0]!).toBe(3);
    const [counter] = await q(`select last from case_reference_counters where year = ${year}`);
    expect(counter.last).toBe(Math.max(...numbers));
  });

  it('refuses an unknown country, naming the field, and writes nothing (not even a reference number)', async () => {
    const personId = await seedPerson(s, { organizationId: orgA.id, createdById: workerA.user.id });
    const before = await countCases();
    const [counter] = await q(`select last from case_reference_counters where year = ${year}`);
    const res = await workerA.post('/api/v1/cases', { ...base, personId, destinationCountries: ['MY', 'XX'] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ destinationCountries: 'unknown_country' });
    expect(await countCases()).toBe(before);
    expect((await q(`select last from case_reference_counters where year = ${year}`))[0].last).toBe(counter.last);
  });

  it('refuses the derived child flag, an unknown case type and a missing direction, naming each field', async () => {
    const personId = await seedPerson(s, { organizationId: orgA.id, createdById: workerA.user.id });
    const before = await countCases();
    const res = await workerA.post('/api/v1/cases', { personId, caseType: 'tourist', destinationCountries: [], flags: ['child'] });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['caseType', 'direction', 'flags.0']);
    expect(await countCases()).toBe(before);
  });

  it('needs exactly one of personId and person', async () => {
    const none = await workerA.post('/api/v1/cases', base);
    expect(none.status).toBe(400);
    expect(none.body.error.fields).toEqual({ personId: 'required' });
    const personId = await seedPerson(s, { organizationId: orgA.id, createdById: workerA.user.id });
    const both = await workerA.post('/api/v1/cases', { ...base, personId, person: { fullName: 'X', sex: 'male' } });
    expect(both.status).toBe(400);
    expect(both.body.error.fields).toEqual({ person: 'person_or_person_id' });
  });

  it("answers 404 for a person of another organisation or a colleague's person, and writes nothing", async () => {
    const before = await countCases();
    const otherOrg = await seedPerson(s, { organizationId: orgB.id, createdById: supB.user.id });
    expect((await supA.post('/api/v1/cases', { ...base, personId: otherOrg })).status).toBe(404);
    const colleagues = await newCase(worker2A, { assignToMe: true });
    expect((await workerA.post('/api/v1/cases', { ...base, personId: colleagues.personId })).status).toBe(404);
    expect(await countCases()).toBe(before + 1);
  });

  it('refuses a case to roles that never handle cases', async () => {
    const personId = await seedPerson(s, { organizationId: orgA.id });
    const res = await adminA.post('/api/v1/cases', { ...base, personId });
    expect(res.status).toBe(403);
  });
});

describe('reading and changing a case', () => {
  it('reads a case, audited without personal data', async () => {
    const c = await newCase(workerA, { assignToMe: true, summary: 'Catatan rahasia' });
    const res = await workerA.get(`/api/v1/cases/${c.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: c.id, summary: 'Catatan rahasia', person: { id: c.personId } });
    const audits = await q(`select details from audit_events where action = 'case.read' and target_id = '${c.id}'`);
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]!.details)).not.toMatch(/Catatan|Siti/);
  });

  it('changes the fields sent and recomputes the priority', async () => {
    const c = await newCase(workerA, { assignToMe: true });
    const res = await workerA.patch(`/api/v1/cases/${c.id}`, { version: 1, riskLevel: 'critical', flags: ['security_risk'], summary: 'Ancaman dari perekrut', destinationCountries: ['SG'] });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ version: 2, riskLevel: 'critical', flags: ['security_risk'], summary: 'Ancaman dari perekrut', destinationCountries: ['SG'], priorityBand: 'critical' });
    expect(res.body.priorityScore).toBeGreaterThan(c.priorityScore);
    const [a] = await q(`select details from audit_events where action = 'case.update' and target_id = '${c.id}'`);
    expect(JSON.stringify(a.details)).not.toContain('Ancaman');
  });

  it('a stale version answers 409 version_conflict with the current case and changes nothing', async () => {
    const c = await newCase(workerA, { assignToMe: true });
    expect((await workerA.patch(`/api/v1/cases/${c.id}`, { version: 1, riskLevel: 'high' })).status).toBe(200);
    const res = await workerA.patch(`/api/v1/cases/${c.id}`, { version: 1, riskLevel: 'low', summary: 'Ditimpa' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('version_conflict');
    expect(res.body.error.current).toMatchObject({ id: c.id, version: 2, riskLevel: 'high' });
    const [row] = await q(`select risk_level, version, summary_enc from cases where id = '${c.id}'`);
    expect(row).toMatchObject({ risk_level: 'high', version: 2, summary_enc: null });
  });

  it('of two concurrent changes based on the same version, one wins and the other gets 409', async () => {
    const c = await newCase(workerA, { assignToMe: true });
    const [a, b] = await Promise.all([
      workerA.patch(`/api/v1/cases/${c.id}`, { version: 1, riskLevel: 'high' }),
      workerA.patch(`/api/v1/cases/${c.id}`, { version: 1, riskLevel: 'low' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await q(`select version from cases where id = '${c.id}'`))[0].version).toBe(2);
  });

  it('refuses an unknown country on change', async () => {
    const c = await newCase(workerA, { assignToMe: true });
    const res = await workerA.patch(`/api/v1/cases/${c.id}`, { version: 1, destinationCountries: ['ZZ'] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ destinationCountries: 'unknown_country' });
    expect((await q(`select version from cases where id = '${c.id}'`))[0].version).toBe(1);
  });
});

describe('stages', () => {
  it('moves through allowed stages, refuses others with the allowed list, closes through an approved request and reopens with a reason, all in the history', async () => {
    const c = await newCase(workerA, { assignToMe: true });
    const url = `/api/v1/cases/${c.id}/transitions`;
    const bad = await workerA.post(url, { version: 1, to: 'monitoring' });
    expect(bad.status).toBe(409);
    expect(bad.body.error).toMatchObject({ code: 'transition_not_allowed', allowed: ['screening'] });

    const toScreening = await workerA.post(url, { version: 1, to: 'screening' });
    expect(toScreening.status).toBe(200);
    expect(toScreening.body).toMatchObject({ stage: 'screening', version: 2, allowedTransitions: ['assessment'] });

    // Closing is a request a supervisor approves (src/closure), never a direct move.
    const direct = await workerA.post(url, { version: 2, to: 'closed', closureReason: 'unreachable', reason: 'Nomor telepon tidak aktif' });
    expect(direct.status).toBe(409);
    expect(direct.body.error.code).toBe('closure_requires_approval');
    expect((await q(`select stage, version from cases where id = '${c.id}'`))[0]).toEqual({ stage: 'screening', version: 2 });

    const requested = await workerA.post(`/api/v1/cases/${c.id}/closure`, { closureReason: 'unreachable', reason: 'Nomor telepon tidak aktif' });
    expect(requested.status).toBe(201);
    const approved = await supA.post(`/api/v1/closures/${requested.body.id}/approve`, { version: 1, acknowledgeIncomplete: true });
    expect(approved.status).toBe(200);
    const closed = await workerA.get(`/api/v1/cases/${c.id}`);
    expect(closed.body).toMatchObject({ stage: 'closed', closureReason: 'unreachable', allowedTransitions: ['reopened'], version: 3 });
    expect(closed.body.closedAt).not.toBeNull();

    const patchClosed = await workerA.patch(`/api/v1/cases/${c.id}`, { version: 3, riskLevel: 'high' });
    expect(patchClosed.status).toBe(409);
    expect(patchClosed.body.error.code).toBe('case_closed');

    const noReason = await workerA.post(url, { version: 3, to: 'reopened' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toEqual({ reason: 'required' });
    const reopened = await workerA.post(url, { version: 3, to: 'reopened', reason: 'Keluarga menghubungi kembali' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ stage: 'reopened', closedAt: null, closureReason: null, version: 4 });

    const [row] = await q(`select * from case_events where case_id = '${c.id}' and kind = 'stage' and to_value = 'closed'`);
    expect(row.note_enc).toMatch(/^v1:/);
    expect(row.reason).toBe('unreachable');

    const history = await workerA.get(`/api/v1/cases/${c.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((e: any) => [e.kind, e.fromValue, e.toValue])).toEqual([
      ['created', null, 'intake'],
      ['assignment', null, workerA.user.id],
      ['stage', 'intake', 'screening'],
      ['closure', null, 'pending'],
      ['stage', 'screening', 'closed'],
      ['stage', 'closed', 'reopened'],
    ]);
    expect(history.body.items[1]).toMatchObject({ fromUser: null, toUser: { id: workerA.user.id, displayName: expect.any(String) } });
    expect(history.body.items[4]).toMatchObject({ reason: 'Nomor telepon tidak aktif', reasonCode: 'unreachable', by: { id: supA.user.id, displayName: expect.any(String) } });
    expect(history.body.items[5]).toMatchObject({ reason: 'Keluarga menghubungi kembali', reasonCode: null });
    const audits = await q(`select details from audit_events where action = 'case.transition' and target_id = '${c.id}' order by seq`);
    expect(audits.map((a) => a.details)).toEqual([
      { from: 'intake', to: 'screening' },
      { from: 'closed', to: 'reopened' },
    ]);
  });

  it('a move to closed is refused whatever the version, with nothing written; a stale version of another move is refused', async () => {
    const c = await newCase(workerA, { assignToMe: true });
    const events = async () => (await q(`select count(*)::int as n from case_events where case_id = '${c.id}'`))[0].n;
    const before = await events();
    for (const version of [1, 7]) {
      const res = await workerA.post(`/api/v1/cases/${c.id}/transitions`, { version, to: 'closed', closureReason: 'duplicate' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('closure_requires_approval');
    }
    expect(await events()).toBe(before);
    expect((await q(`select stage, version from cases where id = '${c.id}'`))[0]).toEqual({ stage: 'intake', version: 1 });
    const stale = await workerA.post(`/api/v1/cases/${c.id}/transitions`, { version: 7, to: 'screening' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.current).toMatchObject({ stage: 'intake', version: 1 });
  });
});

describe('who reaches a case', () => {
  it("another organisation's supervisor and case worker get 404 on every case route, and nothing changes", async () => {
    const c = await newCase(supA, { assignToMe: true });
    const assignee = workerA.user.id;
    for (const outsider of [supB, workerB]) {
      const answers = [
        await outsider.get(`/api/v1/cases/${c.id}`),
        await outsider.patch(`/api/v1/cases/${c.id}`, { version: 1, riskLevel: 'low' }),
        await outsider.post(`/api/v1/cases/${c.id}/transitions`, { version: 1, to: 'screening' }),
        await outsider.get(`/api/v1/cases/${c.id}/history`),
      ];
      expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    }
    expect((await supB.post(`/api/v1/cases/${c.id}/assignment`, { version: 1, assigneeId: assignee })).status).toBe(404);
    expect((await supB.get(`/api/v1/cases/${c.id}/assignment/suggestions`)).status).toBe(404);
    // A case worker never assigns: refused outright, whatever the case.
    expect((await workerB.post(`/api/v1/cases/${c.id}/assignment`, { version: 1, assigneeId: assignee })).status).toBe(403);
    expect((await q(`select version, stage from cases where id = '${c.id}'`))[0]).toEqual({ version: 1, stage: 'intake' });
    const denied = await q(`select count(*)::int as n from audit_events where action = 'permission.denied' and target_id = '${c.id}'`);
    expect(denied[0].n).toBeGreaterThanOrEqual(9);
  });

  it("an unknown case ID answers 404 like another organisation's case", async () => {
    expect((await supA.get('/api/v1/cases/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it("a case worker cannot read a colleague's case; the supervisor can", async () => {
    const c = await newCase(worker2A, { assignToMe: true });
    expect((await workerA.get(`/api/v1/cases/${c.id}`)).status).toBe(404);
    expect((await workerA.get(`/api/v1/cases/${c.id}/history`)).status).toBe(404);
    expect((await workerA.patch(`/api/v1/cases/${c.id}`, { version: 1, riskLevel: 'low' })).status).toBe(404);
    const sup = await supA.get(`/api/v1/cases/${c.id}`);
    expect(sup.status).toBe(200);
    expect(sup.body.can).toEqual({ update: true, assign: true, determine: true, readSensitive: true });
  });

  it('a case worker keeps an unassigned case they registered, and loses it once it is given to a colleague', async () => {
    const c = await newCase(workerA);
    expect((await workerA.get(`/api/v1/cases/${c.id}`)).status).toBe(200);
    const given = await supA.post(`/api/v1/cases/${c.id}/assignment`, { version: 1, assigneeId: worker2A.user.id });
    expect(given.status).toBe(200);
    expect((await workerA.get(`/api/v1/cases/${c.id}`)).status).toBe(404);
    expect((await worker2A.get(`/api/v1/cases/${c.id}`)).status).toBe(200);
  });

  it('administrators never read cases: a case ID tells them nothing (404), the list is refused (403)', async () => {
    const c = await newCase(supA);
    expect((await adminA.get(`/api/v1/cases/${c.id}`)).status).toBe(404);
    expect((await adminA.get('/api/v1/cases')).status).toBe(403);
  });
});
