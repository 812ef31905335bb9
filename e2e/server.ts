// The server the browser tests drive: demo data on a fresh database of the engine under test
// (a temporary PGlite folder, or a new database on the DATABASE_URL server).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { seedDemo } from '../src/demo/seed.js';
import { loadConfig } from '../src/platform/config.js';
import { start } from '../src/server.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pulang-e2e-'));
process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
const serverUrl = process.env.DATABASE_URL || undefined;
const name = `pulang_e2e_${process.pid}`;
async function onServer(statement: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(statement);
  await admin.end();
}
let databaseUrl: string | undefined;
if (serverUrl) {
  await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await onServer(`CREATE DATABASE ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  databaseUrl = u.toString();
}
const config = { ...loadConfig({ ...process.env, DATA_DIR: dataDir }), databaseUrl, adminEmail: undefined, adminPassword: undefined };
await start(config, {
  quiet: true,
  beforeListen: async ({ database, cipher, lookup }) => {
    await seedDemo(database.db, cipher, lookup, process.env.E2E_ADMIN_TOTP_SECRET);
  },
  afterClose: async () => {
    if (serverUrl) await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  },
});
