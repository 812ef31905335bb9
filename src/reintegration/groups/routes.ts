// Group activities an organisation runs, that plan items enrol people in.
import { createCtx } from '../../platform/http/context.js';
import { errors } from '../../platform/http/errors.js';
import type { App, Deps } from '../../platform/http/types.js';
import { groupActivityCreate, groupActivityListQuery, groupActivityListSchema, groupActivityParam, groupActivitySchema, groupActivityUpdate } from './schema.js';
import * as activities from './service.js';

const tags = ['group activities'];

export async function groupActivityRoutes(app: App, deps: Deps) {
  const { db } = deps.database;

  app.get(
    '/group-activities',
    {
      schema: {
        tags,
        summary: "The caller's organisation's group activities, with how many people are enrolled",
        description: 'For those who manage them (groupActivity.manage) and the case holders who enrol people through plan items. Active first.',
        querystring: groupActivityListQuery,
        response: { 200: groupActivityListSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => activities.list(createCtx(db, req), req.query),
  );
  app.post(
    '/group-activities',
    {
      schema: {
        tags,
        summary: 'Start a group activity of the organisation (groupActivity.manage)',
        description: 'areaCode must be a known Kemendagri area (`unknown_area`); endsOn on or after startsOn (`end_before_start`).',
        body: groupActivityCreate,
        response: { 201: groupActivitySchema, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await activities.create(createCtx(db, req), req.body)),
  );
  app.get(
    '/group-activities/:id',
    {
      schema: {
        tags,
        summary: 'One group activity of the organisation, with the number of people enrolled',
        description: 'Enrolled: cases whose current approved plan has a planned or ongoing item in it. `full` when that reaches the capacity; enrolling more is still allowed.',
        params: groupActivityParam,
        response: { 200: groupActivitySchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => activities.get(createCtx(db, req), req.params.id),
  );
  app.patch(
    '/group-activities/:id',
    {
      schema: {
        tags,
        summary: 'Change a group activity, or end it (status ended) (groupActivity.manage)',
        description: 'An ended activity takes no new plan items; items already in it stay. A stale version answers 409 `version_conflict` with `current`.',
        params: groupActivityParam,
        body: groupActivityUpdate,
        response: { 200: groupActivitySchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => activities.update(createCtx(db, req), req.params.id, req.body),
  );
}
