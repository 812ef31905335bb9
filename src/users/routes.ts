import { z } from 'zod';
import { createCtx } from '../platform/http/context.js';
import { errors } from '../platform/http/errors.js';
import type { App, Deps } from '../platform/http/types.js';
import { userSchema, uuidParam } from './schema.js';
import * as usersService from './service.js';

const tags = ['users'];
const withToken = z.object({ user: userSchema, activationToken: z.string().optional().describe('One-time activation token, shown once') });

export async function userRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  app.get(
    '/users',
    { schema: { tags, summary: 'List users the caller may see', querystring: usersService.userQuery, response: { 200: z.object({ items: z.array(userSchema), total: z.number().int() }), ...errors(400, 401, 403) } } },
    async (req) => usersService.list(createCtx(db, req), req.query),
  );
  app.post(
    '/users',
    { schema: { tags, summary: 'Create a user (a person gets a one-time activation token) or a service account', body: usersService.userCreate, response: { 201: withToken, ...errors(400, 401, 403, 404, 409) } } },
    async (req, reply) => reply.code(201).send(await usersService.create(createCtx(db, req), req.body)),
  );
  app.get(
    '/users/:id',
    { schema: { tags, summary: 'Read a user', params: uuidParam, response: { 200: userSchema, ...errors(400, 401, 404) } } },
    async (req) => usersService.read(createCtx(db, req), req.params.id),
  );
  app.patch(
    '/users/:id',
    { schema: { tags, summary: 'Update a user (send the version it was based on)', params: uuidParam, body: usersService.userUpdate, response: { 200: userSchema, ...errors(400, 401, 404, 409) } } },
    async (req) => usersService.update(createCtx(db, req), req.params.id, req.body),
  );
  const activeOut = userSchema.extend({ activationToken: z.string().optional() });
  app.post(
    '/users/:id/deactivate',
    { schema: { tags, summary: 'Deactivate a user: ends their sessions and revokes their API tokens', params: uuidParam, response: { 200: activeOut, ...errors(400, 401, 404, 409) } } },
    async (req) => usersService.setActive(createCtx(db, req), req.params.id, false),
  );
  app.post(
    '/users/:id/reactivate',
    { schema: { tags, summary: 'Reactivate a user; a person gets a new activation token', params: uuidParam, response: { 200: activeOut, ...errors(400, 401, 404, 409) } } },
    async (req) => usersService.setActive(createCtx(db, req), req.params.id, true),
  );
  app.post(
    '/users/:id/activation',
    { schema: { tags, summary: 'Issue a new one-time activation token (resets the password)', params: uuidParam, response: { 200: z.object({ activationToken: z.string() }), ...errors(400, 401, 404, 409) } } },
    async (req) => usersService.reissueActivation(createCtx(db, req), req.params.id),
  );
  app.post(
    '/users/:id/totp/reset',
    { schema: { tags, summary: "Turn off a user's two-factor authentication (lost device)", params: uuidParam, response: { 204: z.null(), ...errors(400, 401, 404) } } },
    async (req, reply) => {
      await usersService.resetTotp(createCtx(db, req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
