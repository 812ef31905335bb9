// Candidacies through the real server, with real users on the case side and the partner side:
// putting a person forward under the job_matching consent (and nothing without it), the shared
// fields and the trafficking history, what the partner sees (only the shared fields) and what it
// never reaches (the case, other candidacies, the referral routes), the answers and how the
// referral moves with them, the withdrawal from either route, and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations } from '../../platform/db/schema.js';
import { eq } from 'drizzle-orm';
import { ADDRESS, FULL_NAME, NEED_NOTE, NIK, PHONE, SUMMARY, recordConsent, type Signed } from '../../referrals/test-fixtures.js';
import {
  acceptCode,
  makeEmploymentWorld,
  makeOpening,
  makeProfile,
  putForward,
  putForwardBody,
  readyCase,
  recordJobConsent,
  type EmploymentWorld,
} from './test-fixtures.js';

let w: EmploymentWorld;
const api = (p: string) => `/api/v1${p}`;
const count = async (table: string) => (await w.query(`select count(*)::int as n from ${table}`))[0].n as number;
const counts = async () => ({
  referrals: await count('referrals'),
  candidacies: await count('candidacies'),
  events: await count('candidacy_events'),
  caseEvents: await count('case_events'),
});
const answer = (c: Signed, id: string, body: Record<string, unknown>) => c.post(api(`/candidacies/${id}/answers`), body);
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

beforeAll(async () => {
  w = await makeEmploymentWorld();
}, 120_000);
afterAll(() => w?.s.close());

describe('putting a person forward', () => {
  it('creates the referral (job_matching, no needs, routine, a week to answer) and the candidacy, with history and audit', async () => {
    const c = await readyCase(w);
    const opening = await makeOpening(w, w.employer.id);
    const before = Date.now();
    const res = await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody(opening.id));
    expect(res.status).toBe(201);
    const cd = res.body;
    expect(cd).toMatchObject({
      side: 'sender',
      caseId: c.id,
      caseReference: c.reference,
      opening: { id: opening.id, title: opening.title, kind: 'job', status: 'published', organization: { id: w.employer.id } },
      from: { id: w.dinsos.id },
      partner: { id: w.employer.id },
      status: 'put_forward',
      historyShared: false,
      sharedFields: ['first_name', 'sex', 'age_band', 'languages', 'skills_profile'],
      visibleFields: ['first_name', 'sex', 'age_band', 'languages', 'skills_profile'],
      message: 'Ibu ini berpengalaman menjahit tiga tahun di Malaysia.',
      contactPreference: 'through_case_worker',
      consent: { active: true },
      putForwardBy: { id: w.worker.user.id, displayName: 'Pekerja Kasus' },
      allowedAnswers: [],
      canWithdraw: true,
      canRecordPlacement: false,
      placement: null,
      alert: false,
      version: 1,
      events: [{ fromStatus: null, toStatus: 'put_forward', by: { id: w.worker.user.id } }],
    });
    expect(cd.warnings).toBeUndefined();
    expect(cd.matchScore).toEqual(expect.any(Number));
    expect(cd.matchReasons).toEqual(expect.arrayContaining([expect.objectContaining({ code: expect.any(String) })]));
    expect(cd.person).toMatchObject({ firstName: 'Siti', sex: 'female', ageBand: expect.any(String), languages: ['jv', 'id'] });
    expect('skillsProfile' in cd.person).toBe(true);
    expect(cd.referral).toMatchObject({ status: 'sent' });

    const [r] = await w.query(`select * from referrals where id = '${cd.referral.id}'`);
    expect(r).toMatchObject({
      consent_purpose: 'job_matching',
      need_ids: [],
      urgency: 'routine',
      status: 'sent',
      to_organization_id: w.employer.id,
      from_organization_id: w.dinsos.id,
      service_id: null,
      consent_id: cd.consent.id,
    });
    const respondIn = new Date(r.respond_by).getTime() - before;
    expect(respondIn).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(respondIn).toBeLessThan(7 * 86_400_000 + 60_000);
    expect(r.message_enc).not.toContain('Malaysia');
    const [consent] = await w.query(`select purpose, recipient_organization_type from case_consents where id = '${cd.consent.id}'`);
    expect(consent).toEqual({ purpose: 'job_matching', recipient_organization_type: 'private_sector' });
    const history = await w.worker.get(api(`/cases/${c.id}/history`));
    expect(history.body.items.some((h: any) => h.kind === 'employment' && h.toValue === 'put_forward')).toBe(true);
    const [audit] = await w.query(`select details from audit_events where action = 'candidacy.put_forward' and target_id = '${cd.id}'`);
    expect(audit.details).toMatchObject({ caseId: c.id, openingId: opening.id, referralId: cd.referral.id, partnerOrganizationId: w.employer.id, historyShared: false });
    expect(JSON.stringify(audit.details)).not.toContain('Siti');

    // The case's candidacies, and the referral in the case's referrals.
    const list = await w.worker.get(api(`/cases/${c.id}/candidacies`));
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: cd.id, status: 'put_forward', events: [{ toStatus: 'put_forward' }] });
    const refs = await w.worker.get(api(`/cases/${c.id}/referrals`));
    expect(refs.body.items[0]).toMatchObject({ id: cd.referral.id, consentPurpose: 'job_matching', candidacyId: cd.id, allowedTransitions: ['withdrawn'], needs: [] });
  });

  it('refuses without a job_matching consent covering the partner, writing nothing', async () => {
    const c = await readyCase(w, { consent: false });
    const opening = await makeOpening(w, w.employer.id);
    const before = await counts();
    const none = await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody(opening.id));
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('consent_required');
    // A referral_sharing consent for the employer, or a job_matching one for another partner, does not count.
    await recordConsent(w, c.id, { organizationId: w.employer.id, fields: ['name', 'sex', 'age', 'languages', 'skills'] });
    await recordJobConsent(w, c.id, { organizationId: w.employer2.id });
    const still = await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody(opening.id));
    expect(still.body.error.code).toBe('consent_required');
    // A refusal naming the employer outweighs the type consent.
    await recordJobConsent(w, c.id);
    await recordJobConsent(w, c.id, { organizationId: w.employer.id, decision: 'refused', fields: [] });
    const refused = await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody(opening.id));
    expect(refused.body.error.code).toBe('consent_required');
    expect(await count('candidacies')).toBe(before.candidacies);
    expect(await count('referrals')).toBe(before.referrals);
  });

  it('a consent naming the partner covers it', async () => {
    const c = await readyCase(w, { consent: false });
    await recordJobConsent(w, c.id, { organizationId: w.employer.id, fields: ['name', 'skills'] });
    const opening = await makeOpening(w, w.employer.id);
    const res = await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody(opening.id));
    expect(res.status).toBe(201);
    // The default, as far as the consent allows.
    expect(res.body.sharedFields).toEqual(['first_name', 'skills_profile']);
  });

  it('shares only fields the consent allows, and the trafficking history only when the person chose it', async () => {
    const c = await readyCase(w, { consentFields: ['name', 'sex', 'age', 'languages', 'skills', 'screening', 'case_summary'] });
    const opening = await makeOpening(w, w.employer.id);
    const before = await counts();
    const contact = await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody(opening.id, { sharedFields: ['first_name', 'contact'] }));
    expect(contact.status).toBe(400);
    expect(contact.body.error.fields).toEqual({ sharedFields: 'not_consented' });
    const history = await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody(opening.id, { sharedFields: ['first_name', 'screening'] }));
    expect(history.status).toBe(400);
    expect(history.body.error.fields).toEqual({ sharedFields: 'history_not_chosen' });
    const summary = await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody(opening.id, { sharedFields: ['case_summary'], shareHistory: false }));
    expect(summary.body.error.fields).toEqual({ sharedFields: 'history_not_chosen' });
    // `needs` never travels with a candidacy.
    const needs = await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody(opening.id, { sharedFields: ['needs'] }));
    expect(needs.status).toBe(400);
    expect(await counts()).toEqual(before);

    // Even with shareHistory, the default leaves the history out.
    const chosenDefault = await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody(opening.id, { shareHistory: true }));
    expect(chosenDefault.status).toBe(201);
    expect(chosenDefault.body.sharedFields).toEqual(['first_name', 'sex', 'age_band', 'languages', 'skills_profile']);
    expect(chosenDefault.body.historyShared).toBe(true);
    const partnerDefault = await w.partner.get(api(`/candidacies/${chosenDefault.body.id}`));
    expect(partnerDefault.text).not.toContain(SUMMARY);
    expect(partnerDefault.body.person.screening).toBeUndefined();

    // Chosen explicitly, it travels.
    const other = await makeOpening(w, w.employer.id);
    const chosen = await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody(other.id, { shareHistory: true, sharedFields: ['first_name', 'case_summary', 'screening'] }));
    expect(chosen.status).toBe(201);
    expect(chosen.body.sharedFields).toEqual(['first_name', 'screening', 'case_summary']);
    const seen = await w.partner.get(api(`/candidacies/${chosen.body.id}`));
    expect(seen.body.historyShared).toBe(true);
    expect(seen.body.person.caseSummary).toBe(SUMMARY);
    expect(seen.body.person).toHaveProperty('screening');
  });

  it('needs a skills profile, an open opening, an open case, and puts forward once per opening', async () => {
    const noProfile = await readyCase(w, { profile: false });
    const opening = await makeOpening(w, w.employer.id);
    const p = await w.worker.post(api(`/cases/${noProfile.id}/candidacies`), putForwardBody(opening.id));
    expect(p.status).toBe(409);
    expect(p.body.error.code).toBe('profile_required');

    const c = await readyCase(w);
    const unknown = await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody('00000000-0000-4000-8000-000000000000'));
    expect(unknown.body.error.fields).toEqual({ openingId: 'unknown_opening' });
    const draft = await makeOpening(w, w.employer.id, { status: 'draft', publishedAt: null });
    const closed = await makeOpening(w, w.employer.id, { status: 'closed' });
    const past = await makeOpening(w, w.employer.id, { closesOn: '2020-01-31' });
    for (const o of [draft, closed, past]) {
      const res = await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody(o.id));
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual({ openingId: 'opening_not_open' });
    }
    // A suspended partner's openings are out of matching.
    const suspendedOrg = await w.s.org({ type: 'private_sector', partnerKind: 'employer', suspendedAt: new Date() });
    const suspended = await makeOpening(w, suspendedOrg.id);
    expect((await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody(suspended.id))).body.error.fields).toEqual({ openingId: 'opening_not_open' });

    const first = await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody(opening.id));
    expect(first.status).toBe(201);
    const again = await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody(opening.id));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_put_forward');
    // Withdrawn, it can be put forward again.
    expect((await w.worker.post(api(`/candidacies/${first.body.id}/withdraw`), { version: 1 })).status).toBe(200);
    expect((await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody(opening.id))).status).toBe(201);

    await w.query(`update cases set stage = 'closed' where id = '${c.id}'`);
    const closedCase = await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody((await makeOpening(w, w.employer.id)).id));
    expect(closedCase.status).toBe(409);
    expect(closedCase.body.error.code).toBe('case_closed');
  });

  it('warns, without refusing, when the profile does not seek that kind of opening', async () => {
    const c = await readyCase(w, { profile: false });
    await makeProfile(w, c.id, { seeking: ['training'] });
    const res = await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody((await makeOpening(w, w.employer.id)).id));
    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual(['kind_not_sought']);
  });

  it('tells the form what it may carry: the consent covering the partner, the fields, the profile', async () => {
    const c = await readyCase(w, { consent: false, profile: false });
    const opening = await makeOpening(w, w.employer.id, { kind: 'training' });
    const none = await w.worker.get(api(`/cases/${c.id}/candidacy-options?openingId=${opening.id}`));
    expect(none.status).toBe(200);
    expect(none.body).toEqual({
      opening: { id: opening.id, title: opening.title, kind: 'training', open: true, organization: { id: w.employer.id, name: w.employer.name, type: 'private_sector' } },
      consent: null,
      allowedFields: [],
      defaultFields: [],
      historyFields: [],
      profile: false,
      kindSought: false,
      standing: null,
    });
    await makeProfile(w, c.id, { seeking: ['training'] });
    const consent = await recordJobConsent(w, c.id, { organizationId: w.employer.id, fields: ['name', 'contact', 'skills', 'screening'] });
    const some = await w.worker.get(api(`/cases/${c.id}/candidacy-options?openingId=${opening.id}`));
    expect(some.body).toMatchObject({
      consent: { id: consent.id, named: true, sharedFields: ['name', 'contact', 'skills', 'screening'] },
      allowedFields: ['first_name', 'full_name', 'contact', 'skills_profile'],
      defaultFields: ['first_name', 'skills_profile'],
      historyFields: ['screening'],
      profile: true,
      kindSought: true,
    });
    const bad = await w.worker.get(api(`/cases/${c.id}/candidacy-options?openingId=00000000-0000-4000-8000-000000000000`));
    expect(bad.body.error.fields).toEqual({ openingId: 'unknown_opening' });
    expect((await w.partner.get(api(`/cases/${c.id}/candidacy-options?openingId=${opening.id}`))).status).toBe(404);
    expect((await w.worker2.get(api(`/cases/${c.id}/candidacy-options?openingId=${opening.id}`))).status).toBe(404);
  });

  it('only the case side puts forward: another case worker and the partner get 404', async () => {
    const c = await readyCase(w);
    const opening = await makeOpening(w, w.employer.id);
    expect((await w.worker2.post(api(`/cases/${c.id}/candidacies`), putForwardBody(opening.id))).status).toBe(404);
    expect((await w.partner.post(api(`/cases/${c.id}/candidacies`), putForwardBody(opening.id))).status).toBe(404);
    expect((await w.partner.get(api(`/cases/${c.id}/candidacies`))).status).toBe(404);
    expect((await w.supervisor.post(api(`/cases/${c.id}/candidacies`), putForwardBody(opening.id))).status).toBe(201);
  });
});

describe('what the partner sees', () => {
  it('only the shared fields, the message and the contact preference; never the case', async () => {
    const { case: c, candidacy } = await putForward(w);
    const res = await w.partner.get(api(`/candidacies/${candidacy.id}`));
    expect(res.status).toBe(200);
    const cd = res.body;
    expect(cd).toMatchObject({
      side: 'partner',
      caseId: null,
      caseReference: null,
      referral: null,
      matchScore: null,
      matchReasons: null,
      status: 'put_forward',
      message: 'Ibu ini berpengalaman menjahit tiga tahun di Malaysia.',
      contactPreference: 'through_case_worker',
      allowedAnswers: ['interview', 'offer', 'rejected'],
      canWithdraw: false,
      alert: false,
    });
    expect(Object.keys(cd.person).sort()).toEqual(['ageBand', 'firstName', 'languages', 'sex', 'skillsProfile']);
    expect(cd.person.firstName).toBe('Siti');
    expect(cd.person.skillsProfile).toMatchObject({ seeking: ['employment'], skills: [{ code: 'sewing', level: 'advanced' }] });
    expect(cd.person.skillsProfile).not.toHaveProperty('constraints');
    for (const secret of [c.id, c.reference, FULL_NAME, PHONE, ADDRESS, NIK, SUMMARY, NEED_NOTE, 'Merawat ibu', candidacy.referral.id]) expect(res.text).not.toContain(secret);
    const [a] = await w.query(`select details from audit_events where action = 'candidacy.read' and target_id = '${candidacy.id}' order by seq desc limit 1`);
    expect(a.details).toEqual({ side: 'partner', fields: ['first_name', 'sex', 'age_band', 'languages', 'skills_profile'] });
  });

  it('lists the partner’s candidates with a few shared fields, filtered by status and opening', async () => {
    const one = await putForward(w);
    const two = await putForward(w);
    await putForward(w, { openingOf: w.employer2.id });
    expect((await answer(w.partner, two.candidacy.id, { to: 'offer', version: 1 })).status).toBe(200);
    const all = await w.partner.get(api('/candidacies?limit=100'));
    expect(all.status).toBe(200);
    const ids = all.body.items.map((i: any) => i.id);
    expect(ids).toContain(one.candidacy.id);
    expect(ids).toContain(two.candidacy.id);
    expect(all.body.items.every((i: any) => i.partner.id === w.employer.id)).toBe(true);
    expect(all.body.total).toBe(all.body.items.length);
    const item = all.body.items.find((i: any) => i.id === one.candidacy.id);
    expect(item.person).toEqual({ firstName: 'Siti', sex: 'female', ageBand: expect.any(String), languages: ['jv', 'id'] });
    expect(item.caseId).toBeNull();
    expect(item.events).toBeUndefined();
    const offers = await w.partner.get(api('/candidacies?status=offer'));
    expect(offers.body.items.map((i: any) => i.id)).toContain(two.candidacy.id);
    expect(offers.body.items.every((i: any) => i.status === 'offer')).toBe(true);
    const byOpening = await w.partner.get(api(`/candidacies?openingId=${one.opening.id}`));
    expect(byOpening.body.items.map((i: any) => i.id)).toEqual([one.candidacy.id]);
    const [a] = await w.query(`select details from audit_events where action = 'candidacy.list' order by seq desc limit 1`);
    expect(a.details).toMatchObject({ openingId: one.opening.id, count: 1 });
    // Case workers have no partner list.
    expect((await w.worker.get(api('/candidacies'))).status).toBe(403);
  });

  it('reaches nothing else: the case, other partners’ candidacies, the referral routes', async () => {
    const { case: c, candidacy } = await putForward(w);
    const other = await putForward(w, { openingOf: w.employer2.id });
    expect((await w.partner.get(api(`/cases/${c.id}`))).status).toBe(404);
    expect((await w.partner.get(api(`/cases/${c.id}/candidacies`))).status).toBe(404);
    expect((await w.partner.get(api(`/referrals/${candidacy.referral.id}`))).status).toBe(404);
    expect((await w.partner.post(api(`/referrals/${candidacy.referral.id}/transitions`), { to: 'accepted', version: 1 })).status).toBe(404);
    expect((await w.partner.get(api(`/referrals/${candidacy.referral.id}/letter`))).status).toBe(404);
    expect((await w.partner.get(api('/referrals'))).status).toBe(403);
    expect((await w.partner.get(api(`/candidacies/${other.candidacy.id}`))).status).toBe(404);
    expect((await answer(w.partner, other.candidacy.id, { to: 'offer', version: 1 })).status).toBe(404);
    expect((await w.partner.get(api('/candidacies/00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await w.partner.post(api(`/candidacies/${candidacy.id}/withdraw`), { version: 1 })).status).toBe(403);
    // Someone outside both sides: another case worker, a focal point.
    expect((await w.worker2.get(api(`/candidacies/${candidacy.id}`))).status).toBe(404);
    expect((await w.focal.get(api(`/candidacies/${candidacy.id}`))).status).toBe(404);
    const [denied] = await w.query(`select count(*)::int as n from audit_events where action = 'permission.denied' and target_id = '${other.candidacy.id}'`);
    expect(denied.n).toBeGreaterThanOrEqual(2);
  });

  it('asks for the code of conduct first, and refuses a suspended partner', async () => {
    const { candidacy } = await putForward(w);
    const get = await w.newcomer.get(api(`/candidacies/${candidacy.id}`));
    expect(get.status).toBe(403);
    expect(get.body.error.code).toBe('code_of_conduct_required');
    expect((await w.newcomer.get(api('/candidacies'))).body.error.code).toBe('code_of_conduct_required');
    await acceptCode(w, w.newcomer);
    expect((await w.newcomer.get(api(`/candidacies/${candidacy.id}`))).status).toBe(200);

    const org = await w.s.org({ type: 'private_sector', partnerKind: 'employer' });
    const p = await w.s.signedIn({ organizationId: org.id, roles: ['private_partner'] });
    await acceptCode(w, p);
    const mine = await putForward(w, { openingOf: org.id });
    expect((await p.get(api(`/candidacies/${mine.candidacy.id}`))).status).toBe(200);
    await w.s.database.db.update(organizations).set({ suspendedAt: new Date() }).where(eq(organizations.id, org.id));
    const blocked = await answer(p, mine.candidacy.id, { to: 'offer', version: 1 });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('partner_suspended');
  });

  it('sees nothing more once the person withdraws the job_matching consent', async () => {
    const c = await readyCase(w, { consent: false });
    const consent = await recordJobConsent(w, c.id);
    const opening = await makeOpening(w, w.employer.id);
    const cd = (await w.worker.post(api(`/cases/${c.id}/candidacies`), putForwardBody(opening.id))).body;
    const withdrawn = await w.worker.post(api(`/cases/${c.id}/consents/${consent.id}/withdraw`), { reason: 'Tidak ingin lagi' });
    expect(withdrawn.status).toBe(200);
    const seen = await w.partner.get(api(`/candidacies/${cd.id}`));
    expect(seen.body.visibleFields).toEqual([]);
    expect(seen.body.person).toEqual({});
    expect(seen.body.consent).toMatchObject({ active: false });
    expect(seen.text).not.toContain('Siti');
    // A referral_sharing consent for the employer does not bring them back: the purpose is job_matching.
    await recordConsent(w, c.id, { organizationId: w.employer.id, fields: ['name', 'sex', 'age', 'languages', 'skills'] });
    expect((await w.partner.get(api(`/candidacies/${cd.id}`))).body.visibleFields).toEqual([]);
    const list = await w.worker.get(api(`/referrals?box=outgoing&status=all&limit=100`));
    expect(list.body.items.find((r: any) => r.id === cd.referral.id)).toMatchObject({ consent: { active: false }, visibleFields: [] });
  });
});

describe('the partner’s answers', () => {
  it('interview, offer, hired: the referral is accepted, then in progress; events, history and audit', async () => {
    const { case: c, candidacy } = await putForward(w);
    const noDate = await answer(w.partner, candidacy.id, { to: 'interview', version: 1 });
    expect(noDate.status).toBe(400);
    expect(noDate.body.error.fields).toEqual({ interviewAt: 'required' });
    const at = inAWeek();
    const interview = await answer(w.partner, candidacy.id, { to: 'interview', version: 1, interviewAt: at, note: 'Bawa KTP' });
    expect(interview.status).toBe(200);
    expect(interview.body).toMatchObject({ status: 'interview', interviewAt: at, allowedAnswers: ['offer', 'rejected'], version: 2, side: 'partner' });
    let [r] = await w.query(`select status, answered_at, version from referrals where id = '${candidacy.referral.id}'`);
    expect(r.status).toBe('accepted');
    expect(r.answered_at).not.toBeNull();

    const offer = await answer(w.partner, candidacy.id, { to: 'offer', version: 2 });
    expect(offer.body).toMatchObject({ status: 'offer', allowedAnswers: ['hired', 'rejected'] });
    [r] = await w.query(`select status from referrals where id = '${candidacy.referral.id}'`);
    expect(r.status).toBe('accepted');
    const hired = await answer(w.partner, candidacy.id, { to: 'hired', version: 3 });
    expect(hired.body).toMatchObject({ status: 'hired', allowedAnswers: [], canRecordPlacement: true });
    [r] = await w.query(`select status, ended_at from referrals where id = '${candidacy.referral.id}'`);
    expect(r).toMatchObject({ status: 'in_progress', ended_at: null });

    const sender = await w.worker.get(api(`/candidacies/${candidacy.id}`));
    expect(sender.body).toMatchObject({ side: 'sender', status: 'hired', canWithdraw: false, referral: { status: 'in_progress' } });
    expect(sender.body.events.map((e: any) => e.toStatus)).toEqual(['put_forward', 'interview', 'offer', 'hired']);
    expect(sender.body.events[1]).toMatchObject({ note: 'Bawa KTP', by: { id: w.partner.user.id }, organization: { id: w.employer.id } });
    const events = await w.query(`select from_status, to_status from referral_events where referral_id = '${candidacy.referral.id}' order by at, id`);
    expect(events.map((e) => `${e.from_status}>${e.to_status}`)).toEqual(['null>sent', 'sent>accepted', 'accepted>in_progress']);
    const history = await w.worker.get(api(`/cases/${c.id}/history`));
    const employment = history.body.items.filter((h: any) => h.kind === 'employment').map((h: any) => h.toValue);
    expect(employment).toEqual(expect.arrayContaining(['put_forward', 'interview', 'offer', 'hired']));
    const audits = await w.query(`select details from audit_events where action = 'candidacy.answer' and target_id = '${candidacy.id}' order by seq`);
    expect(audits.map((a) => a.details.to)).toEqual(['interview', 'offer', 'hired']);
    expect(JSON.stringify(audits)).not.toContain('Bawa KTP');
    // Withdrawing after hiring is refused.
    const late = await w.worker.post(api(`/candidacies/${candidacy.id}/withdraw`), { version: 4 });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('transition_not_allowed');
  });

  it('follows the state machine and the version', async () => {
    const { candidacy } = await putForward(w);
    const jump = await answer(w.partner, candidacy.id, { to: 'hired', version: 1 });
    expect(jump.status).toBe(409);
    expect(jump.body.error).toMatchObject({ code: 'transition_not_allowed', allowed: ['interview', 'offer', 'rejected'] });
    expect((await answer(w.partner, candidacy.id, { to: 'offer', version: 1 })).status).toBe(200);
    const stale = await answer(w.partner, candidacy.id, { to: 'hired', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.current).toMatchObject({ status: 'offer', version: 2, side: 'partner', caseId: null });
    const back = await answer(w.partner, candidacy.id, { to: 'interview', version: 2, interviewAt: inAWeek() });
    expect(back.body.error).toMatchObject({ code: 'transition_not_allowed', allowed: ['hired', 'rejected'] });
    // A reason only with a rejection.
    const reasoned = await answer(w.partner, candidacy.id, { to: 'hired', version: 2, reason: 'other' });
    expect(reasoned.body.error.fields).toEqual({ reason: 'not_allowed' });
    // The sender reads it but does not answer.
    expect((await answer(w.worker, candidacy.id, { to: 'hired', version: 2 })).status).toBe(403);
  });

  it('a rejection before any answer declines the referral with a mapped reason; after an interview it completes it as not delivered', async () => {
    const first = await putForward(w);
    const noReason = await answer(w.partner, first.candidacy.id, { to: 'rejected', version: 1 });
    expect(noReason.body.error.fields).toEqual({ reason: 'required' });
    const otherNoNote = await answer(w.partner, first.candidacy.id, { to: 'rejected', version: 1, reason: 'other' });
    expect(otherNoNote.body.error.fields).toEqual({ note: 'required' });
    const rejected = await answer(w.partner, first.candidacy.id, { to: 'rejected', version: 1, reason: 'skills_mismatch' });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: 'skills_mismatch', allowedAnswers: [] });
    let [r] = await w.query(`select status, decline_reason, answered_at, ended_at from referrals where id = '${first.candidacy.referral.id}'`);
    expect(r).toMatchObject({ status: 'declined', decline_reason: 'not_eligible' });
    expect(r.answered_at).not.toBeNull();
    expect(r.ended_at).not.toBeNull();

    const second = await putForward(w);
    await answer(w.partner, second.candidacy.id, { to: 'interview', version: 1, interviewAt: inAWeek() });
    const later = await answer(w.partner, second.candidacy.id, { to: 'rejected', version: 2, reason: 'position_filled' });
    expect(later.status).toBe(200);
    [r] = await w.query(`select status, outcome, decline_reason from referrals where id = '${second.candidacy.referral.id}'`);
    expect(r).toMatchObject({ status: 'completed', outcome: 'not_delivered', decline_reason: null });
  });

  it('the candidacy’s referral is answered only as a candidacy; the sender may withdraw it from either route', async () => {
    // A user of the partner organisation who holds the referral inbox (not a partner role).
    const inbox = await w.s.signedIn({ organizationId: w.employer.id, roles: ['service_focal_point'] });
    const { case: c, candidacy } = await putForward(w);
    const seen = await inbox.get(api(`/referrals/${candidacy.referral.id}`));
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ consentPurpose: 'job_matching', candidacyId: candidacy.id, allowedTransitions: [] });
    const moved = await inbox.post(api(`/referrals/${candidacy.referral.id}/transitions`), { to: 'accepted', version: 1 });
    expect(moved.status).toBe(409);
    expect(moved.body.error.code).toBe('answer_as_candidacy');
    // The sender may not move it otherwise than by withdrawing.
    const closeIt = await w.worker.post(api(`/referrals/${candidacy.referral.id}/transitions`), { to: 'closed', version: 1 });
    expect(closeIt.status).toBe(409);

    // Withdrawn through the referral: the candidacy shows withdrawn.
    const wd = await w.worker.post(api(`/referrals/${candidacy.referral.id}/transitions`), { to: 'withdrawn', version: 1, note: 'Sudah dapat kerja lain' });
    expect(wd.status).toBe(200);
    const after = await w.worker.get(api(`/candidacies/${candidacy.id}`));
    expect(after.body).toMatchObject({ status: 'withdrawn', canWithdraw: false, referral: { status: 'withdrawn' } });
    const partnerView = await w.partner.get(api(`/candidacies/${candidacy.id}`));
    expect(partnerView.body).toMatchObject({ status: 'withdrawn', allowedAnswers: [] });
    const history = await w.worker.get(api(`/cases/${c.id}/history`));
    expect(history.body.items.some((h: any) => h.kind === 'employment' && h.toValue === 'withdrawn')).toBe(true);

    // Withdrawn through the candidacy: the referral follows.
    const two = await putForward(w);
    const stale = await w.worker.post(api(`/candidacies/${two.candidacy.id}/withdraw`), { version: 2 });
    expect(stale.body.error.code).toBe('version_conflict');
    const wd2 = await w.worker.post(api(`/candidacies/${two.candidacy.id}/withdraw`), { version: 1, note: 'Orangnya pindah' });
    expect(wd2.status).toBe(200);
    expect(wd2.body).toMatchObject({ status: 'withdrawn', referral: { status: 'withdrawn' } });
    const [r] = await w.query(`select status, ended_at from referrals where id = '${two.candidacy.referral.id}'`);
    expect(r.status).toBe('withdrawn');
    expect((await answer(w.partner, two.candidacy.id, { to: 'offer', version: 2 })).body.error.code).toBe('transition_not_allowed');
    // Another case worker cannot withdraw (404), nor can the partner (403).
    const three = await putForward(w);
    expect((await w.worker2.post(api(`/candidacies/${three.candidacy.id}/withdraw`), { version: 1 })).status).toBe(404);
  });
});
