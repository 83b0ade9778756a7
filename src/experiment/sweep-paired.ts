// The paired differences of a sweep: every point minus the first point (the baseline: the
// first value of every sweep path), replication by replication, as compare pairs its
// variants with the first (compare.ts). Replication k of every point runs with seed + k, so
// the points of one replication draw the same random numbers (common random numbers).
// Computed from the points' per-replication figures, which the unsharded sweep has and
// shard files carry (sweep-files.ts), so `ecsim merge` computes the same differences.

import { join } from 'node:path';
import { besideFileInTheWay } from '../output/staging.js';
import { METRICS } from './metrics.js';
import { pairedTableCsv, replicationsTableCsv } from './comparison-files.js';
import { pointLabels } from './point-label.js';
import { pairedDifference, type SampleSummary } from './stats.js';
import type { PointRow, SweepTable } from './sweep.js';
import { sortedRows } from './sweep-files.js';
import { isSweepProvidersCsv, sweepProvidersCsv } from './sweep-providers.js';

/** One point's figures against the baseline's. */
export interface PairedPoint {
  /** The point's label (point-label.ts: its runs/ folder name). */
  label: string;
  row: PointRow;
  /** Per metric (METRICS order): this point minus the baseline, paired by replication. */
  paired: SampleSummary[];
}

export interface SweepPairing {
  /** The baseline's label: the first point's. */
  baseline: string;
  /** Every point but the first, in point order. */
  points: PairedPoint[];
}

/** Whether the sweep has paired differences: 2 or more replications, and every point's per-replication figures (not so when merged from shard files written before they had them). */
export function hasPairing(table: SweepTable): boolean {
  return table.replications >= 2 && table.rows.length > 0 && table.rows.every((r) => r.values !== undefined);
}

/** The point labels of the table's rows, in point order (all the sweep's points: a merged or unsharded table). */
export function rowLabels(table: SweepTable): string[] {
  return pointLabels(table.paths, sortedRows(table).map((r) => r.params));
}

/** The paired differences against the first point; undefined when the sweep has none (hasPairing). */
export function sweepPairing(table: SweepTable): SweepPairing | undefined {
  if (!hasPairing(table)) return undefined;
  const rows = sortedRows(table);
  const labels = rowLabels(table);
  const column = (r: PointRow, m: number) => r.values!.map((v) => v[m]);
  const first = rows[0];
  return {
    baseline: labels[0],
    points: rows.slice(1).map((row, i) => ({
      label: labels[i + 1],
      row,
      paired: METRICS.map((_, m) => pairedDifference(column(first, m), column(row, m))),
    })),
  };
}

/**
 * replications.csv of a sweep (2 or more replications), as compare's with the point label in
 * place of the variant: one row per (point, replication), `point, replication, seed`, then
 * the raw metrics; undefined when the sweep has no pairing (hasPairing).
 */
export function sweepReplicationsCsv(table: SweepTable): string | undefined {
  if (!hasPairing(table)) return undefined;
  const labels = rowLabels(table);
  const rows = sortedRows(table).map((r, i) => ({ name: labels[i], replications: r.values! }));
  return replicationsTableCsv('point', rows, (k) => (table.seed === undefined ? '' : String(table.seed + k)));
}

/**
 * paired.csv of a sweep (2 or more replications), as compare's with the point label in place
 * of the variant: one row per point but the first, `point, baseline` (the first point's
 * label), then `<metric>_diff_mean, <metric>_diff_ci95` (point - baseline), then
 * `<metric>_diff_n`; undefined when the sweep has no pairing (hasPairing).
 */
export function sweepPairedCsv(table: SweepTable): string | undefined {
  const pairing = sweepPairing(table);
  if (pairing === undefined) return undefined;
  return pairedTableCsv('point', pairing.baseline, pairing.points.map((p) => ({ name: p.label, paired: p.paired })));
}

/** Whether `text` (a file's start) is an earlier sweep's replications.csv (its header), which a sweep or a merge may replace or remove. */
export function isSweepReplicationsCsv(text: string): boolean {
  // the first seven metrics: a sweep's of before latencyP99Ms and spotInterruptions (2026-11-27) has only those
  return text.replace(/^\uFEFF/, '').startsWith(`point,replication,seed,${METRICS.slice(0, 7).join(',')}`);
}

/** Whether `text` (a file's start) is an earlier sweep's paired.csv (its header), which a sweep or a merge may replace or remove. */
export function isSweepPairedCsv(text: string): boolean {
  return text.replace(/^\uFEFF/, '').startsWith(`point,baseline,${METRICS[0]}_diff_mean,`);
}

/** The files of a sweep's pairing, and providers.csv, written beside sweep.csv: [name, recogniser of an earlier sweep's]. */
const PAIRED_FILES = [
  ['replications.csv', isSweepReplicationsCsv],
  ['paired.csv', isSweepPairedCsv],
  ['providers.csv', isSweepProvidersCsv],
] as const;

/**
 * The files beside sweep.csv other than comparison.md, with their contents or to be removed:
 * replications.csv and paired.csv are written with 2 or more replications with each
 * replication's figures, else removed; providers.csv (sweep-providers.ts) is written when a
 * point has figures per capacity provider, else removed. An earlier sweep's file there (the
 * folder is not replaced whole) would not belong to the new sweep.csv.
 */
export function sweepPairedFiles(dir: string, table: SweepTable): { write: [string, string][]; remove: string[] } {
  const replications = sweepReplicationsCsv(table);
  const paired = sweepPairedCsv(table);
  const contents = [replications, paired, sweepProvidersCsv(table)];
  const write: [string, string][] = [];
  const remove: string[] = [];
  PAIRED_FILES.forEach(([name], i) => {
    const text = contents[i];
    if (text === undefined) remove.push(join(dir, name));
    else write.push([join(dir, name), text]);
  });
  return { write, remove };
}

/**
 * The first of replications.csv, paired.csv and providers.csv in `dir` that a sweep may
 * neither replace nor remove (not an earlier sweep's, by its header) as [path, what is there],
 * or null.
 */
export function pairedFileInTheWay(dir: string): [string, string] | null {
  for (const [name, earlier] of PAIRED_FILES) {
    const path = join(dir, name);
    const found = besideFileInTheWay(path, earlier, { head: true });
    if (found !== null) return [path, found];
  }
  return null;
}
