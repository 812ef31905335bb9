import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/me';
import { NoAccess } from '../shell/NotFoundPage';
import { ErrorAlert } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import { createOrganization, organizationKeys } from './api';
import { emptyOrganizationForm, formToInput, OrganizationFields } from './OrganizationForm';

export function OrganizationCreatePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(emptyOrganizationForm);
  usePageTitle(t('organizations.create'));

  const create = useMutation({
    mutationFn: () => createOrganization(formToInput(form)),
    onSuccess: async (org) => {
      await queryClient.invalidateQueries({ queryKey: organizationKeys.all });
      await navigate({ to: '/organizations/$organizationId', params: { organizationId: org.id }, search: {} });
    },
  });

  if (!can(me, 'organization.create')) return <NoAccess />;

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/organizations">{t('organizations.title')}</Link>
      </p>
      <h1>{t('organizations.create')}</h1>
      <ErrorAlert error={create.error} />
      <form onSubmit={submit} className="form">
        <OrganizationFields value={form} onChange={setForm} error={create.error} />
        <div className="actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('common.save')}
          </button>
          <Link to="/organizations" className="button secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
