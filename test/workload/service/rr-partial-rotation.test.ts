// Fluid round-robin in a period where the tasks are in rotation for part of it: a task sees
// every n-th arrival, n the targets in rotation when the request arrives (Erlang-n gaps,
// scv 1/n). Requests arriving while no task was in rotation are rejected and took no part,
// so n is averaged over the arrivals the tasks took (rotationMsSum / coveredMs), not over
// the whole period (which read 2 tasks in rotation for half the period as 1, scv 1).
import { describe, it, expect } from 'vitest';
import { build, runPeriod } from './harness.js';
import type { ServiceWorkloadConfig } from '../../../src/workload/service/index.js';

// 1 slot, exponential 40 ms: mu = 25 rps a task
const web: ServiceWorkloadConfig = {
  type: 'http',
  perTask: { capacityRps: 25, concurrency: 1, serviceTime: { distribution: 'exponential', mean: 40 } },
  maxQueuePerTask: 1_000_000,
  fidelity: 'fluid',
  routing: 'round-robin',
};

describe('fluid round-robin: tasks in rotation for part of a period', () => {
  it('2 tasks in rotation from 30 s of [0, 60 s) at 30 rps wait as E2/M/1 at rho 0.6 (scv 1/2), not as M/M/1 (scv 1/round(1))', () => {
    const { sim, model } = build(web, 30);
    sim.run(30_000);
    model.setInRotation('a', true, 30_000);
    model.setInRotation('b', true, 30_000);
    const partial = runPeriod(sim, model, 0, 60_000);
    // the first half had no task: its 900 requests rejected, the second half's 900 served
    expect(partial.rejected).toBeCloseTo(900, 6);
    expect(partial.served).toBeCloseTo(900, 6);
    // each task: every 2nd arrival of 30 rps, lambda 15, rho 0.6. E2/M/1: P(wait) = sigma,
    // the root in (0, 1) of s = (2 rho / (2 rho + 1 - s))^2, i.e. s (2.2 - s)^2 = 1.44:
    // s^3 - 4.4 s^2 + 4.84 s - 1.44 = (s - 1)(s^2 - 3.4 s + 1.44), sigma = (3.4 - sqrt(5.8)) / 2
    const sigma = (3.4 - Math.sqrt(5.8)) / 2; // 0.49584
    expect(partial.waitedFraction!).toBeCloseTo(sigma, 6);
    // the wait of those who wait: exponential, rate mu (1 - sigma): mean sigma / (25 (1 - sigma)) s
    expect(partial.meanWaitMs!).toBeCloseTo((1000 * sigma) / (25 * (1 - sigma)), 4); // 39.34 ms
    // (M/M/1, the whole-period average's reading: P(wait) 0.6, mean wait 60 ms)
    expect(Math.abs(partial.waitedFraction! - 0.6)).toBeGreaterThan(0.1);
  });

  it('4 tasks in rotation for the second half of the period: the same latency as a period with all 4 in rotation (scv 1/4, not 1/2)', () => {
    const { sim, model } = build(web, 60); // 15 rps a task: rho 0.6
    sim.run(30_000);
    for (const id of ['a', 'b', 'c', 'd']) model.setInRotation(id, true, 30_000);
    const partial = runPeriod(sim, model, 0, 60_000);
    const steady = runPeriod(sim, model, 60_000, 120_000);
    expect(partial.served).toBeCloseTo(1800, 6);
    expect(partial.waitedFraction!).toBeCloseTo(steady.waitedFraction!, 9);
    expect(partial.latencyP95Ms!).toBeCloseTo(steady.latencyP95Ms!, 6);
    expect(partial.meanWaitMs!).toBeCloseTo(steady.meanWaitMs!, 6);
    // E4/M/1 at rho 0.6: sigma solves s = (2.4 / (3.4 - s))^4; it lies below E2/M/1's 0.4958
    // (more regular arrivals wait less) and above 0.4 (checked by bisection here, the
    // closed form being a quartic)
    let lo = 0;
    let hi = 0.99;
    for (let i = 0; i < 100; i++) {
      const s = (lo + hi) / 2;
      if (s - Math.pow(2.4 / (3.4 - s), 4) < 0) lo = s;
      else hi = s;
    }
    expect(partial.waitedFraction!).toBeCloseTo(lo, 6);
    expect(lo).toBeLessThan(0.45);
  });

  it('2 tasks and 2 targets failing open all period: a task sees every 4th arrival (scv 1/4), as 4 tasks would', () => {
    // 60 rps over 4 targets: 15 rps a task, rho 0.6; the failing targets' half is rejected
    const { sim, model } = build(web, 60);
    model.setInRotation('a', true, 0);
    model.setInRotation('b', true, 0);
    model.setFailing('x', true, 0);
    model.setFailing('y', true, 0);
    const failOpen = runPeriod(sim, model, 0, 60_000);
    expect(failOpen.served).toBeCloseTo(1800, 6);
    expect(failOpen.failedAtTargets).toBeCloseTo(1800, 6);
    const four = build(web, 60);
    for (const id of ['a', 'b', 'c', 'd']) four.model.setInRotation(id, true, 0);
    const steady = runPeriod(four.sim, four.model, 0, 60_000);
    expect(failOpen.waitedFraction!).toBeCloseTo(steady.waitedFraction!, 9);
    expect(failOpen.latencyP95Ms!).toBeCloseTo(steady.latencyP95Ms!, 6);
  });
});
