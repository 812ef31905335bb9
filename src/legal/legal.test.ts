// The legal track through the real server: creating it once per case, the stage table (with the
// moves that happen in practice and 409 for the rest), restitution only from the verdict on,
// encrypted report numbers and notes, the stalled flag at 60 days (last_update_at set back in the
// database), the stalled list per caller, refusals that write nothing, and who sees what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase } from '../case-records/test-fixtures.js';
import { todayInJakarta } from '../cases/derived.js';
import { rawQuery } from '../../test/support/database.js';
import { startServer, type TestServer } from '../../test/support/server.js';
import { allowedStageMoves, legalStages } from './vocabulary.js';

let s: TestServer;
type Signed = Awaited<ReturnType<TestServer['signedIn']>>;
let orgA: { id: string };
let orgB: { id: string };
let worker: Signed;
let otherWorker: Signed;
let supervisor: Signed;
let supervisorB: Signed;
let admin: Signed;
let orgAdmin: Signed;
let focal: Signed;
let analyst: Signed;
const api = (p: string) => `/api/v1${p}`;
const today = todayInJakarta();
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const q = (text: string) => rawQuery(s.database, text);
const count = async (table: string, where = 'true') => (await q(`select count(*)::int as n from ${table} where ${where}`))[0]!.n as number;
const put = (c: Signed, p: string, b: unknown) => c.request('PUT', api(p), b);
const setBack = (caseId: string, days: number) => q(`update legal_tracks set last_update_at = now() - interval '${days} days' where case_id = '${caseId}'`);

beforeAll(async () => {
  s = await startServer();
  orgA = await s.org();
  orgB = await s.org();
  worker = await s.signedIn({ organizationId: orgA.id, roles: ['case_worker'] });
  otherWorker = await s.signedIn({ organizationId: orgA.id, roles: ['case_worker'] });
  supervisor = await s.signedIn({ organizationId: orgA.id, roles: ['supervisor'] });
  supervisorB = await s.signedIn({ organizationId: orgB.id, roles: ['supervisor'] });
  admin = await s.signedIn({ organizationId: orgA.id, roles: ['system_admin'] });
  orgAdmin = await s.signedIn({ organizationId: orgA.id, roles: ['org_admin'] });
  focal = await s.signedIn({ organizationId: orgA.id, roles: ['service_focal_point'] });
  analyst = await s.signedIn({ organizationId: orgA.id, roles: ['analyst'] });
}, 120_000);
afterAll(() => s?.close());

const caseOf = (c: Signed, orgId = orgA.id) => makeCase(s, { organizationId: orgId, assignedToId: c.user.id, createdById: c.user.id });
const track = {
  policeReportNumber: 'LP/B/123/IV/2026/SPKT/POLDA JATIM',
  policeReportedOn: daysAgo(30),
  investigatingAgency: 'polda',
  investigatingUnit: 'Subdit IV Renakta Ditreskrimum Polda Jawa Timur',
  restitutionClaimedIdr: 85_000_000,
  protectionStatus: 'requested',
  protectionNote: 'Permohonan perlindungan saksi diajukan ke LPSK.',
};

describe('recording a legal track', () => {
  it('creates it once per case, with the report number and note encrypted, in the case history and the audit log', async () => {
    const c = await caseOf(worker);
    expect((await worker.get(api(`/cases/${c.id}/legal`))).body).toBeNull();
    const res = await put(worker, `/cases/${c.id}/legal`, track);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ...track,
      caseId: c.id,
      stage: 'reported',
      allowedStages: ['investigation', 'closed'],
      restitutionAwardedIdr: null,
      stalled: false,
      daysSinceUpdate: 0,
      createdBy: { id: worker.user.id },
      version: 1,
    });
    expect(res.body.events).toEqual([expect.objectContaining({ kind: 'stage', fromStage: null, toStage: 'reported', happenedOn: track.policeReportedOn })]);
    const [raw] = await q(`select police_report_number_enc, protection_note_enc from legal_tracks where case_id = '${c.id}'`);
    expect(JSON.stringify(raw)).not.toMatch(/POLDA|LPSK/);
    const again = await put(worker, `/cases/${c.id}/legal`, track);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('legal_track_exists');
    expect(await count('legal_tracks', `case_id = '${c.id}'`)).toBe(1);
    const history = await worker.get(api(`/cases/${c.id}/history`));
    expect(history.body.items).toContainEqual(expect.objectContaining({ kind: 'legal', fromValue: null, toValue: 'reported', reasonCode: 'created' }));
    const audit = await q(`select details from audit_events where action = 'legal.track.create' and target_id = '${res.body.id}'`);
    expect(JSON.stringify(audit)).not.toMatch(/POLDA|LPSK|85000000/);
  });

  it('refuses restitution awarded before a verdict, a report in the future, and unknown values, writing nothing', async () => {
    const c = await caseOf(worker);
    const early = await put(worker, `/cases/${c.id}/legal`, { ...track, restitutionAwardedIdr: 1_000_000 });
    expect(early.status).toBe(400);
    expect(early.body.error.fields).toEqual({ restitutionAwardedIdr: 'not_allowed' });
    const future = await put(worker, `/cases/${c.id}/legal`, { ...track, policeReportedOn: daysAgo(-2) });
    expect(future.body.error.fields).toEqual({ policeReportedOn: 'in_future' });
    const bad = await put(worker, `/cases/${c.id}/legal`, { ...track, investigatingAgency: 'fbi', restitutionClaimedIdr: -5 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['investigatingAgency', 'restitutionClaimedIdr']);
    expect(await count('legal_tracks', `case_id = '${c.id}'`)).toBe(0);
    expect(await count('case_events', `case_id = '${c.id}'`)).toBe(0);
    // Recorded late, at the verdict: restitution awarded is fine.
    const late = await put(worker, `/cases/${c.id}/legal`, { ...track, stage: 'verdict', restitutionAwardedIdr: 40_000_000 });
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ stage: 'verdict', restitutionAwardedIdr: 40_000_000, allowedStages: ['appeal', 'closed'] });
    expect(late.body.events[0].happenedOn).toBe(today);
  });

  it('changes details with a version, and refuses a stale one', async () => {
    const c = await caseOf(worker);
    const created = (await put(worker, `/cases/${c.id}/legal`, track)).body;
    const res = await worker.patch(api(`/cases/${c.id}/legal`), { version: created.version, protectionStatus: 'granted', protectionNote: null, investigatingAgency: 'polres' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ protectionStatus: 'granted', protectionNote: null, investigatingAgency: 'polres', policeReportNumber: track.policeReportNumber, version: 2 });
    const stale = await worker.patch(api(`/cases/${c.id}/legal`), { version: created.version, investigatingUnit: 'Satreskrim Polres Malang' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', current: { version: 2 } });
    const award = await worker.patch(api(`/cases/${c.id}/legal`), { version: 2, restitutionAwardedIdr: 10 });
    expect(award.body.error.fields).toEqual({ restitutionAwardedIdr: 'not_allowed' });
    expect((await worker.get(api(`/cases/${c.id}/legal`))).body.version).toBe(2);
  });
});

describe('steps on the track', () => {
  it('moves along the table, including the skips that happen in practice, and refuses the rest with the allowed moves', async () => {
    const c = await caseOf(worker);
    await put(worker, `/cases/${c.id}/legal`, track);
    const step = (toStage: string, happenedOn = daysAgo(1), note: string | null = null) =>
      worker.post(api(`/cases/${c.id}/legal/events`), { kind: 'stage', toStage, happenedOn, note });
    const skip = await step('verdict');
    expect(skip.status).toBe(409);
    expect(skip.body.error).toMatchObject({ code: 'transition_not_allowed', allowed: ['investigation', 'closed'] });
    for (const to of ['investigation', 'prosecution', 'investigation', 'prosecution', 'verdict', 'appeal', 'verdict']) {
      const r = await step(to, daysAgo(10), to === 'verdict' ? 'Putusan PN Surabaya: terdakwa dihukum 6 tahun.' : null);
      expect(r.status, to).toBe(201);
      expect(r.body.stage).toBe(to);
    }
    const r = await worker.patch(api(`/cases/${c.id}/legal`), { version: (await worker.get(api(`/cases/${c.id}/legal`))).body.version, restitutionAwardedIdr: 30_000_000 });
    expect(r.body.restitutionAwardedIdr).toBe(30_000_000);
    const closed = await step('closed');
    expect(closed.body).toMatchObject({ stage: 'closed', allowedStages: ['investigation'], stalled: false });
    expect(closed.body.events.map((e: any) => e.toStage)).toEqual(['reported', 'investigation', 'prosecution', 'investigation', 'prosecution', 'verdict', 'appeal', 'verdict', 'closed']);
    expect(closed.body.events.find((e: any) => e.toStage === 'verdict').note).toBe('Putusan PN Surabaya: terdakwa dihukum 6 tahun.');
    const history = await worker.get(api(`/cases/${c.id}/history`));
    expect(history.body.items.filter((h: any) => h.kind === 'legal' && h.reasonCode === 'stage').map((h: any) => h.toValue)).toHaveLength(8);
  });

  it('the table: every stage may move somewhere, and an investigation stopped goes from reported to closed', () => {
    for (const st of legalStages) expect(allowedStageMoves(st).length).toBeGreaterThan(0);
    expect(allowedStageMoves('reported')).toContain('closed');
    expect(allowedStageMoves('verdict')).toContain('appeal');
    expect(allowedStageMoves('appeal')).toContain('verdict');
  });

  it('records an update (a note required), and refuses steps in the future or without what they need, writing nothing', async () => {
    const c = await caseOf(worker);
    const created = (await put(worker, `/cases/${c.id}/legal`, track)).body;
    const before = { events: await count('legal_events', `track_id = '${created.id}'`), caseEvents: await count('case_events', `case_id = '${c.id}'`) };
    const ev = (b: Record<string, unknown>) => worker.post(api(`/cases/${c.id}/legal/events`), b);
    expect((await ev({ kind: 'update', happenedOn: today })).body.error.fields).toEqual({ note: 'required' });
    expect((await ev({ kind: 'stage', happenedOn: today })).body.error.fields).toEqual({ toStage: 'required' });
    expect((await ev({ kind: 'update', toStage: 'investigation', happenedOn: today, note: 'x' })).body.error.fields).toEqual({ toStage: 'not_allowed' });
    expect((await ev({ kind: 'stage', toStage: 'investigation', happenedOn: daysAgo(-3) })).body.error.fields).toEqual({ happenedOn: 'in_future' });
    expect((await otherWorker.post(api(`/cases/${c.id}/legal/events`), { kind: 'update', happenedOn: today, note: 'x' })).status).toBe(404);
    expect(await count('legal_events', `track_id = '${created.id}'`)).toBe(before.events);
    expect(await count('case_events', `case_id = '${c.id}'`)).toBe(before.caseEvents);
    const ok = await ev({ kind: 'update', happenedOn: today, note: 'Korban dipanggil sebagai saksi di Polda Jatim.' });
    expect(ok.status).toBe(201);
    expect(ok.body.stage).toBe('reported');
    expect(ok.body.events.at(-1)).toMatchObject({ kind: 'update', fromStage: null, toStage: null, note: 'Korban dipanggil sebagai saksi di Polda Jatim.' });
    const [raw] = await q(`select note_enc from legal_events where track_id = '${created.id}' and kind = 'update'`);
    expect(String(raw!.note_enc)).not.toContain('Polda');
  });
});

describe('stalled tracks', () => {
  it('are flagged at 60 days without an update, not at 59, and not when closed; a step clears the flag', async () => {
    const c = await caseOf(worker);
    await put(worker, `/cases/${c.id}/legal`, track);
    await setBack(c.id, 59);
    expect((await worker.get(api(`/cases/${c.id}/legal`))).body).toMatchObject({ stalled: false, daysSinceUpdate: 59 });
    await setBack(c.id, 60);
    expect((await worker.get(api(`/cases/${c.id}/legal`))).body).toMatchObject({ stalled: true, daysSinceUpdate: 60 });
    const step = await worker.post(api(`/cases/${c.id}/legal/events`), { kind: 'update', happenedOn: today, note: 'Menanyakan perkembangan ke penyidik.' });
    expect(step.body).toMatchObject({ stalled: false, daysSinceUpdate: 0 });
    await worker.post(api(`/cases/${c.id}/legal/events`), { kind: 'stage', toStage: 'closed', happenedOn: today });
    await setBack(c.id, 400);
    expect((await worker.get(api(`/cases/${c.id}/legal`))).body).toMatchObject({ stalled: false, daysSinceUpdate: 400 });
  });

  it('are listed for the holders of the cases, oldest first, each seeing only their own', async () => {
    const org = await s.org();
    const w1 = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
    const w2 = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
    const sup = await s.signedIn({ organizationId: org.id, roles: ['supervisor'] });
    const mine = await caseOf(w1, org.id);
    const older = await caseOf(w1, org.id);
    const fresh = await caseOf(w1, org.id);
    const theirs = await caseOf(w2, org.id);
    const closedCase = await caseOf(w1, org.id);
    for (const c of [mine, older, fresh, theirs, closedCase]) expect((await put(sup, `/cases/${c.id}/legal`, track)).status).toBe(201);
    await setBack(mine.id, 61);
    await setBack(older.id, 90);
    await setBack(fresh.id, 10);
    await setBack(theirs.id, 70);
    await setBack(closedCase.id, 100);
    await q(`update cases set stage = 'closed' where id = '${closedCase.id}'`);

    const list1 = await w1.get(api('/legal/stalled'));
    expect(list1.status).toBe(200);
    expect(list1.body).toMatchObject({ total: 2 });
    expect(list1.body.items.map((i: any) => [i.caseId, i.daysSinceUpdate])).toEqual([
      [older.id, 90],
      [mine.id, 61],
    ]);
    expect(list1.body.items[0]).toMatchObject({ caseReference: older.reference, stage: 'reported', assignedTo: { id: w1.user.id } });
    expect((await w2.get(api('/legal/stalled'))).body.items.map((i: any) => i.caseId)).toEqual([theirs.id]);
    const all = await sup.get(api('/legal/stalled?limit=2'));
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((i: any) => i.caseId)).toEqual([older.id, theirs.id]);
    expect((await sup.get(api('/legal/stalled?limit=2&offset=2'))).body.items.map((i: any) => i.caseId)).toEqual([mine.id]);
    expect((await supervisorB.get(api('/legal/stalled'))).body.items.map((i: any) => i.caseId)).not.toContain(older.id);
    for (const c of [admin, orgAdmin, focal, analyst]) expect((await c.get(api('/legal/stalled'))).status).toBe(403);
  });
});

describe('who sees what', () => {
  it('goes with the case: its holders read and change it, others get 404 and nothing is written', async () => {
    const c = await caseOf(worker);
    await put(worker, `/cases/${c.id}/legal`, track);
    expect((await supervisor.get(api(`/cases/${c.id}/legal`))).body.policeReportNumber).toBe(track.policeReportNumber);
    for (const other of [otherWorker, supervisorB, admin, orgAdmin, focal, analyst]) {
      expect((await other.get(api(`/cases/${c.id}/legal`))).status).toBe(404);
      expect((await other.patch(api(`/cases/${c.id}/legal`), { version: 1, investigatingUnit: 'x' })).status).toBe(404);
      expect((await other.post(api(`/cases/${c.id}/legal/events`), { kind: 'update', happenedOn: today, note: 'x' })).status).toBe(404);
    }
    const fresh = await caseOf(worker);
    expect((await put(otherWorker, `/cases/${fresh.id}/legal`, track)).status).toBe(404);
    expect(await count('legal_tracks', `case_id = '${fresh.id}'`)).toBe(0);
    expect((await worker.get(api(`/cases/${c.id}/legal`))).body.version).toBe(1);
    expect(await count('audit_events', `action = 'permission.denied' and target_id = '${c.id}'`)).toBeGreaterThanOrEqual(18);
    await q(`update cases set stage = 'closed' where id = '${c.id}'`);
    const closed = await worker.post(api(`/cases/${c.id}/legal/events`), { kind: 'update', happenedOn: today, note: 'x' });
    expect(closed.body.error.code).toBe('case_closed');
    expect((await worker.get(api(`/cases/${c.id}/legal`))).status).toBe(200);
  });
});
