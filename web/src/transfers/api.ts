// Typed API of case transfers (served by src/transfers/routes.ts): a case's transfers and proposing
// one, the incoming and outgoing lists, one transfer, its answers, and the sender's read-only view.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Stage } from '../api/types';
import type { TransferBox, TransferDeclineReason, TransferStatus, TransferStatusFilter } from '../../../src/transfers/vocabulary';

export { transferDeclineReasons, transferStatuses, transferStatusFilters } from '../../../src/transfers/vocabulary';
export type { TransferBox, TransferDeclineReason, TransferStatus, TransferStatusFilter };

export interface UserRef {
  id: string;
  displayName: string;
}
interface OrgRef {
  id: string;
  name: string;
}

export type TransferAction = 'accept' | 'decline' | 'withdraw';

export interface TransferListItem {
  id: string;
  side: 'sender' | 'receiver';
  status: TransferStatus;
  caseId: string | null;
  caseReference: string;
  from: OrgRef;
  to: OrgRef;
  senderKeepsView: boolean;
  requestedBy: UserRef | null;
  requestedAt: string;
  answeredBy: UserRef | null;
  answeredAt: string | null;
  declineReason: TransferDeclineReason | null;
  allowedActions: TransferAction[];
  recordAvailable: boolean;
  updatedAt: string;
  version: number;
}

export interface TransferSummary {
  caseType: string;
  direction: 'inbound' | 'outbound';
  stage: Stage;
  firstName: string | null;
  sex: string;
  ageBand: string | null;
  homeProvince: { code: string; name: string | null } | null;
  homeRegency: { code: string; name: string | null } | null;
  openNeeds: string[];
}

export interface TransferOut extends TransferListItem {
  reason: string | null;
  answerNote: string | null;
  assignedTo: UserRef | null;
  summary: TransferSummary | null;
}

export interface TransferList {
  items: TransferListItem[];
  total: number;
  counts: { proposed: number; ended: number; all: number };
}

export interface TransferRecord {
  transferId: string;
  caseReference: string;
  caseType: string;
  direction: 'inbound' | 'outbound';
  stageAtTransfer: Stage;
  from: OrgRef;
  to: OrgRef;
  transferredAt: string;
  person: {
    fullName: string;
    sex: string;
    birthDate: string | null;
    homeArea: { code: string; province: string | null; regency: string | null; district: string | null; village: string | null } | null;
  };
  notes: { id: string; type: string; sensitive: boolean; body: string; contactAt: string | null; author: UserRef | null; createdAt: string }[];
  needs: { id: string; type: string; dimension: string; severity: string; description: string | null; status: string | null; createdAt: string }[];
  screening: {
    exploitationTypes: string[];
    meansOfControl: string[];
    recruitmentMethods: string[];
    industries: string[];
    exploitationCountries: string[];
    determination: string | null;
  } | null;
  tasks: { id: string; kind: string; title: string; dueOn: string | null; status: string; createdAt: string }[];
  consents: {
    id: string;
    purpose: string;
    decision: string;
    method: string;
    recipientOrganization: OrgRef | null;
    recipientOrganizationType: string | null;
    givenAt: string;
    withdrawnAt: string | null;
  }[];
  referralsSent: { id: string; to: OrgRef; service: OrgRef | null; needTypes: string[]; urgency: string; status: string; sentAt: string }[];
}

export const transferKeys = {
  all: ['transfers'] as const,
  list: (box: TransferBox, status: TransferStatusFilter, offset: number) => ['transfers', 'list', box, status, offset] as const,
  detail: (id: string) => ['transfers', 'detail', id] as const,
  record: (id: string) => ['transfers', 'detail', id, 'record'] as const,
  ofCase: (caseId: string) => ['transfers', 'case', caseId] as const,
};

export const caseTransfersQuery = (caseId: string) =>
  queryOptions({
    queryKey: transferKeys.ofCase(caseId),
    queryFn: ({ signal }) => api<{ items: TransferOut[]; canPropose: boolean }>(`/cases/${encodeURIComponent(caseId)}/transfers`, { signal }),
  });

export const transfersQuery = (box: TransferBox, status: TransferStatusFilter, offset = 0, limit = 25) =>
  queryOptions({
    queryKey: transferKeys.list(box, status, offset),
    queryFn: ({ signal }) => api<TransferList>('/transfers', { query: { box, status, limit, offset }, signal }),
    placeholderData: keepPreviousData,
  });

export const transferQuery = (id: string) =>
  queryOptions({
    queryKey: transferKeys.detail(id),
    queryFn: ({ signal }) => api<TransferOut>(`/transfers/${encodeURIComponent(id)}`, { signal }),
    retry: false,
  });

export const transferRecordQuery = (id: string) =>
  queryOptions({
    queryKey: transferKeys.record(id),
    queryFn: ({ signal }) => api<TransferRecord>(`/transfers/${encodeURIComponent(id)}/record`, { signal }),
    retry: false,
  });

export const proposeTransfer = (caseId: string, body: { toOrganizationId: string; reason: string; senderKeepsView: boolean }) =>
  api<TransferOut>(`/cases/${encodeURIComponent(caseId)}/transfers`, { method: 'POST', body });

export const acceptTransfer = (id: string, body: { version: number; assignToId?: string | null }) =>
  api<TransferOut>(`/transfers/${encodeURIComponent(id)}/accept`, { method: 'POST', body });

export const declineTransfer = (id: string, body: { version: number; reason: TransferDeclineReason; note?: string | null }) =>
  api<TransferOut>(`/transfers/${encodeURIComponent(id)}/decline`, { method: 'POST', body });

export const withdrawTransfer = (id: string, body: { version: number }) =>
  api<TransferOut>(`/transfers/${encodeURIComponent(id)}/withdraw`, { method: 'POST', body });
