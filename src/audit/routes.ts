import { z } from 'zod';
import { createCtx } from '../platform/http/context.js';
import { errors } from '../platform/http/errors.js';
import type { App, Deps } from '../platform/http/types.js';
import { listAudit, verifyAudit } from './service.js';

const tags = ['audit'];
const eventSchema = z
  .object({
    seq: z.number().int(),
    at: z.date(),
    actorId: z.uuid().nullable(),
    actorKind: z.string(),
    organizationId: z.uuid().nullable(),
    action: z.string(),
    outcome: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });

const query = z.object({
  organizationId: z.uuid().optional(),
  actorId: z.uuid().optional(),
  action: z.string().trim().max(100).optional().describe('An action, or a prefix ending with "." such as "auth."'),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  before: z.coerce.number().int().min(1).optional().describe('Keyset paging: events before this sequence number'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const verifySchema = z
  .object({
    intact: z.boolean(),
    checked: z.number().int(),
    lastSeq: z.number().int().nullable(),
    brokenAt: z.number().int().optional(),
    reason: z.enum(['hash_mismatch', 'chain_mismatch', 'sequence_gap']).optional(),
  })
  .meta({ id: 'AuditVerification' });

export async function auditRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  app.get(
    '/audit-events',
    { schema: { tags, summary: 'List audit events, newest first', querystring: query, response: { 200: z.object({ items: z.array(eventSchema), nextBefore: z.number().int().nullable() }), ...errors(400, 401, 403) } } },
    async (req) => {
      const ctx = createCtx(db, req);
      const reach = await ctx.reach('audit.read');
      const organizationId = reach === 'all' ? req.query.organizationId : ctx.who().organizationId;
      const page = await listAudit(db, { ...req.query, organizationId });
      // Entries name people and their addresses: who looked at the log is itself recorded.
      await ctx.audit(db, { action: 'audit.list', outcome: 'success', details: { returned: page.items.length } });
      return page;
    },
  );
  app.get(
    '/audit-events/verify',
    { schema: { tags, summary: 'Check the hash chain of the whole audit log', response: { 200: verifySchema, ...errors(401, 403) } } },
    async (req) => {
      const ctx = createCtx(db, req);
      await ctx.require('audit.verify');
      const result = await verifyAudit(db);
      await ctx.audit(db, { action: 'audit.verify', outcome: 'success', details: { intact: result.intact, checked: result.checked } });
      return result;
    },
  );
}
