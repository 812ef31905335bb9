// Sustainability surveys in the browser. A case worker of Dinas Sosial Provinsi Jawa Timur records
// the arrival date of one of her demo cases (someone already home), sees the survey schedule with
// the 3-month survey overdue, does that survey and one outside the schedule with better answers,
// and sees the result and the trend change (the chart's description and its table). A system
// administrator loads a new version of the scoring model: a broken one is refused with its problems
// listed by path, then a good one loads, is activated, and the default is made active again.
// axe runs on the survey tab, the form, the result and trend, and the models page.
import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import { adminTotpSecret, apiSession, demo, DEMO_PASSWORD, expect, expectSettledPageAccessible, freshTotp, getJson, login, loginInLanguage, navigateTo, test } from './support';

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
  id: string;
  code: string;
  version: number;
  active: boolean;
  definition: { code: string; version: number; questions: Question[]; indicators: { code: string }[] } & Record<string, unknown>;
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const daysAgo = (n: number) => new Date(Date.parse(`${today()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** A demo case of the case worker, home already, with no arrival recorded yet. */
async function demoCaseWithoutArrival(api: APIRequestContext): Promise<{ id: string; reference: string }> {
  for (const stage of ['reintegration', 'monitoring', 'assessment', 'screening']) {
    const page = await getJson<{ items: { id: string; reference: string }[] }>(api, `/api/v1/cases?scope=mine&stage=${stage}&limit=50`);
    for (const c of page.items) {
      const s = await getJson<{ arrivedOn: string | null }>(api, `/api/v1/cases/${c.id}/surveys`);
      if (!s.arrivedOn) return c;
    }
  }
  throw new Error('no demo case of the case worker without an arrival date');
}

/** Answers a survey form: for each question the option at `pick(question)`. */
async function answer(page: Page, model: ModelDetail, pick: (q: Question) => number) {
  const form = page.getByRole('region', { name: /^Lakukan survei/ });
  for (const q of model.definition.questions) {
    const group = form.getByRole('group', { name: q.text.id, exact: true });
    await group.getByLabel(q.options[pick(q)]!.label.id, { exact: true }).check();
  }
}

test('a case worker records an arrival, does two surveys and sees the trend change', async ({ page }, testInfo) => {
  const api = await apiSession(testInfo, demo.caseWorker);
  const c = await demoCaseWithoutArrival(api);
  const model = await getJson<ModelDetail>(api, '/api/v1/sustainability/models/active');
  await api.dispose();

  await loginInLanguage(page, demo.caseWorker, DEMO_PASSWORD, 'id');
  await page.goto(`/cases/${c.id}?tab=surveys`);
  await expect(page.getByRole('heading', { level: 2, name: 'Survei' })).toBeVisible();
  await expect(page.getByText('Tanggal kedatangan belum dicatat.', { exact: false })).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'survey tab without an arrival');

  // Home for four months: the 3-month survey is overdue, and its follow-up task was created.
  const arrivedOn = daysAgo(125);
  await page.getByLabel('Tanggal kedatangan', { exact: true }).fill(arrivedOn);
  await page.getByRole('button', { name: 'Simpan tanggal kedatangan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'jadwal survei diperbarui' })).toBeVisible();
  const schedule = page.getByRole('region', { name: 'Jadwal dan hasil survei' });
  const first = schedule.getByRole('article', { name: /^Survei ke-1 · 3 bulan setelah kedatangan/ });
  await expect(first.getByText('Lewat tenggat')).toBeVisible();
  await expect(schedule.getByRole('article', { name: /^Survei ke-2 · 6 bulan/ }).getByText('Terjadwal')).toBeVisible();
  await expect(schedule.getByRole('article', { name: /^Survei ke-3 · 12 bulan/ })).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'survey schedule');

  // The 3-month survey: answers near the bottom of each scale.
  // Economic (1/4 + 1/3 + 1/2 + 1/3 + 1/3) / 5 = 0.35; social 0.5; psychosocial 0.4167; composite 0.4222.
  await first.getByRole('button', { name: 'Lakukan survei: Survei ke-1 · 3 bulan setelah kedatangan' }).click();
  const form = page.getByRole('region', { name: /^Lakukan survei/ });
  await expect(form.getByRole('group', { name: 'Ekonomi', exact: true })).toBeVisible();
  await form.getByLabel('Tanggal survei').fill(daysAgo(20));
  await answer(page, model, () => 1);
  await expectSettledPageAccessible(page, testInfo, 'survey form');
  await form.getByRole('button', { name: 'Simpan dan nilai survei' }).click();
  const result = page.getByRole('region', { name: 'Hasil survei', exact: true });
  await expect(result.getByRole('heading', { name: 'Hasil survei', exact: true })).toBeFocused();
  const score = (name: string) => result.locator('.dl-row').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${name}$`) }) });
  await expect(score('Ekonomi')).toContainText(/0,35 \(35\s?%\)/);
  await expect(score('Sosial')).toContainText(/0,50 \(50\s?%\)/);
  await expect(score('Psikososial')).toContainText(/0,42 \(42\s?%\)/);
  await expect(score('Skor gabungan')).toContainText(/0,42 \(42\s?%\)/);
  await expect(first.getByText('Selesai', { exact: true })).toBeVisible();

  // One outside the schedule, today, with the best answers.
  await page.getByRole('button', { name: 'Catat survei di luar jadwal' }).click();
  await answer(page, model, (q) => q.options.length - 1);
  await page.getByRole('region', { name: /^Lakukan survei/ }).getByRole('button', { name: 'Simpan dan nilai survei' }).click();
  await expect(page.getByRole('region', { name: 'Hasil survei', exact: true }).getByText(/1,00 \(100\s?%\)/).first()).toBeVisible();

  // The trend: from 42 % to 100 % on the composite chart, and the same figures in the table.
  const trend = page.getByRole('region', { name: 'Perkembangan' });
  await expect(trend.getByRole('img', { name: /^Perkembangan Skor gabungan 2 survei: dari 42\s?% .* menjadi 100\s?%/ })).toBeVisible();
  await expect(trend.getByRole('img', { name: /^Perkembangan Ekonomi 2 survei: dari 35\s?% .* menjadi 100\s?%/ })).toBeVisible();
  await trend.getByText('Tampilkan nilai dalam tabel').click();
  const rows = trend.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('0,42 (42');
  await expect(rows.nth(2)).toContainText('1,00 (100');
  await expectSettledPageAccessible(page, testInfo, 'survey result and trend');

  // The survey's task is done.
  await page.goto(`/cases/${c.id}?tab=tasks`);
  await expect(page.getByRole('article', { name: /Survei keberlanjutan 3 bulan/ }).getByText('Selesai', { exact: true })).toBeVisible();
});

async function adminApi(testInfo: TestInfo) {
  return apiSession(testInfo, demo.admin, DEMO_PASSWORD, await freshTotp(adminTotpSecret()));
}

test('a system administrator loads a new version of the scoring model', async ({ page }, testInfo) => {
  await login(page, demo.admin, DEMO_PASSWORD, { totpSecret: adminTotpSecret() });
  await navigateTo(page, 'Model survei');
  await expect(page.getByRole('heading', { level: 1, name: 'Model penilaian keberlanjutan' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Versi yang dimuat' });
  await expect(table.getByRole('row').filter({ hasText: 'rss_default' }).filter({ has: page.locator('.badge', { hasText: /^Aktif$/ }) })).toHaveCount(1);
  await expectSettledPageAccessible(page, testInfo, 'models page');

  // Start from the active model: the next version is filled in. Break it first.
  await page.getByRole('button', { name: 'Mulai dari model aktif (versi berikutnya)' }).click();
  const text = page.getByLabel('Definisi model (JSON)');
  await expect(text).toHaveValue(/"code": "rss_default"/);
  const good = JSON.parse(await text.inputValue()) as ModelDetail['definition'];
  const broken = structuredClone(good);
  broken.questions[0] = { ...broken.questions[0]!, indicator: 'tidak_ada' } as Question;
  await text.fill(JSON.stringify(broken));
  await page.getByRole('button', { name: 'Muat model' }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'Model tidak dimuat' });
  await expect(problems).toContainText('questions.0.indicator');
  await expect(problems).toContainText('indikator ini tidak ada di model');
  await expect(problems).toContainText(`indicators.0`);
  await expectSettledPageAccessible(page, testInfo, 'models page with problems');

  // The good one, activated at once.
  await text.fill(JSON.stringify(good));
  await page.getByLabel('Jadikan model aktif sekarang').check();
  await page.getByRole('button', { name: 'Muat model' }).click();
  await expect(page.getByRole('status').filter({ hasText: `versi ${good.version} dimuat dan sekarang aktif` })).toBeVisible();
  const row = (v: number) => table.getByRole('row').filter({ hasText: 'rss_default' }).filter({ has: page.locator('td', { hasText: new RegExp(`^${v}$`) }) });
  const status = (v: number) => row(v).locator('.badge');
  await expect(status(good.version)).toHaveText('Aktif');
  await expect(status(1)).toHaveText('Tidak aktif');
  await expect(page.getByRole('heading', { name: new RegExp(`versi ${good.version}$`) })).toBeVisible();

  // Back to the default: surveys already done keep their model either way.
  await row(1).getByRole('button', { name: 'Aktifkan' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Aktifkan' }).click();
  await expect(status(1)).toHaveText('Aktif');
  await expect(status(good.version)).toHaveText('Tidak aktif');
  const api = await adminApi(testInfo);
  const active = await getJson<ModelDetail>(api, '/api/v1/sustainability/models/active');
  expect(active.version).toBe(1);
  await api.dispose();
});
