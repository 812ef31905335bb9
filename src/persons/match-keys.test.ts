import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BlindIndex } from '../platform/crypto/blind-index.js';
import { matchKeysOf, queryFeatures, storedFeatures, keyOf, swappedDate, type MatchSubject } from './match-keys.js';
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

const sharedWith = (stored: MatchSubject, query: MatchSubject) => {
  const s = new Set(storedFeatures(stored).map((f) => keyOf(lookup, f)));
  return queryFeatures(query).filter((f) => s.has(keyOf(lookup, f)));
};
const families = (fs: { family: string }[]) => [...new Set(fs.map((f) => f.family))].sort();

describe('keys that narrow a common name', () => {
  it('keys the name, its joined form and each distinctive token with the full birth date', () => {
    const keys = storedFeatures({ fullName: 'Siti Nur Aminah', birthYear: 1990, birthDate: '1990-03-05' }).filter((f) => f.family === 'nd');
    expect(keys.map((f) => f.text).sort()).toEqual(['amina|1990-03-05', 'amina nur siti|1990-03-05', 'sitinuramina|1990-03-05'].sort());
    // Nothing with a date unless it is known exactly.
    expect(storedFeatures({ fullName: 'Siti Nur Aminah', birthYear: 1990 }).some((f) => f.family === 'nd')).toBe(false);
  });

  it('tries the day and month swapped when the day could be a month', () => {
    expect(swappedDate('1990-03-05')).toBe('1990-05-03');
    expect(swappedDate('1990-03-13')).toBeNull();
    expect(swappedDate('1990-04-04')).toBeNull();
    const hit = sharedWith({ fullName: 'Siti Aminah', birthYear: 1990, birthDate: '1990-03-05' }, { fullName: 'Siti Aminah', birthYear: 1990, birthDate: '1990-05-03' });
    expect(families(hit)).toContain('nd');
  });

  it('keys the name with the home regency', () => {
    const hit = sharedWith({ fullName: 'Sri Wahyuni', homeVillageCode: '35.10.11.2004' }, { fullName: 'Wahyuni Sri', homeVillageCode: '35.10.02.2001' });
    expect(families(hit)).toContain('nr');
    const other = sharedWith({ fullName: 'Sri Wahyuni', homeVillageCode: '35.10.11.2004' }, { fullName: 'Sri Wahyuni', homeVillageCode: '35.11.02.2001' });
    expect(families(other)).not.toContain('nr');
  });
});

describe('typo keys', () => {
  it('meets an old spelling with a typo (phonetic forms on both sides)', () => {
    // Wikajanta is the pre-1972 spelling of Wikayanta; Wikajnta also drops a letter.
    expect(families(shared('Wikayanta', 'Wikajnta', 1990))).toEqual(['td']);
    expect(families(shared('Bambang Wikayanta', 'Bambang Wikajnta', 1990))).toContain('td');
  });

  it('meets a typo that the spelling rules make into two differences, through the word as written', () => {
    // Matiini → matini (doubled letter), Phrno → frno ('ph'): the written word is one deletion away.
    expect(families(shared('Matitini', 'Matiini', 1985))).toEqual(['td']);
    expect(families(shared('Parno Wibisono', 'Phrno Wibisono', 1985))).toContain('td');
    expect(compareNames('Matitini', 'Matiini').reasons).toEqual(['typo']);
    expect(compareNames('Parno', 'Phrno').score).toBeGreaterThan(0.9);
    expect(compareNames('Ponirah Pratiwi', 'Ponirah Pratjwi').reasons).toContain('typo');
    // A different ending of the reduced forms is still a different name.
    expect(compareNames('Rizky', 'Rizka').score).toBe(0);
  });

  it('meets a typo in a name written joined', () => {
    expect(families(shared('Siti Nur Haliza', 'Siti Nurhalzia', 1990))).toContain('td');
  });

  it('finds a typo in the name of a person registered without a birth year', () => {
    const stored = storedFeatures({ fullName: 'Tukiyem Rahayu' });
    expect(stored.some((f) => f.family === 'tx')).toBe(true);
    expect(storedFeatures({ fullName: 'Tukiyem Rahayu', birthYear: 1980 }).some((f) => f.family === 'tx')).toBe(false);
    expect(families(sharedWith({ fullName: 'Suparmi' }, { fullName: 'Suparni', birthYear: 1980 }))).toEqual(['tx']);
    expect(families(sharedWith({ fullName: 'Suparmi' }, { fullName: 'Suparni' }))).toEqual(['tx']);
  });

  it('keeps the key table to a few dozen keys a person', () => {
    // Most of them are typo deletions (about a dozen per long token or joined pair).
    const keys = matchKeysOf({ fullName: 'Bambang Sudarsono', birthYear: 1990, birthDate: '1990-03-05', homeVillageCode: '35.10.11.2004', phones: ['+6281355501234'] }, lookup);
    expect(keys.length).toBeLessThan(60);
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
