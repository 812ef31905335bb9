// Transfers proposed to the organisation and by it.
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/usePageTitle';

export function TransfersPage() {
  const { t } = useTranslation();
  usePageTitle(t('transfers.title'));
  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('transfers.title')}</h1>
      </div>
    </section>
  );
}
