// My profile: display name, language, password.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api/client';
import type { Locale, Me } from '../api/types';
import { meQueryKey, useMe } from '../auth/me';
import { NewPasswordFields, passwordsMatch, type NewPassword } from '../auth/NewPasswordFields';
import { setLanguage } from '../i18n';
import { fieldError, fieldErrorText } from '../i18n/errors';
import { SelectField, TextField } from '../ui/Field';
import { ErrorAlert, StatusMessage } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import { ProfileTabs } from './ProfileTabs';
import { LocaleOptions } from '../shell/LocaleOptions';

export function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.profile'));
  return (
    <>
      <h1>{t('nav.profile')}</h1>
      <ProfileTabs />
      <DetailsForm />
      <PasswordForm />
    </>
  );
}

function DetailsForm() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState(me.user.displayName);
  const [locale, setLocale] = useState<Locale>(me.user.locale);
  const [saved, setSaved] = useState(false);

  const save = useMutation({
    mutationFn: () => api<Me>('/auth/me', { method: 'PATCH', body: { displayName: displayName.trim(), locale } }),
    onMutate: () => setSaved(false),
    onSuccess: async (updated) => {
      queryClient.setQueryData(meQueryKey, updated);
      await setLanguage(updated.user?.locale ?? locale);
      setSaved(true);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }

  return (
    <section aria-labelledby="profile-details-title" className="section">
      <h2 id="profile-details-title">{t('profile.details')}</h2>
      <dl className="summary compact">
        <dt>{t('users.fields.email')}</dt>
        <dd className="break">{me.user.email}</dd>
        <dt>{t('users.fields.organization')}</dt>
        <dd>{me.organization.name}</dd>
        <dt>{t('users.fields.roles')}</dt>
        <dd>{me.roles.map((r) => t(`roles.${r}`)).join(', ')}</dd>
      </dl>
      <ErrorAlert error={save.error} />
      <StatusMessage tone="success">{saved ? t('common.saved') : null}</StatusMessage>
      <form onSubmit={submit} className="form">
        <TextField
          label={t('users.fields.displayName')}
          name="displayName"
          required
          autoComplete="name"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={fieldError(save.error, 'displayName')}
        />
        <SelectField label={t('users.fields.locale')} name="locale" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
          <LocaleOptions />
        </SelectField>
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [pw, setPw] = useState<NewPassword>({ password: '', confirm: '' });
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState(false);

  const change = useMutation({
    mutationFn: () => api<void>('/auth/password', { method: 'POST', body: { currentPassword: current, newPassword: pw.password } }),
    onMutate: () => setDone(false),
    onSuccess: () => {
      setCurrent('');
      setPw({ password: '', confirm: '' });
      setTried(false);
      setDone(true);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!passwordsMatch(pw)) return;
    change.mutate();
  }

  const err = change.error;
  const wrongCurrent = isApiError(err, 'invalid_credentials') ? fieldErrorText('wrong_password') : fieldError(err, 'currentPassword');
  return (
    <section aria-labelledby="profile-password-title" className="section">
      <h2 id="profile-password-title">{t('profile.changePassword')}</h2>
      {err && !wrongCurrent ? <ErrorAlert error={err} /> : null}
      <StatusMessage tone="success">{done ? t('profile.passwordChanged') : null}</StatusMessage>
      <form onSubmit={submit} className="form">
        <TextField
          label={t('password.current')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={wrongCurrent}
        />
        <NewPasswordFields value={pw} onChange={setPw} showMismatch={tried} serverError={fieldError(err, 'newPassword', 'password')} />
        <div className="actions">
          <button type="submit" className="button" disabled={change.isPending}>
            {t('profile.changePasswordSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
