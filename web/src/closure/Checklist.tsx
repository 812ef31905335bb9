// The closure checklist in words: each item met (✓) or missing (✕, with what is missing), never by colour alone.
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from './api';

export function checklistText(t: (key: string, options?: Record<string, unknown>) => string, i: ChecklistItem): string {
  const d = i.detail as Record<string, number>;
  switch (i.code) {
    case 'plan_items_done':
      if (i.detail.noPlan) return t('closure.checklist.plan.noPlan');
      return i.met ? t('closure.checklist.plan.met', { count: d.total ?? 0 }) : t('closure.checklist.plan.unmet', { count: d.open ?? 0, total: d.total ?? 0 });
    case 'last_survey_done':
      if (i.met) return t('closure.checklist.survey.met', { count: d.done ?? 0 });
      if ((d.overdue ?? 0) > 0) return t('closure.checklist.survey.overdue', { count: d.overdue ?? 0 });
      return t('closure.checklist.survey.none');
    case 'referrals_resolved':
      return i.met ? t('closure.checklist.referrals.met') : t('closure.checklist.referrals.unmet', { count: d.open ?? 0 });
    case 'no_pending_transfer':
      return i.met ? t('closure.checklist.transfer.met') : t('closure.checklist.transfer.unmet');
    default:
      return i.code;
  }
}

export function Checklist({ items, label }: { items: ChecklistItem[]; label: string }) {
  const { t } = useTranslation();
  return (
    <ul className="checklist" aria-label={label}>
      {items.map((i) => (
        <li key={i.code} className={i.met ? 'met' : 'unmet'}>
          <span className="mark" aria-hidden="true">
            {i.met ? '✓' : '✕'}
          </span>
          <span className="visually-hidden">{i.met ? t('closure.checklist.metLabel') : t('closure.checklist.unmetLabel')}: </span>
          {checklistText(t as never, i)}
          {i.acknowledged ? <span className="muted small"> ({t('closure.checklist.acknowledged')})</span> : null}
        </li>
      ))}
    </ul>
  );
}
