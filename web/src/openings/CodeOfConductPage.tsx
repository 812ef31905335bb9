// The code of conduct a partner's user reads and accepts before anything else.
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/usePageTitle';

export function CodeOfConductPage() {
  const { t } = useTranslation();
  usePageTitle(t('openings.code.title'));
  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('openings.code.title')}</h1>
      </div>
    </section>
  );
}
