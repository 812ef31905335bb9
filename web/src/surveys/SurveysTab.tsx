// The case tab "Survei": the arrival date (set here by hand for someone already home), the
// surveys it schedules with due and overdue badges, the survey form (the active model's questions,
// grouped by dimension, each a radio group in the reader's language), the result of a survey (three
// dimension scores and the composite, between 0 and 1 and as percentages) and the trend.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import type { CaseOut } from '../cases/api';
import { caseKeys } from '../cases/api';
import { OverdueBadge } from '../cases/CaseBadges';
import { formatDate } from '../i18n';
import { fieldError } from '../i18n/errors';
import { ChoiceGroup, FieldError, SelectField, TextAreaField, TextField } from '../ui/Field';
import { ErrorAlert, Loading, StatusMessage } from '../ui/Messages';
import {
  activeModelQuery,
  caseSurveysQuery,
  conductSurvey,
  daysBetween,
  dimensions,
  modelQuery,
  setArrival,
  SURVEY_TASK_LEAD_DAYS,
  surveyQuery,
  todayInJakarta,
  updateSurvey,
  type CaseSurveys,
  type ModelDefinition,
  type SurveyDetail,
  type SurveyItem,
} from './api';
import { bilingual, scoreWithPercent } from './format';
import { TrendCharts } from './TrendChart';
import './surveys.css';
import { closureKeys } from '../closure/api';

export function SurveysTab({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(caseSurveysQuery(c.id));
  const mayEdit = c.can.update && c.stage !== 'closed';
  // The survey being recorded: a scheduled one, or null for one outside the schedule.
  const [doing, setDoing] = useState<{ survey: SurveyItem | null } | null>(null);
  const [result, setResult] = useState<SurveyDetail | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  return (
    <div className="surveys">
      <StatusMessage tone="success">{message}</StatusMessage>
      {isPending ? <Loading /> : null}
      <ErrorAlert error={error} />
      {data ? (
        <>
          <Arrival c={c} data={data} mayEdit={mayEdit} onSaved={setMessage} />
          {result ? (
            <section className="card survey-result" aria-labelledby="survey-result-title">
              <h3 id="survey-result-title" ref={resultRef} tabIndex={-1}>
                {t('surveys.result.title')}
              </h3>
              <ScoreList survey={result} />
              <button type="button" className="button secondary" onClick={() => setResult(null)}>
                {t('surveys.result.close')}
              </button>
            </section>
          ) : null}
          {doing ? (
            <SurveyForm
              c={c}
              survey={doing.survey}
              arrivedOn={data.arrivedOn}
              onDone={(r) => {
                setDoing(null);
                setResult(r);
                setMessage(t('surveys.form.saved'));
              }}
              onCancel={() => setDoing(null)}
            />
          ) : null}
          <Schedule
            data={data}
            mayEdit={mayEdit}
            onDo={(survey) => {
              setMessage(null);
              setResult(null);
              setDoing({ survey });
            }}
            onMarked={setMessage}
            caseId={c.id}
          />
          {mayEdit && !doing ? (
            <p>
              <button
                type="button"
                className="button secondary"
                onClick={() => {
                  setMessage(null);
                  setResult(null);
                  setDoing({ survey: null });
                }}
              >
                {t('surveys.form.unscheduled')}
              </button>
            </p>
          ) : null}
          <section aria-labelledby="survey-trend-title">
            <h3 id="survey-trend-title">{t('surveys.trend.title')}</h3>
            <TrendCharts trend={data.trend} />
          </section>
        </>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Arrival

function Arrival({ c, data, mayEdit, onSaved }: { c: CaseOut; data: CaseSurveys; mayEdit: boolean; onSaved: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(!data.arrivedOn);
  const [value, setValue] = useState(data.arrivedOn ?? '');
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: () => setArrival(c.id, { arrivedOn: value, version: c.version }),
    onSuccess: (out) => {
      queryClient.setQueryData(caseSurveysQuery(c.id).queryKey, out);
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.myTasks });
      // The closure checklist asks for the last survey.
      void queryClient.invalidateQueries({ queryKey: closureKeys.all });
      setEditing(false);
      onSaved(t('surveys.arrival.saved', { date: formatDate(out.arrivedOn) }));
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id), exact: true });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setMissing(!value);
    if (value) save.mutate();
  }
  const err = save.error;
  return (
    <section aria-labelledby="arrival-title">
      <h3 id="arrival-title">{t('surveys.arrival.title')}</h3>
      {data.arrivedOn ? (
        <p>
          {t('surveys.arrival.on', { date: formatDate(data.arrivedOn) })} {t('surveys.arrival.months', { months: data.months.join(', ') })}
        </p>
      ) : (
        <p>{t('surveys.arrival.none', { months: data.months.join(', ') })}</p>
      )}
      {mayEdit && editing ? (
        <form className="form card" onSubmit={submit} noValidate aria-labelledby="arrival-form-title">
          <h4 id="arrival-form-title">{data.arrivedOn ? t('surveys.arrival.change') : t('surveys.arrival.set')}</h4>
          {isApiError(err, 'version_conflict') ? (
            <p role="alert" className="alert alert-warning">
              {t('surveys.arrival.conflict')}
            </p>
          ) : (
            <ErrorAlert error={err} />
          )}
          <TextField
            label={t('surveys.arrival.date')}
            name="arrivedOn"
            type="date"
            max={todayInJakarta()}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            hint={t('surveys.arrival.hint')}
            error={missing ? t('errors.fields.required') : fieldError(err, 'arrivedOn')}
          />
          <div className="actions">
            <button type="submit" className="button" disabled={save.isPending}>
              {t('surveys.arrival.save')}
            </button>
            {data.arrivedOn ? (
              <button type="button" className="button secondary" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
      {mayEdit && !editing ? (
        <p>
          <button type="button" className="button secondary" onClick={() => setEditing(true)}>
            {t('surveys.arrival.change')}
          </button>
        </p>
      ) : null}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// The schedule and the surveys done

/** "Survei ke-1 · 3 bulan setelah kedatangan", or "Survei di luar jadwal". */
export function surveyTitle(t: TFunction, s: Pick<SurveyItem, 'round' | 'monthsAfterArrival'>): string {
  return s.round ? t('surveys.round', { round: s.round, months: s.monthsAfterArrival ?? 0 }) : t('surveys.unscheduled');
}

function StatusBadges({ s }: { s: SurveyItem }) {
  const { t } = useTranslation();
  const today = todayInJakarta();
  const inDays = s.dueOn ? daysBetween(today, s.dueOn) : null;
  return (
    <span className="survey-badges">
      <span className={`badge survey-status survey-${s.status}`}>{t(`surveys.status.${s.status}`)}</span>
      <OverdueBadge overdue={s.overdue} />
      {s.status === 'scheduled' && !s.overdue && inDays !== null && inDays <= SURVEY_TASK_LEAD_DAYS ? (
        <span className="badge pending">{t('surveys.dueSoon', { count: inDays })}</span>
      ) : null}
    </span>
  );
}

function Schedule({ data, mayEdit, onDo, onMarked, caseId }: { data: CaseSurveys; mayEdit: boolean; onDo: (s: SurveyItem) => void; onMarked: (m: string) => void; caseId: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="survey-schedule-title">
      <h3 id="survey-schedule-title">{t('surveys.schedule')}</h3>
      {data.items.length === 0 ? <p>{data.arrivedOn ? t('surveys.noneYet') : t('surveys.noSchedule')}</p> : null}
      <ul className="survey-list">
        {data.items.map((s) => (
          <SurveyCard key={s.id} s={s} mayEdit={mayEdit} onDo={onDo} onMarked={onMarked} caseId={caseId} />
        ))}
      </ul>
    </section>
  );
}

function SurveyCard({ s, mayEdit, onDo, onMarked, caseId }: { s: SurveyItem; mayEdit: boolean; onDo: (s: SurveyItem) => void; onMarked: (m: string) => void; caseId: string }) {
  const { t } = useTranslation();
  const [marking, setMarking] = useState(false);
  const title = surveyTitle(t, s);
  return (
    <li className={`survey-card survey-card-${s.status}${s.overdue ? ' is-overdue' : ''}`}>
      <article aria-labelledby={`survey-${s.id}`}>
        <h4 id={`survey-${s.id}`}>
          {title} <StatusBadges s={s} />
        </h4>
        <dl className="summary compact">
          {s.dueOn ? (
            <>
              <dt>{t('surveys.labels.dueOn')}</dt>
              <dd>{formatDate(s.dueOn)}</dd>
            </>
          ) : null}
          {s.conductedOn ? (
            <>
              <dt>{t('surveys.labels.conducted')}</dt>
              <dd>{t('surveys.conductedBy', { date: formatDate(s.conductedOn), name: s.conductedBy?.displayName ?? '—' })}</dd>
            </>
          ) : null}
          {s.scores ? (
            <>
              <dt>{t('surveys.series.composite')}</dt>
              <dd>{scoreWithPercent(s.scores.composite)}</dd>
            </>
          ) : null}
        </dl>
        {s.status === 'done' ? <SurveyAnswers s={s} /> : null}
        {mayEdit && s.status === 'scheduled' && !marking ? (
          <div className="actions">
            <button type="button" className="button" onClick={() => onDo(s)} aria-label={t('surveys.form.doNamed', { title })}>
              {t('surveys.form.do')}
            </button>
            <button type="button" className="button secondary" onClick={() => setMarking(true)} aria-label={t('surveys.missed.openNamed', { title })}>
              {t('surveys.missed.open')}
            </button>
          </div>
        ) : null}
        {marking ? (
          <MarkMissed
            s={s}
            title={title}
            caseId={caseId}
            onDone={(m) => {
              setMarking(false);
              onMarked(m);
            }}
            onCancel={() => setMarking(false)}
          />
        ) : null}
      </article>
    </li>
  );
}

/** The three dimension scores and the composite of a survey done. */
function ScoreList({ survey }: { survey: SurveyItem }) {
  const { t, i18n } = useTranslation();
  const model = useQuery({ ...modelQuery(survey.model?.id ?? ''), enabled: !!survey.model });
  if (!survey.scores) return null;
  const sc = survey.scores;
  return (
    <>
      <dl className="summary score-list">
        {dimensions.map((d) => (
          <div key={d} className="dl-row">
            <dt>{t(`surveys.series.${d}`)}</dt>
            <dd>
              <ScoreBar value={sc[d]} />
            </dd>
          </div>
        ))}
        <div className="dl-row">
          <dt>{t('surveys.series.composite')}</dt>
          <dd>
            <strong>
              <ScoreBar value={sc.composite} />
            </strong>
          </dd>
        </div>
      </dl>
      <p className="muted small">
        {t('surveys.result.answered', { count: sc.answered })}
        {model.data ? ` ${t('surveys.result.model', { name: bilingual(model.data.name, i18n.language), version: model.data.version })}` : null}
      </p>
      {model.data ? <p className="muted small">{bilingual(model.data.definition.basis, i18n.language)}</p> : null}
    </>
  );
}

function ScoreBar({ value }: { value: number }) {
  return (
    <span className="score">
      <span className="score-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(value * 100)}%` }} />
      </span>
      <span className="score-text">{scoreWithPercent(value)}</span>
    </span>
  );
}

/** The answers of a survey done, read (and audited) only when opened. */
function SurveyAnswers({ s }: { s: SurveyItem }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="survey-answers" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('surveys.answers.show')}</summary>
      {open ? <AnswersBody s={s} /> : null}
    </details>
  );
}

function AnswersBody({ s }: { s: SurveyItem }) {
  const { t, i18n } = useTranslation();
  const detail = useQuery(surveyQuery(s.id));
  const model = useQuery({ ...modelQuery(s.model?.id ?? ''), enabled: !!s.model });
  if (detail.isPending || (s.model && model.isPending)) return <Loading />;
  if (detail.error || model.error) return <ErrorAlert error={detail.error ?? model.error} />;
  const answers = detail.data?.answers ?? {};
  const def = model.data?.definition;
  return (
    <>
      <ScoreList survey={s} />
      {def ? (
        <dl className="summary compact answers">
          {def.questions.map((q) => {
            const o = q.options.find((x) => x.code === answers[q.code]);
            return (
              <div key={q.code} className="dl-row">
                <dt>{bilingual(q.text, i18n.language)}</dt>
                <dd>{o ? bilingual(o.label, i18n.language) : t('surveys.form.notAsked')}</dd>
              </div>
            );
          })}
        </dl>
      ) : null}
    </>
  );
}

function MarkMissed({ s, title, caseId, onDone, onCancel }: { s: SurveyItem; title: string; caseId: string; onDone: (m: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<'missed' | 'cancelled'>('missed');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: () => updateSurvey(s.id, { version: s.version, status, reason: reason.trim() }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.myTasks });
      // The closure checklist asks for the last survey.
      void queryClient.invalidateQueries({ queryKey: closureKeys.all });
      onDone(t('surveys.missed.saved', { title, status: t(`surveys.status.${status}`) }));
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setMissing(!reason.trim());
    if (reason.trim()) save.mutate();
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('surveys.missed.formLabel', { title })}>
      {isApiError(save.error, 'version_conflict') ? (
        <p role="alert" className="alert alert-warning">
          {t('surveys.conflict')}
        </p>
      ) : (
        <ErrorAlert error={save.error} />
      )}
      <SelectField label={t('surveys.missed.status')} name="status" value={status} onChange={(e) => setStatus(e.target.value as 'missed' | 'cancelled')}>
        <option value="missed">{t('surveys.status.missed')}</option>
        <option value="cancelled">{t('surveys.status.cancelled')}</option>
      </SelectField>
      <TextAreaField
        label={t('surveys.missed.reason')}
        name="reason"
        rows={2}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={missing ? t('errors.fields.required') : fieldError(save.error, 'reason')}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// The survey form

function SurveyForm({
  c,
  survey,
  arrivedOn,
  onDone,
  onCancel,
}: {
  c: CaseOut;
  survey: SurveyItem | null;
  arrivedOn: string | null;
  onDone: (r: SurveyDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const model = useQuery(activeModelQuery());
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const title = survey ? surveyTitle(t, survey) : t('surveys.unscheduled');
  return (
    <section className="card survey-form" aria-labelledby="survey-form-title">
      <h3 id="survey-form-title" ref={heading} tabIndex={-1}>
        {t('surveys.form.title', { title })}
      </h3>
      {model.isPending ? <Loading /> : null}
      <ErrorAlert error={model.error} />
      {model.data ? <SurveyFields c={c} survey={survey} arrivedOn={arrivedOn} model={model.data.definition} onDone={onDone} onCancel={onCancel} /> : null}
    </section>
  );
}

function SurveyFields({
  c,
  survey,
  arrivedOn,
  model,
  onDone,
  onCancel,
}: {
  c: CaseOut;
  survey: SurveyItem | null;
  arrivedOn: string | null;
  model: ModelDefinition;
  onDone: (r: SurveyDetail) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const today = todayInJakarta();
  const [conductedOn, setConductedOn] = useState(today);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      conductSurvey(c.id, {
        surveyId: survey?.id ?? null,
        conductedOn,
        answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v)),
      }),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.myTasks });
      onDone(r);
    },
  });
  const err = save.error;
  const answered = Object.values(answers).filter(Boolean).length;
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="muted small">
        {bilingual(model.name, lang)} · {t('surveys.form.version', { version: model.version })}
      </p>
      <p className="hint">{t('surveys.form.hint')}</p>
      {isApiError(err, 'too_few_answers') ? (
        <div role="alert" className="alert alert-error">
          {t('surveys.form.tooFew')}
        </div>
      ) : (
        <ErrorAlert error={err} />
      )}
      <TextField
        label={t('surveys.labels.conductedOn')}
        name="conductedOn"
        type="date"
        min={arrivedOn ?? undefined}
        max={today}
        required
        value={conductedOn}
        onChange={(e) => setConductedOn(e.target.value)}
        error={fieldError(err, 'conductedOn')}
      />
      {dimensions.map((d) => {
        const indicators = model.indicators.filter((i) => i.dimension === d).map((i) => i.code);
        const questions = model.questions.filter((q) => indicators.includes(q.indicator));
        const dimError = fieldError(err, `dimensions.${d}`);
        return (
          <fieldset key={d} className={`survey-dimension${dimError ? ' has-error' : ''}`} aria-describedby={dimError ? `dim-${d}-error` : undefined}>
            <legend>{t(`surveys.series.${d}`)}</legend>
            <FieldError id={`dim-${d}-error`} error={dimError} />
            {questions.map((q) => (
              <ChoiceGroup
                key={q.code}
                legend={bilingual(q.text, lang)}
                name={`q-${q.code}`}
                type="radio"
                options={[...q.options.map((o) => ({ value: o.code, label: bilingual(o.label, lang) })), { value: '', label: t('surveys.form.notAsked') }]}
                value={[answers[q.code] ?? '']}
                onChange={([v]) => setAnswers((a) => ({ ...a, [q.code]: v ?? '' }))}
                error={fieldError(err, `answers.${q.code}`)}
              />
            ))}
          </fieldset>
        );
      })}
      <p className="muted small" aria-live="polite">
        {t('surveys.form.answered', { count: answered, total: model.questions.length })}
      </p>
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('surveys.form.submit')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
