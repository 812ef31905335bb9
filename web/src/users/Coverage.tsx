// A user's working languages and coverage areas (Kemendagri codes), which the case assignment
// suggestion uses: shown with their names, and edited as a checkbox group and an area list.
import { useQueries } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Area } from '../api/types';
import { areaPath, AreaPicker } from '../reference/AreaPicker';
import { fieldError } from '../i18n/errors';
import { ChoiceGroup, FieldError } from '../ui/Field';

/** The languages offered (ISO 639); the API accepts any ISO 639 code. */
export const workLanguages = ['id', 'jv', 'su', 'mad', 'min', 'bug', 'ban', 'en', 'ms', 'ar', 'zh'] as const;
export type WorkLanguage = (typeof workLanguages)[number];
const isWorkLanguage = (code: string): code is WorkLanguage => (workLanguages as readonly string[]).includes(code);

/** A language name in the interface language; codes outside the list get the browser's name for them. */
export function useLanguageName(): (code: string) => string {
  const { t, i18n } = useTranslation();
  return (code) => {
    if (isWorkLanguage(code)) return t(`users.languageNames.${code}`);
    try {
      return new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
}

/** The error of a list field: on the list itself or on one of its entries (`areaCodes.2`). */
export function listFieldError(error: unknown, name: string, length: number): string | undefined {
  return fieldError(error, name, ...Array.from({ length: Math.max(length, 1) }, (_, i) => `${name}.${i}`));
}

const areaByCode = (code: string) => ({
  queryKey: ['areas', 'code', code] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => api<{ items: Area[] }>('/areas', { query: { code }, signal }),
  staleTime: Infinity,
  gcTime: 30 * 60_000,
});

/** "35.78" → "Kota Surabaya, Jawa Timur": the area and the areas above it, read from GET /areas (cached). */
export function useAreaNames(codes: readonly string[]): (code: string) => string {
  const all = [...new Set(codes.flatMap(areaPath))];
  const results = useQueries({ queries: all.map(areaByCode) });
  const names = new Map<string, string>();
  all.forEach((code, i) => {
    const name = results[i]?.data?.items[0]?.name;
    if (name) names.set(code, name);
  });
  return (code) => {
    if (!names.has(code)) return code;
    return areaPath(code)
      .reverse()
      .map((c) => names.get(c))
      .filter(Boolean)
      .join(', ');
  };
}

const listStyle = { margin: 0, paddingLeft: '1.1rem' } as const;

/** Read-only: the languages, comma separated. */
export function LanguageList({ codes }: { codes: readonly string[] }) {
  const name = useLanguageName();
  return <>{codes.map(name).join(', ') || '—'}</>;
}

/** Read-only: the areas with their names and codes. */
export function AreaList({ codes }: { codes: readonly string[] }) {
  const nameOf = useAreaNames(codes);
  if (!codes.length) return <>—</>;
  return (
    <ul style={listStyle}>
      {codes.map((code) => (
        <li key={code}>
          {nameOf(code)} <span className="muted">({code})</span>
        </li>
      ))}
    </ul>
  );
}

export function LanguageChoices({ value, onChange, error }: { value: string[]; onChange: (codes: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  const name = useLanguageName();
  // Languages set through the API outside the list stay visible so that saving keeps them.
  const extra = value.filter((c) => !isWorkLanguage(c));
  const order = [...workLanguages, ...extra];
  return (
    <ChoiceGroup
      legend={t('users.fields.languages')}
      name="languages"
      options={order.map((c) => ({ value: c, label: name(c) }))}
      value={value}
      onChange={(v) => onChange(order.filter((c) => v.includes(c)))}
      hint={t('users.languagesHint')}
      error={error}
    />
  );
}

/** Coverage areas: a list with a remove button per entry, and a province → regency picker to add one. */
export function AreaCodesField({ value, onChange, error }: { value: string[]; onChange: (codes: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [picked, setPicked] = useState<string | null>(null);
  const [announce, setAnnounce] = useState<{ kind: 'added' | 'removed'; code: string } | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  const nameOf = useAreaNames(announce ? [...value, announce.code] : value);
  const already = !!picked && value.includes(picked);

  function add() {
    if (!picked || already) return;
    onChange([...value, picked]);
    setAnnounce({ kind: 'added', code: picked });
    setPicked(null);
  }

  function remove(index: number) {
    const code = value[index]!;
    onChange(value.filter((c) => c !== code));
    setAnnounce({ kind: 'removed', code });
    // Keep the focus in the list: on the next entry's button, or on the picker when the list is empty.
    requestAnimationFrame(() => {
      const buttons = listRef.current?.querySelectorAll('button');
      const next = buttons?.length ? buttons[Math.min(index, buttons.length - 1)] : fieldsetRef.current?.querySelector('select');
      next?.focus();
    });
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset
      ref={fieldsetRef}
      className="field"
      aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
      aria-invalid={error ? true : undefined}
    >
      <legend>{t('users.fields.areaCodes')}</legend>
      <p id={hintId} className="hint">
        {t('users.areasHint')}
      </p>
      {value.length ? (
        <ul ref={listRef} style={{ listStyle: 'none', padding: 0, margin: '0 0 0.75rem' }}>
          {value.map((code, i) => (
            <li key={code} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: '0.5rem', padding: '0.25rem 0', borderBottom: '1px solid var(--border)' }}>
              <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {nameOf(code)} <span className="muted">({code})</span>
              </span>
              <button type="button" className="button secondary" onClick={() => remove(i)}>
                {t('users.removeArea')}
                <span className="visually-hidden"> {nameOf(code)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('users.noAreas')}</p>
      )}
      <AreaPicker legend={t('users.addArea')} value={picked} onChange={setPicked} deepest="regency" error={already ? t('users.areaAlreadyListed') : undefined} />
      <div className="actions" style={{ marginTop: 0, marginBottom: '0.75rem' }}>
        <button type="button" className="button secondary" onClick={add} disabled={!picked || already}>
          {t('users.addAreaSubmit')}
        </button>
      </div>
      <p role="status" className="visually-hidden">
        {announce?.kind === 'added' ? t('users.areaAdded', { name: nameOf(announce.code) }) : null}
        {announce?.kind === 'removed' ? t('users.areaRemoved', { name: nameOf(announce.code) }) : null}
      </p>
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}
