// What happened to the case: stage moves (with the closure reason and the text given), assignments,
// determinations, merges of person records, with who and when. Newest first.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/me';
import { formatDate, formatDateTime, textOr } from '../../i18n';
import { ErrorAlert, Loading } from '../../ui/Messages';
import { caseHistoryQuery, type CaseOut, type HistoryItem } from '../api';
import { closureText } from './CaseHeader';
import { determinations, labelOf } from './vocab';

type Item = HistoryItem & { reasonCode?: string | null };

export function HistoryTab({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(caseHistoryQuery(c.id));
  const items = [...((data?.items ?? []) as Item[])].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : Number(b.id) - Number(a.id)));
  return (
    <>
      {isPending ? <Loading /> : null}
      <ErrorAlert error={error} />
      {data && items.length === 0 ? <p>{t('cases.history.none')}</p> : null}
      {items.length ? (
        <ol className="history">
          {items.map((h) => (
            <HistoryEntry key={h.id} h={h} c={c} />
          ))}
        </ol>
      ) : null}
    </>
  );
}

function HistoryEntry({ h, c }: { h: Item; c: CaseOut }) {
  const { t } = useTranslation();
  const me = useMe();
  // Assignment events carry user IDs: name the ones this page knows, never show an ID.
  const userName = (id: string | null): string => {
    if (!id) return t('cases.history.nobody');
    if (id === me.user.id) return me.user.displayName;
    if (c.assignedTo?.id === id) return c.assignedTo.displayName;
    if (c.createdBy?.id === id) return c.createdBy.displayName;
    if (h.by?.id === id) return h.by.displayName;
    return t('cases.history.anotherUser');
  };
  let detail: string | null = null;
  if (h.kind === 'stage' || h.kind === 'created') {
    const from = h.fromValue ? textOr(`caseTerms.stage.${h.fromValue}`, h.fromValue) : null;
    const to = h.toValue ? textOr(`caseTerms.stage.${h.toValue}`, h.toValue) : '';
    detail = from ? `${from} → ${to}` : to;
  } else if (h.kind === 'determination') {
    const from = h.fromValue ? labelOf(determinations, h.fromValue) : null;
    detail = `${from ? `${from} → ` : ''}${labelOf(determinations, h.toValue)}`;
  } else if (h.kind === 'referral') {
    const from = h.fromValue ? textOr(`referrals.status.${h.fromValue}`, h.fromValue) : null;
    const to = h.toValue ? textOr(`referrals.status.${h.toValue}`, h.toValue) : '';
    detail = from ? `${from} → ${to}` : to;
  } else if (h.kind === 'journey') {
    const from = h.fromValue ? textOr(`returns.status.${h.fromValue}`, h.fromValue) : null;
    const to = h.toValue ? textOr(`returns.status.${h.toValue}`, h.toValue) : '';
    detail = from ? `${from} → ${to}` : to;
  } else if (h.kind === 'survey') {
    if (h.reasonCode === 'arrival')
      detail = h.fromValue
        ? t('surveys.history.arrivalChanged', { from: formatDate(h.fromValue), to: formatDate(h.toValue ?? '') })
        : t('surveys.history.arrival', { to: formatDate(h.toValue ?? '') });
    else {
      const from = h.fromValue ? textOr(`surveys.status.${h.fromValue}`, h.fromValue) : null;
      const to = h.toValue ? textOr(`surveys.status.${h.toValue}`, h.toValue) : '';
      detail = from ? `${from} → ${to}` : to;
    }
  } else if (h.kind === 'legal') {
    const st = (v: string | null) => (v ? textOr(`legal.stage.${v}`, v) : '');
    if (h.reasonCode === 'created') detail = t('legal.history.created', { to: st(h.toValue) });
    else if (h.reasonCode === 'details') detail = t('legal.history.details');
    else if (h.reasonCode === 'update') detail = t('legal.history.update');
    else detail = `${st(h.fromValue)} → ${st(h.toValue)}`;
  } else if (h.kind === 'transfer') {
    const from = h.fromValue ? textOr(`transfers.status.${h.fromValue}`, h.fromValue) : null;
    const to = h.toValue ? textOr(`transfers.status.${h.toValue}`, h.toValue) : '';
    detail = `${from ? `${from} → ` : ''}${to}${h.reasonCode ? ` (${textOr(`transfers.declineReasons.${h.reasonCode}`, h.reasonCode)})` : ''}`;
  } else if (h.kind === 'closure') {
    detail = h.toValue ? textOr(`closure.history.${h.toValue}`, h.toValue) : null;
  } else if (h.kind === 'plan') {
    const from = h.fromValue ? textOr(`plans.status.${h.fromValue}`, h.fromValue) : null;
    const to = h.toValue ? textOr(`plans.status.${h.toValue}`, h.toValue) : '';
    detail = `${t('plans.history.version', { number: h.reasonCode ?? '' })}: ${from ? `${from} → ` : ''}${to}`;
  } else if (h.kind === 'employment') {
    const code = h.toValue ?? '';
    const label = textOr(`candidacies.history.${code}`, textOr(`work.history.${code}`, code));
    if (code === 'follow_up_recorded') detail = t('candidacies.history.follow_up_recorded', { month: h.reasonCode ?? '' });
    else if (code === 'rejected' && h.reasonCode) detail = `${label} (${textOr(`employmentTerms.rejectReasons.${h.reasonCode}`, h.reasonCode)})`;
    else if (code === 'placement_ended' && h.reasonCode) detail = `${label} (${textOr(`employmentTerms.endReasons.${h.reasonCode}`, h.reasonCode)})`;
    else if (code === 'work_problem' && /^\d+$/.test(h.reasonCode ?? '')) detail = `${label} (${t('candidacies.alert.followUp', { month: h.reasonCode })})`;
    else detail = label;
  } else if (h.kind === 'assignment') {
    detail = h.fromValue ? `${userName(h.fromValue)} → ${userName(h.toValue)}` : userName(h.toValue);
  }
  const code = h.kind === 'stage' || h.kind === 'closure' ? h.reasonCode : null;
  return (
    <li className={`history-item history-${h.kind}`}>
      <p>
        <strong>{textOr(`cases.history.kinds.${h.kind}`, h.kind)}</strong>
        {detail ? <span>: {detail}</span> : null}
      </p>
      {code ? (
        <p>
          {t('cases.history.closureReason')}: {closureText(code)}
        </p>
      ) : null}
      {h.reason ? (
        <p className="pre">
          {t('cases.history.reason')}: {h.reason}
        </p>
      ) : null}
      <p className="muted small">{t('cases.history.byline', { who: h.by?.displayName ?? t('cases.history.system'), when: formatDateTime(h.at) })}</p>
    </li>
  );
}
