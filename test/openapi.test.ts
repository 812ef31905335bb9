// The OpenAPI document is committed (openapi.json) so that a change to the API shows in review.
// This test builds it the way `npm run openapi` does and fails when the committed file drifts,
// and holds every /api/v1 operation to the documentation rules: a summary, a success schema,
// and the shared Error schema for every error status it can answer.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocumentApp, buildOpenApiDocument, openapiFile, serialiseDocument } from '../scripts/openapi.js';
import { appVersion } from '../src/platform/version.js';
import type { App } from '../src/platform/http/types.js';

interface Operation {
  summary?: string;
  security?: unknown[];
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}
interface Document {
  info: { version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, any> };
}

const ERROR_REF = '#/components/schemas/Error';

/**
 * Operations whose documentation is known to lack an error status they can answer. Each entry
 * must still be a gap (the test says when it is fixed), so the list only ever shrinks.
 */
const knownGaps: Record<string, number[]> = {
  // Its required `token` query parameter is validated (400), but the route declares only 200.
  'GET /api/v1/auth/setup/status': [400],
};

let generated: Document;
let committedText: string | undefined;
let app: App;

beforeAll(async () => {
  generated = (await buildOpenApiDocument()) as unknown as Document;
  committedText = fs.existsSync(openapiFile) ? fs.readFileSync(openapiFile, 'utf8') : undefined;
  app = await buildDocumentApp();
});
afterAll(() => app?.close());

const operations = () =>
  Object.entries(generated.paths)
    .filter(([p]) => p.startsWith('/api/v1/'))
    .flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => ({ route: `${m.toUpperCase()} ${p}`, path: p, op })));

/** Names of the top-level sections, paths and schemas that differ, to say where the drift is. */
function whereTheyDiffer(a: Document, b: Document) {
  const out: string[] = [];
  const cmp = (label: string, x: Record<string, unknown> = {}, y: Record<string, unknown> = {}) => {
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) if (JSON.stringify(x[k]) !== JSON.stringify(y[k])) out.push(`${label}${k}`);
  };
  cmp('paths ', a.paths, b.paths);
  cmp('schema ', a.components?.schemas, b.components?.schemas);
  const rest = (d: Document) => ({ ...d, paths: undefined, components: { ...d.components, schemas: undefined } });
  cmp('', rest(a), rest(b));
  return out;
}

describe('openapi.json', () => {
  it('is committed and matches the API (otherwise run `npm run openapi`)', () => {
    expect(committedText, 'openapi.json is missing: run `npm run openapi`').toBeDefined();
    const text = serialiseDocument(generated);
    if (committedText !== text) {
      let where: string[] = ['(formatting)'];
      try {
        where = whereTheyDiffer(JSON.parse(committedText!), generated);
      } catch {
        /* not JSON at all */
      }
      expect.fail(`openapi.json is out of date: run \`npm run openapi\` and commit it. Differs in: ${where.join(', ') || '(key order or formatting)'}`);
    }
  });

  it('carries the version from package.json', () => {
    expect(generated.info.version).toBe(appVersion);
  });

  it('is what the running app serves at /api/openapi.json', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json(), 'the served document differs from openapi.json: run `npm run openapi`').toEqual(JSON.parse(committedText ?? '{}'));
  });

  it('is browsable at /api/docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
    expect(res.body).toMatch(/swagger/i);
  });

  it('defines the one error shape {error:{code,message,fields?}}', () => {
    const schema = generated.components.schemas.Error;
    expect(schema).toMatchObject({ type: 'object', required: ['error'] });
    const error = schema.properties.error;
    expect(error.type).toBe('object');
    expect([...error.required].sort()).toEqual(['code', 'message']);
    expect(error.properties.code).toEqual({ type: 'string' });
    expect(error.properties.message).toEqual({ type: 'string' });
    expect(error.properties.fields).toMatchObject({ type: 'object', additionalProperties: { type: 'string' } });
  });
});

describe('every /api/v1 operation', () => {
  it('is documented at all', () => {
    expect(operations().length).toBeGreaterThan(30);
  });

  it('has a summary', () => {
    const missing = operations().filter(({ op }) => !op.summary?.trim()).map((o) => o.route);
    expect(missing).toEqual([]);
  });

  it('declares exactly one success status, with a JSON schema unless it answers with an empty body (201, 204)', () => {
    const problems: string[] = [];
    for (const { route, op } of operations()) {
      const ok = Object.keys(op.responses).filter((c) => /^2\d\d$/.test(c));
      if (ok.length !== 1) problems.push(`${route}: success statuses ${ok.join(',') || 'none'}`);
      for (const c of ok) {
        const { content } = op.responses[c];
        const bodyless = !content && (c === '201' || c === '204');
        // A file download documents each media type it may send as a binary string.
        const file = content && !content['application/json'] && Object.values(content).every((m: any) => m?.schema?.format === 'binary');
        if (!bodyless && !file && !content?.['application/json']?.schema) problems.push(`${route}: ${c} has no schema`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers every error status with the Error schema', () => {
    const problems: string[] = [];
    for (const { route, op } of operations())
      for (const [c, r] of Object.entries(op.responses))
        if (Number(c) >= 400 && r.content?.['application/json']?.schema?.$ref !== ERROR_REF) problems.push(`${route} ${c}`);
    expect(problems).toEqual([]);
  });

  it('declares the error statuses its shape implies: 401 unless public, 400 for any input, 404 for a path parameter', () => {
    const missing: Record<string, number[]> = {};
    for (const { route, op } of operations()) {
      const needs: number[] = [];
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      if (!isPublic) needs.push(401);
      if (op.requestBody || op.parameters?.length) needs.push(400);
      if (op.parameters?.some((p) => p.in === 'path')) needs.push(404);
      const lacking = needs.filter((c) => !(String(c) in op.responses));
      if (lacking.length) missing[route] = lacking;
    }
    expect(missing, 'declare these with errors(...) in the route schema; fixed gaps leave knownGaps').toEqual(knownGaps);
  });

  it('is public exactly when the route is meant to be', () => {
    const open = operations()
      .filter(({ op }) => Array.isArray(op.security) && op.security.length === 0)
      .map((o) => o.route)
      .sort();
    expect(open).toEqual(
      [
        'GET /api/v1/areas',
        'GET /api/v1/auth/setup/status',
        'GET /api/v1/countries',
        'GET /api/v1/points-of-entry',
        'POST /api/v1/auth/activate',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/setup',
      ].sort(),
    );
  });
});
