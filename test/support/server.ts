// Starts the real Pulang server on a fresh database, listening on a loopback port, and gives
// tests HTTP clients with their own cookie jar and client address.
import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { buildApp } from '../../src/app.js';
import { setAuditKey } from '../../src/audit/chain.js';
import { hashPassword } from '../../src/auth/passwords.js';
import { newTotpSecret } from '../../src/auth/totp.js';
import { loadConfig } from '../../src/platform/config.js';
import { BlindIndex } from '../../src/platform/crypto/blind-index.js';
import { FieldCipher } from '../../src/platform/crypto/fields.js';
import type { Database } from '../../src/platform/db/client.js';
import { organizations, users } from '../../src/platform/db/schema.js';
import type { Role } from '../../src/policy/policy.js';
import { freshDatabase } from './database.js';

export const PASSWORD = 'Kopi-Tubruk-Senja-2026!';
/** The audit-chain key of this test process (each test file runs in its own process). */
export const auditChainKey = randomBytes(32);

export interface TestServer {
  url: string;
  database: Database;
  cipher: FieldCipher;
  lookup: BlindIndex;
  /** The server's field-encryption key (version 1). */
  key: Buffer;
  client(ip?: string): Client;
  org(input?: Partial<typeof organizations.$inferInsert>): Promise<{ id: string; name: string }>;
  user(input: { organizationId: string; roles: Role[]; email?: string; displayName?: string; kind?: 'person' | 'service'; totp?: boolean }): Promise<TestUser>;
  /** A signed-in client for a new active user. */
  signedIn(input: Parameters<TestServer['user']>[0]): Promise<Client & { user: TestUser }>;
  close(): Promise<void>;
}

export interface TestUser {
  id: string;
  email: string;
  organizationId: string;
  totpSecret?: string;
}

let ipCounter = 1;
/** A distinct client address per client, so that per-address limits of one test do not leak into another. */
const nextIp = () => `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;

export async function totpCode(secret: string, at = Date.now()) {
  return generate({ secret, epoch: Math.floor(at / 1000) });
}

export class Client {
  cookies = new Map<string, string>();
  bearer?: string;
  constructor(
    readonly base: string,
    readonly ip: string,
  ) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { 'x-forwarded-for': this.ip, ...headers };
    if (body !== undefined) h['content-type'] = 'application/json';
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const res = await fetch(this.base + path, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair.split('=');
      if (!v || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(k);
      else this.cookies.set(k, v);
    }
    const text = await res.text();
    let json: any = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: json, text, headers: res.headers };
  }
  get = (p: string) => this.request('GET', p);
  post = (p: string, b?: unknown) => this.request('POST', p, b ?? {});
  patch = (p: string, b: unknown) => this.request('PATCH', p, b);
  delete = (p: string) => this.request('DELETE', p);

  async login(email: string, password = PASSWORD, totpSecret?: string) {
    const body: Record<string, string> = { email, password };
    if (totpSecret) body.totp = await totpCode(totpSecret);
    return this.post('/api/v1/auth/login', body);
  }
}

export async function startServer(): Promise<TestServer> {
  const database = await freshDatabase();
  const config = { ...loadConfig({ PORT: '0', DATA_DIR: '/nonexistent' }), trustProxy: true };
  const key = randomBytes(32);
  const cipher = new FieldCipher(key);
  setAuditKey(auditChainKey);
  const lookup = new BlindIndex(randomBytes(32));
  const app = await buildApp({ database, config, cipher, lookup, version: 'test' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const db = database.db;
  let n = 0;
  const hash = await hashPassword(PASSWORD);

  const server: TestServer = {
    url,
    database,
    cipher,
    lookup,
    key,
    client: (ip = nextIp()) => new Client(url, ip),
    async org(input = {}) {
      const [o] = await db
        .insert(organizations)
        .values({ name: `Dinas Sosial ${++n} ${randomBytes(3).toString('hex')}`, type: 'local_government', level: 'province', ...input })
        .returning({ id: organizations.id, name: organizations.name });
      return o;
    },
    async user({ organizationId, roles, email, displayName, kind = 'person', totp }) {
      const e = email ?? `user${++n}.${randomBytes(3).toString('hex')}@example.org`;
      const wantsTotp = totp ?? roles.includes('system_admin');
      const secret = wantsTotp ? newTotpSecret() : undefined;
      const [u] = await db
        .insert(users)
        .values({
          organizationId,
          email: e,
          displayName: displayName ?? `Pengguna ${n}`,
          roles,
          kind,
          status: 'active',
          passwordHash: kind === 'person' ? hash : null,
          totpSecret: secret ? cipher.encrypt(secret) : null,
          totpEnabledAt: secret ? new Date() : null,
        })
        .returning({ id: users.id });
      return { id: u.id, email: e, organizationId, totpSecret: secret };
    },
    async signedIn(input) {
      const user = await server.user(input);
      const c = server.client();
      const res = await c.login(user.email, PASSWORD, user.totpSecret);
      if (res.status !== 200) throw new Error(`test login failed: ${res.status} ${res.text}`);
      return Object.assign(c, { user });
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
  return server;
}
