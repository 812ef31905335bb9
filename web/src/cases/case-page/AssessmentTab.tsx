// Needs assessment: needs grouped by dimension (economic, social, psychosocial, health, legal,
// safety), each with a severity and a status; open needs stand out (a marker and the word "open",
// not colour alone). Add, edit, and close a need by setting its status.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { formatDateTime } from '../../i18n';
import { fieldError } from '../../i18n/errors';
import { SelectField, TextAreaField } from '../../ui/Field';
import { ErrorAlert, Loading, StatusMessage } from '../../ui/Messages';
import { caseKeys, type CaseOut } from '../api';
import { addNeed, needStatuses, needsQuery, partKeys, updateNeed, type Need, type NeedStatus } from './api';
import { useRequiredFields } from './required';
import { storedVersion } from './conflict';
import { labelOf, needDimensions, needSeverities, needTypes, type NeedDimension } from './vocab';
import { VocabOptions } from './VocabOptions';

export function AssessmentTab({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(needsQuery(c.id));
  const [message, setMessage] = useState<string | null>(null);
  const openCount = (data ?? []).filter((n) => n.status === 'open').length;
  return (
    <>
      <StatusMessage tone="success">{message}</StatusMessage>
      {isPending ? <Loading /> : null}
      <ErrorAlert error={error} />
      {data ? (
        <>
          <p>{t('cases.needs.openCount', { count: openCount })}</p>
          {needDimensions.map((d) => {
            const items = data.filter((n) => n.dimension === d.code);
            return (
              <section key={d.code} className="need-dimension" aria-labelledby={`dim-${d.code}`}>
                <h3 id={`dim-${d.code}`}>{labelOf(needDimensions, d.code)}</h3>
                {items.length ? (
                  <ul className="need-list">
                    {items.map((n) => (
                      <NeedItem key={n.id} c={c} need={n} onDone={setMessage} />
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t('cases.needs.none')}</p>
                )}
              </section>
            );
          })}
        </>
      ) : null}
      {c.can.update ? <AddNeed c={c} onDone={setMessage} /> : null}
    </>
  );
}

function NeedItem({ c, need, onDone }: { c: CaseOut; need: Need; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [severity, setSeverity] = useState(need.severity);
  const [status, setStatus] = useState<NeedStatus>(need.status);
  const [description, setDescription] = useState(need.description ?? '');
  const [version, setVersion] = useState(need.version);
  const [conflict, setConflict] = useState(false);
  const save = useMutation({
    mutationFn: () => updateNeed(c.id, need.id, { version, severity, status, description: description.trim() || null }),
    onSuccess: () => {
      refreshNeeds(queryClient, c.id);
      setEditing(false);
      setConflict(false);
      onDone(t('cases.needs.saved', { need: labelOf(needTypes, need.type) }));
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) {
        const current = storedVersion<Need>(err);
        if (current) setVersion(current.version);
        void queryClient.invalidateQueries({ queryKey: partKeys.needs(c.id) });
        setConflict(true);
      }
    },
  });
  const err = save.error;
  const name = labelOf(needTypes, need.type);
  return (
    <li className={`need need-${need.status}`}>
      <div className="need-head">
        <strong>{name}</strong>{' '}
        <span className={`badge severity-${need.severity}`}>
          {t('cases.needs.severity')}: {labelOf(needSeverities, need.severity)}
        </span>{' '}
        <span className={`badge need-status-${need.status}`}>
          {need.status === 'open' ? <span aria-hidden="true">● </span> : null}
          {t(`cases.needs.status.${need.status}`)}
        </span>
      </div>
      {need.description ? <p className="pre">{need.description}</p> : null}
      <p className="muted small">{t('cases.needs.updated', { when: formatDateTime(need.updatedAt) })}</p>
      {c.can.update && !editing ? (
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setSeverity(need.severity);
            setStatus(need.status);
            setDescription(need.description ?? '');
            setVersion(need.version);
            setConflict(false);
            save.reset();
            setEditing(true);
          }}
          aria-label={t('cases.needs.editNamed', { need: name })}
        >
          {t('cases.needs.edit')}
        </button>
      ) : null}
      {editing ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
          aria-label={t('cases.needs.editNamed', { need: name })}
        >
          {conflict ? (
            <div role="alert" className="alert alert-warning">
              {t('cases.conflict.form')}
            </div>
          ) : null}
          {err && !isApiError(err, 'version_conflict') ? <ErrorAlert error={err} /> : null}
          <NeedSeverityField value={severity} onChange={setSeverity} error={fieldError(err, 'severity')} autoFocus />
          <SelectField label={t('cases.needs.statusLabel')} name="status" value={status} onChange={(e) => setStatus(e.target.value as NeedStatus)} error={fieldError(err, 'status')}>
            {needStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`cases.needs.status.${s}`)}
              </option>
            ))}
          </SelectField>
          <NeedDescriptionField value={description} onChange={setDescription} error={fieldError(err, 'description')} />
          <div className="actions">
            <button type="submit" className="button" disabled={save.isPending}>
              {t('common.save')}
            </button>
            <button type="button" className="button secondary" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </li>
  );
}

function AddNeed({ c, onDone }: { c: CaseOut; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [dimension, setDimension] = useState<NeedDimension | ''>('');
  const [type, setType] = useState('');
  const [severity, setSeverity] = useState('');
  const [description, setDescription] = useState('');
  const required = useRequiredFields();
  const add = useMutation({
    mutationFn: () => addNeed(c.id, { type, severity, description: description.trim() || null }),
    onSuccess: (n) => {
      refreshNeeds(queryClient, c.id);
      setType('');
      setSeverity('');
      setDescription('');
      onDone(t('cases.needs.added', { need: labelOf(needTypes, n.type ?? type) }));
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (required.check({ type: !type, severity: !severity })) add.mutate();
  }
  const err = add.error;
  const types = needTypes.filter((x) => !dimension || x.dimension === dimension);
  return (
    <section className="card" aria-labelledby="need-add-title">
      <h3 id="need-add-title">{t('cases.needs.add')}</h3>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={err} />
        <SelectField
          label={t('cases.needs.dimension')}
          name="dimension"
          value={dimension}
          onChange={(e) => {
            setDimension(e.target.value as NeedDimension | '');
            setType('');
          }}
          hint={t('cases.needs.dimensionHint')}
        >
          <option value="">{t('common.all')}</option>
          <VocabOptions list={needDimensions} />
        </SelectField>
        <SelectField
          label={t('cases.needs.type')}
          name="type"
          value={type}
          onChange={(e) => setType(e.target.value)}
          required
          error={required.errorAt(err, 'type')}
        >
          <option value="">{t('common.choose')}</option>
          {types.map((x) => (
            <option key={x.code} value={x.code}>
              {dimension ? labelOf(needTypes, x.code) : `${labelOf(needDimensions, x.dimension)}: ${labelOf(needTypes, x.code)}`}
            </option>
          ))}
        </SelectField>
        <NeedSeverityField value={severity} onChange={setSeverity} error={required.errorAt(err, 'severity')} placeholder={t('common.choose')} />
        <NeedDescriptionField value={description} onChange={setDescription} error={fieldError(err, 'description')} />
        <div className="actions">
          <button type="submit" className="button" disabled={add.isPending}>
            {t('cases.needs.addButton')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** After a need is added or changed: the needs list and the case (its open needs count and priority). */
function refreshNeeds(queryClient: QueryClient, caseId: string) {
  void queryClient.invalidateQueries({ queryKey: partKeys.needs(caseId) });
  void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId), exact: true });
}

/** The severity of a need; a required choice (with a placeholder) when adding one. */
function NeedSeverityField({
  value,
  onChange,
  error,
  placeholder,
  autoFocus,
}: {
  value: string;
  onChange: (severity: string) => void;
  error?: string | null;
  placeholder?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('cases.needs.severity')}
      name="severity"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required={placeholder !== undefined ? true : undefined}
      error={error}
      autoFocus={autoFocus}
    >
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      <VocabOptions list={needSeverities} />
    </SelectField>
  );
}

function NeedDescriptionField({ value, onChange, error }: { value: string; onChange: (description: string) => void; error?: string | null }) {
  const { t } = useTranslation();
  return (
    <TextAreaField
      label={t('cases.needs.description')}
      name="description"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      rows={3}
      maxLength={4000}
      error={error}
    />
  );
}
