// Account activation: the person opens the one-time link and chooses a password.
import { useMutation } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { fieldError } from '../i18n/errors';
import { ErrorAlert } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import { NewPasswordFields, passwordsMatch, type NewPassword } from './NewPasswordFields';

const route = getRouteApi('/public/activate');

export function ActivatePage() {
  const { t } = useTranslation();
  const { token } = route.useSearch();
  const navigate = useNavigate();
  const [pw, setPw] = useState<NewPassword>({ password: '', confirm: '' });
  const [tried, setTried] = useState(false);
  usePageTitle(t('activate.title'));

  const activate = useMutation({
    mutationFn: () => api<void>('/auth/activate', { method: 'POST', body: { token, password: pw.password } }),
    onSuccess: () => navigate({ to: '/login', search: { activated: 1 } }),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!passwordsMatch(pw)) return;
    activate.mutate();
  }

  const tokenError = fieldError(activate.error, 'token');
  return (
    <section className="card narrow" aria-labelledby="activate-title">
      <h1 id="activate-title">{t('activate.title')}</h1>
      {!token ? (
        <div role="alert" className="alert alert-error">
          {t('activate.missingToken')}
        </div>
      ) : (
        <>
          <p>{t('activate.intro')}</p>
          {activate.error ? <ErrorAlert error={activate.error}>{tokenError}</ErrorAlert> : null}
          <form onSubmit={submit}>
            <NewPasswordFields value={pw} onChange={setPw} showMismatch={tried} name="password" serverError={fieldError(activate.error, 'password')} />
            <div className="actions">
              <button type="submit" className="button" disabled={activate.isPending}>
                {t('activate.submit')}
              </button>
            </div>
          </form>
        </>
      )}
      <p>
        <Link to="/login">{t('activate.toLogin')}</Link>
      </p>
    </section>
  );
}
