// Legal tracks with no update for 60 days (/legal), among the open cases the caller holds (a case
// worker's own, a supervisor's organisation's), the longest silent first, each linking to the
// case's legal tab.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/me';
import { formatDate } from '../i18n';
import { NoAccess } from '../shell/NotFoundPage';
import { ResultList } from '../ui/ResultList';
import { usePageTitle } from '../ui/usePageTitle';
import { STALLED_AFTER_DAYS, stalledQuery, type StalledItem } from './api';
import './legal.css';

const LIMIT = 25;

export function StalledPage() {
  const me = useMe();
  const { t } = useTranslation();
  usePageTitle(t('legalStalled.title'));
  if (!can(me, 'case.read')) return <NoAccess />;
  return <Stalled />;
}

function Stalled() {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const query = useQuery(stalledQuery(offset, LIMIT));
  return (
    <>
      <div className="page-head">
        <h1>{t('legalStalled.title')}</h1>
      </div>
      <p>{t('legalStalled.intro', { days: STALLED_AFTER_DAYS })}</p>
      <ResultList query={query} emptyText={t('legalStalled.empty')} offset={offset} limit={LIMIT} onPage={setOffset}>
        {(items) => <StalledTable items={items} />}
      </ResultList>
    </>
  );
}

function StalledTable({ items }: { items: StalledItem[] }) {
  const { t } = useTranslation();
  return (
    <table className="responsive stalled-table">
      <caption className="visually-hidden">{t('legalStalled.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('legalStalled.columns.reference')}</th>
          <th scope="col">{t('legalStalled.columns.stage')}</th>
          <th scope="col">{t('legalStalled.columns.silent')}</th>
          <th scope="col">{t('legalStalled.columns.assignedTo')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.caseId}>
            <th scope="row" data-label={t('legalStalled.columns.reference')}>
              <Link to="/cases/$caseId" params={{ caseId: r.caseId }} search={{ tab: 'legal' }}>
                {r.caseReference}
              </Link>
            </th>
            <td data-label={t('legalStalled.columns.stage')}>
              <span className={`badge legal-stage legal-stage-${r.stage}`}>{t(`legal.stage.${r.stage}`)}</span>
            </td>
            <td data-label={t('legalStalled.columns.silent')}>
              <span className="badge stalled-days">
                <span aria-hidden="true">⚠ </span>
                {t('legalStalled.days', { count: r.daysSinceUpdate })}
              </span>{' '}
              <span className="small">{t('legalStalled.since', { date: formatDate(r.lastUpdateAt) })}</span>
            </td>
            <td data-label={t('legalStalled.columns.assignedTo')}>{r.assignedTo?.displayName ?? t('legalStalled.nobody')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
