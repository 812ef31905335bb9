// The top of the case page: reference, person, badges (priority with its reasons on demand, stage,
// flags, child, overdue), the assigned worker, and the stage action.
import { useTranslation } from 'react-i18next';
import i18n, { textOr } from '../../i18n';
import type { CaseOut } from '../api';
import { FlagBadges, OverdueBadge, PriorityBadge, StageBadge } from '../CaseBadges';
import { ClosurePanel } from '../../closure/ClosurePanel';
import { TransferPanel } from '../../transfers/TransferPanel';
import { TransitionDialog } from './TransitionDialog';
import { closureReasons, labelOf } from './vocab';

export function CaseHeader({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  // `child` is derived from the age; show it once even if the flags list carries it too.
  const flags = c.flags.filter((f) => f !== 'child');
  return (
    <header className="case-head">
      <div className="page-head">
        <h1>
          <span className="case-ref">{c.reference}</span> <span className="case-person">{c.personName}</span>
        </h1>
      </div>
      <div className="case-badges case-head-badges">
        <PriorityBadge band={c.priorityBand} score={c.priorityScore} />
        <StageBadge stage={c.stage} />
        {c.isChild || c.flags.includes('child') ? <span className="badge flag flag-child">{t('caseTerms.flag.child')}</span> : null}
        <FlagBadges flags={flags} />
        <OverdueBadge overdue={c.overdue} dueOn={c.nextDueOn} />
      </div>
      <details className="priority-reasons">
        <summary>{t('cases.header.whyPriority', { band: t(`caseTerms.band.${c.priorityBand}`), score: c.priorityScore })}</summary>
        {c.priorityReasons.length ? (
          <ul>
            {c.priorityReasons.map((r) => (
              <li key={r}>{priorityReasonText(r)}</li>
            ))}
          </ul>
        ) : (
          <p>{t('cases.header.noReasons')}</p>
        )}
      </details>
      <dl className="summary case-head-facts">
        <dt>{t('cases.fields.assignedTo')}</dt>
        <dd>{c.assignedTo ? c.assignedTo.displayName : <span className="muted">{t('cases.header.unassigned')}</span>}</dd>
        <dt>{t('cases.fields.stage')}</dt>
        <dd>
          {t(`caseTerms.stage.${c.stage}`)}
          {c.stage === 'closed' && c.closureReason ? <span className="muted"> · {closureText(c.closureReason)}</span> : null}
        </dd>
      </dl>
      <TransitionDialog c={c} />
      <TransferPanel c={c} />
      <ClosurePanel c={c} />
    </header>
  );
}

/** A priority reason code as text: `type_<caseType>` uses the case type's label. */
export function priorityReasonText(code: string): string {
  if (code.startsWith('type_')) {
    const type = code.slice(5);
    return i18n.t('cases.priorityReason.type', { type: textOr(`caseTerms.caseType.${type}`, type) });
  }
  return textOr(`cases.priorityReason.${code}`, code);
}

export const closureText = (code: string): string => labelOf(closureReasons, code);
