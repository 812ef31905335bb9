// Builds the web app when web/dist is missing or older than its sources, so `npm start` works on a fresh clone.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'web/dist/index.html');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

if (fs.existsSync(path.join(root, 'web'))) {
  const built = fs.existsSync(dist) ? fs.statSync(dist).mtimeMs : 0;
  const sources = Math.max(newest(path.join(root, 'web')), fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs);
  if (built < sources) {
    console.log('Building the web app…');
    execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  }
}
