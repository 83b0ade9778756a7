// sweep.csv (one row per point, for people and the report) and the shard files it is
// merged from. Shard rows keep full precision, so a merge computes exactly what the
// unsharded sweep computes and writes the same bytes; they also carry the scenario name
// and first seed, which comparison.md names (shard files written before they did are
// still read: their merge says neither), and each replication's figures, from which the
// merge computes the paired differences (sweep-paired.ts; shard files written before
// they did are still read: their merge has no paired differences, and says so).

import { stringify } from 'csv-stringify/sync';
import { formatFigure } from '../output/csv-file.js';
import { METRICS, type ProviderFigures } from './metrics.js';
import type { ReplicationProviders } from './provider-outcomes.js';
import { paretoFront } from './pareto.js';
import { readCsvRows } from '../output/csv-read.js';
import type { PointRow, SweepTable } from './sweep.js';
import { capacityProviderNameProblem } from '../scenario/schema.js';

const METRIC_COLUMNS = METRICS.flatMap((m) => [`${m}_mean`, `${m}_ci95`]);
/** `<metric>_n`: the replications with a value, per metric (after `pareto` in sweep.csv, last in a shard file). */
const COUNT_COLUMNS = METRICS.map((m) => `${m}_n`);
/**
 * `<metric>_values`, last in a shard file: the point's figure in each replication, in
 * replication order, separated by `;`, at full precision, an empty item for no value.
 */
const VALUE_COLUMNS = METRICS.map((m) => `${m}_values`);
/** The index of `cost` in METRICS (and in a row's values). */
const COST = METRICS.indexOf('cost');
/**
 * `providers_values`, after the value columns in a shard file: each replication's figures per
 * capacity provider (PointRow.providers) as JSON, `[[[name, cost, maxInstances, maxTasks],
 * ...], ...]` ([replication][provider], summary.json's order), null for no value. Shard files
 * written before it lack it: their points have no figures per provider (sweep-providers.ts).
 */
export const PROVIDERS_COLUMN = 'providers_values';
const SHARD_FIXED = ['point', 'points', 'replications', 'scenario', 'seed', 'plan', 'runs_plan'];
/** The fixed columns of shard files written before they had `runs_plan`, before `plan`, and before `scenario` and `seed`. */
const OLDER_SHARD_FIXED = [SHARD_FIXED.slice(0, 6), SHARD_FIXED.slice(0, 5), SHARD_FIXED.slice(0, 3)];

/**
 * The parameter columns (dotted paths), `<metric>_mean, <metric>_ci95` per metric, `pareto`,
 * then `<metric>_n` per metric (empty when merged from shard files without them); rows in
 * point order.
 */
export function sweepCsv(table: SweepTable): string {
  const rows = sortedRows(table);
  const front = sweepParetoFront(rows);
  const body = rows.map((r, i) => [
    ...r.params,
    ...r.means.flatMap((m, j) => [formatFigure(m), formatFigure(r.ci95[j])]),
    String(front[i]),
    ...METRICS.map((_, j) => (r.counts === undefined ? '' : String(r.counts[j]))),
  ]);
  return stringify([[...table.paths, ...METRIC_COLUMNS, 'pareto', ...COUNT_COLUMNS], ...body]);
}

/**
 * Whether `text` (a file's start: readHead) is an earlier sweep.csv, which a sweep or a merge
 * may replace: a header of parameter columns, `<metric>_mean, <metric>_ci95` per metric,
 * then `pareto` (a shard file has no `pareto`).
 */
export function isSweepCsv(text: string): boolean {
  const line = /^\uFEFF?([^\r\n]*)/.exec(text)?.[1] ?? '';
  let header: string[] | undefined;
  try {
    header = readCsvRows(line)[0];
  } catch {
    return false;
  }
  const at = header?.indexOf(METRIC_COLUMNS[0]) ?? -1;
  // now, or as sweeps wrote it before latencyP99Ms and spotInterruptions (2026-11-27): the first seven metrics' pairs, then pareto
  const pairsThenPareto = (count: number) => METRIC_COLUMNS.slice(0, count).every((c, i) => header![at + i] === c) && header![at + count] === 'pareto';
  return header !== undefined && at >= 1 && (pairsThenPareto(METRIC_COLUMNS.length) || pairsThenPareto(14));
}

/** The rows of the table in point order. */
export function sortedRows(table: SweepTable): PointRow[] {
  return [...table.rows].sort((a, b) => a.point - b.point);
}

/** Per row, whether it is on the cost / SLO-violation Pareto front of the rows (means). */
export function sweepParetoFront(rows: readonly PointRow[]): boolean[] {
  const cost = METRICS.indexOf('cost');
  const slo = METRICS.indexOf('sloViolationMinutes');
  return paretoFront(rows.map((r) => ({ cost: r.means[cost], sloViolationMinutes: r.means[slo] })));
}

/**
 * `point, points, replications, scenario, seed, plan, runs_plan`, the parameter columns, then the metric
 * columns at full precision, then `<metric>_n`, then `<metric>_values` (VALUE_COLUMNS; a
 * sweep always has them, a table merged from shard files written before they did has not,
 * and is written without them), then `providers_values` (PROVIDERS_COLUMN; the same).
 */
export function shardCsv(table: SweepTable): string {
  const withValues = table.rows.every((r) => r.values !== undefined);
  const withProviders = withValues && table.rows.every((r) => r.providers !== undefined);
  const body = table.rows.map((r) => [
    String(r.point),
    String(table.pointCount),
    String(table.replications),
    table.scenario ?? '',
    table.seed === undefined ? '' : String(table.seed),
    table.plan ?? '',
    table.runsPlan ?? '',
    ...r.params,
    ...r.means.flatMap((m, j) => [exact(m), exact(r.ci95[j])]),
    ...METRICS.map((_, j) => (r.counts === undefined ? '' : String(r.counts[j]))),
    ...(withValues ? METRICS.map((_, j) => r.values!.map((v) => exact(v[j])).join(';')) : []),
    ...(withProviders ? [providersCell(r.providers!)] : []),
  ]);
  const header = [...SHARD_FIXED, ...table.paths, ...METRIC_COLUMNS, ...COUNT_COLUMNS, ...(withValues ? VALUE_COLUMNS : []), ...(withProviders ? [PROVIDERS_COLUMN] : [])];
  return stringify([header, ...body]);
}

/** What shard files written before latencyP99Ms and spotInterruptions lack (their error's words). */
export const EARLIER_SHARD_COLUMNS = 'without the latencyP99Ms and spotInterruptions columns of 2026-11-27';

/** A shard file of seven metrics (written before latencyP99Ms and spotInterruptions): run again, not merged. */
export class EarlierShardError extends Error {
  constructor(readonly file: string) {
    super(`${file}: a sweep shard file written by an earlier ecsim (${EARLIER_SHARD_COLUMNS}): run that shard again with this ecsim`);
  }
}

/** Reads a shard file back; throws an Error naming the file when it is not one (an EarlierShardError for one of seven metrics). */
export function parseShardCsv(text: string, file: string): SweepTable & { header: string[] } {
  let table: string[][];
  try {
    table = readCsvRows(text);
  } catch (e) {
    throw new Error(`${file}: expected a sweep shard file (CSV), found a malformed one: ${(e as Error).message}`);
  }
  const [header, ...lines] = table;
  const fixed = [SHARD_FIXED, ...OLDER_SHARD_FIXED].find((f) => header !== undefined && f.every((c, i) => header[i] === c)) ?? SHARD_FIXED;
  // the providers column comes last, the value columns before it, the count columns before
  // them; shard files written before they did have none
  const endsWith = (columns: string[], end: number) => header !== undefined && columns.every((c, i) => header[end - columns.length + i] === c);
  const providersCount = endsWith([PROVIDERS_COLUMN], header?.length ?? 0) ? 1 : 0;
  const valueEnd = (header?.length ?? 0) - providersCount;
  const valueCount = endsWith(VALUE_COLUMNS, valueEnd) ? VALUE_COLUMNS.length : 0;
  const countEnd = valueEnd - valueCount;
  const countCount = endsWith(COUNT_COLUMNS, countEnd) ? COUNT_COLUMNS.length : 0;
  const paramCount = countEnd - fixed.length - METRIC_COLUMNS.length - countCount;
  if (header !== undefined && header.includes('droppedRequests_ci95') && !header.includes('latencyP99Ms_mean')) {
    throw new EarlierShardError(file);
  }
  if (!header || paramCount < 1 || fixed.some((c, i) => header[i] !== c) || METRIC_COLUMNS.some((c, i) => header[fixed.length + paramCount + i] !== c)) {
    throw new Error(`${file}: expected a sweep shard file (columns ${SHARD_FIXED.join(', ')}, the sweep paths, ${METRIC_COLUMNS[0]}, ...), found other columns`);
  }
  const paths = header.slice(fixed.length, fixed.length + paramCount);
  // points, replications (and scenario, seed): the same on every row
  const shared = lines[0]?.slice(1, fixed.length) ?? [];
  const rows: PointRow[] = lines.map((cells, n) => {
    if (cells.length !== header.length) throw new Error(`${file}: row ${n + 2}: expected ${header.length} fields, found ${cells.length}`);
    if (shared.some((cell, i) => cells[1 + i] !== cell)) throw new Error(`${file}: row ${n + 2}: expected the same ${fixed.slice(1).join(', ')} as the first row, found others`);
    const metrics = cells.slice(fixed.length + paramCount, fixed.length + paramCount + METRIC_COLUMNS.length).map(fromExact);
    const row: PointRow = {
      point: Number(cells[0]),
      params: cells.slice(fixed.length, fixed.length + paramCount),
      means: metrics.filter((_, i) => i % 2 === 0),
      ci95: metrics.filter((_, i) => i % 2 === 1),
    };
    if (countCount > 0) row.counts = cells.slice(countEnd - countCount, countEnd).map(Number);
    if (valueCount > 0) row.values = replicationValues(cells.slice(countEnd, valueEnd), Number(shared[1]), file, n + 2);
    if (providersCount > 0) row.providers = providersOfCell(cells[valueEnd], Number(shared[1]), file, n + 2, row.values?.map((v) => v[COST]));
    return row;
  });
  const [points, reps, scenario, seed, plan, runsPlan] = shared;
  return {
    header,
    scenario,
    seed: seed === undefined || seed === '' ? undefined : Number(seed),
    plan: plan === undefined || plan === '' ? undefined : plan,
    ...(runsPlan === undefined || runsPlan === '' ? {} : { runsPlan }),
    paths,
    pointCount: points === undefined ? 0 : Number(points),
    replications: reps === undefined ? 0 : Number(reps),
    rows,
  };
}

/** The `<metric>_values` cells of a row as [replication][metric]; throws naming the file when a cell has not one item per replication. */
function replicationValues(cells: string[], replications: number, file: string, line: number): number[][] {
  const byMetric = cells.map((cell, j) => {
    const items = cell.split(';');
    if (items.length !== replications) throw new Error(`${file}: row ${line}: ${VALUE_COLUMNS[j]}: expected ${replications} values separated by ";", found ${items.length}`);
    return items.map(fromExact);
  });
  return Array.from({ length: replications }, (_, k) => byMetric.map((values) => values[k]));
}

/** PROVIDERS_COLUMN's cell: JSON, numbers as their shortest round-tripping text, NaN as null. */
function providersCell(providers: readonly ReplicationProviders[]): string {
  const value = (x: number) => (Number.isNaN(x) ? null : x);
  return JSON.stringify(providers.map((r) => r.map(([name, f]) => [name, value(f.cost), value(f.maxInstances), value(f.maxTasks)])));
}

/**
 * How far a replication's provider costs may sum from its `cost_values` item: summary.json
 * rounds each provider's cost to 6 decimals (USD) and writes their sum, rounded to 6 decimals
 * again, as the total, and a shard file writes both at full precision; so the two are equal
 * but for the float error of the sum, and a cell that differs by a millionth is not the
 * replication's.
 */
const COST_SUM_TOLERANCE = 0.5e-6;

/**
 * PROVIDERS_COLUMN's cell read back; throws naming the file, row and column when it is not one
 * list of providers per replication, each entry `[name, cost, maxInstances, maxTasks]` with a
 * name the scenario loader takes as a capacity provider's (capacityProviderNameProblem) and
 * the replication has once, a cost a finite number >= 0, peaks whole numbers >= 0 (null:
 * no value), and the costs summing to the replication's `cost_values` item (`costs`, when the
 * row has it) within COST_SUM_TOLERANCE.
 */
export function providersOfCell(cell: string, replications: number, file: string, line: number, costs?: readonly number[]): ReplicationProviders[] {
  const at = `${file}: row ${line}: ${PROVIDERS_COLUMN}`;
  const bad = (found: string) => new Error(`${at}: expected a JSON list of ${replications} lists of [provider, cost, maxInstances, maxTasks], found ${found}`);
  if (cell.trim() === '') throw bad('an empty cell');
  let parsed: unknown;
  try {
    parsed = JSON.parse(cell);
  } catch {
    throw bad('text that is not JSON');
  }
  if (!Array.isArray(parsed) || parsed.length !== parsed.filter(Array.isArray).length) throw bad('another shape');
  if (parsed.length !== replications) throw bad(`${parsed.length} lists`);
  return parsed.map((r: unknown[], k) => {
    const where = `${at}: replication ${k + 1} of ${replications}`;
    const names = new Set<string>();
    const providers = r.map((p): [string, ProviderFigures] => {
      if (!Array.isArray(p) || p.length !== 4 || typeof p[0] !== 'string') {
        throw new Error(`${where}: expected an entry [provider, cost, maxInstances, maxTasks] (a name, then numbers or null), found ${JSON.stringify(p)}`);
      }
      const [name, cost, instances, tasks] = p as [string, unknown, unknown, unknown];
      // a name the scenario loader takes (schema.ts): the file's figures are of no run otherwise
      // (its rename suggestion is the scenario's to follow, not the shard file's)
      const problem = capacityProviderNameProblem(name);
      if (problem !== undefined) throw new Error(`${where}: ${problem.replace(/; rename it, e\.g\. "[^"]*"$/, '')}`);
      if (names.has(name)) throw new Error(`${where}: expected each provider once, found "${name}" again`);
      names.add(name);
      const figure = (x: unknown, what: string, whole: boolean): number => {
        if (x === null) return NaN;
        if (typeof x === 'number' && Number.isFinite(x) && x >= 0 && (!whole || Number.isInteger(x))) return x;
        const expected = whole ? 'a whole number >= 0 (a peak count) or null' : 'a finite number >= 0 (USD) or null';
        throw new Error(`${where}: provider "${name}": ${what}: expected ${expected}, found ${typeof x === 'number' && !Number.isFinite(x) ? `${String(x).replace('Infinity', '')}infinity (a number too large for a double)` : JSON.stringify(x)}`);
      };
      return [name, { cost: figure(cost, 'cost', false), maxInstances: figure(instances, 'maxInstances', true), maxTasks: figure(tasks, 'maxTasks', true) }];
    });
    const total = costs?.[k];
    if (total !== undefined && !Number.isNaN(total) && providers.every(([, f]) => !Number.isNaN(f.cost))) {
      const sum = providers.reduce((s, [, f]) => s + f.cost, 0);
      if (Math.abs(sum - total) > COST_SUM_TOLERANCE) {
        throw new Error(
          `${where}: expected provider costs that sum to the replication's cost (cost_values: ${total}; within half a millionth, as summary.json rounds each to 6 decimals and totals them), found a sum of ${providers.length === 0 ? '0 (no providers)' : String(+sum.toFixed(6))}`,
        );
      }
    }
    return providers;
  });
}

// Shortest text that reads back as the same double; NaN (no value) as an empty cell.
function exact(x: number): string {
  return Number.isNaN(x) ? '' : String(x);
}

function fromExact(text: string): number {
  return text === '' ? NaN : Number(text);
}
