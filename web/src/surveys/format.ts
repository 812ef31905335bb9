// Scores between 0 and 1, shown as a decimal and as a percentage in the reader's language.
import { intlLocale } from '../i18n';
import type { Bilingual } from './api';

export const scoreText = (x: number) => new Intl.NumberFormat(intlLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);
export const percentText = (x: number) => new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(x);
/** "0,84 (84 %)" */
export const scoreWithPercent = (x: number) => `${scoreText(x)} (${percentText(x)})`;

/** A model's text in the reader's language. */
export const bilingual = (b: Bilingual, lang: string) => (lang === 'en' ? b.en : b.id);
