// What a container instance registers with ECS: CPU units and the memory left for tasks
// after the OS and the ECS agent. AmazonECS/latest/developerguide/memory-management.html
// (model: the OS/agent keep max(256 MiB, 6 %) of physical memory; ECS_RESERVED_MEMORY more).
// More than AWS's published examples keep back (c4.large 3 768 of 3 840 MiB, c4.4xlarge
// 30 158 of 30 720: cluster_utilization.html): large types register about 4 % too little
// (docs/notes/capacity.md); kept so that outputs stay comparable.

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
/** Model: the OS and agent keep at least this much memory (MiB). */
export const OS_RESERVED_MEMORY_MIN_MIB = 256;
/** Model: ... or this fraction of physical memory, whichever is larger. */
export const OS_RESERVED_MEMORY_FRACTION = 0.06;

/** Registered CPU/memory/ENIs of an instance type; `reservedMemoryMiB` is ECS_RESERVED_MEMORY. */
export function registeredResources(type: InstanceType, reservedMemoryMiB = 0): RegisteredResources {
  if (!(reservedMemoryMiB >= 0)) {
    throw new Error(`reservedMemoryMiB (ECS_RESERVED_MEMORY) must be >= 0, found ${reservedMemoryMiB}`);
  }
  const os = Math.max(OS_RESERVED_MEMORY_MIN_MIB, type.memoryMiB * OS_RESERVED_MEMORY_FRACTION);
  const memoryMiB = Math.floor(type.memoryMiB - os) - reservedMemoryMiB;
  if (memoryMiB <= 0) {
    throw new Error(
      `instance type ${type.name}: ECS_RESERVED_MEMORY ${reservedMemoryMiB} MiB leaves no memory for tasks ` +
        `(${Math.floor(type.memoryMiB - os)} MiB after the OS reserve)`,
    );
  }
  return { cpu: type.vcpu * CPU_UNITS_PER_VCPU, memoryMiB, awsvpcEnis: Math.max(0, type.maxEnis - 1) };
}
