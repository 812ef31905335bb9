// Starting and stopping Pulang: lock the data folder, open and migrate the database, make sure an
// administrator can get in, listen; close everything cleanly on SIGINT/SIGTERM.
import { bootstrapAdmin } from './auth/bootstrap.js';
import { buildApp } from './app.js';
import { refreshOpenCases } from './cases/derived.js';
import { createDueSurveyTasks } from './reintegration/sustainability/sweep.js';
import { createDueFollowUpTasks } from './employment/placements/sweep.js';
import { describeFailure } from './platform/http/errors.js';
import type { Config } from './platform/config.js';
import { FieldCipher } from './platform/crypto/fields.js';
import { BlindIndex } from './platform/crypto/blind-index.js';
import { loadAuditKey, loadKeyring, loadLookupKey } from './platform/crypto/keys.js';
import { setAuditKey } from './audit/chain.js';
import { openDatabase, type Database } from './platform/db/client.js';
import { DataDirLockedError, lockDataDir } from './platform/db/lock.js';
import { migrate } from './platform/db/migrate.js';
import { appVersion } from './platform/version.js';

// Logged URLs lose their query string: search terms and link tokens travel there.
const logSerializers = {
  req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: req.url.split('?')[0], id: req.id }),
};

export interface Running {
  database: Database;
  cipher: FieldCipher;
  lookup: BlindIndex;
  url: string;
}

/**
 * Priorities move with time alone (a task falls overdue, a child turns 18): recompute open cases
 * after start-up and every six hours, in the background.
 */
function keepPrioritiesCurrent(database: Database, log: { error: (o: object, m: string) => void }) {
  const run = () =>
    refreshOpenCases(database.db).catch((e: unknown) => log.error(describeFailure(e), 'refreshing case priorities failed'));
  setTimeout(run, 5_000).unref();
  setInterval(run, 6 * 3600_000).unref();
}

/** Surveys falling due within a week get their follow-up task: soon after start-up and hourly. */
function keepSurveyTasksCurrent(database: Database, cipher: FieldCipher, log: { error: (o: object, m: string) => void }) {
  const run = () =>
    createDueSurveyTasks(database.db, undefined, { cipher }).catch((e: unknown) => log.error(describeFailure(e), 'creating survey tasks failed'));
  setTimeout(run, 10_000).unref();
  setInterval(run, 3600_000).unref();
}

/** Placement follow-ups falling due within a week get their task: soon after start-up and hourly. */
function keepFollowUpTasksCurrent(database: Database, cipher: FieldCipher, log: { error: (o: object, m: string) => void }) {
  const run = () => createDueFollowUpTasks(database.db, cipher).catch((e: unknown) => log.error(describeFailure(e), 'creating placement follow-up tasks failed'));
  setTimeout(run, 15_000).unref();
  setInterval(run, 3600_000).unref();
}

/** Starts Pulang, or exits the process with a message when it cannot. */
export interface StartHooks {
  /** After migrations, before listening (the demo seeds here). */
  beforeListen?: (r: Omit<Running, 'url'>) => Promise<void>;
  /** After the database is closed at shutdown (the browser-test server drops its database here). */
  afterClose?: () => Promise<void>;
  quiet?: boolean;
}

export async function start(config: Config, hooks: StartHooks = {}) {
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
  const cipher = new FieldCipher(loadKeyring({ fromEnv: config.encryptionKey, dataDir: config.dataDir }));
  setAuditKey(loadAuditKey({ fromEnv: config.auditKey, dataDir: config.dataDir }));
  const lookup = new BlindIndex(loadLookupKey({ fromEnv: config.lookupKey, dataDir: config.dataDir }));
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
      await hooks.afterClose?.();
    } finally {
      release();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    await migrate(database);
    await hooks.beforeListen?.({ database, cipher, lookup });
    await bootstrapAdmin(database.db, config, (line) => console.log(line));
    app = await buildApp(
      { database, config, cipher, lookup, version: appVersion },
      { logger: hooks.quiet ? false : { level: config.logLevel, serializers: logSerializers } },
    );
    await app.listen({ port: config.port, host: config.host });
    keepPrioritiesCurrent(database, app.log);
    keepSurveyTasksCurrent(database, cipher, app.log);
    keepFollowUpTasksCurrent(database, cipher, app.log);
    console.log(`Pulang ${appVersion} is running at ${config.publicUrl} (database: ${database.engine}${database.engine === 'pglite' ? ` in ${config.dataDir}` : ''})`);
    return { database, cipher, lookup, url: config.publicUrl };
  } catch (e) {
    console.error('Pulang could not start:', e instanceof Error ? e.message : e);
    await database.close().catch(() => {});
    release();
    process.exit(1);
  }
}
