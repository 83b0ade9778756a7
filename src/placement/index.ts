// ECS task placement (AmazonECS/latest/developerguide/task-placement.html): the public API.
export type {
  PlacementInstance,
  TaskRequirements,
  PlacementStrategy,
  PlacementConstraint,
  PlacementResult,
  UnplaceableReason,
  Rejection,
  RejectionReason,
  Shortfall,
  ClosestInstance,
  RunningTaskRef,
} from './types.js';
export { AZ_ATTRIBUTE, ARCH_ATTRIBUTE } from './types.js';
export { BUILT_IN_ATTRIBUTES, LINUX_OS_FAMILY, UNMODELLED_BUILT_IN_ATTRIBUTES, instanceAttributes, unmodelledAttributeProblem } from './built-in-attributes.js';
export * from './query/index.js';
export * from './constraints/index.js';
export * from './strategies/index.js';
export * from './filter/index.js';
export * from './unplaceable/index.js';
export * from './scale-in/index.js';
export * from './fargate/index.js';
export { placeTask, isCandidate, type PlacementOptions, type QuickPlacementResult } from './place-task.js';
export { asCompiledConstraints, asCompiledStrategies, type ConstraintsInput, type StrategiesInput } from './compiled.js';
export { daemonPlacements, type DaemonPlacements } from './daemon-placements.js';
export { benchPlacement } from './bench.js';
