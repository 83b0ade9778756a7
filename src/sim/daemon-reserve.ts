// The room a new instance of an Auto Scaling group offers the tasks waiting in
// PROVISIONING, for ECS managed scaling's estimate of the instances they need: each type's
// registered resources less what the DAEMON services will reserve there. ECS places a
// DAEMON service's task on every instance that meets its placement constraints, before the
// service tasks (ecsim does so on registration too), so a new instance offers only the
// rest. AWS says only that the estimate "considers the resource availability of the Amazon
// EC2 instances" (managed-scaling-behavior.html); subtracting the daemons is the model.
//
// Model: a daemon counts on a type when a fresh instance of that type (its attributes, no
// tasks) is of the daemon's CPU architecture, if its task definition names one (else ECS
// never places it there: ecs.cpu-architecture), and its constraints accept that instance
// in at least one of the cluster's AZs; its CPU, memory and ENI (awsvpc) are subtracted,
// its static host ports are not. Then, as for the bare
// types, the most of each resource over the types is what M is packed onto and the least
// of each what a task must fit to count. Computed once per run: O(types x AZs x daemons).

import type { CompiledConstraint } from '../placement/constraints/constraint.js';
import { architectureMismatch } from '../placement/filter/resource-filter.js';
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
  /** The most of each resource a new instance leaves the waiting tasks. */
  largest: InstanceCapacity;
  /** The least of each. The same object as `largest` with one type. */
  smallest: InstanceCapacity;
}

const NO_COUNTS: ReadonlyMap<string, number> = new Map();
const NO_PORTS: ReadonlySet<number> = new Set();

/**
 * `types`: each type's registered resources and the attributes an instance of it has in an
 * AZ. Without daemons the result is `bare` itself (the group's largest and smallest).
 */
export function estimateRoom(
  types: readonly { registered: RoomCapacity; attributes: (az: string) => Record<string, string> }[],
  azs: readonly string[],
  daemons: readonly DaemonTask[],
  bare: EstimateRoom,
): EstimateRoom {
  if (daemons.length === 0) return bare;
  const rooms = types.map((t) => {
    let cpu = 0;
    let memoryMiB = 0;
    let enis = 0;
    for (const d of daemons) {
      const counts = azs.some((az) => {
        const fresh = freshInstance(t.registered, t.attributes(az));
        return !architectureMismatch(fresh, d.requirements) && d.constraints.every((c) => c.accepts(fresh, d.requirements));
      });
      if (!counts) continue;
      cpu += d.requirements.cpu;
      memoryMiB += d.requirements.memory;
      if (d.requirements.needsEni) enis++;
    }
    return { cpu: Math.max(0, t.registered.cpu - cpu), memoryMiB: Math.max(0, t.registered.memoryMiB - memoryMiB), awsvpcEnis: Math.max(0, t.registered.awsvpcEnis - enis) };
  });
  const each = (pick: (xs: number[]) => number) => ({
    cpu: pick(rooms.map((r) => r.cpu)),
    memoryMiB: pick(rooms.map((r) => r.memoryMiB)),
    awsvpcEnis: pick(rooms.map((r) => r.awsvpcEnis)),
  });
  const largest = rooms.length === 1 ? rooms[0] : each((xs) => Math.max(...xs));
  return { largest, smallest: rooms.length === 1 ? largest : each((xs) => Math.min(...xs)) };
}

function freshInstance(r: RoomCapacity, attributes: Record<string, string>): PlacementInstance {
  return {
    id: 'i-new',
    status: 'ACTIVE',
    attributes,
    cpuRemaining: r.cpu,
    memoryRemaining: r.memoryMiB,
    usedHostPorts: NO_PORTS,
    enisRemaining: r.awsvpcEnis,
    runningTasksCount: 0,
    groupCounts: NO_COUNTS,
  };
}
