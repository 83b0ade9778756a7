// ECS task placement for one task (AmazonECS/latest/developerguide/task-placement.html):
// 1) instances with the status, CPU, memory, static host ports and ENI the task needs;
// 2) the placement constraints (binding); 3) the strategies in order, each keeping its best
// candidates (best effort). Ties left after the last strategy go to the lowest instance id.
// Deterministic: the only randomness is the `random` strategy's draw from `rng`.

import type { RandomStream } from '../engine/index.js';
import { asCompiledConstraints, asCompiledStrategies, type ConstraintsInput, type StrategiesInput } from './compiled.js';
import { resourceRejection } from './filter/resource-filter.js';
import type { SpreadCountScope, StrategyContext } from './strategies/strategy.js';
import type { PlacementInstance, PlacementResult, TaskRequirements } from './types.js';
import { describeUnplaceable } from './unplaceable/describe-unplaceable.js';

export interface PlacementOptions {
  /** Which instances' tasks spread(attribute) counts per value; default 'cluster' (see spread.ts). */
  spreadCountScope?: SpreadCountScope;
}

export function placeTask(
  instances: readonly PlacementInstance[],
  task: TaskRequirements,
  constraints: ConstraintsInput,
  strategies: StrategiesInput,
  rng: RandomStream,
  options: PlacementOptions = {},
): PlacementResult {
  const cons = asCompiledConstraints(constraints);
  const strats = asCompiledStrategies(strategies);
  const candidates: PlacementInstance[] = [];
  const nc = cons.length;
  outer: for (let i = 0; i < instances.length; i++) {
    const inst = instances[i];
    if (resourceRejection(inst, task) !== null) continue;
    for (let j = 0; j < nc; j++) if (!cons[j].accepts(inst, task)) continue outer;
    candidates.push(inst);
  }
  const total = candidates.length;
  if (total === 0) return { ok: false, reason: describeUnplaceable(instances, task, cons) };

  const ctx: StrategyContext = {
    task,
    instances,
    candidateCount: total,
    rng,
    spreadCountScope: options.spreadCountScope ?? 'cluster',
  };
  let n = total;
  for (let s = 0; s < strats.length && n > 1; s++) n = strats[s].narrow(candidates, n, ctx);
  let best = candidates[0];
  for (let i = 1; i < n; i++) if (candidates[i].id < best.id) best = candidates[i];
  return { ok: true, instanceId: best.id };
}
