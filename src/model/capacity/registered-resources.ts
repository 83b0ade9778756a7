// What a container instance registers with ECS: CPU units and the memory left for tasks
// after the OS and the ECS agent. AmazonECS/latest/developerguide/memory-management.html:
// the agent registers the total memory the OS reports, which is less than the installed
// memory "because of platform memory overhead and memory occupied by the system kernel";
// AWS publishes no formula. Model: the OS keeps back 2 % of physical memory (no floor);
// ECS_RESERVED_MEMORY is subtracted on top. Fitted to AWS's published figures: c4.large
// 3 768 of 3 840 MiB and c4.4xlarge 30 158 of 30 720 (cluster_utilization.html), m4.large
// 7 985 of 8 192 (memory-management.html); the model gives 3 763, 30 105 and 8 028, all
// within 0.6 %. Types under 3.75 GiB have no published figure (docs/notes/capacity.md).

import type { InstanceType } from './instance-catalog.js';

export interface RegisteredResources {
  /** CPU units, 1024 per vCPU. */
  cpu: number;
  /** MiB available to tasks. */
  memoryMiB: number;
  /** ENIs available to awsvpc tasks: maxEnis - 1 (the primary ENI belongs to the instance). */
  awsvpcEnis: number;
}

export const CPU_UNITS_PER_VCPU = 1024;
/** Model: the OS keeps back this percentage of physical memory (an integer, so the floor is exact). */
export const OS_RESERVED_MEMORY_PERCENT = 2;

/** Registered CPU/memory/ENIs of an instance type; `reservedMemoryMiB` is ECS_RESERVED_MEMORY. */
export function registeredResources(type: InstanceType, reservedMemoryMiB = 0): RegisteredResources {
  if (!(reservedMemoryMiB >= 0)) {
    throw new Error(`reservedMemoryMiB (ECS_RESERVED_MEMORY) must be >= 0, found ${reservedMemoryMiB}`);
  }
  // floor(physical x 98 / 100) in integers (a type's memoryMiB is a whole number of MiB): the
  // product is exact and a division whose result is whole is exact, so no 0.999... floors down
  const afterOs = Math.floor((type.memoryMiB * (100 - OS_RESERVED_MEMORY_PERCENT)) / 100);
  const memoryMiB = afterOs - reservedMemoryMiB;
  if (memoryMiB <= 0) {
    throw new Error(
      `instance type ${type.name}: ECS_RESERVED_MEMORY ${reservedMemoryMiB} MiB leaves no memory for tasks ` +
        `(${afterOs} MiB after the OS reserve)`,
    );
  }
  return { cpu: type.vcpu * CPU_UNITS_PER_VCPU, memoryMiB, awsvpcEnis: Math.max(0, type.maxEnis - 1) };
}
