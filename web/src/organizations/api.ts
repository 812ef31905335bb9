import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Organization, OrganizationLevel, OrganizationType, Page } from '../api/types';

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

export const profileOf = (o: Organization): OrganizationProfile => ({ description: o.description, website: o.website, email: o.email, phone: o.phone });

export interface OrganizationInput extends OrganizationProfile {
  name: string;
  acronym: string | null;
  type: OrganizationType;
  level: OrganizationLevel;
  areaCode: string | null;
  parentId: string | null;
}

export const createOrganization = (body: OrganizationInput) => api<Organization>('/organizations', { method: 'POST', body });

export const updateOrganization = (id: string, body: Partial<OrganizationInput> & { version: number }) =>
  api<Organization>(`/organizations/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const setOrganizationActive = (id: string, active: boolean) =>
  api<Organization>(`/organizations/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`, { method: 'POST' });
