import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/errors';

export function ErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <div role="alert" className="alert alert-error">
      <p>{errorText(error)}</p>
      <button type="button" className="button secondary" onClick={() => {
          reset();
          void router.invalidate();
        }}>
        {t('common.retry')}
      </button>
    </div>
  );
}
