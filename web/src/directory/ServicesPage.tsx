import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/usePageTitle';

export function ServicesPage() {
  const { t } = useTranslation();
  usePageTitle(t('directory.title'));
  return <h1>{t('directory.title')}</h1>;
}
