// Every part of a case answers 404 to a user of another organisation and to a case worker on a
// colleague's case, writes nothing, and records the denial; roles that never touch case records get 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../test/support/database.js';
import { startServer, type Client, type TestServer, type TestUser } from '../../test/support/server.js';
import { fetchBytes, makeCase, sendRaw, tinyPdf } from './test-fixtures.js';

type Signed = Client & { user: TestUser };
let s: TestServer;
let owner: Signed;
let supervisorA: Signed;
let colleague: Signed;
let supervisorB: Signed;
let workerB: Signed;
let caseId: string;
const ids: Record<string, string> = {};
const query = (text: string) => rawQuery(s.database, text) as Promise<Record<string, any>[]>;
const tables = ['case_screenings', 'case_needs', 'case_notes', 'case_tasks', 'case_consents', 'case_attachments', 'case_events'];
/** Every row of every part table, hashed: any write shows. */
const snapshot = async () =>
  Object.fromEntries(
    await Promise.all(tables.map(async (t) => [t, (await query(`select count(*)::int as n, md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as h from ${t} x`))[0]] as const)),
  );
const consentState = async () => (await query(`select withdrawn_at from case_consents where id = '${ids.consent}'`))[0].withdrawn_at;
const attachmentState = async () => (await query(`select deleted_at from case_attachments where id = '${ids.attachment}'`))[0].deleted_at;

type Call = [string, string, unknown?];
const determination = (r: Call) => r[1].endsWith('/determination');
/** 404 out of reach; the determination is 403 to a case worker whatever the case (the role never allows it). */
const expected = (who: Signed, r: Call) => (determination(r) && (who === workerB || who === colleague) ? 403 : 404);
const routes = (): Call[] => {
  const c = `/api/v1/cases/${caseId}`;
  return [
    ['GET', `${c}/screening`],
    ['PUT', `${c}/screening`, { version: 1, exploitationTypes: ['forced_labour'] }],
    ['POST', `${c}/screening/determination`, { version: 1, determination: 'confirmed' }],
    ['GET', `${c}/needs`],
    ['POST', `${c}/needs`, { type: 'shelter', severity: 'low' }],
    ['PATCH', `${c}/needs/${ids.need}`, { version: 1, status: 'met' }],
    ['GET', `${c}/notes`],
    ['POST', `${c}/notes`, { type: 'other', body: 'menyusup' }],
    ['PATCH', `${c}/notes/${ids.note}`, { version: 1, body: 'menyusup' }],
    ['GET', `${c}/tasks`],
    ['POST', `${c}/tasks`, { title: 'menyusup' }],
    ['PATCH', `${c}/tasks/${ids.task}`, { version: 1, status: 'done' }],
    ['GET', `${c}/consents`],
    ['POST', `${c}/consents`, { purpose: 'statistics', decision: 'given', method: 'signed', givenAt: new Date().toISOString() }],
    ['POST', `${c}/consents/${ids.consent}/withdraw`, { reason: 'menyusup' }],
    ['GET', `${c}/attachments`],
    ['POST', `${c}/attachments`, 'upload'],
    ['GET', `${c}/attachments/${ids.attachment}/content`],
    ['DELETE', `${c}/attachments/${ids.attachment}`],
  ];
};

async function call(client: Signed, [method, path, body]: Call) {
  if (body === 'upload') return sendRaw(client, method, path, tinyPdf(), 'application/pdf');
  if (path.endsWith('/content')) return fetchBytes(client, path);
  return client.request(method, path, body);
}

beforeAll(async () => {
  s = await startServer();
  const orgA = await s.org();
  const orgB = await s.org();
  owner = await s.signedIn({ organizationId: orgA.id, roles: ['case_worker'] });
  colleague = await s.signedIn({ organizationId: orgA.id, roles: ['case_worker'] });
  supervisorA = await s.signedIn({ organizationId: orgA.id, roles: ['supervisor'] });
  supervisorB = await s.signedIn({ organizationId: orgB.id, roles: ['supervisor'] });
  workerB = await s.signedIn({ organizationId: orgB.id, roles: ['case_worker'] });
  caseId = (await makeCase(s, { organizationId: orgA.id, createdById: owner.user.id, assignedToId: owner.user.id })).id;
  const c = `/api/v1/cases/${caseId}`;
  expect((await owner.request('PUT', `${c}/screening`, { version: 0, exploitationTypes: ['begging'] })).status).toBe(200);
  ids.need = (await owner.post(`${c}/needs`, { type: 'education', severity: 'moderate' })).body.id;
  ids.note = (await owner.post(`${c}/notes`, { type: 'observation', body: 'Catatan pemilik' })).body.id;
  ids.task = (await owner.post(`${c}/tasks`, { title: 'Tugas pemilik' })).body.id;
  ids.consent = (await owner.post(`${c}/consents`, { purpose: 'statistics', decision: 'given', method: 'signed', givenAt: new Date(Date.now() - 60_000).toISOString() })).body.id;
  ids.attachment = (await sendRaw(owner, 'POST', `${c}/attachments`, tinyPdf(), 'application/pdf')).body.id;
  expect(Object.values(ids).every(Boolean)).toBe(true);
});
afterAll(() => s?.close());

describe('access to the parts of a case', () => {
  it('answers 404 on every route to another organisation’s supervisor and case worker (403 on the determination, which case workers never make), and writes nothing but the denial', async () => {
    const before = await snapshot();
    const denials = async () => (await query(`select count(*)::int as n from audit_events where action = 'permission.denied' and target_id = '${caseId}'`))[0].n as number;
    const d0 = await denials();
    for (const who of [supervisorB, workerB]) {
      for (const r of routes()) {
        const res = await call(who, r);
        expect(res.status, `${r[0]} ${r[1]}`).toBe(expected(who, r));
      }
    }
    expect(await snapshot()).toEqual(before);
    expect(await consentState()).toBeNull();
    expect(await attachmentState()).toBeNull();
    expect(await denials()).toBe(d0 + 2 * routes().length);
  });

  it('answers 404 on every route to a case worker on a colleague’s case (403 on the determination)', async () => {
    const before = await snapshot();
    for (const r of routes()) {
      const res = await call(colleague, r);
      expect(res.status, `${r[0]} ${r[1]}`).toBe(expected(colleague, r));
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers 401 in the common shape to a caller without a session, the upload route included', async () => {
    const anon = s.client() as Signed;
    for (const r of routes()) {
      const res = await call(anon, r);
      expect(res.status, `${r[0]} ${r[1]}`).toBe(401);
    }
    const up = await sendRaw(anon, 'POST', `/api/v1/cases/${caseId}/attachments`, tinyPdf(), 'application/pdf');
    expect(up.body.error.code).toBe('unauthorized');
  });

  it('answers 404 for a case that does not exist, like one out of reach', async () => {
    const res = await supervisorA.get('/api/v1/cases/7d2b6a0e-1c3f-4e5a-9b8c-0d1e2f3a4b5c/needs');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('answers 404 to roles that never read case records, as for a case out of reach', async () => {
    const admin = await s.signedIn({ organizationId: owner.user.organizationId, roles: ['org_admin'] });
    const analyst = await s.signedIn({ organizationId: owner.user.organizationId, roles: ['analyst'] });
    for (const who of [admin, analyst]) {
      expect((await who.get(`/api/v1/cases/${caseId}/notes`)).status).toBe(404);
      expect((await who.post(`/api/v1/cases/${caseId}/needs`, { type: 'shelter', severity: 'low' })).status).toBe(404);
    }
  });

  it('lets the owner and their supervisor use every route', async () => {
    for (const r of routes().filter(([m]) => m === 'GET')) {
      expect((await call(owner, r)).status, r[1]).toBe(200);
      expect((await call(supervisorA, r)).status, r[1]).toBe(200);
    }
  });
});
