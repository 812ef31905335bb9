// The referral inbox (/referrals): "Masuk" (received by the organisation: focal points and
// supervisors) and "Keluar" (sent from the caller's cases), each with its counts, status filters,
// a reference search and a list where overdue ones come first and say so in words.
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/me';
import type { Me } from '../api/types';
import { formatNumber } from '../i18n';
import { NoAccess } from '../shell/NotFoundPage';
import { TextField } from '../ui/Field';
import { ResultList } from '../ui/ResultList';
import { usePageTitle } from '../ui/usePageTitle';
import { countsQuery, inboxQuery, statusFilters, type Box, type ReferralCounts, type ReferralListItem, type StatusFilter } from './api';
import { Deadline, NeedsText, ReferralBadges, resultText } from './parts';

const route = getRouteApi('/app/referrals');
const LIMIT = 25;

export function availableBoxes(me: Me): Box[] {
  return [...(can(me, 'referral.readIncoming') ? (['incoming'] as const) : []), ...(can(me, 'referral.send') ? (['outgoing'] as const) : [])];
}

export function InboxPage() {
  const me = useMe();
  if (availableBoxes(me).length === 0) return <NoAccess />;
  return <Inbox />;
}

function Inbox() {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const boxes = availableBoxes(me);
  const box: Box = search.box && boxes.includes(search.box) ? search.box : boxes[0]!;
  const filters = statusFilters.filter((s) => s !== 'review' || (box === 'outgoing' && can(me, 'referral.review')));
  const status: StatusFilter = search.status && filters.includes(search.status) ? search.status : 'open';
  const title = t('referrals.title');
  usePageTitle(`${title} · ${t(`referrals.inbox.box.${box}`)}`);

  const [q, setQ] = useState(search.q ?? '');
  useEffect(() => setQ(search.q ?? ''), [search.q]);

  const counts = useQuery(countsQuery());
  const query = useQuery(inboxQuery({ box, status, q: search.q, limit: LIMIT, offset: search.offset ?? 0 }));

  function apply(e: FormEvent) {
    e.preventDefault();
    void navigate({ search: (prev) => ({ ...prev, q: q.trim() || undefined, offset: undefined }) });
  }

  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
      </div>

      {boxes.length > 1 ? (
        <nav aria-label={t('referrals.inbox.boxes')} className="tabs inbox-boxes">
          <ul>
            {boxes.map((b) => (
              <li key={b}>
                <Link to="/referrals" search={{ box: b }} aria-current={b === box ? 'page' : undefined} activeOptions={{ includeSearch: true, exact: true }} activeProps={{}}>
                  {t(`referrals.inbox.box.${b}`)} <BoxCount counts={counts.data} box={b} />
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        <h2 className="inbox-single">
          {t(`referrals.inbox.box.${box}`)} <BoxCount counts={counts.data} box={box} />
        </h2>
      )}
      <CountSummary counts={counts.data} box={box} />

      <nav aria-label={t('referrals.inbox.filters')} className="filter-chips">
        <ul>
          {filters.map((s) => (
            <li key={s}>
              <Link
                to="/referrals"
                search={{ box: search.box, status: s === 'open' ? undefined : s, q: search.q }}
                aria-current={s === status ? 'page' : undefined}
                activeOptions={{ includeSearch: true, exact: true }}
                activeProps={{}}
              >
                {t(`referrals.inbox.status.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form role="search" className="inbox-search" onSubmit={apply} aria-label={t('referrals.inbox.search')}>
        <TextField label={t('referrals.inbox.reference')} hint={t('referrals.inbox.referenceHint')} name="q" type="search" maxLength={40} value={q} onChange={(e) => setQ(e.target.value)} />
        <div className="actions">
          <button type="submit" className="button">
            {t('common.search')}
          </button>
          {search.q ? (
            <Link to="/referrals" search={{ box: search.box, status: search.status }} className="button secondary">
              {t('common.reset')}
            </Link>
          ) : null}
        </div>
      </form>

      <ResultList
        query={query}
        emptyText={search.q ? t('referrals.inbox.emptySearch') : t(`referrals.inbox.empty.${box}`)}
        offset={search.offset ?? 0}
        limit={LIMIT}
        onPage={(offset) => void navigate({ search: (prev) => ({ ...prev, offset: offset || undefined }) })}
      >
        {(items) => <ReferralTable items={items} box={box} caption={`${t(`referrals.inbox.box.${box}`)} · ${t(`referrals.inbox.status.${status}`)}`} />}
      </ResultList>
    </>
  );
}

function BoxCount({ counts, box }: { counts: ReferralCounts | undefined; box: Box }) {
  const { t } = useTranslation();
  const c = counts?.[box];
  if (!c) return null;
  const waiting = c.awaiting;
  return waiting ? <span className="badge pending">{t('referrals.inbox.awaitingCount', { count: waiting, formatted: formatNumber(waiting) })}</span> : null;
}

function CountSummary({ counts, box }: { counts: ReferralCounts | undefined; box: Box }) {
  const { t } = useTranslation();
  const c = counts?.[box];
  if (!c) return null;
  return (
    <ul className="count-summary" aria-label={t('referrals.inbox.countsLabel')}>
      <li>{t('referrals.inbox.counts.awaiting', { count: c.awaiting, formatted: formatNumber(c.awaiting) })}</li>
      <li className={c.overdue ? 'count-overdue' : undefined}>
        {c.overdue ? <span aria-hidden="true">⚠ </span> : null}
        {t('referrals.inbox.counts.overdue', { count: c.overdue, formatted: formatNumber(c.overdue) })}
      </li>
      <li>{t('referrals.inbox.counts.inProgress', { count: c.inProgress, formatted: formatNumber(c.inProgress) })}</li>
      {box === 'outgoing' && typeof c.review === 'number' && c.review > 0 ? (
        <li>{t('referrals.inbox.counts.review', { count: c.review, formatted: formatNumber(c.review) })}</li>
      ) : null}
    </ul>
  );
}

function ReferralTable({ items, box, caption }: { items: ReferralListItem[]; box: Box; caption: string }) {
  const { t } = useTranslation();
  return (
    <table className="responsive referral-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('referrals.labels.reference')}</th>
          <th scope="col">{box === 'incoming' ? t('referrals.labels.from') : t('referrals.labels.to')}</th>
          <th scope="col">{t('referrals.labels.status')}</th>
          <th scope="col">{t('referrals.labels.needs')}</th>
          <th scope="col">{t('referrals.labels.deadline')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => {
          const result = resultText(r);
          return (
            <tr key={r.id} className={r.overdue ? 'is-overdue' : undefined}>
              <th scope="row" data-label={t('referrals.labels.reference')}>
                <Link to="/referrals/$referralId" params={{ referralId: r.id }}>
                  {r.caseReference}
                </Link>
              </th>
              <td data-label={box === 'incoming' ? t('referrals.labels.from') : t('referrals.labels.to')}>
                {box === 'incoming' ? r.from.name : r.to.name}
                {r.service ? <span className="muted small"> · {r.service.name}</span> : null}
              </td>
              <td data-label={t('referrals.labels.status')}>
                <ReferralBadges r={r} />
                {result ? <span className="small referral-result"> {result}</span> : null}
              </td>
              <td data-label={t('referrals.labels.needs')}>
                <NeedsText needs={r.needs} />
              </td>
              <td data-label={t('referrals.labels.deadline')}>
                <Deadline r={r} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
