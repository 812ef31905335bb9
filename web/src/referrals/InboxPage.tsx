import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/usePageTitle';

export function InboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('referrals.title'));
  return <h1>{t('referrals.title')}</h1>;
}
