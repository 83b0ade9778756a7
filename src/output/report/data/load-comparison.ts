// Reads the folder of `ecsim compare` (comparison.csv, paired.csv) or `ecsim sweep`
// (sweep.csv), and the replication-0 results folders under runs/<variant>/ or
// runs/<point label>/ when present. A sweep point's label is the one `ecsim sweep` names
// its runs/ folder with (src/experiment/point-label.ts), computed from sweep.csv's cells.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './parse-csv.js';
import { isResultsFolder, loadResults } from './load-results.js';
import type { ResultsData } from './results-data.js';
import { pointLabels } from '../../../experiment/point-label.js';

/** The headline metrics of comparison.csv / sweep.csv, in the contract's order. */
export const COMPARISON_METRICS = ['cost', 'sloViolationMinutes', 'latencyP95Ms', 'cpuMean', 'taskHours', 'scalingActivities', 'droppedRequests'] as const;
export type ComparisonMetric = (typeof COMPARISON_METRICS)[number];

export const METRIC_TITLES: Record<ComparisonMetric, string> = {
  cost: 'cost (USD)',
  sloViolationMinutes: 'SLO-violation minutes',
  latencyP95Ms: 'p95 latency (ms)',
  cpuMean: 'CPU mean (%)',
  taskHours: 'task-hours',
  scalingActivities: 'scaling activities',
  droppedRequests: 'dropped requests',
};

export interface ComparisonRow {
  /** The variant's name, or a sweep point's label ("targetValue=40,scaleOutCooldown=60s", its runs/ folder name). */
  label: string;
  /** Sweep parameter values by path (empty for compare). */
  params: [string, string][];
  mean: Record<ComparisonMetric, number>;
  ci95: Record<ComparisonMetric, number>;
  pareto: boolean;
}

export interface PairedRow {
  variant: string;
  baseline: string;
  diffMean: Record<ComparisonMetric, number>;
  diffCi95: Record<ComparisonMetric, number>;
}

export interface ComparisonData {
  dir: string;
  kind: 'compare' | 'sweep';
  rows: ComparisonRow[];
  paired: PairedRow[];
  /**
   * runs/<name>/ results folders, by folder name, in the rows' order where they match; for a
   * sweep only those named by a point label of sweep.csv (left-overs of another sweep into
   * the same folder are ignored).
   */
  runs: Map<string, ResultsData>;
}

export function comparisonKind(dir: string): 'compare' | 'sweep' | null {
  if (existsSync(join(dir, 'comparison.csv'))) return 'compare';
  if (existsSync(join(dir, 'sweep.csv'))) return 'sweep';
  return null;
}

export function loadComparison(dir: string): ComparisonData {
  const kind = comparisonKind(dir);
  if (!kind) throw new Error(`expected a compare or sweep folder (comparison.csv or sweep.csv) at ${dir}, found neither`);
  const file = kind === 'compare' ? 'comparison.csv' : 'sweep.csv';
  const csv = parseCsv(readFileSync(join(dir, file), 'utf8'));
  const firstMetric = csv.header.indexOf(`${COMPARISON_METRICS[0]}_mean`);
  if (firstMetric < 0) throw new Error(`${join(dir, file)}: expected columns cost_mean, cost_ci95, ..., found ${csv.header.join(', ')}`);
  const paramNames = kind === 'compare' ? [] : csv.header.slice(0, firstMetric);
  const at = (name: string) => csv.header.indexOf(name);
  const labels = kind === 'compare' ? csv.rows.map((r) => r[at('variant')]) : pointLabels(paramNames, csv.rows.map((r) => r.slice(0, firstMetric)));
  const rows: ComparisonRow[] = csv.rows.map((r, n) => {
    const params: [string, string][] = paramNames.map((p, i) => [p, r[i]]);
    const label = labels[n];
    return { label, params, mean: metrics(r, at, '_mean'), ci95: metrics(r, at, '_ci95'), pareto: r[at('pareto')] === 'true' };
  });
  const pairedPath = join(dir, 'paired.csv');
  const paired: PairedRow[] = [];
  if (existsSync(pairedPath)) {
    const p = parseCsv(readFileSync(pairedPath, 'utf8'));
    const pat = (name: string) => p.header.indexOf(name);
    for (const r of p.rows) paired.push({ variant: r[pat('variant')], baseline: r[pat('baseline')], diffMean: metrics(r, pat, '_diff_mean'), diffCi95: metrics(r, pat, '_diff_ci95') });
  }
  return { dir, kind, rows, paired, runs: loadRuns(join(dir, 'runs'), labels, kind === 'sweep') };
}

function metrics(row: string[], at: (name: string) => number, suffix: string): Record<ComparisonMetric, number> {
  const out = {} as Record<ComparisonMetric, number>;
  for (const m of COMPARISON_METRICS) {
    const i = at(m + suffix);
    out[m] = i < 0 || row[i] === '' || row[i] === undefined ? NaN : Number(row[i]);
  }
  return out;
}

function loadRuns(runsDir: string, order: string[], onlyListed: boolean): Map<string, ResultsData> {
  const out = new Map<string, ResultsData>();
  if (!existsSync(runsDir)) return out;
  const names = readdirSync(runsDir).filter(
    (n) => (!onlyListed || order.includes(n)) && statSync(join(runsDir, n)).isDirectory() && isResultsFolder(join(runsDir, n)),
  );
  const rank = (n: string) => (order.includes(n) ? order.indexOf(n) : order.length);
  names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const n of names) out.set(n, loadResults(join(runsDir, n)));
  return out;
}
