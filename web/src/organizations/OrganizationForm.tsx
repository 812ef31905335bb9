// The fields of an organisation, shared by the create and edit pages.
import { useTranslation } from 'react-i18next';
import { organizationLevels, organizationTypes, type Organization, type OrganizationLevel, type OrganizationType } from '../api/types';
import { fieldError } from '../i18n/errors';
import { AreaPicker } from '../reference/AreaPicker';
import { SelectField, TextAreaField, TextField } from '../ui/Field';
import { partnerKinds, type PartnerKind } from '../../../src/employment/vocabulary';
import { partnerOf, profileOf, type OrganizationInput } from './api';
import { OrganizationSelect } from './OrganizationSelect';

export interface OrganizationFormState {
  name: string;
  acronym: string;
  type: OrganizationType | '';
  level: OrganizationLevel | '';
  areaCode: string | null;
  parentId: string | null;
  description: string;
  website: string;
  email: string;
  phone: string;
  /** Months after arrival when sustainability surveys fall due, as typed ("3, 6, 12"); empty for the default. */
  surveyMonths: string;
  /** Private-sector partners only. */
  partnerKind: PartnerKind | '';
}

export const emptyOrganizationForm: OrganizationFormState = {
  name: '',
  acronym: '',
  type: '',
  level: '',
  areaCode: null,
  parentId: null,
  description: '',
  website: '',
  email: '',
  phone: '',
  surveyMonths: '',
  partnerKind: '',
};

export const organizationToForm = (o: Organization): OrganizationFormState => ({
  name: o.name,
  acronym: o.acronym ?? '',
  type: o.type,
  level: o.level,
  areaCode: o.areaCode,
  parentId: o.parentId,
  description: profileOf(o).description ?? '',
  website: profileOf(o).website ?? '',
  email: profileOf(o).email ?? '',
  phone: profileOf(o).phone ?? '',
  surveyMonths: ((o as Organization & { surveyMonths?: number[] | null }).surveyMonths ?? []).join(', '),
  partnerKind: partnerOf(o).partnerKind ?? '',
});

/** "3, 6, 12" → [3, 6, 12]; empty → null (the default). Anything not a whole number is sent as 0, which the server refuses (out_of_range). */
export const parseSurveyMonths = (s: string): number[] | null => {
  const parts = s.split(/[\s,;]+/).filter(Boolean);
  return parts.length ? parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : 0)) : null;
};

export const formToInput = (f: OrganizationFormState): OrganizationInput & { surveyMonths: number[] | null } => ({
  name: f.name.trim(),
  acronym: f.acronym.trim() || null,
  type: f.type as OrganizationType,
  level: f.level as OrganizationLevel,
  areaCode: f.areaCode,
  parentId: f.parentId,
  description: f.description.trim() || null,
  website: f.website.trim() || null,
  email: f.email.trim() || null,
  phone: f.phone.trim() || null,
  surveyMonths: parseSurveyMonths(f.surveyMonths),
  // Only a private-sector organisation has a partner kind; any other type clears it.
  partnerKind: f.type === 'private_sector' ? f.partnerKind || null : null,
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
      {value.type === 'private_sector' ? (
        <SelectField
          label={t('openings.partner.kind')}
          name="partnerKind"
          value={value.partnerKind}
          onChange={(e) => set('partnerKind', e.target.value as PartnerKind | '')}
          error={fieldError(error, 'partnerKind')}
          hint={t('openings.partner.kindHint')}
        >
          <option value="">{t('openings.partner.kindNone')}</option>
          {partnerKinds.map((k) => (
            <option key={k} value={k}>
              {t(`employmentTerms.partnerKinds.${k}`)}
            </option>
          ))}
        </SelectField>
      ) : null}
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
      <fieldset className="field">
        <legend>{t('directory.orgProfile.title')}</legend>
        <p className="hint">{t('directory.orgProfile.hint')}</p>
        <TextAreaField
          label={t('directory.orgProfile.description')}
          name="description"
          rows={3}
          maxLength={4000}
          value={value.description}
          onChange={(e) => set('description', e.target.value)}
          error={fieldError(error, 'description')}
        />
        <TextField
          label={t('directory.orgProfile.website')}
          name="website"
          type="url"
          inputMode="url"
          maxLength={500}
          placeholder="https://"
          value={value.website}
          onChange={(e) => set('website', e.target.value)}
          error={fieldError(error, 'website')}
        />
        <TextField
          label={t('directory.orgProfile.email')}
          name="email"
          type="email"
          inputMode="email"
          maxLength={200}
          value={value.email}
          onChange={(e) => set('email', e.target.value)}
          error={fieldError(error, 'email')}
        />
        <TextField
          label={t('directory.orgProfile.phone')}
          name="phone"
          type="tel"
          inputMode="tel"
          maxLength={30}
          value={value.phone}
          onChange={(e) => set('phone', e.target.value)}
          error={fieldError(error, 'phone')}
          hint={t('directory.hints.phone')}
        />
      </fieldset>
      <TextField
        label={t('surveys.orgMonths.label')}
        name="surveyMonths"
        inputMode="numeric"
        maxLength={40}
        placeholder="3, 6, 12"
        value={value.surveyMonths}
        onChange={(e) => set('surveyMonths', e.target.value)}
        hint={t('surveys.orgMonths.hint')}
        error={fieldError(error, 'surveyMonths', ...Array.from({ length: 20 }, (_, i) => `surveyMonths.${i}`))}
      />
    </>
  );
}
