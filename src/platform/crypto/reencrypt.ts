// Every encrypted column, and re-encryption of all of them under the current key (key rotation).
// A domain that adds an encrypted column registers it here, so rotation never misses one.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { FieldCipher } from './fields.js';

export const encryptedColumns: { table: string; id: string; columns: string[] }[] = [{ table: 'users', id: 'id', columns: ['totp_secret', 'totp_pending_secret'] }];

type Row = Record<string, string | null>;

/** Re-encrypts, in batches, every value not yet under the current key; returns how many values changed. */
export async function reencryptAll(db: Db, cipher: FieldCipher, batch = 500): Promise<number> {
  const prefix = `v${cipher.current}:`;
  let changed = 0;
  for (const { table, id, columns } of encryptedColumns) {
    const stale = sql.join(
      columns.map((c) => sql`(${sql.identifier(c)} is not null and ${sql.identifier(c)} not like ${`${prefix}%`})`),
      sql` or `,
    );
    for (;;) {
      const n = await db.transaction(async (tx) => {
        const res = (await tx.execute(
          sql`select ${sql.identifier(id)} as id, ${sql.join(columns.map((c) => sql.identifier(c)), sql`, `)} from ${sql.identifier(table)} where ${stale} limit ${batch} for update`,
        )) as unknown as { rows: Row[] };
        for (const row of res.rows) {
          const set = columns.map((c) => {
            const v = row[c];
            const next = v && !v.startsWith(prefix) ? cipher.encrypt(cipher.decrypt(v)) : v;
            if (next !== v) changed++;
            return sql`${sql.identifier(c)} = ${next}`;
          });
          await tx.execute(sql`update ${sql.identifier(table)} set ${sql.join(set, sql`, `)} where ${sql.identifier(id)} = ${row.id}`);
        }
        return res.rows.length;
      });
      if (n < batch) break;
    }
  }
  return changed;
}
