// Accessibility: axe (WCAG 2.0/2.1 A and AA) on every page of the app, in both languages, with no
// serious or critical violation; at phone width no page may scroll sideways.
import type { Page } from '@playwright/test';
import { createActiveUser, expect, expectSettledPageAccessible, isPhone, login, logout, openMenu, switchLanguage, test } from './support';

const text = {
  id: {
    signIn: 'Masuk',
    invalid: 'Email atau kata sandi salah.',
    activate: 'Aktifkan akun Anda',
    welcome: 'Selamat datang',
    organizations: 'Organisasi',
    users: 'Pengguna',
    addUser: 'Tambah pengguna',
    profile: 'Profil saya',
    twoFactor: 'Autentikasi dua faktor',
    start: 'Mulai',
    qr: 'Kode QR untuk aplikasi autentikator',
    tokens: 'Token API',
    sessions: 'Sesi masuk',
    noTokens: 'Belum ada token.',
    audit: 'Log audit',
    events: 'Kejadian',
    verify: 'Periksa keutuhan',
    intact: /^Log utuh/,
    notFound: 'Halaman tidak ditemukan',
  },
  en: {
    signIn: 'Sign in',
    invalid: 'The email or password is wrong.',
    activate: 'Activate your account',
    welcome: 'Welcome',
    organizations: 'Organisations',
    users: 'Users',
    addUser: 'Add user',
    profile: 'My profile',
    twoFactor: 'Two-factor authentication',
    start: 'Start',
    qr: 'QR code for the authenticator app',
    tokens: 'API tokens',
    sessions: 'Sessions',
    noTokens: 'No tokens yet.',
    audit: 'Audit log',
    events: 'Events',
    verify: 'Verify integrity',
    intact: /^The log is intact/,
    notFound: 'Page not found',
  },
} as const;

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

for (const lang of ['id', 'en'] as const) {
  const t = text[lang];

  test(`every page passes the accessibility checks (${lang})`, async ({ page }, testInfo) => {
    const orgAdmin = await createActiveUser(testInfo, ['org_admin'], `a11y-admin-${lang}`, lang);
    const auditor = await createActiveUser(testInfo, ['auditor'], `a11y-audit-${lang}`, lang);

    // Pages without a session.
    await page.goto('/login');
    if (lang === 'en') await switchLanguage(page, 'en');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(h1(page, t.signIn)).toBeVisible();
    await expectSettledPageAccessible(page, testInfo, `login (${lang})`);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(orgAdmin.email);
    await page.getByLabel(/^(Kata sandi|Password)$/).fill('Bukan-Sandi-Yang-Benar-123');
    await page.getByRole('button', { name: t.signIn, exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText(t.invalid);
    await expectSettledPageAccessible(page, testInfo, `login with an error (${lang})`);

    await page.goto('/activate?token=not-a-real-token-only-for-the-page');
    await expect(h1(page, t.activate)).toBeVisible();
    await expectSettledPageAccessible(page, testInfo, `activation (${lang})`);

    await page.goto('/no-such-page');
    await expect(h1(page, t.notFound)).toBeVisible();
    await expectSettledPageAccessible(page, testInfo, `not found (${lang})`);

    // The shell and the pages of an organisation administrator.
    await login(page, orgAdmin.email, orgAdmin.password);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1, name: `${t.welcome}, ${orgAdmin.displayName}` })).toBeVisible();
    await expectSettledPageAccessible(page, testInfo, `home (${lang})`);
    if (isPhone(testInfo)) {
      await openMenu(page);
      await expect(page.getByRole('navigation', { name: /^(Navigasi utama|Main navigation)$/ })).toBeVisible();
      await expectSettledPageAccessible(page, testInfo, `home with the menu open (${lang})`);
    }

    await page.goto('/organizations');
    await expect(h1(page, t.organizations)).toBeVisible();
    await expect(page.getByRole('table', { name: t.organizations })).toBeVisible();
    await expectSettledPageAccessible(page, testInfo, `organisations (${lang})`);

    await page.goto('/users');
    await expect(h1(page, t.users)).toBeVisible();
    await expect(page.getByRole('table', { name: t.users })).toBeVisible();
    await expectSettledPageAccessible(page, testInfo, `users (${lang})`);

    await page.goto('/users/new');
    await expect(h1(page, t.addUser)).toBeVisible();
    await expectSettledPageAccessible(page, testInfo, `user create (${lang})`);

    await page.goto('/profile');
    await expect(h1(page, t.profile)).toBeVisible();
    await expectSettledPageAccessible(page, testInfo, `profile (${lang})`);

    await page.goto('/profile/two-factor');
    await expect(h1(page, t.twoFactor)).toBeVisible();
    await expectSettledPageAccessible(page, testInfo, `two-factor (${lang})`);
    await page.getByRole('button', { name: t.start, exact: true }).click();
    await expect(page.getByRole('img', { name: t.qr })).toBeVisible();
    await expectSettledPageAccessible(page, testInfo, `two-factor enrolment (${lang})`);

    await page.goto('/profile/api-tokens');
    await expect(h1(page, t.tokens)).toBeVisible();
    await expect(page.getByText(t.noTokens)).toBeVisible();
    await expectSettledPageAccessible(page, testInfo, `API tokens (${lang})`);

    await page.goto('/profile/sessions');
    await expect(h1(page, t.sessions)).toBeVisible();
    await expectSettledPageAccessible(page, testInfo, `sessions (${lang})`);

    // The audit log, as an auditor.
    await logout(page);
    await login(page, auditor.email, auditor.password);
    await page.goto('/audit');
    await expect(h1(page, t.audit)).toBeVisible();
    await expect(page.getByRole('table', { name: t.events })).toBeVisible();
    await page.getByRole('button', { name: t.verify }).click();
    await expect(page.getByRole('status').filter({ hasText: t.intact })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expectSettledPageAccessible(page, testInfo, `audit log (${lang})`);
  });
}
