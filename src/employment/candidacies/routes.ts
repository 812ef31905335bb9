// Candidacies: putting a returnee forward to a partner for an opening (a referral), the partner's answers.
// Who may do what is decided in the service (requireCase for the sending case, access.ts for a
// candidacy); the routes declare shapes and hand over.
import { createCtx } from '../../platform/http/context.js';
import { errors } from '../../platform/http/errors.js';
import type { App, Deps } from '../../platform/http/types.js';
import {
  candidacyAnswer,
  candidacyCreate,
  candidacyListQuery,
  candidacyListSchema,
  candidacyOptionsQuery,
  candidacyOptionsSchema,
  candidacyParam,
  candidacySchema,
  candidacyWithdraw,
  caseCandidaciesSchema,
  caseParam,
} from './schema.js';
import * as candidacies from './service.js';

const tags = ['employment'];

export async function candidacyRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const { cipher } = deps;

  app.get(
    '/cases/:id/candidacies',
    {
      schema: {
        tags,
        summary: 'The candidacies of a case (sender view): opening, status, answers, placement and follow-ups',
        params: caseParam,
        response: { 200: caseCandidaciesSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => candidacies.listForCase(createCtx(db, req), cipher, req.params.id),
  );
  app.get(
    '/cases/:id/candidacy-options',
    {
      schema: {
        tags,
        summary: 'What putting the case forward for an opening would carry: the job_matching consent covering the partner, the fields it allows, the profile',
        params: caseParam,
        querystring: candidacyOptionsQuery,
        response: { 200: candidacyOptionsSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => candidacies.options(createCtx(db, req), req.params.id, req.query.openingId),
  );
  app.post(
    '/cases/:id/candidacies',
    {
      schema: {
        tags,
        summary: 'Put the person forward to the partner for an opening (a referral under the job_matching consent)',
        description:
          'The opening must be open (400 fields.openingId `unknown_opening` / `opening_not_open`); the case needs a skills profile (409 `profile_required`) ' +
          'and an active job_matching consent covering the partner (400 `consent_required`, nothing written); each shared field must be allowed by it ' +
          '(400 fields.sharedFields `not_consented`); screening and case_summary only with shareHistory (400 fields.sharedFields `history_not_chosen`). ' +
          'Once per case and opening while a candidacy stands (409 `already_put_forward`); a closed case answers 409 `case_closed`. ' +
          'An opening of a kind the profile does not seek is accepted with warnings: [`kind_not_sought`].',
        params: caseParam,
        body: candidacyCreate,
        response: { 201: candidacySchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await candidacies.putForward(createCtx(db, req), cipher, req.params.id, req.body)),
  );

  app.get(
    '/candidacies',
    {
      schema: {
        tags,
        summary: "The partner's candidates: the candidacies put forward to the caller's organisation, newest first",
        description: 'Each with only the shared first name, sex, age band and languages (as far as visible now).',
        querystring: candidacyListQuery,
        response: { 200: candidacyListSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => candidacies.listForPartner(createCtx(db, req), cipher, req.query),
  );
  app.get(
    '/candidacies/:id',
    {
      schema: {
        tags,
        summary: 'One candidacy: the partner sees only the shared fields; the sending side all of it',
        params: candidacyParam,
        response: { 200: candidacySchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => candidacies.get(createCtx(db, req), cipher, req.params.id),
  );
  app.post(
    '/candidacies/:id/answers',
    {
      schema: {
        tags,
        summary: "The partner's answer: invite to an interview, make an offer, reject (with a reason), hired",
        description:
          'put_forward → interview | offer | rejected; interview → offer | rejected; offer → hired | rejected. Another move answers 409 `transition_not_allowed` with `allowed`; ' +
          'a stale version 409 `version_conflict` with `current`. The referral moves alongside: the first interview or offer accepts it; a rejection declines it ' +
          '(before any answer) or completes it as not delivered; hired puts it in progress until the placement is recorded.',
        params: candidacyParam,
        body: candidacyAnswer,
        response: { 200: candidacySchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => candidacies.answer(createCtx(db, req), cipher, req.params.id, req.body),
  );
  app.post(
    '/candidacies/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw the candidacy (the sending side, until hired); its referral is withdrawn too',
        params: candidacyParam,
        body: candidacyWithdraw,
        response: { 200: candidacySchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => candidacies.withdraw(createCtx(db, req), cipher, req.params.id, req.body),
  );
}
