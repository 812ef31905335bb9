// Openings and training places through the real server: writing, validation, publishing, closing,
// who sees what (a partner only its own, case workers the published ones), and concurrency.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../../test/support/database.js';
import { startServer, type TestServer } from '../../../test/support/server.js';
import { openingMatchKeys } from '../matching/keys.js';
import { openForMatchingSql } from './dal.js';
import { dayFromToday, job, partnerOrg, partnerUser, training, type Signed } from './test-fixtures.js';

let s: TestServer;
let ps: { id: string; name: string };
let other: { id: string; name: string };
let dinsos: { id: string; name: string };
let partner: Signed;
let otherPartner: Signed;
let worker: Signed;
let supervisor: Signed;
let orgAdmin: Signed;

beforeAll(async () => {
  s = await startServer();
  ps = await partnerOrg(s, 'employer', '32.12');
  other = await partnerOrg(s, 'vocational_school', '35.07');
  dinsos = await s.org({ type: 'local_government', areaCode: '35' });
  [partner, otherPartner, worker, supervisor, orgAdmin] = await Promise.all([
    partnerUser(s, ps.id),
    partnerUser(s, other.id),
    s.signedIn({ organizationId: dinsos.id, roles: ['case_worker'] }),
    s.signedIn({ organizationId: dinsos.id, roles: ['supervisor'] }),
    s.signedIn({ organizationId: ps.id, roles: ['org_admin'] }),
  ]);
});
afterAll(() => s?.close());

const query = (text: string) => rawQuery(s.database, text) as Promise<Record<string, any>[]>;
const tag = () => randomBytes(4).toString('hex');
const post = (c: Signed, body: Record<string, unknown>) => c.post('/api/v1/openings', body);
async function created(c: Signed, body: Record<string, unknown>) {
  const res = await post(c, body);
  expect(res.status, res.text).toBe(201);
  return res.body;
}
async function published(c: Signed, body: Record<string, unknown>) {
  const o = await created(c, body);
  const res = await c.post(`/api/v1/openings/${o.id}/publish`, { version: o.version });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

describe('writing an opening', () => {
  it('creates a draft of the partner’s organisation with the terms as sent, and audits it', async () => {
    const o = await created(partner, job());
    expect(o).toMatchObject({
      organization: { id: ps.id, name: ps.name, partnerKind: 'employer' },
      kind: 'job',
      status: 'draft',
      openForMatching: false,
      title: 'Operator mesin jahit',
      sector: 'C14',
      occupation: '8153',
      areaCode: '32.12',
      area: { province: 'Jawa Barat', regency: 'Kabupaten Indramayu' },
      remote: false,
      places: 5,
      wageMinIdr: 2_800_000,
      wageMaxIdr: 3_400_000,
      requiredSkills: [{ code: 'sewing', level: 'intermediate' }],
      commitments: ['no_fees', 'no_document_retention', 'written_contract'],
      durationWeeks: null,
      publishedAt: null,
      version: 1,
      allowedActions: ['edit', 'publish', 'close'],
    });
    const [row] = await query(`select province_code, created_by_id, match_keys from employment_openings where id = '${o.id}'`);
    expect(row.province_code).toBe('32');
    expect(row.created_by_id).toBe(partner.user.id);
    expect(row.match_keys).toEqual(openingMatchKeys({ ...job(), requiredCertificates: [] } as never));
    expect(row.match_keys).toEqual(expect.arrayContaining(['o:8153', 's:C14', 'ss:C', 'k:sewing', 'p:32']));
    const audit = await query(`select actor_id, details from audit_events where action = 'opening.create' and target_id = '${o.id}'`);
    expect(audit).toEqual([{ actor_id: partner.user.id, details: { organizationId: ps.id, kind: 'job' } }]);
  });

  it('creates a training place with its duration, cost and certificate', async () => {
    const o = await created(otherPartner, training());
    expect(o).toMatchObject({ kind: 'training', durationWeeks: 8, costIdr: 0, certificateAwarded: 'food_handling', area: { province: 'Jawa Timur', regency: 'Kabupaten Malang' } });
  });

  it('takes a remote opening without an area, and a province-wide one with the province only', async () => {
    const remote = await created(partner, job({ areaCode: null, remote: true }));
    expect(remote).toMatchObject({ areaCode: null, area: null, remote: true });
    const wide = await created(partner, job({ areaCode: '32' }));
    expect(wide).toMatchObject({ areaCode: '32', area: { province: 'Jawa Barat', regency: null } });
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['no area and not remote', { areaCode: null }, { areaCode: 'required' }],
    ['an unknown area', { areaCode: '32.99' }, { areaCode: 'unknown_area' }],
    ['a malformed area', { areaCode: 'Indramayu' }, { areaCode: 'invalid_format' }],
    ['an unknown sector and occupation', { sector: 'Z99', occupation: '1234' }, { sector: 'invalid_choice', occupation: 'invalid_choice' }],
    ['no places', { places: 0 }, { places: 'too_small' }],
    ['a negative wage', { wageMinIdr: -1 }, { wageMinIdr: 'too_small' }],
    ['a maximum wage below the minimum', { wageMinIdr: 3_000_000, wageMaxIdr: 2_000_000 }, { wageMaxIdr: 'wage_below_min' }],
    ['a closing date in the past', { startOn: null, closesOn: dayFromToday(-1) }, { closesOn: 'in_past' }],
    ['an unknown skill and level', { requiredSkills: [{ code: 'juggling', level: 'expert' }] }, { 'requiredSkills.0.code': 'invalid_choice', 'requiredSkills.0.level': 'invalid_choice' }],
    ['the same skill twice', { requiredSkills: [{ code: 'sewing', level: 'basic' }, { code: 'sewing', level: 'advanced' }] }, { requiredSkills: 'duplicate' }],
    ['a malformed language', { requiredLanguages: ['bahasa'] }, { 'requiredLanguages.0': 'invalid_format' }],
    ['an unknown education level', { minEducation: 'phd' }, { minEducation: 'invalid_choice' }],
    ['an unknown certificate', { requiredCertificates: ['pilot'] }, { 'requiredCertificates.0': 'invalid_choice' }],
    ['an unknown contract and accommodation', { contractType: 'zero_hours', accommodation: 'tent' }, { contractType: 'invalid_choice', accommodation: 'invalid_choice' }],
    ['an unknown commitment', { commitments: ['free_lunch'] }, { 'commitments.0': 'invalid_choice' }],
    ['training fields on a job', { durationWeeks: 4, costIdr: 0, certificateAwarded: 'welding' }, { durationWeeks: 'not_allowed', costIdr: 'not_allowed', certificateAwarded: 'not_allowed' }],
    ['no title', { title: '  ' }, { title: 'required' }],
  ])('refuses %s with field codes and writes nothing', async (_label, over, fields) => {
    const title = `Lowongan ${tag()}`;
    const res = await post(partner, job({ title, ...over, ...('title' in over ? {} : { title }) }));
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.fields).toEqual(fields);
    expect((await query(`select count(*)::int as n from employment_openings where title = '${title}'`))[0].n).toBe(0);
  });

  it('refuses a training place without a duration, and a negative cost', async () => {
    const res = await post(otherPartner, training({ durationWeeks: null }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ durationWeeks: 'required' });
    const cost = await post(otherPartner, training({ costIdr: -5 }));
    expect(cost.body.error.fields).toEqual({ costIdr: 'too_small' });
  });

  it('is refused to case workers, supervisors and organisation administrators with 403', async () => {
    for (const c of [worker, supervisor, orgAdmin]) {
      const res = await post(c, job());
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });
});

describe('changing an opening', () => {
  it('changes only the fields sent, bumps the version, keeps the province in step and audits the field names', async () => {
    const o = await created(partner, job());
    const res = await partner.patch(`/api/v1/openings/${o.id}`, { version: 1, title: 'Penjahit senior', areaCode: '35.07', wageMaxIdr: null });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ title: 'Penjahit senior', areaCode: '35.07', area: { province: 'Jawa Timur' }, wageMinIdr: 2_800_000, wageMaxIdr: null, places: 5, version: 2 });
    const [row] = await query(`select province_code, match_keys from employment_openings where id = '${o.id}'`);
    expect(row.province_code).toBe('35');
    expect(row.match_keys).toContain('p:35');
    expect(row.match_keys).not.toContain('p:32');
    const audit = await query(`select details from audit_events where action = 'opening.update' and target_id = '${o.id}'`);
    expect(audit[0].details).toEqual({ organizationId: ps.id, status: 'draft', fields: ['title', 'areaCode', 'wageMaxIdr'] });
  });

  it('checks the opening as it would be after the change', async () => {
    const o = await created(partner, job());
    const res = await partner.patch(`/api/v1/openings/${o.id}`, { version: 1, wageMinIdr: 5_000_000 });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ wageMaxIdr: 'wage_below_min' });
    const cleared = await partner.patch(`/api/v1/openings/${o.id}`, { version: 1, title: null, sector: null });
    expect(cleared.status).toBe(400);
    const area = await partner.patch(`/api/v1/openings/${o.id}`, { version: 1, areaCode: '99.99' });
    expect(area.body.error.fields).toEqual({ areaCode: 'unknown_area' });
    expect((await query(`select version, wage_min_idr::integer as wage_min_idr from employment_openings where id = '${o.id}'`))[0]).toEqual({ version: 1, wage_min_idr: 2_800_000 });
  });

  it('lets a draft change kind, with the fields of its new kind', async () => {
    const o = await created(partner, job());
    const res = await partner.patch(`/api/v1/openings/${o.id}`, { version: 1, kind: 'training', durationWeeks: 6 });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ kind: 'training', durationWeeks: 6 });
  });

  it('keeps a published opening editable except its kind and, for a job, its commitments', async () => {
    const o = await published(partner, job());
    const ok = await partner.patch(`/api/v1/openings/${o.id}`, { version: o.version, places: 8 });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ status: 'published', places: 8, allowedActions: ['edit', 'close'] });
    const kind = await partner.patch(`/api/v1/openings/${o.id}`, { version: ok.body.version, kind: 'training', durationWeeks: 4 });
    expect(kind.status).toBe(400);
    expect(kind.body.error.fields).toEqual({ kind: 'not_allowed' });
    const commitments = await partner.patch(`/api/v1/openings/${o.id}`, { version: ok.body.version, commitments: ['no_fees'] });
    expect(commitments.status).toBe(409);
    expect(commitments.body.error).toMatchObject({ code: 'commitments_required', fields: { 'commitments.no_document_retention': 'required', 'commitments.written_contract': 'required' } });
  });

  it('refuses changes to a closed opening', async () => {
    const o = await created(partner, job());
    const closed = await partner.post(`/api/v1/openings/${o.id}/close`, { version: 1 });
    const res = await partner.patch(`/api/v1/openings/${o.id}`, { version: closed.body.version, places: 2 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('transition_not_allowed');
  });

  it('answers a stale version with 409 version_conflict holding the current opening', async () => {
    const o = await created(partner, job());
    expect((await partner.patch(`/api/v1/openings/${o.id}`, { version: 1, places: 2 })).status).toBe(200);
    const stale = await partner.patch(`/api/v1/openings/${o.id}`, { version: 1, places: 3 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.current).toMatchObject({ id: o.id, places: 2, version: 2 });
  });

  it('lets exactly one of several simultaneous changes from the same version win', async () => {
    const o = await created(partner, job());
    const results = await Promise.all([1, 2, 3, 4].map((places) => partner.patch(`/api/v1/openings/${o.id}`, { version: 1, places })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const [row] = await query(`select version from employment_openings where id = '${o.id}'`);
    expect(row.version).toBe(2);
    expect((await query(`select count(*)::int as n from audit_events where action = 'opening.update' and target_id = '${o.id}'`))[0].n).toBe(1);
  });

  it('lets exactly one of a simultaneous publish and close win', async () => {
    const o = await created(partner, job());
    const [a, b] = await Promise.all([partner.post(`/api/v1/openings/${o.id}/publish`, { version: 1 }), partner.post(`/api/v1/openings/${o.id}/close`, { version: 1 })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });
});

describe('publishing and closing', () => {
  it('publishes a complete job: it is open for matching and audited', async () => {
    const o = await published(partner, job());
    expect(o).toMatchObject({ status: 'published', openForMatching: true, version: 2, allowedActions: ['edit', 'close'] });
    expect(o.publishedAt).not.toBeNull();
    expect((await query(`select count(*)::int as n from audit_events where action = 'opening.publish' and target_id = '${o.id}'`))[0].n).toBe(1);
  });

  it('refuses to publish a job without all three commitments, naming the missing ones', async () => {
    const o = await created(partner, job({ commitments: ['no_fees'] }));
    const res = await partner.post(`/api/v1/openings/${o.id}/publish`, { version: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('commitments_required');
    expect(res.body.error.fields).toEqual({ 'commitments.no_document_retention': 'required', 'commitments.written_contract': 'required' });
    expect((await query(`select status, version from employment_openings where id = '${o.id}'`))[0]).toEqual({ status: 'draft', version: 1 });
  });

  it('publishes a training place without commitments', async () => {
    const o = await published(otherPartner, training({ commitments: [] }));
    expect(o.status).toBe('published');
  });

  it('refuses to publish once the closing date has passed', async () => {
    const o = await created(partner, job({ startOn: null }));
    await query(`update employment_openings set closes_on = '${dayFromToday(-2)}' where id = '${o.id}'`);
    const res = await partner.post(`/api/v1/openings/${o.id}/publish`, { version: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'closing_date_passed', fields: { closesOn: 'in_past' } });
  });

  it('refuses to publish twice, and a stale version', async () => {
    const o = await published(partner, job());
    const again = await partner.post(`/api/v1/openings/${o.id}/publish`, { version: o.version });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('transition_not_allowed');
    const d = await created(partner, job());
    const stale = await partner.post(`/api/v1/openings/${d.id}/publish`, { version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
  });

  it('closes a published opening: it leaves matching, has no actions left, and closing again is refused', async () => {
    const o = await published(partner, job());
    const res = await partner.post(`/api/v1/openings/${o.id}/close`, { version: o.version });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 'closed', openForMatching: false, allowedActions: [] });
    expect(res.body.closedAt).not.toBeNull();
    const again = await partner.post(`/api/v1/openings/${o.id}/close`, { version: res.body.version });
    expect(again.status).toBe(409);
    const reopen = await partner.post(`/api/v1/openings/${o.id}/publish`, { version: res.body.version });
    expect(reopen.status).toBe(409);
    expect((await query(`select count(*)::int as n from audit_events where action = 'opening.close' and target_id = '${o.id}'`))[0].n).toBe(1);
  });

  it('closes a draft', async () => {
    const o = await created(partner, job());
    const res = await partner.post(`/api/v1/openings/${o.id}/close`, { version: 1 });
    expect(res.body.status).toBe('closed');
  });
});

describe('who sees which opening', () => {
  it("answers 404 to a partner for another partner's opening, draft or published, on every route", async () => {
    const draft = await created(partner, job());
    const pub = await published(partner, job());
    for (const o of [draft, pub]) {
      expect((await otherPartner.get(`/api/v1/openings/${o.id}`)).status).toBe(404);
      expect((await otherPartner.patch(`/api/v1/openings/${o.id}`, { version: o.version, places: 9 })).status).toBe(404);
      expect((await otherPartner.post(`/api/v1/openings/${o.id}/publish`, { version: o.version })).status).toBe(404);
      expect((await otherPartner.post(`/api/v1/openings/${o.id}/close`, { version: o.version })).status).toBe(404);
    }
    const list = await otherPartner.get('/api/v1/openings?limit=100');
    expect(list.body.items.every((o: any) => o.organization.id === other.id)).toBe(true);
    expect((await query(`select places, status from employment_openings where id = '${pub.id}'`))[0]).toEqual({ places: 5, status: 'published' });
  });

  it('lets case workers and supervisors read published and closed openings, not drafts (404), and manage none (403)', async () => {
    const draft = await created(partner, job());
    const pub = await published(partner, job());
    for (const c of [worker, supervisor]) {
      expect((await c.get(`/api/v1/openings/${draft.id}`)).status).toBe(404);
      const read = await c.get(`/api/v1/openings/${pub.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: pub.id, status: 'published', allowedActions: [] });
      expect((await c.patch(`/api/v1/openings/${pub.id}`, { version: pub.version, places: 1 })).status).toBe(403);
      expect((await c.post(`/api/v1/openings/${pub.id}/close`, { version: pub.version })).status).toBe(403);
      expect((await c.post(`/api/v1/openings/${draft.id}/publish`, { version: 1 })).status).toBe(403);
    }
  });

  it('is refused to roles without opening.read (403)', async () => {
    const admin = await s.signedIn({ organizationId: dinsos.id, roles: ['org_admin'] });
    expect((await admin.get('/api/v1/openings')).status).toBe(403);
    const pub = await published(partner, job());
    expect((await admin.get(`/api/v1/openings/${pub.id}`)).status).toBe(403);
  });

  it('answers 404 for an unknown opening', async () => {
    expect((await partner.get('/api/v1/openings/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await worker.get('/api/v1/openings/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('lists', () => {
  it("gives a partner all of its own, any status, filtered by status, kind and words of the title", async () => {
    const t = tag();
    const d = await created(partner, job({ title: `Draf ${t}` }));
    const p = await published(partner, job({ title: `Terbit ${t}` }));
    const tr = await created(partner, training({ title: `Latih ${t}`, areaCode: '32.12' }));
    const all = await partner.get(`/api/v1/openings?q=${t}`);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((o: any) => o.id)).toEqual([tr.id, p.id, d.id]);
    expect((await partner.get(`/api/v1/openings?q=${t}&status=published`)).body.items.map((o: any) => o.id)).toEqual([p.id]);
    expect((await partner.get(`/api/v1/openings?q=${t}&kind=training`)).body.items.map((o: any) => o.id)).toEqual([tr.id]);
    const page = await partner.get(`/api/v1/openings?q=${t}&limit=2&offset=2`);
    expect(page.body).toMatchObject({ total: 3, items: [{ id: d.id }] });
  });

  it('gives case workers the published ones open for matching across the network, filtered by kind, sector, province and words', async () => {
    const t = tag();
    const sewing = await published(partner, job({ title: `Jahit ${t}`, sector: 'C14' }));
    const food = await published(partner, job({ title: `Makanan ${t}`, sector: 'C10', areaCode: '35.07' }));
    const school = await published(otherPartner, training({ title: `Kursus ${t}` }));
    await created(partner, job({ title: `Draf ${t}` }));
    const closed = await published(partner, job({ title: `Tutup ${t}` }));
    await partner.post(`/api/v1/openings/${closed.id}/close`, { version: closed.version });
    const expired = await published(partner, job({ title: `Lewat ${t}`, startOn: null }));
    await query(`update employment_openings set closes_on = '${dayFromToday(-1)}' where id = '${expired.id}'`);

    const ids = async (qs: string) => (await worker.get(`/api/v1/openings?q=${t}${qs}`)).body.items.map((o: any) => o.id).sort();
    expect(await ids('')).toEqual([sewing.id, food.id, school.id].sort());
    expect(await ids('&kind=training')).toEqual([school.id]);
    expect(await ids('&sector=C')).toEqual([sewing.id, food.id].sort());
    expect(await ids('&sector=C10')).toEqual([food.id]);
    expect(await ids('&province=35')).toEqual([food.id, school.id].sort());
    expect(await ids('&status=draft')).toEqual([sewing.id, food.id, school.id].sort());
    const byOrg = await supervisor.get(`/api/v1/openings?q=${encodeURIComponent(other.name)}`);
    expect(byOrg.body.items.map((o: any) => o.id)).toContain(school.id);
  });

  it('refuses unknown filters', async () => {
    const res = await worker.get('/api/v1/openings?sector=ZZ&province=Jawa');
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['province', 'sector']);
  });
});

describe('openForMatchingSql', () => {
  it('holds for published openings not past their closing date of active, unsuspended partners', async () => {
    const t = tag();
    const open = await published(partner, job({ title: `Buka ${t}` }));
    const noDate = await published(partner, job({ title: `Tanpa ${t}`, closesOn: null }));
    const today = await published(partner, job({ title: `Hari ${t}`, startOn: null, closesOn: dayFromToday(0) }));
    const draft = await created(partner, job({ title: `Draf ${t}` }));
    const inactive = await partnerOrg(s);
    const inactiveUser = await partnerUser(s, inactive.id);
    const ofInactive = await published(inactiveUser, job({ title: `Nonaktif ${t}` }));
    await query(`update organizations set active = false where id = '${inactive.id}'`);
    const rows = await s.database.db.execute(
      sql`select o.id from employment_openings o where o.title like ${'%' + t} and ${openForMatchingSql('o')} order by o.id`,
    );
    const ids = (rows as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
    expect(ids.sort()).toEqual([open.id, noDate.id, today.id].sort());
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(ofInactive.id);
  });
});
