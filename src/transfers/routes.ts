// Case transfer between organisations: proposal, acceptance or decline, and the sender's read-only view.
// Who may do what is decided in the services (requireCase for the case, access.ts for a transfer);
// the routes declare shapes and hand over.
import { createCtx } from '../platform/http/context.js';
import { errors } from '../platform/http/errors.js';
import type { App, Deps } from '../platform/http/types.js';
import {
  caseParam,
  caseTransfersSchema,
  transferAccept,
  transferCreate,
  transferDecline,
  transferListQuery,
  transferListSchema,
  transferParam,
  transferRecordSchema,
  transferSchema,
  transferWithdraw,
} from './schema.js';
import * as transfers from './service.js';

const tags = ['transfers'];

export async function transferRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const { cipher } = deps;

  app.get(
    '/cases/:caseId/transfers',
    {
      schema: {
        tags,
        summary: 'Transfers of a case that concern its organisation (proposed by it, or that brought the case to it), newest first',
        params: caseParam,
        response: { 200: caseTransfersSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => transfers.listForCase(createCtx(db, req), cipher, req.params.caseId),
  );
  app.post(
    '/cases/:caseId/transfers',
    {
      schema: {
        tags,
        summary: 'Propose moving the case to another organisation; it moves only when that organisation accepts',
        description:
          'Needs an active case_transfer consent naming the organisation or its type (400 `consent_required`). Refused with nothing written: ' +
          '`toOrganizationId` own_organization, unknown_organization, cannot_receive (inactive, or no active supervisor to answer); ' +
          '409 `transfer_pending` (a proposal is open), `closure_pending`, `case_closed`, `person_has_other_open_cases` (the person record moves with the case).',
        params: caseParam,
        body: transferCreate,
        response: { 201: transferSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await transfers.propose(createCtx(db, req), cipher, req.params.caseId, req.body)),
  );
  app.get(
    '/transfers',
    {
      schema: {
        tags,
        summary: 'Transfers proposed to the organisation (incoming, its supervisors) or by it (outgoing), with counts per status',
        description: 'Open proposals first (oldest first), then ended ones (newest first).',
        querystring: transferListQuery,
        response: { 200: transferListSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => transfers.list(createCtx(db, req), req.query),
  );
  app.get(
    '/transfers/:id',
    {
      schema: {
        tags,
        summary: 'One transfer: the receiver sees a summary to decide on (no full name, contact or notes), the sender its proposal',
        params: transferParam,
        response: { 200: transferSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => transfers.get(createCtx(db, req), cipher, req.params.id),
  );
  app.post(
    '/transfers/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept: the case, its person and its open referrals move to the receiving organisation, assigned or in its queue',
        description:
          'Receiving supervisors. 409 `transition_not_allowed` when no longer proposed, `version_conflict` (stale), `consent_withdrawn`, `case_closed`, ' +
          '`person_has_other_open_cases`; 400 `assignToId` not_assignable.',
        params: transferParam,
        body: transferAccept,
        response: { 200: transferSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => transfers.accept(createCtx(db, req), cipher, req.params.id, req.body),
  );
  app.post(
    '/transfers/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline with a reason (and a note for `other`); the case stays where it is',
        params: transferParam,
        body: transferDecline,
        response: { 200: transferSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => transfers.decline(createCtx(db, req), cipher, req.params.id, req.body),
  );
  app.post(
    '/transfers/:id/withdraw',
    {
      schema: { tags, summary: 'Withdraw an open proposal (the sending side)', params: transferParam, body: transferWithdraw, response: { 200: transferSchema, ...errors(400, 401, 403, 404, 409) } },
    },
    async (req) => transfers.withdraw(createCtx(db, req), cipher, req.params.id, req.body),
  );
  app.get(
    '/transfers/:id/record',
    {
      schema: {
        tags,
        summary: "The sending organisation's read-only view of what it recorded up to the transfer (only if the person agreed); audited",
        params: transferParam,
        response: { 200: transferRecordSchema, ...errors(400, 401, 404) },
      },
    },
    async (req) => transfers.record(createCtx(db, req), cipher, req.params.id),
  );
}
