// Rupiah amounts, shown in the reader's language and typed with or without separators.
import { intlLocale } from '../i18n';

export const rupiah = (n: number) => new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(n);

/** "Rp 65.000.000", "65,000,000" or "65000000" → 65000000; empty → null; anything else → NaN. */
export function parseRupiah(s: string): number | null {
  const t = s.replace(/^\s*rp\.?\s*/i, '').replace(/[\s.,]/g, '');
  if (!t) return null;
  return /^\d{1,13}$/.test(t) ? Number(t) : Number.NaN;
}
