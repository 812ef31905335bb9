// Structural validation of the Indonesian NIK (Nomor Induk Kependudukan), the 16-digit number on
// the KTP and the family card (KK):
//
//   PP RR DD  DDMMYY  SSSS
//   │  │  │   │       └ sequence within region and birth date, never 0000
//   │  │  │   └ birth date; women have 40 added to the day (so 41–71)
//   └──┴──┴ Kemendagri code of the province, regency/city and district where it was issued
//
// Only the structure is checked here. Whether the regency and district codes exist is left to the
// caller with the areas table, and even then only as a warning: regions split (pemekaran) and are
// renumbered, so a genuine older NIK can carry a code that is no longer in the current list.
// Pure functions, no I/O.

/** Province codes of Indonesia (the 38 of idn-area-data's provinces.csv; a test keeps them in step). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '21',
  '31', '32', '33', '34', '35', '36',
  '51', '52', '53',
  '61', '62', '63', '64', '65',
  '71', '72', '73', '74', '75', '76',
  '81', '82',
  '91', '92', '93', '94', '95', '96',
]);

export type NikSex = 'female' | 'male';

export interface ParsedNik {
  ok: true;
  /** The 16 digits, separators removed. */
  nik: string;
  /** 'PP', e.g. '33'. */
  provinceCode: string;
  /** 'PP.RR', e.g. '33.74' — the format of the areas table. */
  regencyCode: string;
  /** 'PP.RR.DD', e.g. '33.74.01' — the format of the areas table. */
  districtCode: string;
  /** Day with the +40 for women already removed. The century is not in the NIK. */
  birthDate: { day: number; month: number; yearTwoDigits: number };
  sex: NikSex;
  /** 'SSSS', kept as a string so leading zeros survive. */
  sequence: string;
}

export type NikErrorReason = 'length' | 'digits' | 'province' | 'date' | 'sequence';

export interface NikError {
  ok: false;
  reason: NikErrorReason;
}

export type NikResult = ParsedNik | NikError;

/**
 * Removes the separators people type or that forms and photocopies carry ("3374 0154 0190 0001",
 * "33.74.01.540190.0001"). Anything else stays, so that a letter is reported as 'digits'.
 */
export function cleanNik(input: string): string {
  return input.replace(/[\s.]/g, '');
}

/** Parses and validates a NIK. Checks in order: digits, length, province, birth date, sequence. */
export function parseNik(input: string): NikResult {
  const nik = cleanNik(input);
  // Digits before length: "33740154O1900001" (letter O) is a typing error worth naming as such.
  if (!/^\d*$/.test(nik)) return { ok: false, reason: 'digits' };
  if (nik.length !== 16) return { ok: false, reason: 'length' };

  const provinceCode = nik.slice(0, 2);
  if (!PROVINCE_CODES.has(provinceCode)) return { ok: false, reason: 'province' };

  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yearTwoDigits = Number(nik.slice(10, 12));
  const sex: NikSex = rawDay > 40 ? 'female' : 'male';
  const day = sex === 'female' ? rawDay - 40 : rawDay;
  if (!isPossibleBirthDate(day, month, yearTwoDigits)) return { ok: false, reason: 'date' };

  const sequence = nik.slice(12, 16);
  if (sequence === '0000') return { ok: false, reason: 'sequence' };

  return {
    ok: true,
    nik,
    provinceCode,
    regencyCode: `${provinceCode}.${nik.slice(2, 4)}`,
    districtCode: `${provinceCode}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`,
    birthDate: { day, month, yearTwoDigits },
    sex,
    sequence,
  };
}

/**
 * A real calendar day in 19yy or 20yy. The NIK has no century, so 29 February is valid when
 * either candidate year is a leap year (yy = 00: 2000 was, 1900 was not).
 */
export function isPossibleBirthDate(day: number, month: number, yearTwoDigits: number): boolean {
  if (!Number.isInteger(day) || !Number.isInteger(month) || month < 1 || month > 12 || day < 1) return false;
  return [1900 + yearTwoDigits, 2000 + yearTwoDigits].some((year) => day <= daysInMonth(year, month));
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; Date.UTC handles leap years.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export type NikMismatch =
  | 'sex_mismatch'
  | 'birth_day_month_swapped'
  | 'birth_day_mismatch'
  | 'birth_month_mismatch'
  | 'birth_year_mismatch';

export interface PersonFacts {
  /** Only 'female' and 'male' are compared; anything else (unknown, other) is skipped. */
  sex?: string;
  dateOfBirth?: { year?: number; month?: number; day?: number };
}

/**
 * Compares what a valid NIK encodes with what the record says. Records often carry errors (a
 * day and month swapped, a guessed year, a woman's +40 day typed as is), so this reports codes
 * for the form to show as warnings rather than rejecting anything. Only facts present on both
 * sides are compared; an empty list means nothing contradicts the NIK.
 */
export function nikConsistency(parsed: ParsedNik, person: PersonFacts): NikMismatch[] {
  const out: NikMismatch[] = [];
  if ((person.sex === 'female' || person.sex === 'male') && person.sex !== parsed.sex) out.push('sex_mismatch');

  const dob = person.dateOfBirth ?? {};
  const nikDate = parsed.birthDate;
  const dayKnown = dob.day !== undefined;
  const monthKnown = dob.month !== undefined;
  // A swap is one error, not two: report it as such so the form can suggest the fix.
  const swapped =
    dayKnown && monthKnown && dob.day !== dob.month && dob.day === nikDate.month && dob.month === nikDate.day;
  if (swapped) out.push('birth_day_month_swapped');
  else {
    if (dayKnown && dob.day !== nikDate.day) out.push('birth_day_mismatch');
    if (monthKnown && dob.month !== nikDate.month) out.push('birth_month_mismatch');
  }
  // Only the last two digits can be compared; the century is not in the NIK.
  if (dob.year !== undefined && ((dob.year % 100) + 100) % 100 !== nikDate.yearTwoDigits) out.push('birth_year_mismatch');
  return out;
}
