// Request and response shapes of a case's skills profile. Checks that need the database
// (countries, areas) are the service's, reported under the same field paths
// (`workHistory.0.country`: `unknown_country`, `preferredAreaCodes`: `unknown_area`).
import { z } from 'zod';
import { userRef } from '../../case-records/schema.js';
import { optionalText } from '../../platform/http/text.js';
import { personLanguages } from '../../persons/schema.js';
import { certificateCodes, educationLevels, isicCodes, iscoCodes, seekingKinds, skillCodes, skillLevels, workConstraints } from '../vocabulary.js';

const dayOut = z.string().describe('YYYY-MM-DD');
const countryCode = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Use an ISO 3166-1 alpha-2 country code such as TW.');

/**
 * A list of codes from a closed list, each at most once. An unknown code is reported on the list
 * itself (`invalid_choice`), so that the form can mark the field.
 */
const codeList = (codes: readonly string[], max: number) =>
  z
    .array(z.string().max(80))
    .max(max)
    .superRefine((v, c) => {
      if (v.some((x) => !codes.includes(x))) c.addIssue({ code: 'invalid_value', values: [...codes], input: v, message: 'Choose from the list.' });
    })
    .transform((v) => [...new Set(v)])
    .meta({ items: { type: 'string', enum: [...codes] } });

export const caseParam = z.object({ id: z.uuid() });

const workHistoryEntry = z.object({
  country: countryCode.describe('Where: ISO 3166-1 alpha-2, ID for work at home (`unknown_country`)'),
  sector: z.enum(isicCodes as [string, ...string[]]).nullish().transform((s) => s ?? null).describe('ISIC Rev. 4 section or division (vocabulary)'),
  occupation: z.enum(iscoCodes as [string, ...string[]]).nullish().transform((s) => s ?? null).describe('ISCO-08 major or unit group (vocabulary)'),
  years: z.number().min(0).max(60).describe('Years in this work, in halves (0.5, 1, 1.5 …): `half_years_only` otherwise'),
});

export const skillsProfileWrite = z
  .object({
    version: z.number().int().min(1).optional().describe('The stored version when replacing a profile; omitted when creating one. Stale → 409 `version_conflict`'),
    seeking: codeList(seekingKinds, seekingKinds.length).default([]).describe('What the person is looking for; empty: not looking'),
    workHistory: z.array(workHistoryEntry).max(20).default([]).describe('Work abroad and at home; `abroad` is derived from the country'),
    skills: z
      .array(z.object({ code: z.enum(skillCodes), level: z.enum(skillLevels) }))
      .max(skillCodes.length)
      .default([])
      .describe('Each skill at most once (`duplicate` on skills.<i>.code)'),
    languages: codeList(personLanguages, 20).default([]),
    education: z.enum(educationLevels).nullish().transform((s) => s ?? null),
    certificates: z
      .array(
        z.object({
          code: z.enum(certificateCodes),
          country: countryCode.nullish().transform((s) => s ?? null).describe('Where it was earned when abroad (`unknown_country`)'),
          year: z.number().int().min(1950).max(2100).nullish().transform((s) => s ?? null).describe('Not in the future (`in_future`)'),
        }),
      )
      .max(20)
      .default([]),
    preferredSectors: codeList(isicCodes, 10).default([]),
    preferredAreaCodes: z
      .array(z.string().trim().max(20))
      .max(10)
      .default([])
      .transform((v) => [...new Set(v)])
      .describe('Kemendagri codes (province, regency or district) where the person would work (`unknown_area`)'),
    willingToRelocate: z.boolean().default(false),
    constraints: codeList(workConstraints, workConstraints.length).default([]),
    constraintsNote: optionalText(2000).describe('What the constraints mean in practice; stored encrypted, never shared'),
    availableFrom: z.iso.date().nullish().transform((s) => s ?? null),
    notes: optionalText(4000).describe('Stored encrypted, never shared'),
  })
  .meta({ id: 'SkillsProfileWrite' });
export type SkillsProfileWrite = z.infer<typeof skillsProfileWrite>;

export const skillsProfileSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    seeking: z.array(z.enum(seekingKinds)),
    workHistory: z.array(
      z.object({ country: z.string(), sector: z.string().nullable(), occupation: z.string().nullable(), years: z.number(), abroad: z.boolean() }),
    ),
    skills: z.array(z.object({ code: z.string(), level: z.enum(skillLevels) })),
    languages: z.array(z.string()),
    education: z.enum(educationLevels).nullable(),
    certificates: z.array(z.object({ code: z.string(), country: z.string().nullable(), year: z.number().int().nullable() })),
    preferredSectors: z.array(z.string()),
    preferredAreaCodes: z.array(z.string()),
    preferredAreas: z.array(z.object({ code: z.string(), name: z.string() })).describe('The preferred areas with their names'),
    willingToRelocate: z.boolean(),
    constraints: z.array(z.enum(workConstraints)),
    constraintsNote: z.string().nullable(),
    availableFrom: dayOut.nullable(),
    incomeSince: dayOut.nullable().describe('The first day of an income after return (set by the first placement)'),
    notes: z.string().nullable(),
    updatedBy: userRef.nullable(),
    updatedAt: z.date(),
    createdAt: z.date(),
    version: z.number().int(),
    canUpdate: z.boolean().describe('Whether the caller may change it now (case.update, case not closed)'),
  })
  .meta({ id: 'SkillsProfile' });
export type SkillsProfileOut = z.infer<typeof skillsProfileSchema>;

export const skillsProfileEnvelope = z.object({ profile: skillsProfileSchema.nullable() }).meta({ id: 'SkillsProfileEnvelope' });
