// The figures per capacity provider of a sweep: per point and provider, its cost and peak
// instances (EC2) or tasks (Fargate) over the point's replications, as compare has per
// variant (provider-outcomes.ts): providers.csv beside sweep.csv and comparison.md's "Per
// capacity provider". Computed from each replication's figures, which the unsharded sweep
// has and shard files carry (sweep-files.ts), so `ecsim merge` writes the same bytes.
// A point merged from a shard file written before shard files carried them has none: it is
// left out of providers.csv (and of the providers listed for every point) and marked `not
// recorded` in comparison.md; with no point that has them, there is no providers.csv.

import { providersTableCsv } from './comparison-files.js';
import { providerOutcomes, type ProviderOutcome } from './provider-outcomes.js';
import type { PointRow, SweepTable } from './sweep.js';
import { sortedRows } from './sweep-files.js';

/** Per row in point order: its figures per provider (every provider of any point with figures), or undefined when not recorded. */
export function sweepProviderOutcomes(table: SweepTable): { row: PointRow; providers: ProviderOutcome[] | undefined }[] {
  const rows = sortedRows(table);
  const recorded = rows.filter((r) => r.providers !== undefined);
  const outcomes = providerOutcomes(recorded.map((r) => r.providers!));
  return rows.map((row) => ({ row, providers: row.providers === undefined ? undefined : outcomes[recorded.indexOf(row)] }));
}

/**
 * providers.csv of a sweep, as compare's with the point's parameter columns (sweep.csv's) in
 * place of `variant`: one row per (point, capacity provider), in point order; undefined when
 * no point has figures per provider (merged from shard files written before they carried them).
 */
export function sweepProvidersCsv(table: SweepTable): string | undefined {
  const recorded = sweepProviderOutcomes(table).filter((p) => p.providers !== undefined);
  if (recorded.length === 0) return undefined;
  return providersTableCsv(table.paths, recorded.map((p) => ({ lead: p.row.params, providers: p.providers! })));
}

/** Whether `text` (a file's start) is an earlier sweep's providers.csv (its header: parameter columns, then `capacityProvider,cost_mean`), which a sweep or a merge may replace or remove. */
export function isSweepProvidersCsv(text: string): boolean {
  const line = /^\uFEFF?([^\r\n]*)/.exec(text)?.[1] ?? '';
  const at = line.indexOf(',capacityProvider,cost_mean,cost_ci95,');
  return at > 0 && !line.startsWith('variant,capacityProvider,');
}

/** How many of the table's points have no figures per capacity provider (merged from shard files written before they carried them). */
export function unrecordedProviderPoints(table: SweepTable): number {
  return table.rows.filter((r) => r.providers === undefined).length;
}
