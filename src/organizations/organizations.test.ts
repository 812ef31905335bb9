import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../test/support/database.js';
import { startServer, type Client, type TestServer, type TestUser } from '../../test/support/server.js';

let s: TestServer;
let admin: Client & { user: TestUser };
beforeAll(async () => {
  s = await startServer();
  const home = await s.org({ name: 'Kementerian Sekretariat Pulang' });
  admin = await s.signedIn({ organizationId: home.id, roles: ['system_admin'] });
});
afterAll(() => s?.close());

const query = (text: string) => rawQuery(s.database, text) as Promise<Record<string, any>[]>;
const unique = (label: string) => `${label} ${randomBytes(4).toString('hex')}`;
const countNamed = async (name: string) => (await query(`select count(*)::int as n from organizations where lower(name) = lower('${name.replace(/'/g, "''")}')`))[0].n;
const create = (body: Record<string, unknown>) => admin.post('/api/v1/organizations', { type: 'ngo', level: 'national', ...body });

describe('creating an organisation', () => {
  it('answers 201 with the new record', async () => {
    const name = unique('Yayasan Pelita');
    const res = await create({ name, acronym: 'YP', type: 'ngo', level: 'province' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name, acronym: 'YP', type: 'ngo', level: 'province', areaCode: null, areaName: null, parentId: null, active: true, version: 1 });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await countNamed(name)).toBe(1);
  });

  it('refuses a name already in use, whatever its case, with 409 fields.name', async () => {
    const name = unique('Lembaga Bantuan Migran');
    expect((await create({ name })).status).toBe(201);
    const res = await create({ name: name.toUpperCase() });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('duplicate');
    expect(res.body.error.fields).toEqual({ name: 'duplicate' });
    expect(await countNamed(name)).toBe(1);
  });

  it('refuses an unknown type, level and malformed area code, naming each field', async () => {
    const name = unique('Organisasi Salah');
    const res = await create({ name, type: 'church', level: 'village', areaCode: '3A.01' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['areaCode', 'level', 'type']);
    expect(await countNamed(name)).toBe(0);
  });

  it('refuses a missing name', async () => {
    const res = await create({});
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(['name']);
  });

  it('refuses a well-formed but unknown area code with fields.areaCode = unknown_area and inserts nothing', async () => {
    const name = unique('Dinas Entah');
    const before = await query('select count(*)::int as n from organizations');
    const res = await create({ name, areaCode: '99.99' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ areaCode: 'unknown_area' });
    expect(await query('select count(*)::int as n from organizations')).toEqual(before);
    expect((await query(`select count(*)::int as n from audit_events where action = 'organization.create' and details::text like '%${name}%'`))[0].n).toBe(0);
  });

  it.each([
    ['33', 'Jawa Tengah'],
    ['33.74', 'Kota Semarang'],
  ])('accepts the Kemendagri area code %s and answers its name %s', async (areaCode, areaName) => {
    const res = await create({ name: unique('Dinas Sosial'), type: 'local_government', level: areaCode.length === 2 ? 'province' : 'regency', areaCode });
    expect(res.status).toBe(201);
    expect(res.body.areaCode).toBe(areaCode);
    expect(res.body.areaName).toBe(areaName);
  });

  it('records the creation in the audit log', async () => {
    const res = await create({ name: unique('Yayasan Audit') });
    const rows = await query(`select * from audit_events where action = 'organization.create' and target_id = '${res.body.id}'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'success', actor_id: admin.user.id, target_type: 'organization' });
  });

  it('is refused to an organisation administrator with 403', async () => {
    const org = await s.org();
    const orgAdmin = await s.signedIn({ organizationId: org.id, roles: ['org_admin'] });
    const name = unique('Yayasan Liar');
    const res = await orgAdmin.post('/api/v1/organizations', { name, type: 'ngo', level: 'national' });
    expect(res.status).toBe(403);
    expect(await countNamed(name)).toBe(0);
  });
});

describe('parent organisations', () => {
  it('links a child to its parent and answers the parent name', async () => {
    const parent = await create({ name: unique('Kementerian Induk') });
    const child = await create({ name: unique('Balai Anak'), parentId: parent.body.id });
    expect(child.status).toBe(201);
    expect(child.body.parentId).toBe(parent.body.id);
    expect(child.body.parentName).toBe(parent.body.name);
  });

  it('refuses an unknown parent', async () => {
    const name = unique('Balai Yatim');
    const res = await create({ name, parentId: '00000000-0000-4000-8000-000000000000' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ parentId: 'unknown_organization' });
    expect(await countNamed(name)).toBe(0);
  });

  it('refuses an organisation as its own parent', async () => {
    const a = await create({ name: unique('Badan Sendiri') });
    const res = await admin.patch(`/api/v1/organizations/${a.body.id}`, { parentId: a.body.id, version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ parentId: 'parent_cycle' });
  });

  it('refuses a parent that sits below the organisation (a cycle) and changes nothing', async () => {
    const a = await create({ name: unique('Badan A') });
    const b = await create({ name: unique('Badan B'), parentId: a.body.id });
    const c = await create({ name: unique('Badan C'), parentId: b.body.id });
    const res = await admin.patch(`/api/v1/organizations/${a.body.id}`, { parentId: c.body.id, version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ parentId: 'parent_cycle' });
    const [row] = await query(`select parent_id, version from organizations where id = '${a.body.id}'`);
    expect(row).toEqual({ parent_id: null, version: 1 });
  });
});

describe('listing organisations', () => {
  const tag = randomBytes(4).toString('hex');
  beforeAll(async () => {
    await create({ name: `Daftar ${tag} Alpha`, type: 'ngo', level: 'regency' });
    await create({ name: `Daftar ${tag} Bravo`, type: 'ngo', level: 'province' });
    await create({ name: `Daftar ${tag} Charlie`, type: 'community', level: 'regency' });
    await create({ name: `Lain ${tag}`, acronym: `ACR${tag}`, type: 'international', level: 'national' });
  });

  it('filters by free text on the name or acronym', async () => {
    const byName = await admin.get(`/api/v1/organizations?q=Daftar%20${tag}`);
    expect(byName.status).toBe(200);
    expect(byName.body.total).toBe(3);
    expect(byName.body.items.map((o: any) => o.name)).toEqual([`Daftar ${tag} Alpha`, `Daftar ${tag} Bravo`, `Daftar ${tag} Charlie`]);
    const byAcronym = await admin.get(`/api/v1/organizations?q=acr${tag}`);
    expect(byAcronym.body.items.map((o: any) => o.name)).toEqual([`Lain ${tag}`]);
  });

  it('filters by type and by level', async () => {
    const ngo = await admin.get(`/api/v1/organizations?q=${tag}&type=ngo`);
    expect(ngo.body.items.map((o: any) => o.name)).toEqual([`Daftar ${tag} Alpha`, `Daftar ${tag} Bravo`]);
    const regency = await admin.get(`/api/v1/organizations?q=${tag}&level=regency`);
    expect(regency.body.items.map((o: any) => o.name)).toEqual([`Daftar ${tag} Alpha`, `Daftar ${tag} Charlie`]);
    const both = await admin.get(`/api/v1/organizations?q=${tag}&type=ngo&level=regency`);
    expect(both.body).toMatchObject({ total: 1, items: [{ name: `Daftar ${tag} Alpha` }] });
  });

  it('pages with limit and offset and reports the total of all matches', async () => {
    const first = await admin.get(`/api/v1/organizations?q=Daftar%20${tag}&limit=2&offset=0`);
    expect(first.body.total).toBe(3);
    expect(first.body.items.map((o: any) => o.name)).toEqual([`Daftar ${tag} Alpha`, `Daftar ${tag} Bravo`]);
    const second = await admin.get(`/api/v1/organizations?q=Daftar%20${tag}&limit=2&offset=2`);
    expect(second.body.total).toBe(3);
    expect(second.body.items.map((o: any) => o.name)).toEqual([`Daftar ${tag} Charlie`]);
  });

  it('treats % and _ in the search text literally', async () => {
    const res = await admin.get(`/api/v1/organizations?q=%25`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
  });

  it('refuses an unknown type filter', async () => {
    const res = await admin.get('/api/v1/organizations?type=church');
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(['type']);
  });

  it('is open to every signed-in role', async () => {
    const org = await s.org();
    const worker = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
    const res = await worker.get(`/api/v1/organizations?q=Daftar%20${tag}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
  });
});

describe('updating an organisation', () => {
  it('applies a change based on the current version and bumps the version', async () => {
    const o = await create({ name: unique('Yayasan Ubah') });
    const res = await admin.patch(`/api/v1/organizations/${o.body.id}`, { acronym: 'YU', areaCode: '33', version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ acronym: 'YU', areaCode: '33', areaName: 'Jawa Tengah', version: 2 });
    const rows = await query(`select details from audit_events where action = 'organization.update' and target_id = '${o.body.id}'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].details).toEqual({ fields: ['acronym', 'areaCode'] });
  });

  it('answers a stale version with 409 version_conflict holding the current record, and changes nothing', async () => {
    const o = await create({ name: unique('Yayasan Rebutan') });
    expect((await admin.patch(`/api/v1/organizations/${o.body.id}`, { acronym: 'PERTAMA', version: 1 })).status).toBe(200);
    const stale = await admin.patch(`/api/v1/organizations/${o.body.id}`, { acronym: 'KEDUA', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.current).toMatchObject({ id: o.body.id, acronym: 'PERTAMA', version: 2 });
    const [row] = await query(`select acronym, version from organizations where id = '${o.body.id}'`);
    expect(row).toEqual({ acronym: 'PERTAMA', version: 2 });
    expect((await query(`select count(*)::int as n from audit_events where action = 'organization.update' and target_id = '${o.body.id}'`))[0].n).toBe(1);
  });

  it('lets exactly one of several simultaneous changes from the same version win', async () => {
    const o = await create({ name: unique('Yayasan Serentak') });
    const results = await Promise.all(
      ['SATU', 'DUA', 'TIGA', 'EMPAT'].map((acronym) => admin.patch(`/api/v1/organizations/${o.body.id}`, { acronym, version: 1 })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const winner = results.find((r) => r.status === 200)!.body.acronym;
    const [row] = await query(`select acronym, version from organizations where id = '${o.body.id}'`);
    expect(row).toEqual({ acronym: winner, version: 2 });
    expect((await query(`select count(*)::int as n from audit_events where action = 'organization.update' and target_id = '${o.body.id}'`))[0].n).toBe(1);
  });

  it('refuses renaming to a name in use', async () => {
    const taken = await create({ name: unique('Nama Terpakai') });
    const o = await create({ name: unique('Nama Lama') });
    const res = await admin.patch(`/api/v1/organizations/${o.body.id}`, { name: taken.body.name, version: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.fields).toEqual({ name: 'duplicate' });
    expect((await query(`select name, version from organizations where id = '${o.body.id}'`))[0]).toEqual({ name: o.body.name, version: 1 });
  });

  it('answers 404 for an unknown organisation', async () => {
    const res = await admin.patch('/api/v1/organizations/00000000-0000-4000-8000-000000000000', { acronym: 'X', version: 1 });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it("lets an organisation administrator edit their own organisation but answers 404 for another's", async () => {
    const own = await s.org();
    const other = await s.org();
    const orgAdmin = await s.signedIn({ organizationId: own.id, roles: ['org_admin'] });
    expect((await orgAdmin.patch(`/api/v1/organizations/${own.id}`, { acronym: 'MILIKKU', version: 1 })).status).toBe(200);
    const res = await orgAdmin.patch(`/api/v1/organizations/${other.id}`, { acronym: 'BUKAN', version: 1 });
    expect(res.status).toBe(404);
    expect((await query(`select acronym from organizations where id = '${other.id}'`))[0].acronym).toBeNull();
  });
});

describe('deactivating an organisation', () => {
  it('deactivates and reactivates, never deleting', async () => {
    const o = await create({ name: unique('Yayasan Tidur') });
    const off = await admin.post(`/api/v1/organizations/${o.body.id}/deactivate`);
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, version: 2 });
    const inactive = await admin.get(`/api/v1/organizations?q=${encodeURIComponent(o.body.name)}&active=false`);
    expect(inactive.body.items.map((x: any) => x.id)).toEqual([o.body.id]);
    const on = await admin.post(`/api/v1/organizations/${o.body.id}/reactivate`);
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ active: true, version: 3 });
    const actions = await query(`select action, outcome from audit_events where target_id = '${o.body.id}' order by seq`);
    expect(actions).toEqual([
      { action: 'organization.create', outcome: 'success' },
      { action: 'organization.deactivate', outcome: 'success' },
      { action: 'organization.reactivate', outcome: 'success' },
    ]);
  });

  it("refuses to deactivate the caller's own organisation", async () => {
    const res = await admin.post(`/api/v1/organizations/${admin.user.organizationId}/deactivate`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('own_organization');
    expect((await query(`select active from organizations where id = '${admin.user.organizationId}'`))[0].active).toBe(true);
  });

  it('refuses new users in a deactivated organisation', async () => {
    const o = await create({ name: unique('Yayasan Tutup') });
    await admin.post(`/api/v1/organizations/${o.body.id}/deactivate`);
    const res = await admin.post('/api/v1/users', { email: `x.${randomBytes(3).toString('hex')}@example.org`, displayName: 'X', organizationId: o.body.id, roles: ['case_worker'] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ organizationId: 'organization_inactive' });
  });

  it('answers 404 for an unknown organisation', async () => {
    expect((await admin.post('/api/v1/organizations/00000000-0000-4000-8000-000000000000/deactivate')).status).toBe(404);
  });
});

describe('the public profile (description, website, email, phone)', () => {
  it('is stored on creation, with the phone as E.164 and empty texts as null', async () => {
    const res = await create({ name: unique('Yayasan Profil'), description: 'Pendampingan purna migran di Jawa Timur.', website: 'https://profil.example.org', email: 'halo@profil.example.org', phone: '0812 3456 7890' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ description: 'Pendampingan purna migran di Jawa Timur.', website: 'https://profil.example.org', email: 'halo@profil.example.org', phone: '+6281234567890' });
    const blank = await admin.patch(`/api/v1/organizations/${res.body.id}`, { version: 1, description: '  ', phone: '' });
    expect(blank.status, blank.text).toBe(200);
    expect(blank.body).toMatchObject({ description: null, phone: null, website: 'https://profil.example.org', version: 2 });
  });

  it('is null when not given', async () => {
    const res = await create({ name: unique('Yayasan Tanpa Profil') });
    expect(res.body).toMatchObject({ description: null, website: null, email: null, phone: null });
  });

  it('refuses a website that is not http(s), a bad email and a bad phone, and changes nothing', async () => {
    const o = await create({ name: unique('Yayasan Salah Profil') });
    const res = await admin.patch(`/api/v1/organizations/${o.body.id}`, { version: 1, website: 'javascript:alert(1)', phone: '12345' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ website: 'invalid_url', phone: 'invalid_phone' });
    const email = await admin.patch(`/api/v1/organizations/${o.body.id}`, { version: 1, email: 'bukan-email' });
    expect(email.body.error.fields).toEqual({ email: 'invalid_email' });
    expect((await query(`select website, phone, email, version from organizations where id = '${o.body.id}'`))[0]).toEqual({ website: null, phone: null, email: null, version: 1 });
  });

  it("lets an organisation administrator edit their own organisation's profile", async () => {
    const own = await s.org();
    const orgAdmin = await s.signedIn({ organizationId: own.id, roles: ['org_admin'] });
    const res = await orgAdmin.patch(`/api/v1/organizations/${own.id}`, { version: 1, website: 'http://milikku.example.org', email: 'kontak@milikku.example.org' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ website: 'http://milikku.example.org', email: 'kontak@milikku.example.org' });
  });
});
