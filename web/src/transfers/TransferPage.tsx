// One transfer: the proposal and its answer; after it, the sending organisation's read-only view.
// The receiving supervisors see what they need to decide (no full name, contact or notes), then
// accept (giving the case to one of their case holders, or to the queue) or decline with a reason.
// The sender sees its proposal and may withdraw it; once accepted, and if the person agreed, the
// read-only view of what it recorded.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { caseloadsQuery } from '../cases/api';
import { formatDateTime } from '../i18n';
import { fieldError } from '../i18n/errors';
import { ConfirmButton } from '../ui/ConfirmButton';
import { SelectField, TextAreaField } from '../ui/Field';
import { ErrorAlert, Loading, StatusMessage } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import {
  acceptTransfer,
  declineTransfer,
  transferDeclineReasons,
  transferKeys,
  transferQuery,
  transferRecordQuery,
  withdrawTransfer,
  type TransferDeclineReason,
  type TransferOut,
} from './api';
import { RecordView, SummaryView, TransferStatusBadge } from './parts';
import './transfers.css';

const route = getRouteApi('/app/transfers/$transferId');

export function TransferPage() {
  const { t } = useTranslation();
  const { transferId } = route.useParams();
  const { data, isPending, error } = useQuery(transferQuery(transferId));
  usePageTitle(data ? t('transfers.page.title', { reference: data.caseReference }) : t('transfers.title'));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/transfers">{t('transfers.page.back')}</Link>
      </p>
      {isPending ? <Loading /> : null}
      {error && !data ? (
        isApiError(error, 'not_found') ? (
          <>
            <h1>{t('notFound.title')}</h1>
            <p>{t('transfers.page.notFound')}</p>
          </>
        ) : (
          <ErrorAlert error={error} />
        )
      ) : null}
      {data ? <TransferView key={data.id} x={data} /> : null}
    </>
  );
}

function TransferView({ x }: { x: TransferOut }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const receiver = x.side === 'receiver';
  return (
    <article className="transfer-page" aria-labelledby="transfer-title">
      <header>
        <h1 id="transfer-title">{t('transfers.page.title', { reference: x.caseReference })}</h1>
        <p>
          <span>{x.from.name}</span> <span aria-hidden="true">→</span>
          <span className="visually-hidden"> {t('transfers.page.to')} </span> <span>{x.to.name}</span>
        </p>
        <TransferStatusBadge status={x.status} />
        <dl className="summary compact">
          <dt>{t('transfers.labels.requested')}</dt>
          <dd>{t('transfers.page.requestedBy', { name: x.requestedBy?.displayName ?? '—', date: formatDateTime(x.requestedAt) })}</dd>
          {x.answeredAt ? (
            <>
              <dt>{t('transfers.labels.answered')}</dt>
              <dd>{t('transfers.page.answeredBy', { name: x.answeredBy?.displayName ?? '—', date: formatDateTime(x.answeredAt) })}</dd>
            </>
          ) : null}
          {x.status === 'withdrawn' ? (
            <>
              <dt>{t('transfers.labels.withdrawn')}</dt>
              <dd>{formatDateTime(x.updatedAt)}</dd>
            </>
          ) : null}
          {x.declineReason ? (
            <>
              <dt>{t('transfers.labels.declineReason')}</dt>
              <dd>{t(`transfers.declineReasons.${x.declineReason}`)}</dd>
            </>
          ) : null}
          {x.answerNote ? (
            <>
              <dt>{t('transfers.labels.answerNote')}</dt>
              <dd className="pre">{x.answerNote}</dd>
            </>
          ) : null}
          {receiver && x.status === 'accepted' ? (
            <>
              <dt>{t('transfers.labels.assignedTo')}</dt>
              <dd>{x.assignedTo?.displayName ?? t('transfers.page.toQueue')}</dd>
            </>
          ) : null}
          <dt>{t('transfers.labels.keepsView')}</dt>
          <dd>{x.senderKeepsView ? t('transfers.page.keepsViewYes') : t('transfers.page.keepsViewNo')}</dd>
          {x.caseId ? (
            <>
              <dt>{t('transfers.labels.case')}</dt>
              <dd>
                <Link to="/cases/$caseId" params={{ caseId: x.caseId }}>
                  {x.caseReference}
                </Link>
              </dd>
            </>
          ) : null}
        </dl>
      </header>

      <StatusMessage tone="success">{message}</StatusMessage>

      <section aria-labelledby="transfer-reason">
        <h2 id="transfer-reason">{t('transfers.labels.reason')}</h2>
        <p className="pre">{x.reason ?? '—'}</p>
      </section>

      {x.summary ? (
        <section aria-labelledby="transfer-summary">
          <h2 id="transfer-summary">{t('transfers.page.summary')}</h2>
          {receiver && x.status === 'proposed' ? <p className="hint">{t('transfers.page.summaryHint')}</p> : null}
          <SummaryView s={x.summary} />
        </section>
      ) : null}

      {x.allowedActions.length ? <Actions x={x} onDone={setMessage} /> : null}

      {x.recordAvailable ? <Record id={x.id} /> : null}
      {x.side === 'sender' && x.status === 'accepted' && !x.recordAvailable ? <p className="hint">{t('transfers.page.noRecord')}</p> : null}
    </article>
  );
}

function Record({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(transferRecordQuery(id));
  return (
    <section aria-labelledby="transfer-record">
      <h2 id="transfer-record">{t('transfers.record.title')}</h2>
      {isPending ? <Loading /> : null}
      <ErrorAlert error={error} />
      {data ? <RecordView r={data} /> : null}
    </section>
  );
}

function Actions({ x, onDone }: { x: TransferOut; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState(false);
  const after = (updated: TransferOut, message: string) => {
    setConflict(false);
    queryClient.setQueryData(transferKeys.detail(x.id), updated);
    void queryClient.invalidateQueries({ queryKey: transferKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
    onDone(message);
  };
  const onError = (err: unknown) => {
    if (isApiError(err, 'version_conflict') || isApiError(err, 'transition_not_allowed')) {
      setConflict(true);
      void queryClient.invalidateQueries({ queryKey: transferKeys.detail(x.id) });
    }
  };
  const withdraw = useMutation({
    mutationFn: () => withdrawTransfer(x.id, { version: x.version }),
    onSuccess: (u) => after(u, t('transfers.panel.withdrawn', { name: x.to.name })),
    onError,
  });
  return (
    <section aria-labelledby="transfer-actions">
      <h2 id="transfer-actions">{t('transfers.page.actions')}</h2>
      {conflict ? (
        <p role="alert" className="alert alert-warning">
          {t('transfers.page.conflict')}
        </p>
      ) : null}
      {x.allowedActions.includes('accept') ? <AcceptForm x={x} onDone={(u) => after(u, t('transfers.page.accepted'))} onError={onError} /> : null}
      {x.allowedActions.includes('decline') ? <DeclineDialog x={x} onDone={(u) => after(u, t('transfers.page.declined'))} onError={onError} /> : null}
      {x.allowedActions.includes('withdraw') ? (
        <div className="actions">
          <ConfirmButton
            label={t('transfers.panel.withdraw')}
            title={t('transfers.panel.withdrawTitle')}
            message={<p>{t('transfers.panel.withdrawText', { name: x.to.name })}</p>}
            onConfirm={() => withdraw.mutate()}
            disabled={withdraw.isPending}
            danger
          />
          {withdraw.error && !conflict ? <ErrorAlert error={withdraw.error} /> : null}
        </div>
      ) : null}
    </section>
  );
}

function AcceptForm({ x, onDone, onError }: { x: TransferOut; onDone: (u: TransferOut) => void; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const holders = useQuery({ ...caseloadsQuery(), retry: false });
  const [assignToId, setAssignToId] = useState('');
  const accept = useMutation({
    mutationFn: () => acceptTransfer(x.id, { version: x.version, assignToId: assignToId || null }),
    onSuccess: onDone,
    onError,
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    accept.mutate();
  }
  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="accept-title">
      <h3 id="accept-title">{t('transfers.accept.title')}</h3>
      <p>{t('transfers.accept.text', { from: x.from.name })}</p>
      {accept.error && !isApiError(accept.error, 'version_conflict') && !isApiError(accept.error, 'transition_not_allowed') ? <ErrorAlert error={accept.error} /> : null}
      <SelectField
        label={t('transfers.accept.assignee')}
        name="assignToId"
        value={assignToId}
        onChange={(e) => setAssignToId(e.target.value)}
        hint={t('transfers.accept.assigneeHint')}
        error={fieldError(accept.error, 'assignToId')}
      >
        <option value="">{t('transfers.accept.queue')}</option>
        {(holders.data?.items ?? []).map((u) => (
          <option key={u.userId} value={u.userId}>
            {t('transfers.accept.holder', { name: u.displayName, count: u.openCases })}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="submit" className="button" disabled={accept.isPending}>
          {t('transfers.accept.submit')}
        </button>
      </div>
    </form>
  );
}

function DeclineDialog({ x, onDone, onError }: { x: TransferOut; onDone: (u: TransferOut) => void; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId();
  const [reason, setReason] = useState<TransferDeclineReason | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const decline = useMutation({
    mutationFn: () => declineTransfer(x.id, { version: x.version, reason: reason as TransferDeclineReason, note: note.trim() || null }),
    onSuccess: (u) => {
      ref.current?.close();
      onDone(u);
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict') || isApiError(err, 'transition_not_allowed')) ref.current?.close();
      onError(err);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const m = { reason: !reason, note: reason === 'other' && !note.trim() };
    setMissing(m);
    if (m.reason || m.note) return;
    decline.mutate();
  }
  return (
    <div className="actions">
      <button
        type="button"
        className="button danger"
        ref={opener}
        onClick={() => {
          setMissing({});
          decline.reset();
          ref.current?.showModal();
        }}
      >
        {t('transfers.decline.open')}
      </button>
      <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onClose={() => opener.current?.focus()}>
        <h2 id={`${id}-title`}>{t('transfers.decline.title')}</h2>
        <p id={`${id}-text`}>{t('transfers.decline.text', { from: x.from.name })}</p>
        <form className="form" onSubmit={submit} noValidate>
          {decline.error && !isApiError(decline.error, 'version_conflict') ? <ErrorAlert error={decline.error} /> : null}
          <SelectField
            label={t('transfers.labels.declineReason')}
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value as TransferDeclineReason | '')}
            required
            error={missing.reason ? t('errors.fields.required') : fieldError(decline.error, 'reason')}
          >
            <option value="">{t('common.choose')}</option>
            {transferDeclineReasons.map((r) => (
              <option key={r} value={r}>
                {t(`transfers.declineReasons.${r}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={t('transfers.labels.answerNote')}
            name="note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={3}
            maxLength={4000}
            required={reason === 'other'}
            hint={reason === 'other' ? t('transfers.decline.noteRequired') : t('transfers.decline.noteHint')}
            error={missing.note ? t('errors.fields.required') : fieldError(decline.error, 'note')}
          />
          <div className="actions">
            <button type="button" className="button secondary" onClick={() => ref.current?.close()}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button danger" disabled={decline.isPending}>
              {t('transfers.decline.submit')}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
