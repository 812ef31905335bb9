// Merging two records of one person (supervisors). The duplicate's cases and documents move to
// the surviving record, its names and phones are kept there as other names and phones (so a search
// by the old spelling still finds the person), and the duplicate stays, marked mergedIntoId, for
// history. One transaction; every moved case gets a 'person_merged' event.
import { and, eq, sql } from 'drizzle-orm';
import { requirePerson } from '../cases/access.js';
import { refreshCasesOfPerson } from '../cases/derived.js';
import { caseEvents, cases, personDocuments, persons } from '../platform/db/schema.js';
import type { Ctx } from '../platform/http/context.js';
import { conflict, notFound } from '../platform/http/errors.js';
import { findPerson, findPersonRow } from './dal.js';
import { refreshMatchKeys, type PersonDeps } from './service.js';

export async function mergePersons(ctx: Ctx, deps: PersonDeps, survivorId: string, input: { duplicateId: string; version: number }) {
  const { duplicateId, version } = input;
  const survivorAccess = await requirePerson(ctx, survivorId, 'person.merge');
  const duplicateAccess = await requirePerson(ctx, duplicateId, 'person.merge');
  if (survivorId === duplicateId) throw conflict('A person cannot be merged into itself.', 'merge_into_self');
  if (survivorAccess.organizationId !== duplicateAccess.organizationId)
    throw conflict('Only records of the same organisation can be merged.', 'different_organization');

  const me = ctx.who();
  return ctx.db.transaction(async (tx) => {
    // Lock both in a fixed order, so two merges of the same pair cannot deadlock.
    const [first, second] = [survivorId, duplicateId].sort();
    const a = await findPersonRow(tx, first, true);
    const b = await findPersonRow(tx, second, true);
    const survivor = first === survivorId ? a : b;
    const duplicate = first === survivorId ? b : a;
    if (!survivor || !duplicate) throw notFound();
    if (survivor.version !== version)
      throw conflict('Someone else changed this person; review the current values.', 'version_conflict', { current: await findPerson(tx, deps.cipher, survivorId) });
    if (survivor.mergedIntoId) throw conflict('This person was itself merged into another record.', 'person_merged', { mergedIntoId: survivor.mergedIntoId });
    if (duplicate.mergedIntoId) throw conflict('The duplicate was already merged.', 'already_merged', { mergedIntoId: duplicate.mergedIntoId });

    // Documents: move, except one the survivor already holds (same type and number).
    const held = new Set(
      (await tx.select({ type: personDocuments.type, hash: personDocuments.numberHash }).from(personDocuments).where(eq(personDocuments.personId, survivorId))).map(
        (d) => `${d.type}:${d.hash}`,
      ),
    );
    const dupDocs = await tx.select().from(personDocuments).where(eq(personDocuments.personId, duplicateId));
    let movedDocuments = 0;
    for (const d of dupDocs) {
      if (held.has(`${d.type}:${d.numberHash}`)) await tx.delete(personDocuments).where(eq(personDocuments.id, d.id));
      else {
        await tx.update(personDocuments).set({ personId: survivorId }).where(eq(personDocuments.id, d.id));
        movedDocuments++;
      }
    }

    // Cases.
    const moved = await tx.update(cases).set({ personId: survivorId, updatedAt: new Date() }).where(eq(cases.personId, duplicateId)).returning({ id: cases.id });
    if (moved.length)
      await tx.insert(caseEvents).values(moved.map((c) => ({ caseId: c.id, kind: 'person_merged', fromValue: duplicateId, toValue: survivorId, byId: me.userId })));

    // Names and phones of the duplicate live on as the survivor's other names and phones.
    const dec = <T>(v: string | null, f: T): T => (v ? (JSON.parse(deps.cipher.decrypt(v)) as T) : f);
    const survivorName = deps.cipher.decrypt(survivor.fullNameEnc);
    const otherNames = dec<string[]>(survivor.otherNamesEnc, []);
    // Spellings are kept as written (Noerhajati beside Nurhayati): they are part of the record.
    const written = (n: string) => n.trim().toLowerCase().replace(/\s+/g, ' ');
    const seen = new Set([survivorName, ...otherNames].map(written));
    for (const n of [deps.cipher.decrypt(duplicate.fullNameEnc), ...dec<string[]>(duplicate.otherNamesEnc, [])]) {
      const k = written(n);
      if (!seen.has(k) && otherNames.length < 10) {
        seen.add(k);
        otherNames.push(n);
      }
    }
    const phones = [...new Set([...dec<string[]>(survivor.phonesEnc, []), ...dec<string[]>(duplicate.phonesEnc, [])])].slice(0, 5);

    const [updated] = await tx
      .update(persons)
      .set({
        otherNamesEnc: otherNames.length ? deps.cipher.encrypt(JSON.stringify(otherNames)) : null,
        phonesEnc: phones.length ? deps.cipher.encrypt(JSON.stringify(phones)) : null,
        languages: [...new Set([...survivor.languages, ...duplicate.languages])],
        version: sql`${persons.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(persons.id, survivorId), eq(persons.version, version)))
      .returning();
    const [dupRow] = await tx
      .update(persons)
      .set({ mergedIntoId: survivorId, mergedAt: new Date(), version: sql`${persons.version} + 1`, updatedAt: new Date() })
      .where(eq(persons.id, duplicateId))
      .returning();
    await refreshMatchKeys(tx, deps, updated);
    await refreshMatchKeys(tx, deps, dupRow);
    await refreshCasesOfPerson(tx, survivorId);

    await ctx.audit(tx, {
      action: 'person.merge',
      outcome: 'success',
      targetType: 'person',
      targetId: survivorId,
      details: { duplicateId, movedCases: moved.map((c) => c.id), movedDocuments },
    });
    return (await findPerson(tx, deps.cipher, survivorId))!;
  });
}
