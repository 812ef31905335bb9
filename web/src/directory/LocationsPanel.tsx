// The organisation's locations: where its services are given, with a Kemendagri village (or
// district) code, coordinates and how to get there. Added and edited in place by administrators.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { fieldError } from '../i18n/errors';
import { AreaPicker } from '../reference/AreaPicker';
import { TextAreaField, TextField } from '../ui/Field';
import { ErrorAlert, Loading, StatusMessage } from '../ui/Messages';
import { VersionConflict } from '../ui/VersionConflict';
import { createLocation, directoryKeys, locationsQuery, updateLocation, type Location, type LocationInput } from './api';

interface LocationForm {
  name: string;
  description: string;
  address: string;
  areaCode: string | null;
  postalCode: string;
  latitude: string;
  longitude: string;
  transportation: string;
  accessibility: string;
}

const empty: LocationForm = { name: '', description: '', address: '', areaCode: null, postalCode: '', latitude: '', longitude: '', transportation: '', accessibility: '' };
const str = (v: string | number | null) => (v === null ? '' : String(v));
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const toForm = (l: Location): LocationForm => ({
  name: l.name,
  description: str(l.description),
  address: l.address,
  areaCode: l.areaCode,
  postalCode: str(l.postalCode),
  latitude: str(l.latitude),
  longitude: str(l.longitude),
  transportation: str(l.transportation),
  accessibility: str(l.accessibility),
});
const toInput = (f: LocationForm): LocationInput => ({
  name: f.name.trim(),
  description: orNull(f.description),
  address: f.address.trim(),
  areaCode: f.areaCode ?? '',
  postalCode: orNull(f.postalCode),
  latitude: f.latitude.trim() === '' ? null : Number(f.latitude),
  longitude: f.longitude.trim() === '' ? null : Number(f.longitude),
  transportation: orNull(f.transportation),
  accessibility: orNull(f.accessibility),
});

export const placeOf = (l: Pick<Location, 'areaName' | 'regencyName' | 'provinceName'>) => [l.areaName, l.regencyName, l.provinceName].filter(Boolean).join(', ');

export function LocationsPanel({ mayManage }: { mayManage: boolean }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(locationsQuery());
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const items = data?.items ?? [];

  function done(m: string) {
    setEditing(null);
    setMessage(m);
  }

  return (
    <section aria-labelledby="locations-title">
      <div className="page-head">
        <h2 id="locations-title">{t('directory.locations.title')}</h2>
        {mayManage && editing !== 'new' ? (
          <button type="button" className="button" onClick={() => {
              setEditing('new');
              setMessage(null);
            }}>
            {t('directory.locations.create')}
          </button>
        ) : null}
      </div>
      <p className="hint">{t('directory.locations.intro')}</p>
      <StatusMessage tone="success">{message}</StatusMessage>
      {editing === 'new' ? <LocationEditor onDone={done} onCancel={() => setEditing(null)} /> : null}
      {isPending ? <Loading /> : null}
      <ErrorAlert error={error} />
      {data && items.length === 0 ? <p>{t('directory.locations.none')}</p> : null}
      <ul className="location-list">
        {items.map((l) =>
          editing === l.id ? (
            <li key={l.id}>
              <LocationEditor location={l} onDone={done} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={l.id} className="card">
              <article aria-labelledby={`loc-${l.id}`}>
                <h3 id={`loc-${l.id}`}>{l.name}</h3>
                <LocationSummary l={l} />
                {mayManage ? (
                  <button type="button" className="button secondary" onClick={() => {
                      setEditing(l.id);
                      setMessage(null);
                    }}>
                    {t('directory.locations.edit')}
                    <span className="visually-hidden"> {l.name}</span>
                  </button>
                ) : null}
              </article>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}

function LocationSummary({ l }: { l: Location }) {
  const { t } = useTranslation();
  return (
    <dl className="summary">
      <dt>{t('directory.locations.address')}</dt>
      <dd>
        {l.address}
        <br />
        {placeOf(l)} {l.postalCode ?? ''}
      </dd>
      {l.latitude !== null && l.longitude !== null ? (
        <>
          <dt>{t('directory.locations.coordinates')}</dt>
          <dd>
            {l.latitude}, {l.longitude}
          </dd>
        </>
      ) : null}
      {l.transportation ? (
        <>
          <dt>{t('directory.locations.transportation')}</dt>
          <dd className="pre-line">{l.transportation}</dd>
        </>
      ) : null}
      {l.accessibility ? (
        <>
          <dt>{t('directory.locations.accessibility')}</dt>
          <dd>{l.accessibility}</dd>
        </>
      ) : null}
      <dt>{t('directory.locations.services')}</dt>
      <dd>
        {l.services.length
          ? l.services.map((s, i) => (
              <span key={s.id}>
                {i ? ', ' : ''}
                <Link to="/services/$serviceId" params={{ serviceId: s.id }}>
                  {s.name}
                </Link>
              </span>
            ))
          : t('directory.locations.noServices')}
      </dd>
    </dl>
  );
}

function LocationEditor({ location, onDone, onCancel }: { location?: Location; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<LocationForm>(() => (location ? toForm(location) : empty));
  const [conflict, setConflict] = useState<Location | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const set = <K extends keyof LocationForm>(k: K, v: LocationForm[K]) => setForm({ ...form, [k]: v });
  useEffect(() => headingRef.current?.focus(), []);

  const save = useMutation({
    mutationFn: (version?: number) => (location ? updateLocation(location.id, { ...toInput(form), version: version ?? location.version }) : createLocation(toInput(form))),
    onSuccess: (l) => {
      void queryClient.invalidateQueries({ queryKey: directoryKeys.locations });
      void queryClient.invalidateQueries({ queryKey: directoryKeys.services });
      onDone(t(location ? 'directory.locations.saved' : 'directory.locations.created', { name: l.name }));
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict') && err.current) setConflict(err.current as Location);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(conflict?.version);
  }

  const f = (name: string) => fieldError(save.error, name);
  const titleId = `loc-form-${location?.id ?? 'new'}`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h3 id={titleId} ref={headingRef} tabIndex={-1}>
        {location ? t('directory.locations.editTitle', { name: location.name }) : t('directory.locations.create')}
      </h3>
      {conflict ? (
        <VersionConflict
          busy={save.isPending}
          onReapply={() => save.mutate(conflict.version)}
          onDiscard={() => {
            setForm(toForm(conflict));
            setConflict(null);
            save.reset();
            void queryClient.invalidateQueries({ queryKey: directoryKeys.locations });
          }}
        >
          <LocationSummary l={conflict} />
        </VersionConflict>
      ) : null}
      {save.error && !isApiError(save.error, 'version_conflict') ? <ErrorAlert error={save.error} /> : null}
      <form onSubmit={submit} className="form">
        <TextField label={t('directory.locations.name')} name="locationName" required maxLength={200} value={form.name} onChange={(e) => set('name', e.target.value)} error={f('name')} />
        <TextAreaField label={t('directory.locations.address')} name="address" required rows={2} maxLength={500} value={form.address} onChange={(e) => set('address', e.target.value)} error={f('address')} hint={t('directory.locations.addressHint')} />
        <AreaPicker
          legend={t('directory.locations.area')}
          value={form.areaCode}
          onChange={(code) => set('areaCode', code)}
          error={f('areaCode')}
          currentName={location && location.areaCode === form.areaCode ? placeOf(location) : null}
        />
        <TextField label={t('directory.locations.postalCode')} name="postalCode" inputMode="numeric" maxLength={5} value={form.postalCode} onChange={(e) => set('postalCode', e.target.value)} error={f('postalCode')} />
        <div className="dir-pair">
          <TextField label={t('directory.locations.latitude')} name="latitude" type="number" step="any" min={-90} max={90} value={form.latitude} onChange={(e) => set('latitude', e.target.value)} error={f('latitude')} />
          <TextField label={t('directory.locations.longitude')} name="longitude" type="number" step="any" min={-180} max={180} value={form.longitude} onChange={(e) => set('longitude', e.target.value)} error={f('longitude')} />
        </div>
        <p className="hint">{t('directory.locations.coordinatesHint')}</p>
        <TextAreaField
          label={t('directory.locations.transportation')}
          name="transportation"
          rows={3}
          maxLength={1000}
          value={form.transportation}
          onChange={(e) => set('transportation', e.target.value)}
          error={f('transportation')}
          hint={t('directory.locations.transportationHint')}
        />
        <TextAreaField label={t('directory.locations.accessibility')} name="accessibility" rows={2} maxLength={1000} value={form.accessibility} onChange={(e) => set('accessibility', e.target.value)} error={f('accessibility')} />
        <TextAreaField label={t('directory.locations.description')} name="locationDescription" rows={2} maxLength={1000} value={form.description} onChange={(e) => set('description', e.target.value)} error={f('description')} />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending || !!conflict}>
            {t('common.save')}
          </button>
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
