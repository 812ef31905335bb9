// One opening: its terms, and for its partner the editor, publishing and closing; for case workers, the candidates among their cases.
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/usePageTitle';

export function OpeningPage() {
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
