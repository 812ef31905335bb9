// One user: details, edit (display name, roles, language, working languages, coverage areas) with
// optimistic concurrency, status,
// access (new activation link, reset two-factor) and, for service accounts, API tokens.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import type { Locale, Role, User } from '../api/types';
import { can, useMe } from '../auth/me';
import { formatDateTime } from '../i18n';
import { fieldError } from '../i18n/errors';
import { ApiTokenManager } from '../profile/ApiTokenManager';
import { ConfirmButton } from '../ui/ConfirmButton';
import { TextField } from '../ui/Field';
import { ErrorAlert, StatusMessage } from '../ui/Messages';
import { VersionConflict } from '../ui/VersionConflict';
import { OneTimeSecret } from '../ui/OneTimeSecret';
import { RecordPage } from '../ui/RecordPage';
import { usePageTitle } from '../ui/usePageTitle';
import { AccountFields } from './AccountFields';
import { AreaList, LanguageList } from './Coverage';
import { activationLink, newActivation, resetTotp, setUserActive, updateUser, userKeys, userQuery } from './api';
import { StatusBadge } from './StatusBadge';

const route = getRouteApi('/app/users/$userId');

export function UserPage() {
  const { t } = useTranslation();
  const { userId } = route.useParams();
  const query = useQuery(userQuery(userId));
  usePageTitle(query.data?.displayName ?? t('users.title'));
  return (
    <RecordPage query={query} backTo="/users" backLabel={t('users.title')} notFoundText={t('users.notFound')}>
      {(data) => <UserDetail key={data.id} user={data} />}
    </RecordPage>
  );
}

function UserSummary({ u }: { u: User }) {
  const { t } = useTranslation();
  return (
    <dl className="summary">
      <dt>{t('users.fields.displayName')}</dt>
      <dd>{u.displayName}</dd>
      <dt>{t('users.fields.email')}</dt>
      <dd className="break">{u.email}</dd>
      <dt>{t('users.fields.organization')}</dt>
      <dd>{u.organizationName}</dd>
      <dt>{t('users.fields.kind')}</dt>
      <dd>{t(`users.kind.${u.kind}`)}</dd>
      <dt>{t('users.fields.roles')}</dt>
      <dd>{u.roles.map((r) => t(`roles.${r}`)).join(', ') || '—'}</dd>
      <dt>{t('users.fields.locale')}</dt>
      <dd>{t(`language.names.${u.locale}`)}</dd>
      {u.kind === 'person' ? (
        <>
          <dt>{t('users.fields.languages')}</dt>
          <dd>
            <LanguageList codes={u.languages} />
          </dd>
          <dt>{t('users.fields.areaCodes')}</dt>
          <dd>
            <AreaList codes={u.areaCodes} />
          </dd>
        </>
      ) : null}
      <dt>{t('common.status')}</dt>
      <dd>
        <StatusBadge status={u.status} />
      </dd>
      <dt>{t('users.fields.totp')}</dt>
      <dd>{u.totpEnabled ? t('users.totpOn') : t('users.totpOff')}</dd>
      <dt>{t('common.createdAt')}</dt>
      <dd>{formatDateTime(u.createdAt)}</dd>
      {u.deactivatedAt ? (
        <>
          <dt>{t('users.deactivatedAt')}</dt>
          <dd>{formatDateTime(u.deactivatedAt)}</dd>
        </>
      ) : null}
    </dl>
  );
}

function UserDetail({ user }: { user: User }) {
  const { t } = useTranslation();
  const me = useMe();
  const target = { organizationId: user.organizationId, userId: user.id };
  const mayUpdate = can(me, 'user.update', target);
  const mayDeactivate = can(me, 'user.deactivate', target) && user.id !== me.user.id;
  const mayManageTokens = user.kind === 'service' && can(me, 'apiToken.manageService', target);

  return (
    <>
      <div className="page-head">
        <h1>{user.displayName}</h1>
        <StatusBadge status={user.status} />
      </div>
      {mayUpdate ? <UserEditForm user={user} /> : <UserSummary u={user} />}
      {mayUpdate && user.kind === 'person' ? <AccessSection user={user} /> : null}
      {mayDeactivate ? <StatusSection user={user} /> : null}
      {mayManageTokens ? (
        <section aria-labelledby="service-tokens-title" className="section">
          <h2 id="service-tokens-title">{t('apiTokens.title')}</h2>
          <ApiTokenManager basePath={`/users/${encodeURIComponent(user.id)}/api-tokens`} headingLevel={3} />
        </section>
      ) : null}
    </>
  );
}

interface EditState {
  displayName: string;
  roles: Role[];
  locale: Locale;
  languages: string[];
  areaCodes: string[];
}
const toEdit = (u: User): EditState => ({
  displayName: u.displayName,
  roles: [...u.roles],
  locale: u.locale,
  languages: [...u.languages],
  areaCodes: [...u.areaCodes],
});

function UserEditForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<EditState>(() => toEdit(user));
  const [version, setVersion] = useState(user.version);
  const [conflict, setConflict] = useState<User | null>(null);
  const [saved, setSaved] = useState(false);

  // A fresh copy from the server (after an action below) resets the form to it.
  useEffect(() => {
    if (!conflict && user.version !== version) {
      setForm(toEdit(user));
      setVersion(user.version);
    }
  }, [user.version]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = useMutation({
    mutationFn: (v: number) =>
      updateUser(user.id, {
        displayName: form.displayName.trim(),
        roles: form.roles,
        locale: form.locale,
        ...(user.kind === 'person' ? { languages: form.languages, areaCodes: form.areaCodes } : {}),
        version: v,
      }),
    onMutate: () => setSaved(false),
    onSuccess: (u) => {
      setConflict(null);
      setVersion(u.version);
      setForm(toEdit(u));
      setSaved(true);
      queryClient.setQueryData(userKeys.detail(u.id), u);
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict') && err.current) setConflict(err.current as User);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(version);
  }

  const err = save.error;
  return (
    <section aria-labelledby="user-edit-title" className="section">
      <h2 id="user-edit-title">{t('users.details')}</h2>
      <p className="muted">
        <span className="break">{user.email}</span> · {user.organizationName} · {t(`users.kind.${user.kind}`)} ·{' '}
        {user.totpEnabled ? t('users.totpOn') : t('users.totpOff')}
      </p>
      {conflict ? (
        <VersionConflict
          busy={save.isPending}
          onReapply={() => save.mutate(conflict.version)}
          onDiscard={() => {
            setForm(toEdit(conflict));
            setVersion(conflict.version);
            queryClient.setQueryData(userKeys.detail(conflict.id), conflict);
            setConflict(null);
            save.reset();
          }}
        >
          <UserSummary u={conflict} />
        </VersionConflict>
      ) : null}
      {err && !isApiError(err, 'version_conflict') ? <ErrorAlert error={err} /> : null}
      <StatusMessage tone="success">{saved ? t('common.saved') : null}</StatusMessage>
      <form onSubmit={submit} className="form">
        <TextField
          label={t('users.fields.displayName')}
          name="displayName"
          required
          value={form.displayName}
          onChange={(e) => setForm({ ...form, displayName: e.target.value })}
          error={fieldError(err, 'displayName')}
        />
        <AccountFields form={form} setForm={setForm} error={err} assignableRoles={me.assignableRoles} isPerson={user.kind === 'person'} />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending || !!conflict}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function AccessSection({ user }: { user: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [link, setLink] = useState<string | null>(null);
  const [totpDone, setTotpDone] = useState(false);

  const activation = useMutation({
    mutationFn: () => newActivation(user.id),
    onSuccess: (r) => {
      setLink(activationLink(r.activationToken));
      void queryClient.invalidateQueries({ queryKey: userKeys.detail(user.id) });
    },
  });
  const totp = useMutation({
    mutationFn: () => resetTotp(user.id),
    onSuccess: () => {
      setTotpDone(true);
      void queryClient.invalidateQueries({ queryKey: userKeys.detail(user.id) });
    },
  });

  return (
    <section aria-labelledby="user-access-title" className="section">
      <h2 id="user-access-title">{t('users.access')}</h2>
      <ErrorAlert error={activation.error ?? totp.error} />
      {link ? (
        <OneTimeSecret label={t('users.activationLink')} value={link} note={t('users.activationOnce')} />
      ) : (
        <>
          <p>{t('users.newActivationText')}</p>
          <ConfirmButton
            label={t('users.newActivation')}
            title={t('users.newActivationTitle', { name: user.displayName })}
            message={<p>{t('users.newActivationConfirm')}</p>}
            onConfirm={() => activation.mutate()}
            disabled={activation.isPending || user.status === 'deactivated'}
          />
        </>
      )}
      <StatusMessage tone="success">{totpDone ? t('users.totpResetDone') : null}</StatusMessage>
      {user.totpEnabled ? (
        <>
          <p>{t('users.resetTotpText')}</p>
          <ConfirmButton
            danger
            label={t('users.resetTotp')}
            title={t('users.resetTotpTitle', { name: user.displayName })}
            message={<p>{t('users.resetTotpConfirm')}</p>}
            onConfirm={() => totp.mutate()}
            disabled={totp.isPending}
          />
        </>
      ) : null}
    </section>
  );
}

function StatusSection({ user }: { user: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (active: boolean) => setUserActive(user.id, active),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
  const deactivated = user.status === 'deactivated';
  return (
    <section aria-labelledby="user-status-title" className="section danger-zone">
      <h2 id="user-status-title">{t('users.statusSection')}</h2>
      <ErrorAlert error={toggle.error} />
      {deactivated ? (
        <ConfirmButton
          label={t('users.reactivate')}
          title={t('users.reactivateTitle', { name: user.displayName })}
          message={<p>{t('users.reactivateText')}</p>}
          onConfirm={() => toggle.mutate(true)}
          disabled={toggle.isPending}
        />
      ) : (
        <ConfirmButton
          danger
          label={t('users.deactivate')}
          title={t('users.deactivateTitle', { name: user.displayName })}
          message={<p>{t('users.deactivateText')}</p>}
          onConfirm={() => toggle.mutate(false)}
          disabled={toggle.isPending}
        />
      )}
    </section>
  );
}
