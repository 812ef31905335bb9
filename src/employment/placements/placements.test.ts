// Placements and their follow-ups through the real server: the partner records the placement of
// a hired candidate (once), which schedules the checks at 1, 3 and 6 months, sets the first income
// and completes the referral; the case side records each check, and any problem alerts the case
// worker with a task due today; either side ends a placement; the sweep creates the follow-up
// tasks a week before they fall due.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJakarta } from '../../cases/derived.js';
import { addDays, addMonths } from '../../reintegration/sustainability/schedule.js';
import type { Signed } from '../../referrals/test-fixtures.js';
import { makeEmploymentWorld, putForward, type EmploymentWorld } from '../candidacies/test-fixtures.js';
import { createDueFollowUpTasks, followUpTaskTitle } from './sweep.js';

let w: EmploymentWorld;
const api = (p: string) => `/api/v1${p}`;
const today = () => todayInJakarta();

beforeAll(async () => {
  w = await makeEmploymentWorld();
}, 120_000);
afterAll(() => w?.s.close());

/** A candidacy taken to hired by the partner. */
async function hired(opts: { openingOf?: string; partner?: Signed } = {}) {
  const r = await putForward(w, { openingOf: opts.openingOf });
  const p = opts.partner ?? w.partner;
  for (const [to, version] of [
    ['offer', 1],
    ['hired', 2],
  ] as const) {
    const res = await p.post(api(`/candidacies/${r.candidacy.id}/answers`), { to, version });
    if (res.status !== 200) throw new Error(`answer ${to}: ${res.status} ${res.text}`);
  }
  return r;
}

async function placed(startOn: string) {
  const r = await hired();
  const res = await w.partner.post(api(`/candidacies/${r.candidacy.id}/placement`), { startOn, monthlyWageIdr: 2_800_000, contractType: 'fixed_term' });
  if (res.status !== 201) throw new Error(`placement: ${res.status} ${res.text}`);
  return { ...r, placement: res.body.placement as Record<string, any> };
}

const tasksOf = async (caseId: string) => (await w.worker.get(api(`/cases/${caseId}/tasks`))).body.items as Record<string, any>[];
const followUp = (placementId: string, month: number, body: Record<string, unknown>, who: Signed = w.worker) =>
  who.post(api(`/placements/${placementId}/follow-ups/${month}`), body);
const goodCheck = (version = 1) => ({ version, stillEmployed: true, conditionsAsPromised: true, problems: [], note: null, conductedOn: today() });

describe('recording a placement', () => {
  it('schedules the follow-ups at 1, 3 and 6 months, sets the first income, completes the referral', async () => {
    const r = await hired();
    const startOn = addDays(today(), 3);
    const res = await w.partner.post(api(`/candidacies/${r.candidacy.id}/placement`), { startOn, monthlyWageIdr: 2_800_000, contractType: 'fixed_term' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      side: 'partner',
      status: 'hired',
      canRecordPlacement: false,
      placement: { startOn, monthlyWageIdr: 2_800_000, contractType: 'fixed_term', endedOn: null, endReason: null, recordedBy: { id: w.partner.user.id } },
    });
    // The partner never sees the follow-ups.
    expect(res.body.placement.followUps).toBeUndefined();
    const sender = await w.worker.get(api(`/candidacies/${r.candidacy.id}`));
    expect(sender.body.placement.followUps.map((f: any) => [f.month, f.dueOn, f.status, f.due, f.overdue])).toEqual([
      [1, addMonths(startOn, 1), 'scheduled', false, false],
      [3, addMonths(startOn, 3), 'scheduled', false, false],
      [6, addMonths(startOn, 6), 'scheduled', false, false],
    ]);
    expect(sender.body.referral.status).toBe('completed');
    const [ref] = await w.query(`select status, outcome, ended_at from referrals where id = '${r.candidacy.referral.id}'`);
    expect(ref).toMatchObject({ status: 'completed', outcome: 'delivered' });
    const [profile] = await w.query(`select income_since::text as income_since from skills_profiles where case_id = '${r.case.id}'`);
    expect(profile.income_since).toBe(startOn);
    // No task yet: the first check is a month away.
    expect((await tasksOf(r.case.id)).length).toBe(0);
    const history = await w.worker.get(api(`/cases/${r.case.id}/history`));
    expect(history.body.items.some((h: any) => h.kind === 'employment' && h.toValue === 'placement_started')).toBe(true);
    const [a] = await w.query(`select details from audit_events where action = 'placement.create' and target_id = '${res.body.placement.id}'`);
    expect(a.details).toMatchObject({ caseId: r.case.id, candidacyId: r.candidacy.id, startOn });
  });

  it('only once, only for a hired candidate, only by the receiving partner', async () => {
    const notYet = await putForward(w);
    const early = await w.partner.post(api(`/candidacies/${notYet.candidacy.id}/placement`), { startOn: today() });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('not_hired');
    const r = await hired();
    expect((await w.worker.post(api(`/candidacies/${r.candidacy.id}/placement`), { startOn: today() })).status).toBe(403);
    expect((await w.partner2.post(api(`/candidacies/${r.candidacy.id}/placement`), { startOn: today() })).status).toBe(404);
    expect((await w.partner.post(api(`/candidacies/${r.candidacy.id}/placement`), { startOn: '2031-01-01' })).body.error.fields).toEqual({ startOn: 'out_of_range' });
    expect((await w.partner.post(api(`/candidacies/${r.candidacy.id}/placement`), { startOn: today() })).status).toBe(201);
    const twice = await w.partner.post(api(`/candidacies/${r.candidacy.id}/placement`), { startOn: today() });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('placement_exists');
  });

  it('keeps the earliest first income', async () => {
    const r = await hired();
    await w.query(`update skills_profiles set income_since = '2020-05-01' where case_id = '${r.case.id}'`);
    await w.partner.post(api(`/candidacies/${r.candidacy.id}/placement`), { startOn: today() });
    const [p] = await w.query(`select income_since::text as income_since from skills_profiles where case_id = '${r.case.id}'`);
    expect(p.income_since).toBe('2020-05-01');
  });

  it('a start in the past brings the first follow-up due at once: its task goes to the case worker', async () => {
    const startOn = addMonths(addDays(today(), 3), -1);
    const r = await placed(startOn);
    const tasks = await tasksOf(r.case.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ kind: 'follow_up', title: followUpTaskTitle(1), dueOn: addMonths(startOn, 1), status: 'open', assignee: { id: w.worker.user.id } });
    const c = await w.worker.get(api(`/cases/${r.case.id}`));
    expect(c.body.nextDueOn).toBe(addMonths(startOn, 1));
    const sender = await w.worker.get(api(`/candidacies/${r.candidacy.id}`));
    expect(sender.body.placement.followUps[0]).toMatchObject({ month: 1, due: true, overdue: false });
  });
});

describe('follow-ups', () => {
  it('a problem alerts the case worker: a task due today, a case event, the candidacy’s alert', async () => {
    const startOn = addMonths(today(), -1);
    const r = await placed(startOn);
    const pid = r.placement.id;
    // Not yet due: the 6-month check.
    const notDue = await followUp(pid, 6, goodCheck());
    expect(notDue.status).toBe(409);
    expect(notDue.body.error.code).toBe('follow_up_not_due');
    // The partner never records a follow-up; another case worker does not reach it.
    expect((await followUp(pid, 1, goodCheck(), w.partner)).status).toBe(404);
    expect((await followUp(pid, 1, goodCheck(), w.worker2)).status).toBe(404);
    expect((await followUp('00000000-0000-4000-8000-000000000000', 1, goodCheck())).status).toBe(404);
    expect((await followUp(pid, 2, goodCheck())).status).toBe(400);
    const future = await followUp(pid, 1, { ...goodCheck(), conductedOn: addDays(today(), 2) });
    expect(future.body.error.fields).toEqual({ conductedOn: 'in_future' });
    const early = await followUp(pid, 1, { ...goodCheck(), conductedOn: addDays(startOn, -1) });
    expect(early.body.error.fields).toEqual({ conductedOn: 'before_start' });
    const stale = await followUp(pid, 1, goodCheck(5));
    expect(stale.body.error.code).toBe('version_conflict');

    const res = await followUp(pid, 1, { ...goodCheck(), conditionsAsPromised: false, problems: ['unpaid_wages', 'excessive_hours'], note: 'Gaji bulan pertama belum dibayar' });
    expect(res.status).toBe(200);
    expect(res.body.alert).toBe(true);
    expect(res.body.placement.followUps[0]).toMatchObject({
      month: 1,
      status: 'done',
      stillEmployed: true,
      conditionsAsPromised: false,
      problems: ['unpaid_wages', 'excessive_hours'],
      note: 'Gaji bulan pertama belum dibayar',
      conductedBy: { id: w.worker.user.id },
      alert: true,
      due: false,
    });
    const tasks = await tasksOf(r.case.id);
    const alertTask = tasks.find((t) => t.title === 'Masalah di tempat kerja dilaporkan');
    expect(alertTask).toMatchObject({ kind: 'follow_up', dueOn: today(), status: 'open', assignee: { id: w.worker.user.id } });
    // The follow-up's own task is done.
    expect(tasks.find((t) => t.title === followUpTaskTitle(1))).toMatchObject({ status: 'done' });
    const history = await w.worker.get(api(`/cases/${r.case.id}/history`));
    expect(history.body.items.filter((h: any) => h.kind === 'employment').map((h: any) => [h.toValue, h.reasonCode])).toEqual(
      expect.arrayContaining([
        ['follow_up_recorded', '1'],
        ['work_problem', '1'],
      ]),
    );
    const [a] = await w.query(`select details from audit_events where action = 'placement.follow_up.record' and target_id = '${pid}'`);
    expect(a.details).toMatchObject({ month: 1, problems: ['unpaid_wages', 'excessive_hours'], alertTaskId: alertTask!.id });
    expect(JSON.stringify(a.details)).not.toContain('Gaji');
    const twice = await followUp(pid, 1, goodCheck(2));
    expect(twice.body.error.code).toBe('follow_up_recorded');
    // The partner sees neither the follow-up nor the alert.
    const partner = await w.partner.get(api(`/candidacies/${r.candidacy.id}`));
    expect(partner.body.alert).toBe(false);
    expect(partner.text).not.toContain('unpaid_wages');
    expect(partner.text).not.toContain('Gaji');
  });

  it('a good check raises no alert', async () => {
    const r = await placed(addMonths(today(), -1));
    const res = await followUp(r.placement.id, 1, goodCheck());
    expect(res.status).toBe(200);
    expect(res.body.alert).toBe(false);
    expect((await tasksOf(r.case.id)).filter((t) => t.status === 'open')).toHaveLength(0);
  });

  it('a check unrecorded for more than 30 days shows overdue, and stays scheduled', async () => {
    const r = await placed(addDays(addMonths(today(), -1), -31));
    const sender = await w.worker.get(api(`/candidacies/${r.candidacy.id}`));
    expect(sender.body.placement.followUps[0]).toMatchObject({ month: 1, status: 'scheduled', due: true, overdue: true });
    expect(sender.body.placement.followUps[1]).toMatchObject({ month: 3, overdue: false });
  });
});

describe('the end of a placement', () => {
  it('the partner ends it with a dismissal: later follow-ups and their tasks are cancelled, the case worker is alerted', async () => {
    const startOn = addDays(addMonths(today(), -3), 3);
    const r = await placed(startOn);
    // The 1-month check is long past and the 3-month one within its week: both have tasks.
    expect((await tasksOf(r.case.id)).filter((t) => t.status === 'open')).toHaveLength(2);
    const future = await w.partner.post(api(`/placements/${r.placement.id}/end`), { version: 1, endedOn: addDays(today(), 1), reason: 'dismissed' });
    expect(future.body.error.fields).toEqual({ endedOn: 'in_future' });
    expect((await w.partner2.post(api(`/placements/${r.placement.id}/end`), { version: 1, endedOn: today(), reason: 'dismissed' })).status).toBe(404);
    const endedOn = addDays(startOn, 45);
    const res = await w.partner.post(api(`/placements/${r.placement.id}/end`), { version: 1, endedOn, reason: 'dismissed' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ side: 'partner', placement: { endedOn, endReason: 'dismissed', version: 2 } });
    const sender = await w.worker.get(api(`/candidacies/${r.candidacy.id}`));
    expect(sender.body.alert).toBe(true);
    expect(sender.body.placement.followUps.map((f: any) => f.status)).toEqual(['scheduled', 'cancelled', 'cancelled']);
    const tasks = await tasksOf(r.case.id);
    expect(tasks.find((t) => t.title === followUpTaskTitle(3))).toMatchObject({ status: 'cancelled' });
    expect(tasks.find((t) => t.title === followUpTaskTitle(1))).toMatchObject({ status: 'open' });
    expect(tasks.find((t) => t.title === 'Masalah di tempat kerja dilaporkan')).toMatchObject({ status: 'open', dueOn: today() });
    const again = await w.worker.post(api(`/placements/${r.placement.id}/end`), { version: 2, endedOn: today(), reason: 'resigned' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('placement_ended');
    // A cancelled follow-up is not recorded.
    expect((await followUp(r.placement.id, 3, goodCheck(2))).body.error.code).toBe('follow_up_cancelled');
  });

  it('the case side ends it too; a stale version is refused', async () => {
    const r = await placed(addDays(today(), -10));
    const stale = await w.worker.post(api(`/placements/${r.placement.id}/end`), { version: 3, endedOn: today(), reason: 'resigned' });
    expect(stale.body.error.code).toBe('version_conflict');
    const res = await w.worker.post(api(`/placements/${r.placement.id}/end`), { version: 1, endedOn: today(), reason: 'resigned' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ side: 'sender', alert: false, placement: { endReason: 'resigned' } });
    expect(res.body.placement.followUps.every((f: any) => f.status === 'cancelled')).toBe(true);
    expect((await w.worker2.post(api(`/placements/${r.placement.id}/end`), { version: 2, endedOn: today(), reason: 'resigned' })).status).toBe(404);
  });
});

describe('the follow-up sweep', () => {
  it('creates each task a week before its follow-up falls due, once, and none for a closed case', async () => {
    const startOn = today();
    const r = await placed(startOn);
    const db = w.s.database.db;
    const at = (day: string) => new Date(`${day}T05:00:00Z`);
    expect(await createDueFollowUpTasks(db, w.s.cipher, at(addDays(addMonths(startOn, 1), -8)), { caseId: r.case.id })).toBe(0);
    expect(await createDueFollowUpTasks(db, w.s.cipher, at(addDays(addMonths(startOn, 1), -7)), { caseId: r.case.id })).toBe(1);
    expect(await createDueFollowUpTasks(db, w.s.cipher, at(addDays(addMonths(startOn, 1), -7)), { caseId: r.case.id })).toBe(0);
    const tasks = await tasksOf(r.case.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ title: followUpTaskTitle(1), dueOn: addMonths(startOn, 1), assignee: { id: w.worker.user.id } });
    const [row] = await w.query(`select title_enc from case_tasks where id = '${tasks[0].id}'`);
    expect(row.title_enc).not.toContain('Tindak');
    const [audit] = await w.query(`select actor_kind, details from audit_events where action = 'placement.follow_up.task_create' and target_id = '${tasks[0].id}'`);
    expect(audit).toMatchObject({ actor_kind: 'system', details: { caseId: r.case.id, month: 1 } });
    // The whole sweep: the 3-month task when its week comes.
    expect(await createDueFollowUpTasks(db, w.s.cipher, at(addDays(addMonths(startOn, 3), -7)))).toBeGreaterThanOrEqual(1);
    expect((await tasksOf(r.case.id)).map((t) => t.title).sort()).toEqual([followUpTaskTitle(1), followUpTaskTitle(3)].sort());

    const closed = await placed(startOn);
    await w.query(`update cases set stage = 'closed' where id = '${closed.case.id}'`);
    expect(await createDueFollowUpTasks(db, w.s.cipher, at(addMonths(startOn, 6)), { caseId: closed.case.id })).toBe(0);
  });
});
