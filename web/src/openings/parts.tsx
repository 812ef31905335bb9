// Pieces the opening pages share: labels of sectors and occupations, the wage in rupiah, the status
// and commitment badges, the terms in plain words, and the notice a partner gets before the gate opens.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { currentLanguage, formatDate, intlLocale } from '../i18n';
import { ErrorAlert } from '../ui/Messages';
import { useLanguageName } from '../users/Coverage';
import { decentWorkCommitments, isicSectors, iscoOccupations, type Opening } from './api';

export const sectorLabel = (code: string) => isicSectors.find((s) => s.code === code)?.label[currentLanguage()] ?? code;
export const occupationLabel = (code: string) => iscoOccupations.find((o) => o.code === code)?.label[currentLanguage()] ?? code;

export const formatIdr = (n: number) => new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(n);

/** "Rp 2.800.000 – Rp 3.400.000 per bulan", "mulai Rp …", "hingga Rp …", or "not stated". */
export function useWageText() {
  const { t } = useTranslation();
  return (min: number | null, max: number | null): string => {
    if (min !== null && max !== null)
      return min === max ? t('openings.wage.exact', { amount: formatIdr(min) }) : t('openings.wage.range', { min: formatIdr(min), max: formatIdr(max) });
    if (min !== null) return t('openings.wage.from', { amount: formatIdr(min) });
    if (max !== null) return t('openings.wage.upTo', { amount: formatIdr(max) });
    return t('openings.wage.none');
  };
}

/** Where: the regency and province, remote, or both. */
export function placeText(t: (key: 'openings.remote') => string, o: Pick<Opening, 'area' | 'areaCode' | 'remote'>): string {
  const where = o.area ? [o.area.regency, o.area.province].filter(Boolean).join(', ') || o.areaCode : null;
  if (o.remote) return where ? `${where} · ${t('openings.remote')}` : t('openings.remote');
  return where ?? '—';
}

export function OpeningStatusBadge({ o }: { o: Pick<Opening, 'status' | 'openForMatching' | 'closesOn'> }) {
  const { t } = useTranslation();
  const expired = o.status === 'published' && !o.openForMatching && !!o.closesOn;
  return (
    <>
      <span className={`badge opening-status opening-status-${o.status}`}>{t(`employmentTerms.openingStatuses.${o.status}`)}</span>
      {expired ? <span className="badge off">{t('openings.notOpen')}</span> : null}
    </>
  );
}

/** The three decent-work commitments: each made (✓) or not (✗), in words too. */
export function CommitmentBadges({ commitments }: { commitments: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <ul className="commitment-badges" aria-label={t('openings.fields.commitments')}>
      {decentWorkCommitments.map((c) => {
        const made = commitments.includes(c);
        return (
          <li key={c} className={made ? 'badge ok' : 'badge off'}>
            <span aria-hidden="true">{made ? '✓ ' : '✗ '}</span>
            {t(`employmentTerms.commitments.${c}`)}
            <span className="visually-hidden"> — {made ? t('openings.committed') : t('openings.notCommitted')}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** The terms of an opening in plain words. */
export function OpeningTerms({ o }: { o: Opening }) {
  const { t } = useTranslation();
  const wage = useWageText();
  const language = useLanguageName();
  const none = '—';
  return (
    <dl className="summary opening-terms">
      <dt>{t('openings.fields.kind')}</dt>
      <dd>{t(`employmentTerms.openingKinds.${o.kind}`)}</dd>
      <dt>{t('openings.fields.organization')}</dt>
      <dd>
        {o.organization.name}
        {o.organization.partnerKind ? <span className="muted"> · {t(`employmentTerms.partnerKinds.${o.organization.partnerKind}`)}</span> : null}
      </dd>
      <dt>{t('openings.fields.sector')}</dt>
      <dd>{sectorLabel(o.sector)}</dd>
      <dt>{t('openings.fields.occupation')}</dt>
      <dd>{occupationLabel(o.occupation)}</dd>
      <dt>{t('openings.fields.place')}</dt>
      <dd>{placeText(t, o)}</dd>
      <dt>{t('openings.fields.places')}</dt>
      <dd>{t('openings.placesCount', { count: o.places })}</dd>
      <dt>{o.kind === 'training' ? t('openings.fields.stipend') : t('openings.fields.wage')}</dt>
      <dd>{wage(o.wageMinIdr, o.wageMaxIdr)}</dd>
      <dt>{t('openings.fields.contractType')}</dt>
      <dd>{o.contractType ? t(`employmentTerms.contractTypes.${o.contractType}`) : none}</dd>
      <dt>{t('openings.fields.hours')}</dt>
      <dd>
        {[o.hoursPerWeek ? t('openings.hoursPerWeekText', { count: o.hoursPerWeek }) : null, o.workingHours].filter(Boolean).join(' · ') || none}
      </dd>
      <dt>{t('openings.fields.accommodation')}</dt>
      <dd>{o.accommodation ? t(`employmentTerms.accommodation.${o.accommodation}`) : none}</dd>
      <dt>{t('openings.fields.startOn')}</dt>
      <dd>{o.startOn ? formatDate(o.startOn) : none}</dd>
      <dt>{t('openings.fields.closesOn')}</dt>
      <dd>{o.closesOn ? formatDate(o.closesOn) : t('openings.noClosingDate')}</dd>
      {o.kind === 'training' ? (
        <>
          <dt>{t('openings.fields.durationWeeks')}</dt>
          <dd>{o.durationWeeks ? t('openings.weeks', { count: o.durationWeeks }) : none}</dd>
          <dt>{t('openings.fields.costIdr')}</dt>
          <dd>{o.costIdr === null ? none : o.costIdr === 0 ? t('openings.free') : formatIdr(o.costIdr)}</dd>
          <dt>{t('openings.fields.certificateAwarded')}</dt>
          <dd>{o.certificateAwarded ? t(`employmentTerms.certificates.${o.certificateAwarded}`) : none}</dd>
        </>
      ) : null}
      <dt>{t('openings.fields.requiredSkills')}</dt>
      <dd>
        {o.requiredSkills.length
          ? o.requiredSkills.map((s) => `${t(`employmentTerms.skills.${s.code}`)} (${t(`employmentTerms.skillLevels.${s.level}`)})`).join(', ')
          : none}
      </dd>
      <dt>{t('openings.fields.requiredLanguages')}</dt>
      <dd>{o.requiredLanguages.length ? o.requiredLanguages.map(language).join(', ') : none}</dd>
      <dt>{t('openings.fields.minEducation')}</dt>
      <dd>{o.minEducation ? t(`employmentTerms.education.${o.minEducation}`) : none}</dd>
      <dt>{t('openings.fields.requiredCertificates')}</dt>
      <dd>{o.requiredCertificates.length ? o.requiredCertificates.map((c) => t(`employmentTerms.certificates.${c}`)).join(', ') : none}</dd>
    </dl>
  );
}

/**
 * The error of a partner's employment page: before the code of conduct is accepted, a way to it;
 * when the organisation is suspended, why nothing works; anything else as usual.
 */
export function PartnerGateError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error, 'code_of_conduct_required'))
    return (
      <div role="alert" className="alert alert-warning">
        <p>{t('openings.gate.codeRequired')}</p>
        <p>
          <Link to="/partner/code-of-conduct">{t('openings.gate.toCode')}</Link>
        </p>
      </div>
    );
  if (isApiError(error, 'partner_suspended'))
    return (
      <div role="alert" className="alert alert-error">
        <p>{t('openings.gate.suspended')}</p>
      </div>
    );
  return <ErrorAlert error={error} />;
}
