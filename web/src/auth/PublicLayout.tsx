// Frame for pages used without a session: sign-in, activation, first-run set-up, not found.
import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../shell/LanguageSwitch';

export function PublicFrame({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="public">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="public-header">
        <p className="brand">
          <span className="brand-name">Pulang</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </p>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="public-main">
        {children}
      </main>
    </div>
  );
}

export function PublicLayout() {
  return (
    <PublicFrame>
      <Outlet />
    </PublicFrame>
  );
}
