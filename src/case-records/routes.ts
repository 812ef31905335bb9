// Parts of a case: screening, needs, notes, tasks, consents, attachments. Every service call
// starts with requireCase (see cases/access.ts), so a case out of reach answers 404 on every part.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createCtx } from '../platform/http/context.js';
import { errorBody, errors } from '../platform/http/errors.js';
import type { App, Deps } from '../platform/http/types.js';
import * as attachments from './attachments.js';
import * as consents from './consents.js';
import { attachmentDisposition, maxAttachmentBytes, uploadContentTypes } from './file-types.js';
import * as needs from './needs.js';
import * as notes from './notes.js';
import {
  attachmentParam,
  attachmentSchema,
  attachmentUploadQuery,
  caseParam,
  consentCreate,
  consentParam,
  consentSchema,
  consentWithdraw,
  determinationPost,
  list,
  myTaskSchema,
  myTasksQuery,
  needCreate,
  needParam,
  needSchema,
  needUpdate,
  noteCreate,
  noteParam,
  noteQuery,
  noteSchema,
  noteUpdate,
  screeningPut,
  screeningSchema,
  taskCreate,
  taskListQuery,
  taskParam,
  taskSchema,
  taskUpdate,
} from './schema.js';
import * as screening from './screening.js';
import * as tasks from './tasks.js';

const tags = ['case records'];

/**
 * Upload errors Fastify raises before the handler runs, in the project's shape: a body over the
 * route's limit is `file_too_large`, a content type without a parser `unsupported_file_type`.
 * Everything else goes on to the application's error handler.
 */
function uploadErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  if (err.statusCode === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const e = attachments.fileTooLarge();
    return reply.code(413).send({ error: { code: e.code, message: e.message, fields: e.fields } });
  }
  if (err.statusCode === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const e = attachments.unsupportedFile();
    return reply.code(400).send({ error: { code: e.code, message: e.message, fields: e.fields } });
  }
  throw err;
}

export async function caseRecordRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const { cipher } = deps;

  // Screening and determination
  app.get(
    '/cases/:id/screening',
    { schema: { tags, summary: 'Read the trafficking screening of a case (version 0 and empty lists when none yet)', params: caseParam, response: { 200: screeningSchema, ...errors(400, 401, 404) } } },
    async (req) => screening.read(createCtx(db, req), cipher, req.params.id),
  );
  app.put(
    '/cases/:id/screening',
    {
      schema: {
        tags,
        summary: 'Create (version 0) or replace the trafficking screening (HTCDS picklists, countries, dates, notes)',
        params: caseParam,
        body: screeningPut,
        response: { 200: screeningSchema, ...errors(400, 401, 404, 409) },
      },
    },
    async (req) => screening.put(createCtx(db, req), cipher, req.params.id, req.body),
  );
  app.post(
    '/cases/:id/screening/determination',
    {
      schema: {
        tags,
        summary: 'Record the trafficking determination (presumed, confirmed, not a victim); supervisors only',
        params: caseParam,
        body: determinationPost,
        response: { 200: screeningSchema, ...errors(400, 401, 404, 409) },
      },
    },
    async (req) => screening.determine(createCtx(db, req), cipher, req.params.id, req.body),
  );

  // Needs
  app.get(
    '/cases/:id/needs',
    { schema: { tags, summary: 'List the needs of a case (open first, most severe first)', params: caseParam, response: { 200: list(needSchema), ...errors(400, 401, 404) } } },
    async (req) => needs.list(createCtx(db, req), cipher, req.params.id),
  );
  app.post(
    '/cases/:id/needs',
    { schema: { tags, summary: 'Record a need (its dimension follows from its type)', params: caseParam, body: needCreate, response: { 201: needSchema, ...errors(400, 401, 404, 409) } } },
    async (req, reply) => reply.code(201).send(await needs.create(createCtx(db, req), cipher, req.params.id, req.body)),
  );
  app.patch(
    '/cases/:id/needs/:needId',
    { schema: { tags, summary: 'Change a need’s severity, status or description (send the version it was based on)', params: needParam, body: needUpdate, response: { 200: needSchema, ...errors(400, 401, 404, 409) } } },
    async (req) => needs.update(createCtx(db, req), cipher, req.params.id, req.params.needId, req.body),
  );

  // Notes
  app.get(
    '/cases/:id/notes',
    { schema: { tags, summary: 'List the notes of a case, newest first (sensitive ones restricted for those who may not read them)', params: caseParam, querystring: noteQuery, response: { 200: list(noteSchema), ...errors(400, 401, 404) } } },
    async (req) => notes.list(createCtx(db, req), cipher, req.params.id, req.query),
  );
  app.post(
    '/cases/:id/notes',
    { schema: { tags, summary: 'Add a note (contact notes record when the contact happened)', params: caseParam, body: noteCreate, response: { 201: noteSchema, ...errors(400, 401, 404) } } },
    async (req, reply) => reply.code(201).send(await notes.create(createCtx(db, req), cipher, req.params.id, req.body)),
  );
  app.patch(
    '/cases/:id/notes/:noteId',
    { schema: { tags, summary: 'Change a note (its author only; send the version it was based on)', params: noteParam, body: noteUpdate, response: { 200: noteSchema, ...errors(400, 401, 403, 404, 409) } } },
    async (req) => notes.update(createCtx(db, req), cipher, req.params.id, req.params.noteId, req.body),
  );

  // Tasks and follow-ups
  app.get(
    '/cases/:id/tasks',
    { schema: { tags, summary: 'List the tasks and follow-ups of a case (open first, soonest due first)', params: caseParam, querystring: taskListQuery, response: { 200: list(taskSchema), ...errors(400, 401, 404) } } },
    async (req) => tasks.list(createCtx(db, req), cipher, req.params.id, req.query),
  );
  app.post(
    '/cases/:id/tasks',
    { schema: { tags, summary: 'Add a task or follow-up', params: caseParam, body: taskCreate, response: { 201: taskSchema, ...errors(400, 401, 404) } } },
    async (req, reply) => reply.code(201).send(await tasks.create(createCtx(db, req), cipher, req.params.id, req.body)),
  );
  app.patch(
    '/cases/:id/tasks/:taskId',
    { schema: { tags, summary: 'Change, complete or cancel a task (send the version it was based on)', params: taskParam, body: taskUpdate, response: { 200: taskSchema, ...errors(400, 401, 404, 409) } } },
    async (req) => tasks.update(createCtx(db, req), cipher, req.params.id, req.params.taskId, req.body),
  );
  app.get(
    '/tasks',
    { schema: { tags, summary: 'Open tasks across the cases the caller may read (by default their own), soonest due first, with the case reference', querystring: myTasksQuery, response: { 200: list(myTaskSchema), ...errors(400, 401, 403) } } },
    async (req) => tasks.listAcross(createCtx(db, req), cipher, req.query),
  );

  // Consents
  app.get(
    '/cases/:id/consents',
    { schema: { tags, summary: 'List the consent decisions of a case, newest first', params: caseParam, response: { 200: list(consentSchema), ...errors(400, 401, 404) } } },
    async (req) => consents.list(createCtx(db, req), cipher, req.params.id),
  );
  app.post(
    '/cases/:id/consents',
    { schema: { tags, summary: 'Record a consent decision for one purpose', params: caseParam, body: consentCreate, response: { 201: consentSchema, ...errors(400, 401, 404) } } },
    async (req, reply) => reply.code(201).send(await consents.create(createCtx(db, req), cipher, req.params.id, req.body)),
  );
  app.post(
    '/cases/:id/consents/:consentId/withdraw',
    { schema: { tags, summary: 'Withdraw a consent; it stops allowing anything at once', params: consentParam, body: consentWithdraw, response: { 200: consentSchema, ...errors(400, 401, 404, 409) } } },
    async (req) => consents.withdraw(createCtx(db, req), cipher, req.params.id, req.params.consentId, req.body.reason),
  );

  // Attachments
  app.get(
    '/cases/:id/attachments',
    { schema: { tags, summary: 'List the files of a case', params: caseParam, response: { 200: list(attachmentSchema), ...errors(400, 401, 404) } } },
    async (req) => attachments.list(createCtx(db, req), cipher, req.params.id),
  );
  app.get(
    '/cases/:id/attachments/:attachmentId/content',
    {
      schema: {
        tags,
        summary: 'Download a file (audited)',
        params: attachmentParam,
        response: {
          // A file, not JSON: documented per media type, and never run through the JSON serializer (the handler sends a Buffer).
          200: {
            description: 'The file, with its stored media type',
            content: Object.fromEntries(['application/pdf', 'image/jpeg', 'image/png'].map((t) => [t, { schema: z.any().meta({ type: 'string', format: 'binary' }) }])),
          },
          ...errors(400, 401, 404),
        },
      },
    },
    async (req, reply) => {
      const f = await attachments.download(createCtx(db, req), cipher, req.params.id, req.params.attachmentId);
      return reply
        .type(f.mediaType)
        .header('content-disposition', attachmentDisposition(f.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .header('content-length', f.content.length)
        .send(f.content);
    },
  );
  app.delete(
    '/cases/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Delete a file (kept for the record, no longer listed or downloadable)', params: attachmentParam, response: { 204: z.null().describe('Deleted'), ...errors(400, 401, 404, 409) } } },
    async (req, reply) => {
      await attachments.remove(createCtx(db, req), req.params.id, req.params.attachmentId);
      return reply.code(204).send(null);
    },
  );

  // The upload takes the file as the raw body: these parsers and the 10 MiB limit exist only here.
  await app.register(async (files) => {
    const scope = files as unknown as App;
    scope.addContentTypeParser([...uploadContentTypes], { parseAs: 'buffer', bodyLimit: maxAttachmentBytes }, (_req, body, done) => done(null, body));
    scope.post(
      '/cases/:id/attachments',
      {
        bodyLimit: maxAttachmentBytes,
        errorHandler: uploadErrors,
        schema: {
          tags,
          summary: 'Upload a file as the raw request body (PDF, JPEG or PNG, at most 10 MiB; the type is checked by content)',
          description:
            'Send the file itself as the body with Content-Type application/pdf, image/jpeg, image/png or application/octet-stream. ' +
            'A file whose content is not one of these types, or does not match the declared type, is refused with 400 (`file`: `unsupported_file_type`); ' +
            'a larger one with 413 (`file`: `file_too_large`).',
          params: caseParam,
          querystring: attachmentUploadQuery,
          consumes: [...uploadContentTypes],
          body: z.any().meta({ type: 'string', format: 'binary' }),
          response: { 201: attachmentSchema, 413: errorBody, ...errors(400, 401, 404) },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await attachments.upload(createCtx(db, req), cipher, req.params.id, req.query, req.headers['content-type'], req.body)),
    );
  });
}
