// Service suggestions: the ranking on hand-built services (so that each reason and each place in
// the order can be argued for), then the query and the route on the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { termByCode } from '../directory/taxonomy.js';
import { rankServices, scoreService, type Candidate, type SuggestionPerson } from './suggestions.js';
import { makeService, makeWorld, recordConsent, referralBody, referralCase, type World } from './test-fixtures.js';

const mh = termByCode.get('mental_health')!.id;
const person: SuggestionPerson = { villageCode: '35.07.01.2001', languages: ['jv', 'id'], sex: 'female', age: 31, caseType: 'presumed_victim', direction: 'inbound' };

let n = 0;
function svc(over: Partial<Candidate> & { name: string }): Candidate {
  return {
    id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    organization: { id: 'org', name: 'Yayasan', type: 'ngo' },
    termIds: [mh],
    languages: ['id'],
    eligibleSexes: [],
    minAge: null,
    maxAge: null,
    eligibleCaseTypes: [],
    eligibleDirections: [],
    nationwide: false,
    areaCodes: ['35.07'],
    capacityTotal: null,
    capacityFree: null,
    maxOpenReferrals: null,
    openReferrals: 0,
    referralsAnswered: 0,
    referralsAccepted: 0,
    responseHoursTotal: 0,
    ...over,
  };
}

describe('the ranking', () => {
  const local = svc({ name: 'Konseling desa', areaCodes: ['35.07.01'], languages: ['jv', 'id'], capacityFree: 3, capacityTotal: 10, referralsAnswered: 10, referralsAccepted: 9, responseHoursTotal: 200 });
  const regency = svc({ name: 'Konseling kabupaten', areaCodes: ['35.07'] });
  const national = svc({ name: 'Layanan nasional', nationwide: true, areaCodes: [], languages: ['id', 'en'], capacityFree: 0, referralsAnswered: 10, referralsAccepted: 2, responseHoursTotal: 1500 });
  const elsewhere = svc({ name: 'Konseling Semarang', areaCodes: ['33.74'], languages: ['jv', 'id'], capacityFree: 5, referralsAnswered: 20, referralsAccepted: 19, responseHoursTotal: 100 });
  const menOnly = svc({ name: 'Rumah aman laki-laki', areaCodes: ['35.07.01'], eligibleSexes: ['male'], languages: ['jv'], capacityFree: 4 });
  const children = svc({ name: 'Layanan anak', areaCodes: ['35'], maxAge: 17 });
  const full = svc({ name: 'Kuota penuh', areaCodes: ['35'], maxOpenReferrals: 2, openReferrals: 2 });
  const arabic = svc({ name: 'Layanan berbahasa Arab', areaCodes: ['35'], languages: ['ar'] });
  const all = [national, children, arabic, elsewhere, menOnly, full, regency, local];

  it('puts eligible covering services first, outside ones after them, ineligible ones last', () => {
    const ranked = rankServices(person, all, [mh]);
    expect(ranked.map((r) => r.candidate.name)).toEqual([
      'Konseling desa',
      'Konseling kabupaten',
      'Kuota penuh',
      'Layanan berbahasa Arab',
      'Layanan nasional',
      'Konseling Semarang',
      'Rumah aman laki-laki',
      'Layanan anak',
    ]);
    expect(ranked.map((r) => r.tier)).toEqual([0, 0, 0, 0, 0, 1, 2, 2]);
    for (const r of ranked) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    // Within a tier, by score.
    const tier0 = ranked.filter((r) => r.tier === 0).map((r) => r.score);
    expect([...tier0].sort((a, b) => b - a)).toEqual(tier0);
    // The outside service scores more than some covering ones, and still comes after them.
    expect(ranked[5].score).toBeGreaterThan(ranked[4].score);
  });

  it('says why, need first and then by the weight of the component', () => {
    const [best] = rankServices(person, all, [mh]);
    expect(best.reasons).toEqual([
      { code: 'serves_need', detail: 'mental_health' },
      { code: 'covers_district', detail: '35.07.01' },
      { code: 'eligible' },
      { code: 'speaks_language', detail: 'jv' },
      { code: 'has_capacity', detail: '3' },
      { code: 'accepts_often', detail: '90' },
      { code: 'answers_quickly', detail: '20' },
    ]);
    expect(scoreService(person, national, [mh]).reasons).toEqual([
      { code: 'serves_need', detail: 'mental_health' },
      { code: 'nationwide' },
      { code: 'eligible' },
      { code: 'speaks_language', detail: 'id' },
      { code: 'no_capacity' },
      { code: 'accepts_rarely', detail: '20' },
      { code: 'answers_slowly', detail: '150' },
    ]);
    expect(scoreService(person, regency, [mh]).reasons.map((r) => r.code)).toEqual(['serves_need', 'covers_regency', 'eligible', 'speaks_language', 'capacity_unknown', 'no_record']);
    expect(scoreService(person, elsewhere, [mh]).reasons[1]).toEqual({ code: 'outside_area' });
    expect(scoreService(person, menOnly, [mh]).reasons[2]).toEqual({ code: 'not_eligible', detail: 'sex' });
    expect(scoreService(person, children, [mh]).reasons[2]).toEqual({ code: 'not_eligible', detail: 'age' });
    expect(scoreService(person, full, [mh]).reasons).toContainEqual({ code: 'no_capacity' });
    expect(scoreService(person, arabic, [mh]).reasons).toContainEqual({ code: 'no_common_language' });
    const strict = svc({ name: 'x', eligibleCaseTypes: ['victim_of_trafficking'], eligibleDirections: ['outbound'] });
    expect(scoreService(person, strict, [mh]).reasons.filter((r) => r.code === 'not_eligible')).toEqual([
      { code: 'not_eligible', detail: 'case_type' },
      { code: 'not_eligible', detail: 'direction' },
    ]);
  });

  it('prefers the closer area, the own language, free places and a good record, one at a time', () => {
    const score = (c: Candidate) => scoreService(person, c, [mh]).score;
    const base = { name: 'x', areaCodes: ['35.07'] };
    expect(score(svc({ ...base, areaCodes: ['35.07.01.2001'] }))).toBeGreaterThan(score(svc({ ...base, areaCodes: ['35.07.01'] })));
    expect(score(svc({ ...base, areaCodes: ['35.07.01'] }))).toBeGreaterThan(score(svc({ ...base, areaCodes: ['35.07'] })));
    expect(score(svc({ ...base, areaCodes: ['35.07'] }))).toBeGreaterThan(score(svc({ ...base, areaCodes: ['35'] })));
    expect(score(svc({ ...base, areaCodes: ['35'] }))).toBeGreaterThan(score(svc({ ...base, areaCodes: [], nationwide: true })));
    expect(score(svc({ ...base, languages: ['jv'] }))).toBeGreaterThan(score(svc({ ...base, languages: ['id'] })));
    expect(score(svc({ ...base, languages: ['id'] }))).toBeGreaterThan(score(svc({ ...base, languages: [] })));
    expect(score(svc({ ...base, languages: [] }))).toBeGreaterThan(score(svc({ ...base, languages: ['ar'] })));
    expect(score(svc({ ...base, capacityFree: 1 }))).toBeGreaterThan(score(svc({ ...base })));
    expect(score(svc({ ...base }))).toBeGreaterThan(score(svc({ ...base, capacityFree: 0 })));
    expect(score(svc({ ...base, maxOpenReferrals: 3, openReferrals: 2 }))).toBeGreaterThan(score(svc({ ...base, maxOpenReferrals: 3, openReferrals: 3 })));
    // A long good record beats one lucky answer, which the prior keeps near the middle.
    const lucky = svc({ ...base, referralsAnswered: 1, referralsAccepted: 1, responseHoursTotal: 2 });
    const proven = svc({ ...base, referralsAnswered: 30, referralsAccepted: 27, responseHoursTotal: 30 * 6 });
    expect(score(proven)).toBeGreaterThan(score(lucky));
    expect(scoreService(person, lucky, [mh]).reasons).toContainEqual({ code: 'no_record' });
  });

  it('judges coverage by nationwide only when the home village is not recorded', () => {
    const unknown = { ...person, villageCode: null };
    expect(scoreService(unknown, svc({ name: 'x', areaCodes: ['35.07'] }), [mh]).reasons[1]).toEqual({ code: 'area_unknown' });
    expect(scoreService(unknown, svc({ name: 'x', nationwide: true, areaCodes: [] }), [mh]).reasons[1]).toEqual({ code: 'nationwide' });
    expect(scoreService(unknown, svc({ name: 'x', areaCodes: ['35.07'] }), [mh]).tier).toBe(0);
    // An unknown age meets any age rule.
    expect(scoreService({ ...person, age: null }, svc({ name: 'x', maxAge: 17 }), [mh]).tier).toBe(0);
  });

  it('returns at most the limit, in a stable order for equal scores', () => {
    const many = Array.from({ length: 15 }, (_, i) => svc({ name: `Layanan ${String.fromCharCode(65 + (i % 3))}` }));
    const ranked = rankServices(person, many, [mh]);
    expect(ranked).toHaveLength(10);
    expect(rankServices(person, [...many].reverse(), [mh]).map((r) => r.candidate.id)).toEqual(ranked.map((r) => r.candidate.id));
  });
});

describe('suggestions through the API', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  }, 120_000);
  afterAll(() => w?.s.close());

  it('ranks the services of other organisations for a need of the case, with reasons and the provider record', async () => {
    const c = await referralCase(w);
    const closedOrg = await w.s.org({ type: 'ngo', active: false });
    const near = await makeService(w, { organizationId: w.ngo.id, termCodes: ['mental_health'], name: 'Konseling Donomulyo', areaCodes: ['35.07.01'], languages: ['jv', 'id'], capacityFree: 2, capacityTotal: 6 });
    const far = await makeService(w, { organizationId: w.ngo2.id, termCodes: ['mental_health', 'medical_care'], name: 'Konseling Semarang', areaCodes: ['33.74'], languages: ['id'] });
    const country = await makeService(w, { organizationId: w.ngo2.id, termCodes: ['mental_health'], name: 'Hotline nasional', nationwide: true, languages: ['id'], maxOpenReferrals: 1 });
    await makeService(w, { organizationId: w.dinsos.id, termCodes: ['mental_health'], name: 'Layanan sendiri', areaCodes: ['35.07.01'] });
    await makeService(w, { organizationId: w.ngo.id, termCodes: ['mental_health'], name: 'Tutup', status: 'inactive', areaCodes: ['35.07.01'] });
    await makeService(w, { organizationId: closedOrg.id, termCodes: ['mental_health'], name: 'Lembaga nonaktif', areaCodes: ['35.07.01'] });
    await makeService(w, { organizationId: w.ngo.id, termCodes: ['legal_aid'], name: 'Bantuan hukum', areaCodes: ['35.07.01'] });
    // One open referral to the national hotline fills its limit.
    await recordConsent(w, c.id, { organizationId: w.ngo2.id });
    expect((await w.worker.post(`/api/v1/cases/${c.id}/referrals`, referralBody(w.ngo2.id, [c.needIds[1]], { serviceId: country.id }))).status).toBe(201);

    const res = await w.worker.get(`/api/v1/cases/${c.id}/service-suggestions?needId=${c.needIds[0]}`);
    expect(res.status).toBe(200);
    expect(res.body.need).toEqual({ id: c.needIds[0], type: 'counselling' });
    expect(res.body.items.map((i: any) => i.service.name)).toEqual(['Konseling Donomulyo', 'Hotline nasional', 'Konseling Semarang']);
    const [first, second, third] = res.body.items;
    expect(first).toMatchObject({
      service: { id: near.id, organization: { id: w.ngo.id, type: 'ngo' }, termCodes: ['mental_health'], languages: ['jv', 'id'] },
      capacity: { free: 2, total: 6, maxOpenReferrals: null, openReferrals: null },
      acceptanceRate: null,
      meanResponseHours: null,
    });
    expect(first.reasons.map((r: any) => r.code)).toEqual(['serves_need', 'covers_district', 'eligible', 'speaks_language', 'has_capacity', 'no_record']);
    expect(second.capacity).toEqual({ free: null, total: null, maxOpenReferrals: 1, openReferrals: 1 });
    expect(second.reasons.map((r: any) => r.code)).toContain('no_capacity');
    expect(third.service.id).toBe(far.id);
    expect(third.reasons[1]).toEqual({ code: 'outside_area' });
    expect(first.score).toBeGreaterThan(second.score);

    const [a] = await w.query(`select details from audit_events where action = 'referral.suggestions' order by seq desc limit 1`);
    expect(a.details).toEqual({ needId: c.needIds[0], count: 3 });
    const other = await referralCase(w);
    const bad = await w.worker.get(`/api/v1/cases/${c.id}/service-suggestions?needId=${other.needIds[0]}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ needId: 'unknown_need' });
    expect((await w.worker2.get(`/api/v1/cases/${c.id}/service-suggestions?needId=${c.needIds[0]}`)).status).toBe(404);
    expect((await w.focal.get(`/api/v1/cases/${c.id}/service-suggestions?needId=${c.needIds[0]}`)).status).toBe(404);
  });
});
