// Persons: the returnees and migrants that cases are about. Names, numbers, phones, addresses and
// notes are encrypted (FieldCipher); documents are found by keyed hash; blocking keys for
// duplicate detection are kept in step with every write. Access goes through cases/access.ts.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { ageOn } from '../cases/priority.js';
import { refreshCasesOfPerson, todayInJakarta } from '../cases/derived.js';
import { caseUsers, requirePerson, personUsers } from '../cases/access.js';
import type { DbHandle } from '../platform/db/client.js';
import { cases, organizations, personDocuments, persons } from '../platform/db/schema.js';
import type { Ctx } from '../platform/http/context.js';
import { badRequest, conflict, forbidden, notFound, type FieldErrors } from '../platform/http/errors.js';
import type { Deps } from '../platform/http/types.js';
import { can, reachOf } from '../policy/policy.js';
import {
  findPerson,
  findPersonRow,
  homeAreas,
  knownCountries,
  personIdsByDocument,
  personOut,
  replaceMatchKeys,
  villageExists,
  type PersonRow,
} from './dal.js';
import { matchKeysOf } from './match-keys.js';
import { nikConsistency, parseNik } from './nik.js';
import { birthColumns, documentHash, normaliseDocumentNumber, normalisePhone, provinceOf } from './normalise.js';

export { birthColumns, documentHash, normaliseDocumentNumber, normalisePhone, provinceOf };
import { findMatches } from './match.js';
import type { BirthInput, DocumentType, MatchInput, matchCandidateSchema, PersonInput, PersonOut, PersonUpdate } from './schema.js';

type MatchCandidate = z.infer<typeof matchCandidateSchema>;

export type PersonDeps = Pick<Deps, 'cipher' | 'lookup'>;

// ---------------------------------------------------------------------------------------------
// Validation that needs the rules or the database. Every problem is collected and reported by
// field path, then nothing is written.

export interface PersonState {
  sex: 'female' | 'male';
  birth: BirthInput | null;
  nationality: string;
  documents: { type: DocumentType; number: string; issuingCountry: string | null }[];
  phones: string[];
  homeVillageCode: string | null;
  emergencyContact: { name: string; relationship: string; phone: string } | null;
}

interface Checked {
  phones: string[];
  emergencyPhone: string | null;
}

export async function checkPerson(db: DbHandle, p: PersonState, today = todayInJakarta()): Promise<Checked> {
  const fields: FieldErrors = {};
  const notes: string[] = [];

  if (p.birth) {
    if (p.birth.kind === 'exact' && p.birth.date > today) fields['birth.date'] = 'in_future';
    if (p.birth.kind === 'estimated_year' && p.birth.year > Number(today.slice(0, 4))) fields['birth.year'] = 'in_future';
    if (p.birth.kind === 'estimated_age' && p.birth.statedOn > today) fields['birth.statedOn'] = 'in_future';
  }

  p.documents.forEach((d, i) => {
    if (d.type !== 'nik') return;
    const parsed = parseNik(d.number);
    if (!parsed.ok) {
      fields[`documents.${i}.number`] = 'invalid_nik';
      notes.push(`documents.${i}.number: not a valid NIK (${parsed.reason})`);
      return;
    }
    const dob = p.birth?.kind === 'exact' ? { year: +p.birth.date.slice(0, 4), month: +p.birth.date.slice(5, 7), day: +p.birth.date.slice(8, 10) } : undefined;
    const mismatches = nikConsistency(parsed, { sex: p.sex, dateOfBirth: dob });
    if (mismatches.length) {
      fields[`documents.${i}.number`] = 'nik_mismatch';
      notes.push(`documents.${i}.number: the NIK does not agree with the record (${mismatches.join(', ')})`);
    }
  });

  const phones: string[] = [];
  p.phones.forEach((raw, i) => {
    const n = normalisePhone(raw);
    if (!n) fields[`phones.${i}`] = 'invalid_phone';
    else if (!phones.includes(n)) phones.push(n);
  });
  let emergencyPhone: string | null = null;
  if (p.emergencyContact?.phone) {
    emergencyPhone = normalisePhone(p.emergencyContact.phone);
    if (!emergencyPhone) fields['emergencyContact.phone'] = 'invalid_phone';
  }

  if (p.homeVillageCode && !(await villageExists(db, p.homeVillageCode))) fields.homeVillageCode = 'unknown_area';

  const wanted = [p.nationality, ...p.documents.map((d) => d.issuingCountry).filter((c): c is string => !!c)];
  const known = await knownCountries(db, [...new Set(wanted)]);
  if (!known.has(p.nationality)) fields.nationality = 'unknown_country';
  p.documents.forEach((d, i) => {
    if (d.issuingCountry && !known.has(d.issuingCountry)) fields[`documents.${i}.issuingCountry`] = 'unknown_country';
  });

  if (Object.keys(fields).length) {
    const rest = Object.keys(fields).filter((f) => !notes.some((n) => n.startsWith(`${f}:`)));
    throw badRequest(`Some fields are invalid. ${[...notes, ...rest.map((f) => `${f}: ${fields[f]}`)].join('; ')}`, fields);
  }
  return { phones, emergencyPhone };
}

// ---------------------------------------------------------------------------------------------
// Writing.

function encryptedColumns(deps: PersonDeps, p: PersonInput, checked: Checked) {
  const enc = (s: string | null) => (s ? deps.cipher.encrypt(s) : null);
  return {
    fullNameEnc: deps.cipher.encrypt(p.fullName),
    otherNamesEnc: p.otherNames.length ? deps.cipher.encrypt(JSON.stringify(p.otherNames)) : null,
    phonesEnc: checked.phones.length ? deps.cipher.encrypt(JSON.stringify(checked.phones)) : null,
    homeAddressEnc: enc(p.homeAddress),
    emergencyContactEnc: p.emergencyContact
      ? deps.cipher.encrypt(JSON.stringify({ ...p.emergencyContact, phone: checked.emergencyPhone ?? '' }))
      : null,
    disabilityNoteEnc: enc(p.disabilityNote),
  };
}

async function insertDocuments(tx: DbHandle, deps: PersonDeps, personId: string, docs: (PersonInput['documents'][number] & { id?: string })[]) {
  if (!docs.length) return;
  // Listed in the order given: created_at steps by a millisecond per document.
  const at = Date.now();
  await tx.insert(personDocuments).values(
    docs.map((d, i) => {
      const number = normaliseDocumentNumber(d.type, d.number);
      return {
        ...(d.id ? { id: d.id } : {}),
        personId,
        type: d.type,
        numberEnc: deps.cipher.encrypt(number),
        numberHash: deps.lookup.hash(`doc:${d.type}`, number),
        issuingCountry: d.issuingCountry ?? (d.type === 'nik' ? 'ID' : null),
        expiresOn: d.expiresOn,
        createdAt: new Date(at + i),
      };
    }),
  );
}

/** Recomputes and stores a person's blocking keys from its current (decrypted) row. */
export async function refreshMatchKeys(tx: DbHandle, deps: PersonDeps, row: PersonRow): Promise<void> {
  if (row.mergedIntoId) return replaceMatchKeys(tx, row.id, []);
  const keys = matchKeysOf(
    {
      fullName: deps.cipher.decrypt(row.fullNameEnc),
      otherNames: row.otherNamesEnc ? (JSON.parse(deps.cipher.decrypt(row.otherNamesEnc)) as string[]) : [],
      birthYear: row.birthYear,
      birthDate: row.birthKind === 'exact' ? row.birthDate : null,
      homeVillageCode: row.homeVillageCode,
      phones: row.phonesEnc ? (JSON.parse(deps.cipher.decrypt(row.phonesEnc)) as string[]) : [],
    },
    deps.lookup,
  );
  await replaceMatchKeys(tx, row.id, keys);
}

/**
 * Registers a person inside the caller's transaction and returns the new ID: POST /persons, and
 * POST /cases with an inline person. The person belongs to the caller's organisation. The caller
 * must be allowed person.create there (checked here without I/O: a denial inside an open
 * transaction cannot be audited on PGlite, so callers should `ctx.require` it before opening the
 * transaction). Invalid input throws 400 naming the fields, before anything is written.
 */
export async function insertPerson(ctx: Ctx, tx: DbHandle, deps: PersonDeps, input: PersonInput): Promise<string> {
  const me = ctx.who();
  if (!can(me, 'person.create', { organizationId: me.organizationId })) throw forbidden();
  const checked = await checkPerson(tx, input);
  const [row] = await tx
    .insert(persons)
    .values({
      organizationId: me.organizationId,
      ...encryptedColumns(deps, input, checked),
      sex: input.sex,
      genderIdentity: input.genderIdentity,
      ...birthColumns(input.birth),
      nationality: input.nationality,
      languages: input.languages,
      homeVillageCode: input.homeVillageCode,
      homeProvinceCode: provinceOf(input.homeVillageCode),
      disabilities: input.disabilities,
      createdById: me.userId,
    })
    .returning();
  await insertDocuments(tx, deps, row.id, input.documents);
  await refreshMatchKeys(tx, deps, row);
  await ctx.audit(tx, {
    action: 'person.create',
    outcome: 'success',
    targetType: 'person',
    targetId: row.id,
    details: { documentTypes: input.documents.map((d) => d.type) },
  });
  return row.id;
}

export async function create(ctx: Ctx, deps: PersonDeps, input: PersonInput): Promise<PersonOut> {
  await ctx.require('person.create', { type: 'person', organizationId: ctx.who().organizationId });
  return ctx.db.transaction(async (tx) => {
    const id = await insertPerson(ctx, tx, deps, input);
    return (await findPerson(tx, deps.cipher, id))!;
  });
}

export async function read(ctx: Ctx, deps: PersonDeps, id: string): Promise<PersonOut> {
  await requirePerson(ctx, id, 'person.read');
  return ctx.db.transaction(async (tx) => {
    const p = await findPerson(tx, deps.cipher, id);
    if (!p) throw notFound();
    await ctx.audit(tx, { action: 'person.read', outcome: 'success', targetType: 'person', targetId: id });
    return p;
  });
}

const staleVersion = (current: PersonOut | null) =>
  conflict('Someone else changed this person; review the current values.', 'version_conflict', { current });

export async function update(ctx: Ctx, deps: PersonDeps, id: string, input: PersonUpdate): Promise<PersonOut> {
  await requirePerson(ctx, id, 'person.update');
  const { version, ...patch } = input;
  return ctx.db.transaction(async (tx) => {
    const row = await findPersonRow(tx, id, true);
    if (!row) throw notFound();
    const current = await personOut(tx, deps.cipher, row);
    if (row.version !== version) throw staleVersion(current);
    if (row.mergedIntoId) throw conflict('This person was merged into another record.', 'person_merged', { mergedIntoId: row.mergedIntoId });

    const docs = patch.documents ?? current.documents.map((d) => ({ ...d, expiresOn: d.expiresOn }));
    // Document IDs sent back must be this person's.
    const ownIds = new Set(current.documents.map((d) => d.id));
    const docFields: FieldErrors = {};
    docs.forEach((d, i) => {
      if (d.id && !ownIds.has(d.id)) docFields[`documents.${i}.id`] = 'unknown_document';
    });
    if (Object.keys(docFields).length) throw badRequest('Unknown document.', docFields);

    const next: PersonInput = {
      fullName: patch.fullName ?? current.fullName,
      otherNames: patch.otherNames ?? current.otherNames,
      sex: patch.sex ?? current.sex,
      genderIdentity: patch.genderIdentity !== undefined ? patch.genderIdentity : current.genderIdentity,
      birth: patch.birth !== undefined ? patch.birth : (current.birth as BirthInput | null),
      nationality: patch.nationality ?? current.nationality,
      languages: (patch.languages ?? current.languages) as PersonInput['languages'],
      documents: docs.map((d) => ({ type: d.type, number: d.number, issuingCountry: d.issuingCountry ?? null, expiresOn: d.expiresOn ?? null })),
      phones: patch.phones ?? current.phones,
      homeVillageCode: patch.homeVillageCode !== undefined ? patch.homeVillageCode : current.homeVillageCode,
      homeAddress: patch.homeAddress !== undefined ? patch.homeAddress : current.homeAddress,
      emergencyContact: patch.emergencyContact !== undefined ? patch.emergencyContact : current.emergencyContact,
      disabilities: (patch.disabilities ?? current.disabilities) as PersonInput['disabilities'],
      disabilityNote: patch.disabilityNote !== undefined ? patch.disabilityNote : current.disabilityNote,
    };
    const checked = await checkPerson(tx, next);
    const birth = birthColumns(next.birth);
    const [updated] = await tx
      .update(persons)
      .set({
        ...encryptedColumns(deps, next, checked),
        sex: next.sex,
        genderIdentity: next.genderIdentity,
        ...birth,
        nationality: next.nationality,
        languages: next.languages,
        homeVillageCode: next.homeVillageCode,
        homeProvinceCode: provinceOf(next.homeVillageCode),
        disabilities: next.disabilities,
        version: sql`${persons.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(persons.id, id), eq(persons.version, version)))
      .returning();
    if (!updated) throw staleVersion(await findPerson(tx, deps.cipher, id));

    if (patch.documents) {
      await tx.delete(personDocuments).where(eq(personDocuments.personId, id));
      await insertDocuments(
        tx,
        deps,
        id,
        patch.documents.map((d) => ({ ...d, issuingCountry: d.issuingCountry ?? null, expiresOn: d.expiresOn ?? null })),
      );
    }
    await refreshMatchKeys(tx, deps, updated);

    const birthChanged = row.birthKind !== birth.birthKind || row.birthDate !== birth.birthDate || row.birthYear !== birth.birthYear || row.birthAge !== birth.birthAge || row.birthAgeStatedOn !== birth.birthAgeStatedOn;
    const areaChanged = row.homeVillageCode !== next.homeVillageCode;
    if (birthChanged || areaChanged) await refreshCasesOfPerson(tx, id);

    await ctx.audit(tx, { action: 'person.update', outcome: 'success', targetType: 'person', targetId: id, details: { fields: Object.keys(patch) } });
    return (await findPerson(tx, deps.cipher, id))!;
  });
}

/**
 * GET /persons?documentType&documentNumber: exact look-up through the keyed hash, limited to the
 * persons the caller may read. An unreadable match is indistinguishable from no match.
 */
export async function lookupByDocument(ctx: Ctx, deps: PersonDeps, type: DocumentType, number: string): Promise<PersonOut[]> {
  await ctx.reach('person.read');
  const me = ctx.who();
  const hits = await personIdsByDocument(ctx.db, [{ type, hash: documentHash(deps, type, number) }]);
  const ids = [...new Set(hits.map((h) => h.personId))];
  const readable: string[] = [];
  for (const id of ids) {
    const p = await personUsers(ctx.db, id);
    if (p && can(me, 'person.read', { organizationId: p.organizationId, userIds: p.userIds })) readable.push(id);
  }
  return ctx.db.transaction(async (tx) => {
    const out: PersonOut[] = [];
    for (const id of readable) {
      const p = await findPerson(tx, deps.cipher, id);
      if (p) out.push(p);
    }
    await ctx.audit(tx, {
      action: 'person.lookup',
      outcome: 'success',
      targetType: 'person',
      targetId: out.length === 1 ? out[0].id : null,
      details: { documentType: type, count: out.length, personIds: out.map((p) => p.id) },
    });
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// Duplicate detection, with what the caller may see of each candidate.

export async function match(ctx: Ctx, deps: PersonDeps, input: MatchInput): Promise<{ candidates: MatchCandidate[] }> {
  await ctx.reach('person.match');
  const me = ctx.who();
  const found = await findMatches(ctx.db, deps, input, { limit: input.limit });
  const today = todayInJakarta();
  const candidates: MatchCandidate[] = [];
  const orgIds = [...new Set(found.map((c) => c.organizationId))];
  const orgNames = new Map(
    orgIds.length
      ? (await ctx.db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, orgIds))).map((o) => [o.id, o.name])
      : [],
  );
  // Who may read each candidate, and the caller's organisation's case references of those it may
  // read, from one query: each candidate that could be in reach with the cases its organisation
  // holds for it. The organisation decides alone unless the caller's reach is their own cases (case
  // workers): then the users of those cases decide (as cases/access.ts personUsers).
  const reach = reachOf(me, 'person.read');
  const possible = reach ? found.filter((c) => reach === 'all' || c.organizationId === me.organizationId).map((c) => c.personId) : [];
  const caseRows = possible.length
    ? await ctx.db
        .select({
          personId: persons.id,
          organizationId: persons.organizationId,
          personCreatedById: persons.createdById,
          reference: cases.reference,
          caseOrganizationId: cases.organizationId,
          assignedToId: cases.assignedToId,
          createdById: cases.createdById,
        })
        .from(persons)
        .leftJoin(cases, and(eq(cases.personId, persons.id), eq(cases.organizationId, persons.organizationId)))
        .where(inArray(persons.id, possible))
        .orderBy(cases.openedAt)
    : [];
  const usersOf = new Map<string, { organizationId: string; userIds: Set<string>; createdById: string | null; hasCases: boolean }>();
  const refs: { personId: string; reference: string }[] = [];
  for (const r of caseRows) {
    let u = usersOf.get(r.personId);
    if (!u) usersOf.set(r.personId, (u = { organizationId: r.organizationId, userIds: new Set(), createdById: r.personCreatedById, hasCases: false }));
    if (r.reference === null) continue;
    u.hasCases = true;
    for (const id of caseUsers({ assignedToId: r.assignedToId, createdById: r.createdById ?? null })) u.userIds.add(id);
    if (r.caseOrganizationId === me.organizationId) refs.push({ personId: r.personId, reference: r.reference });
  }
  const inReachIds: string[] = [];
  for (const c of found) {
    const u = usersOf.get(c.personId);
    if (!u) continue;
    if (reach === 'self') {
      const userIds = new Set(u.userIds);
      if (!u.hasCases && u.createdById) userIds.add(u.createdById);
      if (!can(me, 'person.read', { organizationId: u.organizationId, userIds: [...userIds] })) continue;
    }
    inReachIds.push(c.personId);
  }
  const areasOf = await homeAreas(ctx.db, found.filter((c) => inReachIds.includes(c.personId)).map((c) => c.homeVillageCode));
  for (const c of found) {
    const base = { personId: c.personId, score: c.score, reasons: c.reasons };
    if (inReachIds.includes(c.personId)) {
      candidates.push({
        ...base,
        inReach: true,
        person: {
          fullName: c.fullName,
          sex: c.sex as 'female' | 'male',
          birthYear: c.birthYear,
          age: c.birth ? ageOn(c.birth, today) : null,
          homeArea: c.homeVillageCode ? (areasOf.get(c.homeVillageCode) ?? null) : null,
          caseReferences: refs.filter((r) => r.personId === c.personId).map((r) => r.reference),
        },
      });
    } else {
      // Another organisation's record (or a colleague's case): only that a likely match exists and whom to ask.
      candidates.push({ ...base, inReach: false, organizationName: orgNames.get(c.organizationId) ?? '' });
    }
  }
  await ctx.audit(ctx.db, { action: 'person.match', outcome: 'success', targetType: 'person', details: { count: candidates.length } });
  return { candidates };
}
