import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../test/support/database.js';
import { startServer, type Client, type TestServer, type TestUser } from '../../test/support/server.js';
import { cases } from '../platform/db/schema.js';

let s: TestServer;
let orgA: { id: string; name: string };
let orgB: { id: string; name: string };
let supA: Client & { user: TestUser };
let supB: Client & { user: TestUser };
let workerA: Client & { user: TestUser };
let worker2A: Client & { user: TestUser };
let adminA: Client & { user: TestUser };

const VILLAGE = '33.74.01.1001'; // Miroto, Semarang Tengah, Kota Semarang, Jawa Tengah

beforeAll(async () => {
  s = await startServer();
  orgA = await s.org({ name: `Dinas Sosial Jawa Tengah ${randomBytes(3).toString('hex')}` });
  orgB = await s.org({ name: `Yayasan Pulang Aman ${randomBytes(3).toString('hex')}` });
  supA = await s.signedIn({ organizationId: orgA.id, roles: ['supervisor'] });
  supB = await s.signedIn({ organizationId: orgB.id, roles: ['supervisor'] });
  workerA = await s.signedIn({ organizationId: orgA.id, roles: ['case_worker'] });
  worker2A = await s.signedIn({ organizationId: orgA.id, roles: ['case_worker'] });
  adminA = await s.signedIn({ organizationId: orgA.id, roles: ['org_admin'] });
});
afterAll(() => s?.close());

const query = (text: string) => rawQuery(s.database, text) as Promise<Record<string, any>[]>;
const countPersons = async () => (await query('select count(*)::int as n from persons'))[0].n as number;

/** A structurally valid NIK for a sex and birth date (Kota Semarang, Semarang Tengah). */
function makeNik(sex: 'female' | 'male', date: string, seq = 1): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = sex === 'female' ? d + 40 : d;
  return `337401${String(day).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y % 100).padStart(2, '0')}${String(seq).padStart(4, '0')}`;
}

let refCounter = 0;
async function insertCase(personId: string, organizationId: string, assignedToId: string | null, createdById: string | null = null) {
  const [c] = await s.database.db
    .insert(cases)
    .values({
      reference: `PUL-2026-T${String(++refCounter).padStart(5, '0')}${randomBytes(2).toString('hex')}`,
      personId,
      organizationId,
      assignedToId,
      createdById,
      caseType: 'vulnerable_migrant',
      direction: 'inbound',
    })
    .returning({ id: cases.id, reference: cases.reference });
  return c;
}

const basic = (over: Record<string, unknown> = {}) => ({ fullName: 'Sri Rahayu Ningsih', sex: 'female', ...over });

describe('registering and reading a person', () => {
  it('creates a person with every field and reads it back', async () => {
    const nik = makeNik('female', '1994-03-17');
    const res = await supA.post('/api/v1/persons', {
      fullName: 'Hj. Kartini Wulandari',
      otherNames: ['Tini'],
      sex: 'female',
      genderIdentity: null,
      birth: { kind: 'exact', date: '1994-03-17' },
      nationality: 'ID',
      languages: ['id', 'jv', 'jv'],
      documents: [
        { type: 'nik', number: `${nik.slice(0, 4)} ${nik.slice(4, 8)} ${nik.slice(8, 12)} ${nik.slice(12)}` },
        { type: 'passport', number: 'c 1234567', issuingCountry: 'id', expiresOn: '2030-01-31' },
      ],
      phones: ['0812-3456-7890', '+60 12 345 6789'],
      homeVillageCode: VILLAGE,
      homeAddress: 'Jl. Pemuda No. 5, RT 02/RW 03',
      emergencyContact: { name: 'Sumarni', relationship: 'mother', phone: '081298765432' },
      disabilities: ['hearing'],
      disabilityNote: 'Hard of hearing on the left side',
    });
    expect(res.status).toBe(201);
    const p = res.body;
    expect(p).toMatchObject({
      organizationId: orgA.id,
      fullName: 'Hj. Kartini Wulandari',
      otherNames: ['Tini'],
      sex: 'female',
      birth: { kind: 'exact', date: '1994-03-17' },
      isChild: false,
      nationality: 'ID',
      languages: ['id', 'jv'],
      phones: ['+6281234567890', '+60123456789'],
      homeVillageCode: VILLAGE,
      homeArea: { province: 'Jawa Tengah', regency: 'Kota Semarang', district: 'Semarang Tengah', village: 'Miroto' },
      homeAddress: 'Jl. Pemuda No. 5, RT 02/RW 03',
      emergencyContact: { name: 'Sumarni', relationship: 'mother', phone: '+6281298765432' },
      disabilities: ['hearing'],
      disabilityNote: 'Hard of hearing on the left side',
      mergedIntoId: null,
      version: 1,
    });
    expect(p.age).toBeGreaterThanOrEqual(31);
    expect(p.documents).toEqual([
      { id: expect.any(String), type: 'nik', number: nik, issuingCountry: 'ID', expiresOn: null },
      { id: expect.any(String), type: 'passport', number: 'C1234567', issuingCountry: 'ID', expiresOn: '2030-01-31' },
    ]);
    const row = (await query(`select * from persons where id = '${p.id}'`))[0];
    expect(row).toMatchObject({ birth_year: 1994, home_province_code: '33', created_by_id: supA.user.id });

    const read = await supA.get(`/api/v1/persons/${p.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(p);
  });

  it('sets birth_year from an estimated year or a stated age, and flags a child', async () => {
    const y = await supA.post('/api/v1/persons', basic({ birth: { kind: 'estimated_year', year: 1980 } }));
    expect(y.status).toBe(201);
    expect((await query(`select birth_year from persons where id = '${y.body.id}'`))[0].birth_year).toBe(1980);
    const a = await supA.post('/api/v1/persons', basic({ birth: { kind: 'estimated_age', age: 15, statedOn: '2026-01-10' } }));
    expect(a.status).toBe(201);
    expect(a.body.isChild).toBe(true);
    expect((await query(`select birth_year from persons where id = '${a.body.id}'`))[0].birth_year).toBe(2011);
  });

  it('keeps names, numbers, phones, address, contact and notes encrypted at rest; look-up by NIK works', async () => {
    const nik = makeNik('male', '1988-11-02', 77);
    const res = await supA.post('/api/v1/persons', {
      fullName: 'Bambang Sudarsono',
      sex: 'male',
      birth: { kind: 'exact', date: '1988-11-02' },
      documents: [{ type: 'nik', number: nik }],
      phones: ['081355501234'],
      homeAddress: 'Dusun Krajan Kidul',
      emergencyContact: { name: 'Parmini Sudarsono', relationship: 'wife', phone: '' },
      disabilityNote: 'Walks with a cane',
    });
    expect(res.status).toBe(201);
    const dump = JSON.stringify(await query(`select * from persons where id = '${res.body.id}'`));
    for (const secret of ['Bambang', 'Sudarsono', '81355501234', 'Krajan', 'Parmini', 'cane']) expect(dump).not.toContain(secret);
    const docs = JSON.stringify(await query(`select * from person_documents where person_id = '${res.body.id}'`));
    expect(docs).not.toContain(nik);
    expect(docs).not.toContain(nik.slice(6, 12));
    const keys = JSON.stringify(await query(`select key from person_match_keys where person_id = '${res.body.id}'`));
    expect(keys).not.toMatch(/bambang|sudarsono|1988/i);
    expect(JSON.parse(keys).length).toBeGreaterThan(5);

    const found = await supA.get(`/api/v1/persons?documentType=nik&documentNumber=${encodeURIComponent(`${nik.slice(0, 6)}.${nik.slice(6, 12)}.${nik.slice(12)}`)}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((p: any) => p.id)).toEqual([res.body.id]);
    // Another organisation learns nothing from the look-up.
    const other = await supB.get(`/api/v1/persons?documentType=nik&documentNumber=${nik}`);
    expect(other.status).toBe(200);
    expect(other.body.items).toEqual([]);
    const none = await supA.get(`/api/v1/persons?documentType=passport&documentNumber=${nik}`);
    expect(none.body.items).toEqual([]);
  });
});

describe('bad input names the field and writes nothing', () => {
  const cases: [string, Record<string, unknown>, Record<string, string>][] = [
    ['a NIK of the wrong length', { documents: [{ type: 'nik', number: '33740154039' }] }, { 'documents.0.number': 'invalid_nik' }],
    ['a NIK with a letter', { documents: [{ type: 'nik', number: '33740154O3940001' }] }, { 'documents.0.number': 'invalid_nik' }],
    ['a NIK with an unknown province', { documents: [{ type: 'nik', number: '9974015403940001' }] }, { 'documents.0.number': 'invalid_nik' }],
    ['a NIK with an impossible date', { documents: [{ type: 'nik', number: '3374017313940001' }] }, { 'documents.0.number': 'invalid_nik' }],
    ['a NIK of a man for a woman', { documents: [{ type: 'nik', number: makeNik('male', '1994-03-14') }], birth: { kind: 'exact', date: '1994-03-14' } }, { 'documents.0.number': 'nik_mismatch' }],
    ['a NIK with another birth date', { documents: [{ type: 'nik', number: makeNik('female', '1994-03-14') }], birth: { kind: 'exact', date: '1994-03-15' } }, { 'documents.0.number': 'nik_mismatch' }],
    ['a birth date in the future', { birth: { kind: 'exact', date: '2099-01-01' } }, { 'birth.date': 'in_future' }],
    ['an estimated year in the future', { birth: { kind: 'estimated_year', year: 2100 } }, { 'birth.year': 'in_future' }],
    ['an age stated in the future', { birth: { kind: 'estimated_age', age: 30, statedOn: '2099-01-01' } }, { 'birth.statedOn': 'in_future' }],
    ['an estimated age over 120', { birth: { kind: 'estimated_age', age: 130, statedOn: '2026-01-01' } }, { 'birth.age': 'too_large' }],
    ['an unknown village', { homeVillageCode: '33.74.01.9999' }, { homeVillageCode: 'unknown_area' }],
    ['a district code as village', { homeVillageCode: '33.74.01' }, { homeVillageCode: 'invalid_format' }],
    ['an unknown nationality', { nationality: 'XK1' }, { nationality: 'invalid_format' }],
    ['a nationality not in the list', { nationality: 'QQ' }, { nationality: 'unknown_country' }],
    ['an unknown issuing country', { documents: [{ type: 'passport', number: 'X123', issuingCountry: 'QZ' }] }, { 'documents.0.issuingCountry': 'unknown_country' }],
    ['a phone that is not E.164', { phones: ['+6281234567890', '12345'] }, { 'phones.1': 'invalid_phone' }],
    ['an emergency contact phone that is not a number', { emergencyContact: { name: 'Ibu', relationship: 'mother', phone: 'tidak ada' } }, { 'emergencyContact.phone': 'invalid_phone' }],
    ['an unknown language', { languages: ['id', 'klingon'] }, { 'languages.1': 'invalid_choice' }],
    ['an unknown disability domain', { disabilities: ['flying'] }, { 'disabilities.0': 'invalid_choice' }],
    ['no name', { fullName: '' }, { fullName: 'required' }],
  ];
  it.each(cases)('refuses %s', async (_label, over, fields) => {
    const before = await countPersons();
    const audits = (await query(`select count(*)::int as n from audit_events where action = 'person.create'`))[0].n;
    const res = await supA.post('/api/v1/persons', basic(over));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.fields).toEqual(fields);
    expect(await countPersons()).toBe(before);
    expect((await query(`select count(*)::int as n from audit_events where action = 'person.create'`))[0].n).toBe(audits);
  });

  it('reports every problem at once', async () => {
    const res = await supA.post('/api/v1/persons', basic({ birth: { kind: 'exact', date: '2099-01-01' }, homeVillageCode: '33.74.01.9999', phones: ['abc'] }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ 'birth.date': 'in_future', homeVillageCode: 'unknown_area', 'phones.0': 'invalid_phone' });
  });
});

describe('updating a person', () => {
  it('changes fields with the version, refuses a stale one, re-derives the case child flag', async () => {
    const created = await supA.post('/api/v1/persons', basic({ birth: { kind: 'exact', date: '1990-05-05' } }));
    const id = created.body.id;
    const c = await insertCase(id, orgA.id, null, supA.user.id);
    const res = await supA.patch(`/api/v1/persons/${id}`, {
      version: 1,
      birth: { kind: 'exact', date: '2015-05-05' },
      homeVillageCode: VILLAGE,
      phones: ['085700001111'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, isChild: true, phones: ['+6285700001111'], homeVillageCode: VILLAGE, fullName: 'Sri Rahayu Ningsih' });
    const [caseRow] = await query(`select flags, province_code from cases where id = '${c.id}'`);
    expect(caseRow.flags).toContain('child');
    expect(caseRow.province_code).toBe('33');

    const stale = await supA.patch(`/api/v1/persons/${id}`, { version: 1, fullName: 'Sri Rahayu' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.current).toMatchObject({ id, version: 2, fullName: 'Sri Rahayu Ningsih' });

    const bad = await supA.patch(`/api/v1/persons/${id}`, { version: 2, birth: { kind: 'exact', date: '2099-12-31' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ 'birth.date': 'in_future' });
    expect((await supA.get(`/api/v1/persons/${id}`)).body.version).toBe(2);
  });

  it('replaces documents and finds the person by the new number only', async () => {
    const created = await supA.post('/api/v1/persons', basic({ documents: [{ type: 'passport', number: 'B7654321' }] }));
    const id = created.body.id;
    const docId = created.body.documents[0].id;
    const res = await supA.patch(`/api/v1/persons/${id}`, {
      version: 1,
      documents: [{ id: docId, type: 'passport', number: 'B7654321', expiresOn: '2031-02-02' }, { type: 'splp', number: 'SPLP-0099' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.documents).toEqual([
      { id: docId, type: 'passport', number: 'B7654321', issuingCountry: null, expiresOn: '2031-02-02' },
      { id: expect.any(String), type: 'splp', number: 'SPLP0099', issuingCountry: null, expiresOn: null },
    ]);
    expect((await supA.get('/api/v1/persons?documentType=splp&documentNumber=splp%200099')).body.items.map((p: any) => p.id)).toEqual([id]);
  });
});

describe('access', () => {
  it('hides a person of another organisation, and every person from roles without person access (404); refuses their lists and writes (403)', async () => {
    const p = await supA.post('/api/v1/persons', basic());
    expect((await supB.get(`/api/v1/persons/${p.body.id}`)).status).toBe(404);
    expect((await supB.patch(`/api/v1/persons/${p.body.id}`, { version: 1, fullName: 'X' })).status).toBe(404);
    expect((await supB.get(`/api/v1/persons/${randomUUID()}`)).status).toBe(404);
    expect((await adminA.get(`/api/v1/persons/${p.body.id}`)).status).toBe(404);
    expect((await adminA.post('/api/v1/persons', basic())).status).toBe(403);
    expect((await adminA.post('/api/v1/persons/match', { fullName: 'Sri' })).status).toBe(403);
  });

  it('lets a case worker reach only the persons of their cases (or registered by them while caseless)', async () => {
    const own = await workerA.post('/api/v1/persons', basic());
    expect(own.status).toBe(201);
    expect((await workerA.get(`/api/v1/persons/${own.body.id}`)).status).toBe(200);
    expect((await worker2A.get(`/api/v1/persons/${own.body.id}`)).status).toBe(404);

    const bySupervisor = await supA.post('/api/v1/persons', basic());
    expect((await workerA.get(`/api/v1/persons/${bySupervisor.body.id}`)).status).toBe(404);
    await insertCase(bySupervisor.body.id, orgA.id, workerA.user.id, supA.user.id);
    expect((await workerA.get(`/api/v1/persons/${bySupervisor.body.id}`)).status).toBe(200);
    expect((await workerA.patch(`/api/v1/persons/${bySupervisor.body.id}`, { version: 1, languages: ['su'] })).status).toBe(200);
    expect((await worker2A.get(`/api/v1/persons/${bySupervisor.body.id}`)).status).toBe(404);
  });

  it('audits reads and writes with IDs only', async () => {
    const nik = makeNik('female', '1979-08-09', 5);
    const p = await supA.post('/api/v1/persons', { fullName: 'Tumini Sukesih', sex: 'female', birth: { kind: 'exact', date: '1979-08-09' }, documents: [{ type: 'nik', number: nik }] });
    await supA.get(`/api/v1/persons/${p.body.id}`);
    await supA.patch(`/api/v1/persons/${p.body.id}`, { version: 1, otherNames: ['Tumi'] });
    await supA.get(`/api/v1/persons?documentType=nik&documentNumber=${nik}`);
    await supA.post('/api/v1/persons/match', { fullName: 'Tumini Sukesih', documents: [{ type: 'nik', number: nik }] });
    const rows = await query(`select action, target_id, details from audit_events where actor_id = '${supA.user.id}' and action like 'person.%' order by seq`);
    const actions = rows.map((r) => r.action);
    for (const a of ['person.create', 'person.read', 'person.update', 'person.lookup', 'person.match']) expect(actions).toContain(a);
    expect(rows.filter((r) => r.target_id === p.body.id).map((r) => r.action)).toEqual(expect.arrayContaining(['person.create', 'person.read', 'person.update']));
    const text = JSON.stringify(rows);
    for (const secret of ['Tumini', 'Sukesih', 'Tumi', nik]) expect(text).not.toContain(secret);
    expect(rows.filter((r) => r.action === 'person.match').at(-1)!.details).toEqual({ count: expect.any(Number) });
  });
});
