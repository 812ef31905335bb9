// Starts Pulang: lock the data folder, open and migrate the database, make sure an administrator
// can get in, listen, and close everything cleanly on SIGINT/SIGTERM.
import { bootstrapAdmin } from './auth/bootstrap.js';
import { buildApp } from './app.js';
import { loadConfig } from './platform/config.js';
import { FieldCipher } from './platform/crypto/fields.js';
import { loadEncryptionKey } from './platform/crypto/keys.js';
import { openDatabase } from './platform/db/client.js';
import { DataDirLockedError, lockDataDir } from './platform/db/lock.js';
import { migrate } from './platform/db/migrate.js';
import { appVersion } from './platform/version.js';

// Logged URLs lose their query string: search terms and link tokens travel there.
const logSerializers = {
  req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: req.url.split('?')[0], id: req.id }),
};

async function main() {
  const config = loadConfig();
  let release: () => void = () => {};
  try {
    if (!config.databaseUrl) release = lockDataDir(config.dataDir);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const key = loadEncryptionKey({ fromEnv: config.encryptionKey, dataDir: config.dataDir });
  const database = await openDatabase(config);
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received; closing.`);
    try {
      await app?.close();
      await database.close();
    } finally {
      release();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    await migrate(database);
    await bootstrapAdmin(database.db, config, (line) => console.log(line));
    app = await buildApp(
      { database, config, cipher: new FieldCipher(key.key), version: appVersion },
      { logger: { level: config.logLevel, serializers: logSerializers } },
    );
    await app.listen({ port: config.port, host: config.host });
    console.log(`Pulang ${appVersion} is running at ${config.publicUrl} (database: ${database.engine}${database.engine === 'pglite' ? ` in ${config.dataDir}` : ''})`);
  } catch (e) {
    console.error('Pulang could not start:', e instanceof Error ? e.message : e);
    await database.close().catch(() => {});
    release();
    process.exit(1);
  }
}

void main();
