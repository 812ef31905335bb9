// The two boxes through the real server: which referrals each role lists, the filters, the order
// (overdue first, then by deadline while open, then the newest ended), paging, the reference
// prefix, the counts, and the sender's list of a case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, recordConsent, referralBody, referralCase, sent, type Signed, type World } from './test-fixtures.js';

let w: World;
const api = (p: string) => `/api/v1${p}`;
const ids: Record<string, string> = {};
const refs: Record<string, string> = {};
const caseOf: Record<string, string> = {};

beforeAll(async () => {
  w = await makeWorld();
  const make = async (key: string, worker?: Signed) => {
    const r = await sent(w, { worker });
    ids[key] = r.referral.id;
    refs[key] = r.case.reference;
    caseOf[key] = r.case.id;
  };
  for (const k of ['A', 'B', 'C', 'D', 'E', 'F', 'G']) await make(k);
  await make('H', w.worker2);
  // I: a supervisor's override on a case of the case worker.
  const c = await referralCase(w);
  const i = await w.supervisor.post(api(`/cases/${c.id}/referrals`), referralBody(w.ngo.id, c.needIds, { override: { reason: 'child_best_interest', justification: 'Anak tanpa pendamping.' } }));
  ids.I = i.body.id;
  refs.I = c.reference;
  // Statuses through the API, deadlines and sending times set for a known order.
  const move = (who: Signed, id: string, body: Record<string, unknown>) => who.post(api(`/referrals/${id}/transitions`), body);
  await move(w.focal, ids.C, { to: 'acknowledged', version: 1 });
  await move(w.focal, ids.D, { to: 'accepted', version: 1 });
  await move(w.focal, ids.F, { to: 'accepted', version: 1 });
  await move(w.focal, ids.F, { to: 'completed', outcome: 'delivered', version: 2 });
  await move(w.focal, ids.G, { to: 'declined', reason: 'no_capacity', version: 1 });
  const due: Record<string, string> = { B: '-2 hours', C: '-1 hours', D: '10 hours', E: '20 hours', I: '30 hours', H: '48 hours', A: '72 hours' };
  for (const [k, d] of Object.entries(due)) await w.query(`update referrals set respond_by = now() + interval '${d}' where id = '${ids[k]}'`);
  await w.query(`update referrals set sent_at = now() - interval '1 day' where id = '${ids.F}'`);
  await w.query(`update referrals set sent_at = now() - interval '2 days' where id = '${ids.G}'`);
}, 180_000);
afterAll(() => w?.s.close());

const keysOf = (items: { id: string }[]) => items.map((i) => Object.entries(ids).find(([, v]) => v === i.id)?.[0] ?? '?');
const list = async (c: Signed, query: string) => {
  const res = await c.get(api(`/referrals?${query}`));
  expect(res.status, `${query}: ${res.text}`).toBe(200);
  return { keys: keysOf(res.body.items), total: res.body.total as number, items: res.body.items as Record<string, any>[] };
};

describe('the incoming box', () => {
  it('lists by filter in the inbox order, with totals', async () => {
    expect(await list(w.focal, 'box=incoming&status=open')).toMatchObject({ keys: ['B', 'C', 'D', 'E', 'I', 'H', 'A'], total: 7 });
    expect(await list(w.focal, 'box=incoming&status=awaiting')).toMatchObject({ keys: ['B', 'C', 'E', 'I', 'H', 'A'], total: 6 });
    expect(await list(w.focal, 'box=incoming&status=overdue')).toMatchObject({ keys: ['B', 'C'], total: 2 });
    expect(await list(w.focal, 'box=incoming&status=ended')).toMatchObject({ keys: ['F', 'G'], total: 2 });
    expect(await list(w.focal, 'box=incoming&status=all')).toMatchObject({ keys: ['B', 'C', 'D', 'E', 'I', 'H', 'A', 'F', 'G'], total: 9 });
    expect(await list(w.focal, 'box=incoming&status=review')).toMatchObject({ keys: ['I'], total: 1 });
    // The defaults: the incoming box, open ones.
    expect((await list(w.focal, '')).keys).toEqual(['B', 'C', 'D', 'E', 'I', 'H', 'A']);
  });

  it('pages and finds by case reference prefix', async () => {
    expect(await list(w.focal, 'box=incoming&status=open&limit=3&offset=2')).toMatchObject({ keys: ['D', 'E', 'I'], total: 7 });
    expect(await list(w.focal, 'box=incoming&status=all&limit=2&offset=8')).toMatchObject({ keys: ['G'], total: 9 });
    expect(await list(w.focal, `box=incoming&status=all&q=${encodeURIComponent(refs.A)}`)).toMatchObject({ keys: ['A'], total: 1 });
    expect(await list(w.focal, 'box=incoming&status=all&q=PUL-2026-9')).toMatchObject({ total: 9 });
    expect(await list(w.focal, 'box=incoming&status=all&q=PUL-1999')).toMatchObject({ keys: [], total: 0 });
    // LIKE wildcards are taken literally.
    expect(await list(w.focal, 'box=incoming&status=all&q=%25')).toMatchObject({ total: 0 });
  });

  it('gives list items without the person, the case or the events, and audits the list with counts', async () => {
    const { items } = await list(w.focal, 'box=incoming&status=overdue');
    expect(items[0]).toMatchObject({ side: 'receiver', caseId: null, overdue: true, visibleFields: ['first_name', 'sex', 'age_band', 'languages', 'needs'], allowedTransitions: ['acknowledged', 'accepted', 'declined'] });
    expect(items[0].person).toBeUndefined();
    expect(items[0].events).toBeUndefined();
    expect(items[0].needs[0].severity).toBe('high');
    const [a] = await w.query(`select details from audit_events where action = 'referral.list' order by seq desc limit 1`);
    expect(a.details).toEqual({ box: 'incoming', status: 'overdue', count: 2, total: 2 });
  });

  it('belongs to the receiving organisation alone', async () => {
    expect(await list(w.otherFocal, 'box=incoming&status=all')).toMatchObject({ keys: [], total: 0 });
    expect(await list(w.supervisor, 'box=incoming&status=all')).toMatchObject({ keys: [], total: 0 });
    expect(await list(w.ngoSupervisor, 'box=incoming&status=open')).toMatchObject({ total: 7 });
    expect((await w.worker.get(api('/referrals?box=incoming'))).status).toBe(403);
    expect((await w.analyst.get(api('/referrals?box=incoming'))).status).toBe(403);
  });
});

describe('the outgoing box', () => {
  it("lists a supervisor's organisation and a case worker's own cases", async () => {
    expect(await list(w.supervisor, 'box=outgoing&status=all')).toMatchObject({ keys: ['B', 'C', 'D', 'E', 'I', 'H', 'A', 'F', 'G'], total: 9 });
    expect(await list(w.worker, 'box=outgoing&status=all')).toMatchObject({ keys: ['B', 'C', 'D', 'E', 'I', 'A', 'F', 'G'], total: 8 });
    expect(await list(w.worker2, 'box=outgoing&status=all')).toMatchObject({ keys: ['H'], total: 1 });
    expect(await list(w.supervisor, 'box=outgoing&status=review')).toMatchObject({ keys: ['I'], total: 1 });
    // A case worker's default box is the outgoing one.
    expect((await list(w.worker, 'status=overdue')).keys).toEqual(['B', 'C']);
    const { items } = await list(w.worker, 'box=outgoing&status=overdue');
    expect(items[0]).toMatchObject({ side: 'sender', caseId: caseOf.B, overdue: true, allowedTransitions: ['withdrawn'] });
    expect((await w.focal.get(api('/referrals?box=outgoing'))).status).toBe(403);
    expect((await w.analyst.get(api('/referrals'))).status).toBe(403);
  });
});

describe('the counts', () => {
  it('count each box the caller has, and null for the others', async () => {
    const get = async (c: Signed) => (await c.get(api('/referrals/counts'))).body;
    expect(await get(w.focal)).toEqual({ incoming: { awaiting: 6, overdue: 2, inProgress: 1, total: 7 }, outgoing: null });
    expect(await get(w.worker)).toEqual({ incoming: null, outgoing: { awaiting: 5, overdue: 2, inProgress: 1, review: 0 } });
    expect(await get(w.supervisor)).toEqual({ incoming: { awaiting: 0, overdue: 0, inProgress: 0, total: 0 }, outgoing: { awaiting: 6, overdue: 2, inProgress: 1, review: 1 } });
    expect(await get(w.otherFocal)).toEqual({ incoming: { awaiting: 0, overdue: 0, inProgress: 0, total: 0 }, outgoing: null });
    expect(await get(w.analyst)).toEqual({ incoming: null, outgoing: null });
  });
});

describe("a case's referrals", () => {
  it('lists them for the sender with what travels, newest first', async () => {
    const c = await referralCase(w);
    await recordConsent(w, c.id);
    const first = await w.worker.post(api(`/cases/${c.id}/referrals`), referralBody(w.ngo.id, [c.needIds[0]]));
    await recordConsent(w, c.id, { organizationId: w.ngo2.id, fields: ['name'] });
    const second = await w.worker.post(api(`/cases/${c.id}/referrals`), referralBody(w.ngo2.id, [c.needIds[1]], { sharedFields: ['first_name'] }));
    await w.query(`update referrals set sent_at = now() - interval '1 hour' where id = '${first.body.id}'`);
    const res = await w.worker.get(api(`/cases/${c.id}/referrals`));
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.id)).toEqual([second.body.id, first.body.id]);
    expect(res.body.items[0]).toMatchObject({ side: 'sender', caseId: c.id, person: { firstName: 'Siti' }, to: { id: w.ngo2.id } });
    expect(res.body.items[1].person).toMatchObject({ firstName: 'Siti', sex: 'female' });
    expect((await w.worker2.get(api(`/cases/${c.id}/referrals`))).status).toBe(404);
    expect((await w.focal.get(api(`/cases/${c.id}/referrals`))).status).toBe(404);
  });
});
