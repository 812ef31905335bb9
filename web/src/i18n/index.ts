// i18next set-up: Bahasa Indonesia is the default and the fallback; English second.
// The choice is kept in localStorage and mirrored to <html lang>.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../api/types';
import casesEn from '../cases/locale/en.json';
import casesId from '../cases/locale/id.json';
import caseTermsEn from '../cases/locale/terms.en.json';
import caseTermsId from '../cases/locale/terms.id.json';
import worklistEn from '../cases/locale/worklist.en.json';
import worklistId from '../cases/locale/worklist.id.json';
import directoryEn from '../directory/locale/en.json';
import directoryId from '../directory/locale/id.json';
import intakeEn from '../intake/locale/en.json';
import intakeId from '../intake/locale/id.json';
import personsEn from '../persons/locale/en.json';
import personsId from '../persons/locale/id.json';
import referralsEn from '../referrals/locale/en.json';
import referralsId from '../referrals/locale/id.json';
import returnsEn from '../returns/locale/en.json';
import returnsId from '../returns/locale/id.json';
import transfersEn from '../transfers/locale/en.json';
import transfersId from '../transfers/locale/id.json';
import closureEn from '../closure/locale/en.json';
import closureId from '../closure/locale/id.json';
import plansEn from '../plans/locale/en.json';
import plansId from '../plans/locale/id.json';
import surveysEn from '../surveys/locale/en.json';
import surveysId from '../surveys/locale/id.json';
import legalEn from '../legal/locale/en.json';
import legalId from '../legal/locale/id.json';
import openingsEn from '../openings/locale/en.json';
import openingsId from '../openings/locale/id.json';
import workEn from '../employment/locale/en.json';
import workId from '../employment/locale/id.json';
import employmentTermsEn from '../employment/locale/terms.en.json';
import employmentTermsId from '../employment/locale/terms.id.json';
import candidatesEn from '../candidates/locale/en.json';
import candidatesId from '../candidates/locale/id.json';
import employmentReportEn from '../employment-report/locale/en.json';
import employmentReportId from '../employment-report/locale/id.json';
import enBase from './en.json';
import idBase from './id.json';

// Each domain keeps its texts beside its pages, under its own top-level key; catalogue.test.ts
// checks that the keys do not overlap and that both languages are complete.
const id = { ...idBase, ...caseTermsId, ...casesId, ...intakeId, ...personsId, ...worklistId, ...directoryId, ...referralsId, ...returnsId, ...transfersId, ...closureId, ...plansId, ...surveysId, ...legalId, ...openingsId, ...workId, ...employmentTermsId, ...candidatesId, ...employmentReportId };
const en = { ...enBase, ...caseTermsEn, ...casesEn, ...intakeEn, ...personsEn, ...worklistEn, ...directoryEn, ...referralsEn, ...returnsEn, ...transfersEn, ...closureEn, ...plansEn, ...surveysEn, ...legalEn, ...openingsEn, ...workEn, ...employmentTermsEn, ...candidatesEn, ...employmentReportEn };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof id };
  }
}

const STORAGE_KEY = 'pulang.language';

function storedLanguage(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' || v === 'id' ? v : 'id';
  } catch {
    return 'id';
  }
}

export function currentLanguage(): Locale {
  return i18n.language === 'en' ? 'en' : 'id';
}

/** A language picked before signing in (on the sign-in page): it then wins over the account's saved one. */
let pickedBeforeSignIn: Locale | null = null;
export const languagePickedBeforeSignIn = (): Locale | null => pickedBeforeSignIn;
export function rememberPickBeforeSignIn(lng: Locale | null): void {
  pickedBeforeSignIn = lng;
}

export async function setLanguage(lng: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  if (i18n.language !== lng) await i18n.changeLanguage(lng);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'id',
  supportedLngs: ['id', 'en'],
  interpolation: { escapeValue: false },
  returnEmptyString: false,
  initAsync: false,
});
document.documentElement.lang = i18n.language;

/** The text under a key built at run time (such as a code from the server), or the fallback. */
export function textOr(key: string, fallback: string): string {
  return i18n.exists(key) ? (i18n.t(key as never) as string) : fallback;
}

/** Locale tag for Intl formatting. */
export const intlLocale = (): string => (currentLanguage() === 'en' ? 'en-GB' : 'id-ID');

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium' }).format(d);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(intlLocale()).format(n);
}

export default i18n;
