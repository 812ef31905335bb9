// The fields of a person, in two groups: who they are (name, sex, birth, nationality, languages) and
// identity and contact (documents, phones, home, emergency contact, disability). Used by intake
// (steps 1 and 2) and by the person page's edit form. Errors come keyed by API field path.
import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { commonLanguages, disabilityDomains, documentTypes, personLanguages, sexes, type DocumentType } from '../cases/api';
import i18n, { currentLanguage, textOr } from '../i18n';
import { AreaPicker } from '../reference/AreaPicker';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../ui/Field';
import { CountrySelect } from './CountryFields';
import { nikHint } from './nik-hint';
import type { BirthKind, PersonFormState } from './personForm';
import './persons.css';

export type FieldErr = (path: string) => string | undefined;
type Set = <K extends keyof PersonFormState>(key: K, value: PersonFormState[K]) => void;
type TextKey = { [K in keyof PersonFormState]: PersonFormState[K] extends string ? K : never }[keyof PersonFormState];

/** name, value and onChange of a text input or text area bound to a text field of the form. */
function bindText<K extends TextKey>(f: PersonFormState, set: Set, key: K) {
  return {
    name: key,
    value: f[key],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, e.target.value as PersonFormState[K]),
  };
}

const displayNames = new Map<string, Intl.DisplayNames>();
/** The name of a language (ISO 639): ours for the languages the API accepts, else the browser's. */
export function languageName(code: string): string {
  const key = `persons.languageNames.${code}`;
  if (i18n.exists(key)) return textOr(key, code);
  const lang = currentLanguage();
  let names = displayNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' });
    displayNames.set(lang, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A list of short texts (other names, phones): one input each, with add and remove. */
function TextList({
  label,
  addLabel,
  name,
  values,
  onChange,
  err,
  path,
  type = 'text',
  hint,
  max,
}: {
  label: string;
  addLabel: string;
  name: string;
  values: string[];
  onChange: (v: string[]) => void;
  err: FieldErr;
  path: string;
  type?: 'text' | 'tel';
  hint?: string;
  max: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="field text-list" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{label}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {values.map((v, i) => (
        <div className="list-editor-row" key={i}>
          <TextField
            label={`${label} ${i + 1}`}
            name={`${name}-${i}`}
            type={type}
            value={v}
            inputMode={type === 'tel' ? 'tel' : undefined}
            autoComplete="off"
            onChange={(e) => onChange(values.map((x, j) => (j === i ? e.target.value : x)))}
            error={err(`${path}.${i}`)}
          />
          <button type="button" className="button secondary" onClick={() => onChange(values.filter((_, j) => j !== i))}>
            {t('persons.form.remove')}
            <span className="visually-hidden"> {`${label} ${i + 1}`}</span>
          </button>
        </div>
      ))}
      {err(path) ? <p className="field-error">{err(path)}</p> : null}
      {values.length < max ? (
        <button type="button" className="button secondary" onClick={() => onChange([...values, ''])}>
          {addLabel}
        </button>
      ) : null}
      <span className="visually-hidden">{t('persons.form.listCount', { count: values.length })}</span>
    </fieldset>
  );
}

export function PersonBasicFields({ value: f, set, err }: { value: PersonFormState; set: Set; err: FieldErr }) {
  const { t } = useTranslation();
  const birthKinds: BirthKind[] = ['exact', 'estimated_year', 'estimated_age', ''];
  const birthErr = err('birth');
  const rest = personLanguages.filter((l) => !(commonLanguages as readonly string[]).includes(l));
  const languageOption = (l: string) => ({ value: l, label: languageName(l) });
  return (
    <>
      <TextField
        label={t('persons.fields.fullName')}
        {...bindText(f, set, 'fullName')}
        hint={t('persons.form.fullNameHint')}
        required
        autoComplete="off"
        maxLength={200}
        error={err('fullName')}
      />
      <TextList
        label={t('persons.fields.otherNames')}
        hint={t('persons.form.otherNamesHint')}
        addLabel={t('persons.form.addOtherName')}
        name="otherName"
        values={f.otherNames}
        onChange={(v) => set('otherNames', v)}
        err={err}
        path="otherNames"
        max={10}
      />
      <ChoiceGroup
        legend={t('persons.fields.sex')}
        name="sex"
        type="radio"
        options={sexes.map((s) => ({ value: s, label: t(`persons.sex.${s}`) }))}
        value={f.sex ? [f.sex] : []}
        onChange={(v) => set('sex', (v[0] ?? '') as PersonFormState['sex'])}
        error={err('sex')}
      />
      <div className="birth">
        <ChoiceGroup
          legend={t('persons.fields.birth')}
          name="birthKind"
          type="radio"
          options={birthKinds.map((k) => ({ value: k || 'unknown', label: t(`persons.birthKind.${k || 'unknown'}`) }))}
          value={[f.birthKind || 'unknown']}
          onChange={(v) => set('birthKind', (v[0] === 'unknown' ? '' : v[0]) as BirthKind)}
        />
        {f.birthKind === 'exact' ? (
          <TextField
            label={t('persons.fields.birthDate')}
            {...bindText(f, set, 'birthDate')}
            type="date"
            error={err('birth.date') ?? birthErr}
          />
        ) : null}
        {f.birthKind === 'estimated_year' ? (
          <TextField
            label={t('persons.fields.birthYear')}
            {...bindText(f, set, 'birthYear')}
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={4}
            error={err('birth.year') ?? birthErr}
          />
        ) : null}
        {f.birthKind === 'estimated_age' ? (
          <TextField
            label={t('persons.fields.birthAge')}
            {...bindText(f, set, 'birthAge')}
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={3}
            hint={t('persons.form.ageHint')}
            error={err('birth.age') ?? birthErr}
          />
        ) : null}
        {!f.birthKind && birthErr ? <p className="field-error">{birthErr}</p> : null}
      </div>
      <CountrySelect
        label={t('persons.fields.nationality')}
        name="nationality"
        value={f.nationality}
        onChange={(v) => set('nationality', v)}
        error={err('nationality')}
      />
      <div className="choice-grid">
        <ChoiceGroup
          legend={t('persons.fields.languages')}
          name="languages"
          options={commonLanguages.map(languageOption)}
          value={f.languages}
          onChange={(v) => set('languages', v)}
          error={err('languages')}
        />
        <details className="more-languages" open={f.languages.some((l) => rest.includes(l as never))}>
          <summary>{t('persons.form.moreLanguages')}</summary>
          <ChoiceGroup
            legend={t('persons.form.otherLanguages')}
            name="languages-more"
            options={rest.map(languageOption)}
            value={f.languages}
            onChange={(v) => set('languages', v)}
          />
        </details>
      </div>
    </>
  );
}

function NikHintText({ number }: { number: string }) {
  const { t } = useTranslation();
  const h = nikHint(number);
  if (!h) return <>{t('persons.nik.format')}</>;
  if (!h.ok) return <>{t(`persons.nik.${h.reason}`)}</>;
  return (
    <>
      {t('persons.nik.ok', {
        date: `${String(h.day).padStart(2, '0')}-${String(h.month).padStart(2, '0')}-${String(h.yearTwoDigits).padStart(2, '0')}`,
        sex: t(`persons.sex.${h.sex}`),
      })}
    </>
  );
}

export function PersonIdentityFields({
  value: f,
  set,
  err,
  currentAreaName,
}: {
  value: PersonFormState;
  set: Set;
  err: FieldErr;
  currentAreaName?: string | null;
}) {
  const { t } = useTranslation();
  const setDoc = (i: number, patch: Partial<PersonFormState['documents'][number]>) =>
    set(
      'documents',
      f.documents.map((d, j) => (j === i ? { ...d, ...patch } : d)),
    );
  return (
    <>
      <fieldset className="field documents">
        <legend>{t('persons.fields.documents')}</legend>
        {f.documents.length === 0 ? <p className="hint">{t('persons.form.noDocuments')}</p> : null}
        {f.documents.map((d, i) => (
          <div className="row-card" key={i}>
            <SelectField
              label={t('persons.form.documentType', { n: i + 1 })}
              name={`documents-${i}-type`}
              value={d.type}
              onChange={(e) => setDoc(i, { type: e.target.value as DocumentType })}
              error={err(`documents.${i}.type`)}
            >
              {documentTypes.map((ty) => (
                <option key={ty} value={ty}>
                  {t(`persons.documentType.${ty}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('persons.form.documentNumber', { n: i + 1 })}
              name={`documents-${i}-number`}
              autoComplete="off"
              inputMode={d.type === 'nik' ? 'numeric' : undefined}
              maxLength={64}
              value={d.number}
              onChange={(e) => setDoc(i, { number: e.target.value })}
              hint={d.type === 'nik' ? <NikHintText number={d.number} /> : undefined}
              error={err(`documents.${i}.number`) ?? err(`documents.${i}`)}
            />
            {d.type !== 'nik' ? (
              <>
                <CountrySelect
                  label={t('persons.fields.issuingCountry')}
                  name={`documents-${i}-country`}
                  value={d.issuingCountry}
                  onChange={(v) => setDoc(i, { issuingCountry: v })}
                  error={err(`documents.${i}.issuingCountry`)}
                />
                <TextField
                  label={t('persons.fields.expiresOn')}
                  name={`documents-${i}-expires`}
                  type="date"
                  value={d.expiresOn}
                  onChange={(e) => setDoc(i, { expiresOn: e.target.value })}
                  error={err(`documents.${i}.expiresOn`)}
                />
              </>
            ) : null}
            <button type="button" className="button secondary" onClick={() => set('documents', f.documents.filter((_, j) => j !== i))}>
              {t('persons.form.removeDocument', { n: i + 1 })}
            </button>
          </div>
        ))}
        {err('documents') ? <p className="field-error">{err('documents')}</p> : null}
        {f.documents.length < 10 ? (
          <button
            type="button"
            className="button secondary"
            onClick={() => set('documents', [...f.documents, { type: f.documents.some((d) => d.type === 'nik') ? 'passport' : 'nik', number: '', issuingCountry: '', expiresOn: '' }])}
          >
            {t('persons.form.addDocument')}
          </button>
        ) : null}
      </fieldset>
      <TextList
        label={t('persons.fields.phones')}
        hint={t('persons.form.phoneHint')}
        addLabel={t('persons.form.addPhone')}
        name="phone"
        type="tel"
        values={f.phones}
        onChange={(v) => set('phones', v)}
        err={err}
        path="phones"
        max={5}
      />
      <AreaPicker
        legend={t('persons.fields.homeVillage')}
        value={f.homeVillageCode}
        onChange={(code) => set('homeVillageCode', code)}
        error={err('homeVillageCode')}
        currentName={currentAreaName}
      />
      <TextAreaField
        label={t('persons.fields.homeAddress')}
        {...bindText(f, set, 'homeAddress')}
        rows={2}
        maxLength={500}
        error={err('homeAddress')}
      />
      <fieldset className="field emergency">
        <legend>{t('persons.fields.emergencyContact')}</legend>
        <TextField
          label={t('persons.fields.emergencyName')}
          {...bindText(f, set, 'emergencyName')}
          autoComplete="off"
          error={err('emergencyContact.name') ?? err('emergencyContact')}
        />
        <TextField
          label={t('persons.fields.emergencyRelationship')}
          {...bindText(f, set, 'emergencyRelationship')}
          autoComplete="off"
          error={err('emergencyContact.relationship')}
        />
        <TextField
          label={t('persons.fields.emergencyPhone')}
          {...bindText(f, set, 'emergencyPhone')}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          error={err('emergencyContact.phone')}
        />
      </fieldset>
      <ChoiceGroup
        legend={t('persons.fields.disabilities')}
        hint={t('persons.form.disabilityHint')}
        name="disabilities"
        options={disabilityDomains.map((d) => ({ value: d, label: t(`persons.disability.${d}`) }))}
        value={f.disabilities}
        onChange={(v) => set('disabilities', v)}
        error={err('disabilities')}
      />
      <TextAreaField
        label={t('persons.fields.disabilityNote')}
        {...bindText(f, set, 'disabilityNote')}
        rows={2}
        maxLength={1000}
        error={err('disabilityNote')}
      />
    </>
  );
}
