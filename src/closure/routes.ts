// Closing a case with a supervisor's approval against the checklist, and reopening it.
// Who may do what is decided in the service (requireCase on the request's case); the routes declare
// shapes and hand over. Reopening is a stage move (POST /cases/{id}/transitions to `reopened`, with a reason).
import { createCtx } from '../platform/http/context.js';
import { errors } from '../platform/http/errors.js';
import type { App, Deps } from '../platform/http/types.js';
import {
  caseClosureSchema,
  caseParam,
  closureApprove,
  closureCreate,
  closureListQuery,
  closureListSchema,
  closureParam,
  closureReturn,
  closureSchema,
  closureWithdraw,
} from './schema.js';
import * as closure from './service.js';

const tags = ['closure'];

export async function closureRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const { cipher } = deps;

  app.get(
    '/cases/:caseId/closure',
    {
      schema: {
        tags,
        summary: 'The closure checklist of a case now, its pending request and the decided ones',
        description:
          'plan_items_done (no approved plan: met, detail.noPlan), last_survey_done (one done, none overdue still scheduled), ' +
          'referrals_resolved (none open), no_pending_transfer.',
        params: caseParam,
        response: { 200: caseClosureSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => closure.forCase(createCtx(db, req), cipher, req.params.caseId),
  );
  app.post(
    '/cases/:caseId/closure',
    {
      schema: {
        tags,
        summary: 'Request closing the case, with a closure reason and a text; a supervisor decides',
        description: 'One pending request at a time (409 `closure_pending`); a closed case: 409 `case_closed`.',
        params: caseParam,
        body: closureCreate,
        response: { 201: closureSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await closure.request(createCtx(db, req), cipher, req.params.caseId, req.body)),
  );
  app.get(
    '/closures',
    {
      schema: {
        tags,
        summary: "Closure requests on the organisation's cases, for its supervisors (pending: oldest first)",
        querystring: closureListQuery,
        response: { 200: closureListSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => closure.list(createCtx(db, req), cipher, req.query),
  );
  app.post(
    '/closures/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve: the case closes (stage closed, the reason, a stage event) and the checklist is kept as it stood',
        description:
          'An incomplete checklist answers 409 `checklist_incomplete` with `checklist` and `acknowledgeAllowed`, unless acknowledgeIncomplete is true and the ' +
          'closure reason is one where the plan cannot be finished (deceased, duplicate, transferred, unreachable, declined_assistance, re_migrated); a ' +
          'pending transfer is never acknowledged. Not pending: 409 `transition_not_allowed`; stale: 409 `version_conflict`.',
        params: closureParam,
        body: closureApprove,
        response: { 200: closureSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => closure.approve(createCtx(db, req), cipher, req.params.id, req.body),
  );
  app.post(
    '/closures/:id/return',
    {
      schema: {
        tags,
        summary: 'Return the request to the requester with a note; the case stays open',
        params: closureParam,
        body: closureReturn,
        response: { 200: closureSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => closure.returnRequest(createCtx(db, req), cipher, req.params.id, req.body),
  );
  app.post(
    '/closures/:id/withdraw',
    {
      schema: { tags, summary: 'Withdraw a pending request (those who may change the case)', params: closureParam, body: closureWithdraw, response: { 200: closureSchema, ...errors(400, 401, 403, 404, 409) } },
    },
    async (req) => closure.withdraw(createCtx(db, req), cipher, req.params.id, req.body),
  );
}
