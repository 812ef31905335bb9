// Reintegration plans through the real server: versions (the copy of the approved items, the
// supersession, old versions readable with what changed), approval rights, progress on the
// approved plan, the list awaiting approval, refusals that write nothing, history and audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDimensionCodes } from './vocabulary.js';
import { api, approvedPlan, item, makeActivity, makeReferral, makeWorld, planCase, type World } from './test-fixtures.js';

let w: World;
const count = async (table: string) => (await w.query(`select count(*)::int as n from ${table}`))[0].n as number;
/** Everything a plan write could touch. */
const snapshot = async () => ({
  plans: await count('reintegration_plans'),
  items: await count('plan_items'),
  events: await count("case_events where kind = 'plan'"),
  audit: await count("audit_events where outcome = 'success' and action like 'plan.%' and action not like '%.read'"),
  itemState: (await w.query(`select string_agg(id::text || status || version || coalesce(budget_idr, -1), ',' order by id) as s from plan_items`))[0].s,
  planState: (await w.query(`select string_agg(id::text || status || version, ',' order by id) as s from reintegration_plans`))[0].s,
});

beforeAll(async () => {
  w = await makeWorld();
}, 120_000);
afterAll(() => w?.s.close());

describe('versions', () => {
  it('builds version 1, approves it, then copies it into version 2 whose changes are marked; approving 2 supersedes 1, which stays readable', async () => {
    const c = await planCase(w);
    const activity = await makeActivity(w);
    const referralId = await makeReferral(w, c.id, w.worker.user.id);

    const created = await w.worker.post(api(`/cases/${c.id}/plans`), { goal: 'Usaha sendiri dan kembali diterima keluarga' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      caseId: c.id,
      caseReference: c.reference,
      number: 1,
      status: 'draft',
      goal: 'Usaha sendiri dan kembali diterima keluarga',
      basedOn: null,
      comparedTo: null,
      items: [],
      removedItems: [],
      budget: { totalIdr: 0, byDimension: [] },
      createdBy: { id: w.worker.user.id, displayName: 'Pekerja Kasus' },
      can: { edit: true, decide: false, progress: false },
      version: 1,
    });
    const planId = created.body.id;
    const [stored] = await w.query(`select goal_enc from reintegration_plans where id = '${planId}'`);
    expect(stored.goal_enc).not.toContain('Usaha');

    // One item per dimension: one answers a need, one goes through a referral, one enrols in a group.
    const items = [
      item({ dimension: 'economic', what: 'Paket usaha warung kelontong', needId: c.needIds.livelihood, budgetIdr: 5_000_000 }),
      item({ dimension: 'social', what: 'Kelompok purna migran', delivery: 'group', groupActivityId: activity.id, budgetIdr: 250_000 }),
      item({ dimension: 'psychosocial', what: 'Konseling individual 8 sesi', needId: c.needIds.counselling, delivery: 'referral', referralId, budgetIdr: 1_200_000 }),
      item({ dimension: 'health', what: 'Pemeriksaan kesehatan menyeluruh', budgetIdr: 750_000 }),
      item({ dimension: 'legal', what: 'Pendampingan laporan polisi', budgetIdr: 0 }),
      item({ dimension: 'housing', what: 'Perbaikan atap rumah', budgetIdr: 2_000_000 }),
      item({ dimension: 'education', what: 'Kursus menjahit', budgetIdr: 1_500_000 }),
      item({ dimension: 'documentation', what: 'Pengurusan KTP-el dan KK', budgetIdr: null }),
    ];
    const added: any[] = [];
    for (const i of items) {
      const r = await w.worker.post(api(`/plans/${planId}/items`), i);
      expect(r.status, r.text).toBe(201);
      added.push(r.body);
    }
    expect(added[0]).toMatchObject({ seq: 1, dimension: 'economic', need: { id: c.needIds.livelihood, type: 'livelihood', dimension: 'economic' }, status: 'planned', change: null });
    expect(added[1]).toMatchObject({ delivery: 'group', groupActivity: { id: activity.id, kind: 'peer_group', status: 'active', enrolled: 0, full: false, capacity: 12 } });
    expect(added[2]).toMatchObject({ delivery: 'referral', referral: { id: referralId, status: 'sent', serviceName: null } });
    const [whatRow] = await w.query(`select what_enc from plan_items where id = '${added[0].id}'`);
    expect(whatRow.what_enc).not.toContain('warung');

    const draft = (await w.worker.get(api(`/plans/${planId}`))).body;
    expect(draft.items.map((i: any) => i.dimension)).toEqual([...planDimensionCodes]);
    expect(draft.budget.totalIdr).toBe(10_700_000);
    expect(draft.budget.byDimension.find((d: any) => d.dimension === 'documentation')).toEqual({ dimension: 'documentation', itemCount: 1, totalIdr: 0 });
    expect(draft.version).toBe(1 + items.length);

    const submitted = await w.worker.post(api(`/plans/${planId}/submit`), { version: draft.version });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', submittedBy: { id: w.worker.user.id }, can: { edit: false, decide: false } });
    const seenBySupervisor = (await w.supervisor.get(api(`/plans/${planId}`))).body;
    expect(seenBySupervisor.can).toEqual({ edit: false, decide: true, progress: false });
    const approved = await w.supervisor.post(api(`/plans/${planId}/approve`), { version: submitted.body.version, note: 'Disetujui; mulai bulan depan.' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: { id: w.supervisor.user.id, displayName: 'Penyelia Dinsos' }, decisionNote: 'Disetujui; mulai bulan depan.' });
    // The enrolment counts once the plan is approved.
    expect((await w.supervisor.get(api(`/group-activities/${activity.id}`))).body.enrolled).toBe(1);

    // Version 2: a copy of the approved items, each naming its origin, the goal carried over.
    const v2res = await w.worker.post(api(`/cases/${c.id}/plans`), { changeNote: 'Modal usaha dinaikkan; atap sudah diperbaiki keluarga.' });
    expect(v2res.status).toBe(201);
    const v2 = v2res.body;
    expect(v2).toMatchObject({ number: 2, status: 'draft', goal: 'Usaha sendiri dan kembali diterima keluarga', basedOn: { id: planId, number: 1, status: 'approved' } });
    expect(v2.items).toHaveLength(items.length);
    expect(v2.items.map((i: any) => i.originItemId)).toEqual(added.map((a) => a.id));
    expect(v2.items.every((i: any) => i.change === 'unchanged')).toBe(true);
    const eco = v2.items[0];
    const housing = v2.items[5];
    const changed = await w.worker.patch(api(`/plans/${v2.id}/items/${eco.id}`), { version: eco.version, budgetIdr: 7_500_000 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ budgetIdr: 7_500_000, change: 'changed', changedFields: ['budgetIdr'] });
    expect((await w.worker.delete(api(`/plans/${v2.id}/items/${housing.id}?version=${housing.version}`))).status).toBe(204);
    const newer = await w.worker.post(api(`/plans/${v2.id}/items`), item({ dimension: 'economic', what: 'Pelatihan pembukuan sederhana', budgetIdr: 400_000 }));
    expect(newer.body).toMatchObject({ change: 'added', originItemId: null, seq: items.length + 1 });

    const v2view = (await w.worker.get(api(`/plans/${v2.id}`))).body;
    expect(v2view.comparedTo).toEqual({ id: planId, number: 1, status: 'approved' });
    expect(v2view.removedItems.map((i: any) => i.id)).toEqual([added[5].id]);
    expect(v2view.items.map((i: any) => i.change)).toEqual(['changed', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'added']);
    expect(v2view.budget.totalIdr).toBe(10_700_000 + 2_500_000 - 2_000_000 + 400_000);
    expect(v2view.budget.byDimension[0]).toEqual({ dimension: 'economic', itemCount: 2, totalIdr: 7_900_000 });
    // Version 1 is untouched while version 2 is worked on.
    expect((await w.worker.get(api(`/plans/${planId}`))).body.items.map((i: any) => i.budgetIdr)).toEqual(items.map((i) => i.budgetIdr ?? null));

    const s2 = await w.worker.post(api(`/plans/${v2.id}/submit`), { version: v2view.version });
    expect(s2.status).toBe(200);
    const a2 = await w.supervisor.post(api(`/plans/${v2.id}/approve`), { version: s2.body.version });
    expect(a2.status).toBe(200);

    const overview = (await w.worker.get(api(`/cases/${c.id}/plans`))).body;
    expect(overview.current).toMatchObject({ id: v2.id, number: 2, status: 'approved' });
    expect(overview.open).toBeNull();
    expect(overview.can).toEqual({ create: true });
    expect(overview.versions).toEqual([
      expect.objectContaining({ id: v2.id, number: 2, status: 'approved', itemCount: 8, budgetTotalIdr: 11_600_000, decidedBy: { id: w.supervisor.user.id, displayName: 'Penyelia Dinsos' } }),
      expect.objectContaining({ id: planId, number: 1, status: 'superseded', itemCount: 8, budgetTotalIdr: 10_700_000 }),
    ]);
    const old = (await w.worker.get(api(`/plans/${planId}`))).body;
    expect(old).toMatchObject({ status: 'superseded', number: 1, can: { edit: false, decide: false, progress: false } });
    expect(old.items).toHaveLength(8);
    expect(old.items[0].what).toBe('Paket usaha warung kelontong');
    // Still one enrolment: the approved version 2 carries the group item; version 1 no longer counts.
    expect((await w.supervisor.get(api(`/group-activities/${activity.id}`))).body.enrolled).toBe(1);

    const history = (await w.worker.get(api(`/cases/${c.id}/history`))).body.items.filter((h: any) => h.kind === 'plan');
    expect(history.map((h: any) => [h.fromValue, h.toValue, h.reasonCode])).toEqual([
      [null, 'draft', '1'],
      ['draft', 'submitted', '1'],
      ['submitted', 'approved', '1'],
      [null, 'draft', '2'],
      ['draft', 'submitted', '2'],
      ['submitted', 'approved', '2'],
    ]);
    expect(history[2].reason).toBe('Disetujui; mulai bulan depan.');
    const [ev] = await w.query(`select note_enc from case_events where kind = 'plan' and to_value = 'approved' and case_id = '${c.id}' and note_enc is not null`);
    expect(ev.note_enc).not.toContain('Disetujui');
  });

  it('refuses a second open version (draft, submitted or returned) and writes nothing', async () => {
    const c = await planCase(w);
    const first = await w.worker.post(api(`/cases/${c.id}/plans`), {});
    for (const step of ['draft', 'submitted', 'returned']) {
      if (step === 'submitted') {
        await w.worker.post(api(`/plans/${first.body.id}/items`), item());
        const p = (await w.worker.get(api(`/plans/${first.body.id}`))).body;
        expect((await w.worker.post(api(`/plans/${p.id}/submit`), { version: p.version })).status).toBe(200);
      }
      if (step === 'returned') {
        const p = (await w.supervisor.get(api(`/plans/${first.body.id}`))).body;
        const r = await w.supervisor.post(api(`/plans/${p.id}/return`), { version: p.version, note: 'Tambahkan rencana tempat tinggal.' });
        expect(r.status).toBe(200);
        expect(r.body).toMatchObject({ status: 'returned', decisionNote: 'Tambahkan rencana tempat tinggal.', can: { edit: true } });
      }
      const before = await snapshot();
      const again = await w.worker.post(api(`/cases/${c.id}/plans`), {});
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({ code: 'draft_exists', current: { id: first.body.id, number: 1, status: step } });
      expect(await snapshot()).toEqual(before);
    }
    // Returned: editable again, and submitted anew.
    const p = (await w.worker.get(api(`/plans/${first.body.id}`))).body;
    expect((await w.worker.post(api(`/plans/${p.id}/items`), item({ dimension: 'housing', what: 'Sewa kamar tiga bulan' }))).status).toBe(201);
    const re = await w.worker.post(api(`/plans/${p.id}/submit`), { version: p.version + 1 });
    expect(re.status).toBe(200);
    const history = (await w.worker.get(api(`/cases/${c.id}/history`))).body.items.filter((h: any) => h.kind === 'plan');
    expect(history.map((h: any) => `${h.fromValue}>${h.toValue}`)).toEqual(['null>draft', 'draft>submitted', 'submitted>returned', 'returned>submitted']);
  });

  it('keeps progress recorded on the approved version while the next one waited', async () => {
    const c = await planCase(w);
    const v1 = await approvedPlan(w, c.id, [item(), item({ dimension: 'social', what: 'Mediasi keluarga' })]);
    const v2 = (await w.worker.post(api(`/cases/${c.id}/plans`), {})).body;
    const started = await w.worker.patch(api(`/plans/${v1.id}/items/${v1.items[0].id}/progress`), { version: v1.items[0].version, status: 'in_progress', outcome: 'Modal sudah dibelanjakan.' });
    expect(started.status).toBe(200);
    const s = await w.worker.post(api(`/plans/${v2.id}/submit`), { version: v2.version });
    const a = await w.supervisor.post(api(`/plans/${v2.id}/approve`), { version: s.body.version });
    expect(a.status).toBe(200);
    expect(a.body.items[0]).toMatchObject({ status: 'in_progress', outcome: 'Modal sudah dibelanjakan.', change: 'unchanged', allowedTransitions: ['completed', 'cancelled'] });
    const byWorker = (await w.worker.get(api(`/plans/${v2.id}`))).body;
    expect(byWorker.items[0].allowedTransitions).toEqual(['completed', 'cancelled']);
    expect(byWorker.items[1].status).toBe('planned');
  });
});

describe('items of a draft', () => {
  it('checks the links and dates, and refuses without writing anything', async () => {
    const c = await planCase(w);
    const otherCase = await planCase(w);
    const otherReferral = await makeReferral(w, otherCase.id, w.worker.user.id);
    const ended = await makeActivity(w, w.supervisor, { name: 'Sosialisasi yang sudah selesai' });
    await w.supervisor.patch(api(`/group-activities/${ended.id}`), { version: ended.version, status: 'ended' });
    const foreign = await makeActivity(w, w.otherSupervisor, { name: 'Kelompok di provinsi lain', areaCode: null });
    const plan = (await w.worker.post(api(`/cases/${c.id}/plans`), {})).body;
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [item({ needId: otherCase.needIds.livelihood }), { needId: 'unknown_need' }],
      [item({ delivery: 'referral', referralId: otherReferral }), { referralId: 'unknown_referral' }],
      [item({ delivery: 'referral' }), { referralId: 'required' }],
      [item({ delivery: 'group', groupActivityId: ended.id }), { groupActivityId: 'unknown_activity' }],
      [item({ delivery: 'group', groupActivityId: foreign.id }), { groupActivityId: 'unknown_activity' }],
      [item({ delivery: 'group' }), { groupActivityId: 'required' }],
      [item({ startOn: '2026-05-01', endOn: '2026-04-30' }), { endOn: 'end_before_start' }],
      [item({ budgetIdr: -1 }), { budgetIdr: 'too_small' }],
      [item({ budgetIdr: 1.5 }), { budgetIdr: 'invalid_type' }],
      [item({ dimension: 'safety' }), { dimension: 'invalid_choice' }],
      [item({ what: '   ' }), { what: 'required' }],
    ];
    const before = await snapshot();
    for (const [body, fields] of cases) {
      const r = await w.worker.post(api(`/plans/${plan.id}/items`), body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.fields).toMatchObject(fields);
    }
    expect(await snapshot()).toEqual(before);

    // A link that does not fit the delivery is cleared; an unchanged link is not checked again.
    const ok = await w.worker.post(api(`/plans/${plan.id}/items`), item({ delivery: 'direct', referralId: otherReferral, groupActivityId: foreign.id }));
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ referral: null, groupActivity: null });
    const bad = await w.worker.patch(api(`/plans/${plan.id}/items/${ok.body.id}`), { version: ok.body.version, endOn: '2026-01-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ endOn: 'end_before_start' });
    const stale = await w.worker.patch(api(`/plans/${plan.id}/items/${ok.body.id}`), { version: ok.body.version + 5, budgetIdr: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', current: { id: ok.body.id, budgetIdr: 3_500_000 } });
    const staleDelete = await w.worker.delete(api(`/plans/${plan.id}/items/${ok.body.id}?version=9`));
    expect(staleDelete.status).toBe(409);
    const wrongPlan = await w.worker.patch(api(`/plans/${plan.id}/items/${plan.id}`), { version: 1, budgetIdr: 1 });
    expect(wrongPlan.status).toBe(404);
  });

  it('a submitted version cannot change, an empty one cannot be submitted, a stale version is refused', async () => {
    const c = await planCase(w);
    const plan = (await w.worker.post(api(`/cases/${c.id}/plans`), { goal: 'Tujuan awal' })).body;
    let before = await snapshot();
    const empty = await w.worker.post(api(`/plans/${plan.id}/submit`), { version: plan.version });
    expect(empty.status).toBe(409);
    expect(empty.body.error.code).toBe('plan_empty');
    const stale = await w.worker.patch(api(`/plans/${plan.id}`), { version: plan.version + 1, goal: 'Tujuan baru' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', current: { id: plan.id, goal: 'Tujuan awal' } });
    expect(await snapshot()).toEqual(before);

    const goal = await w.worker.patch(api(`/plans/${plan.id}`), { version: plan.version, goal: 'Tujuan baru' });
    expect(goal.body).toMatchObject({ goal: 'Tujuan baru', version: plan.version + 1 });
    const added = (await w.worker.post(api(`/plans/${plan.id}/items`), item())).body;
    const current = (await w.worker.get(api(`/plans/${plan.id}`))).body;
    expect((await w.worker.post(api(`/plans/${plan.id}/submit`), { version: current.version })).status).toBe(200);

    before = await snapshot();
    const refusals = [
      await w.worker.patch(api(`/plans/${plan.id}`), { version: current.version + 1, goal: 'Lagi' }),
      await w.worker.post(api(`/plans/${plan.id}/items`), item()),
      await w.worker.patch(api(`/plans/${plan.id}/items/${added.id}`), { version: added.version, budgetIdr: 1 }),
      await w.worker.delete(api(`/plans/${plan.id}/items/${added.id}`)),
      await w.worker.post(api(`/plans/${plan.id}/submit`), { version: current.version + 1 }),
    ];
    expect(refusals.map((r) => [r.status, r.body?.error?.code])).toEqual(Array(5).fill([409, 'plan_not_editable']));
    const notYet = await w.worker.patch(api(`/plans/${plan.id}/items/${added.id}/progress`), { version: added.version, status: 'in_progress' });
    expect([notYet.status, notYet.body.error.code]).toEqual([409, 'plan_not_approved']);
    const staleApproval = await w.supervisor.post(api(`/plans/${plan.id}/approve`), { version: 1 });
    expect([staleApproval.status, staleApproval.body.error.code]).toEqual([409, 'version_conflict']);
    const returnWithoutNote = await w.supervisor.post(api(`/plans/${plan.id}/return`), { version: current.version + 1 });
    expect(returnWithoutNote.status).toBe(400);
    expect(returnWithoutNote.body.error.fields).toEqual({ note: 'required' });
    expect(await snapshot()).toEqual(before);

    const approved = await w.supervisor.post(api(`/plans/${plan.id}/approve`), { version: current.version + 1 });
    expect(approved.status).toBe(200);
    before = await snapshot();
    const again = await w.supervisor.post(api(`/plans/${plan.id}/approve`), { version: approved.body.version });
    expect([again.status, again.body.error.code]).toEqual([409, 'plan_not_submitted']);
    const edit = await w.worker.post(api(`/plans/${plan.id}/items`), item());
    expect([edit.status, edit.body.error.code]).toEqual([409, 'plan_not_editable']);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses every write on a closed case', async () => {
    const c = await planCase(w);
    const plan = await approvedPlan(w, c.id);
    await w.query(`update cases set stage = 'closed' where id = '${c.id}'`);
    const before = await snapshot();
    const r1 = await w.worker.post(api(`/cases/${c.id}/plans`), {});
    const r2 = await w.worker.patch(api(`/plans/${plan.id}/items/${plan.items[0].id}/progress`), { version: plan.items[0].version, status: 'in_progress' });
    expect([r1.body.error.code, r2.body.error.code]).toEqual(['case_closed', 'case_closed']);
    expect(await snapshot()).toEqual(before);
    const overview = (await w.worker.get(api(`/cases/${c.id}/plans`))).body;
    expect(overview.can.create).toBe(false);
    expect(overview.current.can.progress).toBe(false);
  });
});

describe('progress on the approved plan', () => {
  it('moves forward only, asks for an outcome to end an item, and audits each step', async () => {
    const c = await planCase(w);
    const plan = await approvedPlan(w, c.id, [item(), item({ dimension: 'social', what: 'Mediasi keluarga' })]);
    const [a, b] = plan.items;
    // Supervisors update the organisation's cases too, so the approver sees the moves as well.
    expect(a.allowedTransitions).toEqual(['in_progress', 'cancelled']);
    const other = (await w.worker2.get(api(`/plans/${plan.id}`))).status;
    expect(other).toBe(404);
    const mine = (await w.worker.get(api(`/plans/${plan.id}`))).body;
    expect(mine.can.progress).toBe(true);
    expect(mine.items[0].allowedTransitions).toEqual(['in_progress', 'cancelled']);

    const before = await snapshot();
    const skip = await w.worker.patch(api(`/plans/${plan.id}/items/${a.id}/progress`), { version: a.version, status: 'completed', outcome: 'Selesai' });
    expect(skip.status).toBe(409);
    expect(skip.body.error).toMatchObject({ code: 'transition_not_allowed', allowed: ['in_progress', 'cancelled'] });
    const same = await w.worker.patch(api(`/plans/${plan.id}/items/${a.id}/progress`), { version: a.version, status: 'planned' });
    expect(same.body.error.code).toBe('transition_not_allowed');
    const noOutcome = await w.worker.patch(api(`/plans/${plan.id}/items/${b.id}/progress`), { version: b.version, status: 'cancelled' });
    expect(noOutcome.status).toBe(400);
    expect(noOutcome.body.error.fields).toEqual({ outcome: 'required' });
    expect(await snapshot()).toEqual(before);

    const started = await w.worker.patch(api(`/plans/${plan.id}/items/${a.id}/progress`), { version: a.version, status: 'in_progress' });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ status: 'in_progress', allowedTransitions: ['completed', 'cancelled'], version: a.version + 1 });
    const stale = await w.worker.patch(api(`/plans/${plan.id}/items/${a.id}/progress`), { version: a.version, status: 'completed', outcome: 'x' });
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', current: { id: a.id, status: 'in_progress' } });
    const done = await w.worker.patch(api(`/plans/${plan.id}/items/${a.id}/progress`), { version: started.body.version, status: 'completed', outcome: 'Warung buka sejak Mei; omzet harian sekitar Rp300.000.' });
    expect(done.body).toMatchObject({ status: 'completed', outcome: 'Warung buka sejak Mei; omzet harian sekitar Rp300.000.', allowedTransitions: [] });
    const cancelled = await w.worker.patch(api(`/plans/${plan.id}/items/${b.id}/progress`), { version: b.version, status: 'cancelled', outcome: 'Keluarga menolak mediasi.' });
    expect(cancelled.status).toBe(200);
    const after = await w.worker.patch(api(`/plans/${plan.id}/items/${a.id}/progress`), { version: done.body.version, status: 'in_progress' });
    expect(after.body.error).toMatchObject({ code: 'transition_not_allowed', allowed: [] });

    // Progress is no new version.
    const overview = (await w.worker.get(api(`/cases/${c.id}/plans`))).body;
    expect(overview.versions).toHaveLength(1);
    expect(overview.current.version).toBe(plan.version);
    const [row] = await w.query(`select outcome_enc from plan_items where id = '${a.id}'`);
    expect(row.outcome_enc).not.toContain('Warung');
    const audit = await w.query(`select action, details from audit_events where target_id = '${a.id}' and action = 'plan.item.progress' order by seq`);
    expect(audit.map((x) => [x.details.from, x.details.to])).toEqual([
      ['planned', 'in_progress'],
      ['in_progress', 'completed'],
    ]);
    expect(JSON.stringify(audit)).not.toContain('Warung');
  });
});

describe('who may do what', () => {
  it('approving needs plan.approve in the case’s organisation; others cannot even see the plan', async () => {
    const c = await planCase(w);
    const plan = (await w.worker.post(api(`/cases/${c.id}/plans`), {})).body;
    await w.worker.post(api(`/plans/${plan.id}/items`), item());
    const submitted = (await w.worker.post(api(`/plans/${plan.id}/submit`), { version: plan.version + 1 })).body;
    const before = await snapshot();
    // The case worker holds the case but may not approve: 403.
    const own = await w.worker.post(api(`/plans/${plan.id}/approve`), { version: submitted.version });
    expect(own.status).toBe(403);
    expect((await w.worker.post(api(`/plans/${plan.id}/return`), { version: submitted.version, note: 'x' })).status).toBe(403);
    // Another case worker of the organisation: the case is out of reach; approving is still not theirs to do.
    expect((await w.worker2.get(api(`/plans/${plan.id}`))).status).toBe(404);
    expect((await w.worker2.get(api(`/cases/${c.id}/plans`))).status).toBe(404);
    expect((await w.worker2.post(api(`/plans/${plan.id}/approve`), { version: submitted.version })).status).toBe(403);
    expect((await w.worker2.post(api(`/cases/${c.id}/plans`), {})).status).toBe(404);
    // A supervisor of another organisation: 404 for everything.
    for (const r of [
      await w.otherSupervisor.get(api(`/plans/${plan.id}`)),
      await w.otherSupervisor.get(api(`/cases/${c.id}/plans`)),
      await w.otherSupervisor.post(api(`/plans/${plan.id}/approve`), { version: submitted.version }),
      await w.otherSupervisor.post(api(`/plans/${plan.id}/return`), { version: submitted.version, note: 'x' }),
      await w.otherSupervisor.post(api(`/cases/${c.id}/plans`), {}),
    ])
      expect(r.status).toBe(404);
    // Those who never read cases: 404.
    for (const who of [w.orgAdmin, w.analyst]) {
      expect((await who.get(api(`/plans/${plan.id}`))).status).toBe(404);
      expect((await who.post(api(`/plans/${plan.id}/approve`), { version: submitted.version })).status).toBe(404);
    }
    // Unknown plan: the same answers as a plan out of reach.
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await w.supervisor.get(api(`/plans/${unknown}`))).status).toBe(404);
    expect((await w.worker.post(api(`/plans/${unknown}/approve`), { version: 1 })).status).toBe(403);
    expect(await snapshot()).toEqual(before);
    const denied = await w.query(`select details from audit_events where action = 'permission.denied' and target_id = '${plan.id}'`);
    expect(denied.length).toBeGreaterThanOrEqual(8);

    // The supervisor of the case's organisation approves.
    expect((await w.supervisor.post(api(`/plans/${plan.id}/approve`), { version: submitted.version })).status).toBe(200);
  });

  it('lists the plans awaiting approval for supervisors of the organisation only', async () => {
    const start = (await w.supervisor.get(api('/plans?status=submitted'))).body.total;
    const c1 = await planCase(w);
    const c2 = await planCase(w, w.worker2);
    const ids: string[] = [];
    for (const [c, worker, n] of [
      [c1, w.worker, 2],
      [c2, w.worker2, 1],
    ] as const) {
      const p = (await worker.post(api(`/cases/${c.id}/plans`), {})).body;
      for (let i = 0; i < n; i++) await worker.post(api(`/plans/${p.id}/items`), item({ budgetIdr: 1_000_000 * (i + 1) }));
      expect((await worker.post(api(`/plans/${p.id}/submit`), { version: p.version + n })).status).toBe(200);
      ids.push(p.id);
    }
    const list = await w.supervisor.get(api('/plans?status=submitted&limit=100'));
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(start + 2);
    const mine = list.body.items.filter((i: any) => ids.includes(i.planId));
    expect(mine).toEqual([
      { planId: ids[0], caseId: c1.id, caseReference: c1.reference, number: 1, submittedAt: expect.any(String), submittedBy: { id: w.worker.user.id, displayName: 'Pekerja Kasus' }, itemCount: 2, budgetTotalIdr: 3_000_000 },
      { planId: ids[1], caseId: c2.id, caseReference: c2.reference, number: 1, submittedAt: expect.any(String), submittedBy: { id: w.worker2.user.id, displayName: expect.any(String) }, itemCount: 1, budgetTotalIdr: 1_000_000 },
    ]);
    const paged = await w.supervisor.get(api(`/plans?status=submitted&limit=1&offset=${start + 1}`));
    expect(paged.body.items.map((i: any) => i.planId)).toEqual([ids[1]]);
    expect((await w.otherSupervisor.get(api('/plans?status=submitted'))).body).toEqual({ items: [], total: 0 });
    for (const who of [w.worker, w.orgAdmin, w.analyst]) expect((await who.get(api('/plans?status=submitted'))).status).toBe(403);
    expect((await w.supervisor.get(api('/plans?status=approved'))).status).toBe(400);
  });
});

describe('audit', () => {
  it('records each step with IDs and codes only', async () => {
    const c = await planCase(w);
    const plan = await approvedPlan(w, c.id, [item({ what: 'Rahasia: modal dari paman' })]);
    await w.worker.get(api(`/plans/${plan.id}`));
    await w.worker.get(api(`/cases/${c.id}/plans`));
    const rows = await w.query(
      `select action, target_type, details from audit_events where (target_id = '${plan.id}' or target_id = '${plan.items[0].id}' or (target_id = '${c.id}' and action like 'plan.%')) and outcome = 'success' order by seq`,
    );
    expect(rows.map((r) => r.action)).toEqual(['plan.create', 'plan.item.create', 'plan.read', 'plan.submit', 'plan.approve', 'plan.read', 'plan.list.read']);
    expect(rows.find((r) => r.action === 'plan.approve')!.details).toEqual({ caseId: c.id, number: 1, supersededId: null });
    expect(rows.find((r) => r.action === 'plan.item.create')!.details).toMatchObject({ planId: plan.id, caseId: c.id, dimension: 'economic', delivery: 'direct' });
    expect(JSON.stringify(rows)).not.toMatch(/Rahasia|Mandiri/);
  });
});
