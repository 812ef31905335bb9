// Request and response shapes of candidacies. Response schemas strip what they do not declare:
// the partner's view is filled with the shared fields only, and the case ID, its reference, the
// referral and the match never reach the partner.
import { z } from 'zod';
import { optionalText } from '../../platform/http/text.js';
import { referralPerson } from '../../referrals/schema.js';
import { contactPreferences, referralFieldCodes, referralStatuses, type ReferralField } from '../../referrals/vocabulary.js';
import { placementSchema } from '../placements/schema.js';
import { candidacyRejectReasons, candidacyStatuses, openingKinds, openingStatuses } from '../vocabulary.js';
import { candidacyAnswers, candidacyFieldCodes, type CandidacyField } from './vocabulary.js';

const version = z.number().int().min(1);
const userRef = z.object({ id: z.uuid(), displayName: z.string() });
const orgRef = z.object({ id: z.uuid(), name: z.string() });
export const candidacyStatus = z.enum(candidacyStatuses).meta({ id: 'CandidacyStatus' });
const candidacyField = z.enum(candidacyFieldCodes as [CandidacyField, ...CandidacyField[]]).meta({ id: 'CandidacyField' });

export const caseParam = z.object({ id: z.uuid() });
export const candidacyParam = z.object({ id: z.uuid() });

export const candidacyListQuery = z.object({
  status: candidacyStatus.optional(),
  openingId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type CandidacyListQuery = z.infer<typeof candidacyListQuery>;

export const candidacyOptionsQuery = z.object({ openingId: z.uuid() });

export const candidacyOptionsSchema = z
  .object({
    opening: z.object({
      id: z.uuid(),
      title: z.string(),
      kind: z.enum(openingKinds),
      open: z.boolean().describe('Open for matching now: published, not past its closing date, its partner active and not suspended'),
      organization: orgRef.extend({ type: z.string() }),
    }),
    consent: z
      .object({ id: z.uuid(), sharedFields: z.array(z.string()), givenAt: z.date(), named: z.boolean().describe('Names the partner (else: its type)') })
      .nullable()
      .describe('The job_matching consent covering the partner now; null when none does'),
    allowedFields: z.array(candidacyField).describe('Allowed by the consent'),
    defaultFields: z.array(candidacyField).describe('first_name, sex, age_band, languages, skills_profile as far as allowed'),
    historyFields: z.array(candidacyField).describe('The trafficking history fields the consent allows: shared only when the person chose to'),
    profile: z.boolean().describe('The case has a skills profile'),
    kindSought: z.boolean().describe('The profile seeks this kind of opening'),
    standing: z.object({ id: z.uuid(), status: candidacyStatus }).nullable().describe('A candidacy of the case for this opening that still stands'),
  })
  .meta({ id: 'CandidacyOptions' });
export type CandidacyOptions = z.infer<typeof candidacyOptionsSchema>;

export const candidacyCreate = z
  .object({
    openingId: z.uuid().describe('A published opening or training place, open for matching'),
    sharedFields: z
      .array(candidacyField)
      .max(candidacyFieldCodes.length)
      .transform((a) => [...new Set(a)])
      .optional()
      .describe(
        'What the partner may see of the person; each must be allowed by the active job_matching consent. ' +
          'Default: first_name, sex, age_band, languages, skills_profile as far as the consent allows. ' +
          'screening and case_summary only with shareHistory.',
      ),
    shareHistory: z.boolean().default(false).describe('The person explicitly chose to share their trafficking history with this employer'),
    message: optionalText(4000).describe('To the partner; stored encrypted'),
    contactPreference: z.enum(contactPreferences).default('through_case_worker'),
  })
  .meta({ id: 'CandidacyCreate' });
export type CandidacyCreate = z.infer<typeof candidacyCreate>;

export const candidacyAnswer = z
  .object({
    to: z.enum(candidacyAnswers),
    version,
    interviewAt: z.iso.datetime({ offset: true }).nullish().describe('Required to invite to an interview'),
    reason: z.enum(candidacyRejectReasons).nullish().describe('Required to reject'),
    note: optionalText(4000).describe('Stored encrypted; required when rejecting for reason `other`'),
  })
  .meta({ id: 'CandidacyAnswer' });
export type CandidacyAnswerInput = z.infer<typeof candidacyAnswer>;

export const candidacyWithdraw = z
  .object({ version, note: optionalText(4000).describe('Stored encrypted') })
  .meta({ id: 'CandidacyWithdraw' });
export type CandidacyWithdrawInput = z.infer<typeof candidacyWithdraw>;

// ---------------------------------------------------------------------------------------------
// Responses

export const candidacyEventSchema = z
  .object({
    id: z.number().int(),
    fromStatus: candidacyStatus.nullable(),
    toStatus: candidacyStatus,
    reason: z.string().nullable().describe('A reject reason'),
    note: z.string().nullable(),
    by: userRef.nullable(),
    organization: orgRef.nullable(),
    at: z.date(),
  })
  .meta({ id: 'CandidacyEvent' });

const candidacyFields = {
  id: z.uuid(),
  side: z.enum(['sender', 'partner']).describe('sender: the case side; partner: the receiving partner'),
  caseId: z.uuid().nullable().describe('Sender only'),
  caseReference: z.string().nullable().describe('Sender only'),
  referral: z
    .object({ id: z.uuid(), status: z.enum(referralStatuses), version: z.number().int() })
    .nullable()
    .describe('Sender only: the referral that carries the candidacy'),
  opening: z.object({
    id: z.uuid(),
    title: z.string(),
    kind: z.enum(openingKinds),
    status: z.enum(openingStatuses),
    organization: orgRef,
    sector: z.string(),
    occupation: z.string(),
    areaCode: z.string().nullable(),
    remote: z.boolean(),
    closesOn: z.string().nullable(),
  }),
  from: orgRef.describe('The organisation that put the person forward'),
  partner: orgRef,
  status: candidacyStatus,
  rejectReason: z.enum(candidacyRejectReasons).nullable(),
  interviewAt: z.date().nullable(),
  historyShared: z.boolean().describe('The person chose to share their trafficking history with this partner'),
  matchScore: z.number().int().nullable().describe('Sender only: the match (0–100) when put forward'),
  matchReasons: z
    .array(z.object({ code: z.string(), detail: z.record(z.string(), z.unknown()).optional() }))
    .nullable()
    .describe('Sender only: the reasons of the match when put forward'),
  sharedFields: z.array(z.enum(referralFieldCodes as [ReferralField, ...ReferralField[]])).describe('Chosen when put forward'),
  visibleFields: z
    .array(z.enum(referralFieldCodes as [ReferralField, ...ReferralField[]]))
    .describe('What the partner sees now: within the current job_matching consent, and nothing after the grace period'),
  person: referralPerson,
  message: z.string().nullable(),
  contactPreference: z.enum(contactPreferences),
  consent: z.object({ id: z.uuid(), active: z.boolean() }).nullable(),
  putForwardBy: userRef.nullable(),
  putForwardAt: z.date(),
  respondBy: z.date(),
  accessUntil: z.date().nullable().describe("When the partner's view of the person ends; null while the referral is open"),
  allowedAnswers: z.array(z.enum(candidacyAnswers)).describe('Answers this caller may give now (the partner)'),
  canWithdraw: z.boolean().describe('This caller may withdraw it now (the sender, until hired)'),
  canRecordPlacement: z.boolean().describe('This caller may record the placement now (the partner, once hired)'),
  placement: placementSchema.nullable(),
  alert: z.boolean().describe('Sender only: a follow-up reported a problem, or the placement ended in dismissal'),
  version: z.number().int(),
};

export const candidacyListItemSchema = z.object(candidacyFields).meta({ id: 'CandidacyListItem' });
export type CandidacyListItem = z.infer<typeof candidacyListItemSchema>;
export const candidacySchema = z
  .object({
    ...candidacyFields,
    events: z.array(candidacyEventSchema),
    warnings: z.array(z.enum(['kind_not_sought'])).optional().describe('On putting forward: the profile does not seek this kind of opening'),
  })
  .meta({ id: 'Candidacy' });
export type CandidacyOut = z.infer<typeof candidacySchema>;

export const candidacyListSchema = z.object({ items: z.array(candidacyListItemSchema), total: z.number().int() }).meta({ id: 'CandidacyList' });
export const caseCandidaciesSchema = z.object({ items: z.array(candidacySchema) }).meta({ id: 'CaseCandidacies' });
