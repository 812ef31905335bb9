// Typed API of a case's skills profile (served by src/employment/profiles).
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { UserRef } from '../../cases/api';
import type { EducationLevel, SeekingKind, SkillLevel, WorkConstraint } from '../../../../src/employment/vocabulary';

export interface WorkHistoryEntry {
  country: string;
  sector: string | null;
  occupation: string | null;
  years: number;
  abroad: boolean;
}

export interface SkillsProfile {
  id: string;
  caseId: string;
  seeking: SeekingKind[];
  workHistory: WorkHistoryEntry[];
  skills: { code: string; level: SkillLevel }[];
  languages: string[];
  education: EducationLevel | null;
  certificates: { code: string; country: string | null; year: number | null }[];
  preferredSectors: string[];
  preferredAreaCodes: string[];
  preferredAreas: { code: string; name: string }[];
  willingToRelocate: boolean;
  constraints: WorkConstraint[];
  constraintsNote: string | null;
  availableFrom: string | null;
  incomeSince: string | null;
  notes: string | null;
  updatedBy: UserRef | null;
  updatedAt: string;
  createdAt: string;
  version: number;
  canUpdate: boolean;
}

export interface SkillsProfileInput {
  version?: number;
  seeking: SeekingKind[];
  workHistory: { country: string; sector: string | null; occupation: string | null; years: number }[];
  skills: { code: string; level: SkillLevel }[];
  languages: string[];
  education: EducationLevel | null;
  certificates: { code: string; country: string | null; year: number | null }[];
  preferredSectors: string[];
  preferredAreaCodes: string[];
  willingToRelocate: boolean;
  constraints: WorkConstraint[];
  constraintsNote: string | null;
  availableFrom: string | null;
  notes: string | null;
}

export const skillsProfileKey = (caseId: string) => ['cases', caseId, 'skills-profile'] as const;

export const skillsProfileQuery = (caseId: string) =>
  queryOptions({
    queryKey: skillsProfileKey(caseId),
    queryFn: ({ signal }) => api<{ profile: SkillsProfile | null }>(`/cases/${caseId}/skills-profile`, { signal }),
  });

export const saveSkillsProfile = (caseId: string, body: SkillsProfileInput) => api<SkillsProfile>(`/cases/${caseId}/skills-profile`, { method: 'PUT', body });
