// What waits for a supervisor: closures, plans and transfers to decide.
// Each part shows only for those who decide it: closure requests on the organisation's cases (with
// whether the checklist is complete), transfer proposals to the organisation, and reintegration plan
// versions submitted for approval (each links to the case, where the decision is made).
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/me';
import { closureText } from '../cases/case-page/CaseHeader';
import { formatDateTime, formatNumber } from '../i18n';
import { NoAccess } from '../shell/NotFoundPage';
import { ErrorAlert, Loading } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import { transfersQuery } from '../transfers/api';
import { TransferTable } from '../transfers/parts';
import { pendingClosuresQuery, submittedPlansQuery } from './api';
import './closure.css';

export function ApprovalsPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('approvals.title'));
  const closures = can(me, 'case.approveClosure');
  const transfers = can(me, 'transfer.respond');
  const plans = can(me, 'plan.approve');
  if (!closures && !transfers && !plans) return <NoAccess />;
  return (
    <section className="page approvals">
      <div className="page-head">
        <h1>{t('approvals.title')}</h1>
      </div>
      <p className="hint">{t('approvals.intro')}</p>
      {closures ? <Closures /> : null}
      {transfers ? <Transfers /> : null}
      {plans ? <Plans /> : null}
    </section>
  );
}

function Count({ n }: { n: number | undefined }) {
  const { t } = useTranslation();
  if (n === undefined) return null;
  return <span className={`badge ${n ? 'pending' : 'off'}`}>{t('approvals.waiting', { count: n, formatted: formatNumber(n) })}</span>;
}

function Closures() {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(pendingClosuresQuery());
  return (
    <section aria-labelledby="approvals-closures">
      <h2 id="approvals-closures">
        {t('approvals.closures.title')} <Count n={data?.total} />
      </h2>
      {isPending ? <Loading /> : null}
      <ErrorAlert error={error} />
      {data && !data.items.length ? <p>{t('approvals.closures.empty')}</p> : null}
      {data?.items.length ? (
        <table className="responsive">
          <caption className="visually-hidden">{t('approvals.closures.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('approvals.labels.case')}</th>
              <th scope="col">{t('approvals.labels.reason')}</th>
              <th scope="col">{t('approvals.labels.checklist')}</th>
              <th scope="col">{t('approvals.labels.requested')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((x) => (
              <tr key={x.id}>
                <th scope="row" data-label={t('approvals.labels.case')}>
                  <Link to="/cases/$caseId" params={{ caseId: x.caseId }}>
                    {x.caseReference}
                  </Link>{' '}
                  <span className="small">{x.personName}</span>
                </th>
                <td data-label={t('approvals.labels.reason')}>{closureText(x.closureReason)}</td>
                <td data-label={t('approvals.labels.checklist')}>
                  <span className={`badge ${x.checklistComplete ? 'ok' : 'pending'}`}>
                    <span aria-hidden="true">{x.checklistComplete ? '✓ ' : '✕ '}</span>
                    {x.checklistComplete ? t('approvals.closures.complete') : t('approvals.closures.incomplete')}
                  </span>
                </td>
                <td data-label={t('approvals.labels.requested')}>
                  {formatDateTime(x.requestedAt)}
                  {x.requestedBy ? <span className="muted small"> · {x.requestedBy.displayName}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function Transfers() {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(transfersQuery('incoming', 'proposed', 0, 100));
  return (
    <section aria-labelledby="approvals-transfers">
      <h2 id="approvals-transfers">
        {t('approvals.transfers.title')} <Count n={data?.counts.proposed} />
      </h2>
      {isPending ? <Loading /> : null}
      <ErrorAlert error={error} />
      {data && !data.items.length ? <p>{t('approvals.transfers.empty')}</p> : null}
      {data?.items.length ? <TransferTable items={data.items} box="incoming" caption={t('approvals.transfers.title')} /> : null}
    </section>
  );
}

function Plans() {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(submittedPlansQuery());
  return (
    <section aria-labelledby="approvals-plans">
      <h2 id="approvals-plans">
        {t('approvals.plans.title')} <Count n={data ? data.total : undefined} />
      </h2>
      {isPending ? <Loading /> : null}
      <ErrorAlert error={error} />
      {data === null ? <p>{t('approvals.plans.unavailable')}</p> : null}
      {data && !data.items.length ? <p>{t('approvals.plans.empty')}</p> : null}
      {data?.items.length ? (
        <table className="responsive">
          <caption className="visually-hidden">{t('approvals.plans.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('approvals.labels.case')}</th>
              <th scope="col">{t('approvals.labels.plan')}</th>
              <th scope="col">{t('approvals.labels.submitted')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((p) => (
              <tr key={p.planId}>
                <th scope="row" data-label={t('approvals.labels.case')}>
                  <Link to="/cases/$caseId" params={{ caseId: p.caseId }} search={{ tab: 'plan' }}>
                    {p.caseReference}
                  </Link>
                </th>
                <td data-label={t('approvals.labels.plan')}>
                  {t('approvals.plans.version', { number: p.number })} · {t('approvals.plans.items', { count: p.itemCount, formatted: formatNumber(p.itemCount) })}
                  {p.budgetTotalIdr !== null ? ` · Rp ${formatNumber(p.budgetTotalIdr)}` : ''}
                </td>
                <td data-label={t('approvals.labels.submitted')}>
                  {p.submittedAt ? formatDateTime(p.submittedAt) : '—'}
                  {p.submittedBy ? <span className="muted small"> · {p.submittedBy.displayName}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
