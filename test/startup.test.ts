// The commands a person runs: start (first administrator, setup link, data-folder lock, clean
// shutdown), db:migrate and audit:verify, as real processes on a real data folder or database.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKeyring } from '../src/platform/crypto/keys.js';

const root = path.resolve(import.meta.dirname, '..');
const ADMIN_PASSWORD = 'Layang-Layang-Sore-Hari';
let dataDir: string;
let databaseUrl: string | undefined;
let port = 3400 + Math.floor(Math.random() * 400);

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(script: string, env: Record<string, string | undefined>): Proc {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function until(p: Proc, pattern: RegExp, ms = 60_000) {
  const start = Date.now();
  while (!pattern.test(p.output())) {
    if (p.child.exitCode !== null) throw new Error(`exited early: ${p.output()}`);
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${pattern}: ${p.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const startServer = (env: Record<string, string | undefined> = {}) => run('src/main.ts', { PORT: String(++port), ...env });
const api = (p: string, init?: RequestInit) => fetch(`http://127.0.0.1:${port}${p}`, init);

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pulang-startup-'));
  if (process.env.DATABASE_URL) {
    const name = `pulang_startup_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
  }
});
afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (!databaseUrl) return;
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  for (const db of [name, `${name}_env`]) await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  await admin.end();
});

describe('npm start', () => {
  it('prints a one-time setup link on an empty database, which creates the first administrator once', async () => {
    const server = startServer();
    await until(server, /is running at/);
    const link = server.output().match(/\/setup\?token=([\w-]+)/);
    expect(link).not.toBeNull();
    const health = await (await api('/api/health')).json();
    expect(health).toMatchObject({ status: 'ok', database: databaseUrl ? 'postgresql' : 'pglite' });
    const body = { token: link![1], organization: { name: 'Sekretariat Pulang' }, displayName: 'Admin Satu', email: 'admin.satu@example.org', password: ADMIN_PASSWORD };
    const created = await api('/api/v1/auth/setup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(created.status).toBe(201);
    const again = await api('/api/v1/auth/setup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, email: 'admin.dua@example.org' }) });
    expect(again.status).toBe(400);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).not.toContain(ADMIN_PASSWORD);
  });

  it('never prints a setup link again once an administrator exists', async () => {
    const server = startServer();
    await until(server, /is running at/);
    expect(server.output()).not.toMatch(/setup\?token=/);
    const login = await api('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin.satu@example.org', password: ADMIN_PASSWORD }) });
    // The password is right; the system administrator now needs two-factor enrolment, not a refusal.
    expect(login.status).toBe(200);
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
  });

  it.skipIf(!!process.env.DATABASE_URL)('refuses a second process on the same data folder, and frees it on shutdown', async () => {
    const first = startServer();
    await until(first, /is running at/);
    expect(fs.existsSync(path.join(dataDir, 'pulang.lock'))).toBe(true);
    const second = startServer();
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/in use by another Pulang process \(pid \d+\)/);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pulang.lock'))).toBe(false);
  });

  it.skipIf(!!process.env.DATABASE_URL)('creates the encryption and audit key files once, readable by their owner only', () => {
    expect(fs.statSync(path.join(dataDir, 'audit.key')).mode & 0o777).toBe(0o600);
    const key = path.join(dataDir, 'encryption.key');
    expect(fs.statSync(key).mode & 0o777).toBe(0o600);
    const ring = parseKeyring(fs.readFileSync(key, 'utf8'), key, 'file');
    expect(ring.current).toBe(1);
    expect(ring.keys.get(1)).toHaveLength(32);
  });

  it.skipIf(!!process.env.DATABASE_URL)('npm run keys:rotate replaces the key file with a new version, readable by its owner only', async () => {
    const key = path.join(dataDir, 'encryption.key');
    const before = parseKeyring(fs.readFileSync(key, 'utf8'), key, 'file');
    const rotate = run('scripts/keys-rotate.ts', {});
    expect(await rotate.exited).toBe(0);
    expect(rotate.output()).toMatch(/under key version 2/);
    const after = parseKeyring(fs.readFileSync(key, 'utf8'), key, 'file');
    expect([...after.keys.keys()]).toEqual([2]);
    expect(after.keys.get(2)!.equals(before.keys.get(1)!)).toBe(false);
    expect(fs.statSync(key).mode & 0o777).toBe(0o600);
  });

  it('creates the first administrator from PULANG_ADMIN_EMAIL and PULANG_ADMIN_PASSWORD on a new database', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'pulang-startup-env-'));
    const previous = { dataDir, databaseUrl };
    dataDir = other;
    if (databaseUrl) {
      const u = new URL(databaseUrl);
      const name = `${u.pathname.slice(1)}_env`;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      u.pathname = `/${name}`;
      databaseUrl = u.toString();
    }
    try {
      const server = startServer({ PULANG_ADMIN_EMAIL: 'Kepala@Example.org', PULANG_ADMIN_PASSWORD: ADMIN_PASSWORD, PULANG_ENCRYPTION_KEY: randomBytes(32).toString('hex') });
      await until(server, /is running at/);
      expect(server.output()).not.toMatch(/setup\?token=/);
      expect(fs.existsSync(path.join(other, 'encryption.key'))).toBe(false);
      const login = await api('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'kepala@example.org', password: ADMIN_PASSWORD }) });
      expect(login.status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      dataDir = previous.dataDir;
      databaseUrl = previous.databaseUrl;
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('npm run db:migrate and npm run audit:verify', () => {
  it('migrates without starting a server, and verifies the audit chain', async () => {
    const migrate = run('scripts/migrate.ts', {});
    expect(await migrate.exited).toBe(0);
    expect(migrate.output()).toMatch(/Migrations applied/);
    const verify = run('scripts/audit-verify.ts', {});
    expect(await verify.exited).toBe(0);
    expect(verify.output()).toMatch(/"intact":true/);
  });
});
