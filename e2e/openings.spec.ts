// Partners and openings in the browser. The partner of PT Karya Mandiri Sejahtera signs in and is led
// to the code of conduct (or finds it accepted, when another run of this spec on the same server got
// there first), writes a job opening whose publishing is refused until all three decent-work
// commitments are made, then publishes it. The case worker of Dinas Sosial finds it among the
// network's openings. The system administrator suspends the partner: the opening leaves the case
// worker's list and the partner is told why nothing works; reinstating brings both back (and is done
// through the API at the end whatever happened, so that other specs find the partner active).
// axe runs at every step.
import crypto from 'node:crypto';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { adminTotpSecret, apiSession, demo, DEMO_PASSWORD, expect, expectSettledPageAccessible, freshContext, freshTotp, getJson, login, loginInLanguage, navigateTo, test } from './support';

const PARTNER_ORG = 'PT Karya Mandiri Sejahtera';

const jakartaDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));

async function signedInPage(browser: Browser, testInfo: TestInfo, email: string, opts: { totp?: boolean } = {}): Promise<Page> {
  const context = await freshContext(browser, testInfo);
  const page = await context.newPage();
  if (opts.totp) await login(page, email, DEMO_PASSWORD, { totpSecret: adminTotpSecret() });
  else await loginInLanguage(page, email, DEMO_PASSWORD, 'id');
  return page;
}

/** The case worker's search of the network's openings for a title. */
async function searchOpenings(page: Page, title: string) {
  await page.goto('/openings');
  await expect(page.getByRole('heading', { level: 1, name: 'Lowongan dan pelatihan di jejaring' })).toBeVisible();
  const filters = page.getByRole('search', { name: 'Saring lowongan' });
  // At phone width the filters fold away behind their summary.
  if (!(await filters.isVisible())) await page.locator('summary', { hasText: /^Saring/ }).click();
  await filters.getByLabel('Cari').fill(title);
  await filters.getByRole('button', { name: 'Terapkan' }).click();
}

test('a partner accepts the code, publishes a job, a case worker finds it, and a suspension takes it away', async ({ page, browser }, testInfo) => {
  const title = `Operator jahit ${crypto.randomInt(100000, 999999)}`;

  // The partner: led to the code of conduct on the home page, unless it is accepted already.
  await loginInLanguage(page, demo.partner, DEMO_PASSWORD, 'id');
  const notice = page.getByRole('region', { name: 'Langkah pertama: kode etik mitra' });
  const work = page.getByRole('region', { name: 'Pekerjaan Anda' });
  await expect(notice.or(work)).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'partner home');
  if (await notice.isVisible()) {
    await notice.getByRole('link', { name: 'Baca dan setujui kode etik' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kode etik mitra' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Tanpa biaya perekrutan' })).toBeVisible();
    await expectSettledPageAccessible(page, testInfo, 'code of conduct');
    await page.getByRole('button', { name: 'Setujui kode etik' }).click();
    await expect(page.getByText('Centang kotak ini untuk menyatakan bahwa Anda telah membacanya.')).toBeVisible();
    await page.getByLabel('Saya telah membaca kode etik ini dan akan mematuhinya.').check();
    await page.getByRole('button', { name: 'Setujui kode etik' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Persetujuan Anda telah dicatat' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Anda telah menyetujui kode etik ini' })).toBeVisible();
    await expectSettledPageAccessible(page, testInfo, 'code of conduct accepted');
    await page.goto('/');
    await expect(work).toBeVisible();
  }

  // A new job opening, with only two of the three commitments at first.
  await navigateTo(page, 'Lowongan');
  await expect(page.getByRole('heading', { level: 1, name: 'Lowongan dan pelatihan' })).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'partner openings');
  await page.getByRole('link', { name: 'Lowongan baru' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lowongan baru' })).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'new opening form');
  await page.getByLabel('Judul').fill(title);
  await page.getByLabel('Sektor').selectOption('C14');
  await page.getByLabel('Jabatan').selectOption('8153');
  await page.getByLabel('Provinsi', { exact: true }).selectOption('32');
  await page.getByLabel('Kabupaten/kota').selectOption('32.12');
  await page.getByLabel('Jumlah yang dibutuhkan').fill('4');
  await page.getByLabel('Upah terendah per bulan (rupiah)').fill('3.400.000');
  await page.getByLabel('Upah tertinggi per bulan (rupiah)').fill('2.800.000');
  await page.getByLabel('Jenis perjanjian kerja').selectOption('fixed_term');
  await page.getByLabel('Tanggal mulai').fill(jakartaDay(7));
  await page.getByLabel('Tanggal penutupan').fill(jakartaDay(30));
  await page.getByRole('button', { name: 'Tambah keterampilan' }).click();
  await page.getByLabel('Keterampilan 1', { exact: true }).selectOption('sewing');
  await page.getByLabel('Tingkat keterampilan 1').selectOption('intermediate');
  await page.getByLabel('Tanpa biaya penempatan bagi pekerja').check();
  await page.getByLabel('Dokumen identitas tidak ditahan').check();
  await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
  // The wages are the wrong way round: refused at the field, and what was typed stays.
  await expect(page.getByLabel('Upah tertinggi per bulan (rupiah)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Judul')).toHaveValue(title);
  await expectSettledPageAccessible(page, testInfo, 'new opening refused');
  await page.getByLabel('Upah terendah per bulan (rupiah)').fill('2.800.000');
  await page.getByLabel('Upah tertinggi per bulan (rupiah)').fill('3.400.000');
  await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(/2\.800\.000 – Rp.3\.400\.000 per bulan/)).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'draft opening');
  await page.getByRole('button', { name: 'Terbitkan' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'ketiga komitmen kerja layak' });
  await expect(refusal).toContainText('Perjanjian kerja tertulis');
  await expectSettledPageAccessible(page, testInfo, 'publishing refused');
  await page.getByRole('button', { name: 'Ubah' }).click();
  await page.getByLabel('Perjanjian kerja tertulis').check();
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Perubahan tersimpan.' })).toBeVisible();
  await page.getByRole('button', { name: 'Terbitkan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Lowongan diterbitkan' })).toBeVisible();
  await expect(page.locator('.opening-status', { hasText: 'Diterbitkan' })).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'published opening');

  // The case worker finds it among the network's openings and opens it.
  const worker = await signedInPage(browser, testInfo, demo.caseWorker);
  await searchOpenings(worker, title);
  const card = worker.getByRole('listitem').filter({ has: worker.getByRole('link', { name: title }) });
  await expect(card).toContainText(PARTNER_ORG);
  await expectSettledPageAccessible(worker, testInfo, 'case worker openings');
  await card.getByRole('link', { name: title }).click();
  await expect(worker.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(worker.getByRole('list', { name: 'Komitmen kerja layak' })).toContainText('Perjanjian kerja tertulis');
  await expect(worker.getByRole('button', { name: 'Terbitkan' })).toHaveCount(0);
  await expectSettledPageAccessible(worker, testInfo, 'case worker opening');

  // The administrator suspends the partner.
  const lookup = await apiSession(testInfo, demo.caseWorker);
  const orgs = await getJson<{ items: { id: string; name: string }[] }>(lookup, `/api/v1/organizations?q=${encodeURIComponent('Karya Mandiri')}`);
  await lookup.dispose();
  const orgId = orgs.items.find((o) => o.name === PARTNER_ORG)!.id;
  const admin = await signedInPage(browser, testInfo, demo.admin, { totp: true });
  try {
    await admin.goto(`/organizations/${orgId}`);
    const section = admin.getByRole('region', { name: 'Penangguhan mitra' });
    await expect(section).toBeVisible();
    await expectSettledPageAccessible(admin, testInfo, 'organisation with suspension');
    await section.getByRole('button', { name: 'Tangguhkan mitra' }).click();
    await expect(section.getByLabel('Alasan penangguhan')).toHaveAttribute('aria-invalid', 'true');
    await section.getByLabel('Alasan penangguhan').fill('Pemeriksaan laporan pungutan biaya kepada pekerja (uji).');
    await section.getByRole('button', { name: 'Tangguhkan mitra' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Mitra ditangguhkan.' })).toBeVisible();
    await expect(section).toContainText('Pemeriksaan laporan pungutan biaya');
    await expect(admin.locator('.badge', { hasText: 'Ditangguhkan' })).toBeVisible();
    await expectSettledPageAccessible(admin, testInfo, 'partner suspended');

    // The opening has left the case worker's list; the partner is told why nothing works.
    await searchOpenings(worker, title);
    await expect(worker.getByText('Tidak ada lowongan terbuka yang cocok dengan saringan ini.')).toBeVisible();
    await page.goto('/openings');
    await expect(page.getByRole('alert').filter({ hasText: 'Organisasi Anda sedang ditangguhkan' })).toBeVisible();
    await expectSettledPageAccessible(page, testInfo, 'suspended partner');

    // Reinstated: back in the list.
    await section.getByRole('button', { name: 'Pulihkan mitra' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Pulihkan mitra' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Mitra dipulihkan.' })).toBeVisible();
    await searchOpenings(worker, title);
    await expect(worker.getByRole('link', { name: title })).toBeVisible();
  } finally {
    // Whatever happened above, leave the partner active for the other specs.
    const api = await apiSession(testInfo, demo.admin, DEMO_PASSWORD, await freshTotp(adminTotpSecret()));
    const org = await getJson<{ suspended: boolean; version: number }>(api, `/api/v1/organizations/${orgId}`);
    if (org.suspended) expect((await api.delete(`/api/v1/organizations/${orgId}/suspension`, { data: { version: org.version } })).status()).toBe(200);
    await api.dispose();
  }
});
