// Demo sustainability surveys for the social-affairs office's case worker: four of her cases back
// home (reintegration or monitoring), with arrival dates in the past year set through the same
// service the API uses. The longest home has done its 3- and 6-month surveys (answers getting
// better), one has done its 3-month survey, one is overdue for it (its task is overdue), and one
// falls due in four days, so that recording the arrival already made its follow-up task.
import { and, eq, inArray } from 'drizzle-orm';
import { todayInJakarta } from '../cases/derived.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { Db } from '../platform/db/client.js';
import { cases, users } from '../platform/db/schema.js';
import { createCtx, type Ctx } from '../platform/http/context.js';
import type { Actor } from '../policy/policy.js';
import { addDays, addMonths } from '../reintegration/sustainability/schedule.js';
import { conduct, setArrival } from '../reintegration/sustainability/surveys.js';

/** Answers (question → option of the default model) of someone struggling, getting by, and doing well. */
const answers = {
  struggling: {
    economic_satisfaction: 'dissatisfied',
    food_shortage: 'sometimes',
    work: 'no',
    debt: 'over_three_months',
    borrowing: 'often',
    housing_access: 'temporary',
    housing_standard: 'fair',
    health_care: 'with_difficulty',
    documents: 'some',
    participation: 'rarely',
    support_network: 'one',
    belonging: 'a_little',
    discrimination: 'sometimes',
    distress: 'several_days',
    safety: 'mostly',
  },
  gettingBy: {
    economic_satisfaction: 'neutral',
    food_shortage: 'rarely',
    work: 'occasionally',
    debt: 'one_to_three_months',
    borrowing: 'sometimes',
    housing_access: 'yes',
    housing_standard: 'fair',
    health_care: 'yes',
    documents: 'all',
    children_in_school: 'all',
    participation: 'sometimes',
    support_network: 'several',
    belonging: 'mostly',
    discrimination: 'sometimes',
    distress: 'rarely',
    safety: 'yes',
  },
  doingWell: {
    economic_satisfaction: 'satisfied',
    food_shortage: 'never',
    work: 'regularly',
    debt: 'under_one_month',
    borrowing: 'rarely',
    housing_access: 'yes',
    housing_standard: 'good',
    health_care: 'yes',
    documents: 'all',
    children_in_school: 'all',
    participation: 'often',
    support_network: 'several',
    belonging: 'fully',
    discrimination: 'never',
    distress: 'never',
    safety: 'yes',
  },
} as const;

interface Plan {
  key: 'two_done' | 'one_done' | 'overdue' | 'due_soon';
  /** The arrival, from today. */
  arrived: (today: string) => string;
  /** Scheduled surveys done (by round), with the answers and days after their due date. */
  done: { round: number; answers: keyof typeof answers; daysLate: number }[];
}

const plans: Plan[] = [
  {
    key: 'two_done',
    arrived: (today) => addMonths(addDays(today, 20), -12),
    done: [
      { round: 1, answers: 'struggling', daysLate: 2 },
      { round: 2, answers: 'gettingBy', daysLate: 5 },
    ],
  },
  { key: 'one_done', arrived: (today) => addMonths(addDays(today, -40), -3), done: [{ round: 1, answers: 'gettingBy', daysLate: 1 }] },
  { key: 'overdue', arrived: (today) => addMonths(addDays(today, -12), -3), done: [] },
  // Due in four days: inside the week's lead, so its follow-up task exists at once.
  { key: 'due_soon', arrived: (today) => addMonths(addDays(today, 4), -3), done: [] },
];

let n = 0;
const ctxOf = (db: Db, actor: Actor): Ctx => createCtx(db, { actor, ip: '127.0.0.1', id: `demo-surveys-${n++}`, headers: { 'user-agent': 'pulang-demo-seed' } } as never);

/**
 * Records arrivals and surveys on the demo case worker's open cases of `organizationId` that are
 * back home (reintegration or monitoring first, then any open one), in the order of `caseIds`.
 * Call after seedDemoCases. Returns the case IDs by plan.
 */
export async function seedDemoSurveys(db: Db, cipher: FieldCipher, opts: { organizationId: string; caseIds: string[] }): Promise<Record<string, string>> {
  const [u] = await db
    .select({ id: users.id, roles: users.roles })
    .from(users)
    .where(and(eq(users.organizationId, opts.organizationId), eq(users.email, 'caseworker@demo.pulang.example')));
  if (!u) throw new Error('seedDemoSurveys: the demo case worker must exist first');
  const worker: Actor = { userId: u.id, organizationId: opts.organizationId, roles: u.roles as Actor['roles'], kind: 'person' };
  const rows = opts.caseIds.length
    ? await db
        .select({ id: cases.id, stage: cases.stage, assignedToId: cases.assignedToId, arrivedOn: cases.arrivedOn })
        .from(cases)
        .where(and(inArray(cases.id, opts.caseIds), eq(cases.organizationId, opts.organizationId)))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = opts.caseIds.map((id) => byId.get(id)).filter((r) => !!r && r.assignedToId === worker.userId && r.stage !== 'closed' && !r.arrivedOn);
  const home = ordered.filter((r) => r!.stage === 'reintegration' || r!.stage === 'monitoring');
  const chosen = [...home, ...ordered.filter((r) => !home.includes(r))].slice(0, plans.length);

  const today = todayInJakarta();
  const out: Record<string, string> = {};
  for (const [i, plan] of plans.entries()) {
    const c = chosen[i];
    if (!c) break;
    const arrivedOn = plan.arrived(today);
    const schedule = await setArrival(ctxOf(db, worker), cipher, c.id, { arrivedOn });
    for (const d of plan.done) {
      const s = schedule.items.find((x) => x.round === d.round)!;
      const conductedOn = addDays(s.dueOn!, d.daysLate) > today ? today : addDays(s.dueOn!, d.daysLate);
      await conduct(ctxOf(db, worker), cipher, c.id, { surveyId: s.id, conductedOn, answers: { ...answers[d.answers] } });
    }
    out[plan.key] = c.id;
  }
  return out;
}
