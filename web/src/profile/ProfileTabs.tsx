import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, mustEnrolTotp, useMe } from '../auth/me';

export function ProfileTabs() {
  const { t } = useTranslation();
  const me = useMe();
  if (mustEnrolTotp(me)) return null;
  return (
    <nav aria-label={t('profile.sections')} className="tabs">
      <ul>
        <li>
          <Link to="/profile" activeOptions={{ exact: true }}>
            {t('profile.general')}
          </Link>
        </li>
        <li>
          <Link to="/profile/two-factor">{t('profile.twoFactor')}</Link>
        </li>
        <li>
          <Link to="/profile/sessions">{t('sessions.title')}</Link>
        </li>
        {can(me, 'apiToken.manageOwn') ? (
          <li>
            <Link to="/profile/api-tokens">{t('apiTokens.title')}</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
