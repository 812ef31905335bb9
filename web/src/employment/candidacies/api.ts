// Typed API of candidacies and placements (served by src/employment/candidacies/routes.ts and
// src/employment/placements/routes.ts): a case's candidacies and the put-forward form's options,
// the partner's candidates, one candidacy, the partner's answers and the sender's withdrawal, the
// placement, its follow-ups and its end.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { ContactPreference, ReferralField, ReferralPerson, ReferralStatus } from '../../referrals/api';
import type { CandidacyRejectReason, CandidacyStatus, ContractType, OpeningKind, OpeningStatus, WorkProblem } from '../../../../src/employment/vocabulary';
import type { CandidacyAnswer, CandidacyField } from '../../../../src/employment/candidacies/vocabulary';

export {
  candidacyRejectReasons,
  candidacyStatuses,
  contractTypes,
  followUpMonths,
  placementEndReasons,
  workProblems,
} from '../../../../src/employment/vocabulary';
export { candidacyAnswers, candidacyFieldCodes, defaultCandidacyFields, historyFields } from '../../../../src/employment/candidacies/vocabulary';
export type { CandidacyAnswer, CandidacyField, CandidacyRejectReason, CandidacyStatus, ContractType, WorkProblem };

export interface UserRef {
  id: string;
  displayName: string;
}

export type { SharedSkillsProfile } from './SkillsProfileText';

export type CandidatePerson = ReferralPerson;

export type PlacementEndReason = 'resigned' | 'dismissed' | 'contract_ended' | 'moved_away' | 'other';

export interface FollowUp {
  id: string;
  month: number;
  dueOn: string;
  status: 'scheduled' | 'done' | 'missed' | 'cancelled';
  due: boolean;
  overdue: boolean;
  stillEmployed: boolean | null;
  conditionsAsPromised: boolean | null;
  problems: WorkProblem[];
  note: string | null;
  conductedOn: string | null;
  conductedBy: UserRef | null;
  alert: boolean;
  version: number;
}

export interface Placement {
  id: string;
  startOn: string;
  monthlyWageIdr: number | null;
  contractType: ContractType | null;
  endedOn: string | null;
  endReason: PlacementEndReason | null;
  recordedBy: UserRef | null;
  recordedAt: string;
  version: number;
  followUps?: FollowUp[];
}

export interface CandidacyEvent {
  id: number;
  fromStatus: CandidacyStatus | null;
  toStatus: CandidacyStatus;
  reason: string | null;
  note: string | null;
  by: UserRef | null;
  organization: { id: string; name: string } | null;
  at: string;
}

export interface CandidacyListItem {
  id: string;
  side: 'sender' | 'partner';
  caseId: string | null;
  caseReference: string | null;
  referral: { id: string; status: ReferralStatus; version: number } | null;
  opening: {
    id: string;
    title: string;
    kind: OpeningKind;
    status: OpeningStatus;
    organization: { id: string; name: string };
    sector: string;
    occupation: string;
    areaCode: string | null;
    remote: boolean;
    closesOn: string | null;
  };
  from: { id: string; name: string };
  partner: { id: string; name: string };
  status: CandidacyStatus;
  rejectReason: CandidacyRejectReason | null;
  interviewAt: string | null;
  historyShared: boolean;
  matchScore: number | null;
  matchReasons: { code: string; detail?: Record<string, unknown> }[] | null;
  sharedFields: ReferralField[];
  visibleFields: ReferralField[];
  person: CandidatePerson;
  message: string | null;
  contactPreference: ContactPreference;
  consent: { id: string; active: boolean } | null;
  putForwardBy: UserRef | null;
  putForwardAt: string;
  respondBy: string;
  accessUntil: string | null;
  allowedAnswers: CandidacyAnswer[];
  canWithdraw: boolean;
  canRecordPlacement: boolean;
  placement: Placement | null;
  alert: boolean;
  version: number;
}

export interface Candidacy extends CandidacyListItem {
  events: CandidacyEvent[];
  warnings?: 'kind_not_sought'[];
}

export interface CandidacyOptions {
  opening: { id: string; title: string; kind: OpeningKind; open: boolean; organization: { id: string; name: string; type: string } };
  consent: { id: string; sharedFields: string[]; givenAt: string; named: boolean } | null;
  allowedFields: CandidacyField[];
  defaultFields: CandidacyField[];
  historyFields: CandidacyField[];
  profile: boolean;
  kindSought: boolean;
  standing: { id: string; status: CandidacyStatus } | null;
}

export interface PutForwardInput {
  openingId: string;
  sharedFields: CandidacyField[];
  shareHistory: boolean;
  message?: string | null;
  contactPreference?: ContactPreference;
}

export interface AnswerInput {
  to: CandidacyAnswer;
  version: number;
  interviewAt?: string | null;
  reason?: CandidacyRejectReason | null;
  note?: string | null;
}

export interface PlacementInput {
  startOn: string;
  monthlyWageIdr?: number | null;
  contractType?: ContractType | null;
}

export interface FollowUpInput {
  version: number;
  stillEmployed: boolean;
  conditionsAsPromised: boolean;
  problems: WorkProblem[];
  note?: string | null;
  conductedOn: string;
}

export interface CandidatesParams {
  status?: CandidacyStatus;
  openingId?: string;
  limit?: number;
  offset?: number;
}

// ---------------------------------------------------------------------------------------------
// Queries

const enc = encodeURIComponent;

export const candidacyKeys = {
  all: ['candidacies'] as const,
  list: (p: CandidatesParams) => ['candidacies', 'list', p] as const,
  detail: (id: string) => ['candidacies', 'detail', id] as const,
  /** Kept under the case's key, so that invalidating the case refreshes them too. */
  ofCase: (caseId: string) => ['cases', 'detail', caseId, 'candidacies'] as const,
  options: (caseId: string, openingId: string) => ['cases', 'detail', caseId, 'candidacy-options', openingId] as const,
};

export const caseCandidaciesQuery = (caseId: string) =>
  queryOptions({
    queryKey: candidacyKeys.ofCase(caseId),
    queryFn: ({ signal }) => api<{ items: Candidacy[] }>(`/cases/${enc(caseId)}/candidacies`, { signal }).then((r) => r.items),
  });

export const candidacyOptionsQuery = (caseId: string, openingId: string) =>
  queryOptions({
    queryKey: candidacyKeys.options(caseId, openingId),
    queryFn: ({ signal }) => api<CandidacyOptions>(`/cases/${enc(caseId)}/candidacy-options`, { query: { openingId }, signal }),
    staleTime: 0,
  });

export const candidatesQuery = (p: CandidatesParams) =>
  queryOptions({
    queryKey: candidacyKeys.list(p),
    queryFn: ({ signal }) => api<Page<CandidacyListItem>>('/candidacies', { query: { ...p }, signal }),
    placeholderData: keepPreviousData,
  });

export const candidacyQuery = (id: string) =>
  queryOptions({
    queryKey: candidacyKeys.detail(id),
    queryFn: ({ signal }) => api<Candidacy>(`/candidacies/${enc(id)}`, { signal }),
  });

// ---------------------------------------------------------------------------------------------
// Writes

export const putForward = (caseId: string, body: PutForwardInput) => api<Candidacy>(`/cases/${enc(caseId)}/candidacies`, { method: 'POST', body });
export const answerCandidacy = (id: string, body: AnswerInput) => api<Candidacy>(`/candidacies/${enc(id)}/answers`, { method: 'POST', body });
export const withdrawCandidacy = (id: string, body: { version: number; note?: string | null }) =>
  api<Candidacy>(`/candidacies/${enc(id)}/withdraw`, { method: 'POST', body });
export const recordPlacement = (id: string, body: PlacementInput) => api<Candidacy>(`/candidacies/${enc(id)}/placement`, { method: 'POST', body });
export const recordFollowUp = (placementId: string, month: number, body: FollowUpInput) =>
  api<Candidacy>(`/placements/${enc(placementId)}/follow-ups/${month}`, { method: 'POST', body });
export const endPlacement = (placementId: string, body: { version: number; endedOn: string; reason: PlacementEndReason }) =>
  api<Candidacy>(`/placements/${enc(placementId)}/end`, { method: 'POST', body });
