// The legal track in the browser. A case worker of Dinas Sosial Provinsi Jawa Timur records the
// police report of a new case of hers and a stage step, and sees the timeline. The stalled demo
// track (no news for 75 days) shows its warning on the case and is listed under "Hukum macet",
// which the supervisor opens from the navigation and the case worker by its address. axe runs on
// the legal tab, its forms, and the stalled list.
import crypto from 'node:crypto';
import type { TestInfo } from '@playwright/test';
import { apiSession, demo, DEMO_PASSWORD, expect, expectSettledPageAccessible, freshContext, inventedSurname, loginInLanguage, navigateTo, test } from './support';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const daysAgo = (n: number) => new Date(Date.parse(`${today()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** A new case of an invented person, taken by the demo case worker. */
async function newCase(testInfo: TestInfo) {
  const api = await apiSession(testInfo, demo.caseWorker);
  try {
    const surname = inventedSurname();
    const res = await api.post('/api/v1/cases', {
      data: {
        person: { fullName: `Rahayu ${surname}`, sex: 'female', birth: { kind: 'estimated_year', year: 1994 }, nationality: 'ID', languages: ['jv', 'id'], homeVillageCode: '35.07.01.2001' },
        caseType: 'presumed_victim',
        direction: 'inbound',
        destinationCountries: ['MY'],
        riskLevel: 'high',
        flags: [],
        summary: `Direkrut calo di desa; dipulangkan dari Malaysia. Keluarga ${surname} di Malang.`,
        assignToMe: true,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { id: string; reference: string };
  } finally {
    await api.dispose();
  }
}

test('a case worker records a police report and a stage step', async ({ page }, testInfo) => {
  const c = await newCase(testInfo);
  await loginInLanguage(page, demo.caseWorker, DEMO_PASSWORD, 'id');
  await page.goto(`/cases/${c.id}?tab=legal`);
  await expect(page.getByRole('heading', { level: 2, name: 'Hukum' })).toBeVisible();
  await expect(page.getByText('Jalur hukum kasus ini belum dicatat.')).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'legal tab without a track');

  const number = `LP/B/${crypto.randomInt(100, 999)}/V/2026/SPKT/POLRES MALANG`;
  const form = page.getByRole('region', { name: 'Catat jalur hukum' });
  await form.getByLabel('Nomor laporan polisi').fill(number);
  await form.getByLabel('Tanggal laporan polisi').fill(daysAgo(14));
  await form.getByLabel('Instansi penyidik').selectOption({ label: 'Polres' });
  await form.getByLabel('Unit', { exact: true }).fill('Unit PPA Satreskrim Polres Malang');
  await form.getByLabel('Restitusi yang diajukan (Rp)').fill('65.000.000');
  await expect(form.getByLabel('Restitusi yang diputuskan (Rp)')).toBeDisabled();
  await form.getByLabel('Perlindungan saksi dan korban (LPSK)').selectOption({ label: 'Diajukan ke LPSK' });
  await form.getByRole('button', { name: 'Catat jalur hukum' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Jalur hukum tercatat.' })).toBeVisible();

  const summary = page.getByRole('region', { name: /^Keadaan sekarang/ });
  await expect(summary.getByText(number)).toBeVisible();
  await expect(summary.getByText('Dilaporkan ke polisi')).toBeVisible();
  await expect(summary.getByText(/Rp\s?65\.000\.000/)).toBeVisible();

  // The investigation opens.
  const step = page.getByRole('region', { name: 'Catat langkah' });
  await step.getByLabel('Jenis langkah').selectOption({ label: 'Pindah tahap' });
  await expect(step.getByLabel('Tahap baru').getByRole('option')).toHaveText(['Penyidikan', 'Selesai']);
  await step.getByLabel('Tahap baru').selectOption({ label: 'Penyidikan' });
  await step.getByLabel('Tanggal kejadian').fill(daysAgo(2));
  await step.getByLabel('Catatan (tidak wajib)').fill('Penyidik menerbitkan surat perintah penyidikan.');
  await step.getByRole('button', { name: 'Simpan langkah' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'pindah ke tahap Penyidikan' })).toBeVisible();
  await expect(summary.getByText('Penyidikan', { exact: true })).toBeVisible();
  const timeline = page.getByRole('region', { name: 'Langkah-langkah' });
  await expect(timeline.getByRole('listitem')).toHaveCount(2);
  await expect(timeline.getByRole('listitem').nth(1)).toContainText('Dilaporkan ke polisi → Penyidikan');
  await expect(timeline.getByRole('listitem').nth(1)).toContainText('Penyidik menerbitkan surat perintah penyidikan.');
  await expect(page.getByText(/^Macet/)).toHaveCount(0);
  await expectSettledPageAccessible(page, testInfo, 'legal tab with a track');
});

test('a stalled demo track shows its warning and is listed under stalled legal tracks', async ({ page, browser }, testInfo) => {
  await loginInLanguage(page, demo.supervisor, DEMO_PASSWORD, 'id');
  await navigateTo(page, 'Hukum macet');
  await expect(page.getByRole('heading', { level: 1, name: 'Jalur hukum macet' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: '75 hari' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Penyidikan');
  await expect(row).toContainText('Siti Nurhaliza Rahman');
  await expectSettledPageAccessible(page, testInfo, 'stalled legal tracks');
  const reference = (await row.getByRole('link').textContent())!.trim();
  await row.getByRole('link', { name: reference }).click();
  await expect(page).toHaveURL(/tab=legal/);
  const warning = page.getByText('Macet: tidak ada kabar selama 75 hari');
  await expect(warning).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'stalled legal track');

  // The case worker holds the case: the list at its address shows it to her too.
  const context = await freshContext(browser, testInfo);
  const worker = await context.newPage();
  await loginInLanguage(worker, demo.caseWorker, DEMO_PASSWORD, 'id');
  await worker.goto('/legal');
  await expect(worker.getByRole('row').filter({ hasText: reference })).toContainText('75 hari');
  await context.close();
});
