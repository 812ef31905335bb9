// Status and error messages announced to assistive technology.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, hasFieldErrors } from '../i18n/errors';

export function ErrorAlert({ error, children }: { error?: unknown; children?: ReactNode }) {
  const { t } = useTranslation();
  if (!error && !children) return null;
  return (
    <div role="alert" className="alert alert-error">
      {children ?? (hasFieldErrors(error) ? t('errors.checkFields') : errorText(error))}
    </div>
  );
}

export function StatusMessage({ children, tone = 'info' }: { children?: ReactNode; tone?: 'info' | 'success' | 'warning' }) {
  return (
    <div role="status" className={`alert alert-${tone}`} hidden={!children}>
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
}
