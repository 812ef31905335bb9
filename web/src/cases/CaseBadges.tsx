// Badges of a case, reusable on every page that shows one: priority band, stage, flags and
// "overdue" (which stands out: strong colour plus a symbol, never colour alone).
import { useTranslation } from 'react-i18next';
import type { CaseFlag, PriorityBand, Stage } from '../api/types';
import { formatDate } from '../i18n';
import './case-badges.css';

export function PriorityBadge({ band, score }: { band: PriorityBand; score?: number }) {
  const { t } = useTranslation();
  const label = t(`caseTerms.band.${band}`);
  return (
    <span className={`badge band band-${band}`} title={score === undefined ? undefined : t('worklist.badges.score', { score })}>
      <span className="visually-hidden">{t('worklist.badges.priority')} </span>
      {label}
    </span>
  );
}

export function StageBadge({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return (
    <span className={`badge stage stage-${stage}`}>
      <span className="visually-hidden">{t('worklist.badges.stage')} </span>
      {t(`caseTerms.stage.${stage}`)}
    </span>
  );
}

export function FlagBadges({ flags }: { flags: readonly CaseFlag[] }) {
  const { t } = useTranslation();
  if (!flags.length) return null;
  return (
    <>
      {flags.map((f) => (
        <span key={f} className={`badge flag flag-${f}`}>
          {t(`caseTerms.flag.${f}`)}
        </span>
      ))}
    </>
  );
}

/** "Overdue" (with the due date when known); renders nothing when not overdue unless a due date is asked for. */
export function OverdueBadge({ overdue, dueOn, showDue = false }: { overdue: boolean; dueOn?: string | null; showDue?: boolean }) {
  const { t } = useTranslation();
  if (overdue)
    return (
      <span className="badge overdue">
        <span aria-hidden="true">⚠ </span>
        {t('caseTerms.overdue')}
        {dueOn ? ` · ${formatDate(dueOn)}` : ''}
      </span>
    );
  if (showDue && dueOn) return <span className="badge due">{t('worklist.badges.due', { date: formatDate(dueOn) })}</span>;
  return null;
}

/** All badges of a case row. */
export function CaseBadges({
  item,
  showStage = true,
}: {
  item: { priorityBand: PriorityBand; priorityScore?: number; stage: Stage; flags: readonly CaseFlag[]; overdue: boolean; nextDueOn?: string | null };
  showStage?: boolean;
}) {
  return (
    <span className="case-badges">
      <PriorityBadge band={item.priorityBand} score={item.priorityScore} />
      {showStage ? <StageBadge stage={item.stage} /> : null}
      <FlagBadges flags={item.flags} />
      <OverdueBadge overdue={item.overdue} dueOn={item.nextDueOn} />
    </span>
  );
}
