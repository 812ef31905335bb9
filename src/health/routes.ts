import fp from 'fastify-plugin';
import { z } from 'zod';
import type { App, Deps } from '../platform/http/types.js';

const health = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['pglite', 'postgresql']),
  version: z.string(),
  reason: z.string().optional(),
});

export const healthRoutes = (deps: Deps) =>
  fp(async (app) => {
    (app as unknown as App).get(
      '/api/health',
      { schema: { tags: ['health'], summary: 'Liveness and database reachability', security: [], response: { 200: health, 503: health } }, config: { rateLimit: false } },
      async (_req, reply) => {
        const base = { database: deps.database.engine, version: deps.version };
        try {
          await deps.database.ping();
          return { status: 'ok' as const, ...base };
        } catch {
          return reply.code(503).send({ status: 'unavailable' as const, ...base, reason: 'The database is unreachable.' });
        }
      },
    );
  });
