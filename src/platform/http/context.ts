// What a service call gets: the database handle, the caller, where the call came from, and the
// two policy gates. Services begin with `ctx.require(...)` or `ctx.reach(...)`; nothing else decides access.
import type { FastifyRequest } from 'fastify';
import { appendAudit, type AuditEvent } from '../../audit/service.js';
import { can, reachOf, type Action, type Actor, type Reach, type Target } from '../../policy/policy.js';
import type { Db, DbHandle } from '../db/client.js';
import { forbidden, notFound, unauthorized } from './errors.js';

export interface Ctx {
  db: Db;
  actor: Actor | null;
  ip: string;
  requestId: string;
  userAgent: string | undefined;
  /** The authenticated caller, or 401. */
  who(): Actor;
  /** Allows the action on the target or records the denial and throws: 404 for a record out of reach, 403 for an action the roles never allow. */
  require(action: Action, target?: Target & { type?: string; id?: string }): Promise<Actor>;
  /** How far the caller may take an action (for list queries), or records the denial and throws 403. */
  reach(action: Action): Promise<Reach>;
  /** Appends an audit entry with the caller and origin filled in. */
  audit(handle: DbHandle, event: Omit<AuditEvent, 'ip' | 'requestId'>): Promise<void>;
}

export function createCtx(db: Db, req: FastifyRequest): Ctx {
  const ctx: Ctx = {
    db,
    actor: req.actor ?? null,
    ip: req.ip,
    requestId: String(req.id),
    userAgent: req.headers['user-agent'],
    who() {
      if (!ctx.actor) throw unauthorized();
      return ctx.actor;
    },
    async require(action, target) {
      const actor = ctx.who();
      if (can(actor, action, target)) return actor;
      await ctx.audit(db, {
        action: 'permission.denied',
        outcome: 'denied',
        targetType: target?.type ?? null,
        targetId: target?.id ?? null,
        details: { action },
      });
      // A record out of reach answers as if it did not exist; an action the roles never allow is plainly refused.
      throw target && reachOf(actor, action) ? notFound() : forbidden();
    },
    async reach(action) {
      const actor = ctx.who();
      const r = reachOf(actor, action);
      if (r) return r;
      await ctx.audit(db, { action: 'permission.denied', outcome: 'denied', details: { action } });
      throw forbidden();
    },
    audit(handle, event) {
      const a = ctx.actor;
      return appendAudit(handle, {
        actorId: a?.userId ?? null,
        actorKind: a ? (a.kind === 'service' ? 'service' : 'user') : 'anonymous',
        organizationId: a?.organizationId ?? null,
        ...event,
        ip: ctx.ip,
        requestId: ctx.requestId,
      });
    },
  };
  return ctx;
}
