// Queries of matching: openings ranked for a profile, profiles ranked for an opening (both by the
// SQL estimate of estimate.ts over the GIN-indexed match keys), and what the answers show beside
// each match (consents, candidacies, area names).
import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbHandle } from '../../platform/db/client.js';
import { areas, candidacies, caseConsents } from '../../platform/db/schema.js';
import { openForMatchingSql } from '../openings/dal.js';
import { profileForMatch, type ProfileRow } from '../profiles/dal.js';
export { profileForMatch };
import { openingBound, profileBound, textArray } from './estimate.js';
import type { OpeningForMatch, ProfileForMatch } from './scoring.js';

export interface OpeningRow extends OpeningForMatch {
  id: string;
  title: string;
  status: string;
  organization: { id: string; name: string; type: string; partnerKind: string | null };
  closesOn: string | null;
  wageMinIdr: number | null;
  wageMaxIdr: number | null;
  contractType: string | null;
  durationWeeks: number | null;
  costIdr: number | null;
  est: number;
}

const openingColumns = sql`o.id, o.title, o.status, o.kind, o.sector, o.occupation, o.area_code as "areaCode", o.remote,
  o.hours_per_week as "hoursPerWeek", o.working_hours as "workingHours", o.required_skills as "requiredSkills",
  o.required_languages as "requiredLanguages", o.min_education as "minEducation", o.required_certificates as "requiredCertificates",
  o.accommodation, o.start_on::text as "startOn", o.closes_on::text as "closesOn", o.certificate_awarded as "certificateAwarded",
  o.wage_min_idr::float8 as "wageMinIdr", o.wage_max_idr::float8 as "wageMaxIdr", o.contract_type as "contractType",
  o.duration_weeks as "durationWeeks", o.cost_idr::float8 as "costIdr",
  g.id as "orgId", g.name as "orgName", g.type as "orgType", g.partner_kind as "orgPartnerKind"`;

type RawOpening = Omit<OpeningRow, 'organization' | 'est'> & { orgId: string; orgName: string; orgType: string; orgPartnerKind: string | null; est?: number };
const toOpening = ({ orgId, orgName, orgType, orgPartnerKind, est, ...r }: RawOpening): OpeningRow => ({
  ...r,
  requiredSkills: Array.isArray(r.requiredSkills) ? r.requiredSkills : [],
  organization: { id: orgId, name: orgName, type: orgType, partnerKind: orgPartnerKind },
  est: Number(est ?? 0),
});

/**
 * The best `n` open openings of `kind` sharing a search key with the profile, by the upper bound of
 * their score (estimate.ts openingBound). The bound is computed and sorted on the openings alone;
 * the organisation (active, not suspended) is then checked row by row in that order until `n`
 * pass. Together the conditions are openings/dal.ts openForMatchingSql, split so that the
 * organisation is looked up only for the rows returned.
 */
export async function rankOpenings(db: DbHandle, p: ProfileForMatch, q: { kind: 'job' | 'training'; searchKeys: string[]; n: number; today: string }): Promise<OpeningRow[]> {
  const res = (await db.execute(sql`
    select ${openingColumns}, o.est
    from (
      select o.*, (${openingBound(p, q.kind)})::float8 as est
      from employment_openings o
      where o.kind = ${q.kind} and o.status = 'published' and (o.closes_on is null or o.closes_on >= ${q.today}::date)
        and o.match_keys && ${textArray(q.searchKeys)}
      order by est desc, o.closes_on asc nulls last, o.id
    ) o
    cross join lateral (select g.* from organizations g where g.id = o.organization_id and g.active and g.suspended_at is null) g
    order by o.est desc, o.closes_on asc nulls last, o.id
    limit ${q.n}`)) as unknown as { rows: RawOpening[] };
  return res.rows.map(toOpening);
}

/** One opening with what matching needs, whatever its status; null when there is none. */
export async function findOpening(db: DbHandle, id: string, today: string): Promise<(OpeningRow & { open: boolean }) | null> {
  const res = (await db.execute(sql`
    select ${openingColumns}, (${openForMatchingSql('o', today)}) as open
    from employment_openings o join organizations g on g.id = o.organization_id
    where o.id = ${id}`)) as unknown as { rows: (RawOpening & { open: boolean })[] };
  const r = res.rows[0];
  return r ? { ...toOpening(r), open: !!r.open } : null;
}

/**
 * Whether a case's decisive job_matching consent for a partner is given, as a condition on the
 * case alias `c`: the newest standing (not withdrawn) decision naming the partner, or else the
 * newest naming its type of organisation (consents.ts activeConsent).
 */
export function jobMatchingConsentSql(partner: { id: string; type: string }): SQL {
  return sql`(select k.decision from case_consents k
      where k.case_id = c.id and k.purpose = 'job_matching' and k.withdrawn_at is null
        and (k.recipient_organization_id = ${partner.id} or (k.recipient_organization_id is null and k.recipient_organization_type = ${partner.type}))
      order by (k.recipient_organization_id is not null) desc, k.given_at desc, k.created_at desc
      limit 1) = 'given'`;
}

export interface CandidateRow {
  caseId: string;
  reference: string;
  assignedToId: string | null;
  createdById: string | null;
  organizationId: string;
  profile: ProfileForMatch;
  est: number;
}

/**
 * The best `n` profiles of the organisation's open cases that seek this kind of opening, share a
 * search key with it (`searchKeys`: keys.ts scopedSearchKeys, scoped to the organisation and the
 * kind, so that the index alone finds them) and consented to be put forward to its partner, by the
 * upper bound of their score.
 */
export async function rankProfiles(
  db: DbHandle,
  o: OpeningRow,
  q: { organizationId: string; seeking: readonly string[]; searchKeys: string[]; n: number },
): Promise<CandidateRow[]> {
  // The bound (estimate.ts profileBound) is computed and sorted on the profiles' keys alone; each
  // case (open, still the organisation's) and its consent are then checked in that order until n
  // pass, and only those rows' profiles are read in full.
  const res = (await db.execute(sql`
    select b.case_id as "caseId", c.reference, c.assigned_to_id as "assignedToId", c.created_by_id as "createdById",
      c.organization_id as "organizationId", c.province_code as "provinceCode",
      p.seeking, p.work_history as "workHistory", p.skills, p.languages, p.education, p.certificates,
      p.preferred_sectors as "preferredSectors", p.preferred_area_codes as "preferredAreaCodes", p.willing_to_relocate as "willingToRelocate",
      p.constraints, p.available_from::text as "availableFrom", b.est
    from (
      select p.id, p.case_id, (${profileBound(o)})::float8 as est
      from skills_profiles p
      where p.match_keys && ${textArray(q.searchKeys)} and p.organization_id = ${q.organizationId} and p.seeking && ${textArray(q.seeking)}
      order by est desc, p.case_id
    ) b
    cross join lateral (
      select c.* from cases c
      where c.id = b.case_id and c.organization_id = ${q.organizationId} and c.stage <> 'closed'
        and ${jobMatchingConsentSql({ id: o.organization.id, type: o.organization.type })}
    ) c
    cross join lateral (select p.* from skills_profiles p where p.id = b.id) p
    order by b.est desc, b.case_id
    limit ${q.n}`)) as unknown as { rows: (ProfileRow & { caseId: string; reference: string; assignedToId: string | null; createdById: string | null; organizationId: string; provinceCode: string | null; est: number })[] };
  return res.rows.map((r) => ({
    caseId: r.caseId,
    reference: r.reference,
    assignedToId: r.assignedToId,
    createdById: r.createdById,
    organizationId: r.organizationId,
    profile: profileForMatch(r, r.provinceCode),
    est: Number(r.est),
  }));
}

export interface StandingConsent {
  recipientOrganizationId: string | null;
  recipientOrganizationType: string | null;
  decision: string;
}

/** The case's standing (not withdrawn) job_matching decisions, newest first. */
export async function standingJobMatchingConsents(db: DbHandle, caseId: string): Promise<StandingConsent[]> {
  return db
    .select({ recipientOrganizationId: caseConsents.recipientOrganizationId, recipientOrganizationType: caseConsents.recipientOrganizationType, decision: caseConsents.decision })
    .from(caseConsents)
    .where(and(eq(caseConsents.caseId, caseId), eq(caseConsents.purpose, 'job_matching'), isNull(caseConsents.withdrawnAt)))
    .orderBy(desc(caseConsents.givenAt), desc(caseConsents.createdAt));
}

/** Whether the decisive decision (named partner first, then its type) is a given consent: activeConsent's rule on rows already read. */
export function consentCovers(standing: StandingConsent[], partner: { id: string; type: string }): boolean {
  const decisive =
    standing.find((r) => r.recipientOrganizationId === partner.id) ??
    standing.find((r) => !r.recipientOrganizationId && r.recipientOrganizationType === partner.type);
  return decisive?.decision === 'given';
}

/** The newest candidacy of each (case, opening) pair asked for. */
export async function candidaciesFor(db: DbHandle, where: { caseIds: string[]; openingIds: string[] }): Promise<Map<string, { id: string; status: string }>> {
  if (!where.caseIds.length || !where.openingIds.length) return new Map();
  const rows = await db
    .select({ id: candidacies.id, status: candidacies.status, caseId: candidacies.caseId, openingId: candidacies.openingId })
    .from(candidacies)
    .where(and(inArray(candidacies.caseId, where.caseIds), inArray(candidacies.openingId, where.openingIds)))
    .orderBy(desc(candidacies.putForwardAt));
  const out = new Map<string, { id: string; status: string }>();
  for (const r of rows) if (!out.has(`${r.caseId}:${r.openingId}`)) out.set(`${r.caseId}:${r.openingId}`, { id: r.id, status: r.status });
  return out;
}

/** Province and regency names of the openings' areas. */
export async function areaNames(db: DbHandle, areaCodes: (string | null)[]): Promise<Map<string, string>> {
  const codes = [...new Set(areaCodes.filter((a): a is string => !!a).flatMap((a) => [a.slice(0, 2), a.slice(0, 5)]))];
  if (!codes.length) return new Map();
  const rows = await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}

