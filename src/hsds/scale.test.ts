// The HSDS API over a large generated directory: every published service, in full, validates
// against the HSDS 3.0 schema, whatever the generator's variety throws at the mapping. Speed is
// measured by bench/directory.bench.ts, not here.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDirectory } from '../demo/directory.js';
import { generateDirectory } from '../synthetic/directory.js';
import { startServer, type Client, type TestServer } from '../../test/support/server.js';
import { hsdsSchemaDir, requireSchemas } from './test-standard.js';

const compiled = path.join(hsdsSchemaDir, 'compiled');
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ?? addFormatsImport) as (ajv: Ajv) => void;

const N = 1500;
let srv: TestServer;
let c: Client;
let published = 0;

beforeAll(async () => {
  requireSchemas();
  srv = await startServer();
  c = srv.client();
  const dir = generateDirectory({ services: N, seed: 'hsds-scale' });
  published = dir.services.filter((s) => s.status !== 'defunct').length;
  const t = performance.now();
  await srv.database.db.transaction((tx) => insertDirectory(tx, dir));
  console.log(`inserted ${N} services, ${dir.organizations.length} organisations, ${dir.locations.length} locations in ${Math.round(performance.now() - t)} ms`);
}, 300_000);

afterAll(async () => {
  await srv?.close();
});

describe(`HSDS at ${N} services`, () => {
  it('streams every published service in full, each valid against service.json', async () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(compiled, 'service.json'), 'utf8')));
    const t = performance.now();
    const res = await c.get('/api/hsds/services?format=ndjson&full=true');
    const lines = res.text.trim().split('\n');
    console.log(`ndjson of ${lines.length} full services: ${Math.round(performance.now() - t)} ms, ${Math.round(res.text.length / 1024)} KiB`);
    expect(lines).toHaveLength(published);
    for (const line of lines) {
      const s = JSON.parse(line);
      if (!validate(s)) throw new Error(`${s.name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
  }, 300_000);
});
