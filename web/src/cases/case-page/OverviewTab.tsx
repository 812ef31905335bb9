// Overview: the person in brief (with a link to their record), the case's own fields (editable with
// case.update; saved with the version it was based on), and what needs attention: consent status,
// open needs and the next tasks.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { caseTypes, directions, riskLevels, type CaseType, type Direction, type RiskLevel } from '../../api/types';
import { currentLanguage, formatDate, formatDateTime } from '../../i18n';
import { fieldError } from '../../i18n/errors';
import { ChoiceGroup, SelectField, TextAreaField } from '../../ui/Field';
import { ErrorAlert, Loading, StatusMessage } from '../../ui/Messages';
import { caseKeys, caseQuery, countriesQuery, countryName, settableFlags, updateCase, type CaseOut, type SettableFlag } from '../api';
import { OverdueBadge } from '../CaseBadges';
import { consentPurposes, consentsQuery, needsQuery, tasksQuery, type Consent } from './api';
import { FormConflictNotice, storedVersion } from './conflict';
import { CountryPicker } from './CountryPicker';
import { labelOf, needSeverities, needTypes } from './vocab';

export function OverviewTab({ c }: { c: CaseOut }) {
  return (
    <div className="overview">
      <PersonSummary c={c} />
      <CaseFieldsSection c={c} />
      <ConsentSummary c={c} />
      <OpenNeeds c={c} />
      <NextTasks c={c} />
    </div>
  );
}

function PersonSummary({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const p = c.person;
  const area = p.homeArea ? [p.homeArea.village, p.homeArea.district, p.homeArea.regency, p.homeArea.province].filter(Boolean).join(', ') : null;
  return (
    <section className="card" aria-labelledby="ov-person">
      <h3 id="ov-person">{t('cases.overview.person')}</h3>
      <dl className="summary">
        <dt>{t('cases.person.name')}</dt>
        <dd>{p.fullName}</dd>
        <dt>{t('cases.person.sex')}</dt>
        <dd>{t(`cases.person.sexes.${p.sex}`)}</dd>
        <dt>{t('cases.person.age')}</dt>
        <dd>
          {p.age === null ? t('cases.person.ageUnknown') : t('cases.person.years', { count: p.age })}
          {p.isChild ? <span className="badge flag flag-child">{t('caseTerms.flag.child')}</span> : null}
        </dd>
        <dt>{t('cases.person.homeArea')}</dt>
        <dd>{area ?? '—'}</dd>
      </dl>
      <p>
        <Link to="/persons/$personId" params={{ personId: p.id }}>
          {t('cases.overview.openPerson', { name: p.fullName })}
        </Link>
      </p>
    </section>
  );
}

interface EditState {
  caseType: CaseType;
  direction: Direction;
  destinationCountries: string[];
  riskLevel: RiskLevel;
  flags: SettableFlag[];
  summary: string;
}
const toEdit = (c: CaseOut): EditState => ({
  caseType: c.caseType,
  direction: c.direction,
  destinationCountries: [...c.destinationCountries],
  riskLevel: c.riskLevel,
  flags: c.flags.filter((f): f is SettableFlag => (settableFlags as readonly string[]).includes(f)),
  summary: c.summary ?? '',
});

function CaseFieldsSection({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const lang = currentLanguage();
  const countries = useQuery(countriesQuery()).data?.items;
  const [form, setForm] = useState<EditState | null>(null);
  const [version, setVersion] = useState(c.version);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  const save = useMutation({
    mutationFn: (f: EditState) =>
      updateCase(c.id, {
        version,
        caseType: f.caseType,
        direction: f.direction,
        destinationCountries: f.destinationCountries,
        riskLevel: f.riskLevel,
        flags: f.flags,
        summary: f.summary.trim() || null,
      }),
    onMutate: () => {
      setSaved(false);
    },
    onSuccess: (out) => {
      queryClient.setQueryData(caseKeys.detail(c.id), out);
      void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
      void queryClient.invalidateQueries({ queryKey: caseKeys.history(c.id) });
      setConflict(false);
      setForm(null);
      setSaved(true);
      requestAnimationFrame(() => editButton.current?.focus());
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) {
        // Someone else saved first: show what is stored now, keep what was typed, base the next save on it.
        const current = storedVersion<CaseOut>(err);
        if (current) {
          queryClient.setQueryData(caseKeys.detail(c.id), current);
          setVersion(current.version);
        } else {
          void queryClient.fetchQuery({ ...caseQuery(c.id), staleTime: 0 }).then((fresh) => setVersion(fresh.version));
        }
        setConflict(true);
      }
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (form) save.mutate(form);
  }

  const err = save.error;
  return (
    <section className="card" aria-labelledby="ov-case">
      <h3 id="ov-case">{t('cases.overview.case')}</h3>
      <StatusMessage tone="success">{saved ? t('common.saved') : null}</StatusMessage>
      {conflict ? <FormConflictNotice /> : null}
      <dl className="summary">
        <dt>{t('cases.fields.caseType')}</dt>
        <dd>{t(`caseTerms.caseType.${c.caseType}`)}</dd>
        <dt>{t('cases.fields.direction')}</dt>
        <dd>{t(`caseTerms.direction.${c.direction}`)}</dd>
        <dt>{t('cases.fields.destinationCountries')}</dt>
        <dd>{c.destinationCountries.map((code) => countryName(countries, code, lang)).join(', ') || '—'}</dd>
        <dt>{t('cases.fields.riskLevel')}</dt>
        <dd>{t(`caseTerms.risk.${c.riskLevel}`)}</dd>
        <dt>{t('cases.fields.flags')}</dt>
        <dd>{c.flags.map((f) => t(`caseTerms.flag.${f}`)).join(', ') || '—'}</dd>
        <dt>{t('cases.fields.province')}</dt>
        <dd>{c.provinceName ?? '—'}</dd>
        <dt>{t('cases.fields.summary')}</dt>
        <dd className="pre">{c.summary || '—'}</dd>
        <dt>{t('cases.fields.openedAt')}</dt>
        <dd>{formatDateTime(c.openedAt)}</dd>
        <dt>{t('cases.fields.createdBy')}</dt>
        <dd>{c.createdBy?.displayName ?? '—'}</dd>
        <dt>{t('common.updatedAt')}</dt>
        <dd>{formatDateTime(c.updatedAt)}</dd>
      </dl>
      {c.can.update && c.stage === 'closed' ? <p className="muted">{t('cases.overview.closedNoEdit')}</p> : null}
      {c.can.update && c.stage !== 'closed' && !form ? (
        <button
          type="button"
          className="button secondary"
          ref={editButton}
          onClick={() => {
            setForm(toEdit(c));
            setVersion(c.version);
            setConflict(false);
            setSaved(false);
            save.reset();
          }}
        >
          {t('cases.overview.edit')}
        </button>
      ) : null}
      {form ? (
        <form className="form" onSubmit={submit} aria-labelledby="ov-edit-title">
          <h4 id="ov-edit-title">{t('cases.overview.editTitle')}</h4>
          {err && !isApiError(err, 'version_conflict') ? <ErrorAlert error={err} /> : null}
          <SelectField
            label={t('cases.fields.caseType')}
            name="caseType"
            value={form.caseType}
            onChange={(e) => setForm({ ...form, caseType: e.target.value as CaseType })}
            error={fieldError(err, 'caseType')}
            autoFocus
          >
            {caseTypes.map((v) => (
              <option key={v} value={v}>
                {t(`caseTerms.caseType.${v}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('cases.fields.direction')}
            name="direction"
            value={form.direction}
            onChange={(e) => setForm({ ...form, direction: e.target.value as Direction })}
            error={fieldError(err, 'direction')}
          >
            {directions.map((v) => (
              <option key={v} value={v}>
                {t(`caseTerms.direction.${v}`)}
              </option>
            ))}
          </SelectField>
          <CountryPicker
            legend={t('cases.fields.destinationCountries')}
            name="destinationCountries"
            value={form.destinationCountries}
            onChange={(v) => setForm({ ...form, destinationCountries: v })}
            error={fieldError(err, 'destinationCountries')}
          />
          <SelectField
            label={t('cases.fields.riskLevel')}
            name="riskLevel"
            value={form.riskLevel}
            onChange={(e) => setForm({ ...form, riskLevel: e.target.value as RiskLevel })}
            error={fieldError(err, 'riskLevel')}
          >
            {riskLevels.map((v) => (
              <option key={v} value={v}>
                {t(`caseTerms.risk.${v}`)}
              </option>
            ))}
          </SelectField>
          <ChoiceGroup
            legend={t('cases.fields.flags')}
            name="flags"
            options={settableFlags.map((f) => ({ value: f, label: t(`caseTerms.flag.${f}`) }))}
            value={form.flags}
            onChange={(v) => setForm({ ...form, flags: v as SettableFlag[] })}
            hint={t('cases.overview.childDerived')}
            error={fieldError(err, 'flags')}
          />
          <TextAreaField
            label={t('cases.fields.summary')}
            name="summary"
            value={form.summary}
            onChange={(e) => setForm({ ...form, summary: e.target.value })}
            rows={4}
            maxLength={4000}
            error={fieldError(err, 'summary')}
          />
          <div className="actions">
            <button type="submit" className="button" disabled={save.isPending}>
              {t('common.save')}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setForm(null);
                setConflict(false);
                save.reset();
                requestAnimationFrame(() => editButton.current?.focus());
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

/** The latest record per purpose decides the status shown. */
export function consentStatus(consents: Consent[], purpose: string): 'none' | 'given' | 'refused' | 'withdrawn' {
  const latest = consents.filter((x) => x.purpose === purpose).sort((a, b) => (a.givenAt < b.givenAt ? 1 : -1))[0];
  if (!latest) return 'none';
  if (latest.withdrawnAt) return 'withdrawn';
  return latest.decision;
}

function ConsentSummary({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(consentsQuery(c.id));
  return (
    <section className="card" aria-labelledby="ov-consent">
      <h3 id="ov-consent">{t('cases.overview.consent')}</h3>
      {isPending ? <Loading /> : null}
      <ErrorAlert error={error} />
      {data ? (
        <dl className="summary">
          {consentPurposes.map((p) => {
            const s = consentStatus(data, p);
            return (
              <div key={p} className="dl-row">
                <dt>{t(`cases.consent.purposes.${p}`)}</dt>
                <dd>
                  <span className={`badge consent-${s}`}>{t(`cases.consent.status.${s}`)}</span>
                </dd>
              </div>
            );
          })}
        </dl>
      ) : null}
      <p>
        <Link to="/cases/$caseId" params={{ caseId: c.id }} search={{ tab: 'consent' }}>
          {t('cases.overview.toConsent')}
        </Link>
      </p>
    </section>
  );
}

function OpenNeeds({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(needsQuery(c.id));
  const open = (data ?? []).filter((n) => n.status === 'open');
  return (
    <section className="card" aria-labelledby="ov-needs">
      <h3 id="ov-needs">{t('cases.overview.openNeeds')}</h3>
      {isPending ? <Loading /> : null}
      <ErrorAlert error={error} />
      {data ? (
        open.length ? (
          <ul className="plain-list">
            {open.map((n) => (
              <li key={n.id}>
                {labelOf(needTypes, n.type)} — <span className={`badge severity-${n.severity}`}>{labelOf(needSeverities, n.severity)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('cases.overview.noOpenNeeds')}</p>
        )
      ) : null}
      <p>
        <Link to="/cases/$caseId" params={{ caseId: c.id }} search={{ tab: 'assessment' }}>
          {t('cases.overview.toAssessment')}
        </Link>
      </p>
    </section>
  );
}

function NextTasks({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(tasksQuery(c.id));
  const next = (data ?? [])
    .filter((x) => x.status === 'open')
    .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'))
    .slice(0, 5);
  return (
    <section className="card" aria-labelledby="ov-tasks">
      <h3 id="ov-tasks">{t('cases.overview.nextTasks')}</h3>
      {isPending ? <Loading /> : null}
      <ErrorAlert error={error} />
      {data ? (
        next.length ? (
          <ul className="plain-list">
            {next.map((x) => (
              <li key={x.id} className={x.overdue ? 'is-overdue' : undefined}>
                {x.title} {x.dueOn ? <span className="muted">· {t('cases.tasks.dueOn', { date: formatDate(x.dueOn) })}</span> : null}{' '}
                <OverdueBadge overdue={x.overdue} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('cases.overview.noTasks')}</p>
        )
      ) : null}
      <p>
        <Link to="/cases/$caseId" params={{ caseId: c.id }} search={{ tab: 'tasks' }}>
          {t('cases.overview.toTasks')}
        </Link>
      </p>
    </section>
  );
}
