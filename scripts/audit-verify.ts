// npm run audit:verify — walks the audit log's hash chain; exits 1 when it is broken.
import { verifyAudit } from '../src/audit/service.js';
import { setAuditKey } from '../src/audit/chain.js';
import { loadConfig } from '../src/platform/config.js';
import { loadAuditKey } from '../src/platform/crypto/keys.js';
import { openDatabase } from '../src/platform/db/client.js';
import { lockDataDir } from '../src/platform/db/lock.js';

const config = loadConfig();
setAuditKey(loadAuditKey({ fromEnv: config.auditKey, dataDir: config.dataDir }));
const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
const database = await openDatabase(config);
try {
  const r = await verifyAudit(database.db);
  console.log(JSON.stringify(r));
  if (r.intact) console.log(`Audit log intact: ${r.checked} entries checked.`);
  else console.log(`Audit log BROKEN at entry ${r.brokenAt} (${r.reason}).`);
  process.exitCode = r.intact ? 0 : 1;
} finally {
  await database.close();
  release();
}
