// Web front end build: the SPA lives in web/ and is built to web/dist, which the Fastify server serves.
// `npx vite` runs a dev server that proxies /api to the API on port 3000.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  // Vitest reads this file too: keep tests rooted at the repository (server tests in src/, web tests in web/src/),
  // not at the Vite root above.
  test: {
    root: repoRoot,
    exclude: ['**/node_modules/**', '**/dist/**', 'web/dist/**'],
  },
});
