import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Locale, Page, Role, User, UserKind, UserStatus } from '../api/types';

export interface UserListParams {
  q?: string;
  role?: Role;
  status?: UserStatus;
  organizationId?: string;
  limit?: number;
  offset?: number;
}

export const userKeys = {
  all: ['users'] as const,
  list: (p: UserListParams) => ['users', 'list', p] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export const usersQuery = (p: UserListParams) =>
  queryOptions({
    queryKey: userKeys.list(p),
    queryFn: ({ signal }) => api<Page<User>>('/users', { query: { ...p }, signal }),
    placeholderData: keepPreviousData,
  });

export const userQuery = (id: string) =>
  queryOptions({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => api<User>(`/users/${encodeURIComponent(id)}`, { signal }),
  });

export interface NewUser {
  email: string;
  displayName: string;
  organizationId: string;
  roles: Role[];
  kind: UserKind;
  locale?: Locale;
  languages?: string[];
  areaCodes?: string[];
}

export const createUser = (body: NewUser) => api<{ user: User; activationToken?: string }>('/users', { method: 'POST', body });

export interface UserChanges {
  displayName?: string;
  roles?: Role[];
  locale?: Locale;
  languages?: string[];
  areaCodes?: string[];
  version: number;
}

export const updateUser = (id: string, body: UserChanges) =>
  api<User>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const setUserActive = (id: string, active: boolean) =>
  api<User | undefined>(`/users/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`, { method: 'POST' });

export const newActivation = (id: string) => api<{ activationToken: string }>(`/users/${encodeURIComponent(id)}/activation`, { method: 'POST' });

export const resetTotp = (id: string) => api<void>(`/users/${encodeURIComponent(id)}/totp/reset`, { method: 'POST' });

export const activationLink = (token: string) => `${location.origin}/activate?token=${encodeURIComponent(token)}`;
