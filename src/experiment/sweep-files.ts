// sweep.csv (one row per point, for people and the report) and the shard files it is
// merged from. Shard rows keep full precision, so a merge computes exactly what the
// unsharded sweep computes and writes the same bytes.

import { stringify } from 'csv-stringify/sync';
import { formatNumber } from '../output/csv-file.js';
import { METRICS } from './metrics.js';
import { paretoFront } from './pareto.js';
import { readCsvRows } from '../output/csv-read.js';
import type { PointRow, SweepTable } from './sweep.js';

const METRIC_COLUMNS = METRICS.flatMap((m) => [`${m}_mean`, `${m}_ci95`]);
const SHARD_FIXED = ['point', 'points', 'replications'];

/** The parameter columns (dotted paths), `<metric>_mean, <metric>_ci95` per metric, `pareto`; rows in point order. */
export function sweepCsv(table: SweepTable): string {
  const rows = [...table.rows].sort((a, b) => a.point - b.point);
  const cost = METRICS.indexOf('cost');
  const slo = METRICS.indexOf('sloViolationMinutes');
  const front = paretoFront(rows.map((r) => ({ cost: r.means[cost], sloViolationMinutes: r.means[slo] })));
  const body = rows.map((r, i) => [...r.params, ...r.means.flatMap((m, j) => [formatNumber(m), formatNumber(r.ci95[j])]), String(front[i])]);
  return stringify([[...table.paths, ...METRIC_COLUMNS, 'pareto'], ...body]);
}

/** `point, points, replications`, the parameter columns, then the metric columns at full precision. */
export function shardCsv(table: SweepTable): string {
  const body = table.rows.map((r) => [
    String(r.point),
    String(table.pointCount),
    String(table.replications),
    ...r.params,
    ...r.means.flatMap((m, j) => [exact(m), exact(r.ci95[j])]),
  ]);
  return stringify([[...SHARD_FIXED, ...table.paths, ...METRIC_COLUMNS], ...body]);
}

/** Reads a shard file back; throws an Error naming the file when it is not one. */
export function parseShardCsv(text: string, file: string): SweepTable & { header: string[] } {
  const [header, ...lines] = readCsvRows(text);
  const paramCount = (header?.length ?? 0) - SHARD_FIXED.length - METRIC_COLUMNS.length;
  if (!header || paramCount < 1 || SHARD_FIXED.some((c, i) => header[i] !== c) || METRIC_COLUMNS.some((c, i) => header[SHARD_FIXED.length + paramCount + i] !== c)) {
    throw new Error(`${file}: expected a sweep shard file (columns ${SHARD_FIXED.join(', ')}, the sweep paths, ${METRIC_COLUMNS[0]}, ...), found other columns`);
  }
  const paths = header.slice(SHARD_FIXED.length, SHARD_FIXED.length + paramCount);
  let pointCount = -1;
  let replications = -1;
  const rows: PointRow[] = lines.map((cells, n) => {
    if (cells.length !== header.length) throw new Error(`${file}: row ${n + 2}: expected ${header.length} fields, found ${cells.length}`);
    const [point, points, reps] = cells.slice(0, 3).map(Number);
    if (pointCount === -1) [pointCount, replications] = [points, reps];
    if (points !== pointCount || reps !== replications) throw new Error(`${file}: row ${n + 2}: the point count or replications differ from the first row`);
    const metrics = cells.slice(SHARD_FIXED.length + paramCount).map(fromExact);
    return {
      point,
      params: cells.slice(SHARD_FIXED.length, SHARD_FIXED.length + paramCount),
      means: metrics.filter((_, i) => i % 2 === 0),
      ci95: metrics.filter((_, i) => i % 2 === 1),
    };
  });
  return { header, paths, pointCount: Math.max(pointCount, 0), replications: Math.max(replications, 0), rows };
}

// Shortest text that reads back as the same double; NaN (no value) as an empty cell.
function exact(x: number): string {
  return Number.isNaN(x) ? '' : String(x);
}

function fromExact(text: string): number {
  return text === '' ? NaN : Number(text);
}
