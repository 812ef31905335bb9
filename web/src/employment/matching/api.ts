// Typed API of matching (served by src/employment/matching): a case's ranked openings and an
// opening's ranked candidates, each with the score and the reasons.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { UserRef } from '../../cases/api';
import type { MatchReason } from '../../../../src/employment/matching/scoring';
import type { OpeningKind } from '../../../../src/employment/vocabulary';

export type { MatchReason };

export interface MatchedOpening {
  id: string;
  title: string;
  kind: OpeningKind;
  organization: { id: string; name: string; partnerKind: string | null };
  sector: string;
  occupation: string;
  areaCode: string | null;
  area: { province: string | null; regency: string | null } | null;
  remote: boolean;
  startOn: string | null;
  closesOn: string | null;
  wageMinIdr: number | null;
  wageMaxIdr: number | null;
  contractType: string | null;
  durationWeeks: number | null;
  costIdr: number | null;
}

export interface CaseMatches {
  kind: OpeningKind;
  profileVersion: number;
  items: { opening: MatchedOpening; score: number; reasons: MatchReason[]; consent: { covers: boolean }; candidacy: { id: string; status: string } | null }[];
}

export interface OpeningCandidates {
  opening: {
    id: string;
    title: string;
    kind: OpeningKind;
    organization: { id: string; name: string };
    areaCode: string | null;
    area: { province: string | null; regency: string | null } | null;
    remote: boolean;
  };
  items: { case: { id: string; reference: string }; score: number; reasons: MatchReason[]; assignedTo: UserRef | null; canOpen: boolean; candidacy: { id: string; status: string } | null }[];
}

export const caseMatchesQuery = (caseId: string, kind: OpeningKind | undefined) =>
  queryOptions({
    queryKey: ['cases', caseId, 'matches', kind ?? 'default'] as const,
    queryFn: ({ signal }) => api<CaseMatches>(`/cases/${caseId}/matches`, { query: { kind, limit: 20 }, signal }),
    placeholderData: keepPreviousData,
    retry: false,
  });

export const openingCandidatesQuery = (openingId: string) =>
  queryOptions({
    queryKey: ['openings', openingId, 'candidates'] as const,
    queryFn: ({ signal }) => api<OpeningCandidates>(`/openings/${openingId}/candidates`, { query: { limit: 25 }, signal }),
    retry: false,
  });
