// Reintegration plans: versions, items, submission and approval.
// Who may do what is decided in the service (requireCase for the case, requirePlan for a
// version); the routes declare shapes and hand over.
import { z } from 'zod';
import { createCtx } from '../../platform/http/context.js';
import { errors } from '../../platform/http/errors.js';
import type { App, Deps } from '../../platform/http/types.js';
import {
  caseParam,
  casePlansSchema,
  itemDeleteQuery,
  itemParam,
  itemProgress,
  planApprove,
  planCreate,
  planItemCreate,
  planItemSchema,
  planItemUpdate,
  planListQuery,
  planParam,
  planReturn,
  planSchema,
  planSubmit,
  planUpdate,
  submittedPlanListSchema,
} from './schema.js';
import * as plans from './service.js';

const tags = ['reintegration plans'];

export async function planRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const { cipher } = deps;

  app.get(
    '/cases/:caseId/plans',
    {
      schema: {
        tags,
        summary: "A case's reintegration plan: the approved version, the one being worked on, and every version",
        params: caseParam,
        response: { 200: casePlansSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => plans.listForCase(createCtx(db, req), cipher, req.params.caseId),
  );
  app.post(
    '/cases/:caseId/plans',
    {
      schema: {
        tags,
        summary: 'Start the plan (version 1) or a new version of the approved one',
        description:
          'A new version copies the approved items (each names its origin). A case has at most one open version: 409 `draft_exists` (with `current`) while a draft, submitted or returned version exists. 409 `case_closed` on a closed case.',
        params: caseParam,
        body: planCreate,
        response: { 201: planSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await plans.createVersion(createCtx(db, req), cipher, req.params.caseId, req.body)),
  );

  app.get(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Plans awaiting approval among the cases the caller approves for (plan.approve), oldest first',
        querystring: planListQuery,
        response: { 200: submittedPlanListSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => plans.listSubmitted(createCtx(db, req), req.query),
  );
  app.get(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: 'One version of a plan, with its items, budget totals and what changed against the previous approved version',
        params: planParam,
        response: { 200: planSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => plans.get(createCtx(db, req), cipher, req.params.id),
  );
  app.patch(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: 'Change the goal or change note of a draft or returned version',
        description: '409 `plan_not_editable` once submitted, approved or superseded; 409 `version_conflict` with `current` when stale.',
        params: planParam,
        body: planUpdate,
        response: { 200: planSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => plans.update(createCtx(db, req), cipher, req.params.id, req.body),
  );
  app.post(
    '/plans/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit a draft or returned version for approval',
        description: '409 `plan_empty` without items; 409 `plan_not_editable` when not a draft or returned.',
        params: planParam,
        body: planSubmit,
        response: { 200: planSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => plans.submit(createCtx(db, req), cipher, req.params.id, req.body),
  );
  app.post(
    '/plans/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a submitted version (plan.approve): it comes into force and the approved version before it is superseded',
        description: '409 `plan_not_submitted` when the version is not awaiting a decision.',
        params: planParam,
        body: planApprove,
        response: { 200: planSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => plans.decide(createCtx(db, req), cipher, req.params.id, 'approved', req.body),
  );
  app.post(
    '/plans/:id/return',
    {
      schema: {
        tags,
        summary: 'Return a submitted version for changes, with a note (plan.approve)',
        params: planParam,
        body: planReturn,
        response: { 200: planSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => plans.decide(createCtx(db, req), cipher, req.params.id, 'returned', req.body),
  );

  app.post(
    '/plans/:id/items',
    {
      schema: {
        tags,
        summary: 'Add an item to a draft or returned version',
        description:
          'Field codes: `unknown_need`, `unknown_referral`, `unknown_activity` (an ended activity or another organisation’s), `required` (the referral or activity its delivery needs), `end_before_start`. Enrolling in a full activity is allowed; the item says `full`.',
        params: planParam,
        body: planItemCreate,
        response: { 201: planItemSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await plans.addItem(createCtx(db, req), cipher, req.params.id, req.body)),
  );
  app.patch(
    '/plans/:id/items/:itemId',
    {
      schema: {
        tags,
        summary: 'Change an item of a draft or returned version',
        params: itemParam,
        body: planItemUpdate,
        response: { 200: planItemSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => plans.updateItem(createCtx(db, req), cipher, req.params.id, req.params.itemId, req.body),
  );
  app.delete(
    '/plans/:id/items/:itemId',
    {
      schema: {
        tags,
        summary: 'Remove an item from a draft or returned version',
        params: itemParam,
        querystring: itemDeleteQuery,
        response: { 204: z.null().describe('Removed'), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await plans.removeItem(createCtx(db, req), cipher, req.params.id, req.params.itemId, req.query.version);
      return reply.code(204).send(null);
    },
  );
  app.patch(
    '/plans/:id/items/:itemId/progress',
    {
      schema: {
        tags,
        summary: 'Record progress on an item of the approved version: planned → in_progress → completed | cancelled',
        description:
          'Not a change of content: no new version. 409 `transition_not_allowed` with `allowed`; completing or cancelling needs an outcome (`required`); 409 `plan_not_approved` on any other version.',
        params: itemParam,
        body: itemProgress,
        response: { 200: planItemSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => plans.progress(createCtx(db, req), cipher, req.params.id, req.params.itemId, req.body),
  );
}
