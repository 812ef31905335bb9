// De-identified employment figures: openings against seekers, placements and retention, time to first income.
// Counts below 5 come from the server as "<5" and are shown as such, with a word for screen
// readers; rates that would give a hidden count away are shown as hidden. Filters (period,
// province, sector) apply on "Apply"; the same figures download as CSV. Tables become cards at
// phone width (table.responsive with data-label).
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/me';
import { currentLanguage, formatDate, formatNumber, intlLocale } from '../i18n';
import { fieldError } from '../i18n/errors';
import { NoAccess } from '../shell/NotFoundPage';
import { SelectField, TextField } from '../ui/Field';
import { FilterPanel } from '../ui/FilterPanel';
import { ErrorAlert, Loading } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import {
  employmentReportCsvUrl,
  employmentReportQuery,
  isicSectors,
  provincesQuery,
  suppressBelow,
  type Count,
  type EmploymentReport,
  type Rate,
  type ReportFilters,
  type RetentionFigures,
  type SupplyFigures,
} from './api';
import './employment-report.css';

const noFilters: ReportFilters = { from: '', to: '', province: '', sector: '' };

export function EmploymentReportPage() {
  const me = useMe();
  const { t } = useTranslation();
  usePageTitle(t('employmentReport.title'));
  if (!can(me, 'employment.report')) return <NoAccess />;
  return <Report />;
}

function sectorLabel(code: string): string {
  const s = isicSectors.find((x) => x.code === code);
  return s ? `${code} · ${s.label[currentLanguage()]}` : code;
}

/** A count: a number, or "<5" with what it means for a screen reader. */
function Num({ value }: { value: Count }) {
  const { t } = useTranslation();
  if (typeof value === 'number') return <>{formatNumber(value)}</>;
  return (
    <span className="suppressed" title={t('employmentReport.fewerThan', { n: suppressBelow })}>
      <span aria-hidden="true">{value}</span>
      <span className="visually-hidden">{t('employmentReport.fewerThan', { n: suppressBelow })}</span>
    </span>
  );
}

function Pct({ rate }: { rate: Rate }) {
  const { t } = useTranslation();
  if (rate.suppressed || rate.value === null) return <span className="suppressed">{t('employmentReport.hidden')}</span>;
  return <>{new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(rate.value)}</>;
}

function Days({ value, suppressed }: { value: number | null; suppressed: boolean }) {
  const { t } = useTranslation();
  if (suppressed || value === null) return <span className="suppressed">{t('employmentReport.hidden')}</span>;
  return <>{t('employmentReport.income.daysValue', { count: value, formatted: formatNumber(value) })}</>;
}

function Report() {
  const { t } = useTranslation();
  const [form, setForm] = useState<ReportFilters>(noFilters);
  const [filters, setFilters] = useState<ReportFilters>(noFilters);
  const report = useQuery(employmentReportQuery(filters));
  const provinces = useQuery(provincesQuery);
  const set = (k: keyof ReportFilters) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [k]: e.target.value });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters(form);
  };
  const r = report.data;

  return (
    <section className="page employment-report">
      <div className="page-head">
        <h1>{t('employmentReport.title')}</h1>
        {r ? (
          <a className="button secondary" href={employmentReportCsvUrl(filters, currentLanguage())} download>
            {t('employmentReport.download')}
          </a>
        ) : null}
      </div>
      <p className="muted">{t('employmentReport.intro')}</p>
      <p className="suppression-note">
        <strong>{t('employmentReport.suppressionTitle', { n: suppressBelow })}</strong> {t('employmentReport.suppressionText', { n: suppressBelow })}
      </p>

      <FilterPanel active={Object.values(filters).some(Boolean)}>
        <form role="search" className="filters" onSubmit={apply} aria-label={t('employmentReport.filters')}>
          <TextField label={t('employmentReport.from')} name="from" type="date" value={form.from} onChange={set('from')} error={fieldError(report.error, 'from')} />
          <TextField label={t('employmentReport.to')} name="to" type="date" value={form.to} onChange={set('to')} error={fieldError(report.error, 'to')} />
          <SelectField label={t('employmentReport.province')} name="province" value={form.province} onChange={set('province')} error={fieldError(report.error, 'province')}>
            <option value="">{t('employmentReport.allProvinces')}</option>
            {(provinces.data?.items ?? []).map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('employmentReport.sector')} name="sector" value={form.sector} onChange={set('sector')} error={fieldError(report.error, 'sector')}>
            <option value="">{t('employmentReport.allSectors')}</option>
            {isicSectors.map((s) => (
              <option key={s.code} value={s.code}>
                {s.code.length > 1 ? `\u00a0\u00a0${sectorLabel(s.code)}` : sectorLabel(s.code)}
              </option>
            ))}
          </SelectField>
          <div className="actions">
            <button type="submit" className="button">
              {t('common.apply')}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setForm(noFilters);
                setFilters(noFilters);
              }}
            >
              {t('common.reset')}
            </button>
          </div>
        </form>
      </FilterPanel>

      {report.isPending ? <Loading /> : null}
      <ErrorAlert error={report.error} />
      {r ? <Figures r={r} /> : null}
    </section>
  );
}

function Figures({ r }: { r: EmploymentReport }) {
  const { t } = useTranslation();
  const scopeText =
    r.scope.kind === 'network'
      ? t('employmentReport.scope.network')
      : r.scope.kind === 'partner'
        ? t('employmentReport.scope.partner', { name: r.scope.organization?.name ?? '' })
        : t('employmentReport.scope.organization', { name: r.scope.organization?.name ?? '' });
  return (
    <>
      <div className="report-scope" role="status">
        <p>
          <strong>{t('employmentReport.scope.label')}</strong> {scopeText}
        </p>
        <p>
          {t('employmentReport.period', { from: formatDate(r.period.from), to: formatDate(r.period.to) })}
          {r.filters.province ? ` · ${r.filters.province.name ?? r.filters.province.code}` : ''}
          {r.filters.sector ? ` · ${sectorLabel(r.filters.sector)}` : ''}
        </p>
      </div>
      <Supply r={r} />
      <Placements r={r} />
      <Income r={r} />
    </>
  );
}

function SupplyCells({ f, label }: { f: SupplyFigures; label: (k: string) => string }) {
  return (
    <>
      <td className="num" data-label={label('openings')}>
        <Num value={f.openings} />
      </td>
      <td className="num" data-label={label('places')}>
        <Num value={f.places} />
      </td>
      <td className="num" data-label={label('seekers')}>
        <Num value={f.seekers} />
      </td>
    </>
  );
}

function SupplyHead({ first }: { first: ReactNode[] }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        {first.map((h, i) => (
          <th scope="col" key={i}>
            {h}
          </th>
        ))}
        <th scope="col" className="num">
          {t('employmentReport.supply.openings')}
        </th>
        <th scope="col" className="num">
          {t('employmentReport.supply.places')}
        </th>
        <th scope="col" className="num">
          {t('employmentReport.supply.seekers')}
        </th>
      </tr>
    </thead>
  );
}

function Supply({ r }: { r: EmploymentReport }) {
  const { t } = useTranslation();
  const label = (k: string) => t(`employmentReport.supply.${k}` as never) as string;
  const s = r.supply;
  return (
    <section className="section" aria-labelledby="supply-title">
      <h2 id="supply-title">{t('employmentReport.supply.title')}</h2>
      <p className="hint">{t('employmentReport.supply.intro')}</p>
      {s.cells.length === 0 ? (
        <p role="status">{t('employmentReport.supply.empty')}</p>
      ) : (
        <>
          <h3 id="supply-cells-title">{t('employmentReport.supply.byProvinceAndSector')}</h3>
          <table className="responsive report-table" aria-labelledby="supply-cells-title">
            <SupplyHead first={[t('employmentReport.province'), t('employmentReport.sector')]} />
            <tbody>
              {s.cells.map((c) => (
                <tr key={`${c.province.code}-${c.sector}`}>
                  <th scope="row" data-label={t('employmentReport.province')}>
                    {c.province.name ?? c.province.code}
                  </th>
                  <td className="wide" data-label={t('employmentReport.sector')}>
                    {sectorLabel(c.sector)}
                  </td>
                  <SupplyCells f={c} label={label} />
                </tr>
              ))}
            </tbody>
          </table>

          <h3 id="supply-provinces-title">{t('employmentReport.supply.byProvince')}</h3>
          <table className="responsive report-table" aria-labelledby="supply-provinces-title">
            <SupplyHead first={[t('employmentReport.province')]} />
            <tbody>
              {s.provinces.map((p) => (
                <tr key={p.province.code}>
                  <th scope="row" data-label={t('employmentReport.province')}>
                    {p.province.name ?? p.province.code}
                  </th>
                  <SupplyCells f={p} label={label} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" data-label={t('employmentReport.province')}>
                  {t('employmentReport.supply.total')}
                </th>
                <SupplyCells f={s.total} label={label} />
              </tr>
            </tfoot>
          </table>

          <h3 id="supply-sectors-title">{t('employmentReport.supply.bySector')}</h3>
          <table className="responsive report-table" aria-labelledby="supply-sectors-title">
            <SupplyHead first={[t('employmentReport.sector')]} />
            <tbody>
              {s.sectors.map((x) => (
                <tr key={x.sector}>
                  <th scope="row" data-label={t('employmentReport.sector')}>
                    {sectorLabel(x.sector)}
                  </th>
                  <SupplyCells f={x} label={label} />
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{t('employmentReport.supply.seekersNote')}</p>
        </>
      )}
      <p>
        {t('employmentReport.supply.remote')}{' '}
        <Num value={s.remote.openings} /> {t('employmentReport.supply.remoteOpenings')}, <Num value={s.remote.places} /> {t('employmentReport.supply.remotePlaces')}
      </p>
    </section>
  );
}

function Placements({ r }: { r: EmploymentReport }) {
  const { t } = useTranslation();
  const p = r.placements;
  const stage = (k: string) => t(`employmentReport.placements.${k}` as never) as string;
  const col = (k: string) => t(`employmentReport.retention.${k}` as never) as string;
  const row = (month: 3 | 6, x: RetentionFigures) => (
    <tr key={month}>
      <th scope="row" data-label={col('month')}>
        {t('employmentReport.retention.months', { count: month })}
      </th>
      <td className="num" data-label={col('due')}>
        <Num value={x.due} />
      </td>
      <td className="num" data-label={col('followedUp')}>
        <Num value={x.followedUp} />
      </td>
      <td className="num" data-label={col('stillEmployed')}>
        <Num value={x.stillEmployed} />
      </td>
      <td className="num wide" data-label={col('rate')}>
        <Pct rate={x.rate} />
      </td>
    </tr>
  );
  return (
    <section className="section" aria-labelledby="placements-title">
      <h2 id="placements-title">{t('employmentReport.placements.title')}</h2>
      <p className="hint">{r.scope.kind === 'partner' ? t('employmentReport.placements.introPartner') : t('employmentReport.placements.intro')}</p>
      <table className="responsive report-table" aria-labelledby="placements-title">
        <thead>
          <tr>
            <th scope="col">{stage('step')}</th>
            <th scope="col" className="num">
              {stage('count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {(['putForward', 'interview', 'offer', 'hired', 'rejected'] as const).map((k) => (
            <tr key={k}>
              <th scope="row" data-label={stage('step')}>
                {stage(k)}
              </th>
              <td className="num wide" data-label={stage('count')}>
                <Num value={p[k]} />
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row" data-label={stage('step')}>
              {stage('placementRate')}
            </th>
            <td className="num wide" data-label={stage('count')}>
              <Pct rate={p.placementRate} />
            </td>
          </tr>
        </tbody>
      </table>

      <h3 id="retention-title">{t('employmentReport.retention.title')}</h3>
      <p className="hint">{t('employmentReport.retention.intro')}</p>
      <table className="responsive report-table" aria-labelledby="retention-title">
        <thead>
          <tr>
            <th scope="col">{col('month')}</th>
            <th scope="col" className="num">
              {col('due')}
            </th>
            <th scope="col" className="num">
              {col('followedUp')}
            </th>
            <th scope="col" className="num">
              {col('stillEmployed')}
            </th>
            <th scope="col" className="num">
              {col('rate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {row(3, p.retention.month3)}
          {row(6, p.retention.month6)}
        </tbody>
      </table>
    </section>
  );
}

function Income({ r }: { r: EmploymentReport }) {
  const { t } = useTranslation();
  const x = r.timeToIncome;
  const k = (key: string) => t(`employmentReport.income.${key}` as never) as string;
  return (
    <section className="section" aria-labelledby="income-title">
      <h2 id="income-title">{k('title')}</h2>
      {!x ? (
        <p>{k('notInScope')}</p>
      ) : (
        <>
          <p className="hint">{k('intro')}</p>
          <table className="responsive report-table" aria-labelledby="income-title">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {k('withIncome')}
                </th>
                <th scope="col" className="num">
                  {k('withoutIncome')}
                </th>
                <th scope="col" className="num">
                  {k('q1')}
                </th>
                <th scope="col" className="num">
                  {k('median')}
                </th>
                <th scope="col" className="num">
                  {k('q3')}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td className="num" data-label={k('withIncome')}>
                  <Num value={x.withIncome} />
                </td>
                <td className="num" data-label={k('withoutIncome')}>
                  <Num value={x.withoutIncome} />
                </td>
                <td className="num" data-label={k('q1')}>
                  <Days value={x.days.q1} suppressed={x.days.suppressed} />
                </td>
                <td className="num" data-label={k('median')}>
                  <Days value={x.days.median} suppressed={x.days.suppressed} />
                </td>
                <td className="num" data-label={k('q3')}>
                  <Days value={x.days.q3} suppressed={x.days.suppressed} />
                </td>
              </tr>
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
