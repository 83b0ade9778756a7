// What a service's period metrics (Simulation.serviceMetrics, once per service per metric
// period) read of its configuration: looked up once, when the run starts. A service's
// configuration is fixed for a run (deployments are not modelled, ServiceRuntime.config is
// readonly); a compare variant or a sweep point is a run of its own.

import { hasHttpWorkload, memoryHardLimit, type ResolvedService } from '../scenario/index.js';

type Slo = NonNullable<NonNullable<ResolvedService['config']['workload']>['slo']>;

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
  /** A queue workload (its SLO's latency is the age of the oldest waiting message). */
  readonly queue: boolean;
  /** The workload's service level objective, if any (the periods that miss it). */
  readonly slo: Slo | undefined;
  /** A load balancer: a target group, so a RequestCountPerTarget column. */
  readonly loadBalancer: boolean;
}

export function serviceMetricConstants(cfg: ResolvedService, taskMemory: number): ServiceMetricConstants {
  const perTask = cfg.config.workload?.perTask;
  return {
    memoryLimit: memoryHardLimit(cfg.taskDefinition) ?? Infinity,
    taskMemory,
    idleCpu: perTask?.cpuBaseline ?? 0,
    idleMemory: ((perTask?.memoryMiB?.base ?? 0) / taskMemory) * 100,
    http: hasHttpWorkload(cfg.config),
    queue: cfg.config.workload?.type === 'queue',
    slo: cfg.config.workload?.slo,
    loadBalancer: cfg.config.loadBalancer !== undefined,
  };
}
