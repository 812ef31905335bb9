import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Organization, OrganizationLevel, OrganizationType, Page } from '../api/types';
import type { PartnerKind } from '../../../src/employment/vocabulary';

export interface OrganizationListParams {
  q?: string;
  type?: OrganizationType;
  level?: OrganizationLevel;
  active?: boolean;
  limit?: number;
  offset?: number;
}

export const organizationKeys = {
  all: ['organizations'] as const,
  list: (p: OrganizationListParams) => ['organizations', 'list', p] as const,
  detail: (id: string) => ['organizations', 'detail', id] as const,
};

export const organizationsQuery = (p: OrganizationListParams) =>
  queryOptions({
    queryKey: organizationKeys.list(p),
    queryFn: ({ signal }) => api<Page<Organization>>('/organizations', { query: { ...p }, signal }),
    placeholderData: keepPreviousData,
  });

export const organizationQuery = (id: string) =>
  queryOptions({
    queryKey: organizationKeys.detail(id),
    queryFn: ({ signal }) => api<Organization>(`/organizations/${encodeURIComponent(id)}`, { signal }),
  });

/** The public profile published in the service directory (not yet in the shared Organization type). */
export interface OrganizationProfile {
  description: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
}

/** A private-sector partner's kind and suspension (not yet in the shared Organization type). */
export interface PartnerStanding {
  partnerKind: PartnerKind | null;
  suspended: boolean;
  suspendedAt: string | null;
  /** System administrators only. */
  suspendedBy: { id: string; displayName: string } | null;
  /** System administrators only, on one organisation's page. */
  suspensionNote: string | null;
}

export const partnerOf = (o: Organization): PartnerStanding => {
  const p = o as Organization & Partial<PartnerStanding>;
  return {
    partnerKind: p.partnerKind ?? null,
    suspended: p.suspended ?? false,
    suspendedAt: p.suspendedAt ?? null,
    suspendedBy: p.suspendedBy ?? null,
    suspensionNote: p.suspensionNote ?? null,
  };
};

export const suspendPartner = (id: string, note: string, version: number) =>
  api<Organization>(`/organizations/${encodeURIComponent(id)}/suspension`, { method: 'POST', body: { note, version } });
export const reinstatePartner = (id: string, version: number) =>
  api<Organization>(`/organizations/${encodeURIComponent(id)}/suspension`, { method: 'DELETE', body: { version } });

export const profileOf = (o: Organization): OrganizationProfile => ({ description: o.description, website: o.website, email: o.email, phone: o.phone });

export interface OrganizationInput extends OrganizationProfile {
  name: string;
  acronym: string | null;
  type: OrganizationType;
  level: OrganizationLevel;
  areaCode: string | null;
  parentId: string | null;
  /** Private-sector organisations only. */
  partnerKind?: PartnerKind | null;
}

export const createOrganization = (body: OrganizationInput) => api<Organization>('/organizations', { method: 'POST', body });

export const updateOrganization = (id: string, body: Partial<OrganizationInput> & { version: number }) =>
  api<Organization>(`/organizations/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const setOrganizationActive = (id: string, active: boolean) =>
  api<Organization>(`/organizations/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`, { method: 'POST' });
