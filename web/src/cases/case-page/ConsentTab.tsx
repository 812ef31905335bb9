// Consent per purpose: case management, sharing for referral (with a named organisation or a type of
// organisation), follow-up contact, de-identified statistics. Each record says given or refused, how
// (signed, verbal with a witness, by a guardian for a child), by whom and when, with evidence picked
// from the case's documents. Withdrawal takes a reason and a confirmation and applies at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { organizationTypes, type OrganizationType } from '../../api/types';
import { formatDateTime, textOr } from '../../i18n';
import { fieldError } from '../../i18n/errors';
import { OrganizationSelect } from '../../organizations/OrganizationSelect';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { ErrorAlert, Loading, StatusMessage } from '../../ui/Messages';
import { caseKeys, type CaseOut } from '../api';
import {
  addConsent,
  attachmentContentUrl,
  attachmentsQuery,
  consentDecisions,
  consentMethods,
  consentPurposes,
  namesRecipient,
  sharesFields,
  consentSharedFields,
  consentsQuery,
  partKeys,
  withdrawConsent,
  type Consent,
  type ConsentDecision,
  type ConsentMethod,
  type ConsentPurpose,
} from './api';
import { useRequiredFields } from './required';

function localNow(): string {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function ConsentTab({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(consentsQuery(c.id));
  const [message, setMessage] = useState<string | null>(null);
  const consents = [...(data ?? [])].sort((a, b) => (a.givenAt < b.givenAt ? 1 : -1));
  return (
    <>
      <StatusMessage tone="success">{message}</StatusMessage>
      <section aria-labelledby="consent-list-title">
        <h3 id="consent-list-title">{t('cases.consent.list')}</h3>
        {isPending ? <Loading /> : null}
        <ErrorAlert error={error} />
        {data && consents.length === 0 ? <p>{t('cases.consent.none')}</p> : null}
        <ul className="consent-list">
          {consents.map((x) => (
            <ConsentItem key={x.id} c={c} consent={x} onDone={setMessage} />
          ))}
        </ul>
      </section>
      {c.can.update ? <AddConsent c={c} onDone={setMessage} /> : null}
    </>
  );
}

function consentState(x: Consent): 'active' | 'withdrawn' | 'refused' {
  if (x.withdrawnAt) return 'withdrawn';
  if (x.decision === 'refused') return 'refused';
  return x.active ? 'active' : 'withdrawn';
}

function ConsentItem({ c, consent: x, onDone }: { c: CaseOut; consent: Consent; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const state = consentState(x);
  const purpose = t(`cases.consent.purposes.${x.purpose}`);
  return (
    <li className={`consent consent-state-${state}`}>
      <article aria-labelledby={`consent-${x.id}`}>
        <h4 id={`consent-${x.id}`}>
          {purpose}{' '}
          <span className={`badge consent-badge-${state}`}>
            <span aria-hidden="true">{state === 'active' ? '✓ ' : state === 'withdrawn' ? '⊘ ' : '✕ '}</span>
            {t(`cases.consent.state.${state}`)}
          </span>
        </h4>
        <dl className="summary compact">
          {namesRecipient(x.purpose) ? (
            <>
              <dt>{t('cases.consent.recipient')}</dt>
              <dd>
                {x.recipientOrganizationName ??
                  (x.recipientOrganizationType ? t('cases.consent.anyOfType', { type: t(`organizations.types.${x.recipientOrganizationType}`) }) : '—')}
              </dd>
            </>
          ) : null}
          {sharesFields(x.purpose) && x.sharedFields.length ? (
            <>
              <dt>{t('cases.consent.sharedFields')}</dt>
              <dd>{x.sharedFields.map((f) => textOr(`cases.consent.fields.${f}`, f)).join(', ')}</dd>
            </>
          ) : null}
          <dt>{t('cases.consent.decision')}</dt>
          <dd>{t(`cases.consent.decisions.${x.decision}`)}</dd>
          <dt>{t('cases.consent.method')}</dt>
          <dd>{t(`cases.consent.methods.${x.method}`)}</dd>
          <dt>{t('cases.consent.givenBy')}</dt>
          <dd>{x.givenBy || '—'}</dd>
          {x.witness ? (
            <>
              <dt>{t('cases.consent.witness')}</dt>
              <dd>{x.witness}</dd>
            </>
          ) : null}
          <dt>{t('cases.consent.givenAt')}</dt>
          <dd>{formatDateTime(x.givenAt)}</dd>
          <dt>{t('cases.consent.recordedBy')}</dt>
          <dd>{x.recordedBy?.displayName ?? '—'}</dd>
          <dt>{t('cases.consent.evidence')}</dt>
          <dd>
            {x.evidenceAttachmentId ? (
              <a href={attachmentContentUrl(c.id, x.evidenceAttachmentId)} download>
                {t('cases.consent.downloadEvidence')}
              </a>
            ) : (
              '—'
            )}
          </dd>
          {x.withdrawnAt ? (
            <>
              <dt>{t('cases.consent.withdrawnAt')}</dt>
              <dd>{formatDateTime(x.withdrawnAt)}</dd>
              <dt>{t('cases.consent.withdrawalReason')}</dt>
              <dd className="pre">{x.withdrawalReason || '—'}</dd>
            </>
          ) : null}
        </dl>
        {c.can.update && state === 'active' ? <WithdrawConsent c={c} consent={x} purpose={purpose} onDone={onDone} /> : null}
      </article>
    </li>
  );
}

function WithdrawConsent({ c, consent, purpose, onDone }: { c: CaseOut; consent: Consent; purpose: string; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => withdrawConsent(c.id, consent.id, reason.trim()),
    onSuccess: () => {
      ref.current?.close();
      void queryClient.invalidateQueries({ queryKey: partKeys.consents(c.id) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.history(c.id) });
      onDone(t('cases.consent.withdrawn', { purpose }));
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setMissing(!reason.trim());
    if (reason.trim()) withdraw.mutate();
  }
  return (
    <>
      <button
        type="button"
        ref={opener}
        className="button danger"
        onClick={() => {
          setReason('');
          setMissing(false);
          withdraw.reset();
          ref.current?.showModal();
        }}
        aria-label={t('cases.consent.withdrawNamed', { purpose })}
      >
        {t('cases.consent.withdraw')}
      </button>
      <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onClose={() => opener.current?.focus()}>
        <h2 id={`${id}-title`}>{t('cases.consent.withdrawTitle', { purpose })}</h2>
        <p id={`${id}-text`}>{t('cases.consent.withdrawText')}</p>
        <form className="form" onSubmit={submit} noValidate>
          <ErrorAlert error={withdraw.error} />
          <TextAreaField
            label={t('cases.consent.withdrawalReason')}
            name="withdrawalReason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={3}
            maxLength={2000}
            required
            error={missing ? t('errors.fields.required') : fieldError(withdraw.error, 'reason')}
          />
          <div className="actions">
            <button type="button" className="button secondary" onClick={() => ref.current?.close()}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button danger" disabled={withdraw.isPending}>
              {t('cases.consent.confirmWithdraw')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

function AddConsent({ c, onDone }: { c: CaseOut; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const attachments = useQuery(attachmentsQuery(c.id)).data ?? [];
  const child = c.person.isChild;
  const [purpose, setPurpose] = useState<ConsentPurpose>('case_management');
  const [recipientKind, setRecipientKind] = useState<'organization' | 'type'>('organization');
  const [recipientOrganizationId, setRecipientOrganizationId] = useState<string | null>(null);
  const [recipientOrganizationType, setRecipientOrganizationType] = useState<OrganizationType | ''>('');
  const [decision, setDecision] = useState<ConsentDecision>('given');
  const [method, setMethod] = useState<ConsentMethod>(child ? 'guardian' : 'signed');
  const [givenBy, setGivenBy] = useState(child ? '' : c.person.fullName);
  const [witness, setWitness] = useState('');
  const [givenAt, setGivenAt] = useState(localNow);
  const [evidenceAttachmentId, setEvidence] = useState('');
  const [sharedFields, setSharedFields] = useState<string[]>(['name', 'sex', 'age', 'contact', 'needs']);
  const required = useRequiredFields();

  const add = useMutation({
    mutationFn: () =>
      addConsent(c.id, {
        purpose,
        decision,
        method,
        givenBy: givenBy.trim() || null,
        witness: method === 'verbal_witnessed' ? witness.trim() || null : null,
        givenAt: new Date(givenAt).toISOString(),
        evidenceAttachmentId: evidenceAttachmentId || null,
        ...(namesRecipient(purpose)
          ? {
              ...(recipientKind === 'organization' ? { recipientOrganizationId } : { recipientOrganizationType: recipientOrganizationType || null }),
              ...(sharesFields(purpose) ? { sharedFields } : {}),
            }
          : {}),
      }),
    onSuccess: (x) => {
      void queryClient.invalidateQueries({ queryKey: partKeys.consents(c.id) });
      onDone(t('cases.consent.recorded', { purpose: t(`cases.consent.purposes.${x.purpose ?? purpose}`) }));
      setWitness('');
      setEvidence('');
      setGivenAt(localNow());
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const complete = required.check({
      witness: method === 'verbal_witnessed' && !witness.trim(),
      givenBy: !givenBy.trim(),
      givenAt: !givenAt,
      recipientOrganizationId: namesRecipient(purpose) && recipientKind === 'organization' && !recipientOrganizationId,
      recipientOrganizationType: namesRecipient(purpose) && recipientKind === 'type' && !recipientOrganizationType,
    });
    if (complete) add.mutate();
  }
  const err = add.error;
  return (
    <section className="card" aria-labelledby="consent-add-title">
      <h3 id="consent-add-title">{t('cases.consent.add')}</h3>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={err} />
        <SelectField label={t('cases.consent.purpose')} name="purpose" value={purpose} onChange={(e) => setPurpose(e.target.value as ConsentPurpose)} error={fieldError(err, 'purpose')}>
          {consentPurposes.map((p) => (
            <option key={p} value={p}>
              {t(`cases.consent.purposes.${p}`)}
            </option>
          ))}
        </SelectField>
        {namesRecipient(purpose) ? (
          <fieldset className="field">
            <legend>{t('cases.consent.recipient')}</legend>
            <ChoiceGroup
              legend={t('cases.consent.recipientKind')}
              name="recipientKind"
              type="radio"
              options={[
                { value: 'organization', label: t('cases.consent.namedOrganization') },
                { value: 'type', label: t('cases.consent.organizationType') },
              ]}
              value={[recipientKind]}
              onChange={(v) => setRecipientKind(v[0] === 'type' ? 'type' : 'organization')}
            />
            {recipientKind === 'organization' ? (
              <OrganizationSelect
                label={t('cases.consent.namedOrganization')}
                name="recipientOrganizationId"
                value={recipientOrganizationId}
                onChange={setRecipientOrganizationId}
                emptyLabel={t('common.choose')}
                excludeId={c.person.organizationId}
                required
                error={required.errorAt(err, 'recipientOrganizationId')}
              />
            ) : (
              <SelectField
                label={t('cases.consent.organizationType')}
                name="recipientOrganizationType"
                value={recipientOrganizationType}
                onChange={(e) => setRecipientOrganizationType(e.target.value as OrganizationType | '')}
                required
                error={required.errorAt(err, 'recipientOrganizationType')}
              >
                <option value="">{t('common.choose')}</option>
                {organizationTypes.map((o) => (
                  <option key={o} value={o}>
                    {t(`organizations.types.${o}`)}
                  </option>
                ))}
              </SelectField>
            )}
            {sharesFields(purpose) ? (
              <ChoiceGroup
                legend={t('cases.consent.sharedFields')}
                name="sharedFields"
                options={consentSharedFields.map((f) => ({ value: f, label: t(`cases.consent.fields.${f}`) }))}
                value={sharedFields}
                onChange={setSharedFields}
                error={fieldError(err, 'sharedFields')}
              />
            ) : null}
          </fieldset>
        ) : null}
        <ChoiceGroup
          legend={t('cases.consent.decision')}
          name="decision"
          type="radio"
          options={consentDecisions.map((d) => ({ value: d, label: t(`cases.consent.decisions.${d}`) }))}
          value={[decision]}
          onChange={(v) => setDecision((v[0] as ConsentDecision | undefined) ?? 'given')}
          error={fieldError(err, 'decision')}
        />
        <ChoiceGroup
          legend={t('cases.consent.method')}
          name="method"
          type="radio"
          options={consentMethods.filter((m) => child || m !== 'guardian').map((m) => ({ value: m, label: t(`cases.consent.methods.${m}`) }))}
          value={[method]}
          onChange={(v) => setMethod((v[0] as ConsentMethod | undefined) ?? 'signed')}
          hint={child ? t('cases.consent.childHint') : t('cases.consent.methodHint')}
          error={fieldError(err, 'method')}
        />
        <TextField
          label={method === 'guardian' ? t('cases.consent.guardian') : t('cases.consent.givenBy')}
          name="givenBy"
          value={givenBy}
          onChange={(e) => setGivenBy(e.target.value)}
          maxLength={200}
          required
          error={required.errorAt(err, 'givenBy')}
        />
        {method === 'verbal_witnessed' ? (
          <TextField
            label={t('cases.consent.witness')}
            name="witness"
            value={witness}
            onChange={(e) => setWitness(e.target.value)}
            maxLength={200}
            required
            hint={t('cases.consent.witnessHint')}
            error={required.errorAt(err, 'witness')}
          />
        ) : null}
        <TextField
          label={t('cases.consent.givenAt')}
          name="givenAt"
          type="datetime-local"
          value={givenAt}
          max={localNow()}
          onChange={(e) => setGivenAt(e.target.value)}
          required
          error={required.errorAt(err, 'givenAt')}
        />
        <SelectField
          label={t('cases.consent.evidence')}
          name="evidenceAttachmentId"
          value={evidenceAttachmentId}
          onChange={(e) => setEvidence(e.target.value)}
          hint={
            <>
              {t('cases.consent.evidenceHint')}{' '}
              <Link to="/cases/$caseId" params={{ caseId: c.id }} search={{ tab: 'documents' }}>
                {t('cases.consent.toDocuments')}
              </Link>
            </>
          }
          error={fieldError(err, 'evidenceAttachmentId')}
        >
          <option value="">{t('cases.consent.noEvidence')}</option>
          {attachments.map((a) => (
            <option key={a.id} value={a.id}>
              {a.fileName} · {t(`cases.documents.categories.${a.category}`)}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <button type="submit" className="button" disabled={add.isPending}>
            {t('cases.consent.record')}
          </button>
        </div>
      </form>
    </section>
  );
}
