// Typed API of case closure (served by src/closure/routes.ts): a case's checklist and requests,
// requesting, deciding and withdrawing, the supervisor's list; and the plans awaiting approval
// (GET /plans?status=submitted, served by the plans domain) for the approvals page.
import { queryOptions } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import type { ChecklistCode, ClosureStatus } from '../../../src/closure/vocabulary';

export { acknowledgeableReasons, checklistCodes, neverAcknowledged } from '../../../src/closure/vocabulary';
export type { ChecklistCode, ClosureStatus };

export interface UserRef {
  id: string;
  displayName: string;
}

export interface ChecklistItem {
  code: ChecklistCode;
  met: boolean;
  detail: Record<string, number | boolean>;
  acknowledged?: boolean;
}

export interface ClosureOut {
  id: string;
  caseId: string;
  closureReason: string;
  reason: string;
  status: ClosureStatus;
  requestedBy: UserRef | null;
  requestedAt: string;
  decidedBy: UserRef | null;
  decidedAt: string | null;
  decisionNote: string | null;
  checklist: ChecklistItem[] | null;
  acknowledgedIncomplete: boolean;
  allowedActions: ('approve' | 'return' | 'withdraw')[];
  version: number;
}

export interface CaseClosure {
  checklist: ChecklistItem[];
  complete: boolean;
  acknowledgeableReasons: string[];
  pending: ClosureOut | null;
  history: ClosureOut[];
  canRequest: boolean;
}

export interface ClosureListItem {
  id: string;
  caseId: string;
  caseReference: string;
  personName: string;
  closureReason: string;
  status: ClosureStatus;
  requestedBy: UserRef | null;
  requestedAt: string;
  decidedAt: string | null;
  checklistComplete: boolean;
  version: number;
}

/** A plan version waiting for a supervisor (the plans domain's list). */
export interface SubmittedPlan {
  planId: string;
  caseId: string;
  caseReference: string;
  number: number;
  submittedAt: string | null;
  submittedBy: UserRef | null;
  itemCount: number;
  budgetTotalIdr: number | null;
}

export const closureKeys = {
  all: ['closures'] as const,
  ofCase: (caseId: string) => ['closures', 'case', caseId] as const,
  /** Per case version too: a stage move (reopening) elsewhere on the page changes what may be requested. */
  ofCaseVersion: (caseId: string, version: number) => ['closures', 'case', caseId, version] as const,
  pending: ['closures', 'list', 'pending'] as const,
  plans: ['plans', 'submitted'] as const,
};

export const caseClosureQuery = (caseId: string, caseVersion: number) =>
  queryOptions({
    queryKey: closureKeys.ofCaseVersion(caseId, caseVersion),
    queryFn: ({ signal }) => api<CaseClosure>(`/cases/${encodeURIComponent(caseId)}/closure`, { signal }),
  });

export const pendingClosuresQuery = () =>
  queryOptions({
    queryKey: closureKeys.pending,
    queryFn: ({ signal }) => api<{ items: ClosureListItem[]; total: number }>('/closures', { query: { status: 'pending', limit: 100 }, signal }),
  });

/** Plans awaiting approval; null while the plans API is not there (404), so the page says so instead of failing. */
export const submittedPlansQuery = () =>
  queryOptions({
    queryKey: closureKeys.plans,
    queryFn: async ({ signal }) => {
      try {
        return await api<{ items: SubmittedPlan[]; total: number }>('/plans', { query: { status: 'submitted', limit: 100 }, signal });
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null;
        throw e;
      }
    },
    retry: false,
  });

export const requestClosure = (caseId: string, body: { closureReason: string; reason: string }) =>
  api<ClosureOut>(`/cases/${encodeURIComponent(caseId)}/closure`, { method: 'POST', body });

export const approveClosure = (id: string, body: { version: number; note?: string | null; acknowledgeIncomplete?: boolean }) =>
  api<ClosureOut>(`/closures/${encodeURIComponent(id)}/approve`, { method: 'POST', body });

export const returnClosure = (id: string, body: { version: number; note: string }) =>
  api<ClosureOut>(`/closures/${encodeURIComponent(id)}/return`, { method: 'POST', body });

export const withdrawClosure = (id: string, body: { version: number }) =>
  api<ClosureOut>(`/closures/${encodeURIComponent(id)}/withdraw`, { method: 'POST', body });
