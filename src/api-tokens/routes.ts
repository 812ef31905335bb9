import { z } from 'zod';
import { createCtx } from '../platform/http/context.js';
import { errors } from '../platform/http/errors.js';
import type { App, Deps } from '../platform/http/types.js';
import { apiTokenCreate, create, list, revoke } from './service.js';

const tags = ['api-tokens'];
const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    expiresAt: z.date(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'ApiToken' });
const created = z.object({ token: z.string().describe('The token itself, shown only in this answer'), apiToken: apiTokenSchema });
const listOut = z.object({
  items: z.array(apiTokenSchema),
  availableScopes: z.array(z.string()).describe("Scopes the owner's roles can use: the choices for a new token"),
});
const tokenParams = z.object({ tokenId: z.uuid() });
const userParams = z.object({ id: z.uuid() });

// Token management needs a person's session: a token never mints or revokes tokens.
const config = { auth: 'session' as const };

export async function apiTokenRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  app.get('/api-tokens', { schema: { tags, summary: 'List own API tokens', response: { 200: listOut, ...errors(401, 403) } }, config }, async (req) =>
    list(createCtx(db, req)),
  );
  app.post(
    '/api-tokens',
    { schema: { tags, summary: 'Create an API token for oneself', body: apiTokenCreate, response: { 201: created, ...errors(400, 401, 403) } }, config },
    async (req, reply) => reply.code(201).send(await create(createCtx(db, req), req.body)),
  );
  app.delete(
    '/api-tokens/:tokenId',
    { schema: { tags, summary: 'Revoke own API token', params: tokenParams, response: { 204: z.null(), ...errors(400, 401, 404, 409) } }, config },
    async (req, reply) => {
      await revoke(createCtx(db, req), req.params.tokenId);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/users/:id/api-tokens',
    { schema: { tags, summary: "List a service account's API tokens", params: userParams, response: { 200: listOut, ...errors(400, 401, 404) } }, config },
    async (req) => list(createCtx(db, req), req.params.id),
  );
  app.post(
    '/users/:id/api-tokens',
    { schema: { tags, summary: 'Create an API token for a service account', params: userParams, body: apiTokenCreate, response: { 201: created, ...errors(400, 401, 404) } }, config },
    async (req, reply) => reply.code(201).send(await create(createCtx(db, req), req.body, req.params.id)),
  );
  app.delete(
    '/users/:id/api-tokens/:tokenId',
    { schema: { tags, summary: "Revoke a service account's API token", params: userParams.extend(tokenParams.shape), response: { 204: z.null(), ...errors(400, 401, 404, 409) } }, config },
    async (req, reply) => {
      await revoke(createCtx(db, req), req.params.tokenId, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
