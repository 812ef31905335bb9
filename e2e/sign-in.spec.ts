// Signing in and out: wrong and right password, the language switch, lockout, and the 2FA step.
import {
  adminTotpSecret,
  apiSession,
  createActiveUser,
  DEMO_PASSWORD,
  demo,
  expect,
  freshContext,
  freshTotp,
  getJson,
  lockoutAddress,
  login,
  logout,
  navigateTo,
  switchLanguage,
  test,
  wrongTotp,
  type Me,
} from './support';

test('a wrong password is refused in Indonesian; the right one opens the shell', async ({ page }) => {
  await page.goto('/');
  // Without a session every page leads to sign-in, keeping where the person wanted to go.
  await expect(page).toHaveURL(/\/login\?redirect=/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();

  await page.getByLabel('Email', { exact: true }).fill(demo.caseWorker);
  await page.getByLabel('Kata sandi', { exact: true }).fill('Bukan-Kata-Sandi-Yang-Benar-1');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert')).toHaveText('Email atau kata sandi salah.');
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);

  await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Selamat datang, Siti Nurhaliza Rahman' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Dinas Sosial Provinsi Jawa Timur');
  await expect(page.getByRole('main')).toContainText('Peran Anda: Pendamping kasus');

  const me = await getJson<Me>(page.request, '/api/v1/auth/me');
  expect(me.user.email).toBe(demo.caseWorker);
});

test('the language switch changes the texts and <html lang>, before and after signing in', async ({ page }, testInfo) => {
  // A fresh account, so that its saved language starts as Indonesian whatever else ran before.
  const person = await createActiveUser(testInfo, ['analyst'], 'lang');
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
  await expect(page.getByLabel('Kata sandi', { exact: true })).toBeVisible();

  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
  await expect(page.getByText('Return and reintegration support')).toBeVisible();
  await expect(page).toHaveTitle(/Sign in/);

  await switchLanguage(page, 'id');
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
  await expect(page.getByText('Pendampingan kepulangan dan reintegrasi')).toBeVisible();

  // Picked on the sign-in page, English is kept after signing in and saved to the account.
  await switchLanguage(page, 'en');
  await login(page, person.email, person.password);
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${person.displayName}` })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect.poll(async () => (await getJson<Me>(page.request, '/api/v1/auth/me')).user.locale).toBe('en');

  await navigateTo(page, 'Organisations');
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Organisation name' })).toBeVisible();

  // And back to Indonesian in the shell.
  await switchLanguage(page, 'id');
  await expect(page.getByRole('heading', { level: 1, name: 'Organisasi' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Nama organisasi' })).toBeVisible();
  await expect.poll(async () => (await getJson<Me>(page.request, '/api/v1/auth/me')).user.locale).toBe('id');

  // The account's language follows the person to a new device.
  await switchLanguage(page, 'en');
  const other = await freshContext(page.context().browser()!, testInfo);
  const otherPage = await other.newPage();
  await login(otherPage, person.email, person.password);
  await expect(otherPage.locator('html')).toHaveAttribute('lang', 'en');
  await expect(otherPage.getByRole('heading', { level: 1, name: `Welcome, ${person.displayName}` })).toBeVisible();
  await other.close();
});

test('five failed sign-ins lock the account and the address', async ({ browser }, testInfo) => {
  const person = await createActiveUser(testInfo, ['case_worker'], 'lockout');
  // This test's own address range: nothing else is locked by it.
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: testInfo.project.use.viewport,
    isMobile: testInfo.project.use.isMobile,
    extraHTTPHeaders: { 'x-forwarded-for': lockoutAddress(testInfo) },
  });
  const page = await context.newPage();
  await page.goto('/login');
  const email = page.getByLabel('Email', { exact: true });
  const password = page.getByLabel('Kata sandi', { exact: true });
  const submit = page.getByRole('button', { name: 'Masuk' });
  await email.fill(person.email);
  for (let i = 1; i <= 5; i++) {
    await password.fill(`Salah-Sandi-Nomor-${i}-Sekali`);
    await submit.click();
    await expect(page.getByRole('alert')).toHaveText('Email atau kata sandi salah.');
    await expect(submit).toBeEnabled();
  }
  // Even the right password is refused now.
  await password.fill(person.password);
  await submit.click();
  await expect(page.getByRole('alert')).toHaveText('Terlalu banyak percobaan yang gagal. Akun ini dikunci sementara; coba lagi dalam 15 menit.');
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);

  // The lock holds for the account from any address …
  const elsewhere = await freshContext(browser, testInfo);
  const res = await elsewhere.request.post('/api/v1/auth/login', { data: { email: person.email, password: person.password } });
  expect(res.status()).toBe(401);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('locked_out');
  // … and for the address, whatever the account.
  const other = await createActiveUser(testInfo, ['case_worker'], 'lockout2');
  const fromLocked = await context.request.post('/api/v1/auth/login', { data: { email: other.email, password: other.password } });
  expect(((await fromLocked.json()) as { error: { code: string } }).error.code).toBe('locked_out');
  // The other account itself is fine.
  await (await apiSession(testInfo, other.email, other.password)).dispose();
  await elsewhere.close();
  await context.close();
});

test('the system administrator signs in with a TOTP code and signs out', async ({ page }) => {
  const secret = adminTotpSecret();
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(demo.admin);
  await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();

  // Second step: the code field, focused, with the explanation.
  await expect(page.getByText('Akun ini dilindungi autentikasi dua faktor.')).toBeVisible();
  const code = page.getByLabel('Kode autentikasi');
  await expect(code).toBeFocused();
  expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);

  await code.fill(await wrongTotp(secret));
  await page.getByRole('button', { name: 'Verifikasi' }).click();
  await expect(page.getByText('Kode autentikasi salah atau sudah kedaluwarsa.')).toBeVisible();
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);

  await code.fill(await freshTotp(secret));
  await page.getByRole('button', { name: 'Verifikasi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Selamat datang, Rina Wulandari' })).toBeVisible();
  const me = await getJson<Me>(page.request, '/api/v1/auth/me');
  expect(me.user.email).toBe(demo.admin);
  expect(me.user.totpEnabled).toBe(true);
  expect(me.roles).toEqual(['system_admin']);

  await logout(page);
  await expect(page.getByRole('status').filter({ hasText: 'Anda sudah keluar.' })).toBeVisible();
  expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
  // The old session no longer opens the shell.
  await page.goto('/users');
  await expect(page).toHaveURL(/\/login\?redirect=%2Fusers/);
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
});
