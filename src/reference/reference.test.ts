import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../platform/db/migrate.js';
import { rawQuery } from '../../test/support/database.js';
import { startServer, type TestServer } from '../../test/support/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s?.close());

describe('reference data loaded by migration', () => {
  it('holds every Kemendagri province, regency, district and village', async () => {
    const rows = await rawQuery(s.database, 'select level, count(*)::int as n from areas group by level order by level');
    expect(Object.fromEntries(rows.map((r) => [r.level, r.n]))).toEqual({ province: 38, regency: 514, district: 7277, village: 83763 });
  });

  it('is loaded once: migrating again changes nothing', async () => {
    await migrate(s.database);
    const [{ n }] = await rawQuery(s.database, 'select count(*)::int as n from areas');
    expect(n).toBe(38 + 514 + 7277 + 83763);
  });

  it('lists the regencies of a province, and finds a village by name with its code', async () => {
    const c = s.client();
    const regencies = await c.get('/api/v1/areas?parent=33');
    expect(regencies.status).toBe(200);
    expect(regencies.body.items).toHaveLength(35);
    expect(regencies.body.items.find((a: { code: string }) => a.code === '33.74')).toMatchObject({ name: 'Kota Semarang', level: 'regency', parentCode: '33' });
    const provinces = await c.get('/api/v1/areas');
    expect(provinces.body.items).toHaveLength(38);
    const found = await c.get('/api/v1/areas?q=Sukamaju&level=village&limit=5');
    expect(found.body.items.length).toBeGreaterThan(0);
    expect(found.body.items[0].code).toMatch(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/);
  });

  it('names countries in Indonesian and English', async () => {
    const res = await s.client().get('/api/v1/countries');
    const byCode = Object.fromEntries(res.body.items.map((c: { code: string }) => [c.code, c]));
    expect(res.body.items.length).toBeGreaterThanOrEqual(249);
    expect(byCode.MY).toEqual({ code: 'MY', nameId: 'Malaysia', nameEn: 'Malaysia' });
    expect(byCode.SA.nameId).toBe('Arab Saudi');
    expect(byCode.TW.nameEn).toBe('Taiwan');
  });

  it('refuses a malformed query with a field code', async () => {
    const res = await s.client().get('/api/v1/areas?q=a');
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ q: 'too_short' });
  });
});
