// A hint about the structure of a NIK while it is typed (mirrors src/persons/nik.ts; the server decides).
export type NikHint =
  | { ok: true; sex: 'female' | 'male'; day: number; month: number; yearTwoDigits: number; provinceCode: string }
  | { ok: false; reason: 'digits' | 'length' | 'province' | 'date' | 'sequence' };

const PROVINCES = new Set(
  '11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 51 52 53 61 62 63 64 65 71 72 73 74 75 76 81 82 91 92 93 94 95 96'.split(' '),
);

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function nikHint(input: string): NikHint | null {
  const nik = input.replace(/[\s.]/g, '');
  if (!nik) return null;
  if (!/^\d*$/.test(nik)) return { ok: false, reason: 'digits' };
  if (nik.length !== 16) return { ok: false, reason: 'length' };
  const provinceCode = nik.slice(0, 2);
  if (!PROVINCES.has(provinceCode)) return { ok: false, reason: 'province' };
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex = rawDay > 40 ? 'female' : 'male';
  const day = sex === 'female' ? rawDay - 40 : rawDay;
  const possible = month >= 1 && month <= 12 && day >= 1 && [1900 + yy, 2000 + yy].some((y) => day <= daysIn(y, month));
  if (!possible) return { ok: false, reason: 'date' };
  if (nik.slice(12) === '0000') return { ok: false, reason: 'sequence' };
  return { ok: true, sex, day, month, yearTwoDigits: yy, provinceCode };
}
