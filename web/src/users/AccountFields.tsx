// The fields an account shares between creating and editing it: roles, interface language and, for a
// person's account, the working languages and coverage areas.
import { useTranslation } from 'react-i18next';
import type { Locale, Role } from '../api/types';
import { fieldError } from '../i18n/errors';
import { LocaleOptions } from '../shell/LocaleOptions';
import { SelectField } from '../ui/Field';
import { AreaCodesField, LanguageChoices, listFieldError } from './Coverage';
import { RoleChoices } from './RoleChoices';

interface AccountValues {
  roles: Role[];
  locale: Locale;
  languages: string[];
  areaCodes: string[];
}

export function AccountFields<T extends AccountValues>({
  form,
  setForm,
  error,
  assignableRoles,
  isPerson,
}: {
  form: T;
  setForm: (form: T) => void;
  /** The error of the last save, for the fields' messages. */
  error: unknown;
  assignableRoles: Role[];
  /** Working languages and coverage areas are asked of a person's account only. */
  isPerson: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <RoleChoices assignable={assignableRoles} value={form.roles} onChange={(roles) => setForm({ ...form, roles })} error={fieldError(error, 'roles')} />
      <SelectField
        label={t('users.fields.locale')}
        name="locale"
        value={form.locale}
        onChange={(e) => setForm({ ...form, locale: e.target.value as Locale })}
        error={fieldError(error, 'locale')}
      >
        <LocaleOptions />
      </SelectField>
      {isPerson ? (
        <>
          <LanguageChoices
            value={form.languages}
            onChange={(languages) => setForm({ ...form, languages })}
            error={listFieldError(error, 'languages', form.languages.length)}
          />
          <AreaCodesField
            value={form.areaCodes}
            onChange={(areaCodes) => setForm({ ...form, areaCodes })}
            error={listFieldError(error, 'areaCodes', form.areaCodes.length)}
          />
        </>
      ) : null}
    </>
  );
}
