// Builds the HTTP application: security plugins, error shape, auth, every domain's routes,
// the OpenAPI document and the web app. Listening and shutdown live in main.ts.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { auditRoutes } from './audit/routes.js';
import { authenticate } from './auth/authenticate.js';
import { authRoutes } from './auth/routes.js';
import { apiTokenRoutes } from './api-tokens/routes.js';
import { healthRoutes } from './health/routes.js';
import { caseRecordRoutes } from './case-records/routes.js';
import { caseRoutes } from './cases/routes.js';
import { directoryRoutes } from './directory/routes.js';
import { hsdsRoutes } from './hsds/routes.js';
import { organizationRoutes } from './organizations/routes.js';
import { personRoutes } from './persons/routes.js';
import { publicDirectoryRoutes } from './public-directory/routes.js';
import { referralRoutes } from './referrals/routes.js';
import { journeyRoutes } from './returns/routes.js';
import { transferRoutes } from './transfers/routes.js';
import { closureRoutes } from './closure/routes.js';
import { planRoutes } from './reintegration/plans/routes.js';
import { groupActivityRoutes } from './reintegration/groups/routes.js';
import { sustainabilityRoutes } from './reintegration/sustainability/routes.js';
import { legalRoutes } from './legal/routes.js';
import { employmentRoutes } from './employment/routes.js';
import { describeFailure, errorBody, HttpError } from './platform/http/errors.js';
import type { App, Deps } from './platform/http/types.js';
import { referenceRoutes } from './reference/routes.js';
import { userRoutes } from './users/routes.js';

export const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));

export const openapiInfo = {
  title: 'Pulang API',
  description:
    'Case management and consent-based referrals for the return and reintegration of trafficking victims and vulnerable migrants. ' +
    'Authenticate with the session cookie from POST /api/v1/auth/login, or with `Authorization: Bearer <API token>`.',
};

interface ValidationIssue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** A stable code per failed check, which the web app translates; the English wording goes to the top-level message. */
function issueCode(v: ValidationIssue): string {
  const p = v.params ?? {};
  const text = p.origin === 'string' || p.origin === 'array' || p.origin === 'set';
  switch (v.keyword) {
    case 'invalid_type':
      return /received undefined/.test(v.message ?? '') ? 'required' : 'invalid_type';
    case 'too_small':
      return text ? (p.minimum === 1 ? 'required' : 'too_short') : 'too_small';
    case 'too_big':
      return text ? 'too_long' : 'too_large';
    case 'invalid_format':
      return p.format === 'email' ? 'invalid_email' : p.format === 'uuid' ? 'invalid_uuid' : 'invalid_format';
    case 'invalid_value':
      return 'invalid_choice';
    case 'unrecognized_keys':
      return 'unknown_field';
    default:
      return 'invalid';
  }
}

function validationError(issues: ValidationIssue[]) {
  const fields: Record<string, string> = {};
  const lines: string[] = [];
  for (const v of issues) {
    const field = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || '_';
    if (fields[field]) continue;
    fields[field] = issueCode(v);
    lines.push(`${field}: ${v.message ?? 'invalid'}`);
  }
  return { code: 'invalid_input', message: `Some fields are invalid. ${lines.join('; ')}`, fields };
}

export async function buildApp(deps: Deps, opts: { logger?: boolean | object } = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Request IDs are random, never derived from the URL (which may be logged).
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).send({ error: { code: err.code, message: err.message, fields: err.fields, ...err.extra } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply.code(400).send({ error: validationError(err.validation as ValidationIssue[]) });
    }
    const e = err as { statusCode?: number; code?: string; message: string };
    if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      return reply.code(400).send({ error: { code: 'invalid_json', message: 'The request body is not valid JSON.' } });
    if (e.statusCode === 413) return reply.code(413).send({ error: { code: 'payload_too_large', message: 'The request body is too large.' } });
    if (e.statusCode === 429) return reply.code(429).send({ error: { code: 'rate_limited', message: 'Too many requests; try again later.' } });
    if (e.statusCode === 415) return reply.code(415).send({ error: { code: 'unsupported_media_type', message: 'Send JSON.' } });
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.code(e.statusCode).send({ error: { code: 'bad_request', message: e.message } });
    }
    // Messages of unexpected errors can carry personal data (a failed query's message lists its
    // parameters), so neither the answer nor the log repeats them: the log gets kinds and places only.
    req.log.error(describeFailure(err), 'request failed');
    return reply.code(500).send({ error: { code: 'internal', message: 'Something went wrong on the server.' } });
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: deps.config.secureCookies ? [] : null,
      },
    },
    hsts: deps.config.secureCookies,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    max: 600,
    timeWindow: '1 minute',
    // Answered by the error handler in the common shape.
    errorResponseBuilder: (_req, ctx) => Object.assign(new Error('rate limited'), { statusCode: ctx.statusCode }),
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { ...openapiInfo, version: deps.version },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'pulang_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Every API route can answer 429, and every non-public one 401 and 403: declare them once, here.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const schema = (route.schema ??= {}) as { response?: Record<number, unknown> };
    const response = (schema.response ??= {});
    const declare = (status: number) => (response[status] ??= errorBody);
    declare(429);
    if (route.config?.auth !== 'public') [401, 403].forEach(declare);
  });
  await app.register(authenticate, { db: deps.database.db });
  await app.register(healthRoutes(deps));
  await app.register(
    async (api) => {
      const v1 = api as unknown as App;
      await authRoutes(v1, deps);
      await organizationRoutes(v1, deps);
      await userRoutes(v1, deps);
      await apiTokenRoutes(v1, deps);
      await auditRoutes(v1, deps);
      await referenceRoutes(v1, deps);
      await personRoutes(v1, deps);
      await caseRoutes(v1, deps);
      await caseRecordRoutes(v1, deps);
      await directoryRoutes(v1, deps);
      await referralRoutes(v1, deps);
      await journeyRoutes(v1, deps);
      await transferRoutes(v1, deps);
      await closureRoutes(v1, deps);
      await planRoutes(v1, deps);
      await groupActivityRoutes(v1, deps);
      await sustainabilityRoutes(v1, deps);
      await legalRoutes(v1, deps);
      await employmentRoutes(v1, deps);
    },
    { prefix: '/api/v1' },
  );
  // The public faces of the directory: the HSDS 3.0 API and the server-rendered page.
  await app.register(async (hsds) => hsdsRoutes(hsds as unknown as App, deps), { prefix: '/api/hsds' });
  await app.register(async (page) => publicDirectoryRoutes(page as unknown as App, deps), { prefix: '/directory' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const hasWeb = fs.existsSync(`${webDist}/index.html`);
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDist,
      // Files are looked up per request, so a rebuilt web app is served without a restart.
      wildcard: true,
      index: false,
      cacheControl: false,
      setHeaders(res, file) {
        // Built assets carry a content hash in their name; everything else is revalidated.
        res.setHeader('cache-control', /[\\/]assets[\\/]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  if (hasWeb) app.get('/', { schema: { hide: true } }, (_req, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  app.setNotFoundHandler((req, reply) => {
    // API paths, other methods and missing files (a path with an extension) are plain 404s.
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !hasWeb || /\.[a-z0-9]+$/i.test(req.url.split('?')[0])) {
      return reply.code(404).send({ error: { code: 'not_found', message: 'Not found.' } });
    }
    // The web app routes everything else itself.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
