// Typed API of return journeys (served by src/returns/routes.ts): a case's journeys, planning and
// changing one, recording milestones, and the returns-due list of the reception teams.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';
import type {
  Direction,
  DocumentKind,
  DocumentStatus,
  EscortKind,
  HandoverItem,
  JourneyStatus,
  LegSegment,
  MedicalClearance,
  Milestone,
  TravelMode,
} from '../../../src/returns/vocabulary';
import type { EntryKind, PointOfEntry } from '../../../src/returns/points-of-entry';

export {
  documentKinds,
  documentStatuses,
  dueDays,
  escortKinds,
  handoverItems,
  journeyStatuses,
  legSegments,
  medicalClearances,
  milestoneOrder,
  travelModes,
} from '../../../src/returns/vocabulary';
export { entryKinds, pointOfEntryByCode, pointsOfEntry } from '../../../src/returns/points-of-entry';
export type { Direction, DocumentKind, DocumentStatus, EntryKind, EscortKind, HandoverItem, JourneyStatus, LegSegment, MedicalClearance, Milestone, PointOfEntry, TravelMode };

export interface UserRef {
  id: string;
  displayName: string;
}

export interface JourneyDocument {
  id: string;
  kind: DocumentKind;
  status: DocumentStatus;
  number: string | null;
  issuer: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
}

export interface JourneyLeg {
  id: string;
  seq: number;
  segment: LegSegment;
  mode: TravelMode;
  fromPlace: string;
  fromCountryCode: string | null;
  toPlace: string;
  toCountryCode: string | null;
  departAt: string | null;
  arriveAt: string | null;
  carrier: string | null;
  flightNumber: string | null;
  bookingCode: string | null;
}

export interface JourneyEvent {
  id: string;
  milestone: JourneyStatus;
  happenedAt: string;
  note: string | null;
  by: UserRef | null;
  at: string;
}

export interface Journey {
  id: string;
  caseId: string;
  direction: Direction;
  status: JourneyStatus;
  allowedMilestones: Milestone[];
  documentsBlocking: string[];
  medicalClearance: MedicalClearance;
  medicalNote: string | null;
  escort: EscortKind;
  escortName: string | null;
  pocketMoneyIdr: number | null;
  arrivalPoint: PointOfEntry | null;
  expectedArrivalAt: string | null;
  receptionOrganization: { id: string; name: string } | null;
  receivedBy: string | null;
  arrivedAt: string | null;
  reachedHomeAt: string | null;
  handoverCountryCode: string | null;
  handoverOrganizationName: string | null;
  handoverContact: string | null;
  handoverItems: HandoverItem[];
  handoverNote: string | null;
  handedOverAt: string | null;
  notes: string | null;
  documents: JourneyDocument[];
  legs: JourneyLeg[];
  events: JourneyEvent[];
  createdBy: UserRef | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type DocumentInput = Omit<JourneyDocument, 'id'>;
export type LegInput = Omit<JourneyLeg, 'id' | 'seq'>;

export interface JourneyPlan {
  medicalClearance?: MedicalClearance;
  medicalNote?: string | null;
  escort?: EscortKind;
  escortName?: string | null;
  pocketMoneyIdr?: number | null;
  arrivalPointCode?: string | null;
  expectedArrivalAt?: string | null;
  receptionOrganizationId?: string | null;
  handoverCountryCode?: string | null;
  handoverOrganizationName?: string | null;
  handoverContact?: string | null;
  handoverItems?: HandoverItem[];
  handoverNote?: string | null;
  notes?: string | null;
  documents?: DocumentInput[];
  legs?: LegInput[];
}

export interface MilestoneBody {
  milestone: Milestone;
  happenedAt: string;
  version: number;
  note?: string | null;
  arrivalPointCode?: string | null;
  receptionOrganizationId?: string | null;
  receivedBy?: string | null;
  handoverCountryCode?: string | null;
  handoverOrganizationName?: string | null;
  handoverContact?: string | null;
  handoverItems?: HandoverItem[];
  handoverNote?: string | null;
}

export interface ReturnDueItem {
  journeyId: string;
  caseReference: string;
  caseId: string | null;
  caseOrganization: { id: string; name: string };
  direction: Direction;
  status: JourneyStatus;
  expectedArrivalAt: string;
  arrivalPoint: PointOfEntry | null;
  receptionOrganization: { id: string; name: string } | null;
  lastReturnLeg: { mode: TravelMode; carrier: string | null; flightNumber: string | null; arriveAt: string | null } | null;
  escort: EscortKind;
  medicalClearance: MedicalClearance;
  flags: ('child' | 'urgent_medical')[];
  sex: string;
  ageBand: string | null;
  firstName: string | null;
}

export interface ReturnsDue {
  items: ReturnDueItem[];
  total: number;
  from: string;
  to: string;
}

export interface DueParams {
  days: number;
  pointCode?: string;
  limit?: number;
  offset?: number;
}

const enc = encodeURIComponent;

export const journeyKeys = {
  /** Kept under the case's key, so that invalidating the case refreshes them too. */
  ofCase: (caseId: string) => ['cases', 'detail', caseId, 'journeys'] as const,
  due: (p: DueParams) => ['returns', 'due', p] as const,
  allDue: ['returns', 'due'] as const,
};

export const caseJourneysQuery = (caseId: string) =>
  queryOptions({
    queryKey: journeyKeys.ofCase(caseId),
    queryFn: ({ signal }) => api<{ items: Journey[] }>(`/cases/${enc(caseId)}/journeys`, { signal }).then((r) => r.items),
  });

export const returnsDueQuery = (p: DueParams) =>
  queryOptions({
    queryKey: journeyKeys.due(p),
    queryFn: ({ signal }) => api<ReturnsDue>('/returns/due', { query: { ...p }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 5 * 60_000,
  });

export const planJourney = (caseId: string, body: JourneyPlan) => api<Journey>(`/cases/${enc(caseId)}/journeys`, { method: 'POST', body });
export const updateJourney = (id: string, body: JourneyPlan & { version: number }) => api<Journey>(`/journeys/${enc(id)}`, { method: 'PATCH', body });
/** 409 transition_not_allowed or version_conflict when someone moved it first: the tab then reloads. */
export const recordMilestone = (id: string, body: MilestoneBody) => api<Journey>(`/journeys/${enc(id)}/milestones`, { method: 'POST', body });

/** A datetime-local value (the browser's time) as an ISO moment, or null. */
export function localToIso(v: string): string | null {
  if (!v) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** An ISO moment as a datetime-local value in the browser's time. */
export function isoToLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export const nowLocal = () => isoToLocal(new Date().toISOString());
