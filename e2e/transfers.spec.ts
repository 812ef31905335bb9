// Case transfer between two organisations of the demo seed, each in its own browser: the case
// worker of BP3MI Jawa Timur (who received the person at Juanda) proposes handing the case to Dinas
// Sosial Provinsi Jawa Timur, first records the person's consent to the transfer in the consent tab
// (the proposal says so when it is missing); the Dinsos supervisor sees only a summary, accepts and
// assigns the case to the Dinsos case worker; the case is then Dinsos's, BP3MI no longer reaches
// it, and BP3MI's supervisor reads the read-only view of what BP3MI recorded. Each test registers
// its own BP3MI case through the API (an invented surname). axe runs on the case page with the
// dialog and the banner, the transfers list, the proposal, and the read-only view; once in English.
import crypto from 'node:crypto';
import type { APIRequestContext, Browser, Page, TestInfo } from '@playwright/test';
import { apiSession, createActiveUser, DEMO_PASSWORD, demo, expect, expectSettledPageAccessible, freshContext, getJson, inventedSurname, loginInLanguage, navigateTo, test } from './support';

const bp3mi = { caseWorker: 'caseworker.bp3mi@demo.pulang.example', supervisor: 'supervisor.bp3mi@demo.pulang.example' };
const DINSOS = 'Dinas Sosial Provinsi Jawa Timur';

interface CaseOut {
  id: string;
  reference: string;
  version: number;
  person: { id: string; fullName: string };
}

/** A new BP3MI case of a new person from Kabupaten Blitar, taken by BP3MI's case worker, with a need and a note. */
async function bp3miCase(testInfo: TestInfo): Promise<{ c: CaseOut; given: string; surname: string }> {
  const api = await apiSession(testInfo, bp3mi.caseWorker);
  try {
    const surname = inventedSurname();
    const given = ['Rina', 'Sulastri', 'Wartini', 'Yuliani'][crypto.randomInt(4)]!;
    const res = await api.post('/api/v1/cases', {
      data: {
        person: {
          fullName: `${given} ${surname}`,
          sex: 'female',
          birth: { kind: 'estimated_year', year: 1992 },
          nationality: 'ID',
          languages: ['jv', 'id'],
          // Panggungduwet, Kademangan, Kabupaten Blitar, Jawa Timur.
          homeVillageCode: '35.05.04.2001',
        },
        caseType: 'vulnerable_migrant',
        direction: 'inbound',
        destinationCountries: ['MY'],
        riskLevel: 'medium',
        flags: [],
        summary: 'Diterima di Juanda; gaji tidak dibayar selama tujuh bulan.',
        assignToMe: true,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const c = (await res.json()) as CaseOut;
    const need = await api.post(`/api/v1/cases/${c.id}/needs`, { data: { type: 'livelihood', severity: 'high', description: 'Ingin membuka usaha jahit.' } });
    expect(need.status(), await need.text()).toBe(201);
    const note = await api.post(`/api/v1/cases/${c.id}/notes`, { data: { type: 'observation', body: `Dijemput keluarga ${surname} di Terminal 2 Juanda.` } });
    expect(note.status(), await note.text()).toBe(201);
    return { c, given, surname };
  } finally {
    await api.dispose();
  }
}

async function orgId(api: APIRequestContext, name: string): Promise<string> {
  const orgs = await getJson<{ items: { id: string; name: string }[] }>(api, `/api/v1/organizations?q=${encodeURIComponent(name)}`);
  const org = orgs.items.find((o) => o.name === name);
  expect(org, `${name} exists`).toBeTruthy();
  return org!.id;
}

async function pageAs(browser: Browser, testInfo: TestInfo, email: string, lang: 'id' | 'en' = 'id'): Promise<Page> {
  const context = await freshContext(browser, testInfo);
  const page = await context.newPage();
  await loginInLanguage(page, email, DEMO_PASSWORD, lang);
  return page;
}

const head = (page: Page) => page.locator('header.case-head');
const part = (page: Page) => page.locator('section.case-part');
const field = (scope: Page | ReturnType<Page['locator']>, label: string) =>
  scope.getByLabel(label, { exact: true }).and(scope.locator('input:not([type=radio]):not([type=checkbox]), select, textarea'));

test('BP3MI proposes a transfer under the person’s consent, Dinsos accepts and assigns it, and BP3MI keeps a read-only view', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const { c, given, surname } = await bp3miCase(testInfo);

  // BP3MI's case worker opens the case and tries to transfer it: the consent is missing.
  await loginInLanguage(page, bp3mi.caseWorker, DEMO_PASSWORD, 'id');
  await page.goto(`/cases/${c.id}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(c.reference) })).toBeVisible();
  await head(page).getByRole('button', { name: 'Alihkan kasus' }).click();
  const dialog = page.getByRole('dialog', { name: `Alihkan kasus ${c.reference}` });
  await dialog.getByRole('button', { name: 'Kirim usulan' }).click();
  await expect(field(dialog, 'Lembaga penerima')).toHaveAttribute('aria-invalid', 'true');
  await field(dialog, 'Cari lembaga penerima').fill('Jawa Timur');
  await field(dialog, 'Lembaga penerima').selectOption({ label: `${DINSOS} (Dinsos Jatim)` });
  await field(dialog, 'Alasan pengalihan').fill('Sudah kembali ke Kabupaten Blitar; pendampingan reintegrasi lebih dekat oleh dinas sosial provinsi.');
  await dialog.getByRole('checkbox', { name: /tetap dapat melihat \(baca-saja\)/ }).check();
  await expectSettledPageAccessible(page, testInfo, 'transfer dialog');
  await dialog.getByRole('button', { name: 'Kirim usulan' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Belum ada persetujuan orang yang bersangkutan untuk mengalihkan kasus ke lembaga ini');
  // What was typed stays.
  await expect(field(dialog, 'Alasan pengalihan')).toHaveValue(/Kabupaten Blitar/);
  await dialog.getByRole('link', { name: 'Buka bagian Persetujuan' }).click();
  await expect(dialog).toBeHidden();

  // The consent tab: the person's consent to the transfer, naming Dinsos.
  const cp = part(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Persetujuan' })).toBeVisible();
  await field(cp, 'Tujuan').selectOption({ label: 'Pengalihan kasus ke lembaga lain' });
  await field(cp, 'Cari organisasi tertentu').fill('Jawa Timur');
  await field(cp, 'Organisasi tertentu').selectOption({ label: `${DINSOS} (Dinsos Jatim)` });
  await cp.getByRole('radio', { name: 'Ditandatangani' }).check();
  await cp.getByRole('button', { name: 'Catat persetujuan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Persetujuan dicatat: Pengalihan kasus ke lembaga lain.' })).toBeVisible();

  // Now the proposal goes through, and shows as a banner on the case.
  await head(page).getByRole('button', { name: 'Alihkan kasus' }).click();
  await expect(field(dialog, 'Alasan pengalihan')).toHaveValue(/Kabupaten Blitar/);
  await dialog.getByRole('button', { name: 'Kirim usulan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Usulan pengalihan dikirim ke ${DINSOS}` })).toBeVisible();
  const banner = head(page).locator('.transfer-banner');
  await expect(banner).toContainText('Usulan pengalihan menunggu jawaban.');
  await expect(banner).toContainText(DINSOS);
  await expect(banner.getByRole('button', { name: 'Tarik usulan' })).toBeVisible();
  await expect(head(page).getByRole('button', { name: 'Alihkan kasus' })).toHaveCount(0);
  await expectSettledPageAccessible(page, testInfo, 'case page with a pending transfer');

  // The Dinsos supervisor finds it among the incoming transfers and sees only the summary.
  const dinsos = await pageAs(browser, testInfo, demo.supervisor);
  await navigateTo(dinsos, 'Pengalihan');
  await expect(dinsos.getByRole('heading', { level: 1, name: 'Pengalihan kasus' })).toBeVisible();
  const row = dinsos.locator('table.transfer-table tbody tr').filter({ hasText: c.reference });
  await expect(row).toContainText('Balai Pelayanan Pelindungan Pekerja Migran Indonesia Jawa Timur');
  await expect(row).toContainText('Menunggu jawaban');
  await expectSettledPageAccessible(dinsos, testInfo, 'incoming transfers');
  await row.getByRole('link', { name: c.reference }).click();
  await expect(dinsos.getByRole('heading', { level: 1, name: `Pengalihan kasus ${c.reference}` })).toBeVisible();
  const summary = dinsos.getByRole('region', { name: 'Ringkasan untuk memutuskan' });
  await expect(summary).toContainText(given);
  await expect(summary).toContainText('Perempuan');
  await expect(summary).toContainText('Kabupaten Blitar');
  await expect(summary).toContainText('Mata pencaharian');
  await expect(dinsos.locator('main')).not.toContainText(surname);
  await expect(dinsos.locator('main')).not.toContainText('usaha jahit');
  await expectSettledPageAccessible(dinsos, testInfo, 'transfer proposal (receiver)');

  // Accept, giving the case to the Dinsos case worker.
  const accept = dinsos.getByRole('form', { name: 'Terima kasus' });
  const holder = await accept.locator('option', { hasText: 'Siti Nurhaliza Rahman' }).getAttribute('value');
  await field(accept, 'Tugaskan kepada').selectOption(holder!);
  await accept.getByRole('button', { name: 'Terima kasus' }).click();
  await expect(dinsos.getByRole('status').filter({ hasText: 'Kasus diterima dan kini menjadi kasus lembaga Anda.' })).toBeVisible();
  await expect(dinsos.locator('.badge').filter({ hasText: 'Diterima' })).toBeVisible();
  await dinsos.getByRole('link', { name: c.reference }).click();
  await expect(dinsos.getByRole('heading', { level: 1, name: new RegExp(c.reference) })).toBeVisible();
  await expect(head(dinsos)).toContainText('Siti Nurhaliza Rahman');
  await expect(head(dinsos)).toContainText(`${given} ${surname}`);
  await expect(head(dinsos)).toContainText('Kasus ini dialihkan dari Balai Pelayanan Pelindungan Pekerja Migran Indonesia Jawa Timur');

  // The Dinsos case worker holds it now.
  const worker = await apiSession(testInfo, demo.caseWorker);
  const held = await getJson<{ assignedTo: { displayName: string } }>(worker, `/api/v1/cases/${c.id}`);
  expect(held.assignedTo.displayName).toBe('Siti Nurhaliza Rahman');
  await worker.dispose();

  // BP3MI no longer reaches the case: its page answers not found.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
  expect((await page.request.get(`/api/v1/cases/${c.id}`)).status()).toBe(404);
  expect((await page.request.get(`/api/v1/persons/${c.person.id}`)).status()).toBe(404);

  // BP3MI's supervisor reads what BP3MI recorded, read only.
  const sup = await pageAs(browser, testInfo, bp3mi.supervisor);
  await navigateTo(sup, 'Pengalihan');
  await sup.getByRole('group', { name: 'Daftar pengalihan' }).getByRole('button', { name: 'Keluar' }).click();
  await expect(sup.getByRole('heading', { level: 2, name: 'Keluar' })).toBeVisible();
  await sup.getByRole('group', { name: 'Saring menurut status' }).getByRole('button', { name: /^Selesai/ }).click();
  const sent = sup.locator('table.transfer-table tbody tr').filter({ hasText: c.reference });
  await expect(sent).toContainText('Diterima');
  await sent.getByRole('link', { name: c.reference }).click();
  const record = sup.getByRole('region', { name: 'Catatan kami hingga pengalihan (baca-saja)' });
  await expect(record).toContainText(`${given} ${surname}`);
  await expect(record).toContainText(`Dijemput keluarga ${surname} di Terminal 2 Juanda.`);
  await expect(record).toContainText('Ingin membuka usaha jahit.');
  await expect(record).toContainText('Pengalihan kasus ke lembaga lain');
  await expect(sup.getByRole('link', { name: c.reference })).toHaveCount(0);
  await expectSettledPageAccessible(sup, testInfo, 'read-only view (sender)');
});

test('a receiving supervisor declines with a reason; the case stays; the transfers page works in English', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const { c } = await bp3miCase(testInfo);
  const api = await apiSession(testInfo, bp3mi.caseWorker);
  const dinsosId = await orgId(api, DINSOS);
  const consent = await api.post(`/api/v1/cases/${c.id}/consents`, {
    data: { purpose: 'case_transfer', recipientOrganizationType: 'local_government', decision: 'given', method: 'signed', givenAt: new Date(Date.now() - 60_000).toISOString() },
  });
  expect(consent.status(), await consent.text()).toBe(201);
  const proposed = await api.post(`/api/v1/cases/${c.id}/transfers`, { data: { toOrganizationId: dinsosId, reason: 'Pindah ke Blitar.', senderKeepsView: false } });
  expect(proposed.status(), await proposed.text()).toBe(201);
  const t = (await proposed.json()) as { id: string };

  // A Dinsos supervisor who works in English.
  const english = await createActiveUser(testInfo, ['supervisor'], 'alih', 'en');
  await loginInLanguage(page, english.email, english.password, 'en');
  await page.goto(`/transfers/${t.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Transfer of case ${c.reference}` })).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'transfer proposal (English)');
  await page.getByRole('button', { name: 'Decline', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Decline the transfer' });
  await field(dialog, 'Reason for declining').selectOption({ label: 'Other' });
  await dialog.getByRole('button', { name: 'Decline the transfer' }).click();
  await expect(field(dialog, 'Note')).toHaveAttribute('aria-invalid', 'true');
  await field(dialog, 'Note').fill('The home village is served by the regency office.');
  await dialog.getByRole('button', { name: 'Decline the transfer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Transfer declined.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Summary to decide on' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to transfers' }).click();
  await page.getByRole('group', { name: 'Filter by status' }).getByRole('button', { name: /^Ended/ }).click();
  await expect(page.locator('table.transfer-table tbody tr').filter({ hasText: c.reference })).toContainText('Declined');
  await expectSettledPageAccessible(page, testInfo, 'transfers list (English)');

  // The case is still BP3MI's, and BP3MI can propose again.
  const mine = await getJson<{ items: { status: string; declineReason: string }[]; canPropose: boolean }>(api, `/api/v1/cases/${c.id}/transfers`);
  expect(mine.items[0]).toMatchObject({ status: 'declined', declineReason: 'other' });
  expect(mine.canPropose).toBe(true);
  await api.dispose();
});
