// The signed-in frame: header (name, organisation, language, sign-out), navigation built from
// the permissions in /auth/me, and the page in <main>.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Me } from '../api/types';
import { MeContext, meQuery, meQueryKey, mustEnrolTotp } from '../auth/me';
import { currentLanguage, languagePickedBeforeSignIn, rememberPickBeforeSignIn, setLanguage } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';

export function AppShell() {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const [menuOpen, setMenuOpen] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  // Close the phone menu and move focus to the new page after each navigation (not on first load).
  useEffect(() => {
    setMenuOpen(false);
    if (firstPath.current !== pathname) {
      firstPath.current = '';
      mainRef.current?.focus();
    }
  }, [pathname]);

  // When a session starts, the account's language wins, unless the person just picked one on the
  // sign-in page: then that choice is saved to the account.
  const accountLocale = me?.user.locale;
  useEffect(() => {
    if (!accountLocale) return;
    const picked = languagePickedBeforeSignIn();
    rememberPickBeforeSignIn(null);
    if (picked && picked !== accountLocale) {
      void api<Me>('/auth/me', { method: 'PATCH', body: { locale: picked } })
        .then((updated) => queryClient.setQueryData(meQueryKey, updated))
        .catch(() => undefined);
    } else if (accountLocale !== currentLanguage()) void setLanguage(accountLocale);
  }, [accountLocale, queryClient]);

  const logout = useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST' }),
    onSettled: async () => {
      await navigate({ to: '/login', search: { signedOut: 1 } });
      queryClient.clear();
    },
  });

  if (!me) return null;
  const enrolling = mustEnrolTotp(me);

  return (
    <MeContext.Provider value={me}>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="app-header">
        <div className="bar">
          <a className="brand" href="/" onClick={(e) => { e.preventDefault(); void navigate({ to: '/' }); }}>
            <span className="brand-name">Pulang</span>
          </a>
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="app-menu"
            onClick={() => setMenuOpen((o) => !o)}
          >
            <span aria-hidden="true" className="menu-icon" />
            {t('shell.menu')}
          </button>
        </div>
        <div id="app-menu" className={menuOpen ? 'menu open' : 'menu'}>
          <MainNav me={me} enrolling={enrolling} />
          <div className="account">
            <p className="who">
              <span className="who-name">{me.user.displayName}</span>
              <span className="who-org">{me.organization.acronym ? `${me.organization.name} (${me.organization.acronym})` : me.organization.name}</span>
            </p>
            <LanguageSwitch />
            <button type="button" className="button secondary" onClick={() => logout.mutate()} disabled={logout.isPending}>
              {t('shell.logout')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        {enrolling ? (
          <div className="alert alert-warning" role="status">
            {t('shell.enrolTotpFirst')}
          </div>
        ) : null}
        <Outlet />
      </main>
    </MeContext.Provider>
  );
}
