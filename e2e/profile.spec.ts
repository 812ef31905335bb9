// My profile: two-factor enrolment and sign-in with it, personal API tokens, password change.
// Each test works on a fresh case worker so the demo accounts stay as seeded.
import { apiContext, createActiveUser, expect, freshContext, freshTotp, getJson, login, logout, navigateTo, strongPassword, test, WEAK_PASSWORD, wrongTotp, type Me } from './support';

test('a case worker turns on two-factor authentication and signs in with a code', async ({ page }, testInfo) => {
  const person = await createActiveUser(testInfo, ['case_worker'], 'totp');
  await login(page, person.email, person.password);
  await navigateTo(page, 'Profil saya');
  await expect(page.getByRole('heading', { level: 1, name: 'Profil saya' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Bagian profil' }).getByRole('link', { name: 'Autentikasi dua faktor' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Autentikasi dua faktor' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Aktifkan autentikasi dua faktor' })).toBeVisible();

  await page.getByRole('button', { name: 'Mulai' }).click();
  await expect(page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Buka di aplikasi autentikator di perangkat ini' })).toHaveAttribute('href', /^otpauth:\/\/totp\//);
  // The key for manual entry, shown in groups of four.
  const shown = await page.getByLabel('Tidak dapat memindai? Masukkan kunci rahasia ini secara manual:').textContent();
  const secret = (shown ?? '').replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

  // A wrong code first.
  const codeField = page.getByLabel('Kode dari aplikasi');
  await codeField.fill(await wrongTotp(secret));
  await page.getByRole('button', { name: 'Aktifkan' }).click();
  await expect(page.getByText('Kode salah atau sudah kedaluwarsa.')).toBeVisible();
  expect((await getJson<Me>(page.request, '/api/v1/auth/me')).user.totpEnabled).toBe(false);

  await codeField.fill(await freshTotp(secret));
  await page.getByRole('button', { name: 'Aktifkan' }).click();
  const recovery = page.getByRole('region', { name: 'Kode pemulihan Anda' });
  await expect(recovery).toBeVisible();
  const codes = await recovery.getByRole('listitem').allTextContents();
  expect(codes).toHaveLength(10);
  for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  expect(new Set(codes).size).toBe(10);
  await recovery.getByRole('button', { name: 'Saya sudah menyimpannya' }).click();
  await expect(page.getByText('Autentikasi dua faktor aktif untuk akun Anda.')).toBeVisible();
  expect((await getJson<Me>(page.request, '/api/v1/auth/me')).user.totpEnabled).toBe(true);

  // Signing in now takes the code too.
  await logout(page);
  await login(page, person.email, person.password, { totpSecret: secret });
  await expect(page.getByRole('heading', { level: 1, name: `Selamat datang, ${person.displayName}` })).toBeVisible();

  // A recovery code works once.
  await logout(page);
  await login(page, person.email, person.password, { recoveryCode: codes[3] });
  await expect(page.getByRole('heading', { level: 1, name: `Selamat datang, ${person.displayName}` })).toBeVisible();
  const reuse = await page.request.post('/api/v1/auth/login', { data: { email: person.email, password: person.password, totp: codes[3] } });
  expect(reuse.status()).toBe(401);
});

test('a case worker creates a personal API token, shown once, and revokes it', async ({ page }, testInfo) => {
  const person = await createActiveUser(testInfo, ['case_worker'], 'token');
  await login(page, person.email, person.password);
  await navigateTo(page, 'Profil saya');
  await page.getByRole('navigation', { name: 'Bagian profil' }).getByRole('link', { name: 'Token API' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Token API' })).toBeVisible();
  await expect(page.getByText('Belum ada token.')).toBeVisible();

  const tokenName = `Sinkronisasi ${testInfo.project.name}`;
  await page.getByLabel('Nama token').fill(tokenName);
  await page.getByRole('checkbox', { name: 'Membaca organisasi' }).check();
  await page.getByLabel('Berlaku (hari)').fill('30');
  await page.getByRole('button', { name: 'Buat token' }).click();

  const tokenField = page.getByRole('textbox', { name: `Token "${tokenName}"`, exact: true });
  await expect(tokenField).toBeVisible();
  await expect(page.getByText('Simpan sekarang: ini hanya ditampilkan sekali dan tidak dapat dilihat lagi.')).toBeVisible();
  const token = await tokenField.inputValue();
  expect(token.length).toBeGreaterThan(20);

  // The token works against the API, within its scope only.
  const bearer = await apiContext(testInfo, { authorization: `Bearer ${token}` });
  expect((await bearer.get('/api/v1/organizations')).status()).toBe(200);
  expect((await bearer.get('/api/v1/audit-events')).status()).toBe(403);

  await page.getByRole('button', { name: 'Selesai' }).click();
  await expect(tokenField).toHaveCount(0);
  // Listed with its prefix only, never in full again.
  const card = page.getByRole('listitem').filter({ hasText: tokenName });
  await expect(card).toContainText('Aktif');
  await expect(card).toContainText('Membaca organisasi');
  await expect(page.getByRole('main')).not.toContainText(token);

  await card.getByRole('button', { name: 'Cabut' }).click();
  const dialog = page.getByRole('dialog', { name: `Cabut token "${tokenName}"?` });
  await dialog.getByRole('button', { name: 'Cabut' }).click();
  await expect(card).toContainText('Dicabut');
  await expect(card.getByRole('button', { name: 'Cabut' })).toHaveCount(0);
  expect((await bearer.get('/api/v1/organizations')).status()).toBe(401);
  const listed = await getJson<{ items: { name: string; revokedAt: string | null }[] }>(page.request, '/api/v1/api-tokens');
  expect(listed.items).toHaveLength(1);
  expect(listed.items[0].revokedAt).not.toBeNull();
  await bearer.dispose();
});

test('a case worker changes the password: a weak one is refused with the reason, a strong one accepted', async ({ page }, testInfo) => {
  const person = await createActiveUser(testInfo, ['case_worker'], 'sandi');
  await login(page, person.email, person.password);
  await navigateTo(page, 'Profil saya');
  await expect(page.getByRole('heading', { level: 2, name: 'Ganti kata sandi' })).toBeVisible();

  const current = page.getByLabel('Kata sandi saat ini');
  const fresh = page.getByLabel('Kata sandi baru');
  const repeat = page.getByLabel('Konfirmasi kata sandi');
  const submit = page.getByRole('button', { name: 'Ganti kata sandi' });

  // The two new passwords must match (checked before anything is sent).
  await current.fill(person.password);
  await fresh.fill(strongPassword());
  await repeat.fill(strongPassword() + 'x');
  await submit.click();
  await expect(page.getByText('Kedua kata sandi tidak sama.')).toBeVisible();

  await fresh.fill(WEAK_PASSWORD);
  await repeat.fill(WEAK_PASSWORD);
  await submit.click();
  await expect(page.getByText('Kata sandi ini terlalu umum atau berdasarkan kata yang mudah ditebak.')).toBeVisible();
  await expect(fresh).toHaveAttribute('aria-invalid', 'true');

  const next = strongPassword();
  await fresh.fill(next);
  await repeat.fill(next);
  await submit.click();
  await expect(page.getByRole('status').filter({ hasText: 'Kata sandi Anda sudah diganti.' })).toBeVisible();
  await expect(current).toHaveValue('');
  // This session goes on; the old password no longer opens a new one, the new password does.
  expect((await page.request.get('/api/v1/auth/me')).status()).toBe(200);
  const api = await apiContext(testInfo);
  expect((await api.post('/api/v1/auth/login', { data: { email: person.email, password: person.password } })).status()).toBe(401);
  expect((await api.post('/api/v1/auth/login', { data: { email: person.email, password: next } })).status()).toBe(200);
  await api.dispose();

  await logout(page);
  await login(page, person.email, next);
  await expect(page.getByRole('heading', { level: 1, name: `Selamat datang, ${person.displayName}` })).toBeVisible();
});

test('a case worker sees where they are signed in and signs out of the other device', async ({ page, browser }, testInfo) => {
  const person = await createActiveUser(testInfo, ['case_worker'], 'sessions');
  const other = await freshContext(browser, testInfo);
  const otherPage = await other.newPage();
  await login(otherPage, person.email, person.password);
  await login(page, person.email, person.password);
  await navigateTo(page, 'Profil saya');
  await page.getByRole('navigation', { name: 'Bagian profil' }).getByRole('link', { name: 'Sesi masuk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sesi masuk' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Alamat IP' })).toHaveCount(2);
  await expect(page.getByText('Perangkat ini')).toHaveCount(1);

  await page.getByRole('button', { name: 'Keluar dari semua perangkat lain' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Keluar dari semua perangkat lain' }).click();
  await expect(page.getByText('1 sesi lain sudah diakhiri.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Alamat IP' })).toHaveCount(1);

  // The other device is signed out at its next step.
  await otherPage.goto('/profile');
  await expect(otherPage).toHaveURL(/\/login/);
  await other.close();
});
