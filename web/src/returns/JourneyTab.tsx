// The case tab "Perjalanan": the return journey — its progress, the next steps the server allows
// (with the arrival reception or the hand-over abroad), the plan (documents, medical clearance,
// escort, pocket money, legs to the point of entry and onward home) and the milestones as they
// happened. Planning a new journey is offered while none is under way; cancelled ones fold away.
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName, type CaseOut } from '../cases/api';
import { currentLanguage, formatDate, formatDateTime, formatNumber } from '../i18n';
import { useCountries } from '../persons/CountryFields';
import { ErrorAlert, Loading, StatusMessage } from '../ui/Messages';
import { caseJourneysQuery, milestoneOrder, type Journey } from './api';
import { JourneyForm } from './JourneyForm';
import { MilestonePanel } from './MilestonePanel';
import { LegText, pointLabel, StatusBadge } from './parts';

const underWay = (j: Journey) => !['cancelled', 'reached_home', 'handed_over'].includes(j.status);

export function JourneyTab({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const { data, isPending, error } = useQuery(caseJourneysQuery(c.id));
  const [planning, setPlanning] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const journeys = data ?? [];
  const current = journeys.filter((j) => j.status !== 'cancelled');
  const cancelled = journeys.filter((j) => j.status === 'cancelled');
  const mayPlan = c.can.update && c.stage !== 'closed' && !journeys.some(underWay);
  const focusOpener = () => setTimeout(() => opener.current?.focus(), 0);
  return (
    <>
      <StatusMessage tone="success">{message}</StatusMessage>
      <p className="muted">{c.direction === 'inbound' ? t('returns.intro.inbound') : t('returns.intro.outbound')}</p>
      {isPending ? <Loading /> : null}
      <ErrorAlert error={error} />
      {data && journeys.length === 0 && !planning ? <p>{t('returns.none')}</p> : null}
      {mayPlan && !planning ? (
        <p>
          <button
            type="button"
            className="button"
            ref={opener}
            onClick={() => {
              setMessage(null);
              setPlanning(true);
            }}
          >
            {journeys.length ? t('returns.planAnother') : t('returns.plan')}
          </button>
        </p>
      ) : null}
      {planning ? (
        <JourneyForm
          c={c}
          onDone={() => {
            setPlanning(false);
            setMessage(t('returns.planned'));
          }}
          onCancel={() => {
            setPlanning(false);
            focusOpener();
          }}
        />
      ) : null}
      {current.map((j) => (
        <JourneyView key={j.id} c={c} j={j} onMessage={setMessage} />
      ))}
      {cancelled.length ? (
        <details className="journey-cancelled">
          <summary>{t('returns.cancelledJourneys', { count: cancelled.length })}</summary>
          {cancelled.map((j) => (
            <JourneyView key={j.id} c={c} j={j} onMessage={setMessage} />
          ))}
        </details>
      ) : null}
    </>
  );
}

function JourneyView({ c, j, onMessage }: { c: CaseOut; j: Journey; onMessage: (m: string) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const mayEdit = c.can.update && c.stage !== 'closed' && j.status !== 'cancelled';
  const titleId = `journey-${j.id}`;
  return (
    <article className="journey card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {t(`returns.direction.${j.direction}`)} <StatusBadge status={j.status} />
      </h3>
      <Progress j={j} />
      {!editing ? <MilestonePanel c={c} j={j} onDone={onMessage} /> : null}
      {editing ? (
        <JourneyForm
          c={c}
          journey={j}
          onDone={() => {
            setEditing(false);
            onMessage(t('returns.saved'));
          }}
          onCancel={() => {
            setEditing(false);
            setTimeout(() => editButton.current?.focus(), 0);
          }}
        />
      ) : (
        <>
          <Summary j={j} />
          {mayEdit ? (
            <p>
              <button type="button" className="button secondary" ref={editButton} onClick={() => setEditing(true)}>
                {t('returns.edit')}
              </button>
            </p>
          ) : null}
        </>
      )}
      <Timeline j={j} />
    </article>
  );
}

/** The milestones of the direction, each marked done, current or still to come, in words. */
function Progress({ j }: { j: Journey }) {
  const { t } = useTranslation();
  if (j.status === 'cancelled') return null;
  const order = milestoneOrder[j.direction];
  const at = order.indexOf(j.status);
  return (
    <ol className="journey-progress" aria-label={t('returns.progress')}>
      {order.map((s, i) => {
        const state = i < at ? 'done' : i === at ? 'current' : 'todo';
        return (
          <li key={s} className={`step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span aria-hidden="true">{state === 'todo' ? '○' : '●'} </span>
            {t(`returns.status.${s}`)}
            <span className="visually-hidden"> ({t(`returns.stepState.${state}`)})</span>
          </li>
        );
      })}
    </ol>
  );
}

function Summary({ j }: { j: Journey }) {
  const { t } = useTranslation();
  const countries = useCountries();
  const lang = currentLanguage();
  const returnLegs = j.legs.filter((l) => l.segment === 'return');
  const onwardLegs = j.legs.filter((l) => l.segment === 'onward');
  return (
    <>
      <dl className="summary compact">
        <dt>{t('returns.fields.medicalClearance')}</dt>
        <dd>
          {t(`returns.medical.${j.medicalClearance}`)}
          {j.medicalNote ? <span className="pre block">{j.medicalNote}</span> : null}
        </dd>
        <dt>{t('returns.fields.escort')}</dt>
        <dd>
          {t(`returns.escort.${j.escort}`)}
          {j.escortName ? ` — ${j.escortName}` : null}
        </dd>
        <dt>{t('returns.fields.pocketMoney')}</dt>
        <dd>{j.pocketMoneyIdr != null ? `Rp ${formatNumber(j.pocketMoneyIdr)}` : '—'}</dd>
        {j.direction === 'inbound' ? (
          <>
            <dt>{t('returns.fields.arrivalPoint')}</dt>
            <dd>{j.arrivalPoint ? `${pointLabel(j.arrivalPoint)} · ${t(`returns.entryKind.${j.arrivalPoint.kind}`)}` : '—'}</dd>
            <dt>{t('returns.fields.expectedArrival')}</dt>
            <dd>{j.expectedArrivalAt ? formatDateTime(j.expectedArrivalAt) : '—'}</dd>
            <dt>{t('returns.fields.receptionOrganization')}</dt>
            <dd>{j.receptionOrganization?.name ?? '—'}</dd>
            {j.arrivedAt ? (
              <>
                <dt>{t('returns.fields.arrivedAt')}</dt>
                <dd>{formatDateTime(j.arrivedAt)}</dd>
                <dt>{t('returns.fields.receivedBy')}</dt>
                <dd>{j.receivedBy ?? '—'}</dd>
              </>
            ) : null}
            {j.reachedHomeAt ? (
              <>
                <dt>{t('returns.fields.reachedHomeAt')}</dt>
                <dd>{formatDateTime(j.reachedHomeAt)}</dd>
              </>
            ) : null}
          </>
        ) : (
          <>
            <dt>{t('returns.fields.handoverCountry')}</dt>
            <dd>{j.handoverCountryCode ? countryName(countries, j.handoverCountryCode, lang) : '—'}</dd>
            <dt>{t('returns.fields.handoverOrganization')}</dt>
            <dd>{j.handoverOrganizationName ?? '—'}</dd>
            {j.handoverContact ? (
              <>
                <dt>{t('returns.fields.handoverContact')}</dt>
                <dd>{j.handoverContact}</dd>
              </>
            ) : null}
            {j.handedOverAt ? (
              <>
                <dt>{t('returns.fields.handedOverAt')}</dt>
                <dd>{formatDateTime(j.handedOverAt)}</dd>
                <dt>{t('returns.fields.handoverItems')}</dt>
                <dd>{j.handoverItems.map((i) => t(`returns.handoverItem.${i}`)).join(', ') || '—'}</dd>
                {j.handoverNote ? (
                  <>
                    <dt>{t('returns.fields.handoverNote')}</dt>
                    <dd className="pre">{j.handoverNote}</dd>
                  </>
                ) : null}
              </>
            ) : null}
          </>
        )}
        {j.notes ? (
          <>
            <dt>{t('returns.fields.notes')}</dt>
            <dd className="pre">{j.notes}</dd>
          </>
        ) : null}
      </dl>

      <h4>{t('returns.fields.documents')}</h4>
      {j.documents.length ? (
        <ul className="journey-list">
          {j.documents.map((d) => (
            <li key={d.id}>
              <strong>{t(`returns.documentKind.${d.kind}`)}</strong>{' '}
              <span className={`badge doc-status doc-status-${d.status}`}>{t(`returns.documentStatus.${d.status}`)}</span>
              {d.number ? <span className="leg-detail">{t('returns.document.number', { number: d.number })}</span> : null}
              {d.issuer ? <span className="leg-detail">{t('returns.document.issuer', { issuer: d.issuer })}</span> : null}
              {d.issuedOn || d.expiresOn ? (
                <span className="leg-detail">
                  {[d.issuedOn ? t('returns.document.issued', { date: formatDate(d.issuedOn) }) : null, d.expiresOn ? t('returns.document.expires', { date: formatDate(d.expiresOn) }) : null]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('returns.noDocuments')}</p>
      )}

      <h4>{t('returns.segment.return')}</h4>
      {returnLegs.length ? (
        <ol className="journey-list">
          {returnLegs.map((l) => (
            <li key={l.id}>
              <LegText leg={l} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('returns.noLegs')}</p>
      )}
      {j.direction === 'inbound' ? (
        <>
          <h4>{t('returns.segment.onward')}</h4>
          {onwardLegs.length ? (
            <ol className="journey-list">
              {onwardLegs.map((l) => (
                <li key={l.id}>
                  <LegText leg={l} />
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">{t('returns.noOnward')}</p>
          )}
        </>
      ) : null}
    </>
  );
}

/** The milestones as they happened, oldest first, with who recorded them and the note. */
function Timeline({ j }: { j: Journey }) {
  const { t } = useTranslation();
  return (
    <>
      <h4>{t('returns.timeline')}</h4>
      <ol className="history journey-timeline">
        {j.events.map((e) => (
          <li key={e.id} className="history-item">
            <p>
              <strong>{t(`returns.status.${e.milestone}`)}</strong>: {formatDateTime(e.happenedAt)}
            </p>
            {e.note ? <p className="pre">{e.note}</p> : null}
            <p className="muted small">{t('returns.recordedBy', { who: e.by?.displayName ?? '—', when: formatDateTime(e.at) })}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
