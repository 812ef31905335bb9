// Typed API of reintegration plans and group activities (served by src/reintegration/plans and
// src/reintegration/groups): a case's plan and its versions, one version, the items of a draft,
// submission and the supervisor's decision, progress on the approved plan; the organisation's
// group activities.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';
import { intlLocale } from '../i18n';
import type { UserRef } from '../cases/api';

export {
  deliveryModes,
  editablePlanStatuses,
  itemStatuses,
  itemTransitions,
  outcomeRequiredFor,
  planDimensionCodes,
  planDimensionOfNeed,
  planDimensions,
  planStatuses,
} from '../../../src/reintegration/plans/vocabulary';
export type { DeliveryMode, ItemChange, ItemContentField, ItemStatus, PlanDimension, PlanStatus } from '../../../src/reintegration/plans/vocabulary';
export { groupActivityKinds, groupActivityStatuses } from '../../../src/reintegration/groups/vocabulary';
export type { GroupActivityKind, GroupActivityStatus } from '../../../src/reintegration/groups/vocabulary';
import type { DeliveryMode, ItemChange, ItemContentField, ItemStatus, PlanDimension, PlanStatus } from '../../../src/reintegration/plans/vocabulary';
import type { GroupActivityKind, GroupActivityStatus } from '../../../src/reintegration/groups/vocabulary';

export interface PlanItem {
  id: string;
  planId: string;
  seq: number;
  dimension: PlanDimension;
  what: string;
  need: { id: string; type: string; dimension: string; status: string } | null;
  delivery: DeliveryMode;
  referral: { id: string; status: string; organizationName: string; serviceName: string | null } | null;
  groupActivity: { id: string; kind: GroupActivityKind; name: string; status: GroupActivityStatus; capacity: number | null; enrolled: number; full: boolean } | null;
  budgetIdr: number | null;
  startOn: string | null;
  endOn: string | null;
  status: ItemStatus;
  outcome: string | null;
  allowedTransitions: ItemStatus[];
  originItemId: string | null;
  change: ItemChange | null;
  changedFields: ItemContentField[];
  version: number;
  updatedAt: string;
}

export interface PlanRef {
  id: string;
  number: number;
  status: PlanStatus;
}

export interface Plan {
  id: string;
  caseId: string;
  caseReference: string;
  number: number;
  status: PlanStatus;
  goal: string | null;
  changeNote: string | null;
  basedOn: PlanRef | null;
  comparedTo: PlanRef | null;
  items: PlanItem[];
  removedItems: PlanItem[];
  budget: { totalIdr: number; byDimension: { dimension: PlanDimension; itemCount: number; totalIdr: number }[] };
  createdBy: UserRef | null;
  createdAt: string;
  submittedBy: UserRef | null;
  submittedAt: string | null;
  decidedBy: UserRef | null;
  decidedAt: string | null;
  decisionNote: string | null;
  can: { edit: boolean; decide: boolean; progress: boolean };
  version: number;
  updatedAt: string;
}

export interface PlanVersion {
  id: string;
  number: number;
  status: PlanStatus;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  decidedBy: UserRef | null;
  itemCount: number;
  budgetTotalIdr: number;
}

export interface CasePlans {
  current: Plan | null;
  open: Plan | null;
  versions: PlanVersion[];
  can: { create: boolean };
}

export interface ItemInput {
  dimension: PlanDimension;
  what: string;
  needId: string | null;
  delivery: DeliveryMode;
  referralId: string | null;
  groupActivityId: string | null;
  budgetIdr: number | null;
  startOn: string | null;
  endOn: string | null;
}

export interface GroupActivity {
  id: string;
  organizationId: string;
  kind: GroupActivityKind;
  name: string;
  description: string | null;
  areaCode: string | null;
  areaName: string | null;
  startsOn: string | null;
  endsOn: string | null;
  capacity: number | null;
  status: GroupActivityStatus;
  enrolled: number;
  full: boolean;
  can: { manage: boolean };
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface GroupActivityInput {
  kind: GroupActivityKind;
  name: string;
  description: string | null;
  areaCode: string | null;
  startsOn: string | null;
  endsOn: string | null;
  capacity: number | null;
}

const enc = encodeURIComponent;

export const planKeys = {
  all: ['plans'] as const,
  ofCase: (caseId: string) => ['plans', 'case', caseId] as const,
  one: (id: string) => ['plans', 'one', id] as const,
};
export const activityKeys = {
  all: ['group-activities'] as const,
  list: (status: 'active' | 'ended' | 'all') => ['group-activities', 'list', status] as const,
};

export const casePlansQuery = (caseId: string) =>
  queryOptions({ queryKey: planKeys.ofCase(caseId), queryFn: ({ signal }) => api<CasePlans>(`/cases/${enc(caseId)}/plans`, { signal }) });

export const planQuery = (id: string) => queryOptions({ queryKey: planKeys.one(id), queryFn: ({ signal }) => api<Plan>(`/plans/${enc(id)}`, { signal }) });

export const groupActivitiesQuery = (status: 'active' | 'ended' | 'all' = 'active') =>
  queryOptions({
    queryKey: activityKeys.list(status),
    queryFn: ({ signal }) => api<{ items: GroupActivity[]; total: number }>('/group-activities', { query: { status, limit: 200 }, signal }),
  });

export const startPlan = (caseId: string, body: { goal?: string | null; changeNote?: string | null }) =>
  api<Plan>(`/cases/${enc(caseId)}/plans`, { method: 'POST', body });
export const updatePlan = (id: string, body: { version: number; goal?: string | null; changeNote?: string | null }) =>
  api<Plan>(`/plans/${enc(id)}`, { method: 'PATCH', body });
export const submitPlan = (id: string, version: number) => api<Plan>(`/plans/${enc(id)}/submit`, { method: 'POST', body: { version } });
export const approvePlan = (id: string, version: number, note: string | null) => api<Plan>(`/plans/${enc(id)}/approve`, { method: 'POST', body: { version, note } });
export const returnPlan = (id: string, version: number, note: string) => api<Plan>(`/plans/${enc(id)}/return`, { method: 'POST', body: { version, note } });
export const addItem = (planId: string, body: ItemInput) => api<PlanItem>(`/plans/${enc(planId)}/items`, { method: 'POST', body });
export const updateItem = (planId: string, itemId: string, body: Partial<ItemInput> & { version: number }) =>
  api<PlanItem>(`/plans/${enc(planId)}/items/${enc(itemId)}`, { method: 'PATCH', body });
export const removeItem = (planId: string, itemId: string, version: number) =>
  api<void>(`/plans/${enc(planId)}/items/${enc(itemId)}`, { method: 'DELETE', query: { version } });
export const recordProgress = (planId: string, itemId: string, body: { version: number; status: ItemStatus; outcome: string | null }) =>
  api<PlanItem>(`/plans/${enc(planId)}/items/${enc(itemId)}/progress`, { method: 'PATCH', body });

export const createActivity = (body: GroupActivityInput) => api<GroupActivity>('/group-activities', { method: 'POST', body });
export const updateActivity = (id: string, body: Partial<GroupActivityInput> & { version: number; status?: GroupActivityStatus }) =>
  api<GroupActivity>(`/group-activities/${enc(id)}`, { method: 'PATCH', body });

/** Rupiah without decimals: "Rp 4.500.000" in Indonesian, "IDR 4,500,000" in English. */
export function formatRupiah(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: 'IDR', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(n);
}

/** What a person typed as a rupiah amount ("4.500.000", "Rp 4.500.000", "4,500,000"): a whole number, null when empty, or invalid. */
export function parseRupiah(text: string): number | null | 'invalid' {
  const t = text.trim();
  if (!t) return null;
  // Dots, commas and spaces group thousands in either language; a trailing ",00" or ".00" is no fraction.
  const cleaned = t
    .replace(/^(rp|idr)\s*/i, '')
    .replace(/[.,]00$/, '')
    .replace(/[.,\s\u00a0]/g, '');
  if (!/^\d+$/.test(cleaned)) return 'invalid';
  const n = Number(cleaned);
  return Number.isSafeInteger(n) ? n : 'invalid';
}
