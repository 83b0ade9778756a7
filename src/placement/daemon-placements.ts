// DAEMON scheduling: one task of the service on each ACTIVE container instance that meets
// the placement constraints (AmazonECS/latest/developerguide/ecs_services.html, daemon) and
// is of the CPU architecture the task definition names (any, when it names none).
// Returns the instances that still need the daemon task: those with room for it now, and
// those without (ECS keeps such a task pending; we report the first missing resource).

import type { CompiledConstraint } from './constraints/constraint.js';
import { architectureMismatch, resourceRejection } from './filter/resource-filter.js';
import { asCompiledConstraints, type ConstraintsInput } from './compiled.js';
import type { PlacementInstance, RejectionReason, TaskRequirements } from './types.js';

export interface DaemonPlacements {
  /** ACTIVE instances of the task's architecture meeting the constraints, without a task of the group, with room for one. */
  place: string[];
  /** Same, but lacking a resource for it now. */
  lacking: Array<{ instanceId: string; reason: RejectionReason }>;
}

export function daemonPlacements(
  instances: readonly PlacementInstance[],
  task: TaskRequirements,
  constraints: ConstraintsInput,
): DaemonPlacements {
  const cons: readonly CompiledConstraint[] = asCompiledConstraints(constraints);
  const place: string[] = [];
  const lacking: DaemonPlacements['lacking'] = [];
  for (const inst of instances) {
    if (inst.status !== 'ACTIVE' || (inst.groupCounts.get(task.group) ?? 0) > 0 || architectureMismatch(inst, task)) continue;
    if (!cons.every((c) => c.accepts(inst, task))) continue;
    const r = resourceRejection(inst, task);
    if (r === null) place.push(inst.id);
    else lacking.push({ instanceId: inst.id, reason: r });
  }
  return { place, lacking };
}
