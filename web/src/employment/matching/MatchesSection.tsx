// Openings and training places that fit the case's skills profile, ranked, with the reasons; each
// can be put forward (candidacies/PutForwardButton), and says when no job_matching consent covers
// its partner yet.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { CaseOut } from '../../cases/api';
import { formatDate, formatNumber } from '../../i18n';
import { ErrorAlert, Loading } from '../../ui/Messages';
import type { OpeningKind } from '../../../../src/employment/vocabulary';
import { PutForwardButton } from '../candidacies/PutForwardButton';
import { skillsProfileQuery } from '../profile/api';
import { term } from '../profile/labels';
import { caseMatchesQuery, type CaseMatches, type MatchedOpening } from './api';
import { MatchReasons, ScoreBar } from './Reasons';
import './matching.css';

export function MatchesSection({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const profile = useQuery(skillsProfileQuery(c.id));
  const [kind, setKind] = useState<OpeningKind | undefined>(undefined);
  const hasProfile = !!profile.data?.profile;
  const { data, isPending, isFetching, error } = useQuery({ ...caseMatchesQuery(c.id, kind), enabled: hasProfile });
  const shown: OpeningKind = kind ?? data?.kind ?? 'job';
  return (
    <section className="work-section" aria-labelledby="work-matches-title">
      <h3 id="work-matches-title">{t('work.matches.title')}</h3>
      {profile.data && !hasProfile ? <p>{t('work.matches.needProfile')}</p> : null}
      {hasProfile ? (
        <>
          <div className="kind-switch" role="group" aria-label={t('work.matches.kindLabel')}>
            {(['job', 'training'] as const).map((k) => (
              <button key={k} type="button" className={`button ${shown === k ? '' : 'secondary'}`} aria-pressed={shown === k} onClick={() => setKind(k)}>
                {t(`work.matches.kinds.${k}`)}
              </button>
            ))}
          </div>
          {isPending ? <Loading /> : null}
          {error && !isApiError(error, 'profile_required') ? <ErrorAlert error={error} /> : null}
          {data ? (
            <>
              <p className="muted" aria-live="polite">
                {isFetching ? t('common.loading') : t('work.matches.count', { count: data.items.length })}
              </p>
              {data.items.length === 0 ? <p>{t(`work.matches.none.${data.kind}`)}</p> : null}
              <ol className="match-list">
                {data.items.map((m) => (
                  <MatchCard key={m.opening.id} c={c} m={m} />
                ))}
              </ol>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

export function OpeningFacts({ o }: { o: MatchedOpening }) {
  const { t } = useTranslation();
  const place = o.remote ? t('work.matches.remote') : [o.area?.regency, o.area?.province].filter(Boolean).join(', ') || o.areaCode || '—';
  const facts: string[] = [o.organization.name, place];
  if (o.kind === 'job' && (o.wageMinIdr || o.wageMaxIdr))
    facts.push(
      o.wageMinIdr && o.wageMaxIdr && o.wageMaxIdr !== o.wageMinIdr
        ? t('work.matches.wageRange', { min: formatNumber(o.wageMinIdr), max: formatNumber(o.wageMaxIdr) })
        : t('work.matches.wage', { amount: formatNumber((o.wageMinIdr ?? o.wageMaxIdr)!) }),
    );
  if (o.kind === 'job' && o.contractType) facts.push(term('contractTypes', o.contractType));
  if (o.kind === 'training' && o.durationWeeks) facts.push(t('work.matches.weeks', { count: o.durationWeeks }));
  if (o.kind === 'training' && o.costIdr !== null) facts.push(o.costIdr === 0 ? t('work.matches.free') : t('work.matches.cost', { amount: formatNumber(o.costIdr) }));
  if (o.closesOn) facts.push(t('work.matches.closes', { date: formatDate(o.closesOn) }));
  return <p className="match-facts">{facts.join(' · ')}</p>;
}

function MatchCard({ c, m }: { c: CaseOut; m: CaseMatches['items'][number] }) {
  const { t } = useTranslation();
  const o = m.opening;
  return (
    <li className="match-card">
      <article aria-labelledby={`match-${o.id}`}>
        <h4 id={`match-${o.id}`}>
          <Link to="/openings/$openingId" params={{ openingId: o.id }}>
            {o.title}
          </Link>
        </h4>
        <OpeningFacts o={o} />
        <ScoreBar score={m.score} />
        <MatchReasons reasons={m.reasons} place={{ regency: o.area?.regency ?? null, province: o.area?.province ?? null }} />
        {!m.consent.covers ? (
          <p className="consent-note">
            {t('work.matches.noConsent', { name: o.organization.name })}{' '}
            <Link to="/cases/$caseId" params={{ caseId: c.id }} search={{ tab: 'consent' }}>
              {t('work.matches.toConsent')}
            </Link>
          </p>
        ) : null}
        {m.candidacy ? (
          <p>
            <span className="badge">{t('work.matches.putForward', { status: term('candidacyStatuses', m.candidacy.status) })}</span>
          </p>
        ) : (
          <PutForwardButton caseId={c.id} openingId={o.id} />
        )}
      </article>
    </li>
  );
}
