// What the directory API takes and gives: services (the management view, capacity included) and
// locations. Shape checks are here; checks that need the database or cross fields (unknown terms
// and areas, phone numbers, ages, hours, locations of another organisation, capacity) are made by
// the service and reported under the same field names.
import { z } from 'zod';
import { caseTypes } from '../cases/priority.js';
import { directions } from '../cases/schema.js';
import { organizationTypes } from '../organizations/schema.js';
import { costKinds, eligibleSexes, phoneKinds, requiredDocumentCodes, serviceLanguages, serviceStatuses } from './vocabulary.js';

export const idParam = z.object({ id: z.uuid() });

/**
 * A list of codes from a closed list. An unknown code is reported on the list itself (`invalid_choice`
 * on e.g. `languages`), so the form can mark the field. Repeats are dropped.
 */
const codeList = <const T extends readonly [string, ...string[]]>(codes: T) =>
  z
    .array(z.string().max(80))
    .max(codes.length * 2)
    .superRefine((v, c) => {
      if (v.some((x) => !(codes as readonly string[]).includes(x)))
        c.addIssue({ code: 'invalid_value', values: [...codes], input: v, message: 'Choose from the list.' });
    })
    .transform((v) => [...new Set(v)])
    .meta({ items: { type: 'string', enum: [...codes] } }) as unknown as z.ZodType<T[number][], string[]>;

const optText = (max: number) => z.string().trim().max(max).nullish();
const version = z.number().int().min(1);
const count = z.number().int().min(0).max(1_000_000);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, such as 08:00.');
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

// ---------------------------------------------------------------------------------------------
// Services: input

const eligibilityInput = z.object({
  sexes: codeList(eligibleSexes).default([]),
  minAge: z.number().int().min(0).max(120).nullish(),
  maxAge: z.number().int().min(0).max(120).nullish(),
  caseTypes: codeList(caseTypes).default([]),
  directions: codeList(directions).default([]),
  note: optText(1000),
});

const costInput = z.object({ kind: z.enum(costKinds).default('free'), note: optText(500) });

const hoursInput = z
  .array(
    z.object({
      days: z.array(z.number().int().min(1).max(7)).min(1).max(7).describe('ISO weekdays, 1 = Monday'),
      opens: hhmm,
      closes: hhmm.describe('after opens'),
    }),
  )
  .max(14);

const phoneInput = z.object({
  number: z.string().trim().min(1).max(30).describe('E.164, or an Indonesian number as typed (08…); stored as E.164 (`invalid_phone`)'),
  kind: z.enum(phoneKinds).default('voice'),
  description: optText(200),
});

const contactInput = z.object({
  name: z.string().trim().min(1).max(120),
  title: optText(120),
  email: z.email().max(200).nullish(),
  phone: z.string().trim().max(30).nullish().describe('stored as E.164 (`invalid_phone`)'),
});

const capacityInput = z.object({
  total: count.nullish().describe('places in total'),
  free: count.nullish().describe('free places, at most total (`above_total`)'),
  maxOpenReferrals: count.nullish().describe('a limit of open referrals instead of places'),
});

const serviceFields = {
  name: z.string().trim().min(2).max(200),
  alternateName: optText(200),
  description: z.string().trim().max(4000),
  url: z.string().trim().max(500).nullish().describe('http or https (`invalid_url`)'),
  email: z.email().max(200).nullish(),
  status: z.enum(serviceStatuses),
  termCodes: z.array(z.string().trim().max(60)).min(1).max(30).describe('taxonomy term codes (not groups): `unknown_term`, `term_is_group`'),
  languages: codeList(serviceLanguages),
  eligibility: eligibilityInput.describe('replaced as a whole when sent'),
  cost: costInput,
  hours: hoursInput,
  hoursNote: optText(500),
  phones: z.array(phoneInput).max(10),
  contacts: z.array(contactInput).max(10),
  nationwide: z.boolean(),
  areaCodes: z
    .array(z.string().trim().max(20))
    .max(200)
    .describe('Kemendagri province, regency or district codes (`unknown_area`; a village: `area_too_detailed`); empty when nationwide'),
  requiredDocuments: codeList(requiredDocumentCodes),
  requiredDocumentsNote: optText(1000),
  capacity: capacityInput,
  locationIds: z.array(z.uuid()).max(50).describe("the organisation's own locations (`unknown_location`)"),
};

export const serviceCreate = z
  .object({
    organizationId: z.uuid().optional().describe("defaults to the caller's organisation"),
    ...serviceFields,
    description: serviceFields.description.default(''),
    status: serviceFields.status.default('active'),
    languages: serviceFields.languages.default([]),
    eligibility: serviceFields.eligibility.prefault({}),
    cost: serviceFields.cost.prefault({}),
    hours: serviceFields.hours.default([]),
    phones: serviceFields.phones.default([]),
    contacts: serviceFields.contacts.default([]),
    nationwide: serviceFields.nationwide.default(false),
    areaCodes: serviceFields.areaCodes.default([]),
    requiredDocuments: serviceFields.requiredDocuments.default([]),
    capacity: serviceFields.capacity.optional(),
    locationIds: serviceFields.locationIds.default([]),
  })
  .meta({ id: 'ServiceCreate' });
export type ServiceCreate = z.infer<typeof serviceCreate>;

export const serviceUpdate = z
  .object({ ...serviceFields, version })
  .partial()
  .required({ version: true })
  .meta({ id: 'ServiceUpdate' });
export type ServiceUpdate = z.infer<typeof serviceUpdate>;

export const serviceConfirm = z.object({ version }).meta({ id: 'ServiceConfirm' });

export const capacityUpdate = z
  .object({
    version,
    total: count.nullish(),
    free: count.nullish(),
    maxOpenReferrals: count.nullish(),
  })
  .meta({ id: 'ServiceCapacityUpdate' });
export type CapacityUpdate = z.infer<typeof capacityUpdate>;

export const serviceQuery = z.object({
  organizationId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  termCode: z.string().trim().max(60).optional(),
  status: z.enum(serviceStatuses).optional(),
  ...page,
});

// ---------------------------------------------------------------------------------------------
// Services: output

const at = z.date();
const userRef = z.object({ id: z.uuid(), displayName: z.string() });

export const serviceLocationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    address: z.string(),
    areaCode: z.string(),
    areaName: z.string().nullable(),
    regencyName: z.string().nullable(),
    provinceName: z.string().nullable(),
    postalCode: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    transportation: z.string().nullable(),
    accessibility: z.string().nullable(),
  })
  .meta({ id: 'ServiceLocation' });

export const serviceSchema = z
  .object({
    id: z.uuid(),
    organization: z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable(), type: z.enum(organizationTypes) }),
    name: z.string(),
    alternateName: z.string().nullable(),
    description: z.string(),
    url: z.string().nullable(),
    email: z.string().nullable(),
    status: z.enum(serviceStatuses),
    termCodes: z.array(z.string()),
    languages: z.array(z.string()),
    eligibility: z.object({
      sexes: z.array(z.enum(eligibleSexes)),
      minAge: z.number().int().nullable(),
      maxAge: z.number().int().nullable(),
      caseTypes: z.array(z.string()),
      directions: z.array(z.enum(directions)),
      note: z.string().nullable(),
    }),
    cost: z.object({ kind: z.enum(costKinds), note: z.string().nullable() }),
    hours: z.array(z.object({ days: z.array(z.number().int()), opens: z.string(), closes: z.string() })),
    hoursNote: z.string().nullable(),
    phones: z.array(z.object({ number: z.string(), kind: z.enum(phoneKinds), description: z.string().nullable() })),
    contacts: z.array(z.object({ name: z.string(), title: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() })),
    serviceArea: z.object({ nationwide: z.boolean(), areas: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })) }),
    requiredDocuments: z.array(z.string()),
    requiredDocumentsNote: z.string().nullable(),
    capacity: z.object({
      total: z.number().int().nullable(),
      free: z.number().int().nullable(),
      maxOpenReferrals: z.number().int().nullable(),
      openReferrals: z.number().int(),
      updatedAt: at.nullable(),
    }),
    locations: z.array(serviceLocationSchema),
    lastConfirmedAt: at,
    lastConfirmedBy: userRef.nullable(),
    version: z.number().int(),
    createdAt: at,
    updatedAt: at,
  })
  .meta({ id: 'Service' });
export type ServiceOut = z.infer<typeof serviceSchema>;

export const servicePage = z.object({ items: z.array(serviceSchema), total: z.number().int() });

// ---------------------------------------------------------------------------------------------
// Locations

const locationFields = {
  name: z.string().trim().min(2).max(200),
  description: optText(1000),
  address: z.string().trim().min(3).max(500),
  areaCode: z.string().trim().max(20).describe('Kemendagri village or district code (`unknown_area`; a province or regency: `area_too_broad`)'),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'Use the five-digit postal code.')
    .nullish(),
  latitude: z.number().min(-90).max(90).nullish().describe('with longitude, or neither'),
  longitude: z.number().min(-180).max(180).nullish(),
  transportation: optText(1000).describe('how to get there: public transport, landmarks'),
  accessibility: optText(1000),
};

export const locationCreate = z
  .object({ organizationId: z.uuid().optional().describe("defaults to the caller's organisation"), ...locationFields })
  .meta({ id: 'LocationCreate' });
export type LocationCreate = z.infer<typeof locationCreate>;

export const locationUpdate = z
  .object({ ...locationFields, version })
  .partial()
  .required({ version: true })
  .meta({ id: 'LocationUpdate' });
export type LocationUpdate = z.infer<typeof locationUpdate>;

export const locationQuery = z.object({
  organizationId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  ...page,
});

export const locationSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    address: z.string(),
    areaCode: z.string(),
    areaName: z.string().nullable(),
    districtName: z.string().nullable(),
    regencyName: z.string().nullable(),
    provinceName: z.string().nullable(),
    postalCode: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    transportation: z.string().nullable(),
    accessibility: z.string().nullable(),
    services: z.array(z.object({ id: z.uuid(), name: z.string() })),
    version: z.number().int(),
    createdAt: at,
    updatedAt: at,
  })
  .meta({ id: 'Location' });
export type LocationOut = z.infer<typeof locationSchema>;

export const locationPage = z.object({ items: z.array(locationSchema), total: z.number().int() });
