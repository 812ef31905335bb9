// The number of received referrals waiting for an answer, beside "Rujukan" in the navigation, so
// that a focal point sees new work from any page. Refreshed every minute while the app is open.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n';
import { countsQuery } from './api';

export function ReferralsNavBadge() {
  const { t } = useTranslation();
  const { data } = useQuery({ ...countsQuery(), refetchInterval: 60_000 });
  const waiting = data?.incoming?.awaiting ?? 0;
  if (!waiting) return null;
  return (
    <span className="nav-badge">
      <span aria-hidden="true">{formatNumber(waiting)}</span>
      <span className="visually-hidden">{t('referrals.navBadge', { count: waiting, formatted: formatNumber(waiting) })}</span>
    </span>
  );
}
