// The candidates put forward to a partner: only what the person agreed to share. Grouped by
// opening, filtered by status (and by opening when one is chosen), newest first; each opens the
// candidacy page where the partner answers.
import { useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { can, useMe } from '../auth/me';
import { candidacyStatuses, candidatesQuery, type CandidacyListItem, type CandidacyStatus } from '../employment/candidacies/api';
import { CandidacyBadges, term } from '../employment/candidacies/parts';
import { formatDateTime, textOr } from '../i18n';
import { NoAccess } from '../shell/NotFoundPage';
import { SelectField } from '../ui/Field';
import { ErrorAlert, Loading } from '../ui/Messages';
import { Pager } from '../ui/Pager';
import { usePageTitle } from '../ui/usePageTitle';

const LIMIT = 25;

export function CandidatesPage() {
  const me = useMe();
  if (!can(me, 'candidacy.readIncoming')) return <NoAccess />;
  return <Candidates />;
}

/** The code of conduct comes first: a partner who has not accepted it is sent there. */
export function CodeOfConductNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isApiError(error, 'code_of_conduct_required')) return <ErrorAlert error={error} />;
  return (
    <div role="alert" className="alert alert-warning">
      {t('candidacies.codeRequired')}{' '}
      <Link to="/partner/code-of-conduct">{t('candidacies.toCode')}</Link>
    </div>
  );
}

function Candidates() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as { openingId?: string; status?: string };
  const [status, setStatus] = useState<CandidacyStatus | ''>(
    (candidacyStatuses as readonly string[]).includes(search.status ?? '') ? (search.status as CandidacyStatus) : '',
  );
  const [openingId, setOpeningId] = useState<string>(search.openingId ?? '');
  const [offset, setOffset] = useState(0);
  const title = t('candidacies.title');
  usePageTitle(title);
  const { data, isPending, error } = useQuery(candidatesQuery({ status: status || undefined, openingId: openingId || undefined, limit: LIMIT, offset }));
  const items = data?.items ?? [];
  const groups = new Map<string, { title: string; items: CandidacyListItem[] }>();
  for (const x of items) {
    const g = groups.get(x.opening.id) ?? { title: x.opening.title, items: [] };
    g.items.push(x);
    groups.set(x.opening.id, g);
  }
  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
      </div>
      <p className="hint">{t('candidacies.list.intro')}</p>
      <form className="filters candidate-filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('candidacies.labels.status')}
          name="status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as CandidacyStatus | '');
            setOffset(0);
          }}
        >
          <option value="">{t('common.all')}</option>
          {candidacyStatuses.map((s) => (
            <option key={s} value={s}>
              {term('candidacyStatuses', s)}
            </option>
          ))}
        </SelectField>
        {openingId ? (
          <p>
            {t('candidacies.list.oneOpening', { title: items[0]?.opening.title ?? '' })}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setOpeningId('');
                setOffset(0);
              }}
            >
              {t('candidacies.list.allOpenings')}
            </button>
          </p>
        ) : null}
      </form>
      {isPending ? <Loading /> : null}
      {error ? <CodeOfConductNotice error={error} /> : null}
      {data && !items.length ? <p>{t('candidacies.list.none')}</p> : null}
      {[...groups.entries()].map(([id, g]) => (
        <section key={id} aria-labelledby={`opening-${id}`} className="candidate-group">
          <h2 id={`opening-${id}`}>
            {g.title}{' '}
            {!openingId ? (
              <button
                type="button"
                className="link-button small"
                onClick={() => {
                  setOpeningId(id);
                  setOffset(0);
                }}
              >
                {t('candidacies.list.onlyThis')}
                <span className="visually-hidden"> — {g.title}</span>
              </button>
            ) : null}
          </h2>
          <ul className="candidacy-cards">
            {g.items.map((x) => (
              <CandidateItem key={x.id} x={x} />
            ))}
          </ul>
        </section>
      ))}
      {data ? <Pager offset={offset} limit={LIMIT} total={data.total} onChange={setOffset} /> : null}
    </>
  );
}

function CandidateItem({ x }: { x: CandidacyListItem }) {
  const { t } = useTranslation();
  const p = x.person;
  const facts = [
    p.sex ? textOr(`persons.sex.${p.sex}`, p.sex) : null,
    p.ageBand ? t('referrals.ageBand', { band: p.ageBand }) : null,
  ].filter(Boolean);
  return (
    <li className="candidacy-card">
      <article aria-labelledby={`candidate-${x.id}`}>
        <h3 id={`candidate-${x.id}`}>
          <Link to="/candidates/$candidacyId" params={{ candidacyId: x.id }}>
            {p.firstName || t('candidacies.list.unnamed')}
          </Link>
        </h3>
        <CandidacyBadges c={x} />
        <p className="small">
          {facts.join(' · ')}
          {facts.length ? ' · ' : ''}
          {t('candidacies.list.from', { organization: x.from.name, date: formatDateTime(x.putForwardAt) })}
        </p>
        {x.interviewAt && x.status === 'interview' ? <p className="small">{t('candidacies.list.interview', { date: formatDateTime(x.interviewAt) })}</p> : null}
      </article>
    </li>
  );
}
