// REFERENCE ONLY (tests): bisection version before issue 8.
// Latency percentiles of the fluid mode: each group of tasks is an Allen-Cunneen G/G/c
// queue (c = concurrency, its arrival rate, the stretched service time) whose sojourn
// time is shifted by the fluid backlog's wait; the service's percentiles are those of the
// mixture of groups weighted by requests served. Groups served behind a fluid backlog get
// that backlog's wait and no G/G/c wait (addBacklogged, same model as src).

import { routedWait } from '../../../../src/workload/queueing/routed-wait.js';
import { allenCunneenWait } from '../../../../src/workload/queueing/allen-cunneen.js';
import { finiteBuffer } from '../../../../src/workload/queueing/finite-buffer.js';
import { waitPlusServiceTail, serviceTail, type ServiceShape } from './reference-service-shape.js';

/** Utilization above which the stationary formulas are held (the fluid backlog carries overload). */
export const RHO_CAP = 0.98;

interface Truncated {
  pWait: number;
  cutShare: number;
  cutTheta: number;
  cutQ: number;
  cutShift: number;
  fitShift: number;
  fitTheta: number;
  p95: number;
  /** Mean wait of an admitted request (0 for those who do not wait), ms. */
  meanMs: number;
}

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
  private lastJsq = NaN;

  reset(): void {
    this.count = 0;
  }

  /**
   * The stationary wait with room for `places` waiting (same model as src's StationaryWait):
   * M/M/c/K with the buffer scaled by k = (ca2 + cs2) / 2 where rho^N is not below 1e-10 or
   * rho >= RHO_CAP (rate capped at rho 1); those who wait: a blend, (N - 1) / (N + 19) of the
   * "cut" exponential (its tail beyond the buffer's drain time removed with weight rho^N)
   * and the rest a shift + exponential of the wait's mean and sd; otherwise, or at and
   * above capacity (a >= servers) when its 95th percentile wait is the longer one, null
   * (plain Allen-Cunneen at the capped rate).
   */
  private truncated(lambdaPerMs: number, servers: number, ca2: number, cs2: number, meanServiceMs: number, places: number, jsqTasks: number): Truncated | null {
    const k = (ca2 + cs2) / 2;
    const a = lambdaPerMs * meanServiceMs;
    const n = places / k;
    if (!(k > 1e-12 && a > 0 && n < Infinity)) return null;
    if (!(a >= RHO_CAP * servers || n * Math.abs(Math.log(a / servers)) <= 23)) return null;
    const rho = Math.min(a / servers, 1);
    const fb = finiteBuffer(servers, rho * servers, n);
    const slot = meanServiceMs / servers;
    const meanMs = k * (fb.aheadMean + 1) * slot;
    const sd = Math.min(meanMs, k * Math.sqrt(fb.aheadMean + 1 + fb.aheadVar) * slot);
    const rc = Math.min(rho, 1 - 1e-3 / n);
    const t: Truncated = {
      pWait: fb.pWait,
      cutShare: n > 1 ? (n - 1) / (n + 19) : 0,
      cutTheta: (1 - rc) / (k * slot),
      cutQ: Math.pow(rc, n),
      cutShift: places * slot,
      fitShift: meanMs - sd,
      fitTheta: 1 / sd,
      p95: 0,
      meanMs: fb.pWait * meanMs,
    };
    if (ca2 < 1 || jsqTasks > 1) {
      // the routing's correction carried over in proportion (same model as src)
      const lam = Math.min(lambdaPerMs, (RHO_CAP * servers) / meanServiceMs);
      const ac = allenCunneenWait(lam, meanServiceMs, servers, ca2, cs2);
      const rw = routedWait(lam, meanServiceMs, servers, ca2, cs2, jsqTasks);
      if (ac.pWait > 0 && rw.pWait > 0 && ac.theta < Infinity && rw.theta < Infinity) {
        const tScale = rw.theta / ac.theta;
        t.pWait = Math.min(1, (t.pWait * rw.pWait) / ac.pWait);
        t.fitShift /= tScale;
        t.fitTheta *= tScale;
        t.cutTheta *= tScale;
        t.cutShift /= tScale;
        t.meanMs = (t.pWait * meanMs) / tScale;
      }
    }
    const tail = (x: number) =>
      t.pWait *
      (t.cutShare * (t.cutShare > 0 ? (Math.exp(-t.cutTheta * x) - t.cutQ * (x < t.cutShift ? 1 : Math.exp(-t.cutTheta * (x - t.cutShift)))) / (1 - t.cutQ) : 0) +
        (1 - t.cutShare) * (x < t.fitShift ? 1 : Math.exp(-t.fitTheta * (x - t.fitShift))));
    if (t.pWait > 0.05) {
      let lo = 0;
      let hi = t.fitShift + 1 / t.fitTheta;
      while (tail(hi) > 0.05) hi *= 2;
      for (let i = 0; i < 100 && hi - lo > 1e-9 * hi; i++) {
        const mid = (lo + hi) / 2;
        if (tail(mid) > 0.05) lo = mid;
        else hi = mid;
      }
      t.p95 = (lo + hi) / 2;
    }
    if (a >= servers) {
      const w = { pWait: 0, theta: Infinity };
      routedWait((RHO_CAP * servers) / meanServiceMs, meanServiceMs, servers, ca2, cs2, jsqTasks, w);
      const acP95 = w.pWait > 0.05 && w.theta < Infinity ? Math.log(w.pWait / 0.05) / w.theta : 0;
      if (t.p95 > acP95) return null;
    }
    return t;
  }

  /** Pushes a truncated stationary wait: those who do not wait, the cut shape (two groups), the fit shape. */
  private pushTruncated(weight: number, w: Truncated): void {
    if (weight * (1 - w.pWait) > 0) this.push(weight - weight * w.pWait, 0, 0, Infinity);
    const waiting = weight * w.pWait;
    if (!(waiting > 0)) return;
    const cut = waiting * w.cutShare;
    if (cut > 0) {
      this.push(cut / (1 - w.cutQ), 0, 1, w.cutTheta);
      this.push((-cut * w.cutQ) / (1 - w.cutQ), w.cutShift, 1, w.cutTheta);
    }
    if (waiting - cut > 0) this.push(waiting - cut, w.fitShift, 1, w.fitTheta);
  }

  /**
   * Adds `weight` requests served without a backlog by `servers` slots at arrival rate
   * `lambdaPerMs`, room for `places` waiting. Merges with the previous group when identical.
   */
  add(weight: number, lambdaPerMs: number, servers: number, ca2: number, cs2: number, meanServiceMs: number, places: number, jsqTasks = 1): void {
    const shiftMs = 0;
    if (!(weight > 0)) return;
    const tr = this.truncated(lambdaPerMs, servers, ca2, cs2, meanServiceMs, places, jsqTasks);
    if (tr) {
      this.pushTruncated(weight, tr);
      return;
    }
    const cap = (RHO_CAP * servers) / meanServiceMs;
    const lam = lambdaPerMs > cap ? cap : lambdaPerMs;
    const w = this.scratch;
    // Symmetric tasks repeat the same inputs: skip the O(servers) Erlang C recomputation.
    if (lam !== this.lastLam || servers !== this.lastServers || ca2 !== this.lastCa2 || cs2 !== this.lastCs2 || meanServiceMs !== this.lastMean || jsqTasks !== this.lastJsq) {
      routedWait(lam, meanServiceMs, servers, ca2, cs2, jsqTasks, w);
      this.lastJsq = jsqTasks;
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
   * Little's law on the queue add() describes: admitted rate (at most the rate the wait is
   * taken at: RHO_CAP of capacity for Allen-Cunneen, capacity for a truncated wait) x mean wait.
   */
  stationaryWaiting(lambdaPerMs: number, servers: number, ca2: number, cs2: number, meanServiceMs: number, places: number, admitted: number, jsqTasks = 1): number {
    if (!(lambdaPerMs > 0) || !(servers > 0) || !(admitted > 0)) return 0;
    const tr = this.truncated(lambdaPerMs, servers, ca2, cs2, meanServiceMs, places, jsqTasks);
    if (tr) return Math.min(lambdaPerMs, servers / meanServiceMs) * admitted * tr.meanMs;
    const lam = Math.min(lambdaPerMs, (RHO_CAP * servers) / meanServiceMs);
    const w = { pWait: 0, theta: Infinity };
    routedWait(lam, meanServiceMs, servers, ca2, cs2, jsqTasks, w);
    return w.pWait > 0 && w.theta < Infinity ? lam * admitted * (w.pWait / w.theta) : 0;
  }

  /** Requests that found a slot free: the service time alone. */
  addNoWait(weight: number): void {
    if (weight > 0) this.push(weight, 0, 0, Infinity);
  }

  /**
   * Requests served behind a fluid backlog: `departures` (mean, variance) at `ratePerMs`;
   * a line part (`lambdaPerMs` given) is the stationary G/G/c queue at that arrival rate
   * (capped) when that queue's 95th percentile wait is longer (same model as src).
   */
  addBacklogged(weight: number, departures: number, departuresVar: number, ratePerMs: number, cs2: number, lambdaPerMs: number, servers: number, ca2: number, meanServiceMs: number, places: number, jsqTasks = 1): void {
    if (!(weight > 0)) return;
    const meanMs = departures / ratePerMs;
    const sd = meanMs > 0 ? Math.min(meanMs, Math.sqrt(1 + Math.max(0, departures - 1) * cs2 + departuresVar) / ratePerMs) : 0;
    const pWait = meanMs > 0 ? 1 : 0;
    const theta = meanMs > 0 ? 1 / sd : Infinity;
    if (lambdaPerMs === lambdaPerMs) {
      const tr = this.truncated(lambdaPerMs, servers, ca2, cs2, meanServiceMs, places, jsqTasks);
      if (tr) {
        if (tr.p95 > (pWait > 0 ? meanMs - sd + Math.log(20) / theta : 0)) {
          this.pushTruncated(weight, tr);
          return;
        }
        this.push(weight, meanMs - sd, pWait, theta);
        return;
      }
      const cap = (RHO_CAP * servers) / meanServiceMs;
      const w = { pWait: 0, theta: Infinity };
      routedWait(lambdaPerMs > cap ? cap : lambdaPerMs, meanServiceMs, servers, ca2, cs2, jsqTasks, w);
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
