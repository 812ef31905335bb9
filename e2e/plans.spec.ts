// Reintegration plans in the browser. The case worker of Dinas Sosial Provinsi Jawa Timur builds
// a plan for one of her demo cases (a case without a plan yet) with an item in every dimension
// (one answering a need, one enrolling the person in a group activity), submits it; the
// supervisor (in English) approves it; the case worker marks an item completed, then starts
// version 2 and raises a budget; the supervisor approves version 2 and version 1 shows as
// superseded, readable with what changed. And the group activities page: create, change, end.
// Each test makes its own group activity through the API (an invented name), so nothing depends
// on demo plans or activities. axe runs on the tab in each state and on the activities page.
import crypto from 'node:crypto';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { apiSession, demo, DEMO_PASSWORD, expect, expectSettledPageAccessible, freshContext, getJson, loginInLanguage, navigateTo, test } from './support';

interface CaseItem {
  id: string;
  reference: string;
  stage: string;
}
interface CasePlans {
  current: unknown;
  open: unknown;
}

/** A demo case of the case worker that has no plan yet, with an open need (one is recorded when it has none). */
async function caseWithoutPlan(testInfo: TestInfo): Promise<{ c: CaseItem; needLabel: string }> {
  const api = await apiSession(testInfo, demo.caseWorker);
  try {
    const list = await getJson<{ items: CaseItem[] }>(api, '/api/v1/cases?scope=mine&limit=100');
    const order = ['reintegration', 'monitoring', 'in_return', 'return_planning', 'assessment', 'reopened', 'screening', 'intake'];
    const open = list.items.filter((c) => order.includes(c.stage)).sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage));
    for (const c of open) {
      const plans = await getJson<CasePlans>(api, `/api/v1/cases/${c.id}/plans`);
      if (plans.current || plans.open) continue;
      const needs = await getJson<{ items: { id: string; type: string; status: string }[] }>(api, `/api/v1/cases/${c.id}/needs`);
      if (!needs.items.some((n) => n.type === 'livelihood' && n.status === 'open')) {
        const res = await api.post(`/api/v1/cases/${c.id}/needs`, { data: { type: 'livelihood', severity: 'high', description: 'Ingin membuka usaha di desa.' } });
        expect(res.status(), await res.text()).toBe(201);
      }
      return { c, needLabel: 'Mata pencaharian' };
    }
    throw new Error('the case worker has no demo case without a plan');
  } finally {
    await api.dispose();
  }
}

/** A peer group of the organisation with places to spare, made by the supervisor through the API. */
async function peerGroup(testInfo: TestInfo): Promise<string> {
  const api = await apiSession(testInfo, demo.supervisor);
  try {
    const name = `Kelompok Sebaya Purna Migran Pujon ${crypto.randomInt(1000, 9999)}`;
    const res = await api.post('/api/v1/group-activities', { data: { kind: 'peer_group', name, areaCode: '35.07', capacity: 20 } });
    expect(res.status(), await res.text()).toBe(201);
    return name;
  } finally {
    await api.dispose();
  }
}

async function supervisorPage(browser: Browser, testInfo: TestInfo, lang: 'id' | 'en'): Promise<Page> {
  const context = await freshContext(browser, testInfo);
  const page = await context.newPage();
  await loginInLanguage(page, demo.supervisor, DEMO_PASSWORD, lang);
  return page;
}

interface ItemSpec {
  dimension: string;
  what: string;
  budget: string;
  need?: string;
  group?: string;
}

async function addItem(page: Page, spec: ItemSpec) {
  await page.getByRole('button', { name: 'Tambah butir', exact: true }).click();
  const form = page.getByRole('form', { name: 'Tambah butir rencana' });
  if (spec.need) await form.getByLabel('Kebutuhan yang dijawab').selectOption({ label: spec.need });
  await form.getByLabel('Dimensi').selectOption({ label: spec.dimension });
  await form.getByLabel('Kegiatan', { exact: true }).fill(spec.what);
  if (spec.group) {
    await form.getByRole('radio', { name: 'Dalam kegiatan kelompok' }).check();
    await form.getByLabel('Kegiatan kelompok', { exact: true }).selectOption({ label: `${spec.group} (Kelompok dukungan sebaya)` });
  }
  await form.getByLabel('Anggaran (rupiah)').fill(spec.budget);
  await form.getByRole('button', { name: 'Tambah butir' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Butir rencana ditambahkan.' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Versi \d+ yang sedang disusun/ }).getByText(spec.what, { exact: true })).toBeVisible();
}

test('a plan is built, approved, progressed and changed in a second version that supersedes the first', async ({ page, browser }, testInfo) => {
  test.setTimeout(testInfo.timeout * 3);
  const { c, needLabel } = await caseWithoutPlan(testInfo);
  const group = await peerGroup(testInfo);
  const tab = `/cases/${c.id}?tab=plan`;

  // The case worker draws up version 1.
  await loginInLanguage(page, demo.caseWorker, DEMO_PASSWORD, 'id');
  await page.goto(tab);
  await expect(page.getByText('Kasus ini belum memiliki rencana reintegrasi.')).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'plan tab, no plan');
  await page.getByRole('button', { name: 'Susun rencana' }).click();
  await page.getByLabel('Tujuan').fill('Membuka warung di desa dan kembali diterima keluarga dalam enam bulan.');
  await page.getByRole('button', { name: 'Buat draf' }).click();
  const draft = page.getByRole('region', { name: 'Versi 1 yang sedang disusun Draf' });
  await expect(draft).toBeVisible();

  const items: ItemSpec[] = [
    { dimension: 'Ekonomi', what: 'Paket usaha warung kelontong', budget: '4.500.000', need: needLabel },
    { dimension: 'Sosial', what: 'Ikut kelompok sebaya purna migran', budget: '240.000', group },
    { dimension: 'Psikososial', what: 'Konseling enam sesi', budget: '900.000' },
    { dimension: 'Kesehatan', what: 'Pemeriksaan kesehatan dan BPJS PBI', budget: '0' },
    { dimension: 'Hukum', what: 'Pendampingan laporan polisi', budget: '500.000' },
    { dimension: 'Tempat tinggal', what: 'Perbaikan atap rumah', budget: '2.000.000' },
    { dimension: 'Pendidikan', what: 'Kursus menjahit tiga bulan', budget: '1.750.000' },
    { dimension: 'Dokumen kependudukan', what: 'Pengurusan KTP-el dan KK', budget: '' },
  ];
  // The form once, checked for accessibility with an error shown.
  await page.getByRole('button', { name: 'Tambah butir', exact: true }).click();
  const form = page.getByRole('form', { name: 'Tambah butir rencana' });
  await form.getByRole('button', { name: 'Tambah butir' }).click();
  await expect(form.getByText('Wajib diisi.').first()).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'plan item form with errors');
  await form.getByRole('button', { name: 'Batal' }).click();
  for (const i of items) await addItem(page, i);

  await expect(draft.getByText(/Total anggaran:\s*Rp\s*9\.890\.000/)).toBeVisible();
  const groupItem = draft.getByRole('article', { name: 'Ikut kelompok sebaya purna migran' });
  await expect(groupItem.getByText(`Dalam kegiatan kelompok: ${group}`)).toBeVisible();
  await expect(draft.getByRole('article', { name: 'Paket usaha warung kelontong' }).getByText(needLabel, { exact: true })).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'plan tab, draft with items');
  await page.getByRole('button', { name: 'Ajukan untuk disetujui' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Rencana versi 1 diajukan untuk disetujui.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Versi 1 yang sedang disusun Menunggu persetujuan' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tambah butir', exact: true })).toHaveCount(0);

  // The supervisor, in English, approves it.
  const sup = await supervisorPage(browser, testInfo, 'en');
  await sup.goto(tab);
  const submitted = sup.getByRole('region', { name: 'Version 1 being worked on Awaiting approval' });
  await expect(submitted.getByRole('heading', { name: "Supervisor's decision" })).toBeVisible();
  await expect(submitted.getByText(/Total budget:\s*IDR\s*9,890,000/)).toBeVisible();
  await expectSettledPageAccessible(sup, testInfo, 'plan tab, supervisor deciding');
  await sup.getByLabel('Note', { exact: true }).fill('Approved; start with the documents.');
  await sup.getByRole('button', { name: 'Approve the plan' }).click();
  await expect(sup.getByRole('status').filter({ hasText: 'Plan version 1 approved and now in force.' })).toBeVisible();
  await expect(sup.getByRole('region', { name: 'Plan in force (version 1) Approved' })).toBeVisible();

  // The case worker records progress: the documents are done.
  await page.reload();
  const current = page.getByRole('region', { name: 'Rencana yang berlaku (versi 1) Disetujui' });
  await expect(current.getByText('Approved; start with the documents.')).toBeVisible();
  await current.getByRole('button', { name: 'Perbarui kemajuan: Pengurusan KTP-el dan KK' }).click();
  await current.getByLabel('Status baru').selectOption({ label: 'Berjalan' });
  await current.getByRole('button', { name: 'Simpan kemajuan' }).click();
  const docs = current.getByRole('article', { name: 'Pengurusan KTP-el dan KK' });
  await expect(docs.getByText('Berjalan', { exact: true })).toBeVisible();
  await docs.getByRole('button', { name: 'Perbarui kemajuan: Pengurusan KTP-el dan KK' }).click();
  await docs.getByLabel('Status baru').selectOption({ label: 'Selesai' });
  await docs.getByRole('button', { name: 'Simpan kemajuan' }).click();
  await expect(docs.getByText('Wajib diisi.')).toBeVisible();
  await docs.getByLabel('Hasil').fill('KTP-el dan KK baru sudah diterima.');
  await docs.getByRole('button', { name: 'Simpan kemajuan' }).click();
  await expect(docs.getByText('Selesai', { exact: true })).toBeVisible();
  await expect(docs.getByText('KTP-el dan KK baru sudah diterima.')).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'plan tab, approved plan with progress');

  // Version 2: the business kit costs more.
  await page.getByRole('button', { name: 'Ubah rencana (versi baru)' }).click();
  await page.getByLabel('Alasan perubahan').fill('Harga peralatan warung naik.');
  await page.getByRole('button', { name: 'Buat draf' }).click();
  const v2 = page.getByRole('region', { name: 'Versi 2 yang sedang disusun Draf' });
  await expect(v2.getByText('Tanda perubahan dibandingkan dengan versi 1 yang disetujui.')).toBeVisible();
  await v2.getByRole('button', { name: 'Ubah butir: Paket usaha warung kelontong' }).click();
  const edit = v2.getByRole('form', { name: 'Ubah butir rencana' });
  await edit.getByLabel('Anggaran (rupiah)').fill('6.000.000');
  await expect(edit.getByText(/Rp\s*6\.000\.000/)).toBeVisible();
  await edit.getByRole('button', { name: 'Simpan' }).click();
  await expect(v2.getByRole('article', { name: 'Paket usaha warung kelontong' }).getByText('Diubah: anggaran')).toBeVisible();
  await expect(v2.getByRole('article', { name: 'Pengurusan KTP-el dan KK' }).getByText('Selesai', { exact: true })).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'plan tab, version 2 with a change');
  await page.getByRole('button', { name: 'Ajukan untuk disetujui' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Rencana versi 2 diajukan untuk disetujui.' })).toBeVisible();

  // The supervisor approves version 2; version 1 is superseded and stays readable.
  await sup.reload();
  await expect(sup.getByRole('region', { name: 'Version 2 being worked on Awaiting approval' }).getByText('Changed: budget')).toBeVisible();
  await sup.getByRole('button', { name: 'Approve the plan' }).click();
  await expect(sup.getByRole('region', { name: 'Plan in force (version 2) Approved' })).toBeVisible();
  const versions = sup.getByRole('region', { name: 'Versions' });
  await expect(versions.getByRole('listitem').filter({ hasText: 'Version 1' }).getByText('Superseded')).toBeVisible();
  await expect(versions.getByRole('listitem').filter({ hasText: 'Version 2' }).getByText('Approved')).toBeVisible();
  await versions.getByRole('button', { name: 'View version 1' }).click();
  const old = sup.getByRole('region', { name: 'Version 1 Superseded' });
  await expect(old.getByText('First version: there is no earlier version to compare with.')).toBeVisible();
  await expect(old.getByText(/Total budget:\s*IDR\s*9,890,000/)).toBeVisible();
  await versions.getByRole('button', { name: 'View version 2' }).click();
  const newer = sup.getByRole('region', { name: 'Version 2 Approved' });
  await expect(newer.getByText(/Total budget:\s*IDR\s*11,390,000/)).toBeVisible();
  await expectSettledPageAccessible(sup, testInfo, 'plan tab, supervisor reading a version');

  // The case worker sees the same, in Indonesian.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Riwayat versi' }).getByRole('listitem').filter({ hasText: 'Versi 1' }).getByText('Digantikan')).toBeVisible();
  await sup.context().close();
});

test('the supervisor keeps the group activities: create, change, end', async ({ page }, testInfo) => {
  const name = `Usaha Bersama Keripik Tempe Malang ${crypto.randomInt(1000, 9999)}`;
  await loginInLanguage(page, demo.supervisor, DEMO_PASSWORD, 'id');
  await navigateTo(page, 'Kegiatan kelompok');
  await expect(page.getByRole('heading', { level: 1, name: 'Kegiatan kelompok' })).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'group activities');
  await page.getByRole('button', { name: 'Buat kegiatan kelompok' }).click();
  const form = page.getByRole('form', { name: 'Buat kegiatan kelompok' });
  await form.getByRole('button', { name: 'Buat kegiatan' }).click();
  await expect(form.getByText('Wajib diisi.').first()).toBeVisible();
  await form.getByLabel('Jenis kegiatan').selectOption({ label: 'Usaha bersama masyarakat' });
  await form.getByLabel('Nama kegiatan').fill(name);
  await form.getByLabel('Provinsi').selectOption({ label: 'Jawa Timur' });
  await form.getByLabel('Kabupaten/kota').selectOption({ label: 'Kabupaten Malang' });
  await form.getByLabel('Mulai').fill('2026-03-01');
  await form.getByLabel('Berakhir').fill('2026-02-01');
  await form.getByLabel('Jumlah tempat').fill('10');
  await expectSettledPageAccessible(page, testInfo, 'group activity form');
  await form.getByRole('button', { name: 'Buat kegiatan' }).click();
  await expect(form.getByText('Tanggal selesai tidak boleh sebelum tanggal mulai.')).toBeVisible();
  await form.getByLabel('Berakhir').fill('2026-12-31');
  await form.getByRole('button', { name: 'Buat kegiatan' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Kegiatan "${name}" dibuat.` })).toBeVisible();
  const card = page.getByRole('article', { name });
  await expect(card.getByText('Kabupaten Malang')).toBeVisible();
  await expect(card.getByText('0 dari 10 tempat')).toBeVisible();

  await card.getByRole('button', { name: `Ubah kegiatan: ${name}` }).click();
  await card.getByLabel('Jumlah tempat').fill('12');
  await card.getByRole('button', { name: 'Simpan' }).click();
  await expect(card.getByText('0 dari 12 tempat')).toBeVisible();

  await card.getByRole('button', { name: 'Akhiri' }).click();
  await page.getByRole('dialog', { name: 'Akhiri kegiatan?' }).getByRole('button', { name: 'Akhiri' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Kegiatan "${name}" diakhiri.` })).toBeVisible();
  await expect(page.getByRole('article', { name })).toHaveCount(0);
  await page.getByLabel('Tampilkan').selectOption({ label: 'Yang sudah berakhir' });
  await expect(page.getByRole('article', { name }).getByText('Berakhir', { exact: true })).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'group activities, ended');
});

