// AES-256-GCM for sensitive fields. The stored form names its key version ("v2:iv:tag:data") so
// that keys can be rotated: new values use the current key, older versions still decrypt.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keyring } from './keys.js';

export class FieldCipher {
  private readonly keys: Map<number, Buffer>;
  readonly current: number;

  /** A keyring, or a single key (version 1). */
  constructor(keys: Pick<Keyring, 'keys' | 'current'> | Buffer) {
    this.keys = Buffer.isBuffer(keys) ? new Map([[1, keys]]) : keys.keys;
    this.current = Buffer.isBuffer(keys) ? 1 : keys.current;
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.keys.get(this.current)!, iv);
    const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return [`v${this.current}`, iv.toString('base64'), c.getAuthTag().toString('base64'), data.toString('base64')].join(':');
  }

  /** The key version a stored value was written with. */
  static versionOf(stored: string): number | null {
    const m = /^v(\d+):/.exec(stored);
    return m ? Number(m[1]) : null;
  }

  decrypt(stored: string): string {
    const [v, iv, tag, data] = stored.split(':');
    const key = this.keys.get(FieldCipher.versionOf(stored) ?? -1);
    if (!key || !v || !iv || !tag || data === undefined) throw new Error('encrypted value has an unknown key version or shape');
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    d.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(data, 'base64')), d.final()]).toString('utf8');
  }

  /** Binary form for files: iv (12) | tag (16) | data. The key version is stored beside it (`current` at the time). */
  encryptBytes(plain: Buffer): Buffer {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.keys.get(this.current)!, iv);
    const data = Buffer.concat([c.update(plain), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), data]);
  }

  decryptBytes(stored: Buffer, version: number): Buffer {
    const key = this.keys.get(version);
    if (!key || stored.length < 28) throw new Error('encrypted file has an unknown key version or shape');
    const d = createDecipheriv('aes-256-gcm', key, stored.subarray(0, 12));
    d.setAuthTag(stored.subarray(12, 28));
    return Buffer.concat([d.update(stored.subarray(28)), d.final()]);
  }
}
