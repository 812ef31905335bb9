// The supervisor's queue (/cases/queue): unassigned cases with an assign action that shows the
// suggested case workers; and the caseload view: open cases per worker, weighted, overdue, by band.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { priorityBands } from '../api/types';
import { can, useMe } from '../auth/me';
import { formatDate, formatNumber } from '../i18n';
import { NoAccess } from '../shell/NotFoundPage';
import { ErrorAlert, Loading, StatusMessage } from '../ui/Messages';
import { ResultList } from '../ui/ResultList';
import { usePageTitle } from '../ui/usePageTitle';
import { assignCase, assignmentSuggestionsQuery, caseKeys, caseloadsQuery, caseQuery, casesQuery, type CaseListItem, type CaseOut } from './api';
import { CaseBadges, OverdueBadge } from './CaseBadges';
import './worklist.css';

const route = getRouteApi('/app/cases/queue');
const LIMIT = 25;

export function QueuePage() {
  const me = useMe();
  if (!can(me, 'case.assign')) return <NoAccess />;
  return <Queue />;
}

function Queue() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const view = search.view ?? 'queue';
  const title = view === 'caseload' ? t('worklist.caseload.title') : t('worklist.queue.title');
  usePageTitle(title);
  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
      </div>
      <nav aria-label={t('worklist.queue.views')} className="scope-switch">
        <ul>
          <li>
            <Link to="/cases/queue" search={{}} aria-current={view === 'queue' ? 'page' : undefined} activeOptions={{ exact: true }}>
              {t('worklist.queue.title')}
            </Link>
          </li>
          <li>
            <Link to="/cases/queue" search={{ view: 'caseload' }} aria-current={view === 'caseload' ? 'page' : undefined} activeOptions={{ exact: true }}>
              {t('worklist.caseload.title')}
            </Link>
          </li>
        </ul>
      </nav>
      {view === 'caseload' ? <CaseloadView /> : <QueueView />}
    </>
  );
}

function QueueView() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useQuery(casesQuery({ scope: 'queue', limit: LIMIT, offset: search.offset ?? 0 }));
  const [assigned, setAssigned] = useState<string | null>(null);
  return (
    <>
      <p className="muted">{t('worklist.queue.intro')}</p>
      <StatusMessage tone="success">{assigned}</StatusMessage>
      <ResultList
        query={query}
        emptyText={t('worklist.queue.empty')}
        offset={search.offset ?? 0}
        limit={LIMIT}
        onPage={(offset) => void navigate({ search: (prev) => ({ ...prev, offset: offset || undefined }) })}
      >
        {(items) => (
          <ul className="cards queue-list">
            {items.map((c) => (
              <QueueItem key={c.id} c={c} onAssigned={(name) => setAssigned(t('worklist.queue.assigned', { reference: c.reference, name }))} />
            ))}
          </ul>
        )}
      </ResultList>
    </>
  );
}

function QueueItem({ c, onAssigned }: { c: CaseListItem; onAssigned: (name: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <li className="card queue-item">
      <h2 className="card-title">
        <Link to="/cases/$caseId" params={{ caseId: c.id }}>
          {c.reference}
        </Link>{' '}
        <span className="case-person">{c.personName}</span>
      </h2>
      <p>
        <CaseBadges item={c} />
      </p>
      <p className="muted">
        {t(`caseTerms.caseType.${c.caseType}`)} · {t(`worklist.direction.${c.direction}`)}
        {c.provinceName ? ` · ${c.provinceName}` : ''} · {t('worklist.queue.opened', { date: formatDate(c.openedAt) })}
      </p>
      <button type="button" className="button" aria-expanded={open} aria-controls={`${id}-assign`} onClick={() => setOpen((o) => !o)}>
        {t('worklist.queue.assign')}
        <span className="visually-hidden"> {c.reference}</span>
      </button>
      <div id={`${id}-assign`} hidden={!open} className="assign-panel">
        {open ? <AssignPanel caseId={c.id} reference={c.reference} onAssigned={onAssigned} /> : null}
      </div>
    </li>
  );
}

/** Suggestions (recommended first) and the assignment itself; a 409 shows the case as it is now. */
export function AssignPanel({ caseId, reference, onAssigned }: { caseId: string; reference: string; onAssigned?: (name: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const current = useQuery(caseQuery(caseId));
  const suggestions = useQuery(assignmentSuggestionsQuery(caseId));
  const [conflict, setConflict] = useState<CaseOut | null>(null);
  const assign = useMutation({
    mutationFn: ({ userId, version }: { userId: string; version: number; name: string }) => assignCase(caseId, { version, assigneeId: userId }),
    onSuccess: (c, v) => {
      setConflict(null);
      queryClient.setQueryData(caseKeys.detail(c.id), c);
      void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
      void queryClient.invalidateQueries({ queryKey: caseKeys.caseloads });
      onAssigned?.(v.name);
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict') && err.current) {
        const fresh = err.current as CaseOut;
        // Show the case as it is now, here; the list itself is left as it is until the next refresh,
        // so that this message does not vanish with the row.
        setConflict(fresh);
        queryClient.setQueryData(caseKeys.detail(fresh.id), fresh);
      }
    },
  });
  if (current.isPending || suggestions.isPending) return <Loading />;
  if (current.isError || suggestions.isError) return <ErrorAlert error={current.error ?? suggestions.error} />;
  const version = (conflict ?? current.data).version;
  const items = [...suggestions.data.items].sort((a, b) => Number(b.recommended) - Number(a.recommended));
  return (
    <section aria-label={t('worklist.queue.suggestionsFor', { reference })}>
      {conflict ? (
        <div role="alert" className="alert alert-warning">
          <p>{t('worklist.queue.conflict')}</p>
          <p>
            {conflict.assignedTo
              ? t('worklist.queue.nowAssigned', { name: conflict.assignedTo.displayName })
              : t('worklist.queue.stillUnassigned')}
          </p>
        </div>
      ) : null}
      {assign.error && !isApiError(assign.error, 'version_conflict') ? <ErrorAlert error={assign.error} /> : null}
      {items.length === 0 ? <p>{t('worklist.queue.noSuggestions')}</p> : null}
      <ul className="suggestions">
        {items.map((s) => (
          <li key={s.userId} className={s.recommended ? 'suggestion recommended' : 'suggestion'}>
            <p>
              <strong>{s.displayName}</strong> {s.recommended ? <span className="badge ok">{t('worklist.queue.recommended')}</span> : null}
            </p>
            <p className="case-badges">
              <span className="badge">{t('worklist.queue.openCases', { count: s.openCases })}</span>
              <span className="badge">{t('worklist.queue.weighted', { value: formatNumber(s.weightedCaseload) })}</span>
              {s.speaksLanguage ? <span className="badge ok">{t('worklist.queue.speaksLanguage')}</span> : null}
              {s.coversArea ? <span className="badge ok">{t('worklist.queue.coversArea')}</span> : null}
            </p>
            <button
              type="button"
              className={s.recommended ? 'button' : 'button secondary'}
              disabled={assign.isPending || conflict?.assignedTo?.id === s.userId}
              onClick={() => assign.mutate({ userId: s.userId, version, name: s.displayName })}
            >
              {t('worklist.queue.assignTo', { name: s.displayName })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CaseloadView() {
  const { t } = useTranslation();
  const query = useQuery(caseloadsQuery());
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const { items, queue } = query.data;
  return (
    <>
      <p className="muted">{t('worklist.caseload.intro')}</p>
      {queue ? (
        <p>
          <Link to="/cases/queue" search={{}}>
            {t('worklist.caseload.queue', { count: queue.openCases })}
          </Link>{' '}
          {queue.overdueCases ? <OverdueBadge overdue /> : null}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p>{t('worklist.caseload.empty')}</p>
      ) : (
        <table className="responsive caseload-table">
          <caption className="visually-hidden">{t('worklist.caseload.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('worklist.caseload.worker')}</th>
              <th scope="col">{t('worklist.caseload.open')}</th>
              <th scope="col">{t('worklist.caseload.weighted')}</th>
              <th scope="col">{t('worklist.caseload.overdue')}</th>
              {priorityBands.map((b) => (
                <th scope="col" key={b}>
                  {t(`caseTerms.band.${b}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((w) => (
              <tr key={w.userId}>
                <th scope="row" data-label={t('worklist.caseload.worker')}>
                  {w.displayName}
                </th>
                <td data-label={t('worklist.caseload.open')} className="numeric">
                  {formatNumber(w.openCases)}
                </td>
                <td data-label={t('worklist.caseload.weighted')} className="numeric">
                  {formatNumber(w.weightedCaseload)}
                </td>
                <td data-label={t('worklist.caseload.overdue')} className="numeric">
                  {w.overdueCases ? <span className="badge overdue">{formatNumber(w.overdueCases)}</span> : '0'}
                </td>
                {priorityBands.map((b) => (
                  <td key={b} data-label={t(`caseTerms.band.${b}`)} className="numeric">
                    {formatNumber(w.byBand[b])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
