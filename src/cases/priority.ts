// A case's priority, computed from what is recorded about it, so that worklists sort the same
// way for everyone and the score can be explained: every point comes with a reason code.
// Pure: the caller supplies the counts and the reference date.

export const riskLevels = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof riskLevels)[number];

export const caseFlags = ['child', 'urgent_medical', 'security_risk'] as const;
export type CaseFlag = (typeof caseFlags)[number];

export const caseTypes = [
  'victim_of_trafficking',
  'presumed_victim',
  'vulnerable_migrant',
  'stranded_migrant',
  'unaccompanied_or_separated_child',
] as const;
export type CaseType = (typeof caseTypes)[number];

export const priorityBands = ['routine', 'elevated', 'urgent', 'critical'] as const;
export type PriorityBand = (typeof priorityBands)[number];

export type PriorityReason =
  | 'risk_medium'
  | 'risk_high'
  | 'risk_critical'
  | 'child'
  | 'urgent_medical'
  | 'security_risk'
  | `type_${CaseType}`
  | 'overdue_tasks'
  | 'no_recent_contact'
  | 'long_without_contact';

export interface PriorityInput {
  riskLevel: RiskLevel;
  flags: readonly CaseFlag[];
  caseType: CaseType;
  /** Open tasks and follow-ups past their due date. */
  overdueTasks: number;
  /** Whole days since the last recorded contact with the person; omit when unknown. */
  daysSinceLastContact?: number;
}

export interface Priority {
  /** 0–100; higher is more pressing. */
  score: number;
  band: PriorityBand;
  /** What contributed, largest contribution first. */
  reasons: PriorityReason[];
}

// Weights. The risk level set by the case worker is the largest single term, because it is
// their judgement of the whole situation; flags add on top because each one is a concrete,
// checkable danger that must not wait behind paperwork. Case type adds a little: trafficking
// victims and lone children have legal protections and deadlines the others do not. Overdue
// tasks and silence measure neglect of the case itself, capped so that a backlog cannot
// outrank a person in danger. The raw sum can exceed 100 and is clamped.
const riskPoints: Record<RiskLevel, number> = { low: 0, medium: 10, high: 25, critical: 40 };
const flagPoints: Record<CaseFlag, number> = {
  // Threats from traffickers or family, or a risk of re-trafficking: act before anything else.
  security_risk: 20,
  // Untreated injury or illness, pregnancy, acute distress: the same urgency as a threat.
  urgent_medical: 20,
  // Children are owed special protection in law (Indonesian law: anyone under 18) and are the most exposed.
  child: 15,
};
const typePoints: Record<CaseType, number> = {
  // A child with no caregiver present: a guardian and a safe place are needed now.
  unaccompanied_or_separated_child: 15,
  victim_of_trafficking: 10,
  // Treated as a victim until the determination says otherwise.
  presumed_victim: 10,
  // Often without money, documents or a place to stay.
  stranded_migrant: 5,
  vulnerable_migrant: 0,
};
/** Each overdue task adds this much, up to `overdueCap`. */
const overdueEach = 5;
const overdueCap = 15;
/** No contact for more than these many days adds 5, then 10 points. */
const contactLate = 14;
const contactVeryLate = 30;
/** A case the worker marked critical is never shown below the critical band. */
const criticalRiskFloor = 70;

/** Score thresholds, lowest first: a score at or above a threshold is in that band. */
export const bandThresholds: Readonly<Record<PriorityBand, number>> = { routine: 0, elevated: 20, urgent: 45, critical: 70 };

export function bandOf(score: number): PriorityBand {
  let band: PriorityBand = 'routine';
  for (const b of priorityBands) if (score >= bandThresholds[b]) band = b;
  return band;
}

export function computePriority(input: PriorityInput): Priority {
  const parts: { reason: PriorityReason; points: number }[] = [];
  const add = (reason: PriorityReason, points: number) => {
    if (points > 0) parts.push({ reason, points });
  };

  if (input.riskLevel !== 'low') add(`risk_${input.riskLevel}`, riskPoints[input.riskLevel]);
  for (const f of caseFlags) if (input.flags.includes(f)) add(f, flagPoints[f]);
  add(`type_${input.caseType}`, typePoints[input.caseType]);
  const overdue = Math.max(0, Math.floor(input.overdueTasks));
  add('overdue_tasks', Math.min(overdueCap, overdue * overdueEach));
  const days = input.daysSinceLastContact;
  if (days !== undefined && days > contactVeryLate) add('long_without_contact', 10);
  else if (days !== undefined && days > contactLate) add('no_recent_contact', 5);

  let score = Math.min(100, parts.reduce((sum, p) => sum + p.points, 0));
  if (input.riskLevel === 'critical') score = Math.max(score, criticalRiskFloor);
  // Stable sort: equal contributions keep the order they were added in.
  const reasons = [...parts].sort((a, b) => b.points - a.points).map((p) => p.reason);
  return { score, band: bandOf(score), reasons };
}

// ---------------------------------------------------------------------------------------------
// The child flag. Dates are calendar dates as 'YYYY-MM-DD' strings (the caller decides what
// "today" is, e.g. in Asia/Jakarta), so no time zone can move a birthday.

/** A date of birth as it is known: exact, only the year, or an age someone stated on a day. */
export type BirthDate =
  | { kind: 'exact'; date: string }
  | { kind: 'estimated_year'; year: number }
  | { kind: 'estimated_age'; age: number; statedOn: string };

/** Indonesian law (UU 21/2007 on trafficking, UU 35/2014 on child protection): a child is under 18. */
export const adultAge = 18;

type Ymd = [number, number, number];

function parseDate(s: string): Ymd {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${s}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d)
    throw new RangeError(`not a date (YYYY-MM-DD): ${s}`);
  return [y, mo, d];
}

const before = (a: Ymd, b: Ymd) => a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];

/**
 * The latest day the person can have been born on, given what is known. When the age is
 * uncertain we take the youngest possibility, so a person who may be a child is treated as one
 * (the presumption of minority used in child protection) until the age is established.
 */
function latestBirth(b: BirthDate): Ymd {
  switch (b.kind) {
    case 'exact':
      return parseDate(b.date);
    case 'estimated_year':
      if (!Number.isInteger(b.year)) throw new RangeError(`not a year: ${b.year}`);
      return [b.year, 12, 31];
    case 'estimated_age': {
      if (!Number.isInteger(b.age) || b.age < 0) throw new RangeError(`not an age: ${b.age}`);
      // Someone who was A on day D was born no later than D minus A years.
      const [y, m, d] = parseDate(b.statedOn);
      return [y - b.age, m, d];
    }
  }
}

/**
 * Whether the person is (or may still be) under 18 on the reference date. On the 18th birthday
 * the person is an adult. Someone born on 29 February becomes an adult on 1 March in a year
 * without that day, since (Y+18, 2, 29) sorts after 28 February and before 1 March.
 */
export function isChild(birth: BirthDate, reference: string): boolean {
  const [y, m, d] = latestBirth(birth);
  return before(parseDate(reference), [y + adultAge, m, d]);
}

/** Completed years on the reference date (the youngest possibility when estimated). */
export function ageOn(birth: BirthDate, reference: string): number {
  const [y, m, d] = latestBirth(birth);
  const ref = parseDate(reference);
  return ref[0] - y - (before(ref, [ref[0], m, d]) ? 1 : 0);
}
