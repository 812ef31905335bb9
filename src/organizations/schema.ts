import { z } from 'zod';
import { partnerKinds } from '../employment/vocabulary.js';

export const organizationTypes = ['ministry', 'local_government', 'ngo', 'international', 'private_sector', 'community'] as const;
export const organizationLevels = ['national', 'province', 'regency'] as const;

export const organizationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    acronym: z.string().nullable(),
    type: z.enum(organizationTypes),
    level: z.enum(organizationLevels),
    areaCode: z.string().nullable(),
    areaName: z.string().nullable(),
    parentId: z.uuid().nullable(),
    parentName: z.string().nullable(),
    /** Public profile, published in the service directory. */
    description: z.string().nullable(),
    website: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable().describe('E.164'),
    surveyMonths: z
      .array(z.number().int())
      .nullable()
      .describe('Months after arrival when sustainability surveys fall due for its cases; null: the default 3, 6 and 12'),
    partnerKind: z.enum(partnerKinds).nullable().describe('Private-sector partners only: what kind of partner'),
    suspended: z.boolean().describe('A suspended partner: its users can do nothing employment-related and its openings leave matching'),
    suspendedAt: z.date().nullable(),
    suspendedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable().describe('Holders of partner.suspend only'),
    suspensionNote: z.string().nullable().describe('Why it was suspended; holders of partner.suspend only, and only on GET /organizations/{id} and the suspension answers'),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Organization' });
export type OrganizationOut = z.infer<typeof organizationSchema>;

const fields = {
  name: z.string().trim().min(2, 'Enter the organisation name.').max(200),
  acronym: z.string().trim().max(30).nullish(),
  type: z.enum(organizationTypes),
  level: z.enum(organizationLevels),
  areaCode: z
    .string()
    .trim()
    .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'Use a Kemendagri area code such as 33 or 33.01.')
    .nullish(),
  parentId: z.uuid().nullish(),
  // Public profile for the service directory.
  description: z.string().trim().max(4000).nullish(),
  website: z.string().trim().max(500).nullish().describe('http or https (`invalid_url`)'),
  email: z.email().max(200).nullish(),
  phone: z.string().trim().max(30).nullish().describe('E.164, or an Indonesian number as typed (08…); stored as E.164 (`invalid_phone`)'),
  partnerKind: z
    .enum(partnerKinds)
    .nullish()
    .describe('Private-sector partners (type private_sector) only: employer, recruitment_agency, vocational_school, business_development; otherwise 400 `not_allowed`'),
  surveyMonths: z
    .array(z.number().int())
    .max(20)
    .nullish()
    .describe(
      'Months after arrival when sustainability surveys fall due (1–120, whole, distinct, at most 6; stored in order); null for the default 3, 6 and 12. ' +
        'Field codes: too_short, too_long, out_of_range, duplicate. Applies to arrivals recorded from then on.',
    ),
};

export const organizationCreate = z.object(fields).meta({ id: 'OrganizationCreate' });
export const organizationUpdate = z
  .object({ ...fields, version: z.number().int().min(1) })
  .partial()
  .required({ version: true })
  .meta({ id: 'OrganizationUpdate' });

export const organizationQuery = z.object({
  q: z.string().trim().max(100).optional(),
  type: z.enum(organizationTypes).optional(),
  level: z.enum(organizationLevels).optional(),
  active: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const suspensionCreate = z
  .object({
    note: z.string().trim().min(1).max(2000).describe('Why the partner is suspended; stored encrypted, shown to system administrators'),
    version: z.number().int().min(1).optional().describe('The organisation version it was based on; stale: 409 version_conflict'),
  })
  .meta({ id: 'PartnerSuspension' });
export const suspensionDelete = z
  .object({ version: z.number().int().min(1).optional().describe('The organisation version it was based on; stale: 409 version_conflict') })
  .nullish();
