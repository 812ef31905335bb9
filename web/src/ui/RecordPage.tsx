// The frame of a page about one record: a way back to its list, then loading, not found (which is
// also what a record of another organisation looks like), an error, or the record itself.
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { ErrorAlert, Loading } from './Messages';

export function RecordPage<T>({
  query,
  backTo,
  backLabel,
  notFoundText,
  children,
}: {
  query: Pick<UseQueryResult<T>, 'data' | 'isPending' | 'error'>;
  backTo: '/organizations' | '/users';
  backLabel: string;
  notFoundText: string;
  children: (record: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const { data, isPending, error } = query;
  return (
    <>
      <p className="breadcrumb">
        <Link to={backTo}>{backLabel}</Link>
      </p>
      {isPending ? <Loading /> : null}
      {error ? (
        isApiError(error, 'not_found') ? (
          <>
            <h1>{t('notFound.title')}</h1>
            <p>{notFoundText}</p>
          </>
        ) : (
          <ErrorAlert error={error} />
        )
      ) : null}
      {data ? children(data) : null}
    </>
  );
}
