// Service suggestions for a need of a case. Candidates come from one SQL query: active services of
// other active organisations whose terms serve the need (GIN index on term_ids), with how far their
// area reaches the person's home village and how many referrals they hold open. The ranking is
// pure TypeScript (`rankServices`), so that every reason can be tested on hand-built cases.
//
// Ranking: three tiers first, then the weighted score within a tier.
//   tier 0: eligible and covering the home area (or the home area is not recorded);
//   tier 1: eligible but outside the home area (listed lower, with outside_area);
//   tier 2: not eligible by the service's own rules (listed last with the rule, not dropped: the
//           case worker may know the rule bends, and sees why it ranks last).
// The score (0–1) is the sum of weighted components (see `weights`); the reasons are listed with
// serves_need first and then in the order of their component's weight.
import { and, eq, sql } from 'drizzle-orm';
import { requireCase } from '../cases/access.js';
import { birthOf, todayInJakarta } from '../cases/derived.js';
import { ageOn } from '../cases/priority.js';
import { termByCode, termById, termsForNeed } from '../directory/taxonomy.js';
import { areaCodesOf } from '../persons/dal.js';
import type { DbHandle } from '../platform/db/client.js';
import { caseNeeds, cases, persons } from '../platform/db/schema.js';
import type { Ctx } from '../platform/http/context.js';
import { badRequest } from '../platform/http/errors.js';
import type { ServiceSuggestions } from './schema.js';
import { awaitingAnswer, type SuggestionReasonCode } from './vocabulary.js';
import { pgArray } from '../platform/db/arrays.js';

export const weights = { coverage: 0.3, eligibility: 0.2, language: 0.15, capacity: 0.15, acceptance: 0.12, response: 0.08 } as const;
type Component = keyof typeof weights;

/** Coverage component by how closely the service's area fits the home village. */
export const coverageScore = { covers_village: 1, covers_district: 0.9, covers_regency: 0.75, covers_province: 0.5, nationwide: 0.35, area_unknown: 0.2, outside_area: 0 } as const;
/** Acceptance: a prior of 60% worth five answers, so a service with two answers is not judged on them. */
export const acceptancePrior = { rate: 0.6, weight: 5 } as const;
/** Response time: a prior of 48 hours worth three answers; a week or more scores nothing. */
export const responsePrior = { hours: 48, weight: 3, worst: 168 } as const;
/** Fewer answers than this: the record is too short to name (no_record). */
export const minAnswersForRecord = 3;

export interface SuggestionPerson {
  /** Kemendagri village code of the home, or null when not recorded. */
  villageCode: string | null;
  languages: readonly string[];
  sex: string;
  age: number | null;
  caseType: string;
  direction: string;
}

export interface Candidate {
  id: string;
  name: string;
  organization: { id: string; name: string; type: string };
  termIds: readonly string[];
  languages: readonly string[];
  eligibleSexes: readonly string[];
  minAge: number | null;
  maxAge: number | null;
  eligibleCaseTypes: readonly string[];
  eligibleDirections: readonly string[];
  nationwide: boolean;
  areaCodes: readonly string[];
  capacityTotal: number | null;
  capacityFree: number | null;
  maxOpenReferrals: number | null;
  /** Counted only where the service limits its open referrals (that is all it is used for). */
  openReferrals: number | null;
  referralsAnswered: number;
  referralsAccepted: number;
  responseHoursTotal: number;
}

export interface Reason {
  code: SuggestionReasonCode;
  detail?: string;
}

export interface Ranked {
  candidate: Candidate;
  tier: 0 | 1 | 2;
  score: number;
  components: Record<Component, number>;
  reasons: Reason[];
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

function coverage(p: SuggestionPerson, c: Candidate): { value: number; reason: Reason; outside: boolean } {
  if (p.villageCode) {
    const [province, regency, district, village] = areaCodesOf(p.villageCode);
    const levels: [string | undefined, keyof typeof coverageScore][] = [
      [village, 'covers_village'],
      [district, 'covers_district'],
      [regency, 'covers_regency'],
      [province, 'covers_province'],
    ];
    for (const [code, reason] of levels) if (code && c.areaCodes.includes(code)) return { value: coverageScore[reason], reason: { code: reason, detail: code }, outside: false };
    if (c.nationwide) return { value: coverageScore.nationwide, reason: { code: 'nationwide' }, outside: false };
    return { value: coverageScore.outside_area, reason: { code: 'outside_area' }, outside: true };
  }
  if (c.nationwide) return { value: coverageScore.nationwide, reason: { code: 'nationwide' }, outside: false };
  return { value: coverageScore.area_unknown, reason: { code: 'area_unknown' }, outside: false };
}

function language(p: SuggestionPerson, c: Candidate): { value: number; reason: Reason } {
  if (!p.languages.length || !c.languages.length) return { value: 0.5, reason: { code: 'language_unknown' } };
  const common = p.languages.filter((l) => c.languages.includes(l));
  // A shared language of the person's own (a regional or foreign one) beats Indonesian alone.
  const own = common.find((l) => l !== 'id');
  if (own) return { value: 1, reason: { code: 'speaks_language', detail: own } };
  if (common.includes('id')) return { value: 0.8, reason: { code: 'speaks_language', detail: 'id' } };
  return { value: 0, reason: { code: 'no_common_language' } };
}

/** The service's rules the person does not meet (empty lists and null bounds mean no rule; an unknown age meets any age rule). */
export function ineligibility(p: SuggestionPerson, c: Candidate): ('sex' | 'age' | 'case_type' | 'direction')[] {
  const out: ('sex' | 'age' | 'case_type' | 'direction')[] = [];
  if (c.eligibleSexes.length && !c.eligibleSexes.includes(p.sex)) out.push('sex');
  if (p.age !== null && ((c.minAge !== null && p.age < c.minAge) || (c.maxAge !== null && p.age > c.maxAge))) out.push('age');
  if (c.eligibleCaseTypes.length && !c.eligibleCaseTypes.includes(p.caseType)) out.push('case_type');
  if (c.eligibleDirections.length && !c.eligibleDirections.includes(p.direction)) out.push('direction');
  return out;
}

function capacity(c: Candidate): { value: number; reason: Reason } {
  const facts: boolean[] = [];
  if (c.capacityFree !== null) facts.push(c.capacityFree > 0);
  if (c.maxOpenReferrals !== null) facts.push((c.openReferrals ?? 0) < c.maxOpenReferrals);
  if (!facts.length) return { value: 0.5, reason: { code: 'capacity_unknown' } };
  if (facts.includes(false)) return { value: 0, reason: { code: 'no_capacity' } };
  return { value: 1, reason: c.capacityFree !== null ? { code: 'has_capacity', detail: String(c.capacityFree) } : { code: 'has_capacity' } };
}

export const acceptanceRateOf = (c: Pick<Candidate, 'referralsAnswered' | 'referralsAccepted'>) =>
  c.referralsAnswered > 0 ? c.referralsAccepted / c.referralsAnswered : null;
export const meanResponseHoursOf = (c: Pick<Candidate, 'referralsAnswered' | 'responseHoursTotal'>) =>
  c.referralsAnswered > 0 ? c.responseHoursTotal / c.referralsAnswered : null;

function record(c: Candidate): { acceptance: number; response: number; reasons: { acceptance?: Reason; response?: Reason } } {
  const n = c.referralsAnswered;
  const acceptance = (c.referralsAccepted + acceptancePrior.rate * acceptancePrior.weight) / (n + acceptancePrior.weight);
  const meanSmoothed = (c.responseHoursTotal + responsePrior.hours * responsePrior.weight) / (n + responsePrior.weight);
  const response = clamp01(1 - meanSmoothed / responsePrior.worst);
  if (n < minAnswersForRecord) return { acceptance, response, reasons: { acceptance: { code: 'no_record' } } };
  const rate = acceptanceRateOf(c)!;
  const mean = meanResponseHoursOf(c)!;
  const pct = String(Math.round(rate * 100));
  const hours = String(Math.round(mean));
  return {
    acceptance,
    response,
    reasons: {
      acceptance: rate >= 0.7 ? { code: 'accepts_often', detail: pct } : rate <= 0.4 ? { code: 'accepts_rarely', detail: pct } : undefined,
      response: mean <= 48 ? { code: 'answers_quickly', detail: hours } : mean > 120 ? { code: 'answers_slowly', detail: hours } : undefined,
    },
  };
}

/** Scores one candidate: its tier, score, components and reasons (serves_need first, then by component weight). */
export function scoreService(p: SuggestionPerson, c: Candidate, needTermIds: readonly string[]): Ranked {
  const cov = coverage(p, c);
  const lang = language(p, c);
  const failed = ineligibility(p, c);
  const cap = capacity(c);
  const rec = record(c);
  const components: Record<Component, number> = {
    coverage: cov.value,
    eligibility: failed.length ? 0 : 1,
    language: lang.value,
    capacity: cap.value,
    acceptance: rec.acceptance,
    response: rec.response,
  };
  const score = Math.round((Object.keys(weights) as Component[]).reduce((sum, k) => sum + weights[k] * components[k], 0) * 1000) / 1000;
  const served = needTermIds.filter((t) => c.termIds.includes(t)).map((t) => termById.get(t)?.code ?? t);
  const byComponent: Record<Component, Reason[]> = {
    coverage: [cov.reason],
    eligibility: failed.length ? failed.map((d) => ({ code: 'not_eligible' as const, detail: d })) : [{ code: 'eligible' }],
    language: [lang.reason],
    capacity: [cap.reason],
    acceptance: rec.reasons.acceptance ? [rec.reasons.acceptance] : [],
    response: rec.reasons.response ? [rec.reasons.response] : [],
  };
  const order = (Object.keys(weights) as Component[]).sort((a, b) => weights[b] - weights[a]);
  const reasons: Reason[] = [{ code: 'serves_need', ...(served[0] ? { detail: served[0] } : {}) }, ...order.flatMap((k) => byComponent[k])];
  const tier = failed.length ? 2 : cov.outside ? 1 : 0;
  return { candidate: c, tier, score, components, reasons };
}

/** Ranks candidates: tier, then score, then name (and ID, for a stable order); the first `limit`. */
export function rankServices(p: SuggestionPerson, candidates: readonly Candidate[], needTermIds: readonly string[], limit = 10): Ranked[] {
  return candidates
    .map((c) => scoreService(p, c, needTermIds))
    .sort((a, b) => a.tier - b.tier || b.score - a.score || a.candidate.name.localeCompare(b.candidate.name) || (a.candidate.id < b.candidate.id ? -1 : 1))
    .slice(0, limit);
}

// ---------------------------------------------------------------------------------------------
// The query and the route's service call.

/** At most this many candidates are ranked: the most specific coverage first when a need has more. */
export const candidateCap = 400;

const openReferralStatuses = [...awaitingAnswer, 'accepted', 'in_progress'];

/** Candidates for the need's terms: active services of other active organisations, with their open referrals. */
export async function findCandidates(db: DbHandle, q: { termIds: string[]; villageCode: string | null; excludeOrganizationId: string }): Promise<Candidate[]> {
  const chain = q.villageCode ? areaCodesOf(q.villageCode) : [];
  const level = (code: string | undefined, n: number) => (code ? sql`when s.area_codes && ${pgArray([code])}::text[] then ${n}` : sql``);
  // The page of candidates first (ordered by how closely they cover the home area), then their
  // organisations and, only where a service limits its open referrals, the count of those.
  const res = (await db.execute(sql`
    select s.id, s.name, o.id as "orgId", o.name as "orgName", o.type as "orgType",
      s.term_ids::text[] as "termIds", s.languages, s.eligible_sexes as "eligibleSexes", s.min_age as "minAge", s.max_age as "maxAge",
      s.eligible_case_types as "eligibleCaseTypes", s.eligible_directions as "eligibleDirections", s.nationwide, s.area_codes as "areaCodes",
      s.capacity_total as "capacityTotal", s.capacity_free as "capacityFree", s.max_open_referrals as "maxOpenReferrals",
      s.referrals_answered as "referralsAnswered", s.referrals_accepted as "referralsAccepted", s.response_hours_total as "responseHoursTotal",
      case when s.max_open_referrals is not null then (select count(*)::int from referrals r where r.service_id = s.id and r.status in (${sql.join(
        openReferralStatuses.map((x) => sql`${x}`),
        sql`, `,
      )})) end as "openReferrals"
    from (
      select s.* from services s
      where s.term_ids && ${pgArray(q.termIds)}::uuid[] and s.status = 'active' and s.organization_id <> ${q.excludeOrganizationId}
        and exists (select 1 from organizations a where a.id = s.organization_id and a.active)
      order by (case ${level(chain[3], 5)} ${level(chain[2], 4)} ${level(chain[1], 3)} ${level(chain[0], 2)} when s.nationwide then 1 else 0 end) desc, s.id
      limit ${candidateCap}
    ) s
    join organizations o on o.id = s.organization_id`)) as unknown as { rows: (Omit<Candidate, 'organization'> & { orgId: string; orgName: string; orgType: string })[] };
  return res.rows.map(({ orgId, orgName, orgType, ...r }) => ({
    ...r,
    responseHoursTotal: Number(r.responseHoursTotal),
    organization: { id: orgId, name: orgName, type: orgType },
  }));
}

export async function suggest(ctx: Ctx, caseId: string, needId: string, limit = 10): Promise<ServiceSuggestions> {
  const head = await requireCase(ctx, caseId, 'referral.send');
  const [need] = await ctx.db
    .select({ id: caseNeeds.id, type: caseNeeds.type })
    .from(caseNeeds)
    .where(and(eq(caseNeeds.id, needId), eq(caseNeeds.caseId, caseId)));
  if (!need) throw badRequest('This need is not one of the case.', { needId: 'unknown_need' });
  const [p] = await ctx.db
    .select({
      villageCode: persons.homeVillageCode,
      languages: persons.languages,
      sex: persons.sex,
      birthKind: persons.birthKind,
      birthDate: persons.birthDate,
      birthYear: persons.birthYear,
      birthAge: persons.birthAge,
      birthAgeStatedOn: persons.birthAgeStatedOn,
      caseType: cases.caseType,
      direction: cases.direction,
    })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(eq(cases.id, caseId));
  const birth = birthOf(p);
  const person: SuggestionPerson = {
    villageCode: p.villageCode,
    languages: p.languages,
    sex: p.sex,
    age: birth ? ageOn(birth, todayInJakarta()) : null,
    caseType: p.caseType,
    direction: p.direction,
  };
  const termIds = (termsForNeed[need.type] ?? []).map((code) => termByCode.get(code)?.id).filter((x): x is string => !!x);
  const candidates = termIds.length ? await findCandidates(ctx.db, { termIds, villageCode: person.villageCode, excludeOrganizationId: head.organizationId }) : [];
  const ranked = rankServices(person, candidates, termIds, limit);
  await ctx.audit(ctx.db, { action: 'referral.suggestions', outcome: 'success', targetType: 'case', targetId: caseId, details: { needId, count: ranked.length } });
  return {
    need: { id: need.id, type: need.type as ServiceSuggestions['need']['type'] },
    items: ranked.map((r) => {
      const c = r.candidate;
      const rate = acceptanceRateOf(c);
      const mean = meanResponseHoursOf(c);
      return {
        service: {
          id: c.id,
          name: c.name,
          organization: c.organization as ServiceSuggestions['items'][number]['service']['organization'],
          termCodes: c.termIds.map((t) => termById.get(t)?.code).filter((x): x is string => !!x),
          languages: [...c.languages],
        },
        score: r.score,
        reasons: r.reasons,
        capacity: { free: c.capacityFree, total: c.capacityTotal, maxOpenReferrals: c.maxOpenReferrals, openReferrals: c.openReferrals },
        acceptanceRate: rate === null ? null : Math.round(rate * 1000) / 1000,
        meanResponseHours: mean === null ? null : Math.round(mean * 10) / 10,
      };
    }),
  };
}
