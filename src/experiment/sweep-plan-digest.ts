// Digests of what a sweep runs.
//
// sweepPlanDigest: the whole sweep, written into each of its shard files (`plan`) so that
// `ecsim merge` refuses shards of different sweeps, and beside sweep.csv: the scenario file's
// content (base, variants, sweep values, expect) as parsed, the --duration given, the first
// seed and the replications. Formatting and comments do not change it; a trace CSV the
// scenario names is not part of it.
//
// sweepRunsDigest: only what replication 0 of each point (its runs/<point label>/ run)
// depends on, written into each runs/<point label>/ and beside sweep.csv: the scenario file
// without the keys no run carries (`variants`, `replications`, `expect`: derive-scenario.ts;
// `sweep` stays, it defines the points), the seed replication 0 runs with, and the duration
// it runs (--duration, or the file's). Two sweeps that differ only in their replications,
// variants or expect list run the same replication 0 of each point, so their runs/ are one.

import { createHash } from 'node:crypto';
import type { ExperimentFile } from './experiment-file.js';
import { EXPERIMENT_KEYS } from './derive-scenario.js';

export function sweepPlanDigest(exp: ExperimentFile): string {
  const plan = { scenario: exp.raw, durationMs: exp.durationOverrideMs ?? null, seed: exp.seed, replications: exp.replications };
  return digest(plan);
}

/** Keys of the file that no point's run carries (EXPERIMENT_KEYS but `sweep`, which defines the points). */
const NOT_IN_A_RUN = EXPERIMENT_KEYS.filter((key) => key !== 'sweep');

export function sweepRunsDigest(exp: ExperimentFile): string {
  const scenario: Record<string, unknown> = { ...exp.raw };
  for (const key of NOT_IN_A_RUN) delete scenario[key];
  // the seed and duration the runs use: --seed's in place of the file's (exp.seed is the one
  // used either way), --duration's in place of the file's
  delete scenario.seed;
  if (exp.durationOverrideMs !== undefined) delete scenario.duration;
  return digest({ scenario, durationMs: exp.durationOverrideMs ?? null, seed: exp.seed });
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}
