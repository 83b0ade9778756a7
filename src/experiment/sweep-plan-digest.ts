// A digest of what a sweep runs, written into each of its shard files so that `ecsim merge`
// refuses shards of different sweeps: the scenario file's content (base, variants, sweep
// values) as parsed, the --duration given, the first seed and the replications. Formatting
// and comments do not change it; a trace CSV the scenario names is not part of it.

import { createHash } from 'node:crypto';
import type { ExperimentFile } from './experiment-file.js';

export function sweepPlanDigest(exp: ExperimentFile): string {
  const plan = { scenario: exp.raw, durationMs: exp.durationOverrideMs ?? null, seed: exp.seed, replications: exp.replications };
  return createHash('sha256').update(JSON.stringify(plan)).digest('hex').slice(0, 16);
}
