// Intake (/cases/new): a short step-by-step form that works on a phone — the person, identity and
// contact, the case, review and save — with the duplicate panel beside it (below on a phone).
// All steps share one state, so moving between steps or getting an error never loses what was typed.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { caseTypes, directions, riskLevels } from '../api/types';
import { can, useMe } from '../auth/me';
import { caseKeys, createCase, personQuery, settableFlags, type MatchCandidate } from '../cases/api';
import { fieldErrorText } from '../i18n/errors';
import { CountryMultiPicker } from '../persons/CountryFields';
import { DuplicatePanel, useMatchCandidates } from '../persons/DuplicatePanel';
import { PersonBasicFields, PersonIdentityFields } from '../persons/PersonFields';
import { matchOf, type PersonFormState } from '../persons/personForm';
import { NoAccess } from '../shell/NotFoundPage';
import { ChoiceGroup, SelectField, TextAreaField } from '../ui/Field';
import { ErrorAlert } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import { bare, caseOf, checkStep, emptyIntake, stepOfField, steps, type IntakeState, type Step } from './form';
import { Review } from './Review';
import './intake.css';

const route = getRouteApi('/app/cases/new');

export function IntakePage() {
  const me = useMe();
  if (!can(me, 'case.create')) return <NoAccess />;
  return <Intake />;
}

function Intake() {
  const { t } = useTranslation();
  usePageTitle(t('intake.title'));
  const { personId } = route.useSearch();
  const navigate = useNavigate();
  const routeNavigate = route.useNavigate();
  const queryClient = useQueryClient();

  const [form, setForm] = useState<IntakeState>(emptyIntake);
  const [step, setStep] = useState<Step>(personId ? 'case' : 'person');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);

  const chosen = useQuery({ ...personQuery(personId ?? ''), enabled: !!personId });

  const save = useMutation({
    mutationFn: () => createCase(caseOf(form, personId)),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.all });
      void navigate({ to: '/cases/$caseId', params: { caseId: c.id } });
    },
    onError: (err) => {
      // Open the step holding the first field error.
      if (err instanceof ApiError && err.fields) {
        const first = Object.keys(err.fields)[0];
        if (first) go(personId && stepOfField(first) !== 'case' ? 'case' : stepOfField(first));
      }
    },
  });

  const serverFields: Record<string, string> = {};
  if (save.error instanceof ApiError && save.error.fields) for (const [k, v] of Object.entries(save.error.fields)) serverFields[bare(k)] = v;
  const errors: Record<string, string> = { ...serverFields, ...localErrors };
  const err = (path: string) => fieldErrorText(errors[path]);
  const stepHasError = (s: Step) => Object.keys(errors).some((k) => stepOfField(k) === s && !(personId && s !== 'case'));

  useEffect(() => {
    if (!focusHeading.current) return;
    focusHeading.current = false;
    // Focus the first field in error of the step, else its heading.
    const invalid = document.querySelector<HTMLElement>('.intake-form [aria-invalid="true"]');
    (invalid ?? headingRef.current)?.focus();
  }, [step, save.error]);

  function go(s: Step) {
    focusHeading.current = true;
    setStep(s);
  }

  function set<K extends keyof IntakeState>(key: K, value: IntakeState[K]) {
    setForm((f) => ({ ...f, [key]: value }));
    if (localErrors[key as string]) setLocalErrors(({ [key as string]: _, ...rest }) => rest);
  }

  const setPerson = <K extends keyof PersonFormState>(key: K, value: PersonFormState[K]) => set(key, value as IntakeState[K]);

  const visibleSteps: Step[] = personId ? ['case', 'review'] : [...steps];
  const index = visibleSteps.indexOf(step);

  function next(e: FormEvent) {
    e.preventDefault();
    const problems = checkStep(step, form, !!personId);
    setLocalErrors(problems);
    if (Object.keys(problems).length) {
      focusHeading.current = true;
      setStep(step);
      setTimeout(() => document.querySelector<HTMLElement>('.intake-form [aria-invalid="true"]')?.focus(), 0);
      return;
    }
    if (step === 'review') {
      // Check every step once more before saving.
      for (const s of visibleSteps) {
        const p = checkStep(s, form, !!personId);
        if (Object.keys(p).length) {
          setLocalErrors(p);
          go(s);
          return;
        }
      }
      save.mutate();
      return;
    }
    const following = visibleSteps[index + 1];
    if (following) go(following);
  }

  function choosePerson(c: MatchCandidate) {
    setLocalErrors({});
    save.reset();
    void routeNavigate({ search: { personId: c.personId }, replace: true });
    go('case');
  }

  function dropPerson() {
    void routeNavigate({ search: {}, replace: true });
    go('person');
  }

  const matchQuery = matchOf(form);
  const { candidates } = useMatchCandidates(personId ? {} : matchQuery);

  const otherErrors = Object.entries(serverFields).filter(([k]) => personId && stepOfField(k) !== 'case');

  return (
    <>
      <div className="page-head">
        <h1>{t('intake.title')}</h1>
      </div>
      <p className="muted">{t('intake.intro')}</p>
      <div className="intake-layout">
        <div className="intake-main">
          <nav aria-label={t('intake.steps.label')} className="step-nav">
            <ol>
              {visibleSteps.map((s, i) => (
                <li key={s}>
                  <button
                    type="button"
                    className="step-button"
                    aria-current={s === step ? 'step' : undefined}
                    onClick={() => go(s)}
                  >
                    <span className="step-number" aria-hidden="true">
                      {i + 1}
                    </span>
                    <span>{t(`intake.steps.${s}`)}</span>
                    {stepHasError(s) ? <span className="step-error">⚠<span className="visually-hidden"> {t('intake.steps.hasErrors')}</span></span> : null}
                  </button>
                </li>
              ))}
            </ol>
          </nav>

          {personId ? (
            <div className="alert alert-info chosen-person">
              <p>
                {t('intake.usingPerson')}{' '}
                <strong>{chosen.data?.fullName ?? (chosen.isError ? t('intake.personUnavailable') : t('common.loading'))}</strong>
                {chosen.data ? (
                  <>
                    {' '}
                    ·{' '}
                    <Link to="/persons/$personId" params={{ personId }} target="_blank" rel="noopener">
                      {t('intake.openPerson')}
                      <span className="visually-hidden"> {t('persons.duplicates.newTab')}</span>
                    </Link>
                  </>
                ) : null}
              </p>
              <button type="button" className="button secondary" onClick={dropPerson}>
                {t('intake.newPersonInstead')}
              </button>
            </div>
          ) : null}

          <form className="intake-form form" noValidate onSubmit={next} aria-labelledby="intake-step-title">
            <h2 id="intake-step-title" ref={headingRef} tabIndex={-1}>
              {t('intake.stepOf', { n: index + 1, total: visibleSteps.length })} {t(`intake.steps.${step}`)}
            </h2>
            {!personId && candidates.length > 0 && step !== 'review' ? (
              <p className="alert alert-warning duplicate-notice">
                {t('persons.duplicates.notice', { count: candidates.length })} <a href="#duplicates">{t('persons.duplicates.noticeLink')}</a>
              </p>
            ) : null}
            {save.error ? <ErrorAlert error={save.error} /> : null}
            {otherErrors.length ? (
              <ul className="field-error">
                {otherErrors.map(([k, v]) => (
                  <li key={k}>
                    {k}: {fieldErrorText(v)}
                  </li>
                ))}
              </ul>
            ) : null}

            {step === 'person' ? (
              <fieldset className="step-fieldset">
                <legend className="visually-hidden">{t('intake.steps.person')}</legend>
                <PersonBasicFields value={form} set={setPerson} err={err} />
              </fieldset>
            ) : null}
            {step === 'identity' ? (
              <fieldset className="step-fieldset">
                <legend className="visually-hidden">{t('intake.steps.identity')}</legend>
                <PersonIdentityFields value={form} set={setPerson} err={err} />
              </fieldset>
            ) : null}
            {step === 'case' ? <CaseFields form={form} set={set} err={err} /> : null}
            {step === 'review' ? <Review form={form} personName={personId ? (chosen.data?.fullName ?? null) : null} onEdit={go} /> : null}

            <div className="actions step-actions">
              {index > 0 ? (
                <button type="button" className="button secondary" onClick={() => go(visibleSteps[index - 1]!)}>
                  {t('common.back')}
                </button>
              ) : null}
              <button type="submit" className="button" disabled={save.isPending}>
                {step === 'review' ? (save.isPending ? t('intake.saving') : t('intake.save')) : t('common.next')}
              </button>
            </div>
          </form>
        </div>

        <aside className="intake-side" aria-label={t('persons.duplicates.title')}>
          {personId ? null : (
            <DuplicatePanel
              id="duplicates"
              query={matchQuery}
              newTab
              intro={t('intake.duplicatesIntro')}
              action={(c) => (
                <button type="button" className="button secondary" onClick={() => choosePerson(c)}>
                  {t('intake.useThisPerson')}
                  <span className="visually-hidden"> {c.person?.fullName}</span>
                </button>
              )}
            />
          )}
        </aside>
      </div>
    </>
  );
}

function CaseFields({
  form: f,
  set,
  err,
}: {
  form: IntakeState;
  set: <K extends keyof IntakeState>(key: K, value: IntakeState[K]) => void;
  err: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="step-fieldset">
      <legend className="visually-hidden">{t('intake.steps.case')}</legend>
      <SelectField label={t('intake.fields.caseType')} name="caseType" required value={f.caseType} onChange={(e) => set('caseType', e.target.value as IntakeState['caseType'])} error={err('caseType')}>
        <option value="">{t('common.choose')}</option>
        {caseTypes.map((c) => (
          <option key={c} value={c}>
            {t(`caseTerms.caseType.${c}`)}
          </option>
        ))}
      </SelectField>
      <ChoiceGroup
        legend={t('intake.fields.direction')}
        name="direction"
        type="radio"
        options={directions.map((d) => ({ value: d, label: t(`caseTerms.direction.${d}`) }))}
        value={f.direction ? [f.direction] : []}
        onChange={(v) => set('direction', (v[0] ?? '') as IntakeState['direction'])}
        error={err('direction')}
      />
      <CountryMultiPicker
        legend={t('intake.fields.destinationCountries')}
        hint={f.direction === 'outbound' ? t('intake.fields.destinationHintOutbound') : t('intake.fields.destinationHint')}
        name="destinationCountries"
        value={f.destinationCountries}
        onChange={(v) => set('destinationCountries', v)}
        error={err('destinationCountries')}
      />
      <SelectField label={t('intake.fields.riskLevel')} name="riskLevel" required value={f.riskLevel} onChange={(e) => set('riskLevel', e.target.value as IntakeState['riskLevel'])} error={err('riskLevel')}>
        <option value="">{t('common.choose')}</option>
        {riskLevels.map((r) => (
          <option key={r} value={r}>
            {t(`caseTerms.risk.${r}`)}
          </option>
        ))}
      </SelectField>
      <ChoiceGroup
        legend={t('intake.fields.flags')}
        hint={t('intake.fields.flagsHint')}
        name="flags"
        options={settableFlags.map((fl) => ({ value: fl, label: t(`caseTerms.flag.${fl}`) }))}
        value={f.flags}
        onChange={(v) => set('flags', v as IntakeState['flags'])}
        error={err('flags')}
      />
      <TextAreaField
        label={t('intake.fields.summary')}
        hint={t('intake.fields.summaryHint')}
        name="summary"
        rows={4}
        maxLength={4000}
        value={f.summary}
        onChange={(e) => set('summary', e.target.value)}
        error={err('summary')}
      />
      <label className="choice">
        <input type="checkbox" name="assignToMe" checked={f.assignToMe} onChange={(e) => set('assignToMe', e.target.checked)} />
        <span>{t('intake.fields.assignToMe')}</span>
      </label>
      {err('assignToMe') ? <p className="field-error">{err('assignToMe')}</p> : null}
    </fieldset>
  );
}
