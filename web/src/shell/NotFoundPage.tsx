import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PublicFrame } from '../auth/PublicLayout';
import { usePageTitle } from '../ui/usePageTitle';

export function NotFoundContent() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <section className="card narrow" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}

export function NotFoundPage() {
  return (
    <PublicFrame>
      <NotFoundContent />
    </PublicFrame>
  );
}

/** Shown in place of a page the signed-in person may not use. */
export function NoAccess() {
  const { t } = useTranslation();
  usePageTitle(t('noAccess.title'));
  return (
    <>
      <h1>{t('noAccess.title')}</h1>
      <p>{t('noAccess.text')}</p>
    </>
  );
}
