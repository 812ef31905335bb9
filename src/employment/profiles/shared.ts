// What a partner (or any receiver of a referral carrying the skills_profile field) sees of a skills
// profile: the work-related codes only. Constraints (health, care duties) and notes never travel.
import { z } from 'zod';
import type { DbHandle } from '../../platform/db/client.js';
import { educationLevels, seekingKinds, skillLevels } from '../vocabulary.js';
import { certificatesOf, findProfile, skillsOfRow, workHistoryOf } from './dal.js';

export const sharedSkillsProfileSchema = z
  .object({
    seeking: z.array(z.enum(seekingKinds)),
    workHistory: z.array(
      z.object({
        country: z.string().describe('ISO 3166-1 alpha-2; ID for work at home'),
        sector: z.string().nullable().describe('ISIC Rev. 4 code'),
        occupation: z.string().nullable().describe('ISCO-08 code'),
        years: z.number(),
        abroad: z.boolean(),
      }),
    ),
    skills: z.array(z.object({ code: z.string(), level: z.enum(skillLevels) })),
    languages: z.array(z.string()),
    education: z.enum(educationLevels).nullable(),
    certificates: z.array(z.object({ code: z.string(), country: z.string().nullable(), year: z.number().int().nullable() })),
    preferredSectors: z.array(z.string()),
    preferredAreaCodes: z.array(z.string()),
    willingToRelocate: z.boolean(),
    availableFrom: z.string().nullable().describe('YYYY-MM-DD'),
  })
  .meta({ id: 'SharedSkillsProfile' });
export type SharedSkillsProfile = z.infer<typeof sharedSkillsProfileSchema>;

/** The shareable part of the case's skills profile, or null when the case has none. No access check: the caller decides. */
export async function sharedSkillsProfile(db: DbHandle, caseId: string): Promise<SharedSkillsProfile | null> {
  const row = await findProfile(db, caseId);
  if (!row) return null;
  return {
    seeking: row.seeking as SharedSkillsProfile['seeking'],
    workHistory: workHistoryOf(row).map((h) => ({ country: h.country, sector: h.sector, occupation: h.occupation, years: h.years, abroad: h.abroad })),
    skills: skillsOfRow(row).map((s) => ({ code: s.code, level: s.level as SharedSkillsProfile['skills'][number]['level'] })),
    languages: row.languages,
    education: row.education as SharedSkillsProfile['education'],
    certificates: certificatesOf(row).map((c) => ({ code: c.code, country: c.country, year: c.year })),
    preferredSectors: row.preferredSectors,
    preferredAreaCodes: row.preferredAreaCodes,
    willingToRelocate: row.willingToRelocate,
    availableFrom: row.availableFrom,
  };
}
