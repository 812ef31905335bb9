// Openings and training places: partners write, publish and close their own; case workers and
// supervisors read the published ones. Who may do what is decided in the service; routes declare
// shapes and hand over.
import { createCtx } from '../../platform/http/context.js';
import { errors } from '../../platform/http/errors.js';
import type { App, Deps } from '../../platform/http/types.js';
import { openingCreate, openingListSchema, openingParam, openingQuery, openingSchema, openingStep, openingUpdate } from './schema.js';
import * as openings from './service.js';

const tags = ['employment'];
const gate = "Partners' users: 403 `partner_suspended` (organisation suspended) or `code_of_conduct_required` (current code not accepted).";
const fieldCodes =
  'Field codes: `areaCode` required (unless remote) / unknown_area; `wageMaxIdr` wage_below_min; `closesOn` in_past; ' +
  '`requiredSkills` duplicate; `durationWeeks` required (training) / not_allowed (job); `costIdr`, `certificateAwarded` not_allowed (job); ' +
  'closed lists: invalid_choice.';

export async function openingRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  app.get(
    '/openings',
    {
      schema: {
        tags,
        summary: "Openings and training places: a partner's own (every status, newest change first); for case workers and supervisors, the network's published ones open for matching (newest first)",
        description: gate,
        querystring: openingQuery,
        response: { 200: openingListSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => openings.list(createCtx(db, req), req.query),
  );
  app.post(
    '/openings',
    {
      schema: {
        tags,
        summary: 'Write a new opening or training place (a draft of the caller’s organisation); audited',
        description: `${fieldCodes} ${gate}`,
        body: openingCreate,
        response: { 201: openingSchema, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await openings.create(createCtx(db, req), req.body)),
  );
  app.get(
    '/openings/:id',
    {
      schema: {
        tags,
        summary: 'One opening: a partner its own organisation’s; case workers and supervisors published and closed ones (404 for drafts of others)',
        description: gate,
        params: openingParam,
        response: { 200: openingSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => openings.get(createCtx(db, req), req.params.id),
  );
  app.patch(
    '/openings/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft or published opening (send the version it was based on); audited',
        description:
          `Only the fields sent change; null clears. A published opening keeps its kind (\`kind\` not_allowed) and, for a job, its three commitments (409 \`commitments_required\`). ` +
          `409 \`transition_not_allowed\` when closed, \`version_conflict\` with \`current\`. ${fieldCodes} ${gate}`,
        params: openingParam,
        body: openingUpdate,
        response: { 200: openingSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => openings.update(createCtx(db, req), req.params.id, req.body),
  );
  app.post(
    '/openings/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft: it becomes open for matching until its closing date; audited',
        description:
          'A job needs all three decent-work commitments: 409 `commitments_required` with fields `commitments.<code>`: required for each missing one. ' +
          `409 \`closing_date_passed\` (fields \`closesOn\`: in_past), \`transition_not_allowed\` (not a draft), \`version_conflict\`. ${gate}`,
        params: openingParam,
        body: openingStep,
        response: { 200: openingSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => openings.publish(createCtx(db, req), req.params.id, req.body),
  );
  app.post(
    '/openings/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a draft or published opening for good; it leaves matching; audited',
        description: `409 \`transition_not_allowed\` (already closed), \`version_conflict\`. ${gate}`,
        params: openingParam,
        body: openingStep,
        response: { 200: openingSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => openings.close(createCtx(db, req), req.params.id, req.body),
  );
}
