// The Work tab in the browser: the case worker of Dinas Sosial Provinsi Jawa Timur opens one of their
// cases (a new returnee registered through the API, back from four years of caring for the elderly
// in Taiwan), fills the skills profile with repeatable rows (work history, a skill, a certificate
// earned in Taiwan), chips (languages, a preferred regency) and sees the openings that fit, ranked,
// with the reasons in plain words and the note that no job matching consent covers the partner yet.
// The opening is published through the API by the partner of PT Karya Mandiri Sejahtera (accepting
// the code of conduct first when needed), so the spec does not depend on demo openings. axe runs on
// the empty tab, the form, the profile with its matches, and the opening's candidates.
import crypto from 'node:crypto';
import type { TestInfo } from '@playwright/test';
import { apiSession, demo, DEMO_PASSWORD, expect, expectSettledPageAccessible, getJson, inventedSurname, loginInLanguage, test } from './support';

const jakartaDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));

/** A caregiver job in Kabupaten Malang, published by the demo partner through the API. */
async function publishCaregiverJob(testInfo: TestInfo, title: string): Promise<string> {
  const api = await apiSession(testInfo, demo.partner);
  try {
    const code = await getJson<{ version: string; accepted: boolean }>(api, '/api/v1/partner/code-of-conduct');
    if (!code.accepted) {
      const accepted = await api.post('/api/v1/partner/code-of-conduct/acceptance', { data: { version: code.version } });
      expect(accepted.status(), await accepted.text()).toBe(200);
    }
    const created = await api.post('/api/v1/openings', {
      data: {
        kind: 'job',
        title,
        description: 'Merawat lansia di panti wreda: membantu makan, mandi, berpindah tempat dan minum obat.',
        sector: 'Q87',
        occupation: '5322',
        areaCode: '35.07',
        remote: false,
        places: 3,
        wageMinIdr: 3_300_000,
        wageMaxIdr: 3_800_000,
        contractType: 'fixed_term',
        hoursPerWeek: 40,
        workingHours: 'Senin–Sabtu 07.00–14.00',
        requiredSkills: [{ code: 'elderly_care', level: 'intermediate' }],
        requiredLanguages: [],
        requiredCertificates: ['caregiver'],
        minEducation: 'junior_secondary',
        accommodation: 'provided_free',
        startOn: jakartaDay(21),
        closesOn: jakartaDay(30),
        commitments: ['no_fees', 'no_document_retention', 'written_contract'],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const opening = (await created.json()) as { id: string; version: number };
    const published = await api.post(`/api/v1/openings/${opening.id}/publish`, { data: { version: opening.version } });
    expect(published.status(), await published.text()).toBe(200);
    return opening.id;
  } finally {
    await api.dispose();
  }
}

/** A new returnee of the case worker, home in Kabupaten Malang. */
async function newCase(testInfo: TestInfo): Promise<{ id: string; reference: string; fullName: string }> {
  const api = await apiSession(testInfo, demo.caseWorker);
  try {
    const fullName = `${['Sri', 'Ratna', 'Wahyu', 'Endang'][crypto.randomInt(4)]} ${inventedSurname()}`;
    const res = await api.post('/api/v1/cases', {
      data: {
        person: {
          fullName,
          sex: 'female',
          birth: { kind: 'estimated_year', year: 1988 },
          nationality: 'ID',
          languages: ['jv', 'id'],
          // Tulungrejo, Donomulyo, Kabupaten Malang.
          homeVillageCode: '35.07.01.2001',
        },
        caseType: 'vulnerable_migrant',
        direction: 'inbound',
        destinationCountries: ['TW'],
        riskLevel: 'low',
        flags: [],
        summary: 'Pulang dari Taichung setelah kontrak perawat lansia selesai.',
        assignToMe: true,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const c = (await res.json()) as { id: string; reference: string };
    return { ...c, fullName };
  } finally {
    await api.dispose();
  }
}

test('a case worker fills a skills profile and sees the openings that fit, with the reasons', async ({ page }, testInfo) => {
  test.slow();
  const title = `Perawat lansia panti wreda ${crypto.randomInt(100000, 999999)}`;
  const openingId = await publishCaregiverJob(testInfo, title);
  const c = await newCase(testInfo);

  await loginInLanguage(page, demo.caseWorker, DEMO_PASSWORD, 'id');
  await page.goto(`/cases/${c.id}?tab=work`);
  await expect(page.getByRole('heading', { level: 2, name: 'Kerja' })).toBeVisible();
  await expect(page.getByText('Belum ada profil keterampilan untuk kasus ini.')).toBeVisible();
  await expect(page.getByText('Isi profil keterampilan dulu untuk melihat lowongan dan tempat pelatihan yang cocok.')).toBeVisible();
  await expectSettledPageAccessible(page, testInfo, 'work tab without a profile');

  await page.getByRole('button', { name: 'Isi profil keterampilan' }).click();
  const form = page.getByRole('form', { name: 'Isi profil keterampilan' });
  await expect(form).toBeVisible();
  await expect(form.getByRole('checkbox', { name: 'Bekerja pada pemberi kerja' })).toBeChecked();

  // Work history: one row, four years of elderly care in Taiwan.
  await form.getByRole('button', { name: 'Tambah riwayat kerja' }).click();
  const work = form.getByRole('group', { name: 'Pekerjaan 1' });
  await work.getByLabel('Negara').selectOption({ label: 'Taiwan' });
  await work.getByLabel('Lama (tahun)').fill('4');
  await work.getByLabel('Pekerjaan', { exact: true }).selectOption({ label: 'Perawat lansia di rumah (caregiver)' });
  await work.getByLabel('Bidang usaha').selectOption({ label: 'Pekerja rumah tangga' });

  // A skill with its level.
  await form.getByRole('button', { name: 'Tambah keterampilan' }).click();
  await form.getByLabel('Keterampilan 1', { exact: true }).selectOption({ label: 'Perawatan lansia' });
  await form.getByLabel('Tingkat', { exact: true }).selectOption({ label: 'Mahir' });

  // Languages as chips.
  const languages = form.getByRole('group', { name: 'Bahasa' });
  for (const l of ['Indonesia', 'Jawa', 'Tionghoa (Mandarin)']) {
    await languages.getByLabel('Pilih untuk Bahasa').selectOption({ label: l });
    await languages.getByRole('button', { name: 'Tambah', exact: true }).click();
  }
  await expect(languages.getByRole('button', { name: 'Hapus Tionghoa (Mandarin)' })).toBeVisible();

  await form.getByLabel('Pendidikan terakhir').selectOption({ label: 'SMP atau sederajat' });

  // The certificate earned in Taiwan.
  await form.getByRole('button', { name: 'Tambah sertifikat' }).click();
  const cert = form.getByRole('group', { name: 'Sertifikat 1' });
  await cert.getByLabel('Sertifikat', { exact: true }).selectOption({ label: 'Sertifikat caregiver' });
  await cert.getByLabel('Diperoleh di').selectOption({ label: 'Taiwan' });
  await cert.getByLabel('Tahun').fill('2023');

  // Where the person would work: Kabupaten Malang, through the area picker.
  const areas = form.getByRole('group', { name: 'Wilayah kerja yang diinginkan' });
  await areas.getByLabel('Provinsi').selectOption({ label: 'Jawa Timur' });
  await areas.getByLabel('Kabupaten/kota').selectOption({ label: 'Kabupaten Malang' });
  await areas.getByRole('button', { name: 'Tambah wilayah' }).click();
  await expect(areas.getByRole('button', { name: /^Hapus Kabupaten Malang/ })).toBeVisible();

  await form.getByRole('checkbox', { name: 'Tanggungan merawat keluarga' }).check();
  await form.getByLabel('Keterangan batasan').fill('Merawat ibu yang sakit pada sore hari.');
  await expectSettledPageAccessible(page, testInfo, 'skills profile form');
  await form.getByRole('button', { name: 'Simpan profil' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Profil keterampilan disimpan.' })).toBeVisible();
  const summary = page.getByRole('region', { name: 'Profil keterampilan' });
  await expect(summary.getByText(/Perawat lansia di rumah \(caregiver\) di Taiwan, 4 tahun/)).toBeVisible();

  // The matches: the caregiver job first among those that fit, with the reasons in plain words.
  const matches = page.getByRole('region', { name: 'Lowongan dan pelatihan yang cocok' });
  await expect(matches.getByRole('button', { name: 'Lowongan kerja' })).toHaveAttribute('aria-pressed', 'true');
  const card = matches.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
  await expect(card).toBeVisible();
  await expect(card.getByText(/Sangat cocok \(\d+ dari 100\)/)).toBeVisible();
  await expect(card.getByText('Pernah bekerja sebagai perawat lansia di rumah (caregiver) 4 tahun di Taiwan')).toBeVisible();
  await expect(card.getByText('Punya sertifikat caregiver dari Taiwan')).toBeVisible();
  await expect(card.getByText('Di wilayah yang diinginkan (Kabupaten Malang)')).toBeVisible();
  await expect(card.getByText('Belum ada persetujuan pencocokan kerja yang mencakup PT Karya Mandiri Sejahtera.')).toBeVisible();
  await expect(card.getByRole('link', { name: 'Catat persetujuan' })).toHaveAttribute('href', `/cases/${c.id}?tab=consent`);
  // Nothing of the person's name in the matches.
  await expect(matches).not.toContainText(c.fullName);
  await expectSettledPageAccessible(page, testInfo, 'skills profile and matches');

  // Training places on request.
  await matches.getByRole('button', { name: 'Tempat pelatihan' }).click();
  await expect(matches.getByRole('button', { name: 'Tempat pelatihan' })).toHaveAttribute('aria-pressed', 'true');
  await expect(matches.getByText(/yang cocok, diurutkan menurut kecocokan|Belum ada tempat pelatihan yang cocok/).first()).toBeVisible();

  // The profile keeps what was typed when the server refuses: a year of work in halves only.
  await page.getByRole('button', { name: 'Ubah profil keterampilan' }).click();
  const edit = page.getByRole('form', { name: 'Ubah profil keterampilan' });
  await edit.getByRole('group', { name: 'Pekerjaan 1' }).getByLabel('Lama (tahun)').fill('4,3');
  await edit.getByRole('button', { name: 'Simpan profil' }).click();
  await expect(edit.getByText('Isi dalam kelipatan setengah tahun, misalnya 1,5.').or(edit.getByText('Isian tidak valid.')).first()).toBeVisible();
  await expect(edit.getByRole('group', { name: 'Pekerjaan 1' }).getByLabel('Lama (tahun)')).toHaveValue('4,3');
  await edit.getByRole('button', { name: 'Batal' }).click();

  // With the person's consent for private-sector partners, the case is a candidate for the opening.
  const api = await apiSession(testInfo, demo.caseWorker);
  try {
    const consent = await api.post(`/api/v1/cases/${c.id}/consents`, {
      data: {
        purpose: 'job_matching',
        recipientOrganizationType: 'private_sector',
        sharedFields: ['name', 'sex', 'age', 'languages', 'skills'],
        decision: 'given',
        method: 'signed',
        givenBy: c.fullName,
        givenAt: new Date(Date.now() - 60_000).toISOString(),
      },
    });
    expect(consent.status(), await consent.text()).toBe(201);
  } finally {
    await api.dispose();
  }
  await page.reload();
  await expect(page.getByRole('region', { name: 'Lowongan dan pelatihan yang cocok' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) })).not.toContainText(
    'Belum ada persetujuan pencocokan kerja',
  );
  await page.goto(`/openings/${openingId}`);
  const candidates = page.getByRole('region', { name: 'Kandidat dari kasus organisasi Anda' });
  const mine = candidates.getByRole('listitem').filter({ has: page.getByRole('link', { name: c.reference }) });
  await expect(mine).toBeVisible();
  await expect(mine.getByText('Pernah bekerja sebagai perawat lansia di rumah (caregiver) 4 tahun di Taiwan')).toBeVisible();
  await expect(mine.getByText('Di wilayah yang diinginkan (Kabupaten Malang)')).toBeVisible();
  await expect(candidates).not.toContainText(c.fullName);
  await expectSettledPageAccessible(page, testInfo, 'opening candidates');
});
