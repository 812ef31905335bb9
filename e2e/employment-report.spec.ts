// The employment report in the browser, on the demo seed (src/demo/employment.ts): the analyst
// reads the network's figures (openings against seekers with suppressed cells, placements,
// retention, time to first income), filters by province, downloads the CSV and reads it in
// English; partner.lpk@ of LPK Terampil Mandiri Malang sees the network's table and the placements
// of its own training places only. Other journeys may add candidacies to the same server, so the
// figures are checked for their shape (a number or "<5"), not their exact values. axe runs on the
// report in both languages and on the partner's view.
import type { Page } from '@playwright/test';
import { demo, DEMO_PASSWORD, expect, expectSettledPageAccessible, loginInLanguage, navigateTo, switchLanguage, test } from './support';

const LPK = 'LPK Terampil Mandiri Malang';
const LPK_PARTNER = 'partner.lpk@demo.pulang.example';

const table = (page: Page, titleId: string) => page.locator(`table[aria-labelledby="${titleId}"]`);
/** A count as the page shows it: digits (with a thousands separator), or "<5" followed by its words for screen readers. */
const count = /^(\d{1,3}([.,]\d{3})*|<5\s+(kurang dari|fewer than) 5)$/;

/** At phone width the filters fold away behind their summary. */
async function openFilters(page: Page) {
  const panel = page.locator('details.filter-panel');
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
}

test('the analyst reads the network’s employment figures, with small counts hidden, filters them and downloads them', async ({ page }, testInfo) => {
  await loginInLanguage(page, demo.analyst, DEMO_PASSWORD, 'id');
  await navigateTo(page, 'Laporan kerja');
  await expect(page).toHaveURL(/\/employment-report$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Laporan ketenagakerjaan' })).toBeVisible();
  await expect(page.getByText('“<5” berarti kurang dari 5.')).toBeVisible();
  await expect(page.locator('.report-scope')).toContainText('Cakupan: seluruh jaringan.');

  // Openings against seekers: the demo's jobs in Jawa Barat (Indramayu) and Jawa Timur (Sidoarjo, Malang).
  const cells = table(page, 'supply-cells-title');
  await expect(cells.locator('tbody tr').first()).toBeVisible();
  await expect(cells.locator('tbody tr', { hasText: 'Jawa Timur' }).first()).toBeVisible();
  await expect(cells.locator('tbody tr', { hasText: 'Jawa Barat' }).first()).toBeVisible();
  // Small cells read "<5", with the words for a screen reader.
  const hidden = cells.locator('.suppressed').first();
  await expect(hidden).toContainText('<5');
  await expect(hidden.locator('.visually-hidden')).toHaveText('kurang dari 5');
  const provinces = table(page, 'supply-provinces-title');
  await expect(provinces.locator('tfoot')).toContainText('Semua provinsi');
  for (const text of await provinces.locator('tbody td').allInnerTexts()) expect(text.trim()).toMatch(count);

  // Candidates and placements, retention, time to income.
  const funnel = table(page, 'placements-title');
  for (const step of ['Diajukan', 'Diwawancarai', 'Diterima bekerja', 'Ditolak']) {
    const row = funnel.locator('tbody tr', { hasText: step }).first();
    expect((await row.locator('td').innerText()).trim()).toMatch(count);
  }
  await expect(funnel.locator('tbody tr', { hasText: 'Tingkat penempatan' })).toBeVisible();
  await expect(table(page, 'retention-title').locator('tbody tr')).toHaveCount(2);
  await expect(table(page, 'income-title').locator('thead')).toContainText('Belum berpenghasilan');
  await expectSettledPageAccessible(page, testInfo, 'employment report (analyst)');

  // Only Jawa Barat.
  await openFilters(page);
  await page.getByLabel('Provinsi', { exact: true }).selectOption({ label: 'Jawa Barat' });
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await expect(page.locator('.report-scope')).toContainText('Jawa Barat');
  await expect(cells.locator('tbody tr', { hasText: 'Jawa Timur' })).toHaveCount(0);
  await expect(cells.locator('tbody tr', { hasText: 'Jawa Barat' }).first()).toBeVisible();

  // The download carries the same filter and the same suppression.
  const link = page.getByRole('link', { name: 'Unduh CSV' });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/api\/v1\/employment\/report\.csv\?.*province=32/);
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  const text = await csv.text();
  expect(text).toContain('meta,,,,,scope,network');
  expect(text).toMatch(/\nsupply,32,Jawa Barat,C,Industri pengolahan,openings,(\d+|<5)\r/);

  // A period that ends before it starts is refused on its field.
  await openFilters(page);
  await page.getByLabel('Dari tanggal').fill('2026-03-01');
  await page.getByLabel('Sampai tanggal').fill('2026-02-01');
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await expect(page.locator('.field-error')).toHaveCount(1);
  await page.getByRole('button', { name: 'Atur ulang' }).click();
  await expect(page.locator('.field-error')).toHaveCount(0);

  // In English.
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Employment report' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Openings and people looking for work' })).toBeVisible();
  await expect(page.locator('.report-scope')).toContainText('Scope: the whole network.');
  await expect(cells.locator('.suppressed .visually-hidden').first()).toHaveText('fewer than 5');
  await expectSettledPageAccessible(page, testInfo, 'employment report (analyst, English)');
});

test('a training provider sees the network’s table and only the candidates put forward to its own places', async ({ page }, testInfo) => {
  await loginInLanguage(page, LPK_PARTNER, DEMO_PASSWORD, 'id');
  await navigateTo(page, 'Laporan kerja');
  await expect(page.getByRole('heading', { level: 1, name: 'Laporan ketenagakerjaan' })).toBeVisible();
  const scope = page.locator('.report-scope');
  await expect(scope).toContainText(`pengajuan dan penempatan hanya untuk lowongan ${LPK}`);
  await expect(page.getByText('Kandidat yang diajukan ke lowongan organisasi Anda')).toBeVisible();
  // The network's openings, the employer's included, in the table.
  await expect(table(page, 'supply-cells-title').locator('tbody tr', { hasText: 'Jawa Barat' }).first()).toBeVisible();
  // Its own few candidacies are too few to show.
  const putForward = table(page, 'placements-title').locator('tbody tr', { hasText: 'Diajukan' }).first();
  expect((await putForward.locator('td').innerText()).trim()).toMatch(count);
  await expect(table(page, 'placements-title').locator('tbody tr', { hasText: 'Tingkat penempatan' })).toContainText('disembunyikan');
  // Time to income belongs to the organisations that hold cases.
  await expect(page.getByText('Angka ini hanya untuk organisasi yang menangani kasus')).toBeVisible();
  await expect(table(page, 'income-title')).toHaveCount(0);
  await expectSettledPageAccessible(page, testInfo, 'employment report (partner)');
});
