// The case's referrals (tab "Rujukan"): to whom, for which needs, status, overdue, the outcome or
// the reason it was declined, and the deadline; and "Rujuk", the form that sends a new one.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/me';
import type { CaseOut } from '../cases/api';
import { formatDateTime } from '../i18n';
import { ErrorAlert, Loading, StatusMessage } from '../ui/Messages';
import { caseReferralsQuery, isEnded, type ReferralOut } from './api';
import { Deadline, NeedsText, ReferralBadges, resultText } from './parts';
import { SendReferral } from './SendReferral';

const order = (a: ReferralOut, b: ReferralOut) => {
  const rank = (r: ReferralOut) => (isEnded(r.status) ? 2 : r.overdue ? 0 : 1);
  return rank(a) - rank(b) || (a.sentAt < b.sentAt ? 1 : -1);
};

export function ReferralsTab({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const me = useMe();
  const { data, isPending, error } = useQuery(caseReferralsQuery(c.id));
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<ReferralOut | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const items = [...(data ?? [])].sort(order);
  const overdue = items.filter((r) => r.overdue).length;
  const maySend = c.can.update && can(me, 'referral.send') && c.stage !== 'closed';
  return (
    <>
      <StatusMessage tone="success">
        {sent ? (
          <>
            {t('referrals.send.sent', { name: sent.service ? `${sent.service.name} — ${sent.to.name}` : sent.to.name })}{' '}
            <Link to="/referrals/$referralId" params={{ referralId: sent.id }}>
              {t('referrals.open')}
            </Link>
          </>
        ) : null}
      </StatusMessage>
      {maySend && !sending ? (
        <p>
          <button
            type="button"
            ref={opener}
            className="button"
            onClick={() => {
              setSent(null);
              setSending(true);
            }}
          >
            {t('referrals.send.open')}
          </button>
        </p>
      ) : null}
      {sending ? (
        <SendReferral
          c={c}
          onSent={(r) => {
            setSent(r);
            setSending(false);
            setTimeout(() => opener.current?.focus(), 0);
          }}
          onCancel={() => {
            setSending(false);
            setTimeout(() => opener.current?.focus(), 0);
          }}
        />
      ) : null}
      <section aria-labelledby="case-referrals-title">
        <h3 id="case-referrals-title">{t('referrals.tab.list')}</h3>
        {isPending ? <Loading /> : null}
        <ErrorAlert error={error} />
        {overdue ? (
          <p className="alert alert-error overdue-summary">
            <span aria-hidden="true">⚠ </span>
            {t('referrals.tab.overdueCount', { count: overdue })}
          </p>
        ) : null}
        {data && items.length === 0 ? <p>{t('referrals.tab.none')}</p> : null}
        <ul className="referral-cards">
          {items.map((r) => (
            <CaseReferral key={r.id} r={r} />
          ))}
        </ul>
      </section>
    </>
  );
}

function CaseReferral({ r }: { r: ReferralOut }) {
  const { t } = useTranslation();
  const result = resultText(r);
  return (
    <li className={`referral-card${r.overdue ? ' is-overdue' : ''}`}>
      <article aria-labelledby={`referral-${r.id}`}>
        <h4 id={`referral-${r.id}`}>
          <Link to="/referrals/$referralId" params={{ referralId: r.id }}>
            {r.service ? `${r.service.name} — ${r.to.name}` : r.to.name}
          </Link>
        </h4>
        <ReferralBadges r={r} />
        <dl className="summary compact">
          <dt>{t('referrals.labels.needs')}</dt>
          <dd>
            <NeedsText needs={r.needs} />
          </dd>
          <dt>{t('referrals.labels.deadline')}</dt>
          <dd>
            <Deadline r={r} />
          </dd>
          {result ? (
            <>
              <dt>{r.outcome ? t('referrals.labels.outcome') : t('referrals.labels.declineReason')}</dt>
              <dd>{result}</dd>
            </>
          ) : null}
          <dt>{t('referrals.labels.sent')}</dt>
          <dd>{t('referrals.sentBy', { name: r.sentBy?.displayName ?? '—', date: formatDateTime(r.sentAt) })}</dd>
        </dl>
        {r.candidacyId ? (
          <p>
            <Link to="/candidates/$candidacyId" params={{ candidacyId: r.candidacyId }}>
              {t('referrals.seeCandidacy')}
            </Link>
          </p>
        ) : null}
      </article>
    </li>
  );
}
