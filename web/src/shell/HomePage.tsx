import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/me';
import { codeOfConductQuery } from '../openings/api';
import { PartnerGateError } from '../openings/parts';
import { Loading } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';

/**
 * A partner's first steps: until the code of conduct is accepted, a notice that leads to it; then
 * their openings and the candidates put forward to them. A suspended partner is told why nothing works.
 */
function PartnerStart() {
  const { t } = useTranslation();
  const code = useQuery(codeOfConductQuery());
  if (code.isPending) return <Loading />;
  if (code.error) return <PartnerGateError error={code.error} />;
  if (!code.data.accepted)
    return (
      <section className="alert alert-warning" aria-labelledby="partner-start">
        <h2 id="partner-start">{t('openings.home.codeTitle')}</h2>
        <p>{t('openings.home.codeText')}</p>
        <p>
          <Link to="/partner/code-of-conduct" className="button">
            {t('openings.home.toCode')}
          </Link>
        </p>
      </section>
    );
  return (
    <section aria-labelledby="partner-start">
      <h2 id="partner-start">{t('openings.home.workTitle')}</h2>
      <ul className="tiles">
        <li>
          <Link to="/openings" className="tile">
            {t('openings.home.openings')}
          </Link>
        </li>
        <li>
          <Link to="/candidates" className="tile">
            {t('openings.home.candidates')}
          </Link>
        </li>
      </ul>
    </section>
  );
}

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
      {can(me, 'partner.acceptCode') ? <PartnerStart /> : null}
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
