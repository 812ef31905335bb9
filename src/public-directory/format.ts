// Service details in words for the public page: opening hours, phone numbers, eligibility,
// languages, dates and addresses, in the page's language.
import type { PublicLocation, PublicService } from '../directory/search.js';
import type { Lang, T } from './i18n.js';

/** Consecutive days as ranges: [1,2,3,4,5] → [[1,5]]; [1,3,5] → [[1,1],[3,3],[5,5]]. */
function dayRanges(days: number[]): [number, number][] {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const d of sorted) {
    const last = out.at(-1);
    if (last && d === last[1] + 1) last[1] = d;
    else out.push([d, d]);
  }
  return out;
}

/** "08:00" → "08.00" in Indonesian (the Indonesian way of writing times), unchanged in English. */
const time = (hhmm: string, lang: Lang) => (lang === 'id' ? hhmm.replace(':', '.') : hhmm);

/** "Senin–Jumat 08.00–16.00" / "Monday–Friday 08:00–16:00"; one line per set of days. */
export function hoursInWords(hours: PublicService['hours'], t: T, lang: Lang): string[] {
  return hours
    .filter((h) => Array.isArray(h.days) && h.days.length && h.opens && h.closes)
    .map((h) => {
      const ranges = dayRanges(h.days);
      const days =
        ranges.length === 1 && ranges[0]![0] === 1 && ranges[0]![1] === 7
          ? t('hours.everyDay')
          : ranges
              .map(([a, b]) => {
                if (a === b) return t(`days.${a}`);
                if (b === a + 1) return `${t(`days.${a}`)}, ${t(`days.${b}`)}`;
                return `${t(`days.${a}`)}–${t(`days.${b}`)}`;
              })
              .join(', ');
      const allDay = h.opens === '00:00' && (h.closes === '23:59' || h.closes === '24:00');
      return allDay ? `${days}, ${t('hours.allDay')}` : `${days} ${time(h.opens, lang)}–${time(h.closes, lang)}`;
    });
}

/**
 * How a number is written in Indonesia: +6281234567890 → 0812-3456-7890, +62215551234 → 021 5551234,
 * a short hotline (+62129) → 129. Anything else (another country) is shown as stored.
 */
export function displayPhone(e164: string): string {
  const m = /^\+62(\d+)$/.exec(e164);
  if (!m) return e164;
  if (m[1]!.length <= 5) return m[1]!;
  const national = `0${m[1]}`;
  if (national.startsWith('08')) return national.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3');
  // Jakarta (021), Surabaya (031) and the other large cities have two-digit area codes; the rest three.
  const two = /^0(21|22|24|31|61)/.test(national);
  return `${national.slice(0, two ? 3 : 4)} ${national.slice(two ? 3 : 4)}`;
}

/** A tel: link target: the E.164 number with its + and digits only; a short hotline as dialled. */
export function telHref(number: string): string {
  const m = /^\+62(\d{1,5})$/.exec(number);
  return `tel:${m ? m[1] : number.replace(/[^\d+]/g, '')}`;
}
/** WhatsApp's click-to-chat link: digits of the international number. */
export const whatsappHref = (number: string) => `https://wa.me/${number.replace(/\D/g, '')}`;

/** A link to a web page given by a provider, only when it is http(s). */
export function safeWebHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export const mailHref = (email: string) => (/^[^\s@]+@[^\s@]+$/.test(email) ? `mailto:${email}` : null);

/** Who a service is for, in words: "Perempuan, usia 18 tahun ke atas, korban perdagangan orang". */
export function eligibilityInWords(e: PublicService['eligibility'], t: T): string {
  const parts: string[] = [];
  const sexes = e.sexes.filter((s) => s === 'female' || s === 'male');
  if (sexes.length === 1) parts.push(t(`eligibility.${sexes[0]}`));
  if (e.minAge !== null && e.maxAge !== null) parts.push(t('eligibility.ageBetween', { min: e.minAge, max: e.maxAge }));
  else if (e.minAge !== null) parts.push(t('eligibility.ageFrom', { min: e.minAge }));
  else if (e.maxAge !== null) parts.push(t('eligibility.ageTo', { max: e.maxAge }));
  for (const c of e.caseTypes) parts.push(t(`eligibility.caseTypes.${c}`));
  if (e.directions.length === 1) parts.push(t(`eligibility.directions.${e.directions[0]}`));
  if (!parts.length) parts.push(t('eligibility.everyone'));
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const languageNames = { id: new Intl.DisplayNames(['id'], { type: 'language' }), en: new Intl.DisplayNames(['en'], { type: 'language' }) };

export function languageName(code: string, lang: Lang): string {
  try {
    return languageNames[lang].of(code) ?? code;
  } catch {
    return code;
  }
}

const dateFormats = {
  id: new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'Asia/Jakarta' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Asia/Jakarta' }),
};
export const longDate = (d: Date, lang: Lang) => dateFormats[lang].format(d);

/** The address with its village, district, regency and province (a name the address already has as one of its parts is not repeated). */
export function fullAddress(l: PublicLocation): string {
  const parts = [l.address.trim()];
  const has = new Set(l.address.split(',').map((p) => p.trim().toLowerCase()));
  for (const name of [l.villageName, l.districtName, l.regencyName, l.provinceName, l.postalCode])
    if (name && !has.has(name.toLowerCase())) {
      parts.push(name);
      has.add(name.toLowerCase());
    }
  return parts.join(', ');
}

export const distanceText = (km: number, lang: Lang) =>
  new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km);

/** The start of a long description, cut at a word. */
export function shortText(text: string, max = 180): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 30)).replace(/[\s,.;:]+$/, '')}…`;
}

export const osmHref = (lat: number, lng: number) => `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`;
