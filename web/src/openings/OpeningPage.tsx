// One opening: its terms in plain words (the wage range in rupiah, the commitments as badges). Its
// partner edits, publishes and closes it; case workers and supervisors see the candidates among
// their organisation's cases (OpeningCandidates, from matching).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { can, useMe } from '../auth/me';
import { OpeningCandidates } from '../employment/matching/OpeningCandidates';
import { formatDateTime } from '../i18n';
import { hasFieldErrors } from '../i18n/errors';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorAlert, Loading, StatusMessage } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import { VersionConflict } from '../ui/VersionConflict';
import { closeOpening, decentWorkCommitments, openingKeys, openingQuery, publishOpening, updateOpening, type Opening } from './api';
import { formToInput, OpeningFields, openingToForm, type OpeningFormState } from './OpeningForm';
import { CommitmentBadges, OpeningStatusBadge, OpeningTerms, PartnerGateError } from './parts';
import './openings.css';

const route = getRouteApi('/app/openings/$openingId');

export function OpeningPage() {
  const { t } = useTranslation();
  const { openingId } = route.useParams();
  const { data, isPending, error } = useQuery(openingQuery(openingId));
  usePageTitle(data?.title ?? t('openings.title'));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/openings">{t('openings.title')}</Link>
      </p>
      {isPending ? <Loading /> : null}
      {error && !data ? (
        isApiError(error, 'not_found') ? (
          <>
            <h1>{t('notFound.title')}</h1>
            <p>{t('openings.notFound')}</p>
          </>
        ) : (
          <PartnerGateError error={error} />
        )
      ) : null}
      {data ? <OpeningView key={data.id} o={data} /> : null}
    </>
  );
}

function OpeningView({ o }: { o: Opening }) {
  const { t } = useTranslation();
  const me = useMe();
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const showCandidates = can(me, 'opening.matchCases') && o.openForMatching;
  return (
    <article aria-labelledby="opening-title" className="opening-page">
      <header>
        <h1 id="opening-title">{o.title}</h1>
        <p>
          <span className="badge">{t(`employmentTerms.openingKinds.${o.kind}`)}</span>
          <OpeningStatusBadge o={o} />
        </p>
        <p>{o.organization.name}</p>
        {o.publishedAt ? <p className="muted">{t('openings.publishedAt', { date: formatDateTime(o.publishedAt) })}</p> : null}
        {o.closedAt ? <p className="muted">{t('openings.closedAt', { date: formatDateTime(o.closedAt) })}</p> : null}
      </header>

      <StatusMessage tone="success">{message}</StatusMessage>

      {o.allowedActions.length && !editing ? <Actions o={o} onDone={setMessage} onEdit={() => setEditing(true)} /> : null}

      {editing ? (
        <Editor
          o={o}
          onDone={(text) => {
            setEditing(false);
            setMessage(text);
          }}
        />
      ) : (
        <>
          <section aria-labelledby="opening-commitments">
            <h2 id="opening-commitments">{t('openings.fields.commitments')}</h2>
            <CommitmentBadges commitments={o.commitments} />
          </section>
          {o.description ? (
            <section aria-labelledby="opening-description">
              <h2 id="opening-description">{t('openings.fields.description')}</h2>
              <p className="pre">{o.description}</p>
            </section>
          ) : null}
          <section aria-labelledby="opening-terms">
            <h2 id="opening-terms">{t('openings.terms')}</h2>
            <OpeningTerms o={o} />
          </section>
        </>
      )}

      {showCandidates ? <OpeningCandidates openingId={o.id} /> : null}
    </article>
  );
}

/** Publish and close, with what the server says when it refuses. */
function Actions({ o, onDone, onEdit }: { o: Opening; onDone: (text: string) => void; onEdit: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settle = (x: Opening) => {
    queryClient.setQueryData(openingKeys.detail(x.id), x);
    void queryClient.invalidateQueries({ queryKey: ['openings', 'list'] });
  };
  const publish = useMutation({
    mutationFn: () => publishOpening(o.id, o.version),
    onSuccess: (x) => {
      settle(x);
      onDone(t('openings.actions.published'));
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) void queryClient.invalidateQueries({ queryKey: openingKeys.detail(o.id) });
    },
  });
  const close = useMutation({
    mutationFn: () => closeOpening(o.id, o.version),
    onSuccess: (x) => {
      settle(x);
      onDone(t('openings.actions.closed'));
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) void queryClient.invalidateQueries({ queryKey: openingKeys.detail(o.id) });
    },
  });
  const error = publish.error ?? close.error;
  const missing = isApiError(error, 'commitments_required') ? decentWorkCommitments.filter((c) => error.fields?.[`commitments.${c}`]) : [];
  return (
    <section aria-labelledby="opening-actions" className="card">
      <h2 id="opening-actions">{t('openings.actions.title')}</h2>
      {o.status === 'draft' ? <p className="hint">{t('openings.actions.draftHint')}</p> : null}
      {missing.length ? (
        <div role="alert" className="alert alert-error">
          <p>{t('openings.actions.missingCommitments')}</p>
          <ul>
            {missing.map((c) => (
              <li key={c}>{t(`employmentTerms.commitments.${c}`)}</li>
            ))}
          </ul>
        </div>
      ) : error ? (
        <PartnerGateError error={error} />
      ) : null}
      <div className="actions">
        {o.allowedActions.includes('publish') ? (
          <button type="button" className="button" onClick={() => publish.mutate()} disabled={publish.isPending}>
            {t('openings.actions.publish')}
          </button>
        ) : null}
        {o.allowedActions.includes('edit') ? (
          <button type="button" className="button secondary" onClick={onEdit}>
            {t('openings.actions.edit')}
          </button>
        ) : null}
        {o.allowedActions.includes('close') ? (
          <ConfirmButton
            danger
            label={t('openings.actions.close')}
            title={t('openings.actions.closeTitle', { title: o.title })}
            message={<p>{t('openings.actions.closeText')}</p>}
            onConfirm={() => close.mutate()}
            disabled={close.isPending}
          />
        ) : null}
      </div>
    </section>
  );
}

/** The editor: every field, saved with the version it was based on; a conflict shows what is stored. */
function Editor({ o, onDone }: { o: Opening; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<OpeningFormState>(() => openingToForm(o));
  const [version, setVersion] = useState(o.version);
  const [conflict, setConflict] = useState<Opening | null>(null);
  const save = useMutation({
    mutationFn: (v: number) => updateOpening(o.id, { ...formToInput(form), version: v }),
    onSuccess: (x) => {
      queryClient.setQueryData(openingKeys.detail(x.id), x);
      void queryClient.invalidateQueries({ queryKey: ['openings', 'list'] });
      onDone(t('common.saved'));
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict') && err.current) setConflict(err.current as Opening);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(version);
  }

  const areaName = o.area ? [o.area.regency, o.area.province].filter(Boolean).join(', ') : null;
  return (
    <section aria-labelledby="opening-edit">
      <h2 id="opening-edit">{t('openings.actions.editTitle')}</h2>
      {conflict ? (
        <VersionConflict
          busy={save.isPending}
          onReapply={() => {
            setVersion(conflict.version);
            setConflict(null);
            save.mutate(conflict.version);
          }}
          onDiscard={() => {
            queryClient.setQueryData(openingKeys.detail(conflict.id), conflict);
            setForm(openingToForm(conflict));
            setVersion(conflict.version);
            setConflict(null);
            save.reset();
          }}
        >
          <OpeningTerms o={conflict} />
        </VersionConflict>
      ) : null}
      {save.error && !isApiError(save.error, 'version_conflict') ? (
        hasFieldErrors(save.error) && !isApiError(save.error, 'commitments_required') ? <ErrorAlert error={save.error} /> : <PartnerGateError error={save.error} />
      ) : null}
      <form className="form opening-form" onSubmit={submit} noValidate>
        <OpeningFields value={form} onChange={setForm} error={save.error} kindLocked={o.status !== 'draft'} currentAreaName={form.areaCode === o.areaCode ? areaName : null} />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending || !!conflict}>
            {t('common.save')}
          </button>
          <button type="button" className="button secondary" onClick={() => onDone('')}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
