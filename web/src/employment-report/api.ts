// Typed API of the employment report (served by src/employment/report/routes.ts). Counts come as
// a number of at least 5 or the string "<5"; rates and days are null when suppressed.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from '../api/client';

export { isicSectors, suppressBelow } from '../../../src/employment/vocabulary';

export type Count = number | string;
export interface Rate {
  value: number | null;
  suppressed: boolean;
}
export interface ProvinceRef {
  code: string;
  name: string | null;
}
export interface SupplyFigures {
  openings: Count;
  places: Count;
  seekers: Count;
}
export interface RetentionFigures {
  due: Count;
  followedUp: Count;
  stillEmployed: Count;
  rate: Rate;
}
export type ReportScopeKind = 'network' | 'partner' | 'organization';

export interface EmploymentReport {
  scope: { kind: ReportScopeKind; organization: { id: string; name: string } | null };
  period: { from: string; to: string };
  filters: { province: ProvinceRef | null; sector: string | null };
  suppressBelow: number;
  supply: {
    cells: (SupplyFigures & { province: ProvinceRef; sector: string })[];
    provinces: (SupplyFigures & { province: ProvinceRef })[];
    sectors: (SupplyFigures & { sector: string })[];
    total: SupplyFigures;
    remote: { openings: Count; places: Count };
  };
  placements: {
    putForward: Count;
    interview: Count;
    offer: Count;
    hired: Count;
    rejected: Count;
    placementRate: Rate;
    retention: { month3: RetentionFigures; month6: RetentionFigures };
  };
  timeToIncome: {
    withIncome: Count;
    withoutIncome: Count;
    days: { q1: number | null; median: number | null; q3: number | null; suppressed: boolean };
  } | null;
}

export interface ReportFilters {
  from?: string;
  to?: string;
  province?: string;
  sector?: string;
}

const clean = (f: ReportFilters) => ({ from: f.from || undefined, to: f.to || undefined, province: f.province || undefined, sector: f.sector || undefined });

export const employmentReportQuery = (f: ReportFilters) =>
  queryOptions({
    queryKey: ['employment', 'report', clean(f)],
    queryFn: ({ signal }) => api<EmploymentReport>('/employment/report', { query: clean(f), signal }),
    placeholderData: keepPreviousData,
    retry: false,
  });

/** The CSV download of the same figures (the session cookie goes with the link). */
export const employmentReportCsvUrl = (f: ReportFilters, lang: 'id' | 'en') => withQuery('/api/v1/employment/report.csv', { ...clean(f), lang });

export const provincesQuery = queryOptions({
  queryKey: ['areas', 'provinces'],
  queryFn: ({ signal }) => api<{ items: { code: string; name: string }[] }>('/areas', { query: { level: 'province' }, signal }),
  staleTime: Infinity,
});
