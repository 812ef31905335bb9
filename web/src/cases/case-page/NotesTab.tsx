// Typed case notes. A note can be marked sensitive; a sensitive note the reader may not see arrives
// without its text and is shown as "restricted". Contact notes (a meeting, a home visit, a call)
// carry when the contact happened, which feeds the case's priority.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n';
import { fieldError } from '../../i18n/errors';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { ErrorAlert, Loading, StatusMessage } from '../../ui/Messages';
import { caseKeys, type CaseOut } from '../api';
import { addNote, contactNoteTypes, notesQuery, noteTypes, partKeys, type NoteType } from './api';

/** "2026-11-28T09:30" for a datetime-local input, in local time. */
function localNow(): string {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function NotesTab({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(notesQuery(c.id));
  const [message, setMessage] = useState<string | null>(null);
  const notes = [...(data ?? [])].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  return (
    <>
      {c.can.update ? <AddNote c={c} onDone={setMessage} /> : null}
      <StatusMessage tone="success">{message}</StatusMessage>
      <section aria-labelledby="notes-list-title">
        <h3 id="notes-list-title">{t('cases.notes.list')}</h3>
        {isPending ? <Loading /> : null}
        <ErrorAlert error={error} />
        {data && notes.length === 0 ? <p>{t('cases.notes.none')}</p> : null}
        <ul className="note-list">
          {notes.map((n) => (
            <li key={n.id} className={`note${n.sensitive ? ' note-sensitive' : ''}${n.restricted ? ' note-restricted' : ''}`}>
              <article aria-labelledby={`note-${n.id}`}>
                <h4 id={`note-${n.id}`} className="note-head">
                  {t(`cases.notes.types.${n.type}`)}
                  {n.sensitive ? (
                    <span className="badge sensitive">
                      <span aria-hidden="true">🔒 </span>
                      {t('cases.notes.sensitiveBadge')}
                    </span>
                  ) : null}
                </h4>
                <p className="muted small">
                  {t('cases.notes.byline', { who: n.author?.displayName ?? '—', when: formatDateTime(n.createdAt) })}
                  {n.contactAt ? ` · ${t('cases.notes.contactOn', { when: formatDateTime(n.contactAt) })}` : ''}
                </p>
                {n.restricted ? <p className="restricted">{t('cases.notes.restricted')}</p> : <p className="pre">{n.body}</p>}
              </article>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function AddNote({ c, onDone }: { c: CaseOut; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [type, setType] = useState<NoteType>('contact');
  const [sensitive, setSensitive] = useState(false);
  const [body, setBody] = useState('');
  const [contactAt, setContactAt] = useState(localNow);
  const [missing, setMissing] = useState(false);
  const isContact = contactNoteTypes.includes(type);
  const add = useMutation({
    mutationFn: () =>
      addNote(c.id, {
        type,
        sensitive,
        body: body.trim(),
        ...(isContact && contactAt ? { contactAt: new Date(contactAt).toISOString() } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: partKeys.notes(c.id) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id), exact: true });
      setBody('');
      setSensitive(false);
      setContactAt(localNow());
      onDone(t('cases.notes.added'));
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setMissing(!body.trim());
    if (!body.trim()) return;
    add.mutate();
  }
  const err = add.error;
  return (
    <section className="card" aria-labelledby="note-add-title">
      <h3 id="note-add-title">{t('cases.notes.add')}</h3>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={err} />
        <SelectField label={t('cases.notes.type')} name="type" value={type} onChange={(e) => setType(e.target.value as NoteType)} error={fieldError(err, 'type')}>
          {noteTypes.map((x) => (
            <option key={x} value={x}>
              {t(`cases.notes.types.${x}`)}
            </option>
          ))}
        </SelectField>
        {isContact ? (
          <TextField
            label={t('cases.notes.contactAt')}
            name="contactAt"
            type="datetime-local"
            value={contactAt}
            max={localNow()}
            onChange={(e) => setContactAt(e.target.value)}
            error={fieldError(err, 'contactAt')}
          />
        ) : null}
        <TextAreaField
          label={t('cases.notes.body')}
          name="body"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={5}
          maxLength={20000}
          required
          error={missing ? t('errors.fields.required') : fieldError(err, 'body')}
        />
        <div className="field">
          <label className="choice">
            <input type="checkbox" name="sensitive" checked={sensitive} onChange={(e) => setSensitive(e.target.checked)} aria-describedby="note-sensitive-hint" />
            <span>{t('cases.notes.sensitive')}</span>
          </label>
          <p id="note-sensitive-hint" className="hint">
            {t('cases.notes.sensitiveHint')}
          </p>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={add.isPending}>
            {t('cases.notes.addButton')}
          </button>
        </div>
      </form>
    </section>
  );
}
