// The reintegration plan's words: the dimensions an item belongs to, how it is delivered, the
// statuses of a plan version and of an item, and the item's progress moves. Import-free (apart
// from the needs vocabulary), so the web app uses the same lists and labels as the API.
import type { NeedType } from '../../cases/needs.js';

type Label = { en: string; id: string };

/** The dimensions of a plan: the needs assessment's own, with housing, education and documentation of their own. */
export const planDimensions = [
  { code: 'economic', label: { en: 'Economic', id: 'Ekonomi' } },
  { code: 'social', label: { en: 'Social', id: 'Sosial' } },
  { code: 'psychosocial', label: { en: 'Psychosocial', id: 'Psikososial' } },
  { code: 'health', label: { en: 'Health', id: 'Kesehatan' } },
  { code: 'legal', label: { en: 'Legal', id: 'Hukum' } },
  { code: 'housing', label: { en: 'Housing', id: 'Tempat tinggal' } },
  { code: 'education', label: { en: 'Education', id: 'Pendidikan' } },
  { code: 'documentation', label: { en: 'Civil documents', id: 'Dokumen kependudukan' } },
] as const satisfies readonly { code: string; label: Label }[];
export type PlanDimension = (typeof planDimensions)[number]['code'];
export const planDimensionCodes = planDimensions.map((d) => d.code) as [PlanDimension, ...PlanDimension[]];

/**
 * The plan dimension a need of a type most likely falls in, for the form's suggestion: the needs'
 * own dimension, except the social needs that have a dimension of their own here (shelter,
 * education, documents) and the safety needs (protection is social support, relocation housing).
 * A need may still be answered by an item of another dimension.
 */
const needToPlan: Partial<Record<NeedType, PlanDimension>> = {
  shelter: 'housing',
  education: 'education',
  documents: 'documentation',
  protection: 'social',
  relocation: 'housing',
};
export function planDimensionOfNeed(type: string, needDimension: string): PlanDimension {
  const mapped = needToPlan[type as NeedType];
  if (mapped) return mapped;
  return (planDimensionCodes as readonly string[]).includes(needDimension) ? (needDimension as PlanDimension) : 'social';
}

/** direct: the case's own organisation delivers it; referral: a referral of the case; group: a group activity. */
export const deliveryModes = ['direct', 'referral', 'group'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];

/** A plan version: draft → submitted → approved (→ superseded by the next approved version), or submitted → returned → submitted. */
export const planStatuses = ['draft', 'submitted', 'approved', 'superseded', 'returned'] as const;
export type PlanStatus = (typeof planStatuses)[number];
/** The version being worked on; a case has at most one. */
export const openPlanStatuses: readonly PlanStatus[] = ['draft', 'submitted', 'returned'];
/** Whose goal and items may change. */
export const editablePlanStatuses: readonly PlanStatus[] = ['draft', 'returned'];

export const itemStatuses = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export type ItemStatus = (typeof itemStatuses)[number];

/** Progress on the current approved plan: forward only. */
export const itemTransitions: Readonly<Record<ItemStatus, readonly ItemStatus[]>> = {
  planned: ['in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};
/** Ending an item needs a word on what came of it. */
export const outcomeRequiredFor: readonly ItemStatus[] = ['completed', 'cancelled'];
/** Items that still count: enrolled in a group activity, or open for the closure checklist. */
export const activeItemStatuses: readonly ItemStatus[] = ['planned', 'in_progress'];

export const allowedItemMoves = (from: ItemStatus): ItemStatus[] => [...itemTransitions[from]];

/** The content of an item that makes a new version differ from the one it was copied from (status and outcome are progress, not content). */
export const itemContentFields = ['dimension', 'what', 'needId', 'delivery', 'referralId', 'groupActivityId', 'budgetIdr', 'startOn', 'endOn'] as const;
export type ItemContentField = (typeof itemContentFields)[number];

/** How an item stands against the same item in the previous approved version. */
export const itemChanges = ['added', 'changed', 'unchanged'] as const;
export type ItemChange = (typeof itemChanges)[number];

/** Compares an item's content with its origin's; null origin: the item is new in this version. */
export function compareItem(
  item: Record<ItemContentField, unknown>,
  origin: Record<ItemContentField, unknown> | null,
): { change: ItemChange; changedFields: ItemContentField[] } {
  if (!origin) return { change: 'added', changedFields: [] };
  const changedFields = itemContentFields.filter((f) => (item[f] ?? null) !== (origin[f] ?? null));
  return { change: changedFields.length ? 'changed' : 'unchanged', changedFields };
}

/** Largest budget of one item, in rupiah (ten billion): well beyond any plan, well inside a safe integer. */
export const maxItemBudgetIdr = 10_000_000_000;
