import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../test/support/database.js';
import { startServer, type Client, type TestServer, type TestUser } from '../../test/support/server.js';
import { todayInJakarta } from '../cases/derived.js';
import { makeCase } from './test-fixtures.js';

type Signed = Client & { user: TestUser };
let s: TestServer;
let worker: Signed;
let supervisor: Signed;
let caseId: string;
const query = (text: string) => rawQuery(s.database, text) as Promise<Record<string, any>[]>;
const path = () => `/api/v1/cases/${caseId}/screening`;
const count = async (table: string, where = 'true') => (await query(`select count(*)::int as n from ${table} where ${where}`))[0].n as number;

const valid = {
  exploitationTypes: ['forced_labour', 'online_scam_compound'],
  meansOfControl: ['withholding_documents', 'debt_bondage'],
  recruitmentMethods: ['social_media'],
  recruiterRelationship: 'acquaintance',
  industries: ['information_communication'],
  exploitationCountries: ['kh', 'MM'],
  exploitationStart: '2025-03-01',
  exploitationEnd: '2025-11-15',
  notes: 'Paspor ditahan oleh mandor sejak hari pertama.',
};

beforeAll(async () => {
  s = await startServer();
  const org = await s.org();
  worker = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
  supervisor = await s.signedIn({ organizationId: org.id, roles: ['supervisor'] });
  caseId = (await makeCase(s, { organizationId: org.id, createdById: worker.user.id, assignedToId: worker.user.id })).id;
});
afterAll(() => s?.close());

describe('screening', () => {
  it('reads an empty screening with version 0 before one is recorded', async () => {
    const res = await worker.get(path());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ caseId, version: 0, exploitationTypes: [], determination: null, notes: null });
  });

  it('refuses an unknown picklist code naming the field, and writes nothing', async () => {
    const res = await worker.request('PUT', path(), { ...valid, version: 0, meansOfControl: ['threats', 'voodoo'] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ meansOfControl: 'invalid_choice' });
    const rel = await worker.request('PUT', path(), { ...valid, version: 0, recruiterRelationship: 'cousin' });
    expect(rel.body.error.fields).toEqual({ recruiterRelationship: 'invalid_choice' });
    expect(await count('case_screenings')).toBe(0);
  });

  it('refuses unknown countries, future dates and an end before the start, naming each field', async () => {
    const c = await worker.request('PUT', path(), { ...valid, version: 0, exploitationCountries: ['MY', 'XX'] });
    expect(c.status).toBe(400);
    expect(c.body.error.fields).toEqual({ exploitationCountries: 'unknown_country' });
    const order = await worker.request('PUT', path(), { ...valid, version: 0, exploitationStart: '2025-06-01', exploitationEnd: '2025-05-31' });
    expect(order.body.error.fields).toEqual({ exploitationEnd: 'end_before_start' });
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const future = await worker.request('PUT', path(), { ...valid, version: 0, exploitationStart: tomorrow, exploitationEnd: null });
    expect(future.body.error.fields).toEqual({ exploitationStart: 'in_future' });
    const badDate = await worker.request('PUT', path(), { ...valid, version: 0, exploitationEnd: '2025-02-30' });
    expect(badDate.status).toBe(400);
    expect(Object.keys(badDate.body.error.fields)).toEqual(['exploitationEnd']);
    expect(await count('case_screenings')).toBe(0);
  });

  it('creates with version 0, stores the notes encrypted and normalises country codes', async () => {
    const today = todayInJakarta();
    const res = await worker.request('PUT', path(), { ...valid, version: 0, exploitationEnd: today });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...valid, exploitationCountries: ['KH', 'MM'], exploitationEnd: today, version: 1, determination: null });
    expect(res.body.updatedBy).toEqual({ id: worker.user.id, displayName: expect.any(String) });
    const [row] = await query(`select notes_enc from case_screenings where case_id = '${caseId}'`);
    expect(row.notes_enc).toMatch(/^v1:/);
    expect(row.notes_enc).not.toContain('Paspor');
    expect(s.cipher.decrypt(row.notes_enc)).toBe(valid.notes);
    expect(await count('audit_events', `action = 'case.screening.create' and target_id = '${caseId}'`)).toBe(1);
  });

  it('refuses a second creation (version 0) and a stale version with 409 and the current screening', async () => {
    const again = await worker.request('PUT', path(), { ...valid, version: 0 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('version_conflict');
    expect(again.body.error.current).toMatchObject({ version: 1, notes: valid.notes });
    const ok = await worker.request('PUT', path(), { ...valid, version: 1, meansOfControl: ['threats'] });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, meansOfControl: ['threats'] });
    const stale = await supervisor.request('PUT', path(), { ...valid, version: 1, notes: 'ditimpa' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ version: 2, meansOfControl: ['threats'] });
    expect((await worker.get(path())).body.notes).toBe(valid.notes);
  });
});

describe('determination', () => {
  it('is refused to a case worker (the role never allows it) and writes nothing', async () => {
    const res = await worker.post(`${path()}/determination`, { version: 2, determination: 'confirmed' });
    expect(res.status).toBe(403);
    expect(await count('case_events', `case_id = '${caseId}'`)).toBe(0);
  });

  it('is recorded by a supervisor with who and when, in the case history', async () => {
    const before = Date.now();
    const res = await supervisor.post(`${path()}/determination`, { version: 2, determination: 'presumed' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ determination: 'presumed', version: 3, determinedBy: { id: supervisor.user.id } });
    expect(new Date(res.body.determinedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const second = await supervisor.post(`${path()}/determination`, { version: 3, determination: 'confirmed' });
    expect(second.body.determination).toBe('confirmed');
    const events = await query(`select kind, from_value, to_value, by_id from case_events where case_id = '${caseId}' order by id`);
    expect(events).toEqual([
      { kind: 'determination', from_value: null, to_value: 'presumed', by_id: supervisor.user.id },
      { kind: 'determination', from_value: 'presumed', to_value: 'confirmed', by_id: supervisor.user.id },
    ]);
    // The answers stay as they were.
    expect(second.body.meansOfControl).toEqual(['threats']);
  });

  it('refuses a stale version and an unknown determination', async () => {
    const stale = await supervisor.post(`${path()}/determination`, { version: 2, determination: 'not_a_victim' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.determination).toBe('confirmed');
    const bad = await supervisor.post(`${path()}/determination`, { version: 4, determination: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ determination: 'invalid_choice' });
    expect(await count('case_events', `case_id = '${caseId}'`)).toBe(2);
  });

  it('can be recorded before any screening answers', async () => {
    const org = await s.org();
    const sup = await s.signedIn({ organizationId: org.id, roles: ['supervisor'] });
    const c = await makeCase(s, { organizationId: org.id });
    const res = await sup.post(`/api/v1/cases/${c.id}/screening/determination`, { version: 0, determination: 'not_a_victim' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 1, determination: 'not_a_victim', exploitationTypes: [] });
  });
});
