// One candidacy from the partner's side (shared fields, answers, placement) or the sender's.
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/usePageTitle';

export function CandidacyPage() {
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
