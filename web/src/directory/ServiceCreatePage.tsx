// A new service of the signed-in person's organisation (organisation administrators).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/me';
import { NoAccess } from '../shell/NotFoundPage';
import { ErrorAlert } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import { createService, directoryKeys, locationsQuery } from './api';
import { capacityToInput, emptyServiceForm, formToInput, ServiceFields } from './ServiceForm';
import './directory.css';

export function ServiceCreatePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(emptyServiceForm);
  const mayManage = can(me, 'directory.manage', { organizationId: me.organization.id });
  const locations = useQuery({ ...locationsQuery(), enabled: mayManage });
  usePageTitle(t('directory.create'));

  const create = useMutation({
    mutationFn: () => {
      const c = form.capacity;
      const anyCapacity = !!(c.total.trim() || c.free.trim() || c.maxOpenReferrals.trim());
      return createService({ ...formToInput(form), ...(anyCapacity ? { capacity: capacityToInput(c) } : {}) });
    },
    onSuccess: async (s) => {
      queryClient.setQueryData(directoryKeys.service(s.id), s);
      await queryClient.invalidateQueries({ queryKey: directoryKeys.all });
      await navigate({ to: '/services/$serviceId', params: { serviceId: s.id }, search: {} });
    },
  });

  if (!mayManage) return <NoAccess />;

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/services">{t('directory.title')}</Link>
      </p>
      <h1>{t('directory.create')}</h1>
      <p className="muted">{me.organization.name}</p>
      <form onSubmit={submit} className="service-form" noValidate>
        <ServiceFields value={form} onChange={setForm} error={create.error} locations={locations.data?.items} withCapacity />
        <ErrorAlert error={create.error} />
        <div className="actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('directory.save')}
          </button>
          <Link to="/services" className="button secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
