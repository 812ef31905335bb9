// Return journeys through the real server: planning with documents and legs (encrypted where they
// find a person), the refusals of bad input (each naming its field, nothing written), the milestone
// order in both directions, documents_ready held back by documents and the medical clearance, the
// arrival reception and the hand-over recording the arrival day, cancelling and planning again,
// who may read and write, and the case history and audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJakarta } from '../cases/derived.js';
import { nextMilestones } from './vocabulary.js';
import { api, FULL_NAME, hoursFromNow, inboundPlan, journeyCase, makeWorld, type Signed, type World } from './test-fixtures.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
}, 120_000);
afterAll(() => w?.s.close());

const count = async (table: string) => (await w.query(`select count(*)::int as n from ${table}`))[0].n as number;
const counts = async () => ({
  journeys: await count('return_journeys'),
  documents: await count('journey_documents'),
  legs: await count('journey_legs'),
  events: await count('journey_events'),
  caseEvents: await count('case_events'),
  audit: await count('audit_events'),
});
const hoursAgo = (h: number) => hoursFromNow(-h);

async function plan(caseId: string, body: Record<string, unknown>, by: Signed = w.worker) {
  const res = await by.post(api(`/cases/${caseId}/journeys`), body);
  if (res.status !== 201) throw new Error(`plan: ${res.status} ${res.text}`);
  return res.body;
}
const milestone = (id: string, body: Record<string, unknown>, by: Signed = w.worker) => by.post(api(`/journeys/${id}/milestones`), body);

describe('planning a journey', () => {
  it('plans an inbound return with documents and legs; secrets are stored encrypted; the history and audit log record it', async () => {
    const c = await journeyCase(w);
    const res = await w.worker.post(api(`/cases/${c.id}/journeys`), inboundPlan(w));
    expect(res.status).toBe(201);
    const j = res.body;
    expect(j).toMatchObject({
      caseId: c.id,
      direction: 'inbound',
      status: 'planned',
      allowedMilestones: ['documents_ready', 'cancelled'],
      medicalClearance: 'cleared',
      escort: 'case_worker',
      escortName: 'Bu Endang',
      pocketMoneyIdr: 500_000,
      arrivalPoint: { code: 'SUB', kind: 'airport', name: 'Bandara Internasional Juanda' },
      receptionOrganization: { id: w.bp3mi.id, name: w.bp3mi.name },
      receivedBy: null,
      arrivedAt: null,
      notes: 'Takut bertemu perekrut di bandara.',
      createdBy: { id: w.worker.user.id, displayName: 'Pekerja Kasus' },
      version: 1,
    });
    // Documents in the order of the vocabulary (passport first); the SPLP applied for holds back "documents ready".
    expect(j.documents.map((d: any) => [d.kind, d.status, d.number])).toEqual([
      ['passport', 'issued', 'C1234567'],
      ['splp', 'applied', 'SPLP-KL-2026-0042'],
    ]);
    expect(j.documentsBlocking).toEqual(['documents.1']);
    expect(j.legs.map((l: any) => [l.seq, l.segment, l.mode, l.flightNumber, l.bookingCode])).toEqual([
      [1, 'return', 'air', 'QZ 325', 'XK7PQD'],
      [2, 'onward', 'bus', null, null],
    ]);
    expect(j.events.map((e: any) => [e.milestone, e.by?.id])).toEqual([['planned', w.worker.user.id]]);

    const [row] = await w.query(`select escort_name_enc, notes_enc, pocket_money_idr from return_journeys where id = '${j.id}'`);
    expect(row.escort_name_enc).not.toContain('Endang');
    expect(row.notes_enc).not.toContain('perekrut');
    const docs = await w.query(`select number_enc from journey_documents where journey_id = '${j.id}'`);
    for (const d of docs) expect(d.number_enc).not.toMatch(/C1234567|SPLP/);
    const legs = await w.query(`select reference_enc from journey_legs where journey_id = '${j.id}' and segment = 'return'`);
    expect(legs[0].reference_enc).not.toMatch(/QZ|XK7PQD/);

    const history = await w.query(`select kind, from_value, to_value from case_events where case_id = '${c.id}'`);
    expect(history).toEqual([{ kind: 'journey', from_value: null, to_value: 'planned' }]);
    const [audit] = await w.query(`select details from audit_events where action = 'journey.create' and target_id = '${j.id}'`);
    expect(audit.details).toEqual({ caseId: c.id, direction: 'inbound', documents: 2, legs: 2, arrivalPointCode: 'SUB', receptionOrganizationId: w.bp3mi.id });
    expect(JSON.stringify(audit.details)).not.toMatch(/Endang|C1234567|QZ 325|Siti/);

    // Reading it back, one journey and the case's list, each audited.
    const one = await w.worker.get(api(`/journeys/${j.id}`));
    expect(one.status).toBe(200);
    expect(one.body).toEqual(j);
    const list = await w.worker.get(api(`/cases/${c.id}/journeys`));
    expect(list.body.items.map((x: any) => x.id)).toEqual([j.id]);
    const reads = await w.query(`select action from audit_events where target_id in ('${j.id}', '${c.id}') and action like 'journey.%' order by seq`);
    expect(reads.map((r) => r.action)).toEqual(['journey.create', 'journey.read', 'journey.list']);
  });

  it('refuses bad input, naming the field, and writes nothing', async () => {
    const c = await journeyCase(w);
    const inactive = await w.s.org({ active: false });
    const base = inboundPlan(w);
    const leg0 = (base.legs as any[])[0];
    const cases: [Record<string, unknown>, string, string][] = [
      [{ arrivalPointCode: 'XYZ' }, 'arrivalPointCode', 'unknown_point_of_entry'],
      [{ receptionOrganizationId: '00000000-0000-4000-8000-000000000000' }, 'receptionOrganizationId', 'unknown_organization'],
      [{ receptionOrganizationId: inactive.id }, 'receptionOrganizationId', 'organization_inactive'],
      [{ handoverCountryCode: 'MY' }, 'handoverCountryCode', 'outbound_only'],
      [{ handoverItems: ['case_summary'] }, 'handoverItems', 'outbound_only'],
      [{ legs: [{ ...leg0, arriveAt: leg0.departAt }] }, 'legs.0.arriveAt', 'arrives_before_departure'],
      [{ legs: [{ ...leg0, fromCountryCode: 'ZZ' }] }, 'legs.0.fromCountryCode', 'unknown_country'],
      [{ legs: [(base.legs as any[])[1], leg0] }, 'legs.1.segment', 'return_after_onward'],
      [{ legs: [leg0, { ...leg0, departAt: hoursFromNow(46), arriveAt: hoursFromNow(50) }] }, 'legs.1.departAt', 'before_previous_leg'],
      [{ documents: [{ kind: 'passport', status: 'issued', issuedOn: '2099-01-01' }] }, 'documents.0.issuedOn', 'in_future'],
      [{ documents: [{ kind: 'passport', status: 'issued', issuedOn: '2024-01-01', expiresOn: '2023-12-31' }] }, 'documents.0.expiresOn', 'expires_before_issue'],
      [{ pocketMoneyIdr: -5000 }, 'pocketMoneyIdr', expect.any(String) as unknown as string],
      [{ pocketMoneyIdr: 1000.5 }, 'pocketMoneyIdr', expect.any(String) as unknown as string],
      [{ documents: [{ kind: 'ktp', status: 'issued' }] }, 'documents.0.kind', expect.any(String) as unknown as string],
      [{ legs: [{ ...leg0, mode: 'plane' }] }, 'legs.0.mode', expect.any(String) as unknown as string],
    ];
    const before = await counts();
    for (const [over, field, code] of cases) {
      const res = await w.worker.post(api(`/cases/${c.id}/journeys`), { ...base, ...over });
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(res.body.error.fields, JSON.stringify(over)).toMatchObject({ [field]: code });
    }
    const after = await counts();
    // Only the refusals' denials could have been audited; none of these is a denial.
    expect(after).toEqual(before);
  });

  it('keeps inbound-only fields off an outbound journey, and onward legs too', async () => {
    const c = await journeyCase(w, { direction: 'outbound' });
    const before = await counts();
    for (const [over, field, code] of [
      [{ arrivalPointCode: 'SUB' }, 'arrivalPointCode', 'inbound_only'],
      [{ expectedArrivalAt: hoursFromNow(5) }, 'expectedArrivalAt', 'inbound_only'],
      [{ receptionOrganizationId: w.bp3mi.id }, 'receptionOrganizationId', 'inbound_only'],
      [{ legs: [{ segment: 'onward', mode: 'bus', fromPlace: 'Phnom Penh', toPlace: 'Battambang' }] }, 'legs.0.segment', 'inbound_only'],
    ] as const) {
      const res = await w.worker.post(api(`/cases/${c.id}/journeys`), over);
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual({ [field]: code });
    }
    expect(await counts()).toEqual(before);
  });

  it('allows one journey under way at a time; a cancelled one can be followed by a new one', async () => {
    const c = await journeyCase(w);
    const first = await plan(c.id, { arrivalPointCode: 'CGK' });
    const again = await w.worker.post(api(`/cases/${c.id}/journeys`), {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('active_journey_exists');

    const noReason = await milestone(first.id, { milestone: 'cancelled', happenedAt: hoursAgo(1), version: 1 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toEqual({ note: 'required' });
    const cancelled = await milestone(first.id, { milestone: 'cancelled', happenedAt: hoursAgo(1), version: 1, note: 'Penerbangan dibatalkan maskapai.' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', allowedMilestones: [], version: 2 });
    expect(cancelled.body.events.at(-1)).toMatchObject({ milestone: 'cancelled', note: 'Penerbangan dibatalkan maskapai.' });

    const edit = await w.worker.patch(api(`/journeys/${first.id}`), { version: 2, pocketMoneyIdr: 100_000 });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('journey_cancelled');

    const second = await plan(c.id, { arrivalPointCode: 'SUB' });
    const list = await w.worker.get(api(`/cases/${c.id}/journeys`));
    expect(list.body.items.map((j: any) => [j.id, j.status])).toEqual([
      [second.id, 'planned'],
      [first.id, 'cancelled'],
    ]);
  });

  it('changes the plan with the version it was based on; a stale version gets the current journey', async () => {
    const c = await journeyCase(w);
    const j = await plan(c.id, inboundPlan(w));
    const res = await w.worker.patch(api(`/journeys/${j.id}`), {
      version: 1,
      escort: 'none',
      escortName: null,
      legs: [{ segment: 'return', mode: 'sea', fromPlace: 'Pelabuhan Pasir Gudang', fromCountryCode: 'MY', toPlace: 'Tanjung Perak', toCountryCode: 'ID' }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, escort: 'none', escortName: null, pocketMoneyIdr: 500_000, arrivalPoint: { code: 'SUB' } });
    expect(res.body.legs.map((l: any) => [l.seq, l.mode, l.toPlace])).toEqual([[1, 'sea', 'Tanjung Perak']]);
    expect(res.body.documents).toHaveLength(2);

    const stale = await w.worker.patch(api(`/journeys/${j.id}`), { version: 1, pocketMoneyIdr: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.current).toMatchObject({ id: j.id, version: 2, pocketMoneyIdr: 500_000 });
    const [audit] = await w.query(`select details from audit_events where action = 'journey.update' and target_id = '${j.id}'`);
    expect(audit.details).toEqual({ caseId: c.id, fields: ['escort', 'escortName', 'legs'], legs: 1 });
  });

  it('refuses on a closed case', async () => {
    const c = await journeyCase(w);
    await w.query(`update cases set stage = 'closed' where id = '${c.id}'`);
    const res = await w.worker.post(api(`/cases/${c.id}/journeys`), {});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('case_closed');
  });
});

describe('milestones of an inbound journey', () => {
  it('holds documents_ready back while a document or the medical clearance is not ready, then goes home step by step', async () => {
    const c = await journeyCase(w);
    const j = await plan(c.id, inboundPlan(w, { medicalClearance: 'pending' }));
    expect(j.documentsBlocking).toEqual(['documents.1', 'medicalClearance']);

    const before = await counts();
    const notReady = await milestone(j.id, { milestone: 'documents_ready', happenedAt: hoursAgo(10), version: 1 });
    expect(notReady.status).toBe(409);
    expect(notReady.body.error).toMatchObject({ code: 'documents_not_ready', fields: { 'documents.1.status': 'document_not_ready', medicalClearance: 'medical_not_cleared' } });
    // Out of order: 409 with the moves allowed now.
    const skip = await milestone(j.id, { milestone: 'arrived', happenedAt: hoursAgo(10), version: 1, receivedBy: 'Pak Joko' });
    expect(skip.status).toBe(409);
    expect(skip.body.error).toMatchObject({ code: 'transition_not_allowed', allowed: ['documents_ready', 'cancelled'] });
    const future = await milestone(j.id, { milestone: 'documents_ready', happenedAt: hoursFromNow(2), version: 1 });
    expect(future.status).toBe(400);
    expect(future.body.error.fields).toEqual({ happenedAt: 'in_future' });
    expect(await counts()).toEqual(before);

    // The SPLP is issued and the doctor clears the person.
    const docs = j.documents.map((d: any) => ({ kind: d.kind, status: 'issued', number: d.number, issuer: d.issuer, issuedOn: d.issuedOn, expiresOn: d.expiresOn }));
    const patched = await w.worker.patch(api(`/journeys/${j.id}`), { version: 1, documents: docs, medicalClearance: 'cleared', medicalNote: 'Layak terbang.' });
    expect(patched.body.documentsBlocking).toEqual([]);

    let v = patched.body.version;
    const step = async (body: Record<string, unknown>) => {
      const res = await milestone(j.id, { version: v, ...body });
      expect(res.status, res.text).toBe(200);
      v = res.body.version;
      return res.body;
    };
    await step({ milestone: 'documents_ready', happenedAt: hoursAgo(10) });
    const early = await milestone(j.id, { milestone: 'departed', happenedAt: hoursAgo(11), version: v });
    expect(early.status).toBe(400);
    expect(early.body.error.fields).toEqual({ happenedAt: 'before_previous_milestone' });
    await step({ milestone: 'departed', happenedAt: hoursAgo(8), note: 'Berangkat dari KLIA bersama pendamping.' });

    // Arrival: who received the person is required; hand-over fields belong to outbound journeys.
    const missing = await milestone(j.id, { milestone: 'arrived', happenedAt: hoursAgo(3), version: v, handoverItems: ['case_summary'] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual({ receivedBy: 'required', handoverItems: 'outbound_only' });
    const badPoint = await milestone(j.id, { milestone: 'arrived', happenedAt: hoursAgo(3), version: v, receivedBy: 'Pak Joko', arrivalPointCode: 'ABC' });
    expect(badPoint.body.error.fields).toEqual({ arrivalPointCode: 'unknown_point_of_entry' });

    const arrivedAt = hoursAgo(3);
    const arrived = await step({ milestone: 'arrived', happenedAt: arrivedAt, receivedBy: 'Pak Joko (BP3MI)', arrivalPointCode: 'SUB' });
    expect(arrived).toMatchObject({ status: 'arrived', receivedBy: 'Pak Joko (BP3MI)', arrivedAt: new Date(arrivedAt).toISOString(), allowedMilestones: ['reached_home', 'cancelled'] });
    const [caseRow] = await w.query(`select arrived_on::text as arrived_on from cases where id = '${c.id}'`);
    expect(caseRow.arrived_on).toBe(todayInJakarta(new Date(arrivedAt)));
    const [stored] = await w.query(`select received_by_enc from return_journeys where id = '${j.id}'`);
    expect(stored.received_by_enc).not.toContain('Joko');

    // Onward legs can still be changed after arrival.
    const onward = await w.worker.patch(api(`/journeys/${j.id}`), {
      version: v,
      legs: [...j.legs.filter((l: any) => l.segment === 'return').map(({ id: _i, seq: _s, ...l }: any) => l), { segment: 'onward', mode: 'car', fromPlace: 'Juanda', toPlace: 'Donomulyo' }],
    });
    expect(onward.status, onward.text).toBe(200);
    v = onward.body.version;
    const home = await step({ milestone: 'reached_home', happenedAt: hoursAgo(1) });
    expect(home).toMatchObject({ status: 'reached_home', allowedMilestones: [], reachedHomeAt: expect.any(String) });
    expect(home.events.map((e: any) => e.milestone)).toEqual(['planned', 'documents_ready', 'departed', 'arrived', 'reached_home']);

    const over = await milestone(j.id, { milestone: 'cancelled', happenedAt: hoursAgo(0), version: v, note: 'x' });
    expect(over.status).toBe(409);
    expect(over.body.error).toMatchObject({ code: 'transition_not_allowed', allowed: [] });

    const history = await w.query(`select from_value, to_value, note_enc from case_events where case_id = '${c.id}' and kind = 'journey' order by id`);
    expect(history.map((h) => [h.from_value, h.to_value])).toEqual([
      [null, 'planned'],
      ['planned', 'documents_ready'],
      ['documents_ready', 'departed'],
      ['departed', 'arrived'],
      ['arrived', 'reached_home'],
    ]);
    expect(history[2].note_enc).not.toContain('KLIA');
    const caseHistory = await w.worker.get(api(`/cases/${c.id}/history`));
    expect(caseHistory.body.items.find((h: any) => h.toValue === 'departed')).toMatchObject({ kind: 'journey', reason: 'Berangkat dari KLIA bersama pendamping.' });
    const audits = await w.query(`select details from audit_events where action = 'journey.milestone' and target_id = '${j.id}' order by seq`);
    expect(audits.map((a) => a.details.to)).toEqual(['documents_ready', 'departed', 'arrived', 'reached_home']);
    expect(audits[2].details).toMatchObject({ caseId: c.id, from: 'departed', to: 'arrived', arrivalPointCode: 'SUB', receptionOrganizationId: w.bp3mi.id });
    expect(JSON.stringify(audits)).not.toMatch(/Joko|KLIA/);
  });

  it('answers a stale milestone with the current journey', async () => {
    const c = await journeyCase(w);
    const j = await plan(c.id, { medicalClearance: 'not_needed' });
    expect((await milestone(j.id, { milestone: 'documents_ready', happenedAt: hoursAgo(2), version: 1 })).status).toBe(200);
    const stale = await milestone(j.id, { milestone: 'departed', happenedAt: hoursAgo(1), version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', current: { id: j.id, status: 'documents_ready', version: 2 } });
  });
});

describe('an outbound journey', () => {
  it('ends with the hand-over in the country of origin, recorded with what was sent', async () => {
    const c = await journeyCase(w, { direction: 'outbound' });
    const j = await plan(c.id, {
      medicalClearance: 'not_needed',
      escort: 'medical',
      documents: [{ kind: 'laissez_passer', status: 'issued', number: 'LP-0099', issuer: 'Kedutaan Besar Kamboja, Jakarta' }],
      legs: [{ segment: 'return', mode: 'air', fromPlace: 'Soekarno-Hatta', fromCountryCode: 'ID', toPlace: 'Phnom Penh', toCountryCode: 'KH', departAt: hoursAgo(30), arriveAt: hoursAgo(26), carrier: 'Garuda' }],
    });
    expect(j.allowedMilestones).toEqual(nextMilestones('outbound', 'planned'));
    let v = 1;
    for (const [m, h] of [
      ['documents_ready', 40],
      ['departed', 30],
    ] as const) {
      const res = await milestone(j.id, { milestone: m, happenedAt: hoursAgo(h), version: v });
      expect(res.status).toBe(200);
      v = res.body.version;
    }
    expect((await milestone(j.id, { milestone: 'arrived', happenedAt: hoursAgo(26), version: v })).body.error).toMatchObject({ code: 'transition_not_allowed', allowed: ['handed_over', 'cancelled'] });
    const missing = await milestone(j.id, { milestone: 'handed_over', happenedAt: hoursAgo(25), version: v, receivedBy: 'Pak Joko' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual({ receivedBy: 'inbound_only', handoverCountryCode: 'required', handoverOrganizationName: 'required', handoverItems: 'required' });
    const handedOverAt = hoursAgo(25);
    const done = await milestone(j.id, {
      milestone: 'handed_over',
      happenedAt: handedOverAt,
      version: v,
      handoverCountryCode: 'KH',
      handoverOrganizationName: 'Department of Social Welfare, Phnom Penh',
      handoverContact: 'Ms Sokha, +855 12 345 678',
      handoverItems: ['case_summary', 'medical_records', 'belongings'],
      handoverNote: 'Diterima di bandara oleh petugas dinas sosial.',
    });
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({
      status: 'handed_over',
      allowedMilestones: [],
      handoverCountryCode: 'KH',
      handoverContact: 'Ms Sokha, +855 12 345 678',
      handoverItems: ['case_summary', 'medical_records', 'belongings'],
      handedOverAt: new Date(handedOverAt).toISOString(),
    });
    const [row] = await w.query(`select handover_contact_enc, (select arrived_on::text from cases where id = '${c.id}') as arrived_on from return_journeys where id = '${j.id}'`);
    expect(row.handover_contact_enc).not.toContain('Sokha');
    expect(row.arrived_on).toBe(todayInJakarta(new Date(handedOverAt)));
  });
});

describe('who may see and change a journey', () => {
  it('goes with the case: its case worker and supervisor; others hear not found', async () => {
    const c = await journeyCase(w);
    const j = await plan(c.id, inboundPlan(w));
    expect((await w.supervisor.get(api(`/journeys/${j.id}`))).status).toBe(200);
    const bySupervisor = await milestone(j.id, { milestone: 'cancelled', happenedAt: hoursAgo(0), version: 1, note: 'Dibatalkan penyelia.' }, w.supervisor);
    expect(bySupervisor.status).toBe(200);
    for (const who of [w.worker2, w.receptionWorker, w.receptionFocal, w.otherSupervisor, w.analyst]) {
      expect((await who.get(api(`/journeys/${j.id}`))).status).toBe(404);
      expect((await who.get(api(`/cases/${c.id}/journeys`))).status).toBe(404);
      expect((await who.post(api(`/cases/${c.id}/journeys`), {})).status).toBe(404);
      expect((await who.patch(api(`/journeys/${j.id}`), { version: 2, pocketMoneyIdr: 1 })).status).toBe(404);
      expect((await milestone(j.id, { milestone: 'documents_ready', happenedAt: hoursAgo(0), version: 2 }, who)).status).toBe(404);
    }
    expect((await w.worker.get(api('/journeys/00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await w.s.client().get(api(`/journeys/${j.id}`))).status).toBe(401);
    const denied = await w.query(`select count(*)::int as n from audit_events where action = 'permission.denied' and target_id = '${c.id}'`);
    expect(denied[0].n).toBeGreaterThan(0);
  });

  it('lists the points of entry for anyone', async () => {
    const res = await w.s.client().get(api('/points-of-entry'));
    expect(res.status).toBe(200);
    expect(res.body.items.find((p: any) => p.code === 'ENT')).toEqual({ code: 'ENT', kind: 'land_border', name: 'PLBN Entikong', areaCode: '61.03' });
  });
});

void FULL_NAME;
