// Step 1 of ECS task placement: the instance must be ACTIVE and have the CPU, memory,
// static host ports and (awsvpc) ENI the task needs
// (AmazonECS/latest/developerguide/task-placement.html). Checked in that order; the first
// failure is the reason counted for the instance.

import type { PlacementInstance, RejectionReason, Shortfall, TaskRequirements } from '../types.js';

/** The first reason `instance` cannot take `task` on resources, or null if it can. */
export function resourceRejection(instance: PlacementInstance, task: TaskRequirements): RejectionReason | null {
  if (instance.status !== 'ACTIVE') return 'INSTANCE_STATUS';
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

/** Everything `instance` lacks on resources for `task` (constraints left empty). */
export function resourceShortfall(instance: PlacementInstance, task: TaskRequirements): Shortfall {
  return {
    cpu: Math.max(0, task.cpu - instance.cpuRemaining),
    memory: Math.max(0, task.memory - instance.memoryRemaining),
    ports: task.hostPorts.filter((p) => instance.usedHostPorts.has(p)),
    eni: task.needsEni && instance.enisRemaining < 1 ? 1 : 0,
    constraints: [],
  };
}
