import { createCtx } from '../platform/http/context.js';
import { errors } from '../platform/http/errors.js';
import type { App, Deps } from '../platform/http/types.js';
import { uuidParam } from '../users/schema.js';
import * as assignment from './assignment.js';
import { caseloads } from './caseloads.js';
import {
  assignmentInput,
  caseCreate,
  caseHistory,
  caseList,
  caseloads as caseloadsSchema,
  caseQuery,
  caseSchema,
  caseUpdate,
  suggestions,
  transitionInput,
} from './schema.js';
import * as cases from './service.js';
import * as worklist from './worklist.js';

const tags = ['cases'];

export async function caseRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Worklist: my cases, the organisation’s cases (supervisors) or the queue of unassigned cases (supervisors)',
        description:
          'Sorted by priority score (highest first), then the earliest due date (undated last), then the oldest. ' +
          'Closed cases are left out unless a stage, a person or a reference is asked for.',
        querystring: caseQuery,
        response: { 200: caseList, ...errors(400, 401, 403) },
      },
    },
    async (req) => worklist.list(createCtx(db, req), deps, req.query),
  );
  app.post(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Register a case for an existing person (personId) or a new one (person)',
        body: caseCreate,
        response: { 201: caseSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await cases.create(createCtx(db, req), deps, req.body)),
  );
  app.get(
    '/cases/:id',
    { schema: { tags, summary: 'Read a case with its person', params: uuidParam, response: { 200: caseSchema, ...errors(400, 401, 403, 404) } } },
    async (req) => cases.read(createCtx(db, req), deps, req.params.id),
  );
  app.patch(
    '/cases/:id',
    {
      schema: {
        tags,
        summary: 'Change a case (send the version it was based on)',
        params: uuidParam,
        body: caseUpdate,
        response: { 200: caseSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => cases.update(createCtx(db, req), deps, req.params.id, req.body),
  );
  app.post(
    '/cases/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Move a case to another stage',
        description:
          'A move that is not allowed answers 409 transition_not_allowed with the allowed stages. Closing needs closureReason ' +
          '(and a reason text for "other"); reopening needs a reason.',
        params: uuidParam,
        body: transitionInput,
        response: { 200: caseSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => cases.transition(createCtx(db, req), deps, req.params.id, req.body),
  );
  app.get(
    '/cases/:id/history',
    { schema: { tags, summary: 'What happened to a case: registration, stage moves, assignments, merges', params: uuidParam, response: { 200: caseHistory, ...errors(400, 401, 403, 404) } } },
    async (req) => cases.history(createCtx(db, req), deps, req.params.id),
  );
  app.post(
    '/cases/:id/assignment',
    {
      schema: {
        tags,
        summary: 'Assign a case to a case worker or supervisor of its organisation, or put it back in the queue (assigneeId null)',
        params: uuidParam,
        body: assignmentInput,
        response: { 200: caseSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => assignment.assign(createCtx(db, req), deps, req.params.id, req.body),
  );
  app.get(
    '/cases/:id/assignment/suggestions',
    {
      schema: {
        tags,
        summary: 'Case workers ranked for this case: lowest weighted caseload, speaks the person’s language, covers their home area',
        params: uuidParam,
        response: { 200: suggestions, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => assignment.suggestions(createCtx(db, req), req.params.id),
  );
  app.get(
    '/caseloads',
    {
      schema: {
        tags,
        summary: 'Open cases per case worker and supervisor of the organisation, weighted by priority band, and the queue',
        response: { 200: caseloadsSchema, ...errors(401, 403) },
      },
    },
    async (req) => caseloads(createCtx(db, req)),
  );
}
