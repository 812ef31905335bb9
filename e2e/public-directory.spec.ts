// The public directory page (/directory): no sign-in, server-rendered, on a phone. A family member
// searches by need, province and regency in Indonesian, opens a service, sees its phone, hours and
// how to get there, shares it, and switches to English; the same journey works without JavaScript.
// Runs on the demo directory that the e2e server seeds.
import type { Locator, Page } from '@playwright/test';
import { expect, expectSettledPageAccessible, freshContext, test } from './support';

// Ponorogo (Jawa Timur), one of the main sending regencies: the demo directory has services there.
const province = { code: '35', name: 'Jawa Timur' };
const regency = { code: '35.02', name: 'Kabupaten Ponorogo' };
const ponorogo = { latitude: -7.87, longitude: 111.46 };

const results = (page: Page) => page.locator('ol.results > li');

/** Opens the first listed service whose entry says how to get there; returns its name. */
async function openServiceWithDirections(page: Page, howToGetThere: string): Promise<string> {
  const entry: Locator = results(page).filter({ hasText: howToGetThere }).first();
  const link = entry.getByRole('heading', { level: 3 }).getByRole('link');
  const name = (await link.innerText()).trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  return name;
}

test('a family member finds a service near home on a phone, in Indonesian, then reads it in English', async ({ page }, testInfo) => {
  await page.goto('/directory');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.getByRole('heading', { level: 1, name: 'Cari layanan bantuan' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Masuk untuk petugas' })).toHaveAttribute('href', '/login');
  await expectSettledPageAccessible(page, testInfo, 'public directory: search form');

  // Need, then province: the script fills the regency list without a reload.
  await page.getByLabel('Apa yang Anda butuhkan?').selectOption({ label: 'Semua: Perlindungan dan pemulihan' });
  const regencies = page.getByLabel('Kabupaten/kota');
  await expect(regencies).toBeDisabled();
  // The hint for browsers without the script is not needed here.
  await expect(page.getByText('Pilih provinsi, lalu tekan Cari: daftar kabupaten/kota akan muncul.')).toBeHidden();
  await page.getByLabel('Provinsi').selectOption({ label: province.name });
  await expect(regencies).toBeEnabled();
  await regencies.selectOption({ label: regency.name });
  await page.getByLabel('Bahasa yang Anda gunakan (boleh dikosongkan)').selectOption({ label: 'Indonesia' });
  await page.getByRole('button', { name: 'Cari', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]province=${province.code}&regency=${regency.code.replace('.', '\\.')}&language=id`));
  await expect(page.getByRole('heading', { level: 2, name: /^\d+ layanan ditemukan$/ })).toBeVisible();
  await expect(results(page).first()).toBeVisible();
  // Each entry carries the essentials.
  const first = results(page).first();
  await expect(first.getByText('Jam buka', { exact: true })).toBeVisible();
  await expect(first.getByText('Biaya', { exact: true })).toBeVisible();
  await expect(first.getByText(/^Terakhir diperiksa: /)).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'public directory: results');

  // Nearest first from the phone's location.
  await page.context().grantPermissions(['geolocation']);
  await page.context().setGeolocation(ponorogo);
  await page.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
  await expect(page).toHaveURL(/[?&]lat=-7\.87&lng=111\.46/);
  await expect(page.getByText('Diurutkan dari yang terdekat dengan lokasi Anda.')).toBeVisible();
  await expect(results(page).first().getByText(/km dari lokasi Anda/)).toBeVisible();

  // One service: phone, hours, how to get there, a map link, share and print.
  await openServiceWithDirections(page, 'Cara ke sana');
  await expect(page.locator('main a[href^="tel:"]').first()).toBeVisible();
  await expect(page.getByText('Jam buka', { exact: true })).toBeVisible();
  await expect(page.getByText('Cara ke sana', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Lihat di peta (OpenStreetMap)' }).first()).toHaveAttribute('href', /^https:\/\/www\.openstreetmap\.org\/\?mlat=-?\d/);
  await expect(page.getByRole('button', { name: 'Cetak' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Kirim lewat WhatsApp' })).toHaveAttribute('href', /^https:\/\/wa\.me\/\?text=/);
  await expectSettledPageAccessible(page, testInfo, 'public directory: service page');

  // Share: the phone's share sheet where there is one, else the link is copied.
  if (!(await page.evaluate(() => 'share' in navigator))) {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Bagikan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Tautan sudah disalin.' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  }

  // The print view keeps the service and drops the form, navigation and buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Cetak' })).toBeHidden();
  await expect(page.getByText(/^Tautan halaman ini: http/)).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // English, remembered for the rest of the visit.
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('Opening hours', { exact: true })).toBeVisible();
  await expect(page.getByText('How to get there', { exact: true }).first()).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'public directory: service page in English');
  await page.getByRole('link', { name: 'Back to the search' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Find help' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Staff sign-in' })).toBeVisible();
});

test('the same search works without JavaScript', async ({ browser }, testInfo) => {
  const context = await freshContext(browser, testInfo, { javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto('/directory');
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
    // Without the script the regency list waits for the province to be sent.
    await expect(page.getByLabel('Kabupaten/kota')).toBeDisabled();
    await expect(page.getByText('Pilih provinsi, lalu tekan Cari: daftar kabupaten/kota akan muncul.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Gunakan lokasi saya' })).toBeHidden();
    await page.getByLabel('Apa yang Anda butuhkan?').selectOption({ label: 'Semua: Perlindungan dan pemulihan' });
    await page.getByLabel('Provinsi').selectOption({ label: province.name });
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]province=${province.code}`));
    await expect(page.getByLabel('Kabupaten/kota')).toBeEnabled();
    await page.getByLabel('Kabupaten/kota').selectOption({ label: regency.name });
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]regency=${regency.code.replace('.', '\\.')}`));
    await expect(page.getByRole('heading', { level: 2, name: /^\d+ layanan ditemukan$/ })).toBeVisible();

    await openServiceWithDirections(page, 'Cara ke sana');
    await expect(page.locator('main a[href^="tel:"]').first()).toBeVisible();
    await expect(page.getByText('Jam buka', { exact: true })).toBeVisible();
    await expect(page.getByText('Cara ke sana', { exact: true }).first()).toBeVisible();
    // Share and print buttons need the script; the WhatsApp link does not.
    await expect(page.getByRole('button', { name: 'Bagikan' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Cetak' })).toBeHidden();
    await expect(page.getByRole('link', { name: 'Kirim lewat WhatsApp' })).toBeVisible();

    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByText('Opening hours', { exact: true })).toBeVisible();
  } finally {
    await context.close();
  }
});

test('a bad link is answered with the page and a message, an unknown service with a 404 page', async ({ page }, testInfo) => {
  const res = await page.goto('/directory?term=tidak_ada&province=35');
  expect(res?.status()).toBe(400);
  await expect(page.getByLabel('Apa yang Anda butuhkan?')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Jenis layanan ini tidak dikenal. Pilih dari daftar.')).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'public directory: bad input');
  const missing = await page.goto('/directory/services/00000000-0000-4000-8000-000000000000?lang=en');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Service not found' })).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'public directory: not found');
});
