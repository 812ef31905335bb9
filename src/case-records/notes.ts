// Case notes: typed, optionally sensitive, the body encrypted. Contact notes (contact, home visit,
// phone call) carry when the contact happened, which feeds the case's last contact and priority.
// A sensitive note's body is shown to its author and to holders of case.readSensitive on the
// case; everyone else sees that it exists, its type, author and date.
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { caseUsers, requireCase, type CaseHead } from '../cases/access.js';
import { refreshCase } from '../cases/derived.js';
import { can, type Actor } from '../policy/policy.js';
import type { DbHandle } from '../platform/db/client.js';
import { caseNotes } from '../platform/db/schema.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { Ctx } from '../platform/http/context.js';
import { badRequest, HttpError, notFound, type FieldErrors } from '../platform/http/errors.js';
import { displayNames, isFutureMoment, refFrom, versionConflict, type UserRef } from './common.js';
import { contactNoteTypes, type NoteOut, type NoteType, type noteCreate, type noteQuery, type noteUpdate } from './schema.js';
import type { z } from 'zod';

type Row = typeof caseNotes.$inferSelect;

/** Whether the caller may read a sensitive note's body on this case: its author, or a holder of case.readSensitive there. */
const sensitiveReader = (actor: Actor, c: CaseHead) =>
  can(actor, 'case.readSensitive', { organizationId: c.organizationId, userIds: caseUsers(c) });

const mayRead = (actor: Actor, readsSensitive: boolean, r: Row) => !r.sensitive || readsSensitive || r.authorId === actor.userId;

/**
 * A note as the caller may see it: whole, or (a sensitive note the caller may not read) only
 * that it exists, its type, author and date.
 */
export function shapeNote(cipher: FieldCipher, actor: Actor, readsSensitive: boolean, r: Row, author: UserRef | null): NoteOut {
  if (!mayRead(actor, readsSensitive, r)) return { id: r.id, type: r.type as NoteType, sensitive: true, restricted: true, author, createdAt: r.createdAt };
  return {
    id: r.id,
    type: r.type as NoteType,
    sensitive: r.sensitive,
    restricted: false,
    body: cipher.decrypt(r.bodyEnc),
    contactAt: r.contactAt,
    author,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

async function present(db: DbHandle, cipher: FieldCipher, actor: Actor, readsSensitive: boolean, rows: Row[]): Promise<NoteOut[]> {
  const names = await displayNames(
    db,
    rows.map((r) => r.authorId),
  );
  return rows.map((r) => shapeNote(cipher, actor, readsSensitive, r, refFrom(names, r.authorId)));
}

/** contactAt for the note's type: a contact note gets one (default `fallback`), other notes none. */
function contactAtFor(type: NoteType, given: string | null | undefined, fallback: Date | null): Date | null {
  const fields: FieldErrors = {};
  let at: Date | null;
  if (contactNoteTypes.includes(type)) {
    at = given ? new Date(given) : given === null ? null : fallback;
    at ??= new Date();
    if (isFutureMoment(at)) fields.contactAt = 'in_future';
  } else {
    if (given) fields.contactAt = 'not_allowed';
    at = null;
  }
  if (Object.keys(fields).length) throw badRequest('The contact time is invalid.', fields);
  return at;
}

export async function list(ctx: Ctx, cipher: FieldCipher, caseId: string, q: z.infer<typeof noteQuery>) {
  const c = await requireCase(ctx, caseId, 'case.read');
  const actor = ctx.who();
  const rows = await ctx.db
    .select()
    .from(caseNotes)
    .where(eq(caseNotes.caseId, caseId))
    .orderBy(desc(caseNotes.createdAt), desc(caseNotes.id))
    .limit(q.limit)
    .offset(q.offset);
  const [{ n }] = await ctx.db.select({ n: count() }).from(caseNotes).where(eq(caseNotes.caseId, caseId));
  const readsSensitive = sensitiveReader(actor, c);
  const items = await present(ctx.db, cipher, actor, readsSensitive, rows);
  await ctx.audit(ctx.db, {
    action: 'case.notes.read',
    outcome: 'success',
    targetType: 'case',
    targetId: caseId,
    details: { count: items.length, restricted: items.filter((i) => i.restricted).length },
  });
  return { items, total: n };
}

export async function create(ctx: Ctx, cipher: FieldCipher, caseId: string, input: z.infer<typeof noteCreate>): Promise<NoteOut> {
  const c = await requireCase(ctx, caseId, 'case.update');
  const actor = ctx.who();
  const contactAt = contactAtFor(input.type, input.contactAt, null);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(caseNotes)
      .values({ caseId, type: input.type, sensitive: input.sensitive, bodyEnc: cipher.encrypt(input.body), authorId: actor.userId, contactAt })
      .returning();
    await refreshCase(tx, caseId);
    await ctx.audit(tx, {
      action: 'case.note.create',
      outcome: 'success',
      targetType: 'case_note',
      targetId: row.id,
      details: { caseId, type: input.type, sensitive: input.sensitive },
    });
    return (await present(tx, cipher, actor, sensitiveReader(actor, c), [row]))[0];
  });
}

/** Only a note's author edits it: a note is that person's account of what happened. */
export async function update(ctx: Ctx, cipher: FieldCipher, caseId: string, noteId: string, input: z.infer<typeof noteUpdate>): Promise<NoteOut> {
  const c = await requireCase(ctx, caseId, 'case.update');
  const actor = ctx.who();
  const readsSensitive = sensitiveReader(actor, c);
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(caseNotes)
      .where(and(eq(caseNotes.id, noteId), eq(caseNotes.caseId, caseId)));
    if (!current) throw notFound();
    if (current.authorId !== actor.userId) throw new HttpError(403, 'not_author', 'Only the author of a note may change it.');
    if (current.version !== input.version) throw versionConflict('note', (await present(tx, cipher, actor, readsSensitive, [current]))[0]);
    const type = input.type ?? (current.type as NoteType);
    const contactAt = contactAtFor(type, input.contactAt, current.contactAt ?? current.createdAt);
    const set: Partial<typeof caseNotes.$inferInsert> = { type, contactAt };
    if (input.sensitive !== undefined) set.sensitive = input.sensitive;
    if (input.body !== undefined) set.bodyEnc = cipher.encrypt(input.body);
    const [row] = await tx
      .update(caseNotes)
      .set({ ...set, version: sql`${caseNotes.version} + 1`, updatedAt: new Date() })
      .where(and(eq(caseNotes.id, noteId), eq(caseNotes.version, input.version)))
      .returning();
    if (!row) throw versionConflict('note', (await present(tx, cipher, actor, readsSensitive, [current]))[0]);
    await refreshCase(tx, caseId);
    const { version: _v, ...changed } = input;
    await ctx.audit(tx, {
      action: 'case.note.update',
      outcome: 'success',
      targetType: 'case_note',
      targetId: noteId,
      details: { caseId, fields: Object.keys(changed), sensitive: row.sensitive },
    });
    return (await present(tx, cipher, actor, readsSensitive, [row]))[0];
  });
}
