// `ecsim sweep`: the points of the `sweep` lists (sweep-plan.ts) x replications. Points
// are numbered in a fixed order so that shards and worker threads can split them and the
// results still come out in the same order.
// With `runsDir`, replication 0 of each point writes its full results folder to
// `<runsDir>/<point label>` (point-label.ts), as compare does per variant.

import { join } from 'node:path';
import type { ExperimentFile } from './experiment-file.js';
import { sweepPlanDigest, sweepRunsDigest } from './sweep-plan-digest.js';
import { METRICS } from './metrics.js';
import { runJobs } from './run-jobs.js';
import { inShard, type Shard } from './shard.js';
import { experimentSweepPlan, formatParameter, sweepPointLabels, sweepPointName, sweepPointScenario } from './sweep-plan.js';
import { summarizeSample } from './stats.js';
import type { ReplicationJob } from './replication-job.js';
import type { ReplicationProviders } from './provider-outcomes.js';

/** One point's outcome over its replications. */
export interface PointRow {
  point: number;
  /** Parameter values as written in the CSV, in `paths` order. */
  params: string[];
  /** Per metric (METRICS order): mean and 95 % half-width over the replications (full precision). */
  means: number[];
  ci95: number[];
  /**
   * Per metric: the replications with a value (the mean is over them; fewer than all when a
   * run has none, e.g. no p95 latency without a request served). Undefined when merged from
   * shard files written before they recorded it.
   */
  counts?: number[];
  /**
   * [replication][metric] (METRICS order, NaN for no value): each replication's own figures,
   * for the paired differences against the first point (sweep-paired.ts). Undefined when
   * merged from shard files written before they recorded them.
   */
  values?: number[][];
  /**
   * [replication]: each replication's figures per capacity provider (summary.json's order),
   * for providers.csv and the per-provider table (sweep-providers.ts). Undefined when merged
   * from a shard file written before shard files recorded them.
   */
  providers?: ReplicationProviders[];
}

export interface SweepTable {
  /** The scenario's name; undefined when merged from shard files that do not record it (written before they did). */
  scenario: string | undefined;
  /** The first seed (replication k runs with seed + k); undefined as `scenario`. */
  seed: number | undefined;
  /** sweepPlanDigest of the sweep; undefined when merged from shard files that do not record it. */
  plan: string | undefined;
  /** sweepRunsDigest of the sweep (what replication 0 of each point depends on); undefined when merged from shard files that do not record it. */
  runsPlan?: string;
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

export async function runSweep(exp: ExperimentFile, options: SweepOptions): Promise<SweepTable> {
  const plan = experimentSweepPlan(exp);
  const labels = sweepPointLabels(plan);
  const mine = plan.points.map((_, i) => i).filter((i) => inShard(i, options.shard));
  // Every point is validated, not only this shard's, before any run: a shard refuses an
  // invalid point of another shard as the whole sweep does (else the other shards ran to the
  // end and merge could never succeed), with the same first problem, in point order.
  // Validation only (one scenario validation a point: about 1 s for 140); this shard's scenarios are kept.
  const scenarios = new Map<number, Record<string, unknown>>();
  for (let i = 0; i < plan.points.length; i++) {
    const scenario = sweepPointScenario(exp, plan, i);
    if (inShard(i, options.shard)) scenarios.set(i, scenario);
  }
  const seeds = Array.from({ length: exp.replications }, (_, k) => exp.seed + k);
  const jobs: ReplicationJob[] = [];
  for (const i of mine) {
    const label = `${exp.file}: ${sweepPointName(plan, i)}`;
    const scenario = scenarios.get(i)!;
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
    const runs = results.slice(r * seeds.length, (r + 1) * seeds.length);
    const reps = runs.map((x) => x.metrics);
    const stats = METRICS.map((_, m) => summarizeSample(reps.map((x) => x[m])));
    return {
      point,
      params: plan.points[point].map(formatParameter),
      means: stats.map((s) => s.mean),
      ci95: stats.map((s) => s.ci95),
      counts: stats.map((s) => s.n),
      values: reps,
      providers: runs.map((x) => x.providers),
    };
  });
  return { scenario: exp.name, seed: exp.seed, plan: sweepPlanDigest(exp), runsPlan: sweepRunsDigest(exp), paths: plan.paths, pointCount: plan.points.length, replications: seeds.length, rows };
}
