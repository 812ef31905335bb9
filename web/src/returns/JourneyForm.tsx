// Planning a journey, or changing its plan: medical clearance, escort, pocket money, the arrival
// point and reception (inbound) or the receiving organisation abroad (outbound), travel documents
// and legs as repeatable rows. What was typed stays when the server refuses; each refusal shows
// beside its field.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { caseKeys, type CaseOut } from '../cases/api';
import { fieldError } from '../i18n/errors';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { CountrySelect } from '../persons/CountryFields';
import { SelectField, TextAreaField, TextField } from '../ui/Field';
import { ErrorAlert } from '../ui/Messages';
import {
  documentKinds,
  documentStatuses,
  escortKinds,
  isoToLocal,
  journeyKeys,
  legSegments,
  localToIso,
  medicalClearances,
  planJourney,
  travelModes,
  updateJourney,
  type DocumentKind,
  type DocumentStatus,
  type EscortKind,
  type Journey,
  type JourneyPlan,
  type LegSegment,
  type MedicalClearance,
  type TravelMode,
} from './api';
import { PointSelect } from './parts';

interface DocRow {
  key: number;
  kind: DocumentKind;
  status: DocumentStatus;
  number: string;
  issuer: string;
  issuedOn: string;
  expiresOn: string;
}
interface LegRow {
  key: number;
  segment: LegSegment;
  mode: TravelMode;
  fromPlace: string;
  fromCountryCode: string;
  toPlace: string;
  toCountryCode: string;
  departAt: string;
  arriveAt: string;
  carrier: string;
  flightNumber: string;
  bookingCode: string;
}

let nextKey = 1;
const newDoc = (): DocRow => ({ key: nextKey++, kind: 'passport', status: 'needed', number: '', issuer: '', issuedOn: '', expiresOn: '' });
const newLeg = (segment: LegSegment): LegRow => ({
  key: nextKey++,
  segment,
  mode: segment === 'onward' ? 'bus' : 'air',
  fromPlace: '',
  fromCountryCode: '',
  toPlace: '',
  toCountryCode: '',
  departAt: '',
  arriveAt: '',
  carrier: '',
  flightNumber: '',
  bookingCode: '',
});
const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** Rupiah as typed ("500.000", "500 000" or "500000"): a whole number, null when empty, NaN when not a number. */
export function parseRupiah(s: string): number | null {
  const v = s.replace(/[.\s]/g, '').replace(/^Rp/i, '');
  if (!v) return null;
  return /^\d+$/.test(v) ? Number(v) : Number.NaN;
}

export function JourneyForm({ c, journey, onDone, onCancel }: { c: CaseOut; journey?: Journey; onDone: (j: Journey) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inbound = c.direction === 'inbound';
  const j = journey;
  const [medicalClearance, setMedicalClearance] = useState<MedicalClearance>(j?.medicalClearance ?? 'pending');
  const [medicalNote, setMedicalNote] = useState(j?.medicalNote ?? '');
  const [escort, setEscort] = useState<EscortKind>(j?.escort ?? 'none');
  const [escortName, setEscortName] = useState(j?.escortName ?? '');
  const [pocketMoney, setPocketMoney] = useState(j?.pocketMoneyIdr != null ? String(j.pocketMoneyIdr) : '');
  const [arrivalPointCode, setArrivalPointCode] = useState(j?.arrivalPoint?.code ?? '');
  const [expectedArrivalAt, setExpectedArrivalAt] = useState(isoToLocal(j?.expectedArrivalAt));
  const [receptionOrganizationId, setReceptionOrganizationId] = useState<string | null>(j?.receptionOrganization?.id ?? null);
  const [handoverCountryCode, setHandoverCountryCode] = useState(j?.handoverCountryCode ?? '');
  const [handoverOrganizationName, setHandoverOrganizationName] = useState(j?.handoverOrganizationName ?? '');
  const [handoverContact, setHandoverContact] = useState(j?.handoverContact ?? '');
  const [notes, setNotes] = useState(j?.notes ?? '');
  const [docs, setDocs] = useState<DocRow[]>(
    () =>
      j?.documents.map((d) => ({
        key: nextKey++,
        kind: d.kind,
        status: d.status,
        number: d.number ?? '',
        issuer: d.issuer ?? '',
        issuedOn: d.issuedOn ?? '',
        expiresOn: d.expiresOn ?? '',
      })) ?? [],
  );
  const [legs, setLegs] = useState<LegRow[]>(
    () =>
      j?.legs.map((l) => ({
        key: nextKey++,
        segment: l.segment,
        mode: l.mode,
        fromPlace: l.fromPlace,
        fromCountryCode: l.fromCountryCode ?? '',
        toPlace: l.toPlace,
        toCountryCode: l.toCountryCode ?? '',
        departAt: isoToLocal(l.departAt),
        arriveAt: isoToLocal(l.arriveAt),
        carrier: l.carrier ?? '',
        flightNumber: l.flightNumber ?? '',
        bookingCode: l.bookingCode ?? '',
      })) ?? [],
  );
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const save = useMutation({
    mutationFn: (body: JourneyPlan) => (j ? updateJourney(j.id, { ...body, version: j.version }) : planJourney(c.id, body)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
      void queryClient.invalidateQueries({ queryKey: journeyKeys.allDue });
      onDone(saved);
    },
    onError: (e) => {
      // Someone else changed it: reload, so that the next save is based on their version.
      if (isApiError(e, 'version_conflict') || isApiError(e, 'journey_cancelled')) void queryClient.invalidateQueries({ queryKey: journeyKeys.ofCase(c.id) });
    },
  });
  const err = save.error;
  const fe = (name: string) => localErrors[name] ?? fieldError(err, name);

  function body(): JourneyPlan {
    return {
      medicalClearance,
      medicalNote: orNull(medicalNote),
      escort,
      escortName: escort === 'none' ? null : orNull(escortName),
      pocketMoneyIdr: parseRupiah(pocketMoney),
      ...(inbound
        ? { arrivalPointCode: arrivalPointCode || null, expectedArrivalAt: localToIso(expectedArrivalAt), receptionOrganizationId }
        : { handoverCountryCode: handoverCountryCode || null, handoverOrganizationName: orNull(handoverOrganizationName), handoverContact: orNull(handoverContact) }),
      notes: orNull(notes),
      documents: docs.map((d) => ({ kind: d.kind, status: d.status, number: orNull(d.number), issuer: orNull(d.issuer), issuedOn: d.issuedOn || null, expiresOn: d.expiresOn || null })),
      legs: legs.map((l) => ({
        segment: inbound ? l.segment : 'return',
        mode: l.mode,
        fromPlace: l.fromPlace.trim(),
        fromCountryCode: l.fromCountryCode || null,
        toPlace: l.toPlace.trim(),
        toCountryCode: l.toCountryCode || null,
        departAt: localToIso(l.departAt),
        arriveAt: localToIso(l.arriveAt),
        carrier: orNull(l.carrier),
        flightNumber: orNull(l.flightNumber),
        bookingCode: orNull(l.bookingCode),
      })),
    };
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (Number.isNaN(parseRupiah(pocketMoney))) local.pocketMoneyIdr = t('returns.form.rupiahInvalid');
    legs.forEach((l, i) => {
      if (!l.fromPlace.trim()) local[`legs.${i}.fromPlace`] = t('errors.fields.required');
      if (!l.toPlace.trim()) local[`legs.${i}.toPlace`] = t('errors.fields.required');
    });
    setLocalErrors(local);
    if (Object.keys(local).length) return;
    save.mutate(body());
  }

  const setDoc = (key: number, patch: Partial<DocRow>) => setDocs((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const setLeg = (key: number, patch: Partial<LegRow>) => setLegs((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const titleId = j ? `journey-edit-${j.id}` : 'journey-plan-title';

  return (
    <section className="card journey-form" aria-labelledby={titleId}>
      <h3 id={titleId}>{j ? t('returns.form.editTitle') : t('returns.form.planTitle')}</h3>
      <p className="hint">{inbound ? t('returns.form.inboundHint') : t('returns.form.outboundHint')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={err ?? (Object.keys(localErrors).length ? true : undefined)}>{Object.keys(localErrors).length && !err ? t('errors.checkFields') : undefined}</ErrorAlert>

        <fieldset>
          <legend>{t('returns.form.care')}</legend>
          <SelectField
            label={t('returns.fields.medicalClearance')}
            name="medicalClearance"
            value={medicalClearance}
            onChange={(e) => setMedicalClearance(e.target.value as MedicalClearance)}
            error={fe('medicalClearance')}
          >
            {medicalClearances.map((m) => (
              <option key={m} value={m}>
                {t(`returns.medical.${m}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField label={t('returns.fields.medicalNote')} name="medicalNote" rows={2} maxLength={4000} value={medicalNote} onChange={(e) => setMedicalNote(e.target.value)} error={fe('medicalNote')} />
          <SelectField label={t('returns.fields.escort')} name="escort" value={escort} onChange={(e) => setEscort(e.target.value as EscortKind)} error={fe('escort')}>
            {escortKinds.map((k) => (
              <option key={k} value={k}>
                {t(`returns.escort.${k}`)}
              </option>
            ))}
          </SelectField>
          {escort !== 'none' ? (
            <TextField label={t('returns.fields.escortName')} name="escortName" maxLength={200} value={escortName} onChange={(e) => setEscortName(e.target.value)} error={fe('escortName')} />
          ) : null}
          <TextField
            label={t('returns.fields.pocketMoney')}
            hint={t('returns.form.rupiahHint')}
            name="pocketMoneyIdr"
            inputMode="numeric"
            autoComplete="off"
            value={pocketMoney}
            onChange={(e) => setPocketMoney(e.target.value)}
            error={fe('pocketMoneyIdr')}
          />
        </fieldset>

        {inbound ? (
          <fieldset>
            <legend>{t('returns.form.reception')}</legend>
            <PointSelect
              label={t('returns.fields.arrivalPoint')}
              name="arrivalPointCode"
              value={arrivalPointCode}
              onChange={setArrivalPointCode}
              emptyLabel={t('returns.form.notKnownYet')}
              error={fe('arrivalPointCode')}
            />
            <TextField
              label={t('returns.fields.expectedArrival')}
              name="expectedArrivalAt"
              type="datetime-local"
              value={expectedArrivalAt}
              onChange={(e) => setExpectedArrivalAt(e.target.value)}
              error={fe('expectedArrivalAt')}
            />
            <OrganizationSelect
              label={t('returns.fields.receptionOrganization')}
              name="receptionOrganizationId"
              value={receptionOrganizationId}
              currentName={j?.receptionOrganization?.name}
              onChange={setReceptionOrganizationId}
              emptyLabel={t('returns.form.noReception')}
              error={fe('receptionOrganizationId')}
            />
          </fieldset>
        ) : (
          <fieldset>
            <legend>{t('returns.form.handover')}</legend>
            <CountrySelect
              label={t('returns.fields.handoverCountry')}
              name="handoverCountryCode"
              value={handoverCountryCode}
              onChange={setHandoverCountryCode}
              error={fe('handoverCountryCode')}
            />
            <TextField
              label={t('returns.fields.handoverOrganization')}
              name="handoverOrganizationName"
              maxLength={200}
              value={handoverOrganizationName}
              onChange={(e) => setHandoverOrganizationName(e.target.value)}
              error={fe('handoverOrganizationName')}
            />
            <TextField
              label={t('returns.fields.handoverContact')}
              name="handoverContact"
              maxLength={400}
              value={handoverContact}
              onChange={(e) => setHandoverContact(e.target.value)}
              error={fe('handoverContact')}
            />
          </fieldset>
        )}

        <fieldset className="repeat">
          <legend>{t('returns.fields.documents')}</legend>
          {docs.length === 0 ? <p className="muted">{t('returns.form.noDocuments')}</p> : null}
          {docs.map((d, i) => (
            <fieldset key={d.key} className="repeat-row">
              <legend>{t('returns.form.documentN', { n: i + 1 })}</legend>
              <div className="row-grid">
                <SelectField label={t('returns.fields.documentKind')} name={`documents.${i}.kind`} value={d.kind} onChange={(e) => setDoc(d.key, { kind: e.target.value as DocumentKind })} error={fe(`documents.${i}.kind`)}>
                  {documentKinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`returns.documentKind.${k}`)}
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  label={t('returns.fields.documentStatus')}
                  name={`documents.${i}.status`}
                  value={d.status}
                  onChange={(e) => setDoc(d.key, { status: e.target.value as DocumentStatus })}
                  error={fe(`documents.${i}.status`)}
                >
                  {documentStatuses.map((s) => (
                    <option key={s} value={s}>
                      {t(`returns.documentStatus.${s}`)}
                    </option>
                  ))}
                </SelectField>
                <TextField label={t('returns.fields.documentNumber')} name={`documents.${i}.number`} maxLength={60} autoComplete="off" value={d.number} onChange={(e) => setDoc(d.key, { number: e.target.value })} error={fe(`documents.${i}.number`)} />
                <TextField label={t('returns.fields.issuer')} name={`documents.${i}.issuer`} maxLength={200} value={d.issuer} onChange={(e) => setDoc(d.key, { issuer: e.target.value })} error={fe(`documents.${i}.issuer`)} />
                <TextField label={t('returns.fields.issuedOn')} name={`documents.${i}.issuedOn`} type="date" value={d.issuedOn} onChange={(e) => setDoc(d.key, { issuedOn: e.target.value })} error={fe(`documents.${i}.issuedOn`)} />
                <TextField label={t('returns.fields.expiresOn')} name={`documents.${i}.expiresOn`} type="date" value={d.expiresOn} onChange={(e) => setDoc(d.key, { expiresOn: e.target.value })} error={fe(`documents.${i}.expiresOn`)} />
              </div>
              <button type="button" className="link-button" onClick={() => setDocs((rows) => rows.filter((r) => r.key !== d.key))}>
                {t('returns.form.removeDocument', { n: i + 1 })}
              </button>
            </fieldset>
          ))}
          <button type="button" className="button secondary" onClick={() => setDocs((rows) => [...rows, newDoc()])}>
            {t('returns.form.addDocument')}
          </button>
        </fieldset>

        <fieldset className="repeat">
          <legend>{t('returns.fields.legs')}</legend>
          <p className="hint">{inbound ? t('returns.form.legsHintInbound') : t('returns.form.legsHintOutbound')}</p>
          {legs.length === 0 ? <p className="muted">{t('returns.form.noLegs')}</p> : null}
          {legs.map((l, i) => (
            <fieldset key={l.key} className="repeat-row">
              <legend>{t('returns.form.legN', { n: i + 1 })}</legend>
              <div className="row-grid">
                {inbound ? (
                  <SelectField label={t('returns.fields.segment')} name={`legs.${i}.segment`} value={l.segment} onChange={(e) => setLeg(l.key, { segment: e.target.value as LegSegment })} error={fe(`legs.${i}.segment`)}>
                    {legSegments.map((s) => (
                      <option key={s} value={s}>
                        {t(`returns.segment.${s}`)}
                      </option>
                    ))}
                  </SelectField>
                ) : null}
                <SelectField label={t('returns.fields.mode')} name={`legs.${i}.mode`} value={l.mode} onChange={(e) => setLeg(l.key, { mode: e.target.value as TravelMode })} error={fe(`legs.${i}.mode`)}>
                  {travelModes.map((m) => (
                    <option key={m} value={m}>
                      {t(`returns.mode.${m}`)}
                    </option>
                  ))}
                </SelectField>
                <TextField label={t('returns.fields.fromPlace')} name={`legs.${i}.fromPlace`} maxLength={200} required value={l.fromPlace} onChange={(e) => setLeg(l.key, { fromPlace: e.target.value })} error={fe(`legs.${i}.fromPlace`)} />
                <CountrySelect
                  label={t('returns.fields.fromCountry')}
                  name={`legs.${i}.fromCountryCode`}
                  value={l.fromCountryCode}
                  onChange={(v) => setLeg(l.key, { fromCountryCode: v })}
                  error={fe(`legs.${i}.fromCountryCode`)}
                />
                <TextField label={t('returns.fields.toPlace')} name={`legs.${i}.toPlace`} maxLength={200} required value={l.toPlace} onChange={(e) => setLeg(l.key, { toPlace: e.target.value })} error={fe(`legs.${i}.toPlace`)} />
                <CountrySelect label={t('returns.fields.toCountry')} name={`legs.${i}.toCountryCode`} value={l.toCountryCode} onChange={(v) => setLeg(l.key, { toCountryCode: v })} error={fe(`legs.${i}.toCountryCode`)} />
                <TextField label={t('returns.fields.departAt')} name={`legs.${i}.departAt`} type="datetime-local" value={l.departAt} onChange={(e) => setLeg(l.key, { departAt: e.target.value })} error={fe(`legs.${i}.departAt`)} />
                <TextField label={t('returns.fields.arriveAt')} name={`legs.${i}.arriveAt`} type="datetime-local" value={l.arriveAt} onChange={(e) => setLeg(l.key, { arriveAt: e.target.value })} error={fe(`legs.${i}.arriveAt`)} />
                <TextField label={t('returns.fields.carrier')} name={`legs.${i}.carrier`} maxLength={120} value={l.carrier} onChange={(e) => setLeg(l.key, { carrier: e.target.value })} error={fe(`legs.${i}.carrier`)} />
                <TextField label={t('returns.fields.flightNumber')} name={`legs.${i}.flightNumber`} maxLength={40} autoComplete="off" value={l.flightNumber} onChange={(e) => setLeg(l.key, { flightNumber: e.target.value })} error={fe(`legs.${i}.flightNumber`)} />
                <TextField label={t('returns.fields.bookingCode')} name={`legs.${i}.bookingCode`} maxLength={40} autoComplete="off" value={l.bookingCode} onChange={(e) => setLeg(l.key, { bookingCode: e.target.value })} error={fe(`legs.${i}.bookingCode`)} />
              </div>
              <button type="button" className="link-button" onClick={() => setLegs((rows) => rows.filter((r) => r.key !== l.key))}>
                {t('returns.form.removeLeg', { n: i + 1 })}
              </button>
            </fieldset>
          ))}
          <div className="actions">
            <button type="button" className="button secondary" onClick={() => setLegs((rows) => [...rows, newLeg('return')])}>
              {inbound ? t('returns.form.addReturnLeg') : t('returns.form.addLeg')}
            </button>
            {inbound ? (
              <button type="button" className="button secondary" onClick={() => setLegs((rows) => [...rows, newLeg('onward')])}>
                {t('returns.form.addOnwardLeg')}
              </button>
            ) : null}
          </div>
        </fieldset>

        <TextAreaField label={t('returns.fields.notes')} name="notes" rows={3} maxLength={4000} value={notes} onChange={(e) => setNotes(e.target.value)} error={fe('notes')} />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {j ? t('returns.form.saveChanges') : t('returns.form.savePlan')}
          </button>
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
