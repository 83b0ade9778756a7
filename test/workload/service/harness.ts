// Test helpers: build a service model on a fresh Simulator with a constant-rate trace and
// run it for whole metric periods.

import { RandomStreams, Simulator } from '../../../src/engine/index.js';
import { createServiceLoadModel, type PeriodStats, type ServiceLoadModel, type ServiceWorkloadConfig } from '../../../src/workload/service/index.js';

export function constantTrace(rate: number) {
  return { rateAt: () => rate, meanRate: () => rate };
}

export function build(config: ServiceWorkloadConfig, rate: number, seed = 1, fargate = true): { sim: Simulator; model: ServiceLoadModel } {
  const sim = new Simulator();
  const model = createServiceLoadModel(config, { sim, trace: constantTrace(rate), streams: new RandomStreams(seed), serviceName: 'svc', fargate });
  return { sim, model };
}

/** Runs [from, to) as one period and returns a copy of its stats (perTask copied too). */
export function runPeriod(sim: Simulator, model: ServiceLoadModel, from: number, to: number): PeriodStats {
  sim.run(to);
  const s = model.endPeriod(from, to);
  const left = s.leftRunning;
  return { ...s, perTask: new Map([...s.perTask].map(([k, v]) => [k, { ...v }])), leftRunning: { length: left.length, stats: left.stats.slice(0, left.length).map((v) => ({ ...v })) } };
}

/** Runs `periods` periods of `periodMs` after a warm-up and returns the stats of each. */
export function runPeriods(sim: Simulator, model: ServiceLoadModel, warmupMs: number, periods: number, periodMs: number): PeriodStats[] {
  if (warmupMs > 0) runPeriod(sim, model, 0, warmupMs);
  const out: PeriodStats[] = [];
  for (let i = 0; i < periods; i++) out.push(runPeriod(sim, model, warmupMs + i * periodMs, warmupMs + (i + 1) * periodMs));
  return out;
}
