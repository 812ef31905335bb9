// Someone else saved a part of the case first (409 version_conflict): the stored record the answer
// carries, and the notice a form shows while keeping what was typed.
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';

/** The stored record a version conflict carries, when the server sent one. */
export function storedVersion<T extends { version: number }>(err: ApiError): T | undefined {
  const current = err.current as T | undefined;
  return current && typeof current === 'object' && 'version' in current ? current : undefined;
}

/** Shown above a form after a version conflict: what was typed is kept, the next save is based on what is stored. */
export function FormConflictNotice() {
  const { t } = useTranslation();
  return (
    <div role="alert" className="alert alert-warning">
      <strong>{t('conflict.title')}</strong>
      <p>{t('cases.conflict.form')}</p>
    </div>
  );
}
