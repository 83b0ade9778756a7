// Least-outstanding: a task joining a pool whose queues are held at the finite buffer's
// stationary mean (overload, heldQueue) is routed up to the others' level and builds a queue
// above its capacity. Fluid held that queue at the pool's stationary mean at the new rate
// (rho 0.8: almost nothing) and rejected the rest: 32.5 of 480 requests in one 2 s period,
// 97.5 over 2 s in 0.5 s periods, nothing in one 60 s period: an artefact of the step
// length. A least-outstanding queue is held only while the pool is overloaded (its arrivals
// above what its tasks in rotation serve over the period or sub-interval); otherwise the
// fluid queue stands (at most maxQueuePerTask) and drains with the others'. Expectations by
// hand: the pooled M/M/c/K sums and the fluid balance.
import { describe, expect, it } from 'vitest';
import type { ServiceWorkloadConfig } from '../../../src/workload/service/index.js';
import { build, runPeriod } from './harness.js';

// 4 slots, exponential 50 ms: 80 rps a task; maxQueuePerTask 100
const cfg: ServiceWorkloadConfig = {
  type: 'http',
  perTask: { concurrency: 4, serviceTime: { distribution: 'exponential', mean: 50 } },
  maxQueuePerTask: 100,
  fidelity: 'fluid',
  routing: 'least-outstanding',
};

/**
 * The pooled M/M/c/K chain (c = 4 x tasks, K = c + 100 x tasks) at `rate`: its mean queue
 * and its throughput lambda (1 - P_K) over c mu. In these overloads (rho 1.2, K - c of 200
 * or 300) that throughput is every slot busy up to rho^-(K - c) < 1e-15: the fluid serves
 * its capacity and the overflow is what it rejects (the buffer's loss on top is 0).
 */
function chain(tasks: number, rate: number): { lq: number; busy: number; pk: number } {
  const c = 4 * tasks;
  const k = c + 100 * tasks;
  const a = rate * 0.05;
  const t = [1];
  for (let n = 1; n <= k; n++) t.push((t[n - 1] * a) / Math.min(n, c));
  const sum = t.reduce((x, y) => x + y, 0);
  return { lq: t.reduce((x, y, n) => x + Math.max(0, n - c) * y, 0) / sum, busy: (rate * (1 - t[k] / sum)) / (c * 20), pk: t[k] / sum };
}

/** 2 tasks at `rate` for 60 s (their queues held), then a third in rotation from 60 s; periods of `periodMs` to `toMs`. */
function join(rate: number, periodMs: number, toMs: number) {
  const { sim, model } = build(cfg, rate, 7, false);
  model.setInRotation('a', true, 0);
  model.setInRotation('b', true, 0);
  const before = runPeriod(sim, model, 0, 60_000);
  model.setInRotation('c', true, 60_000);
  let rejected = 0;
  let served = 0;
  let queued = 0;
  for (let t = 60_000; t < toMs; t += periodMs) {
    const s = runPeriod(sim, model, t, t + periodMs);
    rejected += s.rejected;
    served += s.served;
    queued = s.queued;
  }
  return { before, rejected, served, queued };
}

describe('fluid least-outstanding: a task joining a pool whose queues are held', () => {
  // 192 rps over 2 tasks (rho 1.2): the pooled M/M/8/208 mean, about 195, held
  const q0 = chain(2, 192).lq;

  it('the pool can serve the arrivals (3 tasks, 240 rps against 192: rho 0.8): nothing rejected over [60 s, 62 s), whatever the period length', () => {
    expect(q0).toBeGreaterThan(190);
    expect(q0).toBeLessThan(200);
    for (const periodMs of [250, 500, 1000, 2000]) {
      const r = join(192, periodMs, 62_000);
      expect(r.before.queued).toBeCloseTo(q0, 6);
      // every slot busy while a queue is left: 2 x 240 served; the queue falls by 2 x 48.
      // (The M/M/12/312 loss at rho 0.8 is below 1e-20.)
      expect(r.rejected, `${periodMs} ms`).toBeCloseTo(0, 9);
      expect(r.served, `${periodMs} ms`).toBeCloseTo(480, 6);
      expect(r.queued, `${periodMs} ms`).toBeCloseTo(q0 - 96, 6);
    }
  });

  it('the same with the join inside a period ([59 s, 62 s) split at 60 s): 1 s overloaded with the queues held, then none rejected', () => {
    const { sim, model } = build(cfg, 192, 7, false);
    model.setInRotation('a', true, 0);
    model.setInRotation('b', true, 0);
    runPeriod(sim, model, 0, 59_000);
    sim.run(60_000);
    model.setInRotation('c', true, 60_000);
    const s = runPeriod(sim, model, 59_000, 62_000);
    // [59 s, 60 s): 192 routed to 2 tasks serving 160 (every slot busy), their queues held
    // at q0: the 32 over them rejected; after, none
    expect(chain(2, 192).busy).toBeCloseTo(1, 12);
    expect(s.rejected).toBeCloseTo(32, 6);
    expect(s.served).toBeCloseTo(160 + 480, 6);
    expect(s.queued).toBeCloseTo(q0 - 96, 6);
  });

  it('the pool overloaded (3 tasks, 240 rps against 288: rho 1.2): the queues held at the pooled M/M/12/312 mean and the rest rejected', () => {
    // 2 tasks at 288 rps before (rho 1.8): their M/M/8/208 mean q2, about 199, held. Then
    // 10 s: 2 880 arrive, 2 400 served (every slot busy); water level (q2 + 2 880 - 2 400) / 3,
    // about 226 a task, above both the held mean and maxQueuePerTask: every task held at its
    // third of the chain's mean queue, the rest rejected
    const { lq, busy } = chain(3, 288);
    expect(busy).toBeCloseTo(1, 12);
    expect(lq).toBeGreaterThan(290); // about 3 x 100 - 1 / (rho - 1) = 294
    expect(lq).toBeLessThan(300);
    const q2 = chain(2, 288).lq;
    const r = join(288, 10_000, 70_000);
    expect(r.before.queued).toBeCloseTo(q2, 6);
    expect(r.served).toBeCloseTo(2400, 6);
    expect(r.queued).toBeCloseTo(lq, 6);
    expect(r.rejected).toBeCloseTo(2880 - 2400 - (lq - q2), 6);
  });

  it('the pool at its capacity exactly (3 tasks, 240 rps against 240: rho 1): not overloaded, the queue stands, the pooled buffer loses P_K', () => {
    // 2 tasks at 240 rps (rho 1.5) before: their M/M/8/208 mean held. After the join the
    // fluid neither grows nor drains: the queue stands at that level, spread over the three;
    // the M/M/12/312 chain at rho 1 loses P_K of what is served (1 - lambda (1 - P_K) / c mu)
    const q0 = chain(2, 240).lq;
    const { pk } = chain(3, 240);
    expect(pk).toBeGreaterThan(0.002);
    for (const periodMs of [250, 500, 1000, 2000]) {
      const r = join(240, periodMs, 62_000);
      expect(r.before.queued).toBeCloseTo(q0, 6);
      expect(r.queued, `${periodMs} ms`).toBeCloseTo(q0, 6);
      expect(r.served, `${periodMs} ms`).toBeCloseTo(480 * (1 - pk), 6);
      expect(r.rejected, `${periodMs} ms`).toBeCloseTo(480 * pk, 6);
    }
  });
});
