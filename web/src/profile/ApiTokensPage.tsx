import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/me';
import { NoAccess } from '../shell/NotFoundPage';
import { usePageTitle } from '../ui/usePageTitle';
import { ApiTokenManager } from './ApiTokenManager';
import { ProfileTabs } from './ProfileTabs';

export function ApiTokensPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('apiTokens.title'));
  if (!can(me, 'apiToken.manageOwn')) return <NoAccess />;
  return (
    <>
      <h1>{t('apiTokens.title')}</h1>
      <ProfileTabs />
      <p>{t('apiTokens.intro')}</p>
      <ApiTokenManager basePath="/api-tokens" />
    </>
  );
}
