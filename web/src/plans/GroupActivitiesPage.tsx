// The organisation's group activities.
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/usePageTitle';

export function GroupActivitiesPage() {
  const { t } = useTranslation();
  usePageTitle(t('groupActivities.title'));
  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('groupActivities.title')}</h1>
      </div>
    </section>
  );
}
