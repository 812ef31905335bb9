// The trafficking screening of a case (HTCDS picklists, one per case, versioned) and the
// determination, which only holders of case.determine (supervisors) record.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbHandle } from '../platform/db/client.js';
import { caseEvents, caseScreenings, countries } from '../platform/db/schema.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { Ctx } from '../platform/http/context.js';
import { badRequest, type FieldErrors } from '../platform/http/errors.js';
import { isUniqueViolation } from '../platform/db/errors.js';
import { requireCase } from '../cases/access.js';
import { decOpt, displayNames, encOpt, refFrom, todayInJakarta, versionConflict } from './common.js';
import type { ScreeningOut, ScreeningPut } from './schema.js';

type Row = typeof caseScreenings.$inferSelect;

const empty = (caseId: string): ScreeningOut => ({
  caseId,
  exploitationTypes: [],
  meansOfControl: [],
  recruitmentMethods: [],
  recruiterRelationship: null,
  industries: [],
  exploitationCountries: [],
  exploitationStart: null,
  exploitationEnd: null,
  notes: null,
  determination: null,
  determinedBy: null,
  determinedAt: null,
  updatedBy: null,
  version: 0,
  createdAt: null,
  updatedAt: null,
});

async function find(db: DbHandle, caseId: string): Promise<Row | null> {
  const [r] = await db.select().from(caseScreenings).where(eq(caseScreenings.caseId, caseId));
  return r ?? null;
}

async function present(db: DbHandle, cipher: FieldCipher, caseId: string, r: Row | null): Promise<ScreeningOut> {
  if (!r) return empty(caseId);
  const names = await displayNames(db, [r.determinedById, r.updatedById]);
  return {
    caseId,
    exploitationTypes: r.exploitationTypes as ScreeningOut['exploitationTypes'],
    meansOfControl: r.meansOfControl as ScreeningOut['meansOfControl'],
    recruitmentMethods: r.recruitmentMethods as ScreeningOut['recruitmentMethods'],
    recruiterRelationship: r.recruiterRelationship as ScreeningOut['recruiterRelationship'],
    industries: r.industries as ScreeningOut['industries'],
    exploitationCountries: r.exploitationCountries,
    exploitationStart: r.exploitationStart,
    exploitationEnd: r.exploitationEnd,
    notes: decOpt(cipher, r.notesEnc),
    determination: r.determination as ScreeningOut['determination'],
    determinedBy: refFrom(names, r.determinedById),
    determinedAt: r.determinedAt,
    updatedBy: refFrom(names, r.updatedById),
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Checks what zod cannot: countries against the reference table, the dates against each other and today. */
async function check(db: DbHandle, input: ScreeningPut, today = todayInJakarta()) {
  const fields: FieldErrors = {};
  const codes = [...new Set(input.exploitationCountries.map((c) => c.trim().toUpperCase()))];
  if (codes.some((c) => !/^[A-Z]{2}$/.test(c))) fields.exploitationCountries = 'unknown_country';
  else if (codes.length) {
    const known = await db.select({ code: countries.code }).from(countries).where(inArray(countries.code, codes));
    if (known.length !== codes.length) fields.exploitationCountries = 'unknown_country';
  }
  const { exploitationStart: start, exploitationEnd: end } = input;
  if (start && start > today) fields.exploitationStart = 'in_future';
  if (end && end > today) fields.exploitationEnd = 'in_future';
  else if (start && end && end < start) fields.exploitationEnd = 'end_before_start';
  if (Object.keys(fields).length) throw badRequest('Some screening fields are invalid.', fields);
  return codes;
}

export async function read(ctx: Ctx, cipher: FieldCipher, caseId: string): Promise<ScreeningOut> {
  await requireCase(ctx, caseId, 'case.read');
  const out = await present(ctx.db, cipher, caseId, await find(ctx.db, caseId));
  await ctx.audit(ctx.db, { action: 'case.screening.read', outcome: 'success', targetType: 'case', targetId: caseId });
  return out;
}

/** Creates the screening (version 0) or replaces its answers (the current version); the determination is not touched here. */
export async function put(ctx: Ctx, cipher: FieldCipher, caseId: string, input: ScreeningPut): Promise<ScreeningOut> {
  await requireCase(ctx, caseId, 'case.update');
  const me = ctx.who();
  const countryCodes = await check(ctx.db, input);
  const values = {
    exploitationTypes: [...new Set(input.exploitationTypes)],
    meansOfControl: [...new Set(input.meansOfControl)],
    recruitmentMethods: [...new Set(input.recruitmentMethods)],
    recruiterRelationship: input.recruiterRelationship ?? null,
    industries: [...new Set(input.industries)],
    exploitationCountries: countryCodes,
    exploitationStart: input.exploitationStart ?? null,
    exploitationEnd: input.exploitationEnd ?? null,
    notesEnc: encOpt(cipher, input.notes),
    updatedById: me.userId,
  };
  return ctx.db.transaction(async (tx) => {
    const current = await find(tx, caseId);
    if ((current?.version ?? 0) !== input.version) throw versionConflict('screening', await present(tx, cipher, caseId, current));
    if (!current) {
      try {
        await tx.insert(caseScreenings).values({ caseId, ...values });
      } catch (e) {
        if (isUniqueViolation(e)) throw versionConflict('screening', await present(tx, cipher, caseId, await find(tx, caseId)));
        throw e;
      }
    } else {
      const done = await tx
        .update(caseScreenings)
        .set({ ...values, version: sql`${caseScreenings.version} + 1`, updatedAt: new Date() })
        .where(and(eq(caseScreenings.caseId, caseId), eq(caseScreenings.version, input.version)))
        .returning({ caseId: caseScreenings.caseId });
      if (!done.length) throw versionConflict('screening', await present(tx, cipher, caseId, await find(tx, caseId)));
    }
    await ctx.audit(tx, {
      action: current ? 'case.screening.update' : 'case.screening.create',
      outcome: 'success',
      targetType: 'case',
      targetId: caseId,
    });
    return present(tx, cipher, caseId, await find(tx, caseId));
  });
}

/** Records the determination (presumed, confirmed, not a victim) with who and when, and keeps it in the case history. */
export async function determine(ctx: Ctx, cipher: FieldCipher, caseId: string, input: { version: number; determination: string }): Promise<ScreeningOut> {
  // A role that never determines (case workers) gets 403 whatever the case, as everywhere in the
  // policy: it reveals nothing about the case. Out of a supervisor's reach is 404.
  await requireCase(ctx, caseId, 'case.determine');
  const me = ctx.who();
  return ctx.db.transaction(async (tx) => {
    const current = await find(tx, caseId);
    if ((current?.version ?? 0) !== input.version) throw versionConflict('screening', await present(tx, cipher, caseId, current));
    const now = new Date();
    const set = { determination: input.determination, determinedById: me.userId, determinedAt: now, updatedById: me.userId };
    if (!current) {
      try {
        await tx.insert(caseScreenings).values({ caseId, ...set });
      } catch (e) {
        if (isUniqueViolation(e)) throw versionConflict('screening', await present(tx, cipher, caseId, await find(tx, caseId)));
        throw e;
      }
    } else {
      const done = await tx
        .update(caseScreenings)
        .set({ ...set, version: sql`${caseScreenings.version} + 1`, updatedAt: now })
        .where(and(eq(caseScreenings.caseId, caseId), eq(caseScreenings.version, input.version)))
        .returning({ caseId: caseScreenings.caseId });
      if (!done.length) throw versionConflict('screening', await present(tx, cipher, caseId, await find(tx, caseId)));
    }
    await tx.insert(caseEvents).values({
      caseId,
      kind: 'determination',
      fromValue: current?.determination ?? null,
      toValue: input.determination,
      byId: me.userId,
      at: now,
    });
    await ctx.audit(tx, {
      action: 'case.determination',
      outcome: 'success',
      targetType: 'case',
      targetId: caseId,
      details: { from: current?.determination ?? null, to: input.determination },
    });
    return present(tx, cipher, caseId, await find(tx, caseId));
  });
}
