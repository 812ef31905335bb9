// The return journey in the browser, as the case worker of BP3MI Jawa Timur (the demo has its cases
// at the social office, so the test registers its own case through the API): plan an inbound
// return with an SPLP and two legs (a flight to Juanda, a bus home), mark the documents ready and
// the departure, find it in the returns due, record the arrival at Juanda with who received the
// person, and the arrival home. axe runs on the journey tab, the plan form, the returns-due page
// and in English once.
import crypto from 'node:crypto';
import type { TestInfo } from '@playwright/test';
import { apiSession, DEMO_PASSWORD, expect, expectSettledPageAccessible, getJson, inventedSurname, loginInLanguage, navigateTo, test, type Me } from './support';

const BP3MI_WORKER = 'caseworker.bp3mi@demo.pulang.example';
const BP3MI_SUPERVISOR = 'supervisor.bp3mi@demo.pulang.example';

interface CaseOut {
  id: string;
  reference: string;
}

/** A new inbound case of a new person, taken by BP3MI's case worker; and BP3MI's ID. */
async function prepareCase(testInfo: TestInfo): Promise<{ c: CaseOut; organizationId: string; given: string }> {
  const api = await apiSession(testInfo, BP3MI_WORKER);
  try {
    const me = await getJson<Me>(api, '/api/v1/auth/me');
    const given = ['Sulastri', 'Ratna', 'Yuliani', 'Suwarni'][crypto.randomInt(4)]!;
    const res = await api.post('/api/v1/cases', {
      data: {
        person: {
          fullName: `${given} ${inventedSurname()}`,
          sex: 'female',
          birth: { kind: 'estimated_year', year: 1992 },
          nationality: 'ID',
          languages: ['jv', 'id'],
          // Donomulyo, Kabupaten Malang, Jawa Timur.
          homeVillageCode: '35.07.01.2001',
        },
        caseType: 'vulnerable_migrant',
        direction: 'inbound',
        destinationCountries: ['MY'],
        riskLevel: 'medium',
        flags: [],
        summary: 'Pekerja rumah tangga di Selangor, gaji tidak dibayar; pulang dengan SPLP.',
        assignToMe: true,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    return { c: (await res.json()) as CaseOut, organizationId: me.organization.id, given };
  } finally {
    await api.dispose();
  }
}

/** A moment from now as a datetime-local value (the browser runs on this machine's clock and zone). */
function local(hoursFromNow: number): string {
  const d = new Date(Date.now() + hoursFromNow * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

test('an inbound return is planned, departs, is due at Juanda, is received there and reaches home', async ({ page }, testInfo) => {
  const { c, organizationId, given } = await prepareCase(testInfo);
  await loginInLanguage(page, BP3MI_WORKER, DEMO_PASSWORD, 'id');
  await page.goto(`/cases/${c.id}?tab=journey`);
  await expect(page.getByRole('heading', { name: 'Perjalanan', level: 2 })).toBeVisible();
  await expect(page.getByText('Belum ada perjalanan yang direncanakan.')).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'journey tab, nothing planned');

  // The plan: medical clearance, pocket money, Juanda with BP3MI receiving, an SPLP, a flight and a bus home.
  await page.getByRole('button', { name: 'Rencanakan perjalanan' }).click();
  const form = page.getByRole('region', { name: 'Rencanakan perjalanan' });
  await form.getByLabel('Izin medis', { exact: true }).selectOption('cleared');
  await form.getByLabel('Pendamping', { exact: true }).selectOption('case_worker');
  await form.getByLabel('Nama pendamping').fill('Staf perlindungan KBRI Kuala Lumpur');
  await form.getByLabel('Uang saku (Rp)').fill('500.000');
  await form.getByLabel('Pintu masuk kedatangan').selectOption('SUB');
  await form.getByLabel('Perkiraan waktu tiba').fill(local(30));
  await form.getByLabel('Lembaga penerima di pintu masuk', { exact: true }).selectOption(organizationId);

  await form.getByRole('button', { name: 'Tambah dokumen' }).click();
  const doc = form.getByRole('group', { name: 'Dokumen 1' });
  await doc.getByLabel('Jenis dokumen').selectOption('splp');
  await doc.getByLabel('Status dokumen').selectOption('issued');
  await doc.getByLabel('Nomor dokumen').fill('SPLP-KUL-2026-0777');
  await doc.getByLabel('Penerbit').fill('KBRI Kuala Lumpur');

  await form.getByRole('button', { name: 'Tambah rute ke pintu masuk' }).click();
  const flight = form.getByRole('group', { name: 'Rute 1' });
  await flight.getByLabel('Dari', { exact: true }).fill('Kuala Lumpur (KLIA2)');
  await flight.getByLabel('Negara asal rute').selectOption('MY');
  await flight.getByLabel('Ke', { exact: true }).fill('Bandara Juanda');
  await flight.getByLabel('Negara tujuan rute').selectOption('ID');
  await flight.getByLabel('Waktu berangkat').fill(local(27));
  await flight.getByLabel('Waktu tiba').fill(local(30));
  await flight.getByLabel('Maskapai atau operator').fill('AirAsia');
  await flight.getByLabel('Nomor penerbangan atau pelayaran').fill('QZ 325');
  await form.getByRole('button', { name: 'Tambah rute lanjutan ke kampung halaman' }).click();
  const bus = form.getByRole('group', { name: 'Rute 2' });
  await expect(bus.getByLabel('Bagian perjalanan')).toHaveValue('onward');
  await bus.getByLabel('Dari', { exact: true }).fill('Terminal Purabaya');
  await bus.getByLabel('Ke', { exact: true }).fill('Donomulyo, Kabupaten Malang');
  await expectSettledPageAccessible(page, testInfo, 'journey plan form');
  await form.getByRole('button', { name: 'Simpan rencana' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Perjalanan direncanakan.' })).toBeVisible();

  const journey = page.getByRole('article', { name: /Kepulangan ke Indonesia/ });
  await expect(journey.getByText('Bandara Internasional Juanda (SUB) · Bandara')).toBeVisible();
  await expect(journey.getByText('Rp 500.000')).toBeVisible();
  await expect(journey.getByText('AirAsia QZ 325')).toBeVisible();

  // Documents ready, then the departure: only the allowed next step is offered each time.
  const step = async (button: string, recorded: string) => {
    await expect(journey.getByRole('button', { name: /^(Tandai|Catat) / })).toHaveCount(1);
    await journey.getByRole('button', { name: button }).click();
    await journey.getByRole('button', { name: 'Catat', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `Tercatat: ${recorded}.` })).toBeVisible();
  };
  await step('Tandai dokumen siap', 'Dokumen siap');
  await step('Catat keberangkatan', 'Berangkat');
  await expect(journey.getByRole('button', { name: 'Tandai dokumen siap' })).toHaveCount(0);

  // The returns due: grouped by day, with the first name (BP3MI's own case) and a link to the case.
  await navigateTo(page, 'Kepulangan');
  await expect(page.getByRole('heading', { name: 'Kepulangan mendatang', level: 1 })).toBeVisible();
  const card = page.getByRole('article', { name: new RegExp(given) }).filter({ hasText: c.reference });
  await expect(card).toBeVisible();
  await expect(card.getByText('Bandara Internasional Juanda (SUB)')).toBeVisible();
  await expect(card.getByText('Pesawat · AirAsia · QZ 325')).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'returns due');
  await page.getByLabel('Pintu masuk', { exact: true }).selectOption('CGK');
  await expect(page.getByRole('link', { name: c.reference })).toHaveCount(0);
  await page.getByLabel('Pintu masuk', { exact: true }).selectOption('SUB');
  await page.getByRole('link', { name: c.reference }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${c.id}\\?tab=journey`));

  // The arrival at Juanda: who received the person; then home.
  await journey.getByRole('button', { name: 'Catat kedatangan' }).click();
  const arrival = journey.getByRole('region', { name: 'Catat kedatangan' });
  await expect(arrival.getByLabel('Pintu masuk kedatangan')).toHaveValue('SUB');
  await arrival.getByRole('button', { name: 'Catat', exact: true }).click();
  await expect(arrival.getByText('Wajib diisi.')).toBeVisible();
  await arrival.getByLabel('Diterima oleh').fill('Pak Hadi, petugas pos BP3MI Juanda');
  await arrival.getByRole('button', { name: 'Catat', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tercatat: Tiba.' })).toBeVisible();
  await expect(journey.getByText('Pak Hadi, petugas pos BP3MI Juanda')).toBeVisible();
  await journey.getByRole('button', { name: 'Catat sampai di rumah' }).click();
  await journey.getByRole('button', { name: 'Catat', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tercatat: Sampai di rumah.' })).toBeVisible();
  await expect(journey.getByRole('button', { name: /^(Tandai|Catat|Batalkan) / })).toHaveCount(0);
  const timeline = journey.getByRole('list').filter({ hasText: 'Dicatat oleh' });
  await expect(timeline.getByRole('listitem')).toHaveCount(5);
  await expectSettledPageAccessible(page, testInfo, 'journey reached home');
});

test('the returns due in English', async ({ page }, testInfo) => {
  await loginInLanguage(page, BP3MI_SUPERVISOR, DEMO_PASSWORD, 'en');
  await navigateTo(page, 'Returns');
  await expect(page.getByRole('heading', { name: 'Returns due', level: 1 })).toBeVisible();
  await page.getByLabel('Period').selectOption('30');
  await expect(page.getByRole('status').filter({ hasText: /result/ })).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'returns due (en)');
});
