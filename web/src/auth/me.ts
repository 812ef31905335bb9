// The signed-in person (GET /auth/me) and what they may do. Navigation and buttons follow
// `permissions` from the server; the UI never re-derives them from roles.
import { queryOptions } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { api } from '../api/client';
import type { Action, Me } from '../api/types';

export const meQueryKey = ['auth', 'me'] as const;

export const meQuery = queryOptions({
  queryKey: meQueryKey,
  queryFn: ({ signal }) => api<Me>('/auth/me', { signal }),
  staleTime: 60_000,
  retry: false,
});

export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside the signed-in shell');
  return me;
}

export interface Target {
  organizationId?: string | null;
  userId?: string | null;
}

/** Mirrors the server's policy check on the reach it sent us. Without a target: "somewhere". */
export function can(me: Me, action: Action, target?: Target): boolean {
  const reach = me.permissions[action];
  if (!reach) return false;
  if (!target || reach === 'all') return true;
  if (reach === 'organization') return target.organizationId === me.organization.id;
  return target.userId === me.user.id;
}

/** System administrators must enrol in two-factor authentication before anything else. */
export const mustEnrolTotp = (me: Me): boolean => me.totpRequired && !me.user.totpEnabled;

/** Only same-site paths are followed after sign-in. */
export function safeRedirect(path: unknown): string {
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  if (path.startsWith('/login') || path.startsWith('/api/')) return '/';
  return path;
}
