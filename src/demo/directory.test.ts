// The demo directory on a real database: a few hundred services across the country plus the demo
// organisations' own (the NGO's shelter and counselling in Brebes, the provincial office's
// services in East Java), seeded quickly, searchable, and published through the HSDS API.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { termByCode } from '../directory/taxonomy.js';
import { startServer, type TestServer } from '../../test/support/server.js';
import { DEMO_DIRECTORY_SERVICES, seedDemoDirectory } from './directory.js';
import { demoOrganizations } from './seed.js';

let s: TestServer;
const ids: Record<string, string> = {};
let seedMs = 0;

type Row = Record<string, unknown>;
const rows = async (q: ReturnType<typeof sql>) => ((await s.database.db.execute(q)) as unknown as { rows: Row[] }).rows;

beforeAll(async () => {
  s = await startServer();
  for (const { key, ...o } of demoOrganizations) ids[key] = (await s.org({ ...o })).id;
  const t = performance.now();
  await seedDemoDirectory(s.database.db, ids);
  seedMs = performance.now() - t;
  console.log(`demo directory seeded in ${Math.round(seedMs)} ms (${s.database.engine})`);
}, 300_000);
afterAll(() => s?.close());

describe('seedDemoDirectory', () => {
  it('seeds a few hundred services across every province, with their search text', async () => {
    const [count] = await rows(sql`select count(*)::int as n, count(*) filter (where search_text = '')::int as blank, count(distinct left(o.area_code, 2))::int as provinces
      from services s join organizations o on o.id = s.organization_id`);
    expect(count!.n).toBeGreaterThanOrEqual(DEMO_DIRECTORY_SERVICES);
    expect(count!.n).toBeLessThan(DEMO_DIRECTORY_SERVICES + 30);
    expect(count!.blank).toBe(0);
    expect(count!.provinces).toBe(38);
    // The search text follows the directory's rule: terms in both languages, the organisation's name.
    const [ngo] = await rows(sql`select search_text from services where organization_id = ${ids.ngo} and name = 'Rumah Aman Bina Pulih'`);
    expect(ngo!.search_text).toContain('yayasan bina pulih nusantara');
    expect(ngo!.search_text).toContain('shelter');
    expect(ngo!.search_text).toContain('rumah aman dan penampungan');
  });

  it("gives the demo NGO a shelter and counselling, and the provincial office a few services, with a public profile", async () => {
    const services = await rows(sql`select name, term_ids, capacity_total, capacity_free, status from services where organization_id = ${ids.ngo} order by name`);
    const terms = services.flatMap((r) => r.term_ids as string[]);
    expect(terms).toContain(termByCode.get('shelter')!.id);
    expect(terms).toContain(termByCode.get('mental_health')!.id);
    const shelter = services.find((r) => (r.term_ids as string[]).includes(termByCode.get('shelter')!.id))!;
    expect(shelter.capacity_total).toBe(12);
    expect(services.every((r) => r.status === 'active')).toBe(true);
    const dinsos = await rows(sql`select name from services where organization_id = ${ids.dinsos}`);
    expect(dinsos.length).toBeGreaterThanOrEqual(3);
    const [profile] = await rows(sql`select description, email, phone from organizations where id = ${ids.ngo}`);
    expect(profile!.description).toMatch(/Brebes/);
    expect(profile!.phone).toMatch(/^\+62/);
    // The generator left out the organisations the demo already has: one provincial social-affairs office of East Java.
    const [same] = await rows(sql`select count(*)::int as n from organizations where lower(name) = 'dinas sosial provinsi jawa timur'`);
    expect(same!.n).toBe(1);
  });

  it('publishes them through the HSDS API', async () => {
    const c = s.client();
    const ngo = await c.get(`/api/hsds/organizations/${ids.ngo}`);
    expect(ngo.status).toBe(200);
    expect(ngo.body.services.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['Rumah Aman Bina Pulih', 'Konseling dan Pemulihan Trauma']));
    const brebes = await c.get(`/api/hsds/services?area_code=33.29&taxonomy_term_id=${termByCode.get('shelter')!.id}`);
    expect(brebes.body.contents.map((x: { name: string }) => x.name)).toContain('Rumah Aman Bina Pulih');
    const list = await c.get('/api/hsds/services?per_page=100');
    expect(list.body.total_items).toBeGreaterThan(280);
  });

  it('is quick enough to seed on every demo start', () => {
    expect(seedMs).toBeLessThan(30_000);
  });
});
