// Staff and service accounts. An organisation administrator manages the users of its own
// organisation; only a system administrator makes system administrators. Deactivated, never deleted.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ACTIVATION_TTL_MS, clearTotp, issueOneTimeToken } from '../auth/service.js';
import { revokeAllSessions } from '../auth/sessions.js';
import { apiTokens, areas, organizations, users } from '../platform/db/schema.js';
import type { DbHandle } from '../platform/db/client.js';
import { isUniqueViolation } from '../platform/db/errors.js';
import type { Ctx } from '../platform/http/context.js';
import { badRequest, conflict, notFound } from '../platform/http/errors.js';
import { rolesGrantableBy, type Role } from '../policy/policy.js';
import { findUser, listUsers } from './dal.js';
import { areaCodeList, displayNameSchema, emailSchema, languageCodes, localeSchema, roleSchema } from './schema.js';

export const userCreate = z
  .object({
    email: emailSchema,
    displayName: displayNameSchema,
    organizationId: z.uuid(),
    roles: z.array(roleSchema).min(1, 'Choose at least one role.').max(8),
    kind: z.enum(['person', 'service']).default('person'),
    locale: localeSchema.default('id'),
    languages: languageCodes.default([]),
    areaCodes: areaCodeList.default([]),
  })
  .meta({ id: 'UserCreate' });

export const userUpdate = z
  .object({
    displayName: displayNameSchema.optional(),
    roles: z.array(roleSchema).min(1, 'Choose at least one role.').max(8).optional(),
    locale: localeSchema.optional(),
    languages: languageCodes.optional(),
    areaCodes: areaCodeList.optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'UserUpdate' });

export const userQuery = z.object({
  organizationId: z.uuid().optional(),
  role: roleSchema.optional(),
  status: z.enum(['pending', 'active', 'deactivated']).optional(),
  kind: z.enum(['person', 'service']).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const target = (u: { id: string; organizationId: string; roles: readonly Role[] }) => ({ organizationId: u.organizationId, userId: u.id, roles: u.roles, type: 'user', id: u.id });

/** Loads a user the caller may act on, or 404 (audited) for one they may not see. */
async function loadFor(ctx: Ctx, action: Parameters<Ctx['require']>[0], id: string) {
  const user = await findUser(ctx.db, id);
  if (!user) {
    await ctx.require(action, { organizationId: null, userId: null, type: 'user', id });
    throw notFound();
  }
  await ctx.require(action, target(user));
  return user;
}

/** Every area code must name a Kemendagri area (at any level). */
async function assertAreasExist(db: DbHandle, codes: readonly string[] | undefined) {
  if (!codes?.length) return;
  const found = await db.select({ code: areas.code }).from(areas).where(inArray(areas.code, [...codes]));
  if (found.length !== new Set(codes).size) throw badRequest('Unknown area code.', { areaCodes: 'unknown_area' });
}

function assertRolesGrantable(ctx: Ctx, roles: readonly Role[], current: readonly Role[] = []) {
  const grantable = rolesGrantableBy(ctx.who().roles);
  // A role the caller cannot grant can neither be added nor taken away by them.
  const changed = [...roles.filter((r) => !current.includes(r)), ...current.filter((r) => !roles.includes(r))];
  if (changed.some((r) => !grantable.includes(r))) throw badRequest('You may not grant or remove this role.', { roles: 'role_not_grantable' });
}

export async function list(ctx: Ctx, q: z.infer<typeof userQuery>) {
  const reach = await ctx.reach('user.read');
  const actor = ctx.who();
  const scope =
    reach === 'all'
      ? { organizationId: q.organizationId }
      : reach === 'organization'
        ? { organizationId: actor.organizationId }
        : { organizationId: actor.organizationId, onlyUserId: actor.userId };
  // Asking for another organisation's users is answered with an empty list, not its members.
  if (reach !== 'all' && q.organizationId && q.organizationId !== actor.organizationId) return { items: [], total: 0 };
  const page = await listUsers(ctx.db, { ...q, ...scope });
  // Staff names and emails are personal data: the list read is recorded with the IDs it returned.
  await ctx.audit(ctx.db, { action: 'user.list', outcome: 'success', targetType: 'user', details: { ids: page.items.map((u) => u.id) } });
  return page;
}

export async function read(ctx: Ctx, id: string) {
  const user = await loadFor(ctx, 'user.read', id);
  await ctx.audit(ctx.db, { action: 'user.read', outcome: 'success', targetType: 'user', targetId: id });
  return user;
}

export async function create(ctx: Ctx, input: z.infer<typeof userCreate>) {
  await ctx.require('user.create', { organizationId: input.organizationId, type: 'organization', id: input.organizationId });
  assertRolesGrantable(ctx, input.roles);
  return ctx.db.transaction(async (tx) => {
    const [org] = await tx.select({ active: organizations.active }).from(organizations).where(eq(organizations.id, input.organizationId));
    if (!org) throw badRequest('Unknown organisation.', { organizationId: 'unknown_organization' });
    if (!org.active) throw badRequest('This organisation is deactivated.', { organizationId: 'organization_inactive' });
    await assertAreasExist(tx, input.areaCodes);
    let id: string;
    try {
      // Service accounts have no password and are active at once: they sign in with API tokens only.
      [{ id }] = await tx
        .insert(users)
        .values({ ...input, roles: [...new Set(input.roles)], status: input.kind === 'service' ? 'active' : 'pending' })
        .returning({ id: users.id });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('A user with this email address already exists.', 'duplicate', undefined, { email: 'duplicate' });
      throw e;
    }
    const activationToken = input.kind === 'person' ? await issueOneTimeToken(tx, 'activation', id, ACTIVATION_TTL_MS) : undefined;
    await ctx.audit(tx, { action: 'user.create', outcome: 'success', targetType: 'user', targetId: id, details: { roles: input.roles, kind: input.kind } });
    return { user: (await findUser(tx, id))!, activationToken };
  });
}

export async function update(ctx: Ctx, id: string, input: z.infer<typeof userUpdate>) {
  const user = await loadFor(ctx, 'user.update', id);
  const { version, ...set } = input;
  if (set.roles) {
    set.roles = [...new Set(set.roles)];
    assertRolesGrantable(ctx, set.roles, user.roles);
    if (id === ctx.who().userId && user.roles.includes('system_admin') && !set.roles.includes('system_admin'))
      throw badRequest('You cannot remove your own system administrator role.', { roles: 'own_admin_role' });
  }
  return ctx.db.transaction(async (tx) => {
    await assertAreasExist(tx, set.areaCodes);
    const [row] = await tx
      .update(users)
      .set({ ...set, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning({ id: users.id });
    if (!row) throw conflict('Someone else changed this user; review the current values.', 'version_conflict', { current: await findUser(tx, id) });
    // New roles take effect at the next sign-in; ending sessions makes that now.
    if (set.roles) await revokeAllSessions(tx, id);
    await ctx.audit(tx, { action: 'user.update', outcome: 'success', targetType: 'user', targetId: id, details: { fields: Object.keys(set), roles: set.roles } });
    return (await findUser(tx, id))!;
  });
}

export async function setActive(ctx: Ctx, id: string, active: boolean) {
  const user = await loadFor(ctx, 'user.deactivate', id);
  if (id === ctx.who().userId) throw conflict('You cannot deactivate your own account.', 'own_account');
  return ctx.db.transaction(async (tx) => {
    const status = active ? (user.kind === 'service' ? 'active' : 'pending') : 'deactivated';
    if (active && user.status !== 'deactivated') return user;
    await tx
      .update(users)
      .set({
        status,
        deactivatedAt: active ? null : new Date(),
        // A reactivated person sets a new password through a fresh activation link.
        ...(active && user.kind === 'person' ? { passwordHash: null } : {}),
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id));
    if (!active) {
      await revokeAllSessions(tx, id);
      await tx.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.userId, id), sql`${apiTokens.revokedAt} is null`));
    }
    const activationToken = active && user.kind === 'person' ? await issueOneTimeToken(tx, 'activation', id, ACTIVATION_TTL_MS) : undefined;
    await ctx.audit(tx, { action: active ? 'user.reactivate' : 'user.deactivate', outcome: 'success', targetType: 'user', targetId: id });
    return { ...(await findUser(tx, id))!, activationToken };
  });
}

/** A new one-time activation link: the way back in for someone who forgot their password. */
export async function reissueActivation(ctx: Ctx, id: string) {
  const user = await loadFor(ctx, 'user.update', id);
  if (user.kind !== 'person') throw conflict('Service accounts use API tokens, not passwords.', 'service_account');
  if (user.status === 'deactivated') throw conflict('Reactivate this user first.', 'user_deactivated');
  return ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: null, status: 'pending', version: sql`${users.version} + 1`, updatedAt: new Date() }).where(eq(users.id, id));
    await revokeAllSessions(tx, id);
    const activationToken = await issueOneTimeToken(tx, 'activation', id, ACTIVATION_TTL_MS);
    await ctx.audit(tx, { action: 'user.activation.reissue', outcome: 'success', targetType: 'user', targetId: id });
    return { activationToken };
  });
}

export async function resetTotp(ctx: Ctx, id: string) {
  await loadFor(ctx, 'user.update', id);
  await ctx.db.transaction(async (tx) => {
    await clearTotp(tx, id);
    await revokeAllSessions(tx, id);
    await ctx.audit(tx, { action: 'user.totp.reset', outcome: 'success', targetType: 'user', targetId: id });
  });
}
