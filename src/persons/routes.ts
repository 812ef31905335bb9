import { createCtx } from '../platform/http/context.js';
import { errors } from '../platform/http/errors.js';
import type { App, Deps } from '../platform/http/types.js';
import { uuidParam } from '../users/schema.js';
import { mergePersons } from './merge.js';
import { matchInput, matchOutput, mergeInput, personInput, personList, personLookupQuery, personSchema, personUpdate } from './schema.js';
import * as persons from './service.js';

const tags = ['persons'];

export async function personRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  app.post(
    '/persons',
    {
      schema: {
        tags,
        summary: 'Register a person (returnee or migrant); names, numbers, phones and addresses are stored encrypted',
        body: personInput,
        response: { 201: personSchema, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await persons.create(createCtx(db, req), deps, req.body)),
  );
  app.get(
    '/persons',
    {
      schema: {
        tags,
        summary: 'Find persons by an identity document number (exact, through a keyed hash), within reach',
        querystring: personLookupQuery,
        response: { 200: personList, ...errors(400, 401, 403) },
      },
    },
    async (req) => ({ items: await persons.lookupByDocument(createCtx(db, req), deps, req.query.documentType, req.query.documentNumber) }),
  );
  app.post(
    '/persons/match',
    {
      schema: {
        tags,
        summary: 'Possible duplicates of what an intake form holds so far, ranked with a score and reasons',
        description:
          'An exact NIK, passport or SPLP match ranks first with score 1. Candidates out of the caller\'s reach show only the score, the reasons and the organisation to contact.',
        body: matchInput,
        response: { 200: matchOutput, ...errors(400, 401, 403) },
      },
    },
    async (req) => persons.match(createCtx(db, req), deps, req.body),
  );
  app.get(
    '/persons/:id',
    { schema: { tags, summary: 'Read a person', params: uuidParam, response: { 200: personSchema, ...errors(400, 401, 403, 404) } } },
    async (req) => persons.read(createCtx(db, req), deps, req.params.id),
  );
  app.patch(
    '/persons/:id',
    {
      schema: {
        tags,
        summary: 'Update a person (send the version it was based on; lists sent replace the stored ones)',
        params: uuidParam,
        body: personUpdate,
        response: { 200: personSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => persons.update(createCtx(db, req), deps, req.params.id, req.body),
  );
  app.post(
    '/persons/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge a duplicate record into this person (supervisors): its cases and documents move here',
        params: uuidParam,
        body: mergeInput,
        response: { 200: personSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => mergePersons(createCtx(db, req), deps, req.params.id, req.body),
  );
}

