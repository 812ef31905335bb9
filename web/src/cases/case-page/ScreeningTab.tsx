// Trafficking screening with the HTCDS picklists (labels from src/cases/screening.ts), saved whole
// with PUT and the version it was based on; the determination (presumed, confirmed, not a victim)
// is shown to everyone who can read the case and recorded by those with case.determine.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { currentLanguage, formatDate, formatDateTime } from '../../i18n';
import { fieldError } from '../../i18n/errors';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { ErrorAlert, Loading, StatusMessage } from '../../ui/Messages';
import { caseKeys, countriesQuery, countryName, type CaseOut } from '../api';
import { partKeys, recordDetermination, saveScreening, screeningQuery, type Screening, type ScreeningInput } from './api';
import { FormConflictNotice, storedVersion } from './conflict';
import { CountryPicker } from './CountryPicker';
import { determinations, exploitationTypes, industries, labelOf, meansOfControl, options, recruiterRelationships, recruitmentMethods } from './vocab';
import { VocabOptions } from './VocabOptions';

const toInput = (s: Screening): ScreeningInput => ({
  exploitationTypes: [...s.exploitationTypes],
  meansOfControl: [...s.meansOfControl],
  recruitmentMethods: [...s.recruitmentMethods],
  recruiterRelationship: s.recruiterRelationship,
  industries: [...s.industries],
  exploitationCountries: [...s.exploitationCountries],
  exploitationStart: s.exploitationStart,
  exploitationEnd: s.exploitationEnd,
  notes: s.notes,
});

export function ScreeningTab({ c }: { c: CaseOut }) {
  const query = useQuery(screeningQuery(c.id));
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} />;
  return (
    <>
      {c.can.update ? <ScreeningForm c={c} screening={query.data} /> : <ScreeningSummary s={query.data} />}
      <DeterminationSection c={c} screening={query.data} />
    </>
  );
}

function ScreeningSummary({ s }: { s: Screening }) {
  const { t } = useTranslation();
  const countries = useQuery(countriesQuery()).data?.items;
  const lang = currentLanguage();
  const list = (l: readonly { code: string; label: { en: string; id: string } }[], codes: string[]) => codes.map((x) => labelOf(l, x)).join(', ') || '—';
  return (
    <dl className="summary">
      <dt>{t('cases.screening.exploitationTypes')}</dt>
      <dd>{list(exploitationTypes, s.exploitationTypes)}</dd>
      <dt>{t('cases.screening.meansOfControl')}</dt>
      <dd>{list(meansOfControl, s.meansOfControl)}</dd>
      <dt>{t('cases.screening.recruitmentMethods')}</dt>
      <dd>{list(recruitmentMethods, s.recruitmentMethods)}</dd>
      <dt>{t('cases.screening.recruiterRelationship')}</dt>
      <dd>{s.recruiterRelationship ? labelOf(recruiterRelationships, s.recruiterRelationship) : '—'}</dd>
      <dt>{t('cases.screening.industries')}</dt>
      <dd>{list(industries, s.industries)}</dd>
      <dt>{t('cases.screening.exploitationCountries')}</dt>
      <dd>{s.exploitationCountries.map((x) => countryName(countries, x, lang)).join(', ') || '—'}</dd>
      <dt>{t('cases.screening.period')}</dt>
      <dd>{s.exploitationStart || s.exploitationEnd ? `${formatDate(s.exploitationStart) || '…'} – ${formatDate(s.exploitationEnd) || '…'}` : '—'}</dd>
      <dt>{t('cases.screening.notes')}</dt>
      <dd className="pre">{s.notes || '—'}</dd>
    </dl>
  );
}

function ScreeningForm({ c, screening }: { c: CaseOut; screening: Screening }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ScreeningInput>(() => toInput(screening));
  const [version, setVersion] = useState(screening.version);
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);

  // A newer copy from the server replaces an untouched form.
  useEffect(() => {
    if (!dirty && screening.version !== version) {
      setForm(toInput(screening));
      setVersion(screening.version);
    }
  }, [screening.version]); // eslint-disable-line react-hooks/exhaustive-deps

  const change = (patch: Partial<ScreeningInput>) => {
    setForm((f) => ({ ...f, ...patch }));
    setDirty(true);
    setSaved(false);
  };

  const save = useMutation({
    mutationFn: () =>
      saveScreening(c.id, {
        ...form,
        notes: form.notes?.trim() ? form.notes : null,
        exploitationStart: form.exploitationStart || null,
        exploitationEnd: form.exploitationEnd || null,
        version,
      }),
    onSuccess: (s) => {
      queryClient.setQueryData(partKeys.screening(c.id), s);
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id), exact: true });
      setVersion(s.version);
      setForm(toInput(s));
      setDirty(false);
      setConflict(false);
      setSaved(true);
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) {
        const current = storedVersion<Screening>(err);
        if (current) {
          queryClient.setQueryData(partKeys.screening(c.id), current);
          setVersion(current.version);
        } else {
          void queryClient.fetchQuery({ ...screeningQuery(c.id), staleTime: 0 }).then((s) => setVersion(s.version));
        }
        setConflict(true);
      }
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  const err = save.error;
  return (
    <form className="form screening-form" onSubmit={submit}>
      {conflict ? <FormConflictNotice /> : null}
      {err && !isApiError(err, 'version_conflict') ? <ErrorAlert error={err} /> : null}
      <p className="hint">{t('cases.screening.intro')}</p>
      <ChoiceGroup
        legend={t('cases.screening.exploitationTypes')}
        name="exploitationTypes"
        options={options(exploitationTypes)}
        value={form.exploitationTypes}
        onChange={(v) => change({ exploitationTypes: v })}
        error={fieldError(err, 'exploitationTypes')}
      />
      <ChoiceGroup
        legend={t('cases.screening.meansOfControl')}
        name="meansOfControl"
        options={options(meansOfControl)}
        value={form.meansOfControl}
        onChange={(v) => change({ meansOfControl: v })}
        error={fieldError(err, 'meansOfControl')}
      />
      <ChoiceGroup
        legend={t('cases.screening.recruitmentMethods')}
        name="recruitmentMethods"
        options={options(recruitmentMethods)}
        value={form.recruitmentMethods}
        onChange={(v) => change({ recruitmentMethods: v })}
        error={fieldError(err, 'recruitmentMethods')}
      />
      <SelectField
        label={t('cases.screening.recruiterRelationship')}
        name="recruiterRelationship"
        value={form.recruiterRelationship ?? ''}
        onChange={(e) => change({ recruiterRelationship: e.target.value || null })}
        error={fieldError(err, 'recruiterRelationship')}
      >
        <option value="">{t('cases.screening.notRecorded')}</option>
        <VocabOptions list={recruiterRelationships} />
      </SelectField>
      <ChoiceGroup
        legend={t('cases.screening.industries')}
        name="industries"
        options={options(industries)}
        value={form.industries}
        onChange={(v) => change({ industries: v })}
        error={fieldError(err, 'industries')}
      />
      <CountryPicker
        legend={t('cases.screening.exploitationCountries')}
        name="exploitationCountries"
        value={form.exploitationCountries}
        onChange={(v) => change({ exploitationCountries: v })}
        error={fieldError(err, 'exploitationCountries')}
      />
      <fieldset className="field">
        <legend>{t('cases.screening.period')}</legend>
        <div className="two-up">
          <TextField
            label={t('cases.screening.start')}
            name="exploitationStart"
            type="date"
            value={form.exploitationStart ?? ''}
            onChange={(e) => change({ exploitationStart: e.target.value || null })}
            error={fieldError(err, 'exploitationStart')}
          />
          <TextField
            label={t('cases.screening.end')}
            name="exploitationEnd"
            type="date"
            value={form.exploitationEnd ?? ''}
            min={form.exploitationStart ?? undefined}
            onChange={(e) => change({ exploitationEnd: e.target.value || null })}
            error={fieldError(err, 'exploitationEnd')}
          />
        </div>
      </fieldset>
      <TextAreaField
        label={t('cases.screening.notes')}
        name="notes"
        value={form.notes ?? ''}
        onChange={(e) => change({ notes: e.target.value })}
        rows={4}
        maxLength={8000}
        error={fieldError(err, 'notes')}
      />
      <StatusMessage tone="success">{saved ? t('cases.screening.saved') : null}</StatusMessage>
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('cases.screening.save')}
        </button>
      </div>
      {screening.updatedAt && screening.version > 0 ? (
        <p className="muted">
          {t('cases.screening.lastSaved', { when: formatDateTime(screening.updatedAt), who: screening.updatedBy?.displayName ?? '—' })}
        </p>
      ) : null}
    </form>
  );
}

function DeterminationSection({ c, screening }: { c: CaseOut; screening: Screening }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState(screening.determination ?? '');
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState(false);
  const record = useMutation({
    mutationFn: () => recordDetermination(c.id, { version: screening.version, determination: choice }),
    onMutate: () => setSaved(false),
    onSuccess: (s) => {
      queryClient.setQueryData(partKeys.screening(c.id), s);
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
      setConflict(false);
      setSaved(true);
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) {
        const current = storedVersion<Screening>(err);
        if (current) queryClient.setQueryData(partKeys.screening(c.id), current);
        else void queryClient.invalidateQueries({ queryKey: partKeys.screening(c.id) });
        setConflict(true);
      }
    },
  });
  const err = record.error;
  return (
    <section className="card determination" aria-labelledby="det-title">
      <h3 id="det-title">{t('cases.screening.determination')}</h3>
      {screening.determination ? (
        <p>
          <strong>{labelOf(determinations, screening.determination)}</strong>
          <br />
          <span className="muted">
            {t('cases.screening.determinedBy', { who: screening.determinedBy?.displayName ?? '—', when: formatDateTime(screening.determinedAt) })}
          </span>
        </p>
      ) : (
        <p>{t('cases.screening.noDetermination')}</p>
      )}
      {c.can.determine ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (choice) record.mutate();
          }}
        >
          {conflict ? (
            <div role="alert" className="alert alert-warning">
              {t('cases.conflict.determination')}
            </div>
          ) : null}
          {err && !isApiError(err, 'version_conflict') ? <ErrorAlert error={err} /> : null}
          <ChoiceGroup
            legend={t('cases.screening.recordDetermination')}
            name="determination"
            type="radio"
            options={options(determinations)}
            value={choice ? [choice] : []}
            onChange={(v) => setChoice(v[0] ?? '')}
            error={fieldError(err, 'determination')}
          />
          <StatusMessage tone="success">{saved ? t('cases.screening.determinationSaved') : null}</StatusMessage>
          <div className="actions">
            <button type="submit" className="button" disabled={!choice || record.isPending}>
              {t('cases.screening.saveDetermination')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
