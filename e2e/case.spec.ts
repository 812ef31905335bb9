// The case page, as a case worker and a supervisor use it: screening and the supervisor's
// determination, needs, notes (a sensitive one), tasks (an overdue one stands out), consent given
// and withdrawn, documents (upload, download, a wrong file refused at the field), stage moves, closing
// through an approved request and reopening, with their history, a stale edit in two pages, another organisation's user
// kept out, and axe on every part in both languages. Each test registers its own case through
// the API as the demo case worker.
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { APIRequestContext, Locator, Page, TestInfo } from '@playwright/test';
import {
  adminTotpSecret,
  apiSession,
  createActiveUser,
  DEMO_PASSWORD,
  demo,
  expect,
  expectAccessible,
  expectNoHorizontalScroll,
  freshContext,
  freshTotp,
  getJson,
  isPhone,
  login,
  strongPassword,
  switchLanguage,
  test,
  uniqueEmail,
} from './support';

interface CaseOut {
  id: string;
  reference: string;
  version: number;
  stage: string;
  person: { id: string; fullName: string };
}

const tabs = ['overview', 'screening', 'assessment', 'notes', 'tasks', 'consent', 'documents', 'history'] as const;
const tabNames = {
  id: ['Ringkasan', 'Skrining', 'Asesmen kebutuhan', 'Catatan', 'Tugas', 'Persetujuan', 'Dokumen', 'Riwayat'],
  en: ['Overview', 'Screening', 'Needs assessment', 'Notes', 'Tasks', 'Consent', 'Documents', 'History'],
};

/** A new case of a new person, registered and taken by the demo case worker. */
async function registerCase(testInfo: TestInfo, extra: Record<string, unknown> = {}, as: { email: string; password: string } = { email: demo.caseWorker, password: DEMO_PASSWORD }): Promise<CaseOut> {
  const api = await apiSession(testInfo, as.email, as.password);
  try {
    const name = `Uji Kasus ${testInfo.project.name} ${crypto.randomInt(100000, 999999)}`;
    const res = await api.post('/api/v1/cases', {
      data: {
        person: { fullName: name, sex: 'female', birth: { kind: 'estimated_year', year: 1994 }, nationality: 'ID', languages: ['id', 'jv'] },
        caseType: 'presumed_victim',
        direction: 'inbound',
        destinationCountries: ['MY'],
        riskLevel: 'medium',
        flags: [],
        summary: 'Dipulangkan dari Malaysia melalui Tanjung Pinang.',
        assignToMe: true,
        ...extra,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as CaseOut;
  } finally {
    await api.dispose();
  }
}

const casePath = (c: CaseOut, tab?: (typeof tabs)[number]) => `/cases/${c.id}${tab ? `?tab=${tab}` : ''}`;

async function openCase(page: Page, c: CaseOut, tab?: (typeof tabs)[number]) {
  await page.goto(casePath(c, tab));
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(c.reference) })).toBeVisible();
}

const part = (page: Page) => page.locator('section.case-part');
/** The form control (input, select or textarea) with this label. */
const field = (scope: Page | Locator, label: string | RegExp) =>
  scope.getByLabel(label, { exact: typeof label === 'string' }).and(scope.locator('input:not([type=radio]):not([type=checkbox]), select, textarea'));

/** The local date `days` from today, YYYY-MM-DD (the server counts days in Asia/Jakarta). */
function dayFromToday(days: number): string {
  const d = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** A case worker of another organisation (Yayasan Bina Pulih Nusantara), made by the system administrator. */
async function otherOrganisationWorker(testInfo: TestInfo) {
  const admin = await apiSession(testInfo, demo.admin, DEMO_PASSWORD, await freshTotp(adminTotpSecret()));
  try {
    const orgs = await getJson<{ items: { id: string; name: string }[] }>(admin, '/api/v1/organizations?q=Bina%20Pulih');
    const org = orgs.items.find((o) => o.name === 'Yayasan Bina Pulih Nusantara');
    expect(org).toBeTruthy();
    const email = uniqueEmail('lain', testInfo);
    const created = await admin.post('/api/v1/users', {
      data: { email, displayName: `Pendamping Lain ${crypto.randomInt(1000, 9999)}`, organizationId: org!.id, roles: ['case_worker'], kind: 'person', locale: 'id' },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { activationToken } = (await created.json()) as { activationToken: string };
    const password = strongPassword();
    const activated = await admin.post('/api/v1/auth/activate', { data: { token: activationToken, password } });
    expect(activated.status(), await activated.text()).toBe(204);
    return { email, password };
  } finally {
    await admin.dispose();
  }
}

async function expectNotFound(api: APIRequestContext, url: string) {
  const res = await api.get(url);
  expect(res.status(), `${url}: ${await res.text()}`).toBe(404);
}

test('screening is saved, and the supervisor records the determination', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const c = await registerCase(testInfo);
  await login(page, demo.caseWorker, DEMO_PASSWORD);
  await openCase(page, c, 'screening');

  // The parts are a navigation of links; the current one is marked.
  const nav = page.getByRole('navigation', { name: 'Bagian kasus' });
  await expect(nav.getByRole('link', { name: 'Skrining' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Ringkasan' })).not.toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: 'Skrining' })).toBeVisible();

  const form = part(page);
  await form.getByRole('group', { name: 'Bentuk eksploitasi' }).getByRole('checkbox', { name: 'Kerja paksa', exact: true }).check();
  await form.getByRole('group', { name: 'Bentuk eksploitasi' }).getByRole('checkbox', { name: 'Perbudakan dalam rumah tangga' }).check();
  await form.getByRole('group', { name: 'Cara pengendalian' }).getByRole('checkbox', { name: 'Jeratan utang' }).check();
  await form.getByRole('group', { name: 'Cara pengendalian' }).getByRole('checkbox', { name: 'Penahanan dokumen' }).check();
  await form.getByRole('group', { name: 'Cara perekrutan' }).getByRole('checkbox', { name: 'Calo / sponsor perorangan' }).check();
  await field(form, 'Hubungan dengan perekrut').selectOption({ label: 'Kenalan' });
  await form
    .getByRole('group', { name: 'Sektor usaha tempat eksploitasi (ISIC)' })
    .getByRole('checkbox', { name: /^Aktivitas rumah tangga sebagai pemberi kerja/ })
    .check();
  const countries = form.getByRole('group', { name: 'Negara tempat eksploitasi' });
  await countries.getByLabel('Negara yang ditambahkan ke: Negara tempat eksploitasi').selectOption({ label: 'Malaysia' });
  await countries.getByRole('button', { name: 'Tambah' }).click();
  await expect(countries.getByRole('button', { name: 'Hapus Malaysia' })).toBeVisible();
  await field(form, 'Dari').fill(dayFromToday(-400));
  await field(form, 'Sampai').fill(dayFromToday(-30));
  await field(form, 'Catatan skrining').fill('Paspor ditahan majikan; gaji tidak dibayar selama 8 bulan.');
  await form.getByRole('button', { name: 'Simpan skrining' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Skrining tersimpan.' })).toBeVisible();

  // A case worker sees no determination form.
  await expect(page.getByRole('heading', { level: 3, name: 'Penetapan' })).toBeVisible();
  await expect(page.getByText('Belum ada penetapan.')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Korban terkonfirmasi' })).toHaveCount(0);

  // Stored: after a reload the form shows it again.
  await page.reload();
  await expect(part(page).getByRole('checkbox', { name: 'Jeratan utang' })).toBeChecked();
  await expect(field(part(page), 'Hubungan dengan perekrut')).toHaveValue('acquaintance');
  await expect(part(page).getByRole('button', { name: 'Hapus Malaysia' })).toBeVisible();
  const stored = await getJson<{ exploitationTypes: string[]; meansOfControl: string[]; version: number }>(page.request, `/api/v1/cases/${c.id}/screening`);
  expect(stored.exploitationTypes.sort()).toEqual(['domestic_servitude', 'forced_labour']);
  expect(stored.meansOfControl.sort()).toEqual(['debt_bondage', 'withholding_documents']);
  expect(stored.version).toBe(1);

  // The supervisor records the determination; who and when are shown.
  const sup = await freshContext(browser, testInfo);
  const sp = await sup.newPage();
  await login(sp, demo.supervisor, DEMO_PASSWORD);
  await openCase(sp, c, 'screening');
  await sp.getByRole('group', { name: 'Catat penetapan' }).getByRole('radio', { name: 'Korban terkonfirmasi' }).check();
  await sp.getByRole('button', { name: 'Catat penetapan' }).click();
  await expect(sp.getByRole('status').filter({ hasText: 'Penetapan tercatat.' })).toBeVisible();
  await expect(sp.locator('.determination')).toContainText('Korban terkonfirmasi');
  await expect(sp.locator('.determination')).toContainText('Dicatat oleh Dewi Lestari');
  await sup.close();

  await page.reload();
  await expect(page.locator('.determination')).toContainText('Korban terkonfirmasi');
  await expect(page.locator('.determination')).toContainText('Dicatat oleh Dewi Lestari');
});

test('needs, notes with a sensitive one, and tasks with an overdue one standing out', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const c = await registerCase(testInfo);
  await login(page, demo.caseWorker, DEMO_PASSWORD);

  // Needs by dimension; open ones marked in words; closing by status.
  await openCase(page, c, 'assessment');
  const p = part(page);
  await expect(p.getByText('0 kebutuhan terbuka.')).toBeVisible();
  await field(p, 'Dimensi').selectOption({ label: 'Kesehatan' });
  await field(p, 'Kebutuhan').selectOption({ label: 'Pengobatan medis' });
  await field(p, 'Tingkat keparahan').selectOption({ label: 'Tinggi' });
  await field(p, 'Keterangan').fill('Luka di tangan belum sembuh.');
  await p.getByRole('button', { name: 'Tambah kebutuhan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kebutuhan ditambahkan: Pengobatan medis.' })).toBeVisible();
  await field(p, 'Dimensi').selectOption({ label: 'Ekonomi' });
  await field(p, 'Kebutuhan').selectOption({ label: 'Utang' });
  await field(p, 'Tingkat keparahan').selectOption({ label: 'Sedang' });
  await p.getByRole('button', { name: 'Tambah kebutuhan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kebutuhan ditambahkan: Utang.' })).toBeVisible();
  const health = page.getByRole('region', { name: 'Kesehatan' });
  await expect(health.getByRole('listitem').filter({ hasText: 'Pengobatan medis' })).toContainText('Terbuka');
  await expect(health.getByRole('listitem').filter({ hasText: 'Pengobatan medis' })).toContainText('Tingkat keparahan: Tinggi');
  await expect(p.getByText('2 kebutuhan terbuka.')).toBeVisible();
  await page.getByRole('region', { name: 'Ekonomi' }).getByRole('button', { name: 'Ubah kebutuhan: Utang' }).click();
  const edit = page.getByRole('form', { name: 'Ubah kebutuhan: Utang' });
  await field(edit, 'Status').selectOption({ label: 'Terpenuhi' });
  await edit.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kebutuhan tersimpan: Utang.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Ekonomi' }).getByRole('listitem').filter({ hasText: 'Utang' })).toContainText('Terpenuhi');
  await expect(p.getByText('1 kebutuhan terbuka.')).toBeVisible();

  // Notes: a contact note and a sensitive note.
  await page.getByRole('navigation', { name: 'Bagian kasus' }).getByRole('link', { name: 'Catatan' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Catatan' })).toBeVisible();
  await expect(page).toHaveURL(/tab=notes/);
  await field(part(page), 'Jenis catatan').selectOption({ label: 'Kunjungan rumah' });
  await expect(field(part(page), 'Waktu kontak')).toBeVisible();
  await field(part(page), 'Catatan').fill('Bertemu ibu dan anak di rumah; kondisi baik.');
  await part(page).getByRole('button', { name: 'Tambah catatan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Catatan ditambahkan.' })).toBeVisible();
  await field(part(page), 'Jenis catatan').selectOption({ label: 'Pengamatan' });
  await expect(field(part(page), 'Waktu kontak')).toHaveCount(0);
  await field(part(page), 'Catatan').fill('Mengaku pernah mengalami kekerasan seksual oleh majikan.');
  await part(page).getByRole('checkbox', { name: 'Catatan sensitif' }).check();
  await part(page).getByRole('button', { name: 'Tambah catatan' }).click();
  const notes = page.locator('.note-list > li');
  await expect(notes).toHaveCount(2);
  await expect(notes.filter({ hasText: 'Pengamatan' })).toContainText('Sensitif');
  await expect(notes.filter({ hasText: 'Pengamatan' })).toContainText('Mengaku pernah mengalami kekerasan seksual');
  await expect(notes.filter({ hasText: 'Kunjungan rumah' })).toContainText(/kontak pada/);

  // Another case worker of the same organisation sees neither the case nor its notes.
  const other = await createActiveUser(testInfo, ['case_worker'], 'pendamping-lain');
  const ctx = await freshContext(browser, testInfo);
  const op = await ctx.newPage();
  await login(op, other.email, other.password);
  await op.goto(casePath(c, 'notes'));
  await expect(op.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
  await expect(op.getByText('Kasus ini tidak ada atau tidak dapat Anda lihat.')).toBeVisible();
  await expect(op.getByText('kekerasan seksual')).toHaveCount(0);
  await expectNotFound(op.request, `/api/v1/cases/${c.id}/notes`);
  await ctx.close();

  // Tasks: one overdue, one due later; the overdue one stands out in colour, symbol and words.
  await page.getByRole('navigation', { name: 'Bagian kasus' }).getByRole('link', { name: 'Tugas' }).click();
  const tp = part(page);
  await field(tp, 'Judul').fill('Antar ke puskesmas');
  await field(tp, 'Tenggat').fill(dayFromToday(-3));
  await tp.getByRole('button', { name: 'Tambah', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ditambahkan: Antar ke puskesmas.' })).toBeVisible();
  await field(tp, 'Jenis').selectOption({ label: 'Tindak lanjut' });
  await field(tp, 'Judul').fill('Telepon keluarga');
  await tp.getByRole('button', { name: 'Tambah', exact: true }).click();
  // A follow-up needs a due date: the server says so at the field.
  await expect(tp.getByText('Wajib diisi.')).toBeVisible();
  await expect(field(tp, 'Tenggat')).toHaveAttribute('aria-invalid', 'true');
  await field(tp, 'Tenggat').fill(dayFromToday(10));
  await tp.getByRole('button', { name: 'Tambah', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ditambahkan: Telepon keluarga.' })).toBeVisible();
  const overdue = page.locator('.task-list > li').filter({ hasText: 'Antar ke puskesmas' });
  const later = page.locator('.task-list > li').filter({ hasText: 'Telepon keluarga' });
  await expect(overdue).toContainText('Lewat tenggat');
  await expect(later).not.toContainText('Lewat tenggat');
  await expect(page.getByText('1 tugas lewat tenggat.')).toBeVisible();
  const bg = (l: Locator) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await bg(overdue)).not.toBe(await bg(later));
  // Overdue first.
  await expect(page.locator('.task-list > li').first()).toContainText('Antar ke puskesmas');
  await overdue.getByRole('button', { name: 'Tandai selesai: Antar ke puskesmas' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ditandai selesai: Antar ke puskesmas.' })).toBeVisible();
  await expect(page.locator('.task-list > li').filter({ hasText: 'Antar ke puskesmas' })).toContainText('Selesai');
  await expect(page.locator('.task-list > li').filter({ hasText: 'Antar ke puskesmas' })).not.toContainText('Lewat tenggat');

  // The overview brings the open needs and next tasks together.
  await page.getByRole('navigation', { name: 'Bagian kasus' }).getByRole('link', { name: 'Ringkasan' }).click();
  await expect(page.getByRole('region', { name: 'Kebutuhan terbuka' })).toContainText('Pengobatan medis');
  await expect(page.getByRole('region', { name: 'Kebutuhan terbuka' })).not.toContainText('Utang');
  await expect(page.getByRole('region', { name: 'Tugas berikutnya' })).toContainText('Telepon keluarga');
  await expect(page.getByRole('link', { name: `Buka data ${c.person.fullName}` })).toHaveAttribute('href', `/persons/${c.person.id}`);
});

test('documents: a PDF uploaded and downloaded, wrong files refused at the field; consent given then withdrawn', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const c = await registerCase(testInfo);
  await login(page, demo.caseWorker, DEMO_PASSWORD);
  await openCase(page, c, 'documents');
  const dp = part(page);
  const file = field(dp, 'Berkas');

  // Checked in the browser first: a text file never leaves the device.
  await file.setInputFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('bukan dokumen') });
  await expect(dp.getByText('Jenis berkas ini tidak diterima. Pilih berkas PDF, JPEG atau PNG.')).toBeVisible();
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  // A file that claims to be a PDF but is not: the server decides by the content, and the message is at the field.
  await file.setInputFiles({ name: 'palsu.pdf', mimeType: 'application/pdf', buffer: Buffer.from('ini hanya teks biasa') });
  await expect(dp.getByText('Jenis berkas ini tidak diterima.', { exact: false })).toHaveCount(0);
  await dp.getByRole('button', { name: 'Unggah' }).click();
  await expect(dp.getByText('Jenis berkas ini tidak diterima. Pilih berkas PDF, JPEG atau PNG.')).toBeVisible();
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  await expect(file).toBeFocused();
  await expect(page.getByText('Belum ada dokumen.')).toBeVisible();

  // A real PDF.
  const pdf = Buffer.from(`%PDF-1.4\n% Pulang e2e ${crypto.randomUUID()}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
  await field(dp, 'Kategori').selectOption({ label: 'Formulir persetujuan' });
  await file.setInputFiles({ name: 'persetujuan.pdf', mimeType: 'application/pdf', buffer: pdf });
  await dp.getByRole('button', { name: 'Unggah' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Terunggah: persetujuan.pdf.' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'persetujuan.pdf' });
  await expect(row).toContainText('Formulir persetujuan');
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Unduh persetujuan.pdf' }).click()]);
  expect(download.suggestedFilename()).toBe('persetujuan.pdf');
  expect(fs.readFileSync(await download.path()).equals(pdf)).toBe(true);

  // A PNG uploaded and deleted, with a confirmation.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  await field(dp, 'Kategori').selectOption({ label: 'Foto' });
  await file.setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: png });
  await dp.getByRole('button', { name: 'Unggah' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Terunggah: foto.png.' })).toBeVisible();
  const pngRow = page.getByRole('row').filter({ hasText: 'foto.png' });
  await pngRow.getByRole('button', { name: 'Hapus' }).click();
  const confirm = page.getByRole('dialog', { name: 'Hapus foto.png?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Hapus' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Dokumen dihapus.' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'foto.png' })).toHaveCount(0);

  // Consent for case management, signed, with the PDF as evidence.
  await page.getByRole('navigation', { name: 'Bagian kasus' }).getByRole('link', { name: 'Persetujuan' }).click();
  const cp = part(page);
  await expect(cp.getByText('Belum ada persetujuan yang dicatat.')).toBeVisible();
  // An adult: no guardian choice.
  await expect(cp.getByRole('radio', { name: 'Oleh wali' })).toHaveCount(0);
  await field(cp, 'Tujuan').selectOption({ label: 'Penanganan kasus' });
  await cp.getByRole('radio', { name: 'Ditandatangani' }).check();
  await expect(field(cp, 'Diberikan oleh')).toHaveValue(c.person.fullName);
  await field(cp, 'Bukti').selectOption({ label: 'persetujuan.pdf · Formulir persetujuan' });
  await cp.getByRole('button', { name: 'Catat persetujuan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Persetujuan dicatat: Penanganan kasus.' })).toBeVisible();

  // Verbal consent needs a witness.
  await field(cp, 'Tujuan').selectOption({ label: 'Berbagi data untuk rujukan' });
  await field(cp, 'Cari organisasi tertentu').fill('Bina Pulih');
  await field(cp, 'Organisasi tertentu').selectOption({ label: 'Yayasan Bina Pulih Nusantara (YBPN)' });
  await cp.getByRole('radio', { name: 'Lisan, dengan saksi' }).check();
  await cp.getByRole('button', { name: 'Catat persetujuan' }).click();
  await expect(field(cp, 'Saksi')).toHaveAttribute('aria-invalid', 'true');
  await field(cp, 'Saksi').fill('Kepala Desa Sukamaju');
  await cp.getByRole('button', { name: 'Catat persetujuan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Persetujuan dicatat: Berbagi data untuk rujukan.' })).toBeVisible();

  const consents = page.locator('.consent-list > li');
  const management = consents.filter({ hasText: 'Penanganan kasus' });
  const sharing = consents.filter({ hasText: 'Berbagi data untuk rujukan' });
  await expect(management).toContainText('Berlaku');
  await expect(management.getByRole('link', { name: 'Unduh bukti' })).toBeVisible();
  await expect(sharing).toContainText('Yayasan Bina Pulih Nusantara');
  await expect(sharing).toContainText('Kepala Desa Sukamaju');

  // Withdrawal: a reason, a confirmation, and the state is clear at once.
  await sharing.getByRole('button', { name: 'Cabut persetujuan: Berbagi data untuk rujukan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cabut persetujuan untuk Berbagi data untuk rujukan?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cabut persetujuan' }).click();
  await expect(field(dialog, 'Alasan pencabutan')).toHaveAttribute('aria-invalid', 'true');
  await field(dialog, 'Alasan pencabutan').fill('Tidak ingin datanya dibagikan ke yayasan.');
  await dialog.getByRole('button', { name: 'Cabut persetujuan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Persetujuan dicabut: Berbagi data untuk rujukan.' })).toBeVisible();
  await expect(sharing).toContainText('Dicabut');
  await expect(sharing).toContainText('Tidak ingin datanya dibagikan ke yayasan.');
  await expect(sharing.getByRole('button', { name: /^Cabut persetujuan/ })).toHaveCount(0);
  await expect(management).toContainText('Berlaku');
  const stored = await getJson<{ items: { purpose: string; active: boolean; withdrawnAt: string | null }[] }>(page.request, `/api/v1/cases/${c.id}/consents`);
  expect(stored.items.find((x) => x.purpose === 'referral_sharing')).toMatchObject({ active: false });
  expect(stored.items.find((x) => x.purpose === 'case_management')).toMatchObject({ active: true, withdrawnAt: null });

  // The overview shows the status per purpose.
  await page.getByRole('navigation', { name: 'Bagian kasus' }).getByRole('link', { name: 'Ringkasan' }).click();
  const summary = page.getByRole('region', { name: 'Persetujuan' });
  await expect(summary).toContainText('Penanganan kasusDiberikan');
  await expect(summary).toContainText('Berbagi data untuk rujukanDicabut');
});

test('stages move, a closure request approved by a supervisor closes the case, it reopens with a reason, and the history shows who and when', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const c = await registerCase(testInfo);
  await login(page, demo.caseWorker, DEMO_PASSWORD);
  await openCase(page, c);
  const head = page.locator('header.case-head');
  await expect(head).toContainText('Penerimaan');
  await expect(head).toContainText('Siti Nurhaliza Rahman');
  await head.getByText(/^Prioritas: .* — mengapa\?$/).click();
  await expect(head.locator('.priority-reasons')).toContainText('Tingkat risiko sedang');

  async function move(label: string, fill?: () => Promise<void>) {
    await head.getByRole('button', { name: 'Ubah tahap' }).click();
    const dialog = page.getByRole('dialog', { name: /^Ubah tahap \(saat ini: / });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('radio', { name: label, exact: true }).check();
    if (fill) await fill();
    await dialog.getByRole('button', { name: 'Ubah tahap' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `Kasus kini berada pada tahap: ${label}.` })).toBeVisible();
    await expect(head.getByRole('button', { name: 'Ubah tahap' })).toBeFocused();
  }

  // Only the allowed moves are offered; closing is not a move, it is a request a supervisor approves.
  await head.getByRole('button', { name: 'Ubah tahap' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ubah tahap (saat ini: Penerimaan)' });
  await expect(dialog.getByRole('radio')).toHaveCount(1);
  await expect(dialog.getByRole('radio', { name: 'Skrining' })).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Ditutup' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Batal' }).click();

  await move('Skrining');
  await move('Asesmen');

  // Closing: a request with a closure reason and a text, then a supervisor's approval.
  await head.getByRole('button', { name: 'Ajukan penutupan' }).click();
  const close = page.getByRole('dialog', { name: /^Ajukan penutupan kasus / });
  await close.getByRole('button', { name: 'Ajukan penutupan' }).click();
  await expect(field(close, 'Alasan penutupan')).toHaveAttribute('aria-invalid', 'true');
  await field(close, 'Alasan penutupan').selectOption({ label: 'Tidak dapat dihubungi' });
  await field(close, 'Penjelasan').fill('Pindah domisili ke provinsi lain.');
  await close.getByRole('button', { name: 'Ajukan penutupan' }).click();
  await expect(close).toBeHidden();
  await expect(head).toContainText('Permintaan penutupan menunggu keputusan penyelia.');
  const sup = await apiSession(testInfo, demo.supervisor);
  try {
    const closure = await getJson<{ pending: { id: string; version: number } }>(sup, `/api/v1/cases/${c.id}/closure`);
    const approved = await sup.post(`/api/v1/closures/${closure.pending.id}/approve`, { data: { version: closure.pending.version, acknowledgeIncomplete: true } });
    expect(approved.status(), await approved.text()).toBe(200);
  } finally {
    await sup.dispose();
  }
  await page.reload();
  await expect(head).toContainText('Ditutup');
  await expect(head).toContainText('Tidak dapat dihubungi');
  await expect(page.getByText('Kasus ini sudah ditutup: buka kembali (Ubah tahap) untuk mengubah rinciannya.')).toBeVisible();

  // Reopening needs a reason.
  await move('Dibuka kembali', async () => {
    const d = page.getByRole('dialog');
    await d.getByRole('button', { name: 'Ubah tahap' }).click();
    await expect(field(d, 'Alasan membuka kembali')).toHaveAttribute('aria-invalid', 'true');
    await field(d, 'Alasan membuka kembali').fill('Kembali ke Jawa Timur dan meminta bantuan.');
  });
  await expect(head).toContainText('Dibuka kembali');

  await page.getByRole('navigation', { name: 'Bagian kasus' }).getByRole('link', { name: 'Riwayat' }).click();
  const items = page.locator('ol.history > li');
  await expect(items.filter({ hasText: 'Kasus didaftarkan' })).toBeVisible();
  await expect(items.filter({ hasText: 'Penerimaan → Skrining' })).toContainText('Siti Nurhaliza Rahman');
  await expect(items.filter({ hasText: 'Skrining → Asesmen' })).toBeVisible();
  const closed = items.filter({ hasText: 'Asesmen → Ditutup' });
  await expect(closed).toContainText('Alasan penutupan: Tidak dapat dihubungi');
  await expect(closed).toContainText('Pindah domisili ke provinsi lain.');
  await expect(items.filter({ hasText: 'Ditutup → Dibuka kembali' })).toContainText('Kembali ke Jawa Timur dan meminta bantuan.');
  await expect(items.filter({ hasText: 'Penugasan' })).toContainText('Siti Nurhaliza Rahman');
  // Newest first.
  await expect(items.first()).toContainText('Ditutup → Dibuka kembali');
});

test('a stale edit in a second page shows the conflict and keeps what was typed', async ({ page }, testInfo) => {
  const c = await registerCase(testInfo);
  await login(page, demo.caseWorker, DEMO_PASSWORD);
  await openCase(page, c);
  const second = await page.context().newPage();
  await openCase(second, c);

  await second.getByRole('button', { name: 'Ubah rincian kasus' }).click();
  await page.getByRole('button', { name: 'Ubah rincian kasus' }).click();
  await field(page, 'Tingkat risiko').selectOption({ label: 'Tinggi' });
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Perubahan tersimpan.' })).toBeVisible();

  // The second page still holds the old version.
  await field(second, 'Ringkasan').fill('Ringkasan baru dari halaman kedua.');
  await second.getByRole('button', { name: 'Simpan' }).click();
  const alert = second.getByRole('alert').filter({ hasText: 'Data ini baru saja diubah orang lain' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('isian Anda masih ada di formulir');
  // Reloaded: the stored risk level is shown; what was typed is still there.
  await expect(second.getByRole('region', { name: 'Rincian kasus' }).locator('dl')).toContainText('Tinggi');
  await expect(field(second, 'Ringkasan')).toHaveValue('Ringkasan baru dari halaman kedua.');
  // Saving again applies the change on top of the stored case.
  await second.getByRole('button', { name: 'Simpan' }).click();
  await expect(second.getByRole('status').filter({ hasText: 'Perubahan tersimpan.' })).toBeVisible();
  const stored = await getJson<{ riskLevel: string; summary: string }>(page.request, `/api/v1/cases/${c.id}`);
  expect(stored).toMatchObject({ summary: 'Ringkasan baru dari halaman kedua.' });
  await second.close();

  // The first page is now the stale one: a stage move from it reloads the case, says why and keeps the choice.
  await page.getByRole('button', { name: 'Ubah tahap' }).click();
  const dialog = page.getByRole('dialog', { name: /^Ubah tahap \(saat ini: / });
  await dialog.getByRole('radio', { name: 'Skrining' }).check();
  await dialog.getByRole('button', { name: 'Ubah tahap' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Kasus ini baru saja diubah orang lain.');
  await expect(dialog.getByRole('radio', { name: 'Skrining' })).toBeChecked();
  await expect(page.getByRole('region', { name: 'Rincian kasus' }).locator('dl')).toContainText('Ringkasan baru dari halaman kedua.');
  await dialog.getByRole('button', { name: 'Ubah tahap' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Kasus kini berada pada tahap: Skrining.' })).toBeVisible();
});

test("another organisation's user opening the case address sees not found", async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const c = await registerCase(testInfo);
  const outsider = await otherOrganisationWorker(testInfo);
  const ctx = await freshContext(browser, testInfo);
  const page = await ctx.newPage();
  await login(page, outsider.email, outsider.password);
  for (const tab of ['overview', 'documents'] as const) {
    await page.goto(casePath(c, tab));
    await expect(page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
    await expect(page.getByText('Kasus ini tidak ada atau tidak dapat Anda lihat.')).toBeVisible();
    await expect(page.getByText(c.reference)).toHaveCount(0);
    await expect(page.getByText(c.person.fullName)).toHaveCount(0);
  }
  for (const part of ['', '/screening', '/needs', '/notes', '/tasks', '/consents', '/attachments', '/history']) await expectNotFound(page.request, `/api/v1/cases/${c.id}${part}`);
  await ctx.close();
});

test('every part of the case page is accessible in both languages', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // A case worker of their own: switching the language is saved to the account.
  const worker = await createActiveUser(testInfo, ['case_worker'], 'pendamping-a11y');
  const c = await registerCase(testInfo, { flags: ['urgent_medical'], riskLevel: 'high' }, worker);
  // Something in each part, so that lists are checked too.
  const api = await apiSession(testInfo, worker.email, worker.password);
  await api.post(`/api/v1/cases/${c.id}/needs`, { data: { type: 'counselling', severity: 'moderate' } });
  await api.post(`/api/v1/cases/${c.id}/notes`, { data: { type: 'phone_call', body: 'Menelepon keluarga.', sensitive: true } });
  await api.post(`/api/v1/cases/${c.id}/tasks`, { data: { kind: 'task', title: 'Kirim surat', dueOn: dayFromToday(-1) } });
  await api.post(`/api/v1/cases/${c.id}/consents`, { data: { purpose: 'statistics', decision: 'given', method: 'signed', givenBy: c.person.fullName, givenAt: new Date().toISOString() } });
  await api.dispose();

  await login(page, worker.email, worker.password);
  for (const lang of ['id', 'en'] as const) {
    if (lang === 'en') await switchLanguage(page, 'en');
    for (const [i, tab] of tabs.entries()) {
      await page.goto(casePath(c, tab));
      await expect(page.getByRole('heading', { level: 2, name: tabNames[lang][i] })).toBeVisible();
      await expect(page.getByRole('navigation', { name: lang === 'en' ? 'Parts of the case' : 'Bagian kasus' }).getByRole('link', { name: tabNames[lang][i] })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await expect(page.getByRole('status').filter({ hasText: /Memuat|Loading/ })).toHaveCount(0);
      await expectAccessible(page, `${lang} ${tab}`);
      if (isPhone(testInfo)) await expectNoHorizontalScroll(page, `${lang} ${tab}`);
    }
    // The stage dialog too.
    await page.goto(casePath(c));
    await page.getByRole('button', { name: lang === 'en' ? 'Change stage' : 'Ubah tahap' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectAccessible(page, `${lang} stage dialog`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  }
  await expect(page.getByText('Overdue').first()).toBeVisible();
});
