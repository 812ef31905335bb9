// Referrals between organisations: sending from a case, the inbox, the life cycle, suggestions and the letter.
// Who may do what is decided in the services (requireCase for the sending case, access.ts for a
// referral); the routes declare shapes and hand over.
import { z } from 'zod';
import { createCtx } from '../platform/http/context.js';
import { errors } from '../platform/http/errors.js';
import type { App, Deps } from '../platform/http/types.js';
import { letterFileName, renderLetter } from './letter.js';
import {
  caseParam,
  caseReferralsSchema,
  letterQuery,
  referralCountsSchema,
  referralCreate,
  referralListQuery,
  referralListSchema,
  referralOptionsQuery,
  referralOptionsSchema,
  referralParam,
  referralReview,
  referralSchema,
  referralTransition,
  serviceSuggestionsSchema,
  suggestionsQuery,
} from './schema.js';
import * as referrals from './service.js';
import { suggest } from './suggestions.js';

const tags = ['referrals'];

export async function referralRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const { cipher } = deps;

  // From a case (the sending side).
  app.get(
    '/cases/:id/referral-options',
    {
      schema: {
        tags,
        summary: 'What a referral of this case to an organisation (and service) may carry: the consent, the fields it allows, the open needs',
        params: caseParam,
        querystring: referralOptionsQuery,
        response: { 200: referralOptionsSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => referrals.options(createCtx(db, req), req.params.id, req.query),
  );
  app.get(
    '/cases/:id/service-suggestions',
    {
      schema: {
        tags,
        summary: 'Services of other organisations for a need of the case, ranked, with the reasons',
        description:
          'Eligible services covering the home area first, then those outside it (outside_area), then those whose own rules exclude the person (not_eligible), each group by score.',
        params: caseParam,
        querystring: suggestionsQuery,
        response: { 200: serviceSuggestionsSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => suggest(createCtx(db, req), req.params.id, req.query.needId),
  );
  app.get(
    '/cases/:id/referrals',
    { schema: { tags, summary: 'The referrals sent for a case (sender view), newest first', params: caseParam, response: { 200: caseReferralsSchema, ...errors(400, 401, 403, 404) } } },
    async (req) => referrals.listForCase(createCtx(db, req), cipher, req.params.id),
  );
  app.post(
    '/cases/:id/referrals',
    {
      schema: {
        tags,
        summary: 'Refer the case to another organisation (or one of its services)',
        description:
          'Needs an active referral_sharing consent for the organisation or its type (400 `consent_required` otherwise, nothing written), ' +
          'unless a supervisor gives `override` (a case worker trying gets 403). Each shared field must be allowed by the consent (`not_consented`).',
        params: caseParam,
        body: referralCreate,
        response: { 201: referralSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await referrals.send(createCtx(db, req), cipher, req.params.id, req.body)),
  );

  // The boxes and one referral (either side).
  app.get(
    '/referrals',
    {
      schema: {
        tags,
        summary: "The organisation's received referrals (incoming) or the sent referrals of the caller's cases (outgoing)",
        description: 'Overdue first, then by deadline while open, then the newest ended ones. q: a case reference prefix.',
        querystring: referralListQuery,
        response: { 200: referralListSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => referrals.list(createCtx(db, req), cipher, req.query),
  );
  app.get(
    '/referrals/counts',
    { schema: { tags, summary: 'Counts for both boxes (null for a box the caller does not have)', response: { 200: referralCountsSchema, ...errors(401) } } },
    async (req) => referrals.counts(createCtx(db, req)),
  );
  app.get(
    '/referrals/:id',
    {
      schema: {
        tags,
        summary: 'One referral with its events; the receiver sees only the visible fields of the person',
        params: referralParam,
        response: { 200: referralSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => referrals.get(createCtx(db, req), cipher, req.params.id),
  );
  app.post(
    '/referrals/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Move a referral: the receiver acknowledges, accepts, declines, starts, completes or closes; the sender withdraws',
        description:
          'A move the caller may not make from the current status answers 409 `transition_not_allowed` with `allowed`; a stale version 409 `version_conflict` with `current`. ' +
          'Declining needs `reason` (and `note` for `other`); completing needs `outcome`.',
        params: referralParam,
        body: referralTransition,
        response: { 200: referralSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => referrals.transition(createCtx(db, req), cipher, req.params.id, req.body),
  );
  app.post(
    '/referrals/:id/review',
    {
      schema: {
        tags,
        summary: 'Review a referral sent under an override (supervisors of the sending organisation)',
        params: referralParam,
        body: referralReview,
        response: { 200: referralSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => referrals.review(createCtx(db, req), cipher, req.params.id, req.body),
  );
  app.get(
    '/referrals/:id/letter',
    {
      schema: {
        tags,
        summary: 'The referral letter as a PDF (Indonesian or English), with only what travels; audited',
        params: referralParam,
        querystring: letterQuery,
        response: {
          200: { description: 'The letter', content: { 'application/pdf': { schema: z.any().meta({ type: 'string', format: 'binary' }) } } },
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (req, reply) => {
      const { referral, consentGivenAt } = await referrals.forLetter(createCtx(db, req), cipher, req.params.id, req.query.lang);
      const pdf = await renderLetter({ referral, consentGivenAt, lang: req.query.lang });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${letterFileName(referral.caseReference)}"`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-length', pdf.length)
        .send(pdf);
    },
  );
}
