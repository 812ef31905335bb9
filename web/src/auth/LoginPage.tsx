// Sign-in: email and password, then (when the account has two-factor authentication) a second step
// asking for the authenticator code or a recovery code.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api/client';
import { errorText } from '../i18n/errors';
import { TextField } from '../ui/Field';
import { ErrorAlert, StatusMessage } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import { meQueryKey, safeRedirect } from './me';

const route = getRouteApi('/public/login');

interface Credentials {
  email: string;
  password: string;
  totp?: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const codeRef = useRef<HTMLInputElement>(null);
  usePageTitle(t('login.title'));

  const login = useMutation({
    mutationFn: (body: Credentials) => api<unknown>('/auth/login', { method: 'POST', body }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: meQueryKey });
      await navigate({ to: safeRedirect(search.redirect) });
    },
    onError: (err) => {
      if (isApiError(err, 'totp_required')) {
        setStep('totp');
        login.reset();
      }
    },
  });

  useEffect(() => {
    if (step === 'totp') codeRef.current?.focus();
  }, [step]);

  function submit(e: FormEvent) {
    e.preventDefault();
    login.mutate(step === 'totp' ? { email, password, totp: totp.replace(/\s+/g, '') } : { email, password });
  }

  const err = login.error;
  const codeError = step === 'totp' && isApiError(err, 'totp_invalid') ? errorText(err) : undefined;
  const generalError = err && !codeError && !isApiError(err, 'totp_required') ? err : null;

  return (
    <section className="card narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      {search.activated ? <StatusMessage tone="success">{t('login.activated')}</StatusMessage> : null}
      {search.setup ? <StatusMessage tone="success">{t('login.setupDone')}</StatusMessage> : null}
      {search.signedOut ? <StatusMessage tone="info">{t('login.signedOut')}</StatusMessage> : null}
      {search.expired ? <StatusMessage tone="warning">{t('login.expired')}</StatusMessage> : null}
      {generalError ? <ErrorAlert error={generalError} /> : null}
      <form onSubmit={submit}>
        {step === 'password' ? (
          <>
            <TextField
              label={t('login.email')}
              name="email"
              type="email"
              autoComplete="username"
              inputMode="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
            <TextField
              label={t('login.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <div className="actions">
              <button type="submit" className="button" disabled={login.isPending}>
                {login.isPending ? t('login.signingIn') : t('login.submit')}
              </button>
            </div>
          </>
        ) : (
          <>
            <p id="totp-intro">{t('login.totpIntro')}</p>
            <TextField
              ref={codeRef}
              label={t('login.totpCode')}
              name="totp"
              autoComplete="one-time-code"
              inputMode="text"
              autoCapitalize="off"
              spellCheck={false}
              required
              maxLength={32}
              value={totp}
              onChange={(e) => setTotp(e.target.value)}
              hint={t('login.totpHint')}
              error={codeError}
            />
            <div className="actions">
              <button type="submit" className="button" disabled={login.isPending}>
                {login.isPending ? t('login.verifying') : t('login.verify')}
              </button>
              <button
                type="button"
                className="button secondary"
                onClick={() => {
                  setStep('password');
                  setTotp('');
                  login.reset();
                }}
              >
                {t('common.back')}
              </button>
            </div>
          </>
        )}
      </form>
    </section>
  );
}
