// Typed API of cases and persons (shared by the worklist, the queue, intake, the person page and the
// case page). Shapes follow the API contract of issue 3; keep the exports stable: other pages import them.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';
import type { CaseFlag, CaseType, Direction, Page, PriorityBand, RiskLevel, Stage } from '../api/types';

// ---------------------------------------------------------------------------------------------
// Persons

export const sexes = ['female', 'male'] as const;
export type Sex = (typeof sexes)[number];
export const documentTypes = ['nik', 'passport', 'splp', 'other'] as const;
export type DocumentType = (typeof documentTypes)[number];
/** Washington Group domains. */
export const disabilityDomains = ['seeing', 'hearing', 'walking', 'cognition', 'self_care', 'communication'] as const;
export type DisabilityDomain = (typeof disabilityDomains)[number];
/** Languages the API accepts (ISO 639-1 where it exists, else 639-3); mirrors src/persons/schema.ts personLanguages. */
export const personLanguages = [
  'id', 'jv', 'su', 'mad', 'min', 'bug', 'ban', 'bjn', 'ace', 'btk', 'sas', 'mak', 'bew', 'nij', 'tet',
  'en', 'ms', 'ar', 'zh', 'ja', 'ko', 'th', 'vi', 'tl', 'km', 'my', 'hi', 'ur', 'bn', 'ne', 'ru', 'tr', 'fr',
] as const;
/** The ones offered first in forms. */
export const commonLanguages = ['id', 'jv', 'su', 'mad', 'min', 'bug', 'ban', 'en', 'ms', 'ar', 'zh'] as const;

export type Birth =
  | { kind: 'exact'; date: string }
  | { kind: 'estimated_year'; year: number }
  | { kind: 'estimated_age'; age: number; statedOn: string };

export interface PersonDocument {
  id: string;
  type: DocumentType;
  number: string;
  issuingCountry: string | null;
  expiresOn: string | null;
}
export type PersonDocumentInput = Omit<PersonDocument, 'id'>;

export interface HomeArea {
  province: string | null;
  regency: string | null;
  district: string | null;
  village: string | null;
}

export interface EmergencyContact {
  name: string;
  relationship: string;
  phone: string;
}

export interface PersonInput {
  fullName: string;
  otherNames: string[];
  sex: Sex;
  genderIdentity?: string | null;
  birth: Birth | null;
  nationality: string;
  languages: string[];
  documents: PersonDocumentInput[];
  phones: string[];
  homeVillageCode: string | null;
  homeAddress: string | null;
  emergencyContact: EmergencyContact | null;
  disabilities: string[];
  disabilityNote: string | null;
}

export interface Person extends Omit<PersonInput, 'documents'> {
  id: string;
  organizationId: string;
  genderIdentity: string | null;
  age: number | null;
  isChild: boolean;
  documents: PersonDocument[];
  homeArea: HomeArea | null;
  mergedIntoId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface MatchQuery {
  fullName?: string;
  otherNames?: string[];
  sex?: Sex;
  birth?: Birth;
  documents?: { type: DocumentType; number: string }[];
  phones?: string[];
  homeVillageCode?: string;
  excludePersonId?: string;
}

export interface MatchCandidate {
  personId: string;
  /** 0–1 */
  score: number;
  reasons: string[];
  inReach: boolean;
  person?: { fullName: string; sex: Sex; birthYear: number | null; age: number | null; homeArea: HomeArea | null; caseReferences: string[] };
  organizationName?: string;
}

export const personKeys = {
  all: ['persons'] as const,
  detail: (id: string) => ['persons', 'detail', id] as const,
  match: (q: MatchQuery) => ['persons', 'match', q] as const,
};

export const personQuery = (id: string) =>
  queryOptions({
    queryKey: personKeys.detail(id),
    queryFn: ({ signal }) => api<Person>(`/persons/${encodeURIComponent(id)}`, { signal }),
  });

export const personMatchQuery = (q: MatchQuery) =>
  queryOptions({
    queryKey: personKeys.match(q),
    queryFn: ({ signal }) => api<{ candidates: MatchCandidate[] }>('/persons/match', { method: 'POST', body: q, signal }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

export const createPerson = (body: PersonInput) => api<Person>('/persons', { method: 'POST', body });

export const updatePerson = (id: string, body: Partial<PersonInput> & { version: number }) =>
  api<Person>(`/persons/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const mergePersons = (id: string, body: { duplicateId: string; version: number }) =>
  api<Person>(`/persons/${encodeURIComponent(id)}/merge`, { method: 'POST', body });

// ---------------------------------------------------------------------------------------------
// Cases

export interface UserRef {
  id: string;
  displayName: string;
}

export interface CaseListItem {
  id: string;
  reference: string;
  personId: string;
  personName: string;
  sex: Sex;
  age: number | null;
  isChild: boolean;
  caseType: CaseType;
  direction: Direction;
  stage: Stage;
  riskLevel: RiskLevel;
  flags: CaseFlag[];
  priorityScore: number;
  priorityBand: PriorityBand;
  assignedTo: UserRef | null;
  provinceCode: string | null;
  provinceName: string | null;
  destinationCountries: string[];
  nextDueOn: string | null;
  overdue: boolean;
  openedAt: string;
  updatedAt: string;
}

export interface CaseOut extends CaseListItem {
  person: Person;
  priorityReasons: string[];
  summary: string | null;
  closedAt: string | null;
  closureReason: string | null;
  allowedTransitions: Stage[];
  createdBy: UserRef | null;
  version: number;
  createdAt: string;
  can: { update: boolean; assign: boolean; determine: boolean; readSensitive: boolean };
}

/** Flags a person can be given by hand (child is derived from the age). */
export const settableFlags = ['urgent_medical', 'security_risk'] as const;
export type SettableFlag = (typeof settableFlags)[number];

export interface CaseFields {
  caseType: CaseType;
  direction: Direction;
  destinationCountries: string[];
  riskLevel: RiskLevel;
  flags: SettableFlag[];
  summary?: string | null;
}

export type NewCase = CaseFields & ({ personId: string } | { person: PersonInput }) & { assignToMe?: boolean };

export type CaseScope = 'mine' | 'organization' | 'queue';

export interface CaseListParams {
  scope?: CaseScope;
  stage?: Stage;
  type?: CaseType;
  province?: string;
  country?: string;
  overdue?: boolean;
  q?: string;
  personId?: string;
  limit?: number;
  offset?: number;
}

export interface HistoryItem {
  id: string;
  kind: string;
  fromValue: string | null;
  toValue: string | null;
  reason: string | null;
  /** A code next to the reason: the closure reason when the case was closed. */
  reasonCode: string | null;
  by: UserRef | null;
  at: string;
}

export interface AssignmentSuggestion {
  userId: string;
  displayName: string;
  openCases: number;
  weightedCaseload: number;
  speaksLanguage: boolean;
  coversArea: boolean;
  recommended: boolean;
}

export interface Caseload {
  userId: string;
  displayName: string;
  roles: string[];
  languages: string[];
  areaCodes: string[];
  openCases: number;
  weightedCaseload: number;
  overdueCases: number;
  byBand: Record<PriorityBand, number>;
}

export interface CaseTask {
  id: string;
  caseId: string;
  kind: 'task' | 'follow_up';
  title: string;
  details: string | null;
  dueOn: string | null;
  assignee: UserRef | null;
  status: 'open' | 'done' | 'cancelled';
  overdue: boolean;
  completedAt: string | null;
  completedBy: UserRef | null;
  createdBy: UserRef | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A task from GET /tasks (across cases), with its case's reference. */
export interface TaskWithCase extends CaseTask {
  caseReference: string;
}

export const caseKeys = {
  all: ['cases'] as const,
  list: (p: CaseListParams) => ['cases', 'list', p] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  history: (id: string) => ['cases', 'detail', id, 'history'] as const,
  suggestions: (id: string) => ['cases', 'detail', id, 'suggestions'] as const,
  caseloads: ['cases', 'caseloads'] as const,
  myTasks: ['cases', 'tasks', 'mine'] as const,
};

export const casesQuery = (p: CaseListParams) =>
  queryOptions({
    queryKey: caseKeys.list(p),
    queryFn: ({ signal }) => api<Page<CaseListItem>>('/cases', { query: { ...p, overdue: p.overdue ? true : undefined }, signal }),
    placeholderData: keepPreviousData,
  });

export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => api<CaseOut>(`/cases/${encodeURIComponent(id)}`, { signal }),
  });

export const caseHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: caseKeys.history(id),
    queryFn: ({ signal }) => api<{ items: HistoryItem[] }>(`/cases/${encodeURIComponent(id)}/history`, { signal }),
  });

export const assignmentSuggestionsQuery = (id: string) =>
  queryOptions({
    queryKey: caseKeys.suggestions(id),
    queryFn: ({ signal }) => api<{ items: AssignmentSuggestion[] }>(`/cases/${encodeURIComponent(id)}/assignment/suggestions`, { signal }),
  });

export const caseloadsQuery = () =>
  queryOptions({
    queryKey: caseKeys.caseloads,
    queryFn: ({ signal }) => api<{ items: Caseload[]; queue: { openCases: number; overdueCases: number } }>('/caseloads', { signal }),
  });

export const myTasksQuery = () =>
  queryOptions({
    queryKey: caseKeys.myTasks,
    queryFn: ({ signal }) => api<Page<TaskWithCase>>('/tasks', { query: { mine: true, limit: 50 }, signal }),
    retry: false,
  });

export const createCase = (body: NewCase) => api<CaseOut>('/cases', { method: 'POST', body });

export const updateCase = (id: string, body: Partial<CaseFields> & { version: number }) =>
  api<CaseOut>(`/cases/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const transitionCase = (id: string, body: { version: number; to: Stage; reason?: string; closureReason?: string }) =>
  api<CaseOut>(`/cases/${encodeURIComponent(id)}/transitions`, { method: 'POST', body });

export const assignCase = (id: string, body: { version: number; assigneeId: string | null }) =>
  api<CaseOut>(`/cases/${encodeURIComponent(id)}/assignment`, { method: 'POST', body });

// ---------------------------------------------------------------------------------------------
// Reference lists used by the case forms

export interface Country {
  code: string;
  nameId: string;
  nameEn: string;
}

export const countriesQuery = () =>
  queryOptions({
    queryKey: ['countries'] as const,
    queryFn: ({ signal }) => api<{ items: Country[] }>('/countries', { signal }),
    staleTime: Infinity,
    gcTime: 60 * 60_000,
  });

/** "Malaysia" or "Malaysia" in the user's language. */
export const countryName = (countries: Country[] | undefined, code: string, lang: 'id' | 'en'): string => {
  const c = countries?.find((x) => x.code === code);
  return c ? (lang === 'en' ? c.nameEn : c.nameId) : code;
};
