// The stage action: a dialog offering only the moves the server allows now (CaseOut.allowedTransitions),
// with the reason a move needs (reopening). Closing is not a move here: it is a request a supervisor
// approves (web/src/closure/ClosurePanel.tsx). A refused move shows the moves allowed now; a stale
// version reloads the case and says so, keeping what the person chose and typed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { Stage } from '../../api/types';
import { fieldError, fieldErrorText } from '../../i18n/errors';
import { ChoiceGroup, TextAreaField } from '../../ui/Field';
import { ErrorAlert, StatusMessage } from '../../ui/Messages';
import { caseKeys, type CaseOut } from '../api';
import { transitionCase, TransitionError } from './api';

export function TransitionDialog({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId();
  const [to, setTo] = useState<Stage | ''>('');
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const move = useMutation({
    mutationFn: () =>
      transitionCase(c.id, {
        version: c.version,
        to: to as Stage,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      }),
    onMutate: () => setNotice(null),
    onSuccess: (out) => {
      queryClient.setQueryData(caseKeys.detail(c.id), out);
      void queryClient.invalidateQueries({ queryKey: caseKeys.history(c.id) });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
      setDone(t('cases.transition.done', { stage: t(`caseTerms.stage.${out.stage}`) }));
      ref.current?.close();
      setTo('');
      setReason('');
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) {
        const current = err.current as CaseOut | undefined;
        if (current && typeof current === 'object' && 'allowedTransitions' in current) queryClient.setQueryData(caseKeys.detail(c.id), current);
        else void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id), exact: true });
        setNotice(t('cases.conflict.case'));
      } else if (isApiError(err, 'transition_not_allowed')) {
        void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id), exact: true });
      }
    },
  });

  // Never offer `closed`, even from an older server that still lists it.
  const moves: Stage[] = c.allowedTransitions.filter((s) => s !== 'closed');
  if (!c.can.update || moves.length === 0) return <StatusMessage tone="success">{done}</StatusMessage>;

  const open = () => {
    setLocal({});
    setNotice(null);
    setDone(null);
    move.reset();
    if (to && !moves.includes(to)) setTo('');
    ref.current?.showModal();
  };
  const close = () => {
    ref.current?.close();
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!to) problems.to = 'required';
    if (to === 'reopened' && !reason.trim()) problems.reason = 'required';
    setLocal(problems);
    if (Object.keys(problems).length) return;
    move.mutate();
  }

  const err = move.error;
  const allowedNow = (err instanceof TransitionError && err.allowed?.length ? err.allowed : moves).filter((s) => s !== 'closed');
  return (
    <div className="stage-action">
      <button type="button" className="button" ref={opener} onClick={open}>
        {t('cases.transition.open')}
      </button>
      <StatusMessage tone="success">{done}</StatusMessage>
      <dialog ref={ref} aria-labelledby={`${id}-title`} className="dialog" onClose={() => opener.current?.focus()}>
        <h2 id={`${id}-title`}>{t('cases.transition.title', { stage: t(`caseTerms.stage.${c.stage}`) })}</h2>
        <form onSubmit={submit} className="form" noValidate>
          {notice ? (
            <div role="alert" className="alert alert-warning">
              {notice}
            </div>
          ) : null}
          {isApiError(err, 'transition_not_allowed') ? (
            <div role="alert" className="alert alert-error">
              {t('cases.transition.notAllowed', { allowed: allowedNow.map((s) => t(`caseTerms.stage.${s}`)).join(', ') })}
            </div>
          ) : null}
          {err && !isApiError(err, 'version_conflict') && !isApiError(err, 'transition_not_allowed') ? <ErrorAlert error={err} /> : null}
          <ChoiceGroup
            legend={t('cases.transition.to')}
            name="to"
            type="radio"
            options={moves.map((s) => ({ value: s, label: t(`caseTerms.stage.${s}`) }))}
            value={to ? [to] : []}
            onChange={(v) => setTo((v[0] as Stage | undefined) ?? '')}
            error={fieldErrorText(local.to) ?? fieldError(err, 'to')}
          />
          {to === 'reopened' ? (
            <TextAreaField
              label={t('cases.transition.reopenReason')}
              name="reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              maxLength={2000}
              rows={3}
              error={fieldErrorText(local.reason) ?? fieldError(err, 'reason')}
            />
          ) : null}
          <div className="actions">
            <button type="button" className="button secondary" onClick={close}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button" disabled={move.isPending}>
              {t('cases.transition.submit')}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
