// Pieces of a plan shown in several places: the facts of a version, the budget per dimension, the
// items grouped by dimension (each with its need, delivery, budget, dates, status and outcome, and
// against the previous approved version: new, changed, or removed). Meaning never rests on colour:
// every mark is a word.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf, needTypes } from '../cases/case-page/vocab';
import { formatDate, formatDateTime, textOr } from '../i18n';
import { formatRupiah, groupActivityKinds, planDimensions, type Plan, type PlanItem, type PlanStatus } from './api';

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return <span className={`badge plan-status plan-status-${status}`}>{t(`plans.status.${status}`)}</span>;
}

export function ItemStatusBadge({ status }: { status: PlanItem['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge item-status item-status-${status}`}>{t(`plans.itemStatus.${status}`)}</span>;
}

/** Goal, change note, who did what and when, the supervisor's note. */
export function PlanFacts({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <dl className="summary compact plan-facts">
      <dt>{t('plans.labels.goal')}</dt>
      <dd className="pre">{plan.goal || t('plans.noGoal')}</dd>
      {plan.changeNote ? (
        <>
          <dt>{t('plans.labels.changeNote')}</dt>
          <dd className="pre">{plan.changeNote}</dd>
        </>
      ) : null}
      <dt>{t('plans.labels.created')}</dt>
      <dd>{t('plans.byline', { who: plan.createdBy?.displayName ?? '—', when: formatDateTime(plan.createdAt) })}</dd>
      {plan.submittedAt ? (
        <>
          <dt>{t('plans.labels.submitted')}</dt>
          <dd>{t('plans.byline', { who: plan.submittedBy?.displayName ?? '—', when: formatDateTime(plan.submittedAt) })}</dd>
        </>
      ) : null}
      {plan.decidedAt ? (
        <>
          <dt>{plan.status === 'returned' ? t('plans.labels.returned') : t('plans.labels.approved')}</dt>
          <dd>{t('plans.byline', { who: plan.decidedBy?.displayName ?? '—', when: formatDateTime(plan.decidedAt) })}</dd>
        </>
      ) : null}
      {plan.decisionNote ? (
        <>
          <dt>{t('plans.labels.decisionNote')}</dt>
          <dd className="pre">{plan.decisionNote}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** The budget: the total, and per dimension with the number of items. */
export function BudgetSummary({ plan, headingId }: { plan: Plan; headingId: string }) {
  const { t } = useTranslation();
  return (
    <div className="plan-budget">
      <p id={headingId} className="plan-budget-total">
        <strong>{t('plans.budget.total')}:</strong> <span className="amount">{formatRupiah(plan.budget.totalIdr)}</span>
      </p>
      {plan.budget.byDimension.length ? (
        <table className="plan-budget-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('plans.labels.dimension')}</th>
              <th scope="col">{t('plans.budget.items')}</th>
              <th scope="col">{t('plans.budget.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.budget.byDimension.map((d) => (
              <tr key={d.dimension}>
                <th scope="row">{labelOf(planDimensions, d.dimension)}</th>
                <td>{d.itemCount}</td>
                <td className="amount">{formatRupiah(d.totalIdr)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** How an item is delivered, naming the referral or the group activity (and saying when that is full). */
export function DeliveryText({ item }: { item: PlanItem }) {
  const { t } = useTranslation();
  if (item.delivery === 'referral' && item.referral) {
    const to = item.referral.serviceName ? `${item.referral.serviceName} — ${item.referral.organizationName}` : item.referral.organizationName;
    return (
      <>
        {t('plans.delivery.referral')}: {to} ({textOr(`referrals.status.${item.referral.status}`, item.referral.status)})
      </>
    );
  }
  if (item.delivery === 'group' && item.groupActivity) {
    const g = item.groupActivity;
    return (
      <>
        {t('plans.delivery.group')}: {g.name} ({labelOf(groupActivityKinds, g.kind)})
        {g.status === 'ended' ? <span className="badge off">{t('groupActivities.status.ended')}</span> : null}
        {g.full ? (
          <span className="badge pending">
            <span aria-hidden="true">⚠ </span>
            {t('groupActivities.fullCount', { enrolled: g.enrolled, capacity: g.capacity ?? 0 })}
          </span>
        ) : null}
      </>
    );
  }
  return <>{t(`plans.delivery.${item.delivery}`)}</>;
}

export function ChangeMark({ item }: { item: PlanItem }) {
  const { t } = useTranslation();
  if (!item.change || item.change === 'unchanged') return null;
  if (item.change === 'added') return <span className="badge change-added">{t('plans.change.added')}</span>;
  return (
    <span className="badge change-changed">
      {t('plans.change.changedFields', { fields: item.changedFields.map((f) => t(`plans.fields.${f}`)).join(', ') })}
    </span>
  );
}

function dates(item: PlanItem) {
  if (item.startOn && item.endOn) return `${formatDate(item.startOn)} – ${formatDate(item.endOn)}`;
  if (item.startOn) return formatDate(item.startOn);
  if (item.endOn) return `– ${formatDate(item.endOn)}`;
  return '—';
}

/** One item: what, the marks, and its facts; `children` for the actions that fit where it is shown. */
export function ItemCard({ item, showChange, removed, children }: { item: PlanItem; showChange?: boolean; removed?: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className={`plan-item item-${item.status}${removed ? ' is-removed' : ''}${showChange && item.change ? ` change-${item.change}` : ''}`}>
      <article aria-labelledby={`plan-item-${item.id}`}>
        <p className="plan-item-head">
          <strong id={`plan-item-${item.id}`} className="plan-item-what">
            {removed ? <del>{item.what}</del> : item.what}
          </strong>{' '}
          {removed ? <span className="badge change-removed">{t('plans.change.removed')}</span> : <ItemStatusBadge status={item.status} />}
          {showChange ? <ChangeMark item={item} /> : null}
        </p>
        <dl className="summary compact">
          <dt>{t('plans.labels.need')}</dt>
          <dd>{item.need ? labelOf(needTypes, item.need.type) : t('plans.noNeed')}</dd>
          <dt>{t('plans.labels.delivery')}</dt>
          <dd>
            <DeliveryText item={item} />
          </dd>
          <dt>{t('plans.labels.budget')}</dt>
          <dd className="amount">{item.budgetIdr === null ? t('plans.noBudget') : formatRupiah(item.budgetIdr)}</dd>
          <dt>{t('plans.labels.dates')}</dt>
          <dd>{dates(item)}</dd>
          {item.outcome ? (
            <>
              <dt>{t('plans.labels.outcome')}</dt>
              <dd className="pre">{item.outcome}</dd>
            </>
          ) : null}
        </dl>
        {children}
      </article>
    </li>
  );
}

/** The items under a heading per dimension (only the dimensions with items), with each dimension's total. */
export function ItemsByDimension({
  plan,
  level = 4,
  showChange,
  render,
}: {
  plan: Plan;
  level?: 4 | 5;
  showChange?: boolean;
  render?: (item: PlanItem) => ReactNode;
}) {
  const { t } = useTranslation();
  const H = level === 4 ? 'h4' : 'h5';
  if (!plan.items.length) return <p className="muted">{t('plans.noItems')}</p>;
  return (
    <>
      {planDimensions
        .filter((d) => plan.items.some((i) => i.dimension === d.code))
        .map((d) => {
          const items = plan.items.filter((i) => i.dimension === d.code);
          const total = plan.budget.byDimension.find((b) => b.dimension === d.code)?.totalIdr ?? 0;
          return (
            <section key={d.code} className="plan-dimension" aria-labelledby={`plan-${plan.id}-${d.code}`}>
              <H id={`plan-${plan.id}-${d.code}`}>
                {labelOf(planDimensions, d.code)} <span className="muted">· {formatRupiah(total)}</span>
              </H>
              <ul className="plan-items">
                {items.map((i) => (
                  <ItemCard key={i.id} item={i} showChange={showChange}>
                    {render?.(i)}
                  </ItemCard>
                ))}
              </ul>
            </section>
          );
        })}
    </>
  );
}

/** Items of the previous approved version that this one no longer carries. */
export function RemovedItems({ plan, level = 4 }: { plan: Plan; level?: 4 | 5 }) {
  const { t } = useTranslation();
  const H = level === 4 ? 'h4' : 'h5';
  if (!plan.removedItems.length || !plan.comparedTo) return null;
  return (
    <section className="plan-dimension" aria-labelledby={`plan-${plan.id}-removed`}>
      <H id={`plan-${plan.id}-removed`}>{t('plans.change.removedTitle', { number: plan.comparedTo.number })}</H>
      <ul className="plan-items">
        {plan.removedItems.map((i) => (
          <ItemCard key={i.id} item={i} removed />
        ))}
      </ul>
    </section>
  );
}
