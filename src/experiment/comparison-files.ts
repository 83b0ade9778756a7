// The CSVs of a comparison folder (names and columns are read by the HTML report):
// comparison.csv, paired.csv, replications.csv.

import { stringify } from 'csv-stringify/sync';
import { formatFigure } from '../output/csv-file.js';
import type { Comparison } from './compare.js';
import { METRICS } from './metrics.js';

/**
 * One row per variant: `variant`, then `<metric>_mean, <metric>_ci95` per metric, then
 * `pareto`, then `<metric>_n` per metric: the replications with a value (fewer than all when
 * a run has none, e.g. no p95 latency without a request served), which the mean is over.
 */
export function comparisonCsv(c: Comparison): string {
  const header = ['variant', ...METRICS.flatMap((m) => [`${m}_mean`, `${m}_ci95`]), 'pareto', ...METRICS.map((m) => `${m}_n`)];
  const rows = c.variants.map((v) => [
    v.name,
    ...v.stats.flatMap((s) => [formatFigure(s.mean), formatFigure(s.ci95)]),
    String(v.pareto),
    ...v.stats.map((s) => String(s.n)),
  ]);
  return stringify([header, ...rows]);
}

/**
 * One row per variant but the first: `variant, baseline`, then `<metric>_diff_mean,
 * <metric>_diff_ci95` (variant - baseline), then `<metric>_diff_n` per metric: the
 * replications where both have a value, which the difference is over.
 */
export function pairedCsv(c: Comparison): string {
  const header = ['variant', 'baseline', ...METRICS.flatMap((m) => [`${m}_diff_mean`, `${m}_diff_ci95`]), ...METRICS.map((m) => `${m}_diff_n`)];
  const baseline = c.variants[0].name;
  const rows = c.variants
    .filter((v) => v.paired !== null)
    .map((v) => [v.name, baseline, ...v.paired!.flatMap((s) => [formatFigure(s.mean), formatFigure(s.ci95)]), ...v.paired!.map((s) => String(s.n))]);
  return stringify([header, ...rows]);
}

/** One row per (variant, replication): `variant, replication, seed`, then the raw metrics. */
export function replicationsCsv(c: Comparison): string {
  const header = ['variant', 'replication', 'seed', ...METRICS];
  const rows = c.variants.flatMap((v) => v.replications.map((r, k) => [v.name, String(k), String(c.seeds[k]), ...r.map(formatFigure)]));
  return stringify([header, ...rows]);
}
