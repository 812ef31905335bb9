import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../test/support/database.js';
import { startServer, type Client, type TestServer, type TestUser } from '../../test/support/server.js';
import { fetchBytes, makeCase, sendRaw, tinyJpeg, tinyPdf, tinyPng } from './test-fixtures.js';

type Signed = Client & { user: TestUser };
let s: TestServer;
let worker: Signed;
let caseId: string;
const query = (text: string) => rawQuery(s.database, text) as Promise<Record<string, any>[]>;
const path = () => `/api/v1/cases/${caseId}/attachments`;
const count = async () => (await query(`select count(*)::int as n from case_attachments`))[0].n as number;
const MiB = 1024 * 1024;

beforeAll(async () => {
  s = await startServer();
  const org = await s.org();
  worker = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
  caseId = (await makeCase(s, { organizationId: org.id, createdById: worker.user.id, assignedToId: worker.user.id })).id;
});
afterAll(() => s?.close());

describe('uploading', () => {
  let pdfId: string;
  const pdf = tinyPdf('RAHASIA-PERSETUJUAN-0042');

  it('stores a PDF encrypted, with its size and SHA-256, and lists it', async () => {
    const res = await sendRaw(worker, 'POST', `${path()}?category=consent_form&fileName=${encodeURIComponent('Persetujuan Siti.pdf')}`, pdf, 'application/pdf');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      category: 'consent_form',
      fileName: 'Persetujuan Siti.pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      uploadedBy: { id: worker.user.id },
    });
    pdfId = res.body.id;
    const [row] = await query(`select encode(content, 'hex') as hex, content_key_version, file_name_enc, octet_length(content) as len from case_attachments where id = '${pdfId}'`);
    expect(row.hex).not.toContain(Buffer.from('RAHASIA-PERSETUJUAN-0042').toString('hex'));
    expect(row.hex).not.toContain(Buffer.from('%PDF-').toString('hex'));
    expect(row.len).toBe(pdf.length + 28);
    expect(row.content_key_version).toBe(1);
    expect(row.file_name_enc).not.toContain('Siti');
    const list = await worker.get(path());
    expect(list.body.items.map((a: any) => a.id)).toEqual([pdfId]);
  });

  it('accepts real PNG and JPEG files, and takes the type from the content for application/octet-stream', async () => {
    const png = await sendRaw(worker, 'POST', `${path()}?category=photo&fileName=foto.png`, tinyPng(), 'image/png');
    expect(png.status).toBe(201);
    expect(png.body.mediaType).toBe('image/png');
    const jpeg = await sendRaw(worker, 'POST', `${path()}?category=identity_document&fileName=ktp`, tinyJpeg(), 'image/jpeg');
    expect(jpeg.status).toBe(201);
    expect(jpeg.body).toMatchObject({ mediaType: 'image/jpeg', fileName: 'ktp.jpg' });
    const octet = await sendRaw(worker, 'POST', `${path()}?fileName=scan.bin`, tinyJpeg(), 'application/octet-stream');
    expect(octet.status).toBe(201);
    expect(octet.body).toMatchObject({ mediaType: 'image/jpeg', category: 'other', fileName: 'scan.bin.jpg' });
  });

  it('refuses a renamed text file, a mismatched type, another content type and an empty body, writing nothing', async () => {
    const n = await count();
    const text = Buffer.from('Ini bukan PDF, hanya teks biasa.\n');
    for (const [body, type] of [
      [text, 'application/pdf'],
      [text, 'application/octet-stream'],
      [tinyPng(), 'image/jpeg'],
      [tinyPdf(), 'image/png'],
      [text, 'text/plain'],
      [Buffer.alloc(0), 'application/pdf'],
    ] as const) {
      const res = await sendRaw(worker, 'POST', `${path()}?fileName=surat.pdf`, body, type);
      expect(res.status, type).toBe(400);
      expect(res.body.error, type).toMatchObject({ code: 'invalid_input', fields: { file: 'unsupported_file_type' } });
    }
    const category = await sendRaw(worker, 'POST', `${path()}?category=selfie`, tinyPng(), 'image/png');
    expect(category.status).toBe(400);
    expect(category.body.error.fields).toEqual({ category: 'invalid_choice' });
    expect(await count()).toBe(n);
  });

  it('accepts exactly 10 MiB and refuses 10 MiB + 1 byte with 413 file_too_large', async () => {
    const n = await count();
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(10 * MiB + 1 - tinyPdf().length, 0x20)]);
    expect(big.length).toBe(10 * MiB + 1);
    const res = await sendRaw(worker, 'POST', `${path()}?fileName=besar.pdf`, big, 'application/pdf');
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'file_too_large', fields: { file: 'file_too_large' } });
    expect(await count()).toBe(n);
    const max = await sendRaw(worker, 'POST', `${path()}?fileName=pas.pdf`, big.subarray(0, 10 * MiB), 'application/pdf');
    expect(max.status).toBe(201);
    expect(max.body.size).toBe(10 * MiB);
  });

  it('leaves the 1 MiB limit of JSON routes as it is', async () => {
    const res = await worker.post(`/api/v1/cases/${caseId}/notes`, { type: 'other', body: 'x'.repeat(2 * MiB) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('downloads the decrypted file with safe headers, and audits the download', async () => {
    const res = await fetchBytes(worker, `${path()}/${pdfId}/content`);
    expect(res.status).toBe(200);
    expect(res.bytes.equals(pdf)).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Persetujuan Siti.pdf"; filename*=UTF-8''Persetujuan%20Siti.pdf`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const audits = await query(`select actor_id, details from audit_events where action = 'attachment.download' and target_id = '${pdfId}'`);
    expect(audits).toEqual([{ actor_id: worker.user.id, details: { caseId, size: pdf.length } }]);
  });

  it('makes hostile or non-ASCII file names safe in the download header', async () => {
    const up = await sendRaw(worker, 'POST', `${path()}?fileName=${encodeURIComponent('../../etc/"surat"\r\nX-Evil: 1;ñama.png')}`, tinyPng(), 'image/png');
    expect(up.status).toBe(201);
    expect(up.body.fileName).not.toMatch(/[\\/"\r\n;]/);
    const res = await fetchBytes(worker, `${path()}/${up.body.id}/content`);
    expect(res.headers.get('x-evil')).toBeNull();
    const cd = res.headers.get('content-disposition')!;
    expect(cd).toMatch(/^attachment; filename="[\x20-\x7e]+\.png"; filename\*=UTF-8''/);
    expect(cd).toContain('%C3%B1ama.png');
  });

  it('deletes softly: no longer listed or downloadable, kept in the database', async () => {
    const png = (await worker.get(path())).body.items.find((a: any) => a.mediaType === 'image/png');
    const res = await worker.delete(`${path()}/${png.id}`);
    expect(res.status).toBe(204);
    expect((await worker.get(path())).body.items.map((a: any) => a.id)).not.toContain(png.id);
    expect((await fetchBytes(worker, `${path()}/${png.id}/content`)).status).toBe(404);
    expect((await worker.delete(`${path()}/${png.id}`)).status).toBe(404);
    const [row] = await query(`select deleted_at, deleted_by_id from case_attachments where id = '${png.id}'`);
    expect(row.deleted_at).not.toBeNull();
    expect(row.deleted_by_id).toBe(worker.user.id);
  });
});
