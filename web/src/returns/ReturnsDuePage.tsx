// Returns due in the coming days, for the reception teams.
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/usePageTitle';

export function ReturnsDuePage() {
  const { t } = useTranslation();
  usePageTitle(t('returnsDue.title'));
  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('returnsDue.title')}</h1>
      </div>
    </section>
  );
}
