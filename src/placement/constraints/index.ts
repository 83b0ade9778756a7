// Placement constraints: distinctInstance and memberOf, compiled from ECS's config form.
export type { CompiledConstraint } from './constraint.js';
export { distinctInstance } from './distinct-instance.js';
export { memberOf } from './member-of.js';
export { compileConstraints, MAX_CONSTRAINTS } from './compile-constraints.js';
