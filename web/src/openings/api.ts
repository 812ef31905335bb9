// Typed API of openings and training places and of the partners' code of conduct (served by
// src/employment/openings/routes.ts and src/employment/partners/routes.ts).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';
import type {
  Accommodation,
  Certificate,
  ContractType,
  DecentWorkCommitment,
  EducationLevel,
  OpeningKind,
  OpeningStatus,
  PartnerKind,
  Skill,
  SkillLevel,
} from '../../../src/employment/vocabulary';

export {
  accommodationOptions,
  certificateCodes,
  codeOfConduct,
  contractTypes,
  decentWorkCommitments,
  educationLevels,
  isicSectors,
  iscoOccupations,
  openingKinds,
  openingStatuses,
  partnerKinds,
  skillCodes,
  skillLevels,
} from '../../../src/employment/vocabulary';
export type { Accommodation, Certificate, ContractType, DecentWorkCommitment, EducationLevel, OpeningKind, OpeningStatus, PartnerKind, Skill, SkillLevel };

export type OpeningAction = 'edit' | 'publish' | 'close';

export interface Opening {
  id: string;
  organization: { id: string; name: string; partnerKind: PartnerKind | null };
  kind: OpeningKind;
  status: OpeningStatus;
  openForMatching: boolean;
  title: string;
  description: string | null;
  sector: string;
  occupation: string;
  areaCode: string | null;
  area: { province: string | null; regency: string | null } | null;
  remote: boolean;
  places: number;
  wageMinIdr: number | null;
  wageMaxIdr: number | null;
  contractType: ContractType | null;
  hoursPerWeek: number | null;
  workingHours: string | null;
  requiredSkills: { code: Skill; level: SkillLevel }[];
  requiredLanguages: string[];
  minEducation: EducationLevel | null;
  requiredCertificates: Certificate[];
  accommodation: Accommodation | null;
  startOn: string | null;
  closesOn: string | null;
  commitments: DecentWorkCommitment[];
  durationWeeks: number | null;
  costIdr: number | null;
  certificateAwarded: Certificate | null;
  publishedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  allowedActions: OpeningAction[];
}

/** What a partner writes: every field of an opening but those the server keeps. */
export type OpeningInput = Omit<
  Opening,
  'id' | 'organization' | 'status' | 'openForMatching' | 'area' | 'publishedAt' | 'closedAt' | 'createdAt' | 'updatedAt' | 'version' | 'allowedActions'
>;

export interface OpeningListParams {
  status?: OpeningStatus;
  kind?: OpeningKind;
  sector?: string;
  province?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

export const openingKeys = {
  all: ['openings'] as const,
  list: (p: OpeningListParams) => ['openings', 'list', p] as const,
  detail: (id: string) => ['openings', 'detail', id] as const,
  code: ['partner', 'code-of-conduct'] as const,
};

export const openingsQuery = (p: OpeningListParams) =>
  queryOptions({
    queryKey: openingKeys.list(p),
    queryFn: ({ signal }) => api<{ items: Opening[]; total: number }>('/openings', { query: { ...p }, signal }),
    placeholderData: keepPreviousData,
  });

export const openingQuery = (id: string) =>
  queryOptions({
    queryKey: openingKeys.detail(id),
    queryFn: ({ signal }) => api<Opening>(`/openings/${encodeURIComponent(id)}`, { signal }),
    retry: false,
  });

export const createOpening = (body: OpeningInput) => api<Opening>('/openings', { method: 'POST', body });
export const updateOpening = (id: string, body: Partial<OpeningInput> & { version: number }) =>
  api<Opening>(`/openings/${encodeURIComponent(id)}`, { method: 'PATCH', body });
export const publishOpening = (id: string, version: number) => api<Opening>(`/openings/${encodeURIComponent(id)}/publish`, { method: 'POST', body: { version } });
export const closeOpening = (id: string, version: number) => api<Opening>(`/openings/${encodeURIComponent(id)}/close`, { method: 'POST', body: { version } });

// The code of conduct

export interface CodeOfConduct {
  version: string;
  points: string[];
  accepted: boolean;
  acceptedAt: string | null;
}

export const codeOfConductQuery = () =>
  queryOptions({
    queryKey: openingKeys.code,
    queryFn: ({ signal }) => api<CodeOfConduct>('/partner/code-of-conduct', { signal }),
    retry: false,
    staleTime: 60_000,
  });

export const acceptCodeOfConduct = (version: string) => api<CodeOfConduct>('/partner/code-of-conduct/acceptance', { method: 'POST', body: { version } });
