// Shared helpers for the browser tests: a distinct client address per test (the server locks an
// address after 5 failed sign-ins and limits sign-ins per address), sign-in with an optional TOTP
// step, language switching, fresh accounts made through the API, and accessibility checks.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, request as playwrightRequest, test as base, type APIRequestContext, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { generate } from 'otplib';

export { expect };

export const DEMO_PASSWORD = 'Pulang-Demo-Sandi-2026';
/** Passwords the server's strength rules refuse ("too_common") and accept. */
export const WEAK_PASSWORD = 'password1234';
export const strongPassword = () => `Gerimis-Kancil-Bambu-${crypto.randomInt(1000, 9999)}-Pelangi`;

export const demo = {
  admin: 'admin@demo.pulang.example',
  orgAdmin: 'orgadmin@demo.pulang.example',
  supervisor: 'supervisor@demo.pulang.example',
  caseWorker: 'caseworker@demo.pulang.example',
  focalPoint: 'focalpoint@demo.pulang.example',
  partner: 'partner@demo.pulang.example',
  analyst: 'analyst@demo.pulang.example',
  auditor: 'auditor@demo.pulang.example',
} as const;

export function adminTotpSecret(): string {
  const s = process.env.E2E_ADMIN_TOTP_SECRET;
  if (!s) throw new Error('E2E_ADMIN_TOTP_SECRET is not set (playwright.config.ts sets it)');
  return s;
}

// ---------------------------------------------------------------------------------------------
// Client addresses

/**
 * A client address of its own for each test (and each extra browser or API context in it), sent as
 * X-Forwarded-For (the test server trusts the proxy header). Ordinary addresses are 10.9.x.y; a
 * test that locks its address on purpose uses `lockoutAddress`, from a range nobody else uses.
 */
export function clientAddress(testInfo: TestInfo, n = 0, prefix = '10.9'): string {
  const h = crypto.createHash('sha256').update(`${testInfo.testId}|${testInfo.retry}|${testInfo.repeatEachIndex}|${n}`).digest();
  return `${prefix}.${h[0]}.${h[1] === 0 ? 1 : h[1]}`;
}
export const lockoutAddress = (testInfo: TestInfo) => clientAddress(testInfo, 0, '10.66');

const forwardedFor = (address: string) => ({ 'x-forwarded-for': address });

/** Every test's page (and page.request) comes from a distinct client address. */
export const test = base.extend<{ address: string }>({
  address: async ({}, use, testInfo) => {
    await use(clientAddress(testInfo));
  },
  extraHTTPHeaders: async ({ address }, use) => {
    await use(forwardedFor(address));
  },
});

let contextCount = 0;
/** A fresh browser context (no cookies, no stored language) with its own client address. */
export async function freshContext(browser: Browser, testInfo: TestInfo, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const project = testInfo.project.use;
  return browser.newContext({
    baseURL: project.baseURL,
    locale: project.locale,
    viewport: project.viewport,
    isMobile: project.isMobile,
    hasTouch: project.hasTouch,
    deviceScaleFactor: project.deviceScaleFactor,
    userAgent: project.userAgent,
    ...options,
    extraHTTPHeaders: forwardedFor(clientAddress(testInfo, 100 + ++contextCount)),
  });
}

// ---------------------------------------------------------------------------------------------
// TOTP

// A code is accepted once per 30 s step and user, and the server accepts the next step too (±30 s).
// The last step used per secret is kept in a file, because the phone project runs in another worker.
const stepFile = path.join(os.tmpdir(), 'pulang-e2e-totp-steps.json');
const secretKey = (secret: string) => crypto.createHash('sha256').update(secret).digest('hex').slice(0, 16);

function readSteps(): Record<string, { step: number; at: number }> {
  try {
    return JSON.parse(fs.readFileSync(stepFile, 'utf8')) as Record<string, { step: number; at: number }>;
  } catch {
    return {};
  }
}

/** A TOTP code for a step not used before with this secret; waits for the next step when needed. */
export async function freshTotp(secret: string): Promise<string> {
  for (;;) {
    const steps = readSteps();
    const last = steps[secretKey(secret)]?.step ?? -1;
    const current = Math.floor(Date.now() / 30_000);
    const step = Math.max(current, last + 1);
    if (step <= current + 1) {
      // Keep the file small: forget secrets of earlier runs.
      const kept = Object.fromEntries(Object.entries(steps).filter(([, v]) => Date.now() - v.at < 3_600_000));
      kept[secretKey(secret)] = { step, at: Date.now() };
      fs.writeFileSync(stepFile, JSON.stringify(kept));
      return generate({ secret, epoch: step * 30 });
    }
    await new Promise((r) => setTimeout(r, (current + 1) * 30_000 - Date.now() + 200));
  }
}

/** Six digits that are not a valid code for this secret at the moment. */
export async function wrongTotp(secret: string): Promise<string> {
  const current = Math.floor(Date.now() / 30_000);
  const valid = new Set(await Promise.all([-2, -1, 0, 1, 2].map((d) => generate({ secret, epoch: (current + d) * 30 }))));
  for (const candidate of ['000000', '111111', '222222', '333333']) if (!valid.has(candidate)) return candidate;
  throw new Error('unreachable');
}

// ---------------------------------------------------------------------------------------------
// Sign-in, language, navigation

const signInButton = (page: Page) => page.getByRole('button', { name: /^(Masuk|Sign in)$/ });

/** Fills the sign-in form (in either language) and, when a TOTP secret is given, the code step. Waits for the shell. */
export async function login(page: Page, email: string, password: string, opts: { totpSecret?: string; recoveryCode?: string; path?: string } = {}) {
  if (!/\/login/.test(page.url())) await page.goto(opts.path ?? '/login');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel(/^(Kata sandi|Password)$/).fill(password);
  await signInButton(page).click();
  if (opts.totpSecret || opts.recoveryCode) {
    const code = page.getByLabel(/^(Kode autentikasi|Authentication code)$/);
    await expect(code).toBeFocused();
    await code.fill(opts.recoveryCode ?? (await freshTotp(opts.totpSecret!)));
    await page.getByRole('button', { name: /^(Verifikasi|Verify)$/ }).click();
  }
  await expect(page).not.toHaveURL(/\/login/);
  // The shell's navigation (folded away behind "Menu" at phone width).
  await expect(page.getByRole('navigation', { name: /^(Navigasi utama|Main navigation)$/, includeHidden: true })).toBeAttached();
}

/** At phone width the navigation, language switch and sign-out are behind the "Menu" button. */
export async function openMenu(page: Page) {
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
}

export async function navigateTo(page: Page, name: string | RegExp) {
  await openMenu(page);
  await page
    .getByRole('navigation', { name: /^(Navigasi utama|Main navigation)$/ })
    .getByRole('link', { name, exact: typeof name === 'string' ? true : undefined })
    .click();
}

/** Picks the language in the header (sign-in pages or the signed-in shell). */
export async function switchLanguage(page: Page, lang: 'id' | 'en') {
  await openMenu(page);
  await page
    .getByRole('banner')
    .getByLabel(/^(Bahasa|Language)$/)
    .selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Opens the sign-in page, picks the language there, signs in and checks the shell kept the language. */
export async function loginInLanguage(page: Page, email: string, password: string, lang: 'id' | 'en') {
  await page.goto('/login');
  await switchLanguage(page, lang);
  await login(page, email, password);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

export async function logout(page: Page) {
  await openMenu(page);
  await page.getByRole('button', { name: /^(Keluar|Sign out)$/ }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
}

// ---------------------------------------------------------------------------------------------
// The API, for setting up and checking server state

/** An API client (no session) from its own client address. */
export function apiContext(testInfo: TestInfo, headers: Record<string, string> = {}): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: testInfo.project.use.baseURL,
    extraHTTPHeaders: { ...forwardedFor(clientAddress(testInfo, 200 + ++contextCount)), ...headers },
  });
}

/** An API client signed in as the given user, from its own client address. */
export async function apiSession(testInfo: TestInfo, email: string, password = DEMO_PASSWORD, totp?: string): Promise<APIRequestContext> {
  const api = await apiContext(testInfo);
  const res = await api.post('/api/v1/auth/login', { data: { email, password, ...(totp ? { totp } : {}) } });
  expect(res.status(), `API sign-in as ${email}: ${await res.text()}`).toBe(200);
  return api;
}

export interface Me {
  user: { id: string; email: string; displayName: string; locale: 'id' | 'en'; totpEnabled: boolean };
  organization: { id: string; name: string };
  roles: string[];
}

export async function getJson<T>(api: APIRequestContext, url: string, headers?: Record<string, string>): Promise<T> {
  const res = await api.get(url, { headers });
  expect(res.ok(), `GET ${url}: ${res.status()} ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

/** A unique address for a new account. */
export function uniqueEmail(prefix: string, testInfo: TestInfo): string {
  return `${prefix}-${testInfo.project.name}-${Date.now().toString(36)}${crypto.randomInt(1000, 9999)}@e2e.pulang.example`;
}

/**
 * A new, activated person in the demo organisation admin's organisation (Dinas Sosial Provinsi Jawa Timur),
 * made through the API by orgadmin@: for journeys that change an account (2FA, password) or its language.
 */
export async function createActiveUser(testInfo: TestInfo, roles: string[], prefix = 'user', locale: 'id' | 'en' = 'id') {
  const admin = await apiSession(testInfo, demo.orgAdmin);
  try {
    const me = await getJson<Me>(admin, '/api/v1/auth/me');
    const email = uniqueEmail(prefix, testInfo);
    const displayName = `Uji ${prefix} ${crypto.randomInt(100000, 999999)}`;
    const created = await admin.post('/api/v1/users', { data: { email, displayName, organizationId: me.organization.id, roles, kind: 'person', locale } });
    expect(created.status(), await created.text()).toBe(201);
    const { user, activationToken } = (await created.json()) as { user: { id: string }; activationToken: string };
    const password = strongPassword();
    const activated = await admin.post('/api/v1/auth/activate', { data: { token: activationToken, password } });
    expect(activated.status(), await activated.text()).toBe(204);
    return { id: user.id, email, displayName, password };
  } finally {
    await admin.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// Accessibility

/** Runs axe (WCAG 2.0/2.1 A and AA) and fails on serious or critical violations, listing them. */
export async function expectAccessible(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`)
    .join('\n');
  expect(bad, `${label}: accessibility violations\n${report}`).toEqual([]);
}

/** At phone width nothing may scroll sideways. */
export async function expectNoHorizontalScroll(page: Page, label: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${label}: page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
}

export const isPhone = (testInfo: TestInfo) => testInfo.project.name === 'phone';

/** Waits until nothing is still loading, then runs axe and, at phone width, the sideways-scroll check. */
export async function expectSettledPageAccessible(page: Page, testInfo: TestInfo, label: string) {
  await expect(page.getByRole('status').filter({ hasText: /^(Memuat…|Loading…)$/ })).toHaveCount(0);
  await expectAccessible(page, label);
  if (isPhone(testInfo)) await expectNoHorizontalScroll(page, label);
}

// ---------------------------------------------------------------------------------------------
// Test data

/** An invented surname no other test uses (syllables, so the name looks Indonesian). */
export function inventedSurname(): string {
  const parts = ['sa', 'ri', 'wa', 'ti', 'ku', 'nda', 'ra', 'ja', 'mi', 'lo', 'pe', 'gu', 'so', 'bra', 'ta', 'ne'];
  let s = '';
  for (let i = 0; i < 4; i++) s += parts[crypto.randomInt(parts.length)];
  return s.charAt(0).toUpperCase() + s.slice(1);
}
