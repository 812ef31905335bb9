// The case tab "Hukum": the legal track — the police report, the investigating agency, the stage,
// restitution and witness and victim protection (LPSK) — with a warning when nothing has moved for
// 60 days, the steps as a timeline, and the forms to record the track, change it and add a step.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { caseKeys, type CaseOut } from '../cases/api';
import { formatDate, formatDateTime } from '../i18n';
import { fieldError } from '../i18n/errors';
import { SelectField, TextAreaField, TextField } from '../ui/Field';
import { ErrorAlert, Loading, StatusMessage } from '../ui/Messages';
import {
  addStep,
  canAwardRestitution,
  createTrack,
  investigatingAgencies,
  legalQuery,
  legalStages,
  protectionStatuses,
  STALLED_AFTER_DAYS,
  updateTrack,
  type InvestigatingAgency,
  type LegalDetails,
  type LegalStage,
  type LegalTrack,
  type ProtectionStatus,
} from './api';
import { parseRupiah, rupiah } from './format';
import './legal.css';

const todayInJakarta = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

export function LegalTab({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(legalQuery(c.id));
  const mayEdit = c.can.update && c.stage !== 'closed';
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="legal">
      <StatusMessage tone="success">{message}</StatusMessage>
      {isPending ? <Loading /> : null}
      <ErrorAlert error={error} />
      {data === null ? (
        <>
          <p>{t('legal.none')}</p>
          {mayEdit ? <TrackForm c={c} track={null} onDone={() => setMessage(t('legal.form.created'))} /> : null}
        </>
      ) : null}
      {data ? (
        <>
          <StalledWarning track={data} />
          <TrackSummary track={data} />
          {mayEdit && !editing ? (
            <p>
              <button type="button" className="button secondary" onClick={() => setEditing(true)}>
                {t('legal.form.edit')}
              </button>
            </p>
          ) : null}
          {mayEdit && editing ? (
            <TrackForm
              c={c}
              track={data}
              onDone={() => {
                setEditing(false);
                setMessage(t('legal.form.saved'));
              }}
              onCancel={() => setEditing(false)}
            />
          ) : null}
          <Timeline track={data} />
          {mayEdit ? <StepForm c={c} track={data} onDone={setMessage} /> : null}
        </>
      ) : null}
    </div>
  );
}

export function StalledWarning({ track }: { track: LegalTrack }) {
  const { t } = useTranslation();
  if (!track.stalled) return null;
  return (
    <div className="alert alert-warning legal-stalled">
      <p>
        <strong>
          <span aria-hidden="true">⚠ </span>
          {t('legal.stalled.title', { count: track.daysSinceUpdate })}
        </strong>
      </p>
      <p>{t('legal.stalled.text', { days: STALLED_AFTER_DAYS })}</p>
    </div>
  );
}

function TrackSummary({ track }: { track: LegalTrack }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="legal-summary-title">
      <h3 id="legal-summary-title">
        {t('legal.summary')} <span className={`badge legal-stage legal-stage-${track.stage}`}>{t(`legal.stage.${track.stage}`)}</span>
      </h3>
      <dl className="summary compact legal-summary">
        <dt>{t('legal.fields.policeReportNumber')}</dt>
        <dd>{track.policeReportNumber ?? '—'}</dd>
        <dt>{t('legal.fields.policeReportedOn')}</dt>
        <dd>{track.policeReportedOn ? formatDate(track.policeReportedOn) : '—'}</dd>
        <dt>{t('legal.fields.investigatingAgency')}</dt>
        <dd>
          {track.investigatingAgency ? t(`legal.agency.${track.investigatingAgency}`) : '—'}
          {track.investigatingUnit ? ` · ${track.investigatingUnit}` : ''}
        </dd>
        <dt>{t('legal.fields.restitutionClaimedIdr')}</dt>
        <dd>{track.restitutionClaimedIdr === null ? '—' : rupiah(track.restitutionClaimedIdr)}</dd>
        <dt>{t('legal.fields.restitutionAwardedIdr')}</dt>
        <dd>{track.restitutionAwardedIdr === null ? '—' : rupiah(track.restitutionAwardedIdr)}</dd>
        <dt>{t('legal.fields.protectionStatus')}</dt>
        <dd>
          {t(`legal.protection.${track.protectionStatus}`)}
          {track.protectionNote ? <span className="pre"> · {track.protectionNote}</span> : null}
        </dd>
        <dt>{t('legal.fields.lastUpdateAt')}</dt>
        <dd>{t('legal.lastUpdate', { date: formatDateTime(track.lastUpdateAt), count: track.daysSinceUpdate })}</dd>
      </dl>
    </section>
  );
}

function Timeline({ track }: { track: LegalTrack }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="legal-timeline-title">
      <h3 id="legal-timeline-title">{t('legal.timeline.title')}</h3>
      <ol className="legal-timeline">
        {track.events.map((e) => (
          <li key={e.id} className={`legal-event legal-event-${e.kind}`}>
            <p>
              <time dateTime={e.happenedOn}>{formatDate(e.happenedOn)}</time>
              {' · '}
              <strong>
                {e.kind === 'stage'
                  ? e.fromStage
                    ? t('legal.timeline.moved', { from: t(`legal.stage.${e.fromStage}`), to: t(`legal.stage.${e.toStage!}`) })
                    : t('legal.timeline.started', { stage: t(`legal.stage.${e.toStage!}`) })
                  : t('legal.timeline.update')}
              </strong>
            </p>
            {e.note ? <p className="pre">{e.note}</p> : null}
            <p className="muted small">{t('legal.timeline.by', { name: e.by?.displayName ?? '—', at: formatDateTime(e.at) })}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

interface FormState {
  stage: LegalStage;
  policeReportNumber: string;
  policeReportedOn: string;
  investigatingAgency: InvestigatingAgency | '';
  investigatingUnit: string;
  restitutionClaimed: string;
  restitutionAwarded: string;
  protectionStatus: ProtectionStatus;
  protectionNote: string;
}

const toForm = (tr: LegalTrack | null): FormState => ({
  stage: tr?.stage ?? 'reported',
  policeReportNumber: tr?.policeReportNumber ?? '',
  policeReportedOn: tr?.policeReportedOn ?? '',
  investigatingAgency: tr?.investigatingAgency ?? '',
  investigatingUnit: tr?.investigatingUnit ?? '',
  restitutionClaimed: tr?.restitutionClaimedIdr?.toString() ?? '',
  restitutionAwarded: tr?.restitutionAwardedIdr?.toString() ?? '',
  protectionStatus: tr?.protectionStatus ?? 'none',
  protectionNote: tr?.protectionNote ?? '',
});

function TrackForm({ c, track, onDone, onCancel }: { c: CaseOut; track: LegalTrack | null; onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [f, setF] = useState<FormState>(() => toForm(track));
  const [base, setBase] = useState(track);
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setF((x) => ({ ...x, [k]: v }));
  const save = useMutation({
    mutationFn: (body: LegalDetails) => (base ? updateTrack(c.id, { ...body, version: base.version }) : createTrack(c.id, { ...body, stage: f.stage })),
    onSuccess: (out) => {
      queryClient.setQueryData(legalQuery(c.id).queryKey, out);
      void queryClient.invalidateQueries({ queryKey: caseKeys.history(c.id) });
      onDone();
    },
    onError: (err) => {
      // Someone saved first: keep what was typed, base the next save on what is stored.
      if (isApiError(err, 'version_conflict') && err.current) setBase(err.current as LegalTrack);
      if (isApiError(err, 'legal_track_exists')) void queryClient.invalidateQueries({ queryKey: legalQuery(c.id).queryKey });
    },
  });
  const stage = base?.stage ?? f.stage;
  const awardAllowed = canAwardRestitution(stage);
  function submit(e: FormEvent) {
    e.preventDefault();
    const claimed = parseRupiah(f.restitutionClaimed);
    const awarded = awardAllowed ? parseRupiah(f.restitutionAwarded) : null;
    const errs: Record<string, string> = {};
    if (Number.isNaN(claimed)) errs.restitutionClaimedIdr = t('legal.form.notAmount');
    if (Number.isNaN(awarded)) errs.restitutionAwardedIdr = t('legal.form.notAmount');
    setLocal(errs);
    if (Object.keys(errs).length) return;
    save.mutate({
      policeReportNumber: f.policeReportNumber.trim() || null,
      policeReportedOn: f.policeReportedOn || null,
      investigatingAgency: f.investigatingAgency || null,
      investigatingUnit: f.investigatingUnit.trim() || null,
      restitutionClaimedIdr: claimed,
      restitutionAwardedIdr: awarded,
      protectionStatus: f.protectionStatus,
      protectionNote: f.protectionNote.trim() || null,
    });
  }
  const err = save.error;
  const fe = (name: string) => local[name] ?? fieldError(err, name);
  return (
    <section className="card" aria-labelledby="legal-form-title">
      <h3 id="legal-form-title">{track ? t('legal.form.editTitle') : t('legal.form.createTitle')}</h3>
      <form className="form" onSubmit={submit} noValidate>
        {isApiError(err, 'version_conflict') ? (
          <div role="alert" className="alert alert-warning">
            {t('legal.form.conflict')}
          </div>
        ) : (
          <ErrorAlert error={err} />
        )}
        {!track ? (
          <SelectField label={t('legal.fields.stage')} name="stage" value={f.stage} onChange={(e) => set('stage', e.target.value as LegalStage)} hint={t('legal.form.stageHint')} error={fe('stage')}>
            {legalStages.map((s) => (
              <option key={s} value={s}>
                {t(`legal.stage.${s}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="two-up">
          <TextField label={t('legal.fields.policeReportNumber')} name="policeReportNumber" maxLength={100} value={f.policeReportNumber} onChange={(e) => set('policeReportNumber', e.target.value)} error={fe('policeReportNumber')} />
          <TextField
            label={t('legal.fields.policeReportedOn')}
            name="policeReportedOn"
            type="date"
            max={todayInJakarta()}
            value={f.policeReportedOn}
            onChange={(e) => set('policeReportedOn', e.target.value)}
            error={fe('policeReportedOn')}
          />
          <SelectField
            label={t('legal.fields.investigatingAgency')}
            name="investigatingAgency"
            value={f.investigatingAgency}
            onChange={(e) => set('investigatingAgency', e.target.value as InvestigatingAgency | '')}
            error={fe('investigatingAgency')}
          >
            <option value="">{t('common.choose')}</option>
            {investigatingAgencies.map((a) => (
              <option key={a} value={a}>
                {t(`legal.agency.${a}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('legal.fields.investigatingUnit')}
            name="investigatingUnit"
            maxLength={200}
            value={f.investigatingUnit}
            onChange={(e) => set('investigatingUnit', e.target.value)}
            hint={t('legal.form.unitHint')}
            error={fe('investigatingUnit')}
          />
          <TextField
            label={t('legal.fields.restitutionClaimedIdr')}
            name="restitutionClaimed"
            inputMode="numeric"
            value={f.restitutionClaimed}
            onChange={(e) => set('restitutionClaimed', e.target.value)}
            hint={t('legal.form.amountHint')}
            error={fe('restitutionClaimedIdr')}
          />
          <TextField
            label={t('legal.fields.restitutionAwardedIdr')}
            name="restitutionAwarded"
            inputMode="numeric"
            value={awardAllowed ? f.restitutionAwarded : ''}
            disabled={!awardAllowed}
            onChange={(e) => set('restitutionAwarded', e.target.value)}
            hint={awardAllowed ? t('legal.form.amountHint') : t('legal.form.awardAfterVerdict')}
            error={fe('restitutionAwardedIdr')}
          />
        </div>
        <SelectField
          label={t('legal.fields.protectionStatus')}
          name="protectionStatus"
          value={f.protectionStatus}
          onChange={(e) => set('protectionStatus', e.target.value as ProtectionStatus)}
          error={fe('protectionStatus')}
        >
          {protectionStatuses.map((p) => (
            <option key={p} value={p}>
              {t(`legal.protection.${p}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t('legal.fields.protectionNote')}
          name="protectionNote"
          rows={2}
          maxLength={2000}
          value={f.protectionNote}
          onChange={(e) => set('protectionNote', e.target.value)}
          error={fe('protectionNote')}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {track ? t('common.save') : t('legal.form.create')}
          </button>
          {onCancel ? (
            <button type="button" className="button secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

function StepForm({ c, track, onDone }: { c: CaseOut; track: LegalTrack; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'stage' | 'update'>('stage');
  const [toStage, setToStage] = useState<LegalStage | ''>(track.allowedStages[0] ?? '');
  const [happenedOn, setHappenedOn] = useState(todayInJakarta());
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const save = useMutation({
    mutationFn: () => addStep(c.id, { kind, toStage: kind === 'stage' ? (toStage as LegalStage) : null, happenedOn, note: note.trim() || null }),
    onSuccess: (out) => {
      queryClient.setQueryData(legalQuery(c.id).queryKey, out);
      void queryClient.invalidateQueries({ queryKey: caseKeys.history(c.id) });
      void queryClient.invalidateQueries({ queryKey: ['legal', 'stalled'] });
      setNote('');
      setToStage(out.allowedStages[0] ?? '');
      onDone(kind === 'stage' ? t('legal.step.moved', { stage: t(`legal.stage.${out.stage}`) }) : t('legal.step.updated'));
    },
    onError: (err) => {
      if (isApiError(err, 'transition_not_allowed')) void queryClient.invalidateQueries({ queryKey: legalQuery(c.id).queryKey });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const m = { toStage: kind === 'stage' && !toStage, note: kind === 'update' && !note.trim(), happenedOn: !happenedOn };
    setMissing(m);
    if (Object.values(m).some(Boolean)) return;
    save.mutate();
  }
  const err = save.error;
  return (
    <section className="card" aria-labelledby="legal-step-title">
      <h3 id="legal-step-title">{t('legal.step.title')}</h3>
      <form className="form" onSubmit={submit} noValidate>
        {isApiError(err, 'transition_not_allowed') ? (
          <div role="alert" className="alert alert-error">
            {t('legal.step.notAllowed')}
          </div>
        ) : (
          <ErrorAlert error={err} />
        )}
        <SelectField label={t('legal.step.kind')} name="kind" value={kind} onChange={(e) => setKind(e.target.value as 'stage' | 'update')}>
          <option value="stage">{t('legal.step.kinds.stage')}</option>
          <option value="update">{t('legal.step.kinds.update')}</option>
        </SelectField>
        {kind === 'stage' ? (
          <SelectField
            label={t('legal.step.toStage')}
            name="toStage"
            value={toStage}
            onChange={(e) => setToStage(e.target.value as LegalStage)}
            hint={t('legal.step.toStageHint', { stage: t(`legal.stage.${track.stage}`) })}
            error={missing.toStage ? t('errors.fields.required') : fieldError(err, 'toStage')}
          >
            {track.allowedStages.map((s) => (
              <option key={s} value={s}>
                {t(`legal.stage.${s}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          label={t('legal.step.happenedOn')}
          name="happenedOn"
          type="date"
          max={todayInJakarta()}
          required
          value={happenedOn}
          onChange={(e) => setHappenedOn(e.target.value)}
          error={missing.happenedOn ? t('errors.fields.required') : fieldError(err, 'happenedOn')}
        />
        <TextAreaField
          label={kind === 'update' ? t('legal.step.noteRequired') : t('legal.step.note')}
          name="note"
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          hint={t('legal.step.noteHint')}
          error={missing.note ? t('errors.fields.required') : fieldError(err, 'note')}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {t('legal.step.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
