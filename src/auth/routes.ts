import { z } from 'zod';
import { createCtx } from '../platform/http/context.js';
import { errors } from '../platform/http/errors.js';
import type { App, Deps } from '../platform/http/types.js';
import { findUser } from '../users/dal.js';
import { displayNameSchema, emailSchema, localeSchema, userSchema } from '../users/schema.js';
import { ABSOLUTE_TIMEOUT_MS, SESSION_COOKIE } from './sessions.js';
import * as auth from './service.js';

const password = z.string().min(1, 'Enter a password.').max(1024);
const tags = ['auth'];

const meSchema = z
  .object({
    user: userSchema,
    organization: z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable() }),
    roles: z.array(z.string()),
    permissions: z.record(z.string(), z.enum(['all', 'organization', 'self'])),
    assignableRoles: z.array(z.string()),
    apiScopes: z.array(z.string()),
    totpRequired: z.boolean(),
    session: z.object({ expiresAt: z.date().nullable() }).nullable(),
  })
  .meta({ id: 'Me' });

const recoveryCodesOut = z.object({ recoveryCodes: z.array(z.string()) });
const sessionSchema = z
  .object({
    id: z.uuid(),
    createdAt: z.date(),
    lastSeenAt: z.date(),
    expiresAt: z.date(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    current: z.boolean().describe('The session this request came with'),
  })
  .meta({ id: 'Session' });

export async function authRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const { cipher } = deps;

  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie',
        security: [],
        body: z.object({ email: z.string().trim().min(1, 'Enter your email address.').max(254), password, totp: z.string().max(32).optional() }),
        response: { 200: z.object({ user: userSchema }), ...errors(400, 401, 429) },
      },
      config: { auth: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const ctx = createCtx(db, req);
      const { session, userId } = await auth.login(ctx, req.body, cipher);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.config.secureCookies,
        maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
      });
      return { user: (await findUser(db, userId))! };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags, summary: 'Sign out; ends this session', response: { 204: z.null(), ...errors(401) } }, config: { auth: 'session', beforeTotp: true } },
    async (req, reply) => {
      await auth.logout(createCtx(db, req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags, summary: 'The signed-in user, organisation, roles and what the user may do', response: { 200: meSchema, ...errors(401) } }, config: { beforeTotp: true } },
    async (req) => auth.me(createCtx(db, req)),
  );

  app.patch(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'Update own display name or language',
        body: z.object({ displayName: displayNameSchema.optional(), locale: localeSchema.optional() }),
        response: { 200: meSchema, ...errors(400, 401) },
      },
      config: { auth: 'session', beforeTotp: true },
    },
    async (req) => auth.updateOwnProfile(createCtx(db, req), req.body),
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Change own password; ends every other session',
        body: z.object({ currentPassword: password, newPassword: password }),
        response: { 204: z.null(), ...errors(400, 401) },
      },
      config: { auth: 'session', beforeTotp: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      await auth.changePassword(createCtx(db, req), req.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/activate',
    {
      schema: {
        tags,
        summary: 'Activate an account with the one-time token its administrator received, choosing a password',
        security: [],
        body: z.object({ token: z.string().min(1).max(200), password }),
        response: { 204: z.null(), ...errors(400, 429) },
      },
      config: { auth: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      await auth.activate(createCtx(db, req), req.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/setup/status',
    {
      schema: { tags, summary: 'Whether a first-run setup link is still valid', security: [], querystring: z.object({ token: z.string().max(200) }), response: { 200: z.object({ valid: z.boolean() }) } },
      config: { auth: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req) => ({ valid: await auth.setupStatus(db, req.query.token) }),
  );

  app.post(
    '/auth/setup',
    {
      schema: {
        tags,
        summary: 'First run: create the first organisation and system administrator with the link printed at start',
        security: [],
        body: z.object({
          token: z.string().min(1).max(200),
          organization: z.object({ name: z.string().trim().min(2).max(200), acronym: z.string().trim().max(30).nullish() }),
          displayName: displayNameSchema,
          email: emailSchema,
          password,
        }),
        response: { 201: z.null(), ...errors(400, 409, 429) },
      },
      config: { auth: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      await auth.setup(createCtx(db, req), req.body);
      return reply.code(201).send(null);
    },
  );

  app.get(
    '/auth/sessions',
    { schema: { tags, summary: 'Own signed-in sessions (devices), newest activity first', response: { 200: z.object({ items: z.array(sessionSchema) }) } }, config: { auth: 'session' } },
    async (req) => ({ items: await auth.mySessions(createCtx(db, req)) }),
  );

  app.delete(
    '/auth/sessions/:id',
    { schema: { tags, summary: 'End one of own sessions', params: z.object({ id: z.uuid() }), response: { 204: z.null(), ...errors(400, 404) } }, config: { auth: 'session' } },
    async (req, reply) => {
      await auth.endMySession(createCtx(db, req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/sessions/revoke-others',
    { schema: { tags, summary: 'End every own session except this one', response: { 200: z.object({ revoked: z.number().int() }) } }, config: { auth: 'session' } },
    async (req) => ({ revoked: await auth.endMyOtherSessions(createCtx(db, req)) }),
  );

  app.post(
    '/auth/totp/enrol',
    {
      schema: { tags, summary: 'Start two-factor enrolment: a new secret and its QR code', response: { 200: z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() }), ...errors(401, 409) } },
      config: { auth: 'session', beforeTotp: true },
    },
    async (req) => auth.enrolTotp(createCtx(db, req), cipher),
  );

  app.post(
    '/auth/totp/confirm',
    {
      schema: { tags, summary: 'Confirm enrolment with a code; returns recovery codes, shown once', body: z.object({ code: z.string().min(1).max(12) }), response: { 200: recoveryCodesOut, ...errors(400, 401, 409) } },
      config: { auth: 'session', beforeTotp: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req) => ({ recoveryCodes: await auth.confirmTotp(createCtx(db, req), req.body.code, cipher) }),
  );

  app.post(
    '/auth/totp/disable',
    {
      schema: { tags, summary: 'Turn two-factor authentication off (not for roles that require it)', body: z.object({ password }), response: { 204: z.null(), ...errors(400, 401, 409) } },
      config: { auth: 'session', rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      await auth.disableTotp(createCtx(db, req), req.body.password);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/recovery-codes',
    {
      schema: { tags, summary: 'Replace the recovery codes; the old ones stop working', body: z.object({ password }), response: { 200: recoveryCodesOut, ...errors(400, 401, 409) } },
      config: { auth: 'session', rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req) => ({ recoveryCodes: await auth.regenerateRecoveryCodes(createCtx(db, req), req.body.password) }),
  );
}
