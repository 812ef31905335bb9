// The closed lists of case closure, free of imports so that the web app reads the same rules the API enforces.

/** pending → approved (the case closes) | returned (to the requester, with a note) | withdrawn. */
export const closureStatuses = ['pending', 'approved', 'returned', 'withdrawn'] as const;
export type ClosureStatus = (typeof closureStatuses)[number];

/**
 * What must hold before a supervisor approves a closure:
 * - plan_items_done: every item of the case's current approved reintegration plan is completed or
 *   cancelled (no approved plan: met, detail {noPlan: true});
 * - last_survey_done: at least one sustainability survey done, and none due on or before today
 *   still scheduled;
 * - referrals_resolved: no referral of the case still open (referrals/vocabulary.ts endedStatuses);
 * - no_pending_transfer: no transfer proposal of the case waiting for an answer.
 */
export const checklistCodes = ['plan_items_done', 'last_survey_done', 'referrals_resolved', 'no_pending_transfer'] as const;
export type ChecklistCode = (typeof checklistCodes)[number];

export interface ChecklistItem {
  code: ChecklistCode;
  met: boolean;
  /** Counts behind the answer (open items, surveys done and overdue, open referrals, pending transfers), or {noPlan: true}. */
  detail: Record<string, number | boolean>;
  /** In a decided request's snapshot: the approving supervisor acknowledged this unmet item. */
  acknowledged?: boolean;
}

/**
 * Closure reasons for which the plan and the surveys cannot be finished: the person died, the case
 * is a duplicate or went to another organisation, the person cannot be reached, declined help, or
 * migrated again. For these a supervisor may approve with an incomplete checklist, acknowledging it.
 */
export const acknowledgeableReasons = ['deceased', 'duplicate', 'transferred', 'unreachable', 'declined_assistance', 're_migrated'] as const;

/** Items an acknowledgement can never cover: a pending transfer is answered or withdrawn first. */
export const neverAcknowledged: readonly ChecklistCode[] = ['no_pending_transfer'];

export const mayAcknowledge = (closureReason: string) => (acknowledgeableReasons as readonly string[]).includes(closureReason);

/** Whether a checklist allows approval: complete, or incomplete only in items the reason lets a supervisor acknowledge. */
export function approvable(checklist: readonly ChecklistItem[], closureReason: string, acknowledgeIncomplete: boolean): boolean {
  const unmet = checklist.filter((i) => !i.met);
  if (!unmet.length) return true;
  if (!acknowledgeIncomplete || !mayAcknowledge(closureReason)) return false;
  return unmet.every((i) => !neverAcknowledged.includes(i.code));
}

/** The statuses of the closure list filter. */
export const closureListFilters = ['pending', 'decided', 'all'] as const;
export type ClosureListFilter = (typeof closureListFilters)[number];
