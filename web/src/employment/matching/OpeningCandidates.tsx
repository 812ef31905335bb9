// For case workers on an opening's page: the cases of their organisation that fit it and consented
// to be put forward, ranked, with the reasons. A case the caller may not open shows its reference,
// its reasons and its case worker (to ask), no link; never a name of the person.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { can, useMe } from '../../auth/me';
import { ErrorAlert, Loading } from '../../ui/Messages';
import { term } from '../profile/labels';
import { openingCandidatesQuery } from './api';
import { MatchReasons, ScoreBar, type PlaceContext } from './Reasons';
import './matching.css';

export function OpeningCandidates({ openingId }: { openingId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = can(me, 'opening.matchCases');
  const { data, isPending, error } = useQuery({ ...openingCandidatesQuery(openingId), enabled: allowed });
  if (!allowed) return null;
  const where: PlaceContext = { regency: data?.opening.area?.regency ?? null, province: data?.opening.area?.province ?? null };
  return (
    <section className="work-section" aria-labelledby={`candidates-${openingId}`}>
      <h2 id={`candidates-${openingId}`}>{t('work.candidates.title')}</h2>
      <p className="hint">{t('work.candidates.intro')}</p>
      {isPending ? <Loading /> : null}
      {isApiError(error, 'opening_not_open') ? <p>{t('work.candidates.notOpen')}</p> : error && !isApiError(error, 'not_found') ? <ErrorAlert error={error} /> : null}
      {data && data.items.length === 0 ? <p>{t('work.candidates.none')}</p> : null}
      {data && data.items.length ? (
        <ol className="match-list">
          {data.items.map((m) => (
            <li key={m.case.id} className="match-card">
              <article aria-labelledby={`candidate-${m.case.id}`}>
                <h3 id={`candidate-${m.case.id}`}>
                  {m.canOpen ? (
                    <Link to="/cases/$caseId" params={{ caseId: m.case.id }} search={{ tab: 'work' }}>
                      {m.case.reference}
                    </Link>
                  ) : (
                    m.case.reference
                  )}
                </h3>
                <p className="match-facts">
                  {m.assignedTo ? t('work.candidates.caseWorker', { name: m.assignedTo.displayName }) : t('work.candidates.unassigned')}
                  {m.canOpen ? '' : ` · ${t('work.candidates.notYours')}`}
                </p>
                <ScoreBar score={m.score} />
                <MatchReasons reasons={m.reasons} place={where} />
                {m.candidacy ? (
                  <p>
                    <span className="badge">{t('work.matches.putForward', { status: term('candidacyStatuses', m.candidacy.status) })}</span>
                  </p>
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
