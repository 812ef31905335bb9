// "New password" and "repeat it" with the password rules as a hint. Used by activation,
// first-run set-up and password change.
import { useTranslation } from 'react-i18next';
import { TextField } from '../ui/Field';

export interface NewPassword {
  password: string;
  confirm: string;
}

export const passwordsMatch = (v: NewPassword) => v.password === v.confirm;

export function NewPasswordFields({
  value,
  onChange,
  serverError,
  showMismatch,
  name = 'newPassword',
}: {
  value: NewPassword;
  onChange: (v: NewPassword) => void;
  serverError?: string;
  /** Show "passwords differ" (after a submit attempt). */
  showMismatch: boolean;
  name?: string;
}) {
  const { t } = useTranslation();
  const mismatch = showMismatch && !passwordsMatch(value) ? t('errors.fields.passwords_differ') : undefined;
  return (
    <>
      <TextField
        label={t('password.new')}
        name={name}
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.target.value })}
        hint={t('password.rules')}
        error={serverError}
      />
      <TextField
        label={t('password.repeat')}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        value={value.confirm}
        onChange={(e) => onChange({ ...value, confirm: e.target.value })}
        error={mismatch}
      />
    </>
  );
}
