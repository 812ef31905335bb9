// Data access for openings and training places. Every function takes the handle it must run on.
// `openForMatchingSql` is the one definition of an opening that matching, candidate search and the
// published list use: published, not past its closing date (Asia/Jakarta), and offered by an active
// organisation that is not suspended.
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { todayInJakarta } from '../../cases/derived.js';
import type { DbHandle } from '../../platform/db/client.js';
import { areas, employmentOpenings, organizations } from '../../platform/db/schema.js';

export type OpeningRow = typeof employmentOpenings.$inferSelect;

/**
 * An SQL condition on an employment_openings row under `alias` (the table name when not aliased):
 * true when the opening is open for matching today. Use it in the WHERE of a query over openings:
 * `sql\`select … from employment_openings o where ${openForMatchingSql('o')}\``.
 */
export function openForMatchingSql(alias = 'employment_openings', today = todayInJakarta()): SQL {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error('openForMatchingSql: not a plain alias');
  const a = (column: string) => sql.raw(`"${alias}"."${column}"`);
  return sql`(${a('status')} = 'published' and (${a('closes_on')} is null or ${a('closes_on')} >= ${today}::date) and exists (select 1 from organizations po where po.id = ${a('organization_id')} and po.active and po.suspended_at is null))`;
}

/** An opening with what its answer and access need: the organisation and the area names. */
export interface OpeningView {
  row: OpeningRow;
  organizationName: string;
  organizationPartnerKind: string | null;
  organizationActive: boolean;
  organizationSuspendedAt: Date | null;
  provinceName: string | null;
  regencyName: string | null;
}

const province = alias(areas, 'province_area');
const regency = alias(areas, 'regency_area');

const view = (db: DbHandle) =>
  db
    .select({
      row: employmentOpenings,
      organizationName: organizations.name,
      organizationPartnerKind: organizations.partnerKind,
      organizationActive: organizations.active,
      organizationSuspendedAt: organizations.suspendedAt,
      provinceName: province.name,
      regencyName: regency.name,
    })
    .from(employmentOpenings)
    .innerJoin(organizations, eq(organizations.id, employmentOpenings.organizationId))
    .leftJoin(province, eq(province.code, employmentOpenings.provinceCode))
    .leftJoin(regency, and(sql`length(${employmentOpenings.areaCode}) >= 5`, eq(regency.code, sql`left(${employmentOpenings.areaCode}, 5)`)));

export async function findOpening(db: DbHandle, id: string): Promise<OpeningView | null> {
  const [r] = await view(db).where(eq(employmentOpenings.id, id));
  return r ?? null;
}

/** Locks the opening's row for the rest of the transaction; its version as it is now. */
export async function lockOpening(tx: DbHandle, id: string): Promise<number | null> {
  const [r] = await tx.select({ version: employmentOpenings.version }).from(employmentOpenings).where(eq(employmentOpenings.id, id)).for('update');
  return r?.version ?? null;
}

export interface OpeningFilter {
  /** Only this organisation's (a partner's own list). */
  organizationId?: string;
  /** Only those open for matching (the network's published list). */
  openForMatching?: boolean;
  status?: string;
  kind?: string;
  sector?: string;
  province?: string;
  q?: string;
  limit: number;
  offset: number;
}

export async function listOpenings(db: DbHandle, f: OpeningFilter): Promise<{ items: OpeningView[]; total: number }> {
  const where: SQL[] = [];
  if (f.organizationId) where.push(eq(employmentOpenings.organizationId, f.organizationId));
  if (f.openForMatching) where.push(openForMatchingSql());
  if (f.status) where.push(eq(employmentOpenings.status, f.status));
  if (f.kind) where.push(eq(employmentOpenings.kind, f.kind));
  // A section (one letter) matches itself and its divisions; a division only itself.
  if (f.sector) where.push(f.sector.length === 1 ? sql`left(${employmentOpenings.sector}, 1) = ${f.sector}` : eq(employmentOpenings.sector, f.sector));
  if (f.province) where.push(eq(employmentOpenings.provinceCode, f.province));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(${employmentOpenings.title} ilike ${like} or ${organizations.name} ilike ${like})`);
  }
  const cond = where.length ? and(...where) : undefined;
  const order = f.openForMatching
    ? [desc(employmentOpenings.publishedAt), desc(employmentOpenings.id)]
    : [desc(employmentOpenings.updatedAt), desc(employmentOpenings.id)];
  const items = await view(db)
    .where(cond)
    .orderBy(...order)
    .limit(f.limit)
    .offset(f.offset);
  const [{ n }] = await db
    .select({ n: count() })
    .from(employmentOpenings)
    .innerJoin(organizations, eq(organizations.id, employmentOpenings.organizationId))
    .where(cond);
  return { items, total: n };
}
