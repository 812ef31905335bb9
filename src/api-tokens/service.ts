// API tokens for partner systems: scoped, expiring, shown once, stored hashed, revocable.
// A person makes them for themself; an administrator makes them for a service account.
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { apiTokens } from '../platform/db/schema.js';
import { hashToken, newToken } from '../platform/crypto/tokens.js';
import type { Ctx } from '../platform/http/context.js';
import { badRequest, conflict, notFound } from '../platform/http/errors.js';
import { scopes, scopesUsableBy } from '../policy/policy.js';
import { findUser } from '../users/dal.js';

export const apiTokenCreate = z
  .object({
    name: z.string().trim().min(1, 'Give the token a name.').max(100),
    scopes: z.array(z.enum(scopes)).min(1, 'Choose at least one scope.'),
    expiresInDays: z.number().int().min(1).max(365).default(90),
  })
  .meta({ id: 'ApiTokenCreate' });

const columns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scopes: apiTokens.scopes,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  createdAt: apiTokens.createdAt,
};

interface Owner {
  id: string;
  /** What the owner's roles let a token do: a token never carries a scope beyond them. */
  usableScopes: string[];
}

/** The owner of the tokens: the caller, or a service account the caller administers (404 otherwise). */
async function owner(ctx: Ctx, userId?: string): Promise<Owner> {
  const actor = ctx.who();
  if (!userId || userId === actor.userId) {
    await ctx.require('apiToken.manageOwn', { userId: actor.userId, organizationId: actor.organizationId });
    return { id: actor.userId, usableScopes: scopesUsableBy(actor) };
  }
  const user = await findUser(ctx.db, userId);
  await ctx.require('apiToken.manageService', { organizationId: user?.organizationId ?? null, roles: user?.roles, type: 'user', id: userId });
  if (!user || user.kind !== 'service') throw notFound();
  return { id: user.id, usableScopes: scopesUsableBy({ userId: user.id, organizationId: user.organizationId, roles: user.roles, kind: 'service' }) };
}

export async function list(ctx: Ctx, userId?: string) {
  const o = await owner(ctx, userId);
  const items = await ctx.db.select(columns).from(apiTokens).where(eq(apiTokens.userId, o.id)).orderBy(desc(apiTokens.createdAt));
  return { items, availableScopes: o.usableScopes };
}

export async function create(ctx: Ctx, input: z.infer<typeof apiTokenCreate>, userId?: string) {
  const { id, usableScopes } = await owner(ctx, userId);
  if (input.scopes.some((sc) => !usableScopes.includes(sc)))
    throw badRequest("The account's roles cannot use some of these scopes.", { scopes: 'scope_not_allowed' });
  const secret = newToken();
  const prefix = secret.slice(0, 8);
  const token = `pul_${secret}`;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: id,
        createdById: ctx.who().userId,
        name: input.name,
        prefix: `pul_${prefix}`,
        tokenHash: hashToken(token),
        scopes: [...new Set(input.scopes)],
        expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
      })
      .returning(columns);
    await ctx.audit(tx, { action: 'apiToken.create', outcome: 'success', targetType: 'api_token', targetId: row.id, details: { ownerId: id, scopes: row.scopes } });
    return { token, apiToken: row };
  });
}

export async function revoke(ctx: Ctx, tokenId: string, userId?: string) {
  const { id } = await owner(ctx, userId);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (!row) {
      const [exists] = await tx.select({ id: apiTokens.id }).from(apiTokens).where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, id)));
      if (exists) throw conflict('This token is already revoked.', 'already_revoked');
      throw notFound();
    }
    await ctx.audit(tx, { action: 'apiToken.revoke', outcome: 'success', targetType: 'api_token', targetId: tokenId, details: { ownerId: id } });
  });
}
