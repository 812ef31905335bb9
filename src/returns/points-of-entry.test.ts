import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { pointsOfEntry } from './points-of-entry.js';

const require = createRequire(import.meta.url);

describe('points of entry', () => {
  it('lists each post once, in a regency or city that exists, with the posts the field names', () => {
    const regencies = new Set(
      fs
        .readFileSync(require.resolve('idn-area-data/data/regencies.csv'), 'utf8')
        .split(/\r?\n/)
        .slice(1)
        .map((l) => l.split(',')[0]),
    );
    expect(new Set(pointsOfEntry.map((p) => p.code)).size).toBe(pointsOfEntry.length);
    for (const p of pointsOfEntry) expect(regencies.has(p.areaCode), `${p.name}: ${p.areaCode}`).toBe(true);
    const names = pointsOfEntry.map((p) => p.name).join(' | ');
    for (const n of ['Soekarno-Hatta', 'Juanda', 'Kualanamu', 'Tanjung Priok', 'Batam', 'Tanjung Pinang', 'Dumai', 'Nunukan', 'Entikong']) expect(names).toContain(n);
    expect(new Set(pointsOfEntry.map((p) => p.kind))).toEqual(new Set(['airport', 'seaport', 'land_border']));
  });
});
