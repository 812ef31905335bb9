import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n';

export function Pager({ offset, limit, total, onChange }: { offset: number; limit: number; total: number; onChange: (offset: number) => void }) {
  const { t } = useTranslation();
  if (total === 0) return null;
  const from = offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={t('common.pagination')}>
      <p>{t('common.showing', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) })}</p>
      <div className="actions">
        <button type="button" className="button secondary" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
          {t('common.previous')}
        </button>
        <button type="button" className="button secondary" disabled={to >= total} onClick={() => onChange(offset + limit)}>
          {t('common.next')}
        </button>
      </div>
    </nav>
  );
}
