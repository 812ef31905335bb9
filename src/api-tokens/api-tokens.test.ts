import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../test/support/database.js';
import { startServer, type Client, type TestServer, type TestUser } from '../../test/support/server.js';

type Signed = Client & { user: TestUser };
let s: TestServer;
let orgA: { id: string };
let orgB: { id: string };
let adminA: Signed;
let adminB: Signed;
const issued: string[] = [];

beforeAll(async () => {
  s = await startServer();
  orgA = await s.org();
  orgB = await s.org();
  adminA = await s.signedIn({ organizationId: orgA.id, roles: ['org_admin'] });
  adminB = await s.signedIn({ organizationId: orgB.id, roles: ['org_admin'] });
});
afterAll(() => s?.close());

const query = (text: string) => rawQuery(s.database, text) as Promise<Record<string, any>[]>;
const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');
const countTokens = async () => (await query('select count(*)::int as n from api_tokens'))[0].n as number;

/** A client that authenticates with the token only (no cookie). */
function bearer(token: string) {
  const c = s.client();
  c.bearer = token;
  return c;
}

async function ownToken(c: Client, scopes: string[] = ['organizations:read'], name = 'skrip laporan') {
  const res = await c.post('/api/v1/api-tokens', { name, scopes });
  expect(res.status).toBe(201);
  issued.push(res.body.token);
  return res.body as { token: string; apiToken: { id: string; prefix: string; scopes: string[]; expiresAt: string } };
}

describe("a person's own tokens", () => {
  let worker: Signed;
  beforeAll(async () => {
    worker = await s.signedIn({ organizationId: orgA.id, roles: ['case_worker'] });
  });

  it('shows the token once, with a prefix, scopes and a 90-day expiry by default', async () => {
    const { token, apiToken } = await ownToken(worker);
    expect(token).toMatch(/^pul_[A-Za-z0-9_-]{40,}$/);
    expect(apiToken.prefix).toBe(token.slice(0, 12));
    expect(apiToken.scopes).toEqual(['organizations:read']);
    const days = (new Date(apiToken.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);
  });

  it('lists tokens by prefix, never with the token or its hash', async () => {
    const { token, apiToken } = await ownToken(worker, ['organizations:read'], 'untuk daftar');
    const res = await worker.get('/api/v1/api-tokens');
    expect(res.status).toBe(200);
    const listed = res.body.items.find((t: { id: string }) => t.id === apiToken.id);
    expect(listed).toMatchObject({ name: 'untuk daftar', prefix: apiToken.prefix, revokedAt: null });
    expect(Object.keys(listed).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'scopes']);
    expect(res.text).not.toContain(token.slice(4));
    expect(res.text).not.toContain(sha256(token));
  });

  it('works as a Bearer token within its scope and records when it was used', async () => {
    const { token, apiToken } = await ownToken(worker);
    const res = await bearer(token).get('/api/v1/organizations');
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(0);
    const [row] = await query(`select last_used_at from api_tokens where id = '${apiToken.id}'`);
    expect(row.last_used_at).not.toBeNull();
  });

  it('is refused outside its scope with 403 and writes nothing', async () => {
    const { token } = await ownToken(worker);
    const before = (await query('select count(*)::int as n from organizations'))[0].n;
    const res = await bearer(token).post('/api/v1/organizations', { name: 'Lewat Token', type: 'ngo', level: 'national' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await query('select count(*)::int as n from organizations'))[0].n).toBe(before);
    expect((await bearer(token).get('/api/v1/users')).status).toBe(403);
  });

  it('cannot manage tokens: that needs a signed-in person', async () => {
    const { token } = await ownToken(worker);
    const count = await countTokens();
    const list = await bearer(token).get('/api/v1/api-tokens');
    expect(list.status).toBe(403);
    expect(list.body.error.code).toBe('forbidden');
    expect((await bearer(token).post('/api/v1/api-tokens', { name: 'anak', scopes: ['organizations:read'] })).status).toBe(403);
    expect(await countTokens()).toBe(count);
  });

  it.each([['users:write'], ['audit:read'], ['organizations:write']])('refuses the scope %s that a case worker’s roles cannot use', async (scope) => {
    const count = await countTokens();
    const res = await worker.post('/api/v1/api-tokens', { name: 'terlalu luas', scopes: ['organizations:read', scope] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ scopes: 'scope_not_allowed' });
    expect(await countTokens()).toBe(count);
  });

  it('refuses an unknown scope and an empty scope list', async () => {
    expect((await worker.post('/api/v1/api-tokens', { name: 'x', scopes: ['referrals:read'] })).status).toBe(400);
    const empty = await worker.post('/api/v1/api-tokens', { name: 'x', scopes: [] });
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.error.fields)).toEqual(['scopes']);
  });

  it('stops working once expired', async () => {
    const { token, apiToken } = await ownToken(worker);
    await query(`update api_tokens set expires_at = now() - interval '1 second' where id = '${apiToken.id}'`);
    const res = await bearer(token).get('/api/v1/organizations');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('stops working once revoked; revoking twice answers 409', async () => {
    const { token, apiToken } = await ownToken(worker);
    expect((await worker.delete(`/api/v1/api-tokens/${apiToken.id}`)).status).toBe(204);
    expect((await bearer(token).get('/api/v1/organizations')).status).toBe(401);
    const again = await worker.delete(`/api/v1/api-tokens/${apiToken.id}`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_revoked');
    expect((await query(`select count(*)::int as n from audit_events where action = 'apiToken.revoke' and target_id = '${apiToken.id}'`))[0].n).toBe(1);
  });

  it("cannot revoke someone else's token", async () => {
    const other = await s.signedIn({ organizationId: orgA.id, roles: ['case_worker'] });
    const { token, apiToken } = await ownToken(other);
    expect((await worker.delete(`/api/v1/api-tokens/${apiToken.id}`)).status).toBe(404);
    expect((await bearer(token).get('/api/v1/organizations')).status).toBe(200);
  });

  it('refuses an unknown token with 401', async () => {
    expect((await bearer(`pul_${randomBytes(32).toString('base64url')}`).get('/api/v1/organizations')).status).toBe(401);
  });
});

describe('service account tokens', () => {
  let svc: TestUser;
  beforeAll(async () => {
    svc = await s.user({ organizationId: orgA.id, roles: ['supervisor'], kind: 'service' });
  });

  it('an administrator of its organisation creates one, and it works within its scopes', async () => {
    const res = await adminA.post(`/api/v1/users/${svc.id}/api-tokens`, { name: 'SIMPONI', scopes: ['organizations:read', 'users:read'] });
    expect(res.status).toBe(201);
    issued.push(res.body.token);
    const [row] = await query(`select user_id, created_by_id from api_tokens where id = '${res.body.apiToken.id}'`);
    expect(row).toEqual({ user_id: svc.id, created_by_id: adminA.user.id });

    const c = bearer(res.body.token);
    expect((await c.get('/api/v1/organizations')).status).toBe(200);
    const users = await c.get('/api/v1/users');
    expect(users.status).toBe(200);
    expect(users.body.items.every((u: { organizationId: string }) => u.organizationId === orgA.id)).toBe(true);
    expect((await c.get(`/api/v1/users/${adminA.user.id}`)).status).toBe(200);
    const [audit] = await query(`select actor_id, actor_kind from audit_events where action = 'user.read' and target_id = '${adminA.user.id}' order by seq desc limit 1`);
    expect(audit).toEqual({ actor_id: svc.id, actor_kind: 'service' });

    expect((await c.post('/api/v1/organizations', { name: 'Dari Mesin', type: 'ngo', level: 'national' })).status).toBe(403);
    expect((await c.get('/api/v1/audit-events')).status).toBe(403);
  });

  it("refuses a scope beyond the account's roles, and offers only the usable ones", async () => {
    const before = (await query('select count(*)::int as n from api_tokens'))[0].n;
    const res = await adminA.post(`/api/v1/users/${svc.id}/api-tokens`, { name: 'terlalu luas', scopes: ['users:write'] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ scopes: 'scope_not_allowed' });
    expect((await query('select count(*)::int as n from api_tokens'))[0].n).toBe(before);
    const listed = await adminA.get(`/api/v1/users/${svc.id}/api-tokens`);
    expect(listed.body.availableScopes).not.toContain('users:write');
  });

  it("lists the account's tokens for its administrator", async () => {
    const res = await adminA.get(`/api/v1/users/${svc.id}/api-tokens`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(1);
    expect(res.body.items.every((t: { prefix: string }) => t.prefix.startsWith('pul_'))).toBe(true);
  });

  it('an administrator of another organisation gets 404 and changes nothing', async () => {
    const count = await countTokens();
    expect((await adminB.get(`/api/v1/users/${svc.id}/api-tokens`)).status).toBe(404);
    expect((await adminB.post(`/api/v1/users/${svc.id}/api-tokens`, { name: 'curian', scopes: ['organizations:read'] })).status).toBe(404);
    const [t] = await query(`select id from api_tokens where user_id = '${svc.id}' and revoked_at is null limit 1`);
    expect((await adminB.delete(`/api/v1/users/${svc.id}/api-tokens/${t.id}`)).status).toBe(404);
    expect(await countTokens()).toBe(count);
    expect((await query(`select revoked_at from api_tokens where id = '${t.id}'`))[0].revoked_at).toBeNull();
  });

  it('an administrator can revoke a service account token', async () => {
    const created = await adminA.post(`/api/v1/users/${svc.id}/api-tokens`, { name: 'sementara', scopes: ['organizations:read'] });
    issued.push(created.body.token);
    expect((await adminA.delete(`/api/v1/users/${svc.id}/api-tokens/${created.body.apiToken.id}`)).status).toBe(204);
    expect((await bearer(created.body.token).get('/api/v1/organizations')).status).toBe(401);
  });

  it("answers 404 for a person's tokens: administrators mint tokens for service accounts only", async () => {
    const person = await s.user({ organizationId: orgA.id, roles: ['case_worker'] });
    expect((await adminA.post(`/api/v1/users/${person.id}/api-tokens`, { name: 'x', scopes: ['organizations:read'] })).status).toBe(404);
    expect((await adminA.get(`/api/v1/users/${person.id}/api-tokens`)).status).toBe(404);
  });

  it('an organisation administrator cannot mint a token for a system-administrator service account', async () => {
    const root = await s.user({ organizationId: orgA.id, roles: ['system_admin'], kind: 'service' });
    const count = await countTokens();
    const res = await adminA.post(`/api/v1/users/${root.id}/api-tokens`, { name: 'eskalasi', scopes: ['organizations:write', 'users:write', 'audit:read'] });
    expect(res.status).toBe(404);
    expect(await countTokens()).toBe(count);
    expect((await adminA.get(`/api/v1/users/${root.id}/api-tokens`)).status).toBe(404);
    const denials = await query(`select details from audit_events where action = 'permission.denied' and actor_id = '${adminA.user.id}' and target_id = '${root.id}'`);
    expect(denials).toHaveLength(2);
    expect(denials[0].details.action).toBe('apiToken.manageService');
  });

  it('a service account token stops working when the account is deactivated', async () => {
    const other = await s.user({ organizationId: orgA.id, roles: ['case_worker'], kind: 'service' });
    const created = await adminA.post(`/api/v1/users/${other.id}/api-tokens`, { name: 'x', scopes: ['organizations:read'] });
    issued.push(created.body.token);
    expect((await bearer(created.body.token).get('/api/v1/organizations')).status).toBe(200);
    expect((await adminA.post(`/api/v1/users/${other.id}/deactivate`)).status).toBe(200);
    expect((await bearer(created.body.token).get('/api/v1/organizations')).status).toBe(401);
  });
});

describe('storage', () => {
  it('keeps only the sha256 hash of every token: no row contains a token', async () => {
    expect(issued.length).toBeGreaterThan(5);
    const rows = await query('select * from api_tokens');
    const dump = JSON.stringify(rows);
    for (const token of issued) {
      expect(dump).not.toContain(token.slice(4));
      expect(rows.filter((r) => r.token_hash === sha256(token))).toHaveLength(1);
    }
    const audit = JSON.stringify(await query('select * from audit_events'));
    for (const token of issued) expect(audit).not.toContain(token.slice(4));
  });
});
