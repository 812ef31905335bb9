// Putting a returnee forward to an employer, in the browser, across the social office and
// PT Karya Mandiri Sejahtera: the case worker ensures the skills profile of one of her cases,
// records the person's job_matching consent for private-sector partners in the consent tab, and
// puts the person forward from the case's Work tab (the trafficking history stays unticked);
// the partner (after the code of conduct, if asked) sees only the shared fields, invites to an
// interview, makes an offer, records the hire and the placement (starting a month ago, so that
// the 1-month follow-up falls due at once); the case worker sees the follow-up due, records it
// with a problem, and the alert shows (with its task). The partner reaches nothing of the case.
// axe runs at every step. The case is registered through the API with an invented surname.
import crypto from 'node:crypto';
import type { APIRequestContext, TestInfo } from '@playwright/test';
import { apiSession, demo, DEMO_PASSWORD, expect, expectSettledPageAccessible, freshContext, getJson, inventedSurname, loginInLanguage, navigateTo, test } from './support';

const PARTNER_ORG = 'PT Karya Mandiri Sejahtera';
const DEMO_TITLE = 'Operator mesin jahit (garmen)';

const jakartaDay = (days: number, from = Date.now()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(from + days * 86_400_000));
/** A day a month ago, give or take: the 1-month follow-up then falls due within its week. */
function aboutAMonthAgo(): string {
  const [y, m, d] = jakartaDay(3).split('-').map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y, m - 2, 1));
  const last = new Date(Date.UTC(back.getUTCFullYear(), back.getUTCMonth() + 1, 0)).getUTCDate();
  return `${back.getUTCFullYear()}-${String(back.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

interface Opening {
  id: string;
  title: string;
}
interface CaseOut {
  id: string;
  reference: string;
}

/** The demo's sewing job at PT Karya Mandiri Sejahtera, or, without the employment demo, one partner@ publishes now. */
async function partnerOpening(testInfo: TestInfo): Promise<Opening> {
  const cw = await apiSession(testInfo, demo.caseWorker);
  try {
    const list = await getJson<{ items: (Opening & { organization: { name: string }; openForMatching: boolean })[] }>(
      cw,
      `/api/v1/openings?kind=job&q=${encodeURIComponent('Operator mesin jahit')}&limit=100`,
    );
    const found = list.items.find((o) => o.organization.name === PARTNER_ORG && o.title === DEMO_TITLE && o.openForMatching);
    if (found) return { id: found.id, title: found.title };
  } finally {
    await cw.dispose();
  }
  const partner = await apiSession(testInfo, demo.partner);
  try {
    const code = await getJson<{ version: string; accepted: boolean }>(partner, '/api/v1/partner/code-of-conduct');
    if (!code.accepted) {
      const accepted = await partner.post('/api/v1/partner/code-of-conduct/acceptance', { data: { version: code.version } });
      expect(accepted.ok(), await accepted.text()).toBe(true);
    }
    const title = `Operator mesin jahit ${crypto.randomInt(100000, 999999)}`;
    const made = await partner.post('/api/v1/openings', {
      data: {
        kind: 'job',
        title,
        description: 'Menjahit kemeja kerja di lini produksi.',
        sector: 'C14',
        occupation: '8153',
        areaCode: '32.12',
        places: 5,
        wageMinIdr: 2_800_000,
        wageMaxIdr: 3_100_000,
        contractType: 'fixed_term',
        hoursPerWeek: 40,
        requiredSkills: [{ code: 'sewing', level: 'intermediate' }],
        requiredLanguages: ['id'],
        minEducation: 'junior_secondary',
        accommodation: 'help_finding',
        startOn: jakartaDay(14),
        closesOn: jakartaDay(45),
        commitments: ['no_fees', 'no_document_retention', 'written_contract'],
      },
    });
    expect(made.status(), await made.text()).toBe(201);
    const o = (await made.json()) as { id: string; version: number };
    const published = await partner.post(`/api/v1/openings/${o.id}/publish`, { data: { version: o.version } });
    expect(published.ok(), await published.text()).toBe(true);
    return { id: o.id, title };
  } finally {
    await partner.dispose();
  }
}

/** A new case of the case worker (an invented surname) whose skills profile fits a sewing job in Indramayu. */
async function prepareCase(testInfo: TestInfo) {
  const api = await apiSession(testInfo, demo.caseWorker);
  try {
    const surname = inventedSurname();
    const given = ['Wulan', 'Ratih', 'Lestari', 'Dewanti', 'Kinanti'][crypto.randomInt(5)]!;
    const phone = `+62812${crypto.randomInt(10_000_000, 99_999_999)}`;
    const res = await api.post('/api/v1/cases', {
      data: {
        person: {
          fullName: `${given} ${surname}`,
          sex: 'female',
          birth: { kind: 'estimated_year', year: 1994 },
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
        summary: `Dipulangkan dari Johor setelah kerja paksa di pabrik garmen; keluarga ${surname} di Banyuwangi.`,
        assignToMe: true,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const c = (await res.json()) as CaseOut;
    await ensureProfile(api, c.id);
    return { c, given, surname, phone };
  } finally {
    await api.dispose();
  }
}

async function ensureProfile(api: APIRequestContext, caseId: string) {
  const res = await api.put(`/api/v1/cases/${caseId}/skills-profile`, {
    data: {
      seeking: ['employment'],
      workHistory: [{ country: 'MY', sector: 'C14', occupation: '8153', years: 3 }],
      skills: [
        { code: 'sewing', level: 'advanced' },
        { code: 'garment_machine', level: 'intermediate' },
      ],
      languages: ['id', 'jv', 'ms'],
      education: 'junior_secondary',
      preferredSectors: ['C14'],
      preferredAreaCodes: ['32.12', '35'],
      willingToRelocate: true,
      constraints: ['care_duties'],
      constraintsNote: 'Merawat ibu yang sakit di rumah',
    },
  });
  expect(res.ok(), await res.text()).toBe(true);
}

const workTab = (c: CaseOut) => `/cases/${c.id}?tab=work`;

test('a returnee is put forward with consent; the partner sees only what is shared, hires and records the placement; a follow-up reports a problem', async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const opening = await partnerOpening(testInfo);
  const p = await prepareCase(testInfo);

  // The case worker: the job_matching consent for private-sector partners, in the consent tab.
  await loginInLanguage(page, demo.caseWorker, DEMO_PASSWORD, 'id');
  await page.goto(`/cases/${p.c.id}?tab=consent`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(p.c.reference) })).toBeVisible();
  const consentForm = page.getByRole('region', { name: 'Catat persetujuan' });
  await consentForm.getByLabel('Tujuan').selectOption('job_matching');
  await consentForm.getByRole('radio', { name: 'Jenis organisasi' }).check();
  await consentForm.getByRole('combobox', { name: 'Jenis organisasi' }).selectOption('private_sector');
  const consentFields = consentForm.getByRole('group', { name: 'Yang boleh dibagikan' });
  for (const name of ['Nama', 'Jenis kelamin', 'Usia', 'Bahasa', 'Profil keterampilan dan riwayat kerja']) await consentFields.getByRole('checkbox', { name, exact: true }).check();
  for (const name of ['Nomor telepon', 'Kebutuhan']) await consentFields.getByRole('checkbox', { name, exact: true }).uncheck();
  await expectSettledPageAccessible(page, testInfo, 'job matching consent form');
  await consentForm.getByRole('button', { name: 'Catat persetujuan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Persetujuan dicatat' })).toBeVisible();

  // The Work tab: the opening among the matches; putting forward shows the consent and the fields.
  await page.goto(workTab(p.c));
  const card = page.locator('.match-card').filter({ has: page.getByRole('heading', { name: opening.title, exact: true }) });
  await expect(card).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'work tab with matches');
  await card.getByRole('button', { name: 'Ajukan', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Ajukan orang ini ke pemberi kerja' });
  await expect(dialog.getByText(`Untuk ${opening.title} di ${PARTNER_ORG}`)).toBeVisible();
  await expect(dialog.getByText('Orang ini menyetujui diajukan ke mitra sektor swasta')).toBeVisible();
  const fields = dialog.getByRole('group', { name: 'Data yang dibagikan kepada pemberi kerja' });
  for (const name of ['Nama depan', 'Jenis kelamin', 'Kelompok usia', 'Bahasa', 'Profil keterampilan']) await expect(fields.getByRole('checkbox', { name, exact: true })).toBeChecked();
  await expect(fields.getByRole('checkbox', { name: 'Nomor telepon — tidak disetujui' })).toBeDisabled();
  await expect(fields.getByRole('checkbox', { name: 'Nama lengkap', exact: true })).not.toBeChecked();
  // The trafficking history is behind its own explicit choice, which the consent here does not even cover.
  await expect(dialog.getByRole('checkbox', { name: 'Orang ini memilih membagikan riwayat perdagangan orangnya kepada pemberi kerja ini' })).not.toBeChecked();
  await dialog.getByLabel('Pesan untuk pemberi kerja').fill('Berpengalaman tiga tahun menjahit di pabrik garmen di Johor.');
  await expectSettledPageAccessible(page, testInfo, 'put forward dialog');
  await dialog.getByRole('button', { name: 'Ajukan', exact: true }).click();
  await expect(dialog).toBeHidden();
  const candidacies = page.getByRole('region', { name: 'Pencalonan dan penempatan' });
  const mine = candidacies.locator('.candidacy-card').filter({ hasText: opening.title });
  await expect(mine).toContainText('Diajukan');
  await expectSettledPageAccessible(page, testInfo, 'work tab after putting forward');

  // The partner, in a browser of their own: the code of conduct first when asked.
  const partnerContext = await freshContext(browser, testInfo);
  const partner = await partnerContext.newPage();
  await loginInLanguage(partner, demo.partner, DEMO_PASSWORD, 'id');
  const notice = partner.getByRole('region', { name: 'Langkah pertama: kode etik mitra' });
  const work = partner.getByRole('region', { name: 'Pekerjaan Anda' });
  await expect(notice.or(work)).toBeVisible();
  if (await notice.isVisible()) {
    await notice.getByRole('link', { name: 'Baca dan setujui kode etik' }).click();
    await partner.getByLabel('Saya telah membaca kode etik ini dan akan mematuhinya.').check();
    await partner.getByRole('button', { name: 'Setujui kode etik' }).click();
    await expect(partner.getByRole('status').filter({ hasText: 'Persetujuan Anda telah dicatat' })).toBeVisible();
  }
  await navigateTo(partner, 'Kandidat');
  await expect(partner.getByRole('heading', { level: 1, name: 'Kandidat' })).toBeVisible();
  const group = partner.getByRole('region', { name: new RegExp(`^${opening.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });
  const link = group.getByRole('link', { name: p.given, exact: true });
  await expect(link.first()).toBeVisible();
  await expectSettledPageAccessible(partner, testInfo, 'partner candidates');
  // The newest first: the candidate just put forward.
  await link.first().click();
  await expect(partner.getByRole('heading', { level: 1, name: `Kandidat: ${p.given}` })).toBeVisible();
  const sharedRegion = partner.getByRole('region', { name: 'Yang dibagikan tentang orang ini' });
  await expect(sharedRegion).toContainText(p.given);
  await expect(sharedRegion).toContainText('Perempuan');
  await expect(sharedRegion).toContainText('Berpengalaman tiga tahun menjahit');
  await expect(sharedRegion.getByRole('heading', { name: 'Profil keterampilan' })).toBeVisible();
  await expect(sharedRegion).toContainText('Malaysia');
  const body = partner.locator('main');
  for (const secret of [p.surname, p.phone, p.c.reference, 'kerja paksa', 'Merawat ibu']) await expect(body).not.toContainText(secret);
  await expectSettledPageAccessible(partner, testInfo, 'partner candidacy');

  // Interview, offer, hired, placement.
  await partner.getByRole('button', { name: 'Undang wawancara' }).click();
  const invite = partner.getByRole('dialog', { name: 'Undang wawancara' });
  await expect(invite.getByLabel('Waktu wawancara')).not.toHaveValue('');
  await invite.getByLabel('Catatan').fill('Bawa KTP dan ijazah.');
  await expectSettledPageAccessible(partner, testInfo, 'interview dialog');
  await invite.getByRole('button', { name: 'Kirim undangan' }).click();
  await expect(partner.getByRole('status').filter({ hasText: 'Undangan wawancara dicatat.' })).toBeVisible();
  await partner.getByRole('button', { name: 'Tawarkan pekerjaan' }).click();
  await partner.getByRole('dialog', { name: 'Tawarkan pekerjaan' }).getByRole('button', { name: 'Catat tawaran' }).click();
  await expect(partner.getByRole('status').filter({ hasText: 'Tawaran dicatat.' })).toBeVisible();
  await partner.getByRole('button', { name: 'Diterima bekerja' }).click();
  await partner.getByRole('dialog', { name: 'Diterima bekerja' }).getByRole('button', { name: 'Catat diterima' }).click();
  const placementForm = partner.getByRole('region', { name: 'Catat penempatan' });
  await expect(placementForm).toBeVisible();
  await expectSettledPageAccessible(partner, testInfo, 'placement form');
  const startOn = aboutAMonthAgo();
  await placementForm.getByLabel('Mulai bekerja').fill(startOn);
  await placementForm.getByLabel('Upah per bulan (Rp)').fill('2900000');
  await placementForm.getByLabel('Jenis kontrak').selectOption('fixed_term');
  await placementForm.getByRole('button', { name: 'Simpan penempatan' }).click();
  await expect(partner.getByRole('status').filter({ hasText: 'Penempatan dicatat.' })).toBeVisible();
  const placement = partner.getByRole('region', { name: 'Penempatan kerja' });
  await expect(placement).toContainText('Rp 2.900.000');
  await expect(placement).not.toContainText('Tindak lanjut');
  await expectSettledPageAccessible(partner, testInfo, 'partner candidacy placed');
  // Nothing of the case: its page answers not found.
  await partner.goto(`/cases/${p.c.id}`);
  await expect(partner.getByRole('heading', { level: 1, name: /tidak ditemukan/i })).toBeVisible();
  // Nor through the API: every part of the case answers as if it did not exist.
  for (const part of ['', '/skills-profile', '/matches', '/candidacies', '/consents', '/notes', '/referrals', '/history']) {
    const res = await partner.request.get(`/api/v1/cases/${p.c.id}${part}`);
    expect(res.status(), `GET /cases/{id}${part}`).toBe(404);
  }
  await partnerContext.close();

  // The case worker: the 1-month follow-up is due; recorded with a problem, it alerts.
  await page.goto(workTab(p.c));
  const card2 = page.getByRole('region', { name: 'Pencalonan dan penempatan' }).locator('.candidacy-card').filter({ hasText: opening.title });
  await expect(card2).toContainText('Diterima bekerja');
  const month1 = card2.locator('.follow-up').filter({ hasText: '1 bulan' });
  await expect(month1).toContainText('Saatnya ditindaklanjuti');
  await expectSettledPageAccessible(page, testInfo, 'work tab with a follow-up due');
  await month1.getByRole('button', { name: 'Catat tindak lanjut 1 bulan' }).click();
  const followUp = month1.getByRole('form', { name: 'Catat tindak lanjut 1 bulan' });
  await followUp.getByRole('group', { name: 'Masih bekerja di sana?' }).getByRole('radio', { name: 'Ya' }).check();
  await followUp.getByRole('group', { name: 'Upah, jam kerja dan kondisi sesuai yang dijanjikan?' }).getByRole('radio', { name: 'Tidak' }).check();
  await followUp.getByRole('group', { name: 'Masalah yang dilaporkan' }).getByRole('checkbox', { name: 'Upah tidak dibayar' }).check();
  await followUp.getByLabel('Catatan').fill('Gaji bulan pertama belum dibayar penuh.');
  await expectSettledPageAccessible(page, testInfo, 'follow-up form');
  await followUp.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Masalah di tempat kerja dilaporkan' })).toBeVisible();
  await expect(card2.getByRole('note')).toContainText('Masalah di tempat kerja dilaporkan');
  await expect(card2.getByRole('note')).toContainText('Upah tidak dibayar');
  await expect(card2).toContainText('Masalah dilaporkan');
  await expectSettledPageAccessible(page, testInfo, 'work tab with the alert');
  // The alert's task, due today, is the case worker's.
  await page.goto(`/cases/${p.c.id}?tab=tasks`);
  await expect(page.getByText('Masalah di tempat kerja dilaporkan').first()).toBeVisible();
});
