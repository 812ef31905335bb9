// People already registered who may be the same person: POST /persons/match with what is known so
// far (debounced), ranked by the server. Candidates in reach show who they are and their cases;
// candidates out of reach show only the organisation that registered them, to contact.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { personMatchQuery, type HomeArea, type MatchCandidate, type MatchQuery } from '../cases/api';
import { formatNumber, textOr } from '../i18n';
import { ErrorAlert } from '../ui/Messages';
import './persons.css';

/** The value, once it has stopped changing for `ms`. Compared by its JSON form. */
export function useDebounced<T>(value: T, ms = 400): T {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [key, ms]); // eslint-disable-line react-hooks/exhaustive-deps
  return settled;
}

/** Worth asking: a name of at least two letters, or a document number. */
export function matchable(q: MatchQuery): boolean {
  return (q.fullName?.trim().length ?? 0) >= 2 || !!q.documents?.some((d) => d.number.trim().length >= 4);
}

export const areaText = (a: HomeArea | null | undefined): string =>
  a ? [a.village, a.district, a.regency, a.province].filter(Boolean).join(', ') : '';

export const percent = (score: number) => `${formatNumber(Math.round(score * 100))}%`;

/** Candidates for what is known so far (debounced; shared with the panel through the query cache). */
export function useMatchCandidates(query: MatchQuery) {
  const settled = useDebounced(query, 400);
  const enabled = matchable(settled);
  const result = useQuery({ ...personMatchQuery(settled), enabled });
  return { enabled, result, candidates: enabled ? (result.data?.candidates ?? []) : [] };
}

export function DuplicatePanel({
  query,
  action,
  headingLevel = 2,
  newTab = false,
  intro,
  id: sectionId,
}: {
  query: MatchQuery;
  /** An id for the section, so that other parts of the page can link to it. */
  id?: string;
  /** A button per candidate in reach ("use this person", "merge"). */
  action?: (candidate: MatchCandidate) => ReactNode;
  headingLevel?: 2 | 3;
  /** Open persons in a new tab (intake: nothing typed is lost). */
  newTab?: boolean;
  intro?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { enabled, result, candidates } = useMatchCandidates(query);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  let status: string;
  if (!enabled) status = t('persons.duplicates.waiting');
  else if (result.isPending) status = t('persons.duplicates.searching');
  else if (candidates.length === 0) status = t('persons.duplicates.none');
  else status = t('persons.duplicates.found', { count: candidates.length });

  return (
    <section className="duplicate-panel" aria-labelledby={`${id}-title`} id={sectionId} tabIndex={sectionId ? -1 : undefined}>
      <Heading id={`${id}-title`}>{t('persons.duplicates.title')}</Heading>
      {intro ? <p className="hint">{intro}</p> : null}
      <p aria-live="polite" className="duplicate-status" aria-busy={(enabled && result.isFetching) || undefined}>
        {status}
      </p>
      {result.isError ? <ErrorAlert error={result.error} /> : null}
      {candidates.length ? (
        <ol className="candidates">
          {candidates.map((c) => (
            <Candidate key={c.personId} c={c} action={action} newTab={newTab} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function Candidate({ c, action, newTab }: { c: MatchCandidate; action?: (c: MatchCandidate) => ReactNode; newTab: boolean }) {
  const { t } = useTranslation();
  const reasons = c.reasons.map((r) => textOr(`persons.matchReasons.${r}`, r.replace(/_/g, ' ')));
  const score = (
    <span className={`badge score ${c.score >= 0.85 ? 'score-high' : ''}`}>{t('persons.duplicates.score', { score: percent(c.score) })}</span>
  );
  if (!c.inReach || !c.person)
    return (
      <li className="candidate out-of-reach">
        <p className="candidate-head">
          {score} <strong>{t('persons.duplicates.registeredBy', { organization: c.organizationName ?? t('persons.duplicates.otherOrganization') })}</strong>
        </p>
        {reasons.length ? <p className="reasons">{reasons.join(' · ')}</p> : null}
        <p className="hint">{t('persons.duplicates.contactThem')}</p>
      </li>
    );
  const p = c.person;
  const facts = [
    p.sex ? t(`persons.sex.${p.sex}`) : '',
    p.birthYear ? t('persons.duplicates.born', { year: p.birthYear }) : p.age !== null ? t('persons.ageYears', { count: p.age }) : '',
    areaText(p.homeArea),
  ].filter(Boolean);
  return (
    <li className="candidate">
      <p className="candidate-head">
        {score}{' '}
        <Link
          to="/persons/$personId"
          params={{ personId: c.personId }}
          target={newTab ? '_blank' : undefined}
          rel={newTab ? 'noopener' : undefined}
          className="candidate-name"
        >
          {p.fullName}
          {newTab ? <span className="visually-hidden"> {t('persons.duplicates.newTab')}</span> : null}
        </Link>
      </p>
      {facts.length ? <p className="facts">{facts.join(' · ')}</p> : null}
      {reasons.length ? (
        <p className="reasons">
          <span className="visually-hidden">{t('persons.duplicates.reasons')} </span>
          {reasons.join(' · ')}
        </p>
      ) : null}
      {p.caseReferences.length ? <p className="facts">{t('persons.duplicates.cases', { references: p.caseReferences.join(', ') })}</p> : null}
      {action ? <div className="actions">{action(c)}</div> : null}
    </li>
  );
}
