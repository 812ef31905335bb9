// The fields of an opening or training place, in sections, shared by the create page and the editor
// on the opening's page. Numbers are kept as typed; what the server refuses comes back per field.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../i18n/errors';
import { AreaPicker } from '../reference/AreaPicker';
import { ChoiceGroup, FieldError, SelectField, TextAreaField, TextField } from '../ui/Field';
import { useLanguageName, workLanguages } from '../users/Coverage';
import {
  accommodationOptions,
  certificateCodes,
  contractTypes,
  decentWorkCommitments,
  educationLevels,
  isicSectors,
  iscoOccupations,
  openingKinds,
  skillCodes,
  skillLevels,
  type Opening,
  type OpeningInput,
  type OpeningKind,
} from './api';
import { occupationLabel, sectorLabel } from './parts';

export interface OpeningFormState {
  kind: OpeningKind;
  title: string;
  description: string;
  sector: string;
  occupation: string;
  areaCode: string | null;
  remote: boolean;
  places: string;
  wageMinIdr: string;
  wageMaxIdr: string;
  contractType: string;
  hoursPerWeek: string;
  workingHours: string;
  requiredSkills: { code: string; level: string }[];
  requiredLanguages: string[];
  minEducation: string;
  requiredCertificates: string[];
  accommodation: string;
  startOn: string;
  closesOn: string;
  commitments: string[];
  durationWeeks: string;
  costIdr: string;
  certificateAwarded: string;
}

export const emptyOpeningForm = (kind: OpeningKind = 'job'): OpeningFormState => ({
  kind,
  title: '',
  description: '',
  sector: '',
  occupation: '',
  areaCode: null,
  remote: false,
  places: '1',
  wageMinIdr: '',
  wageMaxIdr: '',
  contractType: '',
  hoursPerWeek: '',
  workingHours: '',
  requiredSkills: [],
  requiredLanguages: ['id'],
  minEducation: '',
  requiredCertificates: [],
  accommodation: '',
  startOn: '',
  closesOn: '',
  commitments: [],
  durationWeeks: '',
  costIdr: '',
  certificateAwarded: '',
});

const str = (n: number | null) => (n === null ? '' : String(n));

export const openingToForm = (o: Opening): OpeningFormState => ({
  kind: o.kind,
  title: o.title,
  description: o.description ?? '',
  sector: o.sector,
  occupation: o.occupation,
  areaCode: o.areaCode,
  remote: o.remote,
  places: String(o.places),
  wageMinIdr: str(o.wageMinIdr),
  wageMaxIdr: str(o.wageMaxIdr),
  contractType: o.contractType ?? '',
  hoursPerWeek: str(o.hoursPerWeek),
  workingHours: o.workingHours ?? '',
  requiredSkills: o.requiredSkills.map((s) => ({ ...s })),
  requiredLanguages: [...o.requiredLanguages],
  minEducation: o.minEducation ?? '',
  requiredCertificates: [...o.requiredCertificates],
  accommodation: o.accommodation ?? '',
  startOn: o.startOn ?? '',
  closesOn: o.closesOn ?? '',
  commitments: [...o.commitments],
  durationWeeks: str(o.durationWeeks),
  costIdr: str(o.costIdr),
  certificateAwarded: o.certificateAwarded ?? '',
});

/**
 * A number as typed: empty is null; thousands separators in amounts are dropped ("2.800.000"); anything
 * else that is not a whole number goes to the server as typed, which names the field (invalid_type).
 */
function numberOf(s: string, amount = false): number | null {
  const v = amount ? s.trim().replace(/^rp\.?\s*/i, '').replace(/[.\s,]/g, '') : s.trim();
  if (v === '') return null;
  return /^-?\d+$/.test(v) ? Number(v) : (v as unknown as number);
}
const orNull = <T extends string>(s: string) => (s === '' ? null : (s as T));

export function formToInput(f: OpeningFormState): OpeningInput {
  const training = f.kind === 'training';
  return {
    kind: f.kind,
    title: f.title.trim(),
    description: f.description.trim() || null,
    sector: f.sector,
    occupation: f.occupation,
    areaCode: f.areaCode,
    remote: f.remote,
    places: numberOf(f.places) ?? 1,
    wageMinIdr: numberOf(f.wageMinIdr, true),
    wageMaxIdr: numberOf(f.wageMaxIdr, true),
    contractType: orNull(f.contractType),
    hoursPerWeek: numberOf(f.hoursPerWeek),
    workingHours: f.workingHours.trim() || null,
    requiredSkills: f.requiredSkills.filter((s) => s.code) as OpeningInput['requiredSkills'],
    requiredLanguages: f.requiredLanguages,
    minEducation: orNull(f.minEducation),
    requiredCertificates: f.requiredCertificates as OpeningInput['requiredCertificates'],
    accommodation: orNull(f.accommodation),
    startOn: f.startOn || null,
    closesOn: f.closesOn || null,
    commitments: f.commitments as OpeningInput['commitments'],
    durationWeeks: training ? numberOf(f.durationWeeks) : null,
    costIdr: training ? numberOf(f.costIdr, true) : null,
    certificateAwarded: training ? orNull(f.certificateAwarded) : null,
  };
}

/** The error of a list field or of one of its entries (`requiredSkills.2.code`). */
function listError(error: unknown, name: string, length: number, parts: string[] = ['']) {
  const names = [name];
  for (let i = 0; i < Math.max(length, 1); i++) for (const p of parts) names.push(p ? `${name}.${i}.${p}` : `${name}.${i}`);
  return fieldError(error, ...names);
}

export function OpeningFields({
  value,
  onChange,
  error,
  kindLocked = false,
  currentAreaName,
}: {
  value: OpeningFormState;
  onChange: (v: OpeningFormState) => void;
  error: unknown;
  /** A published opening keeps its kind. */
  kindLocked?: boolean;
  currentAreaName?: string | null;
}) {
  const { t } = useTranslation();
  const id = useId();
  const languageName = useLanguageName();
  const set = <K extends keyof OpeningFormState>(k: K, v: OpeningFormState[K]) => onChange({ ...value, [k]: v });
  const training = value.kind === 'training';
  const sections = isicSectors.filter((s) => s.code.length === 1);
  const majors = iscoOccupations.filter((o) => o.code.length === 1);
  const languages = [...workLanguages, ...value.requiredLanguages.filter((c) => !(workLanguages as readonly string[]).includes(c))];
  const commitmentsError = fieldError(error, 'commitments', ...decentWorkCommitments.map((c) => `commitments.${c}`), ...[0, 1, 2].map((i) => `commitments.${i}`));

  return (
    <>
      <fieldset className="opening-section">
        <legend>{t('openings.form.about')}</legend>
        {kindLocked ? (
          <p>
            <strong>{t('openings.fields.kind')}:</strong> {t(`employmentTerms.openingKinds.${value.kind}`)}
          </p>
        ) : (
          <ChoiceGroup
            legend={t('openings.fields.kind')}
            name="kind"
            type="radio"
            options={openingKinds.map((k) => ({ value: k, label: t(`employmentTerms.openingKinds.${k}`) }))}
            value={[value.kind]}
            onChange={(v) => set('kind', (v[0] as OpeningKind) ?? 'job')}
            error={fieldError(error, 'kind')}
          />
        )}
        <TextField
          label={t('openings.fields.title')}
          name="title"
          required
          maxLength={200}
          value={value.title}
          onChange={(e) => set('title', e.target.value)}
          error={fieldError(error, 'title')}
          hint={t('openings.form.titleHint')}
        />
        <TextAreaField
          label={t('openings.fields.description')}
          name="description"
          rows={4}
          maxLength={4000}
          value={value.description}
          onChange={(e) => set('description', e.target.value)}
          error={fieldError(error, 'description')}
        />
        <SelectField label={t('openings.fields.sector')} name="sector" required value={value.sector} onChange={(e) => set('sector', e.target.value)} error={fieldError(error, 'sector')}>
          <option value="">{t('common.choose')}</option>
          {sections.map((s) => (
            <optgroup key={s.code} label={sectorLabel(s.code)}>
              <option value={s.code}>{t('openings.form.wholeSector', { name: sectorLabel(s.code) })}</option>
              {isicSectors
                .filter((d) => d.code.length > 1 && d.code.startsWith(s.code))
                .map((d) => (
                  <option key={d.code} value={d.code}>
                    {sectorLabel(d.code)}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
        <SelectField
          label={t('openings.fields.occupation')}
          name="occupation"
          required
          value={value.occupation}
          onChange={(e) => set('occupation', e.target.value)}
          error={fieldError(error, 'occupation')}
        >
          <option value="">{t('common.choose')}</option>
          {majors.map((m) => (
            <optgroup key={m.code} label={occupationLabel(m.code)}>
              <option value={m.code}>{t('openings.form.wholeGroup', { name: occupationLabel(m.code) })}</option>
              {iscoOccupations
                .filter((o) => o.code.length > 1 && o.code.startsWith(m.code))
                .map((o) => (
                  <option key={o.code} value={o.code}>
                    {occupationLabel(o.code)}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
      </fieldset>

      <fieldset className="opening-section">
        <legend>{t('openings.form.where')}</legend>
        <div className="field">
          <label className="choice">
            <input type="checkbox" name="remote" checked={value.remote} onChange={(e) => set('remote', e.target.checked)} />
            <span>{t('openings.form.remote')}</span>
          </label>
        </div>
        <AreaPicker
          legend={value.remote ? t('openings.form.areaOptional') : t('openings.fields.place')}
          value={value.areaCode}
          onChange={(code) => set('areaCode', code)}
          deepest="district"
          error={fieldError(error, 'areaCode')}
          currentName={currentAreaName}
        />
      </fieldset>

      <fieldset className="opening-section">
        <legend>{t('openings.form.terms')}</legend>
        <TextField
          label={t('openings.fields.places')}
          name="places"
          inputMode="numeric"
          required
          value={value.places}
          onChange={(e) => set('places', e.target.value)}
          error={fieldError(error, 'places')}
        />
        <TextField
          label={training ? t('openings.form.stipendMin') : t('openings.form.wageMin')}
          name="wageMinIdr"
          inputMode="numeric"
          value={value.wageMinIdr}
          onChange={(e) => set('wageMinIdr', e.target.value)}
          error={fieldError(error, 'wageMinIdr')}
          hint={t('openings.form.rupiahHint')}
        />
        <TextField
          label={training ? t('openings.form.stipendMax') : t('openings.form.wageMax')}
          name="wageMaxIdr"
          inputMode="numeric"
          value={value.wageMaxIdr}
          onChange={(e) => set('wageMaxIdr', e.target.value)}
          error={fieldError(error, 'wageMaxIdr')}
        />
        <SelectField
          label={t('openings.fields.contractType')}
          name="contractType"
          value={value.contractType}
          onChange={(e) => set('contractType', e.target.value)}
          error={fieldError(error, 'contractType')}
        >
          <option value="">{t('openings.form.notStated')}</option>
          {contractTypes.map((c) => (
            <option key={c} value={c}>
              {t(`employmentTerms.contractTypes.${c}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('openings.fields.hoursPerWeek')}
          name="hoursPerWeek"
          inputMode="numeric"
          value={value.hoursPerWeek}
          onChange={(e) => set('hoursPerWeek', e.target.value)}
          error={fieldError(error, 'hoursPerWeek')}
        />
        <TextField
          label={t('openings.fields.workingHours')}
          name="workingHours"
          maxLength={200}
          value={value.workingHours}
          onChange={(e) => set('workingHours', e.target.value)}
          error={fieldError(error, 'workingHours')}
          hint={t('openings.form.workingHoursHint')}
        />
        <SelectField
          label={t('openings.fields.accommodation')}
          name="accommodation"
          value={value.accommodation}
          onChange={(e) => set('accommodation', e.target.value)}
          error={fieldError(error, 'accommodation')}
        >
          <option value="">{t('openings.form.notStated')}</option>
          {accommodationOptions.map((a) => (
            <option key={a} value={a}>
              {t(`employmentTerms.accommodation.${a}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('openings.fields.startOn')} name="startOn" type="date" value={value.startOn} onChange={(e) => set('startOn', e.target.value)} error={fieldError(error, 'startOn')} />
        <TextField
          label={t('openings.fields.closesOn')}
          name="closesOn"
          type="date"
          value={value.closesOn}
          onChange={(e) => set('closesOn', e.target.value)}
          error={fieldError(error, 'closesOn')}
          hint={t('openings.form.closesOnHint')}
        />
      </fieldset>

      {training ? (
        <fieldset className="opening-section">
          <legend>{t('openings.form.training')}</legend>
          <TextField
            label={t('openings.fields.durationWeeks')}
            name="durationWeeks"
            inputMode="numeric"
            required
            value={value.durationWeeks}
            onChange={(e) => set('durationWeeks', e.target.value)}
            error={fieldError(error, 'durationWeeks')}
          />
          <TextField
            label={t('openings.fields.costIdr')}
            name="costIdr"
            inputMode="numeric"
            value={value.costIdr}
            onChange={(e) => set('costIdr', e.target.value)}
            error={fieldError(error, 'costIdr')}
            hint={t('openings.form.costHint')}
          />
          <SelectField
            label={t('openings.fields.certificateAwarded')}
            name="certificateAwarded"
            value={value.certificateAwarded}
            onChange={(e) => set('certificateAwarded', e.target.value)}
            error={fieldError(error, 'certificateAwarded')}
          >
            <option value="">{t('openings.form.noCertificate')}</option>
            {certificateCodes.map((c) => (
              <option key={c} value={c}>
                {t(`employmentTerms.certificates.${c}`)}
              </option>
            ))}
          </SelectField>
        </fieldset>
      ) : null}

      <fieldset className="opening-section">
        <legend>{t('openings.form.requirements')}</legend>
        <fieldset className="field" aria-describedby={`${id}-skills-error`}>
          <legend>{t('openings.fields.requiredSkills')}</legend>
          {value.requiredSkills.length ? (
            <ul className="skill-rows">
              {value.requiredSkills.map((s, i) => (
                <li key={i} className="skill-row">
                  <SelectField
                    label={t('openings.form.skill', { n: i + 1 })}
                    name={`skill-${i}`}
                    value={s.code}
                    onChange={(e) => set('requiredSkills', value.requiredSkills.map((x, j) => (j === i ? { ...x, code: e.target.value } : x)))}
                  >
                    <option value="">{t('common.choose')}</option>
                    {skillCodes.map((c) => (
                      <option key={c} value={c}>
                        {t(`employmentTerms.skills.${c}`)}
                      </option>
                    ))}
                  </SelectField>
                  <SelectField
                    label={t('openings.form.level', { n: i + 1 })}
                    name={`skill-level-${i}`}
                    value={s.level}
                    onChange={(e) => set('requiredSkills', value.requiredSkills.map((x, j) => (j === i ? { ...x, level: e.target.value } : x)))}
                  >
                    {skillLevels.map((l) => (
                      <option key={l} value={l}>
                        {t(`employmentTerms.skillLevels.${l}`)}
                      </option>
                    ))}
                  </SelectField>
                  <button type="button" className="button secondary" onClick={() => set('requiredSkills', value.requiredSkills.filter((_, j) => j !== i))}>
                    {t('openings.form.removeSkill', { n: i + 1 })}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('openings.form.noSkills')}</p>
          )}
          <button type="button" className="button secondary" onClick={() => set('requiredSkills', [...value.requiredSkills, { code: '', level: 'basic' }])} disabled={value.requiredSkills.length >= 30}>
            {t('openings.form.addSkill')}
          </button>
          <FieldError id={`${id}-skills-error`} error={listError(error, 'requiredSkills', value.requiredSkills.length, ['code', 'level'])} />
        </fieldset>
        <ChoiceGroup
          legend={t('openings.fields.requiredLanguages')}
          name="requiredLanguages"
          options={languages.map((c) => ({ value: c, label: languageName(c) }))}
          value={value.requiredLanguages}
          onChange={(v) => set('requiredLanguages', languages.filter((c) => v.includes(c)))}
          error={listError(error, 'requiredLanguages', value.requiredLanguages.length)}
        />
        <SelectField
          label={t('openings.fields.minEducation')}
          name="minEducation"
          value={value.minEducation}
          onChange={(e) => set('minEducation', e.target.value)}
          error={fieldError(error, 'minEducation')}
        >
          <option value="">{t('openings.form.noMinimum')}</option>
          {educationLevels.map((l) => (
            <option key={l} value={l}>
              {t(`employmentTerms.education.${l}`)}
            </option>
          ))}
        </SelectField>
        <ChoiceGroup
          legend={t('openings.fields.requiredCertificates')}
          name="requiredCertificates"
          options={certificateCodes.map((c) => ({ value: c, label: t(`employmentTerms.certificates.${c}`) }))}
          value={value.requiredCertificates}
          onChange={(v) => set('requiredCertificates', certificateCodes.filter((c) => v.includes(c)))}
          error={listError(error, 'requiredCertificates', value.requiredCertificates.length)}
        />
      </fieldset>

      <fieldset className="opening-section">
        <legend>{t('openings.fields.commitments')}</legend>
        <ChoiceGroup
          legend={t('openings.form.commitmentsLegend')}
          name="commitments"
          options={decentWorkCommitments.map((c) => ({ value: c, label: t(`employmentTerms.commitments.${c}`) }))}
          value={value.commitments}
          onChange={(v) => set('commitments', decentWorkCommitments.filter((c) => v.includes(c)))}
          hint={t('openings.form.commitmentsHint')}
          error={commitmentsError}
        />
      </fieldset>
    </>
  );
}
