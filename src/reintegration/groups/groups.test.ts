// Group activities through the real server: who keeps them and who sees them, the place and date
// checks, ending one, and the enrolment count that comes from approved plans (a count only; a full
// activity still takes people, and says so).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, approvedPlan, item, makeActivity, makeWorld, planCase, type World } from '../plans/test-fixtures.js';

let w: World;
const count = async (table: string) => (await w.query(`select count(*)::int as n from ${table}`))[0].n as number;
const state = async () => ({
  rows: await count('group_activities'),
  versions: (await w.query(`select coalesce(sum(version), 0)::int as n from group_activities`))[0].n,
  audit: await count("audit_events where action like 'group_activity.%'"),
});

beforeAll(async () => {
  w = await makeWorld();
}, 120_000);
afterAll(() => w?.s.close());

describe('keeping group activities', () => {
  it('supervisors and organisation administrators create and change their own; the audit log records it', async () => {
    const res = await w.supervisor.post(api('/group-activities'), {
      kind: 'community_business',
      name: 'Koperasi Purna Migran Banyuwangi',
      description: 'Usaha olahan kopi bersama.',
      areaCode: '35.10',
      startsOn: '2026-02-01',
      endsOn: '2026-12-31',
      capacity: 20,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      organizationId: w.dinsos.id,
      kind: 'community_business',
      name: 'Koperasi Purna Migran Banyuwangi',
      areaCode: '35.10',
      areaName: 'Kabupaten Banyuwangi',
      startsOn: '2026-02-01',
      endsOn: '2026-12-31',
      capacity: 20,
      status: 'active',
      enrolled: 0,
      full: false,
      can: { manage: true },
      version: 1,
    });
    const byAdmin = await makeActivity(w, w.orgAdmin, { kind: 'awareness_session', name: 'Sosialisasi migrasi aman', areaCode: null, capacity: null });
    expect(byAdmin).toMatchObject({ enrolled: 0, full: false });

    const changed = await w.orgAdmin.patch(api(`/group-activities/${res.body.id}`), { version: 1, capacity: 25, description: null });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ capacity: 25, description: null, version: 2 });
    const ended = await w.supervisor.patch(api(`/group-activities/${res.body.id}`), { version: 2, status: 'ended' });
    expect(ended.body.status).toBe('ended');
    const audit = await w.query(`select action, details from audit_events where target_id = '${res.body.id}' and outcome = 'success' order by seq`);
    expect(audit.map((a) => a.action)).toEqual(['group_activity.create', 'group_activity.update', 'group_activity.update']);
    expect(audit[2].details).toEqual({ fields: ['status'], status: 'ended' });

    const active = (await w.worker.get(api('/group-activities'))).body;
    expect(active.items.map((a: any) => a.id)).toContain(byAdmin.id);
    expect(active.items.map((a: any) => a.id)).not.toContain(res.body.id);
    expect(active.items.every((a: any) => a.can.manage === false)).toBe(true);
    const all = (await w.supervisor.get(api('/group-activities?status=all'))).body;
    expect(all.items.map((a: any) => a.id)).toEqual(expect.arrayContaining([res.body.id, byAdmin.id]));
    expect(all.items.at(-1).status).toBe('ended');
    expect((await w.supervisor.get(api('/group-activities?status=ended'))).body.items.map((a: any) => a.id)).toEqual([res.body.id]);
  });

  it('checks the area and the dates, and a stale version, writing nothing', async () => {
    const a = await makeActivity(w);
    const before = await state();
    for (const [body, fields] of [
      [{ areaCode: '35.99' }, { areaCode: 'unknown_area' }],
      [{ areaCode: 'Malang' }, { areaCode: 'unknown_area' }],
      [{ startsOn: '2026-05-01', endsOn: '2026-04-01' }, { endsOn: 'end_before_start' }],
      [{ kind: 'festival' }, { kind: 'invalid_choice' }],
      [{ capacity: 0 }, { capacity: 'too_small' }],
      [{ name: '' }, { name: 'required' }],
    ] as const) {
      const r = await w.supervisor.post(api('/group-activities'), { kind: 'peer_group', name: 'Kelompok', ...body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.fields).toMatchObject(fields);
    }
    const late = await w.supervisor.patch(api(`/group-activities/${a.id}`), { version: 1, endsOn: '2020-01-01', startsOn: '2021-01-01' });
    expect(late.body.error.fields).toEqual({ endsOn: 'end_before_start' });
    const stale = await w.supervisor.patch(api(`/group-activities/${a.id}`), { version: 7, name: 'Baru' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', current: { id: a.id, name: 'Kelompok Purna Migran Donomulyo', version: 1 } });
    expect(await state()).toEqual(before);
  });

  it('each organisation sees only its own; case workers see them but cannot keep them; others cannot even list them', async () => {
    const a = await makeActivity(w);
    const before = await state();
    expect((await w.worker.post(api('/group-activities'), { kind: 'peer_group', name: 'x' })).status).toBe(403);
    expect((await w.worker.patch(api(`/group-activities/${a.id}`), { version: 1, name: 'x' })).status).toBe(403);
    expect((await w.worker.get(api(`/group-activities/${a.id}`))).status).toBe(200);
    expect((await w.otherSupervisor.get(api(`/group-activities/${a.id}`))).status).toBe(404);
    expect((await w.otherAdmin.patch(api(`/group-activities/${a.id}`), { version: 1, name: 'x' })).status).toBe(404);
    expect((await w.otherSupervisor.get(api('/group-activities?status=all'))).body.items.map((x: any) => x.id)).not.toContain(a.id);
    expect((await w.analyst.get(api('/group-activities'))).status).toBe(403);
    expect((await w.analyst.get(api(`/group-activities/${a.id}`))).status).toBe(403);
    expect((await w.supervisor.get(api('/group-activities/00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect(await state()).toEqual(before);
    expect((await w.query(`select count(*)::int as n from audit_events where action = 'permission.denied' and target_id = '${a.id}'`))[0].n).toBeGreaterThanOrEqual(2);
  });
});

describe('enrolment', () => {
  it('counts people with a planned or ongoing group item of their approved plan; a full activity still takes people', async () => {
    const a = await makeActivity(w, w.supervisor, { capacity: 1, name: 'Kelompok kecil' });
    const groupItem = item({ dimension: 'social', what: 'Ikut kelompok', delivery: 'group', groupActivityId: a.id });
    const c1 = await planCase(w);
    // A draft does not enrol anyone yet.
    const draft = (await w.worker.post(api(`/cases/${c1.id}/plans`), {})).body;
    await w.worker.post(api(`/plans/${draft.id}/items`), groupItem);
    expect((await w.worker.get(api(`/group-activities/${a.id}`))).body).toMatchObject({ enrolled: 0, full: false });
    const p = (await w.worker.get(api(`/plans/${draft.id}`))).body;
    const s = (await w.worker.post(api(`/plans/${p.id}/submit`), { version: p.version })).body;
    const p1 = (await w.supervisor.post(api(`/plans/${p.id}/approve`), { version: s.version })).body;
    expect((await w.worker.get(api(`/group-activities/${a.id}`))).body).toMatchObject({ enrolled: 1, capacity: 1, full: true });

    // A second person: allowed, and both the item and the list say it is full.
    const c2 = await planCase(w);
    const p2 = await approvedPlan(w, c2.id, [groupItem]);
    expect(p2.items[0].groupActivity).toMatchObject({ id: a.id, enrolled: 2, full: true });
    const listed = (await w.worker.get(api('/group-activities'))).body.items.find((x: any) => x.id === a.id);
    expect(listed).toMatchObject({ enrolled: 2, full: true });

    // Completing the item ends the enrolment.
    const it1 = p1.items[0];
    const started = (await w.worker.patch(api(`/plans/${p1.id}/items/${it1.id}/progress`), { version: it1.version, status: 'in_progress' })).body;
    expect((await w.worker.get(api(`/group-activities/${a.id}`))).body.enrolled).toBe(2);
    await w.worker.patch(api(`/plans/${p1.id}/items/${it1.id}/progress`), { version: started.version, status: 'completed', outcome: 'Hadir di semua pertemuan.' });
    expect((await w.worker.get(api(`/group-activities/${a.id}`))).body).toMatchObject({ enrolled: 1, full: true });

    // An ended activity takes no new items; the items already in it stay.
    const cur = (await w.supervisor.get(api(`/group-activities/${a.id}`))).body;
    await w.supervisor.patch(api(`/group-activities/${a.id}`), { version: cur.version, status: 'ended' });
    const c3 = await planCase(w);
    const d3 = (await w.worker.post(api(`/cases/${c3.id}/plans`), {})).body;
    const refused = await w.worker.post(api(`/plans/${d3.id}/items`), groupItem);
    expect(refused.body.error.fields).toEqual({ groupActivityId: 'unknown_activity' });
    const kept = (await w.worker.get(api(`/plans/${p2.id}`))).body.items[0];
    expect(kept.groupActivity).toMatchObject({ id: a.id, status: 'ended' });
    // A new version copies the item; editing something else does not re-check the ended activity.
    const v2 = (await w.worker.post(api(`/cases/${c2.id}/plans`), {})).body;
    const edited = await w.worker.patch(api(`/plans/${v2.id}/items/${v2.items[0].id}`), { version: v2.items[0].version, budgetIdr: 100_000 });
    expect(edited.status).toBe(200);
  });
});
