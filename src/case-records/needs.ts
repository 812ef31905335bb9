// The needs assessment: each need has a type (which fixes its dimension), a severity and a status.
// Open needs are what referrals and the reintegration plan work from (`openNeeds`).
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { dimensionOf, severityRank, type NeedDimension, type NeedSeverity, type NeedType } from '../cases/needs.js';
import { requireCase } from '../cases/access.js';
import type { DbHandle } from '../platform/db/client.js';
import { caseNeeds } from '../platform/db/schema.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { Ctx } from '../platform/http/context.js';
import { conflict, notFound } from '../platform/http/errors.js';
import { decOpt, displayNames, encOpt, refFrom, versionConflict } from './common.js';
import type { NeedOut, needCreate, needUpdate } from './schema.js';
import type { z } from 'zod';

type Row = typeof caseNeeds.$inferSelect;

// Open first, then the most severe, then the oldest.
const order = [
  sql`case ${caseNeeds.status} when 'open' then 0 else 1 end`,
  desc(sql`case ${caseNeeds.severity} ${sql.raw(
    Object.entries(severityRank)
      .map(([k, v]) => `when '${k}' then ${v}`)
      .join(' '),
  )} else 0 end`),
  asc(caseNeeds.createdAt),
];

async function present(db: DbHandle, cipher: FieldCipher, rows: Row[]): Promise<NeedOut[]> {
  const names = await displayNames(
    db,
    rows.map((r) => r.createdById),
  );
  return rows.map((r) => ({
    id: r.id,
    type: r.type as NeedType,
    dimension: r.dimension as NeedDimension,
    severity: r.severity as NeedSeverity,
    status: r.status as NeedOut['status'],
    description: decOpt(cipher, r.descriptionEnc),
    createdBy: refFrom(names, r.createdById),
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

/** One open need per type and case: a second one would be counted twice by referrals and plans. */
async function refuseSecondOpen(db: DbHandle, caseId: string, type: string) {
  const [r] = await db
    .select({ id: caseNeeds.id })
    .from(caseNeeds)
    .where(and(eq(caseNeeds.caseId, caseId), eq(caseNeeds.type, type), eq(caseNeeds.status, 'open')))
    .limit(1);
  if (r) throw conflict('This need is already recorded and open; update it instead.', 'duplicate', undefined, { type: 'duplicate' });
}

async function findOne(db: DbHandle, caseId: string, needId: string) {
  const [r] = await db
    .select()
    .from(caseNeeds)
    .where(and(eq(caseNeeds.id, needId), eq(caseNeeds.caseId, caseId)));
  return r ?? null;
}

export async function list(ctx: Ctx, cipher: FieldCipher, caseId: string) {
  await requireCase(ctx, caseId, 'case.read');
  const rows = await ctx.db
    .select()
    .from(caseNeeds)
    .where(eq(caseNeeds.caseId, caseId))
    .orderBy(...order);
  const items = await present(ctx.db, cipher, rows);
  await ctx.audit(ctx.db, { action: 'case.needs.read', outcome: 'success', targetType: 'case', targetId: caseId, details: { count: items.length } });
  return { items, total: items.length };
}

export async function create(ctx: Ctx, cipher: FieldCipher, caseId: string, input: z.infer<typeof needCreate>): Promise<NeedOut> {
  await requireCase(ctx, caseId, 'case.update');
  const me = ctx.who();
  return ctx.db.transaction(async (tx) => {
    await refuseSecondOpen(tx, caseId, input.type);
    const [row] = await tx
      .insert(caseNeeds)
      .values({
        caseId,
        type: input.type,
        dimension: dimensionOf(input.type),
        severity: input.severity,
        descriptionEnc: encOpt(cipher, input.description),
        createdById: me.userId,
      })
      .returning();
    await ctx.audit(tx, {
      action: 'case.need.create',
      outcome: 'success',
      targetType: 'case_need',
      targetId: row.id,
      details: { caseId, type: input.type, severity: input.severity },
    });
    return (await present(tx, cipher, [row]))[0];
  });
}

export async function update(ctx: Ctx, cipher: FieldCipher, caseId: string, needId: string, input: z.infer<typeof needUpdate>): Promise<NeedOut> {
  await requireCase(ctx, caseId, 'case.update');
  const { version, ...rest } = input;
  const set: Partial<typeof caseNeeds.$inferInsert> = {};
  if (rest.severity !== undefined) set.severity = rest.severity;
  if (rest.status !== undefined) set.status = rest.status;
  if (rest.description !== undefined) set.descriptionEnc = encOpt(cipher, rest.description);
  return ctx.db.transaction(async (tx) => {
    const current = await findOne(tx, caseId, needId);
    if (!current) throw notFound();
    if (current.version !== version) throw versionConflict('need', (await present(tx, cipher, [current]))[0]);
    if (rest.status === 'open' && current.status !== 'open') await refuseSecondOpen(tx, caseId, current.type);
    const [row] = await tx
      .update(caseNeeds)
      .set({ ...set, version: sql`${caseNeeds.version} + 1`, updatedAt: new Date() })
      .where(and(eq(caseNeeds.id, needId), eq(caseNeeds.version, version)))
      .returning();
    if (!row) throw versionConflict('need', (await present(tx, cipher, [(await findOne(tx, caseId, needId))!]))[0]);
    await ctx.audit(tx, {
      action: 'case.need.update',
      outcome: 'success',
      targetType: 'case_need',
      targetId: needId,
      details: { caseId, fields: Object.keys(rest), status: rest.status ?? undefined },
    });
    return (await present(tx, cipher, [row]))[0];
  });
}

export interface OpenNeed {
  id: string;
  type: NeedType;
  dimension: NeedDimension;
  severity: NeedSeverity;
  /** Only when a cipher was given. */
  description?: string | null;
  createdAt: Date;
}

/**
 * The open needs of a case, most severe first: what referrals and the reintegration plan work
 * from. No access check: the caller has already passed `requireCase`. Pass the cipher to get the
 * descriptions too.
 */
export async function openNeeds(db: DbHandle, caseId: string, cipher?: FieldCipher): Promise<OpenNeed[]> {
  const rows = await db
    .select()
    .from(caseNeeds)
    .where(and(eq(caseNeeds.caseId, caseId), eq(caseNeeds.status, 'open')))
    .orderBy(...order);
  return rows.map((r) => ({
    id: r.id,
    type: r.type as NeedType,
    dimension: r.dimension as NeedDimension,
    severity: r.severity as NeedSeverity,
    ...(cipher ? { description: decOpt(cipher, r.descriptionEnc) } : {}),
    createdAt: r.createdAt,
  }));
}
