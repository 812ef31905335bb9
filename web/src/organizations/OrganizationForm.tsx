// The fields of an organisation, shared by the create and edit pages.
import { useTranslation } from 'react-i18next';
import { organizationLevels, organizationTypes, type Organization, type OrganizationLevel, type OrganizationType } from '../api/types';
import { fieldError } from '../i18n/errors';
import { AreaPicker } from '../reference/AreaPicker';
import { SelectField, TextField } from '../ui/Field';
import type { OrganizationInput } from './api';
import { OrganizationSelect } from './OrganizationSelect';

export interface OrganizationFormState {
  name: string;
  acronym: string;
  type: OrganizationType | '';
  level: OrganizationLevel | '';
  areaCode: string | null;
  parentId: string | null;
}

export const emptyOrganizationForm: OrganizationFormState = { name: '', acronym: '', type: '', level: '', areaCode: null, parentId: null };

export const organizationToForm = (o: Organization): OrganizationFormState => ({
  name: o.name,
  acronym: o.acronym ?? '',
  type: o.type,
  level: o.level,
  areaCode: o.areaCode,
  parentId: o.parentId,
});

export const formToInput = (f: OrganizationFormState): OrganizationInput => ({
  name: f.name.trim(),
  acronym: f.acronym.trim() || null,
  type: f.type as OrganizationType,
  level: f.level as OrganizationLevel,
  areaCode: f.areaCode,
  parentId: f.parentId,
});

export function OrganizationFields({
  value,
  onChange,
  error,
  organization,
}: {
  value: OrganizationFormState;
  onChange: (v: OrganizationFormState) => void;
  error: unknown;
  /** The organisation being edited, if any (for names of its current area and parent). */
  organization?: Organization;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof OrganizationFormState>(k: K, v: OrganizationFormState[K]) => onChange({ ...value, [k]: v });
  return (
    <>
      <TextField
        label={t('organizations.fields.name')}
        name="name"
        required
        maxLength={200}
        value={value.name}
        onChange={(e) => set('name', e.target.value)}
        error={fieldError(error, 'name')}
      />
      <TextField
        label={t('organizations.fields.acronym')}
        name="acronym"
        maxLength={20}
        value={value.acronym}
        onChange={(e) => set('acronym', e.target.value)}
        error={fieldError(error, 'acronym')}
      />
      <SelectField
        label={t('organizations.fields.type')}
        name="type"
        required
        value={value.type}
        onChange={(e) => set('type', e.target.value as OrganizationType)}
        error={fieldError(error, 'type')}
      >
        <option value="">{t('common.choose')}</option>
        {organizationTypes.map((ty) => (
          <option key={ty} value={ty}>
            {t(`organizations.types.${ty}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('organizations.fields.level')}
        name="level"
        required
        value={value.level}
        onChange={(e) => set('level', e.target.value as OrganizationLevel)}
        error={fieldError(error, 'level')}
      >
        <option value="">{t('common.choose')}</option>
        {organizationLevels.map((l) => (
          <option key={l} value={l}>
            {t(`organizations.levels.${l}`)}
          </option>
        ))}
      </SelectField>
      <AreaPicker
        legend={t('organizations.fields.area')}
        value={value.areaCode}
        onChange={(code) => set('areaCode', code)}
        error={fieldError(error, 'areaCode')}
        currentName={organization && organization.areaCode === value.areaCode ? organization.areaName : null}
      />
      <OrganizationSelect
        label={t('organizations.fields.parent')}
        name="parentId"
        value={value.parentId}
        onChange={(id) => set('parentId', id)}
        currentName={organization && organization.parentId === value.parentId ? organization.parentName : null}
        excludeId={organization?.id}
        emptyLabel={t('organizations.noParent')}
        error={fieldError(error, 'parentId')}
      />
    </>
  );
}
