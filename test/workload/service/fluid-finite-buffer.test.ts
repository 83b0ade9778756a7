// Fluid mode with a small maxQueuePerTask: finite-buffer blocking (M/M/c/K, K = concurrency
// + maxQueuePerTask) below capacity, served and CPU reduced to match, the truncated wait of
// admitted requests; hand-computed cases, fluid vs request fidelity, large buffers unchanged.
// Before the fix fluid rejected only the fluid excess above capacity: 0.06 % against the
// 8.00 % of M/M/4/9 (reviewer's mq5 scenario), 0.2 % against Erlang B's 20.6 % with no queue.
import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../../src/engine/index.js';
import { finiteBuffer } from '../../../src/workload/queueing/index.js';
import type { PeriodStats, ServiceWorkloadConfig } from '../../../src/workload/service/index.js';
import { build, runPeriod } from './harness.js';

const C = 4;
const MEAN_S = 50; // ms: 80 rps per task
const EXP: Distribution = { distribution: 'exponential', mean: MEAN_S };
const LOGN: Distribution = { distribution: 'lognormal', median: 40, p95: 120 };

function config(fidelity: 'fluid' | 'request', routing: ServiceWorkloadConfig['routing'], serviceTime: Distribution, maxQueuePerTask: number): ServiceWorkloadConfig {
  return { type: 'http', perTask: { concurrency: C, serviceTime }, maxQueuePerTask, fidelity, routing };
}

/** One period of `horizonMs` after a 60 s warm-up; `rate` for the service, `tasks` in rotation from 0. */
function run(cfg: ServiceWorkloadConfig, rate: number, tasks: number, horizonMs: number, seed = 7): PeriodStats & { cpu: number } {
  const { sim, model } = build(cfg, rate, seed, false);
  for (let i = 0; i < tasks; i++) model.setInRotation(`t${i}`, true, 0);
  runPeriod(sim, model, 0, 60_000);
  const s = runPeriod(sim, model, 60_000, 60_000 + horizonMs);
  let cpu = 0;
  for (const v of s.perTask.values()) cpu += v.cpuPercent / tasks;
  return { ...s, cpu };
}

// M/M/4/9 at a = 3.6 written out: t(n) = 3.6^n / n! up to 4, then x 0.9 per place.
const T = [1, 3.6, 6.48, 7.776, 6.9984, 6.29856, 5.668704, 5.1018336, 4.59165024, 4.132485216];
const SUM = T.reduce((x, y) => x + y, 0);
const P_K = T[9] / SUM; // 8.00 %

describe('fluid: a small maxQueuePerTask blocks as M/M/c/K', () => {
  it('mq5 (2 tasks x 4 slots, exponential 50 ms, random, maxQueuePerTask 5, 144 rps): 8.00 % rejected, CPU 82.8 %, truncated wait', () => {
    const s = run(config('fluid', 'random', EXP, 5), 144, 2, 60_000);
    expect(s.rejected / s.offered).toBeCloseTo(P_K, 9);
    expect(s.served / s.offered).toBeCloseTo(1 - P_K, 9);
    // CPU = served rps / capacity: 72 (1 - P_K) / 80
    expect(s.cpu).toBeCloseTo((100 * 72 * (1 - P_K)) / 80, 6);
    // an admitted request waits when it finds 4..8 in the system
    const waiting = T[4] + T[5] + T[6] + T[7] + T[8];
    expect(s.waitedFraction!).toBeCloseTo(waiting / (SUM - T[9]), 9);
    // Little: mean wait = mean queue / admitted rate (per task 72 x (1 - P_K) per s)
    const lq = (1 * T[5] + 2 * T[6] + 3 * T[7] + 4 * T[8] + 5 * T[9]) / SUM;
    expect(s.meanWaitMs!).toBeCloseTo((lq / (0.072 * (1 - P_K))), 6);
    expect(s.meanWaitMs!).toBeCloseTo(21.04, 2);
  });

  it('maxQueuePerTask 0 at rho 0.75: Erlang B(4, 3) = 20.6 % rejected, no queueing wait at all', () => {
    const s = run(config('fluid', 'random', EXP, 0), 120, 2, 60_000);
    expect(s.rejected / s.offered).toBeCloseTo(3.375 / 16.375, 9);
    expect(s.meanWaitMs).toBe(0);
    expect(s.waitedFraction).toBe(0);
    // latency = the service time alone: p95 of exponential(50 ms) = 50 ln 20
    expect(s.latencyP95Ms!).toBeCloseTo(50 * Math.log(20), 3);
  });

  it('latency = the exact M/M/4/(4+N) time in system of admitted requests: N 5 exactly (the chain\'s own wait, N <= 16); N 20, 100 p50 within 4 %, p95 within 2.5 %, p99 within 11 %', () => {
    // Exact: an admitted request finds a slot free (1 - P(wait)) or waits for J + 1
    // departures at c mu (J truncated geometric on 0..N-1), then its exponential service:
    // P(W + S > t) = P(W > t) + integral_0^t f_W(x) e^(-mu (t - x)) dx (Simpson, 400 steps).
    const quantiles = (n: number, rho: number): number[] => {
      const mu = 1 / MEAN_S;
      const cmu = C * mu;
      const f = finiteBuffer(C, rho * C, n);
      const pi: number[] = [];
      for (let j = 0, z = (1 - rho ** n) / (1 - rho); j < n; j++) pi.push(rho ** j / z);
      const erlangs = (x: number): [number, number] => {
        // [P(W > x | wait), f_W(x | wait)]
        let term = Math.exp(-cmu * x);
        let cum = 0;
        let tail = 0;
        let dens = 0;
        for (let j = 0; j < n; j++) {
          if (j > 0) term *= (cmu * x) / j;
          cum += term;
          tail += pi[j] * cum;
          dens += pi[j] * cmu * term;
        }
        return [tail, dens];
      };
      const sojournTail = (t: number): number => {
        const steps = 400;
        const h = t / steps;
        let integral = 0;
        for (let i = 0; i <= steps; i++) integral += (i === 0 || i === steps ? 1 : i % 2 ? 4 : 2) * erlangs(i * h)[1] * Math.exp(-mu * (t - i * h));
        return (1 - f.pWait) * Math.exp(-mu * t) + f.pWait * (erlangs(t)[0] + (integral * h) / 3);
      };
      return [0.5, 0.95, 0.99].map((p) => {
        let lo = 0;
        let hi = 100;
        while (sojournTail(hi) > 1 - p) hi *= 2;
        for (let i = 0; i < 40; i++) {
          const mid = (lo + hi) / 2;
          if (sojournTail(mid) > 1 - p) lo = mid;
          else hi = mid;
        }
        return (lo + hi) / 2;
      });
    };
    // measured: N 5 within 0.01 %; N 20, 100 p50 -3.6..+0.2 %, p95 -1.7..+0.9 %, p99 -1.4..+10.5 % (N 20 near rho 1)
    for (const n of [5, 20, 100]) {
      const tol = n <= 16 ? [2e-3, 2e-3, 2e-3] : [0.04, 0.025, 0.11];
      for (const rho of [0.8, 0.9, 0.95, 0.98]) {
        const s = run(config('fluid', 'random', EXP, n), rho * 160, 2, 60_000);
        const [p50, p95, p99] = quantiles(n, rho);
        const at = `N ${n}, rho ${rho}`;
        expect(Math.abs(s.latencyP50Ms! / p50 - 1), `${at} p50 exact ${p50} fluid ${s.latencyP50Ms}`).toBeLessThan(tol[0]);
        expect(Math.abs(s.latencyP95Ms! / p95 - 1), `${at} p95 exact ${p95} fluid ${s.latencyP95Ms}`).toBeLessThan(tol[1]);
        expect(Math.abs(s.latencyP99Ms! / p99 - 1), `${at} p99 exact ${p99} fluid ${s.latencyP99Ms}`).toBeLessThan(tol[2]);
      }
    }
  });

  it('least-outstanding loses as one pooled queue: 8 slots and 2 x 5 places, M/M/8/18 at a = 7.2', () => {
    const t = [1];
    for (let n = 1; n <= 18; n++) t.push((t[n - 1] * 7.2) / Math.min(n, 8));
    const pK = t[18] / t.reduce((x, y) => x + y, 0);
    const s = run(config('fluid', 'least-outstanding', EXP, 5), 144, 2, 60_000);
    expect(s.rejected / s.offered).toBeCloseTo(pK, 9);
  });

  it('overload with a small queue: the queue the buffer holds is the M/M/c/K mean, not maxQueuePerTask (random and least-outstanding, queued and carried over)', () => {
    // Before: 2 tasks x maxQueuePerTask 2 at rho 1.2 reported 4 waiting (the full cap) and
    // carried 2 per task into the next period; request fidelity shows the chain's mean.
    // Random, per task M/M/4/6 at a = 4.8: t(n) = 4.8^n / n! up to 4, then x 1.2 per place.
    const t = [1, 4.8, 11.52, 18.432, 22.1184, 26.54208, 31.850496];
    const sum = t.reduce((x, y) => x + y, 0);
    const lq = (1 * t[5] + 2 * t[6]) / sum; // 0.776 per task
    expect(lq).toBeCloseTo(0.7762, 4);
    const { sim, model } = build(config('fluid', 'random', EXP, 2), 192, 7, false);
    for (let i = 0; i < 2; i++) model.setInRotation(`t${i}`, true, 0);
    const first = runPeriod(sim, model, 0, 60_000);
    expect(first.waiting).toBeCloseTo(2 * lq, 9);
    expect(first.queued).toBeCloseTo(2 * lq, 9);
    // nothing lost: what was neither served nor rejected is the queue
    expect(first.offered - first.served - first.rejected).toBeCloseTo(first.queued, 6);
    // the next period starts from that backlog and holds it
    const second = runPeriod(sim, model, 60_000, 120_000);
    expect(second.waiting).toBeCloseTo(2 * lq, 9);
    expect(second.offered - second.served - second.rejected).toBeCloseTo(0, 6);
    // Least-outstanding pools 8 slots and 2 x 2 places: M/M/8/12 at a = 9.6, its mean
    // queue over both tasks
    const p = [1];
    for (let n = 1; n <= 12; n++) p.push((p[n - 1] * 9.6) / Math.min(n, 8));
    const pooled = p.reduce((x, y, n) => x + Math.max(0, n - 8) * y, 0) / p.reduce((x, y) => x + y, 0);
    const lor = run(config('fluid', 'least-outstanding', EXP, 2), 192, 2, 60_000);
    expect(lor.waiting).toBeCloseTo(pooled, 9);
    expect(lor.queued).toBeCloseTo(pooled, 9);
    // a queue of 100 at rho 1.2 (random): below the cap by about 1 / (rho - 1) = 5 (exactly
    // sum j t(4 + j) / sum t(n), t geometric 1.2 above 4 slots), not 100
    const big = run(config('fluid', 'random', EXP, 100), 192, 2, 60_000);
    const b = [1];
    for (let n = 1; n <= 104; n++) b.push((b[n - 1] * 4.8) / Math.min(n, 4));
    const bigLq = b.reduce((x, y, n) => x + Math.max(0, n - 4) * y, 0) / b.reduce((x, y) => x + y, 0);
    expect(bigLq).toBeGreaterThan(94);
    expect(bigLq).toBeLessThan(96);
    expect(big.waiting).toBeCloseTo(2 * bigLq, 6);
  });

  it('no jump at capacity: rho 0.999 and 1.001 drop, serve and wait alike (maxQueuePerTask 5)', () => {
    for (const routing of ['random', 'least-outstanding'] as const) {
      const below = run(config('fluid', routing, EXP, 5), 0.999 * 160, 2, 600_000);
      const above = run(config('fluid', routing, EXP, 5), 1.001 * 160, 2, 600_000);
      expect(Math.abs(above.rejected / above.offered - below.rejected / below.offered), routing).toBeLessThan(0.002);
      expect(Math.abs(above.cpu - below.cpu), routing).toBeLessThan(0.3);
      expect(above.latencyP50Ms! / below.latencyP50Ms!, routing).toBeLessThan(1.05);
      expect(above.latencyP95Ms! / below.latencyP95Ms!, routing).toBeLessThan(1.05);
    }
  });

  it('near capacity a queue of 100 truncates the wait, random and least-outstanding (4 pooled queues of 100); a buffer of a million is M/M/c at the true rho', () => {
    // rho 0.995. Random: N = 100, 0.995^100 = 0.61; least-outstanding: 16 pooled slots and
    // 400 places, 0.995^400 = 0.13. Both truncate the wait below that of an unbounded queue
    // at rho 0.995 (until the fix least-outstanding's was held at the wait of rho 0.98, and
    // a buffer of a million at rho 0.98 too).
    const p95 = (routing: ServiceWorkloadConfig['routing'], q: number) => run(config('fluid', routing, EXP, q), 0.995 * 320, 4, 60_000).latencyP95Ms!;
    expect(p95('random', 100)).toBeLessThan(0.8 * p95('random', 1_000_000));
    expect(p95('least-outstanding', 100)).toBeLessThan(0.8 * p95('least-outstanding', 1_000_000));
  });

  it('rho 0.99 with maxQueuePerTask 1000 (one task, 4 slots, exponential 50 ms, 79.2 rps): the M/M/4/1004 figures at rho 0.99, not those of rho 0.98', () => {
    // Reviewer's mmc.yaml: fluid read exactly M/M/4 at rho 0.98 (Lq 46.84) where request
    // fidelity showed 88-91 waiting. M/M/4/1004 at a = 3.96 written out: t(n) = a^n / n! up
    // to 4, then x 0.99 per place; Lq = sum (n - 4) t(n) / sum t(n) = 96.77 (M/M/4: 96.8).
    const a = 3.96;
    const t: number[] = [1];
    for (let n = 1; n <= 4; n++) t.push((t[n - 1] * a) / n);
    for (let n = 5; n <= 1004; n++) t.push(t[n - 1] * 0.99);
    const sum = t.reduce((x, y) => x + y, 0);
    let lq = 0;
    for (let n = 5; n <= 1004; n++) lq += ((n - 4) * t[n]) / sum;
    expect(lq).toBeCloseTo(96.77, 2);
    const s = run(config('fluid', 'random', EXP, 1000), 0.99 * 80, 1, 600_000);
    expect(s.waiting!).toBeCloseTo(lq, 1);
    // The time in system of an admitted request: one who finds n >= 4 waits Erlang(n - 3,
    // 4 mu), then Exp(mu). Its quantiles (mu = 1 / 100 ms, the reviewer's: 1779 / 7534 /
    // 11549 ms; halved here for the 50 ms service): 889.5, 3766.8, 5774.3 ms.
    expect(s.latencyP50Ms! / 889.5 - 1).toBeCloseTo(0, 2);
    expect(s.latencyP95Ms! / 3766.8 - 1).toBeCloseTo(0, 2);
    expect(s.latencyP99Ms! / 5774.3 - 1).toBeCloseTo(0, 2);
  });

  it('large maxQueuePerTask: unchanged (the finite-buffer terms are skipped where rho^N < 1e-10)', () => {
    // rho 0.7, N = 100: 0.7^100 = 3e-16. The same figures as a buffer of a million.
    const a = run(config('fluid', 'random', EXP, 100), 0.7 * 320, 4, 60_000);
    const b = run(config('fluid', 'random', EXP, 1_000_000), 0.7 * 320, 4, 60_000);
    for (const k of ['offered', 'served', 'rejected', 'latencyP50Ms', 'latencyP95Ms', 'latencyP99Ms', 'meanWaitMs', 'waitedFraction', 'cpu'] as const) expect(a[k], k).toBe(b[k]);
    expect(a.rejected).toBe(0);
    // rho 0.9, N = 100: counted, but tiny (P_K about 3e-6)
    const c = run(config('fluid', 'random', EXP, 100), 0.9 * 320, 4, 60_000);
    expect(c.rejected / c.offered).toBeGreaterThan(0);
    expect(c.rejected / c.offered).toBeLessThan(1e-5);
  });
});

describe('fluid vs request fidelity with a small maxQueuePerTask', () => {
  // [routing, service, maxQueuePerTask, rho, tasks]; 1 000 s after a 60 s warm-up.
  // Measured (2 tasks, seed 3, 1 000 s; docs/notes/service-model.md): dropped within 0.6
  // points, CPU within 0.5, p95 within 5 % on these; tolerances below leave room for the seed.
  const cases: [ServiceWorkloadConfig['routing'], Distribution, number, number, number][] = [
    ['random', EXP, 5, 0.9, 2],
    ['random', EXP, 0, 0.75, 2],
    ['random', EXP, 2, 1.2, 2],
    ['random', LOGN, 2, 0.9, 2],
    ['least-outstanding', EXP, 5, 0.9, 2],
    ['least-outstanding', LOGN, 5, 1, 2],
    ['round-robin', LOGN, 5, 0.9, 2],
    ['random', EXP, 20, 0.95, 4],
  ];
  for (const [routing, dist, q, rho, tasks] of cases) {
    const name = dist.distribution === 'exponential' ? 'exponential 50 ms' : 'lognormal 40/120 ms';
    it(`${routing}, ${name}, maxQueuePerTask ${q}, rho ${rho}: dropped within 0.8 points, CPU within 1 point, p95 within 6 %`, () => {
      const mean = dist.distribution === 'exponential' ? MEAN_S : 40 * Math.exp((Math.log(3) / 1.6448536269514722) ** 2 / 2);
      const rate = (rho * tasks * C * 1000) / mean;
      const r = run(config('request', routing, dist, q), rate, tasks, 1_000_000);
      const f = run(config('fluid', routing, dist, q), rate, tasks, 1_000_000);
      const dr = (100 * r.rejected) / r.offered;
      const df = (100 * f.rejected) / f.offered;
      expect(Math.abs(df - dr), `dropped % request ${dr} fluid ${df}`).toBeLessThan(0.8);
      expect(Math.abs(f.cpu - r.cpu), `CPU request ${r.cpu} fluid ${f.cpu}`).toBeLessThan(1);
      expect(Math.abs(f.latencyP95Ms! / r.latencyP95Ms! - 1), `p95 request ${r.latencyP95Ms} fluid ${f.latencyP95Ms}`).toBeLessThan(0.06);
    });
  }
});
