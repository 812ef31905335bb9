// Request and response shapes of return journeys and the returns-due list. Response schemas strip
// what they do not declare, so ciphertext columns never leak by accident: the service decrypts only
// what the caller may see.
import { z } from 'zod';
import { ageBands } from '../referrals/vocabulary.js';
import { entryKinds } from './points-of-entry.js';
import {
  directions,
  documentKinds,
  documentStatuses,
  dueDays,
  escortKinds,
  handoverItems,
  journeyStatuses,
  legSegments,
  medicalClearances,
  milestones,
  travelModes,
} from './vocabulary.js';
import { optionalText } from '../platform/http/text.js';

const version = z.number().int().min(1);
const moment = z.iso.datetime({ offset: true });
const day = z.iso.date('Use a date in the form YYYY-MM-DD.');
const countryCode = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Use an ISO 3166-1 alpha-2 country code such as MY.');
/** Optional text: empty means none. */
const place = z.string().trim().min(1).max(200);

export const journeyStatus = z.enum(journeyStatuses).meta({ id: 'JourneyStatus' });
export const journeyMilestone = z.enum(milestones).meta({ id: 'JourneyMilestone' });

// ---------------------------------------------------------------------------------------------
// Parameters and queries

export const caseParam = z.object({ id: z.uuid() });
export const journeyParam = z.object({ id: z.uuid() });

export const returnsDueQuery = z.object({
  days: z.coerce.number().int().min(dueDays.min).max(dueDays.max).default(dueDays.default).describe('How many days ahead (1–30); arrivals from 24 hours ago are included'),
  pointCode: z.string().trim().toUpperCase().max(10).optional().describe('Only this point of entry (returns/points-of-entry.ts code, such as SUB)'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type ReturnsDueQuery = z.infer<typeof returnsDueQuery>;

// ---------------------------------------------------------------------------------------------
// Writes

export const journeyDocumentInput = z
  .object({
    kind: z.enum(documentKinds).describe('passport, splp (Surat Perjalanan Laksana Paspor, the emergency travel document), exit_permit, visa, laissez_passer, other'),
    status: z.enum(documentStatuses),
    number: optionalText(60).describe('Stored encrypted'),
    issuer: optionalText(200).describe('Such as KBRI Kuala Lumpur'),
    issuedOn: day.nullish().transform((s) => s ?? null).describe('Not in the future'),
    expiresOn: day.nullish().transform((s) => s ?? null).describe('After issuedOn'),
  })
  .meta({ id: 'JourneyDocumentEntry' });
export type JourneyDocumentInput = z.infer<typeof journeyDocumentInput>;

export const journeyLegInput = z
  .object({
    segment: z.enum(legSegments).describe("return: to the point of entry (or, outbound, to the country of origin); onward: from the point of entry to the home village (inbound only, after the return legs)"),
    mode: z.enum(travelModes),
    fromPlace: place,
    fromCountryCode: countryCode.nullish().transform((s) => s ?? null),
    toPlace: place,
    toCountryCode: countryCode.nullish().transform((s) => s ?? null),
    departAt: moment.nullish().transform((s) => s ?? null),
    arriveAt: moment.nullish().transform((s) => s ?? null).describe('After departAt'),
    carrier: optionalText(120).describe('Airline, shipping line or bus company'),
    flightNumber: optionalText(40).describe('Flight or voyage number; stored encrypted'),
    bookingCode: optionalText(40).describe('Stored encrypted; never shown outside the case'),
  })
  .meta({ id: 'JourneyLegEntry' });
export type JourneyLegInput = z.infer<typeof journeyLegInput>;

/** The plan of a journey. Every field is optional in an update (absent: unchanged; null: cleared). */
const planFields = {
  medicalClearance: z.enum(medicalClearances),
  medicalNote: optionalText(4000).describe('Stored encrypted'),
  escort: z.enum(escortKinds),
  escortName: optionalText(200).describe('Stored encrypted'),
  pocketMoneyIdr: z.number().int().min(0).max(1_000_000_000).nullish().transform((n) => n ?? null).describe('Rupiah, a whole non-negative number'),
  arrivalPointCode: z
    .string()
    .trim()
    .toUpperCase()
    .max(10)
    .nullish()
    .transform((s) => (s ? s : null))
    .describe('Inbound only: an Indonesian point of entry (GET /points-of-entry); unknown: `unknown_point_of_entry`'),
  expectedArrivalAt: moment.nullish().transform((s) => s ?? null).describe('Inbound only'),
  receptionOrganizationId: z.uuid().nullish().transform((s) => s ?? null).describe('Inbound only: an active organisation whose team meets the person; it sees the journey in its returns-due list'),
  handoverCountryCode: countryCode.nullish().transform((s) => s ?? null).describe('Outbound only: the country of origin'),
  handoverOrganizationName: optionalText(200).describe('Outbound only: the receiving organisation there'),
  handoverContact: optionalText(400).describe('Outbound only; stored encrypted'),
  handoverItems: z
    .array(z.enum(handoverItems))
    .max(handoverItems.length)
    .transform((a) => [...new Set(a)])
    .describe('Outbound only: what is sent with the person'),
  handoverNote: optionalText(4000).describe('Outbound only; stored encrypted'),
  notes: optionalText(4000).describe('Stored encrypted'),
  documents: z.array(journeyDocumentInput).max(20).describe('The whole list: replaces the documents'),
  legs: z.array(journeyLegInput).max(20).describe('The whole list, in travel order: replaces the legs'),
};

export const journeyCreate = z
  .object({
    ...planFields,
    medicalClearance: planFields.medicalClearance.default('pending'),
    escort: planFields.escort.default('none'),
    handoverItems: planFields.handoverItems.default([]),
    documents: planFields.documents.default([]),
    legs: planFields.legs.default([]),
  })
  .meta({ id: 'JourneyCreate' });
export type JourneyCreate = z.infer<typeof journeyCreate>;

export const journeyUpdate = z
  .object({
    version,
    medicalClearance: planFields.medicalClearance.optional(),
    medicalNote: planFields.medicalNote.optional(),
    escort: planFields.escort.optional(),
    escortName: planFields.escortName.optional(),
    pocketMoneyIdr: planFields.pocketMoneyIdr.optional(),
    arrivalPointCode: planFields.arrivalPointCode.optional(),
    expectedArrivalAt: planFields.expectedArrivalAt.optional(),
    receptionOrganizationId: planFields.receptionOrganizationId.optional(),
    handoverCountryCode: planFields.handoverCountryCode.optional(),
    handoverOrganizationName: planFields.handoverOrganizationName.optional(),
    handoverContact: planFields.handoverContact.optional(),
    handoverItems: planFields.handoverItems.optional(),
    handoverNote: planFields.handoverNote.optional(),
    notes: planFields.notes.optional(),
    documents: planFields.documents.optional(),
    legs: planFields.legs.optional(),
  })
  .meta({ id: 'JourneyUpdate', description: 'Absent fields stay as they are; null clears. A cancelled journey cannot be changed (409 `journey_cancelled`).' });
export type JourneyUpdate = z.infer<typeof journeyUpdate>;

export const milestoneInput = z
  .object({
    milestone: journeyMilestone,
    happenedAt: moment.describe('When it happened: not in the future, not before the previous milestone'),
    version,
    note: optionalText(4000).describe('Stored encrypted; required to cancel'),
    // arrived (inbound)
    arrivalPointCode: planFields.arrivalPointCode.optional().describe('arrived: where the person arrived (required unless already planned)'),
    receptionOrganizationId: planFields.receptionOrganizationId.optional().describe('arrived: the organisation that received the person'),
    receivedBy: optionalText(200).optional().describe('arrived, required: who received the person; stored encrypted'),
    // handed_over (outbound)
    handoverCountryCode: planFields.handoverCountryCode.optional().describe('handed_over: required unless already planned'),
    handoverOrganizationName: planFields.handoverOrganizationName.optional().describe('handed_over: required unless already planned'),
    handoverContact: planFields.handoverContact.optional(),
    handoverItems: planFields.handoverItems.optional().describe('handed_over: what was sent, at least one (unless already planned)'),
    handoverNote: planFields.handoverNote.optional(),
  })
  .meta({ id: 'JourneyMilestoneStep' });
export type MilestoneInput = z.infer<typeof milestoneInput>;

// ---------------------------------------------------------------------------------------------
// Responses

const userRef = z.object({ id: z.uuid(), displayName: z.string() });
const orgRef = z.object({ id: z.uuid(), name: z.string() });
const dayOut = z.string().describe('YYYY-MM-DD');

export const pointOfEntrySchema = z
  .object({ code: z.string(), kind: z.enum(entryKinds), name: z.string(), areaCode: z.string() })
  .meta({ id: 'PointOfEntry' });

export const journeyDocumentSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(documentKinds),
    status: z.enum(documentStatuses),
    number: z.string().nullable(),
    issuer: z.string().nullable(),
    issuedOn: dayOut.nullable(),
    expiresOn: dayOut.nullable(),
  })
  .meta({ id: 'JourneyDocument' });

export const journeyLegSchema = z
  .object({
    id: z.uuid(),
    seq: z.number().int(),
    segment: z.enum(legSegments),
    mode: z.enum(travelModes),
    fromPlace: z.string(),
    fromCountryCode: z.string().nullable(),
    toPlace: z.string(),
    toCountryCode: z.string().nullable(),
    departAt: z.date().nullable(),
    arriveAt: z.date().nullable(),
    carrier: z.string().nullable(),
    flightNumber: z.string().nullable(),
    bookingCode: z.string().nullable(),
  })
  .meta({ id: 'JourneyLeg' });

export const journeyEventSchema = z
  .object({
    id: z.string(),
    milestone: journeyStatus,
    happenedAt: z.date(),
    note: z.string().nullable(),
    by: userRef.nullable(),
    at: z.date(),
  })
  .meta({ id: 'JourneyEvent' });

export const journeySchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    direction: z.enum(directions).describe("The case's direction"),
    status: journeyStatus,
    allowedMilestones: z.array(journeyMilestone).describe('Milestones this caller may record now (empty without case.update or on a closed case)'),
    documentsBlocking: z
      .array(z.string())
      .describe('What stops documents_ready now: `documents.<index>` for each document needed or applied for, and `medicalClearance` while pending or not fit'),
    medicalClearance: z.enum(medicalClearances),
    medicalNote: z.string().nullable(),
    escort: z.enum(escortKinds),
    escortName: z.string().nullable(),
    pocketMoneyIdr: z.number().int().nullable(),
    arrivalPoint: pointOfEntrySchema.nullable(),
    expectedArrivalAt: z.date().nullable(),
    receptionOrganization: orgRef.nullable(),
    receivedBy: z.string().nullable(),
    arrivedAt: z.date().nullable(),
    reachedHomeAt: z.date().nullable(),
    handoverCountryCode: z.string().nullable(),
    handoverOrganizationName: z.string().nullable(),
    handoverContact: z.string().nullable(),
    handoverItems: z.array(z.enum(handoverItems)),
    handoverNote: z.string().nullable(),
    handedOverAt: z.date().nullable(),
    notes: z.string().nullable(),
    documents: z.array(journeyDocumentSchema),
    legs: z.array(journeyLegSchema),
    events: z.array(journeyEventSchema).describe('Milestones in the order they were recorded'),
    createdBy: userRef.nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .meta({ id: 'Journey' });
export type JourneyOut = z.infer<typeof journeySchema>;

export const caseJourneysSchema = z.object({ items: z.array(journeySchema).describe('Newest first') }).meta({ id: 'CaseJourneys' });

export const returnDueItemSchema = z
  .object({
    journeyId: z.uuid(),
    caseReference: z.string(),
    caseId: z.uuid().nullable().describe('Only when the caller may open the case'),
    caseOrganization: orgRef.describe('The organisation that holds the case'),
    direction: z.enum(directions),
    status: journeyStatus,
    expectedArrivalAt: z.date().describe("The planned arrival time, else the arrival of the last 'return' leg"),
    arrivalPoint: pointOfEntrySchema.nullable(),
    receptionOrganization: orgRef.nullable(),
    lastReturnLeg: z
      .object({ mode: z.enum(travelModes), carrier: z.string().nullable(), flightNumber: z.string().nullable(), arriveAt: z.date().nullable() })
      .nullable(),
    escort: z.enum(escortKinds),
    medicalClearance: z.enum(medicalClearances),
    flags: z.array(z.enum(['child', 'urgent_medical'])),
    sex: z.string(),
    ageBand: z.enum(ageBands).nullable(),
    firstName: z
      .string()
      .nullable()
      .describe("Only for the case's own organisation, or when the person's referral_sharing consent for the reception organisation allows the name; never the full name"),
  })
  .meta({ id: 'ReturnDueItem' });
export type ReturnDueItem = z.infer<typeof returnDueItemSchema>;

export const returnsDueSchema = z
  .object({
    items: z.array(returnDueItemSchema).describe('By expected arrival'),
    total: z.number().int(),
    from: z.date().describe('The window: 24 hours ago…'),
    to: z.date().describe('…to `days` ahead'),
  })
  .meta({ id: 'ReturnsDue' });

export const pointsOfEntryListSchema = z.object({ items: z.array(pointOfEntrySchema) }).meta({ id: 'PointsOfEntry' });
