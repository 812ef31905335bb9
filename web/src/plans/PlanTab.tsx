// The case tab "Rencana": the plan in force (approved) by dimension with its budget and progress
// on each item; the version being worked on (draft, submitted or returned) with its editor,
// submission, and for a supervisor the approval or return; and every version, each readable with
// what changed against the approved version before it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { caseKeys, type CaseOut } from '../cases/api';
import { formatDate, formatDateTime } from '../i18n';
import { fieldError } from '../i18n/errors';
import { ConfirmButton } from '../ui/ConfirmButton';
import { SelectField, TextAreaField } from '../ui/Field';
import { ErrorAlert, Loading, StatusMessage } from '../ui/Messages';
import {
  approvePlan,
  casePlansQuery,
  formatRupiah,
  outcomeRequiredFor,
  planKeys,
  planQuery,
  recordProgress,
  removeItem,
  returnPlan,
  startPlan,
  submitPlan,
  updatePlan,
  type ItemStatus,
  type Plan,
  type PlanItem,
  type PlanVersion,
} from './api';
import { ItemForm } from './ItemForm';
import { BudgetSummary, ItemsByDimension, PlanFacts, PlanStatusBadge, RemovedItems } from './PlanParts';
import './plans.css';
import { closureKeys } from '../closure/api';

type Say = (message: string) => void;

/** After any change: the plan's queries, the case's history (and the case, for its version). */
function useRefresh(caseId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: planKeys.all });
    void queryClient.invalidateQueries({ queryKey: caseKeys.history(caseId) });
    void queryClient.invalidateQueries({ queryKey: ['group-activities'] });
    // The closure checklist counts the plan's items.
    void queryClient.invalidateQueries({ queryKey: closureKeys.ofCase(caseId) });
  };
}

export function PlanTab({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(casePlansQuery(c.id));
  const [message, setMessage] = useState<string | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  return (
    <div className="plan-tab">
      <StatusMessage tone="success">{message}</StatusMessage>
      {isPending ? <Loading /> : null}
      <ErrorAlert error={error} />
      {data ? (
        <>
          {!data.current && !data.open ? <p>{t('plans.none')}</p> : null}
          {data.can.create ? <StartVersion c={c} hasApproved={!!data.current} onDone={setMessage} /> : null}
          {data.current ? <CurrentPlan c={c} plan={data.current} onDone={setMessage} /> : null}
          {data.open ? <OpenVersion c={c} plan={data.open} onDone={setMessage} /> : null}
          {data.versions.length ? <Versions versions={data.versions} viewing={viewing} onView={setViewing} /> : null}
          {viewing ? <VersionView id={viewing} onClose={() => setViewing(null)} /> : null}
        </>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Starting a plan or a new version

function StartVersion({ c, hasApproved, onDone }: { c: CaseOut; hasApproved: boolean; onDone: Say }) {
  const { t } = useTranslation();
  const refresh = useRefresh(c.id);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const opener = useRef<HTMLButtonElement>(null);
  const start = useMutation({
    mutationFn: () => startPlan(c.id, hasApproved ? { changeNote: text.trim() || null } : { goal: text.trim() || null }),
    onSuccess: (p) => {
      refresh();
      setOpen(false);
      setText('');
      onDone(t('plans.started', { number: p.number }));
    },
  });
  if (!open)
    return (
      <p>
        <button type="button" className="button" ref={opener} onClick={() => setOpen(true)}>
          {hasApproved ? t('plans.newVersion') : t('plans.start')}
        </button>
      </p>
    );
  return (
    <form
      className="form card"
      aria-labelledby="plan-start-title"
      onSubmit={(e) => {
        e.preventDefault();
        start.mutate();
      }}
    >
      <h3 id="plan-start-title">{hasApproved ? t('plans.newVersion') : t('plans.start')}</h3>
      {hasApproved ? <p className="hint">{t('plans.newVersionHint')}</p> : null}
      <ErrorAlert error={start.error} />
      <TextAreaField
        label={hasApproved ? t('plans.labels.changeNote') : t('plans.labels.goal')}
        name={hasApproved ? 'changeNote' : 'goal'}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={3}
        maxLength={4000}
        error={fieldError(start.error, hasApproved ? 'changeNote' : 'goal')}
        autoFocus
      />
      <div className="actions">
        <button type="submit" className="button" disabled={start.isPending}>
          {t('plans.createDraft')}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setOpen(false);
            setTimeout(() => opener.current?.focus(), 0);
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// The plan in force

function CurrentPlan({ c, plan, onDone }: { c: CaseOut; plan: Plan; onDone: Say }) {
  const { t } = useTranslation();
  return (
    <section className="plan-block" aria-labelledby="plan-current-title">
      <h3 id="plan-current-title">
        {t('plans.current.title', { number: plan.number })} <PlanStatusBadge status={plan.status} />
      </h3>
      <PlanFacts plan={plan} />
      <BudgetSummary plan={plan} headingId="plan-current-budget" />
      <ItemsByDimension plan={plan} render={(i) => (plan.can.progress && i.allowedTransitions.length ? <ProgressForm c={c} plan={plan} item={i} onDone={onDone} /> : null)} />
    </section>
  );
}

function ProgressForm({ c, plan, item, onDone }: { c: CaseOut; plan: Plan; item: PlanItem; onDone: Say }) {
  const { t } = useTranslation();
  const refresh = useRefresh(c.id);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<ItemStatus>(item.allowedTransitions[0]!);
  const [outcome, setOutcome] = useState(item.outcome ?? '');
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: () => recordProgress(plan.id, item.id, { version: item.version, status, outcome: outcome.trim() || null }),
    onSuccess: (saved) => {
      refresh();
      setOpen(false);
      onDone(t('plans.progress.saved', { what: saved.what, status: t(`plans.itemStatus.${saved.status}`) }));
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) refresh();
    },
  });
  if (!open)
    return (
      <button type="button" className="button secondary" onClick={() => setOpen(true)} aria-label={t('plans.progress.openNamed', { what: item.what })}>
        {t('plans.progress.open')}
      </button>
    );
  const needsOutcome = outcomeRequiredFor.includes(status);
  return (
    <form
      className="form plan-progress"
      aria-label={t('plans.progress.openNamed', { what: item.what })}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const lacking = needsOutcome && !outcome.trim();
        setMissing(lacking);
        if (!lacking) save.mutate();
      }}
    >
      {isApiError(save.error, 'version_conflict') ? (
        <div role="alert" className="alert alert-warning">
          {t('plans.conflict')}
        </div>
      ) : (
        <ErrorAlert error={fieldError(save.error, 'outcome') ? null : save.error} />
      )}
      <SelectField label={t('plans.progress.status')} name="status" value={status} onChange={(e) => setStatus(e.target.value as ItemStatus)} autoFocus>
        {item.allowedTransitions.map((s) => (
          <option key={s} value={s}>
            {t(`plans.itemStatus.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('plans.labels.outcome')}
        name="outcome"
        value={outcome}
        onChange={(e) => setOutcome(e.target.value)}
        rows={2}
        maxLength={4000}
        required={needsOutcome}
        hint={needsOutcome ? t('plans.progress.outcomeHint') : undefined}
        error={missing ? t('errors.fields.required') : fieldError(save.error, 'outcome')}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('plans.progress.save')}
        </button>
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// The version being worked on

function OpenVersion({ c, plan, onDone }: { c: CaseOut; plan: Plan; onDone: Say }) {
  const { t } = useTranslation();
  const refresh = useRefresh(c.id);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const remove = useMutation({
    mutationFn: (i: PlanItem) => removeItem(plan.id, i.id, i.version),
    onSuccess: () => {
      refresh();
      onDone(t('plans.item.removed'));
    },
    onError: () => refresh(),
  });
  const submit = useMutation({
    mutationFn: () => submitPlan(plan.id, plan.version),
    onSuccess: () => {
      refresh();
      onDone(t('plans.submitted', { number: plan.number }));
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) refresh();
    },
  });
  const compare = !!plan.comparedTo;
  return (
    <section className="plan-block plan-open" aria-labelledby="plan-open-title">
      <h3 id="plan-open-title">
        {t('plans.open.title', { number: plan.number })} <PlanStatusBadge status={plan.status} />
      </h3>
      {plan.status === 'returned' && plan.decisionNote ? (
        <div className="alert alert-warning">
          <strong>{t('plans.open.returnedNote')}</strong> <span className="pre">{plan.decisionNote}</span>
        </div>
      ) : null}
      {plan.status === 'submitted' && !plan.can.decide ? <p className="muted">{t('plans.open.awaiting')}</p> : null}
      {compare ? <p className="hint">{t('plans.open.comparedTo', { number: plan.comparedTo!.number })}</p> : null}
      <PlanFacts plan={plan} />
      {plan.can.edit ? <GoalForm c={c} plan={plan} onDone={onDone} /> : null}
      <BudgetSummary plan={plan} headingId="plan-open-budget" />
      <ErrorAlert error={remove.error} />
      <ItemsByDimension
        plan={plan}
        showChange={compare}
        render={(i) =>
          plan.can.edit ? (
            editing === i.id ? (
              <ItemForm
                c={c}
                plan={plan}
                item={i}
                onDone={(m) => {
                  setEditing(null);
                  onDone(m);
                }}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <div className="actions">
                <button type="button" className="button secondary" onClick={() => setEditing(i.id)} aria-label={t('plans.item.editNamed', { what: i.what })}>
                  {t('plans.item.edit')}
                </button>
                <ConfirmButton
                  label={t('plans.item.remove')}
                  title={t('plans.item.removeTitle')}
                  message={<p>{t('plans.item.removeConfirm', { what: i.what })}</p>}
                  onConfirm={() => remove.mutate(i)}
                  danger
                />
              </div>
            )
          ) : null
        }
      />
      <RemovedItems plan={plan} />
      {plan.can.edit ? (
        adding ? (
          <ItemForm
            c={c}
            plan={plan}
            onDone={(m) => {
              setAdding(false);
              onDone(m);
              setTimeout(() => addButton.current?.focus(), 0);
            }}
            onCancel={() => {
              setAdding(false);
              setTimeout(() => addButton.current?.focus(), 0);
            }}
          />
        ) : (
          <p>
            <button type="button" className="button secondary" ref={addButton} onClick={() => setAdding(true)}>
              {t('plans.item.add')}
            </button>
          </p>
        )
      ) : null}
      {plan.can.edit ? (
        <div className="plan-submit">
          {isApiError(submit.error, 'version_conflict') ? (
            <div role="alert" className="alert alert-warning">
              {t('plans.conflict')}
            </div>
          ) : (
            <ErrorAlert error={submit.error} />
          )}
          <p className="hint">{plan.items.length ? t('plans.submitHint') : t('plans.submitEmpty')}</p>
          <button type="button" className="button" disabled={submit.isPending || !plan.items.length} onClick={() => submit.mutate()}>
            {t('plans.submit')}
          </button>
        </div>
      ) : null}
      {plan.can.decide ? <Decision c={c} plan={plan} onDone={onDone} /> : null}
    </section>
  );
}

function GoalForm({ c, plan, onDone }: { c: CaseOut; plan: Plan; onDone: Say }) {
  const { t } = useTranslation();
  const refresh = useRefresh(c.id);
  const [open, setOpen] = useState(false);
  const [goal, setGoal] = useState(plan.goal ?? '');
  const [changeNote, setChangeNote] = useState(plan.changeNote ?? '');
  const save = useMutation({
    mutationFn: () => updatePlan(plan.id, { version: plan.version, goal: goal.trim() || null, changeNote: changeNote.trim() || null }),
    onSuccess: () => {
      refresh();
      setOpen(false);
      onDone(t('plans.goalSaved'));
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) refresh();
    },
  });
  if (!open)
    return (
      <p>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setGoal(plan.goal ?? '');
            setChangeNote(plan.changeNote ?? '');
            setOpen(true);
          }}
        >
          {t('plans.editGoal')}
        </button>
      </p>
    );
  return (
    <form
      className="form card"
      aria-label={t('plans.editGoal')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      {isApiError(save.error, 'version_conflict') ? (
        <div role="alert" className="alert alert-warning">
          {t('plans.conflict')}
        </div>
      ) : (
        <ErrorAlert error={save.error} />
      )}
      <TextAreaField label={t('plans.labels.goal')} name="goal" value={goal} onChange={(e) => setGoal(e.target.value)} rows={3} maxLength={4000} autoFocus error={fieldError(save.error, 'goal')} />
      {plan.basedOn ? (
        <TextAreaField
          label={t('plans.labels.changeNote')}
          name="changeNote"
          value={changeNote}
          onChange={(e) => setChangeNote(e.target.value)}
          rows={2}
          maxLength={4000}
          error={fieldError(save.error, 'changeNote')}
        />
      ) : null}
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The supervisor's decision on a submitted version: approve (a note is optional) or return it with a note. */
function Decision({ c, plan, onDone }: { c: CaseOut; plan: Plan; onDone: Say }) {
  const { t } = useTranslation();
  const refresh = useRefresh(c.id);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const decide = useMutation({
    mutationFn: (to: 'approved' | 'returned') => (to === 'approved' ? approvePlan(plan.id, plan.version, note.trim() || null) : returnPlan(plan.id, plan.version, note.trim())),
    onSuccess: (p) => {
      refresh();
      setNote('');
      onDone(p.status === 'approved' ? t('plans.decision.approved', { number: p.number }) : t('plans.decision.returned', { number: p.number }));
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) refresh();
    },
  });
  return (
    <form className="form card plan-decision" aria-labelledby="plan-decision-title" noValidate onSubmit={(e) => e.preventDefault()}>
      <h4 id="plan-decision-title">{t('plans.decision.title')}</h4>
      {isApiError(decide.error, 'version_conflict') ? (
        <div role="alert" className="alert alert-warning">
          {t('plans.conflict')}
        </div>
      ) : (
        <ErrorAlert error={fieldError(decide.error, 'note') ? null : decide.error} />
      )}
      <TextAreaField
        label={t('plans.decision.note')}
        name="note"
        value={note}
        onChange={(e) => {
          setNote(e.target.value);
          setMissing(false);
        }}
        rows={3}
        maxLength={4000}
        hint={t('plans.decision.noteHint')}
        error={missing ? t('errors.fields.required') : fieldError(decide.error, 'note')}
      />
      <div className="actions">
        <button type="button" className="button" disabled={decide.isPending} onClick={() => decide.mutate('approved')}>
          {t('plans.decision.approve')}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={decide.isPending}
          onClick={() => {
            if (!note.trim()) setMissing(true);
            else decide.mutate('returned');
          }}
        >
          {t('plans.decision.return')}
        </button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// Versions

function Versions({ versions, viewing, onView }: { versions: PlanVersion[]; viewing: string | null; onView: (id: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <section className="plan-block" aria-labelledby="plan-versions-title">
      <h3 id="plan-versions-title">{t('plans.versions.title')}</h3>
      <ul className="plan-versions">
        {versions.map((v) => (
          <li key={v.id} className={`plan-version plan-version-${v.status}`}>
            <p className="plan-version-head">
              <strong>{t('plans.versions.number', { number: v.number })}</strong> <PlanStatusBadge status={v.status} />
            </p>
            <p className="small">
              {t('plans.versions.summary', { count: v.itemCount, total: formatRupiah(v.budgetTotalIdr) })}
              {' · '}
              {v.decidedAt
                ? t('plans.versions.decided', { when: formatDate(v.decidedAt), who: v.decidedBy?.displayName ?? '—' })
                : v.submittedAt
                  ? t('plans.versions.submittedOn', { when: formatDate(v.submittedAt) })
                  : t('plans.versions.createdOn', { when: formatDate(v.createdAt) })}
            </p>
            <button
              type="button"
              className="link-button"
              aria-expanded={viewing === v.id}
              aria-controls={viewing === v.id ? 'plan-version-view' : undefined}
              onClick={() => onView(viewing === v.id ? null : v.id)}
            >
              {viewing === v.id ? t('plans.versions.hide', { number: v.number }) : t('plans.versions.view', { number: v.number })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A version, read-only, with what changed against the approved version it was based on. */
function VersionView({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(planQuery(id));
  return (
    <section id="plan-version-view" className="plan-block plan-version-view" aria-labelledby="plan-version-view-title">
      {isPending ? <Loading /> : null}
      <ErrorAlert error={error} />
      {data ? (
        <>
          <h3 id="plan-version-view-title">
            {t('plans.versions.viewTitle', { number: data.number })} <PlanStatusBadge status={data.status} />
          </h3>
          {data.comparedTo ? <p className="hint">{t('plans.open.comparedTo', { number: data.comparedTo.number })}</p> : <p className="hint">{t('plans.versions.first')}</p>}
          <PlanFacts plan={data} />
          <BudgetSummary plan={data} headingId="plan-version-view-budget" />
          <ItemsByDimension plan={data} showChange={!!data.comparedTo} />
          <RemovedItems plan={data} />
          <p className="small muted">{t('plans.versions.updated', { when: formatDateTime(data.updatedAt) })}</p>
        </>
      ) : (
        <h3 id="plan-version-view-title" className="visually-hidden">
          {t('plans.versions.title')}
        </h3>
      )}
      <button type="button" className="button secondary" onClick={onClose}>
        {t('plans.versions.close')}
      </button>
    </section>
  );
}
