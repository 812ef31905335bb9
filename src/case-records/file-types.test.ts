import { describe, expect, it } from 'vitest';
import { acceptedMediaType, attachmentDisposition, detectMediaType, safeFileName } from './file-types.js';
import { tinyJpeg, tinyPdf, tinyPng } from './test-fixtures.js';

describe('file types by content', () => {
  it('recognises PDF, JPEG and PNG by their signatures', () => {
    expect(detectMediaType(tinyPdf())).toBe('application/pdf');
    expect(detectMediaType(tinyJpeg())).toBe('image/jpeg');
    expect(detectMediaType(tinyPng())).toBe('image/png');
  });

  it('refuses text, truncated signatures, other formats and an empty file', () => {
    expect(detectMediaType(Buffer.from('%PDF'))).toBeNull();
    expect(detectMediaType(Buffer.from('Hello, this is a text file named .pdf'))).toBeNull();
    expect(detectMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]))).toBeNull();
    expect(detectMediaType(Buffer.from('GIF89a'))).toBeNull();
    expect(detectMediaType(Buffer.from('PK\u0003\u0004'))).toBeNull();
    expect(detectMediaType(Buffer.alloc(0))).toBeNull();
  });

  it('accepts the declared type only when the content matches, octet-stream taking the detected one', () => {
    expect(acceptedMediaType('application/pdf', tinyPdf())).toBe('application/pdf');
    expect(acceptedMediaType('IMAGE/PNG; charset=binary', tinyPng())).toBe('image/png');
    expect(acceptedMediaType('application/octet-stream', tinyJpeg())).toBe('image/jpeg');
    expect(acceptedMediaType('image/jpeg', tinyPng())).toBeNull();
    expect(acceptedMediaType('text/plain', tinyPdf())).toBeNull();
    expect(acceptedMediaType(undefined, tinyPdf())).toBeNull();
  });
});

describe('file names', () => {
  it('drops paths and unsafe characters and keeps the extension of the media type', () => {
    expect(safeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(safeFileName('C:\\Users\\siti\\KTP.JPEG', 'image/jpeg')).toBe('KTP.JPEG');
    expect(safeFileName('surat "penting";\r\n.pdf', 'application/pdf')).toBe('surat _penting____.pdf');
    expect(safeFileName('...', 'image/png')).toBe('dokumen.png');
    expect(safeFileName(null, 'image/png')).toBe('dokumen.png');
    expect(safeFileName(`${'a'.repeat(300)}.pdf`, 'application/pdf')).toHaveLength(120);
    expect(safeFileName(`${'a'.repeat(300)}.pdf`, 'application/pdf').endsWith('.pdf')).toBe(true);
  });

  it('writes an ASCII fallback and the UTF-8 name in Content-Disposition', () => {
    expect(attachmentDisposition('Surat Keterangan.pdf')).toBe(`attachment; filename="Surat Keterangan.pdf"; filename*=UTF-8''Surat%20Keterangan.pdf`);
    expect(attachmentDisposition('Pernyataan Ñoño (1).pdf')).toBe(`attachment; filename="Pernyataan _o_o (1).pdf"; filename*=UTF-8''Pernyataan%20%C3%91o%C3%B1o%20%281%29.pdf`);
  });
});
