// Request and response shapes of case closure: the checklist, requests, decisions and the supervisor's list.
import { z } from 'zod';
import { closureReasons } from '../cases/workflow.js';
import { acknowledgeableReasons, checklistCodes, closureListFilters, closureStatuses } from './vocabulary.js';
import { optionalText } from '../platform/http/text.js';

const version = z.number().int().min(1);
const reasonCodes = closureReasons.map((r) => r.code) as [string, ...string[]];
const userRef = z.object({ id: z.uuid(), displayName: z.string() });
export const caseParam = z.object({ caseId: z.uuid() });
export const closureParam = z.object({ id: z.uuid() });

// ---------------------------------------------------------------------------------------------
// Writes

export const closureCreate = z
  .object({
    closureReason: z.enum(reasonCodes).describe('cases/workflow.ts closureReasons'),
    reason: z.string().trim().min(1).max(2000).describe('Why the case can be closed; stored encrypted'),
  })
  .meta({ id: 'ClosureCreate' });
export type ClosureCreate = z.infer<typeof closureCreate>;

export const closureApprove = z
  .object({
    version,
    note: optionalText(2000).describe('Stored encrypted'),
    acknowledgeIncomplete: z
      .boolean()
      .default(false)
      .describe(`Approve with an incomplete checklist: only for closure reasons ${acknowledgeableReasons.join(', ')}, and never over a pending transfer; recorded`),
  })
  .meta({ id: 'ClosureApprove' });
export type ClosureApproveInput = z.infer<typeof closureApprove>;

export const closureReturn = z
  .object({ version, note: z.string().trim().min(1).max(2000).describe('What is missing, for the requester; stored encrypted') })
  .meta({ id: 'ClosureReturn' });
export type ClosureReturnInput = z.infer<typeof closureReturn>;

export const closureWithdraw = z.object({ version }).meta({ id: 'ClosureWithdraw' });

export const closureListQuery = z.object({
  status: z.enum(closureListFilters).default('pending').describe('pending; decided: approved, returned or withdrawn; all'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type ClosureListQuery = z.infer<typeof closureListQuery>;

// ---------------------------------------------------------------------------------------------
// Responses

export const checklistItemSchema = z
  .object({
    code: z.enum(checklistCodes),
    met: z.boolean(),
    detail: z.record(z.string(), z.union([z.number(), z.boolean()])).describe('Counts behind the answer, or {noPlan: true}'),
    acknowledged: z.boolean().optional().describe('In a decided snapshot: an unmet item the supervisor acknowledged'),
  })
  .meta({ id: 'ClosureChecklistItem' });

export const closureSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    closureReason: z.enum(reasonCodes),
    reason: z.string(),
    status: z.enum(closureStatuses),
    requestedBy: userRef.nullable(),
    requestedAt: z.date(),
    decidedBy: userRef.nullable(),
    decidedAt: z.date().nullable(),
    decisionNote: z.string().nullable(),
    checklist: z.array(checklistItemSchema).nullable().describe('As it stood when decided; null while pending'),
    acknowledgedIncomplete: z.boolean(),
    allowedActions: z.array(z.enum(['approve', 'return', 'withdraw'])).describe('What this caller may do now'),
    version: z.number().int(),
  })
  .meta({ id: 'Closure' });
export type ClosureOut = z.infer<typeof closureSchema>;

export const caseClosureSchema = z
  .object({
    checklist: z.array(checklistItemSchema).describe('Now'),
    complete: z.boolean(),
    acknowledgeableReasons: z.array(z.enum(reasonCodes)).describe('Closure reasons that allow approving an incomplete checklist'),
    pending: closureSchema.nullable(),
    history: z.array(closureSchema).describe('Decided requests, newest first'),
    canRequest: z.boolean().describe('The caller may request closure now (case open, none pending)'),
  })
  .meta({ id: 'CaseClosure' });
export type CaseClosureOut = z.infer<typeof caseClosureSchema>;

export const closureListItemSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    caseReference: z.string(),
    personName: z.string(),
    closureReason: z.enum(reasonCodes),
    status: z.enum(closureStatuses),
    requestedBy: userRef.nullable(),
    requestedAt: z.date(),
    decidedAt: z.date().nullable(),
    checklistComplete: z.boolean().describe('The checklist now (pending) or when decided'),
    version: z.number().int(),
  })
  .meta({ id: 'ClosureListItem' });
export const closureListSchema = z.object({ items: z.array(closureListItemSchema), total: z.number().int() }).meta({ id: 'ClosureList' });

