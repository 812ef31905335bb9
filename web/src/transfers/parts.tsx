// Pieces the transfer views share: the status badge (a word and a symbol, never colour alone), the
// summary a receiving supervisor decides on, and the sending organisation's read-only view.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { determinations, exploitationTypes, labelOf, needSeverities, needTypes } from '../cases/case-page/vocab';
import { formatDate, formatDateTime, textOr } from '../i18n';
import type { TransferBox, TransferListItem, TransferRecord, TransferStatus, TransferSummary } from './api';

const symbol: Record<TransferStatus, string> = { proposed: '➜', accepted: '✓', declined: '✕', withdrawn: '⊘' };

export function TransferStatusBadge({ status }: { status: TransferStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${status === 'proposed' ? 'pending' : status === 'accepted' ? 'ok' : 'off'}`}>
      <span className="visually-hidden">{t('transfers.labels.status')}: </span>
      <span aria-hidden="true">{symbol[status]} </span>
      {t(`transfers.status.${status}`)}
    </span>
  );
}

export const needLabel = (type: string) => labelOf(needTypes, type);

/** What the receiving supervisors see before deciding. */
export function SummaryView({ s }: { s: TransferSummary }) {
  const { t } = useTranslation();
  const area = [s.homeRegency?.name, s.homeProvince?.name].filter(Boolean).join(', ');
  return (
    <dl className="summary compact">
      <dt>{t('transfers.summary.caseType')}</dt>
      <dd>{textOr(`caseTerms.caseType.${s.caseType}`, s.caseType)}</dd>
      <dt>{t('transfers.summary.direction')}</dt>
      <dd>{textOr(`caseTerms.direction.${s.direction}`, s.direction)}</dd>
      <dt>{t('transfers.summary.stage')}</dt>
      <dd>{textOr(`caseTerms.stage.${s.stage}`, s.stage)}</dd>
      <dt>{t('transfers.summary.firstName')}</dt>
      <dd>{s.firstName ?? '—'}</dd>
      <dt>{t('transfers.summary.sex')}</dt>
      <dd>{textOr(`persons.sex.${s.sex}`, s.sex)}</dd>
      <dt>{t('transfers.summary.ageBand')}</dt>
      <dd>{s.ageBand ? t('transfers.summary.ageBandValue', { band: s.ageBand }) : '—'}</dd>
      <dt>{t('transfers.summary.homeArea')}</dt>
      <dd>{area || '—'}</dd>
      <dt>{t('transfers.summary.openNeeds')}</dt>
      <dd>{s.openNeeds.map(needLabel).join(', ') || '—'}</dd>
    </dl>
  );
}

/** The sending organisation's read-only view of what it recorded up to the transfer. */
export function RecordView({ r }: { r: TransferRecord }) {
  const { t } = useTranslation();
  const home = r.person.homeArea;
  const birth = r.person.birthDate ? (/^\d{4}$/.test(r.person.birthDate) ? t('transfers.record.birthYear', { year: r.person.birthDate }) : formatDate(r.person.birthDate)) : '—';
  return (
    <div className="record-view">
      <p className="alert alert-info">{t('transfers.record.intro', { from: r.from.name, to: r.to.name, date: formatDateTime(r.transferredAt) })}</p>
      <dl className="summary compact">
        <dt>{t('transfers.labels.reference')}</dt>
        <dd>{r.caseReference}</dd>
        <dt>{t('transfers.summary.caseType')}</dt>
        <dd>{textOr(`caseTerms.caseType.${r.caseType}`, r.caseType)}</dd>
        <dt>{t('transfers.summary.direction')}</dt>
        <dd>{textOr(`caseTerms.direction.${r.direction}`, r.direction)}</dd>
        <dt>{t('transfers.record.stageAtTransfer')}</dt>
        <dd>{textOr(`caseTerms.stage.${r.stageAtTransfer}`, r.stageAtTransfer)}</dd>
        <dt>{t('transfers.record.name')}</dt>
        <dd>{r.person.fullName}</dd>
        <dt>{t('transfers.summary.sex')}</dt>
        <dd>{textOr(`persons.sex.${r.person.sex}`, r.person.sex)}</dd>
        <dt>{t('transfers.record.birth')}</dt>
        <dd>{birth}</dd>
        <dt>{t('transfers.summary.homeArea')}</dt>
        <dd>{home ? [home.village, home.district, home.regency, home.province].filter(Boolean).join(', ') || home.code : '—'}</dd>
      </dl>

      <section aria-labelledby="record-needs">
        <h3 id="record-needs">{t('transfers.record.needs')}</h3>
        {r.needs.length ? (
          <ul className="record-list">
            {r.needs.map((n) => (
              <li key={n.id}>
                <strong>{needLabel(n.type)}</strong> — {labelOf(needSeverities, n.severity)}
                {n.status ? ` · ${textOr(`transfers.record.needStatus.${n.status}`, n.status)}` : ''}
                {n.description ? <p className="pre small">{n.description}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('transfers.record.none')}</p>
        )}
      </section>

      <section aria-labelledby="record-screening">
        <h3 id="record-screening">{t('transfers.record.screening')}</h3>
        {r.screening ? (
          <p>
            {r.screening.exploitationTypes.map((x) => labelOf(exploitationTypes, x)).join(', ') || '—'}
            {r.screening.determination ? ` — ${labelOf(determinations, r.screening.determination)}` : ''}
          </p>
        ) : (
          <p>{t('transfers.record.noScreening')}</p>
        )}
      </section>

      <section aria-labelledby="record-notes">
        <h3 id="record-notes">{t('transfers.record.notes')}</h3>
        {r.notes.length ? (
          <ul className="record-list">
            {r.notes.map((n) => (
              <li key={n.id}>
                <p className="small muted">
                  {textOr(`cases.notes.types.${n.type}`, n.type)} · {n.author?.displayName ?? '—'} · {formatDateTime(n.contactAt ?? n.createdAt)}
                  {n.sensitive ? ` · ${t('transfers.record.sensitive')}` : ''}
                </p>
                <p className="pre">{n.body}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('transfers.record.none')}</p>
        )}
      </section>

      <section aria-labelledby="record-tasks">
        <h3 id="record-tasks">{t('transfers.record.tasks')}</h3>
        {r.tasks.length ? (
          <ul className="record-list">
            {r.tasks.map((k) => (
              <li key={k.id}>
                {k.title} — {textOr(`transfers.record.taskStatus.${k.status}`, k.status)}
                {k.dueOn ? <span className="muted small"> · {t('transfers.record.due', { date: formatDate(k.dueOn) })}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('transfers.record.none')}</p>
        )}
      </section>

      <section aria-labelledby="record-consents">
        <h3 id="record-consents">{t('transfers.record.consents')}</h3>
        {r.consents.length ? (
          <ul className="record-list">
            {r.consents.map((k) => (
              <li key={k.id}>
                {textOr(`cases.consent.purposes.${k.purpose}`, k.purpose)} — {textOr(`transfers.record.decision.${k.decision}`, k.decision)},{' '}
                {formatDateTime(k.givenAt)}
                {k.recipientOrganization ? ` · ${k.recipientOrganization.name}` : k.recipientOrganizationType ? ` · ${textOr(`organizations.types.${k.recipientOrganizationType}`, k.recipientOrganizationType)}` : ''}
                {k.withdrawnAt ? ` · ${t('transfers.record.withdrawnOn', { date: formatDateTime(k.withdrawnAt) })}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('transfers.record.none')}</p>
        )}
      </section>

      <section aria-labelledby="record-referrals">
        <h3 id="record-referrals">{t('transfers.record.referrals')}</h3>
        {r.referralsSent.length ? (
          <ul className="record-list">
            {r.referralsSent.map((x) => (
              <li key={x.id}>
                {x.service ? `${x.service.name} — ${x.to.name}` : x.to.name} · {x.needTypes.map(needLabel).join(', ')} ·{' '}
                {textOr(`referrals.status.${x.status}`, x.status)} · {formatDateTime(x.sentAt)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('transfers.record.none')}</p>
        )}
      </section>
    </div>
  );
}

/** A list of transfers: the case reference (to the transfer), the other organisation, status and when proposed. */
export function TransferTable({ items, box, caption }: { items: TransferListItem[]; box: TransferBox; caption: string }) {
  const { t } = useTranslation();
  const other = box === 'incoming' ? t('transfers.labels.from') : t('transfers.labels.to');
  return (
    <table className="responsive transfer-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('transfers.labels.reference')}</th>
          <th scope="col">{other}</th>
          <th scope="col">{t('transfers.labels.status')}</th>
          <th scope="col">{t('transfers.labels.requested')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((x) => (
          <tr key={x.id}>
            <th scope="row" data-label={t('transfers.labels.reference')}>
              <Link to="/transfers/$transferId" params={{ transferId: x.id }}>
                {x.caseReference}
              </Link>
            </th>
            <td data-label={other}>{box === 'incoming' ? x.from.name : x.to.name}</td>
            <td data-label={t('transfers.labels.status')}>
              <TransferStatusBadge status={x.status} />
            </td>
            <td data-label={t('transfers.labels.requested')}>
              {formatDateTime(x.requestedAt)}
              {x.requestedBy ? <span className="muted small"> · {x.requestedBy.displayName}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
