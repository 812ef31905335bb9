// npm run db:migrate — applies the migrations and reference data to the configured database.
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/client.js';
import { lockDataDir } from '../src/platform/db/lock.js';
import { migrate } from '../src/platform/db/migrate.js';

const config = loadConfig();
const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
const database = await openDatabase(config);
try {
  await migrate(database);
  console.log(`Migrations applied (${database.engine}).`);
} finally {
  await database.close();
  release();
}
