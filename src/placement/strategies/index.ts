// Placement strategies: binpack, spread, random, their validation and ECS's defaults.
export type { CompiledStrategy, StrategyContext, SpreadCountScope, GroupValueCounts } from './strategy.js';
export { binpack } from './binpack.js';
export { spread, groupCountsByValue } from './spread.js';
export { random } from './random.js';
export { compileStrategies, MAX_STRATEGIES } from './compile-strategies.js';
export { defaultStrategies } from './default-strategies.js';
