// List of organisations with search, type, level and status filters, and paging. Everyone may read it.
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { organizationLevels, organizationTypes, type OrganizationLevel, type OrganizationType } from '../api/types';
import { can, useMe } from '../auth/me';
import { SelectField, TextField } from '../ui/Field';
import { FilterActions, ResultList } from '../ui/ResultList';
import { FilterPanel } from '../ui/FilterPanel';
import { usePageTitle } from '../ui/usePageTitle';
import { organizationsQuery } from './api';

const route = getRouteApi('/app/organizations');
const LIMIT = 20;

export function OrganizationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  usePageTitle(t('organizations.title'));

  const [form, setForm] = useState({ q: search.q ?? '', type: search.type ?? '', level: search.level ?? '', status: search.status ?? 'active' });
  useEffect(() => {
    setForm({ q: search.q ?? '', type: search.type ?? '', level: search.level ?? '', status: search.status ?? 'active' });
  }, [search.q, search.type, search.level, search.status]);

  const status = search.status ?? 'active';
  const query = useQuery(
    organizationsQuery({
      q: search.q,
      type: search.type,
      level: search.level,
      active: status === 'all' ? undefined : status === 'active',
      limit: LIMIT,
      offset: search.offset ?? 0,
    }),
  );

  function apply(e: FormEvent) {
    e.preventDefault();
    void navigate({
      search: {
        q: form.q.trim() || undefined,
        type: (form.type || undefined) as OrganizationType | undefined,
        level: (form.level || undefined) as OrganizationLevel | undefined,
        status: form.status === 'active' ? undefined : (form.status as 'inactive' | 'all'),
        offset: undefined,
      },
    });
  }

  return (
    <>
      <div className="page-head">
        <h1>{t('organizations.title')}</h1>
        {can(me, 'organization.create') ? (
          <Link to="/organizations/new" className="button">
            {t('organizations.create')}
          </Link>
        ) : null}
      </div>

      <FilterPanel active={!!(search.q || search.type || search.level || search.status)}>
        <form role="search" className="filters" onSubmit={apply} aria-label={t('organizations.filters')}>
          <TextField label={t('common.search')} name="q" type="search" value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} />
          <SelectField label={t('organizations.fields.type')} name="type" value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {organizationTypes.map((ty) => (
              <option key={ty} value={ty}>
                {t(`organizations.types.${ty}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('organizations.fields.level')} name="level" value={form.level} onChange={(e) => setForm({ ...form, level: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {organizationLevels.map((l) => (
              <option key={l} value={l}>
                {t(`organizations.levels.${l}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('common.status')} name="status" value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value as 'active' })}>
            <option value="active">{t('organizations.status.active')}</option>
            <option value="inactive">{t('organizations.status.inactive')}</option>
            <option value="all">{t('common.all')}</option>
          </SelectField>
          <FilterActions resetTo="/organizations" />
        </form>
      </FilterPanel>

      <ResultList
        query={query}
        emptyText={t('organizations.empty')}
        offset={search.offset ?? 0}
        limit={LIMIT}
        onPage={(offset) => void navigate({ search: (prev) => ({ ...prev, offset: offset || undefined }) })}
      >
        {(items) => (
          <table className="responsive">
            <caption className="visually-hidden">{t('organizations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organizations.fields.name')}</th>
                <th scope="col">{t('organizations.fields.type')}</th>
                <th scope="col">{t('organizations.fields.level')}</th>
                <th scope="col">{t('organizations.fields.area')}</th>
                <th scope="col">{t('common.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.id}>
                  <th scope="row" data-label={t('organizations.fields.name')}>
                    <Link to="/organizations/$organizationId" params={{ organizationId: o.id }}>
                      {o.name}
                    </Link>
                    {o.acronym ? <span className="muted"> ({o.acronym})</span> : null}
                  </th>
                  <td data-label={t('organizations.fields.type')}>{t(`organizations.types.${o.type}`)}</td>
                  <td data-label={t('organizations.fields.level')}>{t(`organizations.levels.${o.level}`)}</td>
                  <td data-label={t('organizations.fields.area')}>{o.areaName ?? '—'}</td>
                  <td data-label={t('common.status')}>
                    <span className={o.active ? 'badge ok' : 'badge off'}>
                      {o.active ? t('organizations.status.active') : t('organizations.status.inactive')}
                    </span>
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
