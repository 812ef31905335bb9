// Queries of skills profiles.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbHandle } from '../../platform/db/client.js';
import { areas, cases, countries, skillsProfiles } from '../../platform/db/schema.js';
import { profileMatchKeys } from '../matching/keys.js';
import type { ProfileForMatch } from '../matching/scoring.js';

export type ProfileRow = typeof skillsProfiles.$inferSelect;

export interface WorkHistoryEntry {
  country: string;
  sector: string | null;
  occupation: string | null;
  years: number;
  abroad: boolean;
}
export interface SkillEntry {
  code: string;
  level: string;
}
export interface CertificateEntry {
  code: string;
  country: string | null;
  year: number | null;
}

/** The jsonb columns read back with their shapes (written only by the profile service). */
export const workHistoryOf = (r: Pick<ProfileRow, 'workHistory'>) => (Array.isArray(r.workHistory) ? (r.workHistory as WorkHistoryEntry[]) : []);
export const skillsOfRow = (r: Pick<ProfileRow, 'skills'>) => (Array.isArray(r.skills) ? (r.skills as SkillEntry[]) : []);
export const certificatesOf = (r: Pick<ProfileRow, 'certificates'>) => (Array.isArray(r.certificates) ? (r.certificates as CertificateEntry[]) : []);

export async function findProfile(db: DbHandle, caseId: string): Promise<ProfileRow | null> {
  const [row] = await db.select().from(skillsProfiles).where(eq(skillsProfiles.caseId, caseId));
  return row ?? null;
}

/** The province of the case (copied from the person's home), for the location of matches. */
export async function caseProvince(db: DbHandle, caseId: string): Promise<string | null> {
  const [row] = await db.select({ provinceCode: cases.provinceCode }).from(cases).where(eq(cases.id, caseId));
  return row?.provinceCode ?? null;
}

export async function knownCountries(db: DbHandle, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db.select({ code: countries.code }).from(countries).where(inArray(countries.code, codes));
  return new Set(rows.map((r) => r.code));
}

/** Areas by code, with their level and name. */
export async function areasByCode(db: DbHandle, codes: string[]): Promise<Map<string, { level: string; name: string }>> {
  if (!codes.length) return new Map();
  const rows = await db.select({ code: areas.code, level: areas.level, name: areas.name }).from(areas).where(inArray(areas.code, codes));
  return new Map(rows.map((r) => [r.code, { level: r.level, name: r.name }]));
}

export type ProfileValues = Omit<typeof skillsProfiles.$inferInsert, 'id' | 'caseId' | 'version'>;

/** Creates the case's profile; null when one exists already (someone else created it meanwhile). */
export async function insertProfile(tx: DbHandle, caseId: string, values: ProfileValues): Promise<ProfileRow | null> {
  const [row] = await tx
    .insert(skillsProfiles)
    .values({ caseId, ...values })
    .onConflictDoNothing({ target: skillsProfiles.caseId })
    .returning();
  return row ?? null;
}

/** Replaces the profile at `version`; null when the stored version is another. */
export async function replaceProfile(tx: DbHandle, caseId: string, version: number, values: ProfileValues): Promise<ProfileRow | null> {
  const [row] = await tx
    .update(skillsProfiles)
    .set({ ...values, version: sql`${skillsProfiles.version} + 1` })
    .where(and(eq(skillsProfiles.caseId, caseId), eq(skillsProfiles.version, version)))
    .returning();
  return row ?? null;
}

/**
 * Keeps the profile in step with its case: the case's organisation, and the match keys (scoped to
 * that organisation, with the home province). For whoever moves a case (a transfer) or changes the
 * person's home; not a change of the profile itself (no new version).
 */
/** The profile as matching reads it. */
export const profileForMatch = (row: ProfileRow, homeProvinceCode: string | null): ProfileForMatch => ({
  seeking: row.seeking,
  workHistory: workHistoryOf(row),
  skills: skillsOfRow(row),
  languages: row.languages,
  education: row.education,
  certificates: certificatesOf(row),
  preferredSectors: row.preferredSectors,
  preferredAreaCodes: row.preferredAreaCodes,
  willingToRelocate: row.willingToRelocate,
  constraints: row.constraints,
  availableFrom: row.availableFrom,
  homeProvinceCode,
});

export async function refreshSkillsProfileKeys(tx: DbHandle, caseId: string): Promise<void> {
  const row = await findProfile(tx, caseId);
  if (!row) return;
  const [c] = await tx.select({ organizationId: cases.organizationId, provinceCode: cases.provinceCode }).from(cases).where(eq(cases.id, caseId));
  if (!c) return;
  const matchKeys = profileMatchKeys({ ...profileForMatch(row, c.provinceCode), organizationId: c.organizationId });
  await tx.update(skillsProfiles).set({ organizationId: c.organizationId, matchKeys }).where(eq(skillsProfiles.id, row.id));
}
