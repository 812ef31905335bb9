// Runs drizzle's SQL migrations, then the programmatic reference-data loads, on either engine.
import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { loadTaxonomy } from '../../directory/load.js';
import { loadReferenceData } from '../../reference/load.js';
import { loadDefaultModel } from '../../reintegration/sustainability/load.js';
import type { Database } from './client.js';

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

export async function migrate(database: Database): Promise<void> {
  const options = { migrationsFolder };
  if (database.engine === 'pglite') await migratePglite(database.db as never, options);
  else await migratePg(database.db as never, options);
  await loadReferenceData(database.db);
  await loadTaxonomy(database.db);
  await loadDefaultModel(database.db);
}
