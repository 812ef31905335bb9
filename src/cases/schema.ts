// What the case API takes and gives (the case itself, its worklist, transitions, history and
// assignment). Checks that need the database (countries, assignees) are made by the service and
// reported under the same field names.
import { z } from 'zod';
import { personInput, personSchema } from '../persons/schema.js';
import { caseTypes, priorityBands, riskLevels } from './priority.js';
import { closureReasons, stages } from './workflow.js';

export const directions = ['inbound', 'outbound'] as const;
export type Direction = (typeof directions)[number];
/** Flags people set; `child` is derived from the person's age and never sent. */
export const settableFlags = ['urgent_medical', 'security_risk'] as const;
export const caseScopes = ['mine', 'organization', 'queue'] as const;
export type CaseScope = (typeof caseScopes)[number];

const countryCodes = z
  .array(z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'Use ISO 3166-1 alpha-2 country codes such as MY.'))
  .max(20)
  .transform((a) => [...new Set(a)]);
const flagList = z
  .array(z.enum(settableFlags))
  .max(settableFlags.length)
  .transform((a) => [...new Set(a)]);
const summaryText = z
  .string()
  .trim()
  .max(5000)
  .nullish()
  .transform((s) => (s ? s : null));

const caseFields = {
  caseType: z.enum(caseTypes),
  direction: z.enum(directions),
  destinationCountries: countryCodes.default([]),
  riskLevel: z.enum(riskLevels).default('low'),
  flags: flagList.default([]),
  summary: summaryText,
};

export const caseCreate = z
  .object({
    /** An already registered person… */
    personId: z.uuid().optional(),
    /** …or a new one, registered with the case. */
    person: personInput.optional(),
    ...caseFields,
    /** The creator takes the case at once (case workers and supervisors); otherwise it waits in the organisation's queue. */
    assignToMe: z.boolean().default(false),
  })
  .meta({ id: 'CaseCreate', description: 'Exactly one of personId and person.' });
export type CaseCreate = z.infer<typeof caseCreate>;

export const caseUpdate = z
  .object({
    version: z.number().int().min(1),
    caseType: z.enum(caseTypes).optional(),
    direction: z.enum(directions).optional(),
    destinationCountries: countryCodes.optional(),
    riskLevel: z.enum(riskLevels).optional(),
    flags: flagList.optional(),
    summary: summaryText.optional(),
  })
  .meta({ id: 'CaseUpdate' });
export type CaseUpdate = z.infer<typeof caseUpdate>;

export const transitionInput = z
  .object({
    version: z.number().int().min(1),
    to: z.enum(stages),
    /** Free text; required to reopen, and to close with closureReason `other`. Stored encrypted. */
    reason: z
      .string()
      .trim()
      .max(2000)
      .nullish()
      .transform((s) => (s ? s : undefined)),
    /** Required to close. */
    closureReason: z.enum(closureReasons.map((r) => r.code) as [string, ...string[]]).optional(),
  })
  .meta({ id: 'CaseTransition' });
export type TransitionInput = z.infer<typeof transitionInput>;

export const assignmentInput = z
  .object({ version: z.number().int().min(1), assigneeId: z.uuid().nullable() })
  .meta({ id: 'CaseAssignment', description: 'assigneeId null puts the case back in the queue.' });
export type AssignmentInput = z.infer<typeof assignmentInput>;

export const caseQuery = z.object({
  scope: z.enum(caseScopes).default('mine'),
  stage: z.enum(stages).optional(),
  type: z.enum(caseTypes).optional(),
  province: z
    .string()
    .regex(/^\d{2}$/, 'Use a two-digit province code.')
    .optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** A reference or its beginning (PUL-2026-0001…). */
  q: z.string().trim().max(20).optional(),
  personId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type CaseQuery = z.infer<typeof caseQuery>;

// No component id: src/case-records/schema.ts registers 'UserRef' with the same shape.
export const userRef = z.object({ id: z.uuid(), displayName: z.string() });

export const caseListItem = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    personId: z.uuid(),
    personName: z.string(),
    sex: z.enum(['female', 'male']),
    age: z.number().int().nullable(),
    isChild: z.boolean(),
    caseType: z.enum(caseTypes),
    direction: z.enum(directions),
    stage: z.enum(stages),
    riskLevel: z.enum(riskLevels),
    flags: z.array(z.string()),
    priorityScore: z.number().int(),
    priorityBand: z.enum(priorityBands),
    assignedTo: userRef.nullable(),
    provinceCode: z.string().nullable(),
    provinceName: z.string().nullable(),
    destinationCountries: z.array(z.string()),
    nextDueOn: z.string().nullable(),
    overdue: z.boolean(),
    openedAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'CaseListItem' });
export type CaseListItem = z.infer<typeof caseListItem>;

export const caseSchema = caseListItem
  .extend({
    person: personSchema,
    priorityReasons: z.array(z.string()),
    summary: z.string().nullable(),
    closedAt: z.date().nullable(),
    closureReason: z.string().nullable(),
    allowedTransitions: z.array(z.enum(stages)),
    createdBy: userRef.nullable(),
    version: z.number().int(),
    createdAt: z.date(),
    can: z.object({ update: z.boolean(), assign: z.boolean(), determine: z.boolean(), readSensitive: z.boolean() }),
  })
  .meta({ id: 'Case' });
export type CaseOut = z.infer<typeof caseSchema>;

export const caseList = z
  .object({
    items: z.array(caseListItem),
    /** Matching cases, counted up to 10,000. */
    total: z.number().int(),
    /** More than `total` cases match (the count stops at 10,000). */
    totalCapped: z.boolean(),
  })
  .meta({ id: 'CaseList' });

export const historyItem = z
  .object({
    id: z.string(),
    /** created | stage | assignment | person_merged | … */
    kind: z.string(),
    fromValue: z.string().nullable(),
    toValue: z.string().nullable(),
    /** For assignment events: the users behind fromValue and toValue. */
    fromUser: userRef.nullable(),
    toUser: userRef.nullable(),
    /** The free-text reason given (decrypted), if any. */
    reason: z.string().nullable(),
    /** A code next to the reason: the closure reason when the case was closed. */
    reasonCode: z.string().nullable(),
    by: userRef.nullable(),
    at: z.date(),
  })
  .meta({ id: 'CaseHistoryItem' });
export const caseHistory = z.object({ items: z.array(historyItem) }).meta({ id: 'CaseHistory' });

export const suggestion = z
  .object({
    userId: z.uuid(),
    displayName: z.string(),
    openCases: z.number().int(),
    weightedCaseload: z.number().int(),
    speaksLanguage: z.boolean(),
    coversArea: z.boolean(),
    recommended: z.boolean(),
  })
  .meta({ id: 'AssignmentSuggestion' });
export const suggestions = z.object({ items: z.array(suggestion) }).meta({ id: 'AssignmentSuggestions' });

export const caseload = z
  .object({
    userId: z.uuid(),
    displayName: z.string(),
    roles: z.array(z.string()),
    languages: z.array(z.string()),
    areaCodes: z.array(z.string()),
    openCases: z.number().int(),
    weightedCaseload: z.number().int(),
    overdueCases: z.number().int(),
    byBand: z.object({ routine: z.number().int(), elevated: z.number().int(), urgent: z.number().int(), critical: z.number().int() }),
  })
  .meta({ id: 'Caseload' });
export const caseloads = z
  .object({ items: z.array(caseload), queue: z.object({ openCases: z.number().int(), overdueCases: z.number().int() }) })
  .meta({ id: 'Caseloads' });
