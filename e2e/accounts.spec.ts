// Accounts: an organisation administrator creates a person, who activates the account with the
// one-time link; deactivation ends the person's session; other organisations' users stay out of reach.
import {
  apiSession,
  createActiveUser,
  DEMO_PASSWORD,
  demo,
  expect,
  expectAccessible,
  expectNoHorizontalScroll,
  freshContext,
  getJson,
  isPhone,
  login,
  navigateTo,
  strongPassword,
  switchLanguage,
  test,
  uniqueEmail,
  WEAK_PASSWORD,
  type Me,
} from './support';

interface User {
  id: string;
  email: string;
  status: 'pending' | 'active' | 'deactivated';
  roles: string[];
  organizationName: string;
  languages: string[];
  areaCodes: string[];
  version: number;
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

test("an organisation administrator sets a case worker's working languages and coverage area", async ({ page, browser }, testInfo) => {
  // A fresh administrator (the language switch below is saved in the account) and a fresh case worker.
  const admin = await createActiveUser(testInfo, ['org_admin'], 'coverage-admin');
  const worker = await createActiveUser(testInfo, ['case_worker'], 'coverage-worker');
  const check = async (label: string) => {
    await expectAccessible(page, label);
    if (isPhone(testInfo)) await expectNoHorizontalScroll(page, label);
  };

  await login(page, admin.email, admin.password);
  const before = await getJson<User>(page.request, `/api/v1/users/${worker.id}`);
  expect(before).toMatchObject({ languages: [], areaCodes: [] });
  await page.goto(`/users/${worker.id}`);
  await expect(page.getByRole('heading', { level: 1, name: worker.displayName })).toBeVisible();
  const main = page.getByRole('main');

  const languages = main.getByRole('group', { name: 'Bahasa kerja' });
  await expect(languages.getByRole('checkbox')).toHaveCount(11);
  await languages.getByRole('checkbox', { name: 'Bahasa Jawa' }).check();
  await languages.getByRole('checkbox', { name: 'Bahasa Madura' }).check();

  const areas = main.getByRole('group', { name: 'Wilayah layanan' });
  await expect(areas).toContainText('Belum ada wilayah.');
  const addButton = areas.getByRole('button', { name: 'Tambahkan wilayah' });
  await expect(addButton).toBeDisabled();
  const picker = areas.getByRole('group', { name: 'Tambah wilayah' });
  await picker.getByLabel('Provinsi').selectOption({ label: 'Jawa Timur' });
  await picker.getByLabel('Kabupaten/kota').selectOption({ label: 'Kota Surabaya' });
  await addButton.click();
  await expect(areas.getByRole('listitem')).toHaveCount(1);
  await expect(areas.getByRole('listitem').first()).toContainText('Kota Surabaya, Jawa Timur (35.78)');
  await expect(areas.getByRole('button', { name: 'Hapus Kota Surabaya, Jawa Timur' })).toBeVisible();
  await expect(areas.getByRole('status')).toHaveText('Kota Surabaya, Jawa Timur ditambahkan.');
  await expect(picker.getByLabel('Provinsi')).toHaveValue('');
  await check('user page with a coverage area (id)');

  await main.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Perubahan tersimpan.' })).toBeVisible();
  const saved = await getJson<User>(page.request, `/api/v1/users/${worker.id}`);
  expect(saved).toMatchObject({ languages: ['jv', 'mad'], areaCodes: ['35.78'], version: before.version + 1 });

  // After a reload the form shows what the server holds.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: worker.displayName })).toBeVisible();
  await expect(languages.getByRole('checkbox', { name: 'Bahasa Jawa' })).toBeChecked();
  await expect(languages.getByRole('checkbox', { name: 'Bahasa Madura' })).toBeChecked();
  await expect(languages.getByRole('checkbox', { name: 'Bahasa Indonesia' })).not.toBeChecked();
  await expect(areas.getByRole('listitem')).toHaveCount(1);
  await expect(areas.getByRole('listitem').first()).toContainText('Kota Surabaya, Jawa Timur (35.78)');

  // The same in English.
  await switchLanguage(page, 'en');
  const languagesEn = main.getByRole('group', { name: 'Working languages' });
  await expect(languagesEn.getByRole('checkbox', { name: 'Javanese' })).toBeChecked();
  await expect(languagesEn.getByRole('checkbox', { name: 'Madurese' })).toBeChecked();
  await expect(languagesEn.getByRole('checkbox', { name: 'Indonesian' })).not.toBeChecked();
  const areasEn = main.getByRole('group', { name: 'Coverage areas' });
  await expect(areasEn.getByRole('listitem').first()).toContainText('Kota Surabaya, Jawa Timur (35.78)');
  await expect(areasEn.getByRole('group', { name: 'Add an area' }).getByLabel('Province')).toBeVisible();
  await check('user page with a coverage area (en)');

  // A supervisor of the organisation sees them read-only, with their names.
  const other = await freshContext(browser, testInfo);
  const supervisor = await other.newPage();
  await login(supervisor, demo.supervisor, DEMO_PASSWORD);
  await supervisor.goto(`/users/${worker.id}`);
  await expect(supervisor.getByRole('heading', { level: 1, name: worker.displayName })).toBeVisible();
  const summary = supervisor.getByRole('main');
  await expect(summary.getByRole('definition').filter({ hasText: 'Bahasa Jawa, Bahasa Madura' })).toBeVisible();
  await expect(summary.getByRole('definition').filter({ hasText: 'Kota Surabaya, Jawa Timur (35.78)' })).toBeVisible();
  await expect(summary.getByRole('checkbox')).toHaveCount(0);
  await other.close();

  // Removing the area and saving leaves none; the languages stay.
  await areasEn.getByRole('button', { name: 'Remove Kota Surabaya, Jawa Timur' }).click();
  await expect(areasEn).toContainText('No areas yet.');
  await expect(areasEn.getByRole('status')).toHaveText('Kota Surabaya, Jawa Timur removed.');
  await main.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  expect(await getJson<User>(page.request, `/api/v1/users/${worker.id}`)).toMatchObject({ languages: ['jv', 'mad'], areaCodes: [], version: before.version + 2 });

  // The create form offers the same fields.
  await page.goto('/users/new');
  await expect(page.getByRole('group', { name: 'Working languages' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Coverage areas' })).toBeVisible();
  await check('user create with languages and areas (en)');
});
