// Typed API of the legal track (served by src/legal/routes.ts): a case's track with its steps and
// the stalled flag, recording and changing it, recording a step, and the list of stalled tracks.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';
import type { InvestigatingAgency, LegalStage, ProtectionStatus } from '../../../src/legal/vocabulary';

export { investigatingAgencies, legalStages, protectionStatuses, STALLED_AFTER_DAYS, canAwardRestitution } from '../../../src/legal/vocabulary';
export type { InvestigatingAgency, LegalStage, ProtectionStatus };

export interface UserRef {
  id: string;
  displayName: string;
}

export interface LegalEvent {
  id: string;
  kind: 'stage' | 'update';
  fromStage: LegalStage | null;
  toStage: LegalStage | null;
  happenedOn: string;
  note: string | null;
  by: UserRef | null;
  at: string;
}

export interface LegalTrack {
  id: string;
  caseId: string;
  policeReportNumber: string | null;
  policeReportedOn: string | null;
  investigatingAgency: InvestigatingAgency | null;
  investigatingUnit: string | null;
  stage: LegalStage;
  allowedStages: LegalStage[];
  restitutionClaimedIdr: number | null;
  restitutionAwardedIdr: number | null;
  protectionStatus: ProtectionStatus;
  protectionNote: string | null;
  lastUpdateAt: string;
  daysSinceUpdate: number;
  stalled: boolean;
  createdBy: UserRef | null;
  events: LegalEvent[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface LegalDetails {
  policeReportNumber: string | null;
  policeReportedOn: string | null;
  investigatingAgency: InvestigatingAgency | null;
  investigatingUnit: string | null;
  restitutionClaimedIdr: number | null;
  restitutionAwardedIdr: number | null;
  protectionStatus: ProtectionStatus;
  protectionNote: string | null;
}

export interface StalledItem {
  caseId: string;
  caseReference: string;
  stage: LegalStage;
  lastUpdateAt: string;
  daysSinceUpdate: number;
  assignedTo: UserRef | null;
}

export const legalKeys = {
  ofCase: (caseId: string) => ['cases', 'detail', caseId, 'legal'] as const,
  stalled: (offset: number) => ['legal', 'stalled', offset] as const,
};

const base = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/legal`;

export const legalQuery = (caseId: string) =>
  queryOptions({ queryKey: legalKeys.ofCase(caseId), queryFn: ({ signal }) => api<LegalTrack | null>(base(caseId), { signal }) });

export const stalledQuery = (offset: number, limit: number) =>
  queryOptions({
    queryKey: legalKeys.stalled(offset),
    queryFn: ({ signal }) => api<{ items: StalledItem[]; total: number }>('/legal/stalled', { query: { offset, limit }, signal }),
    placeholderData: keepPreviousData,
  });

export const createTrack = (caseId: string, body: LegalDetails & { stage: LegalStage }) => api<LegalTrack>(base(caseId), { method: 'PUT', body });
export const updateTrack = (caseId: string, body: LegalDetails & { version: number }) => api<LegalTrack>(base(caseId), { method: 'PATCH', body });
export const addStep = (caseId: string, body: { kind: 'stage' | 'update'; toStage: LegalStage | null; happenedOn: string; note: string | null }) =>
  api<LegalTrack>(`${base(caseId)}/events`, { method: 'POST', body });
