// Referrals between two organisations of the demo seed, each side in its own browser: the case
// worker of Dinas Sosial Provinsi Jawa Timur sends, the focal point of Yayasan Bina Pulih Nusantara
// receives. Journeys: send → acknowledge → accept → start → complete with an outcome, seen by the
// sender; decline with a reason; withdrawal by the sender; overdue on both sides; the receiver's
// view shrinking after the person withdraws consent; and what the receiver cannot see (the case
// itself answers not found). Every test registers its own case, need and consent through the API
// (an invented surname), so the tests do not depend on each other or on demo referrals. axe runs on
// the case's referral tab, the send form, the inbox and the referral page, and in English once.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import type { APIRequestContext, Browser, Page, TestInfo } from '@playwright/test';
import {
  adminTotpSecret,
  apiSession,
  createActiveUser,
  demo,
  DEMO_PASSWORD,
  expect,
  expectSettledPageAccessible,
  freshContext,
  freshTotp,
  getJson,
  inventedSurname,
  loginInLanguage,
  navigateTo,
  test,
} from './support';

const NGO = 'Yayasan Bina Pulih Nusantara';

interface CaseOut {
  id: string;
  reference: string;
  person: { fullName: string };
}
interface Prepared {
  c: CaseOut;
  needId: string;
  consentId: string | null;
  ngoId: string;
  given: string;
  surname: string;
  phone: string;
}
interface Referral {
  id: string;
  status: string;
  version: number;
  overdue: boolean;
  visibleFields: string[];
}

/** The NGO's ID, as any signed-in user reads it. */
async function ngoId(api: APIRequestContext): Promise<string> {
  const orgs = await getJson<{ items: { id: string; name: string }[] }>(api, `/api/v1/organizations?q=${encodeURIComponent('Bina Pulih')}`);
  const org = orgs.items.find((o) => o.name === NGO);
  expect(org, 'the demo NGO exists').toBeTruthy();
  return org!.id;
}

/**
 * A new case of a new person (an invented surname), taken by the case worker, with one open need
 * (counselling) and, unless told otherwise, the person's consent to share with the NGO.
 */
async function prepareCase(
  testInfo: TestInfo,
  opts: { consentFields?: string[] | null; as?: { email: string; password: string } } = {},
): Promise<Prepared> {
  const as = opts.as ?? { email: demo.caseWorker, password: DEMO_PASSWORD };
  const api = await apiSession(testInfo, as.email, as.password);
  try {
    const surname = inventedSurname();
    const given = ['Wulan', 'Ratih', 'Lestari', 'Dewanti', 'Kinanti'][crypto.randomInt(5)]!;
    const phone = `+62812${crypto.randomInt(10_000_000, 99_999_999)}`;
    const res = await api.post('/api/v1/cases', {
      data: {
        person: {
          fullName: `${given} ${surname}`,
          sex: 'female',
          birth: { kind: 'estimated_year', year: 1996 },
          nationality: 'ID',
          languages: ['jv', 'id'],
          phones: [phone],
          // Pesanggaran, Kabupaten Banyuwangi, Jawa Timur.
          homeVillageCode: '35.10.01.2002',
        },
        caseType: 'presumed_victim',
        direction: 'inbound',
        destinationCountries: ['MY'],
        riskLevel: 'medium',
        flags: [],
        summary: `Dipulangkan dari Johor; keluarga ${surname} di Banyuwangi.`,
        assignToMe: true,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const c = (await res.json()) as CaseOut;
    const need = await api.post(`/api/v1/cases/${c.id}/needs`, { data: { type: 'counselling', severity: 'high', description: 'Konseling trauma setelah kerja paksa.' } });
    expect(need.status(), await need.text()).toBe(201);
    const needId = ((await need.json()) as { id: string }).id;
    const ngo = await ngoId(api);
    let consentId: string | null = null;
    if (opts.consentFields !== null) {
      const consent = await api.post(`/api/v1/cases/${c.id}/consents`, {
        data: {
          purpose: 'referral_sharing',
          recipientOrganizationId: ngo,
          sharedFields: opts.consentFields ?? ['name', 'sex', 'age', 'languages', 'needs', 'contact'],
          decision: 'given',
          method: 'signed',
          givenBy: c.person.fullName,
          givenAt: new Date(Date.now() - 60_000).toISOString(),
        },
      });
      expect(consent.status(), await consent.text()).toBe(201);
      consentId = ((await consent.json()) as { id: string }).id;
    }
    return { c, needId, consentId, ngoId: ngo, given, surname, phone };
  } finally {
    await api.dispose();
  }
}

/**
 * A counselling service of the NGO in the person's home regency, speaking Javanese, with three
 * places free: made by the system administrator, so the suggestions do not depend on demo data.
 */
async function ngoService(testInfo: TestInfo, ngo: string): Promise<string> {
  const admin = await apiSession(testInfo, demo.admin, DEMO_PASSWORD, await freshTotp(adminTotpSecret()));
  try {
    const name = `Konseling Pulih Banyuwangi ${crypto.randomInt(1000, 9999)}`;
    const res = await admin.post('/api/v1/services', {
      data: {
        organizationId: ngo,
        name,
        description: 'Konseling trauma bagi penyintas perdagangan orang.',
        termCodes: ['mental_health'],
        languages: ['jv', 'id'],
        areaCodes: ['35.10'],
        capacity: { total: 10, free: 3 },
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    return name;
  } finally {
    await admin.dispose();
  }
}

/** A referral sent through the API by the case worker (for the journeys that start after sending). */
async function sendByApi(testInfo: TestInfo, p: Prepared, extra: Record<string, unknown> = {}): Promise<Referral> {
  const api = await apiSession(testInfo, demo.caseWorker);
  try {
    const res = await api.post(`/api/v1/cases/${p.c.id}/referrals`, {
      data: {
        organizationId: p.ngoId,
        needIds: [p.needId],
        urgency: 'routine',
        contactPreference: 'through_case_worker',
        sharedFields: ['first_name', 'sex', 'age_band', 'languages', 'needs'],
        message: 'Mohon konseling; ia lebih nyaman berbahasa Jawa.',
        ...extra,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as Referral;
  } finally {
    await api.dispose();
  }
}

/** The focal point of the NGO, signed in (in Indonesian) in a browser of their own. */
async function focalPointPage(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await freshContext(browser, testInfo);
  const page = await context.newPage();
  await loginInLanguage(page, demo.focalPoint, DEMO_PASSWORD, 'id');
  return page;
}

async function caseWorkerPage(page: Page) {
  await loginInLanguage(page, demo.caseWorker, DEMO_PASSWORD, 'id');
}

const referralsTab = (c: CaseOut) => `/cases/${c.id}?tab=referrals`;

/** Opens the inbox through the navigation, narrows it to the case's reference and returns its row. */
async function inboxRow(page: Page, reference: string, status?: string) {
  await navigateTo(page, /^Rujukan/);
  await expect(page.getByRole('heading', { level: 1, name: 'Rujukan' })).toBeVisible();
  if (status) await page.getByRole('navigation', { name: 'Saring menurut status' }).getByRole('link', { name: status, exact: true }).click();
  await page.getByRole('searchbox', { name: 'Nomor kasus' }).fill(reference);
  await page.getByRole('search', { name: 'Cari rujukan' }).getByRole('button', { name: 'Cari' }).click();
  const row = page.locator('table.referral-table tbody tr').filter({ hasText: reference });
  await expect(row).toHaveCount(1);
  return row;
}

async function openFromInbox(page: Page, reference: string, status?: string) {
  const row = await inboxRow(page, reference, status);
  await row.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Rujukan ${reference}` })).toBeVisible();
}

const facts = (page: Page) => page.locator('.referral-facts');
const shared = (page: Page) => page.getByRole('region', { name: 'Data yang dibagikan' });
const history = (page: Page) => page.getByRole('region', { name: 'Riwayat langkah' });

test('a referral is sent, acknowledged, accepted, started and completed, and the sender sees the outcome', async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const p = await prepareCase(testInfo);
  const service = await ngoService(testInfo, p.ngoId);
  await caseWorkerPage(page);
  await page.goto(referralsTab(p.c));
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(p.c.reference) })).toBeVisible();
  await expect(page.getByText('Kasus ini belum pernah dirujuk.')).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'case referrals tab (empty)');

  // The send form: the one open need is ticked, and services are suggested for it, each saying
  // why in plain words.
  await page.getByRole('button', { name: 'Rujuk', exact: true }).click();
  const form = page.getByRole('region', { name: 'Rujuk ke layanan lain' });
  await expect(form.getByRole('group', { name: 'Kebutuhan yang dirujuk' }).getByRole('checkbox', { name: /^Konseling/ })).toBeChecked();
  await expect(form.getByRole('heading', { name: 'Layanan yang disarankan' })).toBeVisible();
  const suggestion = form.locator('.suggestion').filter({ hasText: service });
  await expect(suggestion).toContainText(NGO);
  await expect(suggestion).toContainText(/Kecocokan \d+%/);
  await expect(suggestion).toContainText('Menangani kesehatan jiwa dan dukungan psikososial');
  await expect(suggestion).toContainText('Melayani Kabupaten Banyuwangi');
  await expect(suggestion).toContainText('Berbahasa Jawa');
  await expect(suggestion).toContainText('Tempat tersedia: 3');
  await expectSettledPageAccessible(page, testInfo, 'send form with suggestions');
  await suggestion.getByRole('button', { name: `Pilih layanan: ${service}` }).click();
  await expect(form.getByText(`Dirujuk ke: ${service} — ${NGO}`)).toBeVisible();

  // The consent allows name, sex, age, languages, needs and contact: those fields can be ticked,
  // the minimum is ticked, and the rest are "not consented".
  await expect(form.getByText(`Orang ini setuju datanya dibagikan kepada ${NGO}`)).toBeVisible();
  const fields = form.getByRole('group', { name: 'Data yang dibagikan' });
  await expect(fields.getByRole('checkbox', { name: /^Nama depan/ })).toBeChecked();
  await expect(fields.getByRole('checkbox', { name: /^Kelompok usia/ })).toBeChecked();
  await expect(fields.getByRole('checkbox', { name: /^Nama lengkap/ })).not.toBeChecked();
  await expect(fields.getByRole('checkbox', { name: /^Nama lengkap/ })).toBeEnabled();
  await expect(fields.getByRole('checkbox', { name: 'Alamat rumah · tidak disetujui' })).toBeDisabled();
  await expect(fields.getByRole('checkbox', { name: 'Ringkasan kasus · tidak disetujui' })).toBeDisabled();
  await expect(fields.getByRole('link', { name: 'Buka Persetujuan' })).toBeVisible();
  await fields.getByRole('checkbox', { name: /^Nomor telepon/ }).check();

  await form.getByRole('radio', { name: /^Mendesak — dijawab dalam 3 hari/ }).check();
  await form.getByLabel('Cara menghubungi').selectOption({ label: 'Telepon langsung' });
  await form.getByLabel('Pesan', { exact: true }).fill('Mohon konseling trauma; ia lebih nyaman berbahasa Jawa.');

  // The preview shows what the NGO will see: the first name and the phone, not the surname.
  const preview = form.getByRole('region', { name: `Yang akan dilihat ${NGO}` });
  await expect(preview).toContainText(p.given);
  await expect(preview).toContainText(p.phone);
  await expect(preview).toContainText('Mendesak');
  await expect(preview).not.toContainText(p.surname);
  await expectSettledPageAccessible(page, testInfo, 'send form');

  await form.getByRole('button', { name: 'Kirim rujukan' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Rujukan terkirim ke ${service} — ${NGO}.` })).toBeVisible();
  const card = page.locator('.referral-cards > li').filter({ hasText: NGO });
  await expect(card).toContainText(service);
  await expect(card).toContainText('Terkirim');
  await expect(card).toContainText('Mendesak');
  await expect(card).toContainText('Konseling');
  await expect(card).toContainText('Dijawab paling lambat');

  // The NGO's inbox, in another browser.
  const focal = await focalPointPage(browser, testInfo);
  const row = await inboxRow(focal, p.c.reference);
  await expect(row).toContainText('Dinas Sosial Provinsi Jawa Timur');
  await expect(row).toContainText(service);
  await expect(row).toContainText('Terkirim');
  await expect(row).toContainText('Mendesak');
  await expect(row).toContainText('Konseling');
  await expect(row).not.toContainText('Lewat tenggat');
  await expectSettledPageAccessible(focal, testInfo, 'inbox (incoming)');
  await row.getByRole('link', { name: p.c.reference }).click();
  await expect(focal.getByRole('heading', { level: 1, name: `Rujukan ${p.c.reference}` })).toBeVisible();

  // The receiver sees what was shared, labelled, and nothing else.
  await expect(shared(focal)).toContainText(`Nama depan${p.given}`);
  await expect(shared(focal)).toContainText(`Nomor telepon${p.phone}`);
  await expect(shared(focal)).toContainText('Kelompok usia');
  await expect(focal.getByRole('main')).not.toContainText(p.surname);
  await expect(focal.getByRole('main')).toContainText('Mohon konseling trauma; ia lebih nyaman berbahasa Jawa.');
  await expect(focal.getByRole('main')).toContainText('Konseling trauma setelah kerja paksa.');
  await expect(focal.getByRole('link', { name: /Unduh surat rujukan \(PDF\)/ })).toHaveCount(2);
  const [letter] = await Promise.all([focal.waitForEvent('download'), focal.getByRole('link', { name: 'Unduh surat rujukan (PDF) — Bahasa Indonesia' }).click()]);
  expect(letter.suggestedFilename()).toMatch(/\.pdf$/);
  expect((await fs.readFile((await letter.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
  await expectSettledPageAccessible(focal, testInfo, 'referral page (receiver)');

  // Acknowledge, accept, start.
  await focal.getByRole('button', { name: 'Tandai sudah dibaca' }).click();
  await expect(focal.getByRole('status').filter({ hasText: 'Rujukan ditandai sudah dibaca.' })).toBeVisible();
  await expect(facts(focal)).toContainText('Sudah dibaca');
  await focal.getByRole('button', { name: 'Terima rujukan' }).click();
  await expect(facts(focal)).toContainText('Diterima');
  await focal.getByRole('button', { name: 'Mulai layanan' }).click();
  await expect(facts(focal)).toContainText('Sedang ditangani');

  // Complete: the outcome is required.
  await focal.getByRole('button', { name: 'Selesaikan' }).click();
  const dialog = focal.getByRole('dialog', { name: 'Selesaikan rujukan ini?' });
  await dialog.getByRole('button', { name: 'Simpan hasil' }).click();
  await expect(dialog.getByLabel('Hasil layanan')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Hasil layanan').selectOption({ label: 'Layanan diberikan' });
  await dialog.getByLabel('Catatan').fill('Enam sesi konseling selesai.');
  await dialog.getByRole('button', { name: 'Simpan hasil' }).click();
  await expect(dialog).toBeHidden();
  await expect(focal.getByRole('status').filter({ hasText: 'Rujukan selesai.' })).toBeVisible();
  await expect(facts(focal)).toContainText('Selesai');
  await expect(facts(focal)).toContainText('Layanan diberikan');
  await expect(focal.getByRole('region', { name: 'Tindakan' })).toHaveCount(0);
  // Every step with who and when.
  for (const step of ['Rujukan dikirim', 'Ditandai sudah dibaca', 'Rujukan diterima', 'Layanan dimulai', 'Layanan selesai'])
    await expect(history(focal)).toContainText(step);
  await expect(history(focal)).toContainText('Yohanes Kefi');
  await expect(history(focal)).toContainText('Siti Nurhaliza Rahman');
  await expect(history(focal)).toContainText('Enam sesi konseling selesai.');

  // The sender sees the outcome on the case and on the referral.
  await page.reload();
  await expect(card).toContainText('Selesai');
  await expect(card).toContainText('Layanan diberikan');
  await expectSettledPageAccessible(page, testInfo, 'case referrals tab');
  await card.getByRole('link', { name: `${service} — ${NGO}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Rujukan ${p.c.reference}` })).toBeVisible();
  await expect(facts(page)).toContainText('Layanan diberikan');
  await expect(history(page)).toContainText('Yohanes Kefi');
  await expect(page.getByRole('region', { name: 'Tindakan' })).toHaveCount(0);
  await expectSettledPageAccessible(page, testInfo, 'referral page (sender)');
  await focal.context().close();
});

test('a declined referral: the receiver gives a reason, and the sender sees it', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const p = await prepareCase(testInfo);
  await sendByApi(testInfo, p);
  const focal = await focalPointPage(browser, testInfo);
  await openFromInbox(focal, p.c.reference);
  await focal.getByRole('button', { name: 'Tolak' }).click();
  const dialog = focal.getByRole('dialog', { name: 'Tolak rujukan ini?' });
  await dialog.getByRole('button', { name: 'Tolak rujukan' }).click();
  await expect(dialog.getByLabel('Alasan penolakan')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Alasan penolakan').selectOption({ label: 'Tidak ada tempat atau kapasitas' });
  await dialog.getByLabel('Catatan').fill('Rumah aman kami penuh sampai bulan depan.');
  await dialog.getByRole('button', { name: 'Tolak rujukan' }).click();
  await expect(dialog).toBeHidden();
  await expect(facts(focal)).toContainText('Ditolak');
  await expect(facts(focal)).toContainText('Tidak ada tempat atau kapasitas');

  await caseWorkerPage(page);
  await page.goto(referralsTab(p.c));
  const card = page.locator('.referral-cards > li').filter({ hasText: NGO });
  await expect(card).toContainText('Ditolak');
  await expect(card).toContainText('Alasan penolakan');
  await expect(card).toContainText('Tidak ada tempat atau kapasitas');
  await card.getByRole('link', { name: NGO }).click();
  await expect(history(page)).toContainText('Rujukan ditolak');
  await expect(history(page)).toContainText('Rumah aman kami penuh sampai bulan depan.');
  // Ended: nothing more to do for the sender either.
  await expect(page.getByRole('button', { name: 'Tarik rujukan' })).toHaveCount(0);
  await focal.context().close();
});

test('the sender withdraws a referral, and the receiver sees it withdrawn', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const p = await prepareCase(testInfo);
  await sendByApi(testInfo, p);
  await caseWorkerPage(page);
  await page.goto(referralsTab(p.c));
  await page.locator('.referral-cards > li').filter({ hasText: NGO }).getByRole('link', { name: NGO }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Rujukan ${p.c.reference}` })).toBeVisible();
  await page.getByRole('region', { name: 'Tindakan' }).getByRole('button', { name: 'Tarik rujukan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tarik rujukan ini?' });
  await dialog.getByLabel('Catatan').fill('Keluarga sudah mengatur konseling sendiri.');
  await dialog.getByRole('button', { name: 'Tarik rujukan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Rujukan ditarik.' })).toBeVisible();
  await expect(facts(page)).toContainText('Ditarik');

  const focal = await focalPointPage(browser, testInfo);
  // No longer open: found under "Berakhir".
  const row = await inboxRow(focal, p.c.reference, 'Berakhir');
  await expect(row).toContainText('Ditarik');
  await row.getByRole('link', { name: p.c.reference }).click();
  await expect(facts(focal)).toContainText('Ditarik');
  await expect(history(focal)).toContainText('Rujukan ditarik pengirim');
  await expect(history(focal)).toContainText('Keluarga sudah mengatur konseling sendiri.');
  await expect(focal.getByRole('region', { name: 'Tindakan' })).toHaveCount(0);
  // The view of the person closes after the grace period, and says when.
  await expect(shared(focal)).toContainText('Data orang ini tidak lagi terlihat setelah');
  await focal.context().close();
});

test('an unanswered referral past its deadline is overdue on both sides', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const p = await prepareCase(testInfo);
  // A deadline a few seconds ahead (the API refuses one in the past), then wait until it has passed.
  const respondBy = new Date(Date.now() + 4_000);
  const r = await sendByApi(testInfo, p, { urgency: 'emergency', respondBy: respondBy.toISOString() });
  await page.waitForTimeout(Math.max(0, respondBy.getTime() - Date.now() + 1_000));

  await caseWorkerPage(page);
  await page.goto(referralsTab(p.c));
  const card = page.locator('.referral-cards > li').filter({ hasText: NGO });
  await expect(card).toContainText('Lewat tenggat');
  await expect(card).toContainText('Tenggat lewat');
  await expect(page.getByText('1 rujukan belum dijawab melewati tenggat.')).toBeVisible();
  // The sender's own box, filtered to the overdue.
  const sent = await inboxRow(page, p.c.reference, 'Lewat tenggat');
  await expect(sent).toContainText('Lewat tenggat');
  await expect(sent).toContainText('Darurat');
  await expectSettledPageAccessible(page, testInfo, 'inbox (outgoing, overdue)');

  const focal = await focalPointPage(browser, testInfo);
  const row = await inboxRow(focal, p.c.reference, 'Lewat tenggat');
  await expect(row).toContainText('Lewat tenggat');
  await row.getByRole('link', { name: p.c.reference }).click();
  await expect(facts(focal)).toContainText('belum dijawab dan tenggat sudah lewat');
  // Someone else at the NGO acknowledges it meanwhile: this page is now stale, says so and reloads.
  const colleague = await apiSession(testInfo, demo.focalPoint);
  const acknowledged = await colleague.post(`/api/v1/referrals/${r.id}/transitions`, { data: { to: 'acknowledged', version: r.version } });
  expect(acknowledged.status(), await acknowledged.text()).toBe(200);
  await colleague.dispose();
  await focal.getByRole('button', { name: 'Terima rujukan' }).click();
  await expect(focal.getByRole('alert').filter({ hasText: 'Rujukan ini baru saja diubah orang lain.' })).toBeVisible();
  await expect(facts(focal)).toContainText('Sudah dibaca');
  // Answering (now on the stored version) ends the overdue state.
  await focal.getByRole('button', { name: 'Terima rujukan' }).click();
  await expect(facts(focal)).toContainText('Diterima');
  await expect(focal.locator('.referral-head')).not.toContainText('Lewat tenggat');
  await focal.context().close();
});

test("withdrawing consent shrinks the receiver's view of the person", async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const p = await prepareCase(testInfo);
  await sendByApi(testInfo, p, { sharedFields: ['first_name', 'full_name', 'sex', 'age_band', 'languages', 'needs', 'contact'] });

  const focal = await focalPointPage(browser, testInfo);
  await openFromInbox(focal, p.c.reference);
  await expect(shared(focal)).toContainText(`Nama lengkap${p.given} ${p.surname}`);
  await expect(shared(focal)).toContainText(p.phone);

  // The case worker records the withdrawal on the case's consent tab.
  await caseWorkerPage(page);
  await page.goto(`/cases/${p.c.id}?tab=consent`);
  const sharing = page.locator('.consent-list > li').filter({ hasText: 'Berbagi data untuk rujukan' });
  await sharing.getByRole('button', { name: 'Cabut persetujuan: Berbagi data untuk rujukan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cabut persetujuan untuk Berbagi data untuk rujukan?' });
  await dialog.getByLabel('Alasan pencabutan').fill('Tidak ingin datanya dibagikan lagi.');
  await dialog.getByRole('button', { name: 'Cabut persetujuan' }).click();
  await expect(dialog).toBeHidden();

  await focal.reload();
  await expect(focal.getByRole('heading', { level: 1, name: `Rujukan ${p.c.reference}` })).toBeVisible();
  await expect(shared(focal)).toContainText('Orang ini mencabut persetujuannya');
  await expect(shared(focal)).toContainText('Tidak lagi dibagikan:');
  await expect(focal.getByRole('main')).not.toContainText(p.surname);
  await expect(focal.getByRole('main')).not.toContainText(p.phone);
  // The severity and description of the needs were shared under the consent too.
  await expect(focal.getByRole('main')).not.toContainText('Konseling trauma setelah kerja paksa.');
  // The referral itself stays: the need it addresses and the message.
  await expect(focal.getByRole('main')).toContainText('Konseling');
  await expectSettledPageAccessible(focal, testInfo, 'referral page after consent withdrawal');

  // The sender sees the same: what no longer travels.
  await page.goto(referralsTab(p.c));
  await page.locator('.referral-cards > li').filter({ hasText: NGO }).getByRole('link', { name: NGO }).click();
  await expect(shared(page)).toContainText('Persetujuan untuk berbagi data sudah dicabut');
  await focal.context().close();
});

test('what the receiving organisation cannot see: the case, and fields not shared', async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const p = await prepareCase(testInfo);
  const r = await sendByApi(testInfo, p);
  const focal = await focalPointPage(browser, testInfo);
  await openFromInbox(focal, p.c.reference);
  await expect(shared(focal)).toContainText(`Nama depan${p.given}`);
  const main = focal.getByRole('main');
  await expect(main).not.toContainText(p.surname);
  await expect(main).not.toContainText(p.phone);
  await expect(main).not.toContainText('Dipulangkan dari Johor');
  // No way to the case from the receiving side.
  await expect(focal.getByRole('link', { name: p.c.reference })).toHaveCount(0);
  const stored = await getJson<{ caseId: string | null; person: Record<string, unknown> }>(focal.request, `/api/v1/referrals/${r.id}`);
  expect(stored.caseId).toBeNull();
  expect(Object.keys(stored.person).sort()).toEqual(['ageBand', 'firstName', 'languages', 'sex']);

  // The case itself, and every part of it, answer not found.
  await focal.goto(`/cases/${p.c.id}`);
  await expect(focal.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
  await expect(focal.getByRole('main')).not.toContainText(p.c.reference);
  for (const part of ['', '/referrals', '/needs', '/consents', '/referral-options?organizationId=' + p.ngoId])
    expect((await focal.request.get(`/api/v1/cases/${p.c.id}${part}`)).status(), `GET /cases/:id${part}`).toBe(404);
  await focal.context().close();
});

test('in English: the send form, the outgoing box and a referral (axe)', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const worker = await createActiveUser(testInfo, ['case_worker'], 'rujuk', 'en');
  const p = await prepareCase(testInfo, { as: worker });
  await loginInLanguage(page, worker.email, worker.password, 'en');
  await page.goto(referralsTab(p.c));
  await page.getByRole('button', { name: 'Refer', exact: true }).click();
  const form = page.getByRole('region', { name: 'Refer to another service' });
  await form.getByLabel('Search receiving organisation').fill('Bina Pulih');
  await form.getByLabel('Receiving organisation', { exact: true }).selectOption({ label: `${NGO} (YBPN)` });
  await form.getByRole('button', { name: 'Refer to this organisation' }).click();
  await expect(form.getByText(`The person agreed to share their data with ${NGO}`)).toBeVisible();
  await expect(form.getByRole('group', { name: 'Data to share' }).getByRole('checkbox', { name: 'Home address · not consented' })).toBeDisabled();
  await expect(form.getByRole('region', { name: `What ${NGO} will see` })).toContainText(p.given);
  await expectSettledPageAccessible(page, testInfo, 'send form (en)');
  await form.getByRole('button', { name: 'Send the referral' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Referral sent to ${NGO}.` })).toBeVisible();

  await navigateTo(page, /^Referrals/);
  await expect(page.getByRole('heading', { level: 2, name: /^Sent/ })).toBeVisible();
  const row = page.locator('table.referral-table tbody tr').filter({ hasText: p.c.reference });
  await expect(row).toContainText('Sent');
  await expect(row).toContainText(NGO);
  await expectSettledPageAccessible(page, testInfo, 'inbox (en)');
  await row.getByRole('link', { name: p.c.reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Referral ${p.c.reference}` })).toBeVisible();
  await expect(page.getByRole('link', { name: /Download the referral letter \(PDF\)/ })).toHaveCount(2);
  const letter = await page.request.get(`/api/v1/referrals/${page.url().split('/').pop()}/letter?lang=en`);
  expect(letter.status()).toBe(200);
  expect(letter.headers()['content-type']).toContain('application/pdf');
  await expectSettledPageAccessible(page, testInfo, 'referral page (en)');
});


test('without consent it cannot be sent, unless a supervisor overrides in the best interest; the override is reviewed', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const p = await prepareCase(testInfo, { consentFields: null });
  const chooseNgo = async (form: ReturnType<Page['getByRole']>) => {
    await form.getByLabel('Cari organisasi penerima').fill('Bina Pulih');
    await form.getByLabel('Organisasi penerima', { exact: true }).selectOption({ label: `${NGO} (YBPN)` });
    await form.getByRole('button', { name: 'Rujuk ke organisasi ini' }).click();
  };

  // The case worker: a clear notice, a way to the consent tab, and nothing to send.
  await caseWorkerPage(page);
  await page.goto(referralsTab(p.c));
  await page.getByRole('button', { name: 'Rujuk', exact: true }).click();
  const form = page.getByRole('region', { name: 'Rujuk ke layanan lain' });
  await chooseNgo(form);
  await expect(form.getByText(`Belum ada persetujuan untuk berbagi data dengan ${NGO}.`)).toBeVisible();
  await expect(form.getByRole('link', { name: 'Buka Persetujuan' })).toHaveAttribute('href', new RegExp(`/cases/${p.c.id}\\?tab=consent`));
  await expect(form.getByRole('button', { name: 'Kirim rujukan' })).toHaveCount(0);
  await expect(form.getByText('Kirim tanpa persetujuan (kepentingan terbaik)')).toHaveCount(0);
  await expectSettledPageAccessible(page, testInfo, 'send form without consent');

  // The supervisor may override, with a reason and a justification.
  const sup = await (await freshContext(browser, testInfo)).newPage();
  await loginInLanguage(sup, demo.supervisor, DEMO_PASSWORD, 'id');
  await sup.goto(referralsTab(p.c));
  await sup.getByRole('button', { name: 'Rujuk', exact: true }).click();
  const supForm = sup.getByRole('region', { name: 'Rujuk ke layanan lain' });
  await chooseNgo(supForm);
  const override = supForm.getByRole('group', { name: 'Kirim tanpa persetujuan (kepentingan terbaik)' });
  await override.getByRole('checkbox', { name: 'Saya mengirim demi kepentingan terbaik orang ini' }).check();
  await override.getByRole('radio', { name: 'Ancaman terhadap nyawa' }).check();
  await supForm.getByRole('button', { name: 'Kirim rujukan' }).click();
  await expect(override.getByLabel('Penjelasan')).toHaveAttribute('aria-invalid', 'true');
  await override.getByLabel('Penjelasan').fill('Perekrut mencari korban di desa; perlu rumah aman malam ini.');
  await supForm.getByRole('group', { name: 'Data yang dibagikan' }).getByRole('checkbox', { name: /^Nomor telepon/ }).check();
  await expectSettledPageAccessible(sup, testInfo, 'send form with an override');
  await supForm.getByRole('button', { name: 'Kirim rujukan' }).click();
  await expect(sup.getByRole('status').filter({ hasText: `Rujukan terkirim ke ${NGO}.` })).toBeVisible();
  const card = sup.locator('.referral-cards > li').filter({ hasText: NGO });
  await expect(card).toContainText('Tanpa persetujuan — perlu ditinjau');

  // Flagged for review in the supervisor's outgoing box.
  await navigateTo(sup, /^Rujukan/);
  await sup.getByRole('navigation', { name: 'Kotak rujukan' }).getByRole('link', { name: /^Keluar/ }).click();
  await sup.getByRole('navigation', { name: 'Saring menurut status' }).getByRole('link', { name: 'Perlu ditinjau', exact: true }).click();
  await sup.getByRole('searchbox', { name: 'Nomor kasus' }).fill(p.c.reference);
  await sup.getByRole('search', { name: 'Cari rujukan' }).getByRole('button', { name: 'Cari' }).click();
  const row = sup.locator('table.referral-table tbody tr').filter({ hasText: p.c.reference });
  await expect(row).toContainText('Tanpa persetujuan — perlu ditinjau');
  await expectSettledPageAccessible(sup, testInfo, 'inbox (outgoing, to review)');
  await row.getByRole('link', { name: p.c.reference }).click();

  const section = sup.getByRole('region', { name: 'Dikirim tanpa persetujuan' });
  await expect(section).toContainText('Ancaman terhadap nyawa');
  await expect(section).toContainText('Perekrut mencari korban di desa');
  await expect(section).toContainText('Belum ditinjau');
  await section.getByRole('button', { name: 'Simpan peninjauan' }).click();
  await expect(section.getByLabel('Catatan peninjauan')).toHaveAttribute('aria-invalid', 'true');
  await section.getByLabel('Catatan peninjauan').fill('Dibenarkan: ancaman nyata, persetujuan dicatat setelah korban aman.');
  await section.getByRole('button', { name: 'Simpan peninjauan' }).click();
  await expect(sup.getByRole('status').filter({ hasText: 'Peninjauan tersimpan.' })).toBeVisible();
  await expect(section).toContainText('Ditinjau oleh Dewi Lestari');
  await expect(history(sup)).toContainText('Pengiriman tanpa persetujuan ditinjau');
  await expectSettledPageAccessible(sup, testInfo, 'referral page with a reviewed override');

  // The receiver sees that it came without consent, not the justification.
  const focal = await focalPointPage(browser, testInfo);
  await openFromInbox(focal, p.c.reference);
  await expect(focal.locator('.referral-head')).toContainText('Tanpa persetujuan — sudah ditinjau');
  await expect(shared(focal)).toContainText(p.phone);
  await expect(focal.getByRole('main')).not.toContainText('Perekrut mencari korban di desa');
  await focal.context().close();
  await sup.context().close();
});
