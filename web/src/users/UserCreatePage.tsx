// Create a person (who then gets a one-time activation link) or a service account (for API tokens).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, Role, User, UserKind } from '../api/types';
import { can, useMe } from '../auth/me';
import { fieldError } from '../i18n/errors';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { NoAccess } from '../shell/NotFoundPage';
import { ChoiceGroup, TextField } from '../ui/Field';
import { ErrorAlert } from '../ui/Messages';
import { OneTimeSecret } from '../ui/OneTimeSecret';
import { usePageTitle } from '../ui/usePageTitle';
import { activationLink, createUser, userKeys } from './api';
import { AccountFields } from './AccountFields';

export function UserCreatePage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('users.create'));
  const [created, setCreated] = useState<{ user: User; link: string } | null>(null);

  if (!can(me, 'user.create')) return <NoAccess />;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/users">{t('users.title')}</Link>
      </p>
      <h1>{t('users.create')}</h1>
      {created ? (
        <section aria-labelledby="created-title" className="card">
          <h2 id="created-title">{t('users.created', { name: created.user.displayName })}</h2>
          <p>{t('users.activationIntro')}</p>
          <OneTimeSecret label={t('users.activationLink')} value={created.link} note={t('users.activationOnce')} />
          <div className="actions">
            <Link to="/users/$userId" params={{ userId: created.user.id }} className="button">
              {t('users.openUser')}
            </Link>
            <button type="button" className="button secondary" onClick={() => setCreated(null)}>
              {t('users.createAnother')}
            </button>
          </div>
        </section>
      ) : (
        <UserCreateForm onCreated={(user, token) => setCreated({ user, link: activationLink(token) })} />
      )}
    </>
  );
}

function UserCreateForm({ onCreated }: { onCreated: (user: User, activationToken: string) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const anyOrganization = me.permissions['user.create'] === 'all';
  const [form, setForm] = useState({
    email: '',
    displayName: '',
    organizationId: anyOrganization ? (null as string | null) : me.organization.id,
    roles: [] as Role[],
    kind: 'person' as UserKind,
    locale: 'id' as Locale,
    languages: [] as string[],
    areaCodes: [] as string[],
  });

  const create = useMutation({
    mutationFn: () =>
      createUser({
        email: form.email.trim(),
        displayName: form.displayName.trim(),
        organizationId: form.organizationId ?? '',
        roles: form.roles,
        kind: form.kind,
        locale: form.locale,
        ...(form.kind === 'person' ? { languages: form.languages, areaCodes: form.areaCodes } : {}),
      }),
    onSuccess: async ({ user, activationToken }) => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      if (activationToken) onCreated(user, activationToken);
      else await navigate({ to: '/users/$userId', params: { userId: user.id } });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }

  const err = create.error;
  return (
    <>
      <ErrorAlert error={err} />
      <form onSubmit={submit} className="form">
        <ChoiceGroup
          legend={t('users.fields.kind')}
          name="kind"
          type="radio"
          options={[
            { value: 'person', label: t('users.kind.person') },
            { value: 'service', label: t('users.kind.service') },
          ]}
          value={[form.kind]}
          onChange={(v) => setForm({ ...form, kind: v[0] as UserKind })}
          hint={t('users.kindHint')}
          error={fieldError(err, 'kind')}
        />
        <TextField
          label={t('users.fields.email')}
          name="email"
          type="email"
          required
          autoComplete="off"
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
          error={fieldError(err, 'email')}
        />
        <TextField
          label={t('users.fields.displayName')}
          name="displayName"
          required
          autoComplete="off"
          value={form.displayName}
          onChange={(e) => setForm({ ...form, displayName: e.target.value })}
          error={fieldError(err, 'displayName')}
        />
        {anyOrganization ? (
          <OrganizationSelect
            label={t('users.fields.organization')}
            name="organizationId"
            required
            value={form.organizationId}
            onChange={(organizationId) => setForm({ ...form, organizationId })}
            emptyLabel={t('common.choose')}
            error={fieldError(err, 'organizationId')}
          />
        ) : (
          <p className="field">
            <span className="label">{t('users.fields.organization')}</span> {me.organization.name}
          </p>
        )}
        <AccountFields form={form} setForm={setForm} error={err} assignableRoles={me.assignableRoles} isPerson={form.kind === 'person'} />
        <div className="actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('users.createSubmit')}
          </button>
          <Link to="/users" className="button secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
