// One candidacy from the partner's side (shared fields, answers, placement) or the sender's.
// The partner sees only what the person agreed to share (the skills profile as readable text),
// answers (invite to an interview with a date and time, make an offer, reject with a reason,
// hired) and records the placement once hired; the case side reads the same page, with a link
// to the case where the follow-ups are recorded.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import {
  answerCandidacy,
  candidacyKeys,
  candidacyQuery,
  candidacyRejectReasons,
  contractTypes,
  recordPlacement,
  type Candidacy,
  type CandidacyAnswer,
  type CandidacyRejectReason,
  type ContractType,
} from '../employment/candidacies/api';
import { EndPlacementForm, todayJakarta } from '../employment/candidacies/CaseCandidacies';
import { CandidacyBadges, CandidacyEvents, CandidacyFacts, CandidateView, PlacementFacts, term } from '../employment/candidacies/parts';
import i18n, { formatDateTime } from '../i18n';
import { fieldError } from '../i18n/errors';
import { fieldLabel } from '../referrals/parts';
import { SelectField, TextAreaField, TextField } from '../ui/Field';
import { Loading, ErrorAlert, StatusMessage } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import { CodeOfConductNotice } from './CandidatesPage';

const route = getRouteApi('/app/candidates/$candidacyId');

export function CandidacyPage() {
  const { t } = useTranslation();
  const { candidacyId } = route.useParams();
  const { data, isPending, error } = useQuery(candidacyQuery(candidacyId));
  usePageTitle(data ? titleOf(data) : t('candidacies.title'));
  return (
    <>
      <p className="breadcrumb">
        {data?.side === 'sender' && data.caseId ? (
          <Link to="/cases/$caseId" params={{ caseId: data.caseId }} search={{ tab: 'work' }}>
            {t('candidacies.page.backToCase', { reference: data.caseReference ?? '' })}
          </Link>
        ) : (
          <Link to="/candidates">{t('candidacies.page.back')}</Link>
        )}
      </p>
      {isPending ? <Loading /> : null}
      {error && !data ? (
        isApiError(error, 'not_found') ? (
          <>
            <h1>{t('notFound.title')}</h1>
            <p>{t('candidacies.page.notFound')}</p>
          </>
        ) : (
          <CodeOfConductNotice error={error} />
        )
      ) : null}
      {data ? <CandidacyView key={data.id} c={data} /> : null}
    </>
  );
}

function titleOf(c: Candidacy): string {
  if (c.side === 'sender') return i18n.t('candidacies.page.senderTitle', { reference: c.caseReference ?? '' });
  return i18n.t('candidacies.page.title', { name: c.person.firstName || i18n.t('candidacies.list.unnamed') });
}

function CandidacyView({ c }: { c: Candidacy }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const partner = c.side === 'partner';
  const withdrawn = c.sharedFields.filter((f) => !c.visibleFields.includes(f));
  return (
    <article className="candidacy-page" aria-labelledby="candidacy-title">
      <header>
        <h1 id="candidacy-title">{titleOf(c)}</h1>
        <p className="referral-route">
          <span>{c.from.name}</span> <span aria-hidden="true">→</span>
          <span className="visually-hidden"> {t('candidacies.page.to')} </span> <span>{c.partner.name}</span>
        </p>
        <CandidacyBadges c={c} />
        <CandidacyFacts c={c} />
        {!partner && c.matchScore !== null ? (
          <p>
            {t('candidacies.page.matchScore', { score: c.matchScore })}
          </p>
        ) : null}
      </header>

      <StatusMessage tone="success">{message}</StatusMessage>
      {partner ? <Answers c={c} onDone={setMessage} /> : null}
      {partner && c.canRecordPlacement ? <PlacementForm c={c} onDone={setMessage} /> : null}

      {c.placement ? (
        <section aria-labelledby="candidacy-placement-title">
          <h2 id="candidacy-placement-title">{t('candidacies.placement.title')}</h2>
          <PlacementFacts p={c.placement} />
          {partner && !c.placement.endedOn ? <PartnerEnd c={c} onDone={setMessage} /> : null}
          {!partner && c.caseId ? (
            <p>
              <Link to="/cases/$caseId" params={{ caseId: c.caseId }} search={{ tab: 'work' }}>
                {t('candidacies.page.followUpsInCase')}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="candidacy-shared-title">
        <h2 id="candidacy-shared-title">{t('candidacies.page.shared')}</h2>
        {partner ? (
          c.accessUntil ? (
            <p className="alert alert-info">{t('candidacies.page.accessUntil', { date: formatDateTime(c.accessUntil) })}</p>
          ) : (
            <p className="hint">{t('candidacies.page.onlyShared')}</p>
          )
        ) : (
          <p className="hint">
            {t('candidacies.page.sharedFields')}: {c.sharedFields.map(fieldLabel).join(', ') || '—'}
            {c.historyShared ? ` — ${t('candidacies.page.historyShared')}` : ''}
          </p>
        )}
        {c.consent && !c.consent.active ? (
          <p className="alert alert-warning">
            <span aria-hidden="true">⊘ </span>
            {partner ? t('candidacies.page.consentWithdrawnPartner') : t('candidacies.page.consentWithdrawnSender')}
          </p>
        ) : null}
        {withdrawn.length && c.consent?.active ? (
          <p className="no-longer-shared">
            <strong>{t('candidacies.page.noLongerShared')}</strong> {withdrawn.map(fieldLabel).join(', ')}
          </p>
        ) : null}
        <CandidateView person={c.person} fields={c.visibleFields} />
        <h3>{t('candidacies.labels.message')}</h3>
        <p className="pre">{c.message || '—'}</p>
      </section>

      <section aria-labelledby="candidacy-history-title">
        <h2 id="candidacy-history-title">{t('candidacies.page.history')}</h2>
        <CandidacyEvents events={c.events} />
      </section>
    </article>
  );
}

const answerOrder: CandidacyAnswer[] = ['interview', 'offer', 'hired', 'rejected'];

/** The partner's answers: each opens a small dialog (a date for an interview, a reason to reject). */
function Answers({ c, onDone }: { c: Candidacy; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState(false);
  const answer = useMutation({
    mutationFn: (body: { to: CandidacyAnswer; interviewAt?: string | null; reason?: CandidacyRejectReason | null; note?: string | null }) => answerCandidacy(c.id, { ...body, version: c.version }),
    onSuccess: (updated, body) => {
      setConflict(false);
      queryClient.setQueryData(candidacyKeys.detail(c.id), updated);
      void queryClient.invalidateQueries({ queryKey: candidacyKeys.all });
      onDone(t(`candidacies.answers.done.${body.to}`));
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict') || isApiError(err, 'transition_not_allowed')) {
        setConflict(true);
        void queryClient.invalidateQueries({ queryKey: candidacyKeys.detail(c.id) });
      }
    },
  });
  const moves = answerOrder.filter((a) => c.allowedAnswers.includes(a));
  if (!moves.length && !conflict) return null;
  return (
    <section className="candidacy-actions" aria-labelledby="candidacy-actions-title">
      <h2 id="candidacy-actions-title">{t('candidacies.answers.title')}</h2>
      {conflict ? (
        <p role="alert" className="alert alert-warning">
          {t('candidacies.page.conflict')}
        </p>
      ) : null}
      <div className="actions">
        {moves.map((to) => (
          <AnswerDialog key={to} to={to} busy={answer.isPending} error={answer.error} onSubmit={(body) => answer.mutateAsync({ to, ...body })} />
        ))}
      </div>
    </section>
  );
}

/** "YYYY-MM-DDTHH:mm" in the browser's time, for datetime-local. */
const localInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

function AnswerDialog({
  to,
  busy,
  error,
  onSubmit,
}: {
  to: CandidacyAnswer;
  busy: boolean;
  error: unknown;
  onSubmit: (body: { interviewAt?: string | null; reason?: CandidacyRejectReason | null; note?: string | null }) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId();
  const [interviewAt, setInterviewAt] = useState('');
  const [reason, setReason] = useState<CandidacyRejectReason | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  async function submit(e: FormEvent) {
    e.preventDefault();
    const m = { interviewAt: to === 'interview' && !interviewAt, reason: to === 'rejected' && !reason, note: to === 'rejected' && reason === 'other' && !note.trim() };
    setMissing(m);
    if (Object.values(m).some(Boolean)) return;
    try {
      await onSubmit({
        ...(to === 'interview' ? { interviewAt: new Date(interviewAt).toISOString() } : {}),
        ...(to === 'rejected' ? { reason: reason as CandidacyRejectReason } : {}),
        note: note.trim() || null,
      });
      ref.current?.close();
    } catch (err) {
      if (isApiError(err, 'version_conflict') || isApiError(err, 'transition_not_allowed')) ref.current?.close();
    }
  }
  const danger = to === 'rejected';
  const required = t('errors.fields.required');
  return (
    <>
      <button
        type="button"
        ref={opener}
        className={danger ? 'button danger' : to === 'hired' ? 'button' : 'button secondary'}
        onClick={() => {
          setInterviewAt(localInput(new Date(Date.now() + 2 * 86_400_000)).slice(0, 11) + '10:00');
          setReason('');
          setNote('');
          setMissing({});
          ref.current?.showModal();
        }}
      >
        {t(`candidacies.answers.${to}`)}
      </button>
      <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onClose={() => opener.current?.focus()}>
        <h2 id={`${id}-title`}>{t(`candidacies.answers.dialogs.${to}.title`)}</h2>
        <p id={`${id}-text`}>{t(`candidacies.answers.dialogs.${to}.text`)}</p>
        <form className="form" onSubmit={submit} noValidate>
          {error && !isApiError(error, 'version_conflict') && !isApiError(error, 'transition_not_allowed') ? <ErrorAlert error={error} /> : null}
          {to === 'interview' ? (
            <TextField
              label={t('candidacies.labels.interviewAt')}
              name="interviewAt"
              type="datetime-local"
              value={interviewAt}
              onChange={(e) => setInterviewAt(e.target.value)}
              required
              error={missing.interviewAt ? required : fieldError(error, 'interviewAt')}
            />
          ) : null}
          {to === 'rejected' ? (
            <SelectField
              label={t('candidacies.labels.rejectReason')}
              name="reason"
              value={reason}
              onChange={(e) => setReason(e.target.value as CandidacyRejectReason | '')}
              required
              error={missing.reason ? required : fieldError(error, 'reason')}
            >
              <option value="">{t('common.choose')}</option>
              {candidacyRejectReasons.map((r) => (
                <option key={r} value={r}>
                  {term('rejectReasons', r)}
                </option>
              ))}
            </SelectField>
          ) : null}
          <TextAreaField
            label={t('candidacies.labels.note')}
            name="note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={3}
            maxLength={4000}
            hint={to === 'rejected' && reason === 'other' ? t('candidacies.answers.noteRequired') : t('candidacies.answers.noteHint')}
            required={to === 'rejected' && reason === 'other'}
            error={missing.note ? required : fieldError(error, 'note')}
          />
          <div className="actions">
            <button type="button" className="button secondary" onClick={() => ref.current?.close()}>
              {t('common.cancel')}
            </button>
            <button type="submit" className={danger ? 'button danger' : 'button'} disabled={busy}>
              {t(`candidacies.answers.dialogs.${to}.confirm`)}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

/** The placement of a hired candidate: the start, the monthly wage and the contract. */
function PlacementForm({ c, onDone }: { c: Candidacy; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [startOn, setStartOn] = useState(todayJakarta());
  const [wage, setWage] = useState('');
  const [contractType, setContractType] = useState<ContractType | ''>('');
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      recordPlacement(c.id, {
        startOn,
        monthlyWageIdr: wage.trim() ? Number(wage.replace(/\D/g, '')) : null,
        contractType: contractType || null,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(candidacyKeys.detail(c.id), updated);
      void queryClient.invalidateQueries({ queryKey: candidacyKeys.all });
      onDone(t('candidacies.placement.saved'));
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setMissing(!startOn);
    if (startOn) save.mutate();
  }
  return (
    <section aria-labelledby="placement-form-title" className="card">
      <h2 id="placement-form-title">{t('candidacies.placement.record')}</h2>
      <p className="hint">{t('candidacies.placement.recordHint')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={save.error} />
        <TextField
          label={t('candidacies.placement.startOn')}
          name="startOn"
          type="date"
          value={startOn}
          onChange={(e) => setStartOn(e.target.value)}
          required
          error={missing ? t('errors.fields.required') : fieldError(save.error, 'startOn')}
        />
        <TextField
          label={t('candidacies.placement.wage')}
          name="monthlyWageIdr"
          inputMode="numeric"
          value={wage}
          onChange={(e) => setWage(e.target.value)}
          hint={t('candidacies.placement.wageHint')}
          error={fieldError(save.error, 'monthlyWageIdr')}
        />
        <SelectField
          label={t('candidacies.placement.contractType')}
          name="contractType"
          value={contractType}
          onChange={(e) => setContractType(e.target.value as ContractType | '')}
          error={fieldError(save.error, 'contractType')}
        >
          <option value="">{t('common.choose')}</option>
          {contractTypes.map((x) => (
            <option key={x} value={x}>
              {term('contractTypes', x)}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {t('candidacies.placement.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function PartnerEnd({ c, onDone }: { c: Candidacy; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!c.placement) return null;
  return open ? (
    <EndPlacementForm p={c.placement} caseId={null} onCancel={() => setOpen(false)} onDone={(m) => (setOpen(false), onDone(m))} />
  ) : (
    <p>
      <button type="button" className="button secondary" onClick={() => setOpen(true)}>
        {t('candidacies.placement.end')}
      </button>
    </p>
  );
}
