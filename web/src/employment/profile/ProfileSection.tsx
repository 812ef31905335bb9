// The skills profile of a case: work history abroad and at home, skills with level, languages,
// education, certificates, what the person is looking for, preferences and constraints. A summary,
// and a form with repeatable rows that keeps what was typed when the server refuses.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { caseKeys, type CaseOut } from '../../cases/api';
import { FormConflictNotice, storedVersion } from '../../cases/case-page/conflict';
import { formatDate, formatDateTime } from '../../i18n';
import { fieldError } from '../../i18n/errors';
import { CountrySelect, useCountries } from '../../persons/CountryFields';
import { languageName } from '../../persons/PersonFields';
import { personLanguages } from '../../cases/api';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { ErrorAlert, Loading, StatusMessage } from '../../ui/Messages';
import {
  certificateCodes,
  educationLevels,
  isicSectors,
  iscoOccupations,
  seekingKinds,
  skillCodes,
  skillLevels,
  workConstraints,
  type EducationLevel,
  type SeekingKind,
  type SkillLevel,
  type WorkConstraint,
} from '../../../../src/employment/vocabulary';
import { saveSkillsProfile, skillsProfileKey, skillsProfileQuery, type SkillsProfile, type SkillsProfileInput } from './api';
import { AreaChipPicker, ChipPicker } from './ChipPicker';
import { countryLabel, listText, occupationLabel, sectorLabel, sortedOptions, term, yearsText } from './labels';
import './work.css';

export function ProfileSection({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(skillsProfileQuery(c.id));
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const profile = data?.profile ?? null;
  const mayEdit = profile ? profile.canUpdate : c.can.update && c.stage !== 'closed';
  const close = (done: boolean) => {
    setEditing(false);
    setSaved(done);
    setTimeout(() => opener.current?.focus(), 0);
  };
  return (
    <section className="work-section" aria-labelledby="work-profile-title">
      <h3 id="work-profile-title">{t('work.profile.title')}</h3>
      {isPending ? <Loading /> : null}
      <ErrorAlert error={error} />
      <StatusMessage tone="success">{saved ? t('work.profile.saved') : null}</StatusMessage>
      {data && !editing ? (
        <>
          {profile ? <ProfileSummary p={profile} /> : <p>{t('work.profile.none')}</p>}
          {mayEdit ? (
            <p>
              <button
                type="button"
                className="button"
                ref={opener}
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {profile ? t('work.profile.edit') : t('work.profile.fill')}
              </button>
            </p>
          ) : null}
        </>
      ) : null}
      {data && editing ? <ProfileForm caseId={c.id} profile={profile} onDone={() => close(true)} onCancel={() => close(false)} /> : null}
    </section>
  );
}

function ProfileSummary({ p }: { p: SkillsProfile }) {
  const { t } = useTranslation();
  const countries = useCountries();
  const none = t('work.profile.nothing');
  return (
    <dl className="summary work-summary">
      <dt>{t('work.fields.seeking')}</dt>
      <dd>{p.seeking.length ? p.seeking.map((s) => term('seeking', s)).join(', ') : t('work.profile.notSeeking')}</dd>
      <dt>{t('work.fields.workHistory')}</dt>
      <dd>
        {p.workHistory.length ? (
          <ul className="plain-list">
            {p.workHistory.map((h, i) => (
              <li key={i}>
                {t('work.profile.historyLine', {
                  occupation: occupationLabel(h.occupation) || t('work.profile.unknownOccupation'),
                  country: countryLabel(countries, h.country),
                  years: yearsText(h.years),
                  count: h.years,
                })}
                {h.sector ? <span className="muted"> · {sectorLabel(h.sector)}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          none
        )}
      </dd>
      <dt>{t('work.fields.skills')}</dt>
      <dd>{p.skills.length ? p.skills.map((s) => `${term('skills', s.code)} (${term('skillLevels', s.level)})`).join(', ') : none}</dd>
      <dt>{t('work.fields.languages')}</dt>
      <dd>{p.languages.length ? p.languages.map(languageName).join(', ') : none}</dd>
      <dt>{t('work.fields.education')}</dt>
      <dd>{p.education ? term('education', p.education) : none}</dd>
      <dt>{t('work.fields.certificates')}</dt>
      <dd>
        {p.certificates.length
          ? p.certificates
              .map((x) =>
                [term('certificates', x.code), x.country ? countryLabel(countries, x.country) : null, x.year ? String(x.year) : null].filter(Boolean).join(', '),
              )
              .join('; ')
          : none}
      </dd>
      <dt>{t('work.fields.preferredSectors')}</dt>
      <dd>{p.preferredSectors.length ? p.preferredSectors.map(sectorLabel).join(', ') : none}</dd>
      <dt>{t('work.fields.preferredAreas')}</dt>
      <dd>
        {p.preferredAreas.length ? listText(p.preferredAreas.map((a) => a.name)) : none}
        {p.willingToRelocate ? ` · ${t('work.profile.willingToRelocate')}` : ''}
      </dd>
      <dt>{t('work.fields.constraints')}</dt>
      <dd>
        {p.constraints.length ? p.constraints.map((x) => term('constraints', x)).join(', ') : none}
        {p.constraintsNote ? <p className="pre">{p.constraintsNote}</p> : null}
      </dd>
      <dt>{t('work.fields.availableFrom')}</dt>
      <dd>{p.availableFrom ? formatDate(p.availableFrom) : t('work.profile.availableNow')}</dd>
      {p.incomeSince ? (
        <>
          <dt>{t('work.fields.incomeSince')}</dt>
          <dd>{formatDate(p.incomeSince)}</dd>
        </>
      ) : null}
      {p.notes ? (
        <>
          <dt>{t('work.fields.notes')}</dt>
          <dd className="pre">{p.notes}</dd>
        </>
      ) : null}
      <dt>{t('work.profile.updated')}</dt>
      <dd>{t('work.profile.updatedBy', { name: p.updatedBy?.displayName ?? '—', date: formatDateTime(p.updatedAt) })}</dd>
    </dl>
  );
}

// ---------------------------------------------------------------------------------------------
// The form.

let rowKey = 0;
const nextKey = () => ++rowKey;

interface HistoryRow {
  key: number;
  country: string;
  occupation: string;
  sector: string;
  years: string;
}
interface SkillRow {
  key: number;
  code: string;
  level: SkillLevel;
}
interface CertificateRow {
  key: number;
  code: string;
  country: string;
  year: string;
}
interface FormState {
  seeking: SeekingKind[];
  workHistory: HistoryRow[];
  skills: SkillRow[];
  languages: string[];
  education: EducationLevel | '';
  certificates: CertificateRow[];
  preferredSectors: string[];
  preferredAreaCodes: string[];
  areaNames: Map<string, string>;
  willingToRelocate: boolean;
  constraints: WorkConstraint[];
  constraintsNote: string;
  availableFrom: string;
  notes: string;
}

function stateOf(p: SkillsProfile | null): FormState {
  return {
    seeking: p?.seeking ?? ['employment'],
    workHistory: (p?.workHistory ?? []).map((h) => ({ key: nextKey(), country: h.country, occupation: h.occupation ?? '', sector: h.sector ?? '', years: String(h.years) })),
    skills: (p?.skills ?? []).map((s) => ({ key: nextKey(), code: s.code, level: s.level })),
    languages: p?.languages ?? [],
    education: p?.education ?? '',
    certificates: (p?.certificates ?? []).map((x) => ({ key: nextKey(), code: x.code, country: x.country ?? '', year: x.year ? String(x.year) : '' })),
    preferredSectors: p?.preferredSectors ?? [],
    preferredAreaCodes: p?.preferredAreaCodes ?? [],
    areaNames: new Map((p?.preferredAreas ?? []).map((a) => [a.code, a.name])),
    willingToRelocate: p?.willingToRelocate ?? false,
    constraints: p?.constraints ?? [],
    constraintsNote: p?.constraintsNote ?? '',
    availableFrom: p?.availableFrom ?? '',
    notes: p?.notes ?? '',
  };
}

/** "1,5" or "1.5" → 1.5; empty or unreadable → NaN. */
const parseYears = (s: string) => (s.trim() === '' ? NaN : Number(s.trim().replace(',', '.')));

function bodyOf(f: FormState, version: number | undefined): SkillsProfileInput {
  return {
    ...(version ? { version } : {}),
    seeking: f.seeking,
    workHistory: f.workHistory.map((h) => ({ country: h.country, occupation: h.occupation || null, sector: h.sector || null, years: parseYears(h.years) })),
    skills: f.skills.map((s) => ({ code: s.code, level: s.level })),
    languages: f.languages,
    education: f.education || null,
    certificates: f.certificates.map((x) => ({ code: x.code, country: x.country || null, year: x.year.trim() ? Number(x.year) : null })),
    preferredSectors: f.preferredSectors,
    preferredAreaCodes: f.preferredAreaCodes,
    willingToRelocate: f.willingToRelocate,
    constraints: f.constraints,
    constraintsNote: f.constraintsNote.trim() || null,
    availableFrom: f.availableFrom || null,
    notes: f.notes.trim() || null,
  };
}

/** Occupations grouped by ISCO major group, each group selectable itself ("… in general"). */
function OccupationOptions() {
  const { t } = useTranslation();
  const majors = iscoOccupations.filter((o) => o.code.length === 1);
  return (
    <>
      {majors.map((m) => (
        <optgroup key={m.code} label={occupationLabel(m.code)}>
          <option value={m.code}>{t('work.form.groupInGeneral', { name: occupationLabel(m.code) })}</option>
          {sortedOptions(iscoOccupations.filter((o) => o.code.length > 1 && o.code[0] === m.code).map((o) => ({ value: o.code, label: occupationLabel(o.code) }))).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/** Sectors grouped by ISIC section, each section selectable itself. */
function SectorOptions() {
  const { t } = useTranslation();
  const sections = isicSectors.filter((s) => s.code.length === 1);
  return (
    <>
      {sections.map((s) => (
        <optgroup key={s.code} label={sectorLabel(s.code)}>
          <option value={s.code}>{t('work.form.groupInGeneral', { name: sectorLabel(s.code) })}</option>
          {isicSectors
            .filter((d) => d.code.length > 1 && d.code[0] === s.code)
            .map((d) => (
              <option key={d.code} value={d.code}>
                {sectorLabel(d.code)}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

function ProfileForm({ caseId, profile, onDone, onCancel }: { caseId: string; profile: SkillsProfile | null; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [f, setF] = useState<FormState>(() => stateOf(profile));
  const [version, setVersion] = useState<number | undefined>(profile?.version);
  const [conflict, setConflict] = useState(false);
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setF((s) => ({ ...s, [key]: value }));
  const setRow = <K extends 'workHistory' | 'skills' | 'certificates'>(key: K, index: number, patch: Partial<FormState[K][number]>) =>
    setF((s) => ({ ...s, [key]: (s[key] as FormState[K][number][]).map((r, i) => (i === index ? { ...r, ...patch } : r)) }));
  const removeRow = (key: 'workHistory' | 'skills' | 'certificates', index: number) => setF((s) => ({ ...s, [key]: (s[key] as unknown[]).filter((_, i) => i !== index) }));

  const save = useMutation({
    mutationFn: () => saveSkillsProfile(caseId, bodyOf(f, version)),
    onSuccess: (p) => {
      queryClient.setQueryData(skillsProfileKey(caseId), { profile: p });
      void queryClient.invalidateQueries({ queryKey: ['cases', caseId, 'matches'] });
      void queryClient.invalidateQueries({ queryKey: caseKeys.history(caseId) });
      onDone();
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) {
        const current = storedVersion<SkillsProfile>(err);
        setVersion(current?.version);
        setConflict(true);
        void queryClient.invalidateQueries({ queryKey: skillsProfileKey(caseId) });
      }
    },
  });
  const err = save.error;
  const errorAt = (path: string) => (missing[path] ? t('errors.fields.required') : fieldError(err, path));

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, boolean> = {};
    f.workHistory.forEach((h, i) => {
      if (!h.country) problems[`workHistory.${i}.country`] = true;
      if (Number.isNaN(parseYears(h.years))) problems[`workHistory.${i}.years`] = true;
    });
    f.skills.forEach((s, i) => {
      if (!s.code) problems[`skills.${i}.code`] = true;
    });
    f.certificates.forEach((x, i) => {
      if (!x.code) problems[`certificates.${i}.code`] = true;
    });
    setMissing(problems);
    if (Object.keys(problems).length) return;
    save.mutate();
  }

  const title = profile ? t('work.profile.editTitle') : t('work.profile.fillTitle');
  const skillOptions = sortedOptions(skillCodes.map((s) => ({ value: s, label: term('skills', s) })));
  const certificateOptions = sortedOptions(certificateCodes.map((s) => ({ value: s, label: term('certificates', s) })));
  return (
    <form className="form card work-form" onSubmit={submit} noValidate aria-label={title}>
      <h4>{title}</h4>
      {conflict ? <FormConflictNotice /> : null}
      {err && !isApiError(err, 'version_conflict') ? <ErrorAlert error={err} /> : null}

      <ChoiceGroup
        legend={t('work.fields.seeking')}
        name="seeking"
        hint={t('work.form.seekingHint')}
        options={seekingKinds.map((s) => ({ value: s, label: term('seeking', s) }))}
        value={f.seeking}
        onChange={(v) => set('seeking', v as SeekingKind[])}
        error={fieldError(err, 'seeking')}
      />

      <fieldset className="field repeat">
        <legend>{t('work.fields.workHistory')}</legend>
        <p className="hint">{t('work.form.workHistoryHint')}</p>
        {f.workHistory.map((h, i) => (
          <fieldset key={h.key} className="repeat-row">
            <legend>{t('work.form.historyRow', { n: i + 1 })}</legend>
            <div className="two-up">
              <CountrySelect label={t('work.fields.country')} name={`workHistory.${i}.country`} value={h.country} onChange={(v) => setRow('workHistory', i, { country: v })} error={errorAt(`workHistory.${i}.country`)} />
              <TextField
                label={t('work.fields.years')}
                name={`workHistory.${i}.years`}
                value={h.years}
                onChange={(e) => setRow('workHistory', i, { years: e.target.value })}
                inputMode="decimal"
                hint={t('work.form.yearsHint')}
                error={errorAt(`workHistory.${i}.years`)}
              />
              <SelectField label={t('work.fields.occupation')} name={`workHistory.${i}.occupation`} value={h.occupation} onChange={(e) => setRow('workHistory', i, { occupation: e.target.value })} error={errorAt(`workHistory.${i}.occupation`)}>
                <option value="">{t('work.form.unknown')}</option>
                <OccupationOptions />
              </SelectField>
              <SelectField label={t('work.fields.sector')} name={`workHistory.${i}.sector`} value={h.sector} onChange={(e) => setRow('workHistory', i, { sector: e.target.value })} error={errorAt(`workHistory.${i}.sector`)}>
                <option value="">{t('work.form.unknown')}</option>
                <SectorOptions />
              </SelectField>
            </div>
            <button type="button" className="button secondary" onClick={() => removeRow('workHistory', i)}>
              {t('work.form.removeHistory', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        {f.workHistory.length < 20 ? (
          <button type="button" className="button secondary" onClick={() => set('workHistory', [...f.workHistory, { key: nextKey(), country: '', occupation: '', sector: '', years: '' }])}>
            {t('work.form.addHistory')}
          </button>
        ) : null}
      </fieldset>

      <fieldset className="field repeat">
        <legend>{t('work.fields.skills')}</legend>
        {f.skills.map((s, i) => (
          <div key={s.key} className="repeat-row inline-row">
            <SelectField label={t('work.form.skillRow', { n: i + 1 })} name={`skills.${i}.code`} value={s.code} onChange={(e) => setRow('skills', i, { code: e.target.value })} error={errorAt(`skills.${i}.code`)}>
              <option value="">{t('common.choose')}</option>
              {skillOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('work.fields.level')} name={`skills.${i}.level`} value={s.level} onChange={(e) => setRow('skills', i, { level: e.target.value as SkillLevel })} error={errorAt(`skills.${i}.level`)}>
              {skillLevels.map((l) => (
                <option key={l} value={l}>
                  {term('skillLevels', l)}
                </option>
              ))}
            </SelectField>
            <button type="button" className="button secondary" onClick={() => removeRow('skills', i)} aria-label={t('work.form.removeSkillNamed', { n: i + 1 })}>
              {t('work.form.removeRow')}
            </button>
          </div>
        ))}
        <button type="button" className="button secondary" onClick={() => set('skills', [...f.skills, { key: nextKey(), code: '', level: 'basic' }])}>
          {t('work.form.addSkill')}
        </button>
      </fieldset>

      <ChipPicker
        legend={t('work.fields.languages')}
        name="languages"
        options={personLanguages.map((l) => ({ value: l, label: languageName(l) }))}
        value={f.languages}
        onChange={(v) => set('languages', v)}
        error={fieldError(err, 'languages')}
        max={20}
      />

      <SelectField label={t('work.fields.education')} name="education" value={f.education} onChange={(e) => set('education', e.target.value as EducationLevel | '')} error={fieldError(err, 'education')}>
        <option value="">{t('work.form.unknown')}</option>
        {educationLevels.map((e) => (
          <option key={e} value={e}>
            {term('education', e)}
          </option>
        ))}
      </SelectField>

      <fieldset className="field repeat">
        <legend>{t('work.fields.certificates')}</legend>
        <p className="hint">{t('work.form.certificatesHint')}</p>
        {f.certificates.map((x, i) => (
          <fieldset key={x.key} className="repeat-row">
            <legend>{t('work.form.certificateRow', { n: i + 1 })}</legend>
            <div className="two-up">
              <SelectField label={t('work.fields.certificate')} name={`certificates.${i}.code`} value={x.code} onChange={(e) => setRow('certificates', i, { code: e.target.value })} error={errorAt(`certificates.${i}.code`)}>
                <option value="">{t('common.choose')}</option>
                {certificateOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </SelectField>
              <CountrySelect
                label={t('work.fields.earnedIn')}
                name={`certificates.${i}.country`}
                value={x.country}
                onChange={(v) => setRow('certificates', i, { country: v })}
                emptyLabel={t('work.form.earnedUnknown')}
                error={errorAt(`certificates.${i}.country`)}
              />
              <TextField
                label={t('work.fields.year')}
                name={`certificates.${i}.year`}
                value={x.year}
                onChange={(e) => setRow('certificates', i, { year: e.target.value })}
                inputMode="numeric"
                maxLength={4}
                error={errorAt(`certificates.${i}.year`)}
              />
            </div>
            <button type="button" className="button secondary" onClick={() => removeRow('certificates', i)}>
              {t('work.form.removeCertificate', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        <button type="button" className="button secondary" onClick={() => set('certificates', [...f.certificates, { key: nextKey(), code: '', country: '', year: '' }])}>
          {t('work.form.addCertificate')}
        </button>
      </fieldset>

      <ChipPicker
        legend={t('work.fields.preferredSectors')}
        name="preferredSectors"
        options={isicSectors.map((s) => ({ value: s.code, label: sectorLabel(s.code) }))}
        value={f.preferredSectors}
        onChange={(v) => set('preferredSectors', v)}
        error={fieldError(err, 'preferredSectors')}
        max={10}
      />
      <AreaChipPicker
        legend={t('work.fields.preferredAreas')}
        hint={t('work.form.areasHint')}
        value={f.preferredAreaCodes}
        names={f.areaNames}
        onChange={(v, names) => setF((s) => ({ ...s, preferredAreaCodes: v, areaNames: names }))}
        error={fieldError(err, 'preferredAreaCodes')}
      />
      <div className="field">
        <label className="choice">
          <input type="checkbox" name="willingToRelocate" checked={f.willingToRelocate} onChange={(e) => set('willingToRelocate', e.target.checked)} />
          <span>{t('work.fields.willingToRelocate')}</span>
        </label>
      </div>

      <ChoiceGroup
        legend={t('work.fields.constraints')}
        name="constraints"
        hint={t('work.form.constraintsHint')}
        options={workConstraints.map((x) => ({ value: x, label: term('constraints', x) }))}
        value={f.constraints}
        onChange={(v) => set('constraints', v as WorkConstraint[])}
        error={fieldError(err, 'constraints')}
      />
      <TextAreaField
        label={t('work.fields.constraintsNote')}
        name="constraintsNote"
        hint={t('work.form.privateHint')}
        value={f.constraintsNote}
        onChange={(e) => set('constraintsNote', e.target.value)}
        rows={2}
        maxLength={2000}
        error={fieldError(err, 'constraintsNote')}
      />
      <TextField
        label={t('work.fields.availableFrom')}
        name="availableFrom"
        type="date"
        value={f.availableFrom}
        onChange={(e) => set('availableFrom', e.target.value)}
        hint={t('work.form.availableHint')}
        error={fieldError(err, 'availableFrom')}
      />
      <TextAreaField
        label={t('work.fields.notes')}
        name="notes"
        hint={t('work.form.privateHint')}
        value={f.notes}
        onChange={(e) => set('notes', e.target.value)}
        rows={3}
        maxLength={4000}
        error={fieldError(err, 'notes')}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('work.form.save')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

