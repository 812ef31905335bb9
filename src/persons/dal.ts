// Queries of the person tables, and the mapping of a stored (encrypted) person to PersonOut.
// Every function takes the handle it must run on (db or tx).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { ageOn, isChild } from '../cases/priority.js';
import { birthOf, todayInJakarta } from '../cases/derived.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { DbHandle } from '../platform/db/client.js';
import { areas, personDocuments, personMatchKeys, persons } from '../platform/db/schema.js';
import type { DocumentType, PersonOut } from './schema.js';

export type PersonRow = typeof persons.$inferSelect;
export type DocumentRow = typeof personDocuments.$inferSelect;
export type HomeArea = NonNullable<PersonOut['homeArea']>;

export async function findPersonRow(db: DbHandle, id: string, forUpdate = false): Promise<PersonRow | null> {
  const q = db.select().from(persons).where(eq(persons.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function documentRowsOf(db: DbHandle, personId: string): Promise<DocumentRow[]> {
  return db.select().from(personDocuments).where(eq(personDocuments.personId, personId)).orderBy(personDocuments.createdAt, personDocuments.id);
}

/** The codes of a village and of the province, regency and district above it. */
export function areaCodesOf(villageCode: string): string[] {
  const p = villageCode.split('.');
  return [p[0], p.slice(0, 2).join('.'), p.slice(0, 3).join('.'), villageCode];
}

/** Names of the areas of many village codes at once (one query). */
export async function homeAreas(db: DbHandle, villageCodes: (string | null)[]): Promise<Map<string, HomeArea>> {
  const codes = [...new Set(villageCodes.filter((c): c is string => !!c))];
  const out = new Map<string, HomeArea>();
  if (!codes.length) return out;
  const all = [...new Set(codes.flatMap(areaCodesOf))];
  const rows = await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, all));
  const name = new Map(rows.map((r) => [r.code, r.name]));
  for (const c of codes) {
    const [p, r, d, v] = areaCodesOf(c);
    out.set(c, { province: name.get(p) ?? null, regency: name.get(r) ?? null, district: name.get(d) ?? null, village: name.get(v) ?? null });
  }
  return out;
}

export async function villageExists(db: DbHandle, code: string): Promise<boolean> {
  const [a] = await db.select({ code: areas.code }).from(areas).where(and(eq(areas.code, code), eq(areas.level, 'village')));
  return !!a;
}

export async function knownCountries(db: DbHandle, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db.execute(sql`select code from countries where code = any(${`{${codes.join(',')}}`}::text[])`);
  return new Set((rows as unknown as { rows: { code: string }[] }).rows.map((r) => r.code));
}

const decryptJson = <T>(cipher: FieldCipher, v: string | null, fallback: T): T => (v ? (JSON.parse(cipher.decrypt(v)) as T) : fallback);
const decryptText = (cipher: FieldCipher, v: string | null): string | null => (v ? cipher.decrypt(v) : null);

/** Birth as the API shows it, age and child flag on today's date in Jakarta. */
export function birthFacts(row: Pick<PersonRow, 'birthKind' | 'birthDate' | 'birthYear' | 'birthAge' | 'birthAgeStatedOn'>, today = todayInJakarta()) {
  const birth = birthOf(row);
  return { birth, age: birth ? ageOn(birth, today) : null, isChild: birth ? isChild(birth, today) : false };
}

/** The stored person, decrypted, as the API shows it. */
export async function personOut(db: DbHandle, cipher: FieldCipher, row: PersonRow): Promise<PersonOut> {
  const docs = await documentRowsOf(db, row.id);
  const area = row.homeVillageCode ? (await homeAreas(db, [row.homeVillageCode])).get(row.homeVillageCode)! : null;
  return {
    id: row.id,
    organizationId: row.organizationId,
    fullName: cipher.decrypt(row.fullNameEnc),
    otherNames: decryptJson<string[]>(cipher, row.otherNamesEnc, []),
    sex: row.sex as PersonOut['sex'],
    genderIdentity: row.genderIdentity,
    ...birthFacts(row),
    nationality: row.nationality,
    languages: row.languages,
    documents: docs.map((d) => ({
      id: d.id,
      type: d.type as DocumentType,
      number: cipher.decrypt(d.numberEnc),
      issuingCountry: d.issuingCountry,
      expiresOn: d.expiresOn,
    })),
    phones: decryptJson<string[]>(cipher, row.phonesEnc, []),
    homeVillageCode: row.homeVillageCode,
    homeArea: area,
    homeAddress: decryptText(cipher, row.homeAddressEnc),
    emergencyContact: decryptJson<PersonOut['emergencyContact']>(cipher, row.emergencyContactEnc, null),
    disabilities: row.disabilities,
    disabilityNote: decryptText(cipher, row.disabilityNoteEnc),
    mergedIntoId: row.mergedIntoId,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A person by ID, decrypted (no access check: callers check with requirePerson/requireCase first). */
export async function findPerson(db: DbHandle, cipher: FieldCipher, id: string): Promise<PersonOut | null> {
  const row = await findPersonRow(db, id);
  return row ? personOut(db, cipher, row) : null;
}

/** Persons holding a document, by the keyed hash of its normalised number. */
export async function personIdsByDocument(db: DbHandle, items: { type: string; hash: string }[]): Promise<{ personId: string; type: string; hash: string }[]> {
  if (!items.length) return [];
  const rows = await db
    .select({ personId: personDocuments.personId, type: personDocuments.type, hash: personDocuments.numberHash })
    .from(personDocuments)
    .innerJoin(persons, eq(persons.id, personDocuments.personId))
    .where(
      and(
        sql`${persons.mergedIntoId} is null`,
        sql`(${personDocuments.type}, ${personDocuments.numberHash}) in (${sql.join(
          items.map((i) => sql`(${i.type}, ${i.hash})`),
          sql`, `,
        )})`,
      ),
    );
  return rows;
}

/** Replaces a person's blocking keys. */
export async function replaceMatchKeys(tx: DbHandle, personId: string, keys: string[]): Promise<void> {
  await tx.delete(personMatchKeys).where(eq(personMatchKeys.personId, personId));
  if (keys.length) await tx.insert(personMatchKeys).values(keys.map((key) => ({ personId, key }))).onConflictDoNothing();
}
