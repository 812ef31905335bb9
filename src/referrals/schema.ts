// Request and response shapes of referrals. Response schemas strip what they do not declare, so
// ciphertext columns, the case ID (for the receiver) and anything else of the case can never
// leak by accident: the service fills only what the caller's side may see.
import { z } from 'zod';
import { needDimensions, needSeverities, needTypes } from '../cases/needs.js';
import { organizationTypes } from '../organizations/schema.js';
import { sharedSkillsProfileSchema } from '../employment/profiles/shared.js';
import {
  ageBands,
  contactPreferences,
  declineReasons,
  ineligibilityDetails,
  letterLanguages,
  outcomes,
  overrideReasons,
  referralBoxes,
  referralFieldCodes,
  referralStatuses,
  referralStatusFilters,
  suggestionReasonCodes,
  urgencies,
  type ReferralField,
} from './vocabulary.js';
import { optionalText } from '../platform/http/text.js';

const codes = <T extends { code: string }>(list: readonly T[]) => list.map((x) => x.code) as [T['code'], ...T['code'][]];
const needTypeCodes = codes(needTypes);
const version = z.number().int().min(1);
export const referralField = z.enum(referralFieldCodes as [ReferralField, ...ReferralField[]]).meta({ id: 'ReferralField' });
const referralStatus = z.enum(referralStatuses).meta({ id: 'ReferralStatus' });

// ---------------------------------------------------------------------------------------------
// Parameters and queries

export const caseParam = z.object({ id: z.uuid() });
export const referralParam = z.object({ id: z.uuid() });

export const referralOptionsQuery = z.object({ organizationId: z.uuid(), serviceId: z.uuid().optional() });
export const suggestionsQuery = z.object({ needId: z.uuid() });
export const letterQuery = z.object({ lang: z.enum(letterLanguages).default('id') });
export const referralListQuery = z.object({
  box: z.enum(referralBoxes).optional().describe('Default: incoming for those who receive referrals, else outgoing'),
  status: z.enum(referralStatusFilters).default('open'),
  q: z.string().trim().max(40).optional().describe('A case reference prefix (PUL-2026-00…)'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type ReferralListQuery = z.infer<typeof referralListQuery>;

// ---------------------------------------------------------------------------------------------
// Writes

export const referralCreate = z
  .object({
    organizationId: z.uuid().describe('The receiving organisation: another active organisation'),
    serviceId: z.uuid().nullish().describe('One of its active services (optional: the organisation itself)'),
    needIds: z
      .array(z.uuid())
      .min(1)
      .max(30)
      .transform((a) => [...new Set(a)])
      .describe('Open needs of the case this referral addresses'),
    urgency: z.enum(urgencies),
    respondBy: z.iso.datetime({ offset: true }).nullish().describe('Default: now plus the hours of the urgency; must be in the future'),
    message: optionalText(4000).describe('To the receiving organisation; stored encrypted'),
    contactPreference: z.enum(contactPreferences),
    sharedFields: z
      .array(referralField)
      .max(referralFieldCodes.length)
      .default([])
      .transform((a) => [...new Set(a)])
      .describe('What the receiver may see of the person; each must be allowed by the active referral_sharing consent'),
    override: z
      .object({
        reason: z.enum(overrideReasons),
        justification: z.string().trim().min(1).max(4000).describe('Stored encrypted; shown to the sending side only'),
      })
      .nullish()
      .describe('Supervisors only (referral.override), and only when there is no active consent'),
  })
  .meta({ id: 'ReferralCreate' });
export type ReferralCreate = z.infer<typeof referralCreate>;

export const referralTransition = z
  .object({
    to: referralStatus,
    version,
    reason: z.enum(declineReasons).nullish().describe('Required to decline'),
    outcome: z.enum(outcomes).nullish().describe('Required to complete'),
    note: optionalText(4000).describe('Stored encrypted; required when declining for reason `other`'),
  })
  .meta({ id: 'ReferralTransition' });
export type ReferralTransitionInput = z.infer<typeof referralTransition>;

export const referralReview = z
  .object({ version, note: z.string().trim().min(1).max(4000).describe('Stored encrypted; shown to the sending side only') })
  .meta({ id: 'ReferralReview' });
export type ReferralReviewInput = z.infer<typeof referralReview>;

// ---------------------------------------------------------------------------------------------
// Responses

const userRef = z.object({ id: z.uuid(), displayName: z.string() });
const orgRef = z.object({ id: z.uuid(), name: z.string() });

export const referralNeed = z
  .object({
    id: z.uuid(),
    type: z.enum(needTypeCodes),
    dimension: z.enum(codes(needDimensions)),
    severity: z.enum(codes(needSeverities)).nullable().describe("Only when the 'needs' field is visible, or for the sender"),
    description: z.string().nullable().describe("Only when the 'needs' field is visible, or for the sender"),
  })
  .meta({ id: 'ReferralNeed' });

export const referralPerson = z
  .object({
    firstName: z.string().nullable().optional(),
    fullName: z.string().nullable().optional(),
    sex: z.string().nullable().optional(),
    ageBand: z.enum(ageBands).nullable().optional(),
    birthDate: z.string().nullable().optional().describe('YYYY-MM-DD when exact; YYYY when only the year is known or estimated'),
    languages: z.array(z.string()).optional(),
    phones: z.array(z.string()).optional(),
    homeArea: z
      .object({
        code: z.string(),
        province: z.string().nullable(),
        regency: z.string().nullable(),
        district: z.string().nullable(),
        village: z.string().nullable(),
      })
      .nullable()
      .optional(),
    homeAddress: z.string().nullable().optional(),
    identityDocuments: z.array(z.object({ type: z.string(), number: z.string() })).optional(),
    disabilities: z.array(z.string()).optional(),
    screening: z.object({ exploitationTypes: z.array(z.string()), determination: z.string().nullable() }).nullable().optional(),
    caseSummary: z.string().nullable().optional(),
    skillsProfile: sharedSkillsProfileSchema.nullable().optional().describe('The work-related part of the skills profile; null when the case has none'),
  })
  .meta({ id: 'ReferralPerson', description: 'Only the visible fields are present; a visible field with nothing recorded is null' });
export type ReferralPerson = z.infer<typeof referralPerson>;

export const referralEventSchema = z
  .object({
    id: z.uuid(),
    fromStatus: referralStatus.nullable(),
    toStatus: referralStatus,
    by: userRef.nullable(),
    organization: orgRef.nullable(),
    reason: z.string().nullable().describe('A decline reason, an outcome, an override reason (on sending) or `reviewed`'),
    note: z.string().nullable(),
    at: z.date(),
  })
  .meta({ id: 'ReferralEvent' });

const referralFields = {
  id: z.uuid(),
  side: z.enum(['sender', 'receiver']),
  caseId: z.uuid().nullable().describe('Sender only'),
  caseReference: z.string(),
  from: orgRef,
  to: orgRef.extend({ type: z.enum(organizationTypes) }),
  service: orgRef.nullable(),
  needs: z.array(referralNeed),
  urgency: z.enum(urgencies),
  respondBy: z.date(),
  overdue: z.boolean().describe('Still waiting for an answer after respondBy'),
  message: z.string().nullable(),
  contactPreference: z.enum(contactPreferences),
  status: referralStatus,
  declineReason: z.enum(declineReasons).nullable(),
  outcome: z.enum(outcomes).nullable(),
  allowedTransitions: z.array(referralStatus).describe('Moves this caller may make now'),
  sharedFields: z.array(referralField).describe('Chosen at sending'),
  visibleFields: z.array(referralField).describe('What the receiver sees now: after a consent withdrawal and the grace period'),
  accessUntil: z.date().nullable().describe("When the receiver's view of the person ends; null while open"),
  consent: z.object({ id: z.uuid(), active: z.boolean() }).nullable().describe('The consent it was sent under; active: a consent allows sharing with the recipient now'),
  consentPurpose: z
    .enum(['referral_sharing', 'job_matching'])
    .optional()
    .describe('The consent purpose that governs what the receiver sees: job_matching for a candidacy (a person put forward to an employer)'),
  candidacyId: z.uuid().nullable().optional().describe('The candidacy this referral carries (answered through /candidacies, never as an ordinary referral); null for an ordinary referral'),
  override: z
    .object({
      reason: z.enum(overrideReasons),
      justification: z.string().nullable().describe('Sender only'),
      by: userRef.nullable(),
      reviewedAt: z.date().nullable(),
      reviewedBy: userRef.nullable(),
      reviewNote: z.string().nullable().describe('Sender only'),
    })
    .nullable(),
  sentBy: userRef.nullable(),
  sentAt: z.date(),
  answeredAt: z.date().nullable(),
  endedAt: z.date().nullable(),
  version: z.number().int(),
};

export const referralListItemSchema = z.object(referralFields).meta({ id: 'ReferralListItem' });
export type ReferralListItem = z.infer<typeof referralListItemSchema>;
export const referralSchema = z
  .object({ ...referralFields, person: referralPerson, events: z.array(referralEventSchema).optional().describe('GET one only') })
  .meta({ id: 'Referral' });
export type ReferralOut = z.infer<typeof referralSchema>;

export const referralListSchema = z.object({ items: z.array(referralListItemSchema), total: z.number().int() }).meta({ id: 'ReferralList' });
export const caseReferralsSchema = z.object({ items: z.array(referralSchema) }).meta({ id: 'CaseReferrals' });

export const referralCountsSchema = z
  .object({
    incoming: z
      .object({ awaiting: z.number().int(), overdue: z.number().int(), inProgress: z.number().int(), total: z.number().int() })
      .nullable()
      .describe('awaiting includes the overdue; inProgress: accepted or in progress; total: open. Null without an inbox'),
    outgoing: z
      .object({ awaiting: z.number().int(), overdue: z.number().int(), inProgress: z.number().int(), review: z.number().int() })
      .nullable()
      .describe('Of the cases the caller reaches; review: overrides not yet reviewed (0 without referral.review). Null without case access'),
  })
  .meta({ id: 'ReferralCounts' });
export type ReferralCounts = z.infer<typeof referralCountsSchema>;

export const referralOptionsSchema = z
  .object({
    recipient: orgRef.extend({ type: z.enum(organizationTypes) }),
    service: orgRef.nullable(),
    consent: z.object({ id: z.uuid(), sharedFields: z.array(z.string()), givenAt: z.date() }).nullable(),
    allowedFields: z.array(referralField).describe('Allowed by the consent; every field for an override holder when there is no consent'),
    defaultFields: z.array(referralField).describe('The minimum, as far as allowed'),
    canOverride: z.boolean().describe('No active consent, and the caller may send under an override'),
    needs: z.array(z.object({ id: z.uuid(), type: z.enum(needTypeCodes), dimension: z.enum(codes(needDimensions)), severity: z.enum(codes(needSeverities)) })),
    responseHours: z.object({ emergency: z.number(), urgent: z.number(), routine: z.number() }),
  })
  .meta({ id: 'ReferralOptions' });
export type ReferralOptions = z.infer<typeof referralOptionsSchema>;

export const suggestionReason = z
  .object({ code: z.enum(suggestionReasonCodes), detail: z.string().optional() })
  .meta({ id: 'SuggestionReason', description: `not_eligible details: ${ineligibilityDetails.join(', ')}` });
export const serviceSuggestionsSchema = z
  .object({
    need: z.object({ id: z.uuid(), type: z.enum(needTypeCodes) }),
    items: z.array(
      z.object({
        service: z.object({
          id: z.uuid(),
          name: z.string(),
          organization: orgRef.extend({ type: z.enum(organizationTypes) }),
          termCodes: z.array(z.string()),
          languages: z.array(z.string()),
        }),
        score: z.number().min(0).max(1),
        reasons: z.array(suggestionReason).describe('serves_need first, then by the weight of the component'),
        capacity: z.object({ free: z.number().int().nullable(), total: z.number().int().nullable(), maxOpenReferrals: z.number().int().nullable(), openReferrals: z.number().int().nullable().describe('Counted where the service limits its open referrals') }).nullable(),
        acceptanceRate: z.number().nullable(),
        meanResponseHours: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'ServiceSuggestions' });
export type ServiceSuggestions = z.infer<typeof serviceSuggestionsSchema>;
