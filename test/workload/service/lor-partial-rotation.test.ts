// Fluid least-outstanding in a period where the tasks enter rotation part-way: the pooled
// queue pairs the arrivals the tasks took (over the time they were in rotation) with the
// slots in rotation over that same time, not with the slots averaged over the whole period
// (which read 2 tasks in rotation for half the period as 1 task taking both tasks' rate).
import { describe, it, expect } from 'vitest';
import { build, runPeriod } from './harness.js';
import type { ServiceWorkloadConfig } from '../../../src/workload/service/index.js';

// 1 slot, exponential 40 ms: 25 rps a task; 30 rps over 2 tasks: rho 0.6
const web: ServiceWorkloadConfig = {
  type: 'http',
  perTask: { capacityRps: 25, concurrency: 1, serviceTime: { distribution: 'exponential', mean: 40 } },
  maxQueuePerTask: 1_000_000,
  fidelity: 'fluid',
  routing: 'least-outstanding',
};

describe('fluid least-outstanding: tasks entering rotation part-way through a period', () => {
  it('2 tasks in rotation from 30 s of [0, 60 s) at 30 rps wait as an M/M/2 at rho 0.6 (the steady period), not as 1 task at rho 1.2', () => {
    const { sim, model } = build(web, 30);
    sim.run(30_000);
    model.setInRotation('a', true, 30_000);
    model.setInRotation('b', true, 30_000);
    const partial = runPeriod(sim, model, 0, 60_000);
    // half the period had no task: those 900 requests are rejected (503), the other 900 served
    expect(partial.rejected).toBeCloseTo(900, 6);
    expect(partial.served).toBeCloseTo(900, 6);
    const steady = runPeriod(sim, model, 60_000, 120_000);
    // M/M/2, a = 30 / 25 = 1.2: P0 = 1 / (1 + 1.2 + 1.2^2 / (2 x 0.4)) = 0.25, Erlang C =
    // 1.8 x 0.25 = 0.45: 45 % of the requests wait (a request waits only when both slots are busy)
    expect(steady.waitedFraction!).toBeCloseTo(0.45, 6);
    expect(partial.waitedFraction!).toBeCloseTo(0.45, 6);
    // the same latency as the steady period: same rate per slot, same slots
    expect(partial.latencyP50Ms!).toBeCloseTo(steady.latencyP50Ms!, 6);
    expect(partial.latencyP95Ms!).toBeCloseTo(steady.latencyP95Ms!, 6);
    expect(partial.meanWaitMs!).toBeCloseTo(steady.meanWaitMs!, 6);
    // and far below a saturated queue's (1 slot at 30 rps: rho 1.2)
    expect(partial.latencyP95Ms!).toBeLessThan(500);
  });
});
