// Fluid vs request fidelity on one service at loads from 0.5 to 1.5 of capacity, the queue
// capped at 100 per task (so overload fills it). Tolerances are from the measured errors
// (docs/notes/service-model.md, `npx tsx test/workload/service/error-table.ts`) with some
// room for the shorter horizon here; before the fix the overload rows were +110 % at p95.
import { describe, it, expect } from 'vitest';
import type { ServiceWorkloadConfig } from '../../../src/workload/service/index.js';
import { build, runPeriod } from './harness.js';

const TASKS = 4;
const C = 4;
const MEAN_S = 50; // ms: 80 rps per task, 320 for the service
const HORIZON = 1_000_000;

function latency(fidelity: 'fluid' | 'request', routing: ServiceWorkloadConfig['routing'], rho: number) {
  const config: ServiceWorkloadConfig = {
    type: 'http',
    perTask: { concurrency: C, serviceTime: { distribution: 'exponential', mean: MEAN_S } },
    maxQueuePerTask: 100,
    fidelity,
    routing,
  };
  const { sim, model } = build(config, (rho * TASKS * C * 1000) / MEAN_S, 7);
  for (let i = 0; i < TASKS; i++) model.setInRotation(`t${i}`, true, 0);
  runPeriod(sim, model, 0, 60_000); // warm-up: overload fills the queues
  const s = runPeriod(sim, model, 60_000, 60_000 + HORIZON);
  return { p50: s.latencyP50Ms!, p95: s.latencyP95Ms! };
}

// rho -> [p50 tolerance, p95 tolerance], relative. The request run's p95 over this horizon
// moves with the draws: at rho 0.85 (random) fluid/request - 1 at p95 spans -6.0 to +5.5 %
// over seeds 1-10 (p50 -2.3 to +4.8 %), whatever the streams' seeding, so its p95 tolerance
// is 8 %, not the 5 % that seed 7 met before the streams were seeded through SHA-256 (-5.5 %
// after).
const cases: [number, number, number][] = [
  [0.5, 0.03, 0.03],
  [0.85, 0.05, 0.08],
  [0.95, 0.08, 0.1],
  [1.2, 0.08, 0.05],
  [1.5, 0.08, 0.05],
];

describe('fluid latency vs request fidelity, up to overload with a full queue', () => {
  for (const routing of ['random', 'least-outstanding'] as const) {
    for (const [rho, tol50, tol95] of cases) {
      it(`${routing}, rho ${rho}: p50 within ${tol50 * 100} %, p95 within ${tol95 * 100} %`, () => {
        const r = latency('request', routing, rho);
        const f = latency('fluid', routing, rho);
        expect(Math.abs(f.p50 / r.p50 - 1)).toBeLessThan(tol50);
        expect(Math.abs(f.p95 / r.p95 - 1)).toBeLessThan(tol95);
      });
    }
  }

  it('just above capacity the wait does not collapse (random, rho 1.001: p95 276 ms against 1.28 s in request fidelity)', () => {
    // Five 60 s periods after the warm-up; a small backlog builds slowly here, and its
    // requests keep at least the stationary queue's wait. Fluid stays within 0.45-1.6 x
    // request fidelity's mean p95 (random: 0.97-1.15 x since the stationary wait is truncated
    // by the cap of 100 per task, finite-buffer M/M/c/K; it was 1.5 x on both sides of
    // capacity before; least-outstanding pools 400 places and keeps the capped wait: 0.53-1.12 x
    // on seed 7 before the streams were renamed, 0.39-1.06 x after. Near rho 1 the request
    // run's p95 varies widely with the draws: least-outstanding at rho 1.001 over seeds 1-12
    // gave 0.39-0.89 x (median 0.53), so its lower bound is 0.35, not a bound fitted to one seed).
    const meanP95 = (fidelity: 'fluid' | 'request', routing: ServiceWorkloadConfig['routing'], rho: number) => {
      const config: ServiceWorkloadConfig = { type: 'http', perTask: { concurrency: C, serviceTime: { distribution: 'exponential', mean: MEAN_S } }, maxQueuePerTask: 100, fidelity, routing };
      const { sim, model } = build(config, (rho * TASKS * C * 1000) / MEAN_S, 7);
      for (let i = 0; i < TASKS; i++) model.setInRotation(`t${i}`, true, 0);
      runPeriod(sim, model, 0, 60_000);
      let sum = 0;
      for (let k = 0; k < 5; k++) sum += runPeriod(sim, model, 60_000 * (k + 1), 60_000 * (k + 2)).latencyP95Ms!;
      return sum / 5;
    };
    for (const routing of ['random', 'least-outstanding'] as const) {
      for (const rho of [1.001, 1.003, 1.01]) {
        const ratio = meanP95('fluid', routing, rho) / meanP95('request', routing, rho);
        expect(ratio, `${routing}, rho ${rho}`).toBeGreaterThan(routing === 'least-outstanding' && rho === 1.001 ? 0.35 : 0.45);
        expect(ratio, `${routing}, rho ${rho}`).toBeLessThan(1.6);
      }
    }
  });

  it('overload: the time in system is the full queue plus service (Little), not that plus a stationary queue', () => {
    // Queue full at 100 per task, 80 rps per task: an accepted request waits for about 100
    // departures, 1.25 s, plus 50 ms of service; p50 of request fidelity is close to that.
    const f = latency('fluid', 'random', 1.5);
    expect(f.p50).toBeGreaterThan(1150);
    expect(f.p50).toBeLessThan(1350);
  });
});
