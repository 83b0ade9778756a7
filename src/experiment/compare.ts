// `ecsim compare`: every variant x replication k with seed = seed + k. Variants of one
// replication share the seed, so they draw the same named random streams (common random
// numbers): the same load, the same delays. The outcome is summarised per variant and as
// paired differences against the first variant.

import { join } from 'node:path';
import { ScenarioError } from '../scenario/index.js';
import type { ExperimentFile } from './experiment-file.js';
import { loadVariantScenario } from './load-derived.js';
import { METRICS, type ProviderFigures } from './metrics.js';
import { providerOutcomes, type ProviderOutcome } from './provider-outcomes.js';
import { isJsonObject } from './merge-patch.js';
import { paretoFront } from './pareto.js';
import { runJobs } from './run-jobs.js';
import { variantDurationIssues } from './same-duration.js';
import { pairedDifference, summarizeSample, type SampleSummary } from './stats.js';

export type { ProviderOutcome };
import type { ReplicationJob } from './replication-job.js';

export interface VariantOutcome {
  name: string;
  /** [replication][metric], metrics in METRICS order. */
  replications: number[][];
  /** Per metric over the replications. */
  stats: SampleSummary[];
  /** Per metric, this variant minus the first one, paired by replication; null for the first. */
  paired: SampleSummary[] | null;
  /** On the cost / SLO-violation Pareto front (means, both minimised). */
  pareto: boolean;
  /** The variant's scenario sets `warmStart: true` (comparison.md's note on the start of the runs). */
  warmStart?: boolean;
  /**
   * Per capacity provider of any variant's runs (the same list for every variant, in the order
   * they first appear: variant by variant), each of PROVIDER_FIGURES over the replications; a
   * provider a replication does not have counts as cost 0 and peak 0 (providerOutcomes).
   */
  providers: ProviderOutcome[];
}

export interface Comparison {
  scenario: string;
  seeds: number[];
  variants: VariantOutcome[];
}

export interface CompareOptions {
  jobs: number;
  /** Where replication 0 of each variant writes its results folder, `<runsDir>/<variant>`; none when absent. */
  runsDir?: string;
  onProgress?: (done: number, total: number) => void;
}

/** The variants of the file as [name, raw scenario]; throws ScenarioError on a bad variant. */
export function compareVariants(exp: ExperimentFile): [string, Record<string, unknown>][] {
  const variants = exp.raw.variants;
  if (!isJsonObject(variants) || Object.keys(variants).length === 0) {
    throw new ScenarioError(exp.file, [{ path: 'variants', message: 'expected at least one variant (name: JSON merge patch) to compare, found none' }]);
  }
  const loaded = Object.entries(variants).map(([name, patch]): [string, Record<string, unknown>] => [name, loadVariantScenario(exp, name, patch)]);
  // run totals of different durations are not comparable (same-duration.ts)
  const durations = variantDurationIssues(exp, loaded);
  if (durations.length > 0) throw new ScenarioError(exp.file, durations);
  return loaded;
}

export async function runComparison(exp: ExperimentFile, options: CompareOptions): Promise<Comparison> {
  const variants = compareVariants(exp);
  const seeds = Array.from({ length: exp.replications }, (_, k) => exp.seed + k);
  const jobs: ReplicationJob[] = [];
  for (const [name, scenario] of variants) {
    seeds.forEach((seed, k) =>
      jobs.push({
        label: `${exp.file}: variants.${name}`,
        scenario,
        baseDir: exp.baseDir,
        seed,
        durationMs: exp.durationOverrideMs,
        outDir: k === 0 && options.runsDir !== undefined ? join(options.runsDir, name) : undefined,
      }),
    );
  }
  const results = await runJobs(jobs, { jobs: options.jobs, onProgress: options.onProgress });
  const byVariant = variants.map((_, v) => results.slice(v * seeds.length, (v + 1) * seeds.length));
  return summarizeComparison(
    exp.name,
    variants.map(([name]) => name),
    seeds,
    byVariant.map((rs) => rs.map((r) => r.metrics)),
    variants.map(([, scenario]) => scenario.warmStart === true),
    byVariant.map((rs) => rs.map((r) => r.providers)),
  );
}

/**
 * Builds the comparison from raw per-replication metrics ([variant][replication][metric])
 * and, when given, each replication's figures per capacity provider ([variant][replication]).
 */
export function summarizeComparison(
  scenario: string,
  names: string[],
  seeds: number[],
  metrics: number[][][],
  warm: readonly boolean[] = [],
  providers: readonly (readonly (readonly [string, ProviderFigures][])[])[] = [],
): Comparison {
  const column = (rows: number[][], m: number) => rows.map((r) => r[m]);
  const first = metrics[0];
  const stats = metrics.map((rows) => METRICS.map((_, m) => summarizeSample(column(rows, m))));
  const costIndex = METRICS.indexOf('cost');
  const sloIndex = METRICS.indexOf('sloViolationMinutes');
  const perProvider = providerOutcomes(names.map((_, v) => providers[v] ?? []));
  const front = paretoFront(stats.map((s) => ({ cost: s[costIndex].mean, sloViolationMinutes: s[sloIndex].mean })));
  return {
    scenario,
    seeds,
    variants: names.map((name, v) => ({
      name,
      replications: metrics[v],
      stats: stats[v],
      paired: v === 0 ? null : METRICS.map((_, m) => pairedDifference(column(first, m), column(metrics[v], m))),
      pareto: front[v],
      ...(warm[v] === true ? { warmStart: true } : {}),
      providers: perProvider[v],
    })),
  };
}
