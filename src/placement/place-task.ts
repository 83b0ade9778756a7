// ECS task placement for one task (AmazonECS/latest/developerguide/task-placement.html):
// 1) instances with the status, CPU, memory, static host ports and ENI the task needs;
// 2) the placement constraints (binding); 3) the strategies in order, each keeping its best
// candidates (best effort). Ties left after the last strategy go to the lowest instance id.
// Deterministic: the only randomness is the `random` strategy's draw from `rng`.
// Fast path: `explain: false` skips building the reason of a failure (describeUnplaceable
// is O(instances x constraints) and allocates); the caller asks for it only to log it.

import type { RandomStream } from '../engine/index.js';
import { asCompiledConstraints, asCompiledStrategies, type ConstraintsInput, type StrategiesInput } from './compiled.js';
import { resourceRejection } from './filter/resource-filter.js';
import type { GroupValueCounts, SpreadCountScope, StrategyContext } from './strategies/strategy.js';
import type { PlacementInstance, PlacementResult, TaskRequirements } from './types.js';
import { describeUnplaceable } from './unplaceable/describe-unplaceable.js';
import type { CompiledConstraint } from './constraints/constraint.js';

export interface PlacementOptions {
  /** Which instances' tasks spread(attribute) counts per value; default 'cluster' (see spread.ts). */
  spreadCountScope?: SpreadCountScope;
  /**
   * The task group's per-value counts, kept by the caller (scope 'cluster' only): spread
   * reads them instead of scanning every instance. Must equal the scan (see GroupValueCounts).
   */
  groupValueCounts?: GroupValueCounts;
  /**
   * Build the UnplaceableReason when no instance fits (default true). With false a failure
   * returns `{ ok: false, reason: null }` at the cost of the scan alone; call
   * describeUnplaceable(instances, task, constraints) only when the reason will be shown.
   */
  explain?: boolean;
}

/** placeTask's result with `explain: false`: a failure carries no reason. */
export type QuickPlacementResult = { ok: true; instanceId: string } | { ok: false; reason: null };

export function placeTask(
  instances: readonly PlacementInstance[],
  task: TaskRequirements,
  constraints: ConstraintsInput,
  strategies: StrategiesInput,
  rng: RandomStream,
  options: PlacementOptions & { explain: false },
): QuickPlacementResult;
export function placeTask(
  instances: readonly PlacementInstance[],
  task: TaskRequirements,
  constraints: ConstraintsInput,
  strategies: StrategiesInput,
  rng: RandomStream,
  options?: PlacementOptions & { explain?: true },
): PlacementResult;
export function placeTask(
  instances: readonly PlacementInstance[],
  task: TaskRequirements,
  constraints: ConstraintsInput,
  strategies: StrategiesInput,
  rng: RandomStream,
  options?: PlacementOptions,
): PlacementResult | QuickPlacementResult;
export function placeTask(
  instances: readonly PlacementInstance[],
  task: TaskRequirements,
  constraints: ConstraintsInput,
  strategies: StrategiesInput,
  rng: RandomStream,
  options: PlacementOptions = {},
): PlacementResult | QuickPlacementResult {
  const cons = asCompiledConstraints(constraints);
  const strats = asCompiledStrategies(strategies);
  const candidates: PlacementInstance[] = [];
  for (let i = 0; i < instances.length; i++) if (isCandidate(instances[i], task, cons)) candidates.push(instances[i]);
  const total = candidates.length;
  if (total === 0) {
    if (options.explain === false) return FAILED;
    return { ok: false, reason: describeUnplaceable(instances, task, cons) };
  }

  const ctx: StrategyContext = {
    task,
    instances,
    candidateCount: total,
    rng,
    spreadCountScope: options.spreadCountScope ?? 'cluster',
    groupValueCounts: options.groupValueCounts ?? null,
  };
  let n = total;
  for (let s = 0; s < strats.length && n > 1; s++) n = strats[s].narrow(candidates, n, ctx);
  let best = candidates[0];
  for (let i = 1; i < n; i++) if (candidates[i].id < best.id) best = candidates[i];
  return { ok: true, instanceId: best.id };
}

/** Steps 1 and 2: `inst` has the resources `task` needs and meets every constraint. */
export function isCandidate(inst: PlacementInstance, task: TaskRequirements, constraints: readonly CompiledConstraint[]): boolean {
  if (resourceRejection(inst, task) !== null) return false;
  for (let j = 0; j < constraints.length; j++) if (!constraints[j].accepts(inst, task)) return false;
  return true;
}

const FAILED: QuickPlacementResult = Object.freeze({ ok: false, reason: null }) as QuickPlacementResult;
