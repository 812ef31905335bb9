// The case tab "Rencana": the reintegration plan, its versions and items.
import { useTranslation } from 'react-i18next';
import type { CaseOut } from '../cases/api';

export function PlanTab({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  void c;
  return <p>{t('plans.title')}</p>;
}
