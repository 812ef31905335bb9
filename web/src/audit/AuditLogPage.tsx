// The tamper-evident audit log: filters, keyset paging ("load more" with `before`), and a check of
// the hash chain. Rows become cards at phone width.
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { auditOutcomes, type AuditEvent, type AuditVerification } from '../api/types';
import { can, useMe } from '../auth/me';
import { formatDateTime, formatNumber, textOr } from '../i18n';
import { fieldError } from '../i18n/errors';
import { NoAccess } from '../shell/NotFoundPage';
import { SelectField, TextField } from '../ui/Field';
import { ErrorAlert, Loading } from '../ui/Messages';
import { FilterPanel } from '../ui/FilterPanel';
import { usePageTitle } from '../ui/usePageTitle';

interface Filters {
  action: string;
  outcome: string;
  actorId: string;
  from: string;
  to: string;
}
const noFilters: Filters = { action: '', outcome: '', actorId: '', from: '', to: '' };
const PAGE = 50;

const short = (id: string | null) => (id ? id.slice(0, 8) : '—');

const reasonText = (reason: string) => textOr(`audit.reasons.${reason}`, reason);

function toQuery(f: Filters) {
  return {
    action: f.action.trim() || undefined,
    outcome: f.outcome || undefined,
    actorId: f.actorId.trim() || undefined,
    // Dates are the person's local days.
    from: f.from ? new Date(`${f.from}T00:00:00`).toISOString() : undefined,
    to: f.to ? new Date(`${f.to}T23:59:59.999`).toISOString() : undefined,
  };
}

export function AuditLogPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('audit.title'));
  if (!can(me, 'audit.read')) return <NoAccess />;
  return (
    <>
      <div className="page-head">
        <h1>{t('audit.title')}</h1>
      </div>
      {can(me, 'audit.verify') ? <VerifyChain /> : null}
      <AuditEvents />
    </>
  );
}

function VerifyChain() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: () => api<AuditVerification>('/audit-events/verify') });
  const r = verify.data;
  return (
    <section aria-labelledby="verify-title" className="section">
      <h2 id="verify-title">{t('audit.verifyTitle')}</h2>
      <p>{t('audit.verifyText')}</p>
      <button type="button" className="button secondary" onClick={() => verify.mutate()} disabled={verify.isPending}>
        {verify.isPending ? t('audit.verifying') : t('audit.verify')}
      </button>
      <ErrorAlert error={verify.error} />
      <div role="status" className={r ? (r.intact ? 'alert alert-success' : 'alert alert-error') : undefined}>
        {r
          ? r.intact
            ? t('audit.intact', { checked: formatNumber(r.checked), lastSeq: r.lastSeq ?? 0 })
            : t('audit.broken', { seq: r.brokenAt ?? '?', reason: r.reason ? reasonText(r.reason) : '' })
          : null}
      </div>
    </section>
  );
}

function AuditEvents() {
  const { t } = useTranslation();
  const [form, setForm] = useState<Filters>(noFilters);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const query = toQuery(filters);

  const events = useInfiniteQuery({
    queryKey: ['audit', 'events', query],
    queryFn: ({ pageParam, signal }) =>
      api<{ items: AuditEvent[]; nextBefore: number | null }>('/audit-events', { query: { ...query, before: pageParam, limit: PAGE }, signal }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

  function apply(e: FormEvent) {
    e.preventDefault();
    setFilters(form);
  }

  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (k: keyof Filters) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [k]: e.target.value });

  return (
    <section aria-labelledby="events-title" className="section">
      <h2 id="events-title">{t('audit.events')}</h2>
      <FilterPanel active={Object.values(filters).some(Boolean)}>
        <form role="search" className="filters" onSubmit={apply} aria-label={t('audit.filters')}>
          <TextField
            label={t('audit.fields.action')}
            name="action"
            value={form.action}
            onChange={set('action')}
            hint={t('audit.actionHint')}
            error={fieldError(events.error, 'action')}
          />
          <SelectField label={t('audit.fields.outcome')} name="outcome" value={form.outcome} onChange={set('outcome')}>
            <option value="">{t('common.all')}</option>
            {auditOutcomes.map((o) => (
              <option key={o} value={o}>
                {t(`audit.outcomes.${o}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('audit.fields.actorId')}
            name="actorId"
            value={form.actorId}
            onChange={set('actorId')}
            autoComplete="off"
            spellCheck={false}
            hint={t('audit.actorHint')}
            error={fieldError(events.error, 'actorId')}
          />
          <TextField label={t('audit.fields.from')} name="from" type="date" value={form.from} onChange={set('from')} error={fieldError(events.error, 'from')} />
          <TextField label={t('audit.fields.to')} name="to" type="date" value={form.to} onChange={set('to')} error={fieldError(events.error, 'to')} />
          <div className="actions">
            <button type="submit" className="button">
              {t('common.apply')}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setForm(noFilters);
                setFilters(noFilters);
              }}
            >
              {t('common.reset')}
            </button>
          </div>
        </form>
      </FilterPanel>

      {events.isPending ? <Loading /> : null}
      <ErrorAlert error={events.error} />
      {events.data ? (
        rows.length === 0 ? (
          <p role="status">{t('audit.empty')}</p>
        ) : (
          <table className="responsive audit">
            <caption className="visually-hidden">{t('audit.events')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.fields.at')}</th>
                <th scope="col">{t('audit.fields.actor')}</th>
                <th scope="col">{t('audit.fields.action')}</th>
                <th scope="col">{t('audit.fields.outcome')}</th>
                <th scope="col">{t('audit.fields.target')}</th>
                <th scope="col">{t('audit.fields.ip')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((ev) => (
                <tr key={ev.seq}>
                  <td data-label={t('audit.fields.at')}>
                    <time dateTime={ev.at}>{formatDateTime(ev.at)}</time>
                    <span className="muted"> #{ev.seq}</span>
                  </td>
                  <td data-label={t('audit.fields.actor')}>
                    {ev.actorId ? (
                      <button
                        type="button"
                        className="link-button"
                        title={ev.actorId}
                        aria-label={t('audit.filterByActor', { id: short(ev.actorId) })}
                        onClick={() => {
                          const next = { ...form, actorId: ev.actorId ?? '' };
                          setForm(next);
                          setFilters(next);
                        }}
                      >
                        <code>{short(ev.actorId)}</code>
                      </button>
                    ) : (
                      '—'
                    )}
                    {ev.actorKind ? <span className="muted"> {textOr(`audit.actorKinds.${ev.actorKind}`, ev.actorKind)}</span> : null}
                  </td>
                  <td data-label={t('audit.fields.action')}>
                    <code>{ev.action}</code>
                  </td>
                  <td data-label={t('audit.fields.outcome')}>
                    <span className={`badge ${ev.outcome === 'success' ? 'ok' : 'off'}`}>
                      {(auditOutcomes as readonly string[]).includes(ev.outcome) ? t(`audit.outcomes.${ev.outcome as (typeof auditOutcomes)[number]}`) : ev.outcome}
                    </span>
                  </td>
                  <td data-label={t('audit.fields.target')}>
                    {ev.targetType ? (
                      <>
                        {textOr(`audit.targetTypes.${ev.targetType}`, ev.targetType)} <code title={ev.targetId ?? undefined}>{short(ev.targetId)}</code>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td data-label={t('audit.fields.ip')}>{ev.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      {events.hasNextPage ? (
        <div className="actions">
          <button type="button" className="button secondary" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
            {events.isFetchingNextPage ? t('common.loading') : t('audit.loadMore')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
