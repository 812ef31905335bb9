// Unit tests of NIK parsing and consistency. Every NIK here is synthetic: a plausible structure
// built for the test, not a number belonging to anyone.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PROVINCE_CODES, cleanNik, isPossibleBirthDate, nikConsistency, parseNik, type ParsedNik } from './nik.js';

const require = createRequire(import.meta.url);

function parsed(nik: string): ParsedNik {
  const r = parseNik(nik);
  if (!r.ok) throw new Error(`expected ${nik} to parse, got ${r.reason}`);
  return r;
}

describe('parseNik', () => {
  it('decodes a woman\'s NIK (day + 40) from Kota Semarang', () => {
    expect(parseNik('3374015401900001')).toEqual({
      ok: true,
      nik: '3374015401900001',
      provinceCode: '33',
      regencyCode: '33.74',
      districtCode: '33.74.01',
      birthDate: { day: 14, month: 1, yearTwoDigits: 90 },
      sex: 'female',
      sequence: '0001',
    });
  });

  it('decodes a man\'s NIK', () => {
    const r = parsed('3201021208850123');
    expect(r).toMatchObject({ districtCode: '32.01.02', sex: 'male', sequence: '0123' });
    expect(r.birthDate).toEqual({ day: 12, month: 8, yearTwoDigits: 85 });
  });

  it.each([
    ['3374 0154 0190 0001'],
    ['33.74.01.540190.0001'],
    [' 3374015401900001 '],
    ['3374\t015401\n900001'],
  ])('strips spaces and dots: %j', (input) => {
    expect(parsed(input).nik).toBe('3374015401900001');
  });

  it('cleanNik keeps other characters so they are reported', () => {
    expect(cleanNik('33-74')).toBe('33-74');
  });

  it.each([
    ['', 'length'],
    ['337401540190001', 'length'], // 15 digits
    ['33740154019000011', 'length'], // 17 digits
    ['33740154O1900001', 'digits'], // letter O for zero
    ['3374-0154-0190-0001', 'digits'],
    ['3374015401９00001', 'digits'], // full-width digit
    ['0074015401900001', 'province'],
    ['2074015401900001', 'province'], // 20 is not a province
    ['3774015401900001', 'province'],
    ['9774015401900001', 'province'],
    ['3374013201900001', 'date'], // day 32
    ['3374017201900001', 'date'], // day 72 (= 32 for a woman)
    ['3374014001900001', 'date'], // day 40 (= 0 for a woman)
    ['3374010001900001', 'date'], // day 0
    ['3374011513900001', 'date'], // month 13
    ['3374011500900001', 'date'], // month 0
    ['3374013104900001', 'date'], // 31 April
    ['3374017104900001', 'date'], // 31 April, woman
    ['3374013002920001', 'date'], // 30 February
    ['3374012902910001', 'date'], // 29 February 1991/2091: neither a leap year
    ['3374015401900000', 'sequence'],
  ])('rejects %j as %s', (input, reason) => {
    expect(parseNik(input)).toEqual({ ok: false, reason });
  });

  it.each([
    ['3374012902920001', 29, 2, 92], // 1992 and 2092 leap years
    ['3374016902000001', 29, 2, 0], // 2000 was a leap year (1900 was not): valid
    ['3374012902040001', 29, 2, 4],
    ['3374013112990001', 31, 12, 99],
    ['3374017112990001', 31, 12, 99], // woman, 31 December
    ['3374014101000001', 1, 1, 0],
  ])('accepts the calendar edge %s', (input, day, month, yy) => {
    expect(parsed(input).birthDate).toEqual({ day, month, yearTwoDigits: yy });
  });

  it('accepts every province of Indonesia and uses the areas-table code formats', () => {
    for (const p of PROVINCE_CODES) {
      const r = parsed(`${p}01020101800001`);
      expect(r.provinceCode).toBe(p);
      expect(r.districtCode).toMatch(/^\d{2}\.\d{2}\.\d{2}$/);
    }
  });

  it('knows exactly the provinces of idn-area-data', () => {
    const csv = fs.readFileSync(require.resolve('idn-area-data/data/provinces.csv'), 'utf8');
    const codes = csv
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect([...PROVINCE_CODES].sort()).toEqual(codes.sort());
  });
});

describe('isPossibleBirthDate', () => {
  it('checks both centuries for 29 February', () => {
    expect(isPossibleBirthDate(29, 2, 0)).toBe(true); // 2000
    expect(isPossibleBirthDate(29, 2, 96)).toBe(true);
    expect(isPossibleBirthDate(29, 2, 97)).toBe(false);
    expect(isPossibleBirthDate(28, 2, 97)).toBe(true);
  });
  it('rejects non-integers', () => {
    expect(isPossibleBirthDate(1.5, 2, 90)).toBe(false);
    expect(isPossibleBirthDate(Number.NaN, 2, 90)).toBe(false);
  });
});

describe('nikConsistency', () => {
  const woman = parsed('3374015401900001'); // female, 14 January (19)90

  it('reports nothing when the record agrees', () => {
    expect(nikConsistency(woman, { sex: 'female', dateOfBirth: { year: 1990, month: 1, day: 14 } })).toEqual([]);
  });

  it('reports nothing when the record knows nothing', () => {
    expect(nikConsistency(woman, {})).toEqual([]);
    expect(nikConsistency(woman, { sex: 'unknown', dateOfBirth: {} })).toEqual([]);
  });

  it('compares the two-digit year only (no century in the NIK)', () => {
    expect(nikConsistency(woman, { dateOfBirth: { year: 2090 } })).toEqual([]);
    expect(nikConsistency(woman, { dateOfBirth: { year: 1991 } })).toEqual(['birth_year_mismatch']);
  });

  it('reports a sex that differs', () => {
    expect(nikConsistency(woman, { sex: 'male' })).toEqual(['sex_mismatch']);
  });

  it('reports the +40 day typed as is as a day mismatch', () => {
    // A record copied "54" from the NIK: the day is wrong, the rest agrees.
    expect(nikConsistency(woman, { sex: 'female', dateOfBirth: { year: 1990, month: 1, day: 54 } })).toEqual([
      'birth_day_mismatch',
    ]);
  });

  it('reports a swapped day and month as one error', () => {
    expect(nikConsistency(woman, { dateOfBirth: { year: 1990, month: 14, day: 1 } })).toEqual([
      'birth_day_month_swapped',
    ]);
    const man = parsed('3201020503850123'); // 5 March 1985
    expect(nikConsistency(man, { dateOfBirth: { year: 1985, month: 5, day: 3 } })).toEqual(['birth_day_month_swapped']);
  });

  it('reports several mismatches together', () => {
    expect(nikConsistency(woman, { sex: 'male', dateOfBirth: { year: 1989, month: 2, day: 15 } })).toEqual([
      'sex_mismatch',
      'birth_day_mismatch',
      'birth_month_mismatch',
      'birth_year_mismatch',
    ]);
  });

  it('compares a month known without the day', () => {
    expect(nikConsistency(woman, { dateOfBirth: { year: 1990, month: 2 } })).toEqual(['birth_month_mismatch']);
  });
});
