// Reads the folder of `ecsim compare` (comparison.csv, paired.csv, providers.csv) or `ecsim sweep`
// (sweep.csv, providers.csv, and paired.csv with 2 or more replications), and the replication-0 results folders under runs/<variant>/ or
// runs/<point label>/ when present. A sweep point's label is the one `ecsim sweep` names
// its runs/ folder with (src/experiment/point-label.ts), computed from sweep.csv's cells.
// A sweep's runs are drawn only when they are of the table's sweep: the sweep-plan.txt in
// the run's folder names the plan of the one beside sweep.csv (sweep-plan-file.ts). Shards
// run without runs leave an earlier sweep's runs/ in place, under the same labels.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { numberCell, readResultsCsv, ResultsFileError } from '../../results-file.js';
import { tableOf } from './parse-csv.js';
import { isResultsFolder, loadResults } from './load-results.js';
import type { ResultsData } from './results-data.js';
import { legacyPointLabels, pointLabels } from '../../../experiment/point-label.js';
import { isRunOfSweep, readSweepPlan, SWEEP_PLAN_FILE } from '../../sweep-plan-file.js';
import { missingRunFiles } from '../../run-files.js';

/** The headline metrics of comparison.csv / sweep.csv, in the contract's order. */
export const COMPARISON_METRICS = ['cost', 'sloViolationMinutes', 'latencyP95Ms', 'cpuMean', 'taskHours', 'scalingActivities', 'droppedRequests', 'latencyP99Ms', 'spotInterruptions'] as const;
/** The metrics every comparison.csv / sweep.csv has; the later ones (added 2026-11-27) are read as no value (NaN) from files written before them. */
const REQUIRED_METRICS = 7;
export type ComparisonMetric = (typeof COMPARISON_METRICS)[number];

export const METRIC_TITLES: Record<ComparisonMetric, string> = {
  cost: 'cost (USD)',
  sloViolationMinutes: 'SLO-violation minutes',
  latencyP95Ms: 'p95 latency (ms)',
  cpuMean: 'CPU mean (%)',
  taskHours: 'task-hours',
  scalingActivities: 'scaling activities',
  droppedRequests: 'dropped requests',
  latencyP99Ms: 'p99 latency (ms)',
  spotInterruptions: 'Spot-interrupted tasks',
};

export interface ComparisonRow {
  /** The variant's name, or a sweep point's label ("targetValue=40,scaleOutCooldown=60s", its runs/ folder name). */
  label: string;
  /** Sweep parameter values by path (empty for compare). */
  params: [string, string][];
  mean: Record<ComparisonMetric, number>;
  ci95: Record<ComparisonMetric, number>;
  /** `<metric>_n`: the replications with a value (NaN in a file written before the column). */
  n: Record<ComparisonMetric, number>;
  pareto: boolean;
}

export interface PairedRow {
  /** The variant's name, or a sweep point's label (paired.csv's `point`). */
  variant: string;
  baseline: string;
  diffMean: Record<ComparisonMetric, number>;
  diffCi95: Record<ComparisonMetric, number>;
  /** `<metric>_diff_n`: the replications where both have a value (NaN in a file written before the column). */
  diffN: Record<ComparisonMetric, number>;
}

/** A row of a compare's or a sweep's providers.csv: one variant's (point's) figures on one capacity provider. */
export interface ProviderRow {
  /** The variant's name, or the sweep point's label (point-label.ts, from its parameter cells). */
  variant: string;
  /** A sweep point's parameter values by path (providers.csv's columns before `capacityProvider`); empty for compare. */
  params: [string, string][];
  provider: string;
  /** cost, maxInstances, maxTasks: mean, half-width, n (NaN where empty: the figure a provider of the other kind has not). */
  mean: Record<ProviderFigure, number>;
  ci95: Record<ProviderFigure, number>;
  n: Record<ProviderFigure, number>;
  /** maxInstances_max, maxTasks_max: the largest peak of any replication (NaN where empty, or in a file written before the columns). */
  max: Record<'maxInstances' | 'maxTasks', number>;
}

export const PROVIDER_FIGURES = ['cost', 'maxInstances', 'maxTasks'] as const;
export type ProviderFigure = (typeof PROVIDER_FIGURES)[number];

export interface ComparisonData {
  dir: string;
  kind: 'compare' | 'sweep';
  rows: ComparisonRow[];
  paired: PairedRow[];
  /** providers.csv, row by row; empty for a folder without the file (written before it; a sweep's: merged from shard files written before they recorded the figures). */
  providers: ProviderRow[];
  /** Whether the folder has a providers.csv (a sweep's without one: no point has figures per provider, NO_PROVIDERS_FILE_NOTE). */
  providersFile: boolean;
  /**
   * The replications run: the largest `<metric>_n` of the table (cost has a value in every
   * run); NaN when the file has no counts (written before them, or merged from such shards).
   */
  replications: number;
  /**
   * runs/<name>/ results folders, by folder name, in the rows' order where they match; for a
   * sweep only those named by a point label of sweep.csv (left-overs of another sweep into
   * the same folder are ignored), and only those of this sweep (below).
   */
  runs: Map<string, ResultsData>;
  /**
   * A sweep's point labels whose runs/<label>/ is of another sweep, left out of `runs`: its
   * sweep-plan.txt names another plan than the one beside sweep.csv, or it has none. Empty
   * when sweep.csv has no sweep-plan.txt (written before ecsim recorded it: not checked).
   */
  otherSweepsRuns: string[];
  /**
   * A compare's variants without a runs/<variant>/ folder (compare writes one for each: a
   * folder deleted or copied in part), left out of the time series; the page and `ecsim
   * report` on stderr say so. Empty for a sweep (which writes runs for at most 24 points, or
   * none: its page says how many points have one).
   */
  missingRuns: string[];
  /**
   * runs/<name>/ folders missing some of the files every run writes (run-files.ts: a file
   * deleted, a folder copied in part), by folder name with the files missing, left out of
   * `runs` as a missing folder is; the page and `ecsim report` on stderr say so. Such a run
   * is the compare's or sweep's, so the advice is to run that again, not `ecsim run`.
   */
  incompleteRuns: IncompleteRun[];
}

export interface IncompleteRun {
  name: string;
  /** The files of RUN_FILES it lacks, in that order. */
  missing: string[];
}

export function comparisonKind(dir: string): 'compare' | 'sweep' | null {
  if (existsSync(join(dir, 'comparison.csv'))) return 'compare';
  if (existsSync(join(dir, 'sweep.csv'))) return 'sweep';
  return null;
}

export function loadComparison(dir: string): ComparisonData {
  const kind = comparisonKind(dir);
  if (!kind) throw new ResultsFileError(`${dir}: expected a compare or sweep folder (comparison.csv or sweep.csv), found neither`);
  const file = join(dir, kind === 'compare' ? 'comparison.csv' : 'sweep.csv');
  const writer = `ecsim ${kind}`;
  const csv = tableOf(readResultsCsv(file, writer, [...(kind === 'compare' ? ['variant'] : []), ...metricColumns('_mean', '_ci95')])!);
  const firstMetric = csv.header.indexOf(`${COMPARISON_METRICS[0]}_mean`);
  const paramNames = kind === 'compare' ? [] : csv.header.slice(0, firstMetric);
  const at = (name: string) => csv.header.indexOf(name);
  const labels = kind === 'compare' ? csv.rows.map((r) => r[at('variant')] ?? '') : sweepLabels(join(dir, 'runs'), paramNames, csv.rows.map((r) => r.slice(0, firstMetric)));
  const rows: ComparisonRow[] = csv.rows.map((r, n) => {
    const params: [string, string][] = paramNames.map((p, i) => [p, r[i] ?? '']);
    const label = labels[n];
    const cell = (name: string) => numberCell(file, n + 1, name, r[at(name)]);
    return { label, params, mean: metrics(cell, '_mean', at), ci95: metrics(cell, '_ci95', at), n: metrics(optional(at, cell), '_n'), pareto: r[at('pareto')] === 'true' };
  });
  const pairedPath = join(dir, 'paired.csv');
  const paired: PairedRow[] = [];
  // a sweep's names the point by its label in place of the variant
  const named = kind === 'compare' ? 'variant' : 'point';
  const p = readResultsCsv(pairedPath, writer, [named, 'baseline', ...metricColumns('_diff_mean', '_diff_ci95')], true);
  if (p !== null) {
    const pat = (name: string) => p[0].indexOf(name);
    p.slice(1).forEach((r, n) => {
      const cell = (name: string) => numberCell(pairedPath, n + 1, name, r[pat(name)]);
      paired.push({
        variant: r[pat(named)] ?? '',
        baseline: r[pat('baseline')] ?? '',
        diffMean: metrics(cell, '_diff_mean', pat),
        diffCi95: metrics(cell, '_diff_ci95', pat),
        diffN: metrics(optional(pat, cell), '_diff_n'),
      });
    });
  }
  const providers = loadProviders(join(dir, 'providers.csv'), writer, kind);
  const counts = rows.flatMap((r) => COMPARISON_METRICS.map((m) => r.n[m])).filter((x) => Number.isFinite(x));
  const most = counts.reduce((a, b) => Math.max(a, b), -Infinity);
  const replications = counts.length === 0 ? NaN : most;
  // the sweep's plan: runs of another are left out, by the runs' digest (a compare's folder is written whole)
  const plan = kind === 'sweep' ? readSweepPlan(join(dir, SWEEP_PLAN_FILE)) : undefined;
  const otherSweepsRuns: string[] = [];
  const incompleteRuns: IncompleteRun[] = [];
  const runs = loadRuns(join(dir, 'runs'), labels, kind === 'sweep', (run, name) => {
    if (plan !== undefined && !isRunOfSweep(readSweepPlan(join(run, SWEEP_PLAN_FILE)), plan)) {
      otherSweepsRuns.push(name);
      return false;
    }
    // a folder without some of a run's files is left out as a missing one is (loadResults
    // refuses it, advising `ecsim run` into it: with another scenario that overlaid a wrong run)
    const missing = missingRunFiles(run);
    if (missing.length === 0) return true;
    incompleteRuns.push({ name, missing });
    return false;
  });
  const missingRuns = kind === 'compare' ? labels.filter((l) => !isFolder(join(dir, 'runs', l))) : [];
  const providersFile = existsSync(join(dir, 'providers.csv'));
  return { dir, kind, rows, paired, providers, providersFile, replications, runs, otherSweepsRuns, missingRuns, incompleteRuns };
}

/**
 * A compare's providers.csv, or a sweep's (its parameter columns before `capacityProvider`),
 * none in a folder written before it; the `_max` columns, added later, read as NaN when missing.
 */
function loadProviders(path: string, writer: string, kind: 'compare' | 'sweep'): ProviderRow[] {
  const lead = kind === 'compare' ? ['variant'] : [];
  const t = readResultsCsv(path, writer, [...lead, 'capacityProvider', ...PROVIDER_FIGURES.flatMap((f) => [`${f}_mean`, `${f}_ci95`])], true);
  if (t === null) return [];
  const at = (name: string) => t[0].indexOf(name);
  const paths = kind === 'sweep' ? t[0].slice(0, at('capacityProvider')) : [];
  const params = t.slice(1).map((r) => paths.map((p, i): [string, string] => [p, r[i] ?? '']));
  const labels = kind === 'sweep' ? pointLabels(paths, params.map((ps) => ps.map(([, v]) => v))) : [];
  return t.slice(1).map((r, n) => {
    const cell = (name: string) => numberCell(path, n + 1, name, r[at(name)]);
    const read = (suffix: string, get: (name: string) => number) => Object.fromEntries(PROVIDER_FIGURES.map((f) => [f, get(f + suffix)])) as Record<ProviderFigure, number>;
    const later = optional(at, cell);
    return {
      variant: kind === 'compare' ? (r[at('variant')] ?? '') : labels[n],
      params: params[n],
      provider: r[at('capacityProvider')] ?? '',
      mean: read('_mean', cell),
      ci95: read('_ci95', cell),
      n: read('_n', later),
      max: { maxInstances: later('maxInstances_max'), maxTasks: later('maxTasks_max') },
    };
  });
}

/** The columns of each headline metric with these suffixes: cost_mean, cost_ci95, sloViolationMinutes_mean... */
function metricColumns(...suffixes: string[]): string[] {
  return COMPARISON_METRICS.slice(0, REQUIRED_METRICS).flatMap((m) => suffixes.map((s) => m + s));
}

/** A cell reader for a column that files written before it lack: NaN when the header has no such column. */
function optional(at: (name: string) => number, cell: (name: string) => number): (name: string) => number {
  return (name) => (at(name) < 0 ? NaN : cell(name));
}

/** Each headline metric's figure from the cell named metric + suffix (NaN where empty); with `at`, a later metric's column missing (a file written before it) reads as NaN. */
function metrics(cell: (name: string) => number, suffix: string, at?: (name: string) => number): Record<ComparisonMetric, number> {
  const out = {} as Record<ComparisonMetric, number>;
  COMPARISON_METRICS.forEach((m, i) => {
    out[m] = i >= REQUIRED_METRICS && at !== undefined ? optional(at, cell)(m + suffix) : cell(m + suffix);
  });
  return out;
}

/**
 * The point labels of sweep.csv's rows: as a sweep names runs/ now, but a point whose runs/
 * folder is only under its label of before 2026-11-27 (a list value encoded whole,
 * `%5B...%5D`: a sweep written then) keeps that one, so its run is still drawn.
 */
function sweepLabels(runsDir: string, paths: string[], params: string[][]): string[] {
  const labels = pointLabels(paths, params);
  const legacy = legacyPointLabels(paths, params);
  return labels.map((l, i) => (legacy[i] !== l && !isFolder(join(runsDir, l)) && isFolder(join(runsDir, legacy[i])) ? legacy[i] : l));
}

function loadRuns(runsDir: string, order: string[], onlyListed: boolean, toDraw: (run: string, name: string) => boolean): Map<string, ResultsData> {
  const out = new Map<string, ResultsData>();
  if (!existsSync(runsDir)) return out;
  if (!statSync(runsDir).isDirectory()) throw new ResultsFileError(`${runsDir}: expected the folder of the runs' results folders (written by ecsim compare or sweep), found a file`);
  // a listed run's folder is drawn only whole (toDraw leaves out one missing a run's file);
  // another folder of a compare's runs/ only when it holds a run's files
  const names = readdirSync(runsDir).filter(
    (n) => (order.includes(n) || (!onlyListed && isResultsFolder(join(runsDir, n)))) && isFolder(join(runsDir, n)),
  );
  const rank = (n: string) => (order.includes(n) ? order.indexOf(n) : order.length);
  names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const n of names) if (toDraw(join(runsDir, n), n)) out.set(n, loadResults(join(runsDir, n)));
  return out;
}

/** Whether `path` is a folder (a broken link or an entry it may not look at is not). */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
