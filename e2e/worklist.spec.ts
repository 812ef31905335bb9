// The worklist ("my cases") with its filters, tasks and scope switch; the supervisor's queue with the
// suggested case worker, assignment and a stale assignment (409); the caseload view. Axe on each page
// in both languages.
import type { APIRequestContext, Page } from '@playwright/test';
import { apiSession, createActiveUser, demo, DEMO_PASSWORD, expect, expectSettledPageAccessible, getJson, inventedSurname, loginInLanguage, test } from './support';

interface CaseOut {
  id: string;
  reference: string;
  version: number;
  personId: string;
  assignedTo: { id: string; displayName: string } | null;
}

async function register(api: APIRequestContext, body: Record<string, unknown>): Promise<CaseOut> {
  const res = await api.post('/api/v1/cases', {
    data: { caseType: 'vulnerable_migrant', direction: 'inbound', destinationCountries: ['MY'], riskLevel: 'low', assignToMe: true, ...body },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as CaseOut;
}

/** Opens the filter panel when folded away (phone width). */
async function openFilters(page: Page) {
  const panel = page.locator('details.filter-panel');
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
}

const texts = {
  id: { title: 'Kasus saya', type: 'Jenis kasus', country: 'Negara tujuan', province: 'Provinsi asal', overdue: 'Hanya yang lewat tenggat', reference: 'Nomor kasus', apply: 'Terapkan', stranded: 'stranded_migrant', tasks: 'Tugas terbuka saya', overdueBadge: 'Lewat tenggat', empty: 'Tidak ada kasus yang sesuai dengan saringan.' },
  en: { title: 'My cases', type: 'Case type', country: 'Destination country', province: 'Home province', overdue: 'Overdue only', reference: 'Case reference', apply: 'Apply', stranded: 'stranded_migrant', tasks: 'My open tasks', overdueBadge: 'Overdue', empty: 'No case matches the filters.' },
} as const;

for (const lang of ['id', 'en'] as const) {
  const t = texts[lang];
  test(`my cases: sorted with badges, filters in the URL, overdue tasks on top (${lang})`, async ({ page }, testInfo) => {
    const worker = lang === 'id' ? { email: demo.caseWorker, password: DEMO_PASSWORD } : await createActiveUser(testInfo, ['case_worker'], 'worklist-en', 'en');
    const api = await apiSession(testInfo, worker.email, worker.password);
    const family = inventedSurname();
    const saudi = await register(api, {
      caseType: 'stranded_migrant',
      destinationCountries: ['SA'],
      riskLevel: 'high',
      person: { fullName: `Siti Aminah ${family}`, sex: 'female', homeVillageCode: null },
    });
    const malaysia = await register(api, { caseType: 'presumed_victim', destinationCountries: ['MY'], person: { fullName: `Wahyuni ${family}`, sex: 'female' } });
    // An overdue task on the Malaysia case.
    const task = await api.post(`/api/v1/cases/${malaysia.id}/tasks`, { data: { title: `Telepon keluarga ${family}`, dueOn: '2024-01-02', assigneeId: (await getJson<{ user: { id: string } }>(api, '/api/v1/auth/me')).user.id } });
    expect(task.status(), await task.text()).toBe(201);
    await api.dispose();

    await loginInLanguage(page, worker.email, worker.password, lang);
    await page.goto('/cases');
    await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
    const tasks = page.getByRole('region', { name: new RegExp(t.tasks) });
    await expect(tasks.getByRole('listitem').filter({ hasText: `Telepon keluarga ${family}` })).toContainText(t.overdueBadge);
    await expect(tasks.getByRole('link', { name: `Telepon keluarga ${family}` })).toHaveAttribute('href', `/cases/${malaysia.id}?tab=tasks`);
    await expectSettledPageAccessible(page, testInfo, `worklist (${lang})`);

    // Type and destination country: only the Saudi Arabia case.
    await openFilters(page);
    await page.getByLabel(t.type).selectOption('stranded_migrant');
    await page.getByLabel(t.country).selectOption('SA');
    await page.getByRole('button', { name: t.apply, exact: true }).click();
    await expect(page).toHaveURL(/type=stranded_migrant/);
    await expect(page).toHaveURL(/country=SA/);
    await expect(page.getByRole('link', { name: saudi.reference })).toBeVisible();
    await expect(page.getByRole('link', { name: malaysia.reference })).toHaveCount(0);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: saudi.reference }) });
    await expect(row).toContainText(`Siti Aminah ${family}`);
    await expectSettledPageAccessible(page, testInfo, `worklist filtered (${lang})`);

    // The URL holds the state: a reload keeps the filters.
    await page.reload();
    await openFilters(page);
    await expect(page.getByLabel(t.type)).toHaveValue('stranded_migrant');
    await expect(page.getByRole('link', { name: saudi.reference })).toBeVisible();

    // Overdue only, with the reference search: the Malaysia case stands out as overdue.
    await page.goto(`/cases?overdue=1&q=${malaysia.reference}`);
    await openFilters(page);
    await expect(page.getByLabel(t.overdue)).toBeChecked();
    await expect(page.getByLabel(t.reference)).toHaveValue(malaysia.reference);
    const overdueRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: malaysia.reference }) });
    await expect(overdueRow).toContainText(t.overdueBadge);
    await page.goto(`/cases?overdue=1&q=${saudi.reference}`);
    await expect(page.getByText(t.empty)).toBeVisible();

    // Province: neither person has a home village, so none of them is in Jawa Timur.
    await page.goto(`/cases?province=35&q=${saudi.reference}`);
    await expect(page.getByText(t.empty)).toBeVisible();
  });
}

test('a supervisor switches to the organisation, assigns from the queue with the suggestion, and sees the caseload (id)', async ({ page }, testInfo) => {
  const sup = await apiSession(testInfo, demo.supervisor);
  const family = inventedSurname();
  const queued = await register(sup, { assignToMe: false, riskLevel: 'critical', person: { fullName: `Yuliani ${family}`, sex: 'female', languages: ['jv'] } });
  const stale = await register(sup, { assignToMe: false, riskLevel: 'critical', person: { fullName: `Kartini ${family}`, sex: 'female' } });

  await loginInLanguage(page, demo.supervisor, DEMO_PASSWORD, 'id');
  await page.goto('/cases');
  await page.getByRole('navigation', { name: 'Kasus yang ditampilkan' }).getByRole('link', { name: 'Semua kasus organisasi' }).click();
  await expect(page).toHaveURL(/scope=organization/);
  await expect(page.getByRole('heading', { level: 1, name: 'Kasus organisasi' })).toBeVisible();
  await page.goto(`/cases?scope=organization&q=${queued.reference}`);
  await expect(page.getByRole('row').filter({ has: page.getByRole('link', { name: queued.reference }) })).toContainText('Belum ditugaskan');
  await expectSettledPageAccessible(page, testInfo, 'organisation worklist (id)');

  await page.goto('/cases/queue');
  await expect(page.getByRole('heading', { level: 1, name: 'Antrean kasus' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: queued.reference }) });
  await expect(item).toBeVisible();
  await expect(item).toContainText('Kritis');
  await expectSettledPageAccessible(page, testInfo, 'queue (id)');
  await item.getByRole('button', { name: new RegExp(`^Tugaskan ${queued.reference}$`) }).click();
  const suggestions = item.getByRole('region', { name: `Saran pekerja kasus untuk ${queued.reference}` });
  const recommended = suggestions.getByRole('listitem').filter({ hasText: 'Disarankan' }).first();
  await expect(recommended).toBeVisible();
  await expect(suggestions.getByRole('listitem').first()).toContainText('Disarankan');
  await expect(recommended).toContainText(/kasus terbuka/);
  await expectSettledPageAccessible(page, testInfo, 'queue with suggestions (id)');
  const who = (await recommended.locator('strong').first().textContent())!.trim();
  await recommended.getByRole('button', { name: `Tugaskan ke ${who}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${queued.reference} ditugaskan ke ${who}.` })).toBeVisible();
  await expect(page.getByRole('link', { name: queued.reference })).toHaveCount(0);
  const assigned = await getJson<CaseOut>(page.request, `/api/v1/cases/${queued.id}`);
  expect(assigned.assignedTo?.displayName).toBe(who);

  // A stale assignment: someone else assigns the case while the panel is open → 409 shows the fresh state.
  const staleItem = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: stale.reference }) });
  await staleItem.getByRole('button', { name: new RegExp(`^Tugaskan ${stale.reference}$`) }).click();
  const staleSuggestions = staleItem.getByRole('region', { name: `Saran pekerja kasus untuk ${stale.reference}` });
  await expect(staleSuggestions.getByRole('listitem').first()).toBeVisible();
  const me = await getJson<{ user: { id: string; displayName: string } }>(sup, '/api/v1/auth/me');
  const fresh = await getJson<CaseOut>(sup, `/api/v1/cases/${stale.id}`);
  const other = await sup.post(`/api/v1/cases/${stale.id}/assignment`, { data: { version: fresh.version, assigneeId: me.user.id } });
  expect(other.status(), await other.text()).toBe(200);
  await staleSuggestions.getByRole('listitem').first().getByRole('button', { name: /^Tugaskan ke / }).click();
  await expect(staleItem.getByRole('alert')).toContainText('Kasus ini baru saja diubah orang lain.');
  await expect(staleItem.getByRole('alert')).toContainText(`Sekarang ditugaskan ke ${me.user.displayName}.`);
  await sup.dispose();

  await page.getByRole('navigation', { name: 'Tampilan' }).getByRole('link', { name: 'Beban kasus' }).click();
  await expect(page).toHaveURL(/view=caseload/);
  await expect(page.getByRole('heading', { level: 1, name: 'Beban kasus' })).toBeVisible();
  const views = page.getByRole('navigation', { name: 'Tampilan' });
  await expect(views.getByRole('link', { name: 'Beban kasus' })).toHaveAttribute('aria-current', 'page');
  await expect(views.getByRole('link', { name: 'Antrean kasus' })).not.toHaveAttribute('aria-current', /.*/);
  const table = page.getByRole('table', { name: 'Beban kasus' });
  await expect(table.getByRole('row').filter({ hasText: who })).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'caseload (id)');
});

test('the queue and caseload pass the accessibility checks in English', async ({ page }, testInfo) => {
  const supervisor = await createActiveUser(testInfo, ['supervisor'], 'queue-en', 'en');
  const api = await apiSession(testInfo, supervisor.email, supervisor.password);
  const c = await register(api, { assignToMe: false, person: { fullName: `Lestari ${inventedSurname()}`, sex: 'female' } });
  await api.dispose();
  await loginInLanguage(page, supervisor.email, supervisor.password, 'en');
  await page.goto('/cases/queue');
  await expect(page.getByRole('heading', { level: 1, name: 'Case queue' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: c.reference }) });
  await item.getByRole('button', { name: new RegExp(`^Assign ${c.reference}$`) }).click();
  await expect(item.getByRole('region', { name: `Suggested case workers for ${c.reference}` }).getByRole('listitem').first()).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'queue with suggestions (en)');
  await page.goto('/cases/queue?view=caseload');
  await expect(page.getByRole('table', { name: 'Caseload' })).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'caseload (en)');
  await page.goto('/cases?scope=organization');
  await expect(page.getByRole('heading', { level: 1, name: "Organisation's cases" })).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'organisation worklist (en)');
});
