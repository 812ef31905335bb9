// Normal forms of what people type: phone numbers, document numbers, birth columns.
import { cleanNik } from './nik.js';
import type { Deps } from '../platform/http/types.js';
import type { BirthInput } from './schema.js';

/**
 * A phone number in E.164, or null when it cannot be one. Indonesian local numbers (08…, 62…)
 * become +62…; separators people type are removed.
 */
export function normalisePhone(raw: string): string | null {
  let s = raw.trim().replace(/[\s\-().]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (/^0\d+$/.test(s)) s = s.startsWith('08') ? `+62${s.slice(1)}` : s;
  else if (/^628\d+$/.test(s)) s = `+${s}`;
  if (!/^\+[1-9]\d{7,14}$/.test(s)) return null;
  // Indonesian mobile numbers: +62 8xx with 9 to 12 digits after the 62.
  if (s.startsWith('+62') && !/^\+62\d{8,12}$/.test(s)) return null;
  return s;
}

/** A document number as compared and hashed: NIK digits only; others upper case without spaces or dashes. */
export function normaliseDocumentNumber(type: string, number: string): string {
  return type === 'nik' ? cleanNik(number) : number.toUpperCase().replace(/[\s\-./]/g, '');
}

export const documentHash = (deps: Pick<Deps, 'lookup'>, type: string, number: string) =>
  deps.lookup.hash(`doc:${type}`, normaliseDocumentNumber(type, number));

/** The stored birth columns of a birth as entered. birth_year is always set when anything is known. */
export function birthColumns(b: BirthInput | null) {
  if (!b) return { birthKind: null, birthDate: null, birthYear: null, birthAge: null, birthAgeStatedOn: null };
  switch (b.kind) {
    case 'exact':
      return { birthKind: b.kind, birthDate: b.date, birthYear: Number(b.date.slice(0, 4)), birthAge: null, birthAgeStatedOn: null };
    case 'estimated_year':
      return { birthKind: b.kind, birthDate: null, birthYear: b.year, birthAge: null, birthAgeStatedOn: null };
    case 'estimated_age':
      return { birthKind: b.kind, birthDate: null, birthYear: Number(b.statedOn.slice(0, 4)) - b.age, birthAge: b.age, birthAgeStatedOn: b.statedOn };
  }
}

export const provinceOf = (villageCode: string | null) => (villageCode ? villageCode.slice(0, 2) : null);

