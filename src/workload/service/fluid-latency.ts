// Latency percentiles of the fluid mode: the service's percentiles are those of a mixture
// of groups of requests weighted by requests served. A group served without a fluid
// backlog is an Allen-Cunneen G/G/c queue (c = concurrency, its arrival rate, the
// stretched service time). A group served while its queue held a fluid backlog waits for
// that backlog to drain ahead of it (addBacklogged): the backlog is the queue, so no
// stationary G/G/c wait is added on top (it would count the queue twice).
//
// Speed (this runs every metric period of every service): the mixture's tail and density
// are evaluated together and the percentiles solved by safeguarded Newton, warm-started at
// the previous period's answer; the 64-atom convolution of non-exponential service times
// is turned into one exp per evaluation by per-group prefix sums; and when a period's
// groups are exactly those of the previous period, the previous percentiles are returned.

import { allenCunneenWait, tailQuantile, type TailWithDensity } from '../queueing/index.js';
import { serviceTailDensity, type ServiceShape } from './service-shape.js';

/** Utilization above which the stationary formulas are held (the fluid backlog carries overload). */
export const RHO_CAP = 0.98;

const MEMO_SLOTS = 4;
const LN_20 = Math.log(20);

/**
 * The stationary Allen-Cunneen G/G/c wait at an arrival rate capped at RHO_CAP, kept until
 * the inputs change (the O(servers) Erlang C is not recomputed for repeated inputs).
 */
class StationaryWait {
  pWait = 0;
  theta = Infinity;
  private lam = NaN;
  private servers = NaN;
  private ca2 = NaN;
  private cs2 = NaN;
  private meanServiceMs = NaN;

  at(lambdaPerMs: number, servers: number, ca2: number, cs2: number, meanServiceMs: number): this {
    const cap = (RHO_CAP * servers) / meanServiceMs;
    const lam = lambdaPerMs > cap ? cap : lambdaPerMs;
    if (lam !== this.lam || servers !== this.servers || ca2 !== this.ca2 || cs2 !== this.cs2 || meanServiceMs !== this.meanServiceMs) {
      allenCunneenWait(lam, meanServiceMs, servers, ca2, cs2, this);
      this.lam = lam;
      this.servers = servers;
      this.ca2 = ca2;
      this.cs2 = cs2;
      this.meanServiceMs = meanServiceMs;
    }
    return this;
  }

  /** P(W > x) = pWait exp(-theta x): the 95th percentile of the wait, 0 when fewer than 5 % wait. */
  p95Ms(): number {
    return this.pWait > 0.05 && this.theta < Infinity ? Math.log(this.pWait / 0.05) / this.theta : 0;
  }
}

/** Reusable arrays describing latency groups (struct of arrays, no per-period allocation). */
export class LatencyGroups implements TailWithDensity {
  count = 0;
  weight = new Float64Array(16);
  shift = new Float64Array(16);
  pWait = new Float64Array(16);
  theta = new Float64Array(16);
  /** -d/dt of the mixture tail at the last tailAt point. */
  density = 0;
  /** The G/G/c waits of add() and of addBacklogged's floor (each kept while its inputs repeat). */
  private groupWait = new StationaryWait();
  private floorWait = new StationaryWait();
  // Set by prepare() for the current groups.
  private shape: ServiceShape | null = null;
  private prepared = false;
  private atomsReady = false;
  private total = 0;
  /** Per group, S[m] = sum_{k<=m} exp(-theta (q_m - q_k)) over the service quantile atoms. */
  private atomSums = new Float64Array(0);
  private sd = { density: 0 };
  // The previous groups (normalised weights) and the percentiles solved for them.
  private memoCount = -1;
  private memoShape: ServiceShape | null = null;
  private memoFrac = new Float64Array(16);
  private memoShift = new Float64Array(16);
  private memoPWait = new Float64Array(16);
  private memoTheta = new Float64Array(16);
  private memoP = new Float64Array(MEMO_SLOTS).fill(NaN);
  private memoQ = new Float64Array(MEMO_SLOTS);
  /** Last answer per p (warm starts), kept across changes of the groups. */
  private guessP = new Float64Array(MEMO_SLOTS).fill(NaN);
  private guessQ = new Float64Array(MEMO_SLOTS);

  reset(): void {
    this.count = 0;
    this.prepared = false;
  }

  /**
   * Adds `weight` requests served without a fluid backlog by `servers` slots at arrival rate
   * `lambdaPerMs`: a stationary G/G/c queue. Merges with the previous group when identical.
   */
  add(weight: number, lambdaPerMs: number, servers: number, ca2: number, cs2: number, meanServiceMs: number): void {
    if (!(weight > 0)) return;
    this.prepared = false;
    // symmetric tasks repeat the same inputs: the wait is kept until they change
    const w = this.groupWait.at(lambdaPerMs, servers, ca2, cs2, meanServiceMs);
    this.push(weight, 0, w.pWait, w.theta);
  }

  /**
   * Adds `weight` requests served while their queue held a fluid backlog: each waited for
   * `departures` (mean; `departuresVar` its variance) departures of a queue whose slots were
   * all busy, completing at `ratePerMs`. The stationary G/G/c wait does not apply: the
   * backlog is the queue. The time for D departures of busy slots is about the first one
   * (~ Exp(rate)) plus D - 1 renewal gaps (variance cs2 / rate^2 each); it is matched in
   * mean W and standard deviation sd by a shift W - sd plus an exponential wait of mean sd
   * (sd at most W so the shift is never negative). See notes/service-model.md.
   *
   * A backlog that is building or draining (not at the cap) and small leaves the stationary
   * queueing of the same queue: waiting for a few departures would be far less than the
   * stationary wait just below capacity (p95 fell from 1.9 s at rho 0.99 to 0.28 s at
   * 1.001). So when `lambdaPerMs` is given (a line part), the group is the G/G/c queue
   * (`servers`, `ca2`, `cs2`, `meanServiceMs`) at that arrival rate, capped, whenever that
   * queue's 95th percentile wait is the longer one. At the cap (lambdaPerMs NaN) the
   * truncated geometric of free places already is the stationary queue of a full buffer.
   */
  addBacklogged(
    weight: number,
    departures: number,
    departuresVar: number,
    ratePerMs: number,
    cs2: number,
    lambdaPerMs: number,
    servers: number,
    ca2: number,
    meanServiceMs: number,
  ): void {
    if (!(weight > 0)) return;
    this.prepared = false;
    const meanMs = departures / ratePerMs;
    let shiftMs = 0;
    let pWait = 0;
    let theta = Infinity;
    if (meanMs > 0) {
      const d1 = departures > 1 ? departures - 1 : 0;
      let sd = Math.sqrt(1 + d1 * cs2 + departuresVar) / ratePerMs;
      if (sd > meanMs) sd = meanMs;
      shiftMs = meanMs - sd;
      pWait = 1;
      theta = 1 / sd;
    }
    if (lambdaPerMs === lambdaPerMs) {
      const w = this.floorWait.at(lambdaPerMs, servers, ca2, cs2, meanServiceMs);
      if (w.p95Ms() > (pWait > 0 ? shiftMs + LN_20 / theta : 0)) {
        this.push(weight, 0, w.pWait, w.theta);
        return;
      }
    }
    this.push(weight, shiftMs, pWait, theta);
  }

  /**
   * Adds `weight` requests of a group given by its parameters (latency = shiftMs + a wait
   * that is Exp(theta) with probability pWait + a service time): the run's mixture
   * (fluid-run-latency.ts) rebuilds its groups so.
   */
  addGroup(weight: number, shiftMs: number, pWait: number, theta: number): void {
    if (!(weight > 0)) return;
    this.prepared = false;
    this.push(weight, shiftMs, pWait, theta);
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
    this.prepare(shape);
    if (!this.atomsReady) this.prepareAtoms(shape);
    return this.tailAt(t);
  }

  /** P(latency > t) of the mixture prepared for; sets `density`. */
  tailAt(t: number): number {
    const shape = this.shape as ServiceShape;
    const mu = shape.expRate;
    const q = shape.table;
    const nq = q.length;
    const sd = this.sd;
    let s = 0;
    let dens = 0;
    for (let g = 0; g < this.count; g++) {
      const w = this.weight[g];
      const x = t - this.shift[g];
      if (x < 0) {
        s += w;
        continue;
      }
      let st = serviceTailDensity(shape, x, sd);
      let sdens = sd.density;
      const pw = this.pWait[g];
      if (pw > 0) {
        const th = this.theta[g];
        let conv: number;
        let convD: number;
        if (mu > 0) {
          // P(Exp(theta) + Exp(mu) > x) and its density.
          const es = st;
          if (Math.abs(th - mu) < 1e-9 * mu) {
            conv = (1 + mu * x) * es;
            convD = mu * mu * x * es;
          } else {
            const et = Math.exp(-th * x);
            conv = (th * es - mu * et) / (th - mu);
            convD = (th * mu * (es - et)) / (th - mu);
          }
        } else {
          // Atoms q_k <= x contribute exp(-theta (x - q_k)) = exp(-theta (x - q_{j-1})) S[j-1].
          let lo = 0;
          let hi = nq;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (q[mid] <= x) lo = mid + 1;
            else hi = mid;
          }
          if (lo === 0) {
            conv = 1;
            convD = 0;
          } else {
            const e = Math.exp(-th * (x - q[lo - 1])) * this.atomSums[g * nq + lo - 1];
            conv = (nq - lo + e) / nq;
            convD = (th * e) / nq;
          }
        }
        st = (1 - pw) * st + pw * conv;
        sdens = (1 - pw) * sdens + pw * convD;
      }
      s += w * st;
      dens += w * sdens;
    }
    this.density = dens / this.total;
    return s / this.total;
  }

  /** p-quantile of the mixture, ms; null when no group. */
  quantile(shape: ServiceShape, p: number, scaleMs: number): number | null {
    if (this.count === 0) return null;
    this.prepare(shape);
    let slot = -1;
    for (let i = 0; i < MEMO_SLOTS; i++) if (this.memoP[i] === p) return this.memoQ[i];
    for (let i = 0; i < MEMO_SLOTS; i++) if (this.guessP[i] === p || Number.isNaN(this.guessP[i])) { slot = i; break; }
    if (slot < 0) slot = 0;
    let lo = this.shift[0];
    for (let g = 1; g < this.count; g++) if (this.shift[g] < lo) lo = this.shift[g];
    const guess = this.guessP[slot] === p ? this.guessQ[slot] : NaN;
    if (!this.atomsReady) this.prepareAtoms(shape);
    const q = tailQuantile(this, 1 - p, lo, guess, scaleMs);
    this.guessP[slot] = p;
    this.guessQ[slot] = q;
    for (let i = 0; i < MEMO_SLOTS; i++) {
      if (Number.isNaN(this.memoP[i])) {
        this.memoP[i] = p;
        this.memoQ[i] = q;
        break;
      }
    }
    return q;
  }

  /** Once per set of groups: totals, atom prefix sums, and whether the memo still applies. */
  private prepare(shape: ServiceShape): void {
    if (this.prepared && this.shape === shape) return;
    this.prepared = true;
    this.shape = shape;
    const n = this.count;
    let total = 0;
    for (let g = 0; g < n; g++) total += this.weight[g];
    this.total = total;
    if (!this.sameAsMemo(shape, n, total)) {
      this.memoCount = n;
      this.memoShape = shape;
      if (this.memoFrac.length < n) {
        const m = this.weight.length;
        this.memoFrac = new Float64Array(m);
        this.memoShift = new Float64Array(m);
        this.memoPWait = new Float64Array(m);
        this.memoTheta = new Float64Array(m);
      }
      for (let g = 0; g < n; g++) {
        this.memoFrac[g] = this.weight[g] / total;
        this.memoShift[g] = this.shift[g];
        this.memoPWait[g] = this.pWait[g];
        this.memoTheta[g] = this.theta[g];
      }
      this.memoP.fill(NaN);
    }
    this.atomsReady = false;
  }

  /** Per group with waiting, the prefix sums S over the service atoms (non-exponential service). */
  private prepareAtoms(shape: ServiceShape): void {
    this.atomsReady = true;
    if (shape.expRate > 0) return;
    const n = this.count;
    const q = shape.table;
    const nq = q.length;
    if (this.atomSums.length < n * nq) this.atomSums = new Float64Array(this.weight.length * nq);
    const a = this.atomSums;
    for (let g = 0; g < n; g++) {
      if (!(this.pWait[g] > 0)) continue;
      const th = this.theta[g];
      const o = g * nq;
      let s = 1;
      a[o] = 1;
      for (let m = 1; m < nq; m++) {
        s = 1 + Math.exp(-th * (q[m] - q[m - 1])) * s;
        a[o + m] = s;
      }
    }
  }

  private sameAsMemo(shape: ServiceShape, n: number, total: number): boolean {
    if (n !== this.memoCount || shape !== this.memoShape) return false;
    for (let g = 0; g < n; g++) {
      if (
        this.weight[g] / total !== this.memoFrac[g] ||
        this.shift[g] !== this.memoShift[g] ||
        this.pWait[g] !== this.memoPWait[g] ||
        this.theta[g] !== this.memoTheta[g]
      ) {
        return false;
      }
    }
    return true;
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
