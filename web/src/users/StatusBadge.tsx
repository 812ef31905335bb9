import { useTranslation } from 'react-i18next';
import type { UserStatus } from '../api/types';

export function StatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation();
  const tone = status === 'active' ? 'ok' : status === 'pending' ? 'pending' : 'off';
  return <span className={`badge ${tone}`}>{t(`users.status.${status}`)}</span>;
}
