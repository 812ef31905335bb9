// The employment report: de-identified figures for partners and coordinators. Who sees what:
// `employment.report` at reach `all` (analysts, system administrators) sees the network; a partner
// (private_partner) sees the network's openings-against-seekers table and the placements of its own
// openings; a supervisor or organisation administrator sees the table and the placements and time
// to income of its organisation's cases. Counts below 5 are suppressed (suppression.ts).
import { sql } from 'drizzle-orm';
import { todayInJakarta } from '../../cases/derived.js';
import { badRequest, type FieldErrors } from '../../platform/http/errors.js';
import type { Ctx } from '../../platform/http/context.js';
import { reachOf } from '../../policy/policy.js';
import { addDays, addMonths } from '../../reintegration/sustainability/schedule.js';
import { requirePartnerReady } from '../partners/gate.js';
import { isicSectors, suppressBelow } from '../vocabulary.js';
import * as dal from './dal.js';
import type { EmploymentReport, ReportQuery } from './schema.js';
import { cell, complementarySuppression, hidden, rate, show, type Cell, type Group } from './suppression.js';

export interface ReportOptions {
  format: 'json' | 'csv';
}

async function resolveScope(ctx: Ctx): Promise<{ filter: dal.ScopeFilter; organizationId: string | null }> {
  const reach = await ctx.reach('employment.report');
  await requirePartnerReady(ctx);
  const me = ctx.who();
  if (reach === 'all') return { filter: { kind: 'network' }, organizationId: null };
  // Reach `organization` (`self` is never granted for this action).
  // Those who offer openings (the policy's opening.manage: partners) see the placements of their openings.
  if (reachOf(me, 'opening.manage')) return { filter: { kind: 'partner', organizationId: me.organizationId }, organizationId: me.organizationId };
  return { filter: { kind: 'organization', organizationId: me.organizationId }, organizationId: me.organizationId };
}

/** The period asked for, with its defaults: a year up to today. */
export function periodOf(q: Pick<ReportQuery, 'from' | 'to'>, today = todayInJakarta()): { from: string; to: string } {
  const to = q.to ?? (q.from && q.from > today ? q.from : today);
  const from = q.from ?? addDays(addMonths(to, -12), 1);
  return { from, to };
}

type Measure = 'openings' | 'places' | 'seekers';
const measures: Measure[] = ['openings', 'places', 'seekers'];
type Figures = Record<Measure, Cell>;
const emptyFigures = (): Figures => ({ openings: cell(0), places: cell(0), seekers: cell(0) });

/** Builds the openings-against-seekers table with its totals, then hides what must be hidden. */
function supplyTable(openings: dal.SupplyRow[], seekers: dal.SeekerRow[]) {
  const cells = new Map<string, { pr: string; sec: string; f: Figures }>();
  const provinces = new Map<string, Figures>();
  const sectors = new Map<string, Figures>();
  const total = emptyFigures();
  const at = (pr: string | null, sec: string | null, gp: number, gs: number): Figures => {
    if (gp && gs) return total;
    if (gs) {
      if (!provinces.has(pr!)) provinces.set(pr!, emptyFigures());
      return provinces.get(pr!)!;
    }
    if (gp) {
      if (!sectors.has(sec!)) sectors.set(sec!, emptyFigures());
      return sectors.get(sec!)!;
    }
    const key = `${pr}|${sec}`;
    if (!cells.has(key)) cells.set(key, { pr: pr!, sec: sec!, f: emptyFigures() });
    return cells.get(key)!.f;
  };
  for (const r of openings) {
    const f = at(r.pr, r.sec, r.gp, r.gs);
    f.openings = cell(r.openings);
    f.places = cell(r.places);
  }
  for (const r of seekers) at(r.pr, r.sec, r.gp, r.gs).seekers = cell(r.seekers);

  const cellList = [...cells.values()].sort((a, b) => a.pr.localeCompare(b.pr) || a.sec.localeCompare(b.sec));
  const provinceCodes = [...provinces.keys()].sort();
  const sectorCodes = [...sectors.keys()].sort();
  // Totals always exist once there is a cell; a province or sector with no cell has none either.
  for (const m of measures) {
    const groups: Group[] = [
      ...provinceCodes.map((pr) => ({ cells: cellList.filter((c) => c.pr === pr).map((c) => c.f[m]), total: provinces.get(pr)![m] })),
      ...sectorCodes.map((sec) => ({ cells: cellList.filter((c) => c.sec === sec).map((c) => c.f[m]), total: sectors.get(sec)![m] })),
      { cells: provinceCodes.map((pr) => provinces.get(pr)![m]), total: total[m] },
      { cells: sectorCodes.map((sec) => sectors.get(sec)![m]), total: total[m] },
    ];
    complementarySuppression(groups);
  }
  return { cellList, provinceCodes, provinces, sectorCodes, sectors, total };
}

const figuresOut = (f: Figures) => ({ openings: show(f.openings), places: show(f.places), seekers: show(f.seekers) });

export async function report(ctx: Ctx, query: ReportQuery, options: ReportOptions = { format: 'json' }): Promise<EmploymentReport> {
  const scope = await resolveScope(ctx);
  const today = todayInJakarta();
  const { from, to } = periodOf(query, today);
  const fields: FieldErrors = {};
  if (to < from) fields.to = 'end_before_start';
  const names = await dal.provinceNames(ctx.db, query.province ? [query.province] : []);
  if (query.province && !names.has(query.province)) fields.province = 'unknown_area';
  if (Object.keys(fields).length) throw badRequest('Some filters are invalid.', fields);
  const f: dal.ReportFilter = { from, to, today, province: query.province ?? null, sector: query.sector ?? null };

  // One consistent snapshot for every figure. JIT compilation is off for these few aggregate
  // queries: their row estimates through unnest and jsonb are far too high, and on 1,000,000 cases
  // PostgreSQL spent more time compiling them (up to 3 s) than running them.
  const { openings, remote, seekers, funnel, retention, income } = await ctx.db.transaction(
    async (tx) => {
      await tx.execute(sql`set local jit = off`);
      return {
        openings: await dal.supplyOpenings(tx, f),
        remote: await dal.remoteOpenings(tx, f),
        seekers: await dal.supplySeekers(tx, f),
        funnel: await dal.funnel(tx, f, scope.filter),
        retention: await dal.retention(tx, f, scope.filter),
        income: scope.filter.kind === 'partner' ? null : await dal.timeToIncome(tx, f, scope.filter),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );

  const table = supplyTable(openings, seekers);
  const provinceList = await dal.provinceNames(ctx.db, table.provinceCodes);
  const province = (code: string) => ({ code, name: provinceList.get(code) ?? names.get(code) ?? null });

  const putForward = cell(funnel.putForward);
  const hired = cell(funnel.hired);
  const retentionOf = (month: number) => {
    const r = retention.find((x) => x.month === month) ?? { due: 0, followedUp: 0, stillEmployed: 0 };
    const due = cell(r.due);
    const still = cell(r.stillEmployed);
    return { due: show(due), followedUp: show(cell(r.followedUp)), stillEmployed: show(still), rate: rate(still, due) };
  };

  let timeToIncome: EmploymentReport['timeToIncome'] = null;
  if (income) {
    const withIncome = cell(income.withIncome);
    const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    timeToIncome = {
      withIncome: show(withIncome),
      withoutIncome: show(cell(income.withoutIncome)),
      days: hidden(withIncome)
        ? { q1: null, median: null, q3: null, suppressed: true }
        : { q1: round(income.q1), median: round(income.median), q3: round(income.q3), suppressed: false },
    };
  }

  const out: EmploymentReport = {
    scope: {
      kind: scope.filter.kind,
      organization: scope.organizationId ? { id: scope.organizationId, name: (await dal.organizationName(ctx.db, scope.organizationId)) ?? '' } : null,
    },
    period: { from, to },
    filters: { province: query.province ? province(query.province) : null, sector: query.sector ?? null },
    suppressBelow,
    supply: {
      cells: table.cellList.map((c) => ({ province: province(c.pr), sector: c.sec, ...figuresOut(c.f) })),
      provinces: table.provinceCodes.map((pr) => ({ province: province(pr), ...figuresOut(table.provinces.get(pr)!) })),
      sectors: table.sectorCodes.map((sec) => ({ sector: sec, ...figuresOut(table.sectors.get(sec)!) })),
      total: figuresOut(table.total),
      remote: { openings: show(cell(remote.openings)), places: show(cell(remote.places)) },
    },
    placements: {
      putForward: show(putForward),
      interview: show(cell(funnel.interview)),
      offer: show(cell(funnel.offer)),
      hired: show(hired),
      rejected: show(cell(funnel.rejected)),
      placementRate: rate(hired, putForward),
      retention: { month3: retentionOf(3), month6: retentionOf(6) },
    },
    timeToIncome,
  };
  await ctx.audit(ctx.db, {
    action: 'employment.report.read',
    outcome: 'success',
    targetType: scope.organizationId ? 'organization' : null,
    targetId: scope.organizationId,
    details: { scope: scope.filter.kind, format: options.format, from, to, province: f.province, sector: f.sector },
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// CSV: the same figures, one per line (long format), so a spreadsheet can pivot them.

const csvField = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  // Quote what needs it; a leading formula character is neutralised for spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function toCsv(r: EmploymentReport, lang: 'id' | 'en'): string {
  const label = (code: string) => isicSectors.find((s) => s.code === code)?.label[lang] ?? code;
  const lines: (string | number | null)[][] = [['table', 'province_code', 'province', 'sector', 'sector_label', 'measure', 'value']];
  const add = (table: string, pr: { code: string; name: string | null } | null, sector: string | null, measure: string, value: string | number | null) =>
    lines.push([table, pr?.code ?? null, pr?.name ?? null, sector, sector ? label(sector) : null, measure, value]);
  const rateValue = (x: { value: number | null; suppressed: boolean }) => (x.suppressed ? 'suppressed' : x.value);

  add('meta', null, null, 'scope', r.scope.kind);
  if (r.scope.organization) add('meta', null, null, 'organization', r.scope.organization.name);
  add('meta', null, null, 'from', r.period.from);
  add('meta', null, null, 'to', r.period.to);
  add('meta', null, null, 'filter_province', r.filters.province?.code ?? null);
  add('meta', null, null, 'filter_sector', r.filters.sector);
  add('meta', null, null, 'suppress_below', r.suppressBelow);
  for (const c of r.supply.cells) for (const m of measures) add('supply', c.province, c.sector, m, c[m]);
  for (const p of r.supply.provinces) for (const m of measures) add('supply_province_total', p.province, null, m, p[m]);
  for (const s of r.supply.sectors) for (const m of measures) add('supply_sector_total', null, s.sector, m, s[m]);
  for (const m of measures) add('supply_total', null, null, m, r.supply.total[m]);
  add('supply_remote', null, null, 'openings', r.supply.remote.openings);
  add('supply_remote', null, null, 'places', r.supply.remote.places);
  const p = r.placements;
  add('placements', null, null, 'put_forward', p.putForward);
  add('placements', null, null, 'interview', p.interview);
  add('placements', null, null, 'offer', p.offer);
  add('placements', null, null, 'hired', p.hired);
  add('placements', null, null, 'rejected', p.rejected);
  add('placements', null, null, 'placement_rate', rateValue(p.placementRate));
  for (const [m, x] of [
    [3, p.retention.month3],
    [6, p.retention.month6],
  ] as const) {
    add('retention', null, null, `month${m}_due`, x.due);
    add('retention', null, null, `month${m}_followed_up`, x.followedUp);
    add('retention', null, null, `month${m}_still_employed`, x.stillEmployed);
    add('retention', null, null, `month${m}_rate`, rateValue(x.rate));
  }
  if (r.timeToIncome) {
    const t = r.timeToIncome;
    add('time_to_income', null, null, 'with_income', t.withIncome);
    add('time_to_income', null, null, 'without_income', t.withoutIncome);
    for (const k of ['q1', 'median', 'q3'] as const) add('time_to_income', null, null, `days_${k}`, t.days.suppressed ? 'suppressed' : t.days[k]);
  }
  return `\ufeff${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export const csvFileName = (r: EmploymentReport) => `pulang-employment-report-${r.period.from}-${r.period.to}.csv`;
