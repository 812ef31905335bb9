// Several countries (ISO 3166-1 alpha-2): the chosen ones as a list with a remove button each, and
// a select with an "Add" button (no change-on-select, so the keyboard can browse the list freely).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { countryLabel, sortedCountries, useCountries } from '../../persons/CountryFields';
import { FieldError } from '../../ui/Field';
import { countryName } from '../api';

export function CountryPicker({
  legend,
  name,
  value,
  onChange,
  error,
  exclude = [],
}: {
  legend: string;
  name: string;
  value: string[];
  onChange: (v: string[]) => void;
  error?: string;
  exclude?: string[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const lang = currentLanguage();
  const countries = useCountries();
  const [pick, setPick] = useState('');
  const items = sortedCountries(countries, lang).filter((c) => !value.includes(c.code) && !exclude.includes(c.code));
  return (
    <fieldset className="field country-picker" aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {value.length ? (
        <ul className="chips">
          {value.map((code) => {
            const n = countryName(countries, code, lang);
            return (
              <li key={code}>
                <span>{n}</span>
                <button type="button" className="link-button" onClick={() => onChange(value.filter((v) => v !== code))} aria-label={t('cases.countries.remove', { name: n })}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t('cases.countries.none')}</p>
      )}
      <div className="inline-add">
        <label htmlFor={`${id}-pick`} className="visually-hidden">
          {t('cases.countries.pick', { legend })}
        </label>
        <select id={`${id}-pick`} name={`${name}Pick`} value={pick} onChange={(e) => setPick(e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {items.map((c) => (
            <option key={c.code} value={c.code}>
              {countryLabel(c, lang)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button secondary"
          disabled={!pick}
          onClick={() => {
            if (pick) onChange([...value, pick]);
            setPick('');
          }}
        >
          {t('cases.countries.add')}
        </button>
      </div>
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  );
}
