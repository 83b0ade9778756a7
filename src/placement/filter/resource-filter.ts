// Step 1 of ECS task placement: the instance must be ACTIVE, be of the CPU architecture the
// task definition names (runtimePlatform.cpuArchitecture against the instance's
// ecs.cpu-architecture attribute; none named: any) and have the CPU, memory, static host
// ports and (awsvpc) ENI the task needs
// (AmazonECS/latest/developerguide/task-placement.html). Checked in that order; the first
// failure is the reason counted for the instance. The architecture comes before resources:
// an instance of the other architecture never takes the task, whatever frees up on it.

import { ARCH_ATTRIBUTE, type PlacementInstance, type RejectionReason, type Shortfall, type TaskRequirements } from '../types.js';

/** The first reason `instance` cannot take `task` on resources, or null if it can. */
export function resourceRejection(instance: PlacementInstance, task: TaskRequirements): RejectionReason | null {
  if (instance.status !== 'ACTIVE') return 'INSTANCE_STATUS';
  if (architectureMismatch(instance, task)) return 'ATTRIBUTE';
  if (instance.cpuRemaining < task.cpu) return 'RESOURCE:CPU';
  if (instance.memoryRemaining < task.memory) return 'RESOURCE:MEMORY';
  const ports = task.hostPorts;
  if (ports.length > 0) {
    const used = instance.usedHostPorts;
    for (let k = 0; k < ports.length; k++) if (used.has(ports[k])) return 'RESOURCE:PORTS';
  }
  if (task.needsEni && instance.enisRemaining < 1) return 'RESOURCE:ENI';
  return null;
}

/** True when `instance` is ACTIVE and has every resource `task` needs. */
export function fitsResources(instance: PlacementInstance, task: TaskRequirements): boolean {
  return resourceRejection(instance, task) === null;
}

/** True when `task` names a CPU architecture and `instance` is of another one. */
export function architectureMismatch(instance: PlacementInstance, task: TaskRequirements): boolean {
  return task.cpuArchitecture !== undefined && instance.attributes[ARCH_ATTRIBUTE] !== task.cpuArchitecture;
}

/** Everything `instance` lacks on resources for `task` (constraints left empty; `attribute` only when it lacks one). */
export function resourceShortfall(instance: PlacementInstance, task: TaskRequirements): Shortfall {
  const s: Shortfall = {
    cpu: Math.max(0, task.cpu - instance.cpuRemaining),
    memory: Math.max(0, task.memory - instance.memoryRemaining),
    ports: task.hostPorts.filter((p) => instance.usedHostPorts.has(p)),
    eni: task.needsEni && instance.enisRemaining < 1 ? 1 : 0,
    constraints: [],
  };
  if (architectureMismatch(instance, task)) s.attribute = `${ARCH_ATTRIBUTE}=${task.cpuArchitecture}`;
  return s;
}
