// npm run openapi — writes the OpenAPI document of the API to openapi.json at the repository root.
// The document comes from the route schemas alone, so the app is built without a database and
// without listening. test/openapi.test.ts builds it the same way and fails when the committed file drifts.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { BlindIndex } from '../src/platform/crypto/blind-index.js';
import { FieldCipher } from '../src/platform/crypto/fields.js';
import type { Database, Db } from '../src/platform/db/client.js';
import type { App } from '../src/platform/http/types.js';
import { appVersion } from '../src/platform/version.js';

export const openapiFile = fileURLToPath(new URL('../openapi.json', import.meta.url));

/** Stands in for the database: building the routes never queries it, and a handler that tried would fail loudly. */
function noDatabase(): Database {
  const refuse = () => {
    throw new Error('The OpenAPI build has no database; only the document routes may be called.');
  };
  return {
    db: new Proxy({}, { get: () => refuse }) as unknown as Db,
    engine: 'pglite',
    ping: async () => refuse(),
    close: async () => {},
  };
}

/** The application exactly as served, minus the database: enough for /api/openapi.json and /api/docs. */
export async function buildDocumentApp(): Promise<App> {
  const app = await buildApp({ database: noDatabase(), config: loadConfig({}), cipher: new FieldCipher(randomBytes(32)), lookup: new BlindIndex(randomBytes(32)), version: appVersion });
  await app.ready();
  return app;
}

/** Object keys sorted at every depth (array order kept), so the file does not churn when routes move. */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    ) as T;
  }
  return value;
}

/** The OpenAPI document as committed: JSON-safe, keys sorted, `info.version` from package.json. */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const app = await buildDocumentApp();
  try {
    return sortKeys(JSON.parse(JSON.stringify(app.swagger())) as Record<string, unknown>);
  } finally {
    await app.close();
  }
}

/** The text written to openapi.json. */
export const serialiseDocument = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;

const isMain = !!process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const text = serialiseDocument(await buildOpenApiDocument());
  const before = fs.existsSync(openapiFile) ? fs.readFileSync(openapiFile, 'utf8') : null;
  fs.writeFileSync(openapiFile, text);
  console.log(`${path.relative(process.cwd(), openapiFile) || openapiFile} ${before === text ? 'is up to date' : 'written'} (version ${appVersion}).`);
}
