// Shapes of matching: a case's ranked openings and an opening's ranked candidates, each with the
// score and the reasons (codes with the details a sentence needs; scoring.ts). Candidates carry
// the case's reference and reasons, never a name or any personal field of the person.
import { z } from 'zod';
import { userRef } from '../../case-records/schema.js';
import { openingKinds } from '../vocabulary.js';
import { matchReasonCodes } from './scoring.js';

const dayOut = z.string().describe('YYYY-MM-DD');

export const caseParam = z.object({ id: z.uuid() });
export const openingParam = z.object({ id: z.uuid() });

export const caseMatchesQuery = z.object({
  kind: z.enum(openingKinds).optional().describe("job or training; by default what the profile seeks (jobs unless only training or one's own business)"),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type CaseMatchesQuery = z.infer<typeof caseMatchesQuery>;

export const openingCandidatesQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(25) });
export type OpeningCandidatesQuery = z.infer<typeof openingCandidatesQuery>;

export const matchReasonSchema = z
  .object({
    code: z.enum(matchReasonCodes),
    detail: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]))
      .optional()
      .describe('What the sentence names: occupation, sector, skill, certificate, language (codes), years, countries, areaCode, dates'),
  })
  .meta({ id: 'MatchReason' });

const candidacyRef = z.object({ id: z.uuid(), status: z.string() }).nullable().describe("The case's newest candidacy for this opening, if any");

export const caseMatchesSchema = z
  .object({
    kind: z.enum(openingKinds),
    profileVersion: z.number().int(),
    items: z.array(
      z.object({
        opening: z.object({
          id: z.uuid(),
          title: z.string(),
          kind: z.enum(openingKinds),
          organization: z.object({ id: z.uuid(), name: z.string(), partnerKind: z.string().nullable() }),
          sector: z.string(),
          occupation: z.string(),
          areaCode: z.string().nullable(),
          area: z.object({ province: z.string().nullable(), regency: z.string().nullable() }).nullable(),
          remote: z.boolean(),
          startOn: dayOut.nullable(),
          closesOn: dayOut.nullable(),
          wageMinIdr: z.number().nullable(),
          wageMaxIdr: z.number().nullable(),
          contractType: z.string().nullable(),
          durationWeeks: z.number().int().nullable(),
          costIdr: z.number().nullable(),
        }),
        score: z.number().int().min(0).max(100),
        reasons: z.array(matchReasonSchema),
        consent: z.object({ covers: z.boolean().describe("An active job_matching consent covers the opening's organisation (named, or by its type)") }),
        candidacy: candidacyRef,
      }),
    ),
  })
  .meta({ id: 'CaseMatches' });
export type CaseMatchesOut = z.infer<typeof caseMatchesSchema>;

export const openingCandidatesSchema = z
  .object({
    opening: z.object({
      id: z.uuid(),
      title: z.string(),
      kind: z.enum(openingKinds),
      organization: z.object({ id: z.uuid(), name: z.string() }),
      areaCode: z.string().nullable(),
      area: z.object({ province: z.string().nullable(), regency: z.string().nullable() }).nullable(),
      remote: z.boolean(),
    }),
    items: z.array(
      z.object({
        case: z.object({ id: z.uuid(), reference: z.string() }),
        score: z.number().int().min(0).max(100),
        reasons: z.array(matchReasonSchema),
        assignedTo: userRef.nullable().describe('The case worker to ask about the case'),
        canOpen: z.boolean().describe('Whether the caller may open the case (a case worker: only their own cases)'),
        candidacy: candidacyRef,
      }),
    ),
  })
  .meta({ id: 'OpeningCandidates' });
export type OpeningCandidatesOut = z.infer<typeof openingCandidatesSchema>;
