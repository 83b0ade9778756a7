// The common shape of a compiled placement constraint: a binding yes/no per instance,
// with the name ECS uses in its rejection reasons.

import type { PlacementInstance, RejectionReason, TaskRequirements } from '../types.js';

export interface CompiledConstraint {
  readonly type: 'distinctInstance' | 'memberOf';
  /** The rejection reason counted when this constraint excludes an instance. */
  readonly reason: Extract<RejectionReason, 'MemberOf' | 'DistinctInstance'>;
  /** For messages: "distinctInstance" or "memberOf(<expression>)". */
  readonly label: string;
  /** The memberOf expression, as written. */
  readonly expression?: string;
  accepts(instance: PlacementInstance, task: TaskRequirements): boolean;
}
