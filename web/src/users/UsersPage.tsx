// Users the signed-in person may see (own organisation, or all for system administrators).
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, userStatuses, type Role, type UserStatus } from '../api/types';
import { can, useMe } from '../auth/me';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { NoAccess } from '../shell/NotFoundPage';
import { SelectField, TextField } from '../ui/Field';
import { FilterActions, ResultList } from '../ui/ResultList';
import { FilterPanel } from '../ui/FilterPanel';
import { usePageTitle } from '../ui/usePageTitle';
import { usersQuery } from './api';
import { StatusBadge } from './StatusBadge';

const route = getRouteApi('/app/users');
const LIMIT = 20;

export function UsersPage() {
  const me = useMe();
  const reach = me.permissions['user.read'];
  if (reach !== 'organization' && reach !== 'all') return <NoAccess />;
  return <UsersList allOrganizations={reach === 'all'} mayCreate={can(me, 'user.create')} />;
}

function UsersList({ allOrganizations, mayCreate }: { allOrganizations: boolean; mayCreate: boolean }) {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  usePageTitle(t('users.title'));

  const fromSearch = () => ({
    q: search.q ?? '',
    role: search.role ?? '',
    status: search.status ?? '',
    organizationId: search.organizationId ?? null,
  });
  const [form, setForm] = useState(fromSearch);
  useEffect(() => setForm(fromSearch()), [search.q, search.role, search.status, search.organizationId]); // eslint-disable-line

  const query = useQuery(
    usersQuery({
      q: search.q,
      role: search.role,
      status: search.status,
      organizationId: allOrganizations ? search.organizationId : undefined,
      limit: LIMIT,
      offset: search.offset ?? 0,
    }),
  );

  function apply(e: FormEvent) {
    e.preventDefault();
    void navigate({
      search: {
        q: form.q.trim() || undefined,
        role: (form.role || undefined) as Role | undefined,
        status: (form.status || undefined) as UserStatus | undefined,
        organizationId: form.organizationId ?? undefined,
        offset: undefined,
      },
    });
  }

  return (
    <>
      <div className="page-head">
        <h1>{t('users.title')}</h1>
        {mayCreate ? (
          <Link to="/users/new" className="button">
            {t('users.create')}
          </Link>
        ) : null}
      </div>

      <FilterPanel active={!!(search.q || search.role || search.status || search.organizationId)}>
        <form role="search" className="filters" onSubmit={apply} aria-label={t('users.filters')}>
          <TextField label={t('common.search')} name="q" type="search" value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} />
          {allOrganizations ? (
            <OrganizationSelect
              label={t('users.fields.organization')}
              name="organizationId"
              value={form.organizationId}
              onChange={(organizationId) => setForm({ ...form, organizationId })}
              emptyLabel={t('common.all')}
            />
          ) : null}
          <SelectField label={t('users.fields.role')} name="role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('common.status')} name="status" value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {userStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`users.status.${s}`)}
              </option>
            ))}
          </SelectField>
          <FilterActions resetTo="/users" />
        </form>
      </FilterPanel>

      <ResultList
        query={query}
        emptyText={t('users.empty')}
        offset={search.offset ?? 0}
        limit={LIMIT}
        onPage={(offset) => void navigate({ search: (prev) => ({ ...prev, offset: offset || undefined }) })}
      >
        {(items) => (
          <table className="responsive">
            <caption className="visually-hidden">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.fields.displayName')}</th>
                <th scope="col">{t('users.fields.email')}</th>
                {allOrganizations ? <th scope="col">{t('users.fields.organization')}</th> : null}
                <th scope="col">{t('users.fields.roles')}</th>
                <th scope="col">{t('common.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((u) => (
                <tr key={u.id}>
                  <th scope="row" data-label={t('users.fields.displayName')}>
                    <Link to="/users/$userId" params={{ userId: u.id }}>
                      {u.displayName}
                    </Link>
                    {u.kind === 'service' ? <span className="badge">{t('users.kind.service')}</span> : null}
                  </th>
                  <td data-label={t('users.fields.email')} className="break">
                    {u.email}
                  </td>
                  {allOrganizations ? <td data-label={t('users.fields.organization')}>{u.organizationName}</td> : null}
                  <td data-label={t('users.fields.roles')}>{u.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
                  <td data-label={t('common.status')}>
                    <StatusBadge status={u.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ResultList>
    </>
  );
}
