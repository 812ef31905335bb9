// Request and response shapes of the parts of a case. Response schemas strip what they do not
// declare, so ciphertext columns can never leak by accident.
import { z } from 'zod';
import { needSeverities, needTypes, needDimensions } from '../cases/needs.js';
import {
  codesOf,
  determinations,
  exploitationTypes,
  industries,
  meansOfControl,
  recruiterRelationships,
  recruitmentMethods,
} from '../cases/screening.js';
import { organizationTypes } from '../organizations/schema.js';
import { attachmentMediaTypes } from './file-types.js';

// ---------------------------------------------------------------------------------------------
// Shared pieces

export const caseParam = z.object({ id: z.uuid() });
export const needParam = z.object({ id: z.uuid(), needId: z.uuid() });
export const noteParam = z.object({ id: z.uuid(), noteId: z.uuid() });
export const taskParam = z.object({ id: z.uuid(), taskId: z.uuid() });
export const consentParam = z.object({ id: z.uuid(), consentId: z.uuid() });
export const attachmentParam = z.object({ id: z.uuid(), attachmentId: z.uuid() });

export const userRef = z.object({ id: z.uuid(), displayName: z.string() }).meta({ id: 'UserRef' });
const day = z.iso.date();
const dayOut = z.string().describe('YYYY-MM-DD');
const version = z.number().int().min(1);
const text = (max: number) => z.string().trim().min(1).max(max);
const page = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};

/**
 * A list of picklist codes. An unknown code is reported on the list itself (field code
 * `invalid_choice` naming e.g. `meansOfControl`), not on an element index, so the form can mark the field.
 */
const codeList = <const T extends readonly [string, ...string[]]>(codes: T) =>
  z
    .array(z.string().max(80))
    .max(codes.length)
    .superRefine((v, c) => {
      if (v.some((x) => !(codes as readonly string[]).includes(x)))
        c.addIssue({ code: 'invalid_value', values: [...codes], input: v, message: 'Choose from the list.' });
    })
    .meta({ items: { type: 'string', enum: [...codes] } }) as unknown as z.ZodType<T[number][], string[]>;

// ---------------------------------------------------------------------------------------------
// Screening

const screeningFields = {
  exploitationTypes: codeList(codesOf(exploitationTypes)).default([]),
  meansOfControl: codeList(codesOf(meansOfControl)).default([]),
  recruitmentMethods: codeList(codesOf(recruitmentMethods)).default([]),
  recruiterRelationship: z.enum(codesOf(recruiterRelationships)).nullish(),
  industries: codeList(codesOf(industries)).default([]),
  exploitationCountries: z.array(z.string()).max(60).default([]).describe('ISO 3166-1 alpha-2 codes (an unknown one: `unknown_country`)'),
  exploitationStart: day.nullish(),
  exploitationEnd: day.nullish(),
  notes: z.string().trim().max(10_000).nullish(),
};

export const screeningPut = z
  .object({ version: z.number().int().min(0).describe('0 when there is no screening yet, else the version it was based on'), ...screeningFields })
  .meta({ id: 'ScreeningPut' });
export type ScreeningPut = z.infer<typeof screeningPut>;

export const determinationPost = z
  .object({ version: z.number().int().min(0), determination: z.enum(codesOf(determinations)) })
  .meta({ id: 'DeterminationPost' });

export const screeningSchema = z
  .object({
    caseId: z.uuid(),
    exploitationTypes: z.array(z.enum(codesOf(exploitationTypes))),
    meansOfControl: z.array(z.enum(codesOf(meansOfControl))),
    recruitmentMethods: z.array(z.enum(codesOf(recruitmentMethods))),
    recruiterRelationship: z.enum(codesOf(recruiterRelationships)).nullable(),
    industries: z.array(z.enum(codesOf(industries))),
    exploitationCountries: z.array(z.string()),
    exploitationStart: dayOut.nullable(),
    exploitationEnd: dayOut.nullable(),
    notes: z.string().nullable(),
    determination: z.enum(codesOf(determinations)).nullable(),
    determinedBy: userRef.nullable(),
    determinedAt: z.date().nullable(),
    updatedBy: userRef.nullable(),
    version: z.number().int().describe('0 while the case has no screening'),
    createdAt: z.date().nullable(),
    updatedAt: z.date().nullable(),
  })
  .meta({ id: 'Screening' });
export type ScreeningOut = z.infer<typeof screeningSchema>;

// ---------------------------------------------------------------------------------------------
// Needs

export const needStatuses = ['open', 'met', 'no_longer_needed'] as const;
export const needCreate = z
  .object({
    type: z.enum(codesOf(needTypes)),
    severity: z.enum(codesOf(needSeverities)),
    description: z.string().trim().max(5000).nullish(),
  })
  .meta({ id: 'NeedCreate' });
export const needUpdate = z
  .object({
    version,
    severity: z.enum(codesOf(needSeverities)).optional(),
    status: z.enum(needStatuses).optional(),
    description: z.string().trim().max(5000).nullish(),
  })
  .meta({ id: 'NeedUpdate' });
export const needSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(codesOf(needTypes)),
    dimension: z.enum(codesOf(needDimensions)),
    severity: z.enum(codesOf(needSeverities)),
    status: z.enum(needStatuses),
    description: z.string().nullable(),
    createdBy: userRef.nullable(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Need' });
export type NeedOut = z.infer<typeof needSchema>;

// ---------------------------------------------------------------------------------------------
// Notes

export const noteTypes = ['contact', 'home_visit', 'phone_call', 'case_conference', 'observation', 'other'] as const;
export type NoteType = (typeof noteTypes)[number];
/** Note types that record a contact with the person: they carry contactAt, which feeds the last contact. */
export const contactNoteTypes: readonly NoteType[] = ['contact', 'home_visit', 'phone_call'];

export const noteCreate = z
  .object({
    type: z.enum(noteTypes),
    sensitive: z.boolean().default(false),
    body: text(20_000),
    contactAt: z.iso.datetime({ offset: true }).nullish().describe('When the contact happened (contact, home_visit, phone_call); defaults to now'),
  })
  .meta({ id: 'NoteCreate' });
export const noteUpdate = z
  .object({
    version,
    type: z.enum(noteTypes).optional(),
    sensitive: z.boolean().optional(),
    body: text(20_000).optional(),
    contactAt: z.iso.datetime({ offset: true }).nullish(),
  })
  .meta({ id: 'NoteUpdate' });
const noteFull = z.object({
  id: z.uuid(),
  type: z.enum(noteTypes),
  sensitive: z.boolean(),
  restricted: z.literal(false),
  body: z.string(),
  contactAt: z.date().nullable(),
  author: userRef.nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
const noteRestricted = z.object({
  id: z.uuid(),
  type: z.enum(noteTypes),
  sensitive: z.literal(true),
  restricted: z.literal(true),
  author: userRef.nullable(),
  createdAt: z.date(),
});
export const noteSchema = z.union([noteFull, noteRestricted]).meta({
  id: 'Note',
  description: 'A sensitive note the caller may not read (neither its author nor a holder of case.readSensitive) is listed without body, contactAt and version.',
});
export type NoteOut = z.infer<typeof noteSchema>;
export const noteQuery = z.object(page);

// ---------------------------------------------------------------------------------------------
// Tasks

export const taskKinds = ['task', 'follow_up'] as const;
export const taskStatuses = ['open', 'done', 'cancelled'] as const;
export const taskCreate = z
  .object({
    kind: z.enum(taskKinds).default('task'),
    title: text(300),
    details: z.string().trim().max(5000).nullish(),
    dueOn: day.nullish().describe('Required for a follow-up'),
    assigneeId: z.uuid().nullish().describe('An active user of the case’s organisation'),
  })
  .meta({ id: 'TaskCreate' });
export const taskUpdate = z
  .object({
    version,
    status: z.enum(taskStatuses).optional(),
    title: text(300).optional(),
    details: z.string().trim().max(5000).nullish(),
    dueOn: day.nullish(),
    assigneeId: z.uuid().nullish(),
  })
  .meta({ id: 'TaskUpdate' });
export const taskSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    kind: z.enum(taskKinds),
    title: z.string(),
    details: z.string().nullable(),
    dueOn: dayOut.nullable(),
    assignee: userRef.nullable(),
    status: z.enum(taskStatuses),
    overdue: z.boolean().describe('Open and due before today (Asia/Jakarta)'),
    completedAt: z.date().nullable(),
    completedBy: userRef.nullable(),
    createdBy: userRef.nullable(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Task' });
export type TaskOut = z.infer<typeof taskSchema>;
export const myTaskSchema = taskSchema.extend({ caseReference: z.string() }).meta({ id: 'TaskWithCase' });
export const taskListQuery = z.object({ status: z.enum(taskStatuses).optional(), ...page });
export const myTasksQuery = z.object({
  mine: z.enum(['true', 'false']).default('true').describe('true: tasks assigned to the caller; false: every open task on the cases the caller may read'),
  overdue: z.enum(['true', 'false']).optional().describe('true: only overdue tasks'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

// ---------------------------------------------------------------------------------------------
// Consents

export { consentDecisions, consentMethods, consentPurposes, consentSharedFields, type ConsentPurpose } from './consent-vocabulary.js';
import { consentDecisions, consentMethods, consentPurposes, consentSharedFields } from './consent-vocabulary.js';

export const consentCreate = z
  .object({
    purpose: z.enum(consentPurposes),
    recipientOrganizationId: z.uuid().nullish().describe('referral_sharing, case_transfer and job_matching: a named organisation (or give recipientOrganizationType)'),
    recipientOrganizationType: z.enum(organizationTypes).nullish().describe('referral_sharing, case_transfer and job_matching: any organisation of this type'),
    sharedFields: z.array(z.enum(consentSharedFields)).max(consentSharedFields.length).default([]).describe('referral_sharing and job_matching only'),
    decision: z.enum(consentDecisions),
    method: z.enum(consentMethods),
    givenBy: z.string().trim().max(200).nullish().describe('Who gave or refused it: the person, or the guardian of a child (required for guardian)'),
    witness: z.string().trim().max(200).nullish().describe('Required for verbal_witnessed'),
    givenAt: z.iso.datetime({ offset: true }),
    evidenceAttachmentId: z.uuid().nullish().describe('An attachment of the same case, e.g. the signed form'),
  })
  .meta({ id: 'ConsentCreate' });
export type ConsentCreate = z.infer<typeof consentCreate>;
export const consentWithdraw = z
  .object({ reason: text(2000) })
  .meta({ id: 'ConsentWithdraw' });
export const consentSchema = z
  .object({
    id: z.uuid(),
    purpose: z.enum(consentPurposes),
    recipientOrganizationId: z.uuid().nullable(),
    recipientOrganizationName: z.string().nullable(),
    recipientOrganizationType: z.enum(organizationTypes).nullable(),
    sharedFields: z.array(z.string()),
    decision: z.enum(consentDecisions),
    method: z.enum(consentMethods),
    givenBy: z.string().nullable(),
    witness: z.string().nullable(),
    givenAt: z.date(),
    evidenceAttachmentId: z.uuid().nullable(),
    recordedBy: userRef.nullable(),
    withdrawnAt: z.date().nullable(),
    withdrawnBy: userRef.nullable(),
    withdrawalReason: z.string().nullable(),
    active: z.boolean().describe('Given, not withdrawn, and not superseded by a newer decision for the same purpose and recipient'),
    createdAt: z.date(),
  })
  .meta({ id: 'Consent' });
export type ConsentOut = z.infer<typeof consentSchema>;

// ---------------------------------------------------------------------------------------------
// Attachments

export const attachmentCategories = ['consent_form', 'identity_document', 'medical', 'legal', 'photo', 'other'] as const;
export const attachmentUploadQuery = z.object({
  category: z.enum(attachmentCategories).default('other'),
  fileName: z.string().trim().min(1).max(255).optional(),
});
export const attachmentSchema = z
  .object({
    id: z.uuid(),
    category: z.enum(attachmentCategories),
    fileName: z.string(),
    mediaType: z.enum(attachmentMediaTypes),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: userRef.nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'Attachment' });
export type AttachmentOut = z.infer<typeof attachmentSchema>;

export const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
