import { aliasedTable, and, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { DbHandle } from '../platform/db/client.js';
import { areas, organizations } from '../platform/db/schema.js';
import type { OrganizationOut } from './schema.js';

/** A stored organisation: the response without its derived and caller-dependent fields, plus what they come from. */
export type OrganizationRow = Omit<OrganizationOut, 'surveyMonths' | 'suspended' | 'suspendedBy' | 'suspensionNote'> & {
  suspendedById: string | null;
  suspensionNoteEnc: string | null;
};

const parent = aliasedTable(organizations, 'parent');
const columns = {
  id: organizations.id,
  name: organizations.name,
  acronym: organizations.acronym,
  type: organizations.type,
  level: organizations.level,
  areaCode: organizations.areaCode,
  areaName: areas.name,
  parentId: organizations.parentId,
  parentName: parent.name,
  description: organizations.description,
  website: organizations.website,
  email: organizations.email,
  phone: organizations.phone,
  partnerKind: organizations.partnerKind,
  suspendedAt: organizations.suspendedAt,
  suspendedById: organizations.suspendedById,
  suspensionNoteEnc: organizations.suspensionNoteEnc,
  active: organizations.active,
  version: organizations.version,
  createdAt: organizations.createdAt,
  updatedAt: organizations.updatedAt,
};

const base = (db: DbHandle) =>
  db
    .select(columns)
    .from(organizations)
    .leftJoin(areas, eq(areas.code, organizations.areaCode))
    .leftJoin(parent, eq(parent.id, organizations.parentId));

export async function findOrganization(db: DbHandle, id: string): Promise<OrganizationRow | null> {
  const [r] = await base(db).where(eq(organizations.id, id));
  return (r as OrganizationRow) ?? null;
}

export async function listOrganizations(db: DbHandle, f: { q?: string; type?: string; level?: string; active?: boolean; limit: number; offset: number }) {
  const where: SQL[] = [];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(organizations.name, like), ilike(organizations.acronym, like))!);
  }
  if (f.type) where.push(eq(organizations.type, f.type));
  if (f.level) where.push(eq(organizations.level, f.level));
  if (f.active !== undefined) where.push(eq(organizations.active, f.active));
  const cond = where.length ? and(...where) : undefined;
  const items = await base(db).where(cond).orderBy(organizations.name).limit(f.limit).offset(f.offset);
  const [{ n }] = await db.select({ n: count() }).from(organizations).where(cond);
  return { items: items as OrganizationRow[], total: n };
}
