import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../test/support/database.js';
import { startServer, type Client, type TestServer, type TestUser } from '../../test/support/server.js';
import { makeCase } from '../case-records/test-fixtures.js';
import { referrals } from '../platform/db/schema.js';

let s: TestServer;
let ownOrg: { id: string; name: string };
let otherOrg: { id: string; name: string };
let orgAdmin: Client & { user: TestUser };
let otherAdmin: Client & { user: TestUser };
let sysAdmin: Client & { user: TestUser };
let supervisor: Client & { user: TestUser };
let focalPoint: Client & { user: TestUser };
let caseWorker: Client & { user: TestUser };
let ownLocation: string;
let otherLocation: string;

const query = (text: string) => rawQuery(s.database, text) as Promise<Record<string, any>[]>;
const unique = (label: string) => `${label} ${randomBytes(4).toString('hex')}`;
const countServices = async () => (await query('select count(*)::int as n from services'))[0].n as number;
const countAudit = async (action: string) => (await query(`select count(*)::int as n from audit_events where action = '${action}'`))[0].n as number;

const minimal = (extra: Record<string, unknown> = {}) => ({ name: unique('Layanan Konseling'), termCodes: ['mental_health'], ...extra });

const full = () => ({
  name: unique('Rumah Aman Surabaya'),
  alternateName: 'RPTC',
  description: 'Tempat tinggal sementara yang aman bagi korban perdagangan orang.',
  url: 'https://rumahaman.example.org',
  email: 'layanan@rumahaman.example.org',
  termCodes: ['shelter', 'mental_health', 'shelter'],
  languages: ['id', 'jv'],
  eligibility: { sexes: ['female'], minAge: 12, maxAge: 60, caseTypes: ['victim_of_trafficking'], directions: ['inbound'], note: 'Perempuan dan anak.' },
  cost: { kind: 'free', note: null },
  hours: [
    { days: [5, 1, 2, 3, 4], opens: '08:00', closes: '16:00' },
    { days: [6], opens: '09:00', closes: '12:00' },
  ],
  hoursNote: 'Darurat 24 jam lewat hotline.',
  phones: [
    { number: '0812-3456-7890', kind: 'whatsapp', description: 'Admin' },
    { number: '+62 31 1234567', kind: 'voice' },
  ],
  contacts: [{ name: 'Ibu Ratna', title: 'Koordinator', email: 'ratna@rumahaman.example.org', phone: '081234567891' }],
  areaCodes: ['35', '35.78', '35.78.01', '35'],
  requiredDocuments: ['ktp', 'referral_letter'],
  requiredDocumentsNote: 'KTP boleh menyusul.',
  capacity: { total: 20, free: 5 },
  locationIds: [ownLocation],
});

beforeAll(async () => {
  s = await startServer();
  ownOrg = await s.org({ name: unique('Dinas Sosial Jawa Timur'), acronym: 'DINSOS' });
  otherOrg = await s.org({ name: unique('Yayasan Lain') });
  const home = await s.org();
  orgAdmin = await s.signedIn({ organizationId: ownOrg.id, roles: ['org_admin'] });
  otherAdmin = await s.signedIn({ organizationId: otherOrg.id, roles: ['org_admin'] });
  sysAdmin = await s.signedIn({ organizationId: home.id, roles: ['system_admin'] });
  supervisor = await s.signedIn({ organizationId: ownOrg.id, roles: ['supervisor'] });
  focalPoint = await s.signedIn({ organizationId: ownOrg.id, roles: ['service_focal_point'] });
  caseWorker = await s.signedIn({ organizationId: ownOrg.id, roles: ['case_worker'] });
  const a = await orgAdmin.post('/api/v1/locations', { name: 'Kantor Karang Pilang', address: 'Jl. Mastrip 1', areaCode: '35.78.01.1001' });
  expect(a.status, a.text).toBe(201);
  ownLocation = a.body.id;
  const b = await otherAdmin.post('/api/v1/locations', { name: 'Kantor Lain', address: 'Jl. Lain 2', areaCode: '35.78.01' });
  expect(b.status, b.text).toBe(201);
  otherLocation = b.body.id;
});
afterAll(() => s?.close());

describe('publishing a service', () => {
  it('answers 201 with the management view, normalised phones, area names and the location', async () => {
    const body = full();
    const res = await orgAdmin.post('/api/v1/services', body);
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      organization: { id: ownOrg.id, name: ownOrg.name, acronym: 'DINSOS', type: 'local_government' },
      name: body.name,
      alternateName: 'RPTC',
      url: 'https://rumahaman.example.org',
      status: 'active',
      termCodes: ['shelter', 'mental_health'],
      languages: ['id', 'jv'],
      eligibility: { sexes: ['female'], minAge: 12, maxAge: 60, caseTypes: ['victim_of_trafficking'], directions: ['inbound'], note: 'Perempuan dan anak.' },
      cost: { kind: 'free', note: null },
      hours: [
        { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '16:00' },
        { days: [6], opens: '09:00', closes: '12:00' },
      ],
      phones: [
        { number: '+6281234567890', kind: 'whatsapp', description: 'Admin' },
        { number: '+62311234567', kind: 'voice', description: null },
      ],
      contacts: [{ name: 'Ibu Ratna', title: 'Koordinator', email: 'ratna@rumahaman.example.org', phone: '+6281234567891' }],
      serviceArea: {
        nationwide: false,
        areas: [
          { code: '35', name: 'Jawa Timur', level: 'province' },
          { code: '35.78', name: 'Kota Surabaya', level: 'regency' },
          { code: '35.78.01', name: 'Karang Pilang', level: 'district' },
        ],
      },
      requiredDocuments: ['ktp', 'referral_letter'],
      capacity: { total: 20, free: 5, maxOpenReferrals: null, openReferrals: 0 },
      locations: [{ id: ownLocation, name: 'Kantor Karang Pilang', areaCode: '35.78.01.1001', areaName: 'Karang Pilang', regencyName: 'Kota Surabaya', provinceName: 'Jawa Timur' }],
      lastConfirmedBy: { id: orgAdmin.user.id },
      version: 1,
    });
    expect(res.body.capacity.updatedAt).not.toBeNull();
    const [row] = await query(`select search_text, last_confirmed_by_id from services where id = '${res.body.id}'`);
    expect(row.search_text).toContain(body.name.toLowerCase());
    expect(row.search_text).toContain('rptc');
    expect(row.search_text).toContain('dinsos');
    expect(row.search_text).toContain('rumah aman dan penampungan');
    expect(row.search_text).toContain('mental health and psychosocial support');
    const audit = await query(`select details, target_type, outcome from audit_events where action = 'directory.service.create' and target_id = '${res.body.id}'`);
    expect(audit).toEqual([
      { target_type: 'service', outcome: 'success', details: { organizationId: ownOrg.id, termCodes: ['shelter', 'mental_health'], status: 'active', locationIds: [ownLocation] } },
    ]);
  });

  it('takes defaults for what is not sent, and leaves capacity unset', async () => {
    const res = await orgAdmin.post('/api/v1/services', minimal());
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      description: '',
      status: 'active',
      languages: [],
      eligibility: { sexes: [], minAge: null, maxAge: null, caseTypes: [], directions: [], note: null },
      cost: { kind: 'free', note: null },
      hours: [],
      phones: [],
      serviceArea: { nationwide: false, areas: [] },
      capacity: { total: null, free: null, maxOpenReferrals: null, openReferrals: 0, updatedAt: null },
      locations: [],
    });
  });

  it('reads back one service', async () => {
    const created = await orgAdmin.post('/api/v1/services', minimal({ nationwide: true }));
    const res = await orgAdmin.get(`/api/v1/services/${created.body.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created.body);
  });
});

describe('bad input: a clear error per field and nothing written', () => {
  const cases: [string, () => Record<string, unknown>, Record<string, string>][] = [
    ['an unknown term', () => minimal({ termCodes: ['shelter', 'karaoke'] }), { termCodes: 'unknown_term' }],
    ['a group instead of a term', () => minimal({ termCodes: ['justice'] }), { termCodes: 'term_is_group' }],
    ['no term', () => minimal({ termCodes: [] }), { termCodes: 'required' }],
    ['an unknown area', () => minimal({ areaCodes: ['35', '99.99'] }), { areaCodes: 'unknown_area' }],
    ['a village as an area served', () => minimal({ areaCodes: ['35.78.01.1001'] }), { areaCodes: 'area_too_detailed' }],
    ['areas with nationwide', () => minimal({ nationwide: true, areaCodes: ['35'] }), { areaCodes: 'nationwide_with_areas' }],
    ['a maximum age below the minimum', () => minimal({ eligibility: { minAge: 30, maxAge: 18 } }), { 'eligibility.maxAge': 'below_min' }],
    ['an age over 120', () => minimal({ eligibility: { maxAge: 121 } }), { 'eligibility.maxAge': 'too_large' }],
    ['a phone that is not a number', () => minimal({ phones: [{ number: '12' }] }), { 'phones.0.number': 'invalid_phone' }],
    ["a contact's bad phone", () => minimal({ contacts: [{ name: 'Budi', phone: '+1' }] }), { 'contacts.0.phone': 'invalid_phone' }],
    ["a contact's bad email", () => minimal({ contacts: [{ name: 'Budi', email: 'budi@' }] }), { 'contacts.0.email': 'invalid_email' }],
    ['closing before opening', () => minimal({ hours: [{ days: [1], opens: '16:00', closes: '08:00' }] }), { 'hours.0.closes': 'closes_before_opens' }],
    ['a day outside 1..7', () => minimal({ hours: [{ days: [8], opens: '08:00', closes: '16:00' }] }), { 'hours.0.days.0': 'too_large' }],
    ['a time not HH:MM', () => minimal({ hours: [{ days: [1], opens: '8', closes: '16:00' }] }), { 'hours.0.opens': 'invalid_format' }],
    ['hours without days', () => minimal({ hours: [{ days: [], opens: '08:00', closes: '16:00' }] }), { 'hours.0.days': 'required' }],
    ['a language outside the list', () => minimal({ languages: ['id', 'klingon'] }), { languages: 'invalid_choice' }],
    ['a case type outside the list', () => minimal({ eligibility: { caseTypes: ['tourist'] } }), { 'eligibility.caseTypes': 'invalid_choice' }],
    ['a direction outside the list', () => minimal({ eligibility: { directions: ['sideways'] } }), { 'eligibility.directions': 'invalid_choice' }],
    ['a sex outside the list', () => minimal({ eligibility: { sexes: ['other'] } }), { 'eligibility.sexes': 'invalid_choice' }],
    ['a document outside the list', () => minimal({ requiredDocuments: ['horoscope'] }), { requiredDocuments: 'invalid_choice' }],
    ['a cost kind outside the list', () => minimal({ cost: { kind: 'barter' } }), { 'cost.kind': 'invalid_choice' }],
    ['a status outside the list', () => minimal({ status: 'closed' }), { status: 'invalid_choice' }],
    ['a non-web URL', () => minimal({ url: 'ftp://files.example.org' }), { url: 'invalid_url' }],
    ['a URL that is not one', () => minimal({ url: 'rumah aman' }), { url: 'invalid_url' }],
    ['a bad email', () => minimal({ email: 'layanan' }), { email: 'invalid_email' }],
    ["another organisation's location", () => minimal({ locationIds: [otherLocation] }), { locationIds: 'unknown_location' }],
    ['an unknown location', () => minimal({ locationIds: ['00000000-0000-4000-8000-000000000000'] }), { locationIds: 'unknown_location' }],
    ['more free places than places', () => minimal({ capacity: { total: 3, free: 4 } }), { 'capacity.free': 'above_total' }],
    ['negative capacity', () => minimal({ capacity: { total: -1 } }), { 'capacity.total': 'too_small' }],
    ['a one-letter name', () => minimal({ name: 'X' }), { name: 'too_short' }],
  ];

  it.each(cases)('refuses %s', async (_label, body, fields) => {
    const before = await countServices();
    const audits = await countAudit('directory.service.create');
    const res = await orgAdmin.post('/api/v1/services', body());
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.fields).toEqual(fields);
    expect(await countServices()).toBe(before);
    expect(await countAudit('directory.service.create')).toBe(audits);
  });

  it('reports several bad fields at once', async () => {
    const res = await orgAdmin.post('/api/v1/services', minimal({ termCodes: ['karaoke'], areaCodes: ['99'], phones: [{ number: 'abc' }], url: 'mailto:x@example.org' }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ termCodes: 'unknown_term', areaCodes: 'unknown_area', 'phones.0.number': 'invalid_phone', url: 'invalid_url' });
  });

  it('refuses bad input to a change and keeps the stored service', async () => {
    const created = await orgAdmin.post('/api/v1/services', minimal());
    const res = await orgAdmin.patch(`/api/v1/services/${created.body.id}`, { version: 1, name: 'Nama Baru', termCodes: ['karaoke'] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ termCodes: 'unknown_term' });
    const [row] = await query(`select name, version from services where id = '${created.body.id}'`);
    expect(row).toEqual({ name: created.body.name, version: 1 });
  });

  it('checks a change against what is stored: areas on a nationwide service, free places above the stored total', async () => {
    const created = await orgAdmin.post('/api/v1/services', minimal({ nationwide: true, capacity: { total: 5, free: 2 } }));
    const areas = await orgAdmin.patch(`/api/v1/services/${created.body.id}`, { version: 1, areaCodes: ['35'] });
    expect(areas.body.error.fields).toEqual({ areaCodes: 'nationwide_with_areas' });
    const free = await orgAdmin.patch(`/api/v1/services/${created.body.id}/capacity`, { version: 1, free: 6 });
    expect(free.status).toBe(400);
    expect(free.body.error.fields).toEqual({ free: 'above_total' });
    // Both in one change is fine.
    const ok = await orgAdmin.patch(`/api/v1/services/${created.body.id}`, { version: 1, nationwide: false, areaCodes: ['35'] });
    expect(ok.status, ok.text).toBe(200);
  });
});

describe('who may do what', () => {
  let own: any;
  let other: any;
  beforeAll(async () => {
    own = (await orgAdmin.post('/api/v1/services', minimal())).body;
    other = (await otherAdmin.post('/api/v1/services', minimal())).body;
  });

  it("lets a system administrator publish for any organisation, and refuses an unknown one", async () => {
    const res = await sysAdmin.post('/api/v1/services', minimal({ organizationId: otherOrg.id }));
    expect(res.status, res.text).toBe(201);
    expect(res.body.organization.id).toBe(otherOrg.id);
    const unknown = await sysAdmin.post('/api/v1/services', minimal({ organizationId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual({ organizationId: 'unknown_organization' });
  });

  it("answers 404 to an organisation administrator publishing for another organisation, and writes nothing", async () => {
    const before = await countServices();
    const res = await orgAdmin.post('/api/v1/services', minimal({ organizationId: otherOrg.id }));
    expect(res.status).toBe(404);
    expect(await countServices()).toBe(before);
    const loc = await orgAdmin.post('/api/v1/locations', { organizationId: otherOrg.id, name: 'Bukan Milikku', address: 'Jl. X', areaCode: '35.78.01' });
    expect(loc.status).toBe(404);
  });

  it('refuses publishing and changing to supervisors, focal points and case workers with 403', async () => {
    for (const c of [supervisor, focalPoint, caseWorker]) {
      expect((await c.post('/api/v1/services', minimal())).status).toBe(403);
      expect((await c.patch(`/api/v1/services/${own.id}`, { version: own.version, name: 'Diubah' })).status).toBe(403);
      expect((await c.post(`/api/v1/services/${own.id}/confirm`, { version: own.version })).status).toBe(403);
      expect((await c.post('/api/v1/locations', { name: 'Kantor', address: 'Jl. Y', areaCode: '35.78.01' })).status).toBe(403);
      expect((await c.patch(`/api/v1/locations/${ownLocation}`, { version: 1, name: 'Diubah' })).status).toBe(403);
    }
  });

  it("lets supervisors and focal points read their organisation's services and locations, but not another's", async () => {
    for (const c of [supervisor, focalPoint, orgAdmin]) {
      const list = await c.get('/api/v1/services?limit=200');
      expect(list.status).toBe(200);
      expect(list.body.items.map((x: any) => x.id)).toContain(own.id);
      expect(list.body.items.every((x: any) => x.organization.id === ownOrg.id)).toBe(true);
      expect((await c.get(`/api/v1/services/${own.id}`)).status).toBe(200);
      expect((await c.get(`/api/v1/services/${other.id}`)).status).toBe(404);
      expect((await c.get(`/api/v1/services?organizationId=${otherOrg.id}`)).status).toBe(404);
      expect((await c.get('/api/v1/locations')).status).toBe(200);
      expect((await c.get(`/api/v1/locations/${otherLocation}`)).status).toBe(404);
      expect((await c.get(`/api/v1/locations?organizationId=${otherOrg.id}`)).status).toBe(404);
    }
  });

  it('refuses the management view to case workers with 403', async () => {
    expect((await caseWorker.get('/api/v1/services')).status).toBe(403);
    expect((await caseWorker.get(`/api/v1/services/${own.id}`)).status).toBe(403);
    expect((await caseWorker.get('/api/v1/locations')).status).toBe(403);
  });

  it("lets a system administrator read any organisation's services", async () => {
    const res = await sysAdmin.get(`/api/v1/services?organizationId=${otherOrg.id}&limit=200`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((x: any) => x.id)).toContain(other.id);
    expect((await sysAdmin.get(`/api/v1/services/${other.id}`)).status).toBe(200);
  });

  it("answers 404 to an organisation administrator changing another organisation's service or location, and records the denial", async () => {
    expect((await orgAdmin.patch(`/api/v1/services/${other.id}`, { version: 1, name: 'Rebut' })).status).toBe(404);
    expect((await orgAdmin.post(`/api/v1/services/${other.id}/confirm`, { version: 1 })).status).toBe(404);
    expect((await orgAdmin.patch(`/api/v1/services/${other.id}/capacity`, { version: 1, free: 1 })).status).toBe(404);
    expect((await orgAdmin.patch(`/api/v1/locations/${otherLocation}`, { version: 1, name: 'Rebut' })).status).toBe(404);
    const [row] = await query(`select name, version from services where id = '${other.id}'`);
    expect(row).toEqual({ name: other.name, version: 1 });
    const denied = await query(`select details from audit_events where action = 'permission.denied' and target_id = '${other.id}' and actor_id = '${orgAdmin.user.id}'`);
    expect(denied.length).toBeGreaterThanOrEqual(3);
  });

  it('answers 404 for an unknown service', async () => {
    expect((await orgAdmin.get('/api/v1/services/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await sysAdmin.patch('/api/v1/services/00000000-0000-4000-8000-000000000000', { version: 1, name: 'Tidak Ada' })).status).toBe(404);
  });

  it("lets focal points and supervisors update capacity of their own organisation's services only", async () => {
    const fresh = (await orgAdmin.post('/api/v1/services', minimal())).body;
    const a = await focalPoint.patch(`/api/v1/services/${fresh.id}/capacity`, { version: 1, total: 10, free: 3 });
    expect(a.status, a.text).toBe(200);
    const b = await supervisor.patch(`/api/v1/services/${fresh.id}/capacity`, { version: 2, free: 2 });
    expect(b.status, b.text).toBe(200);
    expect(b.body.capacity).toMatchObject({ total: 10, free: 2 });
    expect((await focalPoint.patch(`/api/v1/services/${other.id}/capacity`, { version: 1, free: 1 })).status).toBe(404);
    expect((await caseWorker.patch(`/api/v1/services/${fresh.id}/capacity`, { version: 3, free: 1 })).status).toBe(403);
  });
});

describe('changing a service', () => {
  it('applies a change based on the current version, keeps updated_at current and audits the fields', async () => {
    const created = (await orgAdmin.post('/api/v1/services', full())).body;
    await new Promise((r) => setTimeout(r, 5));
    const res = await orgAdmin.patch(`/api/v1/services/${created.id}`, {
      version: 1,
      status: 'temporarily closed',
      termCodes: ['legal_aid'],
      locationIds: [],
      eligibility: { sexes: ['male', 'female'] },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      status: 'temporarily closed',
      termCodes: ['legal_aid'],
      locations: [],
      eligibility: { sexes: ['male', 'female'], minAge: null, maxAge: null, caseTypes: [], directions: [] },
      languages: ['id', 'jv'],
      version: 2,
    });
    expect(new Date(res.body.updatedAt).getTime()).toBeGreaterThan(new Date(created.updatedAt).getTime());
    expect(res.body.lastConfirmedAt).toBe(created.lastConfirmedAt);
    const [row] = await query(`select search_text from services where id = '${created.id}'`);
    expect(row.search_text).toContain('bantuan hukum');
    expect(row.search_text).not.toContain('penampungan');
    const audit = await query(`select details from audit_events where action = 'directory.service.update' and target_id = '${created.id}'`);
    expect(audit).toEqual([
      { details: { organizationId: ownOrg.id, fields: ['status', 'termCodes', 'eligibility', 'locationIds'], status: 'temporarily closed', locationIds: [] } },
    ]);
    expect((await query(`select count(*)::int as n from service_at_locations where service_id = '${created.id}'`))[0].n).toBe(0);
  });

  it('answers a stale version with 409 version_conflict holding the current record, and changes nothing', async () => {
    const created = (await orgAdmin.post('/api/v1/services', minimal())).body;
    expect((await orgAdmin.patch(`/api/v1/services/${created.id}`, { version: 1, hoursNote: 'Pertama' })).status).toBe(200);
    const stale = await orgAdmin.patch(`/api/v1/services/${created.id}`, { version: 1, hoursNote: 'Kedua' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.current).toMatchObject({ id: created.id, hoursNote: 'Pertama', version: 2 });
    expect((await query(`select hours_note, version from services where id = '${created.id}'`))[0]).toEqual({ hours_note: 'Pertama', version: 2 });
    for (const path of [`/api/v1/services/${created.id}/confirm`]) expect((await orgAdmin.post(path, { version: 1 })).status).toBe(409);
    expect((await orgAdmin.patch(`/api/v1/services/${created.id}/capacity`, { version: 1, total: 1 })).status).toBe(409);
  });

  it('lets exactly one of several simultaneous changes from the same version win', async () => {
    const created = (await orgAdmin.post('/api/v1/services', minimal())).body;
    const results = await Promise.all(['Satu', 'Dua', 'Tiga', 'Empat'].map((hoursNote) => orgAdmin.patch(`/api/v1/services/${created.id}`, { version: 1, hoursNote })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const winner = results.find((r) => r.status === 200)!.body.hoursNote;
    expect((await query(`select hours_note, version from services where id = '${created.id}'`))[0]).toEqual({ hours_note: winner, version: 2 });
    expect((await query(`select count(*)::int as n from audit_events where action = 'directory.service.update' and target_id = '${created.id}'`))[0].n).toBe(1);
  });
});

describe('confirming and capacity', () => {
  it('confirm stamps who and when, bumps the version, and changes nothing else', async () => {
    const created = (await orgAdmin.post('/api/v1/services', full())).body;
    await query(`update services set last_confirmed_at = now() - interval '120 days', last_confirmed_by_id = null where id = '${created.id}'`);
    const admin2 = await s.signedIn({ organizationId: ownOrg.id, roles: ['org_admin'], displayName: 'Admin Kedua' });
    const res = await admin2.post(`/api/v1/services/${created.id}/confirm`, { version: 1 });
    expect(res.status, res.text).toBe(200);
    expect(res.body.lastConfirmedBy).toEqual({ id: admin2.user.id, displayName: 'Admin Kedua' });
    expect(Date.now() - new Date(res.body.lastConfirmedAt).getTime()).toBeLessThan(60_000);
    expect(res.body.version).toBe(2);
    const { lastConfirmedAt: _a, lastConfirmedBy: _b, version: _v, updatedAt: _u, ...rest } = res.body;
    const { lastConfirmedAt: _c, lastConfirmedBy: _d, version: _w, updatedAt: _x, ...before } = created;
    expect(rest).toEqual(before);
    expect((await query(`select details from audit_events where action = 'directory.service.confirm' and target_id = '${created.id}'`))).toEqual([{ details: { organizationId: ownOrg.id } }]);
  });

  it('a capacity update stamps capacity_updated_at, takes a limit of open referrals, and counts open referrals', async () => {
    const created = (await orgAdmin.post('/api/v1/services', minimal())).body;
    expect(created.capacity.updatedAt).toBeNull();
    const res = await focalPoint.patch(`/api/v1/services/${created.id}/capacity`, { version: 1, maxOpenReferrals: 2 });
    expect(res.status, res.text).toBe(200);
    expect(res.body.capacity).toMatchObject({ total: null, free: null, maxOpenReferrals: 2, openReferrals: 0 });
    expect(res.body.capacity.updatedAt).not.toBeNull();
    expect(res.body.version).toBe(2);
    const audit = await query(`select details from audit_events where action = 'directory.service.capacity' and target_id = '${created.id}'`);
    expect(audit).toEqual([{ details: { organizationId: ownOrg.id, fields: ['maxOpenReferrals'] } }]);

    // Referrals from another organisation: the open ones count, ended ones do not.
    const sender = await s.user({ organizationId: otherOrg.id, roles: ['case_worker'] });
    const c = await makeCase(s, { organizationId: otherOrg.id, createdById: sender.id });
    const base = { caseId: c.id, fromOrganizationId: otherOrg.id, toOrganizationId: ownOrg.id, serviceId: created.id, urgency: 'routine', respondBy: new Date(Date.now() + 86_400_000), contactPreference: 'phone', sentById: sender.id };
    await s.database.db.insert(referrals).values([
      { ...base, status: 'sent' },
      { ...base, status: 'in_progress' },
      { ...base, status: 'withdrawn' },
    ]);
    expect((await orgAdmin.get(`/api/v1/services/${created.id}`)).body.capacity.openReferrals).toBe(2);
  });
});

describe('search text and listing', () => {
  const tag = randomBytes(3).toString('hex');
  let org: { id: string; name: string };
  let admin: Client & { user: TestUser };
  beforeAll(async () => {
    org = await s.org({ name: `Yayasan Cari ${tag}` });
    admin = await s.signedIn({ organizationId: org.id, roles: ['org_admin'] });
    await admin.post('/api/v1/services', { name: `Pelatihan Menjahit ${tag}`, termCodes: ['vocational_training'] });
    await admin.post('/api/v1/services', { name: `Bantuan Hukum ${tag}`, termCodes: ['legal_aid'], status: 'inactive' });
    await admin.post('/api/v1/services', { name: `Konseling ${tag}`, termCodes: ['mental_health'] });
  });

  it('filters by free text over name, organisation and term names in both languages', async () => {
    const byName = await admin.get(`/api/v1/services?q=menjahit`);
    expect(byName.body.items.map((x: any) => x.name)).toEqual([`Pelatihan Menjahit ${tag}`]);
    const byEnglishTerm = await admin.get(`/api/v1/services?q=Legal%20aid`);
    expect(byEnglishTerm.body.items.map((x: any) => x.name)).toEqual([`Bantuan Hukum ${tag}`]);
    const byOrg = await admin.get(`/api/v1/services?q=${encodeURIComponent(`cari ${tag}`)}`);
    expect(byOrg.body.total).toBe(3);
    expect((await admin.get('/api/v1/services?q=%25')).body.total).toBe(0);
  });

  it('filters by term (a group stands for its terms) and by status, sorted by name, paged', async () => {
    expect((await admin.get('/api/v1/services?termCode=legal_aid')).body.items.map((x: any) => x.name)).toEqual([`Bantuan Hukum ${tag}`]);
    expect((await admin.get('/api/v1/services?termCode=economic')).body.items.map((x: any) => x.name)).toEqual([`Pelatihan Menjahit ${tag}`]);
    expect((await admin.get('/api/v1/services?termCode=karaoke')).body.total).toBe(0);
    expect((await admin.get('/api/v1/services?status=inactive')).body.items.map((x: any) => x.name)).toEqual([`Bantuan Hukum ${tag}`]);
    const page = await admin.get('/api/v1/services?limit=2&offset=2');
    expect(page.body).toMatchObject({ total: 3, items: [{ name: `Pelatihan Menjahit ${tag}` }] });
    expect((await admin.get('/api/v1/services?status=closed')).status).toBe(400);
  });

  it("rebuilds the search text and moves updated_at when the organisation is renamed", async () => {
    const before = await query(`select id, updated_at, version from services where organization_id = '${org.id}' order by id`);
    await new Promise((r) => setTimeout(r, 5));
    const res = await sysAdmin.patch(`/api/v1/organizations/${org.id}`, { version: 1, name: `Lembaga Pemulihan ${tag}`, acronym: `LP${tag}` });
    expect(res.status, res.text).toBe(200);
    const after = await query(`select id, search_text, updated_at, version from services where organization_id = '${org.id}' order by id`);
    for (const [i, row] of after.entries()) {
      expect(row.search_text).toContain(`lembaga pemulihan ${tag}`);
      expect(row.search_text).toContain(`lp${tag}`);
      expect(row.search_text).not.toContain('yayasan cari');
      expect(new Date(row.updated_at).getTime()).toBeGreaterThan(new Date(before[i]!.updated_at).getTime());
      expect(row.version).toBe(before[i]!.version);
    }
    expect((await admin.get(`/api/v1/services?q=${encodeURIComponent(`pemulihan ${tag}`)}`)).body.total).toBe(3);
  });
});

describe('locations', () => {
  it('creates a location with a village code, coordinates and how to get there, and lists it with its services', async () => {
    const res = await orgAdmin.post('/api/v1/locations', {
      name: 'Rumah Aman Wonocolo',
      address: 'Jl. Jemursari 10',
      areaCode: '35.78.02',
      postalCode: '60237',
      latitude: -7.32,
      longitude: 112.74,
      transportation: 'Angkot WK dari Terminal Joyoboyo, turun di depan masjid.',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      organizationId: ownOrg.id,
      areaCode: '35.78.02',
      areaName: 'Wonocolo',
      districtName: 'Wonocolo',
      regencyName: 'Kota Surabaya',
      provinceName: 'Jawa Timur',
      postalCode: '60237',
      latitude: -7.32,
      longitude: 112.74,
      accessibility: null,
      services: [],
      version: 1,
    });
    const svc = (await orgAdmin.post('/api/v1/services', minimal({ locationIds: [res.body.id] }))).body;
    const list = await orgAdmin.get('/api/v1/locations?limit=200');
    expect(list.status).toBe(200);
    expect(list.body.items.find((l: any) => l.id === res.body.id).services).toEqual([{ id: svc.id, name: svc.name }]);
    expect(list.body.items.every((l: any) => l.organizationId === ownOrg.id)).toBe(true);
    expect((await orgAdmin.get(`/api/v1/locations/${res.body.id}`)).body.name).toBe('Rumah Aman Wonocolo');
    expect((await query(`select details from audit_events where action = 'directory.location.create' and target_id = '${res.body.id}'`))).toEqual([
      { details: { organizationId: ownOrg.id, areaCode: '35.78.02' } },
    ]);
  });

  it.each([
    ['an unknown area', { areaCode: '35.78.99.9999' }, { areaCode: 'unknown_area' }],
    ['a regency', { areaCode: '35.78' }, { areaCode: 'area_too_broad' }],
    ['a latitude without longitude', { latitude: -7.3 }, { longitude: 'required' }],
    ['a latitude out of range', { latitude: -97, longitude: 112 }, { latitude: 'too_small' }],
    ['a bad postal code', { postalCode: '6023' }, { postalCode: 'invalid_format' }],
    ['no address', { address: undefined }, { address: 'required' }],
  ])('refuses %s and writes nothing', async (_label, extra, fields) => {
    const before = (await query('select count(*)::int as n from locations'))[0].n;
    const res = await orgAdmin.post('/api/v1/locations', { name: 'Kantor Baru', address: 'Jl. Baru 1', areaCode: '35.78.01.1002', ...extra });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual(fields);
    expect((await query('select count(*)::int as n from locations'))[0].n).toBe(before);
  });

  it('changes a location with its version, moves the updated_at of its services, and refuses a stale version', async () => {
    const loc = (await orgAdmin.post('/api/v1/locations', { name: 'Kantor Kebraon', address: 'Jl. Kebraon 3', areaCode: '35.78.01.1002' })).body;
    const svc = (await orgAdmin.post('/api/v1/services', minimal({ locationIds: [loc.id] }))).body;
    await new Promise((r) => setTimeout(r, 5));
    const res = await orgAdmin.patch(`/api/v1/locations/${loc.id}`, { version: 1, accessibility: 'Ada ram untuk kursi roda.', latitude: -7.33, longitude: 112.7 });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ accessibility: 'Ada ram untuk kursi roda.', latitude: -7.33, version: 2 });
    const svcNow = (await orgAdmin.get(`/api/v1/services/${svc.id}`)).body;
    expect(new Date(svcNow.updatedAt).getTime()).toBeGreaterThan(new Date(svc.updatedAt).getTime());
    expect(svcNow.locations[0].accessibility).toBe('Ada ram untuk kursi roda.');
    const onlyOne = await orgAdmin.patch(`/api/v1/locations/${loc.id}`, { version: 2, longitude: null });
    expect(onlyOne.body.error.fields).toEqual({ longitude: 'required' });
    const stale = await orgAdmin.patch(`/api/v1/locations/${loc.id}`, { version: 1, name: 'Basi' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', current: { id: loc.id, version: 2 } });
    expect((await query(`select count(*)::int as n from audit_events where action = 'directory.location.update' and target_id = '${loc.id}'`))[0].n).toBe(1);
  });
});
