// Round-robin at concurrency 1 with exponential service and a small maxQueuePerTask: each
// task's queue is E_n/M/1/K (n tasks in rotation, K = 1 + maxQueuePerTask), solved exactly
// on the chain embedded at arrivals (queueing/erlang-arrivals-buffer.ts). Before, fluid
// stretched M/M/1/K's Poisson blocking: 4 tasks, exponential 40 ms, maxQueuePerTask 2,
// rho 0.8 rejected 11.41 % and put p95 at 181.4 ms, where the exact queue (reviewer's
// simulation) rejects 9.61 % with p95 190.8 ms (request fidelity 9.64 %, 191.1 ms).
//
// Independent figures (python3 + numpy, a throwaway script not kept in the repo): the full (K+1)x(K+1)
// transition matrix P(i -> j) = a_(m-j) (m = min(i+1, K), 1 <= j <= m; the rest to 0),
// a_k = C(n+k-1, k) p^n (1-p)^k, p = n rho / (n rho + 1), solved densely with
// numpy.linalg.solve(P^T - I with a row of ones, e_K); latency quantiles by bisection on the
// exact mixture sum_j pi_j / (1 - pi_K) P(Erlang(j + 1, mu) > t), j = 0..K-1:
//   n 4, rho 0.8, K 3: pi = [0.42325 0.29055 0.18976 0.0964452801992],
//     P(wait | admitted) 0.531573739591, mean services waited 0.741589117538,
//     sojourn p50 53.28, p95 191.06, p99 274.69 ms (mean service 40 ms)
//   n 4, rho 0.9, K 6: pi_K 0.0548193523297, p50 97.66, p95 304.27, p99 412.77 ms
//   n 4, rho 1.2, K 3: pi_K 0.263158529341, mean services waited 1.14506698711,
//     Lq = rho (1 - pi_K) x that = 1.01247941135 (Little), loss vs the fluid's 1 - 1 / rho:
//     1 - rho (1 - pi_K) = 0.115790235209
//   n 8, rho 0.95, K 33: pi_K 0.00256825523436; n 16, rho 1.2, K 33: 0.166669032638
import { describe, expect, it } from 'vitest';
import { durationMean, durationScv } from '../../../src/engine/index.js';
import { erlangArrivalsBuffer, finiteBuffer } from '../../../src/workload/queueing/index.js';
import type { ServiceWorkloadConfig } from '../../../src/workload/service/index.js';
import { FluidRunLatency } from '../../../src/workload/service/fluid-run-latency.js';
import { LatencyGroups } from '../../../src/workload/service/fluid-latency.js';
import { serviceShape } from '../../../src/workload/service/service-shape.js';
import { build, runPeriod } from './harness.js';

describe('E_n/M/1/K (erlangArrivalsBuffer)', () => {
  it('n = 1 is M/M/1/K: P_K = (1 - rho) rho^K / (1 - rho^(K+1)), P(wait | admitted) = 1 - P_0 / (1 - P_K)', () => {
    for (const [rho, k] of [
      [0.8, 3],
      [0.5, 1],
      [0.95, 17],
      [1.3, 6],
    ]) {
      const pK = ((1 - rho) * rho ** k) / (1 - rho ** (k + 1));
      const p0 = (1 - rho) / (1 - rho ** (k + 1));
      const r = erlangArrivalsBuffer(1, rho, k);
      expect(r.pFull).toBeCloseTo(pK, 12);
      expect(r.pWait).toBeCloseTo(1 - p0 / (1 - pK), 12);
      // mean in system seen by an admitted arrival: sum_(j < K) j rho^j / sum_(j < K) rho^j
      let num = 0;
      let den = 0;
      for (let j = 0; j < k; j++) {
        num += j * rho ** j;
        den += rho ** j;
      }
      expect(r.meanAhead).toBeCloseTo(num / den, 12);
    }
  });

  it('K = 1 (no queue): an arrival is rejected when the last one is still in service, P = (n rho / (n rho + 1))^n', () => {
    // from either state the next arrival finds the server busy iff the gap (Erlang n, rate
    // n lambda per phase) ends before the service: each phase first with p = n rho / (n rho + 1)
    expect(erlangArrivalsBuffer(4, 0.8, 1).pFull).toBeCloseTo((3.2 / 4.2) ** 4, 14);
    expect(erlangArrivalsBuffer(4, 0.8, 1).pFull).toBeCloseTo(0.336978933675, 11);
    expect(erlangArrivalsBuffer(4, 0.8, 1).pWait).toBe(0);
  });

  it('the reviewer case, 4 tasks, rho 0.8, K 3: 9.645 % blocked (simulated 9.61 %), as the dense solve', () => {
    const r = erlangArrivalsBuffer(4, 0.8, 3);
    expect(r.pFull).toBeCloseTo(0.0964452801992, 11);
    expect(Math.abs(r.pFull - 0.0961)).toBeLessThan(0.001);
    expect(r.pWait).toBeCloseTo(0.531573739591, 11);
    expect(r.meanAhead).toBeCloseTo(0.741589117538, 11);
    // the wait shape: found 1 or 2, given waiting
    expect(r.ahead[1] + r.ahead[2]).toBeCloseTo(1, 14);
    expect(r.ahead[1]).toBeCloseTo(0.29055 / (0.29055 + 0.18976), 4);
    expect(erlangArrivalsBuffer(4, 0.9, 6).pFull).toBeCloseTo(0.0548193523297, 11);
  });

  it('stable for larger K and above capacity (the downward recursion, against the dense solve)', () => {
    expect(erlangArrivalsBuffer(8, 0.95, 33).pFull).toBeCloseTo(0.00256825523436, 12);
    expect(erlangArrivalsBuffer(16, 1.2, 33).pFull).toBeCloseTo(0.166669032638, 11);
    expect(erlangArrivalsBuffer(4, 1.2, 3).pFull).toBeCloseTo(0.263158529341, 11);
  });
});

const MEAN_S = 40;
function rr(maxQueuePerTask: number, distribution: 'exponential' | 'lognormal' = 'exponential'): ServiceWorkloadConfig {
  const serviceTime = distribution === 'exponential' ? { distribution, mean: MEAN_S } : { distribution, median: 30, p95: 100 };
  return { type: 'http', perTask: { concurrency: 1, serviceTime }, maxQueuePerTask, fidelity: 'fluid', routing: 'round-robin' };
}

function run(cfg: ServiceWorkloadConfig, rate: number, tasks: number) {
  const { sim, model } = build(cfg, rate, 7, false);
  for (let i = 0; i < tasks; i++) model.setInRotation(`t${i}`, true, 0);
  runPeriod(sim, model, 0, 60_000);
  const s = runPeriod(sim, model, 60_000, 120_000);
  let cpu = 0;
  for (const v of s.perTask.values()) cpu += v.cpuPercent / tasks;
  return { ...s, cpu, runP95: model.runLatencyQuantile(0.95), runP99: model.runLatencyQuantile(0.99) };
}

describe('fluid, round-robin, concurrency 1, small maxQueuePerTask: exact E_n/M/1/K', () => {
  it('4 tasks, exponential 40 ms, maxQueuePerTask 2, 80 rps (rho 0.8): 9.64 % rejected (reviewer 9.61 %, was 11.41 %), p95 191.06 ms (was 181.4)', () => {
    const s = run(rr(2), 80, 4);
    const dropped = s.rejected / s.offered;
    expect(Math.abs(dropped - 0.0961)).toBeLessThan(0.003);
    expect(dropped).toBeCloseTo(0.0964452801992, 9);
    // CPU = served / capacity = rho (1 - pi_K): 72.28 % (reviewer: 72.3 %)
    expect(s.cpu).toBeCloseTo(80 * (1 - 0.0964452801992), 6);
    expect(s.waitedFraction!).toBeCloseTo(0.531573739591, 9);
    expect(s.meanWaitMs!).toBeCloseTo(0.741589117538 * MEAN_S, 6);
    // the exact Erlang mixture's quantiles (python bisection, above)
    expect(s.latencyP50Ms!).toBeCloseTo(53.28, 1);
    expect(s.latencyP95Ms!).toBeCloseTo(191.06, 1);
    expect(s.latencyP99Ms!).toBeCloseTo(274.69, 1);
    // the run's mixture (summary.json latencyMs) keeps each Erlang order: the same quantiles
    expect(s.runP95!).toBeCloseTo(191.06, 1);
    expect(s.runP99!).toBeCloseTo(274.69, 1);
  });

  it('maxQueuePerTask 5 at rho 0.9: 5.48 % rejected (reviewer 5.50 %, was 5.95 %), p95 304.27 ms (reviewer 304.4, was 283.9)', () => {
    const s = run(rr(5), 90, 4);
    expect(s.rejected / s.offered).toBeCloseTo(0.0548193523297, 9);
    expect(s.latencyP50Ms!).toBeCloseTo(97.66, 1);
    expect(s.latencyP95Ms!).toBeCloseTo(304.27, 1);
    expect(s.latencyP99Ms!).toBeCloseTo(412.77, 1);
  });

  it('overload (rho 1.2): the held queue is Little on the chain, 1.012 per task; the loss on top of the fluid excess is 1 - rho (1 - pi_K)', () => {
    const s = run(rr(2), 120, 4);
    expect(s.waiting).toBeCloseTo(4 * 1.01247941135, 6);
    // rejected = fluid excess (1 - 1/1.2 of the offered) + the loss of what the fluid serves
    const served = (1 / 1.2) * (1 - 0.115790235209);
    expect(s.served / s.offered).toBeCloseTo(served, 6);
  });

  it('not exponential, or 1 task, or a large buffer: the scaled M/M/c/K approximation as before', () => {
    // 1 task in rotation: Poisson arrivals, M/M/1/3 exactly: P_K = 0.2 x 0.512 / (1 - 0.4096)
    const one = run(rr(2), 20, 1);
    expect(one.rejected / one.offered).toBeCloseTo((0.2 * 0.512) / (1 - 0.4096), 9);
    // lognormal service keeps the Allen-Cunneen-scaled buffer: M/M/1 with N = 2 / k places,
    // k = (1/4 + cs2) / 2, at rho 0.8
    const dist = rr(2, 'lognormal').perTask.serviceTime!;
    const mean = durationMean(dist);
    const k = (0.25 + durationScv(dist)) / 2;
    const logn = run(rr(2, 'lognormal'), (4 * 0.8 * 1000) / mean, 4);
    expect(logn.rejected / logn.offered).toBeCloseTo(finiteBuffer(1, 0.8, 2 / k).pFull, 9);
    // concurrency 2 likewise: M/M/2 with N = 2 / ((1/4 + 1) / 2) places at a = 1.6
    const c2: ServiceWorkloadConfig = { ...rr(2), perTask: { concurrency: 2, serviceTime: { distribution: 'exponential', mean: MEAN_S } } };
    const two = run(c2, 160, 4);
    expect(two.rejected / two.offered).toBeCloseTo(finiteBuffer(2, 1.6, 2 / 0.625).pFull, 9);
  });
});

describe('Erlang latency groups (LatencyGroups order, FluidRunLatency cells)', () => {
  it('a group of order j is Erlang(j + 1, mu) in latency; the run mixture keeps the order through coarsening', () => {
    const mu = 1 / MEAN_S;
    const shape = serviceShape({ distribution: 'exponential', mean: MEAN_S }, 1);
    const g = new LatencyGroups();
    g.addGroup(1, 0, 1, mu / 3, 3);
    // P(Erlang(4, mu) > t) = e^(-mu t) (1 + y + y^2 / 2 + y^3 / 6), y = mu t; its median at
    // y = 3.672061 (the Gamma(4) median, R: qgamma(0.5, 4) = 3.672061)
    expect(g.quantile(shape, 0.5, 4 * MEAN_S)!).toBeCloseTo(3.672061 * MEAN_S, 3);
    // room for 4 cells: the fifth (a negligible plain group) coarsens the grid until it
    // merges with the plain Exp(mu) one; the orders never merge (each order its own cells,
    // so at most 15 more classes than without: far below MAX_CELLS)
    const run = new FluidRunLatency(1.02, 4);
    const mix = new LatencyGroups();
    mix.addGroup(2, 0, 0, Infinity);
    mix.addGroup(1, 0, 1, mu);
    mix.addGroup(1, 0, 1, mu / 2, 2);
    mix.addGroup(1, 0, 1, mu / 3, 3);
    mix.addGroup(1e-12, 0, 1, 1.5 * mu);
    run.add(mix);
    expect(run.level).toBeGreaterThan(0);
    // Erlang orders 1..4 weighted 2:1:1:1 (no shift, so coarsening moves nothing): p95
    const tail = (t: number) => {
      const y = mu * t;
      const e = Math.exp(-y);
      return (2 * e + e * (1 + y) + e * (1 + y + y * y / 2) + e * (1 + y + y * y / 2 + y ** 3 / 6)) / 5;
    };
    const p95 = run.quantile(shape, 0.95, 4 * MEAN_S)!;
    expect(tail(p95)).toBeCloseTo(0.05, 9);
  });
});
