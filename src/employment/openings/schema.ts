// Request and response shapes of openings and training places. Closed lists come from
// employment/vocabulary.ts; rules across fields (area, wages, dates, the fields of a kind) are the
// service's (rules.ts), which answers with field codes.
import { z } from 'zod';
import { optionalText } from '../../platform/http/text.js';
import { languageCodes } from '../../users/schema.js';
import {
  accommodationOptions,
  certificateCodes,
  contractTypes,
  decentWorkCommitments,
  educationLevels,
  isicCodes,
  iscoCodes,
  openingKinds,
  openingStatuses,
  partnerKinds,
  skillCodes,
  skillLevels,
} from '../vocabulary.js';

const codes = (list: readonly string[]) => list as [string, ...string[]];
const version = z.number().int().min(1);
const day = z.iso.date();
const idr = z.number().int().min(0).max(1_000_000_000_000);
const areaCode = z
  .string()
  .trim()
  .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'Use a Kemendagri area code such as 32 or 32.12.');

export const openingParam = z.object({ id: z.uuid() });

const requiredSkill = z.object({ code: z.enum(skillCodes), level: z.enum(skillLevels) });

// The fields a partner writes. Absent on create: the defaults; null on update: cleared.
const fields = {
  title: z.string().trim().min(1).max(200),
  description: optionalText(4000),
  sector: z.enum(codes(isicCodes)).describe('ISIC Rev. 4 section (letter) or division (letter and two digits), vocabulary.ts isicSectors'),
  occupation: z.enum(codes(iscoCodes)).describe('ISCO-08 major group (one digit) or unit group (four digits), vocabulary.ts iscoOccupations'),
  areaCode: areaCode
    .nullish()
    .describe('Kemendagri code of the workplace (province to village; `unknown_area`); required unless remote (`required`). Its province is the first two digits'),
  remote: z.boolean().describe('The work (or the course) can be done from anywhere'),
  places: z.number().int().min(1).max(100_000).describe('How many people are taken'),
  wageMinIdr: idr.nullish().describe('Monthly wage in rupiah, lowest'),
  wageMaxIdr: idr.nullish().describe('Monthly wage in rupiah, highest; not below wageMinIdr (`wage_below_min`)'),
  contractType: z.enum(contractTypes).nullish(),
  hoursPerWeek: z.number().int().min(1).max(84).nullish(),
  workingHours: optionalText(200).describe('In plain words, e.g. "Senin–Jumat 08.00–16.00, dua shift"'),
  requiredSkills: z.array(requiredSkill).max(30).describe('Distinct codes (`duplicate`)'),
  requiredLanguages: languageCodes.describe('ISO 639 codes'),
  minEducation: z.enum(educationLevels).nullish(),
  requiredCertificates: z
    .array(z.enum(certificateCodes))
    .max(20)
    .transform((a) => [...new Set(a)]),
  accommodation: z.enum(accommodationOptions).nullish(),
  startOn: day.nullish().describe('YYYY-MM-DD'),
  closesOn: day
    .nullish()
    .describe('YYYY-MM-DD, the last day applications are open (often before startOn); not, when changed, before today in Jakarta (`in_past`). Null: open until closed'),
  commitments: z
    .array(z.enum(decentWorkCommitments))
    .max(decentWorkCommitments.length)
    .transform((a) => [...new Set(a)])
    .describe('Decent-work commitments the partner makes; a job is published only with all three'),
  durationWeeks: z.number().int().min(1).max(520).nullish().describe('Training places: required (`required`); jobs: `not_allowed`'),
  costIdr: idr.nullish().describe('Training places: cost to the trainee in rupiah, 0 when free; jobs: `not_allowed`'),
  certificateAwarded: z.enum(certificateCodes).nullish().describe('Training places: the certificate it leads to; jobs: `not_allowed`'),
};

export const openingCreate = z
  .object({
    kind: z.enum(openingKinds),
    ...fields,
    remote: fields.remote.default(false),
    places: fields.places.default(1),
    requiredSkills: fields.requiredSkills.default([]),
    requiredLanguages: fields.requiredLanguages.default([]),
    requiredCertificates: fields.requiredCertificates.default([]),
    commitments: fields.commitments.default([]),
  })
  .meta({ id: 'OpeningCreate' });
export type OpeningCreate = z.infer<typeof openingCreate>;

export const openingUpdate = z
  .object({ kind: z.enum(openingKinds).describe('Only while a draft (`not_allowed` once published)'), ...fields })
  .partial()
  .extend({ version })
  .meta({ id: 'OpeningUpdate' });
export type OpeningUpdate = z.infer<typeof openingUpdate>;

export const openingStep = z.object({ version }).meta({ id: 'OpeningStep' });
export type OpeningStep = z.infer<typeof openingStep>;

export const openingQuery = z.object({
  status: z.enum(openingStatuses).optional().describe("Partners: their own by status (default: all). Ignored for case workers, who see published ones open for matching"),
  kind: z.enum(openingKinds).optional(),
  sector: z.enum(codes(isicCodes)).optional().describe('A section letter also matches its divisions'),
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .describe('Kemendagri province code (two digits) of the workplace'),
  q: z.string().trim().max(100).optional().describe('Words of the title or the organisation name'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type OpeningQuery = z.infer<typeof openingQuery>;

export const openingActions = ['edit', 'publish', 'close'] as const;
export type OpeningAction = (typeof openingActions)[number];

export const openingSchema = z
  .object({
    id: z.uuid(),
    organization: z.object({ id: z.uuid(), name: z.string(), partnerKind: z.enum(partnerKinds).nullable() }),
    kind: z.enum(openingKinds),
    status: z.enum(openingStatuses),
    openForMatching: z.boolean().describe('Published, not past its closing date (Jakarta), its organisation active and not suspended'),
    title: z.string(),
    description: z.string().nullable(),
    sector: z.string(),
    occupation: z.string(),
    areaCode: z.string().nullable(),
    area: z.object({ province: z.string().nullable(), regency: z.string().nullable() }).nullable().describe('Names of the province and regency of areaCode'),
    remote: z.boolean(),
    places: z.number().int(),
    wageMinIdr: z.number().int().nullable(),
    wageMaxIdr: z.number().int().nullable(),
    contractType: z.enum(contractTypes).nullable(),
    hoursPerWeek: z.number().int().nullable(),
    workingHours: z.string().nullable(),
    requiredSkills: z.array(requiredSkill),
    requiredLanguages: z.array(z.string()),
    minEducation: z.enum(educationLevels).nullable(),
    requiredCertificates: z.array(z.enum(certificateCodes)),
    accommodation: z.enum(accommodationOptions).nullable(),
    startOn: z.string().nullable(),
    closesOn: z.string().nullable(),
    commitments: z.array(z.enum(decentWorkCommitments)),
    durationWeeks: z.number().int().nullable(),
    costIdr: z.number().int().nullable(),
    certificateAwarded: z.enum(certificateCodes).nullable(),
    publishedAt: z.date().nullable(),
    closedAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
    allowedActions: z.array(z.enum(openingActions)).describe("What the caller may do now: the partner's own users only"),
  })
  .meta({ id: 'Opening' });
export type OpeningOut = z.infer<typeof openingSchema>;

export const openingListSchema = z.object({ items: z.array(openingSchema), total: z.number().int() }).meta({ id: 'OpeningList' });
