// Required fields a form checks before sending: each field's error is "required" while it is missing
// at the last try, else what the server said about it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../i18n/errors';

export function useRequiredFields() {
  const { t } = useTranslation();
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  return {
    /** Records which required fields are missing; true when none is. */
    check(problems: Record<string, boolean>): boolean {
      setMissing(problems);
      return !Object.values(problems).some(Boolean);
    },
    /** The error to show at a field, given the last save's error. */
    errorAt(serverError: unknown, name: string): string | undefined {
      return missing[name] ? t('errors.fields.required') : fieldError(serverError, name);
    },
  };
}
