// The common shape of a compiled placement strategy. Strategies run in the order given and
// each narrows the candidate set to its best instances; the next strategy breaks the ties
// among those (AmazonECS/latest/developerguide/task-placement-strategies.html).
//
// Candidates live in one array; a strategy only permutes candidates[0..n) so that its best
// ones come first, and returns how many those are. No per-candidate allocation.

import type { RandomStream } from '../../engine/index.js';
import type { PlacementInstance, PlacementStrategy, TaskRequirements } from '../types.js';

/** Which instances' tasks `spread` counts per attribute value (an ecsim model choice). */
export type SpreadCountScope = 'cluster' | 'candidates';

export interface StrategyContext {
  task: TaskRequirements;
  /** Every instance given to the placer (for counting tasks of the group per value). */
  instances: readonly PlacementInstance[];
  /** candidates[0..candidateCount) is the whole set that passed the filter and constraints. */
  candidateCount: number;
  rng: RandomStream;
  spreadCountScope: SpreadCountScope;
  /** Per-value counts kept by the caller (see GroupValueCounts); null: spread counts itself. */
  groupValueCounts: GroupValueCounts | null;
}

/**
 * Tasks of the placed task's group per value of an attribute, over the ACTIVE instances
 * whose tasks spread(attribute:NAME) with scope 'cluster' counts: the instances given to
 * the placer (a caller that keeps the counts as tasks start and stop saves that scan), or
 * more of them (the service simulation gives one capacity provider's instances as the
 * candidates but counts the service's tasks over the whole cluster). Values with no task
 * may be absent. Returns undefined for an attribute it does not keep (spread then scans
 * the instances given).
 */
export interface GroupValueCounts {
  valueCounts(attribute: string): ReadonlyMap<string, number> | undefined;
}

export interface CompiledStrategy {
  readonly strategy: PlacementStrategy;
  /** Moves the best of candidates[0..n) to the front and returns how many (>= 1 when n >= 1). */
  narrow(candidates: PlacementInstance[], n: number, ctx: StrategyContext): number;
}

/** Swaps candidates i and j in place. */
export function swap(a: PlacementInstance[], i: number, j: number): void {
  if (i !== j) {
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
