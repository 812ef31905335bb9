// "Our services": the organisation's services (status, terms, when last confirmed, capacity, and a
// "still correct" button per row) and, on the second tab, its locations. Organisation
// administrators keep them; focal points and supervisors see them and keep capacity up to date.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { can, useMe } from '../auth/me';
import { formatDate, formatNumber } from '../i18n';
import { errorText } from '../i18n/errors';
import { NoAccess } from '../shell/NotFoundPage';
import { SelectField, TextField } from '../ui/Field';
import { StatusMessage } from '../ui/Messages';
import { ResultList } from '../ui/ResultList';
import { usePageTitle } from '../ui/usePageTitle';
import { confirmationDue, confirmationDueDays, confirmService, directoryKeys, serviceStatuses, servicesQuery, type Service, type ServiceStatus } from './api';
import { LocationsPanel } from './LocationsPanel';
import { statusKey, useTermName } from './ServiceForm';
import './directory.css';

const route = getRouteApi('/app/services');
const LIMIT = 25;
type Tab = 'services' | 'locations';
const tabs: Tab[] = ['services', 'locations'];

export function ServicesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { tab = 'services' } = route.useSearch();
  usePageTitle(`${t(`directory.tabs.${tab}`)} · ${t('directory.title')}`);
  const mayManage = can(me, 'directory.manage', { organizationId: me.organization.id });
  if (!mayManage && !can(me, 'directory.updateCapacity', { organizationId: me.organization.id })) return <NoAccess />;
  return (
    <>
      <div className="page-head">
        <h1>{t('directory.title')}</h1>
        {mayManage && tab === 'services' ? (
          <Link to="/services/$serviceId" params={{ serviceId: 'new' }} className="button">
            {t('directory.create')}
          </Link>
        ) : null}
      </div>
      <p className="muted">{me.organization.name}</p>
      <nav aria-label={t('directory.tabs.label')} className="tabs">
        <ul>
          {tabs.map((x) => (
            <li key={x}>
              <Link to="/services" search={{ tab: x === 'services' ? undefined : x }} aria-current={x === tab ? 'page' : undefined} activeProps={{}} activeOptions={{ includeSearch: true, exact: true }}>
                {t(`directory.tabs.${x}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'locations' ? <LocationsPanel mayManage={mayManage} /> : <ServiceList mayManage={mayManage} />}
    </>
  );
}

export function useCapacityText(): (c: Service['capacity']) => string {
  const { t } = useTranslation();
  return (c) => {
    const parts: string[] = [];
    if (c.total !== null && c.free !== null) parts.push(t('directory.capacity.freeOf', { free: formatNumber(c.free), total: formatNumber(c.total) }));
    else if (c.total !== null) parts.push(t('directory.capacity.totalOnly', { total: formatNumber(c.total) }));
    else if (c.free !== null) parts.push(t('directory.capacity.freeOnly', { free: formatNumber(c.free) }));
    if (c.maxOpenReferrals !== null) parts.push(t('directory.capacity.referralsOf', { open: formatNumber(c.openReferrals), max: formatNumber(c.maxOpenReferrals) }));
    return parts.join('; ') || t('directory.capacity.unknown');
  };
}

export function StatusBadge({ status }: { status: ServiceStatus }) {
  const { t } = useTranslation();
  const cls = status === 'active' ? 'ok' : status === 'temporarily closed' ? 'pending' : 'off';
  return <span className={`badge ${cls}`}>{t(`directory.status.${statusKey(status)}`)}</span>;
}

export function DueBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge due">
      <span aria-hidden="true">⚠ </span>
      {t('directory.confirm.due')}
    </span>
  );
}

function ServiceList({ mayManage }: { mayManage: boolean }) {
  const { t } = useTranslation();
  const termName = useTermName();
  const capacityText = useCapacityText();
  const [form, setForm] = useState({ q: '', status: '' });
  const [filters, setFilters] = useState({ q: '', status: '' });
  const [offset, setOffset] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const query = useQuery(servicesQuery({ q: filters.q || undefined, status: (filters.status || undefined) as ServiceStatus | undefined, limit: LIMIT, offset }));
  const due = (query.data?.items ?? []).filter((s) => confirmationDue(s)).length;

  function apply(e: FormEvent) {
    e.preventDefault();
    setFilters({ q: form.q.trim(), status: form.status });
    setOffset(0);
  }

  return (
    <>
      <form role="search" className="filters" onSubmit={apply} aria-label={t('directory.filters')}>
        <TextField label={t('common.search')} name="q" type="search" value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} />
        <SelectField label={t('directory.fields.status')} name="status" value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {serviceStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`directory.status.${statusKey(s)}`)}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <button type="submit" className="button">
            {t('common.apply')}
          </button>
        </div>
      </form>
      <StatusMessage tone="success">{message}</StatusMessage>
      {due ? (
        <p className="alert alert-warning">
          <span aria-hidden="true">⚠ </span>
          {t('directory.confirm.dueCount', { count: due, days: confirmationDueDays })}
        </p>
      ) : null}
      <ResultList query={query} emptyText={filters.q || filters.status ? t('directory.emptyFiltered') : t('directory.empty')} offset={offset} limit={LIMIT} onPage={setOffset}>
        {(items) => (
          <table className="responsive">
            <caption className="visually-hidden">{t('directory.tabs.services')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directory.fields.name')}</th>
                <th scope="col">{t('directory.fields.status')}</th>
                <th scope="col">{t('directory.fields.terms')}</th>
                <th scope="col">{t('directory.confirm.last')}</th>
                <th scope="col">{t('directory.sections.capacity')}</th>
                {mayManage ? <th scope="col">{t('directory.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((s) => {
                const isDue = confirmationDue(s);
                return (
                  <tr key={s.id} className={isDue ? 'is-due' : undefined}>
                    <th scope="row" data-label={t('directory.fields.name')} className="break">
                      <Link to="/services/$serviceId" params={{ serviceId: s.id }}>
                        {s.name}
                      </Link>
                      {s.alternateName ? <span className="muted"> ({s.alternateName})</span> : null}
                    </th>
                    <td data-label={t('directory.fields.status')}>
                      <StatusBadge status={s.status} />
                    </td>
                    <td data-label={t('directory.fields.terms')}>{s.termCodes.map(termName).join(', ')}</td>
                    <td data-label={t('directory.confirm.last')}>
                      {formatDate(s.lastConfirmedAt)} {isDue ? <DueBadge /> : null}
                    </td>
                    <td data-label={t('directory.sections.capacity')}>{capacityText(s.capacity)}</td>
                    {mayManage ? (
                      <td data-label={t('directory.actions')}>
                        <ConfirmRowButton service={s} onDone={setMessage} />
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </ResultList>
    </>
  );
}

function ConfirmRowButton({ service, onDone }: { service: Service; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const confirm = useMutation({
    mutationFn: () => confirmService(service.id, service.version),
    onSuccess: (s) => {
      queryClient.setQueryData(directoryKeys.service(s.id), s);
      void queryClient.invalidateQueries({ queryKey: directoryKeys.services });
      onDone(t('directory.confirm.done', { name: s.name }));
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) void queryClient.invalidateQueries({ queryKey: directoryKeys.services });
    },
  });
  return (
    <div className="row-actions">
      <button
        type="button"
        className="button secondary"
        onClick={() => confirm.mutate()}
        disabled={confirm.isPending}
        aria-label={t('directory.confirm.buttonNamed', { name: service.name })}
      >
        {t('directory.confirm.button')}
      </button>
      {confirm.error ? (
        <p role="alert" className="alert alert-warning">
          {isApiError(confirm.error, 'version_conflict') ? t('directory.confirm.conflict') : errorText(confirm.error)}
        </p>
      ) : null}
    </div>
  );
}
