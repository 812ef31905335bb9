// Legal tracks with no update for 60 days.
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/usePageTitle';

export function StalledPage() {
  const { t } = useTranslation();
  usePageTitle(t('legalStalled.title'));
  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('legalStalled.title')}</h1>
      </div>
    </section>
  );
}
