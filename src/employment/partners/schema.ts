// Shapes of the partner's code of conduct.
import { z } from 'zod';
import { codeOfConduct } from '../vocabulary.js';

export const codeOfConductSchema = z
  .object({
    version: z.string().describe('The current version; a new version asks every partner user again'),
    points: z.array(z.enum(codeOfConduct.points)).describe('What the user signs, in order; texts in the web catalogues (employmentTerms.codePoints)'),
    accepted: z.boolean().describe('The caller has accepted this version'),
    acceptedAt: z.date().nullable(),
  })
  .meta({ id: 'CodeOfConduct' });
export type CodeOfConductOut = z.infer<typeof codeOfConductSchema>;

export const codeAcceptance = z
  .object({ version: z.string().trim().min(1).max(40).describe('The version read; another than the current one: 409 code_version_outdated') })
  .meta({ id: 'CodeOfConductAcceptance' });
export type CodeAcceptance = z.infer<typeof codeAcceptance>;
