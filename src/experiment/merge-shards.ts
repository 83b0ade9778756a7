// `ecsim merge`: joins the shard files of one sweep into the table the unsharded sweep
// would have produced, after checking that every point is there exactly once.

import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { notAFileToRead } from '../scenario/input-file.js';
import { METRICS } from './metrics.js';
import { shardOfFileName } from './shard.js';
import { EARLIER_SHARD_COLUMNS, EarlierShardError, parseShardCsv, PROVIDERS_COLUMN } from './sweep-files.js';
import type { SweepTable } from './sweep.js';

/** Expands folders to the `sweep.shard-i-of-n.csv` files in them (sorted); files pass through. */
export function shardFiles(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (statSync(input).isDirectory()) {
      const found = readdirSync(input).filter((n) => shardOfFileName(n) !== undefined);
      found.sort((a, b) => shardOfFileName(a)!.index - shardOfFileName(b)!.index || (a < b ? -1 : a > b ? 1 : 0)); // by code unit: localeCompare follows the user's locale
      if (found.length === 0) throw new Error(`${input}: expected sweep.shard-<i>-of-<n>.csv files in this folder, found none`);
      files.push(...found.map((n) => join(input, n)));
    } else files.push(input);
  }
  return files;
}

/** Reads and merges shard files; throws an Error naming missing or repeated points. */
export function mergeShardFiles(files: readonly string[]): SweepTable {
  const seen = new Map<string, string>();
  for (const file of files) {
    const notFile = notAFileToRead(file);
    if (notFile !== undefined) throw new Error(`merge: ${file}: ${notFile} (a sweep shard file)`);
    // the same file twice (named twice, or as itself and in its folder): its points would be "in both" it and itself
    const real = realpathSync(file);
    const before = seen.get(real);
    if (before !== undefined) throw new Error(`merge: expected each shard file once, found ${file}${before === file ? ' twice' : ` and ${before}, which are the same file`}`);
    seen.set(real, file);
  }
  // every shard file of seven metrics named in one error, not one per try
  const shards: { file: string; table: SweepTable & { header: string[] } }[] = [];
  const earlier: EarlierShardError[] = [];
  for (const file of files) {
    try {
      shards.push({ file, table: parseShardCsv(readFileSync(file, 'utf8'), file) });
    } catch (e) {
      if (!(e instanceof EarlierShardError)) throw e;
      earlier.push(e);
    }
  }
  if (earlier.length === 1) throw earlier[0];
  if (earlier.length > 1) {
    throw new Error(
      `merge: ${earlier.length} sweep shard files written by an earlier ecsim (${EARLIER_SHARD_COLUMNS}): ${earlier.map((e) => e.file).join(', ')}: run those shards again with this ecsim`,
    );
  }
  return mergeShards(shards);
}

export function mergeShards(shards: readonly { file: string; table: SweepTable & { header: string[] } }[]): SweepTable {
  if (shards.length === 0) throw new Error('merge: expected at least one shard file, found none');
  const withRows = shards.filter((s) => s.table.rows.length > 0);
  const first = withRows[0] ?? shards[0];
  // `providers_values` (each replication's figures per capacity provider) comes last in shard
  // files written since they carry it: one without it merges with those that have it (its
  // points are `not recorded` in the per-provider table, sweep-providers.ts)
  const header = (s: (typeof shards)[number]) => (s.table.header.at(-1) === PROVIDERS_COLUMN ? s.table.header.slice(0, -1) : s.table.header);
  // the `<metric>_values` columns (each replication's figures) come last before it in shard files written since they carry them
  const hasValues = (s: (typeof shards)[number]) => header(s).at(-1) === `${METRICS.at(-1)}_values`;
  const withoutValues = (s: (typeof shards)[number]) => (hasValues(s) ? header(s).slice(0, -METRICS.length) : header(s)).join(',');
  for (const s of shards) {
    // one written by an ecsim from before shard files carried each replication's figures, one after
    if (hasValues(s) !== hasValues(first) && withoutValues(s) === withoutValues(first)) {
      const [older, newer] = hasValues(s) ? [first.file, s.file] : [s.file, first.file];
      throw new Error(`merge: ${older} was written by an earlier ecsim than ${newer} (it has no <metric>_values columns): run that shard again with this ecsim`);
    }
    if (header(s).join(',') !== header(first).join(',')) {
      throw new Error(`merge: ${s.file} has other columns than ${first.file}: they are not shards of the same sweep`);
    }
  }
  for (const s of withRows) {
    if (s.table.pointCount !== first.table.pointCount || s.table.replications !== first.table.replications) {
      throw new Error(
        `merge: ${s.file} has ${s.table.pointCount} points x ${s.table.replications} replications, ${first.file} has ` +
          `${first.table.pointCount} x ${first.table.replications}: they are not shards of the same sweep`,
      );
    }
    if (s.table.scenario !== first.table.scenario || s.table.seed !== first.table.seed) {
      throw new Error(
        `merge: ${s.file} is of scenario "${s.table.scenario}" with first seed ${s.table.seed}, ${first.file} of "${first.table.scenario}" ` +
          `with first seed ${first.table.seed}: they are not shards of the same sweep`,
      );
    }
    if (s.table.plan !== undefined && first.table.plan !== undefined && s.table.plan !== first.table.plan) {
      throw new Error(
        `merge: ${s.file} and ${first.file} come from different sweeps (the scenario file, its sweep values, --duration, ` +
          `the seed or the replications differ): run every shard from the same file with the same flags`,
      );
    }
  }
  const { scenario, seed, plan, pointCount, replications, paths } = first.table;
  // the same plan is the same runs' digest; shard files written before they carried it have none
  const runsPlan = shards.find((s) => s.table.runsPlan !== undefined)?.table.runsPlan;
  const owner = new Array<string | undefined>(pointCount);
  const rows = [];
  for (const s of shards) {
    for (const row of s.table.rows) {
      if (!Number.isInteger(row.point) || row.point < 0 || row.point >= pointCount) throw new Error(`merge: ${s.file}: point ${row.point} is outside 0..${pointCount - 1}`);
      if (owner[row.point] === s.file) {
        throw new Error(`merge: ${s.file}: expected each point once, found point ${row.point} in two rows (a shard file written twice into one?); run that shard again`);
      }
      if (owner[row.point] !== undefined) {
        throw new Error(`merge: expected each point in one shard file, found point ${row.point} in both ${owner[row.point]} and ${s.file}: are they of different shard counts, or one a copy of the other?`);
      }
      owner[row.point] = s.file;
      rows.push(row);
    }
  }
  const missing: number[] = [];
  for (let i = 0; i < pointCount; i++) if (owner[i] === undefined) missing.push(i);
  if (missing.length > 0) {
    const shown = missing.slice(0, 10).join(', ') + (missing.length > 10 ? `, ... (${missing.length} in all)` : '');
    throw new Error(`merge: expected all ${pointCount} points of the sweep, missing point${missing.length === 1 ? '' : 's'} ${shown}: is a shard file missing or unfinished?`);
  }
  rows.sort((a, b) => a.point - b.point);
  return { scenario, seed, plan, ...(runsPlan !== undefined ? { runsPlan } : {}), paths, pointCount, replications, rows };
}
