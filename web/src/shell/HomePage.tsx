import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/me';
import { usePageTitle } from '../ui/usePageTitle';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('nav.home'));
  const userReach = me.permissions['user.read'];
  return (
    <>
      <h1>{t('home.greeting', { name: me.user.displayName })}</h1>
      <p>{t('home.signedInAs', { organization: me.organization.name })}</p>
      <p>
        {t('home.yourRoles')}{' '}
        {me.roles.map((r) => t(`roles.${r}`)).join(', ')}
      </p>
      <p className="muted">{t('home.placeholder')}</p>
      <ul className="tiles">
        <li>
          <Link to="/organizations" className="tile">
            {t('nav.organizations')}
          </Link>
        </li>
        {userReach === 'organization' || userReach === 'all' ? (
          <li>
            <Link to="/users" className="tile">
              {t('nav.users')}
            </Link>
          </li>
        ) : null}
        {can(me, 'audit.read') ? (
          <li>
            <Link to="/audit" className="tile">
              {t('nav.audit')}
            </Link>
          </li>
        ) : null}
        <li>
          <Link to="/profile" className="tile">
            {t('nav.profile')}
          </Link>
        </li>
      </ul>
    </>
  );
}
