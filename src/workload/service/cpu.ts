// CPUUtilization of one task as ECS reports it: percent of the task's reserved CPU.
// cpuBaseline is used with no load and capacityRps is the throughput at 100 % (design
// scenario.yaml), so the load takes the rest: a task serving capacityRps reads 100 %. A
// task cannot serve more (resolve-config.ts), so an http task stays at or below 100 % (ECS
// on EC2 may report more with soft CPU limits, aws-behaviour §5; Fargate caps it at 100).

import type { ResolvedServiceConfig } from './resolve-config.js';

/**
 * From the mean number of busy slots over the period. http: cpuBaseline + (100 -
 * cpuBaseline) x (busy / meanService) / capacityRps, i.e. the served rate's share of
 * capacityRps of the CPU the baseline leaves; queue: cpuBaseline + cpuPerBusySlot x busy.
 */
export function cpuPercent(cfg: ResolvedServiceConfig, meanBusySlots: number, fargate: boolean): number {
  const v =
    cfg.type === 'http'
      ? cfg.cpuBaseline + ((100 - cfg.cpuBaseline) * (meanBusySlots / cfg.meanServiceMs) * 1000) / cfg.capacityRps
      : cfg.cpuBaseline + cfg.cpuPerBusySlot * meanBusySlots;
  // an http task's figure above 100 is a rounding error of the busy time (request
  // fidelity sums it request by request), not load: it serves no more than capacityRps
  return (fargate || cfg.type === 'http') && v > 100 ? 100 : v;
}

/** memoryMiB.base + perRps x served requests/s. */
export function memoryMiB(cfg: ResolvedServiceConfig, servedPerSecond: number): number {
  return cfg.memoryBase + cfg.memoryPerRps * servedPerSecond;
}
