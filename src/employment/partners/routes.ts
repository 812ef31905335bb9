// Partners: the code of conduct (read, accept). Suspension of a partner by an administrator is on the
// organisation: POST/DELETE /organizations/{id}/suspension (organizations/routes.ts).
import { createCtx } from '../../platform/http/context.js';
import { errors } from '../../platform/http/errors.js';
import type { App, Deps } from '../../platform/http/types.js';
import { codeAcceptance, codeOfConductSchema } from './schema.js';
import * as partners from './service.js';

const tags = ['employment'];

export async function partnerRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  app.get(
    '/partner/code-of-conduct',
    {
      schema: {
        tags,
        summary: "The partners' code of conduct: its current version, its points, and whether the caller has accepted it",
        description: "Partner users (private_partner) only, with a session; 403 otherwise, and 403 `partner_suspended` when the caller's organisation is suspended.",
        response: { 200: codeOfConductSchema, ...errors(401, 403) },
      },
    },
    async (req) => partners.read(createCtx(db, req)),
  );
  app.post(
    '/partner/code-of-conduct/acceptance',
    {
      schema: {
        tags,
        summary: 'Accept the current version of the code of conduct (idempotent); audited',
        description: '409 `code_version_outdated` when `version` is not the current one; 403 `partner_suspended`.',
        body: codeAcceptance,
        response: { 200: codeOfConductSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (req) => partners.accept(createCtx(db, req), req.body),
  );
}
