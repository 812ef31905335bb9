// The employment demo on a fresh database after the demo cases and surveys: the partners and what
// they offer, profiles, consents that cover every candidacy, history never shared, placements with
// their three follow-ups, nothing but codes and the seeder's own phrases, and the report over it.
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeConsent } from '../case-records/consents.js';
import { todayInJakarta } from '../cases/derived.js';
import { certificateCodes, codeOfConduct, iscoCodes, isicCodes, skillCodes } from '../employment/vocabulary.js';
import {
  candidacies,
  candidacyEvents,
  caseTasks,
  cases,
  codeOfConductAcceptances,
  employmentOpenings,
  organizations,
  placementFollowUps,
  placements,
  referrals,
  skillsProfiles,
  users,
} from '../platform/db/schema.js';
import { addMonths } from '../reintegration/sustainability/schedule.js';
import { fieldsAllowedBy } from '../referrals/vocabulary.js';
import { startServer, type TestServer } from '../../test/support/server.js';
import { seedDemoCases } from './cases.js';
import { DEMO_PS_SYSTEM_EMAIL, demoEmploymentTexts, seedDemoEmployment, type DemoEmployment } from './employment.js';
import { seedDemoSurveys } from './surveys.js';
import { workProblemTaskTitle } from '../employment/placements/service.js';
import { followUpTaskTitle } from '../employment/placements/sweep.js';

let s: TestServer;
let ids: Record<string, string>;
let caseIds: string[];
let out: DemoEmployment;
let workerId: string;
const db = () => s.database.db;

beforeAll(async () => {
  s = await startServer();
  const dinsos = await s.org({ name: 'Dinas Sosial Provinsi Jawa Timur (uji lapangan kerja)', areaCode: '35' });
  const ps = await s.org({ name: 'PT Karya Mandiri Sejahtera (uji)', type: 'private_sector', level: 'regency', areaCode: '32.12' });
  const lpk = await s.org({ name: 'LPK Terampil Mandiri Malang (uji)', type: 'private_sector', level: 'regency', areaCode: '35.07' });
  const gt = await s.org({ name: 'Gugus Tugas (uji)', type: 'ministry', level: 'national' });
  ids = { dinsos: dinsos.id, ps: ps.id, lpk: lpk.id, gt: gt.id };
  workerId = (await s.user({ organizationId: dinsos.id, roles: ['case_worker'], email: 'caseworker@demo.pulang.example' })).id;
  await s.user({ organizationId: dinsos.id, roles: ['supervisor'], email: 'supervisor@demo.pulang.example' });
  await s.user({ organizationId: ps.id, roles: ['private_partner'], email: 'partner@demo.pulang.example' });
  await s.user({ organizationId: lpk.id, roles: ['private_partner'], email: 'partner.lpk@demo.pulang.example' });
  ({ caseIds } = await seedDemoCases(s.database.db, s.cipher, s.lookup, dinsos.id));
  await seedDemoSurveys(s.database.db, s.cipher, { organizationId: dinsos.id, caseIds });
  out = await seedDemoEmployment(s.database.db, s.cipher, { ids, caseIds });
}, 600_000);
afterAll(() => s?.close());

describe('seedDemoEmployment', () => {
  it('sets up the partners: kinds, the HR system account, and the code accepted by partner.lpk@ only', async () => {
    const orgs = await db().select({ id: organizations.id, kind: organizations.partnerKind }).from(organizations).where(inArray(organizations.id, [ids.ps!, ids.lpk!]));
    expect(Object.fromEntries(orgs.map((o) => [o.id, o.kind]))).toEqual({ [ids.ps!]: 'employer', [ids.lpk!]: 'vocational_school' });
    const accepted = await db()
      .select({ email: users.email, version: codeOfConductAcceptances.version })
      .from(codeOfConductAcceptances)
      .innerJoin(users, eq(users.id, codeOfConductAcceptances.userId));
    expect(accepted).toEqual([{ email: 'partner.lpk@demo.pulang.example', version: codeOfConduct.version }]);
    const [system] = await db().select({ kind: users.kind, passwordHash: users.passwordHash, roles: users.roles }).from(users).where(eq(users.email, DEMO_PS_SYSTEM_EMAIL));
    expect(system).toEqual({ kind: 'service', passwordHash: null, roles: ['private_partner'] });
  });

  it('gives the employer twelve jobs (one draft, one closed) with the decent-work commitments, and the school six training places', async () => {
    const rows = await db().select().from(employmentOpenings);
    const ps = rows.filter((r) => r.organizationId === ids.ps);
    const lpk = rows.filter((r) => r.organizationId === ids.lpk);
    expect(ps).toHaveLength(12);
    expect(ps.every((r) => r.kind === 'job')).toBe(true);
    expect(ps.map((r) => r.status).sort()).toEqual(['closed', 'draft', ...Array(10).fill('published')]);
    for (const r of ps.filter((x) => x.status === 'published')) expect([...r.commitments].sort()).toEqual(['no_document_retention', 'no_fees', 'written_contract']);
    expect(new Set(ps.map((r) => r.provinceCode))).toEqual(new Set(['32', '35']));
    for (const r of ps) expect(r.wageMinIdr! >= 2_800_000 && r.wageMaxIdr! <= 5_400_000 && r.wageMinIdr! <= r.wageMaxIdr!).toBe(true);
    expect(lpk).toHaveLength(6);
    expect(lpk.every((r) => r.kind === 'training' && r.status === 'published' && r.durationWeeks! > 0 && r.certificateAwarded)).toBe(true);
    for (const r of rows) {
      expect(isicCodes).toContain(r.sector);
      expect(iscoCodes).toContain(r.occupation);
      expect(r.areaCode!.slice(0, 2)).toBe(r.provinceCode);
      expect(r.publishedAt === null).toBe(r.status === 'draft');
    }
    expect(Object.keys(out.openingIds)).toHaveLength(18);
  });

  it('profiles about twenty returnees with codes only, and leaves the case worker cases to profile', async () => {
    const profiles = await db().select().from(skillsProfiles);
    expect(profiles.length).toBeGreaterThanOrEqual(15);
    expect(profiles.length).toBeLessThanOrEqual(20);
    expect(new Set(profiles.map((p) => p.organizationId))).toEqual(new Set([ids.dinsos]));
    const seeking = new Set(profiles.flatMap((p) => p.seeking));
    expect(seeking).toEqual(new Set(['employment', 'self_employment', 'training']));
    const countries = new Set<string>();
    for (const p of profiles) {
      for (const w of p.workHistory as { country: string; sector: string; occupation: string; years: number; abroad: boolean }[]) {
        expect(w.country).toMatch(/^[A-Z]{2}$/);
        expect(isicCodes).toContain(w.sector);
        expect(iscoCodes).toContain(w.occupation);
        expect(w.abroad).toBe(w.country !== 'ID');
        countries.add(w.country);
      }
      for (const k of p.skills as { code: string }[]) expect(skillCodes).toContain(k.code);
      for (const c of p.certificates as { code: string }[]) expect(certificateCodes).toContain(c.code);
      for (const sector of p.preferredSectors) expect(isicCodes).toContain(sector);
      for (const a of p.preferredAreaCodes) expect(a).toMatch(/^\d{2}\.\d{2}$/);
      expect(p.notesEnc).toBeNull();
      expect(p.constraintsNoteEnc).toBeNull();
    }
    expect(countries.size).toBeGreaterThanOrEqual(4);
    const abroadSectors = new Set(profiles.flatMap((p) => (p.workHistory as { sector: string; abroad: boolean }[]).filter((w) => w.abroad).map((w) => w.sector)));
    expect(abroadSectors.has('A03') || abroadSectors.has('T97')).toBe(true);

    // The case worker keeps open cases without a profile and without a candidacy.
    const mine = await db().select({ id: cases.id, stage: cases.stage }).from(cases).where(and(eq(cases.assignedToId, workerId)));
    const profiled = new Set(profiles.map((p) => p.caseId));
    const put = new Set((await db().select({ caseId: candidacies.caseId }).from(candidacies)).map((c) => c.caseId));
    const free = mine.filter((c) => c.stage !== 'closed' && !profiled.has(c.id));
    expect(free.length).toBeGreaterThanOrEqual(5);
    expect(free.some((c) => c.stage === 'assessment')).toBe(true);
    expect(mine.filter((c) => profiled.has(c.id) && !put.has(c.id)).length).toBeGreaterThanOrEqual(5);
  });

  it('puts candidates forward only under a job_matching consent that covers the partner, never with the history', async () => {
    const rows = await db()
      .select({ k: candidacies, r: referrals })
      .from(candidacies)
      .innerJoin(referrals, eq(referrals.id, candidacies.referralId));
    expect(rows).toHaveLength(9);
    expect(new Set(rows.map((x) => x.k.status))).toEqual(new Set(['put_forward', 'interview', 'offer', 'rejected', 'hired']));
    expect(new Set(rows.map((x) => x.k.partnerOrganizationId))).toEqual(new Set([ids.ps, ids.lpk]));
    for (const { k, r } of rows) {
      const consent = await activeConsent(db(), k.caseId, 'job_matching', { organizationId: k.partnerOrganizationId, organizationType: 'private_sector' });
      expect(consent).not.toBeNull();
      expect(r.consentId).toBe(consent!.id);
      expect(r.consentPurpose).toBe('job_matching');
      expect(r.caseId).toBe(k.caseId);
      expect(r.toOrganizationId).toBe(k.partnerOrganizationId);
      expect(r.overrideReason).toBeNull();
      const allowed = fieldsAllowedBy(consent!.sharedFields);
      for (const f of r.sharedFields) expect(allowed).toContain(f);
      expect(r.sharedFields).not.toContain('screening');
      expect(r.sharedFields).not.toContain('case_summary');
      expect(k.historyShared).toBe(false);
      const events = await db().select().from(candidacyEvents).where(eq(candidacyEvents.candidacyId, k.id)).orderBy(candidacyEvents.at);
      expect(events[0]).toMatchObject({ fromStatus: null, toStatus: 'put_forward' });
      expect(events.at(-1)!.toStatus).toBe(k.status);
      const opening = (await db().select().from(employmentOpenings).where(eq(employmentOpenings.id, k.openingId)))[0]!;
      expect(opening.organizationId).toBe(k.partnerOrganizationId);
      expect(opening.status).toBe('published');
      if (k.status === 'rejected') expect(k.rejectReason).toBeTruthy();
    }
  });

  it('records two placements with three follow-ups each: one going well, one with a problem the case worker is alerted to', async () => {
    const today = todayInJakarta();
    const pls = await db().select().from(placements);
    expect(pls).toHaveLength(2);
    const problems: string[][] = [];
    for (const pl of pls) {
      const [k] = await db().select().from(candidacies).where(eq(candidacies.id, pl.candidacyId));
      expect(k!.status).toBe('hired');
      expect(pl.caseId).toBe(k!.caseId);
      const fus = await db().select().from(placementFollowUps).where(eq(placementFollowUps.placementId, pl.id)).orderBy(placementFollowUps.month);
      expect(fus.map((f) => [f.month, f.dueOn])).toEqual([1, 3, 6].map((m) => [m, addMonths(pl.startOn, m)]));
      expect(fus[0]).toMatchObject({ status: 'done', stillEmployed: true });
      problems.push(fus[0]!.problems);
      for (const f of fus.slice(1)) expect(f.status).toBe('scheduled');
      // A follow-up falling due within the week has its task.
      const soon = fus.filter((f) => f.status === 'scheduled' && f.dueOn <= new Date(Date.parse(today) + 7 * 86_400_000).toISOString().slice(0, 10));
      for (const f of soon) expect(f.taskId).toBeTruthy();
      const [c] = await db().select({ arrivedOn: cases.arrivedOn }).from(cases).where(eq(cases.id, pl.caseId));
      expect(c!.arrivedOn! < pl.startOn).toBe(true);
      const [profile] = await db().select({ incomeSince: skillsProfiles.incomeSince }).from(skillsProfiles).where(eq(skillsProfiles.caseId, pl.caseId));
      expect(profile!.incomeSince! <= pl.startOn).toBe(true);
    }
    expect(problems.sort()).toEqual([[], ['excessive_hours']]);
    // One of the two is within a week of its 3-month follow-up, with the task there.
    const withTask = await db().select().from(placementFollowUps).where(eq(placementFollowUps.month, 3));
    expect(withTask.filter((f) => f.taskId)).toHaveLength(1);
    const titles = (await db().select().from(caseTasks).where(eq(caseTasks.status, 'open'))).map((t) => ({ caseId: t.caseId, dueOn: t.dueOn, title: s.cipher.decrypt(t.titleEnc) }));
    expect(titles.filter((t) => t.title === followUpTaskTitle(3))).toHaveLength(1);
    // The problem reported today alerts the case worker: a task due today.
    const alert = titles.filter((t) => t.title === workProblemTaskTitle);
    expect(alert).toHaveLength(1);
    expect(alert[0]!.dueOn).toBe(today);
    expect(pls.map((p) => p.caseId)).toContain(alert[0]!.caseId);
  });

  it('writes no personal data: every text it encrypts is one of its own phrases, with no numbers that could be a phone or an ID', async () => {
    const phrases = new Set([demoEmploymentTexts.followUpOk, demoEmploymentTexts.followUpProblem, ...demoEmploymentTexts.candidacyMessages]);
    const messages = (await db().select({ m: referrals.messageEnc }).from(referrals).where(eq(referrals.consentPurpose, 'job_matching'))).map((r) => s.cipher.decrypt(r.m!));
    const notes = (await db().select({ n: placementFollowUps.noteEnc }).from(placementFollowUps)).filter((r) => r.n).map((r) => s.cipher.decrypt(r.n!));
    for (const t of [...messages, ...notes]) {
      expect(phrases.has(t)).toBe(true);
      expect(t).not.toMatch(/\d{6,}/);
    }
    const openings = await db().select({ title: employmentOpenings.title, description: employmentOpenings.description }).from(employmentOpenings);
    for (const o of openings) expect(`${o.title} ${o.description}`).not.toMatch(/\d{8,}|@|\+62|08\d{8}/);
  });

  it('feeds the report: the network sees the candidacies, partner.lpk@ its own, small counts hidden', async () => {
    const analyst = await s.signedIn({ organizationId: ids.gt!, roles: ['analyst'] });
    const r = await analyst.get('/api/v1/employment/report');
    expect(r.status).toBe(200);
    expect(r.body.placements).toMatchObject({ putForward: 9, interview: 5, hired: '<5', placementRate: { value: null, suppressed: true } });
    expect(r.body.supply.cells.some((c: any) => c.openings === '<5')).toBe(true);
    expect(r.body.supply.total.openings).toBeGreaterThanOrEqual(15);
    const jatim = r.body.supply.provinces.find((p: any) => p.province.code === '35');
    expect(jatim.seekers).toBeGreaterThanOrEqual(10);
    expect(r.body.timeToIncome.withIncome).toBe(5);
    expect(r.body.timeToIncome.days.suppressed).toBe(false);

    const lpk = s.client();
    expect((await lpk.login('partner.lpk@demo.pulang.example')).status).toBe(200);
    const own = await lpk.get('/api/v1/employment/report');
    expect(own.body.scope).toMatchObject({ kind: 'partner', organization: { id: ids.lpk } });
    expect(own.body.placements.putForward).toBe('<5');
    const ps = s.client();
    expect((await ps.login('partner@demo.pulang.example')).status).toBe(200);
    expect((await ps.get('/api/v1/employment/report')).body.error.code).toBe('code_of_conduct_required');
  });
});
