import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase, tinyPdf } from '../../case-records/test-fixtures.js';
import { caseAttachments, caseNotes } from '../db/schema.js';
import { rawQuery } from '../../../test/support/database.js';
import { startServer, type TestServer } from '../../../test/support/server.js';
import { FieldCipher } from './fields.js';
import { formatKeyring, parseKeyring } from './keys.js';
import { reencryptAll } from './reencrypt.js';

describe('FieldCipher', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);

  it('round-trips text, with a fresh IV each time', () => {
    const c = new FieldCipher(k1);
    const a = c.encrypt('Siti Aminah binti Abdullah');
    expect(a).not.toBe(c.encrypt('Siti Aminah binti Abdullah'));
    expect(a.startsWith('v1:')).toBe(true);
    expect(c.decrypt(a)).toBe('Siti Aminah binti Abdullah');
  });

  it('refuses a value that was altered, or written under a key it does not hold', () => {
    const c = new FieldCipher(k1);
    const [v, iv, tag, data] = c.encrypt('3374014506900001').split(':');
    const flipped = Buffer.from(data, 'base64');
    flipped[0] ^= 1;
    expect(() => c.decrypt([v, iv, tag, flipped.toString('base64')].join(':'))).toThrow();
    expect(() => c.decrypt(new FieldCipher({ current: 2, keys: new Map([[2, k2]]) }).encrypt('x'))).toThrow(/unknown key version/);
  });

  it('encrypts with the newest version and still reads the older ones', () => {
    const old = new FieldCipher(k1).encrypt('lama');
    const ring = new FieldCipher({ current: 2, keys: new Map([[1, k1], [2, k2]]) });
    expect(ring.encrypt('baru').startsWith('v2:')).toBe(true);
    expect(ring.decrypt(old)).toBe('lama');
  });
});

describe('keyring text', () => {
  it('reads a bare key as version 1, in base64 or hex', () => {
    const k = randomBytes(32);
    expect(parseKeyring(k.toString('base64'), 'test', 'environment').keys.get(1)!.equals(k)).toBe(true);
    expect(parseKeyring(k.toString('hex'), 'test', 'environment').current).toBe(1);
  });

  it('reads numbered versions, newest current, and writes them back the same', () => {
    const text = `v3:${randomBytes(32).toString('base64')},v2:${randomBytes(32).toString('base64')}`;
    const ring = parseKeyring(text, 'test', 'environment');
    expect(ring.current).toBe(3);
    expect(formatKeyring(ring).trim().split('\n')).toEqual(text.split(','));
  });

  it('refuses a short key and a repeated version, naming where they came from', () => {
    expect(() => parseKeyring('v1:abcd', 'PULANG_ENCRYPTION_KEY', 'environment')).toThrow(/PULANG_ENCRYPTION_KEY.*32 bytes/);
    const k = randomBytes(32).toString('base64');
    expect(() => parseKeyring(`v1:${k},v1:${k}`, 'the key file', 'file')).toThrow(/version 1 appears twice/);
  });
});

describe('re-encryption under a new key', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(() => s?.close());

  it('moves every encrypted value to the current version, keeping its content, once', async () => {
    const org = await s.org();
    const users = await Promise.all([1, 2, 3].map(() => s.user({ organizationId: org.id, roles: ['case_worker'], totp: true })));
    const k2 = randomBytes(32);
    const ring = new FieldCipher({ current: 2, keys: new Map([[1, s.key], [2, k2]]) });
    expect(await reencryptAll(s.database.db, ring, 2)).toBeGreaterThanOrEqual(3);
    const onlyNew = new FieldCipher({ current: 2, keys: new Map([[2, k2]]) });
    for (const u of users) {
      const [row] = await rawQuery(s.database, `select totp_secret from users where id = '${u.id}'`);
      expect(String(row.totp_secret).startsWith('v2:')).toBe(true);
      expect(onlyNew.decrypt(String(row.totp_secret))).toBe(u.totpSecret);
    }
    expect(await reencryptAll(s.database.db, ring)).toBe(0);
  });

  it('re-encrypts personal data and files too: a person, a note and an attachment', async () => {
    // A server of its own: the test above left values under a key this one does not hold.
    const s = await startServer();
    const org = await s.org();
    const c = await makeCase(s, { organizationId: org.id });
    const file = tinyPdf('Surat keterangan');
    await s.database.db.insert(caseNotes).values({ caseId: c.id, type: 'observation', bodyEnc: s.cipher.encrypt('Catatan rahasia') });
    await s.database.db.insert(caseAttachments).values({
      caseId: c.id,
      category: 'other',
      fileNameEnc: s.cipher.encrypt('surat.pdf'),
      mediaType: 'application/pdf',
      size: file.length,
      sha256: createHash('sha256').update(file).digest('hex'),
      content: s.cipher.encryptBytes(file),
      contentKeyVersion: s.cipher.current,
    });
    const k3 = randomBytes(32);
    const ring = new FieldCipher({ current: 3, keys: new Map([[1, s.key], [3, k3]]) });
    await reencryptAll(s.database.db, ring);
    const onlyNew = new FieldCipher({ current: 3, keys: new Map([[3, k3]]) });
    const [p] = await rawQuery(s.database, `select full_name_enc from persons where id = '${c.personId}'`);
    expect(onlyNew.decrypt(String(p.full_name_enc))).toBe('Siti Rahayu');
    const [n] = await rawQuery(s.database, `select body_enc from case_notes where case_id = '${c.id}'`);
    expect(onlyNew.decrypt(String(n.body_enc))).toBe('Catatan rahasia');
    const [a] = await rawQuery(s.database, `select content, content_key_version from case_attachments where case_id = '${c.id}'`);
    expect(Number(a.content_key_version)).toBe(3);
    expect(onlyNew.decryptBytes(Buffer.from(a.content as Uint8Array), 3).equals(file)).toBe(true);
    expect(await reencryptAll(s.database.db, ring)).toBe(0);
    await s.close();
  });
});
