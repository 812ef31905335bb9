// Placements and their follow-ups at 1, 3 and 6 months. The placement is recorded on its
// candidacy and shown in the candidacy's views; who may do what is decided in the service.
import { createCtx } from '../../platform/http/context.js';
import { errors } from '../../platform/http/errors.js';
import type { App, Deps } from '../../platform/http/types.js';
import { candidacyParam, candidacySchema } from '../candidacies/schema.js';
import { followUpParam, followUpRecord, placementCreate, placementEnd, placementParam } from './schema.js';
import * as placements from './service.js';

const tags = ['employment'];

export async function placementRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const { cipher } = deps;

  app.post(
    '/candidacies/:id/placement',
    {
      schema: {
        tags,
        summary: 'Record the placement of a hired candidate (the partner, once): schedules the follow-ups at 1, 3 and 6 months',
        description:
          'Only for a hired candidacy (409 `not_hired`), once (409 `placement_exists`). Sets the skills profile\'s first income when empty or later, ' +
          'and completes the candidacy\'s referral (outcome delivered). Answers with the candidacy as the partner sees it.',
        params: candidacyParam,
        body: placementCreate,
        response: { 201: candidacySchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await placements.record(createCtx(db, req), cipher, req.params.id, req.body)),
  );
  app.post(
    '/placements/:id/follow-ups/:month',
    {
      schema: {
        tags,
        summary: 'Record the follow-up of a placement at 1, 3 or 6 months (the case side)',
        description:
          'From a week before its date (409 `follow_up_not_due`), once (409 `follow_up_recorded`; `follow_up_cancelled` after the placement ended). ' +
          'Any problem, or conditions not as promised, alerts the case worker: a follow-up task due today for the case\'s assignee. Answers with the candidacy (sender view).',
        params: followUpParam,
        body: followUpRecord,
        response: { 200: candidacySchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => placements.recordFollowUp(createCtx(db, req), cipher, req.params.id, req.params.month, req.body),
  );
  app.post(
    '/placements/:id/end',
    {
      schema: {
        tags,
        summary: 'Record the end of a placement (the case side or the partner)',
        description:
          'Cancels the follow-ups that fall after the end (and their tasks). A dismissal alerts the case worker. Once (409 `placement_ended`). ' +
          'Answers with the candidacy as the caller\'s side sees it.',
        params: placementParam,
        body: placementEnd,
        response: { 200: candidacySchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => placements.end(createCtx(db, req), cipher, req.params.id, req.body),
  );
}
