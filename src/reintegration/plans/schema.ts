// Request and response shapes of reintegration plans. Response schemas strip what they do not
// declare, so the ciphertext of goals, items and outcomes never leaves by accident.
import { z } from 'zod';
import { needDimensions, needTypes } from '../../cases/needs.js';
import { groupActivityKindCodes, groupActivityStatuses } from '../groups/vocabulary.js';
import { deliveryModes, itemChanges, itemContentFields, itemStatuses, maxItemBudgetIdr, planDimensionCodes, planStatuses } from './vocabulary.js';
import { optionalText } from '../../platform/http/text.js';

const codes = <T extends { code: string }>(list: readonly T[]) => list.map((x) => x.code) as [T['code'], ...T['code'][]];
const day = z.iso.date();
const dayOut = z.string().describe('YYYY-MM-DD');
const version = z.number().int().min(1);
const planStatus = z.enum(planStatuses).meta({ id: 'PlanStatus' });
const itemStatus = z.enum(itemStatuses).meta({ id: 'PlanItemStatus' });
const dimension = z.enum(planDimensionCodes).meta({ id: 'PlanDimension' });
const delivery = z.enum(deliveryModes).meta({ id: 'PlanItemDelivery' });
const budget = z.number().int().min(0).max(maxItemBudgetIdr).describe('Rupiah, a whole number');

// ---------------------------------------------------------------------------------------------
// Parameters and queries

export const caseParam = z.object({ caseId: z.uuid() });
export const planParam = z.object({ id: z.uuid() });
export const itemParam = z.object({ id: z.uuid(), itemId: z.uuid() });
export const itemDeleteQuery = z.object({ version: z.coerce.number().int().min(1).optional().describe("The item's version; stale → 409 version_conflict") });
export const planListQuery = z.object({
  status: z.enum(['submitted']).default('submitted').describe('Plans awaiting approval'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type PlanListQuery = z.infer<typeof planListQuery>;

// ---------------------------------------------------------------------------------------------
// Writes

export const planCreate = z
  .object({
    goal: optionalText(4000).describe('What the person wants to reach; stored encrypted. A new version copies the approved goal unless given'),
    changeNote: optionalText(4000).describe('Why a new version: stored encrypted'),
  })
  .meta({ id: 'PlanCreate' });
export type PlanCreate = z.infer<typeof planCreate>;

export const planUpdate = z
  .object({ version, goal: optionalText(4000).optional(), changeNote: optionalText(4000).optional() })
  .meta({ id: 'PlanUpdate' });
export type PlanUpdate = z.infer<typeof planUpdate>;

export const planSubmit = z.object({ version }).meta({ id: 'PlanSubmit' });
export const planApprove = z.object({ version, note: optionalText(4000).describe('Stored encrypted') }).meta({ id: 'PlanApprove' });
export const planReturn = z
  .object({ version, note: z.string().trim().min(1).max(4000).describe('What to change; stored encrypted') })
  .meta({ id: 'PlanReturn' });
export type PlanDecision = { version: number; note?: string | null };

const itemFields = {
  dimension,
  what: z.string().trim().min(1).max(2000).describe('What will be done; stored encrypted'),
  needId: z.uuid().nullish().describe('The need of this case it answers (`unknown_need` otherwise)'),
  delivery,
  referralId: z.uuid().nullish().describe('delivery referral: a referral of this case (`unknown_referral` otherwise)'),
  groupActivityId: z.uuid().nullish().describe("delivery group: an active group activity of the case's organisation (`unknown_activity` otherwise)"),
  budgetIdr: budget.nullish(),
  startOn: day.nullish(),
  endOn: day.nullish().describe('On or after startOn (`end_before_start`)'),
};
export const planItemCreate = z.object(itemFields).meta({ id: 'PlanItemCreate' });
export type PlanItemCreate = z.infer<typeof planItemCreate>;
export const planItemUpdate = z
  .object({
    version,
    dimension: dimension.optional(),
    what: itemFields.what.optional(),
    needId: itemFields.needId,
    delivery: delivery.optional(),
    referralId: itemFields.referralId,
    groupActivityId: itemFields.groupActivityId,
    budgetIdr: itemFields.budgetIdr,
    startOn: itemFields.startOn,
    endOn: itemFields.endOn,
  })
  .meta({ id: 'PlanItemUpdate', description: 'Only the fields present change; a link that does not fit the delivery is cleared.' });
export type PlanItemUpdate = z.infer<typeof planItemUpdate>;

export const itemProgress = z
  .object({
    version: version.describe("The item's version"),
    status: itemStatus,
    outcome: optionalText(4000).describe('What came of it; required to complete or cancel; stored encrypted'),
  })
  .meta({ id: 'PlanItemProgress' });
export type ItemProgress = z.infer<typeof itemProgress>;

// ---------------------------------------------------------------------------------------------
// Responses

const userRef = z.object({ id: z.uuid(), displayName: z.string() });
const planRef = z.object({ id: z.uuid(), number: z.number().int(), status: planStatus });

export const planItemSchema = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    seq: z.number().int(),
    dimension,
    what: z.string(),
    need: z
      .object({ id: z.uuid(), type: z.enum(codes(needTypes)), dimension: z.enum(codes(needDimensions)), status: z.string() })
      .nullable()
      .describe('The need it answers'),
    delivery,
    referral: z
      .object({ id: z.uuid(), status: z.string(), organizationName: z.string(), serviceName: z.string().nullable() })
      .nullable(),
    groupActivity: z
      .object({
        id: z.uuid(),
        kind: z.enum(groupActivityKindCodes),
        name: z.string(),
        status: z.enum(groupActivityStatuses),
        capacity: z.number().int().nullable(),
        enrolled: z.number().int(),
        full: z.boolean().describe('As many enrolled as places, or more: a warning, not a refusal'),
      })
      .nullable(),
    budgetIdr: z.number().int().nullable(),
    startOn: dayOut.nullable(),
    endOn: dayOut.nullable(),
    status: itemStatus,
    outcome: z.string().nullable(),
    allowedTransitions: z.array(itemStatus).describe('Progress moves the caller may make now (only on the current approved plan)'),
    originItemId: z.uuid().nullable().describe('The same item in the version this one was copied from'),
    change: z
      .enum(itemChanges)
      .nullable()
      .describe('Against the previous approved version (comparedTo): added, changed or unchanged; null when there is none'),
    changedFields: z.array(z.enum(itemContentFields)),
    version: z.number().int(),
    updatedAt: z.date(),
  })
  .meta({ id: 'PlanItem' });
export type PlanItemOut = z.infer<typeof planItemSchema>;

export const planBudgetSchema = z
  .object({
    totalIdr: z.number().int(),
    byDimension: z.array(z.object({ dimension, itemCount: z.number().int(), totalIdr: z.number().int() })).describe('Dimensions with items, in the fixed order'),
  })
  .meta({ id: 'PlanBudget', description: 'Sums of the items’ budgets (an item without a budget counts 0)' });

export const planSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    caseReference: z.string(),
    number: z.number().int().describe("The plan's version number within the case: 1, 2, 3…"),
    status: planStatus,
    goal: z.string().nullable(),
    changeNote: z.string().nullable(),
    basedOn: planRef.nullable().describe('The approved version this one was copied from'),
    comparedTo: planRef.nullable().describe('The previous approved version the items are compared with (the same as basedOn)'),
    items: z.array(planItemSchema),
    removedItems: z.array(planItemSchema).describe('Items of comparedTo that this version does not carry'),
    budget: planBudgetSchema,
    createdBy: userRef.nullable(),
    createdAt: z.date(),
    submittedBy: userRef.nullable(),
    submittedAt: z.date().nullable(),
    decidedBy: userRef.nullable(),
    decidedAt: z.date().nullable(),
    decisionNote: z.string().nullable(),
    can: z.object({
      edit: z.boolean().describe('Change the goal and items, and submit'),
      decide: z.boolean().describe('Approve or return (plan.approve)'),
      progress: z.boolean().describe('Record progress on the items (current approved plan)'),
    }),
    version: z.number().int(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Plan' });
export type PlanOut = z.infer<typeof planSchema>;

export const planVersionSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    status: planStatus,
    createdAt: z.date(),
    submittedAt: z.date().nullable(),
    decidedAt: z.date().nullable(),
    decidedBy: userRef.nullable(),
    itemCount: z.number().int(),
    budgetTotalIdr: z.number().int(),
  })
  .meta({ id: 'PlanVersion' });
export type PlanVersionOut = z.infer<typeof planVersionSchema>;

export const casePlansSchema = z
  .object({
    current: planSchema.nullable().describe('The approved version, with items'),
    open: planSchema.nullable().describe('The version being worked on (draft, submitted or returned), with items'),
    versions: z.array(planVersionSchema).describe('Every version, newest first'),
    can: z.object({ create: z.boolean().describe('Start a plan, or a new version of the approved one') }),
  })
  .meta({ id: 'CasePlans' });
export type CasePlansOut = z.infer<typeof casePlansSchema>;

export const submittedPlanSchema = z
  .object({
    planId: z.uuid(),
    caseId: z.uuid(),
    caseReference: z.string(),
    number: z.number().int(),
    submittedAt: z.date(),
    submittedBy: userRef.nullable(),
    itemCount: z.number().int(),
    budgetTotalIdr: z.number().int(),
  })
  .meta({ id: 'SubmittedPlan' });
export type SubmittedPlanOut = z.infer<typeof submittedPlanSchema>;
export const submittedPlanListSchema = z.object({ items: z.array(submittedPlanSchema), total: z.number().int() }).meta({ id: 'SubmittedPlanList' });
