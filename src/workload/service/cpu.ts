// CPUUtilization of one task as ECS reports it: percent of the task's reserved CPU.
// Fargate caps it at 100; on EC2 (soft CPU shares) it may exceed 100 (aws-behaviour §5).

import type { ResolvedServiceConfig } from './resolve-config.js';

/**
 * From the mean number of busy slots over the period. http: cpuBaseline + 100 x
 * (busy / meanService) / capacityRps, i.e. the served rate's share of capacityRps;
 * queue: cpuBaseline + cpuPerBusySlot x busy.
 */
export function cpuPercent(cfg: ResolvedServiceConfig, meanBusySlots: number, fargate: boolean): number {
  const v =
    cfg.type === 'http'
      ? cfg.cpuBaseline + (100 * (meanBusySlots / cfg.meanServiceMs) * 1000) / cfg.capacityRps
      : cfg.cpuBaseline + cfg.cpuPerBusySlot * meanBusySlots;
  return fargate && v > 100 ? 100 : v;
}

/** memoryMiB.base + perRps x served requests/s. */
export function memoryMiB(cfg: ResolvedServiceConfig, servedPerSecond: number): number {
  return cfg.memoryBase + cfg.memoryPerRps * servedPerSecond;
}
