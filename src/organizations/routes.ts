import { z } from 'zod';
import { createCtx } from '../platform/http/context.js';
import { errors } from '../platform/http/errors.js';
import type { App, Deps } from '../platform/http/types.js';
import { uuidParam } from '../users/schema.js';
import { organizationCreate, organizationQuery, organizationSchema, organizationUpdate, suspensionCreate, suspensionDelete } from './schema.js';
import * as organizations from './service.js';

const tags = ['organizations'];

export async function organizationRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  app.get(
    '/organizations',
    { schema: { tags, summary: 'List organisations', querystring: organizationQuery, response: { 200: z.object({ items: z.array(organizationSchema), total: z.number().int() }), ...errors(400, 401, 403) } } },
    async (req) => organizations.list(createCtx(db, req), req.query),
  );
  app.post(
    '/organizations',
    { schema: { tags, summary: 'Create an organisation', body: organizationCreate, response: { 201: organizationSchema, ...errors(400, 401, 403, 409) } } },
    async (req, reply) => reply.code(201).send(await organizations.create(createCtx(db, req), req.body)),
  );
  app.get(
    '/organizations/:id',
    { schema: { tags, summary: 'Read an organisation', params: uuidParam, response: { 200: organizationSchema, ...errors(400, 401, 404) } } },
    async (req) => organizations.read(createCtx(db, req), req.params.id, deps.cipher),
  );
  app.patch(
    '/organizations/:id',
    { schema: { tags, summary: 'Update an organisation (send the version it was based on)', params: uuidParam, body: organizationUpdate, response: { 200: organizationSchema, ...errors(400, 401, 404, 409) } } },
    async (req) => organizations.update(createCtx(db, req), req.params.id, req.body),
  );
  app.post(
    '/organizations/:id/deactivate',
    { schema: { tags, summary: 'Deactivate an organisation', params: uuidParam, response: { 200: organizationSchema, ...errors(400, 401, 404, 409) } } },
    async (req) => organizations.setActive(createCtx(db, req), req.params.id, false),
  );
  app.post(
    '/organizations/:id/reactivate',
    { schema: { tags, summary: 'Reactivate an organisation', params: uuidParam, response: { 200: organizationSchema, ...errors(400, 401, 404, 409) } } },
    async (req) => organizations.setActive(createCtx(db, req), req.params.id, true),
  );
  app.post(
    '/organizations/:id/suspension',
    {
      schema: {
        tags,
        summary: 'Suspend a private-sector partner (system administrators); audited, the note stored encrypted',
        description:
          'Its users then get 403 `partner_suspended` from every employment route, and its openings leave matching and the published list. ' +
          '409 `not_a_partner` (not a private_sector organisation), `already_suspended`, `version_conflict` (a stale `version`, when sent).',
        params: uuidParam,
        body: suspensionCreate,
        response: { 200: organizationSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => organizations.suspend(createCtx(db, req), deps.cipher, req.params.id, req.body),
  );
  app.delete(
    '/organizations/:id/suspension',
    {
      schema: {
        tags,
        summary: 'Reinstate a suspended private-sector partner (system administrators); audited',
        description: '409 `not_a_partner`, `not_suspended`, `version_conflict` (a stale `version`, when sent). The body is optional.',
        params: uuidParam,
        body: suspensionDelete,
        response: { 200: organizationSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => organizations.reinstate(createCtx(db, req), deps.cipher, req.params.id, req.body),
  );
}
