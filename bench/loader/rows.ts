// Rows for bulk loading, built with the same exported functions the persons and cases services
// use (birth columns, document hashes, phone normalisation, blocking keys), so that what the
// benchmark searches is indexed exactly as the application would have indexed it.
//
// The encrypted person columns mirror src/persons/service.ts `encryptedColumns` (not exported).
// When the persons module exports a row builder, swap `personColumns` for it here: one line.
import { createHash, randomUUID } from 'node:crypto';
import type { BlindIndex } from '../../src/platform/crypto/blind-index.js';
import type { FieldCipher } from '../../src/platform/crypto/fields.js';
import { matchKeysOf } from '../../src/persons/match-keys.js';
import { birthColumns, documentHash, normaliseDocumentNumber, normalisePhone, provinceOf } from '../../src/persons/normalise.js';
import type { GeneratedCase } from '../../src/synthetic/case.js';
import type { GeneratedPerson } from '../../src/synthetic/person.js';

export interface RowDeps {
  cipher: FieldCipher;
  lookup: BlindIndex;
}

const enc = (cipher: FieldCipher, s: string | null | undefined) => (s ? cipher.encrypt(s) : null);

export interface PersonRowValues {
  id: string;
  organization_id: string;
  full_name_enc: string;
  other_names_enc: string | null;
  sex: string;
  gender_identity: string | null;
  birth_kind: string | null;
  birth_date: string | null;
  birth_year: number | null;
  birth_age: number | null;
  birth_age_stated_on: string | null;
  nationality: string;
  languages: string[];
  phones_enc: string | null;
  home_village_code: string | null;
  home_province_code: string | null;
  home_address_enc: string | null;
  emergency_contact_enc: string | null;
  disabilities: string[];
  disability_note_enc: string | null;
  created_by_id: string | null;
  created_at: string;
  updated_at: string;
}

/** The person's columns as insertPerson stores them. */
/** A version-4-shaped UUID derived from a label: the same person gets the same ID in every load of a seed. */
export function uuidFrom(...label: (string | number)[]): string {
  const h = createHash('sha256').update(label.join('/')).digest();
  h[6] = (h[6] & 0x0f) | 0x40;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export function personColumns(deps: RowDeps, p: GeneratedPerson, organizationId: string, createdById: string | null, at: string, id: string = randomUUID()): PersonRowValues {
  const phones = [...new Set(p.phones.map(normalisePhone).filter((x): x is string => !!x))];
  const birth = birthColumns(p.birth);
  const emergencyPhone = p.emergencyContact?.phone ? normalisePhone(p.emergencyContact.phone) : null;
  return {
    id,
    organization_id: organizationId,
    full_name_enc: deps.cipher.encrypt(p.fullName),
    other_names_enc: p.otherNames.length ? deps.cipher.encrypt(JSON.stringify(p.otherNames)) : null,
    sex: p.sex,
    gender_identity: p.genderIdentity,
    birth_kind: birth.birthKind,
    birth_date: birth.birthDate,
    birth_year: birth.birthYear,
    birth_age: birth.birthAge,
    birth_age_stated_on: birth.birthAgeStatedOn,
    nationality: p.nationality,
    languages: p.languages,
    phones_enc: phones.length ? deps.cipher.encrypt(JSON.stringify(phones)) : null,
    home_village_code: p.homeVillageCode,
    home_province_code: provinceOf(p.homeVillageCode),
    home_address_enc: enc(deps.cipher, p.homeAddress),
    emergency_contact_enc: p.emergencyContact ? deps.cipher.encrypt(JSON.stringify({ ...p.emergencyContact, phone: emergencyPhone ?? '' })) : null,
    disabilities: p.disabilities,
    disability_note_enc: enc(deps.cipher, p.disabilityNote),
    created_by_id: createdById,
    created_at: at,
    updated_at: at,
  };
}

export function documentRows(deps: RowDeps, personId: string, p: GeneratedPerson, at: string) {
  return p.documents.map((d) => {
    const number = normaliseDocumentNumber(d.type, d.number);
    return {
      id: randomUUID(),
      person_id: personId,
      type: d.type,
      number_enc: deps.cipher.encrypt(number),
      number_hash: documentHash(deps, d.type, d.number),
      issuing_country: d.issuingCountry ?? (d.type === 'nik' ? 'ID' : null),
      expires_on: d.expiresOn,
      created_at: at,
    };
  });
}

/** The blocking keys exactly as the persons service stores them (matchKeysOf). */
export function matchKeyRows(deps: RowDeps, personId: string, row: PersonRowValues, p: GeneratedPerson): { person_id: string; key: string }[] {
  const phones = [...new Set(p.phones.map(normalisePhone).filter((x): x is string => !!x))];
  return matchKeysOf(
    { fullName: p.fullName, otherNames: p.otherNames, birthYear: row.birth_year, birthDate: row.birth_date, homeVillageCode: row.home_village_code, phones },
    deps.lookup,
  ).map((key) => ({ person_id: personId, key }));
}

export interface CasePlacement {
  organizationId: string;
  assignedToId: string | null;
  createdById: string;
  reference: string;
}

export function caseRow(deps: RowDeps, c: GeneratedCase, personId: string, person: PersonRowValues, place: CasePlacement) {
  const opened = `${c.openedOn}T0${(c.personIndex % 8) + 1}:00:00+07:00`;
  return {
    id: randomUUID(),
    reference: place.reference,
    person_id: personId,
    organization_id: place.organizationId,
    assigned_to_id: place.assignedToId,
    assigned_at: place.assignedToId ? opened : null,
    created_by_id: place.createdById,
    case_type: c.caseType,
    direction: c.direction,
    stage: c.stage,
    destination_countries: c.destinationCountries,
    risk_level: c.riskLevel,
    flags: c.flags,
    priority_score: c.priority.score,
    priority_band: c.priority.band,
    priority_reasons: c.priority.reasons,
    province_code: person.home_province_code,
    summary_enc: deps.cipher.encrypt(c.summary),
    next_due_on: c.nextDueOn,
    last_contact_at: c.lastContactOn ? `${c.lastContactOn}T10:00:00+07:00` : null,
    opened_at: opened,
    closed_at: c.closedOn ? `${c.closedOn}T15:00:00+07:00` : null,
    closure_reason: c.closureReason,
    version: 1,
    created_at: opened,
    updated_at: opened,
  };
}

export function taskRows(deps: RowDeps, c: GeneratedCase, caseId: string, assigneeId: string | null, createdById: string, at: string) {
  return c.tasks.map((t) => ({
    id: randomUUID(),
    case_id: caseId,
    kind: t.kind,
    title_enc: deps.cipher.encrypt(t.title),
    due_on: t.dueOn,
    assignee_id: assigneeId,
    status: t.status,
    completed_at: t.status === 'done' ? at : null,
    created_by_id: createdById,
    created_at: at,
    updated_at: at,
  }));
}
