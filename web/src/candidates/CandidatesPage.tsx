// The candidates put forward to a partner: only what the person agreed to share.
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/usePageTitle';

export function CandidatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('candidacies.title'));
  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('candidacies.title')}</h1>
      </div>
    </section>
  );
}
