// Turns API errors into translated text: by error code (errors.<code>) and by field code
// (errors.fields.<code>), falling back to the API's own message when the code is unknown.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import i18n from './index';

function translated(key: string): string | null {
  return i18n.exists(key) ? (i18n.t(key as never) as string) : null;
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    return translated(`errors.${error.code}`) ?? (error.message || (translated('errors.unexpected') as string));
  }
  return translated('errors.unexpected') ?? String(error);
}

/**
 * A field error from the API: a code such as `too_common` (translated), or, for schema validation,
 * an English message, shown as is only in English and replaced by a generic text otherwise.
 */
export function fieldErrorText(codeOrMessage: string | undefined | null): string | undefined {
  if (!codeOrMessage) return undefined;
  if (/^[a-z][a-z0-9_]*$/.test(codeOrMessage))
    return translated(`errors.fields.${codeOrMessage}`) ?? translated(`errors.${codeOrMessage}`) ?? (translated('errors.fields.invalid') as string);
  return i18n.language === 'en' ? codeOrMessage : (translated('errors.fields.invalid') as string);
}

/** The translated error of one field, looked up under any of the given API field names. */
export function fieldError(error: unknown, ...names: string[]): string | undefined {
  if (!(error instanceof ApiError) || !error.fields) return undefined;
  for (const n of names) {
    const v = error.fields[n];
    if (v) return fieldErrorText(v);
  }
  return undefined;
}

export function hasFieldErrors(error: unknown): boolean {
  return error instanceof ApiError && !!error.fields && Object.keys(error.fields).length > 0;
}

/** Hook form: re-renders on language change. */
export function useErrorText(): { t: TFunction; errorText: typeof errorText; fieldError: typeof fieldError } {
  const { t } = useTranslation();
  return { t, errorText, fieldError };
}
