// One referral (/referrals/$referralId), from either side: who sent it to whom, status, urgency and
// deadline; what was shared about the person (the receiver's view closes when the referral ends,
// after a grace period, and shrinks when consent is withdrawn); the needs and the message; the moves
// this caller may make; a best-interest override and its review; every step with who and when;
// and the referral letter as a PDF.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { can, useMe } from '../auth/me';
import { formatDateTime, textOr } from '../i18n';
import { fieldError } from '../i18n/errors';
import { SelectField, TextAreaField } from '../ui/Field';
import { ErrorAlert, Loading, StatusMessage } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import {
  declineReasons,
  letterUrl,
  moveReferral,
  outcomes,
  referralKeys,
  referralQuery,
  reviewOverride,
  type DeclineReason,
  type Outcome,
  type ReferralOut,
  type ReferralStatus,
} from './api';
import { Deadline, fieldLabel, NeedsList, PersonView, ReferralBadges, resultText } from './parts';

const route = getRouteApi('/app/referrals/$referralId');

export function ReferralPage() {
  const { t } = useTranslation();
  const { referralId } = route.useParams();
  const { data, isPending, error } = useQuery(referralQuery(referralId));
  usePageTitle(data ? t('referrals.page.title', { reference: data.caseReference }) : t('referrals.title'));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/referrals" search={data ? { box: data.side === 'receiver' ? 'incoming' : 'outgoing' } : {}}>
          {t('referrals.page.back')}
        </Link>
      </p>
      {isPending ? <Loading /> : null}
      {error && !data ? (
        isApiError(error, 'not_found') ? (
          <>
            <h1>{t('notFound.title')}</h1>
            <p>{t('referrals.page.notFound')}</p>
          </>
        ) : (
          <ErrorAlert error={error} />
        )
      ) : null}
      {data ? <ReferralView key={data.id} r={data} /> : null}
    </>
  );
}

function ReferralView({ r }: { r: ReferralOut }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const result = resultText(r);
  const receiver = r.side === 'receiver';
  const withdrawnFields = r.sharedFields.filter((f) => !r.visibleFields.includes(f));
  const consentWithdrawn = r.consent ? !r.consent.active : false;
  return (
    <article className="referral-page" aria-labelledby="referral-title">
      <header className="referral-head">
        <h1 id="referral-title">{t('referrals.page.title', { reference: r.caseReference })}</h1>
        <p className="referral-route">
          <span>{r.from.name}</span> <span aria-hidden="true">→</span>
          <span className="visually-hidden"> {t('referrals.page.to')} </span> <span>{r.service ? `${r.service.name} — ${r.to.name}` : r.to.name}</span>
        </p>
        <ReferralBadges r={r} />
        <dl className="summary compact referral-facts">
          <dt>{t('referrals.labels.status')}</dt>
          <dd>
            {t(`referrals.status.${r.status}`)}
            {r.overdue ? ` — ${t('referrals.overdueText')}` : ''}
          </dd>
          {result ? (
            <>
              <dt>{r.outcome ? t('referrals.labels.outcome') : t('referrals.labels.declineReason')}</dt>
              <dd>{result}</dd>
            </>
          ) : null}
          <dt>{t('referrals.labels.urgency')}</dt>
          <dd>{t(`referrals.urgency.${r.urgency}`)}</dd>
          <dt>{t('referrals.labels.deadline')}</dt>
          <dd>
            <Deadline r={r} />
          </dd>
          <dt>{t('referrals.labels.sent')}</dt>
          <dd>{t('referrals.sentBy', { name: r.sentBy?.displayName ?? '—', date: formatDateTime(r.sentAt) })}</dd>
          {r.endedAt ? (
            <>
              <dt>{t('referrals.labels.ended')}</dt>
              <dd>{formatDateTime(r.endedAt)}</dd>
            </>
          ) : null}
          <dt>{t('referrals.labels.contactPreference')}</dt>
          <dd>{t(`referrals.contactPreferences.${r.contactPreference}`)}</dd>
          {!receiver && r.caseId ? (
            <>
              <dt>{t('referrals.labels.case')}</dt>
              <dd>
                <Link to="/cases/$caseId" params={{ caseId: r.caseId }} search={{ tab: 'referrals' }}>
                  {r.caseReference}
                </Link>
              </dd>
            </>
          ) : null}
        </dl>
      </header>

      {r.candidacyId ? (
        <p className="alert alert-info">
          {t('referrals.page.candidacy')}{' '}
          <Link to="/candidates/$candidacyId" params={{ candidacyId: r.candidacyId }}>
            {t('referrals.seeCandidacy')}
          </Link>
        </p>
      ) : null}
      <StatusMessage tone="success">{message}</StatusMessage>
      <Actions r={r} onDone={setMessage} />

      <section aria-labelledby="referral-needs-title">
        <h2 id="referral-needs-title">{t('referrals.labels.needs')}</h2>
        <NeedsList needs={r.needs} />
        <h3>{t('referrals.labels.message')}</h3>
        <p className="pre">{r.message || '—'}</p>
      </section>

      <section aria-labelledby="referral-shared-title">
        <h2 id="referral-shared-title">{t('referrals.page.shared')}</h2>
        {receiver ? (
          <>
            {r.accessUntil ? (
              <p className="alert alert-info">{t('referrals.page.accessUntil', { date: formatDateTime(r.accessUntil) })}</p>
            ) : (
              <p className="hint">{t('referrals.page.accessWhileOpen')}</p>
            )}
          </>
        ) : (
          <p className="hint">
            {t('referrals.page.sharedFields')}: {r.sharedFields.map(fieldLabel).join(', ') || '—'}
          </p>
        )}
        {consentWithdrawn ? (
          <p className="alert alert-warning">
            <span aria-hidden="true">⊘ </span>
            {receiver ? t('referrals.page.consentWithdrawnReceiver') : t('referrals.page.consentWithdrawnSender')}
          </p>
        ) : null}
        {withdrawnFields.length ? (
          <p className="no-longer-shared">
            <strong>{t('referrals.page.noLongerShared')}</strong> {withdrawnFields.map(fieldLabel).join(', ')}
          </p>
        ) : null}
        {receiver || r.person ? <PersonView person={r.person} fields={r.visibleFields} /> : null}
      </section>

      {r.override ? <OverrideSection r={r} onDone={setMessage} /> : null}

      <section aria-labelledby="referral-history-title">
        <h2 id="referral-history-title">{t('referrals.page.history')}</h2>
        <ol className="referral-history">
          {(r.events ?? []).map((e) => (
            <li key={e.id}>
              <p>
                <strong>{e.reason === 'reviewed' && e.fromStatus === e.toStatus ? t('referrals.events.reviewed') : t(`referrals.events.${e.toStatus}`)}</strong> — {e.by?.displayName ?? t('referrals.page.system')}
                {e.organization ? ` (${e.organization.name})` : ''} · <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </p>
              {e.reason && e.reason !== 'reviewed' ? <p className="small">{eventReason(e.toStatus, e.reason)}</p> : null}
              {e.note ? <p className="pre small">{e.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="referral-letter-title">
        <h2 id="referral-letter-title">{t('referrals.letter.title')}</h2>
        <p className="hint">{t('referrals.letter.hint')}</p>
        <ul className="letter-links">
          <li>
            <a href={letterUrl(r.id, 'id')} download>
              {t('referrals.letter.download')} — <span lang="id">Bahasa Indonesia</span>
            </a>
          </li>
          <li>
            <a href={letterUrl(r.id, 'en')} download>
              {t('referrals.letter.download')} — <span lang="en">English</span>
            </a>
          </li>
        </ul>
      </section>
    </article>
  );
}

/** A decline reason, an outcome, or (on sending) the reason of an override, in words. */
function eventReason(to: ReferralStatus, reason: string): string {
  if (to === 'sent') return `${textOr('referrals.override.sectionTitle', '')}: ${textOr(`referrals.overrideReasons.${reason}`, reason)}`;
  if (to === 'declined') return resultText({ outcome: null, declineReason: reason as DeclineReason }) ?? reason;
  if (to === 'completed') return resultText({ outcome: reason as Outcome, declineReason: null }) ?? reason;
  return reason;
}

/** The caller's moves, in the order of the life cycle; the ones with a choice open a dialog. */
type Move = Exclude<ReferralStatus, 'sent'>;
type DialogMove = 'declined' | 'completed' | 'closed' | 'withdrawn';
const moveOrder: Move[] = ['acknowledged', 'accepted', 'in_progress', 'completed', 'declined', 'closed', 'withdrawn'];

function Actions({ r, onDone }: { r: ReferralOut; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState(false);
  const moves = moveOrder.filter((m) => r.allowedTransitions.includes(m));
  const move = useMutation({
    mutationFn: (body: { to: Move; reason?: DeclineReason; outcome?: Outcome; note?: string | null }) => moveReferral(r.id, { ...body, version: r.version }),
    onSuccess: (updated, body) => {
      setConflict(false);
      queryClient.setQueryData(referralKeys.detail(r.id), updated);
      void queryClient.invalidateQueries({ queryKey: referralKeys.all });
      if (updated.caseId) void queryClient.invalidateQueries({ queryKey: referralKeys.ofCase(updated.caseId) });
      onDone(t(`referrals.moved.${body.to}`));
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict') || isApiError(err, 'transition_not_allowed')) {
        setConflict(true);
        void queryClient.invalidateQueries({ queryKey: referralKeys.detail(r.id) });
      }
    },
  });
  if (!moves.length && !conflict) return null;
  const simple = (to: Move) => (
    <button key={to} type="button" className="button" disabled={move.isPending} onClick={() => move.mutate({ to })}>
      {t(`referrals.actions.${to}`)}
    </button>
  );
  return (
    <section className="referral-actions" aria-labelledby="referral-actions-title">
      <h2 id="referral-actions-title">{t('referrals.page.actions')}</h2>
      {conflict ? (
        <p role="alert" className="alert alert-warning">
          {t('referrals.page.conflict')}
        </p>
      ) : move.error ? (
        <ErrorAlert error={move.error} />
      ) : null}
      <div className="actions">
        {moves.map((to) => {
          if (to === 'acknowledged' || to === 'accepted' || to === 'in_progress') return simple(to);
          return <MoveDialog key={to} to={to} busy={move.isPending} error={move.error} onSubmit={(body) => move.mutateAsync({ to, ...body })} />;
        })}
      </div>
    </section>
  );
}

/** Decline (reason + note), complete (outcome + note), close (note) or withdraw (note, confirmed). */
function MoveDialog({
  to,
  busy,
  error,
  onSubmit,
}: {
  to: DialogMove;
  busy: boolean;
  error: unknown;
  onSubmit: (body: { reason?: DeclineReason; outcome?: Outcome; note?: string | null }) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId();
  const [reason, setReason] = useState<DeclineReason | ''>('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [noteMissing, setNoteMissing] = useState(false);
  const danger = to === 'declined' || to === 'withdrawn';
  async function submit(e: FormEvent) {
    e.preventDefault();
    const lacking = (to === 'declined' && !reason) || (to === 'completed' && !outcome);
    const noteLacking = to === 'declined' && reason === 'other' && !note.trim();
    setMissing(lacking);
    setNoteMissing(noteLacking);
    if (lacking || noteLacking) return;
    try {
      await onSubmit({ reason: reason || undefined, outcome: outcome || undefined, note: note.trim() || null });
      ref.current?.close();
    } catch (err) {
      if (isApiError(err, 'version_conflict') || isApiError(err, 'transition_not_allowed')) ref.current?.close();
    }
  }
  return (
    <>
      <button
        type="button"
        ref={opener}
        className={danger ? 'button danger' : 'button secondary'}
        onClick={() => {
          setReason('');
          setOutcome('');
          setNote('');
          setMissing(false);
          setNoteMissing(false);
          ref.current?.showModal();
        }}
      >
        {t(`referrals.actions.${to}`)}
      </button>
      <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onClose={() => opener.current?.focus()}>
        <h2 id={`${id}-title`}>{t(`referrals.dialogs.${to}.title`)}</h2>
        <p id={`${id}-text`}>{t(`referrals.dialogs.${to}.text`)}</p>
        <form className="form" onSubmit={submit} noValidate>
          {to === 'declined' ? (
            <SelectField
              label={t('referrals.labels.declineReason')}
              name="reason"
              value={reason}
              onChange={(e) => setReason(e.target.value as DeclineReason | '')}
              required
              error={missing ? t('errors.fields.required') : fieldError(error, 'reason')}
            >
              <option value="">{t('common.choose')}</option>
              {declineReasons.map((x) => (
                <option key={x} value={x}>
                  {t(`referrals.declineReasons.${x}`)}
                </option>
              ))}
            </SelectField>
          ) : null}
          {to === 'completed' ? (
            <SelectField
              label={t('referrals.labels.outcome')}
              name="outcome"
              value={outcome}
              onChange={(e) => setOutcome(e.target.value as Outcome | '')}
              required
              error={missing ? t('errors.fields.required') : fieldError(error, 'outcome')}
            >
              <option value="">{t('common.choose')}</option>
              {outcomes.map((x) => (
                <option key={x} value={x}>
                  {t(`referrals.outcomes.${x}`)}
                </option>
              ))}
            </SelectField>
          ) : null}
          <TextAreaField
            label={t('referrals.labels.note')}
            name="note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={3}
            maxLength={4000}
            hint={to === 'declined' && reason === 'other' ? t('referrals.dialogs.declined.noteRequired') : t(`referrals.dialogs.${to}.noteHint`)}
            required={to === 'declined' && reason === 'other'}
            error={noteMissing ? t('errors.fields.required') : fieldError(error, 'note')}
          />
          <div className="actions">
            <button type="button" className="button secondary" onClick={() => ref.current?.close()}>
              {t('common.cancel')}
            </button>
            <button type="submit" className={danger ? 'button danger' : 'button'} disabled={busy}>
              {t(`referrals.dialogs.${to}.confirm`)}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

/** A best-interest override: why, by whom, and its review by a supervisor of the sending organisation. */
function OverrideSection({ r, onDone }: { r: ReferralOut; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const o = r.override!;
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const review = useMutation({
    mutationFn: () => reviewOverride(r.id, { version: r.version, note: note.trim() }),
    onSuccess: (updated) => {
      queryClient.setQueryData(referralKeys.detail(r.id), updated);
      void queryClient.invalidateQueries({ queryKey: referralKeys.all });
      onDone(t('referrals.override.reviewed'));
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) void queryClient.invalidateQueries({ queryKey: referralKeys.detail(r.id) });
    },
  });
  const mayReview = r.side === 'sender' && !o.reviewedAt && can(me, 'referral.review');
  function submit(e: FormEvent) {
    e.preventDefault();
    setMissing(!note.trim());
    if (note.trim()) review.mutate();
  }
  return (
    <section aria-labelledby="referral-override-title" className="card override-section">
      <h2 id="referral-override-title">{t('referrals.override.sectionTitle')}</h2>
      <dl className="summary compact">
        <dt>{t('referrals.override.reason')}</dt>
        <dd>{t(`referrals.overrideReasons.${o.reason}`)}</dd>
        {o.justification ? (
          <>
            <dt>{t('referrals.override.justification')}</dt>
            <dd className="pre">{o.justification}</dd>
          </>
        ) : null}
        <dt>{t('referrals.override.by')}</dt>
        <dd>{o.by?.displayName ?? '—'}</dd>
        <dt>{t('referrals.override.review')}</dt>
        <dd>
          {o.reviewedAt
            ? t('referrals.override.reviewedOn', { name: o.reviewedBy?.displayName ?? '—', date: formatDateTime(o.reviewedAt) })
            : t('referrals.override.notReviewed')}
        </dd>
        {o.reviewNote ? (
          <>
            <dt>{t('referrals.override.reviewNote')}</dt>
            <dd className="pre">{o.reviewNote}</dd>
          </>
        ) : null}
      </dl>
      {mayReview ? (
        <form className="form" onSubmit={submit} noValidate>
          {isApiError(review.error, 'version_conflict') ? (
            <p role="alert" className="alert alert-warning">
              {t('referrals.page.conflict')}
            </p>
          ) : (
            <ErrorAlert error={review.error} />
          )}
          <TextAreaField
            label={t('referrals.override.reviewNote')}
            name="reviewNote"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={3}
            maxLength={4000}
            required
            error={missing ? t('errors.fields.required') : fieldError(review.error, 'note')}
          />
          <div className="actions">
            <button type="submit" className="button" disabled={review.isPending}>
              {t('referrals.override.reviewSubmit')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
