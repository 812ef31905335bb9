// Resolves the caller of each request from the session cookie or an API token, and enforces the
// route's declared auth mode: 'public', 'session' (a person in a browser) or 'any' (session or token, the default).
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { totpRequiredFor, type Actor, type Role } from '../policy/policy.js';
import type { Db } from '../platform/db/client.js';
import { apiTokens, organizations, users } from '../platform/db/schema.js';
import { hashToken } from '../platform/crypto/tokens.js';
import { forbidden, HttpError, unauthorized } from '../platform/http/errors.js';
import { appendAudit } from '../audit/service.js';
import { resolveSession, SESSION_COOKIE } from './sessions.js';

export type AuthMode = 'public' | 'session' | 'any';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
  interface FastifyContextConfig {
    auth?: AuthMode;
    /** Reachable by a system administrator who has not yet turned on two-factor authentication. */
    beforeTotp?: boolean;
  }
}

/** The user behind a session or token, when both the user and their organisation are active. */
async function activeUser(db: Db, id: string) {
  const [u] = await db
    .select({ id: users.id, organizationId: users.organizationId, roles: users.roles, kind: users.kind, status: users.status, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .innerJoin(organizations, and(eq(organizations.id, users.organizationId), eq(organizations.active, true)))
    .where(eq(users.id, id));
  return u && u.status === 'active' ? u : null;
}

async function fromSession(db: Db, token: string): Promise<Actor | null> {
  const s = await resolveSession(db, token);
  if (!s) return null;
  const u = await activeUser(db, s.userId);
  if (!u || u.kind !== 'person') return null;
  return {
    userId: u.id,
    organizationId: u.organizationId,
    roles: u.roles as Role[],
    kind: 'person',
    sessionId: s.id,
    sessionExpiresAt: s.expiresAt,
    mustEnrolTotp: totpRequiredFor(u.roles) && !u.totpEnabledAt,
  };
}

async function fromApiToken(db: Db, token: string): Promise<Actor | null> {
  const [t] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, sql`now()`)));
  if (!t) return null;
  const u = await activeUser(db, t.userId);
  if (!u) return null;
  // Recorded at most once a minute per token.
  if (!t.lastUsedAt || Date.now() - t.lastUsedAt.getTime() > 60_000)
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, t.id));
  return {
    userId: u.id,
    organizationId: u.organizationId,
    roles: u.roles as Role[],
    kind: u.kind === 'service' ? 'service' : 'person',
    scopes: t.scopes,
    tokenId: t.id,
  };
}

function originHost(origin: string) {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export async function resolveActor(db: Db, req: FastifyRequest): Promise<Actor | null> {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return fromApiToken(db, header.slice(7).trim());
  const cookie = req.cookies?.[SESSION_COOKIE];
  if (cookie) return fromSession(db, cookie);
  return null;
}

export const authenticate = fp(async (app: FastifyInstance, opts: { db: Db }) => {
  app.addHook('onRequest', async (req) => {
    // Unknown routes answer 404 to everyone; there is nothing to authenticate for.
    if (!req.routeOptions.url?.startsWith('/api/v1/')) return;
    const mode: AuthMode = req.routeOptions.config?.auth ?? 'any';
    const actor = await resolveActor(opts.db, req);
    if (actor) req.actor = actor;
    if (mode === 'public') return;
    if (!actor) throw unauthorized();
    const refuse = async (reason: string, error: HttpError) => {
      await appendAudit(opts.db, {
        action: 'permission.denied',
        outcome: 'denied',
        actorId: actor.userId,
        actorKind: actor.kind === 'service' ? 'service' : 'user',
        organizationId: actor.organizationId,
        ip: req.ip,
        requestId: String(req.id),
        details: { reason, route: req.routeOptions.url ?? null, method: req.method },
      });
      throw error;
    };
    if (mode === 'session' && !actor.sessionId) await refuse('session_required', forbidden('This action needs a signed-in person, not an API token.'));
    if (actor.mustEnrolTotp && !req.routeOptions.config?.beforeTotp)
      await refuse('totp_enrolment_required', new HttpError(403, 'totp_enrolment_required', 'Turn on two-factor authentication before you continue.'));
    // A cookie-borne write must come from our own pages (SameSite=Strict already refuses most cross-site requests).
    if (actor.sessionId && !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      const origin = req.headers.origin;
      if (origin && originHost(origin) !== req.headers.host) await refuse('cross_site', forbidden('Cross-site request refused.'));
    }
  });
});
