import { useTranslation } from 'react-i18next';
import type { CaseOut } from '../cases/api';

export function ReferralsTab({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  return <p data-case={c.id}>{t('referrals.title')}</p>;
}
