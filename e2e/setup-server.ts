// A second server for the browser tests: an empty database with no administrator, as on a
// first start, and a setup link whose token the test knows (E2E_SETUP_TOKEN).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashToken } from '../src/platform/crypto/tokens.js';
import { oneTimeTokens } from '../src/platform/db/schema.js';
import { loadConfig } from '../src/platform/config.js';
import { start } from '../src/server.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pulang-e2e-setup-'));
process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
// Always the embedded engine: this journey is about a first start, not about the engine.
const config = { ...loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }), adminEmail: undefined, adminPassword: undefined };
const { database } = await start(config, { quiet: true });
// Issued after start-up, so the link start-up printed does not replace it.
await database.db
  .insert(oneTimeTokens)
  .values({ tokenHash: hashToken(process.env.E2E_SETUP_TOKEN!), purpose: 'setup', userId: null, expiresAt: new Date(Date.now() + 3600_000) });
