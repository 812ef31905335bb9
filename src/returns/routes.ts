// Return journeys of a case (legs, documents, milestones, reception, hand-over) and the returns-due list.
// Who may do what is decided in the service (requireCase for the journey's case, journey.readDue for
// the list); the routes declare shapes and hand over.
import { createCtx } from '../platform/http/context.js';
import { errors } from '../platform/http/errors.js';
import type { App, Deps } from '../platform/http/types.js';
import { pointsOfEntry } from './points-of-entry.js';
import {
  caseJourneysSchema,
  caseParam,
  journeyCreate,
  journeyParam,
  journeySchema,
  journeyUpdate,
  milestoneInput,
  pointsOfEntryListSchema,
  returnsDueQuery,
  returnsDueSchema,
} from './schema.js';
import * as journeys from './service.js';

const tags = ['returns'];

export async function journeyRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const { cipher } = deps;

  app.get(
    '/points-of-entry',
    {
      schema: {
        tags,
        summary: 'Indonesian points of entry where returnees arrive: main airports, sea ports and land border posts',
        security: [],
        response: { 200: pointsOfEntryListSchema },
      },
      config: { auth: 'public' },
    },
    async () => ({ items: pointsOfEntry.map((p) => ({ ...p })) }),
  );

  app.get(
    '/cases/:id/journeys',
    {
      schema: {
        tags,
        summary: "The case's return journeys, newest first, with documents, legs and milestones",
        params: caseParam,
        response: { 200: caseJourneysSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => journeys.listForCase(createCtx(db, req), cipher, req.params.id),
  );
  app.post(
    '/cases/:id/journeys',
    {
      schema: {
        tags,
        summary: 'Plan a return journey for the case (its direction decides inbound or outbound)',
        description:
          'One journey at a time: while another is neither cancelled nor finished, 409 `active_journey_exists`. ' +
          'Inbound-only fields on an outbound case answer 400 `inbound_only` (and the reverse `outbound_only`); an unknown point of entry `unknown_point_of_entry`; ' +
          'a leg arriving before it departs `arrives_before_departure`; a leg leaving before the previous one arrives `before_previous_leg`; an onward leg before a return leg `return_after_onward`. Nothing is written on any refusal.',
        params: caseParam,
        body: journeyCreate,
        response: { 201: journeySchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await journeys.create(createCtx(db, req), cipher, req.params.id, req.body)),
  );
  app.get(
    '/journeys/:id',
    {
      schema: {
        tags,
        summary: 'One return journey (readable by those who may read its case)',
        params: journeyParam,
        response: { 200: journeySchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => journeys.get(createCtx(db, req), cipher, req.params.id),
  );
  app.patch(
    '/journeys/:id',
    {
      schema: {
        tags,
        summary: 'Change the plan of a journey: documents, medical clearance, escort, pocket money, legs, reception or hand-over',
        description: 'A stale version answers 409 `version_conflict` with `current`; documents and legs, when given, replace the lists.',
        params: journeyParam,
        body: journeyUpdate,
        response: { 200: journeySchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => journeys.update(createCtx(db, req), cipher, req.params.id, req.body),
  );
  app.post(
    '/journeys/:id/milestones',
    {
      schema: {
        tags,
        summary: 'Record the next milestone of a journey, or cancel it',
        description:
          'Inbound: planned → documents_ready → departed → arrived → reached_home; outbound: planned → documents_ready → departed → handed_over; cancelled from any state before the end. ' +
          'Out of order: 409 `transition_not_allowed` with `allowed`. documents_ready while a document is needed or applied for, or the medical clearance is pending or not fit: ' +
          '409 `documents_not_ready` naming them in `fields`. arrived needs `receivedBy` and a point of entry; handed_over needs the country, the organisation and what was sent. ' +
          'arrived (inbound) and handed_over (outbound) record the arrival day of the case.',
        params: journeyParam,
        body: milestoneInput,
        response: { 200: journeySchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => journeys.recordMilestone(createCtx(db, req), cipher, req.params.id, req.body),
  );

  app.get(
    '/returns/due',
    {
      schema: {
        tags,
        summary: "Returns due: journeys of the organisation's cases and those it receives, arriving from 24 hours ago to `days` ahead",
        description:
          'Journeys not yet arrived, handed over or cancelled, by expected arrival (or the arrival of the last return leg). caseId only when the caller may open the case; ' +
          "the first name only for the case's organisation or under a referral_sharing consent for the reception organisation that allows the name.",
        querystring: returnsDueQuery,
        response: { 200: returnsDueSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => journeys.due(createCtx(db, req), cipher, req.query),
  );
}
