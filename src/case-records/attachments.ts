// Files of a case (PDF, JPEG, PNG up to 10 MiB), recognised by their content, encrypted with the
// field cipher and kept in the database so that every app server and one backup cover them.
// Every download is audited; deletion is soft.
import { createHash } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { requireCase } from '../cases/access.js';
import type { DbHandle } from '../platform/db/client.js';
import { caseAttachments, caseConsents } from '../platform/db/schema.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { Ctx } from '../platform/http/context.js';
import { badRequest, conflict, notFound } from '../platform/http/errors.js';
import { displayNames, refFrom } from './common.js';
import { acceptedMediaType, maxAttachmentBytes, safeFileName, type AttachmentMediaType } from './file-types.js';
import type { AttachmentOut, attachmentUploadQuery } from './schema.js';
import type { z } from 'zod';
import { HttpError } from '../platform/http/errors.js';

const columns = {
  id: caseAttachments.id,
  caseId: caseAttachments.caseId,
  category: caseAttachments.category,
  fileNameEnc: caseAttachments.fileNameEnc,
  mediaType: caseAttachments.mediaType,
  size: caseAttachments.size,
  sha256: caseAttachments.sha256,
  uploadedById: caseAttachments.uploadedById,
  createdAt: caseAttachments.createdAt,
};
type Row = { [K in keyof typeof columns]: (typeof caseAttachments.$inferSelect)[K] };

async function present(db: DbHandle, cipher: FieldCipher, rows: Row[]): Promise<AttachmentOut[]> {
  const names = await displayNames(
    db,
    rows.map((r) => r.uploadedById),
  );
  return rows.map((r) => ({
    id: r.id,
    category: r.category as AttachmentOut['category'],
    fileName: cipher.decrypt(r.fileNameEnc),
    mediaType: r.mediaType as AttachmentMediaType,
    size: r.size,
    sha256: r.sha256,
    uploadedBy: refFrom(names, r.uploadedById),
    createdAt: r.createdAt,
  }));
}

const live = (caseId: string, id?: string) =>
  and(eq(caseAttachments.caseId, caseId), isNull(caseAttachments.deletedAt), id ? eq(caseAttachments.id, id) : undefined);

export const fileTooLarge = () =>
  new HttpError(413, 'file_too_large', `The file is larger than ${maxAttachmentBytes / 1024 / 1024} MB.`, { file: 'file_too_large' });
export const unsupportedFile = () =>
  badRequest('Only PDF, JPEG and PNG files are accepted, and the content must match the declared type.', { file: 'unsupported_file_type' });

export async function list(ctx: Ctx, cipher: FieldCipher, caseId: string) {
  await requireCase(ctx, caseId, 'case.read');
  const rows = await ctx.db.select(columns).from(caseAttachments).where(live(caseId)).orderBy(asc(caseAttachments.createdAt));
  const items = await present(ctx.db, cipher, rows);
  await ctx.audit(ctx.db, { action: 'case.attachments.read', outcome: 'success', targetType: 'case', targetId: caseId, details: { count: items.length } });
  return { items, total: items.length };
}

export async function upload(
  ctx: Ctx,
  cipher: FieldCipher,
  caseId: string,
  q: z.infer<typeof attachmentUploadQuery>,
  contentType: string | undefined,
  body: unknown,
): Promise<AttachmentOut> {
  await requireCase(ctx, caseId, 'case.update');
  const me = ctx.who();
  if (!Buffer.isBuffer(body) || body.length === 0) throw unsupportedFile();
  if (body.length > maxAttachmentBytes) throw fileTooLarge();
  const mediaType = acceptedMediaType(contentType, body);
  if (!mediaType) throw unsupportedFile();
  const fileName = safeFileName(q.fileName, mediaType);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(caseAttachments)
      .values({
        caseId,
        category: q.category,
        fileNameEnc: cipher.encrypt(fileName),
        mediaType,
        size: body.length,
        sha256: createHash('sha256').update(body).digest('hex'),
        content: cipher.encryptBytes(body),
        contentKeyVersion: cipher.current,
        uploadedById: me.userId,
      })
      .returning(columns);
    await ctx.audit(tx, {
      action: 'case.attachment.create',
      outcome: 'success',
      targetType: 'attachment',
      targetId: row.id,
      details: { caseId, category: q.category, mediaType, size: body.length },
    });
    return (await present(tx, cipher, [row]))[0];
  });
}

/** The decrypted file with its media type and a safe name; the download is audited. */
export async function download(ctx: Ctx, cipher: FieldCipher, caseId: string, attachmentId: string) {
  await requireCase(ctx, caseId, 'case.read');
  const [row] = await ctx.db
    .select({ ...columns, content: caseAttachments.content, contentKeyVersion: caseAttachments.contentKeyVersion })
    .from(caseAttachments)
    .where(live(caseId, attachmentId));
  if (!row) throw notFound();
  const content = cipher.decryptBytes(row.content, row.contentKeyVersion);
  const mediaType = row.mediaType as AttachmentMediaType;
  await ctx.audit(ctx.db, {
    action: 'attachment.download',
    outcome: 'success',
    targetType: 'attachment',
    targetId: attachmentId,
    details: { caseId, size: row.size },
  });
  return { content, mediaType, fileName: safeFileName(cipher.decrypt(row.fileNameEnc), mediaType) };
}

/** Soft delete; a file that is the evidence of a consent stays. */
export async function remove(ctx: Ctx, caseId: string, attachmentId: string): Promise<void> {
  await requireCase(ctx, caseId, 'case.update');
  const me = ctx.who();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select({ id: caseAttachments.id }).from(caseAttachments).where(live(caseId, attachmentId));
    if (!row) throw notFound();
    const [evidence] = await tx
      .select({ id: caseConsents.id })
      .from(caseConsents)
      .where(eq(caseConsents.evidenceAttachmentId, attachmentId))
      .limit(1);
    if (evidence) throw conflict('This file is the evidence of a consent and cannot be deleted.', 'attachment_in_use');
    await tx.update(caseAttachments).set({ deletedAt: new Date(), deletedById: me.userId }).where(eq(caseAttachments.id, attachmentId));
    await ctx.audit(tx, { action: 'case.attachment.delete', outcome: 'success', targetType: 'attachment', targetId: attachmentId, details: { caseId } });
  });
}
