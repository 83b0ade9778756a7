// Round-robin to single-slot tasks (E_k/M/1) and least-outstanding (JSQ) waits against
// hand-computed values, and the fluid model against them and against request fidelity.
//
// E_2/M/1 by hand: sigma = (2 rho / (2 rho + 1 - sigma))^2 is the cubic
// sigma (2 rho + 1 - sigma)^2 = 4 rho^2, which factors as
// (sigma - 1) (sigma^2 - (4 rho + 1) sigma + 4 rho^2) = 0, so
// sigma = ((4 rho + 1) - sqrt(8 rho + 1)) / 2: rho 0.5 -> (3 - sqrt 5) / 2 = 0.381966,
// rho 0.75 -> 2 - sqrt 1.75 = 0.677124. The sojourn (wait + exponential service) of GI/M/1
// is exponential with rate mu (1 - sigma): p = 1 - e^(-mu (1 - sigma) t).
import { describe, it, expect } from 'vitest';
import { erlangArrivalsSigma, erlangC, routedWait } from '../../../src/workload/queueing/index.js';
import type { ServiceWorkloadConfig } from '../../../src/workload/service/index.js';
import { build, runPeriod } from './harness.js';

const e2Sigma = (rho: number) => (4 * rho + 1 - Math.sqrt(8 * rho + 1)) / 2;

describe('E_k/M/1 sigma and the routed waits', () => {
  it('E_2/M/1: sigma = ((4 rho + 1) - sqrt(8 rho + 1)) / 2 (rho 0.5: (3 - sqrt 5) / 2); E_1/M/1 = M/M/1: sigma = rho', () => {
    expect(e2Sigma(0.5)).toBeCloseTo((3 - Math.sqrt(5)) / 2, 12);
    for (const rho of [0.1, 0.5, 0.75, 0.9, 0.98]) {
      expect(erlangArrivalsSigma(2, rho)).toBeCloseTo(e2Sigma(rho), 10);
      expect(erlangArrivalsSigma(1, rho)).toBeCloseTo(rho, 10);
      // a warm start on either side of the root gives the same root
      expect(erlangArrivalsSigma(2, rho, 0.999)).toBeCloseTo(e2Sigma(rho), 10);
      expect(erlangArrivalsSigma(2, rho, e2Sigma(rho) / 2)).toBeCloseTo(e2Sigma(rho), 10);
      // just right of the root, where f still rises: one tangent step lands left of it
      expect(erlangArrivalsSigma(2, rho, Math.min(0.999, e2Sigma(rho) + 0.01))).toBeCloseTo(e2Sigma(rho), 10);
    }
    // many tasks (a warm start from the last period's root, on either side): the root of its equation
    for (const [rho, guess] of [[0.6, 0.55], [0.6, 0.3], [0.9, 0.95], [0.3, 0.05]]) {
      const s = erlangArrivalsSigma(136, rho, guess);
      expect(s).toBeCloseTo(Math.pow((136 * rho) / (136 * rho + 1 - s), 136), 12);
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThan(1);
    }
    // E_4/M/1, rho 0.5: the root satisfies its equation (4 tasks in rotation)
    const s = erlangArrivalsSigma(4, 0.5);
    expect(s).toBeCloseTo(Math.pow(2 / (3 - s), 4), 12);
    expect(s).toBeCloseTo(0.301931, 5);
  });

  it('round-robin over 2 single-slot tasks, exponential 100 ms, 5 req/s each: P(wait) = sigma, wait rate (1 - sigma) / 100 ms', () => {
    const w = routedWait(0.005, 100, 1, 1 / 2, 1, 1);
    expect(w.pWait).toBeCloseTo(e2Sigma(0.5), 10);
    expect(w.theta).toBeCloseTo((1 - e2Sigma(0.5)) / 100, 12);
    // a deterministic service time scales the conditional wait by (ca2 + cs2) / (ca2 + 1) = 1/3
    const d = routedWait(0.005, 100, 1, 1 / 2, 0, 1);
    expect(d.pWait).toBeCloseTo(e2Sigma(0.5), 10);
    expect(d.theta).toBeCloseTo((3 * (1 - e2Sigma(0.5))) / 100, 12);
    // 2 slots per task (E_2/M/2): wait given waiting exactly Exp(2 mu (1 - sigma)); P(wait)
    // Erlang C(2, 1) = 1/3 scaled by sigma / rho (the model's heuristic)
    const two = routedWait(0.01, 100, 2, 1 / 2, 1, 1);
    expect(two.theta).toBeCloseTo((2 * (1 - e2Sigma(0.5))) / 100, 12);
    expect(two.pWait).toBeCloseTo(((1 / 3) * e2Sigma(0.5)) / 0.5, 10);
    // Poisson arrivals (random routing) stay M/M/1: P(wait) = rho, rate mu - lambda
    const m = routedWait(0.005, 100, 1, 1, 1, 1);
    expect(m.pWait).toBeCloseTo(0.5, 12);
    expect(m.theta).toBeCloseTo(0.005, 12);
  });

  it('least-outstanding over 4 single-slot tasks, rho 0.75: P(wait) = Erlang C(4, 3) = 13.5 / 26.5, wait rate mu (1 - rho^4)', () => {
    const w = routedWait(0.03, 100, 4, 1, 1, 4);
    expect(w.pWait).toBeCloseTo(13.5 / 26.5, 12);
    expect(w.pWait).toBeCloseTo(erlangC(4, 3), 12);
    expect(w.theta).toBeCloseTo((1 - 0.75 ** 4) / 100, 12);
    // one task: M/M/c, the pooled wait
    const one = routedWait(0.03, 100, 4, 1, 1, 1);
    expect(one.theta).toBeCloseTo((0.04 - 0.03) / 1, 12);
  });
});

function latency(fidelity: 'fluid' | 'request', routing: ServiceWorkloadConfig['routing'], tasks: number, rps: number, horizonMs: number, maxQueuePerTask = 1e9) {
  const config: ServiceWorkloadConfig = {
    type: 'http',
    perTask: { concurrency: 1, serviceTime: { distribution: 'exponential', mean: 100 } },
    maxQueuePerTask,
    fidelity,
    routing,
  };
  const { sim, model } = build(config, rps, 11);
  for (let i = 0; i < tasks; i++) model.setInRotation(`t${i}`, true, 0);
  runPeriod(sim, model, 0, 60_000);
  const s = runPeriod(sim, model, 60_000, 60_000 + horizonMs);
  return { p50: s.latencyP50Ms!, p95: s.latencyP95Ms! };
}

describe('concurrency 1 (the default): fluid latency against E_k/M/1 and request fidelity', () => {
  it('round-robin, 2 tasks, rho 0.5: fluid p50 = 100 ln 2 / (1 - sigma) = 112.15 ms, p95 = 100 ln 20 / (1 - sigma) = 484.7 ms (within 0.1 %); request within 3 %', () => {
    const oneMinusSigma = 1 - e2Sigma(0.5);
    const p50 = (100 * Math.log(2)) / oneMinusSigma;
    const p95 = (100 * Math.log(20)) / oneMinusSigma;
    expect(p50).toBeCloseTo(112.15, 1);
    const f = latency('fluid', 'round-robin', 2, 10, 600_000);
    expect(Math.abs(f.p50 / p50 - 1)).toBeLessThan(0.001);
    expect(Math.abs(f.p95 / p95 - 1)).toBeLessThan(0.001);
    const r = latency('request', 'round-robin', 2, 10, 100_000_000); // ~1 M requests
    expect(Math.abs(r.p50 / p50 - 1)).toBeLessThan(0.03);
    expect(Math.abs(r.p95 / p95 - 1)).toBeLessThan(0.03);
  });

  it('round-robin, 2 tasks, rho 0.9, the default queue cap of 100 (a truncated wait): fluid p50 = 100 ln 2 / (1 - sigma) = 526 ms within 1 % (rho^100 = 3e-5 of the wait is cut)', () => {
    const oneMinusSigma = 1 - e2Sigma(0.9);
    const p50 = (100 * Math.log(2)) / oneMinusSigma;
    expect(p50).toBeCloseTo(526.0, 0);
    const f = latency('fluid', 'round-robin', 2, 18, 600_000, 100);
    expect(Math.abs(f.p50 / p50 - 1)).toBeLessThan(0.01);
  });

  it('least-outstanding, 4 tasks, rho 0.75: fluid p50 within 8 %, p95 within 5 % of request fidelity (the pooled queue was 15 % low at p95)', () => {
    const r = latency('request', 'least-outstanding', 4, 30, 40_000_000); // ~1.2 M requests
    const f = latency('fluid', 'least-outstanding', 4, 30, 600_000);
    expect(Math.abs(f.p50 / r.p50 - 1)).toBeLessThan(0.08);
    expect(Math.abs(f.p95 / r.p95 - 1)).toBeLessThan(0.05);
  });
});
