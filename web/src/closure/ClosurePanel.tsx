// On the case page: request closure with a reason, the checklist, and the supervisor's decision.
// "Ajukan penutupan" opens a dialog with the closure reason, the text, and the checklist as it stands
// (what is still missing, in words). A pending request shows as a banner; a supervisor approves it
// (acknowledging an incomplete checklist when the reason allows) or returns it with a note, and the
// requesting side may withdraw it. A returned request shows the supervisor's note until a new one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { caseKeys, type CaseOut } from '../cases/api';
import { closureText } from '../cases/case-page/CaseHeader';
import { closureReasons } from '../cases/case-page/vocab';
import { VocabOptions } from '../cases/case-page/VocabOptions';
import { formatDateTime } from '../i18n';
import { fieldError, fieldErrorText } from '../i18n/errors';
import { ConfirmButton } from '../ui/ConfirmButton';
import { SelectField, TextAreaField } from '../ui/Field';
import { ErrorAlert, StatusMessage } from '../ui/Messages';
import {
  approveClosure,
  caseClosureQuery,
  closureKeys,
  neverAcknowledged,
  requestClosure,
  returnClosure,
  withdrawClosure,
  type CaseClosure,
  type ChecklistItem,
  type ClosureOut,
} from './api';
import { Checklist } from './Checklist';
import './closure.css';

export function ClosurePanel({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data } = useQuery({ ...caseClosureQuery(c.id, c.version), placeholderData: (previous) => previous });
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: closureKeys.all });
    void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
    void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
  };
  if (!data) return null;
  const last = data.history[0] ?? null;
  const approved = c.stage === 'closed' ? data.history.find((h) => h.status === 'approved') : undefined;
  return (
    <div className="case-closure">
      <StatusMessage tone="success">{done}</StatusMessage>
      {data.pending ? (
        <Pending
          c={c}
          data={data}
          r={data.pending}
          onDone={(m) => {
            setDone(m);
            refresh();
          }}
        />
      ) : null}
      {!data.pending && c.stage !== 'closed' && last?.status === 'returned' ? (
        <div className="alert alert-warning closure-banner">
          <p>
            <strong>{t('closure.returned.title')}</strong>{' '}
            {t('closure.returned.text', { name: last.decidedBy?.displayName ?? '—', date: formatDateTime(last.decidedAt) })}
          </p>
          {last.decisionNote ? <p className="pre">{last.decisionNote}</p> : null}
        </div>
      ) : null}
      {approved ? (
        <p className="muted small">
          {t('closure.approvedBy', { name: approved.decidedBy?.displayName ?? '—', date: formatDateTime(approved.decidedAt) })}
          {approved.acknowledgedIncomplete ? ` ${t('closure.acknowledgedNote')}` : ''}
        </p>
      ) : null}
      {data.canRequest ? (
        <RequestDialog
          c={c}
          data={data}
          onDone={(r) => {
            setDone(t('closure.request.done', { reason: closureText(r.closureReason) }));
            refresh();
          }}
        />
      ) : null}
    </div>
  );
}

/** Whether an incomplete checklist may be acknowledged for this reason (the server decides again). */
export function acknowledgeable(checklist: ChecklistItem[], reasons: string[], closureReason: string) {
  const unmet = checklist.filter((i) => !i.met);
  return unmet.length > 0 && reasons.includes(closureReason) && unmet.every((i) => !neverAcknowledged.includes(i.code));
}

function Pending({ c, data, r, onDone }: { c: CaseOut; data: CaseClosure; r: ClosureOut; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const withdraw = useMutation({
    mutationFn: () => withdrawClosure(r.id, { version: r.version }),
    onSuccess: () => onDone(t('closure.withdrawn')),
  });
  return (
    <div className="alert alert-info closure-banner">
      <p>
        <strong>{t('closure.pending.title')}</strong>{' '}
        {t('closure.pending.text', { reason: closureText(r.closureReason), name: r.requestedBy?.displayName ?? '—', date: formatDateTime(r.requestedAt) })}
      </p>
      <p className="pre">{r.reason}</p>
      <p>{data.complete ? t('closure.checklist.complete') : t('closure.checklist.incomplete')}</p>
      <Checklist items={data.checklist} label={t('closure.checklist.title')} />
      <div className="actions">
        {r.allowedActions.includes('approve') ? <ApproveDialog c={c} data={data} r={r} onDone={onDone} /> : null}
        {r.allowedActions.includes('return') ? <ReturnDialog r={r} onDone={onDone} /> : null}
        {r.allowedActions.includes('withdraw') ? (
          <ConfirmButton
            label={t('closure.withdraw')}
            title={t('closure.withdrawTitle')}
            message={<p>{t('closure.withdrawText')}</p>}
            onConfirm={() => withdraw.mutate()}
            disabled={withdraw.isPending}
          />
        ) : null}
      </div>
      <ErrorAlert error={withdraw.error} />
    </div>
  );
}

/** A native modal dialog with its opener; the caller holds the dialog's ref to close it. */
function Dialog({
  dialogRef,
  label,
  title,
  text,
  primary = false,
  onOpen,
  children,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  label: string;
  title: string;
  text?: string;
  primary?: boolean;
  onOpen?: () => void;
  children: ReactNode;
}) {
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId();
  return (
    <>
      <button
        type="button"
        ref={opener}
        className={primary ? 'button' : 'button secondary'}
        onClick={() => {
          onOpen?.();
          dialogRef.current?.showModal();
        }}
      >
        {label}
      </button>
      <dialog ref={dialogRef} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={text ? `${id}-text` : undefined} onClose={() => opener.current?.focus()}>
        <h2 id={`${id}-title`}>{title}</h2>
        {text ? <p id={`${id}-text`}>{text}</p> : null}
        {children}
      </dialog>
    </>
  );
}

function RequestDialog({ c, data, onDone }: { c: CaseOut; data: CaseClosure; onDone: (r: ClosureOut) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [closureReason, setClosureReason] = useState('');
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const dialog = useRef<HTMLDialogElement>(null);
  const close = () => dialog.current?.close();
  const send = useMutation({
    mutationFn: () => requestClosure(c.id, { closureReason, reason: reason.trim() }),
    onSuccess: (r) => {
      close();
      setClosureReason('');
      setReason('');
      onDone(r);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!closureReason) problems.closureReason = 'required';
    if (!reason.trim()) problems.reason = 'required';
    setLocal(problems);
    if (Object.keys(problems).length) return;
    send.mutate();
  }
  const mayAck = closureReason ? acknowledgeable(data.checklist, data.acknowledgeableReasons, closureReason) : false;
  return (
    <Dialog
      dialogRef={dialog}
      label={t('closure.request.open')}
      title={t('closure.request.title', { reference: c.reference })}
      text={t('closure.request.text')}
      onOpen={() => {
        setLocal({});
        send.reset();
        void queryClient.invalidateQueries({ queryKey: closureKeys.ofCase(c.id) });
      }}
    >
          <form className="form" onSubmit={submit} noValidate>
            <ErrorAlert error={send.error} />
            <p>{data.complete ? t('closure.checklist.complete') : t('closure.checklist.incomplete')}</p>
            <Checklist items={data.checklist} label={t('closure.checklist.title')} />
            <SelectField
              label={t('closure.fields.closureReason')}
              name="closureReason"
              value={closureReason}
              onChange={(e) => setClosureReason(e.target.value)}
              required
              hint={!data.complete && closureReason ? (mayAck ? t('closure.request.mayAcknowledge') : t('closure.request.needsChecklist')) : undefined}
              error={fieldErrorText(local.closureReason) ?? fieldError(send.error, 'closureReason')}
            >
              <option value="">{t('common.choose')}</option>
              <VocabOptions list={closureReasons} />
            </SelectField>
            <TextAreaField
              label={t('closure.fields.reason')}
              name="reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={3}
              maxLength={2000}
              required
              error={fieldErrorText(local.reason) ?? fieldError(send.error, 'reason')}
            />
            <div className="actions">
              <button type="button" className="button secondary" onClick={close}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="button" disabled={send.isPending}>
                {t('closure.request.submit')}
              </button>
            </div>
          </form>
    </Dialog>
  );
}

function ApproveDialog({ c, data, r, onDone }: { c: CaseOut; data: CaseClosure; r: ClosureOut; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [ack, setAck] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const close = () => dialog.current?.close();
  const mayAck = acknowledgeable(data.checklist, data.acknowledgeableReasons, r.closureReason);
  const approve = useMutation({
    mutationFn: () => approveClosure(r.id, { version: r.version, note: note.trim() || null, acknowledgeIncomplete: mayAck && ack }),
    onSuccess: () => {
      close();
      onDone(t('closure.approved', { reference: c.reference }));
    },
    onError: (err) => {
      if (isApiError(err, 'checklist_incomplete') || isApiError(err, 'version_conflict') || isApiError(err, 'transition_not_allowed'))
        void queryClient.invalidateQueries({ queryKey: closureKeys.ofCase(c.id) });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    approve.mutate();
  }
  const blocked = !data.complete && !mayAck;
  return (
    <Dialog dialogRef={dialog} label={t('closure.approve.open')} title={t('closure.approve.title', { reference: c.reference })} primary
      onOpen={() => {
        approve.reset();
        // What others did since the page opened (a referral completed, a survey done) changes the checklist.
        void queryClient.invalidateQueries({ queryKey: closureKeys.ofCase(c.id) });
      }}
    >
          <form className="form" onSubmit={submit} noValidate>
            <ErrorAlert error={approve.error} />
            <p>
              {t('closure.approve.reason')}: <strong>{closureText(r.closureReason)}</strong>
            </p>
            <p className="pre">{r.reason}</p>
            <p>{data.complete ? t('closure.checklist.complete') : t('closure.checklist.incomplete')}</p>
            <Checklist items={data.checklist} label={t('closure.checklist.title')} />
            {blocked ? <p className="alert alert-warning">{t('closure.approve.blocked')}</p> : null}
            {mayAck ? (
              <div className="field">
                <label className="choice">
                  <input type="checkbox" name="acknowledgeIncomplete" checked={ack} onChange={(e) => setAck(e.target.checked)} />
                  <span>{t('closure.approve.acknowledge')}</span>
                </label>
              </div>
            ) : null}
            <TextAreaField label={t('closure.approve.note')} name="note" value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} />
            <div className="actions">
              <button type="button" className="button secondary" onClick={close}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="button" disabled={approve.isPending || blocked || (mayAck && !ack)}>
                {t('closure.approve.submit')}
              </button>
            </div>
          </form>
    </Dialog>
  );
}

function ReturnDialog({ r, onDone }: { r: ClosureOut; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const close = () => dialog.current?.close();
  const send = useMutation({
    mutationFn: () => returnClosure(r.id, { version: r.version, note: note.trim() }),
    onSuccess: () => {
      close();
      setNote('');
      onDone(t('closure.returnedDone'));
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setMissing(!note.trim());
    if (note.trim()) send.mutate();
  }
  return (
    <Dialog dialogRef={dialog} label={t('closure.return.open')} title={t('closure.return.title')} text={t('closure.return.text')} onOpen={() => send.reset()}>
          <form className="form" onSubmit={submit} noValidate>
            <ErrorAlert error={send.error} />
            <TextAreaField
              label={t('closure.return.note')}
              name="note"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              rows={3}
              maxLength={2000}
              required
              error={missing ? t('errors.fields.required') : fieldError(send.error, 'note')}
            />
            <div className="actions">
              <button type="button" className="button secondary" onClick={close}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="button" disabled={send.isPending}>
                {t('closure.return.submit')}
              </button>
            </div>
          </form>
    </Dialog>
  );
}
