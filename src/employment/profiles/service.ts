// The skills profile of a case: read it, create or replace it. Part of the case: case.read to
// read, case.update to write (requireCase answers 404 to anyone out of reach). A write runs in
// one transaction with its history entry (kind `employment`, `profile_saved`) and audit entry
// (codes only), keeps the profile's organisation in step with the case's, and its match keys.
import { caseUsers, requireCase, type CaseHead } from '../../cases/access.js';
import { addCaseEvent } from '../../cases/dal.js';
import { decOpt, displayNames, encOpt, refFrom, todayInJakarta, versionConflict } from '../../case-records/common.js';
import { can } from '../../policy/policy.js';
import type { FieldCipher } from '../../platform/crypto/fields.js';
import type { DbHandle } from '../../platform/db/client.js';
import type { Ctx } from '../../platform/http/context.js';
import { badRequest, conflict, type FieldErrors } from '../../platform/http/errors.js';
import { isAreaCode } from '../../reference/area-codes.js';
import { profileMatchKeys } from '../matching/keys.js';
import {
  areasByCode,
  caseProvince,
  certificatesOf,
  findProfile,
  insertProfile,
  knownCountries,
  replaceProfile,
  skillsOfRow,
  workHistoryOf,
  type ProfileRow,
  type ProfileValues,
} from './dal.js';
import type { SkillsProfileOut, SkillsProfileWrite } from './schema.js';

const caseTarget = (head: CaseHead) => ({ organizationId: head.organizationId, userIds: caseUsers(head) });

async function present(ctx: Ctx, db: DbHandle, cipher: FieldCipher, row: ProfileRow, head: CaseHead): Promise<SkillsProfileOut> {
  const names = await displayNames(db, [row.updatedById]);
  const areaNames = await areasByCode(db, row.preferredAreaCodes);
  return {
    id: row.id,
    caseId: row.caseId,
    seeking: row.seeking as SkillsProfileOut['seeking'],
    workHistory: workHistoryOf(row),
    skills: skillsOfRow(row) as SkillsProfileOut['skills'],
    languages: row.languages,
    education: row.education as SkillsProfileOut['education'],
    certificates: certificatesOf(row),
    preferredSectors: row.preferredSectors,
    preferredAreaCodes: row.preferredAreaCodes,
    preferredAreas: row.preferredAreaCodes.map((code) => ({ code, name: areaNames.get(code)?.name ?? code })),
    willingToRelocate: row.willingToRelocate,
    constraints: row.constraints as SkillsProfileOut['constraints'],
    constraintsNote: decOpt(cipher, row.constraintsNoteEnc),
    availableFrom: row.availableFrom,
    incomeSince: row.incomeSince,
    notes: decOpt(cipher, row.notesEnc),
    updatedBy: refFrom(names, row.updatedById),
    updatedAt: row.updatedAt,
    createdAt: row.createdAt,
    version: row.version,
    canUpdate: head.stage !== 'closed' && can(ctx.who(), 'case.update', caseTarget(head)),
  };
}

export async function get(ctx: Ctx, cipher: FieldCipher, caseId: string): Promise<{ profile: SkillsProfileOut | null }> {
  const head = await requireCase(ctx, caseId, 'case.read');
  const row = await findProfile(ctx.db, caseId);
  await ctx.audit(ctx.db, {
    action: 'case.skillsProfile.read',
    outcome: 'success',
    targetType: 'case',
    targetId: caseId,
    details: { profileId: row?.id ?? null },
  });
  return { profile: row ? await present(ctx, ctx.db, cipher, row, head) : null };
}

/** The checks that need the database or more than one field; field paths as in the request. */
async function check(db: DbHandle, input: SkillsProfileWrite, today: string): Promise<void> {
  const fields: FieldErrors = {};
  input.workHistory.forEach((h, i) => {
    if (Math.round(h.years * 2) !== h.years * 2) fields[`workHistory.${i}.years`] = 'half_years_only';
  });
  const seen = new Set<string>();
  input.skills.forEach((s, i) => {
    if (seen.has(s.code)) fields[`skills.${i}.code`] = 'duplicate';
    seen.add(s.code);
  });
  const year = Number(today.slice(0, 4));
  input.certificates.forEach((c, i) => {
    if (c.year !== null && c.year > year) fields[`certificates.${i}.year`] = 'in_future';
  });
  const wanted = [...input.workHistory.map((h) => h.country), ...input.certificates.map((c) => c.country).filter((c): c is string => !!c)];
  const known = await knownCountries(db, [...new Set(wanted)]);
  input.workHistory.forEach((h, i) => {
    if (!known.has(h.country)) fields[`workHistory.${i}.country`] = 'unknown_country';
  });
  input.certificates.forEach((c, i) => {
    if (c.country && !known.has(c.country)) fields[`certificates.${i}.country`] = 'unknown_country';
  });
  if (input.preferredAreaCodes.length) {
    const found = await areasByCode(db, input.preferredAreaCodes.filter(isAreaCode));
    if (input.preferredAreaCodes.some((c) => !found.has(c))) fields.preferredAreaCodes = 'unknown_area';
    else if ([...found.values()].some((a) => a.level === 'village')) fields.preferredAreaCodes = 'area_too_detailed';
  }
  if (Object.keys(fields).length) throw badRequest(`Some fields of the skills profile are invalid: ${Object.entries(fields).map(([f, c]) => `${f}: ${c}`).join('; ')}`, fields);
}

/** Creates the profile (no version given) or replaces it (the stored version given). */
export async function save(ctx: Ctx, cipher: FieldCipher, caseId: string, input: SkillsProfileWrite, now = new Date()): Promise<{ created: boolean; profile: SkillsProfileOut }> {
  const head = await requireCase(ctx, caseId, 'case.update');
  if (head.stage === 'closed') throw conflict('This case is closed; reopen it first.', 'case_closed');
  const me = ctx.who();
  await check(ctx.db, input, todayInJakarta(now));
  const homeProvinceCode = await caseProvince(ctx.db, caseId);
  const workHistory = input.workHistory.map((h) => ({ country: h.country, sector: h.sector, occupation: h.occupation, years: h.years, abroad: h.country !== 'ID' }));
  const values: ProfileValues = {
    organizationId: head.organizationId,
    seeking: input.seeking,
    workHistory,
    skills: input.skills,
    languages: input.languages,
    education: input.education,
    certificates: input.certificates,
    preferredSectors: input.preferredSectors,
    preferredAreaCodes: input.preferredAreaCodes,
    willingToRelocate: input.willingToRelocate,
    constraints: input.constraints,
    constraintsNoteEnc: encOpt(cipher, input.constraintsNote),
    availableFrom: input.availableFrom,
    notesEnc: encOpt(cipher, input.notes),
    matchKeys: profileMatchKeys({ ...input, workHistory, homeProvinceCode, organizationId: head.organizationId }),
    updatedById: me.userId,
    updatedAt: now,
  };
  return ctx.db.transaction(async (tx) => {
    const stale = async () => {
      const current = await findProfile(tx, caseId);
      return versionConflict('skills profile', current ? await present(ctx, tx, cipher, current, head) : null);
    };
    const created = input.version === undefined;
    const row = created ? await insertProfile(tx, caseId, { ...values, createdAt: now }) : await replaceProfile(tx, caseId, input.version!, values);
    if (!row) throw await stale();
    await addCaseEvent(tx, { caseId, kind: 'employment', fromValue: null, toValue: 'profile_saved', reason: created ? 'created' : 'updated', byId: me.userId });
    await ctx.audit(tx, {
      action: created ? 'case.skillsProfile.create' : 'case.skillsProfile.update',
      outcome: 'success',
      targetType: 'skills_profile',
      targetId: row.id,
      details: { caseId, version: row.version, seeking: row.seeking },
    });
    return { created, profile: await present(ctx, tx, cipher, row, head) };
  });
}
