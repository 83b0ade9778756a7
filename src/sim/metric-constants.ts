// What a service's period metrics (Simulation.serviceMetrics, once per service per metric
// period) read of its configuration: looked up once, when the run starts.

import { hasHttpWorkload, memoryHardLimit, type ResolvedService } from '../scenario/index.js';

export interface ServiceMetricConstants {
  /** The hard memory limit, MiB (memoryHardLimit); Infinity without one. */
  readonly memoryLimit: number;
  /** The memory a task reserves, MiB (its requirements): MemoryUtilization's denominator. */
  readonly taskMemory: number;
  /** A task serving nothing: its CPU (cpuBaseline, percent) and memory (memoryMiB.base, percent of taskMemory). */
  readonly idleCpu: number;
  readonly idleMemory: number;
  /** An http workload: only its requests go through the load balancer (RequestCountPerTarget). */
  readonly http: boolean;
}

export function serviceMetricConstants(cfg: ResolvedService, taskMemory: number): ServiceMetricConstants {
  const perTask = cfg.config.workload?.perTask;
  return {
    memoryLimit: memoryHardLimit(cfg.taskDefinition) ?? Infinity,
    taskMemory,
    idleCpu: perTask?.cpuBaseline ?? 0,
    idleMemory: ((perTask?.memoryMiB?.base ?? 0) / taskMemory) * 100,
    http: hasHttpWorkload(cfg.config),
  };
}
