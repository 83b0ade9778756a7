// The tables of a comparison page: each variant's metrics as mean ± 95 % CI half-width
// with its Pareto mark, and the paired differences against the first variant (or point); as in
// comparison.md, a figure over fewer replications than were run is marked `(7 of 8)` and a
// significant paired difference `*` (decided by src/experiment/stats.ts on the files' figures);
// and the figures per capacity provider (providers.csv), as comparison.md's second table.

import { COMPARISON_METRICS, METRIC_TITLES, type ComparisonData, type ProviderFigure, type ProviderRow } from '../data/load-comparison.js';
import { PROVIDER_COLUMN_TITLES } from '../../../experiment/comparison-markdown.js';
import type { Table } from './headline-table.js';
import { plusMinus, signedPlusMinusText, withCount } from '../../../experiment/figures-markdown.js';
import { isSignificant, summaryFromInterval } from '../../../experiment/stats.js';
import { shortNames } from '../../../experiment/point-label.js';

export function comparisonTable(c: ComparisonData): Table {
  // a sweep's columns by the point label's short names (as its comparison.md), the full path as the tooltip
  const paths = c.kind === 'sweep' && c.rows[0] ? c.rows[0].params.map(([p]) => p) : [];
  const paramHeader = c.kind === 'sweep' ? shortNames(paths) : ['variant'];
  const header = [...paramHeader, ...COMPARISON_METRICS.map((m) => METRIC_TITLES[m]), 'Pareto (cost vs SLO)'];
  const headerTitles = c.kind === 'sweep' ? paths : undefined;
  const rows = c.rows.map((r) => [
    ...(c.kind === 'sweep' ? r.params.map(([, v]) => v) : [r.label]),
    ...COMPARISON_METRICS.map((m) => counted(withCi(r.mean[m], r.ci95[m]), r.n[m], c.replications)),
    r.pareto ? 'yes' : '',
  ]);
  return { header, headerTitles, rows, numeric: header.map((_, i) => i >= paramHeader.length && i < header.length - 1) };
}

export function pairedTable(c: ComparisonData): Table | null {
  if (c.paired.length === 0) return null;
  // a sweep's points by their values under the paths' short names, as the means table (the
  // baseline, the first point, is named in the section's heading): its full labels, twice a
  // row, squeezed the figures and pushed the last column out of the page
  const paths = c.kind === 'sweep' && c.rows[0] ? c.rows[0].params.map(([p]) => p) : [];
  const params = new Map(c.rows.map((r) => [r.label, r.params.map(([, v]) => v)]));
  const lead = c.kind === 'sweep' ? shortNames(paths) : ['variant', 'minus baseline'];
  const header = [...lead, ...COMPARISON_METRICS.map((m) => `Δ ${METRIC_TITLES[m]}`)];
  const headerTitles = c.kind === 'sweep' ? paths : undefined;
  const rows = c.paired.map((p) => [
    ...(c.kind === 'sweep' ? (params.get(p.variant) ?? [p.variant, ...paths.slice(1).map(() => '')]) : [p.variant, p.baseline]),
    ...COMPARISON_METRICS.map((m) => {
      const text = counted(signedWithCi(p.diffMean[m], p.diffCi95[m]), p.diffN[m], c.replications);
      return Number.isFinite(p.diffMean[m]) && isSignificant(summaryFromInterval(p.diffN[m], p.diffMean[m], p.diffCi95[m])) ? `${text} *` : text;
    }),
  ]);
  return { header, headerTitles, rows, numeric: header.map((_, i) => i >= lead.length) };
}

/**
 * The per-capacity-provider table (providers.csv), as comparison.md's: each variant's (a
 * sweep's: each point's, by its values under the paths' short names) cost and peak instances
 * (EC2) or peak tasks (Fargate), mean ± half-width, each peak beside the largest over the
 * replications; a sweep point of sweep.csv without rows is `not recorded` (merged from a shard
 * file written before shard files recorded the figures: notRecordedPoints); null when the
 * folder has no providers.csv rows.
 */
export function providersTable(c: ComparisonData): Table | null {
  if (c.providers.length === 0) return null;
  const paths = c.kind === 'sweep' && c.rows[0] ? c.rows[0].params.map(([p]) => p) : [];
  const lead = c.kind === 'sweep' ? shortNames(paths) : ['variant'];
  const header = [...lead, ...PROVIDER_COLUMN_TITLES];
  const cell = (p: ProviderRow, f: ProviderFigure) => (p.n[f] === 0 || !Number.isFinite(p.mean[f]) ? '' : counted(withCi(p.mean[f], p.ci95[f]), p.n[f], c.replications));
  const largest = (x: number) => (Number.isFinite(x) ? grouped(String(x)) : '');
  const figures = (p: ProviderRow) => [p.provider, cell(p, 'cost'), cell(p, 'maxInstances'), largest(p.max.maxInstances), cell(p, 'maxTasks'), largest(p.max.maxTasks)];
  const rows =
    c.kind === 'compare'
      ? c.providers.map((p) => [p.variant, ...figures(p)])
      : c.rows.flatMap((r) => {
          const values = r.params.map(([, v]) => v);
          const own = c.providers.filter((p) => sameValues(p.params, r.params));
          return own.length === 0 ? [[...values, 'not recorded', '', '', '', '', '']] : own.map((p) => [...values, ...figures(p)]);
        });
  return { header, headerTitles: c.kind === 'sweep' ? paths : undefined, rows, numeric: header.map((_, i) => i > lead.length) };
}

/** A sweep's points of sweep.csv that providers.csv has no row of, while it has rows (the `not recorded` rows of providersTable). */
export function notRecordedPoints(c: ComparisonData): number {
  if (c.kind !== 'sweep' || c.providers.length === 0) return 0;
  return c.rows.filter((r) => !c.providers.some((p) => sameValues(p.params, r.params))).length;
}

function sameValues(a: readonly (readonly [string, string])[], b: readonly (readonly [string, string])[]): boolean {
  return a.length === b.length && a.every(([, v], i) => v === b[i][1]);
}

/** Whether some figure of the tables is over fewer replications than were run (the note under the table). */
export function hasPartialCounts(c: ComparisonData): boolean {
  const below = (n: number) => n < c.replications;
  return c.rows.some((r) => COMPARISON_METRICS.some((m) => below(r.n[m]))) || c.paired.some((p) => COMPARISON_METRICS.some((m) => below(p.diffN[m])));
}

/** `(7 of 8)` after a figure over fewer replications than were run; nothing on `–` or when the file has no counts. */
function counted(text: string, n: number, replications: number): string {
  return text === '–' || !Number.isFinite(n) ? text : withCount(text, n, replications);
}

/** A mean ± half-width cell as comparison.md writes it (plusMinus), thousands separated. */
function withCi(mean: number, ci: number): string {
  return grouped(plusMinus({ mean, ci95: ci }));
}

/** A paired difference ± half-width as comparison.md writes it (`+0.044 ± 0.012`, `−15`: signedPlusMinusText), thousands separated. */
function signedWithCi(mean: number, ci: number): string {
  return Number.isFinite(mean) ? grouped(signedPlusMinusText(mean, ci)) : '–';
}

/** `1338.5 ± 12` -> `1,338.5 ± 12`: thousands separated in the integer part of each number of a cell (not in decimals, nor in an exponent). */
function grouped(text: string): string {
  return text.replace(/(^|[^\d.e])(\d{4,})/g, (_, before: string, int: string) => before + int.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
}
