import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startServer, totpCode, type TestServer } from '../../test/support/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s?.close());

describe('login', () => {
  it('answers a wrong email and a wrong password the same way, and signs in with the right one', async () => {
    const org = await s.org();
    const u = await s.user({ organizationId: org.id, roles: ['case_worker'] });
    const wrongEmail = await s.client().login('nobody@example.org');
    const wrongPassword = await s.client().login(u.email, 'Salah-Kata-Sandi-123!');
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
    for (let i = 0; i < 5; i++) expect((await s.client().login(u.email, 'Salah-Kata-Sandi-123!')).body.error.code).toBe('invalid_credentials');
    const locked = await s.client().login(u.email);
    expect(locked.status).toBe(401);
    expect(locked.body.error.code).toBe('locked_out');
    for (let i = 0; i < 5; i++) await s.client().login('ghost@example.org', 'Salah-Kata-Sandi-123!');
    expect((await s.client().login('ghost@example.org')).body.error.code).toBe('locked_out');
  });

  it('locks a client address after five failures across accounts', async () => {
    const c = s.client();
    for (let i = 0; i < 5; i++) await c.login(`probe${i}@example.org`, 'Salah-Kata-Sandi-123!');
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
});
