// The employment report on the real server, with data written here: primary and secondary
// suppression, rates hidden with their counts, who sees which figures, the filters and the CSV.
// Each part of the data lives in its own province so that the network-wide table can be read
// through the province filter without the other parts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase } from '../../case-records/test-fixtures.js';
import { todayInJakarta } from '../../cases/derived.js';
import { addDays, addMonths } from '../../reintegration/sustainability/schedule.js';
import {
  candidacies,
  candidacyEvents,
  cases,
  codeOfConductAcceptances,
  employmentOpenings,
  placementFollowUps,
  placements,
  referrals,
  skillsProfiles,
} from '../../platform/db/schema.js';
import { eq } from 'drizzle-orm';
import { rawQuery } from '../../../test/support/database.js';
import { startServer, type Client, type TestServer, type TestUser } from '../../../test/support/server.js';
import { codeOfConduct, type CandidacyStatus } from '../vocabulary.js';

type Signed = Client & { user: TestUser };

let s: TestServer;
let today: string;
let dinsos: { id: string }, dinsos2: { id: string }, partnerA: { id: string }, partnerB: { id: string }, partnerC: { id: string };
let analyst: Signed, admin: Signed, supervisor: Signed, orgAdmin2: Signed, worker: Signed, partnerUserA: Signed, partnerUserB: Signed, partnerUserC: Signed;

const db = () => s.database.db;
const at = (day: string) => new Date(`${day}T10:00:00+07:00`);

async function opening(
  organizationId: string,
  o: { sector: string; province: string | null; places?: number; status?: 'draft' | 'published' | 'closed'; publishedOn?: string; closedOn?: string; closesOn?: string; kind?: 'job' | 'training' },
) {
  const status = o.status ?? 'published';
  const [row] = await db()
    .insert(employmentOpenings)
    .values({
      organizationId,
      kind: o.kind ?? 'job',
      status,
      title: 'Lowongan uji',
      sector: o.sector,
      occupation: '9329',
      areaCode: o.province ? `${o.province}.01` : null,
      provinceCode: o.province,
      remote: o.province === null,
      places: o.places ?? 1,
      commitments: ['no_fees', 'no_document_retention', 'written_contract'],
      closesOn: o.closesOn ?? null,
      publishedAt: status === 'draft' ? null : at(o.publishedOn ?? addDays(today, -60)),
      closedAt: o.closedOn ? at(o.closedOn) : null,
    })
    .returning({ id: employmentOpenings.id });
  return row!.id;
}

async function returnee(
  organizationId: string,
  p: { home?: string | null; areas?: string[]; sectors?: string[]; history?: string[]; seeking?: string[]; arrivedOn?: string; incomeSince?: string } = {},
) {
  const c = await makeCase(s, { organizationId });
  await db()
    .update(cases)
    .set({ provinceCode: p.home ?? null, arrivedOn: p.arrivedOn ?? null })
    .where(eq(cases.id, c.id));
  await db()
    .insert(skillsProfiles)
    .values({
      caseId: c.id,
      organizationId,
      seeking: p.seeking ?? ['employment'],
      preferredAreaCodes: p.areas ?? [],
      preferredSectors: p.sectors ?? [],
      workHistory: (p.history ?? []).map((sector) => ({ country: 'MY', sector, occupation: null, years: 2, abroad: true })),
      incomeSince: p.incomeSince ?? null,
    });
  return c.id;
}

/** A candidacy with its referral, the events up to its status, and for `hired` a placement with its follow-ups. */
async function candidacy(
  caseOrganizationId: string,
  partnerOrganizationId: string,
  openingId: string,
  status: CandidacyStatus,
  o: { putForwardOn?: string; via?: CandidacyStatus[]; startOn?: string; followUps?: Record<number, { status: string; stillEmployed?: boolean }> } = {},
) {
  const caseId = await returnee(caseOrganizationId, { home: '33' });
  const sentAt = at(o.putForwardOn ?? addDays(today, -200));
  const [ref] = await db()
    .insert(referrals)
    .values({
      caseId,
      fromOrganizationId: caseOrganizationId,
      toOrganizationId: partnerOrganizationId,
      urgency: 'routine',
      respondBy: new Date(sentAt.getTime() + 7 * 86_400_000),
      contactPreference: 'through_case_worker',
      sharedFields: ['first_name', 'sex', 'age_band', 'languages', 'skills_profile'],
      status: status === 'hired' ? 'completed' : status === 'rejected' ? 'declined' : status === 'put_forward' ? 'sent' : 'accepted',
      sentById: worker.user.id,
      sentAt,
      consentPurpose: 'job_matching',
    })
    .returning({ id: referrals.id });
  const [k] = await db()
    .insert(candidacies)
    .values({
      referralId: ref!.id,
      openingId,
      caseId,
      fromOrganizationId: caseOrganizationId,
      partnerOrganizationId,
      status,
      rejectReason: status === 'rejected' ? 'skills_mismatch' : null,
      putForwardById: worker.user.id,
      putForwardAt: sentAt,
    })
    .returning({ id: candidacies.id });
  const steps: CandidacyStatus[] = ['put_forward', ...(o.via ?? []), ...(status === 'put_forward' ? [] : [status])];
  for (let i = 0; i < steps.length; i++)
    await db()
      .insert(candidacyEvents)
      .values({ candidacyId: k!.id, fromStatus: i ? steps[i - 1]! : null, toStatus: steps[i]!, at: new Date(sentAt.getTime() + i * 86_400_000) });
  if (status === 'hired') {
    const startOn = o.startOn ?? addDays(today, -240);
    const [pl] = await db()
      .insert(placements)
      .values({ candidacyId: k!.id, caseId, openingId, organizationId: partnerOrganizationId, startOn, monthlyWageIdr: 3_000_000, contractType: 'fixed_term' })
      .returning({ id: placements.id });
    for (const month of [1, 3, 6]) {
      const f = o.followUps?.[month] ?? { status: 'scheduled' };
      await db()
        .insert(placementFollowUps)
        .values({
          placementId: pl!.id,
          caseId,
          month,
          dueOn: addMonths(startOn, month),
          status: f.status,
          stillEmployed: f.status === 'done' ? (f.stillEmployed ?? true) : null,
          conductedOn: f.status === 'done' ? addMonths(startOn, month) : null,
        });
    }
  }
  return k!.id;
}

const report = (c: Client, query = '') => c.get(`/api/v1/employment/report${query}`);

beforeAll(async () => {
  s = await startServer();
  today = todayInJakarta();
  const gt = await s.org({ type: 'ministry', level: 'national' });
  dinsos = await s.org({ type: 'local_government', areaCode: '35' });
  dinsos2 = await s.org({ type: 'local_government', areaCode: '33' });
  partnerA = await s.org({ type: 'private_sector', level: 'regency', partnerKind: 'employer' });
  partnerB = await s.org({ type: 'private_sector', level: 'regency', partnerKind: 'employer' });
  partnerC = await s.org({ type: 'private_sector', level: 'regency', partnerKind: 'vocational_school' });
  [analyst, admin, supervisor, orgAdmin2, worker, partnerUserA, partnerUserB, partnerUserC] = await Promise.all([
    s.signedIn({ organizationId: gt.id, roles: ['analyst'] }),
    s.signedIn({ organizationId: gt.id, roles: ['system_admin'] }),
    s.signedIn({ organizationId: dinsos.id, roles: ['supervisor'] }),
    s.signedIn({ organizationId: dinsos2.id, roles: ['org_admin'] }),
    s.signedIn({ organizationId: dinsos.id, roles: ['case_worker'] }),
    s.signedIn({ organizationId: partnerA.id, roles: ['private_partner'] }),
    s.signedIn({ organizationId: partnerB.id, roles: ['private_partner'] }),
    s.signedIn({ organizationId: partnerC.id, roles: ['private_partner'] }),
  ]);
  for (const u of [partnerUserA, partnerUserB])
    await db().insert(codeOfConductAcceptances).values({ userId: u.user.id, organizationId: u.user.organizationId, version: codeOfConduct.version });

  // Bali (51), accommodation (I): four openings of one place each.
  for (let i = 0; i < 4; i++) await opening(partnerA.id, { sector: 'I56', province: '51' });
  // NTB (52), agriculture (A): four returnees who would work there.
  for (let i = 0; i < 4; i++) await returnee(dinsos.id, { home: '35', areas: ['52.01'], sectors: ['A01'] });
  // Kalimantan Barat (61): manufacturing 10, trade 3, transport 7 openings; a draft and one closed long ago do not count.
  for (let i = 0; i < 10; i++) await opening(partnerB.id, { sector: i % 2 ? 'C14' : 'C10', province: '61' });
  for (let i = 0; i < 3; i++) await opening(partnerB.id, { sector: 'G47', province: '61' });
  for (let i = 0; i < 7; i++) await opening(partnerB.id, { sector: 'H49', province: '61' });
  await opening(partnerB.id, { sector: 'C14', province: '61', status: 'draft' });
  await opening(partnerB.id, { sector: 'C14', province: '61', status: 'closed', publishedOn: addDays(today, -800), closedOn: addDays(today, -700) });
  await opening(partnerB.id, { sector: 'C14', province: '61', publishedOn: addDays(today, -800), closesOn: addDays(today, -500) });
  await opening(partnerA.id, { sector: 'J', province: null, places: 2 });

  // Placements: partner B's sewing job in Jawa Timur (35, C14) and shop job in Jawa Barat (32, G47); partner A's café job in DIY (34, I56).
  const b1 = await opening(partnerB.id, { sector: 'C14', province: '35', places: 10 });
  const b2 = await opening(partnerB.id, { sector: 'G47', province: '32', places: 5 });
  const a1 = await opening(partnerA.id, { sector: 'I56', province: '34', places: 4 });
  for (let i = 0; i < 6; i++)
    await candidacy(dinsos.id, partnerB.id, b1, 'hired', {
      via: ['interview', 'offer'],
      followUps: { 1: { status: 'done' }, 3: { status: 'done', stillEmployed: i !== 5 }, 6: i < 3 ? { status: 'done', stillEmployed: true } : { status: 'scheduled' } },
    });
  await candidacy(dinsos.id, partnerB.id, b1, 'rejected');
  await candidacy(dinsos.id, partnerB.id, b1, 'rejected', { putForwardOn: addDays(today, -800) });
  await candidacy(dinsos.id, partnerB.id, b2, 'interview');
  await candidacy(dinsos.id, partnerB.id, b2, 'interview');
  await candidacy(dinsos.id, partnerB.id, b2, 'offer', { via: ['interview'] });
  await candidacy(dinsos2.id, partnerB.id, b2, 'put_forward');
  await candidacy(dinsos2.id, partnerB.id, b2, 'put_forward');
  await candidacy(dinsos2.id, partnerA.id, a1, 'hired', { via: ['offer'], startOn: addDays(today, -20) });
  await candidacy(dinsos2.id, partnerA.id, a1, 'rejected');
  await candidacy(dinsos2.id, partnerA.id, a1, 'put_forward');
  await candidacy(dinsos2.id, partnerA.id, a1, 'put_forward');

  // Time to income: Dinsos returnees home in Papua (94) who arrived in the period, six earning (10 to 60 days after), three not yet.
  for (const [k, days] of [10, 20, 30, 40, 50, 60].entries())
    await returnee(dinsos.id, { home: '94', sectors: ['F'], arrivedOn: addDays(today, -100 - k), incomeSince: addDays(today, -100 - k + days) });
  for (let i = 0; i < 3; i++) await returnee(dinsos.id, { home: '94', sectors: ['F'], arrivedOn: addDays(today, -90), seeking: ['self_employment'] });
  // An income planned for next month is not an income yet; an arrival before the period is not counted.
  await returnee(dinsos2.id, { home: '94', arrivedOn: addDays(today, -30), incomeSince: addDays(today, 20) });
  await returnee(dinsos2.id, { home: '94', arrivedOn: addDays(today, -30), incomeSince: addDays(today, -5) });
  await returnee(dinsos.id, { home: '94', arrivedOn: addDays(today, -500), incomeSince: addDays(today, -400) });
}, 240_000);
afterAll(() => s?.close());

describe('openings against seekers', () => {
  it('shows 4 as "<5" and 5 as 5, for openings, places and seekers', async () => {
    let r = await report(analyst, '?province=51&sector=I');
    expect(r.status).toBe(200);
    expect(r.body.supply.cells).toEqual([{ province: { code: '51', name: 'Bali' }, sector: 'I', openings: '<5', places: '<5', seekers: '<5' }]);
    let q = await report(analyst, '?province=52');
    expect(q.body.supply.cells).toEqual([{ province: { code: '52', name: expect.any(String) }, sector: 'A', openings: '<5', places: '<5', seekers: '<5' }]);

    await opening(partnerA.id, { sector: 'I55', province: '51' });
    await returnee(dinsos.id, { home: '35', areas: ['52.01'], history: ['A03'] });
    r = await report(analyst, '?province=51&sector=I');
    expect(r.body.supply.cells[0]).toMatchObject({ openings: 5, places: 5, seekers: '<5' });
    expect(r.body.supply.total).toEqual({ openings: 5, places: 5, seekers: '<5' });
    q = await report(analyst, '?province=52');
    expect(q.body.supply.cells[0]).toMatchObject({ sector: 'A', seekers: 5 });
    // Seekers count in the province they would work in and in their home province.
    const home = await report(analyst, '?province=35&sector=A');
    expect(home.body.supply.cells[0]).toMatchObject({ sector: 'A', seekers: 5, openings: '<5' });
  });

  it('hides a second cell (and the totals that would give it away) where one hidden cell could be subtracted', async () => {
    const r = await report(analyst, '?province=61');
    const { cells, provinces, sectors, total } = r.body.supply;
    // Trade has 3 (hidden); transport's 7 is the smallest other cell of the row, so it is hidden too.
    expect(cells.map((c: any) => [c.sector, c.openings, c.places])).toEqual([
      ['C', 10, 10],
      ['G', '<5', '<5'],
      ['H', '<5', '<5'],
    ]);
    expect(provinces).toEqual([{ province: { code: '61', name: 'Kalimantan Barat' }, openings: 20, places: 20, seekers: '<5' }]);
    // Transport's column total equals the hidden cell, so it is hidden as well.
    expect(sectors.map((x: any) => [x.sector, x.openings])).toEqual([
      ['C', 10],
      ['G', '<5'],
      ['H', '<5'],
    ]);
    expect(total).toMatchObject({ openings: 20, places: 20 });
    // Never exactly one hidden value among a row and its total.
    const hiddenIn = (xs: unknown[]) => xs.filter((x) => x === '<5').length;
    expect(hiddenIn([...cells.map((c: any) => c.openings), provinces[0].openings])).not.toBe(1);
  });

  it('counts openings open at some time in the period, and remote ones apart', async () => {
    const r = await report(analyst, '?sector=J');
    expect(r.body.supply.cells).toEqual([]);
    expect(r.body.supply.remote).toEqual({ openings: '<5', places: '<5' });
    // The old ones in Kalimantan Barat count in a period that reaches back to them.
    const old = await report(analyst, `?province=61&sector=C&from=${addDays(today, -750)}&to=${addDays(today, -650)}`);
    expect(old.body.supply.cells).toEqual([{ province: { code: '61', name: 'Kalimantan Barat' }, sector: 'C', openings: '<5', places: '<5', seekers: '<5' }]);
    const division = await report(analyst, '?province=61&sector=C14');
    expect(division.body.supply.cells).toEqual([{ province: expect.any(Object), sector: 'C14', openings: 5, places: 5, seekers: '<5' }]);
  });
});

describe('placements', () => {
  it('gives the network the funnel, the placement rate and retention', async () => {
    const r = await report(analyst);
    expect(r.body.scope).toEqual({ kind: 'network', organization: null });
    expect(r.body.placements).toEqual({
      putForward: 16,
      interview: 9,
      offer: 8,
      hired: 7,
      rejected: '<5',
      placementRate: { value: 0.438, suppressed: false },
      retention: {
        month3: { due: 6, followedUp: 6, stillEmployed: 5, rate: { value: 0.833, suppressed: false } },
        month6: { due: 6, followedUp: '<5', stillEmployed: '<5', rate: { value: null, suppressed: true } },
      },
    });
    const adminView = await report(admin);
    expect(adminView.body.placements.putForward).toBe(16);
  });

  it('shows a partner only the placements of its own openings, with rates null when their counts are hidden', async () => {
    const a = await report(partnerUserA);
    expect(a.status).toBe(200);
    expect(a.body.scope).toEqual({ kind: 'partner', organization: { id: partnerA.id, name: expect.any(String) } });
    expect(a.body.placements).toMatchObject({ putForward: '<5', hired: '<5', placementRate: { value: null, suppressed: true } });
    expect(a.body.timeToIncome).toBeNull();
    // The table is the network's, the same for every caller.
    expect(a.body.supply).toEqual((await report(analyst)).body.supply);
    const b = await report(partnerUserB);
    expect(b.body.placements).toMatchObject({ putForward: 12, interview: 9, offer: 7, hired: 6, placementRate: { value: 0.5, suppressed: false } });
  });

  it('shows a supervisor or organisation administrator the placements of its own cases', async () => {
    const sup = await report(supervisor);
    expect(sup.body.scope).toMatchObject({ kind: 'organization', organization: { id: dinsos.id } });
    expect(sup.body.placements).toMatchObject({ putForward: 10, hired: 6, placementRate: { value: 0.6, suppressed: false } });
    const other = await report(orgAdmin2);
    expect(other.body.scope).toMatchObject({ kind: 'organization', organization: { id: dinsos2.id } });
    expect(other.body.placements).toMatchObject({ putForward: 6, hired: '<5', placementRate: { value: null, suppressed: true } });
  });

  it('filters by province and sector of the opening, and by period', async () => {
    const jatim = await report(analyst, '?province=35');
    expect(jatim.body.placements).toMatchObject({ putForward: 7, hired: 6, placementRate: { value: 0.857, suppressed: false } });
    expect(jatim.body.filters).toEqual({ province: { code: '35', name: 'Jawa Timur' }, sector: null });
    const trade = await report(analyst, '?sector=G');
    expect(trade.body.placements).toMatchObject({ putForward: 5, interview: '<5', offer: '<5', hired: '<5' });
    const none = await report(analyst, '?province=35&sector=G');
    expect(none.body.placements.putForward).toBe('<5');
    const longer = await report(analyst, `?province=35&from=${addDays(today, -900)}`);
    expect(longer.body.placements.putForward).toBe(8);
    expect(longer.body.period).toEqual({ from: addDays(today, -900), to: today });
  });
});

describe('time from arrival to first income', () => {
  it('gives quartiles and the median in days, and how many have no income yet', async () => {
    const r = await report(supervisor, '?province=94');
    expect(r.body.timeToIncome).toEqual({ withIncome: 6, withoutIncome: '<5', days: { q1: 22.5, median: 35, q3: 47.5, suppressed: false } });
    const sector = await report(supervisor, '?province=94&sector=F');
    expect(sector.body.timeToIncome.withIncome).toBe(6);
    const elsewhere = await report(supervisor, '?province=94&sector=A');
    expect(elsewhere.body.timeToIncome).toEqual({ withIncome: '<5', withoutIncome: '<5', days: { q1: null, median: null, q3: null, suppressed: true } });
    // Another organisation's returnees are its own: one with an income, one whose job starts next month.
    const other = await report(orgAdmin2, '?province=94');
    expect(other.body.timeToIncome).toEqual({ withIncome: '<5', withoutIncome: '<5', days: { q1: null, median: null, q3: null, suppressed: true } });
  });
});

describe('who may ask', () => {
  it('refuses case workers (403), strangers (401) and partners who have not accepted the code of conduct', async () => {
    expect((await report(worker)).status).toBe(403);
    expect((await s.client().get('/api/v1/employment/report')).status).toBe(401);
    const c = await report(partnerUserC);
    expect(c.status).toBe(403);
    expect(c.body.error.code).toBe('code_of_conduct_required');
    expect((await partnerUserC.get('/api/v1/employment/report.csv')).status).toBe(403);
  });

  it('checks the filters', async () => {
    const back = await report(analyst, `?from=${today}&to=${addDays(today, -1)}`);
    expect(back.status).toBe(400);
    expect(back.body.error.fields).toEqual({ to: 'end_before_start' });
    expect((await report(analyst, '?province=99')).body.error.fields).toEqual({ province: 'unknown_area' });
    expect((await report(analyst, '?province=35.07')).status).toBe(400);
    expect((await report(analyst, '?sector=Z')).body.error.fields).toEqual({ sector: 'invalid_choice' });
  });
});

describe('CSV and audit', () => {
  it('downloads the same figures, suppressed the same way, and records who asked', async () => {
    const res = await analyst.get('/api/v1/employment/report.csv?province=61&lang=en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="pulang-employment-report-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = res.text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('table,province_code,province,sector,sector_label,measure,value');
    expect(lines).toContain('meta,,,,,scope,network');
    expect(lines).toContain('supply,61,Kalimantan Barat,C,Manufacturing,openings,10');
    expect(lines).toContain('supply,61,Kalimantan Barat,G,Wholesale and retail trade; vehicle repair,openings,<5');
    expect(lines).toContain('supply,61,Kalimantan Barat,H,Transport and storage,openings,<5');
    expect(lines).toContain('supply_province_total,61,Kalimantan Barat,,,openings,20');
    expect(lines).toContain('placements,,,,,put_forward,<5');
    expect(lines).toContain('placements,,,,,placement_rate,suppressed');
    const partner = await partnerUserB.get('/api/v1/employment/report.csv');
    expect(partner.text).toContain('meta,,,,,scope,partner');
    expect(partner.text).toContain('placements,,,,,put_forward,12');
    expect(partner.text).not.toContain('time_to_income');

    const audits = await rawQuery(s.database, `select actor_id, details from audit_events where action = 'employment.report.read' order by seq`);
    expect(audits.length).toBeGreaterThan(10);
    expect(audits.at(-1)).toMatchObject({ actor_id: partnerUserB.user.id, details: { scope: 'partner', format: 'csv' } });
    expect(audits.find((a: any) => a.details.province === '61' && a.details.format === 'csv')).toMatchObject({ actor_id: analyst.user.id });
  });
});
