import { defineConfig, devices } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { generateSecret } from 'otplib';

// Shared with the test files through the environment: the demo administrator's TOTP key.
process.env.E2E_ADMIN_TOTP_SECRET ??= generateSecret();
// The first-run setup journey runs against its own empty server, with a setup token known here.
process.env.E2E_SETUP_TOKEN ??= randomBytes(24).toString('base64url');
export const setupPort = Number(process.env.E2E_SETUP_PORT ?? 3198);
const port = Number(process.env.E2E_PORT ?? 3199);

/** A Pulang server for the tests, stopped with SIGTERM (not Playwright's SIGKILL) so it closes and removes its temporary data. */
function server(script: string, serverPort: number, env: Record<string, string | undefined>) {
  return {
    command: `node --import tsx ${script}`,
    url: `http://127.0.0.1:${serverPort}/api/health`,
    env: { PORT: String(serverPort), HOST: '127.0.0.1', PULANG_TRUST_PROXY: 'true', LOG_LEVEL: 'warn', ...env } as Record<string, string>,
    reuseExistingServer: false,
    timeout: 120_000,
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}

export default defineConfig({
  testDir: 'e2e',
  // A shared CI machine can be several times slower than a laptop: waits are generous there, and a
  // test that failed once (a browser that did not start in time, say) runs once more and is reported as flaky.
  timeout: process.env.CI ? 120_000 : 60_000,
  expect: { timeout: process.env.CI ? 15_000 : 5_000 },
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'id-ID',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'off',
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
    { name: 'phone', use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
  ],
  webServer: [
    server('e2e/server.ts', port, { E2E_ADMIN_TOTP_SECRET: process.env.E2E_ADMIN_TOTP_SECRET }),
    server('e2e/setup-server.ts', setupPort, { E2E_SETUP_TOKEN: process.env.E2E_SETUP_TOKEN }),
  ],
});
