// The directory API as an organisation keeps it (/api/v1/services, /api/v1/locations). The closed
// lists and the taxonomy come from the server's own import-free modules, so both sides agree.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';
import type { CaseType, Direction, OrganizationType, Page } from '../api/types';
import {
  confirmationDueDays,
  costKinds,
  eligibleSexes,
  phoneKinds,
  requiredDocumentCodes,
  serviceLanguages,
  serviceStatuses,
  weekdays,
  type CostKind,
  type PhoneKind,
  type ServiceStatus,
} from '../../../src/directory/vocabulary';
import { serviceTerms, taxonomyGroups, termByCode, type TaxonomyTerm } from '../../../src/directory/taxonomy';

export { confirmationDueDays, costKinds, eligibleSexes, phoneKinds, requiredDocumentCodes, serviceLanguages, serviceStatuses, weekdays, serviceTerms, taxonomyGroups, termByCode };
export type { CostKind, PhoneKind, ServiceStatus, TaxonomyTerm };

export type Sex = (typeof eligibleSexes)[number];

export interface OpeningHours {
  days: number[];
  opens: string;
  closes: string;
}
export interface Phone {
  number: string;
  kind: PhoneKind;
  description: string | null;
}
export interface Contact {
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
}

export interface ServiceLocation {
  id: string;
  name: string;
  address: string;
  areaCode: string;
  areaName: string | null;
  regencyName: string | null;
  provinceName: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  transportation: string | null;
  accessibility: string | null;
}

export interface Service {
  id: string;
  organization: { id: string; name: string; acronym: string | null; type: OrganizationType };
  name: string;
  alternateName: string | null;
  description: string;
  url: string | null;
  email: string | null;
  status: ServiceStatus;
  termCodes: string[];
  languages: string[];
  eligibility: { sexes: Sex[]; minAge: number | null; maxAge: number | null; caseTypes: CaseType[]; directions: Direction[]; note: string | null };
  cost: { kind: CostKind; note: string | null };
  hours: OpeningHours[];
  hoursNote: string | null;
  phones: Phone[];
  contacts: Contact[];
  serviceArea: { nationwide: boolean; areas: { code: string; name: string; level: string }[] };
  requiredDocuments: string[];
  requiredDocumentsNote: string | null;
  capacity: { total: number | null; free: number | null; maxOpenReferrals: number | null; openReferrals: number; updatedAt: string | null };
  locations: ServiceLocation[];
  lastConfirmedAt: string;
  lastConfirmedBy: { id: string; displayName: string } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CapacityInput {
  total?: number | null;
  free?: number | null;
  maxOpenReferrals?: number | null;
}

export interface ServiceInput {
  name: string;
  alternateName: string | null;
  description: string;
  url: string | null;
  email: string | null;
  status: ServiceStatus;
  termCodes: string[];
  languages: string[];
  eligibility: { sexes: string[]; minAge: number | null; maxAge: number | null; caseTypes: string[]; directions: string[]; note: string | null };
  cost: { kind: CostKind; note: string | null };
  hours: OpeningHours[];
  hoursNote: string | null;
  phones: Phone[];
  contacts: Contact[];
  nationwide: boolean;
  areaCodes: string[];
  requiredDocuments: string[];
  requiredDocumentsNote: string | null;
  locationIds: string[];
  capacity?: CapacityInput;
}

export interface Location {
  id: string;
  organizationId: string;
  name: string;
  description: string | null;
  address: string;
  areaCode: string;
  areaName: string | null;
  districtName: string | null;
  regencyName: string | null;
  provinceName: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  transportation: string | null;
  accessibility: string | null;
  services: { id: string; name: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface LocationInput {
  name: string;
  description: string | null;
  address: string;
  areaCode: string;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  transportation: string | null;
  accessibility: string | null;
}

export interface ServiceListParams {
  q?: string;
  status?: ServiceStatus;
  termCode?: string;
  limit?: number;
  offset?: number;
}

export const directoryKeys = {
  all: ['directory'] as const,
  services: ['directory', 'services'] as const,
  serviceList: (p: ServiceListParams) => ['directory', 'services', 'list', p] as const,
  service: (id: string) => ['directory', 'services', 'detail', id] as const,
  locations: ['directory', 'locations'] as const,
};

export const servicesQuery = (p: ServiceListParams) =>
  queryOptions({
    queryKey: directoryKeys.serviceList(p),
    queryFn: ({ signal }) => api<Page<Service>>('/services', { query: { ...p }, signal }),
    placeholderData: keepPreviousData,
  });

export const serviceQuery = (id: string) =>
  queryOptions({
    queryKey: directoryKeys.service(id),
    queryFn: ({ signal }) => api<Service>(`/services/${encodeURIComponent(id)}`, { signal }),
  });

/** The organisation's locations (all of them: an organisation has a handful). */
export const locationsQuery = () =>
  queryOptions({
    queryKey: directoryKeys.locations,
    queryFn: ({ signal }) => api<Page<Location>>('/locations', { query: { limit: 200 }, signal }),
  });

export const createService = (body: ServiceInput) => api<Service>('/services', { method: 'POST', body });
export const updateService = (id: string, body: Partial<ServiceInput> & { version: number }) =>
  api<Service>(`/services/${encodeURIComponent(id)}`, { method: 'PATCH', body });
export const confirmService = (id: string, version: number) =>
  api<Service>(`/services/${encodeURIComponent(id)}/confirm`, { method: 'POST', body: { version } });
export const updateCapacity = (id: string, body: CapacityInput & { version: number }) =>
  api<Service>(`/services/${encodeURIComponent(id)}/capacity`, { method: 'PATCH', body });

export const createLocation = (body: LocationInput) => api<Location>('/locations', { method: 'POST', body });
export const updateLocation = (id: string, body: Partial<LocationInput> & { version: number }) =>
  api<Location>(`/locations/${encodeURIComponent(id)}`, { method: 'PATCH', body });

/** Whole days since the service was last confirmed. */
export const daysSince = (iso: string, now = Date.now()) => Math.floor((now - new Date(iso).getTime()) / 86_400_000);
export const confirmationDue = (s: Pick<Service, 'lastConfirmedAt'>, now = Date.now()) => daysSince(s.lastConfirmedAt, now) >= confirmationDueDays;
