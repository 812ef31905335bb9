// First run: the one-time setup link creates the first organisation and system administrator,
// who must then turn on two-factor authentication. A setup happens once per server, so this
// journey runs in one project only (the phone, the harder case).
import { expect, strongPassword, test, WEAK_PASSWORD } from './support';

const setupBase = `http://127.0.0.1:${process.env.E2E_SETUP_PORT ?? 3198}`;

test('the setup link creates the first administrator once, who is then asked to turn on two-factor', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'one setup per server');
  const link = `${setupBase}/setup?token=${process.env.E2E_SETUP_TOKEN}`;
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Penyiapan awal Pulang' })).toBeVisible();
  await page.getByLabel('Nama organisasi').fill('Sekretariat Gugus Tugas Provinsi NTB');
  await page.getByLabel('Singkatan').fill('GT NTB');
  await page.getByLabel('Nama tampilan').fill('Lalu Muhammad Zaini');
  await page.getByLabel('Email').fill('admin.ntb@example.org');
  await page.getByLabel('Kata sandi baru').fill(WEAK_PASSWORD);
  await page.getByLabel('Konfirmasi kata sandi').fill(WEAK_PASSWORD);
  await page.getByRole('button', { name: 'Selesaikan penyiapan' }).click();
  await expect(page.getByText('Kata sandi ini terlalu umum atau berdasarkan kata yang mudah ditebak.')).toBeVisible();

  const password = strongPassword();
  await page.getByLabel('Kata sandi baru').fill(password);
  await page.getByLabel('Konfirmasi kata sandi').fill(password);
  await page.getByRole('button', { name: 'Selesaikan penyiapan' }).click();
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel('Email').fill('admin.ntb@example.org');
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  // System administrators must enrol before anything else opens.
  await expect(page).toHaveURL(/\/profile\/two-factor/);

  const again = await page.context().newPage();
  await again.goto(link);
  await expect(again.getByText('Tautan penyiapan ini tidak berlaku, atau Pulang sudah disiapkan sebelumnya.')).toBeVisible();
});
