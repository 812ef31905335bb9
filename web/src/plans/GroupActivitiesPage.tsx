// The organisation's group activities (/group-activities): peer groups, community businesses and
// awareness sessions that plan items enrol people in. Those who manage them (supervisors,
// organisation administrators) start, change, end and reopen them; case holders see the list.
// Each shows how many people are enrolled, and says so in words when it is full.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { can, useMe } from '../auth/me';
import { FormConflictNotice, storedVersion } from '../cases/case-page/conflict';
import { labelOf } from '../cases/case-page/vocab';
import { formatDate } from '../i18n';
import { fieldError } from '../i18n/errors';
import { AreaPicker } from '../reference/AreaPicker';
import { NoAccess } from '../shell/NotFoundPage';
import { ConfirmButton } from '../ui/ConfirmButton';
import { SelectField, TextAreaField, TextField } from '../ui/Field';
import { ErrorAlert, Loading, StatusMessage } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import {
  activityKeys,
  createActivity,
  groupActivitiesQuery,
  groupActivityKinds,
  updateActivity,
  type GroupActivity,
  type GroupActivityInput,
  type GroupActivityKind,
} from './api';
import './plans.css';

type Filter = 'active' | 'ended' | 'all';
const filters: Filter[] = ['active', 'ended', 'all'];

export function GroupActivitiesPage() {
  const me = useMe();
  if (!can(me, 'groupActivity.manage') && !can(me, 'case.update')) return <NoAccess />;
  return <Activities />;
}

function Activities() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('groupActivities.title'));
  const [filter, setFilter] = useState<Filter>('active');
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const { data, isPending, error } = useQuery(groupActivitiesQuery(filter));
  const mayManage = can(me, 'groupActivity.manage');
  return (
    <section className="page group-activities">
      <div className="page-head">
        <h1>{t('groupActivities.title')}</h1>
        {mayManage && !creating ? (
          <button
            type="button"
            className="button"
            ref={opener}
            onClick={() => {
              setMessage(null);
              setCreating(true);
            }}
          >
            {t('groupActivities.create')}
          </button>
        ) : null}
      </div>
      <p className="hint">{t('groupActivities.intro')}</p>
      <StatusMessage tone="success">{message}</StatusMessage>
      {creating ? (
        <ActivityForm
          onDone={(a) => {
            setCreating(false);
            setMessage(t('groupActivities.created', { name: a.name }));
            setTimeout(() => opener.current?.focus(), 0);
          }}
          onCancel={() => {
            setCreating(false);
            setTimeout(() => opener.current?.focus(), 0);
          }}
        />
      ) : null}
      <div className="filters-inline">
        <SelectField label={t('groupActivities.filter')} name="status" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          {filters.map((f) => (
            <option key={f} value={f}>
              {t(`groupActivities.filters.${f}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {isPending ? <Loading /> : null}
      <ErrorAlert error={error} />
      {data ? (
        <>
          <p className="result-count" role="status">
            {t('groupActivities.count', { count: data.total })}
          </p>
          {data.items.length === 0 ? <p>{t('groupActivities.none')}</p> : null}
          <ul className="cards activity-cards">
            {data.items.map((a) => (
              <ActivityCard key={a.id} a={a} onDone={setMessage} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function ActivityCard({ a, onDone }: { a: GroupActivity; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const setStatus = useMutation({
    mutationFn: (status: 'active' | 'ended') => updateActivity(a.id, { version: a.version, status }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      onDone(saved.status === 'ended' ? t('groupActivities.endedMessage', { name: saved.name }) : t('groupActivities.reopenedMessage', { name: saved.name }));
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: activityKeys.all }),
  });
  const dates = a.startsOn || a.endsOn ? `${a.startsOn ? formatDate(a.startsOn) : '…'} – ${a.endsOn ? formatDate(a.endsOn) : '…'}` : null;
  return (
    <li className={`card activity-card activity-${a.status}`}>
      <article aria-labelledby={`activity-${a.id}`}>
        <h2 id={`activity-${a.id}`} className="card-title">
          {a.name}
        </h2>
        <p>
          <span className="badge">{labelOf(groupActivityKinds, a.kind)}</span>
          <span className={`badge ${a.status === 'active' ? 'ok' : 'off'}`}>{t(`groupActivities.status.${a.status}`)}</span>
          {a.full ? (
            <span className="badge pending">
              <span aria-hidden="true">⚠ </span>
              {t('groupActivities.full')}
            </span>
          ) : null}
        </p>
        <dl className="summary compact">
          <dt>{t('groupActivities.labels.enrolled')}</dt>
          <dd>{a.capacity !== null ? t('groupActivities.enrolledOf', { enrolled: a.enrolled, capacity: a.capacity }) : t('groupActivities.enrolledCount', { count: a.enrolled })}</dd>
          {a.areaName ? (
            <>
              <dt>{t('groupActivities.labels.area')}</dt>
              <dd>{a.areaName}</dd>
            </>
          ) : null}
          {dates ? (
            <>
              <dt>{t('groupActivities.labels.dates')}</dt>
              <dd>{dates}</dd>
            </>
          ) : null}
          {a.description ? (
            <>
              <dt>{t('groupActivities.labels.description')}</dt>
              <dd className="pre">{a.description}</dd>
            </>
          ) : null}
        </dl>
        {a.full ? <p className="hint">{t('groupActivities.fullHint')}</p> : null}
        <ErrorAlert error={setStatus.error} />
        {a.can.manage && !editing ? (
          <div className="actions">
            <button type="button" className="button secondary" onClick={() => setEditing(true)} aria-label={t('groupActivities.editNamed', { name: a.name })}>
              {t('groupActivities.edit')}
            </button>
            {a.status === 'active' ? (
              <ConfirmButton
                label={t('groupActivities.end')}
                title={t('groupActivities.endTitle')}
                message={<p>{t('groupActivities.endConfirm', { name: a.name })}</p>}
                onConfirm={() => setStatus.mutate('ended')}
                disabled={setStatus.isPending}
              />
            ) : (
              <button type="button" className="button secondary" onClick={() => setStatus.mutate('active')} disabled={setStatus.isPending}>
                {t('groupActivities.reopen')}
              </button>
            )}
          </div>
        ) : null}
        {editing ? (
          <ActivityForm
            activity={a}
            onDone={(saved) => {
              setEditing(false);
              onDone(t('groupActivities.saved', { name: saved.name }));
            }}
            onCancel={() => setEditing(false)}
          />
        ) : null}
      </article>
    </li>
  );
}

function ActivityForm({ activity, onDone, onCancel }: { activity?: GroupActivity; onDone: (a: GroupActivity) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<GroupActivityKind | ''>(activity?.kind ?? '');
  const [name, setName] = useState(activity?.name ?? '');
  const [description, setDescription] = useState(activity?.description ?? '');
  const [areaCode, setAreaCode] = useState<string | null>(activity?.areaCode ?? null);
  const [startsOn, setStartsOn] = useState(activity?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(activity?.endsOn ?? '');
  const [capacity, setCapacity] = useState(activity?.capacity ? String(activity.capacity) : '');
  const [version, setVersion] = useState(activity?.version ?? 0);
  const [conflict, setConflict] = useState(false);
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const save = useMutation({
    mutationFn: () => {
      const body: GroupActivityInput = {
        kind: kind as GroupActivityKind,
        name: name.trim(),
        description: description.trim() || null,
        areaCode,
        startsOn: startsOn || null,
        endsOn: endsOn || null,
        capacity: capacity.trim() ? Number(capacity) : null,
      };
      return activity ? updateActivity(activity.id, { ...body, version }) : createActivity(body);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      onDone(saved);
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) {
        const current = storedVersion<GroupActivity>(err);
        if (current) setVersion(current.version);
        void queryClient.invalidateQueries({ queryKey: activityKeys.all });
        setConflict(true);
      }
    },
  });
  const err = save.error;
  const errorAt = (f: string) => (missing[f] ? t('errors.fields.required') : fieldError(err, f));
  const capacityInvalid = capacity.trim() !== '' && !(Number.isInteger(Number(capacity)) && Number(capacity) >= 1);
  function submit(e: FormEvent) {
    e.preventDefault();
    const problems = { kind: !kind, name: !name.trim() };
    setMissing(problems);
    if (Object.values(problems).some(Boolean) || capacityInvalid) return;
    save.mutate();
  }
  const title = activity ? t('groupActivities.editNamed', { name: activity.name }) : t('groupActivities.create');
  return (
    <form className="form card" onSubmit={submit} noValidate aria-label={title}>
      {activity ? null : <h2>{title}</h2>}
      {conflict ? <FormConflictNotice /> : null}
      {err && !isApiError(err, 'version_conflict') ? <ErrorAlert error={err} /> : null}
      <SelectField label={t('groupActivities.labels.kind')} name="kind" value={kind} onChange={(e) => setKind(e.target.value as GroupActivityKind)} required error={errorAt('kind')}>
        <option value="">{t('common.choose')}</option>
        {groupActivityKinds.map((k) => (
          <option key={k.code} value={k.code}>
            {labelOf(groupActivityKinds, k.code)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('groupActivities.labels.name')} name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required error={errorAt('name')} />
      <TextAreaField
        label={t('groupActivities.labels.description')}
        name="description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        rows={3}
        maxLength={4000}
        hint={t('groupActivities.descriptionHint')}
        error={fieldError(err, 'description')}
      />
      <AreaPicker legend={t('groupActivities.labels.area')} value={areaCode} onChange={setAreaCode} deepest="district" currentName={activity?.areaName} error={fieldError(err, 'areaCode')} />
      <div className="two-up">
        <TextField label={t('groupActivities.labels.startsOn')} name="startsOn" type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} error={fieldError(err, 'startsOn')} />
        <TextField label={t('groupActivities.labels.endsOn')} name="endsOn" type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} error={fieldError(err, 'endsOn')} />
      </div>
      <TextField
        label={t('groupActivities.labels.capacity')}
        name="capacity"
        type="number"
        min={1}
        inputMode="numeric"
        value={capacity}
        onChange={(e) => setCapacity(e.target.value)}
        hint={t('groupActivities.capacityHint')}
        error={capacityInvalid ? t('errors.fields.too_small') : fieldError(err, 'capacity')}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {activity ? t('common.save') : t('groupActivities.createButton')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
