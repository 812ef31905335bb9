// The synthetic directory: deterministic, exactly the requested size, and made of values the
// directory accepts: taxonomy terms that exist, Kemendagri codes that exist (checked in a real
// database's areas table), E.164 phone numbers, coordinates inside Indonesia, consistent links,
// and services the directory API's own input schema takes.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceCreate, locationCreate } from '../directory/schema.js';
import { serviceTermCodes, termByCode } from '../directory/taxonomy.js';
import { serviceLanguages, serviceStatuses } from '../directory/vocabulary.js';
import type { Database } from '../platform/db/client.js';
import { freshDatabase } from '../../test/support/database.js';
import { generateDirectory, mainProvinces, type GeneratedDirectory } from './directory.js';
import { indonesiaBounds } from './directory-places.js';

const referenceDate = '2026-11-27';
let small: GeneratedDirectory;
let big: GeneratedDirectory;
let bigMs = 0;
let db: Database;

beforeAll(async () => {
  small = generateDirectory({ services: 300, seed: 7, referenceDate });
  const t = performance.now();
  big = generateDirectory({ services: 5000, seed: 11, referenceDate });
  bigMs = performance.now() - t;
  db = await freshDatabase();
}, 120_000);
afterAll(async () => {
  await db?.close();
});

const e164 = /^\+62[1-9]\d{6,11}$/;
const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

describe('generateDirectory', () => {
  it('gives the same directory, IDs included, for the same options and another for another seed', () => {
    const again = generateDirectory({ services: 300, seed: 7, referenceDate });
    expect(JSON.stringify(again)).toBe(JSON.stringify(small));
    const other = generateDirectory({ services: 300, seed: 8, referenceDate });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(small));
  });

  it('makes exactly the requested number of services, 5,000 quickly', () => {
    for (const n of [1, 40, 300]) expect(generateDirectory({ services: n, seed: 3 }).services).toHaveLength(n);
    expect(big.services).toHaveLength(5000);
    console.log(`5,000 services, ${big.organizations.length} organisations, ${big.locations.length} locations generated in ${Math.round(bigMs)} ms`);
    expect(bigMs).toBeLessThan(20_000);
  });

  it('starts with the national agencies and covers every province, most in the sending provinces', () => {
    const names = small.organizations.map((o) => o.name);
    for (const n of ['Kementerian Sosial Republik Indonesia', 'Kementerian Pelindungan Pekerja Migran Indonesia', 'Lembaga Perlindungan Saksi dan Korban', 'Kementerian Pemberdayaan Perempuan dan Perlindungan Anak'])
      expect(names).toContain(n);
    const provinces = new Set(small.organizations.map((o) => o.areaCode?.slice(0, 2)));
    expect(provinces.size).toBe(38);
    const local = big.services.filter((s) => !s.nationwide);
    const main = new Set<string>(mainProvinces);
    const inMain = local.filter((s) => s.areaCodes.some((c) => main.has(c.slice(0, 2)))).length;
    expect(inMain / local.length).toBeGreaterThan(0.6);
    // Some of every kind of provider.
    for (const type of ['ministry', 'local_government', 'ngo', 'private_sector', 'community']) expect(big.organizations.some((o) => o.type === type)).toBe(true);
  });

  it('uses filable taxonomy terms, known languages, statuses, documents and sensible hours', () => {
    for (const d of [small, big])
      for (const s of d.services) {
        expect(s.termCodes.length).toBeGreaterThan(0);
        for (const c of s.termCodes) expect(serviceTermCodes).toContain(c);
        expect(s.termIds).toEqual(s.termCodes.map((c) => termByCode.get(c)!.id));
        expect(s.languages[0]).toBe('id');
        for (const l of s.languages) expect(serviceLanguages).toContain(l);
        expect(serviceStatuses).toContain(s.status);
        for (const h of s.hours) {
          expect(h.opens).toMatch(hhmm);
          expect(h.closes).toMatch(hhmm);
          expect(h.opens < h.closes).toBe(true);
          for (const day of h.days) expect(day >= 1 && day <= 7).toBe(true);
        }
        if (s.capacityTotal !== null) expect(s.capacityFree! >= 0 && s.capacityFree! <= s.capacityTotal).toBe(true);
        expect(s.referralsAccepted).toBeLessThanOrEqual(s.referralsAnswered);
        expect(s.nationwide ? s.areaCodes.length === 0 : s.areaCodes.length > 0).toBe(true);
        expect(s.createdAt.getTime()).toBeLessThanOrEqual(s.lastConfirmedAt.getTime());
        expect(s.lastConfirmedAt.getTime()).toBeLessThanOrEqual(s.updatedAt.getTime());
        expect(s.updatedAt.getTime()).toBeLessThan(Date.parse(`${referenceDate}T00:00:00Z`) + 86_400_000);
      }
    expect(big.services.filter((s) => s.status === 'active').length / big.services.length).toBeGreaterThan(0.85);
    expect(new Set(big.services.map((s) => s.status)).size).toBe(4);
  });

  it('limits eligibility where it is natural: women-only shelters, children up to 17, places for shelters and training', () => {
    const withName = (re: RegExp) => big.services.filter((s) => re.test(s.name));
    expect(withName(/Rumah Aman Perempuan|Sentra Mulya Jaya/).every((s) => s.eligibleSexes.join() === 'female')).toBe(true);
    expect(withName(/Rumah Singgah Anak|Sentra Handayani|Anak Korban Eksploitasi/).every((s) => s.maxAge === 17)).toBe(true);
    expect(withName(/PNM Mekaar/).every((s) => s.eligibleSexes.join() === 'female')).toBe(true);
    const shelters = big.services.filter((s) => s.termCodes.includes('shelter'));
    expect(shelters.filter((s) => s.capacityTotal !== null).length / shelters.length).toBeGreaterThan(0.8);
    expect(withName(/BLK|BBPVP/).every((s) => s.capacityTotal !== null)).toBe(true);
  });

  it('gives E.164 phone numbers, .example e-mail addresses and coordinates inside Indonesia', () => {
    const phones = [
      ...big.services.flatMap((s) => [...s.phones.map((p) => p.number), ...s.contacts.flatMap((c) => (c.phone ? [c.phone] : []))]),
      ...big.organizations.flatMap((o) => (o.phone ? [o.phone] : [])),
    ];
    expect(phones.length).toBeGreaterThan(5000);
    for (const p of phones) expect(p).toMatch(e164);
    const emails = [...big.services.flatMap((s) => [s.email, ...s.contacts.map((c) => c.email)]), ...big.organizations.map((o) => o.email)].filter((e): e is string => !!e);
    for (const e of emails) expect(e).toMatch(/^[a-z0-9._-]+@[a-z0-9.-]+\.example$/);
    const b = indonesiaBounds;
    for (const l of big.locations) {
      expect(l.latitude >= b.minLat && l.latitude <= b.maxLat, `${l.name} ${l.latitude}`).toBe(true);
      expect(l.longitude >= b.minLng && l.longitude <= b.maxLng, `${l.name} ${l.longitude}`).toBe(true);
    }
  });

  it('links consistently: organisations, parents, locations and services', () => {
    for (const d of [small, big]) {
      const orgs = new Map(d.organizations.map((o) => [o.id, o]));
      const locs = new Map(d.locations.map((l) => [l.id, l]));
      expect(new Set(d.organizations.map((o) => o.name.toLowerCase())).size).toBe(d.organizations.length);
      for (const o of d.organizations) if (o.parentId) expect(orgs.has(o.parentId)).toBe(true);
      for (const l of d.locations) expect(orgs.has(l.organizationId)).toBe(true);
      for (const s of d.services) {
        expect(orgs.has(s.organizationId)).toBe(true);
        for (const id of s.locationIds) expect(locs.get(id)?.organizationId).toBe(s.organizationId);
      }
      const links = new Set(d.serviceAtLocations.map((x) => `${x.serviceId}/${x.locationId}`));
      expect(links.size).toBe(d.serviceAtLocations.length);
      expect(links.size).toBe(d.services.reduce((n, s) => n + s.locationIds.length, 0));
      // Every location is used; every organisation has a service (or is a parent).
      const used = new Set(d.serviceAtLocations.map((x) => x.locationId));
      expect(d.locations.every((l) => used.has(l.id))).toBe(true);
      const ids = [...d.organizations.map((o) => o.id), ...d.locations.map((l) => l.id), ...d.services.map((s) => s.id), ...d.serviceAtLocations.map((x) => x.id)];
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('leaves out organisations whose names are taken', () => {
    const d = generateDirectory({ services: 300, seed: 7, referenceDate, reservedNames: ['DINAS SOSIAL PROVINSI JAWA TIMUR', 'Kementerian Sosial Republik Indonesia'] });
    expect(d.services).toHaveLength(300);
    const names = d.organizations.map((o) => o.name);
    expect(names).not.toContain('Dinas Sosial Provinsi Jawa Timur');
    expect(names).not.toContain('Kementerian Sosial Republik Indonesia');
  });

  it('uses Kemendagri codes that exist in the areas table, at the right levels', async () => {
    const codes = new Set<string>();
    for (const d of [small, big]) {
      for (const s of d.services) for (const c of s.areaCodes) codes.add(c);
      for (const l of d.locations) codes.add(l.areaCode);
      for (const o of d.organizations) if (o.areaCode) codes.add(o.areaCode);
    }
    const res = (await db.db.execute(sql`select code, level from areas where code = any(${`{${[...codes].join(',')}}`}::text[])`)) as unknown as { rows: { code: string; level: string }[] };
    const level = new Map(res.rows.map((r) => [r.code, r.level]));
    expect([...codes].filter((c) => !level.has(c))).toEqual([]);
    for (const d of [small, big]) {
      for (const s of d.services) for (const c of s.areaCodes) expect(['province', 'regency', 'district']).toContain(level.get(c));
      for (const l of d.locations) expect(level.get(l.areaCode)).toBe('village');
    }
  });

  it('makes services and locations the directory API itself accepts', () => {
    for (const s of big.services) {
      const input = {
        name: s.name,
        alternateName: s.alternateName,
        description: s.description,
        url: s.url,
        email: s.email,
        status: s.status,
        termCodes: s.termCodes,
        languages: s.languages,
        eligibility: { sexes: s.eligibleSexes, minAge: s.minAge, maxAge: s.maxAge, caseTypes: s.eligibleCaseTypes, directions: s.eligibleDirections, note: s.eligibilityNote },
        cost: { kind: s.costKind, note: s.costNote },
        hours: s.hours,
        hoursNote: s.hoursNote,
        phones: s.phones,
        contacts: s.contacts,
        nationwide: s.nationwide,
        areaCodes: s.areaCodes,
        requiredDocuments: s.requiredDocuments,
        requiredDocumentsNote: s.requiredDocumentsNote,
        capacity: { total: s.capacityTotal, free: s.capacityFree, maxOpenReferrals: s.maxOpenReferrals },
        locationIds: s.locationIds,
      };
      const parsed = serviceCreate.safeParse(input);
      if (!parsed.success) throw new Error(`${s.name}: ${parsed.error.message}`);
    }
    for (const l of big.locations) {
      const { id: _id, organizationId: _o, ...fields } = l;
      const parsed = locationCreate.safeParse(fields);
      if (!parsed.success) throw new Error(`${l.name}: ${parsed.error.message}`);
    }
  });
});
