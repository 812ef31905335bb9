// A partner writes a new opening or training place.
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/usePageTitle';

export function OpeningCreatePage() {
  const { t } = useTranslation();
  usePageTitle(t('openings.newTitle'));
  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('openings.newTitle')}</h1>
      </div>
    </section>
  );
}
