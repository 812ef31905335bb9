import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BlindIndex } from '../platform/crypto/blind-index.js';
import { matchKeysOf, queryFeatures, storedFeatures, keyOf } from './match-keys.js';
import { compareNames } from './names.js';
import { normalisePhone } from './normalise.js';

const lookup = new BlindIndex(randomBytes(32));
const shared = (stored: string, query: string, year?: number) => {
  const s = new Set(storedFeatures({ fullName: stored, birthYear: year }).map((f) => keyOf(lookup, f)));
  return queryFeatures({ fullName: query, birthYear: year }).filter((f) => s.has(keyOf(lookup, f)));
};

describe('blocking keys', () => {
  it.each([
    ['Nur Haliza', 'Nurhaliza'],
    ['Nurul Huda', 'Nurulhuda'],
    ['Muhammad Rizki Pratama', 'M. Rizki Pratama'],
    ['Muhammad Rizki Pratama', 'Moh. Rizki'],
    ['Siti Aminah', 'Hj. Siti Aminah, S.Pd.'],
    ['Sri Wahyuni', 'Wahyuni Sri'],
    ['Dewi Lestari Putri', 'Dewi Putri'],
    ['Soekarno', 'Sukarno'],
  ])('%s and %s share a key without a birth year', (a, b) => {
    expect(shared(a, b).length).toBeGreaterThan(0);
  });

  it.each([
    ['Suharti', 'Suhatri'],
    ['Suparmi', 'Suparmni'],
    ['Zulaikha', 'Zulaikla'],
    ['Wahyuningsih', 'Wahyuningsh'],
  ])('%s and the typo %s share a key with the birth year', (a, b) => {
    expect(shared(a, b, 1990).length).toBeGreaterThan(0);
    expect(shared(a, b, 1990).every((f) => f.family === 'td')).toBe(true);
  });

  it('finds an estimated year one off, but typo keys only on the stated year', () => {
    expect(shared('Tukiyem Rahayu', 'Tukiyem Rahayu', 1980).length).toBeGreaterThan(0);
    const s = new Set(storedFeatures({ fullName: 'Tukiyem', birthYear: 1981 }).map((f) => keyOf(lookup, f)));
    const q = queryFeatures({ fullName: 'Tukiyem', birthYear: 1980 }).filter((f) => f.family === 'ty' && s.has(keyOf(lookup, f)));
    expect(q.length).toBe(1);
  });

  it('never makes a key of a very common name alone', () => {
    const families = storedFeatures({ fullName: 'Siti Nur', birthYear: 1990 });
    expect(families.filter((f) => f.family === 't' && (f.text === 'siti' || f.text === 'nur'))).toEqual([]);
    expect(families.some((f) => f.family === 'ny')).toBe(true);
  });

  it('stores short keyed hashes only', () => {
    const keys = matchKeysOf({ fullName: 'Bambang Sudarsono', birthYear: 1988, phones: ['+6281355501234'] }, lookup);
    expect(keys.length).toBeGreaterThan(10);
    for (const k of keys) expect(k).toMatch(/^[A-Za-z0-9_-]{7}$/);
    expect(new Set(keys).size).toBe(keys.length);
    // Another look-up key gives other keys.
    expect(matchKeysOf({ fullName: 'Bambang Sudarsono' }, new BlindIndex(randomBytes(32)))).not.toEqual(matchKeysOf({ fullName: 'Bambang Sudarsono' }, lookup));
  });
});

describe('names written joined with a mapped token', () => {
  it('compares Nurulhuda with Nurul Huda as a join (names.ts fix)', () => {
    expect(compareNames('Nurulhuda', 'Nurul Huda')).toEqual({ score: 0.97, reasons: ['joined_or_split'] });
    expect(compareNames('Siti Nurulaini', 'Siti Nurul Aini').score).toBeGreaterThan(0.9);
  });
});

describe('phone numbers', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 789', '+628123456789'],
    ['6281234567890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['0060 12 345 6789', '+60123456789'],
    ['+852 9123 4567', '+85291234567'],
  ])('%s becomes %s', (raw, e164) => expect(normalisePhone(raw)).toBe(e164));
  it.each(['12345', '0812', '+62 812', 'telepon', '021-555'])('%s is refused', (raw) => expect(normalisePhone(raw)).toBeNull());
});
