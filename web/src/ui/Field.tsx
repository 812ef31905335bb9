// Labelled form controls. Every control has a <label>; hints and errors are linked with aria-describedby.
import { useId, type InputHTMLAttributes, type Ref, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Common {
  label: string;
  name: string;
  error?: string | null;
  hint?: ReactNode;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Extras({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | null }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </>
  );
}

/** A field's error message, with the id its control or fieldset names in aria-describedby. */
export function FieldError({ id, error }: { id: string | undefined; error?: ReactNode }) {
  return error ? (
    <p id={id} className="field-error">
      {error}
    </p>
  ) : null;
}

export function TextField({
  label,
  name,
  error,
  hint,
  id: givenId,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextAreaField({ label, name, error, hint, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}

export function SelectField({
  label,
  name,
  error,
  hint,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
      </label>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...select}>
        {children}
      </select>
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}

/** A group of checkboxes (or radios) under a legend; the error is linked to the group. */
export function ChoiceGroup({
  legend,
  name,
  type = 'checkbox',
  options,
  value,
  onChange,
  error,
  hint,
  disabledValues = [],
}: {
  legend: string;
  name: string;
  type?: 'checkbox' | 'radio';
  options: { value: string; label: string }[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | null;
  hint?: ReactNode;
  disabledValues?: string[];
}) {
  const id = useId();
  return (
    <fieldset className="field choice-group" aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      <Extras id={id} hint={hint} />
      {options.map((o) => {
        const checked = value.includes(o.value);
        return (
          <label key={o.value} className="choice">
            <input
              type={type}
              name={name}
              value={o.value}
              checked={checked}
              disabled={disabledValues.includes(o.value)}
              onChange={(e) => {
                if (type === 'radio') onChange([o.value]);
                else onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value));
              }}
            />
            <span>{o.label}</span>
          </label>
        );
      })}
      <Extras id={id} error={error} />
    </fieldset>
  );
}
