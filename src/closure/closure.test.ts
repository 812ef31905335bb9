// Closing a case through the real server: the checklist read from the plan, surveys, referrals and
// transfers; requesting (one at a time); the supervisor's approval (complete, or acknowledged for the
// reasons that allow it), return and withdrawal; the list for the approvals page; who may do what
// (another organisation: 404; a case worker approving: 403); nothing written on any refusal; the case
// closed only this way, and reopened with a reason; the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoursAgo, makeTransferWorld, proposal, transferCase, transferConsent, type TransferWorld } from '../transfers/test-fixtures.js';

let w: TransferWorld;
const api = (p: string) => `/api/v1${p}`;
const count = async (table: string, where = 'true') => (await w.query(`select count(*)::int as n from ${table} where ${where}`))[0].n as number;
const state = async (caseId: string) => ({
  closures: (await w.query(`select id, status, version from case_closures where case_id = '${caseId}' order by id`)).map((r) => `${r.id}:${r.status}:${r.version}`),
  events: await count('case_events', `case_id = '${caseId}'`),
  case: (await w.query(`select stage, version, closure_reason from cases where id = '${caseId}'`))[0],
});

beforeAll(async () => {
  w = await makeTransferWorld();
}, 120_000);
afterAll(() => w?.s.close());

const request = (caseId: string, body: Record<string, unknown> = { closureReason: 'unreachable', reason: 'Nomor telepon tidak aktif sejak tiga bulan.' }) =>
  w.worker.post(api(`/cases/${caseId}/closure`), body);

/** Writes a survey of the case straight into the table (the surveys domain has its own tests). */
const survey = (caseId: string, status: string, dueOffsetDays: number) =>
  w.query(`insert into sustainability_surveys (case_id, status, due_on) values ('${caseId}', '${status}', (current_date + ${dueOffsetDays})::date)`);

describe('the checklist', () => {
  it('a fresh case: no plan counts as met, no survey done is missing, nothing else open', async () => {
    const c = await transferCase(w);
    const res = await w.worker.get(api(`/cases/${c.id}/closure`));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      checklist: [
        { code: 'plan_items_done', met: true, detail: { noPlan: true } },
        { code: 'last_survey_done', met: false, detail: { done: 0, overdue: 0 } },
        { code: 'referrals_resolved', met: true, detail: { open: 0 } },
        { code: 'no_pending_transfer', met: true, detail: { pending: 0 } },
      ],
      complete: false,
      pending: null,
      history: [],
      canRequest: true,
      acknowledgeableReasons: expect.arrayContaining(['deceased', 'duplicate', 'transferred', 'unreachable', 'declined_assistance', 're_migrated']),
    });
    expect(res.body.acknowledgeableReasons).not.toContain('reintegrated');
  });

  it('reads the current approved plan, the surveys, open referrals and a pending transfer', async () => {
    const c = await transferCase(w);
    const checklist = async () => Object.fromEntries((await w.worker.get(api(`/cases/${c.id}/closure`))).body.checklist.map((i: any) => [i.code, [i.met, i.detail]]));
    const enc = w.s.cipher.encrypt('Pelatihan menjahit');
    const [old] = await w.query(`insert into reintegration_plans (case_id, number, status) values ('${c.id}', 1, 'superseded') returning id`);
    await w.query(`insert into plan_items (plan_id, seq, dimension, what_enc, delivery, status) values ('${old.id}', 1, 'economic', '${enc}', 'direct', 'planned')`);
    const [plan] = await w.query(`insert into reintegration_plans (case_id, number, status) values ('${c.id}', 2, 'approved') returning id`);
    await w.query(`insert into plan_items (plan_id, seq, dimension, what_enc, delivery, status) values
      ('${plan.id}', 1, 'economic', '${enc}', 'direct', 'completed'), ('${plan.id}', 2, 'social', '${enc}', 'direct', 'in_progress'), ('${plan.id}', 3, 'health', '${enc}', 'direct', 'cancelled')`);
    // A newer draft does not count: only the approved version is the plan in force.
    await w.query(`insert into reintegration_plans (case_id, number, status) values ('${c.id}', 3, 'draft')`);
    expect((await checklist()).plan_items_done).toEqual([false, { open: 1, total: 3 }]);
    await w.query(`update plan_items set status = 'completed' where plan_id = '${plan.id}' and seq = 2`);
    expect((await checklist()).plan_items_done).toEqual([true, { open: 0, total: 3 }]);

    await survey(c.id, 'done', -30);
    await survey(c.id, 'scheduled', 60);
    expect((await checklist()).last_survey_done).toEqual([true, { done: 1, overdue: 0 }]);
    await survey(c.id, 'scheduled', 0);
    expect((await checklist()).last_survey_done).toEqual([false, { done: 1, overdue: 1 }]);
    await w.query(`update sustainability_surveys set status = 'missed' where case_id = '${c.id}' and due_on = current_date`);
    expect((await checklist()).last_survey_done[0]).toBe(true);

    await w.worker.post(api(`/cases/${c.id}/consents`), { purpose: 'referral_sharing', recipientOrganizationId: w.ngo.id, sharedFields: ['name'], decision: 'given', method: 'signed', givenAt: hoursAgo(2) });
    const ref = await w.worker.post(api(`/cases/${c.id}/referrals`), { organizationId: w.ngo.id, needIds: [c.needId], urgency: 'routine', contactPreference: 'phone', sharedFields: ['first_name'] });
    expect(ref.status).toBe(201);
    expect((await checklist()).referrals_resolved).toEqual([false, { open: 1 }]);
    await w.worker.post(api(`/referrals/${ref.body.id}/transitions`), { to: 'withdrawn', version: 1 });
    expect((await checklist()).referrals_resolved).toEqual([true, { open: 0 }]);

    await transferConsent(w, c.id);
    const t = await w.worker.post(api(`/cases/${c.id}/transfers`), proposal(w.dinsos.id));
    expect(t.status).toBe(201);
    expect((await checklist()).no_pending_transfer).toEqual([false, { pending: 1 }]);
  });

  it('another organisation gets 404; reading is audited', async () => {
    const c = await transferCase(w);
    for (const who of [w.rSupervisor, w.ngoSupervisor, w.ngoFocal]) expect((await who.get(api(`/cases/${c.id}/closure`))).status).toBe(404);
    await w.supervisor.get(api(`/cases/${c.id}/closure`));
    expect(await count('audit_events', `action = 'case.closure.read' and target_id = '${c.id}' and actor_id = '${w.supervisor.user.id}'`)).toBe(1);
  });
});

describe('requesting closure', () => {
  it('records a pending request with the reason encrypted, a case event and an audit entry; one at a time', async () => {
    const c = await transferCase(w);
    const res = await request(c.id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      caseId: c.id,
      closureReason: 'unreachable',
      reason: 'Nomor telepon tidak aktif sejak tiga bulan.',
      status: 'pending',
      requestedBy: { id: w.worker.user.id, displayName: 'Nur Aini' },
      decidedBy: null,
      checklist: null,
      acknowledgedIncomplete: false,
      allowedActions: ['withdraw'],
      version: 1,
    });
    const [row] = await w.query(`select reason_enc from case_closures where id = '${res.body.id}'`);
    expect(row.reason_enc).not.toContain('telepon');
    const [event] = await w.query(`select from_value, to_value, reason, note_enc from case_events where case_id = '${c.id}' and kind = 'closure'`);
    expect(event).toMatchObject({ from_value: null, to_value: 'pending', reason: 'unreachable' });
    const [audit] = await w.query(`select details from audit_events where action = 'case.closure.request' and target_id = '${res.body.id}'`);
    expect(audit.details).toEqual({ caseId: c.id, closureReason: 'unreachable' });
    const seen = await w.supervisor.get(api(`/cases/${c.id}/closure`));
    expect(seen.body).toMatchObject({ canRequest: false, pending: { id: res.body.id, allowedActions: ['approve', 'return', 'withdraw'] } });

    const before = await state(c.id);
    const second = await request(c.id, { closureReason: 'duplicate', reason: 'Kasus ganda.' });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('closure_pending');
    expect(await state(c.id)).toEqual(before);
  });

  it('refuses bad input, a closed case, and those who may not change the case; nothing written', async () => {
    const c = await transferCase(w);
    const before = await state(c.id);
    const bad = await request(c.id, { closureReason: 'bored', reason: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('closureReason');
    const empty = await request(c.id, { closureReason: 'other', reason: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toHaveProperty('reason');
    for (const who of [w.colleague, w.rSupervisor, w.ngoFocal]) expect((await who.post(api(`/cases/${c.id}/closure`), { closureReason: 'duplicate', reason: 'x' })).status).toBe(404);
    expect(await state(c.id)).toEqual(before);
    await w.query(`update cases set stage = 'closed' where id = '${c.id}'`);
    const closed = await request(c.id);
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('case_closed');
    expect(await count('case_closures', `case_id = '${c.id}'`)).toBe(0);
  });
});

describe('deciding', () => {
  it('an incomplete checklist is refused with the checklist; acknowledging it needs a reason where the plan cannot be finished', async () => {
    const c = await transferCase(w);
    const r = (await request(c.id, { closureReason: 'reintegrated', reason: 'Sudah bekerja dan stabil.' })).body;
    const before = await state(c.id);
    for (const acknowledgeIncomplete of [false, true]) {
      const res = await w.supervisor.post(api(`/closures/${r.id}/approve`), { version: 1, acknowledgeIncomplete });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({
        code: 'checklist_incomplete',
        acknowledgeAllowed: false,
        checklist: expect.arrayContaining([{ code: 'last_survey_done', met: false, detail: { done: 0, overdue: 0 } }]),
      });
    }
    expect(await state(c.id)).toEqual(before);
    // With a survey done, the checklist is complete and "reintegrated" closes without acknowledgement.
    await survey(c.id, 'done', -10);
    const ok = await w.supervisor.post(api(`/closures/${r.id}/approve`), { version: 1, note: 'Disetujui.' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', acknowledgedIncomplete: false, decisionNote: 'Disetujui.', decidedBy: { id: w.supervisor.user.id }, allowedActions: [], version: 2 });
    expect(ok.body.checklist.every((i: any) => i.met && !i.acknowledged)).toBe(true);
  });

  it('approves an incomplete checklist with the acknowledgement for "unreachable": the case closes, with a stage event, the snapshot and the audit', async () => {
    const c = await transferCase(w);
    const r = (await request(c.id)).body;
    const plain = await w.supervisor.post(api(`/closures/${r.id}/approve`), { version: 1 });
    expect(plain.status).toBe(409);
    expect(plain.body.error).toMatchObject({ code: 'checklist_incomplete', acknowledgeAllowed: true });
    // A case worker sees the request but may not decide; another organisation does not see it.
    expect((await w.worker.post(api(`/closures/${r.id}/approve`), { version: 1, acknowledgeIncomplete: true })).status).toBe(403);
    expect((await w.rSupervisor.post(api(`/closures/${r.id}/approve`), { version: 1, acknowledgeIncomplete: true })).status).toBe(404);
    const stale = await w.supervisor.post(api(`/closures/${r.id}/approve`), { version: 5, acknowledgeIncomplete: true });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', current: { id: r.id, status: 'pending', version: 1 } });

    const res = await w.supervisor.post(api(`/closures/${r.id}/approve`), { version: 1, acknowledgeIncomplete: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved', acknowledgedIncomplete: true });
    expect(res.body.checklist).toContainEqual({ code: 'last_survey_done', met: false, detail: { done: 0, overdue: 0 }, acknowledged: true });
    const theCase = await w.worker.get(api(`/cases/${c.id}`));
    expect(theCase.body).toMatchObject({ stage: 'closed', closureReason: 'unreachable', allowedTransitions: ['reopened'] });
    expect(theCase.body.closedAt).not.toBeNull();
    const history = await w.worker.get(api(`/cases/${c.id}/history`));
    const closing = history.body.items.find((e: any) => e.kind === 'stage' && e.toValue === 'closed');
    expect(closing).toMatchObject({ fromValue: 'intake', reasonCode: 'unreachable', reason: 'Nomor telepon tidak aktif sejak tiga bulan.', by: { id: w.supervisor.user.id } });
    const [audit] = await w.query(`select details from audit_events where action = 'case.closure.approve' and target_id = '${r.id}'`);
    expect(audit.details).toEqual({ caseId: c.id, from: 'intake', closureReason: 'unreachable', acknowledgedIncomplete: true, unmet: ['last_survey_done'] });
    const again = await w.supervisor.post(api(`/closures/${r.id}/approve`), { version: 2, acknowledgeIncomplete: true });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('transition_not_allowed');
    const view = await w.worker.get(api(`/cases/${c.id}/closure`));
    expect(view.body).toMatchObject({ pending: null, canRequest: false, history: [{ id: r.id, status: 'approved' }] });

    // Reopening stays a stage move with a reason, audited.
    const reopen = await w.worker.post(api(`/cases/${c.id}/transitions`), { version: theCase.body.version, to: 'reopened', reason: 'Dihubungi kembali oleh keluarga.' });
    expect(reopen.status).toBe(200);
    expect(reopen.body).toMatchObject({ stage: 'reopened', closedAt: null, closureReason: null });
    const [reopened] = await w.query(`select details from audit_events where action = 'case.transition' and target_id = '${c.id}' order by seq desc limit 1`);
    expect(reopened.details).toEqual({ from: 'closed', to: 'reopened' });
    expect((await w.worker.get(api(`/cases/${c.id}/closure`))).body.canRequest).toBe(true);
  });

  it('a pending transfer is never acknowledged', async () => {
    const c = await transferCase(w);
    await transferConsent(w, c.id);
    expect((await w.worker.post(api(`/cases/${c.id}/transfers`), proposal(w.dinsos.id))).status).toBe(201);
    const r = (await request(c.id, { closureReason: 'deceased', reason: 'Meninggal dunia karena sakit.' })).body;
    const before = await state(c.id);
    const res = await w.supervisor.post(api(`/closures/${r.id}/approve`), { version: 1, acknowledgeIncomplete: true });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'checklist_incomplete', acknowledgeAllowed: false });
    expect(await state(c.id)).toEqual(before);
  });

  it('returns the request with a note (required); the case stays open and can be requested again', async () => {
    const c = await transferCase(w);
    const r = (await request(c.id)).body;
    const noNote = await w.supervisor.post(api(`/closures/${r.id}/return`), { version: 1 });
    expect(noNote.status).toBe(400);
    expect((await w.worker.post(api(`/closures/${r.id}/return`), { version: 1, note: 'x' })).status).toBe(403);
    const res = await w.supervisor.post(api(`/closures/${r.id}/return`), { version: 1, note: 'Coba hubungi keluarga sekali lagi.' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'returned', decisionNote: 'Coba hubungi keluarga sekali lagi.', decidedBy: { id: w.supervisor.user.id } });
    expect(res.body.checklist).toHaveLength(4);
    expect((await w.query(`select stage from cases where id = '${c.id}'`))[0].stage).toBe('intake');
    const [event] = await w.query(`select to_value, note_enc from case_events where case_id = '${c.id}' and kind = 'closure' and to_value = 'returned'`);
    expect(event.note_enc).toMatch(/^v1:/);
    expect(await count('audit_events', `action = 'case.closure.return' and target_id = '${r.id}'`)).toBe(1);
    expect((await request(c.id)).status).toBe(201);
  });

  it('the requesting side withdraws; another organisation cannot; nothing decided twice', async () => {
    const c = await transferCase(w);
    const r = (await request(c.id)).body;
    expect((await w.rSupervisor.post(api(`/closures/${r.id}/withdraw`), { version: 1 })).status).toBe(404);
    expect((await w.colleague.post(api(`/closures/${r.id}/withdraw`), { version: 1 })).status).toBe(404);
    expect((await w.worker.post(api(`/closures/00000000-0000-4000-8000-000000000000/withdraw`), { version: 1 })).status).toBe(404);
    const res = await w.worker.post(api(`/closures/${r.id}/withdraw`), { version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'withdrawn', checklist: null });
    const late = await w.supervisor.post(api(`/closures/${r.id}/return`), { version: 2, note: 'x' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('transition_not_allowed');
  });

  it('closing through a stage move is refused', async () => {
    const c = await transferCase(w);
    const res = await w.worker.post(api(`/cases/${c.id}/transitions`), { version: 1, to: 'closed', closureReason: 'duplicate' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('closure_requires_approval');
    expect((await w.worker.get(api(`/cases/${c.id}`))).body.allowedTransitions).not.toContain('closed');
  });
});

describe('the approvals list', () => {
  it("gives a supervisor the organisation's pending requests, oldest first, with the checklist state; no one else's", async () => {
    const a = await transferCase(w);
    const b = await transferCase(w);
    const ra = (await request(a.id)).body;
    const rb = (await request(b.id, { closureReason: 'duplicate', reason: 'Kasus ganda.' })).body;
    await survey(b.id, 'done', -5);
    const res = await w.supervisor.get(api('/closures?status=pending'));
    expect(res.status).toBe(200);
    const ids = res.body.items.map((i: any) => i.id);
    expect(ids.indexOf(ra.id)).toBeLessThan(ids.indexOf(rb.id));
    expect(res.body.items.find((i: any) => i.id === rb.id)).toMatchObject({ caseId: b.id, caseReference: b.reference, personName: 'Sri Wahyuningsih', closureReason: 'duplicate', status: 'pending', checklistComplete: true });
    expect(res.body.items.find((i: any) => i.id === ra.id).checklistComplete).toBe(false);
    expect(res.body.items.every((i: any) => i.status === 'pending')).toBe(true);
    expect(res.body.total).toBe(res.body.items.length);
    const other = await w.rSupervisor.get(api('/closures?status=all'));
    expect(other.body.items.map((i: any) => i.id)).not.toContain(ra.id);
    expect((await w.worker.get(api('/closures'))).status).toBe(403);
    expect((await w.ngoFocal.get(api('/closures'))).status).toBe(403);
  });
});
