// Accepts constraints and strategies either as ECS config (plain data) or already compiled;
// config arrays are compiled once and memoised by array identity (compiling is pure, so a
// config array must not be mutated after first use).

import type { CompiledConstraint } from './constraints/constraint.js';
import { compileConstraints } from './constraints/compile-constraints.js';
import { compileStrategies } from './strategies/compile-strategies.js';
import type { CompiledStrategy } from './strategies/strategy.js';
import type { PlacementConstraint, PlacementStrategy } from './types.js';

export type ConstraintsInput = readonly PlacementConstraint[] | readonly CompiledConstraint[];
export type StrategiesInput = readonly PlacementStrategy[] | readonly CompiledStrategy[];

const constraintCache = new WeakMap<object, readonly CompiledConstraint[]>();
const strategyCache = new WeakMap<object, readonly CompiledStrategy[]>();

export function asCompiledConstraints(list: ConstraintsInput): readonly CompiledConstraint[] {
  if (list.length === 0 || 'accepts' in list[0]) return list as readonly CompiledConstraint[];
  let c = constraintCache.get(list);
  if (!c) constraintCache.set(list, (c = compileConstraints(list as readonly PlacementConstraint[])));
  return c;
}

export function asCompiledStrategies(list: StrategiesInput): readonly CompiledStrategy[] {
  if (list.length === 0 || 'narrow' in list[0]) return list as readonly CompiledStrategy[];
  let c = strategyCache.get(list);
  if (!c) strategyCache.set(list, (c = compileStrategies(list as readonly PlacementStrategy[])));
  return c;
}
