// The partner's code of conduct, the partner gate, partner kinds of organisations, and suspension
// of a partner by a system administrator, through the real server.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../../test/support/database.js';
import { startServer, type TestServer } from '../../../test/support/server.js';
import { job, partnerOrg, partnerUser, type Signed } from '../openings/test-fixtures.js';
import { codeOfConduct } from '../vocabulary.js';

let s: TestServer;
let home: { id: string };
let dinsos: { id: string };
let admin: Signed;
let worker: Signed;

beforeAll(async () => {
  s = await startServer();
  home = await s.org({ type: 'ministry', level: 'national' });
  dinsos = await s.org({ type: 'local_government', areaCode: '35' });
  admin = await s.signedIn({ organizationId: home.id, roles: ['system_admin'] });
  worker = await s.signedIn({ organizationId: dinsos.id, roles: ['case_worker'] });
});
afterAll(() => s?.close());

const query = (text: string) => rawQuery(s.database, text) as Promise<Record<string, any>[]>;
const unique = (label: string) => `${label} ${randomBytes(4).toString('hex')}`;

describe('the code of conduct', () => {
  it('shows the current version and its points, not yet accepted', async () => {
    const org = await partnerOrg(s);
    const p = await partnerUser(s, org.id, false);
    const res = await p.get('/api/v1/partner/code-of-conduct');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ version: codeOfConduct.version, points: [...codeOfConduct.points], accepted: false, acceptedAt: null });
  });

  it('records an acceptance once, audited, and answers the same when accepted again', async () => {
    const org = await partnerOrg(s);
    const p = await partnerUser(s, org.id, false);
    const first = await p.post('/api/v1/partner/code-of-conduct/acceptance', { version: codeOfConduct.version });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ version: codeOfConduct.version, accepted: true });
    expect(first.body.acceptedAt).not.toBeNull();
    const again = await p.post('/api/v1/partner/code-of-conduct/acceptance', { version: codeOfConduct.version });
    expect(again.status).toBe(200);
    expect(again.body.acceptedAt).toBe(first.body.acceptedAt);
    expect((await p.get('/api/v1/partner/code-of-conduct')).body).toMatchObject({ accepted: true, acceptedAt: first.body.acceptedAt });
    const rows = await query(`select organization_id, version from code_of_conduct_acceptances where user_id = '${p.user.id}'`);
    expect(rows).toEqual([{ organization_id: org.id, version: codeOfConduct.version }]);
    const audit = await query(`select actor_id, target_type, details from audit_events where action = 'partner.code.accept' and target_id = '${p.user.id}'`);
    expect(audit).toEqual([{ actor_id: p.user.id, target_type: 'user', details: { version: codeOfConduct.version } }]);
  });

  it('refuses an outdated version with 409 code_version_outdated and records nothing', async () => {
    const org = await partnerOrg(s);
    const p = await partnerUser(s, org.id, false);
    const res = await p.post('/api/v1/partner/code-of-conduct/acceptance', { version: '2020-1' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('code_version_outdated');
    expect((await query(`select count(*)::int as n from code_of_conduct_acceptances where user_id = '${p.user.id}'`))[0].n).toBe(0);
  });

  it('lets simultaneous acceptances record one row', async () => {
    const org = await partnerOrg(s);
    const p = await partnerUser(s, org.id, false);
    const results = await Promise.all([1, 2, 3].map(() => p.post('/api/v1/partner/code-of-conduct/acceptance', { version: codeOfConduct.version })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await query(`select count(*)::int as n from code_of_conduct_acceptances where user_id = '${p.user.id}'`))[0].n).toBe(1);
  });

  it('is only for partner users (403 for others), and not for API tokens', async () => {
    for (const c of [admin, worker]) {
      expect((await c.get('/api/v1/partner/code-of-conduct')).status).toBe(403);
      expect((await c.post('/api/v1/partner/code-of-conduct/acceptance', { version: codeOfConduct.version })).status).toBe(403);
    }
    const org = await partnerOrg(s);
    const p = await partnerUser(s, org.id, false);
    const token = await p.post('/api/v1/api-tokens', { name: 'Sistem HR', scopes: ['employment:read', 'employment:write'] });
    expect(token.status, token.text).toBe(201);
    const bot = s.client();
    bot.bearer = token.body.token;
    expect((await bot.post('/api/v1/partner/code-of-conduct/acceptance', { version: codeOfConduct.version })).status).toBe(403);
  });
});

describe('the partner gate', () => {
  it('answers 403 code_of_conduct_required on employment routes until the code is accepted', async () => {
    const org = await partnerOrg(s);
    const p = await partnerUser(s, org.id, false);
    for (const res of [await p.get('/api/v1/openings'), await p.post('/api/v1/openings', job())]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('code_of_conduct_required');
    }
    expect((await query(`select count(*)::int as n from employment_openings where organization_id = '${org.id}'`))[0].n).toBe(0);
    await p.post('/api/v1/partner/code-of-conduct/acceptance', { version: codeOfConduct.version });
    expect((await p.get('/api/v1/openings')).status).toBe(200);
    expect((await p.post('/api/v1/openings', job())).status).toBe(201);
  });

  it("binds each person: a colleague's acceptance does not count", async () => {
    const org = await partnerOrg(s);
    await partnerUser(s, org.id, true);
    const colleague = await partnerUser(s, org.id, false);
    expect((await colleague.get('/api/v1/openings')).body.error.code).toBe('code_of_conduct_required');
  });
});

describe('partner kinds', () => {
  const create = (body: Record<string, unknown>) => admin.post('/api/v1/organizations', { level: 'regency', ...body });

  it('are set and shown for private-sector organisations', async () => {
    const res = await create({ name: unique('PT Sentosa'), type: 'private_sector', partnerKind: 'recruitment_agency' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ partnerKind: 'recruitment_agency', suspended: false, suspendedAt: null, suspendedBy: null, suspensionNote: null });
    const upd = await admin.patch(`/api/v1/organizations/${res.body.id}`, { version: 1, partnerKind: 'employer' });
    expect(upd.body.partnerKind).toBe('employer');
    const without = await create({ name: unique('PT Tanpa Jenis'), type: 'private_sector' });
    expect(without.body.partnerKind).toBeNull();
  });

  it('are refused for other types with fields.partnerKind = not_allowed, and cleared when leaving the private sector', async () => {
    const name = unique('Yayasan Bukan Mitra');
    const res = await create({ name, type: 'ngo', partnerKind: 'employer' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ partnerKind: 'not_allowed' });
    expect((await query(`select count(*)::int as n from organizations where name = '${name}'`))[0].n).toBe(0);
    const ngo = await create({ name, type: 'ngo' });
    const upd = await admin.patch(`/api/v1/organizations/${ngo.body.id}`, { version: 1, partnerKind: 'employer' });
    expect(upd.status).toBe(400);
    expect(upd.body.error.fields).toEqual({ partnerKind: 'not_allowed' });
    const ps = await create({ name: unique('PT Pindah'), type: 'private_sector', partnerKind: 'employer' });
    const moved = await admin.patch(`/api/v1/organizations/${ps.body.id}`, { version: 1, type: 'ngo' });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.partnerKind).toBeNull();
    const invalid = await create({ name: unique('PT Aneh'), type: 'private_sector', partnerKind: 'bank' });
    expect(invalid.body.error.fields).toEqual({ partnerKind: 'invalid_choice' });
  });
});

describe('suspension', () => {
  const suspend = (id: string, body: Record<string, unknown> = { note: 'Laporan pungutan biaya kepada pekerja.' }) =>
    admin.post(`/api/v1/organizations/${id}/suspension`, body);
  const reinstate = (id: string, body?: Record<string, unknown>) => admin.request('DELETE', `/api/v1/organizations/${id}/suspension`, body);

  it('suspends a partner: shown on the organisation, note encrypted and shown to administrators only, audited', async () => {
    const org = await partnerOrg(s);
    const res = await suspend(org.id);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ id: org.id, suspended: true, suspendedBy: { id: admin.user.id }, suspensionNote: 'Laporan pungutan biaya kepada pekerja.', version: 2 });
    expect(res.body.suspendedAt).not.toBeNull();
    const [row] = await query(`select suspension_note_enc, suspended_by_id from organizations where id = '${org.id}'`);
    expect(row.suspended_by_id).toBe(admin.user.id);
    expect(row.suspension_note_enc).not.toContain('pungutan');
    expect((await admin.get(`/api/v1/organizations/${org.id}`)).body.suspensionNote).toBe('Laporan pungutan biaya kepada pekerja.');
    const seen = await worker.get(`/api/v1/organizations/${org.id}`);
    expect(seen.body).toMatchObject({ suspended: true, suspendedBy: null, suspensionNote: null });
    const listed = await admin.get(`/api/v1/organizations?q=${encodeURIComponent((await admin.get(`/api/v1/organizations/${org.id}`)).body.name)}`);
    expect(listed.body.items[0]).toMatchObject({ suspended: true, suspensionNote: null });
    const audit = await query(`select actor_id, details::text as details from audit_events where action = 'partner.suspend' and target_id = '${org.id}'`);
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(admin.user.id);
    expect(audit[0].details).not.toContain('pungutan');
  });

  it("shuts the partner's users out of employment routes (403 partner_suspended) and takes its openings out of the published list, until reinstated", async () => {
    const org = await partnerOrg(s);
    const p = await partnerUser(s, org.id);
    const title = unique('Lowongan Tangguh');
    const o = (await p.post('/api/v1/openings', job({ title }))).body;
    const pub = await p.post(`/api/v1/openings/${o.id}/publish`, { version: o.version });
    expect(pub.status).toBe(200);
    const visible = async () => (await worker.get(`/api/v1/openings?q=${encodeURIComponent(title)}`)).body.items.map((x: any) => x.id);
    expect(await visible()).toEqual([o.id]);

    expect((await suspend(org.id)).status).toBe(200);
    for (const res of [
      await p.get('/api/v1/openings'),
      await p.get(`/api/v1/openings/${o.id}`),
      await p.post('/api/v1/openings', job()),
      await p.patch(`/api/v1/openings/${o.id}`, { version: pub.body.version, places: 1 }),
      await p.post(`/api/v1/openings/${o.id}/close`, { version: pub.body.version }),
      await p.get('/api/v1/partner/code-of-conduct'),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('partner_suspended');
    }
    expect(await visible()).toEqual([]);
    const read = await worker.get(`/api/v1/openings/${o.id}`);
    expect(read.body).toMatchObject({ status: 'published', openForMatching: false });

    const back = await reinstate(org.id);
    expect(back.status, back.text).toBe(200);
    expect(back.body).toMatchObject({ suspended: false, suspendedAt: null, suspendedBy: null, suspensionNote: null });
    expect((await query(`select suspension_note_enc from organizations where id = '${org.id}'`))[0].suspension_note_enc).toBeNull();
    expect((await p.get('/api/v1/openings')).status).toBe(200);
    expect(await visible()).toEqual([o.id]);
    expect((await query(`select count(*)::int as n from audit_events where action = 'partner.reinstate' and target_id = '${org.id}'`))[0].n).toBe(1);
  });

  it('refuses a missing note, a second suspension and reinstating one not suspended (409)', async () => {
    const org = await partnerOrg(s);
    const empty = await suspend(org.id, { note: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toEqual({ note: 'required' });
    const notSuspended = await reinstate(org.id);
    expect(notSuspended.status).toBe(409);
    expect(notSuspended.body.error.code).toBe('not_suspended');
    expect((await suspend(org.id)).status).toBe(200);
    const twice = await suspend(org.id);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_suspended');
  });

  it('is only for private-sector organisations (409 not_a_partner)', async () => {
    const res = await suspend(dinsos.id);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('not_a_partner');
    expect((await reinstate(dinsos.id)).body.error.code).toBe('not_a_partner');
  });

  it('answers a stale version with 409 version_conflict, and lets one of two simultaneous suspensions win', async () => {
    const org = await partnerOrg(s);
    const stale = await suspend(org.id, { note: 'Catatan', version: 9 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const both = await Promise.all([suspend(org.id, { note: 'Satu', version: 1 }), suspend(org.id, { note: 'Dua', version: 1 })]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const staleBack = await reinstate(org.id, { version: 1 });
    expect(staleBack.status).toBe(409);
    expect(staleBack.body.error.code).toBe('version_conflict');
    expect((await reinstate(org.id, { version: 2 })).status).toBe(200);
  });

  it('is refused to everyone but system administrators (403), and answers 404 for an unknown organisation', async () => {
    const org = await partnerOrg(s);
    const orgAdmin = await s.signedIn({ organizationId: org.id, roles: ['org_admin'] });
    const p = await partnerUser(s, org.id);
    for (const c of [worker, orgAdmin, p]) {
      expect((await c.post(`/api/v1/organizations/${org.id}/suspension`, { note: 'x' })).status).toBe(403);
      expect((await c.request('DELETE', `/api/v1/organizations/${org.id}/suspension`)).status).toBe(403);
    }
    expect((await suspend('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await query(`select suspended_at from organizations where id = '${org.id}'`))[0].suspended_at).toBeNull();
  });
});
