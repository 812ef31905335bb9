// Scoring models as data: the versions stored, the active one, loading a new version (checked whole
// by modelSchema) and choosing which one scores new surveys. Reading them is open to those who hold
// cases (the survey form renders the active model) and to model managers; changing them needs
// sustainability.manageModels (system administrators).
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { displayNames, refFrom } from '../../case-records/common.js';
import { reachOf } from '../../policy/policy.js';
import type { DbHandle } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { sustainabilityModels } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/http/context.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { modelProblems, modelSchema, type SustainabilityModel } from './model.js';
import type { ModelDetail, ModelListItem } from './schema.js';

type Row = typeof sustainabilityModels.$inferSelect;

/** Case holders (the survey form) and model managers read models; anyone else gets 403 (audited). */
async function requireReader(ctx: Ctx) {
  const who = ctx.who();
  if (reachOf(who, 'case.read') || reachOf(who, 'sustainability.manageModels')) return;
  await ctx.reach('sustainability.manageModels');
}

async function present(db: DbHandle, rows: Row[]): Promise<ModelListItem[]> {
  const names = await displayNames(
    db,
    rows.map((r) => r.loadedById),
  );
  return rows.map((r) => {
    const d = r.definition as SustainabilityModel;
    return {
      id: r.id,
      code: r.code,
      version: r.version,
      name: d.name,
      active: r.active,
      loadedAt: r.loadedAt,
      loadedBy: refFrom(names, r.loadedById),
      indicatorCount: d.indicators.length,
      questionCount: d.questions.length,
    };
  });
}

const detail = async (db: DbHandle, row: Row): Promise<ModelDetail> => ({ ...(await present(db, [row]))[0]!, definition: row.definition as SustainabilityModel });

/** The model new surveys are scored with. */
export async function activeModel(db: DbHandle): Promise<{ id: string; definition: SustainabilityModel } | null> {
  const [r] = await db.select({ id: sustainabilityModels.id, definition: sustainabilityModels.definition }).from(sustainabilityModels).where(eq(sustainabilityModels.active, true)).limit(1);
  return r ? { id: r.id, definition: r.definition as SustainabilityModel } : null;
}

export async function modelById(db: DbHandle, id: string): Promise<{ id: string; code: string; version: number; definition: SustainabilityModel } | null> {
  const [r] = await db.select().from(sustainabilityModels).where(eq(sustainabilityModels.id, id));
  return r ? { id: r.id, code: r.code, version: r.version, definition: r.definition as SustainabilityModel } : null;
}

export async function list(ctx: Ctx): Promise<{ items: ModelListItem[] }> {
  await requireReader(ctx);
  const rows = await ctx.db.select().from(sustainabilityModels).orderBy(asc(sustainabilityModels.code), desc(sustainabilityModels.version));
  return { items: await present(ctx.db, rows) };
}

export async function read(ctx: Ctx, id: string): Promise<ModelDetail> {
  await requireReader(ctx);
  const [row] = await ctx.db.select().from(sustainabilityModels).where(eq(sustainabilityModels.id, id));
  if (!row) throw notFound();
  return detail(ctx.db, row);
}

export async function readActive(ctx: Ctx): Promise<ModelDetail> {
  await requireReader(ctx);
  const [row] = await ctx.db.select().from(sustainabilityModels).where(eq(sustainabilityModels.active, true)).limit(1);
  if (!row) throw notFound('No scoring model is active.');
  return detail(ctx.db, row);
}

const versionExists = () =>
  conflict('A model with this code and version is already loaded; give the new one a higher version.', 'version_exists', undefined, { version: 'version_exists' });

/** Loads a new version: refused whole (400, every failing path named) unless it validates. */
export async function load(ctx: Ctx, input: { model: unknown; activate: boolean }): Promise<ModelDetail> {
  const me = await ctx.require('sustainability.manageModels');
  const parsed = modelSchema.safeParse(input.model, { reportInput: true });
  if (!parsed.success) {
    const { fields, lines } = modelProblems(parsed.error.issues);
    throw badRequest(`The model is not valid. ${lines.slice(0, 20).join('; ')}`, Object.fromEntries(Object.entries(fields).map(([k, v]) => [`model.${k}`, v])));
  }
  const m = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const [same] = await tx
      .select({ id: sustainabilityModels.id })
      .from(sustainabilityModels)
      .where(and(eq(sustainabilityModels.code, m.code), eq(sustainabilityModels.version, m.version)));
    if (same) throw versionExists();
    if (input.activate) await tx.update(sustainabilityModels).set({ active: false }).where(eq(sustainabilityModels.active, true));
    let row: Row;
    try {
      [row] = (await tx.insert(sustainabilityModels).values({ code: m.code, version: m.version, definition: m, active: input.activate, loadedById: me.userId }).returning()) as [Row];
    } catch (e) {
      if (isUniqueViolation(e)) throw versionExists();
      throw e;
    }
    await ctx.audit(tx, {
      action: 'sustainability.model.load',
      outcome: 'success',
      targetType: 'sustainability_model',
      targetId: row.id,
      details: { code: m.code, version: m.version, activate: input.activate },
    });
    return detail(tx, row);
  });
}

export async function activate(ctx: Ctx, id: string): Promise<ModelDetail> {
  await ctx.require('sustainability.manageModels');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(sustainabilityModels).where(eq(sustainabilityModels.id, id));
    if (!row) throw notFound();
    await tx.update(sustainabilityModels).set({ active: false }).where(and(eq(sustainabilityModels.active, true), ne(sustainabilityModels.id, id)));
    const [updated] = (await tx.update(sustainabilityModels).set({ active: true }).where(eq(sustainabilityModels.id, id)).returning()) as [Row];
    await ctx.audit(tx, {
      action: 'sustainability.model.activate',
      outcome: 'success',
      targetType: 'sustainability_model',
      targetId: id,
      details: { code: row.code, version: row.version, wasActive: row.active },
    });
    return detail(tx, updated);
  });
}
