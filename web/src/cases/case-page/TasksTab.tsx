// Tasks and follow-ups with a due date and an assignee. Overdue ones stand out with a strong colour,
// a symbol and the word "overdue" (never colour alone), and come first; open ones can be marked done.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useMe } from '../../auth/me';
import { formatDate, formatDateTime } from '../../i18n';
import { fieldError } from '../../i18n/errors';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { ErrorAlert, Loading, StatusMessage } from '../../ui/Messages';
import { caseKeys, type CaseOut, type UserRef } from '../api';
import { OverdueBadge } from '../CaseBadges';
import { addTask, partKeys, taskKinds, tasksQuery, updateTask, type Task, type TaskKind } from './api';

const order = (a: Task, b: Task) => {
  const rank = (x: Task) => (x.status !== 'open' ? 2 : x.overdue ? 0 : 1);
  return rank(a) - rank(b) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999');
};

export function TasksTab({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(tasksQuery(c.id));
  const [message, setMessage] = useState<string | null>(null);
  const tasks = [...(data ?? [])].sort(order);
  const overdue = tasks.filter((x) => x.status === 'open' && x.overdue).length;
  return (
    <>
      <StatusMessage tone="success">{message}</StatusMessage>
      <section aria-labelledby="tasks-list-title">
        <h3 id="tasks-list-title">{t('cases.tasks.list')}</h3>
        {isPending ? <Loading /> : null}
        <ErrorAlert error={error} />
        {overdue ? (
          <p className="alert alert-error overdue-summary">
            <span aria-hidden="true">⚠ </span>
            {t('cases.tasks.overdueCount', { count: overdue })}
          </p>
        ) : null}
        {data && tasks.length === 0 ? <p>{t('cases.tasks.none')}</p> : null}
        <ul className="task-list">
          {tasks.map((x) => (
            <TaskItem key={x.id} c={c} task={x} onDone={setMessage} />
          ))}
        </ul>
      </section>
      {c.can.update ? <AddTask c={c} onDone={setMessage} /> : null}
    </>
  );
}

function TaskItem({ c, task, onDone }: { c: CaseOut; task: Task; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const done = useMutation({
    mutationFn: () => updateTask(c.id, task.id, { version: task.version, status: 'done' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: partKeys.tasks(c.id) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id), exact: true });
      void queryClient.invalidateQueries({ queryKey: caseKeys.myTasks });
      onDone(t('cases.tasks.markedDone', { title: task.title }));
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) void queryClient.invalidateQueries({ queryKey: partKeys.tasks(c.id) });
    },
  });
  const overdue = task.status === 'open' && task.overdue;
  return (
    <li className={`task task-${task.status}${overdue ? ' is-overdue' : ''}`}>
      <article aria-labelledby={`task-${task.id}`}>
        <h4 id={`task-${task.id}`} className="task-head">
          {task.title} <span className="badge">{t(`cases.tasks.kinds.${task.kind}`)}</span> <OverdueBadge overdue={overdue} />
          {task.status !== 'open' ? <span className="badge ok">{t(`cases.tasks.status.${task.status}`)}</span> : null}
        </h4>
        <dl className="summary compact">
          <dt>{t('cases.tasks.due')}</dt>
          <dd>{task.dueOn ? formatDate(task.dueOn) : '—'}</dd>
          <dt>{t('cases.tasks.assignee')}</dt>
          <dd>{task.assignee?.displayName ?? t('cases.tasks.nobody')}</dd>
          {task.completedAt ? (
            <>
              <dt>{t('cases.tasks.completedAt')}</dt>
              <dd>{formatDateTime(task.completedAt)}</dd>
            </>
          ) : null}
        </dl>
        {task.details ? <p className="pre">{task.details}</p> : null}
        {isApiError(done.error, 'version_conflict') ? (
          <p role="alert" className="alert alert-warning">
            {t('cases.conflict.item')}
          </p>
        ) : done.error ? (
          <ErrorAlert error={done.error} />
        ) : null}
        {c.can.update && task.status === 'open' ? (
          <button type="button" className="button secondary" onClick={() => done.mutate()} disabled={done.isPending} aria-label={t('cases.tasks.markDoneNamed', { title: task.title })}>
            {t('cases.tasks.markDone')}
          </button>
        ) : null}
      </article>
    </li>
  );
}

function AddTask({ c, onDone }: { c: CaseOut; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const people = new Map<string, UserRef>();
  people.set(me.user.id, { id: me.user.id, displayName: me.user.displayName });
  if (c.assignedTo) people.set(c.assignedTo.id, c.assignedTo);
  const [kind, setKind] = useState<TaskKind>('task');
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [assigneeId, setAssigneeId] = useState(c.assignedTo?.id ?? me.user.id);
  const [details, setDetails] = useState('');
  const [missing, setMissing] = useState(false);
  const add = useMutation({
    mutationFn: () => addTask(c.id, { kind, title: title.trim(), dueOn: dueOn || null, assigneeId: assigneeId || null, details: details.trim() || null }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: partKeys.tasks(c.id) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id), exact: true });
      void queryClient.invalidateQueries({ queryKey: caseKeys.myTasks });
      onDone(t('cases.tasks.added', { title: title.trim() }));
      setTitle('');
      setDueOn('');
      setDetails('');
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setMissing(!title.trim());
    if (!title.trim()) return;
    add.mutate();
  }
  const err = add.error;
  return (
    <section className="card" aria-labelledby="task-add-title">
      <h3 id="task-add-title">{t('cases.tasks.add')}</h3>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={err} />
        <SelectField label={t('cases.tasks.kind')} name="kind" value={kind} onChange={(e) => setKind(e.target.value as TaskKind)} error={fieldError(err, 'kind')}>
          {taskKinds.map((k) => (
            <option key={k} value={k}>
              {t(`cases.tasks.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('cases.tasks.title')}
          name="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={500}
          required
          error={missing ? t('errors.fields.required') : fieldError(err, 'title')}
        />
        <TextField label={t('cases.tasks.due')} name="dueOn" type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} error={fieldError(err, 'dueOn')} />
        <SelectField label={t('cases.tasks.assignee')} name="assigneeId" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)} error={fieldError(err, 'assigneeId')}>
          <option value="">{t('cases.tasks.nobody')}</option>
          {[...people.values()].map((u) => (
            <option key={u.id} value={u.id}>
              {u.id === me.user.id ? t('cases.tasks.me', { name: u.displayName }) : u.displayName}
            </option>
          ))}
        </SelectField>
        <TextAreaField label={t('cases.tasks.details')} name="details" value={details} onChange={(e) => setDetails(e.target.value)} rows={3} maxLength={4000} error={fieldError(err, 'details')} />
        <div className="actions">
          <button type="submit" className="button" disabled={add.isPending}>
            {t('cases.tasks.addButton')}
          </button>
        </div>
      </form>
    </section>
  );
}
