// Pieces every candidacy view shares: the status badge (a word and a symbol, never colour alone),
// labels of the employment codes, the skills profile as readable text, the person as shared, the
// steps of a candidacy, and the placement.
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber, textOr } from '../../i18n';
import { occupationLabel, term } from './SkillsProfileText';
import { fieldLabel, PersonView } from '../../referrals/parts';
import type { ReferralField } from '../../referrals/api';
import type { Candidacy, CandidacyEvent, CandidacyListItem, CandidacyStatus, CandidatePerson, Placement } from './api';
import { SkillsProfileText } from './SkillsProfileText';
import './candidacies.css';

export { occupationLabel, sectorLabel, term } from './SkillsProfileText';

export const rupiah = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `Rp ${formatNumber(n)}`);

const statusSymbol: Record<CandidacyStatus, string> = {
  put_forward: '➜',
  interview: '☏',
  offer: '✉',
  hired: '✔',
  rejected: '✕',
  withdrawn: '⊘',
};

export function CandidacyStatusBadge({ status }: { status: CandidacyStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge candidacy-status candidacy-status-${status}`}>
      <span className="visually-hidden">{t('candidacies.labels.status')}: </span>
      <span aria-hidden="true">{statusSymbol[status]} </span>
      {term('candidacyStatuses', status)}
    </span>
  );
}

/** The badges of a candidacy: its status and, for the case side, an alert from a follow-up. */
export function CandidacyBadges({ c }: { c: Pick<CandidacyListItem, 'status' | 'alert' | 'placement'> }) {
  const { t } = useTranslation();
  return (
    <span className="case-badges candidacy-badges">
      <CandidacyStatusBadge status={c.status} />
      {c.placement && !c.placement.endedOn ? <span className="badge ok">{t('candidacies.placement.working')}</span> : null}
      {c.placement?.endedOn ? <span className="badge off">{t('candidacies.placement.ended')}</span> : null}
      {c.alert ? (
        <span className="badge overdue">
          <span aria-hidden="true">⚠ </span>
          {t('candidacies.alert.badge')}
        </span>
      ) : null}
    </span>
  );
}

/** The person as shared: the referral fields as the referral page shows them, and the skills profile as text. */
export function CandidateView({ person, fields }: { person: CandidatePerson; fields: ReferralField[] }) {
  const { t } = useTranslation();
  const plain = fields.filter((f) => f !== 'skills_profile');
  return (
    <>
      {plain.length ? <PersonView person={person} fields={plain} /> : null}
      {fields.includes('skills_profile') ? (
        <>
          <h3>{fieldLabel('skills_profile')}</h3>
          <SkillsProfileText profile={person.skillsProfile} />
        </>
      ) : null}
      {!fields.length ? <p>{t('candidacies.page.nothingShared')}</p> : null}
    </>
  );
}

/** A step of the candidacy in words. */
function eventText(e: CandidacyEvent): string {
  const to = term('candidacyStatuses', e.toStatus);
  return e.toStatus === 'rejected' && e.reason ? `${to} — ${term('rejectReasons', e.reason)}` : to;
}

export function CandidacyEvents({ events }: { events: CandidacyEvent[] }) {
  const { t } = useTranslation();
  return (
    <ol className="candidacy-history">
      {events.map((e) => (
        <li key={e.id}>
          <p>
            <strong>{eventText(e)}</strong> — {e.by?.displayName ?? t('candidacies.labels.system')}
            {e.organization ? ` (${e.organization.name})` : ''} · <time dateTime={e.at}>{formatDateTime(e.at)}</time>
          </p>
          {e.note ? <p className="pre small">{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** The facts of a candidacy: opening, status, interview, who put the person forward and when. */
export function CandidacyFacts({ c }: { c: CandidacyListItem | Candidacy }) {
  const { t } = useTranslation();
  return (
    <dl className="summary compact">
      <dt>{t('candidacies.labels.opening')}</dt>
      <dd>
        {c.opening.title} — {c.opening.organization.name}
        <span className="muted small">
          {' '}
          ({term('openingKinds', c.opening.kind)}, {occupationLabel(c.opening.occupation)})
        </span>
      </dd>
      <dt>{t('candidacies.labels.status')}</dt>
      <dd>
        {term('candidacyStatuses', c.status)}
        {c.rejectReason ? ` — ${term('rejectReasons', c.rejectReason)}` : ''}
      </dd>
      {c.interviewAt ? (
        <>
          <dt>{t('candidacies.labels.interviewAt')}</dt>
          <dd>{formatDateTime(c.interviewAt)}</dd>
        </>
      ) : null}
      <dt>{t('candidacies.labels.putForward')}</dt>
      <dd>{t('candidacies.putForwardBy', { name: c.putForwardBy?.displayName ?? '—', organization: c.from.name, date: formatDateTime(c.putForwardAt) })}</dd>
      <dt>{t('candidacies.labels.contactPreference')}</dt>
      <dd>{textOr(`referrals.contactPreferences.${c.contactPreference}`, c.contactPreference)}</dd>
    </dl>
  );
}

/** The placement's terms: start, wage, contract, and the end when it ended. */
export function PlacementFacts({ p }: { p: Placement }) {
  const { t } = useTranslation();
  return (
    <dl className="summary compact">
      <dt>{t('candidacies.placement.startOn')}</dt>
      <dd>{formatDate(p.startOn)}</dd>
      <dt>{t('candidacies.placement.wage')}</dt>
      <dd>{rupiah(p.monthlyWageIdr)}</dd>
      <dt>{t('candidacies.placement.contractType')}</dt>
      <dd>{term('contractTypes', p.contractType)}</dd>
      {p.endedOn ? (
        <>
          <dt>{t('candidacies.placement.endedOn')}</dt>
          <dd>
            {formatDate(p.endedOn)} — {term('endReasons', p.endReason)}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
