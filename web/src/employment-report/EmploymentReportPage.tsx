// De-identified employment figures: openings against seekers, placements and retention, time to first income.
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/usePageTitle';

export function EmploymentReportPage() {
  const { t } = useTranslation();
  usePageTitle(t('employmentReport.title'));
  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('employmentReport.title')}</h1>
      </div>
    </section>
  );
}
