// Labels of the employment codes a profile and its matches name: sectors and occupations from the
// vocabulary (with their Indonesian and English names), the rest from the shared catalogue
// (employmentTerms), countries from the reference list.
import i18n, { currentLanguage, textOr } from '../../i18n';
import { isicSectors, iscoOccupations } from '../../../../src/employment/vocabulary';
import type { Country } from '../../cases/api';

const byCode = <T extends { code: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.code, x]));
const sectors = byCode(isicSectors);
const occupations = byCode(iscoOccupations);

export const sectorLabel = (code: string | null | undefined) => (code ? (sectors.get(code)?.label[currentLanguage()] ?? code) : '');
export const occupationLabel = (code: string | null | undefined) => (code ? (occupations.get(code)?.label[currentLanguage()] ?? code) : '');

/** A label of a shared employment code, e.g. term('skills', 'elderly_care'). */
export const term = (group: string, code: string | null | undefined) => (code ? textOr(`employmentTerms.${group}.${code}`, code) : '');

export function countryLabel(countries: Country[] | undefined, code: string | null | undefined): string {
  if (!code) return '';
  const c = countries?.find((x) => x.code === code);
  return c ? (currentLanguage() === 'en' ? c.nameEn : c.nameId) : code;
}

/** "Taiwan", "Taiwan dan Hong Kong", "Taiwan, Hong Kong dan Jepang". */
export function listText(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${i18n.t('work.and')} ${items.at(-1)}`;
}

/** Years as people say them: 4, 1,5 (Indonesian) or 1.5 (English). */
export const yearsText = (years: number) => new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }).format(years);

/** Options of a select, sorted by label. */
export const sortedOptions = (items: { value: string; label: string }[]) => [...items].sort((a, b) => a.label.localeCompare(b.label, currentLanguage()));

/** "Perawat lansia" → "perawat lansia" inside a sentence; "SMP atau sederajat" and "SIM A" keep their capitals. */
export const lowerFirst = (s: string) => (s.length > 1 && s[1] === s[1]!.toLowerCase() ? s[0]!.toLowerCase() + s.slice(1) : s);
