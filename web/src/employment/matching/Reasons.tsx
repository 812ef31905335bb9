// The score of a match in words with a bar, and its reasons as plain sentences ("Pernah bekerja
// sebagai perawat lansia 4 tahun di Taiwan"), each marked as speaking for or against the match.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Country } from '../../cases/api';
import { formatDate } from '../../i18n';
import { languageName } from '../../persons/PersonFields';
import { useCountries } from '../../persons/CountryFields';
import { reasonTone, type MatchReason } from '../../../../src/employment/matching/scoring';
import { countryLabel, listText, lowerFirst, occupationLabel, sectorLabel, term, yearsText } from '../profile/labels';

/** Where the opening is, as the reasons about the place name it. */
export interface PlaceContext {
  regency: string | null;
  province: string | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function reasonText(t: TFunction, r: MatchReason, place: PlaceContext, countries: Country[] | undefined): string {
  const d = r.detail ?? {};
  const where = place.regency ?? place.province ?? str(d.areaCode);
  switch (r.code) {
    case 'occupation_same':
    case 'occupation_related': {
      const cs = strs(d.countries);
      const countriesText = listText(cs.map((c) => countryLabel(countries, c)));
      const args = { occupation: lowerFirst(occupationLabel(str(d.occupation))), years: yearsText(num(d.years)), countries: countriesText, count: num(d.years) };
      return r.code === 'occupation_same' ? t('work.reasons.occupation_same', args) : t('work.reasons.occupation_related', args);
    }
    case 'occupation_new':
      return t('work.reasons.occupation_new', { occupation: lowerFirst(occupationLabel(str(d.occupation))) });
    case 'sector_experience':
      return t(d.related ? 'work.reasons.sector_experience_related' : 'work.reasons.sector_experience', { sector: lowerFirst(sectorLabel(str(d.sector))), years: yearsText(num(d.years)), count: num(d.years) });
    case 'sector_preferred':
      return t(d.related ? 'work.reasons.sector_preferred_related' : 'work.reasons.sector_preferred', { sector: lowerFirst(sectorLabel(str(d.sector))) });
    case 'skill_held':
      return t('work.reasons.skill_held', { skill: term('skills', str(d.skill)), level: lowerFirst(term('skillLevels', str(d.level))) });
    case 'skill_below':
      return t('work.reasons.skill_below', { skill: term('skills', str(d.skill)), level: lowerFirst(term('skillLevels', str(d.level))), required: lowerFirst(term('skillLevels', str(d.required))) });
    case 'skill_missing':
      return t('work.reasons.skill_missing', { skill: lowerFirst(term('skills', str(d.skill))), required: lowerFirst(term('skillLevels', str(d.required))) });
    case 'language_held':
      return t('work.reasons.language_held', { language: languageName(str(d.language)) });
    case 'language_missing':
      return t('work.reasons.language_missing', { language: languageName(str(d.language)) });
    case 'education_met':
      return t('work.reasons.education_met', { education: lowerFirst(term('education', str(d.education))) });
    case 'education_below':
      return d.education
        ? t('work.reasons.education_below', { education: lowerFirst(term('education', str(d.education))), required: lowerFirst(term('education', str(d.required))) })
        : t('work.reasons.education_unknown', { required: lowerFirst(term('education', str(d.required))) });
    case 'certificate_held':
      return d.abroad
        ? t('work.reasons.certificate_held_abroad', { certificate: lowerFirst(term('certificates', str(d.certificate))), country: countryLabel(countries, str(d.country)) })
        : t('work.reasons.certificate_held', { certificate: lowerFirst(term('certificates', str(d.certificate))) });
    case 'certificate_missing':
      return t('work.reasons.certificate_missing', { certificate: lowerFirst(term('certificates', str(d.certificate))) });
    case 'certificate_awarded':
      return t('work.reasons.certificate_awarded', { certificate: lowerFirst(term('certificates', str(d.certificate))) });
    case 'location_preferred':
      return t('work.reasons.location_preferred', { place: where });
    case 'location_province':
      return t('work.reasons.location_province', { place: place.province ?? where });
    case 'location_remote':
      return t('work.reasons.location_remote');
    case 'location_relocate':
      return t('work.reasons.location_relocate', { place: where });
    case 'location_far':
      return t('work.reasons.location_far', { place: where });
    case 'seeking_match':
      return t('work.reasons.seeking_match', { seeking: lowerFirst(term('seeking', str(d.seeking))) });
    case 'seeking_other':
      return t('work.reasons.seeking_other', { seeking: strs(d.seeking).map((s) => lowerFirst(term('seeking', s))).join(', ') });
    case 'not_seeking':
      return t('work.reasons.not_seeking');
    case 'available':
      return d.startOn ? t('work.reasons.available', { startOn: formatDate(str(d.startOn)) }) : t('work.reasons.available_from', { availableFrom: formatDate(str(d.availableFrom)) });
    case 'available_later':
      return t('work.reasons.available_later', { availableFrom: formatDate(str(d.availableFrom)), startOn: formatDate(str(d.startOn)) });
    case 'constraint_conflict':
      return t('work.reasons.constraint_conflict', { constraint: term('constraints', str(d.constraint)), because: t(`work.reasons.because.${str(d.because) || 'other'}` as 'work.reasons.because.other') });
    default:
      return r.code;
  }
}

const toneMark = { plus: '✓', minus: '✗', info: 'ℹ' } as const;

export function MatchReasons({ reasons, place, max }: { reasons: MatchReason[]; place: PlaceContext; max?: number }) {
  const { t } = useTranslation();
  const countries = useCountries();
  const shown = max ? reasons.slice(0, max) : reasons;
  return (
    <ul className="match-reasons">
      {shown.map((r, i) => {
        const tone = reasonTone[r.code];
        return (
          <li key={`${r.code}-${i}`} className={`reason-${tone}`}>
            <span aria-hidden="true" className="reason-mark">
              {toneMark[tone]}
            </span>
            <span className="visually-hidden">{t(`work.reasons.tone.${tone}`)}: </span>
            {reasonText(t, r, place, countries)}
          </li>
        );
      })}
    </ul>
  );
}

export function scoreWords(t: TFunction, score: number): string {
  if (score >= 75) return t('work.score.high');
  if (score >= 50) return t('work.score.good');
  if (score >= 25) return t('work.score.fair');
  return t('work.score.low');
}

export function ScoreBar({ score }: { score: number }) {
  const { t } = useTranslation();
  return (
    <p className="match-score">
      <span className="score-bar" aria-hidden="true">
        <span style={{ width: `${Math.max(2, score)}%` }} className={score >= 75 ? 'high' : score >= 50 ? 'good' : score >= 25 ? 'fair' : 'low'} />
      </span>
      <span>{t('work.score.text', { words: scoreWords(t, score), score })}</span>
    </p>
  );
}
