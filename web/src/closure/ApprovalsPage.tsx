// What waits for a supervisor: closures, plans and transfers to decide.
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/usePageTitle';

export function ApprovalsPage() {
  const { t } = useTranslation();
  usePageTitle(t('approvals.title'));
  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('approvals.title')}</h1>
      </div>
    </section>
  );
}
