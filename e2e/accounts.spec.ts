// Accounts: an organisation administrator creates a person, who activates the account with the
// one-time link; deactivation ends the person's session; other organisations' users stay out of reach.
import { apiSession, DEMO_PASSWORD, demo, expect, freshContext, getJson, login, navigateTo, strongPassword, test, uniqueEmail, WEAK_PASSWORD, type Me } from './support';

interface User {
  id: string;
  email: string;
  status: 'pending' | 'active' | 'deactivated';
  roles: string[];
  organizationName: string;
}

test('an organisation administrator creates a case worker, who activates the account and loses the session when deactivated', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const email = uniqueEmail('pendamping', testInfo);
  const name = `Ayu Kartika ${testInfo.project.name}`;

  await login(page, demo.orgAdmin, DEMO_PASSWORD);
  await navigateTo(page, 'Pengguna');
  await expect(page.getByRole('heading', { level: 1, name: 'Pengguna' })).toBeVisible();
  await page.getByRole('link', { name: 'Tambah pengguna' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tambah pengguna' })).toBeVisible();

  const main = page.getByRole('main');
  await expect(main.getByRole('radio', { name: 'Orang' })).toBeChecked();
  await main.getByLabel('Email', { exact: true }).fill(email);
  await main.getByLabel('Nama tampilan').fill(name);
  // An organisation administrator creates users in their own organisation only.
  await expect(main).toContainText('Dinas Sosial Provinsi Jawa Timur');
  await expect(main.getByRole('checkbox', { name: 'Administrator sistem' })).toHaveCount(0);
  await main.getByRole('checkbox', { name: 'Pendamping kasus' }).check();
  await main.getByRole('button', { name: 'Buat pengguna' }).click();

  await expect(page.getByRole('heading', { level: 2, name: `${name} sudah dibuat` })).toBeVisible();
  const linkField = page.getByLabel('Tautan aktivasi');
  const link = await linkField.inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL}/activate\\?token=[^&]{20,}$`));
  await page.getByRole('button', { name: 'Salin', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tersalin.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // The server holds a pending case worker of the administrator's organisation.
  const list = await getJson<{ items: User[]; total: number }>(page.request, `/api/v1/users?q=${encodeURIComponent(email)}`);
  expect(list.total).toBe(1);
  const created = list.items[0];
  expect(created).toMatchObject({ email, status: 'pending', roles: ['case_worker'], organizationName: 'Dinas Sosial Provinsi Jawa Timur' });

  await page.getByRole('link', { name: 'Buka data pengguna' }).click();
  await expect(page).toHaveURL(new RegExp(`/users/${created.id}$`));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('main').getByText('Menunggu aktivasi').first()).toBeVisible();

  // The new person opens the link on their own device.
  const theirs = await freshContext(browser, testInfo);
  const person = await theirs.newPage();
  await person.goto(link);
  await expect(person.getByRole('heading', { level: 1, name: 'Aktifkan akun Anda' })).toBeVisible();
  const newPassword = person.getByLabel('Kata sandi baru');
  await newPassword.fill(WEAK_PASSWORD);
  await person.getByLabel('Konfirmasi kata sandi').fill(WEAK_PASSWORD);
  await person.getByRole('button', { name: 'Simpan kata sandi' }).click();
  await expect(person.getByText('Kata sandi ini terlalu umum atau berdasarkan kata yang mudah ditebak.')).toBeVisible();
  await expect(newPassword).toHaveAttribute('aria-invalid', 'true');
  await expect(person).toHaveURL(/\/activate\?token=/);
  expect((await getJson<User>(page.request, `/api/v1/users/${created.id}`)).status).toBe('pending');

  const password = strongPassword();
  await newPassword.fill(password);
  await person.getByLabel('Konfirmasi kata sandi').fill(password);
  await person.getByRole('button', { name: 'Simpan kata sandi' }).click();
  await expect(person).toHaveURL(/\/login\?activated=1/);
  await expect(person.getByText('Kata sandi Anda sudah dibuat. Silakan masuk.')).toBeVisible();
  await login(person, email, password);
  await expect(person.getByRole('heading', { level: 1, name: `Selamat datang, ${name}` })).toBeVisible();
  expect((await getJson<Me>(person.request, '/api/v1/auth/me')).roles).toEqual(['case_worker']);
  expect((await getJson<User>(page.request, `/api/v1/users/${created.id}`)).status).toBe('active');

  // The link was used up.
  const again = await theirs.request.post('/api/v1/auth/activate', { data: { token: new URL(link).searchParams.get('token'), password: strongPassword() } });
  expect(again.status()).toBe(400);

  // The administrator deactivates the account.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'Nonaktifkan', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Nonaktifkan ${name}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Nonaktifkan', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Aktifkan kembali' })).toBeVisible();
  expect((await getJson<User>(page.request, `/api/v1/users/${created.id}`)).status).toBe('deactivated');

  // The person's open app: the next page they go to sends them to sign-in.
  await navigateTo(person, 'Organisasi');
  await expect(person).toHaveURL(/\/login\?.*expired=1/);
  await expect(person.getByText('Sesi Anda telah berakhir. Silakan masuk lagi.')).toBeVisible();
  expect((await person.request.get('/api/v1/auth/me')).status()).toBe(401);
  // And they cannot sign in again.
  await person.getByLabel('Email', { exact: true }).fill(email);
  await person.getByLabel('Kata sandi', { exact: true }).fill(password);
  await person.getByRole('button', { name: 'Masuk' }).click();
  await expect(person.getByRole('alert')).toHaveText('Email atau kata sandi salah.');
  await theirs.close();
});

test("users of another organisation are not found, not shown", async ({ page, browser }, testInfo) => {
  // Ids to look for: the NGO's focal point (another organisation) and Dinsos's case worker (the same one).
  const focal = await apiSession(testInfo, demo.focalPoint);
  const focalMe = await getJson<Me>(focal, '/api/v1/auth/me');
  await focal.dispose();

  await login(page, demo.supervisor, DEMO_PASSWORD);
  const colleagues = await getJson<{ items: User[] }>(page.request, `/api/v1/users?q=${encodeURIComponent(demo.caseWorker)}`);
  const caseWorkerId = colleagues.items[0].id;

  // A colleague of the same organisation is shown (read-only for a supervisor) …
  await page.goto(`/users/${caseWorkerId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Siti Nurhaliza Rahman' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(demo.caseWorker);

  // … someone of another organisation is not.
  await page.goto(`/users/${focalMe.user.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
  await expect(page.getByText('Pengguna ini tidak ada atau tidak dapat Anda lihat.')).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('Yohanes Kefi');
  await expect(page.getByRole('main')).not.toContainText(demo.focalPoint);
  expect((await page.request.get(`/api/v1/users/${focalMe.user.id}`)).status()).toBe(404);

  // The focal point, who sees only their own account, gets the same answer for the case worker.
  const ngo = await freshContext(browser, testInfo);
  const focalPage = await ngo.newPage();
  await login(focalPage, demo.focalPoint, DEMO_PASSWORD);
  await focalPage.goto(`/users/${caseWorkerId}`);
  await expect(focalPage.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
  await expect(focalPage.getByRole('main')).not.toContainText('Siti Nurhaliza Rahman');
  expect((await focalPage.request.get(`/api/v1/users/${caseWorkerId}`)).status()).toBe(404);
  await ngo.close();
});
