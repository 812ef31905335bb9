// AES-256-GCM for sensitive fields. The stored form names its key version ("v1:iv:tag:data")
// so that keys can be rotated without guessing which one wrote a value.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export class FieldCipher {
  constructor(
    private readonly key: Buffer,
    readonly version = 1,
  ) {}

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return ['v' + this.version, iv.toString('base64'), c.getAuthTag().toString('base64'), data.toString('base64')].join(':');
  }

  decrypt(stored: string): string {
    const [v, iv, tag, data] = stored.split(':');
    if (v !== 'v' + this.version || !iv || !tag || data === undefined) throw new Error('encrypted value has an unknown key version or shape');
    const d = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    d.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(data, 'base64')), d.final()]).toString('utf8');
  }
}
