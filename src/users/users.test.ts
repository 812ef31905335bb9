import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../test/support/database.js';
import { PASSWORD, startServer, type Client, type TestServer, type TestUser } from '../../test/support/server.js';

type Signed = Client & { user: TestUser };
let s: TestServer;
let sysAdmin: Signed;
let orgA: { id: string; name: string };
let orgB: { id: string; name: string };
let adminA: Signed;

beforeAll(async () => {
  s = await startServer();
  const home = await s.org();
  orgA = await s.org();
  orgB = await s.org();
  sysAdmin = await s.signedIn({ organizationId: home.id, roles: ['system_admin'] });
  adminA = await s.signedIn({ organizationId: orgA.id, roles: ['org_admin'] });
});
afterAll(() => s?.close());

const NEW_PASSWORD = 'Perahu-Kertas-Melaju-Ke-Timur';
const query = (text: string) => rawQuery(s.database, text) as Promise<Record<string, any>[]>;
const newEmail = () => `staf.${randomBytes(4).toString('hex')}@example.org`;
const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');
const userRow = async (id: string) => (await query(`select * from users where id = '${id}'`))[0];
const countUsers = async () => (await query('select count(*)::int as n from users'))[0].n as number;
const version = async (id: string) => (await userRow(id)).version as number;

describe('creating users', () => {
  it('creates a person as pending with a one-time activation token stored only as a hash', async () => {
    const email = newEmail();
    const res = await adminA.post('/api/v1/users', { email, displayName: 'Ayu Wulandari', organizationId: orgA.id, roles: ['case_worker'] });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email, displayName: 'Ayu Wulandari', organizationId: orgA.id, organizationName: orgA.name, kind: 'person', roles: ['case_worker'], status: 'pending', totpEnabled: false, version: 1 });
    expect(res.body.activationToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const tokens = await query(`select token_hash, purpose, used_at from one_time_tokens where user_id = '${res.body.user.id}'`);
    expect(tokens).toEqual([{ token_hash: sha256(res.body.activationToken), purpose: 'activation', used_at: null }]);
    expect((await userRow(res.body.user.id)).password_hash).toBeNull();
  });

  it('creates a service account as active without an activation token or password', async () => {
    const res = await adminA.post('/api/v1/users', { email: newEmail(), displayName: 'Sistem SIMPONI', organizationId: orgA.id, roles: ['case_worker'], kind: 'service' });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ kind: 'service', status: 'active' });
    expect(res.body).not.toHaveProperty('activationToken');
    expect(await query(`select * from one_time_tokens where user_id = '${res.body.user.id}'`)).toEqual([]);
    expect((await userRow(res.body.user.id)).password_hash).toBeNull();
  });

  it('refuses an email address already in use, whatever its case, and writes nothing', async () => {
    const existing = await s.user({ organizationId: orgA.id, roles: ['case_worker'], email: `Budi.Santoso.${randomBytes(3).toString('hex')}@Example.ORG` });
    const users = await countUsers();
    const tokens = (await query('select count(*)::int as n from one_time_tokens'))[0].n;
    const creations = (await query(`select count(*)::int as n from audit_events where action = 'user.create'`))[0].n;
    const res = await adminA.post('/api/v1/users', { email: existing.email.toLowerCase(), displayName: 'Budi Lain', organizationId: orgA.id, roles: ['case_worker'] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('duplicate');
    expect(res.body.error.fields).toEqual({ email: 'duplicate' });
    expect(await countUsers()).toBe(users);
    expect((await query('select count(*)::int as n from one_time_tokens'))[0].n).toBe(tokens);
    expect((await query(`select count(*)::int as n from audit_events where action = 'user.create'`))[0].n).toBe(creations);
  });

  it('stores the email address in lower case', async () => {
    const res = await adminA.post('/api/v1/users', { email: '  Rina.HARTONO@Example.org ', displayName: 'Rina', organizationId: orgA.id, roles: ['case_worker'] });
    expect(res.status).toBe(201);
    expect(res.body.user.email).toBe('rina.hartono@example.org');
  });

  it('refuses an invalid email address and an empty role list, naming both fields', async () => {
    const res = await adminA.post('/api/v1/users', { email: 'bukan-email', displayName: 'X', organizationId: orgA.id, roles: [] });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['email', 'roles']);
  });

  it("answers 404 to an organisation administrator creating a user in another organisation, writes nothing and records the denial", async () => {
    const users = await countUsers();
    const res = await adminA.post('/api/v1/users', { email: newEmail(), displayName: 'Penyusup', organizationId: orgB.id, roles: ['case_worker'] });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expect(await countUsers()).toBe(users);
    const denials = await query(`select details from audit_events where action = 'permission.denied' and actor_id = '${adminA.user.id}' and target_id = '${orgB.id}'`);
    expect(denials).toEqual([{ details: { action: 'user.create' } }]);
  });

  it('does not let an organisation administrator grant system_admin', async () => {
    const users = await countUsers();
    const res = await adminA.post('/api/v1/users', { email: newEmail(), displayName: 'Calon Admin', organizationId: orgA.id, roles: ['case_worker', 'system_admin'] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ roles: 'role_not_grantable' });
    expect(await countUsers()).toBe(users);
  });

  it('lets a system administrator create a system administrator in any organisation', async () => {
    const res = await sysAdmin.post('/api/v1/users', { email: newEmail(), displayName: 'Admin Kedua', organizationId: orgB.id, roles: ['system_admin'] });
    expect(res.status).toBe(201);
    expect(res.body.user.roles).toEqual(['system_admin']);
  });

  it('is refused to a case worker', async () => {
    const worker = await s.signedIn({ organizationId: orgA.id, roles: ['case_worker'] });
    const res = await worker.post('/api/v1/users', { email: newEmail(), displayName: 'X', organizationId: orgA.id, roles: ['case_worker'] });
    expect(res.status).toBe(403);
  });
});

describe('system administrators are out of reach of organisation administrators', () => {
  let root: TestUser;
  beforeAll(async () => {
    root = await s.user({ organizationId: orgA.id, roles: ['system_admin'] });
  });

  it.each([
    ['PATCH', (id: string) => adminA.patch(`/api/v1/users/${id}`, { displayName: 'Diubah', version: 1 })],
    ['deactivate', (id: string) => adminA.post(`/api/v1/users/${id}/deactivate`)],
    ['reissue activation', (id: string) => adminA.post(`/api/v1/users/${id}/activation`)],
    ['TOTP reset', (id: string) => adminA.post(`/api/v1/users/${id}/totp/reset`)],
  ])('%s of a system administrator in their own organisation answers 404 and changes nothing', async (_label, act) => {
    const before = await userRow(root.id);
    const res = await act(root.id);
    expect(res.status).toBe(404);
    expect(await userRow(root.id)).toEqual(before);
  });

  it('cannot take the system_admin role away either', async () => {
    const res = await adminA.patch(`/api/v1/users/${root.id}`, { roles: ['case_worker'], version: 1 });
    expect(res.status).toBe(404);
    expect((await userRow(root.id)).roles).toEqual(['system_admin']);
  });

  it('cannot give an existing user system_admin', async () => {
    const u = await s.user({ organizationId: orgA.id, roles: ['case_worker'] });
    const res = await adminA.patch(`/api/v1/users/${u.id}`, { roles: ['case_worker', 'system_admin'], version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ roles: 'role_not_grantable' });
    expect((await userRow(u.id)).roles).toEqual(['case_worker']);
  });
});

describe('updating users', () => {
  it('a change of roles ends that user’s sessions, and the new roles apply at the next sign-in', async () => {
    const worker = await s.signedIn({ organizationId: orgA.id, roles: ['case_worker'] });
    const res = await adminA.patch(`/api/v1/users/${worker.user.id}`, { roles: ['supervisor'], version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ roles: ['supervisor'], version: 2 });
    expect((await worker.get('/api/v1/auth/me')).status).toBe(401);
    const again = s.client();
    await again.login(worker.user.email);
    expect((await again.get('/api/v1/auth/me')).body.roles).toEqual(['supervisor']);
  });

  it('a change of display name keeps the user signed in', async () => {
    const worker = await s.signedIn({ organizationId: orgA.id, roles: ['case_worker'] });
    const res = await adminA.patch(`/api/v1/users/${worker.user.id}`, { displayName: 'Nama Baru', version: 1 });
    expect(res.status).toBe(200);
    expect(res.body.displayName).toBe('Nama Baru');
    expect((await worker.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('a stale version answers 409 version_conflict with the current record and changes nothing', async () => {
    const u = await s.user({ organizationId: orgA.id, roles: ['case_worker'] });
    await adminA.patch(`/api/v1/users/${u.id}`, { displayName: 'Pertama', version: 1 });
    const res = await adminA.patch(`/api/v1/users/${u.id}`, { displayName: 'Kedua', version: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('version_conflict');
    expect(res.body.error.current).toMatchObject({ id: u.id, displayName: 'Pertama', version: 2 });
    expect(await userRow(u.id)).toMatchObject({ display_name: 'Pertama', version: 2 });
  });

  it("answers 404 to an organisation administrator changing another organisation's user", async () => {
    const u = await s.user({ organizationId: orgB.id, roles: ['case_worker'] });
    const res = await adminA.patch(`/api/v1/users/${u.id}`, { displayName: 'Diambil Alih', version: 1 });
    expect(res.status).toBe(404);
    expect((await userRow(u.id)).version).toBe(1);
  });

  it('a system administrator cannot remove their own system_admin role', async () => {
    const res = await sysAdmin.patch(`/api/v1/users/${sysAdmin.user.id}`, { roles: ['case_worker'], version: await version(sysAdmin.user.id) });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ roles: 'own_admin_role' });
  });
});

describe('deactivating and reactivating users', () => {
  it('deactivation ends the session, stops the API tokens and keeps the row', async () => {
    const worker = await s.signedIn({ organizationId: orgA.id, roles: ['case_worker'] });
    const created = await worker.post('/api/v1/api-tokens', { name: 'skrip', scopes: ['organizations:read'] });
    expect(created.status).toBe(201);
    const bearer = s.client();
    bearer.bearer = created.body.token;
    expect((await bearer.get('/api/v1/organizations')).status).toBe(200);

    const res = await adminA.post(`/api/v1/users/${worker.user.id}/deactivate`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('deactivated');
    expect(res.body.deactivatedAt).not.toBeNull();
    expect((await worker.get('/api/v1/auth/me')).status).toBe(401);
    expect((await bearer.get('/api/v1/organizations')).status).toBe(401);
    expect((await s.client().login(worker.user.email)).status).toBe(401);

    const row = await userRow(worker.user.id);
    expect(row.status).toBe('deactivated');
    expect(row.deactivated_at).not.toBeNull();
    expect((await query(`select revoked_at from api_tokens where user_id = '${worker.user.id}'`))[0].revoked_at).not.toBeNull();
    expect((await query(`select count(*)::int as n from audit_events where action = 'user.deactivate' and target_id = '${worker.user.id}' and outcome = 'success'`))[0].n).toBe(1);
  });

  it('users cannot be deleted', async () => {
    const u = await s.user({ organizationId: orgA.id, roles: ['case_worker'] });
    const res = await sysAdmin.delete(`/api/v1/users/${u.id}`);
    expect(res.status).toBe(404);
    expect(await userRow(u.id)).toBeDefined();
  });

  it('an administrator cannot deactivate their own account', async () => {
    const res = await adminA.post(`/api/v1/users/${adminA.user.id}/deactivate`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('own_account');
    expect((await userRow(adminA.user.id)).status).toBe('active');
  });

  it('reactivation makes a person pending with a new activation token; the old password no longer works', async () => {
    const u = await s.user({ organizationId: orgA.id, roles: ['case_worker'] });
    await adminA.post(`/api/v1/users/${u.id}/deactivate`);
    const res = await adminA.post(`/api/v1/users/${u.id}/reactivate`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'pending', deactivatedAt: null });
    expect(typeof res.body.activationToken).toBe('string');
    expect((await s.client().login(u.email)).status).toBe(401);
    expect((await s.client().post('/api/v1/auth/activate', { token: res.body.activationToken, password: NEW_PASSWORD })).status).toBe(204);
    expect((await s.client().login(u.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('reactivating a service account makes it active again without a token', async () => {
    const svc = await s.user({ organizationId: orgA.id, roles: ['case_worker'], kind: 'service' });
    await adminA.post(`/api/v1/users/${svc.id}/deactivate`);
    const res = await adminA.post(`/api/v1/users/${svc.id}/reactivate`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('active');
    expect(res.body).not.toHaveProperty('activationToken');
  });

  it('reactivating an active user changes nothing', async () => {
    const u = await s.user({ organizationId: orgA.id, roles: ['case_worker'] });
    const res = await adminA.post(`/api/v1/users/${u.id}/reactivate`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'active', version: 1 });
    expect(res.body).not.toHaveProperty('activationToken');
    expect((await s.client().login(u.email)).status).toBe(200);
  });
});

describe('activation links and two-factor resets', () => {
  it('reissuing activation signs the user out, voids the password and the earlier link', async () => {
    const created = await adminA.post('/api/v1/users', { email: newEmail(), displayName: 'Lupa Sandi', organizationId: orgA.id, roles: ['case_worker'] });
    const first = created.body.activationToken;
    const id = created.body.user.id;
    expect((await s.client().post('/api/v1/auth/activate', { token: first, password: NEW_PASSWORD })).status).toBe(204);
    const c = s.client();
    expect((await c.login(created.body.user.email, NEW_PASSWORD)).status).toBe(200);

    const res = await adminA.post(`/api/v1/users/${id}/activation`);
    expect(res.status).toBe(200);
    expect(res.body.activationToken).not.toBe(first);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
    expect(await userRow(id)).toMatchObject({ status: 'pending', password_hash: null });
    expect((await s.client().login(created.body.user.email, NEW_PASSWORD)).status).toBe(401);
    expect((await s.client().post('/api/v1/auth/activate', { token: res.body.activationToken, password: 'Gunung-Rinjani-Pagi-Hari' })).status).toBe(204);
  });

  it('a new activation link replaces the earlier unused one', async () => {
    const created = await adminA.post('/api/v1/users', { email: newEmail(), displayName: 'Dua Tautan', organizationId: orgA.id, roles: ['case_worker'] });
    const second = await adminA.post(`/api/v1/users/${created.body.user.id}/activation`);
    const old = await s.client().post('/api/v1/auth/activate', { token: created.body.activationToken, password: NEW_PASSWORD });
    expect(old.status).toBe(400);
    expect(old.body.error.code).toBe('invalid_token');
    expect((await s.client().post('/api/v1/auth/activate', { token: second.body.activationToken, password: NEW_PASSWORD })).status).toBe(204);
  });

  it('refuses an activation link for a service account or a deactivated user', async () => {
    const svc = await s.user({ organizationId: orgA.id, roles: ['case_worker'], kind: 'service' });
    const a = await adminA.post(`/api/v1/users/${svc.id}/activation`);
    expect(a.status).toBe(409);
    expect(a.body.error.code).toBe('service_account');
    const gone = await s.user({ organizationId: orgA.id, roles: ['case_worker'] });
    await adminA.post(`/api/v1/users/${gone.id}/deactivate`);
    const b = await adminA.post(`/api/v1/users/${gone.id}/activation`);
    expect(b.status).toBe(409);
    expect(b.body.error.code).toBe('user_deactivated');
    expect((await userRow(gone.id)).status).toBe('deactivated');
  });

  it('a two-factor reset turns it off, removes the recovery codes and signs the user out', async () => {
    const u = await s.signedIn({ organizationId: orgA.id, roles: ['case_worker'], totp: true });
    await query(`insert into recovery_codes (user_id, code_hash) values ('${u.user.id}', 'x')`);
    const res = await adminA.post(`/api/v1/users/${u.user.id}/totp/reset`);
    expect(res.status).toBe(204);
    expect((await u.get('/api/v1/auth/me')).status).toBe(401);
    const row = await userRow(u.user.id);
    expect(row.totp_secret).toBeNull();
    expect(row.totp_enabled_at).toBeNull();
    expect(await query(`select * from recovery_codes where user_id = '${u.user.id}'`)).toEqual([]);
    expect((await s.client().login(u.user.email, PASSWORD)).status).toBe(200);
  });
});

describe('who sees which users', () => {
  let orgC: { id: string };
  let orgD: { id: string };
  let supervisor: Signed;
  let worker: Signed;
  let adminC: Signed;
  beforeAll(async () => {
    orgC = await s.org();
    orgD = await s.org();
    supervisor = await s.signedIn({ organizationId: orgC.id, roles: ['supervisor'] });
    worker = await s.signedIn({ organizationId: orgC.id, roles: ['case_worker'] });
    adminC = await s.signedIn({ organizationId: orgC.id, roles: ['org_admin'] });
    await s.user({ organizationId: orgD.id, roles: ['case_worker'] });
    await s.user({ organizationId: orgD.id, roles: ['supervisor'] });
  });
  const idsOf = (res: { body: { items: { id: string }[] } }) => res.body.items.map((u) => u.id).sort();

  it('a supervisor sees every user of their own organisation and no one else', async () => {
    const res = await supervisor.get('/api/v1/users');
    expect(res.status).toBe(200);
    expect(idsOf(res)).toEqual([supervisor.user.id, worker.user.id, adminC.user.id].sort());
    expect(res.body.total).toBe(3);
  });

  it('a case worker sees only themself', async () => {
    const res = await worker.get('/api/v1/users');
    expect(res.body).toMatchObject({ total: 1, items: [{ id: worker.user.id }] });
  });

  it("a case worker reading a colleague's record gets 404, their own 200", async () => {
    expect((await worker.get(`/api/v1/users/${supervisor.user.id}`)).status).toBe(404);
    expect((await worker.get(`/api/v1/users/${worker.user.id}`)).status).toBe(200);
  });

  it('an organisation administrator asking for another organisation gets an empty list', async () => {
    const res = await adminC.get(`/api/v1/users?organizationId=${orgD.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], total: 0 });
  });

  it("an organisation administrator reading another organisation's user gets 404", async () => {
    const [other] = await query(`select id from users where organization_id = '${orgD.id}' limit 1`);
    expect((await adminC.get(`/api/v1/users/${other.id}`)).status).toBe(404);
  });

  it('a system administrator sees any organisation on request', async () => {
    const res = await sysAdmin.get(`/api/v1/users?organizationId=${orgD.id}`);
    expect(res.body.total).toBe(2);
    expect(res.body.items.every((u: { organizationId: string }) => u.organizationId === orgD.id)).toBe(true);
  });

  it('filters by role within the visible users', async () => {
    const res = await adminC.get('/api/v1/users?role=supervisor');
    expect(idsOf(res)).toEqual([supervisor.user.id]);
  });
});

describe('languages and covered areas (for the assignment suggestion)', () => {
  it('an organisation administrator sets them on create and update; they come back in the record', async () => {
    const res = await adminA.post('/api/v1/users', {
      email: newEmail(),
      displayName: 'Wayan Sudarsana',
      organizationId: orgA.id,
      roles: ['case_worker'],
      languages: ['id', 'BAN', 'id'],
      areaCodes: ['51', '35.26'],
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ languages: ['id', 'ban'], areaCodes: ['51', '35.26'] });
    expect(await userRow(res.body.user.id)).toMatchObject({ languages: ['id', 'ban'], area_codes: ['51', '35.26'] });
    const upd = await adminA.patch(`/api/v1/users/${res.body.user.id}`, { languages: ['mad'], areaCodes: ['35.26.01'], version: 1 });
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({ languages: ['mad'], areaCodes: ['35.26.01'], version: 2 });
    expect((await adminA.get(`/api/v1/users/${res.body.user.id}`)).body).toMatchObject({ languages: ['mad'], areaCodes: ['35.26.01'] });
  });

  it('defaults to none', async () => {
    const res = await adminA.post('/api/v1/users', { email: newEmail(), displayName: 'Tanpa Wilayah', organizationId: orgA.id, roles: ['case_worker'] });
    expect(res.body.user).toMatchObject({ languages: [], areaCodes: [] });
  });

  it('refuses an area code that is not a Kemendagri area, naming the field, and writes nothing', async () => {
    const before = await countUsers();
    const res = await adminA.post('/api/v1/users', { email: newEmail(), displayName: 'X', organizationId: orgA.id, roles: ['case_worker'], areaCodes: ['35', '99.99'] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ areaCodes: 'unknown_area' });
    expect(await countUsers()).toBe(before);
    const u = await s.user({ organizationId: orgA.id, roles: ['case_worker'] });
    const upd = await adminA.patch(`/api/v1/users/${u.id}`, { areaCodes: ['35.99'], version: 1 });
    expect(upd.status).toBe(400);
    expect(upd.body.error.fields).toEqual({ areaCodes: 'unknown_area' });
    expect(await userRow(u.id)).toMatchObject({ area_codes: [], version: 1 });
  });

  it('refuses a malformed area or language code', async () => {
    const res = await adminA.post('/api/v1/users', { email: newEmail(), displayName: 'X', organizationId: orgA.id, roles: ['case_worker'], areaCodes: ['Jawa Timur'], languages: ['bahasa indonesia'] });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['areaCodes.0', 'languages.0']);
  });
});
