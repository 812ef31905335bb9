// The case tab "Survei": sustainability surveys, their schedule and the trend.
import { useTranslation } from 'react-i18next';
import type { CaseOut } from '../cases/api';

export function SurveysTab({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  void c;
  return <p>{t('surveys.title')}</p>;
}
