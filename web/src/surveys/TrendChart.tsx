// The trend of sustainability scores across a case's surveys: one small chart per dimension and
// one for the composite (inline SVG, each with a title and a description that says the trend in
// words), and the same figures in a table for those who do not read charts.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n';
import { trendSeries, type TrendPoint, type TrendSeries } from './api';
import { percentText, scoreWithPercent } from './format';

const W = 320;
const H = 150;
const pad = { left: 40, right: 12, top: 12, bottom: 28 };

function Chart({ series, points }: { series: TrendSeries; points: TrendPoint[] }) {
  const { t } = useTranslation();
  const id = useId();
  const name = t(`surveys.series.${series}`);
  const times = points.map((p) => Date.parse(`${p.on}T00:00:00Z`));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (ms: number) => (t1 === t0 ? (pad.left + W - pad.right) / 2 : pad.left + ((ms - t0) / (t1 - t0)) * (W - pad.left - pad.right));
  const y = (v: number) => pad.top + (1 - v) * (H - pad.top - pad.bottom);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const description =
    points.length === 1
      ? t('surveys.trend.describeOne', { score: percentText(first.score), date: formatDate(first.on) })
      : t('surveys.trend.describe', {
          count: points.length,
          from: percentText(first.score),
          fromDate: formatDate(first.on),
          to: percentText(last.score),
          toDate: formatDate(last.on),
        });
  return (
    <figure className={`trend-chart trend-${series}`}>
      <figcaption id={`${id}-caption`}>
        <strong>{name}</strong> <span className="muted small">{percentText(last.score)}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="xMidYMid meet">
        <title id={`${id}-title`}>{t('surveys.trend.chartTitle', { name })}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {[0, 0.5, 1].map((v) => (
          <g key={v} className="trend-grid">
            <line x1={pad.left} x2={W - pad.right} y1={y(v)} y2={y(v)} />
            <text x={pad.left - 6} y={y(v) + 4} textAnchor="end">
              {percentText(v)}
            </text>
          </g>
        ))}
        <text className="trend-axis" x={pad.left} y={H - 8} textAnchor="start">
          {formatDate(first.on)}
        </text>
        {points.length > 1 ? (
          <text className="trend-axis" x={W - pad.right} y={H - 8} textAnchor="end">
            {formatDate(last.on)}
          </text>
        ) : null}
        {points.length > 1 ? <polyline className="trend-line" points={points.map((p, i) => `${x(times[i]!)},${y(p.score)}`).join(' ')} /> : null}
        {points.map((p, i) => (
          <circle key={`${p.on}-${i}`} className="trend-point" cx={x(times[i]!)} cy={y(p.score)} r={4} />
        ))}
      </svg>
    </figure>
  );
}

export function TrendCharts({ trend }: { trend: Record<TrendSeries, TrendPoint[]> }) {
  const { t } = useTranslation();
  const rows = trend.composite.map((p, i) => ({
    on: p.on,
    values: trendSeries.map((s) => trend[s][i]?.score ?? null),
  }));
  if (!rows.length) return <p>{t('surveys.trend.none')}</p>;
  return (
    <>
      <div className="trend-charts">
        {trendSeries.map((s) => (trend[s].length ? <Chart key={s} series={s} points={trend[s]} /> : null))}
      </div>
      <details className="trend-table">
        <summary>{t('surveys.trend.table')}</summary>
        <table className="responsive">
          <caption className="visually-hidden">{t('surveys.trend.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('surveys.labels.conductedOn')}</th>
              {trendSeries.map((s) => (
                <th key={s} scope="col">
                  {t(`surveys.series.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.on}-${i}`}>
                <th scope="row" data-label={t('surveys.labels.conductedOn')}>
                  {formatDate(r.on)}
                </th>
                {r.values.map((v, k) => (
                  <td key={trendSeries[k]} data-label={t(`surveys.series.${trendSeries[k]!}`)}>
                    {v === null ? '—' : scoreWithPercent(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
