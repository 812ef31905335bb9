// Data access for users. Every function takes the handle it must run on.
import { and, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbHandle } from '../platform/db/client.js';
import { organizations, users } from '../platform/db/schema.js';
import type { Role } from '../policy/policy.js';
import type { UserOut } from './schema.js';

const columns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  organizationId: users.organizationId,
  organizationName: organizations.name,
  kind: users.kind,
  roles: users.roles,
  status: users.status,
  locale: users.locale,
  languages: users.languages,
  areaCodes: users.areaCodes,
  totpEnabledAt: users.totpEnabledAt,
  version: users.version,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  deactivatedAt: users.deactivatedAt,
};

type Row = { [K in keyof typeof columns]: (typeof columns)[K]['_']['data'] | null } & { organizationName: string };

function toUser(r: Row): UserOut {
  const { totpEnabledAt, ...rest } = r;
  return { ...(rest as Omit<UserOut, 'totpEnabled'>), totpEnabled: !!totpEnabledAt };
}

export async function findUser(db: DbHandle, id: string): Promise<UserOut | null> {
  const [r] = await db.select(columns).from(users).innerJoin(organizations, eq(organizations.id, users.organizationId)).where(eq(users.id, id));
  return r ? toUser(r as Row) : null;
}

export async function findUserByEmail(db: DbHandle, email: string) {
  const [r] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return r ?? null;
}

export interface UserFilter {
  organizationId?: string;
  role?: Role;
  status?: string;
  kind?: string;
  q?: string;
  onlyUserId?: string;
  limit: number;
  offset: number;
}

export async function listUsers(db: DbHandle, f: UserFilter) {
  const where: SQL[] = [];
  if (f.organizationId) where.push(eq(users.organizationId, f.organizationId));
  if (f.onlyUserId) where.push(eq(users.id, f.onlyUserId));
  if (f.role) where.push(sql`${f.role} = any(${users.roles})`);
  if (f.status) where.push(eq(users.status, f.status));
  if (f.kind) where.push(eq(users.kind, f.kind));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(users.displayName, like), ilike(users.email, like))!);
  }
  const cond = where.length ? and(...where) : undefined;
  const rows = await db
    .select(columns)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(cond)
    .orderBy(users.displayName, users.id)
    .limit(f.limit)
    .offset(f.offset);
  const [{ n }] = await db.select({ n: count() }).from(users).where(cond);
  return { items: rows.map((r) => toUser(r as Row)), total: n };
}
