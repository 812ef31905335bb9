// Test helpers for the parts of a case: persons and cases written straight into the test
// database (the case routes have their own tests), and real small files of each accepted type.
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { cases, persons } from '../platform/db/schema.js';
import type { TestServer } from '../../test/support/server.js';

let seq = 0;

export async function makeCase(
  s: TestServer,
  input: { organizationId: string; createdById?: string | null; assignedToId?: string | null; birthDate?: string | null },
): Promise<{ id: string; reference: string; personId: string }> {
  const db = s.database.db;
  const [p] = await db
    .insert(persons)
    .values({
      organizationId: input.organizationId,
      fullNameEnc: s.cipher.encrypt('Siti Rahayu'),
      sex: 'female',
      nationality: 'ID',
      birthKind: input.birthDate ? 'exact' : null,
      birthDate: input.birthDate ?? null,
      birthYear: input.birthDate ? Number(input.birthDate.slice(0, 4)) : null,
      createdById: input.createdById ?? null,
    })
    .returning({ id: persons.id });
  const reference = `PUL-2026-${String(900000 + ++seq).padStart(6, '0')}-${randomBytes(2).toString('hex')}`;
  const [c] = await db
    .insert(cases)
    .values({
      reference,
      personId: p.id,
      organizationId: input.organizationId,
      createdById: input.createdById ?? null,
      assignedToId: input.assignedToId ?? null,
      caseType: 'presumed_victim',
      direction: 'inbound',
    })
    .returning({ id: cases.id, reference: cases.reference });
  return { ...c, personId: p.id };
}

/** A minimal valid one-page PDF. */
export function tinyPdf(text = 'Formulir persetujuan'): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

/** A valid 2×2 RGB PNG. */
export function tinyPng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A valid 8×8 grey baseline JPEG, encoded here: one block whose DC difference is 0 and whose AC
 * coefficients are all zero, with one-symbol Huffman tables. `comment` goes into a COM segment.
 */
export function tinyJpeg(comment = 'foto KTP'): Buffer {
  const seg = (marker: number, data: number[] | Buffer) => {
    const d = Buffer.from(data);
    return Buffer.concat([Buffer.from([0xff, marker, (d.length + 2) >> 8, (d.length + 2) & 255]), d]);
  };
  const oneSymbolTable = (tc: number) => [(tc << 4) | 0, 1, ...new Array(15).fill(0), 0x00];
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    seg(0xfe, Buffer.from(comment, 'latin1')),
    seg(0xdb, [0x00, ...new Array(64).fill(1)]),
    seg(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]),
    seg(0xc4, oneSymbolTable(0)),
    seg(0xc4, oneSymbolTable(1)),
    seg(0xda, [1, 1, 0x00, 0, 63, 0]),
    // DC: category 0 (code "0"); AC: end of block (code "0"); padded with ones.
    Buffer.from([0x3f]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** Sends raw bytes as the request body with the client's session (the JSON client cannot). */
export async function sendRaw(
  c: { base: string; ip: string; cookies: Map<string, string> },
  method: string,
  path: string,
  body: Buffer | string,
  contentType: string,
) {
  const headers: Record<string, string> = { 'x-forwarded-for': c.ip, 'content-type': contentType };
  if (c.cookies.size) headers.cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(c.base + path, { method, headers, body: typeof body === 'string' ? body : new Uint8Array(body) });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: json, text, headers: res.headers };
}

/** Downloads a body as bytes with the client's session. */
export async function fetchBytes(c: { base: string; ip: string; cookies: Map<string, string> }, path: string) {
  const headers: Record<string, string> = { 'x-forwarded-for': c.ip };
  if (c.cookies.size) headers.cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(c.base + path, { headers });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
