// Pieces every referral view shares: status, urgency and overdue badges (a word and a symbol, never
// colour alone), the deadline, the needs, the person as shared, and plain-word labels.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, textOr } from '../i18n';
import { languageName } from '../persons/PersonFields';
import { determinations, exploitationTypes, labelOf, needSeverities, needTypes } from '../cases/case-page/vocab';
import { SkillsProfileText } from '../employment/candidacies/SkillsProfileText';
import type { ReferralField, ReferralListItem, ReferralNeed, ReferralPerson, ReferralStatus, Urgency } from './api';
import './referrals.css';

const statusSymbol: Record<ReferralStatus, string> = {
  sent: '➜',
  acknowledged: '✓',
  accepted: '✓',
  declined: '✕',
  in_progress: '◔',
  completed: '✔',
  closed: '■',
  withdrawn: '⊘',
};

export function StatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge referral-status referral-status-${status}`}>
      <span className="visually-hidden">{t('referrals.labels.status')}: </span>
      <span aria-hidden="true">{statusSymbol[status]} </span>
      {t(`referrals.status.${status}`)}
    </span>
  );
}

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  if (urgency === 'routine')
    return (
      <span className="badge urgency urgency-routine">
        <span className="visually-hidden">{t('referrals.labels.urgency')}: </span>
        {t('referrals.urgency.routine')}
      </span>
    );
  return (
    <span className={`badge urgency urgency-${urgency}`}>
      <span className="visually-hidden">{t('referrals.labels.urgency')}: </span>
      <span aria-hidden="true">{urgency === 'emergency' ? '‼ ' : '! '}</span>
      {t(`referrals.urgency.${urgency}`)}
    </span>
  );
}

export function OverdueBadge({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation();
  if (!overdue) return null;
  return (
    <span className="badge overdue referral-overdue">
      <span aria-hidden="true">⚠ </span>
      {t('referrals.overdue')}
    </span>
  );
}

/** The badges of a referral in a list or header. */
export function ReferralBadges({ r }: { r: Pick<ReferralListItem, 'status' | 'urgency' | 'overdue' | 'override'> }) {
  const { t } = useTranslation();
  return (
    <span className="case-badges referral-badges">
      <StatusBadge status={r.status} />
      <UrgencyBadge urgency={r.urgency} />
      <OverdueBadge overdue={r.overdue} />
      {r.override ? (
        <span className={`badge ${r.override.reviewedAt ? 'off' : 'pending'}`}>
          {r.override.reviewedAt ? t('referrals.override.reviewedBadge') : t('referrals.override.badge')}
        </span>
      ) : null}
    </span>
  );
}

/** "Jawab sebelum 12 Mar 2026 10.00", or "Dijawab 11 Mar" once answered; overdue in words. */
export function Deadline({ r }: { r: Pick<ReferralListItem, 'respondBy' | 'overdue' | 'answeredAt' | 'status'> }) {
  const { t } = useTranslation();
  if (r.answeredAt) return <span>{t('referrals.answeredOn', { date: formatDateTime(r.answeredAt) })}</span>;
  if (r.status === 'withdrawn' || r.status === 'closed') return <span>{t('referrals.deadlineWas', { date: formatDateTime(r.respondBy) })}</span>;
  return (
    <span className={r.overdue ? 'deadline-overdue' : undefined}>
      {r.overdue ? t('referrals.deadlinePassed', { date: formatDateTime(r.respondBy) }) : t('referrals.respondBy', { date: formatDateTime(r.respondBy) })}
    </span>
  );
}

export const needLabel = (type: string) => labelOf(needTypes, type);

export function NeedsText({ needs }: { needs: ReferralNeed[] }) {
  return <>{needs.map((n) => needLabel(n.type)).join(', ') || '—'}</>;
}

export function NeedsList({ needs }: { needs: ReferralNeed[] }) {
  const { t } = useTranslation();
  if (!needs.length) return <p>—</p>;
  return (
    <ul className="referral-needs">
      {needs.map((n) => (
        <li key={n.id}>
          <strong>{needLabel(n.type)}</strong>
          {n.severity ? (
            <>
              {' '}
              — {t('referrals.labels.severity')}: {labelOf(needSeverities, n.severity)}
            </>
          ) : null}
          {n.description ? <p className="pre small">{n.description}</p> : null}
        </li>
      ))}
    </ul>
  );
}

/** The outcome or the decline reason, in words. */
export function resultText(r: Pick<ReferralListItem, 'outcome' | 'declineReason'>): string | null {
  if (r.outcome) return textOr(`referrals.outcomes.${r.outcome}`, r.outcome);
  if (r.declineReason) return textOr(`referrals.declineReasons.${r.declineReason}`, r.declineReason);
  return null;
}

export const fieldLabel = (f: ReferralField | string) => textOr(`referrals.fields.${f}`, f);

/** The person as the receiver sees them: only the visible fields, each labelled. */
export function PersonView({ person, fields }: { person: ReferralPerson | null | undefined; fields: ReferralField[] }) {
  const { t } = useTranslation();
  const p = person ?? {};
  const rows: { field: ReferralField; value: ReactNode }[] = [];
  const none = '—';
  for (const f of fields) {
    switch (f) {
      case 'first_name':
        rows.push({ field: f, value: p.firstName || none });
        break;
      case 'full_name':
        rows.push({ field: f, value: p.fullName || none });
        break;
      case 'sex':
        rows.push({ field: f, value: p.sex ? textOr(`persons.sex.${p.sex}`, p.sex) : none });
        break;
      case 'age_band':
        rows.push({ field: f, value: p.ageBand ? t('referrals.ageBand', { band: p.ageBand }) : none });
        break;
      case 'birth_date':
        rows.push({ field: f, value: p.birthDate ? (/^\d{4}$/.test(p.birthDate) ? t('referrals.person.birthYear', { year: p.birthDate }) : formatDate(p.birthDate)) : none });
        break;
      case 'languages':
        rows.push({ field: f, value: p.languages?.length ? p.languages.map(languageName).join(', ') : none });
        break;
      case 'contact':
        rows.push({ field: f, value: p.phones?.length ? p.phones.join(', ') : none });
        break;
      case 'home_area':
        rows.push({
          field: f,
          value: p.homeArea ? [p.homeArea.village, p.homeArea.district, p.homeArea.regency, p.homeArea.province].filter(Boolean).join(', ') || p.homeArea.code : none,
        });
        break;
      case 'home_address':
        rows.push({ field: f, value: p.homeAddress ? <span className="pre">{p.homeAddress}</span> : none });
        break;
      case 'identity_documents':
        rows.push({
          field: f,
          value: p.identityDocuments?.length
            ? p.identityDocuments.map((d) => `${textOr(`persons.documentType.${d.type}`, d.type)}: ${d.number}`).join('; ')
            : none,
        });
        break;
      case 'disabilities':
        rows.push({ field: f, value: p.disabilities?.length ? p.disabilities.map((d) => textOr(`persons.disability.${d}`, d)).join(', ') : none });
        break;
      case 'screening':
        rows.push({
          field: f,
          value: p.screening
            ? [
                p.screening.exploitationTypes.map((x) => labelOf(exploitationTypes, x)).join(', '),
                p.screening.determination ? `${t('referrals.labels.determination')}: ${labelOf(determinations, p.screening.determination)}` : '',
              ]
                .filter(Boolean)
                .join(' — ') || none
            : none,
        });
        break;
      case 'case_summary':
        rows.push({ field: f, value: p.caseSummary ? <span className="pre">{p.caseSummary}</span> : none });
        break;
      case 'skills_profile':
        rows.push({ field: f, value: <SkillsProfileText profile={p.skillsProfile} /> });
        break;
      case 'needs':
        // The needs are shown with the referral itself (with severity and description when shared).
        break;
    }
  }
  if (!rows.length) return <p>{t('referrals.person.nothing')}</p>;
  return (
    <dl className="summary compact referral-person">
      {rows.map((r) => (
        <div className="dl-row" key={r.field}>
          <dt>{fieldLabel(r.field)}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
