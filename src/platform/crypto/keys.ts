// The keys for sensitive fields, as a keyring of numbered versions: the newest encrypts, every
// version listed can still decrypt. From PULANG_ENCRYPTION_KEY, or from a key file created once in
// the data folder with mode 0600. Both hold "v2:<key>,v1:<key>" (newest first); a single bare key
// is version 1. A key is 32 bytes, written as 64 hex characters or base64.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Keyring {
  /** The version new values are encrypted with: the highest one. */
  current: number;
  keys: Map<number, Buffer>;
  source: 'environment' | 'file';
}

function decodeKey(text: string, where: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new Error(`A key in ${where} is not 32 bytes; write 64 hex characters or base64.`);
  return key;
}

export function parseKeyring(text: string, where: string, source: Keyring['source']): Keyring {
  const keys = new Map<number, Buffer>();
  for (const part of text.split(/[,\n]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^v(\d+):(.+)$/.exec(part);
    const version = m ? Number(m[1]) : 1;
    if (keys.has(version)) throw new Error(`Key version ${version} appears twice in ${where}.`);
    keys.set(version, decodeKey(m ? m[2] : part, where));
  }
  if (!keys.size) throw new Error(`${where} holds no key.`);
  return { current: Math.max(...keys.keys()), keys, source };
}

export const formatKeyring = (ring: Pick<Keyring, 'keys'>) =>
  [...ring.keys.entries()]
    .sort(([a], [b]) => b - a)
    .map(([v, k]) => `v${v}:${k.toString('base64')}`)
    .join('\n') + '\n';

export const keyFilePath = (dataDir: string) => path.join(dataDir, 'encryption.key');

/** Writes the key file atomically with mode 0600. */
export function writeKeyFile(dataDir: string, ring: Pick<Keyring, 'keys'>) {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = keyFilePath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, formatKeyring(ring), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

export function loadKeyring(opts: { fromEnv?: string; dataDir: string }): Keyring {
  if (opts.fromEnv) return parseKeyring(opts.fromEnv, 'PULANG_ENCRYPTION_KEY', 'environment');
  const file = keyFilePath(opts.dataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    try {
      // 'wx': two processes starting at once cannot both create a key.
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, `v1:${randomBytes(32).toString('base64')}\n`);
      fs.closeSync(fd);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) throw new Error(`${file} is readable by others (mode ${mode.toString(8)}); run: chmod 600 ${file}`);
  return parseKeyring(fs.readFileSync(file, 'utf8'), file, 'file');
}

/** A single secret key: from the environment, or DATA_DIR/<file> created once with mode 0600. */
function loadSecretKey(opts: { fromEnv?: string; dataDir: string }, envName: string, fileName: string): Buffer {
  if (opts.fromEnv) return decodeKey(opts.fromEnv, envName);
  const file = path.join(opts.dataDir, fileName);
  fs.mkdirSync(opts.dataDir, { recursive: true });
  try {
    const fd = fs.openSync(file, 'wx', 0o600);
    fs.writeSync(fd, `${randomBytes(32).toString('base64')}\n`);
    fs.closeSync(fd);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) throw new Error(`${file} is readable by others (mode ${mode.toString(8)}); run: chmod 600 ${file}`);
  return decodeKey(fs.readFileSync(file, 'utf8'), file);
}

/** The audit-chain key: PULANG_AUDIT_KEY, or DATA_DIR/audit.key. Never rotated: the whole chain is verified with it. */
export const loadAuditKey = (opts: { fromEnv?: string; dataDir: string }) => loadSecretKey(opts, 'PULANG_AUDIT_KEY', 'audit.key');

/**
 * The look-up key for keyed hashes of document numbers and duplicate-matching keys: PULANG_LOOKUP_KEY,
 * or DATA_DIR/lookup.key. Not rotated with the encryption key: every stored hash would have to be
 * recomputed from the decrypted values (which `keys:rotate -- --new-lookup-key` could do later).
 */
export const loadLookupKey = (opts: { fromEnv?: string; dataDir: string }) => loadSecretKey(opts, 'PULANG_LOOKUP_KEY', 'lookup.key');
