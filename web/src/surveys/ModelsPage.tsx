// Sustainability scoring models: the versions and the active one.
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/usePageTitle';

export function ModelsPage() {
  const { t } = useTranslation();
  usePageTitle(t('surveyModels.title'));
  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('surveyModels.title')}</h1>
      </div>
    </section>
  );
}
