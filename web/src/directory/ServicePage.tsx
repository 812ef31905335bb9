// One service of the organisation: when it was last confirmed (and "still correct"), its capacity,
// and the whole record as a form for administrators (read-only for focal points and supervisors,
// who keep capacity). Saving sends the version it was based on; when someone else saved first the
// stored values are shown and the person reapplies or discards their changes.
// /services/new (until the router has a route of its own) is the create page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { can, useMe } from '../auth/me';
import { formatDate, formatDateTime, formatNumber } from '../i18n';
import { ErrorAlert, Loading, StatusMessage } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import { VersionConflict } from '../ui/VersionConflict';
import { confirmationDue, confirmService, directoryKeys, locationsQuery, serviceQuery, updateCapacity, updateService, type Service } from './api';
import { placeOf } from './LocationsPanel';
import { ServiceCreatePage } from './ServiceCreatePage';
import { capacityToForm, capacityToInput, CapacityFields, changedInput, serviceToForm, ServiceFields, useTermName, type CapacityFormState, type ServiceFormState } from './ServiceForm';
import { DueBadge, StatusBadge, useCapacityText } from './ServicesPage';
import './directory.css';

const route = getRouteApi('/app/services/$serviceId');

export function ServicePage() {
  const { serviceId } = route.useParams();
  if (serviceId === 'new') return <ServiceCreatePage />;
  return <ServiceRecord id={serviceId} />;
}

function ServiceRecord({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useQuery(serviceQuery(id));
  usePageTitle(query.data?.name ?? t('directory.title'));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/services">{t('directory.title')}</Link>
      </p>
      {query.isPending ? <Loading /> : null}
      {query.error ? (
        isApiError(query.error, 'not_found') ? (
          <>
            <h1>{t('notFound.title')}</h1>
            <p>{t('directory.notFound')}</p>
          </>
        ) : (
          <ErrorAlert error={query.error} />
        )
      ) : null}
      {query.data ? <ServiceDetail key={query.data.id} service={query.data} /> : null}
    </>
  );
}

function ServiceDetail({ service }: { service: Service }) {
  const { t } = useTranslation();
  const me = useMe();
  const target = { organizationId: service.organization.id };
  const mayManage = can(me, 'directory.manage', target);
  const mayCapacity = can(me, 'directory.updateCapacity', target);
  // The version the main form's next save is based on; confirming and capacity (which the form does not send) move it along.
  const [formVersion, setFormVersion] = useState(service.version);
  return (
    <>
      <div className="page-head">
        <h1 className="break">
          {service.name}
          {service.alternateName ? <span className="muted"> ({service.alternateName})</span> : null}
        </h1>
        <StatusBadge status={service.status} />
      </div>
      <ConfirmCard service={service} mayConfirm={mayManage} onSaved={(s) => setFormVersion(s.version)} />
      {mayCapacity ? <CapacityCard service={service} onSaved={(s) => setFormVersion(s.version)} /> : null}
      {mayManage ? (
        <EditForm service={service} version={formVersion} setVersion={setFormVersion} />
      ) : (
        <section className="card" aria-labelledby="svc-summary">
          <h2 id="svc-summary">{t('directory.summary')}</h2>
          <ServiceSummary s={service} />
        </section>
      )}
    </>
  );
}

function ConfirmCard({ service, mayConfirm, onSaved }: { service: Service; mayConfirm: boolean; onSaved: (s: Service) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [done, setDone] = useState(false);
  const confirm = useMutation({
    mutationFn: () => confirmService(service.id, service.version),
    onMutate: () => setDone(false),
    onSuccess: (s) => {
      queryClient.setQueryData(directoryKeys.service(s.id), s);
      void queryClient.invalidateQueries({ queryKey: directoryKeys.services, exact: false, predicate: (q) => q.queryKey[2] === 'list' });
      onSaved(s);
      setDone(true);
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict') && err.current) queryClient.setQueryData(directoryKeys.service(service.id), err.current as Service);
    },
  });
  const due = confirmationDue(service);
  return (
    <section className="card" aria-labelledby="svc-confirm">
      <h2 id="svc-confirm" className="visually-hidden">
        {t('directory.confirm.title')}
      </h2>
      <div className="service-meta">
        <p>
          {service.lastConfirmedBy
            ? t('directory.confirm.lastBy', { date: formatDate(service.lastConfirmedAt), name: service.lastConfirmedBy.displayName })
            : t('directory.confirm.lastAt', { date: formatDate(service.lastConfirmedAt) })}{' '}
          {due ? <DueBadge /> : null}
        </p>
        {mayConfirm ? (
          <button type="button" className="button secondary" onClick={() => confirm.mutate()} disabled={confirm.isPending}>
            {t('directory.confirm.button')}
          </button>
        ) : null}
      </div>
      {mayConfirm ? <p className="hint">{t('directory.confirm.hint')}</p> : null}
      <StatusMessage tone="success">{done ? t('directory.confirm.doneHere') : null}</StatusMessage>
      {confirm.error ? (
        isApiError(confirm.error, 'version_conflict') ? (
          <p role="alert" className="alert alert-warning">
            {t('directory.confirm.conflict')}
          </p>
        ) : (
          <ErrorAlert error={confirm.error} />
        )
      ) : null}
    </section>
  );
}

function CapacityCard({ service, onSaved }: { service: Service; onSaved: (s: Service) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const capacityText = useCapacityText();
  const [form, setForm] = useState<CapacityFormState>(() => capacityToForm(service.capacity));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => updateCapacity(service.id, { ...capacityToInput(form), version: service.version }),
    onMutate: () => setSaved(false),
    onSuccess: (s) => {
      queryClient.setQueryData(directoryKeys.service(s.id), s);
      void queryClient.invalidateQueries({ queryKey: directoryKeys.services, predicate: (q) => q.queryKey[2] === 'list' });
      setForm(capacityToForm(s.capacity));
      onSaved(s);
      setSaved(true);
    },
    onError: (err) => {
      // Keep what was typed; the next save is based on the stored version, which is shown above the form.
      if (isApiError(err, 'version_conflict') && err.current) queryClient.setQueryData(directoryKeys.service(service.id), err.current as Service);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  const c = service.capacity;
  return (
    <section className="card" aria-labelledby="svc-capacity-title">
      <h2 id="svc-capacity-title">{t('directory.sections.capacity')}</h2>
      <p>
        {capacityText(c)}
        {c.maxOpenReferrals === null && c.openReferrals ? ` · ${t('directory.capacity.openNow', { count: c.openReferrals, formatted: formatNumber(c.openReferrals) })}` : null}
      </p>
      <p className="hint">{c.updatedAt ? t('directory.capacity.updatedAt', { at: formatDateTime(c.updatedAt) }) : t('directory.capacity.never')}</p>
      {save.error ? (
        isApiError(save.error, 'version_conflict') ? (
          <p role="alert" className="alert alert-warning">
            {t('directory.capacity.conflict')}
          </p>
        ) : (
          <ErrorAlert error={save.error} />
        )
      ) : null}
      <StatusMessage tone="success">{saved ? t('directory.capacity.saved') : null}</StatusMessage>
      <form onSubmit={submit} noValidate>
        <p className="hint">{t('directory.hints.capacity')}</p>
        <CapacityFields value={form} onChange={setForm} error={save.error} />
        <div className="actions" style={{ marginTop: 0 }}>
          <button type="submit" className="button" disabled={save.isPending}>
            {t('directory.capacity.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function EditForm({ service, version, setVersion }: { service: Service; version: number; setVersion: (v: number) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const locations = useQuery(locationsQuery());
  const [form, setForm] = useState<ServiceFormState>(() => serviceToForm(service));
  // The record the form started from: a save sends only what differs from it.
  const [base, setBase] = useState<Service>(service);
  const [conflict, setConflict] = useState<Service | null>(null);
  const [saved, setSaved] = useState(false);

  const save = useMutation({
    mutationFn: (v: number) => updateService(service.id, { ...changedInput(form, base), version: v }),
    onMutate: () => setSaved(false),
    onSuccess: (s) => {
      setConflict(null);
      setVersion(s.version);
      setBase(s);
      setForm(serviceToForm(s));
      setSaved(true);
      queryClient.setQueryData(directoryKeys.service(s.id), s);
      void queryClient.invalidateQueries({ queryKey: directoryKeys.services, predicate: (q) => q.queryKey[2] === 'list' });
      void queryClient.invalidateQueries({ queryKey: directoryKeys.locations });
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict') && err.current) {
        const current = err.current as Service;
        setConflict(current);
        queryClient.setQueryData(directoryKeys.service(current.id), current);
      }
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(version);
  }

  return (
    <section aria-labelledby="svc-edit-title">
      <h2 id="svc-edit-title">{t('directory.edit')}</h2>
      {conflict ? (
        <VersionConflict
          headingLevel={3}
          busy={save.isPending}
          onReapply={() => save.mutate(conflict.version)}
          onDiscard={() => {
            setForm(serviceToForm(conflict));
            setBase(conflict);
            setVersion(conflict.version);
            setConflict(null);
            save.reset();
          }}
        >
          <ServiceSummary s={conflict} />
        </VersionConflict>
      ) : null}
      <form onSubmit={submit} className="service-form" noValidate>
        <ServiceFields level={3} value={form} onChange={setForm} error={save.error} locations={locations.data?.items} />
        {save.error && !isApiError(save.error, 'version_conflict') ? <ErrorAlert error={save.error} /> : null}
        <StatusMessage tone="success">{saved ? t('common.saved') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending || !!conflict}>
            {t('directory.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** "1,2,3,4,5" → "Sen–Jum"; runs of days are joined with a dash. */
export function useDaysText(): (days: number[]) => string {
  const { t } = useTranslation();
  return (days) => {
    const sorted = [...days].sort((a, b) => a - b);
    const runs: number[][] = [];
    for (const d of sorted) {
      const last = runs[runs.length - 1];
      if (last && last[last.length - 1] === d - 1) last.push(d);
      else runs.push([d]);
    }
    const name = (d: number) => t(`directory.weekdaysShort.${d}` as 'directory.weekdaysShort.1');
    return runs.map((r) => (r.length > 2 ? `${name(r[0]!)}–${name(r[r.length - 1]!)}` : r.map(name).join(', '))).join(', ');
  };
}

/** The stored record in brief (read-only view, and the stored side of a version conflict). */
export function ServiceSummary({ s }: { s: Service }) {
  const { t } = useTranslation();
  const termName = useTermName();
  const daysText = useDaysText();
  const none = '—';
  const e = s.eligibility;
  const who = [
    e.sexes.length ? e.sexes.map((x) => t(`directory.sexes.${x}`)).join(', ') : null,
    e.minAge !== null || e.maxAge !== null ? t('directory.ages', { min: e.minAge ?? 0, max: e.maxAge ?? 120 }) : null,
    e.caseTypes.length ? e.caseTypes.map((x) => t(`caseTerms.caseType.${x}`)).join(', ') : null,
    e.directions.length ? e.directions.map((x) => t(`caseTerms.direction.${x}`)).join(', ') : null,
    e.note,
  ].filter(Boolean);
  return (
    <dl className="summary">
      <dt>{t('directory.fields.name')}</dt>
      <dd>{s.name}</dd>
      <dt>{t('directory.fields.status')}</dt>
      <dd>
        <StatusBadge status={s.status} />
      </dd>
      {s.description ? (
        <>
          <dt>{t('directory.fields.description')}</dt>
          <dd className="pre-line">{s.description}</dd>
        </>
      ) : null}
      <dt>{t('directory.fields.terms')}</dt>
      <dd>{s.termCodes.map(termName).join(', ') || none}</dd>
      <dt>{t('directory.sections.who')}</dt>
      <dd>{who.join('; ') || t('directory.everyone')}</dd>
      <dt>{t('directory.fields.languages')}</dt>
      <dd>{s.languages.map((l) => t(`directory.languages.${l}` as 'directory.languages.id')).join(', ') || none}</dd>
      <dt>{t('directory.fields.cost')}</dt>
      <dd>
        {t(`directory.cost.${s.cost.kind}`)}
        {s.cost.note ? ` — ${s.cost.note}` : ''}
      </dd>
      <dt>{t('directory.sections.hours')}</dt>
      <dd>
        {s.hours.length ? s.hours.map((h, i) => <div key={i}>{`${daysText(h.days)} ${h.opens}–${h.closes}`}</div>) : none}
        {s.hoursNote ? <div>{s.hoursNote}</div> : null}
      </dd>
      <dt>{t('directory.phones.title')}</dt>
      <dd>
        {s.phones.length
          ? s.phones.map((p, i) => (
              <div key={i}>
                {p.number} ({t(`directory.phones.kinds.${p.kind}`)}){p.description ? ` — ${p.description}` : ''}
              </div>
            ))
          : none}
      </dd>
      {s.contacts.length ? (
        <>
          <dt>{t('directory.contacts.title')}</dt>
          <dd>
            {s.contacts.map((c, i) => (
              <div key={i} className="break">
                {[c.name, c.title, c.email, c.phone].filter(Boolean).join(' · ')}
              </div>
            ))}
          </dd>
        </>
      ) : null}
      <dt>{t('directory.sections.areas')}</dt>
      <dd>{s.serviceArea.nationwide ? t('directory.fields.nationwide') : s.serviceArea.areas.map((a) => a.name).join(', ') || none}</dd>
      <dt>{t('directory.sections.locations')}</dt>
      <dd>
        {s.locations.length
          ? s.locations.map((l) => (
              <div key={l.id}>
                {l.name} — {l.address}, {placeOf(l)}
              </div>
            ))
          : none}
      </dd>
      <dt>{t('directory.fields.requiredDocuments')}</dt>
      <dd>
        {s.requiredDocuments.map((d) => t(`directory.documents.${d}` as 'directory.documents.ktp')).join(', ') || none}
        {s.requiredDocumentsNote ? <div>{s.requiredDocumentsNote}</div> : null}
      </dd>
      <dt>{t('common.updatedAt')}</dt>
      <dd>{formatDateTime(s.updatedAt)}</dd>
    </dl>
  );
}
