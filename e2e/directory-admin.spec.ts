// The directory as an organisation keeps it: the demo organisation administrator adds a location
// (area picker, coordinates, how to get there), then a service with terms, an area served, opening
// hours, a phone (a bad number is refused at the field first) and the location; updates its
// capacity and confirms it is still correct; a focal point of another organisation (in English)
// sees its own organisation's service read-only and keeps its capacity. Axe on every page. The demo seed may hold directory
// data of its own: nothing here depends on it.
import type { Page } from '@playwright/test';
import { adminTotpSecret, apiSession, DEMO_PASSWORD, demo, expect, expectSettledPageAccessible, freshTotp, getJson, login, loginInLanguage, navigateTo, test } from './support';

interface Service {
  id: string;
  name: string;
  termCodes: string[];
  hours: { days: number[]; opens: string; closes: string }[];
  phones: { number: string; kind: string }[];
  serviceArea: { nationwide: boolean; areas: { code: string }[] };
  locations: { id: string }[];
  capacity: { total: number | null; free: number | null; updatedAt: string | null };
  lastConfirmedBy: { displayName: string } | null;
  lastConfirmedAt: string;
  version: number;
}
interface Location {
  id: string;
  name: string;
  areaCode: string;
  latitude: number | null;
  longitude: number | null;
  transportation: string | null;
}

const main = (page: Page) => page.getByRole('main');

test('the organisation administrator adds a location and a service, meets a field error, updates capacity and confirms it', async ({ page }, testInfo) => {
  const tag = `${testInfo.project.name} ${Date.now().toString(36)}`;
  const locationName = `Kantor Uji ${tag}`;
  const serviceName = `Pendampingan Uji ${tag}`;
  await login(page, demo.orgAdmin, DEMO_PASSWORD);
  await navigateTo(page, 'Layanan kami');
  await expect(page.getByRole('heading', { level: 1, name: 'Layanan kami' })).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'services list');

  // A location, on its tab.
  await main(page).getByRole('navigation', { name: 'Bagian layanan kami' }).getByRole('link', { name: 'Lokasi' }).click();
  await expect(page).toHaveURL(/tab=locations/);
  await main(page).getByRole('button', { name: 'Tambah lokasi' }).click();
  const locForm = main(page).getByRole('region', { name: 'Tambah lokasi' });
  await locForm.getByLabel('Nama lokasi', { exact: true }).fill(locationName);
  await locForm.getByLabel('Alamat', { exact: true }).fill('Jl. Kebraon Indah 7, RT 2 RW 3');
  const area = locForm.getByRole('group', { name: 'Desa/kelurahan (atau kecamatan)' });
  await area.getByLabel('Provinsi', { exact: true }).selectOption({ label: 'Jawa Timur' });
  await area.getByLabel('Kabupaten/kota', { exact: true }).selectOption({ label: 'Kota Surabaya' });
  await area.getByLabel('Kecamatan', { exact: true }).selectOption({ label: 'Karang Pilang' });
  await area.getByLabel('Desa/kelurahan', { exact: true }).selectOption({ label: 'Kebraon' });
  await locForm.getByLabel('Lintang').fill('-7.3312');
  await locForm.getByLabel('Bujur').fill('112.7003');
  await locForm.getByLabel('Cara ke sana').fill('Dari Terminal Joyoboyo naik angkot, turun di depan pasar Kebraon.');
  await expectSettledPageAccessible(page, testInfo, 'location form');
  await locForm.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Lokasi ${locationName} ditambahkan.` })).toBeVisible();
  const card = main(page).getByRole('article', { name: locationName });
  await expect(card).toContainText('Kebraon, Kota Surabaya, Jawa Timur');
  const locations = await getJson<{ items: Location[] }>(page.request, '/api/v1/locations?limit=200');
  const location = locations.items.find((l) => l.name === locationName)!;
  expect(location).toMatchObject({ areaCode: '35.78.01.1002', latitude: -7.3312, longitude: 112.7003 });

  // A new service.
  await main(page).getByRole('navigation', { name: 'Bagian layanan kami' }).getByRole('link', { name: 'Layanan' }).click();
  await main(page).getByRole('link', { name: 'Tambah layanan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tambah layanan' })).toBeVisible();
  await main(page).getByLabel('Nama layanan').fill(serviceName);
  await main(page).getByLabel('Deskripsi').fill('Pendampingan psikososial dan rumah aman sementara bagi purna migran.');
  await main(page).getByRole('checkbox', { name: 'Rumah aman dan penampungan' }).check();
  await main(page).getByRole('checkbox', { name: 'Kesehatan jiwa dan dukungan psikososial' }).check();
  await main(page).getByRole('checkbox', { name: 'Perempuan' }).check();
  await main(page).getByRole('checkbox', { name: 'Jawa', exact: true }).check();

  // Opening hours: Monday to Friday 08:00–16:00 by default; Saturday morning added.
  await main(page).getByRole('button', { name: 'Tambah jam buka' }).click();
  await main(page).getByRole('button', { name: 'Tambah jam buka' }).click();
  const second = main(page).getByRole('group', { name: 'Jam buka 2' });
  for (const day of ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat']) await second.getByRole('checkbox', { name: day }).uncheck();
  await second.getByRole('checkbox', { name: 'Sabtu' }).check();
  await second.getByLabel('Buka', { exact: true }).fill('09:00');
  await second.getByLabel('Tutup', { exact: true }).fill('12:00');

  // A phone that is not a number, to be refused.
  await main(page).getByRole('button', { name: 'Tambah nomor' }).click();
  const phone = main(page).getByRole('group', { name: 'Telepon 1' });
  await phone.getByLabel('Nomor', { exact: true }).fill('12345');
  await phone.getByLabel('Jenis').selectOption({ label: 'WhatsApp' });

  // An area served: Kota Surabaya.
  const addArea = main(page).getByRole('group', { name: 'Tambah wilayah' });
  await addArea.getByLabel('Provinsi', { exact: true }).selectOption({ label: 'Jawa Timur' });
  await addArea.getByLabel('Kabupaten/kota', { exact: true }).selectOption({ label: 'Kota Surabaya' });
  await main(page).getByRole('button', { name: 'Tambahkan wilayah ini' }).click();
  await expect(main(page).getByRole('group', { name: 'Wilayah yang dilayani' }).getByRole('listitem')).toContainText(['Kota Surabaya']);

  await main(page).getByRole('checkbox', { name: new RegExp(`^${locationName}`) }).check();
  await main(page).getByLabel('Jumlah tempat').fill('10');
  await main(page).getByLabel('Tempat kosong').fill('4');

  await main(page).getByRole('button', { name: 'Simpan layanan' }).click();
  const number = phone.getByLabel('Nomor', { exact: true });
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(phone.getByText('Nomor telepon tidak valid')).toBeVisible();
  await expect(page).toHaveURL(/\/services\/new$/);
  await expectSettledPageAccessible(page, testInfo, 'service form with an error');

  await number.fill('0812 3456 7890');
  await main(page).getByRole('button', { name: 'Simpan layanan' }).click();
  await expect(page).toHaveURL(/\/services\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: serviceName })).toBeVisible();
  const id = page.url().split('/').pop()!;
  const created = await getJson<Service>(page.request, `/api/v1/services/${id}`);
  expect(created).toMatchObject({
    name: serviceName,
    termCodes: ['shelter', 'mental_health'],
    hours: [
      { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '16:00' },
      { days: [6], opens: '09:00', closes: '12:00' },
    ],
    phones: [{ number: '+6281234567890', kind: 'whatsapp' }],
    serviceArea: { nationwide: false, areas: [{ code: '35.78' }] },
    locations: [{ id: location.id }],
    capacity: { total: 10, free: 4 },
    version: 1,
  });
  await expectSettledPageAccessible(page, testInfo, 'service page');

  // Capacity: one place taken.
  const capacity = main(page).getByRole('region', { name: 'Kapasitas' });
  await expect(capacity).toContainText('4 dari 10 tempat kosong');
  await capacity.getByLabel('Tempat kosong').fill('3');
  await capacity.getByRole('button', { name: 'Simpan kapasitas' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kapasitas tersimpan.' })).toBeVisible();
  await expect(capacity).toContainText('3 dari 10 tempat kosong');
  expect((await getJson<Service>(page.request, `/api/v1/services/${id}`)).capacity).toMatchObject({ total: 10, free: 3 });

  // Still correct.
  await main(page).getByRole('button', { name: 'Masih benar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Dikonfirmasi masih benar.' })).toBeVisible();
  const confirmed = await getJson<Service>(page.request, `/api/v1/services/${id}`);
  expect(confirmed.version).toBe(3);
  expect(confirmed.lastConfirmedBy).not.toBeNull();
  expect(new Date(confirmed.lastConfirmedAt).getTime()).toBeGreaterThan(new Date(created.lastConfirmedAt).getTime());

  // The main form still saves on top of those changes (its version moved along).
  await main(page).getByLabel('Keterangan jam buka').fill('Hari libur nasional tutup.');
  await main(page).getByRole('button', { name: 'Simpan layanan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Perubahan tersimpan.' })).toBeVisible();
  expect(await getJson<Service>(page.request, `/api/v1/services/${id}`)).toMatchObject({ version: 4, capacity: { free: 3 } });

  // Back on the list: the service with its capacity and a "still correct" button.
  await main(page).getByRole('link', { name: 'Layanan kami' }).click();
  await main(page).getByLabel('Cari', { exact: true }).fill(tag);
  await main(page).getByRole('button', { name: 'Terapkan' }).click();
  const row = main(page).getByRole('row', { name: new RegExp(serviceName) });
  await expect(row).toContainText('3 dari 10 tempat kosong');
  await expect(row.getByRole('button', { name: `Masih benar: ${serviceName}` })).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'services list with the new service');
});

test("a focal point sees the organisation's service read-only and updates its capacity, in English", async ({ page }, testInfo) => {
  // The system administrator publishes a service for the focal point's organisation through the API.
  const admin = await apiSession(testInfo, demo.admin, DEMO_PASSWORD, await freshTotp(adminTotpSecret()));
  const orgs = await getJson<{ items: { id: string }[] }>(admin, `/api/v1/organizations?q=${encodeURIComponent('Yayasan Bina Pulih Nusantara')}`);
  const name = `Konseling Sebaya ${testInfo.project.name} ${Date.now().toString(36)}`;
  const created = await admin.post('/api/v1/services', {
    data: { organizationId: orgs.items[0]!.id, name, termCodes: ['community_support'], languages: ['id', 'en'], capacity: { maxOpenReferrals: 5 }, hours: [{ days: [1, 2, 3], opens: '09:00', closes: '15:00' }] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const service = (await created.json()) as Service;
  await admin.dispose();

  await loginInLanguage(page, demo.focalPoint, DEMO_PASSWORD, 'en');
  await page.goto('/services');
  await expect(page.getByRole('heading', { level: 1, name: 'Our services' })).toBeVisible();
  await expect(main(page).getByRole('link', { name: 'Add a service' })).toHaveCount(0);
  await main(page).getByLabel('Search', { exact: true }).fill(name);
  await main(page).getByRole('button', { name: 'Apply' }).click();
  const row = main(page).getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('0 of max. 5 referrals in progress');
  await expect(row.getByRole('button')).toHaveCount(0);
  await expectSettledPageAccessible(page, testInfo, 'services list (focal point)');

  await row.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(main(page).getByRole('region', { name: 'Service details' })).toContainText('Mon–Wed 09:00–15:00');
  await expect(main(page).getByRole('button', { name: 'Still correct' })).toHaveCount(0);
  await expect(main(page).getByRole('button', { name: 'Save service' })).toHaveCount(0);
  const capacity = main(page).getByRole('region', { name: 'Capacity' });
  await capacity.getByLabel('Limit of referrals in progress').fill('3');
  await capacity.getByRole('button', { name: 'Save capacity' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Capacity saved.' })).toBeVisible();
  await expect(capacity).toContainText('0 of max. 3 referrals in progress');
  expect((await getJson<Service & { capacity: { maxOpenReferrals: number } }>(page.request, `/api/v1/services/${service.id}`)).capacity.maxOpenReferrals).toBe(3);
  await expectSettledPageAccessible(page, testInfo, 'service page (focal point)');
});
