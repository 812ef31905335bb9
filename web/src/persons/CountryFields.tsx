// Country choices from GET /countries (names in the user's language): one country, or several.
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { countriesQuery, countryName, type Country } from '../cases/api';
import { currentLanguage } from '../i18n';
import { FieldError, SelectField } from '../ui/Field';

export function useCountries(): Country[] | undefined {
  return useQuery(countriesQuery()).data?.items;
}

/** A country's name in the given language. */
export const countryLabel = (c: Country, lang: 'id' | 'en') => (lang === 'en' ? c.nameEn : c.nameId);

/** The countries sorted by their names in the given language. */
export function sortedCountries(items: Country[] | undefined, lang: 'id' | 'en'): Country[] {
  return [...(items ?? [])].sort((a, b) => countryLabel(a, lang).localeCompare(countryLabel(b, lang), lang));
}

export function CountrySelect({
  label,
  name,
  value,
  onChange,
  error,
  emptyLabel,
  hint,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (code: string) => void;
  error?: string;
  emptyLabel?: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const items = useCountries();
  return (
    <SelectField label={label} name={name} value={value} onChange={(e) => onChange(e.target.value)} error={error} hint={hint}>
      <option value="">{emptyLabel ?? t('common.choose')}</option>
      {value && !items?.some((c) => c.code === value) ? <option value={value}>{value}</option> : null}
      {sortedCountries(items, lang).map((c) => (
        <option key={c.code} value={c.code}>
          {countryLabel(c, lang)}
        </option>
      ))}
    </SelectField>
  );
}

/** Several countries: choosing one in the list adds it; each chosen one has a remove button. */
export function CountryMultiPicker({
  legend,
  name,
  value,
  onChange,
  error,
  hint,
}: {
  legend: string;
  name: string;
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const lang = currentLanguage();
  const items = useCountries();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="field country-multi" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {value.length ? (
        <ul className="chips">
          {value.map((code) => {
            const cname = countryName(items, code, lang);
            return (
              <li key={code} className="chip">
                <span>{cname}</span>
                <button type="button" className="chip-remove" onClick={() => onChange(value.filter((c) => c !== code))} aria-label={t('persons.countries.remove', { name: cname })}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-add`}>{t('persons.countries.add')}</label>
        <select
          id={`${id}-add`}
          name={name}
          value=""
          onChange={(e) => {
            const code = e.target.value;
            if (code && !value.includes(code)) onChange([...value, code]);
          }}
        >
          <option value="">{t('common.choose')}</option>
          {sortedCountries(items, lang)
            .filter((c) => !value.includes(c.code))
            .map((c) => (
              <option key={c.code} value={c.code}>
                {countryLabel(c, lang)}
              </option>
            ))}
        </select>
      </div>
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  );
}
