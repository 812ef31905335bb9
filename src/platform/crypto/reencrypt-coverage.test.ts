// Key rotation re-encrypts the columns listed in reencrypt.ts; a new encrypted column left off that
// list would stay under the old key and become unreadable once that key is removed. By convention
// every encrypted text column ends in `_enc`: this holds the list to the schema.
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../db/schema.js';
import { encryptedColumns } from './reencrypt.js';

describe('key rotation coverage', () => {
  it('lists every encrypted column of the schema, and only existing ones', () => {
    const inSchema = new Set<string>();
    const every = new Set<string>();
    for (const table of Object.values(schema)) {
      if (!(table instanceof PgTable)) continue;
      const { name, columns } = getTableConfig(table);
      for (const c of columns) {
        every.add(`${name}.${c.name}`);
        if (c.name.endsWith('_enc')) inSchema.add(`${name}.${c.name}`);
      }
    }
    const listed = new Set(encryptedColumns.flatMap((t) => t.columns.map((c) => `${t.table}.${c}`)));
    expect(inSchema.size).toBeGreaterThan(40);
    expect([...inSchema].filter((c) => !listed.has(c))).toEqual([]);
    // Older secrets (users.totp_secret) predate the suffix; they must still be real columns.
    expect([...listed].filter((c) => !every.has(c))).toEqual([]);
  });
});
