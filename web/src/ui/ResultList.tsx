// The parts every filtered, paged list shares: the filter form's buttons, and the results frame
// (loading, error, a count announced to screen readers, the rows or an empty text, the pager).
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n';
import { ErrorAlert, Loading } from './Messages';
import { Pager } from './Pager';

export function FilterActions({ resetTo }: { resetTo: '/organizations' | '/users' }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" className="button">
        {t('common.apply')}
      </button>
      <Link to={resetTo} search={{}} className="button secondary">
        {t('common.reset')}
      </Link>
    </div>
  );
}

export function ResultList<T>({
  query,
  emptyText,
  offset,
  limit,
  onPage,
  children,
}: {
  query: Pick<UseQueryResult<{ items: T[]; total: number }>, 'data' | 'isPending' | 'isError' | 'error' | 'isPlaceholderData'>;
  emptyText: string;
  offset: number;
  limit: number;
  onPage: (offset: number) => void;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  const { data, isPending, isError, error, isPlaceholderData } = query;
  return (
    <>
      {isPending ? <Loading /> : null}
      {isError ? <ErrorAlert error={error} /> : null}
      {data ? (
        <div aria-busy={isPlaceholderData || undefined}>
          <p role="status" className="result-count">
            {t('common.results', { count: data.total, formatted: formatNumber(data.total) })}
          </p>
          {data.items.length > 0 ? children(data.items) : <p>{emptyText}</p>}
          <Pager offset={offset} limit={limit} total={data.total} onChange={onPage} />
        </div>
      ) : null}
    </>
  );
}
