// REFERENCE ONLY (tests): bisection version before issue 8.
// Latency percentiles of the fluid mode: each group of tasks is an Allen-Cunneen G/G/c
// queue (c = concurrency, its arrival rate, the stretched service time) whose sojourn
// time is shifted by the fluid backlog's wait; the service's percentiles are those of the
// mixture of groups weighted by requests served. Groups served behind a fluid backlog get
// that backlog's wait and no G/G/c wait (addBacklogged, same model as src).

import { allenCunneenWait } from './reference-allen-cunneen.js';
import { waitPlusServiceTail, serviceTail, type ServiceShape } from './reference-service-shape.js';

/** Utilization above which the stationary formulas are held (the fluid backlog carries overload). */
export const RHO_CAP = 0.98;

/** Reusable arrays describing latency groups (struct of arrays, no per-period allocation). */
export class LatencyGroups {
  count = 0;
  weight = new Float64Array(16);
  shift = new Float64Array(16);
  pWait = new Float64Array(16);
  theta = new Float64Array(16);
  private scratch = { pWait: 0, theta: Infinity };
  private lastLam = NaN;
  private lastServers = NaN;
  private lastCa2 = NaN;
  private lastCs2 = NaN;
  private lastMean = NaN;

  reset(): void {
    this.count = 0;
  }

  /**
   * Adds `weight` requests served without a backlog by `servers` slots at arrival rate
   * `lambdaPerMs`. Merges with the previous group when identical.
   */
  add(weight: number, lambdaPerMs: number, servers: number, ca2: number, cs2: number, meanServiceMs: number): void {
    const shiftMs = 0;
    if (!(weight > 0)) return;
    const cap = (RHO_CAP * servers) / meanServiceMs;
    const lam = lambdaPerMs > cap ? cap : lambdaPerMs;
    const w = this.scratch;
    // Symmetric tasks repeat the same inputs: skip the O(servers) Erlang C recomputation.
    if (lam !== this.lastLam || servers !== this.lastServers || ca2 !== this.lastCa2 || cs2 !== this.lastCs2 || meanServiceMs !== this.lastMean) {
      allenCunneenWait(lam, meanServiceMs, servers, ca2, cs2, w);
      this.lastLam = lam;
      this.lastServers = servers;
      this.lastCa2 = ca2;
      this.lastCs2 = cs2;
      this.lastMean = meanServiceMs;
    }
    const n = this.count;
    if (n > 0 && this.pWait[n - 1] === w.pWait && this.theta[n - 1] === w.theta && this.shift[n - 1] === shiftMs) {
      this.weight[n - 1] += weight;
      return;
    }
    if (n === this.weight.length) this.grow();
    this.weight[n] = weight;
    this.shift[n] = shiftMs;
    this.pWait[n] = w.pWait;
    this.theta[n] = w.theta;
    this.count = n + 1;
  }

  /**
   * Requests served behind a fluid backlog: `departures` (mean, variance) at `ratePerMs`;
   * a line part (`lambdaPerMs` given) is the stationary G/G/c queue at that arrival rate
   * (capped) when that queue's 95th percentile wait is longer (same model as src).
   */
  addBacklogged(weight: number, departures: number, departuresVar: number, ratePerMs: number, cs2: number, lambdaPerMs: number, servers: number, ca2: number, meanServiceMs: number): void {
    if (!(weight > 0)) return;
    const meanMs = departures / ratePerMs;
    const sd = meanMs > 0 ? Math.min(meanMs, Math.sqrt(1 + Math.max(0, departures - 1) * cs2 + departuresVar) / ratePerMs) : 0;
    const pWait = meanMs > 0 ? 1 : 0;
    const theta = meanMs > 0 ? 1 / sd : Infinity;
    if (lambdaPerMs === lambdaPerMs) {
      const cap = (RHO_CAP * servers) / meanServiceMs;
      const w = { pWait: 0, theta: Infinity };
      allenCunneenWait(lambdaPerMs > cap ? cap : lambdaPerMs, meanServiceMs, servers, ca2, cs2, w);
      const stationaryP95 = w.pWait > 0.05 && w.theta < Infinity ? Math.log(w.pWait / 0.05) / w.theta : 0;
      if (stationaryP95 > (pWait > 0 ? meanMs - sd + Math.log(20) / theta : 0)) {
        this.push(weight, 0, w.pWait, w.theta);
        return;
      }
    }
    this.push(weight, meanMs - sd, pWait, theta);
  }

  /** Appends a group, or merges it into the previous one when identical. */
  private push(weight: number, shiftMs: number, pWait: number, theta: number): void {
    const n = this.count;
    if (n > 0 && this.pWait[n - 1] === pWait && this.theta[n - 1] === theta && this.shift[n - 1] === shiftMs) {
      this.weight[n - 1] += weight;
      return;
    }
    if (n === this.weight.length) this.grow();
    this.weight[n] = weight;
    this.shift[n] = shiftMs;
    this.pWait[n] = pWait;
    this.theta[n] = theta;
    this.count = n + 1;
  }

  private grow(): void {
    const m = this.weight.length * 2;
    for (const k of ['weight', 'shift', 'pWait', 'theta'] as const) {
      const a = new Float64Array(m);
      a.set(this[k]);
      this[k] = a;
    }
  }

  /** P(latency > t) of the weighted mixture. */
  tail(shape: ServiceShape, t: number): number {
    let s = 0;
    let total = 0;
    for (let g = 0; g < this.count; g++) {
      const w = this.weight[g];
      total += w;
      const x = t - this.shift[g];
      s += w * (x < 0 ? 1 : this.pWait[g] > 0 ? waitPlusServiceTail(shape, this.pWait[g], this.theta[g], x) : serviceTail(shape, x));
    }
    return s / total;
  }

  /** p-quantile of the mixture, ms (bisection on the tail); null when no group. */
  quantile(shape: ServiceShape, p: number, scaleMs: number): number | null {
    if (this.count === 0) return null;
    const target = 1 - p;
    let lo = 0;
    for (let g = 0; g < this.count; g++) if (g === 0 || this.shift[g] < lo) lo = this.shift[g];
    let hi = lo + scaleMs;
    for (let i = 0; i < 200 && this.tail(shape, hi) > target; i++) hi = lo + (hi - lo) * 2;
    for (let i = 0; i < 60; i++) {
      const mid = 0.5 * (lo + hi);
      if (this.tail(shape, mid) > target) lo = mid;
      else hi = mid;
      if (hi - lo <= 1e-5 * hi) break;
    }
    return 0.5 * (lo + hi);
  }

  /** Weighted mean wait (backlog shift + expected queueing wait), ms. */
  meanWait(): number | null {
    let s = 0;
    let total = 0;
    for (let g = 0; g < this.count; g++) {
      const w = this.weight[g];
      total += w;
      s += w * (this.shift[g] + (this.pWait[g] > 0 ? this.pWait[g] / this.theta[g] : 0));
    }
    return total > 0 ? s / total : null;
  }

  /** Weighted probability of waiting (a backlog shift means everyone waits). */
  waitedFraction(): number | null {
    let s = 0;
    let total = 0;
    for (let g = 0; g < this.count; g++) {
      const w = this.weight[g];
      total += w;
      s += w * (this.shift[g] > 0 ? 1 : this.pWait[g]);
    }
    return total > 0 ? s / total : null;
  }
}
