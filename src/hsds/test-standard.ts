// Where the tests find the published HSDS 3.0 schemas: the unchanged copy in test/standards (so
// that they run on any machine), checked against the copy next to the repository when there is one.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The schema folder: *.json, compiled/*.json and openapi.json. */
export const hsdsSchemaDir = path.resolve(repoRoot, 'test/standards/hsds-3.0/schema');
/** The standard as shared next to the repository, when present. */
export const sharedSchemaDir = path.resolve(repoRoot, '../shared/standards/hsds-3.0/schema');

/** Every JSON file below a folder, as paths relative to it. */
export function jsonFilesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function requireSchemas(): void {
  // Fail loudly: a missing standard must not turn into a silently skipped check.
  if (!fs.existsSync(path.join(hsdsSchemaDir, 'compiled', 'service.json'))) throw new Error(`The HSDS 3.0 schemas are missing: expected them in ${hsdsSchemaDir}.`);
}
