// Two-factor authentication: enrol (QR code or secret, then confirm with a code), recovery codes,
// and disable (not offered when the account's roles require two-factor).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api/client';
import { meQueryKey, mustEnrolTotp, useMe } from '../auth/me';
import { errorText, fieldError, fieldErrorText } from '../i18n/errors';
import { TextField } from '../ui/Field';
import { ErrorAlert, StatusMessage } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import { ProfileTabs } from './ProfileTabs';
import { RecoveryCodes } from './RecoveryCodes';

export function TwoFactorPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [wasForced] = useState(() => mustEnrolTotp(me));
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(t('profile.twoFactor'));

  return (
    <>
      <h1>{t('profile.twoFactor')}</h1>
      <ProfileTabs />
      <StatusMessage>{notice}</StatusMessage>
      {codes ? (
        <RecoveryCodes
          codes={codes}
          onDone={() => {
            setCodes(null);
            if (wasForced) void navigate({ to: '/' });
          }}
        />
      ) : me.user.totpEnabled ? (
        <Enabled onCodes={setCodes} onDisabled={() => setNotice(t('twoFactor.disabledDone'))} />
      ) : (
        <Enrol
          onCodes={(c) => {
            setNotice(null);
            setCodes(c);
          }}
        />
      )}
    </>
  );
}

function Enrol({ onCodes }: { onCodes: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');

  const enrol = useMutation({ mutationFn: () => api<{ secret: string; uri: string; qrSvg: string }>('/auth/totp/enrol', { method: 'POST' }) });
  const confirm = useMutation({
    mutationFn: () => api<{ recoveryCodes: string[] }>('/auth/totp/confirm', { method: 'POST', body: { code: code.replace(/\s+/g, '') } }),
    onSuccess: async (r) => {
      onCodes(r.recoveryCodes);
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    confirm.mutate();
  }

  const codeError = fieldError(confirm.error, 'code') ?? (isApiError(confirm.error, 'totp_invalid') ? errorText(confirm.error) : undefined);

  return (
    <section aria-labelledby="enrol-title" className="section">
      <h2 id="enrol-title">{t('twoFactor.enrolTitle')}</h2>
      {me.totpRequired ? <p className="alert alert-info">{t('twoFactor.required')}</p> : null}
      <p>{t('twoFactor.intro')}</p>
      <ErrorAlert error={enrol.error} />
      {!enrol.data ? (
        <button type="button" className="button" onClick={() => enrol.mutate()} disabled={enrol.isPending}>
          {t('twoFactor.start')}
        </button>
      ) : (
        <>
          <ol className="steps">
            <li>
              <p>{t('twoFactor.step1')}</p>
              <img
                className="qr"
                src={`data:image/svg+xml;utf8,${encodeURIComponent(enrol.data.qrSvg)}`}
                alt={t('twoFactor.qrAlt')}
                width={208}
                height={208}
              />
              <p>
                <a href={enrol.data.uri}>{t('twoFactor.openApp')}</a>
              </p>
              <p id="totp-secret-label">{t('twoFactor.manual')}</p>
              <p>
                <code className="secret-text" aria-labelledby="totp-secret-label">
                  {enrol.data.secret.replace(/(.{4})/g, '$1 ').trim()}
                </code>
              </p>
            </li>
            <li>
              <form onSubmit={submit} className="form">
                {confirm.error && !codeError ? <ErrorAlert error={confirm.error} /> : null}
                <TextField
                  label={t('twoFactor.code')}
                  name="code"
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  pattern="[0-9 ]*"
                  maxLength={8}
                  required
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  hint={t('twoFactor.codeHint')}
                  error={codeError}
                />
                <div className="actions">
                  <button type="submit" className="button" disabled={confirm.isPending}>
                    {t('twoFactor.confirm')}
                  </button>
                </div>
              </form>
            </li>
          </ol>
        </>
      )}
    </section>
  );
}

function PasswordAction({
  title,
  text,
  submitLabel,
  danger,
  run,
  name,
}: {
  title: string;
  text: string;
  submitLabel: string;
  danger?: boolean;
  run: (password: string) => Promise<void>;
  name: string;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const action = useMutation({ mutationFn: () => run(password), onSuccess: () => setPassword('') });
  const wrong = isApiError(action.error, 'invalid_credentials') ? fieldErrorText('wrong_password') : fieldError(action.error, 'password');
  const id = `${name}-title`;
  return (
    <section aria-labelledby={id} className="section">
      <h2 id={id}>{title}</h2>
      <p>{text}</p>
      {action.error && !wrong ? <ErrorAlert error={action.error} /> : null}
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          action.mutate();
        }}
      >
        <TextField
          label={t('password.current')}
          name={`${name}Password`}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={wrong}
        />
        <div className="actions">
          <button type="submit" className={danger ? 'button danger' : 'button'} disabled={action.isPending}>
            {submitLabel}
          </button>
        </div>
      </form>
    </section>
  );
}

function Enabled({ onCodes, onDisabled }: { onCodes: (codes: string[]) => void; onDisabled: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  return (
    <>
      <StatusMessage tone="success">{t('twoFactor.enabled')}</StatusMessage>
      <PasswordAction
        name="recovery"
        title={t('twoFactor.regenerateTitle')}
        text={t('twoFactor.regenerateText')}
        submitLabel={t('twoFactor.regenerate')}
        run={async (password) => {
          const r = await api<{ recoveryCodes: string[] }>('/auth/recovery-codes', { method: 'POST', body: { password } });
          onCodes(r.recoveryCodes);
        }}
      />
      {me.totpRequired ? (
        <p className="muted">{t('twoFactor.cannotDisable')}</p>
      ) : (
        <PasswordAction
          name="disable"
          danger
          title={t('twoFactor.disableTitle')}
          text={t('twoFactor.disableText')}
          submitLabel={t('twoFactor.disable')}
          run={async (password) => {
            await api<void>('/auth/totp/disable', { method: 'POST', body: { password } });
            onDisabled();
            await queryClient.invalidateQueries({ queryKey: meQueryKey });
          }}
        />
      )}
    </>
  );
}
