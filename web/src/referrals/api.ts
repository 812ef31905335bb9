// Typed API of referrals (the contract in scratch/BRIEF-4.md, served by src/referrals/routes.ts):
// a case's referrals and the send form's options and suggestions, the inbox and its counts, one
// referral with its steps, moves along the life cycle, the review of an override, and the letter.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';
import type { OrganizationType, Page } from '../api/types';
import type { SharedSkillsProfile } from '../employment/candidacies/SkillsProfileText';
import type {
  ContactPreference,
  DeclineReason,
  Outcome,
  OverrideReason,
  ReferralField,
  ReferralStatus,
  Urgency,
} from '../../../src/referrals/vocabulary';

export {
  ageBandOf,
  ageBands,
  awaitingAnswer,
  contactPreferences,
  declineReasons,
  endedStatuses,
  fieldsAllowedBy,
  graceDays,
  isEnded,
  minimumFields,
  outcomes,
  overrideReasons,
  referralFieldCodes,
  referralFields,
  referralStatuses,
  referralTransitions,
  responseHours,
  urgencies,
} from '../../../src/referrals/vocabulary';
export type { ContactPreference, DeclineReason, Outcome, OverrideReason, ReferralField, ReferralStatus, Urgency };

export interface UserRef {
  id: string;
  displayName: string;
}

export interface ReferralNeed {
  id: string;
  type: string;
  dimension: string;
  severity?: string | null;
  description?: string | null;
}

export interface ReferralPerson {
  firstName?: string | null;
  fullName?: string | null;
  sex?: string | null;
  ageBand?: string | null;
  birthDate?: string | null;
  languages?: string[] | null;
  phones?: string[] | null;
  homeArea?: { code: string; province: string | null; regency: string | null; district: string | null; village: string | null } | null;
  homeAddress?: string | null;
  identityDocuments?: { type: string; number: string }[] | null;
  disabilities?: string[] | null;
  screening?: { exploitationTypes: string[]; determination: string | null } | null;
  caseSummary?: string | null;
  /** The work-related part of the skills profile (the skills_profile field). */
  skillsProfile?: SharedSkillsProfile | null;
}

export interface ReferralOverride {
  reason: OverrideReason;
  justification?: string | null;
  by: UserRef | null;
  reviewedAt: string | null;
  reviewedBy: UserRef | null;
  reviewNote?: string | null;
}

export interface ReferralEvent {
  id: string;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  by: UserRef | null;
  organization: { id: string; name: string } | null;
  reason: string | null;
  note: string | null;
  at: string;
}

export interface ReferralListItem {
  id: string;
  side: 'sender' | 'receiver';
  caseId: string | null;
  caseReference: string;
  from: { id: string; name: string };
  to: { id: string; name: string; type: OrganizationType };
  service: { id: string; name: string } | null;
  needs: ReferralNeed[];
  urgency: Urgency;
  respondBy: string;
  overdue: boolean;
  message: string | null;
  contactPreference: ContactPreference;
  status: ReferralStatus;
  declineReason: DeclineReason | null;
  outcome: Outcome | null;
  allowedTransitions: ReferralStatus[];
  sharedFields: ReferralField[];
  visibleFields: ReferralField[];
  accessUntil: string | null;
  consent: { id: string; active: boolean } | null;
  /** job_matching: a candidacy (a person put forward to an employer), answered as a candidacy. */
  consentPurpose?: 'referral_sharing' | 'job_matching';
  candidacyId?: string | null;
  override: ReferralOverride | null;
  sentBy: UserRef | null;
  sentAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  version: number;
}

export interface ReferralOut extends ReferralListItem {
  person?: ReferralPerson | null;
  events?: ReferralEvent[];
}

export interface ReferralOptions {
  recipient: { id: string; name: string; type: OrganizationType };
  service: { id: string; name: string } | null;
  consent: { id: string; sharedFields: string[]; givenAt: string } | null;
  allowedFields: ReferralField[];
  defaultFields: ReferralField[];
  canOverride: boolean;
  needs: { id: string; type: string; dimension: string; severity: string | null }[];
  responseHours: Record<Urgency, number>;
}

export interface SuggestionReason {
  code: string;
  detail?: string | null;
}

export interface Suggestion {
  service: { id: string; name: string; organization: { id: string; name: string; type: OrganizationType }; termCodes: string[]; languages: string[] };
  score: number;
  reasons: SuggestionReason[];
  capacity: { free: number | null; total: number | null; maxOpenReferrals: number | null; openReferrals: number | null } | null;
  acceptanceRate: number | null;
  meanResponseHours: number | null;
}

export interface Suggestions {
  need: { id: string; type: string };
  items: Suggestion[];
}

export interface BoxCounts {
  awaiting: number;
  overdue: number;
  inProgress: number;
  total?: number;
  review?: number;
}
export interface ReferralCounts {
  incoming: (BoxCounts & { total: number }) | null;
  outgoing: (BoxCounts & { review: number }) | null;
}

export type Box = 'incoming' | 'outgoing';
export const boxes: readonly Box[] = ['incoming', 'outgoing'];
export const statusFilters = ['open', 'awaiting', 'overdue', 'ended', 'review', 'all'] as const;
export type StatusFilter = (typeof statusFilters)[number];

export interface InboxParams {
  box: Box;
  status?: StatusFilter;
  q?: string;
  limit?: number;
  offset?: number;
}

export interface SendInput {
  organizationId: string;
  serviceId?: string | null;
  needIds: string[];
  urgency: Urgency;
  respondBy?: string | null;
  message?: string | null;
  contactPreference: ContactPreference;
  sharedFields: ReferralField[];
  override?: { reason: OverrideReason; justification: string };
}

export interface TransitionInput {
  to: ReferralStatus;
  version: number;
  reason?: DeclineReason;
  outcome?: Outcome;
  note?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Queries

const enc = encodeURIComponent;

export const referralKeys = {
  all: ['referrals'] as const,
  list: (p: InboxParams) => ['referrals', 'list', p] as const,
  counts: ['referrals', 'counts'] as const,
  detail: (id: string) => ['referrals', 'detail', id] as const,
  /** Kept under the case's key, so that invalidating the case refreshes them too. */
  ofCase: (caseId: string) => ['cases', 'detail', caseId, 'referrals'] as const,
  options: (caseId: string, organizationId: string, serviceId: string | null) => ['cases', 'detail', caseId, 'referral-options', organizationId, serviceId] as const,
  suggestions: (caseId: string, needId: string) => ['cases', 'detail', caseId, 'service-suggestions', needId] as const,
};

export const caseReferralsQuery = (caseId: string) =>
  queryOptions({
    queryKey: referralKeys.ofCase(caseId),
    queryFn: ({ signal }) => api<{ items: ReferralOut[] }>(`/cases/${enc(caseId)}/referrals`, { signal }).then((r) => r.items),
  });

export const referralOptionsQuery = (caseId: string, organizationId: string, serviceId: string | null) =>
  queryOptions({
    queryKey: referralKeys.options(caseId, organizationId, serviceId),
    queryFn: ({ signal }) =>
      api<ReferralOptions>(`/cases/${enc(caseId)}/referral-options`, { query: { organizationId, serviceId: serviceId ?? undefined }, signal }),
    staleTime: 0,
  });

export const suggestionsQuery = (caseId: string, needId: string) =>
  queryOptions({
    queryKey: referralKeys.suggestions(caseId, needId),
    queryFn: ({ signal }) => api<Suggestions>(`/cases/${enc(caseId)}/service-suggestions`, { query: { needId }, signal }),
    staleTime: 30_000,
  });

export const inboxQuery = (p: InboxParams) =>
  queryOptions({
    queryKey: referralKeys.list(p),
    queryFn: ({ signal }) => api<Page<ReferralListItem>>('/referrals', { query: { ...p }, signal }),
    placeholderData: keepPreviousData,
  });

export const countsQuery = () =>
  queryOptions({
    queryKey: referralKeys.counts,
    queryFn: ({ signal }) => api<ReferralCounts>('/referrals/counts', { signal }),
    staleTime: 15_000,
  });

export const referralQuery = (id: string) =>
  queryOptions({
    queryKey: referralKeys.detail(id),
    queryFn: ({ signal }) => api<ReferralOut>(`/referrals/${enc(id)}`, { signal }),
  });

// ---------------------------------------------------------------------------------------------
// Writes

export const sendReferral = (caseId: string, body: SendInput) => api<ReferralOut>(`/cases/${enc(caseId)}/referrals`, { method: 'POST', body });

/** A move along the life cycle. 409 transition_not_allowed (with `allowed`) or version_conflict
 * (with `current`) when someone moved it first: the page then reloads the referral. */
export const moveReferral = (id: string, body: TransitionInput) => api<ReferralOut>(`/referrals/${enc(id)}/transitions`, { method: 'POST', body });

/** A sender-side supervisor's review of a best-interest override. */
export const reviewOverride = (id: string, body: { version: number; note: string }) =>
  api<ReferralOut>(`/referrals/${enc(id)}/review`, { method: 'POST', body });

export const letterUrl = (id: string, lang: 'id' | 'en') => `/api/v1/referrals/${enc(id)}/letter?lang=${lang}`;
