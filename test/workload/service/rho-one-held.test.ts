// At rho 1 exactly a task's queue neither builds nor drains: whether it is held at the
// finite buffer's chain mean (heldQueue) must not be decided by the last bit of the
// arrivals' integral against the capacity, for any routing. Random and round-robin compared
// a > capacity with no tolerance: 3 tasks of 4 slots, 70 ms (capacity 3 x 4 000 / 70 =
// 171.43/s), after an overloaded minute: the queue read 285 in minutes 2-3 and 146.78 in
// minute 4 (the sums' rounding differing there). Least-outstanding had the tolerance
// already (POOL_OVER).
import { describe, it, expect } from 'vitest';
import { RandomStreams, Simulator } from '../../../src/engine/index.js';
import { createServiceLoadModel, type ServiceWorkloadConfig } from '../../../src/workload/service/index.js';
import { runPeriod } from './harness.js';

const MIN = 60_000;

function queues(routing: 'random' | 'round-robin' | 'least-outstanding', r2: number): number[] {
  const cfg: ServiceWorkloadConfig = { type: 'http', perTask: { concurrency: 4, serviceTime: { distribution: 'exponential', mean: 70 } }, maxQueuePerTask: 100, routing };
  const r1 = r2 * 1.2;
  const rate = (t: number) => (t < MIN ? r1 : r2);
  const integral = (t: number) => (t < MIN ? r1 * t : r1 * MIN + r2 * (t - MIN)) / 1000;
  const trace = { rateAt: rate, meanRate: (a: number, b: number) => (b > a ? ((integral(b) - integral(a)) * 1000) / (b - a) : rate(a)) };
  const sim = new Simulator();
  const model = createServiceLoadModel(cfg, { sim, trace, streams: new RandomStreams(1), serviceName: 'svc', fargate: true });
  for (let k = 0; k < 3; k++) model.setInRotation('t' + k, true, 0);
  const out: number[] = [];
  for (let i = 0; i < 6; i++) out.push(runPeriod(sim, model, i * MIN, (i + 1) * MIN).queued);
  return out;
}

describe('fluid http at rho 1 exactly: a held queue does not flip on rounding', () => {
  for (const routing of ['random', 'round-robin', 'least-outstanding'] as const) {
    it(`${routing}: the queue after the overloaded minute stays as it is at capacity (and at capacity x (1 + 1e-12))`, () => {
      for (const r2 of [(3 * 4000) / 70, ((3 * 4000) / 70) * (1 + 1e-12)]) {
        const q = queues(routing, r2);
        for (let i = 2; i < q.length; i++) expect(Math.abs(q[i] - q[1])).toBeLessThan(1e-6 * q[1]);
      }
    });
  }
});
