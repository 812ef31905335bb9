// Openings and training places: a partner's own, or the published ones for case workers.
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/usePageTitle';

export function OpeningsPage() {
  const { t } = useTranslation();
  usePageTitle(t('openings.title'));
  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('openings.title')}</h1>
      </div>
    </section>
  );
}
