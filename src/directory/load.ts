// Keeps the database copy of the taxonomy (taxonomy.ts) in step with the code: at migration time,
// and again whenever the list changes (its hash is the load's version in data_loads).
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { taxonomyTerms as termRows } from '../platform/db/schema.js';
import { loaded, record } from '../reference/load.js';
import { taxonomyTerms, termByCode } from './taxonomy.js';

export async function loadTaxonomy(db: Db) {
  const version = createHash('sha256').update(JSON.stringify(taxonomyTerms)).digest('hex').slice(0, 16);
  if (await loaded(db, 'taxonomy', version)) return;
  const rows = taxonomyTerms.map((t, i) => ({
    id: t.id,
    code: t.code,
    parentId: t.group ? termByCode.get(t.group)!.id : null,
    nameId: t.name.id,
    nameEn: t.name.en,
    descriptionId: t.description.id,
    descriptionEn: t.description.en,
    sort: i,
  }));
  await db.transaction(async (tx) => {
    // Terms are never deleted: services and published links refer to them by ID.
    await tx
      .insert(termRows)
      .values(rows)
      .onConflictDoUpdate({
        target: termRows.id,
        set: {
          code: sql`excluded.code`,
          parentId: sql`excluded.parent_id`,
          nameId: sql`excluded.name_id`,
          nameEn: sql`excluded.name_en`,
          descriptionId: sql`excluded.description_id`,
          descriptionEn: sql`excluded.description_en`,
          sort: sql`excluded.sort`,
        },
      });
    await record(tx, 'taxonomy', version);
  });
}
