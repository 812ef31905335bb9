// Issue 5's whole journey in one browser test, on one new case, each person in their own browser:
// BP3MI Jawa Timur's case worker records the person's consent to a transfer naming Dinas Sosial
// Provinsi Jawa Timur, plans the return (an SPLP, a flight to Juanda and a bus home), marks the
// documents ready and the departure, records the arrival at Juanda with who received the person,
// and the arrival home; proposes the transfer keeping a read-only view; the Dinsos supervisor
// accepts it from the approvals page and assigns the Dinsos case worker; BP3MI no longer reaches
// the case but reads what it recorded. The Dinsos case worker builds a plan (three items in
// different dimensions), the supervisor approves it; she does two sustainability surveys (the
// arrival date came from the journey) and sees the trend, records a police report and a stage
// step, completes the plan items with their outcomes and requests closure; the supervisor sees
// the checklist complete and approves; the case is closed. What another organisation cannot see:
// the NGO's focal point, and BP3MI after the transfer, get the not-found page on the case and 404
// from the API for the case and every part of it. The steps and selectors are those of the
// parts' own specs (returns, transfers, plans, surveys, legal, closure, referrals). axe runs on
// the journey, the proposal, the read-only view, the approved plan, the trend, the legal tab, the
// approval dialog, the closed case and the not-found page.
import crypto from 'node:crypto';
import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import { apiSession, demo, DEMO_PASSWORD, expect, expectSettledPageAccessible, freshContext, getJson, inventedSurname, loginInLanguage, navigateTo, test, type Me } from './support';

const bp3mi = { caseWorker: 'caseworker.bp3mi@demo.pulang.example', supervisor: 'supervisor.bp3mi@demo.pulang.example' };
const BP3MI = 'Balai Pelayanan Pelindungan Pekerja Migran Indonesia Jawa Timur';
const DINSOS = 'Dinas Sosial Provinsi Jawa Timur';
const DINSOS_WORKER = 'Siti Nurhaliza Rahman';
const DINSOS_SUPERVISOR = 'Dewi Lestari';

interface CaseOut {
  id: string;
  reference: string;
  version: number;
  person: { id: string; fullName: string };
}
interface Option {
  code: string;
  label: { id: string; en: string };
}
interface Question {
  code: string;
  text: { id: string; en: string };
  options: Option[];
}
interface ModelDetail {
  definition: { questions: Question[] };
}

const jakartaDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
/** A moment from now as a datetime-local value (the browser runs on this machine's clock and zone). */
function local(hoursFromNow: number): string {
  const d = new Date(Date.now() + hoursFromNow * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * A new inbound case of a new person from Kabupaten Blitar, registered and taken by BP3MI's case
 * worker, with a need, moved on to return planning (the stages are not what this test is about).
 */
async function bp3miCase(testInfo: TestInfo): Promise<{ c: CaseOut; bp3miId: string; given: string; surname: string }> {
  const api = await apiSession(testInfo, bp3mi.caseWorker);
  try {
    const me = await getJson<Me>(api, '/api/v1/auth/me');
    const surname = inventedSurname();
    const given = ['Sulastri', 'Ratna', 'Yuliani', 'Wartini'][crypto.randomInt(4)]!;
    const res = await api.post('/api/v1/cases', {
      data: {
        person: {
          fullName: `${given} ${surname}`,
          sex: 'female',
          birth: { kind: 'estimated_year', year: 1991 },
          nationality: 'ID',
          languages: ['jv', 'id'],
          // Panggungduwet, Kademangan, Kabupaten Blitar, Jawa Timur.
          homeVillageCode: '35.05.04.2001',
        },
        caseType: 'presumed_victim',
        direction: 'inbound',
        destinationCountries: ['MY'],
        riskLevel: 'high',
        flags: [],
        summary: 'Direkrut calo; bekerja di kebun sawit Sabah tanpa gaji sembilan bulan. Pulang dengan SPLP.',
        assignToMe: true,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const c = (await res.json()) as CaseOut;
    const need = await api.post(`/api/v1/cases/${c.id}/needs`, { data: { type: 'livelihood', severity: 'high', description: 'Ingin membuka usaha jahit di rumah.' } });
    expect(need.status(), await need.text()).toBe(201);
    let version = c.version;
    for (const to of ['screening', 'assessment', 'return_planning']) {
      const moved = await api.post(`/api/v1/cases/${c.id}/transitions`, { data: { version, to } });
      expect(moved.status(), await moved.text()).toBe(200);
      version = ((await moved.json()) as { version: number }).version;
    }
    return { c, bp3miId: me.organization.id, given, surname };
  } finally {
    await api.dispose();
  }
}

/** Moves the case on through the API, as whoever the request context is signed in as. */
async function moveStage(page: Page, caseId: string, stages: string[]) {
  for (const to of stages) {
    const { version } = await getJson<{ version: number }>(page.request, `/api/v1/cases/${caseId}`);
    const moved = await page.request.post(`/api/v1/cases/${caseId}/transitions`, { data: { version, to } });
    expect(moved.status(), await moved.text()).toBe(200);
  }
}

async function pageAs(browser: Browser, testInfo: TestInfo, email: string): Promise<Page> {
  const context = await freshContext(browser, testInfo);
  const page = await context.newPage();
  await loginInLanguage(page, email, DEMO_PASSWORD, 'id');
  return page;
}

const head = (page: Page) => page.locator('header.case-head');
const part = (page: Page) => page.locator('section.case-part');
const field = (scope: Page | Locator, label: string) =>
  scope.getByLabel(label, { exact: true }).and(scope.locator('input:not([type=radio]):not([type=checkbox]), select, textarea'));
const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

async function openCase(page: Page, c: CaseOut, tab?: string) {
  await page.goto(`/cases/${c.id}${tab ? `?tab=${tab}` : ''}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(c.reference) })).toBeVisible();
}

/** The approvals page of a supervisor, and the row of the case in one of its sections. */
async function approvalsRow(page: Page, section: RegExp, reference: string): Promise<Locator> {
  await navigateTo(page, 'Perlu keputusan');
  await expect(page.getByRole('heading', { level: 1, name: 'Perlu keputusan' })).toBeVisible();
  // The app keeps what it fetched for 30 s, so a supervisor coming back to the page within that
  // time sees the lists as they were (what was submitted meanwhile elsewhere is not there yet).
  await page.reload();
  const row = page.getByRole('region', { name: section }).locator('tbody tr').filter({ hasText: reference });
  await expect(row).toHaveCount(1);
  return row;
}

/** Answers a survey form: for each question the option at `pick(question)`. */
async function answer(page: Page, model: ModelDetail, pick: (q: Question) => number) {
  const form = page.getByRole('region', { name: /^Lakukan survei/ });
  for (const q of model.definition.questions) {
    await form.getByRole('group', { name: q.text.id, exact: true }).getByLabel(q.options[pick(q)]!.label.id, { exact: true }).check();
  }
}

// A step that cannot happen fails within half a minute rather than at the end of the long test.
test.use({ actionTimeout: 30_000 });

test('after the return: journey, transfer, plan, surveys, legal step and closure, and what another organisation cannot see', async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const { c, bp3miId, given, surname } = await bp3miCase(testInfo);
  const fullName = `${given} ${surname}`;

  // ---------------------------------------------------------------------------------------------
  // 1. BP3MI: the person's consent to a transfer, then the return journey up to home.
  await loginInLanguage(page, bp3mi.caseWorker, DEMO_PASSWORD, 'id');
  await openCase(page, c, 'consent');
  await expect(page.getByRole('heading', { level: 2, name: 'Persetujuan' })).toBeVisible();
  const cp = part(page);
  await field(cp, 'Tujuan').selectOption({ label: 'Pengalihan kasus ke lembaga lain' });
  await field(cp, 'Cari organisasi tertentu').fill('Jawa Timur');
  await field(cp, 'Organisasi tertentu').selectOption({ label: `${DINSOS} (Dinsos Jatim)` });
  await cp.getByRole('radio', { name: 'Ditandatangani' }).check();
  await cp.getByRole('button', { name: 'Catat persetujuan' }).click();
  await expect(status(page, 'Persetujuan dicatat: Pengalihan kasus ke lembaga lain.')).toBeVisible();

  await page.getByRole('navigation', { name: 'Bagian kasus' }).getByRole('link', { name: 'Perjalanan' }).click();
  await expect(page.getByRole('heading', { name: 'Perjalanan', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Rencanakan perjalanan' }).click();
  const form = page.getByRole('region', { name: 'Rencanakan perjalanan' });
  await form.getByLabel('Izin medis', { exact: true }).selectOption('cleared');
  await form.getByLabel('Pendamping', { exact: true }).selectOption('case_worker');
  await form.getByLabel('Nama pendamping').fill('Staf perlindungan KJRI Kota Kinabalu');
  await form.getByLabel('Uang saku (Rp)').fill('750.000');
  await form.getByLabel('Pintu masuk kedatangan').selectOption('SUB');
  await form.getByLabel('Perkiraan waktu tiba').fill(local(-1));
  await form.getByLabel('Lembaga penerima di pintu masuk', { exact: true }).selectOption(bp3miId);
  await form.getByRole('button', { name: 'Tambah dokumen' }).click();
  const doc = form.getByRole('group', { name: 'Dokumen 1' });
  await doc.getByLabel('Jenis dokumen').selectOption('splp');
  await doc.getByLabel('Status dokumen').selectOption('issued');
  await doc.getByLabel('Nomor dokumen').fill(`SPLP-BKI-2026-${crypto.randomInt(1000, 9999)}`);
  await doc.getByLabel('Penerbit').fill('KJRI Kota Kinabalu');
  await form.getByRole('button', { name: 'Tambah rute ke pintu masuk' }).click();
  const flight = form.getByRole('group', { name: 'Rute 1' });
  await flight.getByLabel('Dari', { exact: true }).fill('Kota Kinabalu (BKI)');
  await flight.getByLabel('Negara asal rute').selectOption('MY');
  await flight.getByLabel('Ke', { exact: true }).fill('Bandara Juanda');
  await flight.getByLabel('Negara tujuan rute').selectOption('ID');
  await flight.getByLabel('Waktu berangkat').fill(local(-4));
  await flight.getByLabel('Waktu tiba').fill(local(-1));
  await flight.getByLabel('Maskapai atau operator').fill('AirAsia');
  await flight.getByLabel('Nomor penerbangan atau pelayaran').fill('QZ 2381');
  await form.getByRole('button', { name: 'Tambah rute lanjutan ke kampung halaman' }).click();
  const bus = form.getByRole('group', { name: 'Rute 2' });
  await bus.getByLabel('Dari', { exact: true }).fill('Terminal Purabaya');
  await bus.getByLabel('Ke', { exact: true }).fill('Panggungduwet, Kabupaten Blitar');
  await form.getByRole('button', { name: 'Simpan rencana' }).click();
  await expect(status(page, 'Perjalanan direncanakan.')).toBeVisible();

  const journey = page.getByRole('article', { name: /Kepulangan ke Indonesia/ });
  await expect(journey.getByText('AirAsia QZ 2381')).toBeVisible();
  // Each step when it happened: the documents yesterday, the flight, the arrival an hour ago, home now.
  const step = async (button: string, recorded: string, at?: string, fill?: (panel: Locator) => Promise<void>) => {
    await journey.getByRole('button', { name: button }).click();
    const panel = journey.getByRole('region', { name: button });
    if (at) await field(panel, 'Waktu kejadian').fill(at);
    if (fill) await fill(panel);
    await panel.getByRole('button', { name: 'Catat', exact: true }).click();
    await expect(status(page, `Tercatat: ${recorded}.`)).toBeVisible();
  };
  const arrivedAt = new Date(Date.now() - 3_600_000);
  await step('Tandai dokumen siap', 'Dokumen siap', local(-26));
  await step('Catat keberangkatan', 'Berangkat', local(-4));
  await step('Catat kedatangan', 'Tiba', local(-1), async (panel) => {
    await expect(panel.getByLabel('Pintu masuk kedatangan')).toHaveValue('SUB');
    await panel.getByLabel('Diterima oleh').fill('Pak Hadi, petugas pos BP3MI Juanda, dan kakak kandung');
  });
  await expect(journey.getByText('Pak Hadi, petugas pos BP3MI Juanda, dan kakak kandung')).toBeVisible();
  await step('Catat sampai di rumah', 'Sampai di rumah');
  await expect(journey.getByRole('button', { name: /^(Tandai|Catat|Batalkan) / })).toHaveCount(0);
  await expect(journey.getByRole('list').filter({ hasText: 'Dicatat oleh' }).getByRole('listitem')).toHaveCount(5);
  await expectSettledPageAccessible(page, testInfo, 'journey reached home');
  // Home: the work there begins (the stage moves are not this test's subject).
  await moveStage(page, c.id, ['in_return', 'reintegration']);

  // ---------------------------------------------------------------------------------------------
  // 2. BP3MI proposes the transfer, keeping a read-only view; the Dinsos supervisor accepts it.
  await page.reload();
  await head(page).getByRole('button', { name: 'Alihkan kasus' }).click();
  const transfer = page.getByRole('dialog', { name: `Alihkan kasus ${c.reference}` });
  await field(transfer, 'Cari lembaga penerima').fill('Jawa Timur');
  await field(transfer, 'Lembaga penerima').selectOption({ label: `${DINSOS} (Dinsos Jatim)` });
  await field(transfer, 'Alasan pengalihan').fill('Sudah tiba di rumah di Kabupaten Blitar; reintegrasi didampingi dinas sosial provinsi.');
  await transfer.getByRole('checkbox', { name: /tetap dapat melihat \(baca-saja\)/ }).check();
  await transfer.getByRole('button', { name: 'Kirim usulan' }).click();
  await expect(transfer).toBeHidden();
  await expect(status(page, `Usulan pengalihan dikirim ke ${DINSOS}`)).toBeVisible();
  await expect(head(page).locator('.transfer-banner')).toContainText('Usulan pengalihan menunggu jawaban.');

  const dsup = await pageAs(browser, testInfo, demo.supervisor);
  const proposal = await approvalsRow(dsup, /^Usulan pengalihan masuk/, c.reference);
  await expect(proposal).toContainText(BP3MI);
  await proposal.getByRole('link', { name: c.reference }).click();
  await expect(dsup.getByRole('heading', { level: 1, name: `Pengalihan kasus ${c.reference}` })).toBeVisible();
  const summary = dsup.getByRole('region', { name: 'Ringkasan untuk memutuskan' });
  await expect(summary).toContainText(given);
  await expect(summary).toContainText('Kabupaten Blitar');
  await expect(dsup.locator('main')).not.toContainText(surname);
  await expectSettledPageAccessible(dsup, testInfo, 'transfer proposal (receiver)');
  const accept = dsup.getByRole('form', { name: 'Terima kasus' });
  const holder = await accept.locator('option', { hasText: DINSOS_WORKER }).getAttribute('value');
  await field(accept, 'Tugaskan kepada').selectOption(holder!);
  await accept.getByRole('button', { name: 'Terima kasus' }).click();
  await expect(status(dsup, 'Kasus diterima dan kini menjadi kasus lembaga Anda.')).toBeVisible();

  // BP3MI no longer reaches the case; it reads what it recorded, read only.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(surname);
  await navigateTo(page, 'Pengalihan');
  // A case worker has only the outgoing box.
  await expect(page.getByRole('heading', { level: 2, name: 'Keluar' })).toBeVisible();
  await page.getByRole('group', { name: 'Saring menurut status' }).getByRole('button', { name: /^Selesai/ }).click();
  const sent = page.locator('table.transfer-table tbody tr').filter({ hasText: c.reference });
  await expect(sent).toContainText('Diterima');
  await sent.getByRole('link', { name: c.reference }).click();
  const record = page.getByRole('region', { name: 'Catatan kami hingga pengalihan (baca-saja)' });
  await expect(record).toContainText(fullName);
  await expect(record).toContainText('Ingin membuka usaha jahit di rumah.');
  await expect(record).toContainText('Pengalihan kasus ke lembaga lain');
  await expect(page.getByRole('link', { name: c.reference })).toHaveCount(0);
  await expectSettledPageAccessible(page, testInfo, 'read-only view (sender)');

  // ---------------------------------------------------------------------------------------------
  // 3. The Dinsos case worker holds the case, with the journey BP3MI recorded; she builds a plan.
  const worker = await pageAs(browser, testInfo, demo.caseWorker);
  await openCase(worker, c, 'journey');
  await expect(head(worker)).toContainText(DINSOS_WORKER);
  await expect(head(worker)).toContainText(`Kasus ini dialihkan dari ${BP3MI}`);
  await expect(worker.getByRole('article', { name: /Kepulangan ke Indonesia/ }).getByText('Pak Hadi, petugas pos BP3MI Juanda, dan kakak kandung')).toBeVisible();

  await worker.getByRole('navigation', { name: 'Bagian kasus' }).getByRole('link', { name: 'Rencana' }).click();
  await expect(worker.getByText('Kasus ini belum memiliki rencana reintegrasi.')).toBeVisible();
  await worker.getByRole('button', { name: 'Susun rencana' }).click();
  await worker.getByLabel('Tujuan').fill('Membuka usaha jahit di rumah dan pulih dari pengalaman kerja paksa dalam enam bulan.');
  await worker.getByRole('button', { name: 'Buat draf' }).click();
  const draft = worker.getByRole('region', { name: 'Versi 1 yang sedang disusun Draf' });
  await expect(draft).toBeVisible();
  const items = [
    { dimension: 'Ekonomi', what: 'Mesin jahit dan modal bahan kain', budget: '3.500.000', need: 'Mata pencaharian', outcome: 'Mesin jahit diterima; pesanan seragam sekolah pertama selesai.' },
    { dimension: 'Psikososial', what: 'Konseling trauma empat sesi', budget: '800.000', outcome: 'Empat sesi selesai; tidur kembali normal.' },
    { dimension: 'Dokumen kependudukan', what: 'Pengurusan KTP-el baru', budget: '', outcome: 'KTP-el baru sudah diterima.' },
  ];
  for (const i of items) {
    await worker.getByRole('button', { name: 'Tambah butir', exact: true }).click();
    const itemForm = worker.getByRole('form', { name: 'Tambah butir rencana' });
    if (i.need) await itemForm.getByLabel('Kebutuhan yang dijawab').selectOption({ label: i.need });
    await itemForm.getByLabel('Dimensi').selectOption({ label: i.dimension });
    await itemForm.getByLabel('Kegiatan', { exact: true }).fill(i.what);
    await itemForm.getByLabel('Anggaran (rupiah)').fill(i.budget);
    await itemForm.getByRole('button', { name: 'Tambah butir' }).click();
    await expect(itemForm).toHaveCount(0);
    await expect(draft.getByText(i.what, { exact: true })).toBeVisible();
  }
  await expect(draft.getByText(/Total anggaran:\s*Rp\s*4\.300\.000/)).toBeVisible();
  await worker.getByRole('button', { name: 'Ajukan untuk disetujui' }).click();
  await expect(status(worker, 'Rencana versi 1 diajukan untuk disetujui.')).toBeVisible();

  // The supervisor finds it among the decisions waiting, and approves.
  const planRow = await approvalsRow(dsup, /^Rencana reintegrasi menunggu persetujuan/, c.reference);
  await expect(planRow).toContainText('Versi 1 · 3 butir');
  await planRow.getByRole('link', { name: c.reference }).click();
  const submitted = dsup.getByRole('region', { name: 'Versi 1 yang sedang disusun Menunggu persetujuan' });
  await expect(submitted.getByRole('heading', { name: 'Keputusan penyelia' })).toBeVisible();
  await field(submitted, 'Catatan').fill('Disetujui; dahulukan KTP-el.');
  await submitted.getByRole('button', { name: 'Setujui rencana' }).click();
  await expect(status(dsup, 'Rencana versi 1 disetujui dan kini berlaku.')).toBeVisible();

  await worker.reload();
  const current = worker.getByRole('region', { name: 'Rencana yang berlaku (versi 1) Disetujui' });
  await expect(current.getByText('Disetujui; dahulukan KTP-el.')).toBeVisible();
  await expectSettledPageAccessible(worker, testInfo, 'approved plan');

  // ---------------------------------------------------------------------------------------------
  // 4. Two surveys: the arrival date is the journey's; the trend shows the change.
  const model = await getJson<ModelDetail>(worker.request, '/api/v1/sustainability/models/active');
  const arrivedOn = jakartaDay(arrivedAt);
  expect((await getJson<{ arrivedOn: string }>(worker.request, `/api/v1/cases/${c.id}/surveys`)).arrivedOn).toBe(arrivedOn);
  await worker.getByRole('navigation', { name: 'Bagian kasus' }).getByRole('link', { name: 'Survei' }).click();
  await expect(worker.getByRole('heading', { level: 2, name: 'Survei' })).toBeVisible();
  const shownArrival = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium' }).format(new Date(arrivedOn));
  await expect(worker.getByText(`Tiba di rumah pada ${shownArrival}.`)).toBeVisible();
  const schedule = worker.getByRole('region', { name: 'Jadwal dan hasil survei' });
  const first = schedule.getByRole('article', { name: /^Survei ke-1 · 3 bulan setelah kedatangan/ });
  await expect(first.getByText('Terjadwal')).toBeVisible();

  // The first survey, done early, with answers near the bottom of each scale (composite 0.42).
  await first.getByRole('button', { name: 'Lakukan survei: Survei ke-1 · 3 bulan setelah kedatangan' }).click();
  await answer(worker, model, () => 1);
  await worker.getByRole('region', { name: /^Lakukan survei/ }).getByRole('button', { name: 'Simpan dan nilai survei' }).click();
  const result = worker.getByRole('region', { name: 'Hasil survei', exact: true });
  await expect(result.getByRole('heading', { name: 'Hasil survei', exact: true })).toBeFocused();
  await expect(result.locator('.dl-row').filter({ has: worker.getByRole('term').filter({ hasText: /^Skor gabungan$/ }) })).toContainText(/0,42 \(42\s?%\)/);
  await expect(first.getByText('Selesai', { exact: true })).toBeVisible();

  // A second one, outside the schedule, with the best answers.
  await worker.getByRole('button', { name: 'Catat survei di luar jadwal' }).click();
  await answer(worker, model, (q) => q.options.length - 1);
  await worker.getByRole('region', { name: /^Lakukan survei/ }).getByRole('button', { name: 'Simpan dan nilai survei' }).click();
  await expect(worker.getByRole('region', { name: 'Hasil survei', exact: true }).getByText(/1,00 \(100\s?%\)/).first()).toBeVisible();
  // Both surveys are of the same day (the arrival was today): the one done first comes first.
  // Soft checks (here and at the closure checklist): the journey goes on, and the test reports
  // what went wrong at the end. (Found failing: the server's trend breaks a same-day tie by the
  // schedule's order, trendOf in src/reintegration/sustainability/surveys.ts, so it ran 100 % → 42 %.)
  const trend = worker.getByRole('region', { name: 'Perkembangan' });
  await expect(trend.getByRole('img', { name: /^Perkembangan Skor gabungan 2 survei: dari \d+\s?% .* menjadi \d+\s?%/ })).toBeVisible();
  await expect(trend.getByRole('img', { name: /^Perkembangan Skor gabungan 2 survei: dari 42\s?% .* menjadi 100\s?%/ }), 'the trend runs from the first survey to the second').toBeVisible();
  await trend.getByText('Tampilkan nilai dalam tabel').click();
  const rows = trend.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1), 'the first survey is the first row').toContainText('0,42 (42');
  await expect(rows.nth(2), 'the second survey is the second row').toContainText('1,00 (100');
  await expectSettledPageAccessible(worker, testInfo, 'survey trend');

  // ---------------------------------------------------------------------------------------------
  // 5. The legal track: the police report, then the investigation opens.
  const today = jakartaDay(new Date());
  await worker.getByRole('navigation', { name: 'Bagian kasus' }).getByRole('link', { name: 'Hukum' }).click();
  await expect(worker.getByText('Jalur hukum kasus ini belum dicatat.')).toBeVisible();
  const report = `LP/B/${crypto.randomInt(100, 999)}/XI/2026/SPKT/POLRES BLITAR`;
  const track = worker.getByRole('region', { name: 'Catat jalur hukum' });
  await track.getByLabel('Nomor laporan polisi').fill(report);
  await track.getByLabel('Tanggal laporan polisi').fill(today);
  await track.getByLabel('Instansi penyidik').selectOption({ label: 'Polres' });
  await track.getByLabel('Unit', { exact: true }).fill('Unit PPA Satreskrim Polres Blitar');
  await track.getByRole('button', { name: 'Catat jalur hukum' }).click();
  await expect(status(worker, 'Jalur hukum tercatat.')).toBeVisible();
  const legal = worker.getByRole('region', { name: /^Keadaan sekarang/ });
  await expect(legal.getByText(report)).toBeVisible();
  const legalStep = worker.getByRole('region', { name: 'Catat langkah' });
  await legalStep.getByLabel('Jenis langkah').selectOption({ label: 'Pindah tahap' });
  await legalStep.getByLabel('Tahap baru').selectOption({ label: 'Penyidikan' });
  await legalStep.getByLabel('Tanggal kejadian').fill(today);
  await legalStep.getByLabel('Catatan (tidak wajib)').fill('Penyidik menerbitkan surat perintah penyidikan.');
  await legalStep.getByRole('button', { name: 'Simpan langkah' }).click();
  await expect(status(worker, 'pindah ke tahap Penyidikan')).toBeVisible();
  await expect(legal.getByText('Penyidikan', { exact: true })).toBeVisible();
  const timeline = worker.getByRole('region', { name: 'Langkah-langkah' });
  await expect(timeline.getByRole('listitem')).toHaveCount(2);
  await expect(timeline.getByRole('listitem').nth(1)).toContainText('Dilaporkan ke polisi → Penyidikan');
  await expectSettledPageAccessible(worker, testInfo, 'legal tab');

  // ---------------------------------------------------------------------------------------------
  // 6. The plan items are done, each with its outcome; closure is requested and approved.
  await worker.getByRole('navigation', { name: 'Bagian kasus' }).getByRole('link', { name: 'Rencana' }).click();
  for (const i of items) {
    const item = current.getByRole('article', { name: i.what });
    const progress = async (to: string, outcome?: string) => {
      await item.getByRole('button', { name: `Perbarui kemajuan: ${i.what}` }).click();
      await item.getByLabel('Status baru').selectOption({ label: to });
      if (outcome) await item.getByLabel('Hasil').fill(outcome);
      await item.getByRole('button', { name: 'Simpan kemajuan' }).click();
      await expect(item.getByText(to, { exact: true })).toBeVisible();
    };
    await progress('Berjalan');
    await progress('Selesai', i.outcome);
    await expect(item.getByText(i.outcome)).toBeVisible();
  }

  await head(worker).getByRole('button', { name: 'Ajukan penutupan' }).click();
  const request = worker.getByRole('dialog', { name: `Ajukan penutupan kasus ${c.reference}` });
  const checklist = request.getByRole('list', { name: 'Daftar periksa penutupan' });
  // The checklist as it stands now, after the items and surveys done on this page. (Found
  // failing: the case header keeps the checklist it loaded with the page; plan progress and
  // surveys do not refresh it.)
  await expect(checklist, 'the checklist counts the plan items just completed').toContainText('Semua 3 butir rencana reintegrasi selesai atau dibatalkan.');
  await expect(checklist, 'the checklist counts the surveys just done').toContainText('Survei keberlanjutan sudah dilakukan (2), tidak ada yang tertunggak.');
  await expect(checklist).toContainText('Tidak ada rujukan yang masih terbuka.');
  await expect(checklist).toContainText('Tidak ada usulan pengalihan yang menunggu jawaban.');
  await field(request, 'Alasan penutupan').selectOption({ label: 'Berhasil direintegrasi' });
  // The checklist is complete, so no reason needs the supervisor's acknowledgement.
  await expect(request).not.toContainText('Dengan alasan ini penyelia hanya dapat menyetujui');
  await field(request, 'Penjelasan').fill('Usaha jahit berjalan, KTP-el baru sudah ada, dan skor keberlanjutan naik ke 100 %.');
  await request.getByRole('button', { name: 'Ajukan penutupan' }).click();
  await expect(request).toBeHidden();
  await expect(status(worker, 'Permintaan penutupan diajukan (Berhasil direintegrasi)')).toBeVisible();

  const closureRow = await approvalsRow(dsup, /^Permintaan penutupan/, c.reference);
  await expect(closureRow).toContainText('Berhasil direintegrasi');
  await expect(closureRow).toContainText('Lengkap');
  await closureRow.getByRole('link', { name: c.reference }).click();
  await expect(dsup.getByRole('heading', { level: 1, name: new RegExp(c.reference) })).toBeVisible();
  await head(dsup).getByRole('button', { name: 'Setujui penutupan' }).click();
  const approve = dsup.getByRole('dialog', { name: `Setujui penutupan kasus ${c.reference}` });
  await expect(approve).toContainText('Daftar periksa lengkap.');
  await expect(approve).toContainText('Usaha jahit berjalan');
  await expect(approve.getByRole('checkbox')).toHaveCount(0);
  await field(approve, 'Catatan (opsional)').fill('Disetujui. Pemantauan hukum berlanjut melalui Unit PPA.');
  await expectSettledPageAccessible(dsup, testInfo, 'closure approval dialog');
  await approve.getByRole('button', { name: 'Setujui dan tutup kasus' }).click();
  await expect(approve).toBeHidden();
  await expect(status(dsup, `Kasus ${c.reference} ditutup.`)).toBeVisible();
  await expect(head(dsup)).toContainText('Ditutup');
  await expect(head(dsup)).toContainText('Berhasil direintegrasi');
  await expect(head(dsup)).toContainText(`Penutupan disetujui oleh ${DINSOS_SUPERVISOR}`);
  await expect(head(dsup)).not.toContainText('Daftar periksa belum lengkap dan diakui oleh penyelia.');

  await worker.reload();
  await expect(head(worker)).toContainText('Ditutup');
  await expect(head(worker).getByRole('button', { name: 'Ajukan penutupan' })).toHaveCount(0);
  await expectSettledPageAccessible(worker, testInfo, 'closed case');

  // ---------------------------------------------------------------------------------------------
  // 7. What another organisation cannot see: the NGO, and BP3MI after the transfer.
  const plans = await getJson<{ current: { id: string } }>(worker.request, `/api/v1/cases/${c.id}/plans`);
  const surveys = await getJson<{ items: { id: string; status: string }[] }>(worker.request, `/api/v1/cases/${c.id}/surveys`);
  const journeys = await getJson<{ items: { id: string }[] }>(worker.request, `/api/v1/cases/${c.id}/journeys`);
  const doneSurveys = surveys.items.filter((s) => s.status === 'done');
  expect(doneSurveys).toHaveLength(2);
  const urls = [
    `/api/v1/cases/${c.id}`,
    `/api/v1/persons/${c.person.id}`,
    `/api/v1/cases/${c.id}/journeys`,
    `/api/v1/journeys/${journeys.items[0]!.id}`,
    `/api/v1/cases/${c.id}/plans`,
    `/api/v1/plans/${plans.current.id}`,
    `/api/v1/cases/${c.id}/surveys`,
    ...doneSurveys.map((s) => `/api/v1/surveys/${s.id}`),
    `/api/v1/cases/${c.id}/legal`,
    `/api/v1/cases/${c.id}/closure`,
  ];
  const ngo = await pageAs(browser, testInfo, demo.focalPoint);
  for (const [who, p] of [
    ['NGO focal point', ngo],
    ['BP3MI case worker', page],
  ] as const) {
    await p.goto(`/cases/${c.id}?tab=plan`);
    await expect(p.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
    await expect(p.getByRole('main')).not.toContainText(c.reference);
    await expect(p.getByRole('main')).not.toContainText(surname);
    for (const url of urls) expect((await p.request.get(url)).status(), `${who}: GET ${url}`).toBe(404);
  }
  await expectSettledPageAccessible(ngo, testInfo, 'not found (another organisation)');
  for (const p of [ngo, worker, dsup]) await p.context().close();
});
