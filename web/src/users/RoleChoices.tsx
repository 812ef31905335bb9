import { useTranslation } from 'react-i18next';
import type { Role } from '../api/types';
import { ChoiceGroup } from '../ui/Field';

/** Role checkboxes limited to the roles the signed-in person may hand out; other roles the user holds stay visible but fixed. */
export function RoleChoices({
  assignable,
  value,
  onChange,
  error,
}: {
  assignable: Role[];
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const fixed = value.filter((r) => !assignable.includes(r));
  const all = [...assignable, ...fixed];
  return (
    <ChoiceGroup
      legend={t('users.fields.roles')}
      name="roles"
      options={all.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      value={value}
      onChange={(v) => onChange(v as Role[])}
      disabledValues={fixed}
      error={error}
      hint={fixed.length ? t('users.fixedRoles') : undefined}
    />
  );
}
