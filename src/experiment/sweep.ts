// `ecsim sweep`: the Cartesian product of the `sweep` lists (dotted paths into the
// scenario) x replications. Points are numbered in a fixed order — the first path varies
// slowest, the last fastest, as nested loops in file order — so that shards and worker
// threads can split them and the results still come out in the same order.
// With `runsDir`, replication 0 of each point writes its full results folder to
// `<runsDir>/<point label>` (point-label.ts), as compare does per variant.

import { join } from 'node:path';
import { ScenarioError, loadScenarioObject } from '../scenario/index.js';
import { deriveScenario } from './derive-scenario.js';
import type { ExperimentFile } from './experiment-file.js';
import { isJsonObject } from './merge-patch.js';
import { METRICS } from './metrics.js';
import { runJobs } from './run-jobs.js';
import { inShard, type Shard } from './shard.js';
import { pointLabels } from './point-label.js';
import { summarizeSample } from './stats.js';
import type { ReplicationJob } from './replication-job.js';

export interface SweepPlan {
  paths: string[];
  /** points[i][p]: the value of paths[p] at point i. */
  points: unknown[][];
}

/** One point's outcome over its replications. */
export interface PointRow {
  point: number;
  /** Parameter values as written in the CSV, in `paths` order. */
  params: string[];
  /** Per metric (METRICS order): mean and 95 % half-width over the replications (full precision). */
  means: number[];
  ci95: number[];
}

export interface SweepTable {
  paths: string[];
  pointCount: number;
  replications: number;
  /** In point order; all points, or one shard's. */
  rows: PointRow[];
}

export interface SweepOptions {
  jobs: number;
  shard?: Shard;
  /** Where replication 0 of each point (of this shard) writes its results folder, `<runsDir>/<point label>`; none when absent. */
  runsDir?: string;
  onProgress?: (done: number, total: number) => void;
}

/** The points of a sweep map (path -> list of values), in the fixed order. */
export function sweepPlan(sweep: Record<string, readonly unknown[]>): SweepPlan {
  const paths = Object.keys(sweep);
  let points: unknown[][] = [[]];
  for (const path of paths) {
    const next: unknown[][] = [];
    for (const prefix of points) for (const value of sweep[path]) next.push([...prefix, value]);
    points = next;
  }
  return { paths, points };
}

/** A sweep value as its CSV cell: strings as they are, everything else as JSON. */
export function formatParameter(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The plan of the file's `sweep` map; throws ScenarioError when there is none. */
export function experimentSweepPlan(exp: ExperimentFile): SweepPlan {
  const sweep = exp.raw.sweep;
  if (!isJsonObject(sweep) || Object.keys(sweep).length === 0) {
    throw new ScenarioError(exp.file, [{ path: 'sweep', message: 'expected a map of dotted paths to lists of values, found none' }]);
  }
  return sweepPlan(sweep as Record<string, unknown[]>);
}

/** The label of every point of the plan (its runs/ folder name), in point order. */
export function sweepPointLabels(plan: SweepPlan): string[] {
  return pointLabels(plan.paths, plan.points.map((values) => values.map(formatParameter)));
}

export async function runSweep(exp: ExperimentFile, options: SweepOptions): Promise<SweepTable> {
  const plan = experimentSweepPlan(exp);
  const labels = sweepPointLabels(plan);
  const mine = plan.points.map((_, i) => i).filter((i) => inShard(i, options.shard));
  const seeds = Array.from({ length: exp.replications }, (_, k) => exp.seed + k);
  const jobs: ReplicationJob[] = [];
  for (const i of mine) {
    const label = `${exp.file}: sweep point ${i} (${plan.paths.map((p, j) => `${p}=${formatParameter(plan.points[i][j])}`).join(', ')})`;
    let scenario: Record<string, unknown>;
    try {
      scenario = deriveScenario(exp.raw, {}, plan.paths.map((p, j) => [p, plan.points[i][j]]));
    } catch (e) {
      throw new ScenarioError(exp.file, [{ path: 'sweep', message: (e as Error).message }]);
    }
    loadScenarioObject(label, scenario, { baseDir: exp.baseDir, seed: exp.seed, durationMs: exp.durationOverrideMs });
    seeds.forEach((seed, k) =>
      jobs.push({
        label,
        scenario,
        baseDir: exp.baseDir,
        seed,
        durationMs: exp.durationOverrideMs,
        outDir: k === 0 && options.runsDir !== undefined ? join(options.runsDir, labels[i]) : undefined,
      }),
    );
  }
  const results = await runJobs(jobs, { jobs: options.jobs, onProgress: options.onProgress });
  const rows = mine.map((point, r) => {
    const reps = results.slice(r * seeds.length, (r + 1) * seeds.length);
    const stats = METRICS.map((_, m) => summarizeSample(reps.map((x) => x[m])));
    return {
      point,
      params: plan.points[point].map(formatParameter),
      means: stats.map((s) => s.mean),
      ci95: stats.map((s) => s.ci95),
    };
  });
  return { paths: plan.paths, pointCount: plan.points.length, replications: seeds.length, rows };
}
