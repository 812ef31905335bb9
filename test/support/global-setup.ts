// Migrates one template database per run; every test file then starts from a copy of it:
// a PGlite data-folder dump, or a PostgreSQL database created WITH TEMPLATE.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres } from '../../src/platform/db/client.js';
import { migrate } from '../../src/platform/db/migrate.js';

export const TEMPLATE_DB = 'pulang_test_template';

export function adminUrl(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup({ provide }: { provide: (key: string, value: unknown) => void }) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.end();
    const db = openPostgres(adminUrl(url, TEMPLATE_DB));
    await migrate(db);
    await db.close();
    provide('pgTemplate', TEMPLATE_DB);
    return;
  }
  const db = await openPglite();
  await migrate(db);
  const dump = await db.pglite!.dumpDataDir('none');
  const file = path.join(os.tmpdir(), `pulang-test-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  provide('pgliteTemplate', file);
  return () => fs.rmSync(file, { force: true });
}
