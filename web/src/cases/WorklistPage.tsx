// "My cases" (/cases): the caller's cases by priority and due date, with their open tasks on top;
// supervisors can switch to the whole organisation. Filters and paging live in the URL.
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api/client';
import { caseTypes, stages, type Area, type CaseType, type Stage } from '../api/types';
import { can, useMe } from '../auth/me';
import { currentLanguage, formatDate } from '../i18n';
import { CountrySelect, useCountries } from '../persons/CountryFields';
import { NoAccess } from '../shell/NotFoundPage';
import { SelectField, TextField } from '../ui/Field';
import { FilterPanel } from '../ui/FilterPanel';
import { ResultList } from '../ui/ResultList';
import { usePageTitle } from '../ui/usePageTitle';
import { casesQuery, countryName, myTasksQuery, type CaseListItem } from './api';
import { CaseBadges, OverdueBadge } from './CaseBadges';
import './worklist.css';

const route = getRouteApi('/app/cases');
const LIMIT = 25;

export function WorklistPage() {
  const me = useMe();
  if (!can(me, 'case.read')) return <NoAccess />;
  return <Worklist />;
}

export const provincesQuery = {
  queryKey: ['areas', 'province', null] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => api<{ items: Area[] }>('/areas', { query: { level: 'province' }, signal }),
  staleTime: Infinity,
};

function Worklist() {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const reach = me.permissions['case.read'];
  const orgReach = reach === 'organization' || reach === 'all';
  const scope = orgReach && search.scope === 'organization' ? 'organization' : 'mine';
  const title = scope === 'organization' ? t('worklist.titleOrganization') : t('worklist.title');
  usePageTitle(title);

  const fromSearch = () => ({
    stage: search.stage ?? '',
    type: search.type ?? '',
    province: search.province ?? '',
    country: search.country ?? '',
    overdue: !!search.overdue,
    q: search.q ?? '',
  });
  const [form, setForm] = useState(fromSearch);
  useEffect(() => setForm(fromSearch()), [search.stage, search.type, search.province, search.country, search.overdue, search.q]); // eslint-disable-line

  const query = useQuery(
    casesQuery({
      scope,
      stage: search.stage,
      type: search.type,
      province: search.province,
      country: search.country,
      overdue: !!search.overdue,
      q: search.q,
      limit: LIMIT,
      offset: search.offset ?? 0,
    }),
  );
  const provinces = useQuery(provincesQuery);

  function apply(e: FormEvent) {
    e.preventDefault();
    void navigate({
      search: (prev) => ({
        scope: prev.scope,
        stage: (form.stage || undefined) as Stage | undefined,
        type: (form.type || undefined) as CaseType | undefined,
        province: form.province || undefined,
        country: form.country || undefined,
        overdue: form.overdue ? 1 : undefined,
        q: form.q.trim() || undefined,
        offset: undefined,
      }),
    });
  }

  const active = !!(search.stage || search.type || search.province || search.country || search.overdue || search.q);

  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        {can(me, 'case.create') ? (
          <Link to="/cases/new" className="button">
            {t('nav.intake')}
          </Link>
        ) : null}
      </div>

      <MyTasks />

      {orgReach ? (
        <nav aria-label={t('worklist.scope.label')} className="scope-switch">
          <ul>
            <li>
              <Link to="/cases" search={{ ...search, scope: undefined, offset: undefined }} aria-current={scope === 'mine' ? 'page' : undefined} activeOptions={{ exact: true }}>
                {t('worklist.scope.mine')}
              </Link>
            </li>
            <li>
              <Link to="/cases" search={{ ...search, scope: 'organization', offset: undefined }} aria-current={scope === 'organization' ? 'page' : undefined} activeOptions={{ exact: true }}>
                {t('worklist.scope.organization')}
              </Link>
            </li>
          </ul>
        </nav>
      ) : null}

      <FilterPanel active={active}>
        <form role="search" className="filters" onSubmit={apply} aria-label={t('worklist.filters')}>
          <TextField
            label={t('worklist.fields.reference')}
            hint={t('worklist.fields.referenceHint')}
            name="q"
            type="search"
            maxLength={20}
            value={form.q}
            onChange={(e) => setForm({ ...form, q: e.target.value })}
          />
          <SelectField label={t('worklist.fields.stage')} name="stage" value={form.stage} onChange={(e) => setForm({ ...form, stage: e.target.value })}>
            <option value="">{t('worklist.allOpen')}</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {t(`caseTerms.stage.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('worklist.fields.type')} name="type" value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {caseTypes.map((c) => (
              <option key={c} value={c}>
                {t(`caseTerms.caseType.${c}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('worklist.fields.province')} name="province" value={form.province} onChange={(e) => setForm({ ...form, province: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {form.province && !provinces.data?.items.some((p) => p.code === form.province) ? <option value={form.province}>{form.province}</option> : null}
            {provinces.data?.items.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <CountrySelect
            label={t('worklist.fields.country')}
            name="country"
            value={form.country}
            onChange={(country) => setForm({ ...form, country })}
            emptyLabel={t('common.all')}
          />
          <div className="field">
            <label className="choice">
              <input type="checkbox" name="overdue" checked={form.overdue} onChange={(e) => setForm({ ...form, overdue: e.target.checked })} />
              <span>{t('worklist.fields.overdueOnly')}</span>
            </label>
          </div>
          <div className="actions">
            <button type="submit" className="button">
              {t('common.apply')}
            </button>
            <Link to="/cases" search={scope === 'organization' ? { scope: 'organization' } : {}} className="button secondary">
              {t('common.reset')}
            </Link>
          </div>
        </form>
      </FilterPanel>

      <ResultList
        query={query}
        emptyText={active ? t('worklist.emptyFiltered') : scope === 'organization' ? t('worklist.emptyOrganization') : t('worklist.empty')}
        offset={search.offset ?? 0}
        limit={LIMIT}
        onPage={(offset) => void navigate({ search: (prev) => ({ ...prev, offset: offset || undefined }) })}
      >
        {(items) => <CaseTable items={items} showAssignee={scope === 'organization'} caption={title} />}
      </ResultList>
    </>
  );
}

export function CaseTable({ items, showAssignee, caption }: { items: CaseListItem[]; showAssignee: boolean; caption: string }) {
  const { t } = useTranslation();
  const countries = useCountries();
  const lang = currentLanguage();
  return (
    <table className="responsive case-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('worklist.columns.case')}</th>
          <th scope="col">{t('worklist.columns.status')}</th>
          <th scope="col">{t('worklist.columns.type')}</th>
          {showAssignee ? <th scope="col">{t('worklist.columns.assignedTo')}</th> : null}
          <th scope="col">{t('worklist.columns.where')}</th>
          <th scope="col">{t('worklist.columns.due')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id} className={c.overdue ? 'is-overdue' : undefined}>
            <th scope="row" data-label={t('worklist.columns.case')}>
              <Link to="/cases/$caseId" params={{ caseId: c.id }}>
                {c.reference}
              </Link>
              <span className="case-person">
                {c.personName}
                {c.age !== null ? ` · ${t('persons.ageYears', { count: c.age })}` : ''}
              </span>
            </th>
            <td data-label={t('worklist.columns.status')}>
              <CaseBadges item={c} />
            </td>
            <td data-label={t('worklist.columns.type')}>
              {t(`caseTerms.caseType.${c.caseType}`)}
              <span className="muted small"> · {t(`worklist.direction.${c.direction}`)}</span>
            </td>
            {showAssignee ? <td data-label={t('worklist.columns.assignedTo')}>{c.assignedTo?.displayName ?? t('worklist.unassigned')}</td> : null}
            <td data-label={t('worklist.columns.where')}>
              {[c.provinceName, c.destinationCountries.map((code) => countryName(countries, code, lang)).join(', ')].filter(Boolean).join(' → ') || '—'}
            </td>
            <td data-label={t('worklist.columns.due')}>{c.overdue ? <OverdueBadge overdue dueOn={c.nextDueOn} /> : c.nextDueOn ? formatDate(c.nextDueOn) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The caller's open tasks across their cases, overdue ones first and standing out. Hidden when none. */
function MyTasks() {
  const { t } = useTranslation();
  const tasks = useQuery(myTasksQuery());
  if (tasks.isError && (isApiError(tasks.error, 'not_found') || isApiError(tasks.error, 'forbidden'))) return null;
  const items = [...(tasks.data?.items ?? [])].sort((a, b) => Number(b.overdue) - Number(a.overdue));
  if (!tasks.isError && items.length === 0) return null;
  const overdue = items.filter((x) => x.overdue).length;
  return (
    <section className="my-tasks" aria-labelledby="my-tasks-title">
      <h2 id="my-tasks-title">
        {t('worklist.tasks.title')}{' '}
        {overdue ? <span className="badge overdue">{t('worklist.tasks.overdueCount', { count: overdue })}</span> : null}
      </h2>
      {tasks.isError ? (
        <p className="muted">{t('worklist.tasks.unavailable')}</p>
      ) : (
        <ul className="task-list">
          {items.slice(0, 8).map((task) => (
            <li key={task.id} className={task.overdue ? 'is-overdue' : undefined}>
              <Link to="/cases/$caseId" params={{ caseId: task.caseId }} search={{ tab: 'tasks' }}>
                {task.title}
              </Link>{' '}
              <span className="muted">· {task.caseReference}</span>{' '}
              {task.overdue ? <OverdueBadge overdue dueOn={task.dueOn} /> : task.dueOn ? <span className="muted">· {t('worklist.badges.due', { date: formatDate(task.dueOn) })}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {items.length > 8 ? <p className="muted">{t('worklist.tasks.more', { count: items.length - 8 })}</p> : null}
    </section>
  );
}
