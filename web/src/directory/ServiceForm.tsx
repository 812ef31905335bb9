// The fields of a service, in sections, shared by the create and edit pages: basics, what it offers
// (taxonomy terms by group), who it serves, languages and cost, opening hours, phones and contact
// people, areas served, locations, required documents, and (when creating) capacity.
import { Link } from '@tanstack/react-router';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { caseTypes, directions } from '../api/types';
import { fieldError } from '../i18n/errors';
import { AreaPicker } from '../reference/AreaPicker';
import { ChoiceGroup, FieldError, SelectField, TextAreaField, TextField } from '../ui/Field';
import { listFieldError, useAreaNames } from '../users/Coverage';
import {
  costKinds,
  eligibleSexes,
  phoneKinds,
  requiredDocumentCodes,
  serviceLanguages,
  serviceStatuses,
  serviceTerms,
  taxonomyGroups,
  weekdays,
  type CapacityInput,
  type Contact,
  type CostKind,
  type Location,
  type OpeningHours,
  type Phone,
  type Service,
  type ServiceInput,
  type ServiceStatus,
} from './api';

export interface ServiceFormState {
  name: string;
  alternateName: string;
  description: string;
  url: string;
  email: string;
  status: ServiceStatus;
  termCodes: string[];
  languages: string[];
  sexes: string[];
  minAge: string;
  maxAge: string;
  caseTypes: string[];
  directions: string[];
  eligibilityNote: string;
  costKind: CostKind;
  costNote: string;
  hours: { days: string[]; opens: string; closes: string }[];
  hoursNote: string;
  phones: { number: string; kind: Phone['kind']; description: string }[];
  contacts: { name: string; title: string; email: string; phone: string }[];
  nationwide: boolean;
  areaCodes: string[];
  locationIds: string[];
  requiredDocuments: string[];
  requiredDocumentsNote: string;
  capacity: CapacityFormState;
}

export interface CapacityFormState {
  total: string;
  free: string;
  maxOpenReferrals: string;
}

export const emptyCapacity: CapacityFormState = { total: '', free: '', maxOpenReferrals: '' };

export const emptyServiceForm: ServiceFormState = {
  name: '',
  alternateName: '',
  description: '',
  url: '',
  email: '',
  status: 'active',
  termCodes: [],
  languages: ['id'],
  sexes: [],
  minAge: '',
  maxAge: '',
  caseTypes: [],
  directions: [],
  eligibilityNote: '',
  costKind: 'free',
  costNote: '',
  hours: [],
  hoursNote: '',
  phones: [],
  contacts: [],
  nationwide: false,
  areaCodes: [],
  locationIds: [],
  requiredDocuments: [],
  requiredDocumentsNote: '',
  capacity: emptyCapacity,
};

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const numOrNull = (v: string) => (v.trim() === '' ? null : Number(v));

export const capacityToForm = (c: Service['capacity']): CapacityFormState => ({ total: str(c.total), free: str(c.free), maxOpenReferrals: str(c.maxOpenReferrals) });
export const capacityToInput = (c: CapacityFormState): CapacityInput => ({ total: numOrNull(c.total), free: numOrNull(c.free), maxOpenReferrals: numOrNull(c.maxOpenReferrals) });

export const serviceToForm = (s: Service): ServiceFormState => ({
  name: s.name,
  alternateName: str(s.alternateName),
  description: s.description,
  url: str(s.url),
  email: str(s.email),
  status: s.status,
  termCodes: s.termCodes,
  languages: s.languages,
  sexes: s.eligibility.sexes,
  minAge: str(s.eligibility.minAge),
  maxAge: str(s.eligibility.maxAge),
  caseTypes: s.eligibility.caseTypes,
  directions: s.eligibility.directions,
  eligibilityNote: str(s.eligibility.note),
  costKind: s.cost.kind,
  costNote: str(s.cost.note),
  hours: s.hours.map((h) => ({ days: h.days.map(String), opens: h.opens, closes: h.closes })),
  hoursNote: str(s.hoursNote),
  phones: s.phones.map((p) => ({ number: p.number, kind: p.kind, description: str(p.description) })),
  contacts: s.contacts.map((c) => ({ name: c.name, title: str(c.title), email: str(c.email), phone: str(c.phone) })),
  nationwide: s.serviceArea.nationwide,
  areaCodes: s.serviceArea.areas.map((a) => a.code),
  locationIds: s.locations.map((l) => l.id),
  requiredDocuments: s.requiredDocuments,
  requiredDocumentsNote: str(s.requiredDocumentsNote),
  capacity: capacityToForm(s.capacity),
});

/** What the API takes (capacity apart: it has its own form on an existing service). */
export const formToInput = (f: ServiceFormState): Omit<ServiceInput, 'capacity'> => ({
  name: f.name.trim(),
  alternateName: orNull(f.alternateName),
  description: f.description.trim(),
  url: orNull(f.url),
  email: orNull(f.email),
  status: f.status,
  termCodes: f.termCodes,
  languages: f.languages,
  eligibility: { sexes: f.sexes, minAge: numOrNull(f.minAge), maxAge: numOrNull(f.maxAge), caseTypes: f.caseTypes, directions: f.directions, note: orNull(f.eligibilityNote) },
  cost: { kind: f.costKind, note: orNull(f.costNote) },
  hours: f.hours.map((h): OpeningHours => ({ days: h.days.map(Number).sort((a, b) => a - b), opens: h.opens, closes: h.closes })),
  hoursNote: orNull(f.hoursNote),
  phones: f.phones.map((p): Phone => ({ number: p.number.trim(), kind: p.kind, description: orNull(p.description) })),
  contacts: f.contacts.map((c): Contact => ({ name: c.name.trim(), title: orNull(c.title), email: orNull(c.email), phone: orNull(c.phone) })),
  nationwide: f.nationwide,
  areaCodes: f.nationwide ? [] : f.areaCodes,
  requiredDocuments: f.requiredDocuments,
  requiredDocumentsNote: orNull(f.requiredDocumentsNote),
  locationIds: f.locationIds,
});

/** Only what changed from the record the form started from (so the history names the changed fields). */
export function changedInput(f: ServiceFormState, base: Service): Partial<ServiceInput> {
  const now = formToInput(f);
  const before = formToInput(serviceToForm(base));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(now) as (keyof typeof now)[]) if (JSON.stringify(now[k]) !== JSON.stringify(before[k])) out[k] = now[k];
  // Areas go with the nationwide switch: the API checks them together.
  if ('nationwide' in out || 'areaCodes' in out) Object.assign(out, { nationwide: now.nationwide, areaCodes: now.areaCodes });
  return out as Partial<ServiceInput>;
}

type Set = <K extends keyof ServiceFormState>(k: K, v: ServiceFormState[K]) => void;

type Level = 2 | 3;
const Heading = ({ level, id, children }: { level: Level | 4; id?: string; children: ReactNode }) => {
  const H = level === 2 ? 'h2' : level === 3 ? 'h3' : 'h4';
  return <H id={id}>{children}</H>;
};

function Section({ id, title, children, hint, level }: { id: string; title: string; children: ReactNode; hint?: string; level: Level }) {
  return (
    <section className="card service-section" aria-labelledby={id}>
      <Heading level={level} id={id}>
        {title}
      </Heading>
      {hint ? <p className="hint">{hint}</p> : null}
      {children}
    </section>
  );
}

export function useTermName(): (code: string) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (code) => serviceTerms.find((t) => t.code === code)?.name[lang] ?? taxonomyGroups.find((g) => g.code === code)?.name[lang] ?? code;
}

export function ServiceFields({
  value,
  onChange,
  error,
  locations,
  withCapacity = false,
  level = 2,
}: {
  /** The level of the sections' headings (2 on a page of its own, 3 below the page's own h2). */
  level?: Level;
  value: ServiceFormState;
  onChange: (v: ServiceFormState) => void;
  error: unknown;
  /** The organisation's locations to choose from. */
  locations: Location[] | undefined;
  withCapacity?: boolean;
}) {
  const { t } = useTranslation();
  const set: Set = (k, v) => onChange({ ...value, [k]: v });
  const f = (...names: string[]) => fieldError(error, ...names);
  return (
    <>
      <Section level={level} id="svc-basics" title={t('directory.sections.basics')}>
        <TextField label={t('directory.fields.name')} name="name" required maxLength={200} value={value.name} onChange={(e) => set('name', e.target.value)} error={f('name')} />
        <TextField
          label={t('directory.fields.alternateName')}
          name="alternateName"
          maxLength={200}
          value={value.alternateName}
          onChange={(e) => set('alternateName', e.target.value)}
          error={f('alternateName')}
          hint={t('directory.hints.alternateName')}
        />
        <TextAreaField
          label={t('directory.fields.description')}
          name="description"
          rows={4}
          maxLength={4000}
          value={value.description}
          onChange={(e) => set('description', e.target.value)}
          error={f('description')}
          hint={t('directory.hints.description')}
        />
        <SelectField label={t('directory.fields.status')} name="status" value={value.status} onChange={(e) => set('status', e.target.value as ServiceStatus)} error={f('status')}>
          {serviceStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`directory.status.${statusKey(s)}`)}
            </option>
          ))}
        </SelectField>
        <div className="dir-pair">
          <TextField label={t('directory.fields.url')} name="url" type="url" inputMode="url" maxLength={500} value={value.url} onChange={(e) => set('url', e.target.value)} error={f('url')} placeholder="https://" />
          <TextField label={t('directory.fields.email')} name="email" type="email" inputMode="email" maxLength={200} value={value.email} onChange={(e) => set('email', e.target.value)} error={f('email')} />
        </div>
      </Section>

      <Section level={level} id="svc-terms" title={t('directory.sections.offers')}>
        <TermsField value={value.termCodes} onChange={(v) => set('termCodes', v)} error={listFieldError(error, 'termCodes', value.termCodes.length)} />
      </Section>

      <Section level={level} id="svc-who" title={t('directory.sections.who')} hint={t('directory.hints.who')}>
        <div className="inline-choices">
          <ChoiceGroup
            legend={t('directory.fields.sexes')}
            name="sexes"
            options={eligibleSexes.map((s) => ({ value: s, label: t(`directory.sexes.${s}`) }))}
            value={value.sexes}
            onChange={(v) => set('sexes', v)}
            error={f('eligibility.sexes')}
          />
        </div>
        <div className="dir-pair">
          <TextField label={t('directory.fields.minAge')} name="minAge" type="number" inputMode="numeric" min={0} max={120} value={value.minAge} onChange={(e) => set('minAge', e.target.value)} error={f('eligibility.minAge')} />
          <TextField label={t('directory.fields.maxAge')} name="maxAge" type="number" inputMode="numeric" min={0} max={120} value={value.maxAge} onChange={(e) => set('maxAge', e.target.value)} error={f('eligibility.maxAge')} />
        </div>
        <ChoiceGroup
          legend={t('directory.fields.caseTypes')}
          name="caseTypes"
          options={caseTypes.map((c) => ({ value: c, label: t(`caseTerms.caseType.${c}`) }))}
          value={value.caseTypes}
          onChange={(v) => set('caseTypes', v)}
          error={f('eligibility.caseTypes')}
        />
        <ChoiceGroup
          legend={t('directory.fields.directions')}
          name="directions"
          options={directions.map((d) => ({ value: d, label: t(`caseTerms.direction.${d}`) }))}
          value={value.directions}
          onChange={(v) => set('directions', v)}
          error={f('eligibility.directions')}
        />
        <TextAreaField label={t('directory.fields.eligibilityNote')} name="eligibilityNote" rows={2} maxLength={1000} value={value.eligibilityNote} onChange={(e) => set('eligibilityNote', e.target.value)} error={f('eligibility.note')} />
      </Section>

      <Section level={level} id="svc-lang" title={t('directory.sections.languageCost')}>
        <div className="choice-columns">
          <ChoiceGroup
            legend={t('directory.fields.languages')}
            name="languages"
            options={serviceLanguages.map((l) => ({ value: l, label: t(`directory.languages.${l}`) }))}
            value={value.languages}
            onChange={(v) => set('languages', serviceLanguages.filter((l) => v.includes(l)))}
            error={listFieldError(error, 'languages', value.languages.length)}
          />
        </div>
        <SelectField label={t('directory.fields.cost')} name="costKind" value={value.costKind} onChange={(e) => set('costKind', e.target.value as CostKind)} error={f('cost.kind')}>
          {costKinds.map((c) => (
            <option key={c} value={c}>
              {t(`directory.cost.${c}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('directory.fields.costNote')} name="costNote" maxLength={500} value={value.costNote} onChange={(e) => set('costNote', e.target.value)} error={f('cost.note')} />
      </Section>

      <Section level={level} id="svc-hours" title={t('directory.sections.hours')}>
        <HoursEditor value={value.hours} onChange={(v) => set('hours', v)} error={error} />
        <TextField label={t('directory.fields.hoursNote')} name="hoursNote" maxLength={500} value={value.hoursNote} onChange={(e) => set('hoursNote', e.target.value)} error={f('hoursNote')} hint={t('directory.hints.hoursNote')} />
      </Section>

      <Section level={level} id="svc-contact" title={t('directory.sections.contact')}>
        <PhonesEditor level={level} value={value.phones} onChange={(v) => set('phones', v)} error={error} />
        <ContactsEditor level={level} value={value.contacts} onChange={(v) => set('contacts', v)} error={error} />
      </Section>

      <Section level={level} id="svc-areas" title={t('directory.sections.areas')}>
        <div className="field">
          <label className="choice">
            <input type="checkbox" name="nationwide" checked={value.nationwide} onChange={(e) => set('nationwide', e.target.checked)} />
            <span>{t('directory.fields.nationwide')}</span>
          </label>
        </div>
        {value.nationwide ? null : <AreasServedField value={value.areaCodes} onChange={(v) => set('areaCodes', v)} error={listFieldError(error, 'areaCodes', value.areaCodes.length)} />}
        {value.nationwide && f('areaCodes') ? <p className="field-error">{f('areaCodes')}</p> : null}
      </Section>

      <Section level={level} id="svc-locations" title={t('directory.sections.locations')}>
        <LocationChoices locations={locations} value={value.locationIds} onChange={(v) => set('locationIds', v)} error={listFieldError(error, 'locationIds', value.locationIds.length)} />
      </Section>

      <Section level={level} id="svc-docs" title={t('directory.sections.documents')}>
        <div className="choice-columns">
          <ChoiceGroup
            legend={t('directory.fields.requiredDocuments')}
            name="requiredDocuments"
            options={requiredDocumentCodes.map((d) => ({ value: d, label: t(`directory.documents.${d}`) }))}
            value={value.requiredDocuments}
            onChange={(v) => set('requiredDocuments', requiredDocumentCodes.filter((d) => v.includes(d)))}
            error={listFieldError(error, 'requiredDocuments', value.requiredDocuments.length)}
          />
        </div>
        <TextAreaField
          label={t('directory.fields.requiredDocumentsNote')}
          name="requiredDocumentsNote"
          rows={2}
          maxLength={1000}
          value={value.requiredDocumentsNote}
          onChange={(e) => set('requiredDocumentsNote', e.target.value)}
          error={f('requiredDocumentsNote')}
        />
      </Section>

      {withCapacity ? (
        <Section level={level} id="svc-capacity" title={t('directory.sections.capacity')} hint={t('directory.hints.capacity')}>
          <CapacityFields value={value.capacity} onChange={(v) => set('capacity', v)} error={error} prefix="capacity." />
        </Section>
      ) : null}
    </>
  );
}

/** The service status as a catalogue key ("temporarily closed" has a space). */
export const statusKey = (s: ServiceStatus) => (s === 'temporarily closed' ? 'temporarily_closed' : s);

function TermsField({ value, onChange, error }: { value: string[]; onChange: (v: string[]) => void; error?: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <fieldset className="field terms" aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')} aria-invalid={error ? true : undefined}>
      <legend>{t('directory.fields.terms')}</legend>
      <p id={`${id}-hint`} className="hint">
        {t('directory.hints.terms')}
      </p>
      {taxonomyGroups.map((g) => {
        const terms = serviceTerms.filter((x) => x.group === g.code);
        return (
          <ChoiceGroup
            key={g.code}
            legend={g.name[lang]}
            name="termCodes"
            options={terms.map((x) => ({ value: x.code, label: x.name[lang] }))}
            value={value.filter((c) => terms.some((x) => x.code === c))}
            onChange={(v) => onChange([...value.filter((c) => !terms.some((x) => x.code === c)), ...v])}
          />
        );
      })}
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  );
}

function HoursEditor({ value, onChange, error }: { value: ServiceFormState['hours']; onChange: (v: ServiceFormState['hours']) => void; error: unknown }) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLDivElement>(null);
  const update = (i: number, patch: Partial<ServiceFormState['hours'][number]>) => onChange(value.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  function add() {
    onChange([...value, { days: ['1', '2', '3', '4', '5'], opens: '08:00', closes: '16:00' }]);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLInputElement>('fieldset:last-of-type input')?.focus());
  }
  return (
    <div ref={listRef}>
      {value.length === 0 ? <p className="muted">{t('directory.hours.none')}</p> : null}
      {value.map((h, i) => {
        const n = i + 1;
        return (
          <fieldset key={i} className="field repeat">
            <legend>{t('directory.hours.row', { n })}</legend>
            <div className="inline-choices">
              <ChoiceGroup
                legend={t('directory.hours.days')}
                name={`hours-${i}-days`}
                options={weekdays.map((d) => ({ value: String(d), label: t(`directory.weekdays.${d}`) }))}
                value={h.days}
                onChange={(days) => update(i, { days })}
                error={fieldError(error, `hours.${i}.days`, ...weekdays.map((_, k) => `hours.${i}.days.${k}`))}
              />
            </div>
            <div className="dir-pair">
              <TextField label={t('directory.hours.opens')} name={`hours-${i}-opens`} type="time" value={h.opens} onChange={(e) => update(i, { opens: e.target.value })} error={fieldError(error, `hours.${i}.opens`)} />
              <TextField label={t('directory.hours.closes')} name={`hours-${i}-closes`} type="time" value={h.closes} onChange={(e) => update(i, { closes: e.target.value })} error={fieldError(error, `hours.${i}.closes`)} />
            </div>
            <button type="button" className="button secondary" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t('directory.remove')}
              <span className="visually-hidden"> {t('directory.hours.row', { n })}</span>
            </button>
          </fieldset>
        );
      })}
      <div className="actions repeat-add">
        <button type="button" className="button secondary" onClick={add}>
          {t('directory.hours.add')}
        </button>
      </div>
    </div>
  );
}

function PhonesEditor({ value, onChange, error, level }: { level: Level; value: ServiceFormState['phones']; onChange: (v: ServiceFormState['phones']) => void; error: unknown }) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<ServiceFormState['phones'][number]>) => onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <div>
      <Heading level={level === 2 ? 3 : 4}>{t('directory.phones.title')}</Heading>
      {value.length === 0 ? <p className="muted">{t('directory.phones.none')}</p> : null}
      {value.map((p, i) => {
        const n = i + 1;
        return (
          <fieldset key={i} className="field repeat">
            <legend>{t('directory.phones.row', { n })}</legend>
            <div className="dir-pair">
              <TextField
                label={t('directory.phones.number')}
                name={`phones-${i}-number`}
                type="tel"
                inputMode="tel"
                autoComplete="off"
                maxLength={30}
                value={p.number}
                onChange={(e) => update(i, { number: e.target.value })}
                error={fieldError(error, `phones.${i}.number`)}
                hint={t('directory.hints.phone')}
              />
              <SelectField label={t('directory.phones.kind')} name={`phones-${i}-kind`} value={p.kind} onChange={(e) => update(i, { kind: e.target.value as Phone['kind'] })} error={fieldError(error, `phones.${i}.kind`)}>
                {phoneKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`directory.phones.kinds.${k}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            <TextField label={t('directory.phones.description')} name={`phones-${i}-description`} maxLength={200} value={p.description} onChange={(e) => update(i, { description: e.target.value })} error={fieldError(error, `phones.${i}.description`)} />
            <button type="button" className="button secondary" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t('directory.remove')}
              <span className="visually-hidden"> {t('directory.phones.row', { n })}</span>
            </button>
          </fieldset>
        );
      })}
      <div className="actions repeat-add">
        <button type="button" className="button secondary" onClick={() => onChange([...value, { number: '', kind: 'voice', description: '' }])}>
          {t('directory.phones.add')}
        </button>
      </div>
    </div>
  );
}

function ContactsEditor({ value, onChange, error, level }: { level: Level; value: ServiceFormState['contacts']; onChange: (v: ServiceFormState['contacts']) => void; error: unknown }) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<ServiceFormState['contacts'][number]>) => onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <div>
      <Heading level={level === 2 ? 3 : 4}>{t('directory.contacts.title')}</Heading>
      {value.length === 0 ? <p className="muted">{t('directory.contacts.none')}</p> : null}
      {value.map((c, i) => {
        const n = i + 1;
        return (
          <fieldset key={i} className="field repeat">
            <legend>{t('directory.contacts.row', { n })}</legend>
            <div className="dir-pair">
              <TextField label={t('directory.contacts.name')} name={`contacts-${i}-name`} required maxLength={120} value={c.name} onChange={(e) => update(i, { name: e.target.value })} error={fieldError(error, `contacts.${i}.name`)} />
              <TextField label={t('directory.contacts.jobTitle')} name={`contacts-${i}-title`} maxLength={120} value={c.title} onChange={(e) => update(i, { title: e.target.value })} error={fieldError(error, `contacts.${i}.title`)} />
              <TextField label={t('directory.contacts.email')} name={`contacts-${i}-email`} type="email" inputMode="email" maxLength={200} value={c.email} onChange={(e) => update(i, { email: e.target.value })} error={fieldError(error, `contacts.${i}.email`)} />
              <TextField label={t('directory.contacts.phone')} name={`contacts-${i}-phone`} type="tel" inputMode="tel" maxLength={30} value={c.phone} onChange={(e) => update(i, { phone: e.target.value })} error={fieldError(error, `contacts.${i}.phone`)} />
            </div>
            <button type="button" className="button secondary" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t('directory.remove')}
              <span className="visually-hidden"> {t('directory.contacts.row', { n })}</span>
            </button>
          </fieldset>
        );
      })}
      <div className="actions repeat-add">
        <button type="button" className="button secondary" onClick={() => onChange([...value, { name: '', title: '', email: '', phone: '' }])}>
          {t('directory.contacts.add')}
        </button>
      </div>
    </div>
  );
}

/** Areas served: a list with a remove button per entry, and a province → regency → district picker to add one. */
function AreasServedField({ value, onChange, error }: { value: string[]; onChange: (v: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [picked, setPicked] = useState<string | null>(null);
  const [announce, setAnnounce] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const nameOf = useAreaNames(picked ? [...value, picked] : value);
  const already = !!picked && value.includes(picked);

  function add() {
    if (!picked || already) return;
    onChange([...value, picked]);
    setAnnounce(t('directory.areas.added', { name: nameOf(picked) }));
    setPicked(null);
  }
  function remove(i: number) {
    const code = value[i]!;
    onChange(value.filter((c) => c !== code));
    setAnnounce(t('directory.areas.removed', { name: nameOf(code) }));
    requestAnimationFrame(() => {
      const buttons = listRef.current?.querySelectorAll('button');
      (buttons?.length ? buttons[Math.min(i, buttons.length - 1)] : document.getElementById(`${id}-add`))?.focus();
    });
  }

  return (
    <fieldset className="field" aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')} aria-invalid={error ? true : undefined}>
      <legend>{t('directory.fields.areaCodes')}</legend>
      <p id={`${id}-hint`} className="hint">
        {t('directory.hints.areas')}
      </p>
      {value.length ? (
        <ul ref={listRef} className="area-list">
          {value.map((code, i) => (
            <li key={code}>
              <span>
                {nameOf(code)} <span className="muted">({code})</span>
              </span>
              <button type="button" className="button secondary" onClick={() => remove(i)}>
                {t('directory.remove')}
                <span className="visually-hidden"> {nameOf(code)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('directory.areas.none')}</p>
      )}
      <AreaPicker legend={t('directory.areas.add')} value={picked} onChange={setPicked} deepest="district" error={already ? t('directory.areas.already') : undefined} />
      <div className="actions" style={{ marginTop: 0, marginBottom: '0.75rem' }}>
        <button type="button" id={`${id}-add`} className="button secondary" onClick={add} disabled={!picked || already}>
          {t('directory.areas.addSubmit')}
        </button>
      </div>
      <p role="status" className="visually-hidden">
        {announce}
      </p>
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  );
}

function LocationChoices({ locations, value, onChange, error }: { locations: Location[] | undefined; value: string[]; onChange: (v: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  const link = (
    <Link to="/services" search={{ tab: 'locations' }}>
      {t('directory.locations.manage')}
    </Link>
  );
  if (!locations) return null;
  if (!locations.length)
    return (
      <>
        <p>{t('directory.locations.noneYet')}</p>
        <p>{link}</p>
        {error ? <p className="field-error">{error}</p> : null}
      </>
    );
  return (
    <>
      <ChoiceGroup
        legend={t('directory.fields.locations')}
        name="locationIds"
        options={locations.map((l) => ({ value: l.id, label: `${l.name} — ${[l.address, l.areaName, l.regencyName].filter(Boolean).join(', ')}` }))}
        value={value}
        onChange={onChange}
        error={error}
        hint={t('directory.hints.locations')}
      />
      <p>{link}</p>
    </>
  );
}

export function CapacityFields({ value, onChange, error, prefix = '' }: { value: CapacityFormState; onChange: (v: CapacityFormState) => void; error: unknown; prefix?: string }) {
  const { t } = useTranslation();
  const set = (k: keyof CapacityFormState, v: string) => onChange({ ...value, [k]: v });
  const common = { type: 'number', inputMode: 'numeric' as const, min: 0, max: 1_000_000 };
  return (
    <div className="dir-triple">
      <TextField label={t('directory.capacity.total')} name="capacityTotal" {...common} value={value.total} onChange={(e) => set('total', e.target.value)} error={fieldError(error, `${prefix}total`)} />
      <TextField label={t('directory.capacity.free')} name="capacityFree" {...common} value={value.free} onChange={(e) => set('free', e.target.value)} error={fieldError(error, `${prefix}free`)} />
      <TextField
        label={t('directory.capacity.maxOpenReferrals')}
        name="maxOpenReferrals"
        {...common}
        value={value.maxOpenReferrals}
        onChange={(e) => set('maxOpenReferrals', e.target.value)}
        error={fieldError(error, `${prefix}maxOpenReferrals`)}
      />
    </div>
  );
}
