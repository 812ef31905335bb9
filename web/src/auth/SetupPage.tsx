// First run: creates the first organisation and its system administrator with the set-up token
// printed by the server.
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { fieldError } from '../i18n/errors';
import { TextField } from '../ui/Field';
import { ErrorAlert, Loading } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import { NewPasswordFields, passwordsMatch, type NewPassword } from './NewPasswordFields';

const route = getRouteApi('/public/setup');

export function SetupPage() {
  const { t } = useTranslation();
  const { token } = route.useSearch();
  const navigate = useNavigate();
  const [form, setForm] = useState({ organizationName: '', acronym: '', displayName: '', email: '' });
  const [pw, setPw] = useState<NewPassword>({ password: '', confirm: '' });
  const [tried, setTried] = useState(false);
  usePageTitle(t('setup.title'));

  const status = useQuery({
    queryKey: ['auth', 'setup', token],
    queryFn: () => api<{ valid: boolean }>('/auth/setup/status', { query: { token } }),
    enabled: !!token,
    retry: false,
  });

  const setup = useMutation({
    mutationFn: () =>
      api<unknown>('/auth/setup', {
        method: 'POST',
        body: {
          token,
          organization: { name: form.organizationName.trim(), ...(form.acronym.trim() ? { acronym: form.acronym.trim() } : {}) },
          displayName: form.displayName.trim(),
          email: form.email.trim(),
          password: pw.password,
        },
      }),
    onSuccess: () => navigate({ to: '/login', search: { setup: 1 } }),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!passwordsMatch(pw)) return;
    setup.mutate();
  }

  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value });
  const err = setup.error;

  let body: React.ReactNode;
  if (!token || status.data?.valid === false) {
    body = (
      <div role="alert" className="alert alert-error">
        {t('setup.invalidToken')}
      </div>
    );
  } else if (status.isPending) {
    body = <Loading />;
  } else if (status.isError) {
    body = <ErrorAlert error={status.error} />;
  } else {
    body = (
      <>
        <p>{t('setup.intro')}</p>
        <ErrorAlert error={err} />
        <form onSubmit={submit}>
          <fieldset>
            <legend>{t('setup.organization')}</legend>
            <TextField
              label={t('organizations.fields.name')}
              name="organizationName"
              required
              autoComplete="organization"
              value={form.organizationName}
              onChange={set('organizationName')}
              error={fieldError(err, 'organization.name', 'organization')}
            />
            <TextField
              label={t('organizations.fields.acronym')}
              name="acronym"
              maxLength={20}
              value={form.acronym}
              onChange={set('acronym')}
              error={fieldError(err, 'organization.acronym')}
            />
          </fieldset>
          <fieldset>
            <legend>{t('setup.administrator')}</legend>
            <TextField
              label={t('users.fields.displayName')}
              name="displayName"
              required
              autoComplete="name"
              value={form.displayName}
              onChange={set('displayName')}
              error={fieldError(err, 'displayName')}
            />
            <TextField
              label={t('users.fields.email')}
              name="email"
              type="email"
              required
              autoComplete="username"
              value={form.email}
              onChange={set('email')}
              error={fieldError(err, 'email')}
            />
            <NewPasswordFields value={pw} onChange={setPw} showMismatch={tried} name="password" serverError={fieldError(err, 'password')} />
          </fieldset>
          <div className="actions">
            <button type="submit" className="button" disabled={setup.isPending}>
              {t('setup.submit')}
            </button>
          </div>
        </form>
      </>
    );
  }

  return (
    <section className="card narrow" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      {body}
    </section>
  );
}
