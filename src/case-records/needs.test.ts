import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../test/support/database.js';
import { startServer, type Client, type TestServer, type TestUser } from '../../test/support/server.js';
import { openNeeds } from './needs.js';
import { makeCase } from './test-fixtures.js';

type Signed = Client & { user: TestUser };
let s: TestServer;
let worker: Signed;
let caseId: string;
const query = (text: string) => rawQuery(s.database, text) as Promise<Record<string, any>[]>;
const path = () => `/api/v1/cases/${caseId}/needs`;
const count = async () => (await query(`select count(*)::int as n from case_needs where case_id = '${caseId}'`))[0].n as number;

beforeAll(async () => {
  s = await startServer();
  const org = await s.org();
  worker = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
  caseId = (await makeCase(s, { organizationId: org.id, createdById: worker.user.id })).id;
});
afterAll(() => s?.close());

describe('needs', () => {
  let needId: string;

  it('records a need with its dimension derived from the type and the description encrypted', async () => {
    // A dimension sent by the client is ignored: it follows from the type.
    const res = await worker.post(path(), { type: 'legal_aid', severity: 'high', description: 'Gaji 8 bulan belum dibayar agen.', dimension: 'health' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'legal_aid', dimension: 'legal', severity: 'high', status: 'open', description: 'Gaji 8 bulan belum dibayar agen.', version: 1 });
    expect(res.body.createdBy.id).toBe(worker.user.id);
    needId = res.body.id;
    const [row] = await query(`select description_enc, dimension from case_needs where id = '${needId}'`);
    expect(row.dimension).toBe('legal');
    expect(row.description_enc).not.toContain('Gaji');
    expect(s.cipher.decrypt(row.description_enc)).toBe('Gaji 8 bulan belum dibayar agen.');
  });

  it('refuses an unknown type, severity or status, naming the field, and writes nothing', async () => {
    const n = await count();
    const type = await worker.post(path(), { type: 'spaceship', severity: 'high' });
    expect(type.status).toBe(400);
    expect(type.body.error.fields).toEqual({ type: 'invalid_choice' });
    const sev = await worker.post(path(), { type: 'shelter', severity: 'extreme' });
    expect(sev.body.error.fields).toEqual({ severity: 'invalid_choice' });
    const status = await worker.patch(`${path()}/${needId}`, { version: 1, status: 'closed' });
    expect(status.body.error.fields).toEqual({ status: 'invalid_choice' });
    expect(await count()).toBe(n);
  });

  it('refuses a second open need of the same type', async () => {
    const res = await worker.post(path(), { type: 'legal_aid', severity: 'low' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'duplicate', fields: { type: 'duplicate' } });
  });

  it('updates severity, status and description with the version, and refuses a stale one', async () => {
    const res = await worker.patch(`${path()}/${needId}`, { version: 1, severity: 'critical', description: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ severity: 'critical', description: null, version: 2 });
    const stale = await worker.patch(`${path()}/${needId}`, { version: 1, status: 'met' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', current: { id: needId, version: 2, severity: 'critical' } });
    expect((await query(`select status from case_needs where id = '${needId}'`))[0].status).toBe('open');
  });

  it('lists open needs first, most severe first, and openNeeds returns only the open ones', async () => {
    const shelter = (await worker.post(path(), { type: 'shelter', severity: 'moderate' })).body;
    const counselling = (await worker.post(path(), { type: 'counselling', severity: 'high', description: 'Mimpi buruk' })).body;
    const met = await worker.patch(`${path()}/${shelter.id}`, { version: 1, status: 'met' });
    expect(met.body.status).toBe('met');
    const list = await worker.get(path());
    expect(list.status).toBe(200);
    expect(list.body.items.map((n: any) => n.type)).toEqual(['legal_aid', 'counselling', 'shelter']);
    expect(list.body.total).toBe(3);
    const open = await openNeeds(s.database.db, caseId);
    expect(open.map((n) => [n.type, n.dimension, n.severity])).toEqual([
      ['legal_aid', 'legal', 'critical'],
      ['counselling', 'psychosocial', 'high'],
    ]);
    expect(open[0]).not.toHaveProperty('description');
    const withText = await openNeeds(s.database.db, caseId, s.cipher);
    expect(withText.find((n) => n.id === counselling.id)?.description).toBe('Mimpi buruk');
  });

  it('answers 404 for a need of another case', async () => {
    const other = await makeCase(s, { organizationId: worker.user.organizationId, createdById: worker.user.id });
    const res = await worker.patch(`/api/v1/cases/${other.id}/needs/${needId}`, { version: 2, severity: 'low' });
    expect(res.status).toBe(404);
  });
});
