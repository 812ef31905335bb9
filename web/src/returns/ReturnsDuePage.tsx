// Returns due in the coming days, for the reception teams (/returns): journeys of the
// organisation's cases and those it receives, grouped by day of arrival, filtered by point of entry
// and number of days. Each shows what the team needs at the gate (time, point of entry, flight,
// escort, medical clearance, child or urgent medical care), the first name only where the person
// allowed it, and a link to the case for those who may open it.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/me';
import { formatDateTime, intlLocale } from '../i18n';
import { NoAccess } from '../shell/NotFoundPage';
import { SelectField } from '../ui/Field';
import { ResultList } from '../ui/ResultList';
import { usePageTitle } from '../ui/usePageTitle';
import { dueDays, returnsDueQuery, type ReturnDueItem } from './api';
import { pointLabel, PointSelect, StatusBadge } from './parts';

const LIMIT = 100;
const dayChoices = [1, 3, dueDays.default, 14, dueDays.max];

/** The calendar day of a moment in the browser's time, as a key and a heading. */
const dayKey = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
};

export function ReturnsDuePage() {
  const me = useMe();
  if (!can(me, 'journey.readDue')) return <NoAccess />;
  return <ReturnsDue />;
}

function ReturnsDue() {
  const { t } = useTranslation();
  usePageTitle(t('returnsDue.title'));
  const [days, setDays] = useState<number>(dueDays.default);
  const [pointCode, setPointCode] = useState('');
  const [offset, setOffset] = useState(0);
  const query = useQuery(returnsDueQuery({ days, pointCode: pointCode || undefined, limit: LIMIT, offset }));
  return (
    <section className="page returns-due">
      <div className="page-head">
        <h1>{t('returnsDue.title')}</h1>
      </div>
      <p className="muted">{t('returnsDue.intro')}</p>
      <form className="filters returns-filters" aria-label={t('returnsDue.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('returnsDue.days')}
          name="days"
          value={String(days)}
          onChange={(e) => {
            setDays(Number(e.target.value));
            setOffset(0);
          }}
        >
          {dayChoices.map((d) => (
            <option key={d} value={d}>
              {t('returnsDue.nextDays', { count: d })}
            </option>
          ))}
        </SelectField>
        <PointSelect
          label={t('returnsDue.point')}
          name="pointCode"
          value={pointCode}
          onChange={(v) => {
            setPointCode(v);
            setOffset(0);
          }}
          emptyLabel={t('returnsDue.allPoints')}
        />
      </form>
      <ResultList query={query} emptyText={t('returnsDue.empty', { count: days })} offset={offset} limit={LIMIT} onPage={setOffset}>
        {(items) => <DueDays items={items} />}
      </ResultList>
    </section>
  );
}

function DueDays({ items }: { items: ReturnDueItem[] }) {
  const { t } = useTranslation();
  const groups: { key: string; first: string; items: ReturnDueItem[] }[] = [];
  for (const i of items) {
    const key = dayKey(i.expectedArrivalAt);
    const g = groups.at(-1);
    if (g && g.key === key) g.items.push(i);
    else groups.push({ key, first: i.expectedArrivalAt, items: [i] });
  }
  const today = dayKey(new Date().toISOString());
  const tomorrow = dayKey(new Date(Date.now() + 86_400_000).toISOString());
  const yesterday = dayKey(new Date(Date.now() - 86_400_000).toISOString());
  const relative = (key: string) => (key === today ? t('returnsDue.today') : key === tomorrow ? t('returnsDue.tomorrow') : key === yesterday ? t('returnsDue.yesterday') : null);
  return (
    <>
      {groups.map((g) => {
        const heading = new Intl.DateTimeFormat(intlLocale(), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(g.first));
        const rel = relative(g.key);
        return (
          <section key={g.key} className="due-day" aria-labelledby={`due-${g.key}`}>
            <h2 id={`due-${g.key}`}>
              {rel ? `${rel} — ` : null}
              {heading} <span className="badge">{t('returnsDue.count', { count: g.items.length })}</span>
            </h2>
            <ul className="due-cards">
              {g.items.map((i) => (
                <DueCard key={i.journeyId} i={i} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function DueCard({ i }: { i: ReturnDueItem }) {
  const { t } = useTranslation();
  const late = new Date(i.expectedArrivalAt).getTime() < Date.now();
  const who = [i.firstName ?? t('returnsDue.nameNotShared'), t(`returnsDue.sex.${i.sex === 'male' ? 'male' : i.sex === 'female' ? 'female' : 'other'}`), i.ageBand ? t('returnsDue.ageBand', { band: i.ageBand }) : null]
    .filter(Boolean)
    .join(' · ');
  const leg = i.lastReturnLeg;
  return (
    <li className={`due-card${i.flags.length ? ' has-flags' : ''}`}>
      <article aria-labelledby={`due-card-${i.journeyId}`}>
        <h3 id={`due-card-${i.journeyId}`}>
          <span className="due-time">{formatDateTime(i.expectedArrivalAt)}</span> {who}
        </h3>
        <p className="due-badges">
          <StatusBadge status={i.status} />
          {late ? <span className="badge due-late">{t('returnsDue.late')}</span> : null}
          {i.flags.map((f) => (
            <span key={f} className={`badge due-flag due-flag-${f}`}>
              {t(`returnsDue.flag.${f}`)}
            </span>
          ))}
        </p>
        <dl className="summary compact">
          <dt>{t('returnsDue.labels.point')}</dt>
          <dd>{i.arrivalPoint ? pointLabel(i.arrivalPoint) : '—'}</dd>
          <dt>{t('returnsDue.labels.travel')}</dt>
          <dd>{leg ? [t(`returns.mode.${leg.mode}`), leg.carrier, leg.flightNumber].filter(Boolean).join(' · ') : '—'}</dd>
          <dt>{t('returnsDue.labels.escort')}</dt>
          <dd>{t(`returns.escort.${i.escort}`)}</dd>
          <dt>{t('returnsDue.labels.medical')}</dt>
          <dd>{t(`returns.medical.${i.medicalClearance}`)}</dd>
          <dt>{t('returnsDue.labels.reception')}</dt>
          <dd>{i.receptionOrganization?.name ?? t('returnsDue.noReception')}</dd>
          <dt>{t('returnsDue.labels.case')}</dt>
          <dd>
            {i.caseId ? (
              <Link to="/cases/$caseId" params={{ caseId: i.caseId }} search={{ tab: 'journey' }}>
                {i.caseReference}
              </Link>
            ) : (
              i.caseReference
            )}{' '}
            <span className="muted">({i.caseOrganization.name})</span>
          </dd>
        </dl>
      </article>
    </li>
  );
}
