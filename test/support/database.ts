// A fresh, migrated database for one test file, on the engine CI asks for.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database } from '../../src/platform/db/client.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate?: string;
    pgTemplate?: string;
  }
}

function adminUrl(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function freshDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  const pgTemplate = inject('pgTemplate');
  if (url && pgTemplate) {
    const name = `pulang_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${pgTemplate}`);
    await admin.end();
    const db = openPostgres(adminUrl(url, name));
    const close = db.close;
    db.close = async () => {
      await close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
    return db;
  }
  const file = inject('pgliteTemplate');
  if (!file) throw new Error('the test template database was not prepared (global setup)');
  return openPglite({ loadDataDir: new Blob([fs.readFileSync(file)]) });
}

/** Runs SQL as the database owner, bypassing the app (for tampering tests). */
export async function rawQuery(database: Database, text: string): Promise<Record<string, unknown>[]> {
  if (database.pglite) {
    const results = await database.pglite.exec(text);
    return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
  }
  const { sql } = await import('drizzle-orm');
  const res = (await database.db.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] };
  return res.rows;
}
