// Puts the person forward to the partner for an opening: consent check, the fields to share
// (minimal by default; trafficking history only when the person chose it), a message.
// The dialog asks the server what the person's job_matching consent covers for this partner
// (GET /cases/:id/candidacy-options): without it, it links to the consent tab and sends nothing.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { formatDate } from '../../i18n';
import { fieldError } from '../../i18n/errors';
import { contactPreferences, type ContactPreference } from '../../referrals/api';
import { fieldLabel } from '../../referrals/parts';
import { ChoiceGroup, SelectField, TextAreaField } from '../../ui/Field';
import { ErrorAlert, Loading, StatusMessage } from '../../ui/Messages';
import {
  candidacyFieldCodes,
  candidacyKeys,
  candidacyOptionsQuery,
  historyFields,
  putForward,
  type Candidacy,
  type CandidacyField,
  type CandidacyOptions,
} from './api';
import { term } from './parts';

export function PutForwardButton({ caseId, openingId }: { caseId: string; openingId: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<Candidacy | null>(null);
  return (
    <>
      <button
        type="button"
        ref={opener}
        className="button"
        onClick={() => {
          setDone(null);
          setOpen(true);
          ref.current?.showModal();
        }}
      >
        {t('candidacies.putForward.open')}
      </button>
      <StatusMessage tone="success">
        {done ? (
          <>
            {t('candidacies.putForward.done', { partner: done.partner.name })}{' '}
            <Link to="/candidates/$candidacyId" params={{ candidacyId: done.id }}>
              {t('candidacies.open')}
            </Link>
            {done.warnings?.includes('kind_not_sought') ? ` ${t('candidacies.putForward.kindNotSought')}` : ''}
          </>
        ) : null}
      </StatusMessage>
      <dialog
        ref={ref}
        className="dialog put-forward-dialog"
        aria-labelledby={`${id}-title`}
        onClose={() => {
          setOpen(false);
          opener.current?.focus();
        }}
      >
        <h2 id={`${id}-title`}>{t('candidacies.putForward.title')}</h2>
        {open ? (
          <PutForwardForm
            caseId={caseId}
            openingId={openingId}
            onCancel={() => ref.current?.close()}
            onDone={(c) => {
              setDone(c);
              ref.current?.close();
            }}
          />
        ) : null}
      </dialog>
    </>
  );
}

function PutForwardForm({ caseId, openingId, onCancel, onDone }: { caseId: string; openingId: string; onCancel: () => void; onDone: (c: Candidacy) => void }) {
  const { t } = useTranslation();
  const { data: opt, isPending, error } = useQuery(candidacyOptionsQuery(caseId, openingId));
  if (isPending) return <Loading />;
  if (error || !opt)
    return (
      <>
        <ErrorAlert error={error} />
        <div className="actions">
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </>
    );
  // Keyed by the consent, so that the preselection follows a consent recorded meanwhile.
  return <Form key={opt.consent?.id ?? 'none'} caseId={caseId} opt={opt} onCancel={onCancel} onDone={onDone} />;
}

function Form({ caseId, opt, onCancel, onDone }: { caseId: string; opt: CandidacyOptions; onCancel: () => void; onDone: (c: Candidacy) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [fields, setFields] = useState<CandidacyField[]>(opt.defaultFields);
  const [shareHistory, setShareHistory] = useState(false);
  const [history, setHistory] = useState<CandidacyField[]>([]);
  const [message, setMessage] = useState('');
  const [contactPreference, setContactPreference] = useState<ContactPreference>('through_case_worker');
  const send = useMutation({
    mutationFn: () =>
      putForward(caseId, {
        openingId: opt.opening.id,
        sharedFields: [...fields, ...(shareHistory ? history : [])],
        shareHistory,
        message: message.trim() || null,
        contactPreference,
      }),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: candidacyKeys.ofCase(caseId) });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId] });
      // The matches (employment/matching) show the candidacy instead of this button once it exists.
      void queryClient.invalidateQueries({ queryKey: ['cases', caseId, 'matches'] });
      void queryClient.invalidateQueries({ queryKey: ['openings', opt.opening.id, 'candidates'] });
      onDone(c);
    },
  });
  const consentTab = (children: ReactNode) => (
    <Link to="/cases/$caseId" params={{ caseId }} search={{ tab: 'consent' }}>
      {children}
    </Link>
  );
  const blocked = !opt.consent || !opt.profile || !opt.opening.open || !!opt.standing;
  const plainFields = candidacyFieldCodes.filter((f) => !historyFields.includes(f));
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!blocked) send.mutate();
  }
  const err = send.error;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>
        {t('candidacies.putForward.to', { opening: opt.opening.title, partner: opt.opening.organization.name })}{' '}
        <span className="muted">({term('openingKinds', opt.opening.kind)})</span>
      </p>
      {isApiError(err, 'consent_required') ? (
        <div role="alert" className="alert alert-error">
          {t('candidacies.putForward.consentMissing')} {consentTab(t('candidacies.putForward.toConsent'))}
        </div>
      ) : (
        <ErrorAlert error={err} />
      )}
      {opt.consent ? (
        <p className="alert alert-success consent-state">
          <span aria-hidden="true">✓ </span>
          {opt.consent.named
            ? t('candidacies.putForward.consentNamed', { partner: opt.opening.organization.name, date: formatDate(opt.consent.givenAt) })
            : t('candidacies.putForward.consentType', { date: formatDate(opt.consent.givenAt) })}
        </p>
      ) : (
        <div className="alert alert-warning consent-state" role="note">
          <p>
            <strong>{t('candidacies.putForward.noConsent')}</strong>
          </p>
          <p>
            {t('candidacies.putForward.noConsentText')} {consentTab(t('candidacies.putForward.toConsent'))}
          </p>
        </div>
      )}
      {!opt.profile ? <p className="alert alert-warning">{t('candidacies.putForward.noProfile')}</p> : null}
      {!opt.opening.open ? <p className="alert alert-warning">{t('candidacies.putForward.notOpen')}</p> : null}
      {opt.standing ? (
        <p className="alert alert-info">{t('candidacies.putForward.standing', { status: term('candidacyStatuses', opt.standing.status) })}</p>
      ) : null}
      {opt.profile && !opt.kindSought ? <p className="alert alert-info">{t('candidacies.putForward.kindNotSought')}</p> : null}

      {opt.consent ? (
        <>
          <ChoiceGroup
            legend={t('candidacies.putForward.fields')}
            name="sharedFields"
            hint={t('candidacies.putForward.fieldsHint')}
            options={plainFields.map((f) => ({
              value: f,
              label: opt.allowedFields.includes(f) ? fieldLabel(f) : `${fieldLabel(f)} — ${t('candidacies.putForward.notConsented')}`,
            }))}
            disabledValues={plainFields.filter((f) => !opt.allowedFields.includes(f))}
            value={fields}
            onChange={(v) => setFields(v as CandidacyField[])}
            error={fieldError(err, 'sharedFields')}
          />
          <fieldset className="field history-choice">
            <legend>{t('candidacies.putForward.historyLegend')}</legend>
            <p className="hint">{t('candidacies.putForward.historyHint')}</p>
            <label className="choice">
              <input
                type="checkbox"
                name="shareHistory"
                checked={shareHistory}
                disabled={!opt.historyFields.length}
                onChange={(e) => {
                  setShareHistory(e.target.checked);
                  if (!e.target.checked) setHistory([]);
                }}
              />
              <span>{t('candidacies.putForward.shareHistory')}</span>
            </label>
            {!opt.historyFields.length ? <p className="hint">{t('candidacies.putForward.historyNotConsented')}</p> : null}
          </fieldset>
          {shareHistory ? (
            <ChoiceGroup
              legend={t('candidacies.putForward.historyFields')}
              name="historyFields"
              options={opt.historyFields.map((f) => ({ value: f, label: fieldLabel(f) }))}
              value={history}
              onChange={(v) => setHistory(v as CandidacyField[])}
            />
          ) : null}
          <TextAreaField
            label={t('candidacies.putForward.message')}
            name="message"
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            rows={3}
            maxLength={4000}
            hint={t('candidacies.putForward.messageHint')}
            error={fieldError(err, 'message')}
          />
          <SelectField
            label={t('candidacies.labels.contactPreference')}
            name="contactPreference"
            value={contactPreference}
            onChange={(e) => setContactPreference(e.target.value as ContactPreference)}
          >
            {contactPreferences.map((c) => (
              <option key={c} value={c}>
                {t(`referrals.contactPreferences.${c}`)}
              </option>
            ))}
          </SelectField>
        </>
      ) : null}
      <div className="actions">
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        {!blocked ? (
          <button type="submit" className="button" disabled={send.isPending}>
            {t('candidacies.putForward.submit')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
