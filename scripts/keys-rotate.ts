// npm run keys:rotate — re-encrypts every sensitive field under a new key.
//   Key file (embedded or single server): adds a new key version to DATA_DIR/encryption.key,
//   re-encrypts, then drops the old versions. Stop Pulang first.
//   PULANG_ENCRYPTION_KEY (several servers): first give every server "v2:<new>,v1:<old>" (new
//   values then use v2, old ones still decrypt), run this command with the same variable to
//   re-encrypt what remains under v1, then remove v1 from the variable.
//   `npm run keys:rotate -- --new-key` only prints a fresh key to add.
import { randomBytes } from 'node:crypto';
import { setAuditKey } from '../src/audit/chain.js';
import { appendAudit } from '../src/audit/service.js';
import { loadConfig } from '../src/platform/config.js';
import { FieldCipher } from '../src/platform/crypto/fields.js';
import { loadAuditKey, loadKeyring, writeKeyFile } from '../src/platform/crypto/keys.js';
import { reencryptAll } from '../src/platform/crypto/reencrypt.js';
import { openDatabase } from '../src/platform/db/client.js';
import { lockDataDir } from '../src/platform/db/lock.js';
import { migrate } from '../src/platform/db/migrate.js';

if (process.argv.includes('--new-key')) {
  console.log(randomBytes(32).toString('base64'));
  process.exit(0);
}

const config = loadConfig();
setAuditKey(loadAuditKey({ fromEnv: config.auditKey, dataDir: config.dataDir }));
const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
const ring = loadKeyring({ fromEnv: config.encryptionKey, dataDir: config.dataDir });
if (ring.source === 'file') {
  ring.current += 1;
  ring.keys.set(ring.current, randomBytes(32));
  // Written before any value uses it: a crash half-way leaves a keyring that still reads everything.
  writeKeyFile(config.dataDir, ring);
}
const database = await openDatabase(config);
try {
  await migrate(database);
  const changed = await reencryptAll(database.db, new FieldCipher(ring));
  await appendAudit(database.db, { action: 'keys.rotate', outcome: 'success', actorKind: 'system', details: { version: ring.current, values: changed } });
  if (ring.source === 'file') {
    writeKeyFile(config.dataDir, { keys: new Map([[ring.current, ring.keys.get(ring.current)!]]) });
    console.log(`Re-encrypted ${changed} values under key version ${ring.current}; older versions removed from ${config.dataDir}/encryption.key.`);
  } else {
    console.log(`Re-encrypted ${changed} values under key version ${ring.current}. You may now remove older versions from PULANG_ENCRYPTION_KEY.`);
  }
} finally {
  await database.close();
  release();
}
