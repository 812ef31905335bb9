// The shareable part of a skills profile as readable text (what the person seeks, has done and
// can do), and the labels of the employment codes. Used by candidacies and by any referral that
// carries the skills_profile field.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { countriesQuery, countryName } from '../../cases/api';
import { currentLanguage, formatDate, textOr } from '../../i18n';
import { languageName } from '../../persons/PersonFields';
import { useAreaNames } from '../../users/Coverage';
import { isicSectors, iscoOccupations } from '../../../../src/employment/vocabulary';

export interface SharedSkillsProfile {
  seeking: string[];
  workHistory: { country: string; sector: string | null; occupation: string | null; years: number; abroad: boolean }[];
  skills: { code: string; level: string }[];
  languages: string[];
  education: string | null;
  certificates: { code: string; country: string | null; year: number | null }[];
  preferredSectors: string[];
  preferredAreaCodes: string[];
  willingToRelocate: boolean;
  availableFrom: string | null;
}

type TermGroup =
  | 'candidacyStatuses'
  | 'rejectReasons'
  | 'workProblems'
  | 'endReasons'
  | 'contractTypes'
  | 'skills'
  | 'skillLevels'
  | 'education'
  | 'certificates'
  | 'seeking'
  | 'openingKinds';

/** The label of a shared employment code (web/src/employment/locale/terms.*.json), or the code. */
export const term = (group: TermGroup, code: string | null | undefined): string => (code ? textOr(`employmentTerms.${group}.${code}`, code) : '—');

const lang = () => currentLanguage();
export const sectorLabel = (code: string | null | undefined) => (code ? (isicSectors.find((s) => s.code === code)?.label[lang()] ?? code) : '—');
export const occupationLabel = (code: string | null | undefined) => (code ? (iscoOccupations.find((s) => s.code === code)?.label[lang()] ?? code) : '—');

/** The skills profile as readable sentences: what the person seeks, has done and can do. */
export function SkillsProfileText({ profile }: { profile: SharedSkillsProfile | null | undefined }) {
  const { t } = useTranslation();
  const { data: countries } = useQuery(countriesQuery());
  const areaName = useAreaNames(profile?.preferredAreaCodes ?? []);
  if (!profile) return <p>{t('candidacies.profile.none')}</p>;
  const list = (xs: string[]) => xs.join(', ') || '—';
  return (
    <dl className="summary compact skills-profile-text">
      <dt>{t('candidacies.profile.seeking')}</dt>
      <dd>{profile.seeking.length ? list(profile.seeking.map((s) => term('seeking', s))) : t('candidacies.profile.notSeeking')}</dd>
      <dt>{t('candidacies.profile.workHistory')}</dt>
      <dd>
        {profile.workHistory.length ? (
          <ul className="plain-list">
            {profile.workHistory.map((w, i) => (
              <li key={i}>
                {t('candidacies.profile.job', {
                  occupation: occupationLabel(w.occupation),
                  sector: sectorLabel(w.sector),
                  country: countryName(countries?.items, w.country, lang()),
                  count: w.years,
                })}
                {w.abroad ? ` ${t('candidacies.profile.abroad')}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          '—'
        )}
      </dd>
      <dt>{t('candidacies.profile.skills')}</dt>
      <dd>{list(profile.skills.map((s) => `${term('skills', s.code)} (${term('skillLevels', s.level)})`))}</dd>
      <dt>{t('candidacies.profile.languages')}</dt>
      <dd>{list(profile.languages.map(languageName))}</dd>
      <dt>{t('candidacies.profile.education')}</dt>
      <dd>{term('education', profile.education)}</dd>
      <dt>{t('candidacies.profile.certificates')}</dt>
      <dd>
        {list(
          profile.certificates.map(
            (c) =>
              `${term('certificates', c.code)}${c.country && c.country !== 'ID' ? ` — ${countryName(countries?.items, c.country, lang())}` : ''}${c.year ? ` (${c.year})` : ''}`,
          ),
        )}
      </dd>
      <dt>{t('candidacies.profile.preferredSectors')}</dt>
      <dd>{list(profile.preferredSectors.map(sectorLabel))}</dd>
      <dt>{t('candidacies.profile.preferredAreas')}</dt>
      <dd>
        {list(profile.preferredAreaCodes.map(areaName))}
        {profile.willingToRelocate ? ` — ${t('candidacies.profile.willingToRelocate')}` : ''}
      </dd>
      <dt>{t('candidacies.profile.availableFrom')}</dt>
      <dd>{profile.availableFrom ? formatDate(profile.availableFrom) : t('candidacies.profile.availableNow')}</dd>
    </dl>
  );
}
