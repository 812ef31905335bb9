// Cascading choice of an Indonesian administrative area (Kemendagri codes):
// province → regency/city → district → village. The value is the deepest code chosen.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { areaLevels, type Area, type AreaLevel } from '../api/types';
import { FieldError } from '../ui/Field';

const areasQuery = (level: AreaLevel, parent: string | null) => ({
  queryKey: ['areas', level, parent] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api<{ items: Area[] }>('/areas', { query: parent ? { parent, level } : { level }, signal }),
  staleTime: Infinity,
  gcTime: 30 * 60_000,
  placeholderData: keepPreviousData,
});

/** "32.04.12.2001" → ["32", "32.04", "32.04.12", "32.04.12.2001"] */
export function areaPath(code: string | null | undefined): string[] {
  if (!code) return [];
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

function AreaSelect({
  level,
  parent,
  value,
  onChange,
  describedBy,
}: {
  level: AreaLevel;
  parent: string | null;
  value: string;
  onChange: (code: string) => void;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { data, isFetching, isError } = useQuery(areasQuery(level, parent));
  const items = data?.items ?? [];
  return (
    <div className="field">
      <label htmlFor={id}>{t(`areas.levels.${level}`)}</label>
      <select
        id={id}
        name={`area-${level}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy}
        aria-busy={isFetching || undefined}
      >
        <option value="">{isError ? t('areas.loadFailed') : t('areas.none')}</option>
        {/* Keep the chosen value even before its list has loaded. */}
        {value && !items.some((a) => a.code === value) ? <option value={value}>{value}</option> : null}
        {items.map((a) => (
          <option key={a.code} value={a.code}>
            {a.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function AreaPicker({
  legend,
  value,
  onChange,
  deepest = 'village',
  error,
  currentName,
}: {
  legend: string;
  value: string | null;
  onChange: (code: string | null) => void;
  deepest?: AreaLevel;
  error?: string;
  /** Name of the current value, shown while the lists load. */
  currentName?: string | null;
}) {
  const { t } = useTranslation();
  const id = useId();
  const path = areaPath(value);
  const levels = areaLevels.slice(0, areaLevels.indexOf(deepest) + 1);
  const errorId = error ? `${id}-error` : undefined;

  function choose(index: number, code: string) {
    const next = code ? code : (path[index - 1] ?? null);
    onChange(next);
  }

  return (
    <fieldset className="field area-picker" aria-describedby={errorId}>
      <legend>{legend}</legend>
      {value && currentName ? (
        <p className="hint">
          {t('areas.current')} {currentName}
        </p>
      ) : null}
      {levels.map((level, i) => {
        const parent = i === 0 ? null : (path[i - 1] ?? null);
        if (i > 0 && !parent) return null;
        return (
          <AreaSelect
            key={level}
            level={level}
            parent={parent}
            value={path[i] ?? ''}
            onChange={(code) => choose(i, code)}
            describedBy={errorId}
          />
        );
      })}
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}
