// The room a new instance of an Auto Scaling group offers the tasks waiting in
// PROVISIONING, for ECS managed scaling's estimate of the instances they need: each type's
// registered resources less what the DAEMON services will reserve there. ECS places a
// DAEMON service's task on every instance that meets its placement constraints, before the
// service tasks (ecsim does so on registration too), so a new instance offers only the
// rest. AWS says only that the estimate "considers the resource availability of the Amazon
// EC2 instances" (managed-scaling-behavior.html); subtracting the daemons is the model.
//
// Model: per type and AZ, the DAEMON services in service order are placed on a fresh
// instance of that type (its attributes, no tasks), as ECS places them on a registering
// instance: a daemon counts when the instance is of its CPU architecture, if its task
// definition names one (else ECS never places it there: ecs.cpu-architecture), its
// constraints accept the instance, and its CPU, memory, ENI (awsvpc) and static host ports
// fit what the daemons before it left (else ECS does not place it there either: a daemon
// larger than a type never takes room from it). Its CPU, memory and ENI are subtracted;
// its static host ports are not (the waiting tasks' ports are not checked against them).
// A type offers the least of each resource over the AZs (a new instance may land in any).
// The most of each over the types is what M is packed onto. Whether a waiting task is too
// large is decided on the bare types (AWS: the instance types "are sorted by their
// parameters ... The smallest and the largest instance types for each parameter are
// selected", managed-scaling-behavior.html), so `smallest` is the group's bare smallest;
// a task that fits a bare type but no daemon-reduced room is left out by the packing.
// Computed once per run: O(types x AZs x daemons).

import type { CompiledConstraint } from '../placement/constraints/constraint.js';
import { fitsResources } from '../placement/filter/resource-filter.js';
import type { PlacementInstance, TaskRequirements } from '../placement/types.js';
import type { InstanceCapacity } from '../model/capacity/pack-provisioning-tasks.js';

export interface RoomCapacity {
  cpu: number;
  memoryMiB: number;
  awsvpcEnis: number;
}

export interface DaemonTask {
  requirements: TaskRequirements;
  constraints: readonly CompiledConstraint[];
}

export interface EstimateRoom {
  /** The most of each resource a new instance leaves the waiting tasks, next to the daemons. */
  largest: InstanceCapacity;
  /** The least of each resource over the group's bare types: a task that exceeds it is too large. */
  smallest: InstanceCapacity;
}

const NO_COUNTS: ReadonlyMap<string, number> = new Map();

/**
 * `types`: each type's registered resources and the attributes an instance of it has in an
 * AZ. `bare`: the group's largest and smallest of each resource. Without daemons the result
 * is `bare` itself.
 */
export function estimateRoom(
  types: readonly { registered: RoomCapacity; attributes: (az: string) => Record<string, string> }[],
  azs: readonly string[],
  daemons: readonly DaemonTask[],
  bare: EstimateRoom,
): EstimateRoom {
  if (daemons.length === 0) return bare;
  const rooms = types.map((t) => {
    let room: RoomCapacity | null = null;
    for (const az of azs) {
      const r = roomInAz(t.registered, t.attributes(az), daemons);
      room = room === null ? r : { cpu: Math.min(room.cpu, r.cpu), memoryMiB: Math.min(room.memoryMiB, r.memoryMiB), awsvpcEnis: Math.min(room.awsvpcEnis, r.awsvpcEnis) };
    }
    return room ?? t.registered;
  });
  const most = (pick: (r: RoomCapacity) => number) => Math.max(...rooms.map(pick));
  const largest = { cpu: most((r) => r.cpu), memoryMiB: most((r) => r.memoryMiB), awsvpcEnis: most((r) => r.awsvpcEnis) };
  return { largest, smallest: bare.smallest };
}

/** What a fresh instance in one AZ leaves once the daemons that ECS would place there are on it, in order. */
function roomInAz(registered: RoomCapacity, attributes: Record<string, string>, daemons: readonly DaemonTask[]): RoomCapacity {
  const inst: PlacementInstance & { usedHostPorts: Set<number>; runningTasksCount: number } = {
    id: 'i-new',
    status: 'ACTIVE',
    attributes,
    cpuRemaining: registered.cpu,
    memoryRemaining: registered.memoryMiB,
    usedHostPorts: new Set(),
    enisRemaining: registered.awsvpcEnis,
    runningTasksCount: 0,
    groupCounts: NO_COUNTS,
  };
  for (const d of daemons) {
    const req = d.requirements;
    // fitsResources holds the architecture, CPU, memory, ports and ENI (resourceRejection)
    if (!fitsResources(inst, req) || !d.constraints.every((c) => c.accepts(inst, req))) continue;
    inst.cpuRemaining -= req.cpu;
    inst.memoryRemaining -= req.memory;
    if (req.needsEni) inst.enisRemaining--;
    for (const p of req.hostPorts) inst.usedHostPorts.add(p);
    inst.runningTasksCount++;
  }
  return { cpu: inst.cpuRemaining, memoryMiB: inst.memoryRemaining, awsvpcEnis: inst.enisRemaining };
}
