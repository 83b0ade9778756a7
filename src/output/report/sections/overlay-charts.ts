// The same time-series charts for every variant of a comparison (or point of a sweep),
// overlaid: one line per run labelled with its runs/ folder name (a colour each, the same
// on every chart), one chart per service and metric, and the total cost to date.

import type { ResultsData } from '../data/results-data.js';
import { metricPeriodS } from '../data/metric-period.js';
import { lineChart, type LineSeries } from '../charts/line-chart.js';
import { seriesColor, seriesDash } from '../charts/palette.js';
import { simClock } from '../format/sim-time.js';
import { atEnd, atMiddle } from './series-points.js';

interface OverlayMetric {
  column: string;
  title: string;
  yTitle: string;
  at: 'middle' | 'end';
}

const METRICS: OverlayMetric[] = [
  { column: 'request_rate', title: 'request rate', yTitle: 'requests / s', at: 'middle' },
  { column: 'running_count', title: 'running tasks', yTitle: 'tasks', at: 'end' },
  { column: 'cpu_utilization', title: 'CPU utilization', yTitle: '% of reserved', at: 'middle' },
  { column: 'latency_p95_ms', title: 'p95 latency', yTitle: 'latency (ms)', at: 'middle' },
];

/** `by` names what a line is in the titles: "variant" (compare) or "point" (sweep). */
export function overlayCharts(runs: Map<string, ResultsData>, by: 'variant' | 'point' = 'variant'): { service: string; charts: string[] }[] {
  const entries = [...runs.entries()];
  if (entries.length === 0) return [];
  const first = entries[0][1];
  const clock = simClock(first.startEpochMs, Math.max(...entries.map(([, r]) => r.durationSeconds)));
  const domainS: [number, number] = [0, Math.max(...entries.map(([, r]) => r.durationSeconds))];
  const services = [...new Set(entries.flatMap(([, r]) => [...r.services.keys()]))];
  const out: { service: string; charts: string[] }[] = [];
  for (const service of services) {
    const charts = METRICS.map((m) => {
      const series: LineSeries[] = [];
      entries.forEach(([name, r], i) => {
        const s = r.services.get(service);
        const y = s?.columns[m.column];
        if (!s || !y) return;
        const periodS = metricPeriodS([s]);
        const x = m.at === 'middle' ? atMiddle(s.time, periodS) : atEnd(s.time, periodS);
        series.push({ label: name, x, y, color: seriesColor(i), dashArray: seriesDash(i), curve: m.at === 'end' ? 'step' : 'linear' });
      });
      return lineChart({ title: `${service} — ${overlayTitle(m, periodOf(entries, service))} by ${by}`, clock, domainS, yTitle: m.yTitle, series });
    });
    out.push({ service, charts });
  }
  const cost: LineSeries[] = [];
  entries.forEach(([name, r], i) => {
    const total = totalCost(r);
    if (total) cost.push({ label: name, x: total.x, y: total.y, color: seriesColor(i), dashArray: seriesDash(i) });
  });
  if (cost.length) out.push({ service: '', charts: [lineChart({ title: `Total cost to date by ${by}`, clock, domainS, yTitle: 'USD', series: cost })] });
  return out;
}

/**
 * The chart's title: the latency chart names its p95 per metric period ("per-minute p95
 * latency"), not to be read as the table's p95 over all of a run's requests.
 */
function overlayTitle(m: OverlayMetric, periodS: number): string {
  if (m.column !== 'latency_p95_ms') return m.title;
  if (periodS === 60) return 'per-minute p95 latency';
  return Number.isFinite(periodS) ? `p95 latency per ${periodS} s period` : 'p95 latency per metric period';
}

/** The metric period of the first run with the service. */
function periodOf(entries: [string, ResultsData][], service: string): number {
  for (const [, r] of entries) {
    const s = r.services.get(service);
    if (s) return metricPeriodS([s]);
  }
  return NaN;
}

/** cost_to_date summed over the run's capacity providers, at each period's end. */
function totalCost(r: ResultsData): { x: Float64Array; y: Float64Array } | null {
  const providers = [...r.providers.values()];
  if (providers.length === 0) return null;
  const n = Math.min(...providers.map((p) => p.time.length));
  const y = new Float64Array(n);
  for (const p of providers) {
    const c = p.columns.cost_to_date;
    if (c) for (let i = 0; i < n; i++) y[i] += Number.isFinite(c[i]) ? c[i] : 0;
  }
  return { x: atEnd(providers[0].time.subarray(0, n), metricPeriodS(providers)), y };
}
