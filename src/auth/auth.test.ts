import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../test/support/database.js';
import { Client, PASSWORD, startServer, totpCode, type TestServer } from '../../test/support/server.js';
import { SETUP_TTL_MS } from './bootstrap.js';
import { issueOneTimeToken } from './service.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s?.close());

const NEW_PASSWORD = 'Perahu-Kertas-Melaju-Ke-Timur';
const WRONG_PASSWORD = 'Salah-Kata-Sandi-123!';

/** Rows from SQL run as the database owner (values here are server-made UUIDs). */
const query = (text: string, server = s) => rawQuery(server.database, text) as Promise<Record<string, any>[]>;

/** A second client presenting the same session cookie, to prove the server (not the browser) ended it. */
function replayOf(c: Client) {
  const copy = s.client();
  for (const [k, v] of c.cookies) copy.cookies.set(k, v);
  return copy;
}

describe('login', () => {
  it('answers a wrong email and a wrong password the same way, and signs in with the right one', async () => {
    const org = await s.org();
    const u = await s.user({ organizationId: org.id, roles: ['case_worker'] });
    const wrongEmail = await s.client().login('nobody@example.org');
    const wrongPassword = await s.client().login(u.email, WRONG_PASSWORD);
    expect(wrongEmail.status).toBe(401);
    expect(wrongPassword.status).toBe(401);
    expect(wrongEmail.body).toEqual(wrongPassword.body);
    const c = s.client();
    const ok = await c.login(u.email);
    expect(ok.status).toBe(200);
    const cookie = ok.headers.getSetCookie()[0];
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await c.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(u.id);
    expect(me.body.permissions['user.read']).toBe('self');
  });

  it('locks an account after five failures without revealing whether it exists', async () => {
    const org = await s.org();
    const u = await s.user({ organizationId: org.id, roles: ['case_worker'] });
    for (let i = 0; i < 5; i++) expect((await s.client().login(u.email, WRONG_PASSWORD)).body.error.code).toBe('invalid_credentials');
    const locked = await s.client().login(u.email);
    expect(locked.status).toBe(401);
    expect(locked.body.error.code).toBe('locked_out');
    for (let i = 0; i < 5; i++) await s.client().login('ghost@example.org', WRONG_PASSWORD);
    expect((await s.client().login('ghost@example.org')).body.error.code).toBe('locked_out');
  });

  it('locks a client address after five failures across accounts', async () => {
    const c = s.client();
    for (let i = 0; i < 5; i++) await c.login(`probe${i}@example.org`, WRONG_PASSWORD);
    const org = await s.org();
    const u = await s.user({ organizationId: org.id, roles: ['case_worker'] });
    expect((await c.login(u.email)).body.error.code).toBe('locked_out');
    expect((await s.client().login(u.email)).status).toBe(200);
  });

  it('asks for the second factor and refuses a reused code', async () => {
    const org = await s.org();
    const u = await s.user({ organizationId: org.id, roles: ['case_worker'], totp: true });
    const first = await s.client().login(u.email);
    expect(first.body.error.code).toBe('totp_required');
    const code = await totpCode(u.totpSecret!);
    expect((await s.client().post('/api/v1/auth/login', { email: u.email, password: PASSWORD, totp: code })).status).toBe(200);
    const again = await s.client().post('/api/v1/auth/login', { email: u.email, password: PASSWORD, totp: code });
    expect(again.body.error.code).toBe('totp_invalid');
  });

  it('audits success and failure without writing the email address or any password into the log', async () => {
    const org = await s.org();
    const email = `rahasia.audit.${Date.now()}@example.org`;
    const u = await s.user({ organizationId: org.id, roles: ['case_worker'], email });
    expect((await s.client().login(email, WRONG_PASSWORD)).status).toBe(401);
    expect((await s.client().login('tidak.ada.siapa@example.org', WRONG_PASSWORD)).status).toBe(401);
    expect((await s.client().login(email)).status).toBe(200);

    const failures = await query(`select * from audit_events where action = 'auth.login' and outcome = 'failure' and target_id = '${u.id}'`);
    expect(failures).toHaveLength(1);
    expect(failures[0].details).toEqual({ reason: 'invalid_credentials' });
    expect(failures[0].organization_id).toBe(org.id);
    const successes = await query(`select * from audit_events where action = 'auth.login' and outcome = 'success' and actor_id = '${u.id}'`);
    expect(successes).toHaveLength(1);
    expect(successes[0].target_type).toBe('session');

    const everything = JSON.stringify(await query('select * from audit_events')).toLowerCase();
    for (const secret of [email, 'rahasia.audit', 'tidak.ada.siapa', WRONG_PASSWORD, PASSWORD]) expect(everything).not.toContain(secret.toLowerCase());
  });
});

describe('sessions', () => {
  async function signedInCaseWorker() {
    const org = await s.org();
    return s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
  }

  it('logout ends the session on the server, not only in the browser', async () => {
    const c = await signedInCaseWorker();
    const replay = replayOf(c);
    const out = await c.post('/api/v1/auth/logout');
    expect(out.status).toBe(204);
    expect(c.cookies.size).toBe(0);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
    const me = await replay.get('/api/v1/auth/me');
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('unauthorized');
    const rows = await query(`select revoked_at from sessions where user_id = '${c.user.id}'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].revoked_at).not.toBeNull();
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const c = await signedInCaseWorker();
    await query(`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = '${c.user.id}'`);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
    const [row] = await query(`select revoked_at from sessions where user_id = '${c.user.id}'`);
    expect(row.revoked_at).not.toBeNull();
  });

  it('keeps a session idle for less than 30 minutes', async () => {
    const c = await signedInCaseWorker();
    await query(`update sessions set last_seen_at = now() - interval '29 minutes' where user_id = '${c.user.id}'`);
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    const [row] = await query(`select revoked_at, last_seen_at > now() - interval '1 minute' as touched from sessions where user_id = '${c.user.id}'`);
    expect(row.revoked_at).toBeNull();
    expect(row.touched).toBe(true);
  });

  it('ends a session past its absolute lifetime even when in use', async () => {
    const c = await signedInCaseWorker();
    await query(`update sessions set expires_at = now() - interval '1 second' where user_id = '${c.user.id}'`);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('ends every session of a user who is deactivated', async () => {
    const org = await s.org();
    const admin = await s.signedIn({ organizationId: org.id, roles: ['org_admin'] });
    const worker = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
    const second = s.client();
    expect((await second.login(worker.user.email)).status).toBe(200);
    expect((await admin.post(`/api/v1/users/${worker.user.id}/deactivate`)).status).toBe(200);
    expect((await worker.get('/api/v1/auth/me')).status).toBe(401);
    expect((await second.get('/api/v1/auth/me')).status).toBe(401);
    const [open] = await query(`select count(*)::int as n from sessions where user_id = '${worker.user.id}' and revoked_at is null`);
    expect(open.n).toBe(0);
    expect((await s.client().login(worker.user.email)).body.error.code).toBe('invalid_credentials');
  });
});

describe('password change', () => {
  it('refuses a wrong current password under fields.currentPassword and keeps the old password', async () => {
    const org = await s.org();
    const c = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
    const res = await c.post('/api/v1/auth/password', { currentPassword: WRONG_PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ currentPassword: 'wrong_password' });
    expect((await s.client().login(c.user.email)).status).toBe(200);
    expect((await s.client().login(c.user.email, NEW_PASSWORD)).status).toBe(401);
  });

  it.each([
    ['short-pw', 'too_short'],
    ['password1234', 'too_common'],
    ['jakarta2024!!', 'too_weak'],
  ])('refuses the weak new password %j as %s and keeps the old one', async (weak, code) => {
    const org = await s.org();
    const c = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
    const [before] = await query(`select password_hash, version from users where id = '${c.user.id}'`);
    const res = await c.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: weak });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.fields).toEqual({ newPassword: code });
    const [after] = await query(`select password_hash, version from users where id = '${c.user.id}'`);
    expect(after).toEqual(before);
  });

  it('refuses the current password as the new one', async () => {
    const org = await s.org();
    const c = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
    const res = await c.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ newPassword: 'same_as_current' });
  });

  it('changes the password, ends every other session and keeps the one that changed it', async () => {
    const org = await s.org();
    const c = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
    const other = s.client();
    expect((await other.login(c.user.email)).status).toBe(200);
    const res = await c.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.status).toBe(204);
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    expect((await other.get('/api/v1/auth/me')).status).toBe(401);
    expect((await s.client().login(c.user.email)).status).toBe(401);
    expect((await s.client().login(c.user.email, NEW_PASSWORD)).status).toBe(200);
    const [audit] = await query(`select count(*)::int as n from audit_events where action = 'auth.password.change' and target_id = '${c.user.id}' and outcome = 'success'`);
    expect(audit.n).toBe(1);
  });
});

describe('two-factor authentication', () => {
  async function enrol(c: Client) {
    const start = await c.post('/api/v1/auth/totp/enrol');
    expect(start.status).toBe(200);
    expect(start.body.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(start.body.qrSvg).toMatch(/^<svg/);
    const confirm = await c.post('/api/v1/auth/totp/confirm', { code: await totpCode(start.body.secret) });
    expect(confirm.status).toBe(200);
    return { secret: start.body.secret as string, recoveryCodes: confirm.body.recoveryCodes as string[] };
  }

  it('refuses a wrong confirmation code and leaves two-factor off', async () => {
    const org = await s.org();
    const c = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
    const start = await c.post('/api/v1/auth/totp/enrol');
    const code = await totpCode(start.body.secret);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const res = await c.post('/api/v1/auth/totp/confirm', { code: wrong });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ code: 'totp_invalid' });
    expect((await c.get('/api/v1/auth/me')).body.user.totpEnabled).toBe(false);
    const [row] = await query(`select totp_secret from users where id = '${c.user.id}'`);
    expect(row.totp_secret).toBeNull();
  });

  it('refuses confirmation before enrolment has started', async () => {
    const org = await s.org();
    const c = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
    const res = await c.post('/api/v1/auth/totp/confirm', { code: '123456' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('totp_not_enrolling');
  });

  it('enrols with a code from the authenticator and hands out ten single-use recovery codes', async () => {
    const org = await s.org();
    const c = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
    const { recoveryCodes } = await enrol(c);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const rc of recoveryCodes) expect(rc).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect((await c.get('/api/v1/auth/me')).body.user.totpEnabled).toBe(true);
    const stored = await query(`select code_hash from recovery_codes where user_id = '${c.user.id}'`);
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]);

    expect((await s.client().login(c.user.email)).body.error.code).toBe('totp_required');
    const withRecovery = { email: c.user.email, password: PASSWORD, totp: recoveryCodes[3] };
    expect((await s.client().post('/api/v1/auth/login', withRecovery)).status).toBe(200);
    const reused = await s.client().post('/api/v1/auth/login', withRecovery);
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('totp_invalid');
    const [used] = await query(`select count(*)::int as n from recovery_codes where user_id = '${c.user.id}' and used_at is not null`);
    expect(used.n).toBe(1);
  });

  it('does not accept the enrolment code again at sign-in', async () => {
    const org = await s.org();
    const c = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
    const start = await c.post('/api/v1/auth/totp/enrol');
    const code = await totpCode(start.body.secret);
    expect((await c.post('/api/v1/auth/totp/confirm', { code })).status).toBe(200);
    const res = await s.client().post('/api/v1/auth/login', { email: c.user.email, password: PASSWORD, totp: code });
    expect(res.body.error.code).toBe('totp_invalid');
  });

  it('holds a system administrator without two-factor at enrolment: /auth/me yes, everything else 403', async () => {
    const org = await s.org();
    const u = await s.user({ organizationId: org.id, roles: ['system_admin'], totp: false });
    const c = s.client();
    expect((await c.login(u.email)).status).toBe(200);
    const blocked = await c.get('/api/v1/organizations');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('totp_enrolment_required');
    expect((await c.get('/api/v1/users')).body.error.code).toBe('totp_enrolment_required');
    const me = await c.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.totpRequired).toBe(true);
    expect(me.body.user.totpEnabled).toBe(false);
    await enrol(c);
    expect((await c.get('/api/v1/organizations')).status).toBe(200);
  });

  it('refuses to turn two-factor off for a system administrator', async () => {
    const org = await s.org();
    const c = await s.signedIn({ organizationId: org.id, roles: ['system_admin'] });
    const res = await c.post('/api/v1/auth/totp/disable', { password: PASSWORD });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('totp_required_for_role');
    const [row] = await query(`select totp_secret is not null as on from users where id = '${c.user.id}'`);
    expect(row.on).toBe(true);
  });

  it('lets a case worker turn two-factor off with the right password only', async () => {
    const org = await s.org();
    const c = await s.signedIn({ organizationId: org.id, roles: ['case_worker'], totp: true });
    const wrong = await c.post('/api/v1/auth/totp/disable', { password: WRONG_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual({ password: 'wrong_password' });
    expect((await c.get('/api/v1/auth/me')).body.user.totpEnabled).toBe(true);
    expect((await c.post('/api/v1/auth/totp/disable', { password: PASSWORD })).status).toBe(204);
    expect((await c.get('/api/v1/auth/me')).body.user.totpEnabled).toBe(false);
    expect((await s.client().login(c.user.email)).status).toBe(200);
  });
});

describe('activation', () => {
  async function adminAndNewUser() {
    const org = await s.org();
    const admin = await s.signedIn({ organizationId: org.id, roles: ['org_admin'] });
    const email = `baru.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@example.org`;
    const res = await admin.post('/api/v1/users', { email, displayName: 'Dewi Lestari', organizationId: org.id, roles: ['case_worker'] });
    expect(res.status).toBe(201);
    expect(res.body.user.status).toBe('pending');
    expect(typeof res.body.activationToken).toBe('string');
    return { admin, email, id: res.body.user.id as string, token: res.body.activationToken as string };
  }
  const statusOf = async (id: string) => (await query(`select status, password_hash from users where id = '${id}'`))[0];

  it('does not let a pending user sign in', async () => {
    const { email } = await adminAndNewUser();
    expect((await s.client().login(email)).body.error.code).toBe('invalid_credentials');
  });

  it('refuses a weak password and leaves the user pending with the token still usable', async () => {
    const { id, token, email } = await adminAndNewUser();
    const res = await s.client().post('/api/v1/auth/activate', { token, password: 'indonesia123' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ password: 'too_common' });
    expect(await statusOf(id)).toEqual({ status: 'pending', password_hash: null });
    expect((await s.client().post('/api/v1/auth/activate', { token, password: NEW_PASSWORD })).status).toBe(204);
    expect((await s.client().login(email, NEW_PASSWORD)).status).toBe(200);
  });

  it('activates with a good password, after which sign-in works and the token is spent', async () => {
    const { id, token, email } = await adminAndNewUser();
    expect((await s.client().post('/api/v1/auth/activate', { token, password: NEW_PASSWORD })).status).toBe(204);
    expect((await statusOf(id)).status).toBe('active');
    expect((await s.client().login(email, NEW_PASSWORD)).status).toBe(200);
    const again = await s.client().post('/api/v1/auth/activate', { token, password: 'Lain-Kali-Saja-Bung-77' });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invalid_token');
    expect(again.body.error.fields).toEqual({ token: 'invalid_token' });
    expect((await s.client().login(email, 'Lain-Kali-Saja-Bung-77')).status).toBe(401);
  });

  it('refuses an expired token and leaves the user pending', async () => {
    const { id, token } = await adminAndNewUser();
    await query(`update one_time_tokens set expires_at = now() - interval '1 minute' where user_id = '${id}'`);
    const res = await s.client().post('/api/v1/auth/activate', { token, password: NEW_PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_token');
    expect(await statusOf(id)).toEqual({ status: 'pending', password_hash: null });
  });

  it('refuses an unknown token', async () => {
    const res = await s.client().post('/api/v1/auth/activate', { token: 'not-a-real-token', password: NEW_PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_token');
  });
});

describe('first-run setup', () => {
  let fresh: TestServer;
  beforeAll(async () => {
    fresh = await startServer();
  });
  afterAll(() => fresh?.close());

  const firstAdmin = (token: string, password = NEW_PASSWORD) => ({
    token,
    organization: { name: 'Sekretariat Gugus Tugas', acronym: 'GT-PP TPPO' },
    displayName: 'Admin Pertama',
    email: 'Admin.Pertama@Example.org',
    password,
  });
  const counts = async () => (await query('select (select count(*)::int from users) as users, (select count(*)::int from organizations) as orgs', fresh))[0];

  it('starts with no users', async () => {
    expect(await counts()).toEqual({ users: 0, orgs: 0 });
  });

  it('reports a valid setup link as valid and any other as not', async () => {
    const token = await issueOneTimeToken(fresh.database.db, 'setup', null, SETUP_TTL_MS);
    expect((await fresh.client().get(`/api/v1/auth/setup/status?token=${token}`)).body).toEqual({ valid: true });
    expect((await fresh.client().get('/api/v1/auth/setup/status?token=nope')).body).toEqual({ valid: false });
  });

  it('refuses a weak password and writes nothing', async () => {
    const token = await issueOneTimeToken(fresh.database.db, 'setup', null, SETUP_TTL_MS);
    const res = await fresh.client().post('/api/v1/auth/setup', firstAdmin(token, 'password1234'));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ password: 'too_common' });
    expect(await counts()).toEqual({ users: 0, orgs: 0 });
    expect((await fresh.client().get(`/api/v1/auth/setup/status?token=${token}`)).body).toEqual({ valid: true });
  });

  it('refuses a wrong token and writes nothing', async () => {
    const res = await fresh.client().post('/api/v1/auth/setup', firstAdmin('wrong-token'));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_token');
    expect(await counts()).toEqual({ users: 0, orgs: 0 });
  });

  it('creates the first organisation and system administrator, who must then enrol two-factor', async () => {
    const token = await issueOneTimeToken(fresh.database.db, 'setup', null, SETUP_TTL_MS);
    const res = await fresh.client().post('/api/v1/auth/setup', firstAdmin(token));
    expect(res.status).toBe(201);
    expect(await counts()).toEqual({ users: 1, orgs: 1 });
    const [u] = await query(`select u.email, u.roles, u.status, o.name, o.type, o.level from users u join organizations o on o.id = u.organization_id`, fresh);
    expect(u).toMatchObject({ email: 'admin.pertama@example.org', roles: ['system_admin'], status: 'active', name: 'Sekretariat Gugus Tugas', type: 'ministry', level: 'national' });
    const c = fresh.client();
    expect((await c.login('admin.pertama@example.org', NEW_PASSWORD)).status).toBe(200);
    expect((await c.get('/api/v1/auth/me')).body.totpRequired).toBe(true);
    expect((await c.get('/api/v1/organizations')).body.error.code).toBe('totp_enrolment_required');
    const [audit] = await query(`select count(*)::int as n from audit_events where action = 'auth.setup' and outcome = 'success'`, fresh);
    expect(audit.n).toBe(1);
    expect((await fresh.client().get(`/api/v1/auth/setup/status?token=${token}`)).body).toEqual({ valid: false });
  });

  it('refuses a second setup once a user exists, even with a new valid link', async () => {
    const token = await issueOneTimeToken(fresh.database.db, 'setup', null, SETUP_TTL_MS);
    expect((await fresh.client().get(`/api/v1/auth/setup/status?token=${token}`)).body).toEqual({ valid: false });
    const res = await fresh.client().post('/api/v1/auth/setup', { ...firstAdmin(token), email: 'penyusup@example.org' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_token');
    expect(await counts()).toEqual({ users: 1, orgs: 1 });
  });
});

describe('own sessions', () => {
  it('lists the live sessions with the current one marked, ends one, then all the others', async () => {
    const org = await s.org();
    const u = await s.user({ organizationId: org.id, roles: ['case_worker'] });
    const phone = s.client();
    const laptop = s.client();
    const tablet = s.client();
    for (const c of [phone, laptop, tablet]) expect((await c.login(u.email)).status).toBe(200);
    const listed = await laptop.get('/api/v1/auth/sessions');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(3);
    expect(listed.body.items.filter((x: { current: boolean }) => x.current)).toHaveLength(1);
    expect(listed.body.items.map((x: { ip: string }) => x.ip).sort()).toEqual([phone.ip, laptop.ip, tablet.ip].sort());

    const phoneSession = listed.body.items.find((x: { ip: string }) => x.ip === phone.ip).id;
    expect((await laptop.delete(`/api/v1/auth/sessions/${phoneSession}`)).status).toBe(204);
    expect((await phone.get('/api/v1/auth/me')).status).toBe(401);

    const others = await laptop.post('/api/v1/auth/sessions/revoke-others');
    expect(others.body).toEqual({ revoked: 1 });
    expect((await tablet.get('/api/v1/auth/me')).status).toBe(401);
    expect((await laptop.get('/api/v1/auth/me')).status).toBe(200);
    expect((await laptop.get('/api/v1/auth/sessions')).body.items).toHaveLength(1);
  });

  it("answers 404 for someone else's session and leaves it alive", async () => {
    const org = await s.org();
    const a = await s.signedIn({ organizationId: org.id, roles: ['system_admin'] });
    const b = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
    const theirs = (await b.get('/api/v1/auth/sessions')).body.items[0].id;
    expect((await a.delete(`/api/v1/auth/sessions/${theirs}`)).status).toBe(404);
    expect((await b.get('/api/v1/auth/me')).status).toBe(200);
  });
});
