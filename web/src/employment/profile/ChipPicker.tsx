// Several choices from a list, as chips: each chosen one with a remove button, and a select with
// an "Add" button (no change-on-select, so that the keyboard can browse the list freely). The
// preferred areas use the cascading area picker in place of the select.
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../api/types';
import { areaLevels } from '../../api/types';
import { AreaPicker } from '../../reference/AreaPicker';
import { FieldError } from '../../ui/Field';

function Chips({ items, onRemove }: { items: { value: string; label: string }[]; onRemove: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <ul className="chips">
      {items.map((i) => (
        <li key={i.value}>
          <span>{i.label}</span>
          <button type="button" className="link-button" onClick={() => onRemove(i.value)} aria-label={t('work.form.remove', { name: i.label })}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

function Frame({ legend, hint, error, id, children }: { legend: string; hint?: ReactNode; error?: string; id: string; children: ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="field chip-picker" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  );
}

export function ChipPicker({
  legend,
  name,
  options,
  value,
  onChange,
  error,
  hint,
  max,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  hint?: ReactNode;
  max?: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [pick, setPick] = useState('');
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  const left = options.filter((o) => !value.includes(o.value));
  const full = max !== undefined && value.length >= max;
  return (
    <Frame legend={legend} hint={hint} error={error} id={id}>
      {value.length ? <Chips items={value.map((v) => ({ value: v, label: labelOf(v) }))} onRemove={(v) => onChange(value.filter((x) => x !== v))} /> : <p className="muted">{t('work.form.noneChosen')}</p>}
      {full ? null : (
        <div className="inline-add">
          <label htmlFor={`${id}-pick`} className="visually-hidden">
            {t('work.form.pick', { legend })}
          </label>
          <select id={`${id}-pick`} name={`${name}Pick`} value={pick} onChange={(e) => setPick(e.target.value)}>
            <option value="">{t('common.choose')}</option>
            {left.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
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
            {t('work.form.add')}
          </button>
        </div>
      )}
    </Frame>
  );
}

/** Preferred areas (province, regency or district): chips, and the cascading picker with an "Add" button. */
export function AreaChipPicker({
  legend,
  value,
  names,
  onChange,
  error,
  hint,
  max = 10,
}: {
  legend: string;
  value: string[];
  names: Map<string, string>;
  onChange: (value: string[], names: Map<string, string>) => void;
  error?: string;
  hint?: ReactNode;
  max?: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [pick, setPick] = useState<string | null>(null);
  // The name of a picked area is in the list the picker has just loaded.
  const nameOf = (code: string): string => {
    const level = areaLevels[code.split('.').length - 1];
    const parent = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;
    const data = queryClient.getQueryData<{ items: Area[] }>(['areas', level, parent]);
    const own = data?.items.find((a) => a.code === code)?.name ?? code;
    const province = parent ? (queryClient.getQueryData<{ items: Area[] }>(['areas', 'province', null])?.items.find((a) => a.code === code.slice(0, 2))?.name ?? null) : null;
    return province && level !== 'province' ? `${own}, ${province}` : own;
  };
  return (
    <Frame legend={legend} hint={hint} error={error} id={id}>
      {value.length ? (
        <Chips items={value.map((v) => ({ value: v, label: names.get(v) ?? v }))} onRemove={(v) => onChange(value.filter((x) => x !== v), names)} />
      ) : (
        <p className="muted">{t('work.form.noneChosen')}</p>
      )}
      {value.length >= max ? null : (
        <div className="area-add">
          <AreaPicker legend={t('work.form.areaToAdd')} value={pick} onChange={setPick} deepest="district" />
          <button
            type="button"
            className="button secondary"
            disabled={!pick || value.includes(pick)}
            onClick={() => {
              if (!pick) return;
              onChange([...value, pick], new Map(names).set(pick, nameOf(pick)));
              setPick(null);
            }}
          >
            {t('work.form.addArea')}
          </button>
        </div>
      )}
    </Frame>
  );
}
