// What the person API takes and gives. Checks that need the database (areas, countries) or the
// NIK rules are done by the service and reported under the same field paths as these schemas
// (`documents.0.number`, `phones.1`, `birth.date`).
import { z } from 'zod';
import { optionalText } from '../platform/http/text.js';

export const sexes = ['female', 'male'] as const;
export const documentTypes = ['nik', 'passport', 'splp', 'other'] as const;
export type DocumentType = (typeof documentTypes)[number];

/**
 * Languages a returnee may speak (ISO 639-1 where it exists, else 639-3): Indonesian and the
 * large regional languages, and those of the main destination and origin countries.
 */
export const personLanguages = [
  'id', 'jv', 'su', 'mad', 'min', 'bug', 'ban', 'bjn', 'ace', 'btk', 'sas', 'mak', 'bew', 'nij', 'tet',
  'en', 'ms', 'ar', 'zh', 'ja', 'ko', 'th', 'vi', 'tl', 'km', 'my', 'hi', 'ur', 'bn', 'ne', 'ru', 'tr', 'fr',
] as const;

/** Washington Group short set domains. */
export const disabilityDomains = ['seeing', 'hearing', 'walking', 'cognition', 'self_care', 'communication'] as const;

const isoDate = z.iso.date('Use a date in the form YYYY-MM-DD.');
const villageCode = z.string().trim().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'Use a Kemendagri village code such as 33.74.01.1001.');
const countryCode = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Use an ISO 3166-1 alpha-2 country code such as ID.');
export const birthInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('exact'), date: isoDate }),
    z.object({ kind: z.literal('estimated_year'), year: z.number().int().min(1900).max(2200) }),
    z.object({ kind: z.literal('estimated_age'), age: z.number().int().min(0).max(120), statedOn: isoDate }),
  ])
  .meta({ id: 'Birth' });
export type BirthInput = z.infer<typeof birthInput>;

export const documentInput = z
  .object({
    type: z.enum(documentTypes),
    number: z.string().trim().min(1, 'Enter the document number.').max(64),
    issuingCountry: countryCode.nullish().transform((s) => s ?? null),
    expiresOn: isoDate.nullish().transform((s) => s ?? null),
  })
  .meta({ id: 'PersonDocumentCreate' });

export const emergencyContactInput = z
  .object({
    name: z.string().trim().min(1, 'Enter a name.').max(200),
    relationship: z.string().trim().max(100).default(''),
    phone: z.string().trim().max(40).default(''),
  })
  .meta({ id: 'EmergencyContact' });

const personFields = {
  fullName: z.string().trim().min(1, 'Enter the name the person uses.').max(200),
  otherNames: z.array(z.string().trim().min(1).max(200)).max(10).default([]),
  sex: z.enum(sexes),
  genderIdentity: optionalText(100),
  birth: birthInput.nullish().transform((b) => b ?? null),
  nationality: countryCode.default('ID'),
  languages: z
    .array(z.enum(personLanguages))
    .max(20)
    .default([])
    .transform((a) => [...new Set(a)]),
  documents: z.array(documentInput).max(10).default([]),
  phones: z.array(z.string().trim().min(1).max(40)).max(5).default([]),
  homeVillageCode: villageCode.nullish().transform((s) => s ?? null),
  homeAddress: optionalText(500),
  emergencyContact: emergencyContactInput.nullish().transform((c) => c ?? null),
  disabilities: z
    .array(z.enum(disabilityDomains))
    .max(6)
    .default([])
    .transform((a) => [...new Set(a)]),
  disabilityNote: optionalText(1000),
};

/** A person as registered (POST /persons, and inline in POST /cases). */
export const personInput = z.object(personFields).meta({ id: 'PersonCreate' });
export type PersonInput = z.infer<typeof personInput>;

/**
 * A change: only the fields sent are changed. `documents` and `phones`, when sent, replace the
 * whole list (documents keep their IDs when sent with `id`).
 */
export const personUpdate = z
  .object({
    version: z.number().int().min(1),
    fullName: personFields.fullName.optional(),
    otherNames: z.array(z.string().trim().min(1).max(200)).max(10).optional(),
    sex: z.enum(sexes).optional(),
    genderIdentity: personFields.genderIdentity.optional(),
    birth: birthInput.nullable().optional(),
    nationality: countryCode.optional(),
    languages: z
      .array(z.enum(personLanguages))
      .max(20)
      .transform((a) => [...new Set(a)])
      .optional(),
    documents: z.array(documentInput.extend({ id: z.uuid().optional() })).max(10).optional(),
    phones: z.array(z.string().trim().min(1).max(40)).max(5).optional(),
    homeVillageCode: villageCode.nullable().optional(),
    homeAddress: personFields.homeAddress.optional(),
    emergencyContact: emergencyContactInput.nullable().optional(),
    disabilities: z
      .array(z.enum(disabilityDomains))
      .max(6)
      .transform((a) => [...new Set(a)])
      .optional(),
    disabilityNote: personFields.disabilityNote.optional(),
  })
  .meta({ id: 'PersonUpdate' });
export type PersonUpdate = z.infer<typeof personUpdate>;

const birthOut = z.union([
  z.object({ kind: z.literal('exact'), date: z.string() }),
  z.object({ kind: z.literal('estimated_year'), year: z.number().int() }),
  z.object({ kind: z.literal('estimated_age'), age: z.number().int(), statedOn: z.string() }),
]);

export const homeAreaSchema = z
  .object({ province: z.string().nullable(), regency: z.string().nullable(), district: z.string().nullable(), village: z.string().nullable() })
  .meta({ id: 'HomeArea' });

export const personSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    fullName: z.string(),
    otherNames: z.array(z.string()),
    sex: z.enum(sexes),
    genderIdentity: z.string().nullable(),
    birth: birthOut.nullable(),
    age: z.number().int().nullable(),
    isChild: z.boolean(),
    nationality: z.string(),
    languages: z.array(z.string()),
    documents: z.array(
      z.object({
        id: z.uuid(),
        type: z.enum(documentTypes),
        number: z.string(),
        issuingCountry: z.string().nullable(),
        expiresOn: z.string().nullable(),
      }),
    ),
    phones: z.array(z.string()),
    homeVillageCode: z.string().nullable(),
    homeArea: homeAreaSchema.nullable(),
    homeAddress: z.string().nullable(),
    emergencyContact: z.object({ name: z.string(), relationship: z.string(), phone: z.string() }).nullable(),
    disabilities: z.array(z.string()),
    disabilityNote: z.string().nullable(),
    mergedIntoId: z.uuid().nullable(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Person' });
export type PersonOut = z.infer<typeof personSchema>;

export const personLookupQuery = z.object({
  documentType: z.enum(documentTypes),
  documentNumber: z.string().trim().min(1).max(64),
});

export const personList = z.object({ items: z.array(personSchema) }).meta({ id: 'PersonList' });

// ---------------------------------------------------------------------------------------------
// Duplicate detection.

export const matchInput = z
  .object({
    fullName: z.string().trim().max(200).optional(),
    otherNames: z.array(z.string().trim().max(200)).max(10).optional(),
    sex: z.enum(sexes).optional(),
    birth: birthInput.nullish(),
    documents: z.array(z.object({ type: z.enum(documentTypes), number: z.string().trim().min(1).max(64) })).max(10).optional(),
    phones: z.array(z.string().trim().max(40)).max(5).optional(),
    homeVillageCode: villageCode.nullish(),
    excludePersonId: z.uuid().optional(),
    limit: z.number().int().min(1).max(20).default(10),
  })
  .meta({ id: 'PersonMatchQuery' });
export type MatchInput = z.infer<typeof matchInput>;

export const matchCandidateSchema = z
  .object({
    personId: z.uuid(),
    score: z.number().min(0).max(1),
    reasons: z.array(z.string()),
    inReach: z.boolean(),
    person: z
      .object({
        fullName: z.string(),
        sex: z.enum(sexes),
        birthYear: z.number().int().nullable(),
        age: z.number().int().nullable(),
        homeArea: homeAreaSchema.nullable(),
        caseReferences: z.array(z.string()),
      })
      .optional(),
    organizationName: z.string().optional(),
  })
  .meta({ id: 'PersonMatchCandidate' });

export const matchOutput = z.object({ candidates: z.array(matchCandidateSchema) }).meta({ id: 'PersonMatchResult' });

export const mergeInput = z
  .object({ duplicateId: z.uuid(), version: z.number().int().min(1) })
  .meta({ id: 'PersonMerge' });
