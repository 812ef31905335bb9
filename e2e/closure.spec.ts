// Closing a case with a supervisor's approval, each person in their own browser: the Dinsos case
// worker requests closure (a reason and a text, seeing what the checklist still misses), the
// supervisor finds the request on the approvals page, sees the checklist and approves it with the
// acknowledgement the reason allows; the case shows closed; the case worker reopens it with a
// reason, and the history shows each step. A returned request shows the supervisor's note. Each
// test registers its own case through the API. axe runs on the case page with the request dialog,
// the pending banner, the approval dialog and the approvals page; once in English.
import crypto from 'node:crypto';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { apiSession, createActiveUser, DEMO_PASSWORD, demo, expect, expectSettledPageAccessible, freshContext, loginInLanguage, navigateTo, test } from './support';

interface CaseOut {
  id: string;
  reference: string;
  person: { fullName: string };
}

/** A new case of a new person, registered and taken by the demo case worker, moved to assessment. */
async function dinsosCase(testInfo: TestInfo): Promise<CaseOut> {
  const api = await apiSession(testInfo, demo.caseWorker);
  try {
    const res = await api.post('/api/v1/cases', {
      data: {
        person: { fullName: `Uji Tutup ${testInfo.project.name} ${crypto.randomInt(100000, 999999)}`, sex: 'male', birth: { kind: 'estimated_year', year: 1988 }, nationality: 'ID' },
        caseType: 'stranded_migrant',
        direction: 'inbound',
        destinationCountries: ['SA'],
        riskLevel: 'low',
        flags: [],
        summary: 'Terlantar di Jeddah; dipulangkan melalui Soekarno-Hatta.',
        assignToMe: true,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const c = (await res.json()) as CaseOut & { version: number };
    let version = c.version;
    for (const to of ['screening', 'assessment']) {
      const moved = await api.post(`/api/v1/cases/${c.id}/transitions`, { data: { version, to } });
      expect(moved.status(), await moved.text()).toBe(200);
      version = ((await moved.json()) as { version: number }).version;
    }
    return c;
  } finally {
    await api.dispose();
  }
}

const head = (page: Page) => page.locator('header.case-head');
const field = (scope: Page | Locator, label: string) =>
  scope.getByLabel(label, { exact: true }).and(scope.locator('input:not([type=radio]):not([type=checkbox]), select, textarea'));

async function openCase(page: Page, c: CaseOut, tab?: string) {
  await page.goto(`/cases/${c.id}${tab ? `?tab=${tab}` : ''}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(c.reference) })).toBeVisible();
}

test('a case worker requests closure, the supervisor approves it against the checklist, the case closes and is reopened with a reason', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const c = await dinsosCase(testInfo);
  await loginInLanguage(page, demo.caseWorker, DEMO_PASSWORD, 'id');
  await openCase(page, c);

  // The stage dialog no longer offers closing.
  await head(page).getByRole('button', { name: 'Ubah tahap' }).click();
  const stage = page.getByRole('dialog', { name: /^Ubah tahap/ });
  await expect(stage.getByRole('radio', { name: 'Ditutup' })).toHaveCount(0);
  await stage.getByRole('button', { name: 'Batal' }).click();

  // The request: the checklist as it stands, a reason and a text.
  await head(page).getByRole('button', { name: 'Ajukan penutupan' }).click();
  const request = page.getByRole('dialog', { name: `Ajukan penutupan kasus ${c.reference}` });
  const checklist = request.getByRole('list', { name: 'Daftar periksa penutupan' });
  await expect(checklist).toContainText('Tidak ada rencana reintegrasi yang disetujui.');
  await expect(checklist).toContainText('Belum ada survei keberlanjutan yang dilakukan.');
  await expect(checklist).toContainText('Tidak ada rujukan yang masih terbuka.');
  await expect(checklist).toContainText('Tidak ada usulan pengalihan yang menunggu jawaban.');
  await request.getByRole('button', { name: 'Ajukan penutupan' }).click();
  await expect(field(request, 'Alasan penutupan')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(request, 'Penjelasan')).toHaveAttribute('aria-invalid', 'true');
  await field(request, 'Alasan penutupan').selectOption({ label: 'Berhasil direintegrasi' });
  await expect(request).toContainText('Dengan alasan ini penyelia hanya dapat menyetujui setelah daftar periksa lengkap.');
  await field(request, 'Alasan penutupan').selectOption({ label: 'Tidak dapat dihubungi' });
  await expect(request).toContainText('Dengan alasan ini penyelia dapat menyetujui walaupun daftar periksa belum lengkap.');
  await field(request, 'Penjelasan').fill('Tiga kali kunjungan rumah tanpa hasil; nomor telepon tidak aktif sejak Maret.');
  await expectSettledPageAccessible(page, testInfo, 'closure request dialog');
  await request.getByRole('button', { name: 'Ajukan penutupan' }).click();
  await expect(request).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Permintaan penutupan diajukan (Tidak dapat dihubungi)' })).toBeVisible();
  const banner = head(page).locator('.closure-banner');
  await expect(banner).toContainText('Permintaan penutupan menunggu keputusan penyelia.');
  await expect(banner.getByRole('button', { name: 'Tarik permintaan' })).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Setujui penutupan' })).toHaveCount(0);
  await expectSettledPageAccessible(page, testInfo, 'case with a pending closure request');

  // The supervisor finds it on the approvals page.
  const context = await freshContext(browser, testInfo);
  const sup = await context.newPage();
  await loginInLanguage(sup, demo.supervisor, DEMO_PASSWORD, 'id');
  await navigateTo(sup, 'Perlu keputusan');
  await expect(sup.getByRole('heading', { level: 1, name: 'Perlu keputusan' })).toBeVisible();
  const closures = sup.getByRole('region', { name: /^Permintaan penutupan/ });
  const row = closures.locator('tbody tr').filter({ hasText: c.reference });
  await expect(row).toContainText('Tidak dapat dihubungi');
  await expect(row).toContainText('Belum lengkap');
  await expect(sup.getByRole('region', { name: /^Usulan pengalihan masuk/ })).toBeVisible();
  await expect(sup.getByRole('region', { name: /^Rencana reintegrasi menunggu persetujuan/ })).toBeVisible();
  await expectSettledPageAccessible(sup, testInfo, 'approvals page');
  await row.getByRole('link', { name: c.reference }).click();
  await expect(sup.getByRole('heading', { level: 1, name: new RegExp(c.reference) })).toBeVisible();

  // The checklist, and the approval with the acknowledgement this reason allows.
  await expect(head(sup).locator('.closure-banner')).toContainText('Belum ada survei keberlanjutan yang dilakukan.');
  await head(sup).getByRole('button', { name: 'Setujui penutupan' }).click();
  const approve = sup.getByRole('dialog', { name: `Setujui penutupan kasus ${c.reference}` });
  await expect(approve).toContainText('Tiga kali kunjungan rumah tanpa hasil');
  const submit = approve.getByRole('button', { name: 'Setujui dan tutup kasus' });
  await expect(submit).toBeDisabled();
  await approve.getByRole('checkbox', { name: /Saya memahami daftar periksa belum lengkap/ }).check();
  await field(approve, 'Catatan (opsional)').fill('Disetujui; buka kembali bila keluarga menghubungi.');
  await expectSettledPageAccessible(sup, testInfo, 'approval dialog');
  await submit.click();
  await expect(approve).toBeHidden();
  await expect(sup.getByRole('status').filter({ hasText: `Kasus ${c.reference} ditutup.` })).toBeVisible();
  await expect(head(sup)).toContainText('Ditutup');
  await expect(head(sup)).toContainText('Tidak dapat dihubungi');
  await expect(head(sup)).toContainText('Penutupan disetujui oleh Dewi Lestari');
  await expect(head(sup)).toContainText('Daftar periksa belum lengkap dan diakui oleh penyelia.');

  // The case worker sees it closed, and reopens it with a reason.
  await page.reload();
  await expect(head(page)).toContainText('Ditutup');
  await expect(head(page).getByRole('button', { name: 'Ajukan penutupan' })).toHaveCount(0);
  await head(page).getByRole('button', { name: 'Ubah tahap' }).click();
  const reopen = page.getByRole('dialog', { name: 'Ubah tahap (saat ini: Ditutup)' });
  await reopen.getByRole('radio', { name: 'Dibuka kembali' }).check();
  await reopen.getByRole('button', { name: 'Ubah tahap' }).click();
  await expect(field(reopen, 'Alasan membuka kembali')).toHaveAttribute('aria-invalid', 'true');
  await field(reopen, 'Alasan membuka kembali').fill('Keluarga menghubungi kembali: ia sudah di rumah dan meminta bantuan.');
  await reopen.getByRole('button', { name: 'Ubah tahap' }).click();
  await expect(reopen).toBeHidden();
  await expect(head(page)).toContainText('Dibuka kembali');
  await expect(head(page).getByRole('button', { name: 'Ajukan penutupan' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Bagian kasus' }).getByRole('link', { name: 'Riwayat' }).click();
  const items = page.locator('ol.history > li');
  const closed = items.filter({ hasText: 'Asesmen → Ditutup' });
  await expect(closed).toContainText('Alasan penutupan: Tidak dapat dihubungi');
  await expect(closed).toContainText('Tiga kali kunjungan rumah tanpa hasil');
  await expect(closed).toContainText('Dewi Lestari');
  await expect(items.filter({ hasText: 'Ditutup → Dibuka kembali' })).toContainText('Keluarga menghubungi kembali');
  await expect(items.first()).toContainText('Ditutup → Dibuka kembali');
});

test('a supervisor returns a request with a note; the case stays open and the note shows; in English', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const c = await dinsosCase(testInfo);
  const api = await apiSession(testInfo, demo.caseWorker);
  const requested = await api.post(`/api/v1/cases/${c.id}/closure`, { data: { closureReason: 'reintegrated', reason: 'Sudah bekerja di pabrik garmen dekat rumah.' } });
  expect(requested.status(), await requested.text()).toBe(201);

  const english = await createActiveUser(testInfo, ['supervisor'], 'tutup', 'en');
  await loginInLanguage(page, english.email, english.password, 'en');
  await openCase(page, c);
  const banner = head(page).locator('.closure-banner');
  await expect(banner).toContainText('A closure request awaits a supervisor');
  await expect(banner).toContainText('No sustainability survey has been done yet.');
  // "Reintegrated" needs a complete checklist: approving is not possible yet.
  await head(page).getByRole('button', { name: 'Approve closure' }).click();
  const approve = page.getByRole('dialog', { name: `Approve closing case ${c.reference}` });
  await expect(approve).toContainText('The closure cannot be approved yet');
  await expect(approve.getByRole('button', { name: 'Approve and close the case' })).toBeDisabled();
  await expectSettledPageAccessible(page, testInfo, 'approval dialog, blocked (English)');
  await approve.getByRole('button', { name: 'Cancel' }).click();

  await head(page).getByRole('button', { name: 'Return', exact: true }).click();
  const back = page.getByRole('dialog', { name: 'Return the closure request' });
  await back.getByRole('button', { name: 'Return the request' }).click();
  await expect(field(back, 'What still needs doing')).toHaveAttribute('aria-invalid', 'true');
  await field(back, 'What still needs doing').fill('Do the first sustainability survey before closing.');
  await back.getByRole('button', { name: 'Return the request' }).click();
  await expect(back).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'The closure request was returned to the requester.' })).toBeVisible();
  await expect(head(page).locator('.closure-banner')).toContainText('Do the first sustainability survey before closing.');
  await expect(head(page)).not.toContainText('Closed');

  const state = await api.get(`/api/v1/cases/${c.id}`);
  expect(((await state.json()) as { stage: string }).stage).toBe('assessment');
  await api.dispose();
});
