// Request and response shapes of case transfers. Response schemas strip what they do not declare:
// the service fills only what the caller's side may see (the receiver, before accepting, a summary
// to decide on; the sender, after the case has gone, nothing of the case but the reference).
import { z } from 'zod';
import { needTypes } from '../cases/needs.js';
import { caseTypes } from '../cases/priority.js';
import { directions } from '../cases/schema.js';
import { stages } from '../cases/workflow.js';
import { ageBands } from '../referrals/vocabulary.js';
import { transferBoxes, transferDeclineReasons, transferStatuses, transferStatusFilters } from './vocabulary.js';
import { optionalText } from '../platform/http/text.js';

const codes = <T extends { code: string }>(list: readonly T[]) => list.map((x) => x.code) as [T['code'], ...T['code'][]];
const version = z.number().int().min(1);
const text = (max: number) => z.string().trim().min(1).max(max);
const userRef = z.object({ id: z.uuid(), displayName: z.string() });
const orgRef = z.object({ id: z.uuid(), name: z.string() });
const areaRef = z.object({ code: z.string(), name: z.string().nullable() });
const transferStatus = z.enum(transferStatuses).meta({ id: 'TransferStatus' });

// ---------------------------------------------------------------------------------------------
// Parameters and queries

export const caseParam = z.object({ caseId: z.uuid() });
export const transferParam = z.object({ id: z.uuid() });
export const transferListQuery = z.object({
  box: z.enum(transferBoxes).optional().describe('Default: incoming for those who answer transfers, else outgoing'),
  status: z.enum(transferStatusFilters).default('proposed'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type TransferListQuery = z.infer<typeof transferListQuery>;

// ---------------------------------------------------------------------------------------------
// Writes

export const transferCreate = z
  .object({
    toOrganizationId: z.uuid().describe('Another active organisation with an active supervisor to answer'),
    reason: text(4000).describe('Why the case should move; stored encrypted, shown to both organisations'),
    senderKeepsView: z.boolean().describe('The person agreed that the sending organisation keeps a read-only view of what it recorded'),
  })
  .meta({ id: 'TransferCreate' });
export type TransferCreate = z.infer<typeof transferCreate>;

export const transferAccept = z
  .object({
    version,
    assignToId: z.uuid().nullish().describe('A case worker or supervisor of the receiving organisation; without one the case lands in its queue'),
  })
  .meta({ id: 'TransferAccept' });
export type TransferAcceptInput = z.infer<typeof transferAccept>;

export const transferDecline = z
  .object({
    version,
    reason: z.enum(transferDeclineReasons),
    note: optionalText(4000).describe('Stored encrypted; required for reason `other`'),
  })
  .meta({ id: 'TransferDecline' });
export type TransferDeclineInput = z.infer<typeof transferDecline>;

export const transferWithdraw = z.object({ version }).meta({ id: 'TransferWithdraw' });

// ---------------------------------------------------------------------------------------------
// Responses

export const transferSummary = z
  .object({
    caseType: z.enum(caseTypes),
    direction: z.enum(directions),
    stage: z.enum(stages),
    firstName: z.string().nullable(),
    sex: z.string(),
    ageBand: z.enum(ageBands).nullable(),
    homeProvince: areaRef.nullable(),
    homeRegency: areaRef.nullable(),
    openNeeds: z.array(z.enum(codes(needTypes))).describe('Types of the open needs, most severe first'),
  })
  .meta({ id: 'TransferSummary', description: 'What the receiving organisation needs to decide, and no more' });

const transferFields = {
  id: z.uuid(),
  side: z.enum(['sender', 'receiver']),
  status: transferStatus,
  caseId: z.uuid().nullable().describe('Only for a caller who reaches the case now'),
  caseReference: z.string(),
  from: orgRef,
  to: orgRef,
  senderKeepsView: z.boolean(),
  requestedBy: userRef.nullable(),
  requestedAt: z.date(),
  answeredBy: userRef.nullable(),
  answeredAt: z.date().nullable(),
  declineReason: z.enum(transferDeclineReasons).nullable(),
  allowedActions: z.array(z.enum(['accept', 'decline', 'withdraw'])).describe('What this caller may do now'),
  recordAvailable: z.boolean().describe('The sender may open its read-only view (GET /transfers/{id}/record)'),
  updatedAt: z.date(),
  version: z.number().int(),
};

export const transferListItemSchema = z.object(transferFields).meta({ id: 'TransferListItem' });
export type TransferListItem = z.infer<typeof transferListItemSchema>;

export const transferSchema = z
  .object({
    ...transferFields,
    reason: z.string().nullable(),
    answerNote: z.string().nullable(),
    assignedTo: userRef.nullable().describe('Receiver only: who the case was assigned to on acceptance'),
    summary: transferSummary.nullable().describe('The receiver while deciding (and after accepting); the sender while the case is still its own'),
  })
  .meta({ id: 'Transfer' });
export type TransferOut = z.infer<typeof transferSchema>;

const counts = z.object({ proposed: z.number().int(), ended: z.number().int(), all: z.number().int() });
export const transferListSchema = z
  .object({ items: z.array(transferListItemSchema), total: z.number().int(), counts })
  .meta({ id: 'TransferList', description: 'counts: of the box, by status filter' });

export const caseTransfersSchema = z
  .object({
    items: z.array(transferSchema).describe('Newest first'),
    canPropose: z.boolean().describe('The caller may propose a transfer of this case now (no proposal open, case not closed)'),
  })
  .meta({ id: 'CaseTransfers' });

// The sending organisation's read-only view.
const recordNote = z.object({
  id: z.uuid(),
  type: z.string(),
  sensitive: z.boolean(),
  body: z.string(),
  contactAt: z.date().nullable(),
  author: userRef.nullable(),
  createdAt: z.date(),
});
const recordNeed = z.object({
  id: z.uuid(),
  type: z.string(),
  dimension: z.string(),
  severity: z.string(),
  description: z.string().nullable(),
  status: z.string().nullable().describe('As it stood at the transfer; null when it changed afterwards'),
  createdAt: z.date(),
});
const recordTask = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  dueOn: z.string().nullable(),
  status: z.string().describe('As it stood at the transfer'),
  createdAt: z.date(),
});
const recordConsent = z.object({
  id: z.uuid(),
  purpose: z.string(),
  decision: z.string(),
  method: z.string(),
  recipientOrganization: orgRef.nullable(),
  recipientOrganizationType: z.string().nullable(),
  givenAt: z.date(),
  withdrawnAt: z.date().nullable().describe('Only a withdrawal before the transfer'),
});
const recordReferral = z.object({
  id: z.uuid(),
  to: orgRef,
  service: orgRef.nullable(),
  needTypes: z.array(z.string()),
  urgency: z.string(),
  status: z.string().describe('As it stood at the transfer'),
  sentAt: z.date(),
});

export const transferRecordSchema = z
  .object({
    transferId: z.uuid(),
    caseReference: z.string(),
    caseType: z.enum(caseTypes),
    direction: z.enum(directions),
    stageAtTransfer: z.enum(stages),
    from: orgRef,
    to: orgRef,
    transferredAt: z.date(),
    person: z.object({
      fullName: z.string(),
      sex: z.string(),
      birthDate: z.string().nullable().describe('YYYY-MM-DD when exact; YYYY when only the year is known or estimated'),
      homeArea: z
        .object({ code: z.string(), province: z.string().nullable(), regency: z.string().nullable(), district: z.string().nullable(), village: z.string().nullable() })
        .nullable(),
    }),
    notes: z.array(recordNote).describe("Sensitive notes only when the caller wrote them"),
    needs: z.array(recordNeed),
    screening: z
      .object({
        exploitationTypes: z.array(z.string()),
        meansOfControl: z.array(z.string()),
        recruitmentMethods: z.array(z.string()),
        industries: z.array(z.string()),
        exploitationCountries: z.array(z.string()),
        determination: z.string().nullable(),
      })
      .nullable()
      .describe('Null when none was recorded, or when it changed after the transfer'),
    tasks: z.array(recordTask),
    consents: z.array(recordConsent),
    referralsSent: z.array(recordReferral),
  })
  .meta({ id: 'TransferRecord', description: 'What the sending organisation recorded up to the transfer; read only' });
export type TransferRecord = z.infer<typeof transferRecordSchema>;
