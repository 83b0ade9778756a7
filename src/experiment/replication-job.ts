// One replication of one variant or sweep point: validate the derived scenario, run it
// with the replication's seed, and return its headline metrics. The same function runs
// in-process and inside worker threads.

import { loadScenarioObject } from '../scenario/index.js';
import { runSimulation, runSimulationPausing, type RunSinks } from '../sim/index.js';
import { passATurn, runToFolder, runToFolderPausing } from '../output/run-to-folder.js';
import { headlineMetrics, providerFigures, type ProviderFigures } from './metrics.js';

/** Plain data, so it can be posted to a worker thread. */
export interface ReplicationJob {
  /** Prefix for validation errors, e.g. "compare.yaml: variants.tt-cpu-45". */
  label: string;
  scenario: Record<string, unknown>;
  baseDir: string;
  seed: number;
  /** Overrides the scenario's duration when set. */
  durationMs?: number;
  /** When set, writes the full results folder of this run there. */
  outDir?: string;
}

const NO_SINKS: RunSinks = { keepsEvents: false, event() {}, timeseries() {}, capacity() {}, task() {} };

/** What a replication returns: its METRICS (in METRICS order) and its figures per capacity provider. */
export interface ReplicationResult {
  metrics: number[];
  providers: [string, ProviderFigures][];
}

/** The METRICS of the run, in METRICS order, and its figures per capacity provider. */
export function runReplication(job: ReplicationJob): ReplicationResult {
  const resolved = loadScenarioObject(job.label, job.scenario, { baseDir: job.baseDir, seed: job.seed, durationMs: job.durationMs });
  const summary = job.outDir
    ? runToFolder(resolved, { outDir: job.outDir, seed: job.seed }).summary
    : runSimulation(resolved, NO_SINKS, { seed: job.seed }).summary;
  return { metrics: headlineMetrics(summary), providers: providerFigures(summary) };
}

/** runReplication, passing a turn of the event loop between the simulation's chunks (in-process jobs: run-jobs.ts). */
export async function runReplicationPausing(job: ReplicationJob): Promise<ReplicationResult> {
  const resolved = loadScenarioObject(job.label, job.scenario, { baseDir: job.baseDir, seed: job.seed, durationMs: job.durationMs });
  const summary = job.outDir
    ? (await runToFolderPausing(resolved, { outDir: job.outDir, seed: job.seed })).summary
    : (await runSimulationPausing(resolved, NO_SINKS, { seed: job.seed }, passATurn)).summary;
  return { metrics: headlineMetrics(summary), providers: providerFigures(summary) };
}
