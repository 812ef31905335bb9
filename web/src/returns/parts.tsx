// Small pieces shared by the journey tab and the returns-due page: the point-of-entry select grouped
// by kind, status badges and the words for a leg.
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n';
import { SelectField } from '../ui/Field';
import { entryKinds, pointsOfEntry, type JourneyLeg, type JourneyStatus, type PointOfEntry } from './api';
import './returns.css';

/** A point of entry as people say it: "Bandara Internasional Juanda (SUB)". */
export const pointLabel = (p: Pick<PointOfEntry, 'code' | 'name'>) => `${p.name} (${p.code})`;

/** Points of entry grouped by kind (airports, sea ports, land border posts), each group in name order. */
export function PointSelect({
  label,
  name,
  value,
  onChange,
  error,
  emptyLabel,
  hint,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (code: string) => void;
  error?: string;
  emptyLabel: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  return (
    <SelectField label={label} name={name} value={value} onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange(e.target.value)} error={error} hint={hint}>
      <option value="">{emptyLabel}</option>
      {entryKinds.map((kind) => (
        <optgroup key={kind} label={t(`returns.entryKind.${kind}`)}>
          {pointsOfEntry
            .filter((p) => p.kind === kind)
            .sort((a, b) => a.name.localeCompare(b.name, 'id'))
            .map((p) => (
              <option key={p.code} value={p.code}>
                {pointLabel(p)}
              </option>
            ))}
        </optgroup>
      ))}
    </SelectField>
  );
}

export function StatusBadge({ status }: { status: JourneyStatus }) {
  const { t } = useTranslation();
  return <span className={`badge journey-status journey-status-${status}`}>{t(`returns.status.${status}`)}</span>;
}

/** "Pesawat · Kuala Lumpur → Juanda · AirAsia QZ 325" and the times. */
export function LegText({ leg }: { leg: JourneyLeg }) {
  const { t } = useTranslation();
  const place = (p: string, c: string | null) => (c ? `${p} (${c})` : p);
  const carrier = [leg.carrier, leg.flightNumber].filter(Boolean).join(' ');
  return (
    <>
      <span className="leg-route">
        <strong>{t(`returns.mode.${leg.mode}`)}</strong> · {place(leg.fromPlace, leg.fromCountryCode)} → {place(leg.toPlace, leg.toCountryCode)}
      </span>
      {carrier ? <span className="leg-detail">{carrier}</span> : null}
      {leg.departAt || leg.arriveAt ? (
        <span className="leg-detail">
          {leg.departAt ? t('returns.leg.departs', { when: formatDateTime(leg.departAt) }) : null}
          {leg.departAt && leg.arriveAt ? ' · ' : null}
          {leg.arriveAt ? t('returns.leg.arrives', { when: formatDateTime(leg.arriveAt) }) : null}
        </span>
      ) : null}
      {leg.bookingCode ? <span className="leg-detail">{t('returns.leg.booking', { code: leg.bookingCode })}</span> : null}
    </>
  );
}
