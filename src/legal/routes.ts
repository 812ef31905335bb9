// The legal track of a case (police report, investigating agency, stage, restitution, witness and
// victim protection, the steps) and the list of stalled tracks. Who may do what is decided in the
// service (requireCase; the caller's case.read reach for the list); the routes declare shapes.
import { createCtx } from '../platform/http/context.js';
import { errors } from '../platform/http/errors.js';
import type { App, Deps } from '../platform/http/types.js';
import { caseParam, legalEventCreate, legalTrackCreate, legalTrackSchema, legalTrackUpdate, stalledList, stalledQuery } from './schema.js';
import * as legal from './service.js';

const tags = ['legal'];

export async function legalRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const { cipher } = deps;

  app.get(
    '/cases/:id/legal',
    {
      schema: {
        tags,
        summary: 'The legal track of a case with its steps, the stalled flag and the days since the last update (null when none is recorded)',
        params: caseParam,
        response: { 200: legalTrackSchema.nullable(), ...errors(400, 401, 404) },
      },
    },
    async (req) => legal.read(createCtx(db, req), cipher, req.params.id),
  );
  app.put(
    '/cases/:id/legal',
    {
      schema: {
        tags,
        summary: 'Record the legal track of a case (one per case: 409 `legal_track_exists`)',
        description: '`restitutionAwardedIdr` only at the verdict stage or later (`not_allowed`); `policeReportedOn` not in the future (`in_future`). 409 `case_closed`.',
        params: caseParam,
        body: legalTrackCreate,
        response: { 201: legalTrackSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await legal.create(createCtx(db, req), cipher, req.params.id, req.body)),
  );
  app.patch(
    '/cases/:id/legal',
    {
      schema: {
        tags,
        summary: 'Change the details of the legal track (send the version it was based on); the stage moves with a step',
        params: caseParam,
        body: legalTrackUpdate,
        response: { 200: legalTrackSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => legal.update(createCtx(db, req), cipher, req.params.id, req.body),
  );
  app.post(
    '/cases/:id/legal/events',
    {
      schema: {
        tags,
        summary: 'Record a step on the legal track: a stage move (along the allowed table) or an update',
        description:
          'Stage moves: reported → investigation | closed; investigation → prosecution | closed; prosecution → verdict | investigation | closed; ' +
          'verdict → appeal | closed; appeal → verdict | closed; closed → investigation. Others answer 409 `transition_not_allowed` with `allowed`. ' +
          'An update needs a note. Either resets the stalled clock.',
        params: caseParam,
        body: legalEventCreate,
        response: { 201: legalTrackSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await legal.addEvent(createCtx(db, req), cipher, req.params.id, req.body)),
  );
  app.get(
    '/legal/stalled',
    {
      schema: {
        tags,
        summary: 'Legal tracks with no update for 60 days, among the open cases the caller may read, the longest silent first',
        querystring: stalledQuery,
        response: { 200: stalledList, ...errors(400, 401, 403) },
      },
    },
    async (req) => legal.stalled(createCtx(db, req), req.query),
  );
}
