// "Rujuk": send a referral from a case. Pick the needs it addresses, then a suggested service (ranked
// by the server, with its reasons in plain words) or any organisation; the recipient's options say
// what the person consented to share with them. Fields the consent allows can be ticked (the minimum
// is pre-ticked), the others are shown as not consented; without consent it cannot be sent, unless a
// supervisor records a best-interest override. Urgency sets the deadline; a preview shows what the
// receiving organisation will see.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useMe } from '../auth/me';
import { caseKeys, type CaseOut, type HomeArea } from '../cases/api';
import { needsQuery } from '../cases/case-page/api';
import { labelOf, needSeverities } from '../cases/case-page/vocab';
import { termByCode } from '../../../src/directory/taxonomy';
import i18n, { currentLanguage, formatDate, formatDateTime, formatNumber, textOr } from '../i18n';
import { fieldError } from '../i18n/errors';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { languageName } from '../persons/PersonFields';
import { ChoiceGroup, FieldError, SelectField, TextAreaField, TextField } from '../ui/Field';
import { ErrorAlert, Loading } from '../ui/Messages';
import {
  ageBandOf,
  contactPreferences,
  minimumFields,
  overrideReasons,
  referralFieldCodes,
  referralKeys,
  referralOptionsQuery,
  responseHours as defaultResponseHours,
  sendReferral,
  suggestionsQuery,
  urgencies,
  type ContactPreference,
  type OverrideReason,
  type ReferralField,
  type ReferralOptions,
  type ReferralOut,
  type Suggestion,
  type SuggestionReason,
  type Urgency,
} from './api';
import { fieldLabel, needLabel } from './parts';

interface Recipient {
  organizationId: string;
  serviceId: string | null;
  /** Known when picked from a suggestion; else the options answer names it. */
  label: string | null;
}

function localInput(d: Date): string {
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function SendReferral({ c, onSent, onCancel }: { c: CaseOut; onSent: (r: ReferralOut) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const needs = useQuery(needsQuery(c.id));
  const openNeeds = (needs.data ?? []).filter((n) => n.status === 'open');

  const [needIds, setNeedIds] = useState<string[]>([]);
  const [suggestFor, setSuggestFor] = useState<string>('');
  const [recipient, setRecipient] = useState<Recipient | null>(null);
  const [anyOrganization, setAnyOrganization] = useState<string | null>(null);
  const [fields, setFields] = useState<ReferralField[]>([]);
  const [override, setOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState<OverrideReason | ''>('');
  const [justification, setJustification] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('routine');
  const [respondBy, setRespondBy] = useState('');
  const [contactPreference, setContactPreference] = useState<ContactPreference>('through_case_worker');
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState<Record<string, boolean>>({});

  // One open need: it is the one. The suggestions follow the first need ticked unless another is picked.
  useEffect(() => {
    if (needs.data && openNeeds.length === 1 && needIds.length === 0) setNeedIds([openNeeds[0]!.id]);
  }, [needs.data]); // eslint-disable-line react-hooks/exhaustive-deps
  const suggestionNeed = needIds.includes(suggestFor) ? suggestFor : (needIds[0] ?? '');

  const options = useQuery({
    ...referralOptionsQuery(c.id, recipient?.organizationId ?? '', recipient?.serviceId ?? null),
    enabled: !!recipient,
  });
  const opt = options.data;
  // A new recipient: start from the default selection the server proposes.
  useEffect(() => {
    if (opt) {
      setFields(opt.defaultFields);
      setOverride(false);
    }
  }, [opt]);

  const hours = opt?.responseHours ?? defaultResponseHours;
  const impliedDeadline = (u: Urgency) => new Date(Date.now() + hours[u] * 3600_000);
  const consentMissing = !!opt && !opt.consent;
  // Without consent the server allows every field to a supervisor who overrides, and none to anyone else.
  const enabledFields: ReferralField[] = opt && (!consentMissing || override) ? opt.allowedFields : [];
  const sendable = !!opt && (!consentMissing || (opt.canOverride && override));

  const send = useMutation({
    mutationFn: () =>
      sendReferral(c.id, {
        organizationId: recipient!.organizationId,
        serviceId: recipient!.serviceId,
        needIds,
        urgency,
        respondBy: respondBy ? new Date(respondBy).toISOString() : null,
        message: message.trim() || null,
        contactPreference,
        sharedFields: fields,
        ...(consentMissing && override ? { override: { reason: overrideReason as OverrideReason, justification: justification.trim() } } : {}),
      }),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: referralKeys.ofCase(c.id) });
      void queryClient.invalidateQueries({ queryKey: referralKeys.all });
      void queryClient.invalidateQueries({ queryKey: caseKeys.history(c.id) });
      onSent(r);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems = {
      needIds: needIds.length === 0,
      organizationId: !recipient,
      overrideReason: consentMissing && override && !overrideReason,
      justification: consentMissing && override && !justification.trim(),
    };
    setMissing(problems);
    if (Object.values(problems).some(Boolean) || !sendable) return;
    send.mutate();
  }
  const err = send.error;
  const requiredText = t('errors.fields.required');
  const consentTab = (children: ReactNode) => (
    <Link to="/cases/$caseId" params={{ caseId: c.id }} search={{ tab: 'consent' }}>
      {children}
    </Link>
  );

  if (needs.isPending) return <Loading />;
  return (
    <section className="card send-referral" aria-labelledby="send-referral-title">
      <h3 id="send-referral-title">{t('referrals.send.title')}</h3>
      <ErrorAlert error={needs.error} />
      {needs.data && openNeeds.length === 0 ? (
        <div className="alert alert-info">
          <p>{t('referrals.send.noNeeds')}</p>
          <p>
            <Link to="/cases/$caseId" params={{ caseId: c.id }} search={{ tab: 'assessment' }}>
              {t('referrals.send.toAssessment')}
            </Link>
          </p>
        </div>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          {isApiError(err, 'consent_required') ? (
            <div role="alert" className="alert alert-error">
              {t('referrals.send.consentRequiredError')} {consentTab(t('referrals.send.toConsent'))}
            </div>
          ) : (
            <ErrorAlert error={err} />
          )}

          <ChoiceGroup
            legend={t('referrals.send.needs')}
            name="needIds"
            options={openNeeds.map((n) => ({ value: n.id, label: `${needLabel(n.type)} — ${labelOf(needSeverities, n.severity)}` }))}
            value={needIds}
            onChange={setNeedIds}
            hint={t('referrals.send.needsHint')}
            error={missing.needIds ? t('referrals.send.chooseNeed') : fieldError(err, 'needIds')}
          />

          <fieldset className="field recipient">
            <legend>{t('referrals.send.recipient')}</legend>
            {recipient ? (
              <p className="chosen-recipient">
                <span>{t('referrals.send.chosen')}</span> <strong>{recipient.label ?? opt?.recipient.name ?? '…'}</strong>{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setRecipient(null);
                    setAnyOrganization(null);
                  }}
                >
                  {t('referrals.send.changeRecipient')}
                </button>
              </p>
            ) : (
              <>
                {suggestionNeed ? (
                  <SuggestionList
                    caseId={c.id}
                    homeArea={c.person.homeArea}
                    needId={suggestionNeed}
                    needIds={needIds}
                    onNeedChange={setSuggestFor}
                    ownOrganizationId={me.organization.id}
                    onPick={(s) =>
                      setRecipient({ organizationId: s.service.organization.id, serviceId: s.service.id, label: `${s.service.name} — ${s.service.organization.name}` })
                    }
                  />
                ) : (
                  <p className="hint">{t('referrals.send.pickNeedFirst')}</p>
                )}
                <div className="any-organization">
                  <p>{t('referrals.send.anyOrganizationIntro')}</p>
                  <OrganizationSelect
                    label={t('referrals.send.anyOrganization')}
                    name="organizationId"
                    value={anyOrganization}
                    onChange={setAnyOrganization}
                    emptyLabel={t('common.choose')}
                    excludeId={me.organization.id}
                    error={missing.organizationId ? t('referrals.send.chooseRecipient') : fieldError(err, 'organizationId')}
                  />
                  <button
                    type="button"
                    className="button secondary"
                    disabled={!anyOrganization}
                    onClick={() => anyOrganization && setRecipient({ organizationId: anyOrganization, serviceId: null, label: null })}
                  >
                    {t('referrals.send.useOrganization')}
                  </button>
                </div>
              </>
            )}
            <FieldError
              id={undefined}
              error={recipient ? (fieldError(err, 'organizationId', 'serviceId') ?? fieldError(options.error, 'organizationId', 'serviceId')) : undefined}
            />
          </fieldset>

          {recipient && options.isPending ? <Loading /> : null}
          <ErrorAlert error={options.error} />

          {opt ? (
            <>
              <ConsentState opt={opt} consentTab={consentTab} />
              {consentMissing && opt.canOverride ? (
                <fieldset className="field override">
                  <legend>{t('referrals.override.title')}</legend>
                  <p className="hint">{t('referrals.override.hint')}</p>
                  <label className="choice">
                    <input type="checkbox" name="override" checked={override} onChange={(e) => setOverride(e.target.checked)} />
                    <span>{t('referrals.override.use')}</span>
                  </label>
                  {override ? (
                    <>
                      <ChoiceGroup
                        legend={t('referrals.override.reason')}
                        name="overrideReason"
                        type="radio"
                        options={overrideReasons.map((r) => ({ value: r, label: t(`referrals.overrideReasons.${r}`) }))}
                        value={overrideReason ? [overrideReason] : []}
                        onChange={(v) => setOverrideReason((v[0] as OverrideReason | undefined) ?? '')}
                        error={missing.overrideReason ? requiredText : fieldError(err, 'override.reason', 'override')}
                      />
                      <TextAreaField
                        label={t('referrals.override.justification')}
                        name="justification"
                        value={justification}
                        onChange={(e) => setJustification(e.target.value)}
                        rows={3}
                        maxLength={4000}
                        required
                        hint={t('referrals.override.justificationHint')}
                        error={missing.justification ? requiredText : fieldError(err, 'override.justification')}
                      />
                    </>
                  ) : null}
                </fieldset>
              ) : null}

              {sendable ? (
                <>
                  <SharedFields
                    enabled={enabledFields}
                    value={fields}
                    onChange={setFields}
                    notConsentedLink={opt.consent ? consentTab(t('referrals.send.toConsent')) : null}
                    error={fieldError(err, 'sharedFields')}
                  />
                  <ChoiceGroup
                    legend={t('referrals.labels.urgency')}
                    name="urgency"
                    type="radio"
                    options={urgencies.map((u) => ({
                      value: u,
                      label: t('referrals.send.urgencyOption', {
                        urgency: t(`referrals.urgency.${u}`),
                        within: t(`referrals.send.within.${u}`),
                        date: formatDateTime(impliedDeadline(u).toISOString()),
                      }),
                    }))}
                    value={[urgency]}
                    onChange={(v) => setUrgency((v[0] as Urgency | undefined) ?? 'routine')}
                    error={fieldError(err, 'urgency')}
                  />
                  <TextField
                    label={t('referrals.send.respondBy')}
                    name="respondBy"
                    type="datetime-local"
                    value={respondBy}
                    min={localInput(new Date())}
                    onChange={(e) => setRespondBy(e.target.value)}
                    hint={t('referrals.send.respondByHint', { date: formatDateTime(impliedDeadline(urgency).toISOString()) })}
                    error={fieldError(err, 'respondBy')}
                  />
                  <SelectField
                    label={t('referrals.labels.contactPreference')}
                    name="contactPreference"
                    value={contactPreference}
                    onChange={(e) => setContactPreference(e.target.value as ContactPreference)}
                    error={fieldError(err, 'contactPreference')}
                  >
                    {contactPreferences.map((p) => (
                      <option key={p} value={p}>
                        {t(`referrals.contactPreferences.${p}`)}
                      </option>
                    ))}
                  </SelectField>
                  <TextAreaField
                    label={t('referrals.labels.message')}
                    name="message"
                    value={message}
                    onChange={(e) => setMessage(e.target.value)}
                    rows={4}
                    maxLength={4000}
                    hint={t('referrals.send.messageHint')}
                    error={fieldError(err, 'message')}
                  />
                  <Preview
                    c={c}
                    recipientName={opt.recipient.name}
                    needIds={needIds}
                    needs={openNeeds}
                    fields={fields}
                    urgency={urgency}
                    deadline={respondBy ? new Date(respondBy).toISOString() : impliedDeadline(urgency).toISOString()}
                    contactPreference={contactPreference}
                    message={message}
                  />
                </>
              ) : null}
            </>
          ) : null}

          <div className="actions">
            {sendable || !recipient ? (
              <button type="submit" className="button" disabled={send.isPending}>
                {t('referrals.send.submit')}
              </button>
            ) : null}
            <button type="button" className="button secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** Services ranked for one need, each with its score and why. */
function SuggestionList({
  caseId,
  homeArea,
  needId,
  needIds,
  onNeedChange,
  ownOrganizationId,
  onPick,
}: {
  caseId: string;
  homeArea: HomeArea | null;
  needId: string;
  needIds: string[];
  onNeedChange: (id: string) => void;
  ownOrganizationId: string;
  onPick: (s: Suggestion) => void;
}) {
  const { t } = useTranslation();
  const needs = useQuery(needsQuery(caseId)).data ?? [];
  const q = useQuery(suggestionsQuery(caseId, needId));
  const items = (q.data?.items ?? []).filter((s) => s.service.organization.id !== ownOrganizationId).slice(0, 8);
  const id = useId();
  // Coverage reasons name an area code of the person's home (province, regency, district or village).
  const areaName = (code: string) => (homeArea ? [homeArea.province, homeArea.regency, homeArea.district, homeArea.village][code.split('.').length - 1] ?? null : null);
  return (
    <div className="suggestions" aria-labelledby={`${id}-title`} role="group">
      <h4 id={`${id}-title`}>{t('referrals.suggestions.title')}</h4>
      {needIds.length > 1 ? (
        <SelectField label={t('referrals.suggestions.forNeed')} name="suggestFor" value={needId} onChange={(e) => onNeedChange(e.target.value)}>
          {needIds.map((n) => (
            <option key={n} value={n}>
              {needLabel(needs.find((x) => x.id === n)?.type ?? n)}
            </option>
          ))}
        </SelectField>
      ) : (
        <p className="hint">{t('referrals.suggestions.forOne', { need: needLabel(needs.find((x) => x.id === needId)?.type ?? '') })}</p>
      )}
      {q.isPending ? <Loading /> : null}
      <ErrorAlert error={q.error} />
      {q.data && items.length === 0 ? <p>{t('referrals.suggestions.none')}</p> : null}
      <ol className="suggestion-list">
        {items.map((s) => (
          <li key={s.service.id} className="suggestion">
            <p className="suggestion-head">
              <strong>{s.service.name}</strong> <span className="muted">— {s.service.organization.name}</span>{' '}
              <span className="badge">{t('referrals.suggestions.score', { score: Math.round(s.score * 100) })}</span>
            </p>
            <ul className="reasons">
              {s.reasons.map((r, i) => {
                const good = !badReasons.has(r.code);
                return (
                  <li key={`${r.code}-${i}`} className={good ? 'reason-good' : 'reason-bad'}>
                    <span aria-hidden="true">{good ? '✓ ' : '✕ '}</span>
                    {reasonText(r, s, areaName)}
                  </li>
                );
              })}
            </ul>
            <button type="button" className="button secondary" onClick={() => onPick(s)} aria-label={t('referrals.suggestions.pickNamed', { name: s.service.name })}>
              {t('referrals.suggestions.pick')}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

const badReasons = new Set(['outside_area', 'no_common_language', 'language_unknown', 'not_eligible', 'no_capacity', 'capacity_unknown', 'accepts_rarely', 'answers_slowly', 'no_record']);

/** A reason in plain words: "Melayani Kabupaten Brebes", "Berbahasa Jawa", "Tempat tersedia: 3", … */
export function reasonText(
  r: SuggestionReason,
  s: Pick<Suggestion, 'capacity' | 'acceptanceRate' | 'meanResponseHours'>,
  areaName: (code: string) => string | null = () => null,
): string {
  const detail = r.detail ?? '';
  const own = (key: string, vars?: Record<string, string | number>) => tr(`referrals.reasons.${key}`, r.code, vars);
  switch (r.code) {
    case 'speaks_language':
      return detail ? own('speaks_language_named', { language: languageName(detail) }) : own(r.code);
    case 'covers_village':
    case 'covers_district':
    case 'covers_regency':
    case 'covers_province': {
      const area = detail ? areaName(detail) : null;
      return area ? own('covers_named', { area }) : own(r.code);
    }
    case 'serves_need': {
      const term = detail ? termByCode.get(detail) : undefined;
      // Mid-sentence: "Menangani kesehatan jiwa …".
      const name = term?.name[currentLanguage()];
      return name ? own('serves_named', { term: name.charAt(0).toLocaleLowerCase() + name.slice(1) }) : own(r.code);
    }
    case 'not_eligible':
      return detail ? own('not_eligible_named', { what: tr(`referrals.eligibility.${detail}`, detail) }) : own(r.code);
    case 'has_capacity': {
      const c = s.capacity;
      if (c && c.free !== null) return own('free_places', { count: c.free });
      if (c && c.maxOpenReferrals !== null) return own('open_slots', { count: Math.max(0, c.maxOpenReferrals - (c.openReferrals ?? 0)) });
      return own(r.code);
    }
    case 'accepts_often':
    case 'accepts_rarely':
      return s.acceptanceRate !== null ? own(`${r.code}_rate`, { percent: formatNumber(Math.round(s.acceptanceRate * 100)) }) : own(r.code);
    case 'answers_quickly':
    case 'answers_slowly': {
      const h = s.meanResponseHours;
      if (h === null) return own(r.code);
      return h < 24 ? own('answers_in_hours', { count: Math.max(1, Math.round(h)) }) : own('answers_in_days', { count: Math.max(1, Math.round(h / 24)) });
    }
    default:
      return own(r.code);
  }
}

/** The text under a key built at run time, interpolated, or the fallback when the key is unknown. */
function tr(key: string, fallback: string, vars?: Record<string, string | number>): string {
  return i18n.exists(key, vars) ? String(i18n.t(key as never, vars as never)) : fallback;
}

/** The consent this recipient is covered by, or the notice that there is none. */
function ConsentState({ opt, consentTab }: { opt: ReferralOptions; consentTab: (c: ReactNode) => ReactNode }) {
  const { t } = useTranslation();
  if (opt.consent)
    return (
      <p className="alert alert-success consent-state">
        <span aria-hidden="true">✓ </span>
        {t('referrals.send.consentActive', { name: opt.recipient.name, date: formatDate(opt.consent.givenAt) })}
      </p>
    );
  return (
    <div className="alert alert-warning consent-state" role="note">
      <p>
        <span aria-hidden="true">⚠ </span>
        <strong>{t('referrals.send.noConsent', { name: opt.recipient.name })}</strong>
      </p>
      <p>
        {t('referrals.send.noConsentText')} {consentTab(t('referrals.send.toConsent'))}
      </p>
    </div>
  );
}

/** One checkbox per field: enabled when allowed; the others say "not consented". */
function SharedFields({
  enabled,
  value,
  onChange,
  notConsentedLink,
  error,
}: {
  enabled: ReferralField[];
  value: ReferralField[];
  onChange: (v: ReferralField[]) => void;
  notConsentedLink: ReactNode;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const blocked = referralFieldCodes.filter((f) => !enabled.includes(f));
  return (
    <fieldset className="field choice-group shared-fields" aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')} aria-invalid={error ? true : undefined}>
      <legend>{t('referrals.send.sharedFields')}</legend>
      <p id={`${id}-hint`} className="hint">
        {t('referrals.send.sharedFieldsHint')}
        {blocked.length && notConsentedLink ? (
          <>
            {' '}
            {t('referrals.send.notConsentedHint')} {notConsentedLink}
          </>
        ) : null}
      </p>
      {referralFieldCodes.map((f) => {
        const allowed = enabled.includes(f);
        return (
          <label key={f} className={`choice${allowed ? '' : ' is-disabled'}`}>
            <input
              type="checkbox"
              name="sharedFields"
              value={f}
              checked={allowed && value.includes(f)}
              disabled={!allowed}
              onChange={(e) => onChange(e.target.checked ? [...value, f] : value.filter((x) => x !== f))}
            />
            <span>
              {fieldLabel(f)}
              {minimumFields.includes(f) ? <span className="muted"> · {t('referrals.send.minimum')}</span> : null}
              {allowed ? null : <span className="not-consented"> · {t('referrals.send.notConsented')}</span>}
            </span>
          </label>
        );
      })}
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  );
}

/** What the receiving organisation will see, from the case as it is now. */
function Preview({
  c,
  recipientName,
  needIds,
  needs,
  fields,
  urgency,
  deadline,
  contactPreference,
  message,
}: {
  c: CaseOut;
  recipientName: string;
  needIds: string[];
  needs: { id: string; type: string; severity: string; description: string | null }[];
  fields: ReferralField[];
  urgency: Urgency;
  deadline: string;
  contactPreference: ContactPreference;
  message: string;
}) {
  const { t } = useTranslation();
  const p = c.person;
  const chosenNeeds = needs.filter((n) => needIds.includes(n.id));
  const none = '—';
  const birthDate = p.birth?.kind === 'exact' ? formatDate(p.birth.date) : p.birth?.kind === 'estimated_year' ? t('referrals.person.birthYear', { year: p.birth.year }) : none;
  const value = (f: ReferralField): ReactNode => {
    switch (f) {
      case 'first_name':
        return p.fullName.split(/\s+/)[0] || none;
      case 'full_name':
        return p.fullName;
      case 'sex':
        return t(`persons.sex.${p.sex}`);
      case 'age_band':
        return p.age !== null ? t('referrals.ageBand', { band: ageBandOf(p.age) }) : none;
      case 'birth_date':
        return birthDate;
      case 'languages':
        return p.languages.map(languageName).join(', ') || none;
      case 'contact':
        return p.phones.join(', ') || none;
      case 'home_area':
        return p.homeArea ? [p.homeArea.village, p.homeArea.district, p.homeArea.regency, p.homeArea.province].filter(Boolean).join(', ') : none;
      case 'home_address':
        return p.homeAddress || none;
      case 'identity_documents':
        return p.documents.map((d) => `${textOr(`persons.documentType.${d.type}`, d.type)}: ${d.number}`).join('; ') || none;
      case 'disabilities':
        return p.disabilities.map((d) => textOr(`persons.disability.${d}`, d)).join(', ') || none;
      case 'screening':
        return t('referrals.preview.screening');
      case 'case_summary':
        return c.summary || none;
      case 'needs':
        return t('referrals.preview.needDetails');
    }
  };
  return (
    <section className="preview" aria-labelledby="referral-preview-title">
      <h4 id="referral-preview-title">{t('referrals.preview.title', { name: recipientName })}</h4>
      <dl className="summary compact">
        <dt>{t('referrals.labels.reference')}</dt>
        <dd>{c.reference}</dd>
        <dt>{t('referrals.labels.needs')}</dt>
        <dd>
          {chosenNeeds.length
            ? chosenNeeds
                .map((n) => (fields.includes('needs') ? `${needLabel(n.type)} (${labelOf(needSeverities, n.severity)})` : needLabel(n.type)))
                .join(', ')
            : none}
        </dd>
        <dt>{t('referrals.labels.urgency')}</dt>
        <dd>{t(`referrals.urgency.${urgency}`)}</dd>
        <dt>{t('referrals.labels.respondBy')}</dt>
        <dd>{formatDateTime(deadline)}</dd>
        <dt>{t('referrals.labels.contactPreference')}</dt>
        <dd>{t(`referrals.contactPreferences.${contactPreference}`)}</dd>
        <dt>{t('referrals.labels.message')}</dt>
        <dd className="pre">{message.trim() || none}</dd>
        {referralFieldCodes
          .filter((f) => f !== 'needs' && fields.includes(f))
          .map((f) => (
            <div className="dl-row" key={f}>
              <dt>{fieldLabel(f)}</dt>
              <dd>{value(f)}</dd>
            </div>
          ))}
      </dl>
      <p className="hint">{t('referrals.preview.note')}</p>
    </section>
  );
}
