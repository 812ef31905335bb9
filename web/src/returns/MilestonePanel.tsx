// The next steps of a journey: one button per milestone the server allows now, then a short form
// with when it happened and what the step needs — the arrival reception (point of entry, reception
// organisation, who received the person) or the hand-over abroad (country, organisation, contact,
// what was sent). Cancelling asks for the reason.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { caseKeys, type CaseOut } from '../cases/api';
import { errorText, fieldError } from '../i18n/errors';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { CountrySelect } from '../persons/CountryFields';
import { ChoiceGroup, TextAreaField, TextField } from '../ui/Field';
import { ErrorAlert } from '../ui/Messages';
import { handoverItems, journeyKeys, localToIso, nowLocal, recordMilestone, type HandoverItem, type Journey, type Milestone } from './api';
import { PointSelect } from './parts';

/** The words for what stops "documents ready": a document by its kind, or the medical clearance. */
export function useBlockingText() {
  const { t } = useTranslation();
  return (j: Journey, key: string): string => {
    const m = /^documents\.(\d+)/.exec(key);
    if (m) {
      const d = j.documents[Number(m[1])];
      return d ? t('returns.blocking.document', { kind: t(`returns.documentKind.${d.kind}`), status: t(`returns.documentStatus.${d.status}`) }) : key;
    }
    return t('returns.blocking.medical', { status: t(`returns.medical.${j.medicalClearance}`) });
  };
}

export function MilestonePanel({ c, j, onDone }: { c: CaseOut; j: Journey; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Milestone | null>(null);
  const blockingText = useBlockingText();
  const buttons = useRef<HTMLDivElement>(null);
  if (!j.allowedMilestones.length) return null;
  const canReady = j.allowedMilestones.includes('documents_ready');
  return (
    <div className="milestone-panel">
      <h4>{t('returns.milestones.next')}</h4>
      {canReady && j.documentsBlocking.length ? (
        <div className="alert alert-warning">
          <p>{t('returns.blocking.intro')}</p>
          <ul>
            {j.documentsBlocking.map((k) => (
              <li key={k}>{blockingText(j, k)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {chosen ? (
        <MilestoneForm
          c={c}
          j={j}
          milestone={chosen}
          onCancel={() => {
            setChosen(null);
            setTimeout(() => buttons.current?.querySelector('button')?.focus(), 0);
          }}
          onDone={(m) => {
            setChosen(null);
            onDone(m);
          }}
        />
      ) : (
        <div className="actions" ref={buttons}>
          {j.allowedMilestones.map((m) => (
            <button key={m} type="button" className={m === 'cancelled' ? 'button danger' : 'button'} onClick={() => setChosen(m)}>
              {t(`returns.milestones.action.${m}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function MilestoneForm({ c, j, milestone, onCancel, onDone }: { c: CaseOut; j: Journey; milestone: Milestone; onCancel: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const blockingText = useBlockingText();
  const [happenedAt, setHappenedAt] = useState(nowLocal());
  const [note, setNote] = useState('');
  const [arrivalPointCode, setArrivalPointCode] = useState(j.arrivalPoint?.code ?? '');
  const [receptionOrganizationId, setReceptionOrganizationId] = useState<string | null>(j.receptionOrganization?.id ?? null);
  const [receivedBy, setReceivedBy] = useState('');
  const [country, setCountry] = useState(j.handoverCountryCode ?? '');
  const [organization, setOrganization] = useState(j.handoverOrganizationName ?? '');
  const [contact, setContact] = useState(j.handoverContact ?? '');
  const [items, setItems] = useState<HandoverItem[]>(j.handoverItems);
  const [handoverNote, setHandoverNote] = useState(j.handoverNote ?? '');
  const [missing, setMissing] = useState<Record<string, boolean>>({});

  const record = useMutation({
    mutationFn: () =>
      recordMilestone(j.id, {
        milestone,
        happenedAt: localToIso(happenedAt) ?? '',
        version: j.version,
        note: note.trim() || null,
        ...(milestone === 'arrived'
          ? { arrivalPointCode: arrivalPointCode || null, receptionOrganizationId: receptionOrganizationId ?? undefined, receivedBy: receivedBy.trim() || null }
          : {}),
        ...(milestone === 'handed_over'
          ? {
              handoverCountryCode: country || null,
              handoverOrganizationName: organization.trim() || null,
              handoverContact: contact.trim() || null,
              handoverItems: items,
              handoverNote: handoverNote.trim() || null,
            }
          : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
      void queryClient.invalidateQueries({ queryKey: journeyKeys.allDue });
      onDone(t('returns.milestones.recorded', { milestone: t(`returns.status.${milestone}`) }));
    },
    onError: (e) => {
      if (isApiError(e, 'version_conflict') || isApiError(e, 'transition_not_allowed')) void queryClient.invalidateQueries({ queryKey: journeyKeys.ofCase(c.id) });
    },
  });
  const err = record.error;
  const fe = (name: string) => (missing[name] ? t('errors.fields.required') : fieldError(err, name));

  function submit(e: FormEvent) {
    e.preventDefault();
    const m: Record<string, boolean> = {};
    if (!happenedAt) m.happenedAt = true;
    if (milestone === 'cancelled' && !note.trim()) m.note = true;
    if (milestone === 'arrived' && !receivedBy.trim()) m.receivedBy = true;
    if (milestone === 'arrived' && !arrivalPointCode) m.arrivalPointCode = true;
    if (milestone === 'handed_over') {
      if (!country) m.handoverCountryCode = true;
      if (!organization.trim()) m.handoverOrganizationName = true;
      if (!items.length) m.handoverItems = true;
    }
    setMissing(m);
    if (Object.keys(m).length) return;
    record.mutate();
  }

  const titleId = `milestone-${j.id}-title`;
  const notReady = isApiError(err, 'documents_not_ready') ? Object.keys(err.fields ?? {}).map((k) => k.replace(/\.status$/, '')) : [];
  return (
    <section className="card milestone-form" aria-labelledby={titleId}>
      <h4 id={titleId}>{t(`returns.milestones.action.${milestone}`)}</h4>
      <form className="form" onSubmit={submit} noValidate>
        {notReady.length ? (
          <div role="alert" className="alert alert-error">
            <p>{errorText(err)}</p>
            <ul>
              {notReady.map((k) => (
                <li key={k}>{blockingText(j, k)}</li>
              ))}
            </ul>
          </div>
        ) : (
          <ErrorAlert error={err ?? (Object.keys(missing).length ? true : undefined)}>{Object.keys(missing).length && !err ? t('errors.checkFields') : undefined}</ErrorAlert>
        )}
        <TextField
          label={t('returns.fields.happenedAt')}
          name="happenedAt"
          type="datetime-local"
          required
          value={happenedAt}
          onChange={(e) => setHappenedAt(e.target.value)}
          error={fe('happenedAt')}
        />
        {milestone === 'arrived' ? (
          <>
            <PointSelect
              label={t('returns.fields.arrivalPoint')}
              name="arrivalPointCode"
              value={arrivalPointCode}
              onChange={setArrivalPointCode}
              emptyLabel={t('common.choose')}
              error={fe('arrivalPointCode')}
            />
            <OrganizationSelect
              label={t('returns.fields.receptionOrganization')}
              name="receptionOrganizationId"
              value={receptionOrganizationId}
              currentName={j.receptionOrganization?.name}
              onChange={setReceptionOrganizationId}
              emptyLabel={t('returns.form.noReception')}
              error={fe('receptionOrganizationId')}
            />
            <TextField
              label={t('returns.fields.receivedBy')}
              hint={t('returns.form.receivedByHint')}
              name="receivedBy"
              maxLength={200}
              required
              value={receivedBy}
              onChange={(e) => setReceivedBy(e.target.value)}
              error={fe('receivedBy')}
            />
          </>
        ) : null}
        {milestone === 'handed_over' ? (
          <>
            <CountrySelect label={t('returns.fields.handoverCountry')} name="handoverCountryCode" value={country} onChange={setCountry} error={fe('handoverCountryCode')} />
            <TextField
              label={t('returns.fields.handoverOrganization')}
              name="handoverOrganizationName"
              maxLength={200}
              required
              value={organization}
              onChange={(e) => setOrganization(e.target.value)}
              error={fe('handoverOrganizationName')}
            />
            <TextField label={t('returns.fields.handoverContact')} name="handoverContact" maxLength={400} value={contact} onChange={(e) => setContact(e.target.value)} error={fe('handoverContact')} />
            <ChoiceGroup
              legend={t('returns.fields.handoverItems')}
              name="handoverItems"
              options={handoverItems.map((i) => ({ value: i, label: t(`returns.handoverItem.${i}`) }))}
              value={items}
              onChange={(v) => setItems(v as HandoverItem[])}
              error={fe('handoverItems')}
            />
            <TextAreaField label={t('returns.fields.handoverNote')} name="handoverNote" rows={2} maxLength={4000} value={handoverNote} onChange={(e) => setHandoverNote(e.target.value)} error={fe('handoverNote')} />
          </>
        ) : null}
        <TextAreaField
          label={milestone === 'cancelled' ? t('returns.fields.cancelReason') : t('returns.fields.note')}
          name="note"
          rows={2}
          maxLength={4000}
          required={milestone === 'cancelled'}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={fe('note')}
        />
        <div className="actions">
          <button type="submit" className={milestone === 'cancelled' ? 'button danger' : 'button'} disabled={record.isPending}>
            {t('returns.milestones.record')}
          </button>
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
