// Which steps of the placement pipeline rejected some instance, as bits: the same counting
// as describeUnplaceable (each instance under the first step that rejected it; instances
// still launching are not container instances yet and are not counted), without the
// message or the closest instance. Cheap enough to take on every failed placement, so the
// simulation can tell when the reason for a failure changed (a new message is due at once)
// from when only its figures did (the message may wait).
//
// Bits 0-4: INSTANCE_STATUS, RESOURCE:CPU, RESOURCE:MEMORY, RESOURCE:PORTS, RESOURCE:ENI;
// bit 5 + j: the constraint at index j (ECS allows at most 10). 0: no container instance
// is registered (none, or all still launching).

import { asCompiledConstraints, type ConstraintsInput } from '../compiled.js';
import { resourceRejection } from '../filter/resource-filter.js';
import type { PlacementInstance, RejectionReason, TaskRequirements } from '../types.js';

/** The kinds when no container instance is registered (none, or all still launching). */
export const NOTHING_REGISTERED = 0;

const RESOURCE_BIT: Readonly<Record<RejectionReason, number>> = {
  INSTANCE_STATUS: 1,
  'RESOURCE:CPU': 2,
  'RESOURCE:MEMORY': 4,
  'RESOURCE:PORTS': 8,
  'RESOURCE:ENI': 16,
  MemberOf: 0,
  DistinctInstance: 0,
};

/** The kinds of rejection describeUnplaceable would name for `task` on `instances`, as bits. */
export function unplaceableReasonKinds(instances: readonly PlacementInstance[], task: TaskRequirements, constraintsInput: ConstraintsInput): number {
  const constraints = asCompiledConstraints(constraintsInput);
  let kinds = 0;
  for (let i = 0; i < instances.length; i++) {
    const inst = instances[i];
    if (inst.status === 'REGISTERING') continue;
    const r = resourceRejection(inst, task);
    if (r !== null) {
      kinds |= RESOURCE_BIT[r];
      continue;
    }
    for (let j = 0; j < constraints.length; j++) {
      if (!constraints[j].accepts(inst, task)) {
        kinds |= 1 << (5 + j);
        break;
      }
    }
  }
  return kinds;
}
