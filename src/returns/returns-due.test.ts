// The returns-due list through the real server: what the case's own organisation sees, what the
// reception organisation sees (no case link, the first name only under the person's consent), what
// a third organisation sees (nothing), the window, the filter, the order and the audit entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, hoursFromNow, inboundPlan, journeyCase, makeWorld, type Signed, type World } from './test-fixtures.js';

let w: World;
const j: Record<string, { id: string; caseId: string; reference: string }> = {};

async function plan(key: string, caseOpts: Parameters<typeof journeyCase>[1], body: Record<string, unknown>, by: Signed = w.worker) {
  const c = await journeyCase(w, { ...caseOpts, worker: by });
  const res = await by.post(api(`/cases/${c.id}/journeys`), body);
  if (res.status !== 201) throw new Error(`plan ${key}: ${res.status} ${res.text}`);
  j[key] = { id: res.body.id, caseId: c.id, reference: c.reference };
  return res.body;
}

const noLegs = { legs: [], documents: [] };
const due = async (who: Signed, query = '') => {
  const res = await who.get(api(`/returns/due${query}`));
  expect(res.status, res.text).toBe(200);
  return res.body as { items: any[]; total: number };
};
const ids = (body: { items: any[] }) => body.items.map((i) => i.journeyId);

beforeAll(async () => {
  w = await makeWorld();
  // Received by BP3MI at Juanda in two days; a child flagged for urgent medical care.
  await plan('juanda', { flags: ['child', 'urgent_medical'], birthDate: '2010-06-01' }, inboundPlan(w, { medicalClearance: 'pending' }));
  // No planned time: due by the arrival of its last return leg, at Soekarno-Hatta tomorrow, no reception organisation.
  await plan('byLeg', {}, {
    arrivalPointCode: 'CGK',
    legs: [
      { segment: 'return', mode: 'air', fromPlace: 'Riyadh', fromCountryCode: 'SA', toPlace: 'Dubai', toCountryCode: 'AE', departAt: hoursFromNow(10), arriveAt: hoursFromNow(14), carrier: 'Saudia', flightNumber: 'SV 556' },
      { segment: 'return', mode: 'air', fromPlace: 'Dubai', fromCountryCode: 'AE', toPlace: 'Jakarta', toCountryCode: 'ID', departAt: hoursFromNow(16), arriveAt: hoursFromNow(20), carrier: 'Emirates', flightNumber: 'EK 356', bookingCode: 'RTY88Q' },
      { segment: 'onward', mode: 'train', fromPlace: 'Gambir', toPlace: 'Indramayu', departAt: hoursFromNow(24), arriveAt: hoursFromNow(27) },
    ],
  });
  // Late by a few hours: still shown (the window opens 24 hours back).
  await plan('late', {}, { ...noLegs, arrivalPointCode: 'TPR', expectedArrivalAt: hoursFromNow(-5), receptionOrganizationId: w.bp3mi.id });
  // Outside the window: 30 hours ago, and ten days ahead.
  await plan('tooOld', {}, { ...noLegs, arrivalPointCode: 'SUB', expectedArrivalAt: hoursFromNow(-30), receptionOrganizationId: w.bp3mi.id });
  await plan('later', {}, { ...noLegs, arrivalPointCode: 'SUB', expectedArrivalAt: hoursFromNow(24 * 10), receptionOrganizationId: w.bp3mi.id });
  // Arrived, and cancelled: not due any more.
  const arrived = await plan('arrived', {}, { ...noLegs, medicalClearance: 'not_needed', arrivalPointCode: 'SUB', expectedArrivalAt: hoursFromNow(-2), receptionOrganizationId: w.bp3mi.id });
  let v = arrived.version;
  for (const [m, extra] of [
    ['documents_ready', {}],
    ['departed', {}],
    ['arrived', { receivedBy: 'Pak Joko' }],
  ] as const) {
    const res = await w.worker.post(api(`/journeys/${arrived.id}/milestones`), { milestone: m, happenedAt: hoursFromNow(-1), version: v, ...extra });
    if (res.status !== 200) throw new Error(res.text);
    v = res.body.version;
  }
  const cancelled = await plan('cancelled', {}, { ...noLegs, arrivalPointCode: 'SUB', expectedArrivalAt: hoursFromNow(30), receptionOrganizationId: w.bp3mi.id });
  await w.worker.post(api(`/journeys/${cancelled.id}/milestones`), { milestone: 'cancelled', happenedAt: hoursFromNow(-1), version: 1, note: 'Batal.' });
  // A case of BP3MI itself, held by its case worker.
  await plan('bp3miOwn', { organizationId: w.bp3mi.id }, { ...noLegs, arrivalPointCode: 'SUB', expectedArrivalAt: hoursFromNow(40) }, w.receptionWorker);
}, 180_000);
afterAll(() => w?.s.close());

describe('the returns due', () => {
  it("gives the case's organisation its journeys on the way, by expected arrival, with the first name and never the full name", async () => {
    const body = await due(w.worker);
    expect(ids(body)).toEqual([j.late!.id, j.byLeg!.id, j.juanda!.id]);
    expect(body.total).toBe(3);
    const [late, byLeg, juanda] = body.items;
    expect(juanda).toEqual({
      journeyId: j.juanda!.id,
      caseReference: j.juanda!.reference,
      caseId: j.juanda!.caseId,
      caseOrganization: { id: w.dinsos.id, name: w.dinsos.name },
      direction: 'inbound',
      status: 'planned',
      expectedArrivalAt: expect.any(String),
      arrivalPoint: { code: 'SUB', kind: 'airport', name: 'Bandara Internasional Juanda', areaCode: '35.15' },
      receptionOrganization: { id: w.bp3mi.id, name: w.bp3mi.name },
      lastReturnLeg: { mode: 'air', carrier: 'AirAsia', flightNumber: 'QZ 325', arriveAt: expect.any(String) },
      escort: 'case_worker',
      medicalClearance: 'pending',
      flags: ['child', 'urgent_medical'],
      sex: 'female',
      ageBand: '15-17',
      firstName: 'Siti',
    });
    expect(JSON.stringify(body)).not.toMatch(/Rahayu|Ningsih|XK7PQD|RTY88Q/);
    // Due by its last return leg (the Dubai–Jakarta flight), not the onward train.
    expect(byLeg).toMatchObject({ arrivalPoint: { code: 'CGK' }, receptionOrganization: null, lastReturnLeg: { carrier: 'Emirates', flightNumber: 'EK 356' } });
    expect(Math.abs(new Date(byLeg.expectedArrivalAt).getTime() - (Date.now() + 20 * 3_600_000))).toBeLessThan(120_000);
    expect(late).toMatchObject({ arrivalPoint: { code: 'TPR', kind: 'seaport' }, lastReturnLeg: null });

    // A wider window brings the one ten days ahead; a point of entry narrows it.
    expect(ids(await due(w.worker, '?days=14'))).toEqual([j.late!.id, j.byLeg!.id, j.juanda!.id, j.later!.id]);
    expect(ids(await due(w.worker, '?pointCode=cgk'))).toEqual([j.byLeg!.id]);
    expect(ids(await due(w.worker, '?limit=1&offset=1'))).toEqual([j.byLeg!.id]);
    for (const q of ['?days=0', '?days=31', '?pointCode=XYZ']) expect((await w.worker.get(api(`/returns/due${q}`))).status).toBe(400);
    expect((await w.worker.get(api('/returns/due?pointCode=XYZ'))).body.error.fields).toEqual({ pointCode: 'unknown_point_of_entry' });
  });

  it('gives a case worker who does not hold the case the item without the link to it; the supervisor gets the link', async () => {
    const other = await due(w.worker2);
    expect(ids(other)).toEqual([j.late!.id, j.byLeg!.id, j.juanda!.id]);
    expect(other.items.map((i) => [i.caseId, i.firstName])).toEqual([
      [null, 'Siti'],
      [null, 'Siti'],
      [null, 'Siti'],
    ]);
    const sup = await due(w.supervisor);
    expect(sup.items.map((i) => i.caseId)).toEqual([j.late!.caseId, j.byLeg!.caseId, j.juanda!.caseId]);
  });

  it('gives the reception organisation the journeys it receives, without the case and without the name unless the person consented', async () => {
    const body = await due(w.receptionWorker);
    expect(ids(body)).toEqual([j.late!.id, j.bp3miOwn!.id, j.juanda!.id]);
    const [late, own, juanda] = body.items;
    expect(juanda).toMatchObject({ caseId: null, firstName: null, caseOrganization: { id: w.dinsos.id }, sex: 'female', ageBand: '15-17', flags: ['child', 'urgent_medical'] });
    expect(late).toMatchObject({ caseId: null, firstName: null });
    // Its own case: the link for the case worker holding it, and the name.
    expect(own).toMatchObject({ caseId: j.bp3miOwn!.caseId, firstName: 'Siti', receptionOrganization: null });
    const focal = await due(w.receptionFocal);
    expect(focal.items.map((i) => [i.journeyId, i.caseId, i.firstName])).toEqual([
      [j.late!.id, null, null],
      [j.bp3miOwn!.id, null, 'Siti'],
      [j.juanda!.id, null, null],
    ]);

    // A referral_sharing consent naming BP3MI that allows the name shows the first name; one without the name does not.
    const consent = (caseId: string, body: Record<string, unknown>) =>
      w.worker.post(api(`/cases/${caseId}/consents`), { purpose: 'referral_sharing', decision: 'given', method: 'signed', givenAt: hoursFromNow(-1), ...body });
    expect((await consent(j.juanda!.caseId, { recipientOrganizationId: w.bp3mi.id, sharedFields: ['name', 'sex'] })).status).toBe(201);
    expect((await consent(j.late!.caseId, { recipientOrganizationId: w.bp3mi.id, sharedFields: ['sex', 'age'] })).status).toBe(201);
    const after = await due(w.receptionWorker);
    expect(after.items.map((i) => [i.journeyId, i.caseId, i.firstName])).toEqual([
      [j.late!.id, null, null],
      [j.bp3miOwn!.id, j.bp3miOwn!.caseId, 'Siti'],
      [j.juanda!.id, null, 'Siti'],
    ]);
    expect(JSON.stringify(after)).not.toMatch(/Rahayu|Ningsih/);
    // A consent naming BP3MI decides before one about its type of organisation: still no name.
    expect((await consent(j.late!.caseId, { recipientOrganizationType: 'ministry', sharedFields: ['name'] })).status).toBe(201);
    expect((await due(w.receptionWorker)).items[0].firstName).toBe(null);
    // Without a named one, a consent for its type counts.
    await plan('byType', {}, { ...noLegs, arrivalPointCode: 'SUB', expectedArrivalAt: hoursFromNow(60), receptionOrganizationId: w.bp3mi.id });
    expect((await consent(j.byType!.caseId, { recipientOrganizationType: 'ministry', sharedFields: ['name'] })).status).toBe(201);
    const last = await due(w.receptionWorker);
    expect(last.items.map((i) => [i.journeyId, i.firstName])).toEqual([
      [j.late!.id, null],
      [j.bp3miOwn!.id, 'Siti'],
      [j.juanda!.id, 'Siti'],
      [j.byType!.id, 'Siti'],
    ]);

    const [audit] = await w.query(`select details from audit_events where action = 'journey.due.list' and actor_id = '${w.receptionWorker.user.id}' order by seq desc limit 1`);
    expect(audit.details).toEqual({
      days: 7,
      pointCode: null,
      count: 4,
      total: 4,
      journeyIds: [j.late!.id, j.bp3miOwn!.id, j.juanda!.id, j.byType!.id],
      namesShown: [j.bp3miOwn!.id, j.juanda!.id, j.byType!.id],
    });
  });

  it('shows a third organisation nothing, and refuses those without the list', async () => {
    const body = await due(w.otherSupervisor);
    expect(body).toMatchObject({ items: [], total: 0 });
    expect((await w.analyst.get(api('/returns/due'))).status).toBe(403);
    expect((await w.s.client().get(api('/returns/due'))).status).toBe(401);
  });
});
