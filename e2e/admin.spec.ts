// Administration: the system administrator manages organisations (area picker, edit, concurrent
// edits); the auditor reads and checks the audit log.
import { adminTotpSecret, DEMO_PASSWORD, demo, expect, getJson, login, navigateTo, test } from './support';
import type { Page } from '@playwright/test';

interface Organization {
  id: string;
  name: string;
  acronym: string | null;
  type: string;
  level: string;
  areaCode: string | null;
  areaName: string | null;
  version: number;
}

const main = (page: Page) => page.getByRole('main');

test('the system administrator creates an organisation with an area, edits it, and meets a concurrent edit', async ({ page }, testInfo) => {
  const name = `Yayasan Uji Pulang ${testInfo.project.name} ${Date.now().toString(36)}`;
  await login(page, demo.admin, DEMO_PASSWORD, { totpSecret: adminTotpSecret() });
  await navigateTo(page, 'Organisasi');
  await expect(page.getByRole('heading', { level: 1, name: 'Organisasi' })).toBeVisible();
  await page.getByRole('link', { name: 'Tambah organisasi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tambah organisasi' })).toBeVisible();

  await main(page).getByLabel('Nama organisasi').fill(name);
  await main(page).getByLabel('Singkatan').fill('YUP');
  await main(page).getByLabel('Jenis', { exact: true }).selectOption({ label: 'LSM' });
  await main(page).getByLabel('Tingkat', { exact: true }).selectOption({ label: 'Provinsi' });
  // The area picker: a province, then a regency/city from the list that opens below it.
  const area = main(page).getByRole('group', { name: 'Wilayah kedudukan' });
  await expect(area.getByLabel('Kabupaten/kota')).toHaveCount(0);
  await area.getByLabel('Provinsi', { exact: true }).selectOption({ label: 'Jawa Tengah' });
  const regency = area.getByLabel('Kabupaten/kota', { exact: true });
  await expect(regency.getByRole('option', { name: 'Kota Semarang' })).toBeAttached();
  await regency.selectOption({ label: 'Kota Semarang' });
  await expect(area.getByLabel('Kecamatan', { exact: true })).toBeVisible();
  await main(page).getByRole('button', { name: 'Simpan' }).click();

  await expect(page).toHaveURL(/\/organizations\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;
  await expect(page.getByRole('heading', { level: 1, name: `${name} (YUP)` })).toBeVisible();
  await expect(page.getByText('Saat ini: Kota Semarang')).toBeVisible();
  const created = await getJson<Organization>(page.request, `/api/v1/organizations/${id}`);
  expect(created).toMatchObject({ name, acronym: 'YUP', type: 'ngo', level: 'province', areaCode: '33.74', areaName: 'Kota Semarang', version: 1 });

  // Edit: a new acronym and level.
  await main(page).getByLabel('Singkatan').fill('YUPJ');
  await main(page).getByLabel('Tingkat', { exact: true }).selectOption({ label: 'Kabupaten/kota' });
  await main(page).getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Perubahan tersimpan.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: `${name} (YUPJ)` })).toBeVisible();
  expect(await getJson<Organization>(page.request, `/api/v1/organizations/${id}`)).toMatchObject({ acronym: 'YUPJ', level: 'regency', version: 2 });

  // Someone else (a second page) saves first; this page's save meets a version conflict.
  const other = await page.context().newPage();
  await other.goto(`/organizations/${id}`);
  await main(other).getByLabel('Nama organisasi').fill(`${name} Baru`);
  await main(other).getByRole('button', { name: 'Simpan' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'Perubahan tersimpan.' })).toBeVisible();
  await other.close();

  await main(page).getByLabel('Singkatan').fill('YUPJT');
  await main(page).getByRole('button', { name: 'Simpan' }).click();
  const conflict = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Data ini baru saja diubah orang lain' }) });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Perubahan Anda belum disimpan.');
  await expect(conflict).toContainText(`${name} Baru`); // what is stored now
  await expect(main(page).getByRole('button', { name: 'Simpan' })).toBeDisabled();
  expect(await getJson<Organization>(page.request, `/api/v1/organizations/${id}`)).toMatchObject({ name: `${name} Baru`, acronym: 'YUPJ', version: 3 });

  // Reapplying this page's form on top of the stored version saves it.
  await conflict.getByRole('button', { name: 'Terapkan perubahan saya' }).click();
  await expect(conflict).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Perubahan tersimpan.' })).toBeVisible();
  expect(await getJson<Organization>(page.request, `/api/v1/organizations/${id}`)).toMatchObject({ acronym: 'YUPJT', version: 4 });
});

test('the auditor filters the audit log by action prefix and verifies its integrity', async ({ page }) => {
  await login(page, demo.auditor, DEMO_PASSWORD);
  await navigateTo(page, 'Log audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Log audit' })).toBeVisible();

  const table = page.getByRole('table', { name: 'Kejadian' });
  const actions = async () => {
    const rows = await table.getByRole('row').all();
    const out: string[] = [];
    for (const row of rows.slice(1)) out.push(((await row.getByRole('cell').nth(2).textContent()) ?? '').trim());
    return out;
  };
  await expect(table).toBeVisible();
  // Unfiltered, the log holds more than sign-ins (the seeded accounts of this organisation, for one).
  await expect.poll(async () => (await actions()).some((a) => !a.startsWith('auth.'))).toBe(true);

  // At phone width the filters are folded away.
  const actionField = page.getByLabel('Tindakan', { exact: true });
  if (!(await actionField.isVisible())) await page.getByText('Saring', { exact: true }).click();
  await actionField.fill('auth.');
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await expect.poll(async () => {
    const a = await actions();
    return a.length > 0 && a.every((x) => x.startsWith('auth.'));
  }).toBe(true);
  expect(await actions()).toContain('auth.login');
  const filtered = await getJson<{ items: { action: string }[] }>(page.request, '/api/v1/audit-events?action=auth.&limit=50');
  expect(await actions()).toEqual(filtered.items.map((e) => e.action));

  await page.getByRole('button', { name: 'Periksa keutuhan' }).click();
  const result = page.getByRole('status').filter({ hasText: /^Log utuh: / });
  await expect(result).toHaveText(/^Log utuh: [\d.]+ kejadian diperiksa, sampai nomor \d+\.$/);
  const check = await getJson<{ intact: boolean; checked: number; lastSeq: number }>(page.request, '/api/v1/audit-events/verify');
  expect(check.intact).toBe(true);
});
