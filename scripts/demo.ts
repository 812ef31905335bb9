// npm run demo — Pulang on a fresh temporary PGlite database filled with synthetic demo data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateURI } from 'otplib';
import { DEMO_PASSWORD, demoPeople, seedDemo } from '../src/demo/seed.js';
import { loadConfig } from '../src/platform/config.js';
import { start } from '../src/server.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pulang-demo-'));
process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
const config = { ...loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }), adminEmail: undefined, adminPassword: undefined };
let adminSecret = '';

await start(config, {
  quiet: true,
  async beforeListen({ database, cipher, lookup }) {
    adminSecret = (await seedDemo(database.db, cipher, lookup)).adminTotpSecret;
  },
});

const width = Math.max(...demoPeople.map((p) => p.role.length));
console.log(`
Demo data (synthetic) in ${dataDir}; it is deleted when you stop the demo with Ctrl+C.
Every demo user's password: ${DEMO_PASSWORD}
${demoPeople.map((p) => `  ${p.role.padEnd(width)}  ${p.email}  (${p.name})`).join('\n')}

The system administrator also needs a two-factor code. Add this key to an authenticator app:
  ${adminSecret}
  ${generateURI({ issuer: 'Pulang', label: demoPeople[0].email, secret: adminSecret })}
`);
