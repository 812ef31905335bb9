// Choose an organisation: a search box narrows the list in the select below it.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../ui/Field';
import { organizationsQuery } from './api';

export function OrganizationSelect({
  label,
  name,
  value,
  onChange,
  currentName,
  excludeId,
  emptyLabel,
  error,
  required,
}: {
  label: string;
  name: string;
  value: string | null;
  onChange: (id: string | null) => void;
  /** Name of the current value, in case it is not among the first results. */
  currentName?: string | null;
  excludeId?: string;
  emptyLabel: string;
  error?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q.trim()), 300);
    return () => clearTimeout(h);
  }, [q]);
  const { data, isFetching } = useQuery(organizationsQuery({ q: debounced || undefined, active: true, limit: 50 }));
  const items = (data?.items ?? []).filter((o) => o.id !== excludeId);
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field org-select">
      <label htmlFor={`${id}-q`}>{t('organizations.select.search', { label: label.charAt(0).toLocaleLowerCase() + label.slice(1) })}</label>
      <input
        id={`${id}-q`}
        name={`${name}Search`}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        autoComplete="off"
        aria-controls={id}
      />
      <label htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || null)}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        aria-busy={isFetching || undefined}
        required={required}
      >
        <option value="">{emptyLabel}</option>
        {value && !items.some((o) => o.id === value) ? <option value={value}>{currentName ?? value}</option> : null}
        {items.map((o) => (
          <option key={o.id} value={o.id}>
            {o.acronym ? `${o.name} (${o.acronym})` : o.name}
          </option>
        ))}
      </select>
      {data && data.total > items.length ? <p className="hint">{t('organizations.select.more')}</p> : null}
      <FieldError id={errorId} error={error} />
    </div>
  );
}
