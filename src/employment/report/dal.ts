// The employment report's queries: every figure is aggregated in SQL (grouping sets for the table
// and its totals), so the report reads counts, never rows of people. Days are Asia/Jakarta days.
import { sql, type SQL } from 'drizzle-orm';
import type { DbHandle } from '../../platform/db/client.js';
import { pgArray } from '../../platform/db/arrays.js';

export interface ReportFilter {
  from: string;
  to: string;
  today: string;
  province: string | null;
  /** An ISIC section (one letter) or division (letter and two digits). */
  sector: string | null;
}

/** Whose placements and arrivals are counted. */
export type ScopeFilter = { kind: 'network' } | { kind: 'partner'; organizationId: string } | { kind: 'organization'; organizationId: string };

const rows = async <T>(db: DbHandle, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

const jakartaDay = (col: SQL) => sql`((${col}) at time zone 'Asia/Jakarta')::date`;
/** The first moment of a Jakarta day, and of the day after one: bounds for timestamps that an index can use. */
const dayStart = (day: string) => sql`(${day}::date::timestamp at time zone 'Asia/Jakarta')`;
const dayAfter = (day: string) => sql`((${day}::date + 1)::timestamp at time zone 'Asia/Jakarta')`;

const isDivision = (sector: string) => sector.length > 1;

/** An opening's sector against the filter: its section, or exactly the division. */
function openingSector(f: ReportFilter, code: SQL): { where: SQL; group: SQL } {
  if (!f.sector) return { where: sql`true`, group: sql`left(${code}, 1)` };
  if (isDivision(f.sector)) return { where: sql`${code} = ${f.sector}`, group: sql`${code}` };
  return { where: sql`left(${code}, 1) = ${f.sector}`, group: sql`left(${code}, 1)` };
}

/** A seeker's sector (preferred or worked in) against the filter: a preference for a whole section covers its divisions. */
function seekerSector(f: ReportFilter, code: SQL): { where: SQL; group: SQL } {
  if (!f.sector) return { where: sql`true`, group: sql`left(${code}, 1)` };
  if (isDivision(f.sector)) return { where: sql`${code} in (${f.sector}, ${f.sector.slice(0, 1)})`, group: sql`${f.sector}::text` };
  return { where: sql`left(${code}, 1) = ${f.sector}`, group: sql`left(${code}, 1)` };
}

/** The opening was open at some time in the period: published by its end, not closed, past its closing date or suspended before its start. */
const openInPeriod = (f: ReportFilter) => sql`
  o.status in ('published', 'closed') and o.published_at is not null
  and ${jakartaDay(sql`o.published_at`)} <= ${f.to}::date
  and coalesce(least(${jakartaDay(sql`o.closed_at`)}, o.closes_on, ${jakartaDay(sql`g.suspended_at`)}), 'infinity'::date) >= ${f.from}::date`;

export interface SupplyRow {
  pr: string | null;
  sec: string | null;
  /** 1 when the row is a total over provinces / over sectors (SQL GROUPING). */
  gp: number;
  gs: number;
  openings: number;
  places: number;
}

/** Openings and places by province of the workplace and sector, with the totals of each and the grand total. */
export async function supplyOpenings(db: DbHandle, f: ReportFilter): Promise<SupplyRow[]> {
  const s = openingSector(f, sql`o.sector`);
  return rows<SupplyRow>(
    db,
    sql`
    select pr, sec, grouping(pr)::int as gp, grouping(sec)::int as gs, count(*)::int as openings, coalesce(sum(places), 0)::int as places
    from (
      select o.province_code as pr, (${s.group})::text as sec, o.places
      from employment_openings o join organizations g on g.id = o.organization_id
      where ${openInPeriod(f)} and o.province_code is not null and ${s.where}
        ${f.province ? sql`and o.province_code = ${f.province}` : sql``}
    ) x
    group by grouping sets ((pr, sec), (pr), (sec), ())`,
  );
}

/** Openings with no workplace (remote only) in the period, of the sector filtered on. */
export async function remoteOpenings(db: DbHandle, f: ReportFilter): Promise<{ openings: number; places: number }> {
  const s = openingSector(f, sql`o.sector`);
  const [r] = await rows<{ openings: number; places: number }>(
    db,
    sql`
    select count(*)::int as openings, coalesce(sum(o.places), 0)::int as places
    from employment_openings o join organizations g on g.id = o.organization_id
    where ${openInPeriod(f)} and o.province_code is null and ${s.where}`,
  );
  return r ?? { openings: 0, places: 0 };
}

export interface SeekerRow {
  pr: string | null;
  sec: string | null;
  gp: number;
  gs: number;
  seekers: number;
}

/**
 * Returnees seeking employment or training during the period (case open at some time in it, no
 * income before it), by every province they would work in (preferred areas) or live in (the case's
 * home province) and every sector they prefer or worked in. A person counts once in each cell and
 * once in each total. Profiles are first counted per combination of areas and sectors (many share
 * one), then each combination's provinces and sectors are deduplicated once, so every figure is a
 * plain sum (no DISTINCT over the cross product, no work per profile beyond hashing).
 */
export async function supplySeekers(db: DbHandle, f: ReportFilter): Promise<SeekerRow[]> {
  const s = seekerSector(f, sql`x.code`);
  return rows<SeekerRow>(
    db,
    sql`
    with combos as (
      select p.preferred_area_codes || c.province_code as areas, p.preferred_sectors as secs,
        jsonb_path_query_array(case when jsonb_typeof(p.work_history) = 'array' then p.work_history else '[]'::jsonb end, '$[*].sector') as worked,
        count(*)::int as n
      from skills_profiles p join cases c on c.id = p.case_id
      where p.seeking && ${pgArray(['employment', 'training'])}::text[]
        and c.direction = 'inbound'
        and ${jakartaDay(sql`c.opened_at`)} <= ${f.to}::date
        and (c.closed_at is null or ${jakartaDay(sql`c.closed_at`)} >= ${f.from}::date)
        and (p.income_since is null or p.income_since >= ${f.from}::date)
      group by 1, 2, 3
    ), s as materialized (
      select n,
        array(select distinct left(a, 2) from unnest(areas) a
              where a is not null ${f.province ? sql`and left(a, 2) = ${f.province}` : sql``}) as provs,
        array(select distinct (${s.group})::text from (
                select y as code from unnest(secs) y union all select jsonb_array_elements_text(worked)
              ) x where x.code is not null and ${s.where}) as secs
      from combos
    ), both_known as (
      select n, provs, secs from s where cardinality(provs) > 0 and cardinality(secs) > 0
    )
    select pr, sec, 0 as gp, 0 as gs, sum(n)::int as seekers from both_known, unnest(provs) pr, unnest(secs) sec group by pr, sec
    union all select pr, null, 0, 1, sum(n)::int from both_known, unnest(provs) pr group by pr
    union all select null, sec, 1, 0, sum(n)::int from both_known, unnest(secs) sec group by sec
    union all select null, null, 1, 1, coalesce(sum(n), 0)::int from both_known`,
  );
}

function scopeOn(scope: ScopeFilter, partnerColumn: SQL, caseOrgColumn: SQL): SQL {
  if (scope.kind === 'partner') return sql`and ${partnerColumn} = ${scope.organizationId}`;
  if (scope.kind === 'organization') return sql`and ${caseOrgColumn} = ${scope.organizationId}`;
  return sql``;
}

function openingFilters(f: ReportFilter): SQL {
  const s = openingSector(f, sql`o.sector`);
  return sql`${f.province ? sql`and o.province_code = ${f.province}` : sql``} and ${s.where}`;
}

export interface FunnelRow {
  putForward: number;
  interview: number;
  offer: number;
  hired: number;
  rejected: number;
}

/** Candidacies put forward in the period and the furthest they got (from their events as well as their status). */
export async function funnel(db: DbHandle, f: ReportFilter, scope: ScopeFilter): Promise<FunnelRow> {
  const [r] = await rows<FunnelRow>(
    db,
    sql`
    with k as materialized (
      select k.id, k.status, k.interview_at
      from candidacies k
      ${f.province || f.sector ? sql`join employment_openings o on o.id = k.opening_id` : sql``}
      ${scope.kind === 'organization' ? sql`join cases c on c.id = k.case_id` : sql``}
      where k.put_forward_at >= ${dayStart(f.from)} and k.put_forward_at < ${dayAfter(f.to)}
        ${scopeOn(scope, sql`k.partner_organization_id`, sql`c.organization_id`)}
        ${f.province || f.sector ? openingFilters(f) : sql``}
    ), ev as (
      select e.candidacy_id as id,
        bool_or(e.to_status = 'interview') as interview,
        bool_or(e.to_status in ('offer', 'hired')) as offer,
        bool_or(e.to_status = 'hired') as hired
      from candidacy_events e where e.candidacy_id in (select id from k)
      group by e.candidacy_id
    )
    select count(*)::int as "putForward",
      count(*) filter (where k.status = 'interview' or k.interview_at is not null or ev.interview)::int as "interview",
      count(*) filter (where k.status in ('offer', 'hired') or ev.offer or pl.id is not null)::int as "offer",
      count(*) filter (where k.status = 'hired' or ev.hired or pl.id is not null)::int as "hired",
      count(*) filter (where k.status = 'rejected')::int as "rejected"
    from k
    left join ev on ev.id = k.id
    left join placements pl on pl.candidacy_id = k.id`,
  );
  return r ?? { putForward: 0, interview: 0, offer: 0, hired: 0, rejected: 0 };
}

export interface RetentionRow {
  month: number;
  due: number;
  followedUp: number;
  stillEmployed: number;
}

/** Placements started in the period whose 3- or 6-month follow-up is done or due: how many were still employed. */
export async function retention(db: DbHandle, f: ReportFilter, scope: ScopeFilter): Promise<RetentionRow[]> {
  return rows<RetentionRow>(
    db,
    sql`
    select fu.month, count(*)::int as "due",
      count(*) filter (where fu.status = 'done')::int as "followedUp",
      count(*) filter (where fu.status = 'done' and fu.still_employed)::int as "stillEmployed"
    from placement_follow_ups fu
    join placements pl on pl.id = fu.placement_id
    join candidacies k on k.id = pl.candidacy_id
    join employment_openings o on o.id = pl.opening_id
    join cases c on c.id = pl.case_id
    where fu.month in (3, 6) and (fu.status = 'done' or fu.due_on <= ${f.today}::date)
      and pl.start_on between ${f.from}::date and ${f.to}::date
      ${scopeOn(scope, sql`k.partner_organization_id`, sql`c.organization_id`)}
      ${openingFilters(f)}
    group by fu.month`,
  );
}

export interface IncomeRow {
  withIncome: number;
  withoutIncome: number;
  q1: number | null;
  median: number | null;
  q3: number | null;
}

/**
 * Returnees with a skills profile who arrived in the period: days from arrival to the first income
 * (the profile's income date or the first placement's start, whichever is earlier, not in the future).
 */
export async function timeToIncome(db: DbHandle, f: ReportFilter, scope: ScopeFilter): Promise<IncomeRow> {
  const s = seekerSector(f, sql`x.code`);
  const [r] = await rows<IncomeRow>(
    db,
    sql`
    with r as materialized (
      select c.arrived_on as arrived,
        least(case when p.income_since <= ${f.today}::date then p.income_since end, pl.start_on) as first
      from skills_profiles p join cases c on c.id = p.case_id
      left join lateral (select min(pl.start_on) as start_on from placements pl where pl.case_id = c.id and pl.start_on <= ${f.today}::date) pl on true
      where c.direction = 'inbound' and c.arrived_on between ${f.from}::date and ${f.to}::date
        ${scopeOn(scope, sql`null`, sql`c.organization_id`)}
        ${f.province ? sql`and (c.province_code = ${f.province} or exists (select 1 from unnest(p.preferred_area_codes) a where left(a, 2) = ${f.province}))` : sql``}
        ${
          f.sector
            ? sql`and exists (
                select 1 from (
                  select y as code from unnest(p.preferred_sectors) y
                  union select h->>'sector' from jsonb_array_elements(case when jsonb_typeof(p.work_history) = 'array' then p.work_history else '[]'::jsonb end) h
                ) x where x.code is not null and ${s.where})`
            : sql``
        }
    )
    select count(*) filter (where first is not null)::int as "withIncome",
      count(*) filter (where first is null)::int as "withoutIncome",
      percentile_cont(0.25) within group (order by greatest(first - arrived, 0)) filter (where first is not null) as q1,
      percentile_cont(0.5) within group (order by greatest(first - arrived, 0)) filter (where first is not null) as median,
      percentile_cont(0.75) within group (order by greatest(first - arrived, 0)) filter (where first is not null) as q3
    from r`,
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return { withIncome: r?.withIncome ?? 0, withoutIncome: r?.withoutIncome ?? 0, q1: num(r?.q1), median: num(r?.median), q3: num(r?.q3) };
}

export async function provinceNames(db: DbHandle, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const list = await rows<{ code: string; name: string }>(db, sql`select code, name from areas where code = any(${pgArray(codes)}::text[]) and level = 'province'`);
  return new Map(list.map((r) => [r.code, r.name]));
}

export async function organizationName(db: DbHandle, id: string): Promise<string | null> {
  const [r] = await rows<{ name: string }>(db, sql`select name from organizations where id = ${id}`);
  return r?.name ?? null;
}
