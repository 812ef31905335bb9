// Which files a case may hold, recognised by their content rather than by what the client says:
// a text file renamed to .pdf is refused. Pure functions, no I/O.

export const attachmentMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentMediaType = (typeof attachmentMediaTypes)[number];

/** Content types the upload route accepts; application/octet-stream means "find out from the content". */
export const uploadContentTypes = [...attachmentMediaTypes, 'application/octet-stream'] as const;

/** 10 MiB: the largest file a case may hold. */
export const maxAttachmentBytes = 10 * 1024 * 1024;

const signatures: { type: AttachmentMediaType; magic: number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The media type the bytes really are, or null when they are none of the accepted kinds. */
export function detectMediaType(bytes: Uint8Array): AttachmentMediaType | null {
  for (const s of signatures) if (bytes.length >= s.magic.length && s.magic.every((b, i) => bytes[i] === b)) return s.type;
  return null;
}

/** The declared Content-Type without parameters, lower case. */
export const bareContentType = (header: string | undefined) => (header ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * The media type to store when the declared type and the content agree, else null. An
 * application/octet-stream declaration takes the detected type.
 */
export function acceptedMediaType(declared: string | undefined, bytes: Uint8Array): AttachmentMediaType | null {
  const detected = detectMediaType(bytes);
  if (!detected) return null;
  const d = bareContentType(declared);
  if (d === 'application/octet-stream' || d === detected) return detected;
  return null;
}

const extensions: Record<AttachmentMediaType, string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
};

/**
 * A file name safe to put in a header and on a user's disk: no path, no control characters or
 * characters that are special in headers or file systems, at most 120 characters, and ending
 * with the extension of its media type.
 */
export function safeFileName(name: string | null | undefined, mediaType: AttachmentMediaType): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  let clean = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f"*:<>?|;,\\/]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  const ext = extensions[mediaType];
  if (!ext.some((e) => clean.toLowerCase().endsWith(e))) clean = `${clean || 'dokumen'}${ext[0]}`;
  if (clean.length > 120) {
    const e = ext.find((x) => clean.toLowerCase().endsWith(x))!;
    clean = clean.slice(0, 120 - e.length) + e;
  }
  return clean;
}

/** A Content-Disposition header value for a download: an ASCII fallback plus the UTF-8 name (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
