// Adding or changing an item of a draft: the dimension, what will be done, the need it answers,
// how it is delivered (directly, by one of the case's referrals, or in a group activity of the
// organisation), the budget in rupiah and the dates. What was typed stays when the server refuses.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import type { CaseOut } from '../cases/api';
import { needsQuery } from '../cases/case-page/api';
import { FormConflictNotice, storedVersion } from '../cases/case-page/conflict';
import { labelOf, needTypes } from '../cases/case-page/vocab';
import { fieldError } from '../i18n/errors';
import { textOr } from '../i18n';
import { caseReferralsQuery } from '../referrals/api';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../ui/Field';
import { ErrorAlert } from '../ui/Messages';
import {
  addItem,
  deliveryModes,
  formatRupiah,
  groupActivitiesQuery,
  groupActivityKinds,
  parseRupiah,
  planDimensionOfNeed,
  planDimensions,
  planKeys,
  updateItem,
  type DeliveryMode,
  type ItemInput,
  type Plan,
  type PlanDimension,
  type PlanItem,
} from './api';

export function ItemForm({
  c,
  plan,
  item,
  onDone,
  onCancel,
}: {
  c: CaseOut;
  plan: Plan;
  item?: PlanItem;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [dimension, setDimension] = useState<PlanDimension | ''>(item?.dimension ?? '');
  const [what, setWhat] = useState(item?.what ?? '');
  const [needId, setNeedId] = useState(item?.need?.id ?? '');
  const [delivery, setDelivery] = useState<DeliveryMode>(item?.delivery ?? 'direct');
  const [referralId, setReferralId] = useState(item?.referral?.id ?? '');
  const [groupActivityId, setGroupActivityId] = useState(item?.groupActivity?.id ?? '');
  const [budget, setBudget] = useState(item?.budgetIdr !== null && item?.budgetIdr !== undefined ? String(item.budgetIdr) : '');
  const [startOn, setStartOn] = useState(item?.startOn ?? '');
  const [endOn, setEndOn] = useState(item?.endOn ?? '');
  const [version, setVersion] = useState(item?.version ?? 0);
  const [conflict, setConflict] = useState(false);
  const [missing, setMissing] = useState<Record<string, boolean>>({});

  const needs = useQuery(needsQuery(c.id));
  const referrals = useQuery({ ...caseReferralsQuery(c.id), enabled: delivery === 'referral' });
  const activities = useQuery({ ...groupActivitiesQuery('active'), enabled: delivery === 'group' });
  const parsedBudget = parseRupiah(budget);

  const save = useMutation({
    mutationFn: () => {
      const body: ItemInput = {
        dimension: dimension as PlanDimension,
        what: what.trim(),
        needId: needId || null,
        delivery,
        referralId: delivery === 'referral' ? referralId || null : null,
        groupActivityId: delivery === 'group' ? groupActivityId || null : null,
        budgetIdr: parsedBudget === 'invalid' ? null : parsedBudget,
        startOn: startOn || null,
        endOn: endOn || null,
      };
      return item ? updateItem(plan.id, item.id, { ...body, version }) : addItem(plan.id, body);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['group-activities'] });
      onDone(
        saved.groupActivity?.full
          ? t('plans.item.savedFull', { name: saved.groupActivity.name })
          : item
            ? t('plans.item.saved')
            : t('plans.item.added'),
      );
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) {
        const current = storedVersion<PlanItem>(err);
        if (current) setVersion(current.version);
        void queryClient.invalidateQueries({ queryKey: planKeys.all });
        setConflict(true);
      }
    },
  });
  const err = save.error;
  const errorAt = (name: string) => (missing[name] ? t('errors.fields.required') : fieldError(err, name));

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems = {
      dimension: !dimension,
      what: !what.trim(),
      referralId: delivery === 'referral' && !referralId,
      groupActivityId: delivery === 'group' && !groupActivityId,
    };
    setMissing(problems);
    if (Object.values(problems).some(Boolean) || parsedBudget === 'invalid') return;
    save.mutate();
  }

  const chosenActivity = activities.data?.items.find((a) => a.id === groupActivityId);
  const title = item ? t('plans.item.editTitle') : t('plans.item.addTitle');
  return (
    <form className="form card plan-item-form" onSubmit={submit} noValidate aria-label={title}>
      <h4>{title}</h4>
      {conflict ? <FormConflictNotice /> : null}
      {err && !isApiError(err, 'version_conflict') ? <ErrorAlert error={err} /> : null}
      <SelectField
        label={t('plans.labels.need')}
        name="needId"
        value={needId}
        onChange={(e) => {
          const id = e.target.value;
          setNeedId(id);
          const need = needs.data?.find((n) => n.id === id);
          if (need && !dimension) setDimension(planDimensionOfNeed(need.type, need.dimension));
        }}
        hint={t('plans.item.needHint')}
        error={fieldError(err, 'needId')}
      >
        <option value="">{t('plans.noNeed')}</option>
        {(needs.data ?? []).map((n) => (
          <option key={n.id} value={n.id}>
            {labelOf(needTypes, n.type)}
            {n.status !== 'open' ? ` (${t(`cases.needs.status.${n.status}`)})` : ''}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('plans.labels.dimension')}
        name="dimension"
        value={dimension}
        onChange={(e) => setDimension(e.target.value as PlanDimension | '')}
        required
        error={errorAt('dimension')}
      >
        <option value="">{t('common.choose')}</option>
        {planDimensions.map((d) => (
          <option key={d.code} value={d.code}>
            {labelOf(planDimensions, d.code)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('plans.labels.what')}
        name="what"
        value={what}
        onChange={(e) => setWhat(e.target.value)}
        rows={2}
        maxLength={2000}
        required
        error={errorAt('what')}
      />
      <ChoiceGroup
        legend={t('plans.labels.delivery')}
        name="delivery"
        type="radio"
        options={deliveryModes.map((d) => ({ value: d, label: t(`plans.delivery.${d}`) }))}
        value={[delivery]}
        onChange={(v) => setDelivery(v[0] as DeliveryMode)}
        error={fieldError(err, 'delivery')}
      />
      {delivery === 'referral' ? (
        <SelectField
          label={t('plans.labels.referral')}
          name="referralId"
          value={referralId}
          onChange={(e) => setReferralId(e.target.value)}
          required
          error={errorAt('referralId')}
          hint={referrals.data && !referrals.data.length ? t('plans.item.noReferrals') : undefined}
        >
          <option value="">{t('common.choose')}</option>
          {item?.referral && !referrals.data?.some((r) => r.id === item.referral!.id) ? (
            <option value={item.referral.id}>{item.referral.organizationName}</option>
          ) : null}
          {(referrals.data ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {r.service ? `${r.service.name} — ${r.to.name}` : r.to.name} ({textOr(`referrals.status.${r.status}`, r.status)})
            </option>
          ))}
        </SelectField>
      ) : null}
      {delivery === 'group' ? (
        <>
          <SelectField
            label={t('plans.labels.groupActivity')}
            name="groupActivityId"
            value={groupActivityId}
            onChange={(e) => setGroupActivityId(e.target.value)}
            required
            error={errorAt('groupActivityId')}
            hint={activities.data && !activities.data.items.length ? t('plans.item.noActivities') : undefined}
          >
            <option value="">{t('common.choose')}</option>
            {item?.groupActivity && !activities.data?.items.some((a) => a.id === item.groupActivity!.id) ? (
              <option value={item.groupActivity.id}>{item.groupActivity.name}</option>
            ) : null}
            {(activities.data?.items ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({labelOf(groupActivityKinds, a.kind)}){a.full ? ` — ${t('groupActivities.full')}` : ''}
              </option>
            ))}
          </SelectField>
          {chosenActivity?.full ? (
            <p className="alert alert-warning" role="status">
              <span aria-hidden="true">⚠ </span>
              {t('plans.item.fullWarning', { enrolled: chosenActivity.enrolled, capacity: chosenActivity.capacity ?? 0 })}
            </p>
          ) : null}
        </>
      ) : null}
      <TextField
        label={t('plans.labels.budgetIdr')}
        name="budgetIdr"
        inputMode="numeric"
        autoComplete="off"
        value={budget}
        onChange={(e) => setBudget(e.target.value)}
        hint={parsedBudget !== null && parsedBudget !== 'invalid' ? formatRupiah(parsedBudget) : t('plans.item.budgetHint')}
        error={parsedBudget === 'invalid' ? t('plans.item.budgetInvalid') : fieldError(err, 'budgetIdr')}
      />
      <div className="two-up">
        <TextField label={t('plans.labels.startOn')} name="startOn" type="date" value={startOn} onChange={(e) => setStartOn(e.target.value)} error={fieldError(err, 'startOn')} />
        <TextField label={t('plans.labels.endOn')} name="endOn" type="date" value={endOn} onChange={(e) => setEndOn(e.target.value)} error={fieldError(err, 'endOn')} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {item ? t('common.save') : t('plans.item.add')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
