import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../../test/support/database.js';
import { describeFailure } from './errors.js';
import { startServer, type TestServer } from '../../../test/support/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s?.close());

const errorShape = (code: string) => ({ error: { code, message: expect.any(String) } });

describe('error answers', () => {
  it('answers an unknown /api route with 404 in the common JSON shape', async () => {
    const res = await s.client().get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toEqual(errorShape('not_found'));
  });

  it('answers an unknown /api/v1 route with 404 to a signed-in caller', async () => {
    const org = await s.org();
    const c = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
    const res = await c.get('/api/v1/cases-that-do-not-exist');
    expect(res.status).toBe(404);
    expect(res.body).toEqual(errorShape('not_found'));
  });

  it('answers a body that is not JSON with 400 in the common shape, without echoing it', async () => {
    const res = await s.client().request('POST', '/api/v1/auth/login', '{"email": "a@example.org", "password": rahasia', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorShape('invalid_json'));
    expect(res.text).not.toContain('rahasia');
  });

  it('answers a body that breaks the schema with 400 invalid_input naming the fields', async () => {
    const res = await s.client().post('/api/v1/auth/login', { email: '', password: 42 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.fields).toEqual({ email: 'required', password: 'invalid_type' });
  });

  it('names each failed check with a code the web app translates, and explains it in the message', async () => {
    const org = await s.org();
    const admin = await s.signedIn({ organizationId: org.id, roles: ['system_admin'] });
    const res = await admin.post('/api/v1/organizations', { name: 'x'.repeat(300), type: 'bank', level: 'national', areaCode: '3x', parentId: 'nope' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ name: 'too_long', type: 'invalid_choice', areaCode: 'invalid_format', parentId: 'invalid_uuid' });
    expect(res.body.error.message).toMatch(/name: .*200/);
  });

  it('answers a body over 1 MB with 413 payload_too_large and writes nothing', async () => {
    const before = await rawQuery(s.database, 'select count(*)::int as n from login_failures');
    const res = await s.client().post('/api/v1/auth/login', { email: 'besar@example.org', password: 'x'.repeat(1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body).toEqual(errorShape('payload_too_large'));
    expect(await rawQuery(s.database, 'select count(*)::int as n from login_failures')).toEqual(before);
  });

  it('answers a non-JSON content type with 415', async () => {
    // Plain fetch: the test client always sends JSON.
    const res = await fetch(`${s.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': s.client().ip },
      body: 'email=a%40example.org&password=x',
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual(errorShape('unsupported_media_type'));
  });

  it('answers an unauthenticated call with 401 unauthorized', async () => {
    const res = await s.client().get('/api/v1/organizations');
    expect(res.status).toBe(401);
    expect(res.body).toEqual(errorShape('unauthorized'));
  });

  it('answers a malformed id with 400 before touching the database', async () => {
    const org = await s.org();
    const c = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
    const res = await c.get('/api/v1/organizations/not-a-uuid');
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('id');
  });
});

describe('rate limiting', () => {
  it('allows 20 sign-in attempts a minute from one address and answers the 21st with 429', async () => {
    const c = s.client();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await c.login(`coba${i}@example.org`, 'Salah-Kata-Sandi-123!')).status);
    expect(statuses.slice(0, 20).every((st) => st === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    const limited = await c.login('coba@example.org', 'Salah-Kata-Sandi-123!');
    expect(limited.body).toEqual(errorShape('rate_limited'));
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('counts each client address separately', async () => {
    const c = s.client();
    for (let i = 0; i < 21; i++) await c.login(`lagi${i}@example.org`, 'Salah-Kata-Sandi-123!');
    expect((await s.client().login('orang.lain@example.org', 'Salah-Kata-Sandi-123!')).status).toBe(401);
  });
});

describe('health and headers', () => {
  it('answers health with 200, status ok and the database engine', async () => {
    const res = await s.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgresql' : 'pglite', version: 'test' });
  });

  it('sends the security headers', async () => {
    const res = await s.client().get('/api/health');
    const csp = res.headers.get('content-security-policy');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('sets the session cookie without Secure over plain http', async () => {
    const org = await s.org();
    const u = await s.user({ organizationId: org.id, roles: ['case_worker'] });
    const res = await s.client().login(u.email);
    expect(res.status).toBe(200);
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^pulang_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it('refuses a cookie-borne write from another site', async () => {
    const org = await s.org();
    const c = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
    const res = await c.request('POST', '/api/v1/auth/logout', {}, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
  });
});

describe('logging an unexpected failure', () => {
  it('keeps the kind and place of the error but never its message', async () => {
    const err = Object.assign(new Error('Failed query: insert into users params: siti.aminah@example.org'), {
      code: 'E_QUERY',
      cause: Object.assign(new Error('duplicate key value (email)=(siti.aminah@example.org)'), { code: '23505' }),
    });
    const logged = JSON.stringify(describeFailure(err));
    expect(logged).not.toContain('siti.aminah');
    expect(describeFailure(err).failure).toEqual([
      { name: 'Error', code: 'E_QUERY' },
      { name: 'Error', code: '23505' },
    ]);
    expect(describeFailure(err).frames.length).toBeGreaterThan(0);
  });
});
