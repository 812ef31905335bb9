// One transfer: the proposal and its answer; after it, the sending organisation's read-only view.
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/usePageTitle';

export function TransferPage() {
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
