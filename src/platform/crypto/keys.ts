// The key for sensitive fields: PULANG_ENCRYPTION_KEY, or a key file created once in the data folder (mode 0600).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface EncryptionKey {
  /** 32 bytes for AES-256-GCM. */
  key: Buffer;
  source: 'environment' | 'file';
}

function decode(text: string, where: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new Error(`The encryption key from ${where} must be 32 bytes, as 64 hex characters or base64.`);
  return key;
}

export function loadEncryptionKey(opts: { fromEnv?: string; dataDir: string }): EncryptionKey {
  if (opts.fromEnv) return { key: decode(opts.fromEnv, 'PULANG_ENCRYPTION_KEY'), source: 'environment' };
  const file = path.join(opts.dataDir, 'encryption.key');
  fs.mkdirSync(opts.dataDir, { recursive: true });
  try {
    const fd = fs.openSync(file, 'wx', 0o600);
    fs.writeSync(fd, randomBytes(32).toString('base64'));
    fs.closeSync(fd);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) throw new Error(`${file} is readable by others (mode ${mode.toString(8)}); run: chmod 600 ${file}`);
  return { key: decode(fs.readFileSync(file, 'utf8'), file), source: 'file' };
}
