// Referrals through the real server, with real users on both sides: sending under consent or an
// override, what the receiving organisation can and cannot see, the life cycle, consent
// withdrawal and the grace period, overdue answers, the review of overrides, and the audit trail.
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeConsent } from '../case-records/consents.js';
import { referralFieldCodes, referralTransitions, responseHours, type ReferralStatus } from './vocabulary.js';
import {
  ADDRESS,
  FULL_NAME,
  hoursAgo,
  makeService,
  makeWorld,
  minimum,
  NEED_NOTE,
  NIK,
  PHONE,
  recordConsent,
  referralBody,
  referralCase,
  sent,
  SUMMARY,
  type Signed,
  type World,
} from './test-fixtures.js';

let w: World;
const api = (p: string) => `/api/v1${p}`;
const count = async (table: string) => (await w.query(`select count(*)::int as n from ${table}`))[0].n as number;
const counts = async () => ({ referrals: await count('referrals'), events: await count('referral_events'), caseEvents: await count('case_events') });

beforeAll(async () => {
  w = await makeWorld();
}, 120_000);
afterAll(() => w?.s.close());

const move = (c: Signed, id: string, body: Record<string, unknown>) => c.post(api(`/referrals/${id}/transitions`), body);

describe('sending a referral', () => {
  it('sends under a named consent: the sender sees what travels, the case history and the audit log record it', async () => {
    const c = await referralCase(w);
    const consent = await recordConsent(w, c.id);
    const before = Date.now();
    const res = await w.worker.post(api(`/cases/${c.id}/referrals`), referralBody(w.ngo.id, c.needIds));
    expect(res.status).toBe(201);
    const r = res.body;
    expect(r).toMatchObject({
      side: 'sender',
      caseId: c.id,
      caseReference: c.reference,
      from: { id: w.dinsos.id },
      to: { id: w.ngo.id, type: 'ngo' },
      service: null,
      urgency: 'urgent',
      status: 'sent',
      overdue: false,
      message: 'Mohon pendampingan konseling untuk ibu ini.',
      contactPreference: 'through_case_worker',
      sharedFields: minimum,
      visibleFields: minimum,
      consent: { id: consent.id, active: true },
      override: null,
      accessUntil: null,
      sentBy: { id: w.worker.user.id, displayName: 'Pekerja Kasus' },
      allowedTransitions: ['withdrawn'],
      version: 1,
      person: { firstName: 'Siti', sex: 'female', ageBand: expect.any(String), languages: ['jv', 'id'] },
    });
    expect(Object.keys(r.person).sort()).toEqual(['ageBand', 'firstName', 'languages', 'sex']);
    expect(r.needs.map((n: any) => n.type)).toEqual(['counselling', 'livelihood']);
    expect(r.needs[0]).toMatchObject({ severity: 'high', description: NEED_NOTE });
    // The deadline defaults to the urgency's hours from sending.
    const due = new Date(r.respondBy).getTime();
    expect(due).toBeGreaterThanOrEqual(before + responseHours.urgent * 3_600_000 - 1000);
    expect(due).toBeLessThanOrEqual(Date.now() + responseHours.urgent * 3_600_000 + 1000);

    const [row] = await w.query(`select message_enc, status from referrals where id = '${r.id}'`);
    expect(row.message_enc).not.toContain('konseling');
    const events = await w.query(`select from_status, to_status, actor_id from referral_events where referral_id = '${r.id}'`);
    expect(events).toEqual([{ from_status: null, to_status: 'sent', actor_id: w.worker.user.id }]);
    const history = await w.worker.get(api(`/cases/${c.id}/history`));
    expect(history.body.items.some((h: any) => h.kind === 'referral' && h.toValue === 'sent')).toBe(true);
    const [audit] = await w.query(`select details from audit_events where action = 'referral.send' and target_id = '${r.id}'`);
    expect(audit.details).toMatchObject({ caseId: c.id, toOrganizationId: w.ngo.id, consentId: consent.id, override: null });
  });

  it('accepts a consent for the type of organisation, and a later refusal stops both sending and sharing', async () => {
    const c = await referralCase(w);
    await recordConsent(w, c.id, { organizationType: 'ngo', givenAt: hoursAgo(48) });
    const first = await w.worker.post(api(`/cases/${c.id}/referrals`), referralBody(w.ngo.id, c.needIds));
    expect(first.status).toBe(201);
    expect(first.body.visibleFields).toEqual(minimum);
    await recordConsent(w, c.id, { organizationType: 'ngo', decision: 'refused', fields: [], givenAt: hoursAgo(2) });
    const n = await counts();
    const second = await w.worker.post(api(`/cases/${c.id}/referrals`), referralBody(w.ngo.id, c.needIds));
    expect(second.status).toBe(400);
    expect(second.body.error.code).toBe('consent_required');
    expect(await counts()).toEqual(n);
    const seen = await w.focal.get(api(`/referrals/${first.body.id}`));
    expect(seen.body).toMatchObject({ visibleFields: [], person: {}, consent: { active: false } });
    expect(seen.body.needs[0]).toMatchObject({ type: 'counselling', severity: null, description: null });
  });

  it('a consent naming the organisation comes before one about its type', async () => {
    const c = await referralCase(w);
    await recordConsent(w, c.id, { organizationType: 'ngo', fields: ['name', 'sex', 'age', 'languages', 'needs', 'contact'], givenAt: hoursAgo(5) });
    await recordConsent(w, c.id, { organizationId: w.ngo.id, fields: ['name', 'sex'], givenAt: hoursAgo(30) });
    const refused = await w.worker.post(api(`/cases/${c.id}/referrals`), referralBody(w.ngo.id, c.needIds, { sharedFields: ['first_name', 'contact'] }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual({ sharedFields: 'not_consented' });
    // The other NGO falls under the type-level consent, which allows the phone numbers.
    const other = await w.worker.post(api(`/cases/${c.id}/referrals`), referralBody(w.ngo2.id, c.needIds, { sharedFields: ['first_name', 'contact'] }));
    expect(other.status).toBe(201);
    expect(other.body.person).toEqual({ firstName: 'Siti', phones: [PHONE] });
  });

  it('refuses without consent, with nothing written', async () => {
    const c = await referralCase(w);
    const n = await counts();
    const res = await w.worker.post(api(`/cases/${c.id}/referrals`), referralBody(w.ngo.id, c.needIds));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('consent_required');
    expect(await counts()).toEqual(n);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const c = await referralCase(w);
    await recordConsent(w, c.id);
    const other = await referralCase(w);
    const inactive = await w.s.org({ type: 'ngo', active: false });
    const ngoService = await makeService(w, { organizationId: w.ngo.id, termCodes: ['mental_health'] });
    const closedService = await makeService(w, { organizationId: w.ngo.id, termCodes: ['mental_health'], status: 'temporarily closed' });
    const foreignService = await makeService(w, { organizationId: w.ngo2.id, termCodes: ['mental_health'] });
    const [metNeed] = await w.query(`select id from case_needs where case_id = '${c.id}' and type = 'livelihood'`);
    await w.query(`update case_needs set status = 'met' where id = '${metNeed.id}'`);
    const n = await counts();
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ organizationId: w.dinsos.id }, { organizationId: 'own_organization' }],
      [{ organizationId: '4f1c9a2e-8f43-4c55-9d8e-0c1f2a3b4c5d' }, { organizationId: 'unknown_organization' }],
      [{ organizationId: inactive.id }, { organizationId: 'organization_inactive' }],
      [{ serviceId: foreignService.id }, { serviceId: 'service_not_of_organization' }],
      [{ serviceId: closedService.id }, { serviceId: 'service_not_active' }],
      [{ needIds: [other.needIds[0]] }, { needIds: 'unknown_need' }],
      [{ needIds: [metNeed.id] }, { needIds: 'unknown_need' }],
      [{ respondBy: hoursAgo(1) }, { respondBy: 'in_past' }],
      [{ sharedFields: ['first_name', 'home_address'] }, { sharedFields: 'not_consented' }],
      [{ override: { reason: 'threat_to_life', justification: 'x' } }, {}],
      [{ urgency: 'soon' }, { urgency: 'invalid_choice' }],
      [{ needIds: [] }, { needIds: 'required' }],
      [{ sharedFields: ['shoe_size'] }, { 'sharedFields.0': 'invalid_choice' }],
      [{ contactPreference: undefined }, { contactPreference: 'invalid_choice' }],
    ];
    for (const [change, fields] of cases) {
      const res = await w.worker.post(api(`/cases/${c.id}/referrals`), referralBody(w.ngo.id, [c.needIds[0]], change));
      if ('override' in change) {
        // Case workers may not override at all.
        expect(res.status, JSON.stringify(change)).toBe(403);
        continue;
      }
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(res.body.error.fields, JSON.stringify(change)).toEqual(fields);
    }
    expect(await counts()).toEqual(n);
    // With an active consent, an override is refused as not needed (supervisor).
    const needless = await w.supervisor.post(api(`/cases/${c.id}/referrals`), referralBody(w.ngo.id, [c.needIds[0]], { override: { reason: 'threat_to_life', justification: 'Ancaman' } }));
    expect(needless.body.error.fields).toEqual({ override: 'not_needed' });
    // The organisation's own service is fine.
    const ok = await w.worker.post(api(`/cases/${c.id}/referrals`), referralBody(w.ngo.id, [c.needIds[0]], { serviceId: ngoService.id, respondBy: new Date(Date.now() + 5 * 3_600_000).toISOString() }));
    expect(ok.status).toBe(201);
    expect(ok.body.service).toEqual({ id: ngoService.id, name: ngoService.name });
  });

  it('refuses a closed case, and callers who do not reach the case', async () => {
    const c = await referralCase(w);
    await recordConsent(w, c.id);
    const body = referralBody(w.ngo.id, c.needIds);
    expect((await w.worker2.post(api(`/cases/${c.id}/referrals`), body)).status).toBe(404);
    expect((await w.focal.post(api(`/cases/${c.id}/referrals`), body)).status).toBe(404);
    expect((await w.ngoSupervisor.post(api(`/cases/${c.id}/referrals`), body)).status).toBe(404);
    expect((await w.analyst.post(api(`/cases/${c.id}/referrals`), body)).status).toBe(404);
    await w.query(`update cases set stage = 'closed' where id = '${c.id}'`);
    const n = await counts();
    const closed = await w.worker.post(api(`/cases/${c.id}/referrals`), body);
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('case_closed');
    expect(await counts()).toEqual(n);
  });

  it('offers the options of a referral: the consent, the fields it allows, the needs', async () => {
    const c = await referralCase(w);
    const none = await w.worker.get(api(`/cases/${c.id}/referral-options?organizationId=${w.ngo.id}`));
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ recipient: { id: w.ngo.id, type: 'ngo' }, consent: null, allowedFields: [], defaultFields: [], canOverride: false });
    const sup = await w.supervisor.get(api(`/cases/${c.id}/referral-options?organizationId=${w.ngo.id}`));
    expect(sup.body.canOverride).toBe(true);
    expect(sup.body.allowedFields).toEqual(referralFieldCodes);
    const consent = await recordConsent(w, c.id, { fields: ['name', 'sex', 'contact'] });
    const withConsent = await w.worker.get(api(`/cases/${c.id}/referral-options?organizationId=${w.ngo.id}`));
    expect(withConsent.body).toMatchObject({
      consent: { id: consent.id, sharedFields: ['name', 'sex', 'contact'] },
      allowedFields: ['first_name', 'sex', 'full_name', 'contact'],
      defaultFields: ['first_name', 'sex'],
      canOverride: false,
      responseHours: { emergency: 24, urgent: 72, routine: 168 },
    });
    expect(withConsent.body.needs.map((n: any) => n.type)).toEqual(['counselling', 'livelihood']);
    const own = await w.worker.get(api(`/cases/${c.id}/referral-options?organizationId=${w.dinsos.id}`));
    expect(own.body.error.fields).toEqual({ organizationId: 'own_organization' });
    expect((await w.focal.get(api(`/cases/${c.id}/referral-options?organizationId=${w.ngo.id}`))).status).toBe(404);
  });
});

describe('overrides and their review', () => {
  it('lets a supervisor send without consent with a justification, audited and listed for review until reviewed', async () => {
    const c = await referralCase(w);
    const n = await counts();
    const byWorker = await w.worker.post(api(`/cases/${c.id}/referrals`), referralBody(w.ngo.id, c.needIds, { override: { reason: 'threat_to_life', justification: 'Diancam penagih.' } }));
    expect(byWorker.status).toBe(403);
    expect(await counts()).toEqual(n);
    const emptyJustification = await w.supervisor.post(api(`/cases/${c.id}/referrals`), referralBody(w.ngo.id, c.needIds, { override: { reason: 'threat_to_life', justification: '  ' } }));
    expect(emptyJustification.status).toBe(400);

    const res = await w.supervisor.post(
      api(`/cases/${c.id}/referrals`),
      referralBody(w.ngo.id, c.needIds, { sharedFields: ['full_name', 'contact', 'home_address'], urgency: 'emergency', override: { reason: 'threat_to_life', justification: 'Diancam penagih utang di rumahnya.' } }),
    );
    expect(res.status).toBe(201);
    const r = res.body;
    expect(r).toMatchObject({
      consent: null,
      visibleFields: ['full_name', 'contact', 'home_address'],
      override: { reason: 'threat_to_life', justification: 'Diancam penagih utang di rumahnya.', by: { id: w.supervisor.user.id }, reviewedAt: null, reviewedBy: null },
      person: { fullName: FULL_NAME, phones: [PHONE], homeAddress: ADDRESS },
    });
    const [row] = await w.query(`select override_justification_enc from referrals where id = '${r.id}'`);
    expect(row.override_justification_enc).not.toContain('penagih');
    const audits = await w.query(`select action, details from audit_events where target_id = '${r.id}' order by seq`);
    expect(audits.map((a) => a.action)).toEqual(['referral.send', 'referral.override']);
    expect(audits[1].details).toEqual({ caseId: c.id, reason: 'threat_to_life' });

    // The receiver sees the override's reason, never its justification.
    const seen = await w.focal.get(api(`/referrals/${r.id}`));
    expect(seen.body.override).toMatchObject({ reason: 'threat_to_life', justification: null, reviewNote: null });
    expect(seen.text).not.toContain('penagih');

    const review = await w.supervisor.get(api('/referrals?box=outgoing&status=review'));
    expect(review.body.items.map((i: any) => i.id)).toContain(r.id);
    expect((await w.supervisor.get(api('/referrals/counts'))).body.outgoing.review).toBeGreaterThanOrEqual(1);

    expect((await w.worker.post(api(`/referrals/${r.id}/review`), { version: r.version, note: 'Sudah sesuai.' })).status).toBe(403);
    expect((await w.ngoSupervisor.post(api(`/referrals/${r.id}/review`), { version: r.version, note: 'Sudah sesuai.' })).status).toBe(404);
    expect((await w.focal.post(api(`/referrals/${r.id}/review`), { version: r.version, note: 'Sudah sesuai.' })).status).toBe(403);
    const stale = await w.supervisor.post(api(`/referrals/${r.id}/review`), { version: r.version + 5, note: 'Sudah sesuai.' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const done = await w.supervisor.post(api(`/referrals/${r.id}/review`), { version: r.version, note: 'Sudah sesuai prosedur.' });
    expect(done.status).toBe(200);
    expect(done.body.override).toMatchObject({ reviewedBy: { id: w.supervisor.user.id }, reviewNote: 'Sudah sesuai prosedur.' });
    expect(done.body.version).toBe(r.version + 1);
    expect(done.body.events.at(-1)).toMatchObject({ fromStatus: 'sent', toStatus: 'sent', reason: 'reviewed' });
    const again = await w.supervisor.post(api(`/referrals/${r.id}/review`), { version: done.body.version, note: 'Lagi.' });
    expect(again.body.error.code).toBe('already_reviewed');
    const after = await w.supervisor.get(api('/referrals?box=outgoing&status=review'));
    expect(after.body.items.map((i: any) => i.id)).not.toContain(r.id);

    const plain = await sent(w);
    const notOverridden = await w.supervisor.post(api(`/referrals/${plain.referral.id}/review`), { version: 1, note: 'x' });
    expect(notOverridden.status).toBe(409);
    expect(notOverridden.body.error.code).toBe('not_overridden');
  });
});

describe('what the receiving organisation sees', () => {
  it('sees only the visible fields, never the case, and gets nothing of the case elsewhere', async () => {
    const { case: c, referral } = await sent(w, { extra: { sharedFields: ['first_name', 'sex', 'age_band'] } });
    const res = await w.focal.get(api(`/referrals/${referral.id}`));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ side: 'receiver', caseId: null, caseReference: c.reference, visibleFields: ['first_name', 'sex', 'age_band'], allowedTransitions: ['acknowledged', 'accepted', 'declined'] });
    expect(res.body.person).toEqual({ firstName: 'Siti', sex: 'female', ageBand: expect.any(String) });
    // 'needs' not shared: the types travel, severity and description do not.
    expect(res.body.needs[0]).toEqual({ id: c.needIds[0], type: 'counselling', dimension: 'psychosocial', severity: null, description: null });
    for (const secret of [c.id, c.personId, 'Rahayu', PHONE, ADDRESS, NIK, SUMMARY, NEED_NOTE]) expect(res.text).not.toContain(secret);
    expect(res.body.events).toHaveLength(1);

    // Every route of the case answers 404 to the receiving side: a focal point's roles never read
    // cases, a supervisor of the receiving organisation reads cases but not this one.
    for (const p of [`/cases/${c.id}`, `/cases/${c.id}/needs`, `/cases/${c.id}/notes`, `/cases/${c.id}/consents`, `/cases/${c.id}/history`, `/cases/${c.id}/referrals`, `/persons/${c.personId}`]) {
      expect((await w.focal.get(api(p))).status, p).toBe(404);
      expect((await w.ngoSupervisor.get(api(p))).status, p).toBe(404);
    }
    // Another organisation's focal point, and roles without referrals.
    expect((await w.otherFocal.get(api(`/referrals/${referral.id}`))).status).toBe(404);
    expect((await w.analyst.get(api(`/referrals/${referral.id}`))).status).toBe(403);
    expect((await w.worker2.get(api(`/referrals/${referral.id}`))).status).toBe(404);
    expect((await w.focal.get(api('/referrals/4f1c9a2e-8f43-4c55-9d8e-0c1f2a3b4c5d'))).status).toBe(404);
    const denied = await w.query(`select count(*)::int as n from audit_events where action = 'permission.denied' and target_id = '${referral.id}'`);
    expect(denied[0].n).toBeGreaterThanOrEqual(3);
    // The sender's supervisor sees it as sender.
    expect((await w.supervisor.get(api(`/referrals/${referral.id}`))).body).toMatchObject({ side: 'sender', caseId: c.id });
  });

  it('sees severity and descriptions of the needs when the needs are shared, and each read is audited with IDs only', async () => {
    const { referral } = await sent(w);
    const res = await w.focal.get(api(`/referrals/${referral.id}`));
    expect(res.body.needs[0]).toMatchObject({ severity: 'high', description: NEED_NOTE });
    const [a] = await w.query(`select details from audit_events where action = 'referral.read' and target_id = '${referral.id}' order by seq desc limit 1`);
    expect(a.details).toEqual({ side: 'receiver', fields: minimum });
  });

  it('shares every field when consented and chosen, each projected from the record', async () => {
    const c = await referralCase(w);
    await w.worker.request('PUT', api(`/cases/${c.id}/screening`), { version: 0, exploitationTypes: ['online_scam_compound'] });
    await recordConsent(w, c.id, { fields: ['name', 'sex', 'age', 'birth_date', 'contact', 'home_area', 'home_address', 'languages', 'identity_documents', 'disabilities', 'needs', 'screening', 'case_summary'] });
    const all = ['first_name', 'full_name', 'sex', 'age_band', 'birth_date', 'languages', 'contact', 'home_area', 'home_address', 'identity_documents', 'disabilities', 'screening', 'case_summary', 'needs'];
    const res = await w.worker.post(api(`/cases/${c.id}/referrals`), referralBody(w.ngo.id, c.needIds, { sharedFields: all }));
    expect(res.status).toBe(201);
    const seen = await w.focal.get(api(`/referrals/${res.body.id}`));
    expect(seen.body.person).toEqual({
      firstName: 'Siti',
      fullName: FULL_NAME,
      sex: 'female',
      ageBand: expect.stringMatching(/^\d/),
      birthDate: '1994-05-17',
      languages: ['jv', 'id'],
      phones: [PHONE],
      homeArea: { code: '35.07.01.2001', province: 'Jawa Timur', regency: 'Kabupaten Malang', district: 'Donomulyo', village: 'Tulungrejo' },
      homeAddress: ADDRESS,
      identityDocuments: [{ type: 'nik', number: NIK }],
      disabilities: ['hearing'],
      screening: { exploitationTypes: ['online_scam_compound'], determination: null },
      caseSummary: SUMMARY,
    });
  });
});

describe('the life cycle', () => {
  /** A referral brought to `status` through the API. */
  async function at(status: ReferralStatus) {
    const { referral } = await sent(w);
    const paths: Record<ReferralStatus, [Signed, Record<string, unknown>][]> = {
      sent: [],
      acknowledged: [[w.focal, { to: 'acknowledged' }]],
      accepted: [[w.focal, { to: 'accepted' }]],
      declined: [[w.focal, { to: 'declined', reason: 'no_capacity' }]],
      in_progress: [
        [w.focal, { to: 'accepted' }],
        [w.focal, { to: 'in_progress' }],
      ],
      completed: [
        [w.focal, { to: 'accepted' }],
        [w.focal, { to: 'completed', outcome: 'delivered' }],
      ],
      closed: [
        [w.focal, { to: 'accepted' }],
        [w.focal, { to: 'closed' }],
      ],
      withdrawn: [[w.worker, { to: 'withdrawn' }]],
    };
    let version = referral.version as number;
    for (const [who, body] of paths[status]) {
      const res = await move(who, referral.id, { ...body, version });
      if (res.status !== 200) throw new Error(`${status}: ${res.status} ${res.text}`);
      version = res.body.version;
    }
    return { id: referral.id as string, version };
  }

  const inputFor = (to: ReferralStatus) => (to === 'declined' ? { reason: 'not_eligible' } : to === 'completed' ? { outcome: 'partly_delivered' } : {});

  it('allows every move of the table, by its side only', async () => {
    for (const t of referralTransitions) {
      const r = await at(t.from);
      const [right, wrong] = t.by === 'receiver' ? [w.focal, w.worker] : [w.worker, w.focal];
      const refused = await move(wrong, r.id, { to: t.to, version: r.version, ...inputFor(t.to) });
      expect(refused.status, `${t.from}→${t.to} by the other side`).toBe(409);
      expect(refused.body.error.code).toBe('transition_not_allowed');
      const res = await move(right, r.id, { to: t.to, version: r.version, ...inputFor(t.to), note: 'Catatan langkah.' });
      expect(res.status, `${t.from}→${t.to}`).toBe(200);
      expect(res.body).toMatchObject({ status: t.to, version: r.version + 1 });
      expect(res.body.events.at(-1)).toMatchObject({ fromStatus: t.from, toStatus: t.to, by: { id: right.user.id }, note: 'Catatan langkah.' });
    }
  });

  it('refuses every other move with the allowed ones, and nothing changes', async () => {
    const statuses = ['sent', 'acknowledged', 'accepted', 'declined', 'in_progress', 'completed', 'closed', 'withdrawn'] as const;
    for (const from of statuses) {
      const r = await at(from);
      for (const [side, who] of [['receiver', w.focal], ['sender', w.worker]] as const) {
        const allowed = referralTransitions.filter((t) => t.from === from && t.by === side).map((t) => t.to);
        for (const to of statuses.filter((s) => !allowed.includes(s))) {
          const res = await move(who, r.id, { to, version: r.version, ...inputFor(to) });
          expect(res.status, `${from}→${to} by ${side}`).toBe(409);
          expect(res.body.error).toMatchObject({ code: 'transition_not_allowed', allowed });
        }
      }
      const [row] = await w.query(`select status, version from referrals where id = '${r.id}'`);
      expect(row).toEqual({ status: from, version: r.version });
    }
  });

  it('keeps the provider record and the times on the first answer, and asks for a reason or an outcome', async () => {
    const service = await makeService(w, { organizationId: w.ngo.id, termCodes: ['mental_health'] });
    const { referral } = await sent(w, { extra: { serviceId: service.id } });
    await w.query(`update referrals set sent_at = now() - interval '10 hours' where id = '${referral.id}'`);
    const noReason = await move(w.focal, referral.id, { to: 'declined', version: 1 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toEqual({ reason: 'required' });
    const otherNoNote = await move(w.focal, referral.id, { to: 'declined', reason: 'other', version: 1 });
    expect(otherNoNote.body.error.fields).toEqual({ note: 'required' });
    const reasonOnAccept = await move(w.focal, referral.id, { to: 'accepted', reason: 'no_capacity', version: 1 });
    expect(reasonOnAccept.body.error.fields).toEqual({ reason: 'not_allowed' });
    const ack = await move(w.focal, referral.id, { to: 'acknowledged', version: 1 });
    expect(ack.body.answeredAt).toBeNull();
    const accepted = await move(w.focal, referral.id, { to: 'accepted', version: 2 });
    expect(accepted.body.answeredAt).not.toBeNull();
    expect(accepted.body.allowedTransitions).toEqual(['in_progress', 'completed', 'closed']);
    const [record] = await w.query(`select referrals_answered, referrals_accepted, response_hours_total from services where id = '${service.id}'`);
    expect(record.referrals_answered).toBe(1);
    expect(record.referrals_accepted).toBe(1);
    expect(record.response_hours_total).toBeGreaterThan(9.9);
    expect(record.response_hours_total).toBeLessThan(10.5);
    const noOutcome = await move(w.focal, referral.id, { to: 'completed', version: 3 });
    expect(noOutcome.body.error.fields).toEqual({ outcome: 'required' });
    const done = await move(w.focal, referral.id, { to: 'completed', outcome: 'delivered', version: 3 });
    expect(done.body).toMatchObject({ status: 'completed', outcome: 'delivered', allowedTransitions: [] });
    expect(done.body.endedAt).not.toBeNull();
    expect(new Date(done.body.accessUntil).getTime() - new Date(done.body.endedAt).getTime()).toBe(14 * 86_400_000);
    const history = await w.worker.get(api(`/cases/${(await w.query(`select case_id from referrals where id = '${referral.id}'`))[0].case_id}/history`));
    expect(history.body.items.filter((h: any) => h.kind === 'referral').map((h: any) => h.toValue)).toEqual(['sent', 'acknowledged', 'accepted', 'completed']);

    const declined = await sent(w, { extra: { serviceId: service.id } });
    const d = await move(w.focal, declined.referral.id, { to: 'declined', reason: 'other', note: 'Di luar wilayah kerja kami.', version: 1 });
    expect(d.body).toMatchObject({ status: 'declined', declineReason: 'other' });
    const [after] = await w.query(`select referrals_answered, referrals_accepted from services where id = '${service.id}'`);
    expect(after).toEqual({ referrals_answered: 2, referrals_accepted: 1 });
  });

  it('answers a stale version with the current referral, and changes nothing', async () => {
    const { referral } = await sent(w);
    expect((await move(w.focal, referral.id, { to: 'acknowledged', version: 1 })).status).toBe(200);
    const stale = await move(w.focal, referral.id, { to: 'accepted', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.current).toMatchObject({ id: referral.id, status: 'acknowledged', version: 2, side: 'receiver', caseId: null });
    const staleSender = await move(w.worker, referral.id, { to: 'withdrawn', version: 1 });
    expect(staleSender.body.error.current).toMatchObject({ side: 'sender', status: 'acknowledged' });
    const [row] = await w.query(`select status, version from referrals where id = '${referral.id}'`);
    expect(row).toEqual({ status: 'acknowledged', version: 2 });
  });

  it('refuses moves to those who only see the referral, and to anyone else', async () => {
    const { referral } = await sent(w);
    expect((await move(w.otherFocal, referral.id, { to: 'accepted', version: 1 })).status).toBe(404);
    expect((await move(w.worker2, referral.id, { to: 'withdrawn', version: 1 })).status).toBe(404);
    expect((await move(w.analyst, referral.id, { to: 'withdrawn', version: 1 })).status).toBe(403);
    // The receiving organisation's supervisor answers like its focal point.
    expect((await move(w.ngoSupervisor, referral.id, { to: 'acknowledged', version: 1 })).status).toBe(200);
  });
});

describe('consent withdrawal and the grace period', () => {
  it('shrinks what the receiver sees as soon as the consent is withdrawn or narrowed', async () => {
    const c = await referralCase(w);
    const consent = await recordConsent(w, c.id, { fields: ['name', 'sex', 'age', 'languages', 'needs', 'contact'], givenAt: hoursAgo(30) });
    const res = await w.worker.post(api(`/cases/${c.id}/referrals`), referralBody(w.ngo.id, c.needIds, { sharedFields: [...minimum, 'contact'] }));
    const id = res.body.id;
    expect((await w.focal.get(api(`/referrals/${id}`))).body.person.phones).toEqual([PHONE]);
    // A newer consent for the organisation that no longer covers contact details.
    await recordConsent(w, c.id, { fields: ['name', 'sex', 'age', 'languages', 'needs'], givenAt: hoursAgo(1) });
    const narrowed = await w.focal.get(api(`/referrals/${id}`));
    expect(narrowed.body.visibleFields).toEqual(minimum);
    expect(narrowed.body.person.phones).toBeUndefined();
    expect(narrowed.text).not.toContain(PHONE);
    const newest = (await activeConsent(w.s.database.db, c.id, 'referral_sharing', { organizationId: w.ngo.id, organizationType: 'ngo' }))!;
    const withdrawn = await w.worker.post(api(`/cases/${c.id}/consents/${newest.id}/withdraw`), { reason: 'Tidak ingin dibagikan lagi.' });
    expect(withdrawn.status).toBe(200);
    // The older consent was superseded, not withdrawn: with the newer one withdrawn it stands again.
    expect((await w.focal.get(api(`/referrals/${id}`))).body.visibleFields).toEqual([...minimum, 'contact']);
    await w.worker.post(api(`/cases/${c.id}/consents/${consent.id}/withdraw`), { reason: 'Tidak ingin dibagikan lagi.' });
    const gone = await w.focal.get(api(`/referrals/${id}`));
    expect(gone.body).toMatchObject({ visibleFields: [], person: {}, consent: { id: consent.id, active: false }, sharedFields: [...minimum, 'contact'] });
    expect(gone.text).not.toContain('Siti');
    // The list says the same as the referral (its consent rule is the same, in SQL).
    const list = await w.focal.get(api(`/referrals?box=incoming&status=all&q=${encodeURIComponent(c.reference)}`));
    expect(list.body.items[0]).toMatchObject({ id, visibleFields: [], consent: { active: false } });
    // The sender sees what travels now, too.
    expect((await w.worker.get(api(`/referrals/${id}`))).body).toMatchObject({ visibleFields: [], person: {} });
  });

  it('keeps the view for the grace period after the end, then shows nothing personal', async () => {
    const { referral } = await sent(w);
    const done = await move(w.focal, referral.id, { to: 'declined', reason: 'other', note: 'Kuota penuh bulan ini.', version: 1 });
    expect(done.status).toBe(200);
    const during = await w.focal.get(api(`/referrals/${referral.id}`));
    expect(during.body).toMatchObject({ visibleFields: minimum, person: { firstName: 'Siti' }, message: expect.any(String) });
    await w.query(`update referrals set ended_at = now() - interval '15 days' where id = '${referral.id}'`);
    const after = await w.focal.get(api(`/referrals/${referral.id}`));
    expect(after.body).toMatchObject({ status: 'declined', visibleFields: [], person: {}, message: null });
    expect(new Date(after.body.accessUntil).getTime()).toBeLessThan(Date.now());
    expect(after.body.needs[0]).toMatchObject({ type: 'counselling', severity: null, description: null });
    expect(after.body.events.every((e: any) => e.note === null)).toBe(true);
    for (const secret of ['Siti', NEED_NOTE, 'Mohon', 'Kuota']) expect(after.text).not.toContain(secret);
    // The sender keeps its own record: the message and the notes, but the person as it travels (nothing now).
    const sender = await w.worker.get(api(`/referrals/${referral.id}`));
    expect(sender.body).toMatchObject({ message: expect.stringContaining('Mohon'), visibleFields: [], person: {} });
    expect(sender.body.events.at(-1).note).toBe('Kuota penuh bulan ini.');
  });
});

describe('overdue referrals', () => {
  it('marks an unanswered referral past its deadline as overdue on both sides, until it is answered', async () => {
    const { referral } = await sent(w);
    await w.query(`update referrals set respond_by = now() - interval '1 hour' where id = '${referral.id}'`);
    expect((await w.focal.get(api(`/referrals/${referral.id}`))).body.overdue).toBe(true);
    expect((await w.worker.get(api(`/referrals/${referral.id}`))).body.overdue).toBe(true);
    const inbox = await w.focal.get(api('/referrals?box=incoming&status=overdue&limit=100'));
    expect(inbox.body.items.map((i: any) => i.id)).toContain(referral.id);
    const outbox = await w.worker.get(api('/referrals?box=outgoing&status=overdue&limit=100'));
    expect(outbox.body.items.map((i: any) => i.id)).toContain(referral.id);
    const ack = await move(w.focal, referral.id, { to: 'acknowledged', version: 1 });
    expect(ack.body.overdue).toBe(true);
    const accepted = await move(w.focal, referral.id, { to: 'accepted', version: 2 });
    expect(accepted.body.overdue).toBe(false);
  });
});

describe('the letter', () => {
  it('holds only what travels, in either language, with download headers, and is audited', async () => {
    const { case: c, referral } = await sent(w);
    const res = await fetchLetter(w.focal, referral.id, 'id');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="rujukan-${c.reference}.pdf"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(res.bytes);
    for (const expected of ['Surat Rujukan', c.reference, w.dinsos.name, w.ngo.name, 'Siti', 'Perempuan', 'Konseling', NEED_NOTE, 'Mendesak', 'Melalui pendamping kasus', 'Mohon pendampingan konseling'])
      expect(text, expected).toContain(expected);
    for (const absent of ['Rahayu', PHONE, ADDRESS, NIK, SUMMARY]) expect(text, absent).not.toContain(absent);
    const en = pdfText((await fetchLetter(w.worker, referral.id, 'en')).bytes);
    expect(en).toContain('Referral letter');
    expect(en).toContain('Through the case worker');
    expect(en).toContain('Siti');
    expect(en).not.toContain('Rahayu');
    const audits = await w.query(`select details from audit_events where action = 'referral.letter' and target_id = '${referral.id}' order by seq`);
    expect(audits.map((a) => a.details)).toEqual([
      { side: 'receiver', lang: 'id', fields: minimum },
      { side: 'sender', lang: 'en', fields: minimum },
    ]);
    expect((await fetchLetter(w.otherFocal, referral.id, 'id')).status).toBe(404);
  });

  it('follows a consent withdrawal like the view does', async () => {
    const c = await referralCase(w);
    const consent = await recordConsent(w, c.id);
    const res = await w.worker.post(api(`/cases/${c.id}/referrals`), referralBody(w.ngo.id, c.needIds));
    await w.worker.post(api(`/cases/${c.id}/consents/${consent.id}/withdraw`), { reason: 'Berubah pikiran.' });
    const text = pdfText((await fetchLetter(w.focal, res.body.id, 'id')).bytes);
    expect(text).not.toContain('Siti');
    expect(text).toContain('Tidak ada data pribadi yang dibagikan.');
  });
});

describe('the audit trail', () => {
  it('records every referral action with IDs and codes only', async () => {
    const rows = await w.query(`select action, details::text as d from audit_events where action like 'referral.%'`);
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set(['referral.send', 'referral.override', 'referral.review', 'referral.read', 'referral.transition', 'referral.list', 'referral.letter', 'referral.options.read']),
    );
    for (const r of rows) for (const secret of ['Siti', 'Rahayu', PHONE, ADDRESS, NIK, NEED_NOTE, 'Mohon', 'penagih', 'Kuota', 'Sudah sesuai']) expect(r.d, r.action).not.toContain(secret);
  });
});

// ---- PDF helpers ----------------------------------------------------------------------------

async function fetchLetter(c: Signed, id: string, lang: string) {
  const headers: Record<string, string> = { 'x-forwarded-for': c.ip, cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  const res = await fetch(`${c.base}/api/v1/referrals/${id}/letter?lang=${lang}`, { headers });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The text of a pdfkit PDF, crudely: every content stream inflated, the hex strings of each TJ joined. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    const body = Buffer.from(raw.slice(start, end), 'latin1');
    let content: string;
    try {
      content = inflateSync(body).toString('latin1');
    } catch {
      content = body.toString('latin1');
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      out.push([...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join(''));
    }
  }
  return out.join('\n');
}
