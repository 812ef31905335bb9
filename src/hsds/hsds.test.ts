// The public HSDS 3.0 API on a real server and database: every response is validated against the
// published HSDS 3.0 JSON schemas (test/standards/hsds-3.0, read at test time), each
// filter and paging edge is checked on services seeded for the purpose (no location, nationwide,
// several terms, hours in several day groups, every status, an inactive organisation), and nothing
// internal (capacity, provider record, referrals, who confirmed) may appear anywhere.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taxonomy, termByCode } from '../directory/taxonomy.js';
import { locations, serviceAtLocations, services } from '../platform/db/schema.js';
import { startServer, type Client, type TestServer } from '../../test/support/server.js';
import { hsdsSchemaDir, jsonFilesUnder, requireSchemas, sharedSchemaDir } from './test-standard.js';

const standard = hsdsSchemaDir;

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };
// CommonJS default export, as Node and Vite hand it over.
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ?? addFormatsImport) as (ajv: Ajv) => void;

function loadValidators() {
  requireSchemas();
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(standard, file), 'utf8')) as Record<string, unknown>;
  // Non-strict: the HSDS schemas carry keywords of their own (datapackage_metadata, tabular_required, ...).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const compiled = (name: string) => ajv.compile(read(`compiled/${name}.json`)) as Validate;
  // The plain schemas refer to each other by file name: register them all under one base.
  const base = 'https://hsds.test/schema/';
  for (const file of fs.readdirSync(standard).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) ajv.addSchema({ ...read(file), $id: `${base}${file}` });
  const openapi = read('openapi.json') as { components: { schemas: { Page: Record<string, unknown> } } };
  return {
    service: compiled('service'),
    serviceList: compiled('service_list'),
    organization: compiled('organization'),
    organizationList: compiled('organization_list'),
    sal: compiled('service_at_location'),
    salList: compiled('service_at_location_list'),
    taxonomy: ajv.getSchema(`${base}taxonomy.json`) as Validate,
    taxonomyTerm: ajv.getSchema(`${base}taxonomy_term.json`) as Validate,
    page: ajv.compile({ ...openapi.components.schemas.Page, required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty'] }) as Validate,
  };
}

let v: ReturnType<typeof loadValidators>;

function valid(validate: Validate, data: unknown, what: string) {
  const ok = validate(data);
  if (!ok) throw new Error(`${what} does not validate: ${JSON.stringify(validate.errors?.slice(0, 5), null, 1)}\n${JSON.stringify(data).slice(0, 1500)}`);
}

/** A list response: the page header, and each item against its schema. */
function validPage(body: { contents: unknown[] }, item: Validate, what: string) {
  const { contents, ...header } = body;
  valid(v.page, header, `${what} page header`);
  expect(Array.isArray(contents)).toBe(true);
  contents.forEach((c, i) => valid(item, c, `${what} item ${i}`));
}

// Keys that must never appear in a published record, at any depth.
const forbiddenKey = /capacity|referral|response_hours|search_text|confirmed_by|max_open|eligible_case|^hours$|term_ids|area_codes/i;
function assertNothingInternal(body: unknown, secrets: (string | number)[]) {
  const walk = (x: unknown, at: string) => {
    if (secrets.includes(x as never)) throw new Error(`internal value at ${at}`);
    if (Array.isArray(x)) x.forEach((y, i) => walk(y, `${at}[${i}]`));
    else if (x && typeof x === 'object')
      for (const [k, y] of Object.entries(x)) {
        // (A taxonomy has a version string; a record's version is a number and stays inside.)
        if (forbiddenKey.test(k) || (k === 'version' && typeof y === 'number')) throw new Error(`internal key ${at}.${k}`);
        walk(y, `${at}.${k}`);
      }
  };
  walk(body, '');
  const text = JSON.stringify(body);
  for (const s of secrets) if (typeof s === 'string') expect(text).not.toContain(s);
}

let srv: TestServer;
let c: Client;
const ids: Record<string, string> = {};
let confirmerId = '';
const term = (code: string) => termByCode.get(code)!.id;

beforeAll(async () => {
  v = loadValidators();
  srv = await startServer();
  c = srv.client();
  const db = srv.database.db;
  const org = await srv.org({
    name: 'Yayasan Uji HSDS',
    acronym: 'YUH',
    type: 'ngo',
    level: 'regency',
    areaCode: '33.29',
    description: 'Yayasan untuk pengujian.',
    website: 'https://yuh.example',
    email: 'halo@yuh.example',
    phone: '+62283123456',
  });
  const other = await srv.org({ name: 'Dinas Uji Lain', type: 'local_government', level: 'province', areaCode: '35', website: 'not a url', email: 'not an email' });
  const inactive = await srv.org({ name: 'Organisasi Nonaktif Uji', type: 'ngo', level: 'regency', active: false });
  const quiet = await srv.org({ name: 'Organisasi Tanpa Layanan', type: 'ngo', level: 'regency' });
  ids.org = org.id;
  ids.other = other.id;
  ids.inactive = inactive.id;
  ids.quiet = quiet.id;
  const confirmer = await srv.user({ organizationId: org.id, roles: ['org_admin'] });
  confirmerId = confirmer.id;

  const [l1] = await db
    .insert(locations)
    .values({ organizationId: other.id, name: 'Balai Latihan Uji', address: 'Jl. Uji No. 1', areaCode: '35.07.01.2001', postalCode: '65152', latitude: -8.1, longitude: 112.5, transportation: 'Angkot biru.', accessibility: 'Ramp di pintu depan.' })
    .returning({ id: locations.id });
  const [l2] = await db
    .insert(locations)
    .values({ organizationId: org.id, name: 'Kantor Uji Salem', address: 'Jl. Salem No. 2', areaCode: '33.29.01' })
    .returning({ id: locations.id });
  ids.l1 = l1!.id;
  ids.l2 = l2!.id;

  const base = { description: '', lastConfirmedAt: new Date('2026-03-01T02:00:00Z'), updatedAt: new Date('2026-03-01T02:00:00Z'), searchText: '' };
  const rows: (typeof services.$inferInsert & { key: string })[] = [
    {
      key: 'alpha',
      ...base,
      organizationId: org.id,
      name: 'Alpha Rumah Aman',
      description: 'Rumah aman tanpa alamat yang diumumkan.',
      termIds: [term('shelter'), term('mental_health')],
      languages: ['id', 'jv'],
      eligibleSexes: ['female'],
      maxAge: 17,
      eligibleCaseTypes: ['victim_of_trafficking'],
      eligibleDirections: ['inbound'],
      eligibilityNote: 'Dirujuk UPTD PPA.',
      hours: [
        { days: [1, 2, 3, 4], opens: '07:30', closes: '16:00' },
        { days: [5], opens: '07:30', closes: '11:00' },
        { days: [6, 7], opens: '09:00', closes: '12:00' },
      ],
      hoursNote: 'Penerimaan darurat 24 jam.',
      phones: [
        { number: '+6281327001122', kind: 'hotline', description: '24 jam' },
        { number: '+6281327001123', kind: 'whatsapp', description: null },
        { number: '+6281327001124', kind: 'sms', description: null },
      ],
      contacts: [{ name: 'Sri Uji', title: 'Koordinator', email: 'sri@yuh.example', phone: '+6281327001125' }, { name: 'Budi Uji', title: null, email: 'bukan email', phone: null }],
      areaCodes: ['33.29'],
      requiredDocuments: ['referral_letter', 'ktp'],
      requiredDocumentsNote: 'Tanpa KTP tetap diterima.',
      capacityTotal: 777,
      capacityFree: 555,
      maxOpenReferrals: 444,
      capacityUpdatedAt: new Date(),
      referralsAnswered: 91,
      referralsAccepted: 83,
      responseHoursTotal: 1234.5,
      lastConfirmedById: confirmer.id,
      costKind: 'free',
      updatedAt: new Date('2026-05-10T00:00:00Z'),
    },
    {
      key: 'bravo',
      ...base,
      organizationId: org.id,
      name: 'Bravo Hotline Nasional',
      description: 'Hotline bantuan hukum.',
      termIds: [term('legal_aid')],
      languages: ['id', 'en'],
      nationwide: true,
      hours: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '23:59' }],
      phones: [{ number: '+628001234567', kind: 'hotline', description: null }],
      url: 'https://bravo.example/hotline',
      email: 'bravo@yuh.example',
      costKind: 'sliding_scale',
      costNote: 'Sesuai kemampuan.',
    },
    {
      key: 'charlie',
      ...base,
      organizationId: other.id,
      name: 'Charlie Pelatihan',
      alternateName: 'Charlie',
      description: 'Pelatihan menjahit dan penyaluran kerja.',
      status: 'temporarily closed',
      hoursNote: 'Tutup sementara untuk renovasi.',
      termIds: [term('vocational_training'), term('job_placement')],
      languages: ['id', 'jv'],
      areaCodes: ['35'],
      minAge: 17,
      hours: [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '15:00' }],
      costKind: 'fee',
      costNote: 'Rp 50.000',
      url: 'bukan-url',
      updatedAt: new Date('2026-06-01T00:00:00Z'),
    },
    { key: 'delta', ...base, organizationId: org.id, name: 'Delta Sudah Tutup', status: 'defunct', termIds: [term('shelter')], areaCodes: ['33.29'] },
    { key: 'echo', ...base, organizationId: other.id, name: 'Echo Nonaktif', status: 'inactive', termIds: [term('medical_care')], areaCodes: ['35.07'], languages: ['id'] },
    { key: 'foxtrot', ...base, organizationId: inactive.id, name: 'Foxtrot Organisasi Nonaktif', termIds: [term('shelter')], nationwide: true },
    { key: 'golf', ...base, organizationId: org.id, name: 'Golf Kecamatan Salem', termIds: [term('community_support')], areaCodes: ['33.29.01'], languages: ['id', 'su'] },
  ];
  for (const { key, ...row } of rows) {
    const [r] = await db.insert(services).values(row).returning({ id: services.id });
    ids[key] = r!.id;
  }
  const [s1] = await db.insert(serviceAtLocations).values({ serviceId: ids.charlie!, locationId: l1!.id, description: 'Kelas di gedung B.' }).returning({ id: serviceAtLocations.id });
  const [s2] = await db.insert(serviceAtLocations).values({ serviceId: ids.echo!, locationId: l1!.id }).returning({ id: serviceAtLocations.id });
  const [s3] = await db.insert(serviceAtLocations).values({ serviceId: ids.golf!, locationId: l2!.id }).returning({ id: serviceAtLocations.id });
  const [s4] = await db.insert(serviceAtLocations).values({ serviceId: ids.delta!, locationId: l2!.id }).returning({ id: serviceAtLocations.id });
  ids.salCharlie = s1!.id;
  ids.salEcho = s2!.id;
  ids.salGolf = s3!.id;
  ids.salDelta = s4!.id;
  // The search text as the directory service builds it.
  const { sql } = await import('drizzle-orm');
  await db.execute(sql`update services s set search_text = lower(concat_ws(' ', s.name, s.alternate_name, s.description, o.name, o.acronym)) from organizations o where o.id = s.organization_id`);
}, 120_000);

afterAll(async () => {
  await srv?.close();
});

// Who confirmed Alpha, and its capacity and provider record (distinctive numbers).
const secrets = () => [confirmerId, 777, 555, 444, 1234.5, 91, 83];
const names = (body: { contents: { name: string }[] }) => body.contents.map((s) => s.name);

describe('the root, profile and OpenAPI document', () => {
  it('gives the version, a profile URL and the OpenAPI URL, absolute and from the request', async () => {
    const res = await c.get('/api/hsds/');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ version: '3.0', profile: `${srv.url}/api/hsds/profile`, openapi_url: `${srv.url}/api/hsds/openapi.json` });
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const withoutSlash = await c.get('/api/hsds');
    expect(withoutSlash.status).toBe(200);
    const forwarded = await c.request('GET', '/api/hsds', undefined, { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'direktori.example.id' });
    expect(forwarded.body.openapi_url).toBe('https://direktori.example.id/api/hsds/openapi.json');
  });

  it('serves the profile and an OpenAPI document of every endpoint with the extensions', async () => {
    const profile = await c.get('/api/hsds/profile');
    expect(profile.status).toBe(200);
    expect(profile.body.hsds_version).toBe('3.0');
    expect(profile.body.extensions.map((e: { parameter: string }) => e.parameter)).toEqual(['area_code', 'language', 'lang']);
    const doc = await c.get('/api/hsds/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/', '/services', '/services/{id}', '/organizations', '/organizations/{id}', '/taxonomies', '/taxonomies/{id}', '/taxonomy_terms', '/taxonomy_terms/{id}', '/service_at_locations', '/service_at_locations/{id}']),
    );
    const params = doc.body.paths['/services'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['search', 'page', 'per_page', 'format', 'taxonomy_term_id', 'taxonomy_id', 'organization_id', 'modified_after', 'minimal', 'full', 'area_code', 'language', 'lang']));
    expect(doc.body.servers[0].url).toBe(`${srv.url}/api/hsds`);
  });

  it('is not in the internal OpenAPI document', async () => {
    const internal = await c.get('/api/openapi.json');
    expect(Object.keys(internal.body.paths).filter((p) => p.startsWith('/api/hsds'))).toEqual([]);
  });

  it('answers a CORS preflight', async () => {
    const res = await c.request('OPTIONS', '/api/hsds/services', undefined, { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('GET');
  });
});

describe('/services', () => {
  it('lists published services by name, with the page header, valid against service_list', async () => {
    const res = await c.get('/api/hsds/services');
    expect(res.status).toBe(200);
    validPage(res.body, v.serviceList, '/services');
    // Defunct and an inactive organisation's services are left out; inactive and temporarily closed are listed with their status.
    expect(names(res.body)).toEqual(['Alpha Rumah Aman', 'Bravo Hotline Nasional', 'Charlie Pelatihan', 'Echo Nonaktif', 'Golf Kecamatan Salem']);
    expect(res.body).toMatchObject({ total_items: 5, total_pages: 1, page_number: 1, size: 5, first_page: true, last_page: true, empty: false });
    const charlie = res.body.contents.find((s: { name: string }) => s.name === 'Charlie Pelatihan');
    expect(charlie).toMatchObject({ status: 'temporarily closed', alternate_name: 'Charlie', alert: 'Tutup sementara untuk renovasi.', minimum_age: 17, organization: { id: ids.other, name: 'Dinas Uji Lain', description: '' } });
    // A value that fails the schema's format (url, website, email) is left out, not published broken.
    expect(charlie.url).toBeUndefined();
    expect(charlie.organization.website).toBeUndefined();
    expect(charlie.organization.email).toBeUndefined();
    const alpha = res.body.contents.find((s: { name: string }) => s.name === 'Alpha Rumah Aman');
    expect(alpha).toMatchObject({ maximum_age: 17, assured_date: '2026-03-01', last_modified: '2026-05-10T00:00:00.000Z', organization: { alternate_name: 'YUH', website: 'https://yuh.example' } });
    expect(alpha.eligibility_description).toBe('Khusus perempuan. Usia sampai 17 tahun. Untuk: korban perdagangan orang, WNI yang pulang ke Indonesia. Dirujuk UPTD PPA.');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    assertNothingInternal(res.body, secrets());
  });

  it('gives fully nested services with full=true, valid against service.json', async () => {
    const res = await c.get('/api/hsds/services?full=true');
    expect(res.status).toBe(200);
    validPage(res.body, v.service, '/services?full=true');
    assertNothingInternal(res.body, secrets());
  });

  it('pages: sizes, the last page, past the end', async () => {
    const p1 = await c.get('/api/hsds/services?per_page=2');
    expect(p1.body).toMatchObject({ total_items: 5, total_pages: 3, page_number: 1, size: 2, first_page: true, last_page: false, empty: false });
    expect(names(p1.body)).toEqual(['Alpha Rumah Aman', 'Bravo Hotline Nasional']);
    const p3 = await c.get('/api/hsds/services?per_page=2&page=3');
    expect(p3.body).toMatchObject({ total_items: 5, total_pages: 3, page_number: 3, size: 1, first_page: false, last_page: true, empty: false });
    expect(names(p3.body)).toEqual(['Golf Kecamatan Salem']);
    const past = await c.get('/api/hsds/services?per_page=2&page=9');
    expect(past.status).toBe(200);
    validPage(past.body, v.serviceList, 'past the end');
    expect(past.body).toMatchObject({ total_items: 5, total_pages: 3, page_number: 9, size: 0, last_page: true, empty: true, contents: [] });
    const max = await c.get('/api/hsds/services?per_page=100');
    expect(max.body.size).toBe(5);
    const none = await c.get('/api/hsds/services?search=tidakadasamasekali');
    expect(none.body).toMatchObject({ total_items: 0, total_pages: 0, page_number: 1, size: 0, first_page: true, last_page: true, empty: true });
    validPage(none.body, v.serviceList, 'no results');
  });

  it('filters: search, taxonomy term (and a group of terms), taxonomy, organisation, modified_after', async () => {
    expect(names((await c.get('/api/hsds/services?search=MENJAHIT')).body)).toEqual(['Charlie Pelatihan']);
    expect(names((await c.get('/api/hsds/services?search=uji%20rumah')).body)).toEqual(['Alpha Rumah Aman']);
    expect(names((await c.get(`/api/hsds/services?taxonomy_term_id=${term('shelter')}`)).body)).toEqual(['Alpha Rumah Aman']);
    expect(names((await c.get(`/api/hsds/services?taxonomy_term_id=${term('mental_health')}`)).body)).toEqual(['Alpha Rumah Aman']);
    // The group "income and work" stands for its terms.
    expect(names((await c.get(`/api/hsds/services?taxonomy_term_id=${term('economic')}`)).body)).toEqual(['Charlie Pelatihan']);
    expect((await c.get('/api/hsds/services?taxonomy_term_id=00000000-0000-4000-8000-000000000000')).body.total_items).toBe(0);
    expect((await c.get(`/api/hsds/services?taxonomy_id=${taxonomy.id}`)).body.total_items).toBe(5);
    expect((await c.get('/api/hsds/services?taxonomy_id=00000000-0000-4000-8000-000000000000')).body.total_items).toBe(0);
    expect(names((await c.get(`/api/hsds/services?organization_id=${ids.other}`)).body)).toEqual(['Charlie Pelatihan', 'Echo Nonaktif']);
    expect(names((await c.get('/api/hsds/services?modified_after=2026-05-10')).body)).toEqual(['Alpha Rumah Aman', 'Charlie Pelatihan']);
    expect(names((await c.get('/api/hsds/services?modified_after=2026-05-10T00:00:01Z')).body)).toEqual(['Charlie Pelatihan']);
    expect(names((await c.get('/api/hsds/services?modified_after=2026-05-10T07:00:01%2B07:00')).body)).toEqual(['Charlie Pelatihan']);
    // Filters add up (AND).
    expect(names((await c.get(`/api/hsds/services?organization_id=${ids.org}&taxonomy_term_id=${term('legal_aid')}`)).body)).toEqual(['Bravo Hotline Nasional']);
    expect((await c.get(`/api/hsds/services?organization_id=${ids.other}&taxonomy_term_id=${term('legal_aid')}`)).body.total_items).toBe(0);
  });

  it('filters by area code (extension): nationwide, the area, or an area containing it', async () => {
    expect(names((await c.get('/api/hsds/services?area_code=33.29')).body)).toEqual(['Alpha Rumah Aman', 'Bravo Hotline Nasional']);
    expect(names((await c.get('/api/hsds/services?area_code=33.29.01')).body)).toEqual(['Alpha Rumah Aman', 'Bravo Hotline Nasional', 'Golf Kecamatan Salem']);
    expect(names((await c.get('/api/hsds/services?area_code=33.29.01.2001')).body)).toEqual(['Alpha Rumah Aman', 'Bravo Hotline Nasional', 'Golf Kecamatan Salem']);
    expect(names((await c.get('/api/hsds/services?area_code=35.07.01')).body)).toEqual(['Bravo Hotline Nasional', 'Charlie Pelatihan', 'Echo Nonaktif']);
    expect(names((await c.get('/api/hsds/services?area_code=35')).body)).toEqual(['Bravo Hotline Nasional', 'Charlie Pelatihan']);
    expect(names((await c.get('/api/hsds/services?area_code=11')).body)).toEqual(['Bravo Hotline Nasional']);
  });

  it('filters by language (extension)', async () => {
    expect(names((await c.get('/api/hsds/services?language=jv')).body)).toEqual(['Alpha Rumah Aman', 'Charlie Pelatihan']);
    expect(names((await c.get('/api/hsds/services?language=EN')).body)).toEqual(['Bravo Hotline Nasional']);
    expect((await c.get('/api/hsds/services?language=tl')).body.total_items).toBe(0);
    expect(names((await c.get('/api/hsds/services?language=jv&area_code=35.07')).body)).toEqual(['Charlie Pelatihan']);
  });

  it('gives id, name, status and last_modified only with minimal=true', async () => {
    const res = await c.get('/api/hsds/services?minimal=true');
    validPage(res.body, v.serviceList, 'minimal');
    expect(res.body.contents[0]).toEqual({ id: ids.alpha, name: 'Alpha Rumah Aman', status: 'active', last_modified: '2026-05-10T00:00:00.000Z' });
  });

  it('streams every result as ndjson, without pagination', async () => {
    const res = await c.get('/api/hsds/services?format=ndjson&per_page=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const lines = res.text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((s) => s.name)).toEqual(['Alpha Rumah Aman', 'Bravo Hotline Nasional', 'Charlie Pelatihan', 'Echo Nonaktif', 'Golf Kecamatan Salem']);
    lines.forEach((l, i) => valid(v.serviceList, l, `ndjson line ${i}`));
    const full = await c.get(`/api/hsds/services?format=ndjson&full=true&organization_id=${ids.org}`);
    const fullLines = full.text.trim().split('\n').map((l) => JSON.parse(l));
    expect(fullLines).toHaveLength(3);
    fullLines.forEach((l, i) => valid(v.service, l, `full ndjson line ${i}`));
    assertNothingInternal(fullLines, secrets());
    const empty = await c.get('/api/hsds/services?format=ndjson&search=tidakadasamasekali');
    expect(empty.status).toBe(200);
    expect(empty.text).toBe('');
  });

  it('refuses bad paging and filters with the field and a code, and nothing else', async () => {
    const bad = async (query: string, field: string, code: string) => {
      const res = await c.get(`/api/hsds/services?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
      expect(res.body.error.fields).toEqual({ [field]: code });
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('cache-control')).toBe('no-store');
    };
    await bad('page=0', 'page', 'too_small');
    await bad('page=-3', 'page', 'too_small');
    await bad('page=abc', 'page', 'invalid_type');
    await bad('page=1.5', 'page', 'invalid_type');
    await bad('per_page=1000', 'per_page', 'too_large');
    await bad('per_page=101', 'per_page', 'too_large');
    await bad('per_page=0', 'per_page', 'too_small');
    await bad('modified_after=yesterday', 'modified_after', 'invalid_format');
    await bad('modified_after=2026-02-30', 'modified_after', 'invalid_format');
    await bad('modified_after=2026-01-01T25:00:00Z', 'modified_after', 'invalid_format');
    await bad('taxonomy_term_id=shelter', 'taxonomy_term_id', 'invalid_uuid');
    await bad('taxonomy_id=1', 'taxonomy_id', 'invalid_uuid');
    await bad('organization_id=abc', 'organization_id', 'invalid_uuid');
    await bad('area_code=33.99', 'area_code', 'unknown_area');
    await bad('area_code=99', 'area_code', 'unknown_area');
    await bad('area_code=33-29', 'area_code', 'invalid_format');
    await bad('language=javanese', 'language', 'invalid_format');
    await bad('format=xml', 'format', 'invalid_choice');
    await bad('full=yes', 'full', 'invalid_choice');
    await bad('lang=fr', 'lang', 'invalid_choice');
    await bad('page=1&page=2', 'page', 'invalid_type');
    const many = await c.get('/api/hsds/services?page=0&per_page=500&taxonomy_term_id=x');
    expect(many.body.error.fields).toEqual({ page: 'too_small', per_page: 'too_large', taxonomy_term_id: 'invalid_uuid' });
  });
});

describe('/services/{id}', () => {
  it('gives a service in full, valid against service.json, with its children', async () => {
    const res = await c.get(`/api/hsds/services/${ids.alpha}`);
    expect(res.status).toBe(200);
    valid(v.service, res.body, 'alpha');
    assertNothingInternal(res.body, secrets());
    const s = res.body;
    expect(s.service_at_locations).toEqual([]);
    expect(s.service_areas).toEqual([
      { id: expect.any(String), service_id: ids.alpha, name: 'Kabupaten Brebes', description: 'Kabupaten Brebes, Jawa Tengah (kode wilayah Kemendagri 33.29)', uri: 'urn:kemendagri:33.29' },
    ]);
    expect(s.schedules.map((x: { byday: string; opens_at: string; closes_at: string; freq: string }) => [x.freq, x.byday, x.opens_at, x.closes_at])).toEqual([
      ['WEEKLY', 'MO,TU,WE,TH', '07:30+07:00', '16:00+07:00'],
      ['WEEKLY', 'FR', '07:30+07:00', '11:00+07:00'],
      ['WEEKLY', 'SA,SU', '09:00+07:00', '12:00+07:00'],
    ]);
    expect(s.schedules[0]).toMatchObject({ timezone: 7, wkst: 'MO', description: 'Senin–Kamis 07.30–16.00 WIB', notes: 'Penerimaan darurat 24 jam.' });
    expect(s.schedules[2].description).toBe('Sabtu, Minggu 09.00–12.00 WIB');
    expect(s.phones.map((p: { number: string; type: string; description?: string }) => [p.number, p.type, p.description])).toEqual([
      ['+6281327001122', 'voice', 'Hotline – 24 jam'],
      ['+6281327001123', 'cell', 'WhatsApp'],
      ['+6281327001124', 'text', 'SMS'],
    ]);
    expect(s.languages.map((l: { code: string; name: string }) => [l.code, l.name])).toEqual([
      ['id', 'Bahasa Indonesia'],
      ['jv', 'Bahasa Jawa'],
    ]);
    expect(s.cost_options).toEqual([{ id: expect.any(String), service_id: ids.alpha, option: 'Gratis', currency: 'IDR', amount: 0 }]);
    expect(s.required_documents.map((d: { document: string }) => d.document)).toEqual(['Surat rujukan', 'KTP (Kartu Tanda Penduduk)', 'Tanpa KTP tetap diterima.']);
    expect(s.contacts).toHaveLength(2);
    expect(s.contacts[0]).toMatchObject({ name: 'Sri Uji', title: 'Koordinator', email: 'sri@yuh.example', phones: [{ number: '+6281327001125' }] });
    expect(s.contacts[1].email).toBeUndefined();
    expect(s.attributes.map((a: { taxonomy_term: { code: string; name: string } }) => [a.taxonomy_term.code, a.taxonomy_term.name])).toEqual([
      ['shelter', 'Rumah aman dan penampungan'],
      ['mental_health', 'Kesehatan jiwa dan dukungan psikososial'],
    ]);
    expect(s.attributes[0]).toMatchObject({ link_id: ids.alpha, link_entity: 'service', taxonomy_term_id: term('shelter'), taxonomy_term: { taxonomy_id: taxonomy.id, parent_id: term('protection_recovery'), language: 'id' } });
    expect(s.organization).toMatchObject({ id: ids.org, phones: [{ number: '+62283123456', type: 'voice' }] });
    // Child IDs are stable between requests, and distinct.
    const again = await c.get(`/api/hsds/services/${ids.alpha}`);
    expect(again.body).toEqual(res.body);
    const childIds = ['phones', 'schedules', 'service_areas', 'languages', 'cost_options', 'required_documents', 'contacts', 'attributes'].flatMap((k) =>
      (s[k] as { id: string }[]).map((x) => x.id),
    );
    expect(childIds).toHaveLength(3 + 3 + 1 + 2 + 1 + 3 + 2 + 2);
    expect(new Set([...childIds, s.id, s.organization.id]).size).toBe(childIds.length + 2);
  });

  it('gives English taxonomy text and labels with lang=en, the provider text as entered', async () => {
    const res = await c.get(`/api/hsds/services/${ids.alpha}?lang=en`);
    valid(v.service, res.body, 'alpha en');
    expect(res.body.attributes[0].taxonomy_term).toMatchObject({ name: 'Shelter', language: 'en' });
    expect(res.body.schedules[0].description).toBe('Monday–Thursday 07.30–16.00 WIB');
    expect(res.body.cost_options[0].option).toBe('Free');
    expect(res.body.required_documents[0].document).toBe('Referral letter');
    expect(res.body.eligibility_description).toBe('Women and girls only. Aged up to 17. For: victims of trafficking, Indonesians coming home. Dirujuk UPTD PPA.');
    expect(res.body.description).toBe('Rumah aman tanpa alamat yang diumumkan.');
  });

  it('describes a nationwide service as serving Indonesia, and around-the-clock hours', async () => {
    const res = await c.get(`/api/hsds/services/${ids.bravo}`);
    valid(v.service, res.body, 'bravo');
    expect(res.body.service_areas).toEqual([{ id: expect.any(String), service_id: ids.bravo, name: 'Indonesia', description: 'Seluruh Indonesia' }]);
    expect(res.body.schedules[0]).toMatchObject({ byday: 'MO,TU,WE,TH,FR,SA,SU', description: 'Setiap hari 24 jam' });
    expect(res.body).toMatchObject({ url: 'https://bravo.example/hotline', email: 'bravo@yuh.example', fees_description: 'Biaya disesuaikan dengan kemampuan. Sesuai kemampuan.' });
    expect(res.body.cost_options[0]).toEqual({ id: expect.any(String), service_id: ids.bravo, option: 'Biaya disesuaikan dengan kemampuan', currency: 'IDR', amount_description: 'Sesuai kemampuan.' });
  });

  it('gives a service at a location with its address', async () => {
    const res = await c.get(`/api/hsds/services/${ids.charlie}`);
    valid(v.service, res.body, 'charlie');
    expect(res.body.service_at_locations).toHaveLength(1);
    const sal = res.body.service_at_locations[0];
    expect(sal).toMatchObject({ id: ids.salCharlie, service_id: ids.charlie, location_id: ids.l1, description: 'Kelas di gedung B.' });
    expect(sal.location).toMatchObject({
      id: ids.l1,
      location_type: 'physical',
      organization_id: ids.other,
      name: 'Balai Latihan Uji',
      transportation: 'Angkot biru.',
      latitude: -8.1,
      longitude: 112.5,
      accessibility: [{ description: 'Ramp di pintu depan.' }],
    });
    expect(sal.location.addresses).toEqual([
      {
        id: expect.any(String),
        location_id: ids.l1,
        address_1: 'Jl. Uji No. 1',
        address_2: 'Desa Tulungrejo, Kecamatan Donomulyo',
        city: 'Kabupaten Malang',
        state_province: 'Jawa Timur',
        postal_code: '65152',
        country: 'ID',
        address_type: 'physical',
      },
    ]);
  });

  it('answers 404 for unknown, defunct, an inactive organisation, and a malformed id', async () => {
    for (const id of ['6f1b7c2e-0d4a-4c1e-9a51-000000000999', ids.delta, ids.foxtrot, 'not-an-id']) {
      const res = await c.get(`/api/hsds/services/${id}`);
      expect(res.status, id).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
  });
});

describe('/service_at_locations', () => {
  it('lists the links of published services, valid against service_at_location_list', async () => {
    const res = await c.get('/api/hsds/service_at_locations');
    expect(res.status).toBe(200);
    validPage(res.body, v.salList, '/service_at_locations');
    expect(res.body.contents.map((x: { id: string }) => x.id)).toEqual([ids.salCharlie, ids.salEcho, ids.salGolf]);
    expect(res.body.contents[0]).toMatchObject({ service_id: ids.charlie, location_id: ids.l1, location: { name: 'Balai Latihan Uji' }, service: { name: 'Charlie Pelatihan' } });
    assertNothingInternal(res.body, secrets());
  });

  it('filters and pages like services, and nests fully with full=true', async () => {
    const filtered = await c.get(`/api/hsds/service_at_locations?organization_id=${ids.org}`);
    expect(filtered.body.contents.map((x: { id: string }) => x.id)).toEqual([ids.salGolf]);
    const area = await c.get('/api/hsds/service_at_locations?area_code=35.07.01.2001&language=jv');
    expect(area.body.contents.map((x: { id: string }) => x.id)).toEqual([ids.salCharlie]);
    const p2 = await c.get('/api/hsds/service_at_locations?per_page=2&page=2');
    expect(p2.body).toMatchObject({ total_items: 3, total_pages: 2, page_number: 2, size: 1, last_page: true });
    const full = await c.get('/api/hsds/service_at_locations?full=true');
    validPage(full.body, v.sal, '/service_at_locations?full=true');
    assertNothingInternal(full.body, secrets());
    const nd = await c.get('/api/hsds/service_at_locations?format=ndjson');
    expect(nd.text.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual([ids.salCharlie, ids.salEcho, ids.salGolf]);
    expect((await c.get('/api/hsds/service_at_locations?per_page=500')).status).toBe(400);
  });

  it('gives one in full, valid against service_at_location.json; 404 for a defunct service or an unknown id', async () => {
    const res = await c.get(`/api/hsds/service_at_locations/${ids.salGolf}`);
    expect(res.status).toBe(200);
    valid(v.sal, res.body, 'sal golf');
    expect(res.body.location.addresses[0]).toMatchObject({ address_1: 'Jl. Salem No. 2', address_2: 'Kecamatan Salem', city: 'Kabupaten Brebes', state_province: 'Jawa Tengah', postal_code: '' });
    expect(res.body.service).toMatchObject({ id: ids.golf, name: 'Golf Kecamatan Salem' });
    expect(res.body.service.service_areas[0]).toMatchObject({ name: 'Salem', description: 'Salem, Kabupaten Brebes, Jawa Tengah (kode wilayah Kemendagri 33.29.01)' });
    assertNothingInternal(res.body, secrets());
    expect((await c.get(`/api/hsds/service_at_locations/${ids.salDelta}`)).status).toBe(404);
    expect((await c.get('/api/hsds/service_at_locations/6f1b7c2e-0d4a-4c1e-9a51-000000000999')).status).toBe(404);
  });
});

describe('/organizations', () => {
  it('lists organisations that publish a service, valid against organization_list', async () => {
    const res = await c.get('/api/hsds/organizations');
    expect(res.status).toBe(200);
    validPage(res.body, v.organizationList, '/organizations');
    expect(names(res.body)).toEqual(['Dinas Uji Lain', 'Yayasan Uji HSDS']);
    expect(res.body.contents[1]).toEqual({ id: ids.org, name: 'Yayasan Uji HSDS', alternate_name: 'YUH', description: 'Yayasan untuk pengujian.', email: 'halo@yuh.example', website: 'https://yuh.example' });
    expect(names((await c.get('/api/hsds/organizations?search=yuh')).body)).toEqual(['Yayasan Uji HSDS']);
    const p = await c.get('/api/hsds/organizations?per_page=1&page=2');
    expect(p.body).toMatchObject({ total_items: 2, total_pages: 2, page_number: 2, size: 1, first_page: false, last_page: true });
    const full = await c.get('/api/hsds/organizations?full=true&full_service=true');
    validPage(full.body, v.organization, '/organizations?full=true');
    assertNothingInternal(full.body, secrets());
    const nd = await c.get('/api/hsds/organizations?format=ndjson');
    expect(nd.text.trim().split('\n').map((l) => JSON.parse(l).name)).toEqual(['Dinas Uji Lain', 'Yayasan Uji HSDS']);
    expect((await c.get('/api/hsds/organizations?page=0')).body.error.fields).toEqual({ page: 'too_small' });
  });

  it('gives one with its phone, locations and services, valid against organization.json', async () => {
    const res = await c.get(`/api/hsds/organizations/${ids.org}`);
    expect(res.status).toBe(200);
    valid(v.organization, res.body, 'organization');
    expect(res.body.phones).toEqual([{ id: expect.any(String), organization_id: ids.org, number: '+62283123456', type: 'voice' }]);
    // A location is published where a published service is given: Salem (Golf), not through the defunct Delta alone.
    expect(res.body.locations.map((l: { name: string }) => l.name)).toEqual(['Kantor Uji Salem']);
    expect(res.body.services.map((s: { name: string }) => s.name)).toEqual(['Alpha Rumah Aman', 'Bravo Hotline Nasional', 'Golf Kecamatan Salem']);
    expect(res.body.services[0].phones).toBeUndefined();
    const full = await c.get(`/api/hsds/organizations/${ids.org}?full_service=true`);
    valid(v.organization, full.body, 'organization full_service');
    expect(full.body.services[0].phones).toHaveLength(3);
    assertNothingInternal(full.body, secrets());
  });

  it('answers 404 for an inactive organisation, one without published services, and unknown ids', async () => {
    for (const id of [ids.inactive, ids.quiet, '6f1b7c2e-0d4a-4c1e-9a51-000000000999', 'x'])
      expect((await c.get(`/api/hsds/organizations/${id}`)).status, id).toBe(404);
  });
});

describe('/taxonomies and /taxonomy_terms', () => {
  it('lists the taxonomy and gives it by id', async () => {
    const res = await c.get('/api/hsds/taxonomies');
    validPage(res.body, v.taxonomy, '/taxonomies');
    expect(res.body.contents).toEqual([{ id: taxonomy.id, name: taxonomy.name, description: taxonomy.description, uri: taxonomy.uri, version: taxonomy.version }]);
    const one = await c.get(`/api/hsds/taxonomies/${taxonomy.id}`);
    valid(v.taxonomy, one.body, 'taxonomy');
    expect((await c.get('/api/hsds/taxonomies/6f1b7c2e-0d4a-4c1e-9a51-000000000999')).status).toBe(404);
    expect((await c.get('/api/hsds/taxonomies?search=tidakada')).body.total_items).toBe(0);
  });

  it('lists the terms from the database, in Indonesian by default and English with lang=en', async () => {
    const res = await c.get('/api/hsds/taxonomy_terms?per_page=100');
    expect(res.status).toBe(200);
    validPage(res.body, v.taxonomyTerm, '/taxonomy_terms');
    expect(res.body.total_items).toBe(19);
    const shelter = res.body.contents.find((t: { code: string }) => t.code === 'shelter');
    expect(shelter).toMatchObject({ id: term('shelter'), name: 'Rumah aman dan penampungan', parent_id: term('protection_recovery'), taxonomy_id: taxonomy.id, language: 'id' });
    const en = await c.get('/api/hsds/taxonomy_terms?per_page=100&lang=en');
    expect(en.body.contents.find((t: { code: string }) => t.code === 'shelter')).toMatchObject({ name: 'Shelter', language: 'en' });
    const top = await c.get('/api/hsds/taxonomy_terms?top_only=true');
    expect(top.body.contents.map((t: { code: string }) => t.code)).toEqual(['protection_recovery', 'justice', 'return_family', 'economic', 'social']);
    const children = await c.get(`/api/hsds/taxonomy_terms?parent_id=${term('justice')}`);
    expect(children.body.contents.map((t: { code: string }) => t.code)).toEqual(['legal_aid', 'restitution_protection']);
    expect((await c.get('/api/hsds/taxonomy_terms?search=shelter&lang=en')).body.contents.map((t: { code: string }) => t.code)).toEqual(['shelter']);
    expect((await c.get('/api/hsds/taxonomy_terms?taxonomy_id=6f1b7c2e-0d4a-4c1e-9a51-000000000999')).body.total_items).toBe(0);
    const p = await c.get('/api/hsds/taxonomy_terms?per_page=5&page=4');
    expect(p.body).toMatchObject({ total_items: 19, total_pages: 4, page_number: 4, size: 4, last_page: true });
    const past = await c.get('/api/hsds/taxonomy_terms?per_page=5&page=7');
    expect(past.body).toMatchObject({ total_items: 19, size: 0, empty: true });
    const nd = await c.get('/api/hsds/taxonomy_terms?format=ndjson');
    expect(nd.text.trim().split('\n')).toHaveLength(19);
  });

  it('gives a term by id; 404 for an unknown one', async () => {
    const res = await c.get(`/api/hsds/taxonomy_terms/${term('legal_aid')}?lang=en`);
    valid(v.taxonomyTerm, res.body, 'term');
    expect(res.body).toMatchObject({ code: 'legal_aid', name: 'Legal aid and police reporting', taxonomy_detail: { id: taxonomy.id } });
    expect((await c.get('/api/hsds/taxonomy_terms/6f1b7c2e-0d4a-4c1e-9a51-000000000999')).status).toBe(404);
  });
});

describe('the copy of the standard', () => {
  it.runIf(fs.existsSync(sharedSchemaDir))('is identical to the HSDS 3.0 schemas shared next to the repository', () => {
    const shared = jsonFilesUnder(sharedSchemaDir).filter((f) => !f.startsWith('simple'));
    expect(jsonFilesUnder(hsdsSchemaDir)).toEqual(shared);
    for (const f of shared) expect(fs.readFileSync(path.join(hsdsSchemaDir, f), 'utf8'), f).toBe(fs.readFileSync(path.join(sharedSchemaDir, f), 'utf8'));
  });
});
