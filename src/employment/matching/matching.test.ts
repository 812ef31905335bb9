// Matching through the real server: a case's ranked openings (what is open, the consent flag, the
// candidacy) and an opening's ranked candidates (only the organisation's consenting cases, only the
// allowed fields, never a name), and who may ask.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase } from '../../case-records/test-fixtures.js';
import { candidacies, cases, caseConsents, organizations, persons, referrals } from '../../platform/db/schema.js';
import { rawQuery } from '../../../test/support/database.js';
import { startServer, type TestServer } from '../../../test/support/server.js';
import { jobMatchingConsent, makeOpening, saveProfile, type Signed } from './test-fixtures.js';

let s: TestServer;
let dinsos: { id: string; name: string };
let otherOffice: { id: string };
let employer: { id: string; name: string };
let suspended: { id: string };
let school: { id: string; name: string };
let careAgency: { id: string; name: string };
let workerA: Signed;
let workerB: Signed;
let supervisor: Signed;
let otherWorker: Signed;
let partner: Signed;
let orgAdmin: Signed;
let analyst: Signed;
const o: Record<string, { id: string; title: string }> = {};
const c: Record<string, { id: string; reference: string }> = {};

const yesterday = () => new Date(Date.now() - 86_400_000 - 8 * 3_600_000).toISOString().slice(0, 10);

/** A case of the case worker, with a person named so that a leak would show. */
async function caseOf(by: Signed, name: string, organizationId = dinsos.id) {
  const made = await makeCase(s, { organizationId, createdById: by.user.id, assignedToId: by.user.id });
  await s.database.db.update(persons).set({ fullNameEnc: s.cipher.encrypt(name) }).where(eq(persons.id, made.personId));
  await s.database.db.update(cases).set({ provinceCode: '35' }).where(eq(cases.id, made.id));
  return made;
}

beforeAll(async () => {
  s = await startServer();
  dinsos = await s.org({ type: 'local_government', areaCode: '35' });
  otherOffice = await s.org({ type: 'local_government', areaCode: '35' });
  employer = await s.org({ type: 'private_sector', level: 'regency', areaCode: '35.07', partnerKind: 'employer' });
  suspended = await s.org({ type: 'private_sector', level: 'regency', partnerKind: 'employer', suspendedAt: new Date() });
  school = await s.org({ type: 'private_sector', level: 'regency', partnerKind: 'vocational_school' });
  careAgency = await s.org({ type: 'private_sector', level: 'regency', partnerKind: 'employer' });
  [workerA, workerB, supervisor, otherWorker, partner, orgAdmin, analyst] = await Promise.all([
    s.signedIn({ organizationId: dinsos.id, roles: ['case_worker'], displayName: 'Ayu Pekerja' }),
    s.signedIn({ organizationId: dinsos.id, roles: ['case_worker'], displayName: 'Bambang Pekerja' }),
    s.signedIn({ organizationId: dinsos.id, roles: ['supervisor'] }),
    s.signedIn({ organizationId: otherOffice.id, roles: ['case_worker'] }),
    s.signedIn({ organizationId: employer.id, roles: ['private_partner'] }),
    s.signedIn({ organizationId: dinsos.id, roles: ['org_admin'] }),
    s.signedIn({ organizationId: dinsos.id, roles: ['analyst'] }),
  ]);
  const caregiving = { occupation: '5322', sector: 'Q87', requiredSkills: [{ code: 'elderly_care', level: 'intermediate' }], requiredCertificates: ['caregiver'] };
  o.caregiverMalang = await makeOpening(s, { organizationId: employer.id, title: 'Perawat lansia di panti wreda Malang', areaCode: '35.07.01', ...caregiving });
  o.welder = await makeOpening(s, {
    organizationId: employer.id,
    title: 'Tukang las di bengkel Surabaya',
    occupation: '7212',
    sector: 'C25',
    areaCode: '35.78',
    requiredSkills: [{ code: 'welding', level: 'intermediate' }],
    requiredCertificates: ['welding'],
  });
  o.guard = await makeOpening(s, {
    organizationId: employer.id,
    title: 'Petugas keamanan gudang Surabaya',
    occupation: '5414',
    sector: 'N',
    areaCode: '35.78',
    requiredSkills: [{ code: 'security', level: 'basic' }],
    requiredCertificates: [],
  });
  o.homeCare = await makeOpening(s, { organizationId: careAgency.id, title: 'Caregiver perawatan di rumah, Batu', occupation: '5322', sector: 'Q88', areaCode: '35.79' });
  o.suspended = await makeOpening(s, { organizationId: suspended.id, title: 'Perawat (mitra ditangguhkan)', ...caregiving });
  o.closed = await makeOpening(s, { organizationId: employer.id, title: 'Perawat (ditutup)', status: 'closed', closedAt: new Date(), ...caregiving });
  o.pastClosing = await makeOpening(s, { organizationId: employer.id, title: 'Perawat (lewat tanggal)', closesOn: yesterday(), ...caregiving });
  o.draft = await makeOpening(s, { organizationId: employer.id, title: 'Perawat (draf)', status: 'draft', publishedAt: null, ...caregiving });
  o.course = await makeOpening(s, {
    organizationId: school.id,
    kind: 'training',
    title: 'Pelatihan caregiver bersertifikat',
    occupation: '5322',
    sector: 'P',
    areaCode: '35.07',
    durationWeeks: 8,
    costIdr: 0,
    certificateAwarded: 'caregiver',
    requiredCertificates: [],
    requiredSkills: [],
  });

  c.sri = await caseOf(workerA, 'Sri Wahyuni');
  await saveProfile(workerA, c.sri.id);
  c.budi = await caseOf(workerB, 'Budi Santoso');
  await saveProfile(workerB, c.budi.id, {
    workHistory: [{ country: 'MY', sector: 'C25', occupation: '7212', years: 6 }],
    skills: [{ code: 'welding', level: 'advanced' }],
    certificates: [{ code: 'welding', country: 'MY', year: 2021 }],
    preferredSectors: ['C25'],
    preferredAreaCodes: ['35.78'],
    constraints: [],
  });
  c.nina = await caseOf(workerB, 'Nina Kartika');
  await saveProfile(workerB, c.nina.id, { workHistory: [{ country: 'HK', sector: 'T97', occupation: '5322', years: 2 }], certificates: [] });
  c.ani = await caseOf(workerA, 'Ani Lestari');
  await saveProfile(workerA, c.ani.id, { seeking: ['training'] });
  c.rina = await caseOf(workerA, 'Rina Marlina');
  await saveProfile(workerA, c.rina.id);
  c.tono = await caseOf(workerA, 'Tono Sugiarto');
  await saveProfile(workerA, c.tono.id);
  c.wati = await caseOf(workerA, 'Wati Suryani');
  await saveProfile(workerA, c.wati.id);
  c.closedCase = await caseOf(workerA, 'Yuli Rahmawati');
  await saveProfile(workerA, c.closedCase.id);
  c.resting = await caseOf(workerA, 'Dedi Kurniawan');
  await saveProfile(workerA, c.resting.id, { seeking: [] });
  c.elsewhere = await caseOf(otherWorker, 'Lina Marlina', otherOffice.id);
  await saveProfile(otherWorker, c.elsewhere.id);
  c.noProfile = await caseOf(workerA, 'Eko Prasetyo');

  // Consents: by type for most; Budi names the employer; Rina none; Tono withdrew; Wati refused the employer later.
  for (const k of [c.sri, c.ani, c.closedCase, c.resting]) await jobMatchingConsent(workerA, k.id);
  await jobMatchingConsent(otherWorker, c.elsewhere.id);
  await jobMatchingConsent(workerB, c.budi.id, { organizationId: employer.id });
  await jobMatchingConsent(workerB, c.nina.id);
  const tono = await jobMatchingConsent(workerA, c.tono.id);
  await s.database.db.update(caseConsents).set({ withdrawnAt: new Date(), withdrawnById: workerA.user.id }).where(eq(caseConsents.id, tono.id));
  await jobMatchingConsent(workerA, c.wati.id, { givenAt: new Date(Date.now() - 7 * 86_400_000).toISOString() });
  await jobMatchingConsent(workerA, c.wati.id, { organizationId: employer.id, decision: 'refused' });
  await s.database.db.update(cases).set({ stage: 'closed' }).where(eq(cases.id, c.closedCase.id));
}, 120_000);

afterAll(async () => {
  await s?.close();
});

const titles = (items: { opening: { title: string } }[]) => items.map((i) => i.opening.title);

describe('matches of a case', () => {
  it('needs a skills profile', async () => {
    const res = await workerA.get(`/api/v1/cases/${c.noProfile.id}/matches`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('profile_required');
  });

  it('ranks the open jobs that fit, with the reasons, and leaves out what is not open', async () => {
    const res = await workerA.get(`/api/v1/cases/${c.sri.id}/matches`);
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('job');
    const list = titles(res.body.items);
    expect(list[0]).toBe('Perawat lansia di panti wreda Malang');
    expect(list).toEqual(expect.arrayContaining(['Petugas keamanan gudang Surabaya', 'Caregiver perawatan di rumah, Batu']));
    expect(list.indexOf('Perawat lansia di panti wreda Malang')).toBeLessThan(list.indexOf('Petugas keamanan gudang Surabaya'));
    // A welder's job shares only the province with a caregiver, in another line of work: not a match.
    expect(list).not.toContain('Tukang las di bengkel Surabaya');
    // Suspended partner, closed, past its closing day, draft, and training places: not here.
    for (const t of ['Perawat (mitra ditangguhkan)', 'Perawat (ditutup)', 'Perawat (lewat tanggal)', 'Perawat (draf)', 'Pelatihan caregiver bersertifikat']) expect(list).not.toContain(t);
    const top = res.body.items[0];
    expect(top.score).toBeGreaterThanOrEqual(80);
    expect(top.opening).toMatchObject({ id: o.caregiverMalang.id, kind: 'job', organization: { id: employer.id, name: employer.name }, areaCode: '35.07.01', remote: false });
    expect(top.opening.area).toEqual({ province: expect.stringMatching(/JAWA TIMUR/i), regency: expect.stringMatching(/MALANG/i) });
    expect(top.reasons).toEqual(
      expect.arrayContaining([
        { code: 'occupation_same', detail: { occupation: '5322', years: 4, countries: ['TW'], abroad: true } },
        { code: 'certificate_held', detail: { certificate: 'caregiver', country: 'TW', abroad: true } },
        { code: 'location_preferred', detail: { areaCode: '35.07.01' } },
      ]),
    );
    const guard = res.body.items.find((i: { opening: { id: string } }) => i.opening.id === o.guard.id);
    expect(guard.reasons).toEqual(
      expect.arrayContaining([
        { code: 'occupation_related', detail: { occupation: '5322', years: 4, countries: ['TW'], abroad: true, group: 'major' } },
        { code: 'skill_missing', detail: { skill: 'security', required: 'basic' } },
        { code: 'location_province', detail: { province: '35', areaCode: '35.78' } },
      ]),
    );
    expect(guard.score).toBeLessThan(top.score - 40);
    expect(res.body.items.every((i: { consent: { covers: boolean }; candidacy: unknown }) => i.candidacy === null)).toBe(true);
  });

  it('tells whether the job_matching consent covers each partner: by type, and a refusal naming a partner wins', async () => {
    const covers = async (caseId: string) =>
      Object.fromEntries(((await workerA.get(`/api/v1/cases/${caseId}/matches`)).body.items as { opening: { id: string }; consent: { covers: boolean } }[]).map((i) => [i.opening.id, i.consent.covers]));
    expect(await covers(c.sri.id)).toMatchObject({ [o.caregiverMalang.id]: true, [o.homeCare.id]: true });
    expect(await covers(c.rina.id)).toMatchObject({ [o.caregiverMalang.id]: false, [o.homeCare.id]: false });
    expect(await covers(c.tono.id)).toMatchObject({ [o.caregiverMalang.id]: false });
    expect(await covers(c.wati.id)).toMatchObject({ [o.caregiverMalang.id]: false, [o.guard.id]: false, [o.homeCare.id]: true });
  });

  it('gives training places to a person who seeks training, and either kind on request', async () => {
    const res = await workerA.get(`/api/v1/cases/${c.ani.id}/matches`);
    expect(res.body.kind).toBe('training');
    expect(titles(res.body.items)).toEqual(['Pelatihan caregiver bersertifikat']);
    expect(res.body.items[0].reasons).toEqual(expect.arrayContaining([{ code: 'seeking_match', detail: { seeking: 'training' } }]));
    const jobs = await workerA.get(`/api/v1/cases/${c.ani.id}/matches?kind=job`);
    expect(jobs.body.kind).toBe('job');
    expect(jobs.body.items[0].reasons).toEqual(expect.arrayContaining([{ code: 'seeking_other', detail: { seeking: ['training'] } }]));
    const limited = await workerA.get(`/api/v1/cases/${c.sri.id}/matches?limit=1`);
    expect(limited.body.items).toHaveLength(1);
  });

  it('shows the candidacy already made for an opening', async () => {
    const [ref] = await s.database.db
      .insert(referrals)
      .values({
        caseId: c.sri.id,
        fromOrganizationId: dinsos.id,
        toOrganizationId: employer.id,
        urgency: 'routine',
        respondBy: new Date(Date.now() + 7 * 86_400_000),
        contactPreference: 'through_case_worker',
        sentById: workerA.user.id,
        consentPurpose: 'job_matching',
      })
      .returning({ id: referrals.id });
    const [cand] = await s.database.db
      .insert(candidacies)
      .values({ referralId: ref.id, openingId: o.caregiverMalang.id, caseId: c.sri.id, fromOrganizationId: dinsos.id, partnerOrganizationId: employer.id, putForwardById: workerA.user.id })
      .returning({ id: candidacies.id });
    const res = await workerA.get(`/api/v1/cases/${c.sri.id}/matches`);
    expect(res.body.items[0].candidacy).toEqual({ id: cand.id, status: 'put_forward' });
    const cands = await workerA.get(`/api/v1/openings/${o.caregiverMalang.id}/candidates`);
    expect(cands.body.items.find((i: { case: { id: string } }) => i.case.id === c.sri.id).candidacy).toEqual({ id: cand.id, status: 'put_forward' });
  });

  it('is the case’s: another case worker, another organisation, a partner get 404', async () => {
    for (const who of [workerB, otherWorker, partner, orgAdmin, analyst]) expect((await who.get(`/api/v1/cases/${c.sri.id}/matches`)).status).toBe(404);
    expect((await supervisor.get(`/api/v1/cases/${c.sri.id}/matches`)).status).toBe(200);
  });
});

describe('candidates for an opening', () => {
  it('ranks only the organisation’s open cases that seek this kind and consented to this partner, with reference and reasons, never a name', async () => {
    const res = await workerA.get(`/api/v1/openings/${o.caregiverMalang.id}/candidates`);
    expect(res.status).toBe(200);
    expect(res.body.opening).toMatchObject({ id: o.caregiverMalang.id, title: 'Perawat lansia di panti wreda Malang', kind: 'job', organization: { id: employer.id, name: employer.name }, areaCode: '35.07.01', remote: false });
    expect(res.body.opening.area).toEqual({ province: expect.stringMatching(/JAWA TIMUR/i), regency: expect.stringMatching(/MALANG/i) });
    const ids = res.body.items.map((i: { case: { id: string } }) => i.case.id);
    expect(ids).toEqual([c.sri.id, c.nina.id]);
    // A welder shares only the province with a caregiver's job: not a candidate. Seeks training, no
    // consent, withdrawn, refused this partner, closed, not looking, another organisation: not here.
    for (const k of [c.budi, c.ani, c.rina, c.tono, c.wati, c.closedCase, c.resting, c.elsewhere, c.noProfile]) expect(ids).not.toContain(k.id);
    const sri = res.body.items[0];
    expect(Object.keys(sri).sort()).toEqual(['assignedTo', 'canOpen', 'candidacy', 'case', 'reasons', 'score']);
    expect(Object.keys(sri.case).sort()).toEqual(['id', 'reference']);
    expect(sri).toMatchObject({ case: { id: c.sri.id, reference: c.sri.reference }, assignedTo: { id: workerA.user.id, displayName: 'Ayu Pekerja' }, canOpen: true });
    expect(sri.reasons).toEqual(expect.arrayContaining([{ code: 'occupation_same', detail: { occupation: '5322', years: 4, countries: ['TW'], abroad: true } }]));
    const nina = res.body.items[1];
    // Another case worker's case: its reference, reasons and case worker, but the caller cannot open it.
    expect(nina).toMatchObject({ canOpen: false, assignedTo: { id: workerB.user.id, displayName: 'Bambang Pekerja' } });
    expect(nina.score).toBeLessThan(sri.score);
    expect(nina.reasons).toEqual(expect.arrayContaining([{ code: 'certificate_missing', detail: { certificate: 'caregiver' } }]));
    expect(res.text).not.toMatch(/Sri|Wahyuni|Nina|Kartika|stroke|luar negeri|care_duties/);

    const bySupervisor = await supervisor.get(`/api/v1/openings/${o.caregiverMalang.id}/candidates`);
    expect(bySupervisor.body.items.every((i: { canOpen: boolean }) => i.canOpen)).toBe(true);
    const welder = await workerB.get(`/api/v1/openings/${o.welder.id}/candidates`);
    expect(welder.body.items[0]).toMatchObject({ case: { id: c.budi.id }, canOpen: true });
    expect(welder.body.items[0].reasons).toEqual(expect.arrayContaining([{ code: 'certificate_held', detail: { certificate: 'welding', country: 'MY', abroad: true } }]));

    // A consent by type covers another partner too; the refusal naming the employer does not reach the care agency.
    const homeCareIds = (await workerA.get(`/api/v1/openings/${o.homeCare.id}/candidates`)).body.items.map((i: { case: { id: string } }) => i.case.id);
    expect(homeCareIds).toEqual(expect.arrayContaining([c.sri.id, c.wati.id, c.nina.id]));
    expect(homeCareIds).not.toContain(c.budi.id);
    // Training seekers for the training place.
    const course = await workerA.get(`/api/v1/openings/${o.course.id}/candidates`);
    expect(course.body.items.map((i: { case: { id: string } }) => i.case.id)).toEqual([c.ani.id]);
    // Another office sees only its own.
    const other = await otherWorker.get(`/api/v1/openings/${o.caregiverMalang.id}/candidates`);
    expect(other.body.items.map((i: { case: { id: string } }) => i.case.id)).toEqual([c.elsewhere.id]);

    const audit = await rawQuery(s.database, `select details from audit_events where action = 'opening.candidates.read' and target_id = '${o.caregiverMalang.id}'`);
    expect(audit.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(audit)).not.toMatch(/Sri|Budi/);
  });

  it('refuses openings that are not open, and answers 404 to those who rank no cases', async () => {
    for (const id of [o.suspended.id, o.closed.id, o.pastClosing.id]) {
      const res = await workerA.get(`/api/v1/openings/${id}/candidates`);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('opening_not_open');
    }
    expect((await workerA.get(`/api/v1/openings/${o.draft.id}/candidates`)).status).toBe(404);
    expect((await workerA.get('/api/v1/openings/00000000-0000-4000-8000-000000000000/candidates')).status).toBe(404);
    for (const who of [partner, orgAdmin, analyst]) expect((await who.get(`/api/v1/openings/${o.caregiverMalang.id}/candidates`)).status).toBe(404);
  });

  it('leaves a suspended partner’s openings out once suspended', async () => {
    await s.database.db.update(organizations).set({ suspendedAt: new Date() }).where(eq(organizations.id, careAgency.id));
    const res = await workerA.get(`/api/v1/cases/${c.sri.id}/matches`);
    expect(titles(res.body.items)).not.toContain('Caregiver perawatan di rumah, Batu');
    expect((await workerA.get(`/api/v1/openings/${o.homeCare.id}/candidates`)).status).toBe(409);
    await s.database.db.update(organizations).set({ suspendedAt: null }).where(eq(organizations.id, careAgency.id));
  });
});
