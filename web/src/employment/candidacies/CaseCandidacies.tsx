// The candidacies of a case, the partner's answers, placements and the follow-ups at 1, 3 and 6 months.
// Each candidacy shows its status and steps; a placement its terms and its follow-ups (the due
// ones with a form to record them; overdue ones marked); a reported problem shows as an alert.
// The case side withdraws a candidacy until hired, and records the end of a placement.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { CaseOut } from '../../cases/api';
import { formatDate } from '../../i18n';
import { fieldError } from '../../i18n/errors';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { ErrorAlert, Loading, StatusMessage } from '../../ui/Messages';
import {
  candidacyKeys,
  caseCandidaciesQuery,
  endPlacement,
  placementEndReasons,
  recordFollowUp,
  withdrawCandidacy,
  workProblems,
  type Candidacy,
  type FollowUp,
  type Placement,
  type PlacementEndReason,
  type WorkProblem,
} from './api';
import { CandidacyBadges, CandidacyEvents, CandidacyFacts, PlacementFacts, term } from './parts';

/** Today in Asia/Jakarta, as the server counts days. */
export const todayJakarta = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Jakarta' });

const order = (a: Candidacy, b: Candidacy) => {
  const rank = (c: Candidacy) => (c.alert ? 0 : c.status === 'rejected' || c.status === 'withdrawn' ? 2 : 1);
  return rank(a) - rank(b) || (a.putForwardAt < b.putForwardAt ? 1 : -1);
};

export function CaseCandidacies({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(caseCandidaciesQuery(c.id));
  const [message, setMessage] = useState<string | null>(null);
  const items = [...(data ?? [])].sort(order);
  const alerts = items.filter((x) => x.alert).length;
  return (
    <section aria-labelledby="case-candidacies-title" className="case-candidacies">
      <h3 id="case-candidacies-title">{t('candidacies.case.title')}</h3>
      {isPending ? <Loading /> : null}
      <ErrorAlert error={error} />
      <StatusMessage tone="success">{message}</StatusMessage>
      {alerts ? (
        <p className="alert alert-error">
          <span aria-hidden="true">⚠ </span>
          {t('candidacies.alert.summary', { count: alerts })}
        </p>
      ) : null}
      {data && !items.length ? <p>{t('candidacies.case.none')}</p> : null}
      <ul className="candidacy-cards">
        {items.map((x) => (
          <CaseCandidacy key={x.id} x={x} caseId={c.id} editable={c.can.update} onDone={setMessage} />
        ))}
      </ul>
    </section>
  );
}

function CaseCandidacy({ x, caseId, editable, onDone }: { x: Candidacy; caseId: string; editable: boolean; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () => withdrawCandidacy(x.id, { version: x.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId] });
      void queryClient.invalidateQueries({ queryKey: candidacyKeys.all });
      onDone(t('candidacies.case.withdrawn', { opening: x.opening.title }));
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict') || isApiError(err, 'transition_not_allowed')) void queryClient.invalidateQueries({ queryKey: candidacyKeys.ofCase(caseId) });
    },
  });
  const problems = (x.placement?.followUps ?? []).filter((f) => f.alert);
  return (
    <li className={`candidacy-card${x.alert ? ' has-alert' : ''}`}>
      <article aria-labelledby={`candidacy-${x.id}`}>
        <h4 id={`candidacy-${x.id}`}>
          <Link to="/candidates/$candidacyId" params={{ candidacyId: x.id }}>
            {x.opening.title} — {x.partner.name}
          </Link>
        </h4>
        <CandidacyBadges c={x} />
        {x.alert ? (
          <div className="alert alert-error candidacy-alert" role="note">
            <p>
              <strong>{t('candidacies.alert.title')}</strong>
            </p>
            {problems.map((f) => (
              <p key={f.id}>
                {t('candidacies.alert.followUp', { month: f.month })}: {f.problems.map((p) => term('workProblems', p)).join(', ') || t('candidacies.alert.conditions')}
                {f.conditionsAsPromised === false && f.problems.length ? ` — ${t('candidacies.alert.conditions')}` : ''}
              </p>
            ))}
            {x.placement?.endReason === 'dismissed' ? <p>{t('candidacies.alert.dismissed')}</p> : null}
          </div>
        ) : null}
        <CandidacyFacts c={x} />
        <details className="candidacy-steps">
          <summary>{t('candidacies.case.steps', { count: x.events.length })}</summary>
          <CandidacyEvents events={x.events} />
        </details>
        {x.placement ? <PlacementSection p={x.placement} caseId={caseId} editable={editable} onDone={onDone} /> : null}
        {x.canWithdraw && editable ? (
          <div className="actions">
            {withdraw.error ? <ErrorAlert error={withdraw.error} /> : null}
            <ConfirmButton
              label={t('candidacies.case.withdraw')}
              title={t('candidacies.case.withdrawTitle')}
              message={<p>{t('candidacies.case.withdrawText', { partner: x.partner.name })}</p>}
              danger
              disabled={withdraw.isPending}
              onConfirm={() => withdraw.mutate()}
            />
          </div>
        ) : null}
      </article>
    </li>
  );
}

function PlacementSection({ p, caseId, editable, onDone }: { p: Placement; caseId: string; editable: boolean; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const [ending, setEnding] = useState(false);
  return (
    <section className="placement" aria-label={t('candidacies.placement.title')}>
      <h5>{t('candidacies.placement.title')}</h5>
      <PlacementFacts p={p} />
      <h5>{t('candidacies.followUps.title')}</h5>
      <ul className="follow-ups">
        {(p.followUps ?? []).map((f) => (
          <FollowUpItem key={f.id} f={f} p={p} caseId={caseId} editable={editable} onDone={onDone} />
        ))}
      </ul>
      {editable && !p.endedOn ? (
        ending ? (
          <EndPlacementForm p={p} caseId={caseId} onCancel={() => setEnding(false)} onDone={(m) => (setEnding(false), onDone(m))} />
        ) : (
          <p>
            <button type="button" className="button secondary" onClick={() => setEnding(true)}>
              {t('candidacies.placement.end')}
            </button>
          </p>
        )
      ) : null}
    </section>
  );
}

function followUpState(f: FollowUp) {
  if (f.status === 'done') return 'candidacies.followUps.done' as const;
  if (f.status === 'cancelled' || f.status === 'missed') return 'candidacies.followUps.cancelled' as const;
  if (f.overdue) return 'candidacies.followUps.overdue' as const;
  if (f.due) return 'candidacies.followUps.due' as const;
  return 'candidacies.followUps.scheduled' as const;
}

function FollowUpItem({ f, p, caseId, editable, onDone }: { f: FollowUp; p: Placement; caseId: string; editable: boolean; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const canRecord = editable && f.status === 'scheduled' && f.due;
  return (
    <li className={`follow-up${f.overdue ? ' is-overdue' : ''}${f.alert ? ' has-alert' : ''}`}>
      <p>
        <strong>{t('candidacies.followUps.month', { count: f.month })}</strong> — {formatDate(f.dueOn)} ·{' '}
        <span className={f.overdue ? 'deadline-overdue' : undefined}>
          {f.overdue ? <span aria-hidden="true">⚠ </span> : null}
          {t(followUpState(f))}
        </span>
      </p>
      {f.status === 'done' ? (
        <dl className="summary compact">
          <dt>{t('candidacies.followUps.stillEmployed')}</dt>
          <dd>{f.stillEmployed ? t('candidacies.yes') : t('candidacies.no')}</dd>
          <dt>{t('candidacies.followUps.conditionsAsPromised')}</dt>
          <dd>{f.conditionsAsPromised ? t('candidacies.yes') : t('candidacies.no')}</dd>
          <dt>{t('candidacies.followUps.problems')}</dt>
          <dd>{f.problems.map((x) => term('workProblems', x)).join(', ') || t('candidacies.followUps.noProblems')}</dd>
          {f.note ? (
            <>
              <dt>{t('candidacies.followUps.note')}</dt>
              <dd className="pre">{f.note}</dd>
            </>
          ) : null}
          <dt>{t('candidacies.followUps.conductedOn')}</dt>
          <dd>{t('candidacies.followUps.conductedBy', { date: formatDate(f.conductedOn), name: f.conductedBy?.displayName ?? '—' })}</dd>
        </dl>
      ) : null}
      {canRecord ? (
        open ? (
          <FollowUpForm f={f} p={p} caseId={caseId} onCancel={() => setOpen(false)} onDone={(m) => (setOpen(false), onDone(m))} />
        ) : (
          <button type="button" className="button" onClick={() => setOpen(true)}>
            {t('candidacies.followUps.record', { count: f.month })}
          </button>
        )
      ) : null}
    </li>
  );
}

function YesNo({ legend, name, value, onChange, error }: { legend: string; name: string; value: boolean | null; onChange: (v: boolean) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <ChoiceGroup
      legend={legend}
      name={name}
      type="radio"
      options={[
        { value: 'yes', label: t('candidacies.yes') },
        { value: 'no', label: t('candidacies.no') },
      ]}
      value={value === null ? [] : [value ? 'yes' : 'no']}
      onChange={(v) => onChange(v[0] === 'yes')}
      error={error}
    />
  );
}

function FollowUpForm({ f, p, caseId, onCancel, onDone }: { f: FollowUp; p: Placement; caseId: string; onCancel: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [stillEmployed, setStillEmployed] = useState<boolean | null>(null);
  const [conditions, setConditions] = useState<boolean | null>(null);
  const [problems, setProblems] = useState<WorkProblem[]>([]);
  const [note, setNote] = useState('');
  const [conductedOn, setConductedOn] = useState(todayJakarta());
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const save = useMutation({
    mutationFn: () =>
      recordFollowUp(p.id, f.month, { version: f.version, stillEmployed: stillEmployed!, conditionsAsPromised: conditions!, problems, note: note.trim() || null, conductedOn }),
    onSuccess: (c) => {
      queryClient.setQueryData(candidacyKeys.detail(c.id), c);
      void queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      onDone(c.alert && (problems.length || conditions === false) ? t('candidacies.followUps.savedAlert') : t('candidacies.followUps.saved'));
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) void queryClient.invalidateQueries({ queryKey: candidacyKeys.ofCase(caseId) });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const m = { stillEmployed: stillEmployed === null, conditions: conditions === null, conductedOn: !conductedOn };
    setMissing(m);
    if (Object.values(m).some(Boolean)) return;
    save.mutate();
  }
  const required = t('errors.fields.required');
  return (
    <form className="form follow-up-form" onSubmit={submit} noValidate aria-label={t('candidacies.followUps.record', { count: f.month })}>
      <ErrorAlert error={save.error} />
      <YesNo legend={t('candidacies.followUps.stillEmployed')} name={`stillEmployed-${f.id}`} value={stillEmployed} onChange={setStillEmployed} error={missing.stillEmployed ? required : undefined} />
      <YesNo
        legend={t('candidacies.followUps.conditionsAsPromised')}
        name={`conditions-${f.id}`}
        value={conditions}
        onChange={setConditions}
        error={missing.conditions ? required : undefined}
      />
      <ChoiceGroup
        legend={t('candidacies.followUps.problems')}
        name={`problems-${f.id}`}
        hint={t('candidacies.followUps.problemsHint')}
        options={workProblems.map((x) => ({ value: x, label: term('workProblems', x) }))}
        value={problems}
        onChange={(v) => setProblems(v as WorkProblem[])}
        error={fieldError(save.error, 'problems')}
      />
      <TextAreaField
        label={t('candidacies.followUps.note')}
        name="note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        rows={3}
        maxLength={4000}
        hint={t('candidacies.followUps.noteHint')}
        error={fieldError(save.error, 'note')}
      />
      <TextField
        label={t('candidacies.followUps.conductedOn')}
        name="conductedOn"
        type="date"
        value={conductedOn}
        max={todayJakarta()}
        onChange={(e) => setConductedOn(e.target.value)}
        required
        error={missing.conductedOn ? required : fieldError(save.error, 'conductedOn')}
      />
      <div className="actions">
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button" disabled={save.isPending}>
          {t('candidacies.followUps.submit')}
        </button>
      </div>
    </form>
  );
}

/** The end of a placement, from either side: the last day and why. */
export function EndPlacementForm({ p, caseId, onCancel, onDone }: { p: Placement; caseId: string | null; onCancel: () => void; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const [endedOn, setEndedOn] = useState(todayJakarta());
  const [reason, setReason] = useState<PlacementEndReason | ''>('');
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: () => endPlacement(p.id, { version: p.version, endedOn, reason: reason as PlacementEndReason }),
    onSuccess: (c) => {
      queryClient.setQueryData(candidacyKeys.detail(c.id), c);
      void queryClient.invalidateQueries({ queryKey: candidacyKeys.all });
      if (caseId) void queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId] });
      onDone(t('candidacies.placement.endSaved'));
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setMissing(!reason || !endedOn);
    if (reason && endedOn) save.mutate();
  }
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h5 id={`${id}-title`}>{t('candidacies.placement.end')}</h5>
      <ErrorAlert error={save.error} />
      <TextField
        label={t('candidacies.placement.endedOn')}
        name="endedOn"
        type="date"
        value={endedOn}
        max={todayJakarta()}
        onChange={(e) => setEndedOn(e.target.value)}
        required
        error={fieldError(save.error, 'endedOn')}
      />
      <SelectField
        label={t('candidacies.placement.endReason')}
        name="reason"
        value={reason}
        onChange={(e) => setReason(e.target.value as PlacementEndReason | '')}
        required
        error={missing && !reason ? t('errors.fields.required') : fieldError(save.error, 'reason')}
      >
        <option value="">{t('common.choose')}</option>
        {placementEndReasons.map((r) => (
          <option key={r} value={r}>
            {term('endReasons', r)}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button" disabled={save.isPending}>
          {t('candidacies.placement.endSubmit')}
        </button>
      </div>
    </form>
  );
}
