// Request and response shapes of placements and their follow-ups. A placement is shown inside
// its candidacy (employment/candidacies); the follow-ups only to the case side.
import { z } from 'zod';
import { optionalText } from '../../platform/http/text.js';
import { contractTypes, followUpMonths, placementEndReasons, workProblems } from '../vocabulary.js';

const version = z.number().int().min(1);
const day = z.iso.date();
const userRef = z.object({ id: z.uuid(), displayName: z.string() });

export const followUpStatuses = ['scheduled', 'done', 'missed', 'cancelled'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

export const placementParam = z.object({ id: z.uuid() });
export const followUpParam = z.object({
  id: z.uuid(),
  month: z.coerce
    .number()
    .int()
    .refine((m) => (followUpMonths as readonly number[]).includes(m), { message: 'One of the follow-up months' })
    .describe(`The month of the follow-up: ${followUpMonths.join(', ')}`),
});

export const placementCreate = z
  .object({
    startOn: day.describe('The first working day (YYYY-MM-DD)'),
    monthlyWageIdr: z.number().int().min(0).max(1_000_000_000).nullish().describe('Monthly wage in rupiah'),
    contractType: z.enum(contractTypes).nullish(),
  })
  .meta({ id: 'PlacementCreate' });
export type PlacementCreate = z.infer<typeof placementCreate>;

export const followUpRecord = z
  .object({
    version,
    stillEmployed: z.boolean(),
    conditionsAsPromised: z.boolean().describe('Wage, hours and conditions as promised at hiring'),
    problems: z
      .array(z.enum(workProblems))
      .max(workProblems.length)
      .default([])
      .transform((a) => [...new Set(a)])
      .describe('Any problem alerts the case worker (a task due today)'),
    note: optionalText(4000).describe('Stored encrypted; case side only'),
    conductedOn: day.describe('When the check was made (not in the future, not before the start)'),
  })
  .meta({ id: 'FollowUpRecord' });
export type FollowUpRecord = z.infer<typeof followUpRecord>;

export const placementEnd = z
  .object({
    version,
    endedOn: day.describe('The last working day (not in the future, not before the start)'),
    reason: z.enum(placementEndReasons),
  })
  .meta({ id: 'PlacementEnd' });
export type PlacementEndInput = z.infer<typeof placementEnd>;

export const followUpSchema = z
  .object({
    id: z.uuid(),
    month: z.number().int(),
    dueOn: day,
    status: z.enum(followUpStatuses).describe('cancelled: the placement ended before it fell due'),
    due: z.boolean().describe('Scheduled and within a week of its date (its task exists), or past it: it can be recorded'),
    overdue: z.boolean().describe('Scheduled and more than 30 days past its date without being recorded (it stays scheduled, never missed on its own)'),
    stillEmployed: z.boolean().nullable(),
    conditionsAsPromised: z.boolean().nullable(),
    problems: z.array(z.enum(workProblems)),
    note: z.string().nullable(),
    conductedOn: day.nullable(),
    conductedBy: userRef.nullable(),
    alert: z.boolean().describe('A problem was reported, or the conditions were not as promised'),
    version: z.number().int(),
  })
  .meta({ id: 'PlacementFollowUp' });
export type FollowUpOut = z.infer<typeof followUpSchema>;

export const placementSchema = z
  .object({
    id: z.uuid(),
    startOn: day,
    monthlyWageIdr: z.number().int().nullable(),
    contractType: z.enum(contractTypes).nullable(),
    endedOn: day.nullable(),
    endReason: z.enum(placementEndReasons).nullable(),
    recordedBy: userRef.nullable(),
    recordedAt: z.date(),
    version: z.number().int(),
    followUps: z.array(followUpSchema).optional().describe('Case side only: the checks at 1, 3 and 6 months'),
  })
  .meta({ id: 'Placement' });
export type PlacementOut = z.infer<typeof placementSchema>;
