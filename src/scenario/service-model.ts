// The service model a service's workload resolves to (src/workload/service/resolve-config.ts),
// for the load warnings that reason about it; null when the checks refuse the workload.

import { resolveServiceConfig, type ResolvedServiceConfig } from '../workload/service/resolve-config.js';
import type { ResolvedService } from './resolve.js';

export function serviceModel(svc: ResolvedService): ResolvedServiceConfig | null {
  const w = svc.config.workload;
  if (!w) return null;
  try {
    return resolveServiceConfig({ type: w.type, perTask: w.perTask, maxQueuePerTask: w.maxQueuePerTask, messageRetentionPeriod: w.messageRetentionPeriod, slo: w.slo, fidelity: svc.config.fidelity });
  } catch {
    return null; // refused by the checks
  }
}
