// Request and response shapes of group activities. They hold no personal data: only the
// organisation's own activities and a count of the people enrolled.
import { z } from 'zod';
import { groupActivityKindCodes, groupActivityStatuses, groupActivityStatusFilters } from './vocabulary.js';
import { optionalText } from '../../platform/http/text.js';

const day = z.iso.date();
const dayOut = z.string().describe('YYYY-MM-DD');
export const groupActivityParam = z.object({ id: z.uuid() });
export const groupActivityListQuery = z.object({
  status: z.enum(groupActivityStatusFilters).default('active'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type GroupActivityListQuery = z.infer<typeof groupActivityListQuery>;

const kind = z.enum(groupActivityKindCodes).meta({ id: 'GroupActivityKind' });
const status = z.enum(groupActivityStatuses).meta({ id: 'GroupActivityStatus' });

export const groupActivityCreate = z
  .object({
    kind,
    name: z.string().trim().min(1).max(200),
    description: optionalText(4000).describe('What happens, when and where; no personal data'),
    areaCode: z.string().trim().max(20).nullish().describe('Kemendagri code of where it takes place (province to village)'),
    startsOn: day.nullish(),
    endsOn: day.nullish().describe('On or after startsOn'),
    capacity: z.number().int().min(1).max(100_000).nullish().describe('Places; more enrolments are allowed, the activity is then marked full'),
  })
  .meta({ id: 'GroupActivityCreate' });
export type GroupActivityCreate = z.infer<typeof groupActivityCreate>;

export const groupActivityUpdate = z
  .object({
    version: z.number().int().min(1),
    kind: kind.optional(),
    name: z.string().trim().min(1).max(200).optional(),
    description: optionalText(4000).optional(),
    areaCode: z.string().trim().max(20).nullish(),
    startsOn: day.nullish(),
    endsOn: day.nullish(),
    capacity: z.number().int().min(1).max(100_000).nullish(),
    status: status.optional().describe('ended: no new enrolments; active again to reopen'),
  })
  .meta({ id: 'GroupActivityUpdate' });
export type GroupActivityUpdate = z.infer<typeof groupActivityUpdate>;

export const groupActivitySchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    kind,
    name: z.string(),
    description: z.string().nullable(),
    areaCode: z.string().nullable(),
    areaName: z.string().nullable(),
    startsOn: dayOut.nullable(),
    endsOn: dayOut.nullable(),
    capacity: z.number().int().nullable(),
    status,
    enrolled: z.number().int().describe("People (cases) with a planned or ongoing item of their current approved plan in this activity"),
    full: z.boolean().describe('As many enrolled as there are places (or more): enrolling is still allowed'),
    can: z.object({ manage: z.boolean() }),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'GroupActivity' });
export type GroupActivityOut = z.infer<typeof groupActivitySchema>;

export const groupActivityListSchema = z.object({ items: z.array(groupActivitySchema), total: z.number().int() }).meta({ id: 'GroupActivityList' });
