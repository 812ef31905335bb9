// On the case page: propose a transfer to another organisation, and the proposal while it waits for an answer.
// "Alihkan kasus" opens a dialog (the receiving organisation, why, and whether the person agreed that
// this organisation keeps a read-only view); without the person's consent to the transfer the dialog
// says so and links to the consent tab. An open proposal shows as a banner with its withdrawal.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useMe } from '../auth/me';
import type { CaseOut } from '../cases/api';
import { formatDateTime } from '../i18n';
import { fieldError, fieldErrorText } from '../i18n/errors';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { ConfirmButton } from '../ui/ConfirmButton';
import { TextAreaField } from '../ui/Field';
import { ErrorAlert, StatusMessage } from '../ui/Messages';
import { caseTransfersQuery, proposeTransfer, transferKeys, withdrawTransfer, type TransferOut } from './api';
import './transfers.css';

export function TransferPanel({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data } = useQuery(caseTransfersQuery(c.id));
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: transferKeys.all });
  const pending = data?.items.find((x) => x.status === 'proposed') ?? null;
  // How the case came here, if another organisation handed it over.
  const received = data?.items.find((x) => x.status === 'accepted' && x.side === 'receiver') ?? null;
  const withdraw = useMutation({
    mutationFn: (x: TransferOut) => withdrawTransfer(x.id, { version: x.version }),
    onSuccess: (x) => {
      setDone(t('transfers.panel.withdrawn', { name: x.to.name }));
      refresh();
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict') || isApiError(err, 'transition_not_allowed')) refresh();
    },
  });
  if (!data) return null;
  return (
    <div className="case-transfer">
      <StatusMessage tone="success">{done}</StatusMessage>
      {pending ? (
        <div className="alert alert-info transfer-banner">
          <p>
            <strong>{t('transfers.panel.pendingTitle')}</strong>{' '}
            {t('transfers.panel.pendingText', { name: pending.to.name, date: formatDateTime(pending.requestedAt), by: pending.requestedBy?.displayName ?? '—' })}
          </p>
          <div className="actions">
            <Link to="/transfers/$transferId" params={{ transferId: pending.id }}>
              {t('transfers.panel.open')}
            </Link>
            {pending.allowedActions.includes('withdraw') ? (
              <ConfirmButton
                label={t('transfers.panel.withdraw')}
                title={t('transfers.panel.withdrawTitle')}
                message={<p>{t('transfers.panel.withdrawText', { name: pending.to.name })}</p>}
                onConfirm={() => withdraw.mutate(pending)}
                disabled={withdraw.isPending}
              />
            ) : null}
          </div>
          {withdraw.error ? <ErrorAlert error={withdraw.error} /> : null}
        </div>
      ) : null}
      {received ? <p className="muted small">{t('transfers.panel.received', { name: received.from.name, date: formatDateTime(received.answeredAt) })}</p> : null}
      {data.canPropose ? (
        <ProposeDialog
          c={c}
          onDone={(x) => {
            setDone(t('transfers.panel.proposed', { name: x.to.name }));
            refresh();
          }}
        />
      ) : null}
    </div>
  );
}

function ProposeDialog({ c, onDone }: { c: CaseOut; onDone: (x: TransferOut) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId();
  const [toOrganizationId, setTo] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [keepsView, setKeepsView] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const propose = useMutation({
    mutationFn: () => proposeTransfer(c.id, { toOrganizationId: toOrganizationId!, reason: reason.trim(), senderKeepsView: keepsView }),
    onSuccess: (x) => {
      ref.current?.close();
      setTo(null);
      setReason('');
      setKeepsView(false);
      onDone(x);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!toOrganizationId) problems.toOrganizationId = 'required';
    if (!reason.trim()) problems.reason = 'required';
    setLocal(problems);
    if (Object.keys(problems).length) return;
    propose.mutate();
  }
  const err = propose.error;
  const consentMissing = isApiError(err, 'consent_required');
  return (
    <>
      <button
        type="button"
        className="button secondary"
        ref={opener}
        onClick={() => {
          setLocal({});
          propose.reset();
          ref.current?.showModal();
        }}
      >
        {t('transfers.propose.open')}
      </button>
      <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onClose={() => opener.current?.focus()}>
        <h2 id={`${id}-title`}>{t('transfers.propose.title', { reference: c.reference })}</h2>
        <p id={`${id}-text`}>{t('transfers.propose.text')}</p>
        <form className="form" onSubmit={submit} noValidate>
          {consentMissing ? (
            <div role="alert" className="alert alert-warning">
              <p>{t('transfers.propose.consentMissing')}</p>
              <p>
                <Link to="/cases/$caseId" params={{ caseId: c.id }} search={{ tab: 'consent' }} onClick={() => ref.current?.close()}>
                  {t('transfers.propose.consentLink')}
                </Link>
              </p>
            </div>
          ) : err ? (
            <ErrorAlert error={err} />
          ) : null}
          <OrganizationSelect
            label={t('transfers.propose.organization')}
            name="toOrganizationId"
            value={toOrganizationId}
            onChange={setTo}
            excludeId={me.organization.id}
            emptyLabel={t('common.choose')}
            required
            error={fieldErrorText(local.toOrganizationId) ?? fieldError(err, 'toOrganizationId')}
          />
          <TextAreaField
            label={t('transfers.propose.reason')}
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={3}
            maxLength={4000}
            required
            hint={t('transfers.propose.reasonHint')}
            error={fieldErrorText(local.reason) ?? fieldError(err, 'reason')}
          />
          <div className="field">
            <label className="choice">
              <input type="checkbox" name="senderKeepsView" checked={keepsView} onChange={(e) => setKeepsView(e.target.checked)} aria-describedby={`${id}-keeps`} />
              <span>{t('transfers.propose.keepsView')}</span>
            </label>
            <p id={`${id}-keeps`} className="hint">
              {t('transfers.propose.keepsViewHint')}
            </p>
          </div>
          <div className="actions">
            <button type="button" className="button secondary" onClick={() => ref.current?.close()}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button" disabled={propose.isPending}>
              {t('transfers.propose.submit')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
