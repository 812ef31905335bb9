// The case tab "Hukum": the legal track.
import { useTranslation } from 'react-i18next';
import type { CaseOut } from '../cases/api';

export function LegalTab({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  void c;
  return <p>{t('legal.title')}</p>;
}
