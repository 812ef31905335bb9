// Request and response shapes of the employment report. Every count is a number of at least 5 or
// the string "<5"; rates and medians are null (with `suppressed: true`) when they would reveal a
// hidden count. Nothing here identifies a person: figures only.
import { z } from 'zod';
import { isicCodes, suppressBelow } from '../vocabulary.js';
import { suppressedMark } from './suppression.js';

export const reportScopes = ['network', 'partner', 'organization'] as const;
export type ReportScope = (typeof reportScopes)[number];

export const reportQuery = z.object({
  from: z.iso.date().optional().describe('First day of the period (YYYY-MM-DD, Asia/Jakarta); default: a year before `to`'),
  to: z.iso.date().optional().describe('Last day of the period; default: today'),
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .describe('Kemendagri province code (two digits): openings there, seekers who would work or live there, placements in openings there'),
  sector: z
    .enum(isicCodes as [string, ...string[]])
    .optional()
    .describe('ISIC section (letter) or division: openings of that sector, seekers who prefer it or worked in it'),
});
export type ReportQuery = z.infer<typeof reportQuery>;
export const reportCsvQuery = reportQuery.extend({ lang: z.enum(['id', 'en']).default('id').describe('Language of the sector labels') });
export type ReportCsvQuery = z.infer<typeof reportCsvQuery>;

export const countSchema = z
  .union([z.number().int().min(suppressBelow), z.literal(suppressedMark)])
  .meta({ id: 'SuppressedCount', description: `A count of at least ${suppressBelow}, or "${suppressedMark}" for fewer (zero included)` });
export const rateSchema = z
  .object({
    value: z.number().min(0).max(1).nullable().describe('Share between 0 and 1, three decimals; null when suppressed'),
    suppressed: z.boolean(),
  })
  .meta({ id: 'SuppressedRate' });

const provinceRef = z.object({ code: z.string(), name: z.string().nullable() });
const supplyFigures = { openings: countSchema, places: countSchema, seekers: countSchema };

export const employmentReportSchema = z
  .object({
    scope: z
      .object({
        kind: z.enum(reportScopes).describe('network: every organisation; partner: the placements of its own openings; organization: the placements of its own cases'),
        organization: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      })
      .describe('Which figures the caller sees: the openings-against-seekers table is always the network’s; placements and time to income follow the scope'),
    period: z.object({ from: z.iso.date(), to: z.iso.date() }),
    filters: z.object({ province: provinceRef.nullable(), sector: z.string().nullable() }),
    suppressBelow: z.number().int(),
    supply: z
      .object({
        cells: z.array(z.object({ province: provinceRef, sector: z.string().describe('ISIC section, or the division filtered on'), ...supplyFigures })),
        provinces: z.array(z.object({ province: provinceRef, ...supplyFigures })).describe('Per province, every sector: seekers counted once each'),
        sectors: z.array(z.object({ sector: z.string(), ...supplyFigures })).describe('Per sector, every province: seekers counted once each'),
        total: z.object(supplyFigures),
        remote: z.object({ openings: countSchema, places: countSchema }).describe('Openings with no workplace (remote only), not in the table'),
      })
      .describe(
        'Openings and training places open at some time in the period (published, not yet closed) by province of the workplace and sector, against returnees seeking employment or training there',
      ),
    placements: z
      .object({
        putForward: countSchema,
        interview: countSchema,
        offer: countSchema.describe('Reached an offer, or were hired'),
        hired: countSchema,
        rejected: countSchema,
        placementRate: rateSchema.describe('hired / putForward'),
        retention: z.object({
          month3: z.object({ due: countSchema, followedUp: countSchema, stillEmployed: countSchema, rate: rateSchema }),
          month6: z.object({ due: countSchema, followedUp: countSchema, stillEmployed: countSchema, rate: rateSchema }),
        }),
      })
      .describe('Candidates put forward in the period and how far they got; retention among placements started in the period whose follow-up is done or due'),
    timeToIncome: z
      .object({
        withIncome: countSchema,
        withoutIncome: countSchema,
        days: z.object({ q1: z.number().nullable(), median: z.number().nullable(), q3: z.number().nullable(), suppressed: z.boolean() }),
      })
      .nullable()
      .describe('Returnees with a skills profile who arrived in the period: days from arrival to first income; null for partners'),
  })
  .meta({ id: 'EmploymentReport' });
export type EmploymentReport = z.infer<typeof employmentReportSchema>;
export type CountOut = z.infer<typeof countSchema>;
