// Latency percentiles of the fluid mode: the service's percentiles are those of a mixture
// of groups of requests weighted by requests served. A group served without a fluid
// backlog is an Allen-Cunneen G/G/c queue (c = concurrency, its arrival rate, the
// stretched service time). A group served while its queue held a fluid backlog waits for
// that backlog to drain ahead of it (addBacklogged): the backlog is the queue, so no
// stationary G/G/c wait is added on top (it would count the queue twice).
// Round-robin at concurrency 1 with exponential service and a small maxQueuePerTask is exact
// instead: E_n/M/1/K, its wait a mixture of Erlangs, one group per order (StationaryWait.atErlang).
// Other routings and concurrencies with exponential service and a small maxQueuePerTask take
// the chain's own wait at the true load the same way, also behind a buffer held full in an
// overload (StationaryWait.atChain, LatencyGroups.addFullBuffer): exact for random routing.
//
// Speed (this runs every metric period of every service): the mixture's tail and density
// are evaluated together and the percentiles solved by safeguarded Newton, warm-started at
// the previous period's answer; the 64-atom convolution of non-exponential service times
// is turned into one exp per evaluation by per-group prefix sums; and when a period's
// groups are exactly those of the previous period, the previous percentiles are returned.

import {
  allenCunneenWait,
  bufferMatters,
  erlangArrivalsBuffer,
  chainRatio as routedChainRatio,
  erlangArrivalsSigma,
  erlangTail,
  newErlangArrivalsBuffer,
  routedWait,
  type RoutedWaitShape,
  type WaitShape,
  finiteBuffer,
  newFiniteBufferShape,
  tailQuantile,
  type TailWithDensity,
} from '../queueing/index.js';
import { serviceTailDensity, type ServiceShape } from './service-shape.js';

/** Utilization above which the stationary formulas are held (the fluid backlog carries overload). */
export const RHO_CAP = 0.98;

const MEMO_SLOTS = 4;
const LN_20 = Math.log(20);

/**
 * Round-robin at concurrency 1 with exponential service and at most this many places
 * waiting (maxQueuePerTask) is solved exactly as E_n/M/1/K (queueing/erlang-arrivals-buffer.ts):
 * its wait is a mixture of up to this many Erlangs, one latency group each. Larger buffers
 * keep the scaled M/M/c/K approximation (few groups; their buffer matters only near rho 1).
 */
export const EXACT_ERLANG_MAX_PLACES = 16;

/**
 * Whether a task's queue is solved as E_n/M/1/K: one slot, round-robin's Erlang-n arrivals
 * (scv ca2 = 1 / n, n >= 2), exponential service, a buffer of at most EXACT_ERLANG_MAX_PLACES.
 */
export function exactErlangBuffer(expService: boolean, servers: number, ca2: number, places: number, jsqTasks: number): boolean {
  return expService && servers === 1 && jsqTasks <= 1 && ca2 > 0 && ca2 < 1 && places >= 0 && places <= EXACT_ERLANG_MAX_PLACES;
}

/**
 * Whether a buffer of `places` per task is small enough for the M/M/c/K or E_n/M/c/K
 * chain's own waits: exponential service, a whole number of places from 1 to
 * EXACT_ERLANG_MAX_PLACES (the stationary waits, atChain, and a buffer held full,
 * fluid-model's addFullBuffer, agree on it).
 */
export function smallChainBuffer(expService: boolean, places: number): boolean {
  return expService && places >= 1 && places <= EXACT_ERLANG_MAX_PLACES && Number.isInteger(places);
}

/**
 * P(W + S > x) for W ~ Erlang(j, nu) (the wait for j departures of busy slots) and S ~ Exp(mu)
 * (the service), nu >= mu (nu = c mu); `out.density` is its density at x. With z = nu x and
 * y = (nu - mu) x: e^-z (sum_{i<j} z^i / i! + z^j / j! sum_{m>=0} y^m j! / (j + m)!), the
 * density mu e^-z z^j / j! times the same series (at nu = mu the series is 1: Erlang(j + 1, nu)).
 * For y > j + 1 the series would grow like e^y: the equal form P(W > x) + e^(-mu x)
 * (nu / (nu - mu))^j P(Erlang(j, nu - mu) <= x) instead (that probability is then not small,
 * so no cancellation).
 */
export function erlangServiceTail(j: number, nu: number, mu: number, x: number, out: { density: number }): number {
  if (Math.abs(nu - mu) <= 1e-9 * mu) {
    // Erlang(j + 1, nu)
    const z = nu * x;
    const e = Math.exp(-z);
    let term = 1;
    let sum = 1;
    for (let i = 1; i <= j; i++) {
      term *= z / i;
      sum += term;
    }
    out.density = nu * e * term;
    return e * sum;
  }
  const y = (nu - mu) * x;
  if (y > j + 1) {
    const d = nu - mu;
    const part = Math.exp(j * Math.log(nu / d) - mu * x) * (1 - erlangTail(j, d, x));
    out.density = mu * part;
    return erlangTail(j, nu, x) + part;
  }
  const z = nu * x;
  const e = Math.exp(-z);
  let term = 1;
  let lower = 0;
  for (let i = 1; i <= j; i++) {
    lower += term;
    term *= z / i;
  }
  // term = z^j / j!
  let ser = 1;
  let t = 1;
  for (let m = 1; m < 400; m++) {
    t *= y / (j + m);
    ser += t;
    if (!(t > 1e-17 * ser)) break;
  }
  out.density = mu * e * term * ser;
  return e * (lower + term * ser);
}

/**
 * The stationary Allen-Cunneen G/G/c wait, kept until the inputs change (the O(servers)
 * Erlang B / C is not recomputed for repeated inputs). With room for `places` waiting
 * (maxQueuePerTask; pooled slots: that per task pooled) the wait of an admitted request is
 * truncated: the M/M/c/K figures (queueing/finite-buffer.ts) with the buffer scaled as
 * Allen-Cunneen scales the wait, N = places / k, k = (ca2 + cs2) / 2 (the G/G/c queue is
 * the M/M/c one stretched by k: a buffer of `places` holds places / k of its units). A
 * waiting request waits for J + 1 departures of c busy slots (J ahead, truncated
 * geometric), times k; its distribution is a blend of two shapes with that exact mean:
 * - "cut": the untruncated exponential wait (rate theta = (c mu - lambda) / k) less the
 *   part a full buffer cuts off, rho^N x (the drain time of the buffer, places / (c mu),
 *   plus the same exponential; by memorylessness exact but for taking the N departures'
 *   time as its mean). A mixture with a negative weight, a true distribution (its density
 *   stays positive as rho^N e^(N (1 - rho)) <= 1). Right for large N: p95 within 2 % of the
 *   exact M/M/c/K (N 100), where a moment fit lost 3-9 % (its sd drops with the far tail).
 * - "fit": a shift plus an exponential of the same mean and standard deviation (as behind
 *   a fluid backlog). Right for small N, where the N departures' spread matters.
 * weighted (N - 1) / (N + 19) and the rest (p95 of the wait within 10 %, p99 within 18 % of
 * the exact M/M/c/K over N 2-300, rho 0.3-1). Where the buffer does not matter (rho^N below
 * 1e-10, below RHO_CAP) this is the plain Allen-Cunneen wait. Where it does, and always
 * from RHO_CAP on (maxQueuePerTask is finite), the truncated wait at the true rate (held at
 * rho 1: beyond, the fluid backlog carries the overload): exact M/M/c/K figures for any
 * buffer (maxQueuePerTask 1000, rho 0.99: Lq 96.77 and p50 / p95 / p99 within 0.01 % of the
 * chain's; until the fix the wait there was held at that of rho 0.98, Lq 46.84, where
 * request fidelity showed 88-91). It is the stationary queue: near rho 1 a large buffer
 * takes long to reach it (about 1 / (c mu (1 - sqrt rho)^2), 17 min at c 4, 100 ms, rho
 * 0.99), so the first minutes of such a load read higher than request fidelity.
 * The routing's corrections (queueing/routed-wait.ts) scale the truncated shape as they
 * change the untruncated wait: P(wait) by their ratio, times by the inverse rate ratio.
 * Round-robin at concurrency 1, exponential service, at most EXACT_ERLANG_MAX_PLACES: none of
 * the above, the exact E_n/M/1/K (atErlang). Other routings and concurrencies with exponential
 * service and at most EXACT_ERLANG_MAX_PLACES per task: none of the above either, the chain's
 * own Erlang mixture at the true load, below or above capacity (atChain).
 */
class StationaryWait {
  /** P(an admitted request waits). */
  pWait = 0;
  /** Untruncated: the exponential wait's rate (Infinity: no wait). */
  theta = Infinity;
  /** The last E_k/M/1 root of round-robin's wait (routedWait's warm start). */
  sigma = 0;
  /** Whether the wait is truncated (the fields below describe it). */
  truncated = false;
  /** Mean wait of an admitted request, ms (those that do not wait count 0). */
  meanMs = 0;
  /** Share of the waiting requests in the "cut" shape, its rate, rho^N and the buffer's drain time (ms). */
  cutShare = 0;
  cutTheta = 0;
  cutQ = 0;
  cutShift = 0;
  /** The "fit" shape: shift (ms) and rate. */
  fitShift = 0;
  fitTheta = 0;
  /**
   * Round-robin, concurrency 1, exponential service, a small buffer (exactErlangBuffer): the
   * wait is exactly the E_n/M/1/K mixture below (pWait, truncated and meanMs are set too).
   */
  erlang = false;
  /** erlang: the service rate (per ms) and the waiting places K - 1 (room for K in the system). */
  erlangMu = 0;
  erlangPlaces = 0;
  /** erlang: ahead[j], j = 1..places: P(the admitted arrival waits for j services | it waits). */
  erlangAhead = new Float64Array(EXACT_ERLANG_MAX_PLACES + 1);
  /** Exponential service (set once by the owner): enables the exact E_n/M/1/K wait. */
  expService = false;
  private enk = newErlangArrivalsBuffer();
  /** atChain's inputs (besides erlangPlaces and erlangMu). */
  private chainPWait = NaN;
  private chainRatio = NaN;
  private p95 = 0;
  private lam = NaN;
  private servers = NaN;
  private ca2 = NaN;
  private cs2 = NaN;
  private meanServiceMs = NaN;
  private places = NaN;
  private jsqTasks = NaN;
  private fb = newFiniteBufferShape();
  private acScratch: WaitShape = { pWait: 0, theta: Infinity };
  /** The routed wait's last answer (its pWait warm-starts the E_n/M/1 root). */
  private rwScratch: RoutedWaitShape = { pWait: 0, theta: Infinity, sigma: 0 };

  at(lambdaPerMs: number, servers: number, ca2: number, cs2: number, meanServiceMs: number, places: number, jsqTasks: number): this {
    if (lambdaPerMs === this.lam && servers === this.servers && ca2 === this.ca2 && cs2 === this.cs2 && meanServiceMs === this.meanServiceMs && places === this.places && jsqTasks === this.jsqTasks) return this;
    this.jsqTasks = jsqTasks;
    this.lam = lambdaPerMs;
    this.servers = servers;
    this.ca2 = ca2;
    this.cs2 = cs2;
    this.meanServiceMs = meanServiceMs;
    this.places = places;
    this.truncated = false;
    this.erlang = false;
    if (exactErlangBuffer(this.expService, servers, ca2, places, jsqTasks) && lambdaPerMs * meanServiceMs > 0 && bufferMatters(1, lambdaPerMs * meanServiceMs, places)) {
      this.atErlang(lambdaPerMs * meanServiceMs, Math.round(1 / ca2), meanServiceMs, places);
      return this;
    }
    const a = lambdaPerMs * meanServiceMs;
    // random or least-outstanding, exponential service, a small buffer: the M/M/c/K chain's
    // own waits at the true load (atChain); least-outstanding's per task of the pooled chain
    const tasks = jsqTasks > 1 ? jsqTasks : 1;
    const perTask = places / tasks;
    if (smallChainBuffer(this.expService, perTask) && (ca2 === 1 || tasks > 1) && a > 0 && bufferMatters(servers, a, places)) {
      const fb = finiteBuffer(servers, a, places, this.fb);
      const rho = a / servers;
      this.atChain(fb.pWait, routedChainRatio(rho, ca2, tasks), perTask, servers / tasks / meanServiceMs);
      return this;
    }
    const k = (ca2 + cs2) / 2;
    const n = places / k;
    // round-robin over several slots, exponential service, a small buffer: the same mixture
    // with the E_n/M/c root sigma as the ratio (below capacity the root in (0, 1), above it
    // the one above 1), P(wait) of the scaled M/M/c/K at the true load (BufferLoss.waiting)
    if (smallChainBuffer(this.expService, places) && ca2 < 1 && tasks === 1 && servers > 1 && a > 0 && bufferMatters(servers, a, n)) {
      const rho = a / servers;
      const sigma = routedChainRatio(rho, ca2, tasks);
      const pw = finiteBuffer(servers, a, n, this.fb).pWait;
      // routedWait's P(wait) over Allen-Cunneen's at the load held below RHO_CAP: its E_n/M/c
      // root over the utilization (routed-wait.ts), warm-started from the last one
      const rc = rho < RHO_CAP ? rho : RHO_CAP;
      const sc = erlangArrivalsSigma(1 / ca2, rc, this.rwScratch.sigma ?? 0);
      this.rwScratch.sigma = sc;
      const ps = sc > 0 ? sc / rc : 1;
      this.atChain(Math.min(1, pw * ps), sigma, places, servers / meanServiceMs);
      return this;
    }
    const cap = (RHO_CAP * servers) / meanServiceMs;
    const held = a >= RHO_CAP * servers;
    if (k > 1e-12 && a > 0 && n < Infinity && (held || bufferMatters(servers, a, n))) {
      const rho = a > servers ? 1 : a / servers;
      const fb = finiteBuffer(servers, rho * servers, n, this.fb);
      const perSlotMs = meanServiceMs / servers; // mean time between departures of busy slots
      const meanMs = k * (fb.aheadMean + 1) * perSlotMs;
      let sd = k * Math.sqrt(fb.aheadMean + 1 + fb.aheadVar) * perSlotMs;
      if (sd > meanMs) sd = meanMs;
      this.fitShift = meanMs - sd;
      this.fitTheta = 1 / sd;
      // the cut shape needs rho^N away from 1 (its weights are 1 / (1 - rho^N)): rho held
      // below 1 - 0.001 / N, which leaves it a uniform wait on the drain time at rho 1
      this.cutShare = n > 1 ? (n - 1) / (n + 19) : 0;
      const rc = rho < 1 - 1e-3 / n ? rho : 1 - 1e-3 / n;
      this.cutTheta = (1 - rc) / (k * perSlotMs);
      this.cutQ = Math.exp(n * Math.log(rc));
      this.cutShift = places * perSlotMs;
      // the routing's correction of the untruncated wait (routed-wait.ts: round-robin's
      // Erlang-n arrivals, least-outstanding's wait at the own task) carried over to the
      // truncated shape in proportion: P(wait) x its ratio, the time scale / its rate ratio
      let pScale = 1;
      let tScale = 1;
      if (ca2 < 1 || jsqTasks > 1) {
        const lam = lambdaPerMs > cap ? cap : lambdaPerMs;
        const ac = allenCunneenWait(lam, meanServiceMs, servers, ca2, cs2, this.acScratch);
        const acP = ac.pWait;
        const acTheta = ac.theta;
        const rw = routedWait(lam, meanServiceMs, servers, ca2, cs2, jsqTasks, this.rwScratch);
        if (acP > 0 && rw.pWait > 0 && acTheta < Infinity && rw.theta < Infinity) {
          pScale = rw.pWait / acP;
          tScale = rw.theta / acTheta;
          this.fitShift /= tScale;
          this.fitTheta *= tScale;
          this.cutTheta *= tScale;
          this.cutShift /= tScale;
        }
      }
      this.truncated = true;
      this.pWait = Math.min(1, fb.pWait * pScale);
      this.p95 = this.solveP95();
      // both shapes have the mean meanMs (of those who wait), its time scale corrected as
      // theirs: the mean wait of an admitted request is the corrected P(wait) x meanMs / tScale
      // (the queue count, Little's law, follows the corrected shape the latency uses)
      this.meanMs = (this.pWait * meanMs) / tScale;
      return this;
    } else {
      routedWait(lambdaPerMs > cap ? cap : lambdaPerMs, meanServiceMs, servers, ca2, cs2, jsqTasks, this);
    }
    this.p95 = this.p95Exp();
    this.meanMs = this.pWait > 0 && this.theta < Infinity ? this.pWait / this.theta : 0;
    return this;
  }

  /**
   * The exact E_n/M/1/K wait of round-robin over n tasks at utilisation a (held at 1: beyond,
   * the fluid backlog carries the overload, as for the scaled buffer above), room for
   * `places` waiting: an admitted arrival that finds j in the system waits Erlang(j, mu).
   * Unlike the scaled M/M/c/K shape there is no cap by the untruncated wait near rho 1: the
   * buffer is small (at most EXACT_ERLANG_MAX_PLACES), it fills and empties many times a period.
   */
  private atErlang(a: number, n: number, meanServiceMs: number, places: number): void {
    const r = erlangArrivalsBuffer(n, a > 1 ? 1 : a, places + 1, this.enk);
    this.erlang = true;
    this.truncated = true;
    this.erlangMu = 1 / meanServiceMs;
    this.erlangPlaces = places;
    for (let j = 1; j <= places; j++) this.erlangAhead[j] = r.ahead[j];
    this.pWait = r.pWait;
    this.meanMs = r.meanAhead * meanServiceMs;
    this.chainPWait = NaN;
    this.p95 = this.erlangP95((places + 1) * meanServiceMs);
  }

  /**
   * A small buffer's wait from its chain (exponential service): a share `pWait` of the
   * admitted requests waits, for j = 1..places departures of the task's busy slots
   * (Erlang(j, nu), nu = c mu) with probability proportional to ratio^(j - 1) (see
   * LatencyGroups.addFullBuffer). Random routing below or above capacity (ratio rho, pWait
   * of M/M/c/K at the true load): the exact M/M/c/K wait of an admitted request, which finds
   * n = c + j - 1 in the system with probability p_n / (1 - P_K). Kept while the inputs repeat.
   */
  atChain(pWait: number, ratio: number, places: number, nuPerMs: number): this {
    if (this.erlang && pWait === this.chainPWait && ratio === this.chainRatio && places === this.erlangPlaces && nuPerMs === this.erlangMu) return this;
    this.chainPWait = pWait;
    this.chainRatio = ratio;
    this.erlang = true;
    this.truncated = true;
    this.erlangMu = nuPerMs;
    this.erlangPlaces = places;
    // weights ratio^(j - 1), taken from the top when ratio > 1 (no overflow)
    const up = ratio > 1;
    const r = up ? 1 / ratio : ratio;
    let sum = 0;
    let w = 1;
    for (let i = 0; i < places; i++) {
      this.erlangAhead[up ? places - i : i + 1] = w;
      sum += w;
      w *= r;
    }
    let mean = 0;
    for (let j = 1; j <= places; j++) {
      this.erlangAhead[j] /= sum;
      mean += j * this.erlangAhead[j];
    }
    this.pWait = pWait < 1 ? pWait : 1;
    this.meanMs = (this.pWait * mean) / nuPerMs;
    this.p95 = this.erlangP95((places + 1) / nuPerMs);
    return this;
  }

  /** The 95th percentile of the Erlang-mixture wait (erlang) by bisection from [0, hi0], 0 when fewer than 5 % wait. */
  private erlangP95(hi0: number): number {
    let p95 = 0;
    if (this.pWait > 0.05) {
      let lo = 0;
      let hi = hi0;
      for (let i = 0; i < 200 && this.erlangWaitTail(hi) > 0.05; i++) hi *= 2;
      for (let i = 0; i < 100 && hi - lo > 1e-9 * hi; i++) {
        const mid = 0.5 * (lo + hi);
        if (this.erlangWaitTail(mid) > 0.05) lo = mid;
        else hi = mid;
      }
      p95 = 0.5 * (lo + hi);
    }
    return p95;
  }

  /** P(wait > x) of an admitted request, the exact E_n/M/1/K mixture of Erlangs. */
  private erlangWaitTail(x: number): number {
    let s = 0;
    for (let j = 1; j <= this.erlangPlaces; j++) s += this.erlangAhead[j] * erlangTail(j, this.erlangMu, x);
    return this.pWait * s;
  }

  /** The 95th percentile of an exponential wait (pWait, theta). */
  private p95Exp(): number {
    return this.pWait > 0.05 && this.theta < Infinity ? Math.log(this.pWait / 0.05) / this.theta : 0;
  }

  /** P(wait > x) of an admitted request, truncated shapes. */
  private waitTail(x: number): number {
    let cut = 0;
    if (this.cutShare > 0) {
      const q = this.cutQ;
      const th = this.cutTheta;
      cut = (Math.exp(-th * x) - q * (x < this.cutShift ? 1 : Math.exp(-th * (x - this.cutShift)))) / (1 - q);
    }
    const fit = x < this.fitShift ? 1 : Math.exp(-this.fitTheta * (x - this.fitShift));
    return this.pWait * (this.cutShare * cut + (1 - this.cutShare) * fit);
  }

  /** The 95th percentile of the truncated wait by bisection (once per change of inputs). */
  private solveP95(): number {
    if (!(this.pWait > 0.05)) return 0;
    let lo = 0;
    let hi = this.fitShift + 1 / this.fitTheta;
    for (let i = 0; i < 200 && this.waitTail(hi) > 0.05; i++) hi *= 2;
    for (let i = 0; i < 100 && hi - lo > 1e-9 * hi; i++) {
      const mid = 0.5 * (lo + hi);
      if (this.waitTail(mid) > 0.05) lo = mid;
      else hi = mid;
    }
    return 0.5 * (lo + hi);
  }

  /** The 95th percentile of the wait, 0 when fewer than 5 % wait. */
  p95Ms(): number {
    return this.p95;
  }
}

/** Reusable arrays describing latency groups (struct of arrays, no per-period allocation). */
export class LatencyGroups implements TailWithDensity {
  count = 0;
  weight = new Float64Array(16);
  shift = new Float64Array(16);
  pWait = new Float64Array(16);
  theta = new Float64Array(16);
  /**
   * 0 for a plain group. A truncated wait's "cut" shape is a pair of groups (pushStationary):
   * its positive part carries q (in (0, 1)) here, and the negative part, always the next
   * group, -1. The run mixture (fluid-run-latency.ts) keeps the pair as one compound group.
   */
  cutQ = new Float64Array(16);
  /**
   * 0 for a plain group; j >= 2: the wait is Erlang(j, nu), nu = j theta (mean pWait / theta
   * as a plain group's, pWait 1): the exact E_n/M/1/K wait of one who finds j in the system
   * (StationaryWait), or the wait for j departures of c busy slots behind a full buffer
   * (addFullBuffer, nu = c mu). Only with exponential service (rate mu): the latency is
   * Erlang(j, nu) + Exp(mu) (erlangServiceTail; Erlang(j + 1, nu) at c = 1). Never part of
   * a cut pair.
   */
  order = new Float64Array(16);
  /** -d/dt of the mixture tail at the last tailAt point. */
  density = 0;
  /** The G/G/c waits of add() and of addBacklogged's floor (each kept while its inputs repeat). */
  private groupWait = new StationaryWait();
  private floorWait = new StationaryWait();
  /** addFullBuffer's chain wait. */
  private fullWait = new StationaryWait();

  /** Exponential service: round-robin at concurrency 1 with a small buffer is solved exactly (E_n/M/1/K). */
  setExponentialService(on: boolean): void {
    this.groupWait = new StationaryWait();
    this.floorWait = new StationaryWait();
    this.fullWait = new StationaryWait();
    this.groupWait.expService = on;
    this.floorWait.expService = on;
  }
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
  private memoOrder = new Float64Array(16);
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
   * `lambdaPerMs` with room for `places` waiting (Infinity: unbounded): a stationary G/G/c
   * queue, its wait truncated by a small buffer (StationaryWait). Merges with the previous
   * group when identical.
   */
  add(weight: number, lambdaPerMs: number, servers: number, ca2: number, cs2: number, meanServiceMs: number, places: number, jsqTasks = 1): void {
    if (!(weight > 0)) return;
    this.prepared = false;
    // symmetric tasks repeat the same inputs: the wait is kept until they change
    this.pushStationary(weight, this.groupWait.at(lambdaPerMs, servers, ca2, cs2, meanServiceMs, places, jsqTasks));
  }

  /**
   * The mean number waiting (not in service) in the stationary queue add() describes for
   * the same inputs: by Little's law, the admitted arrival rate (`admitted` of
   * `lambdaPerMs`, at most the rate the wait is computed at: capped at RHO_CAP of the
   * slots' capacity, or at it for a truncated wait) x the mean wait. So the queue length
   * the fluid model reports and the wait it gives the requests agree.
   */
  stationaryWaiting(lambdaPerMs: number, servers: number, ca2: number, cs2: number, meanServiceMs: number, places: number, admitted: number, jsqTasks = 1): number {
    if (!(lambdaPerMs > 0) || !(servers > 0) || !(admitted > 0)) return 0;
    const w = this.groupWait.at(lambdaPerMs, servers, ca2, cs2, meanServiceMs, places, jsqTasks);
    const cap = ((w.truncated ? 1 : RHO_CAP) * servers) / meanServiceMs;
    return (lambdaPerMs > cap ? cap : lambdaPerMs) * admitted * w.meanMs;
  }

  /**
   * Adds `weight` requests served while their task's small buffer (room for `places` waiting,
   * at most EXACT_ERLANG_MAX_PLACES) was at its stationary full state, exponential service:
   * a share `pWait` (M/M/c/K's P(an admitted request waits), BufferLoss.waiting) finds all
   * slots busy and j - 1 = 0..places - 1 waiting ahead with probability proportional to
   * ratio^(j - 1), and waits for j departures of the busy slots, Erlang(j, nu) with nu the
   * task's service rate (c mu). ratio: rho for random routing (the M/M/c/K chain at the true
   * load: exact), the E_n/M/c root sigma > 1 for round-robin, and for least-outstanding the
   * pooled chain's rho to the power of the tasks (its n - C waiting spread over T tasks: the
   * shortest queue holds floor((n - C) / T)). The rest wait not at all.
   */
  addFullBuffer(weight: number, pWait: number, ratio: number, places: number, nuPerMs: number): void {
    if (!(weight > 0)) return;
    this.prepared = false;
    this.pushStationary(weight, this.fullWait.atChain(pWait, ratio, places, nuPerMs));
  }

  /** Adds `weight` requests that found a slot free: no wait, the service time alone. */
  addNoWait(weight: number): void {
    if (!(weight > 0)) return;
    this.prepared = false;
    this.push(weight, 0, 0, Infinity);
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
   * `places`: the room for waiting requests of that stationary queue.
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
    places: number,
    jsqTasks = 1,
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
      const w = this.floorWait.at(lambdaPerMs, servers, ca2, cs2, meanServiceMs, places, jsqTasks);
      if (w.p95Ms() > (pWait > 0 ? shiftMs + LN_20 / theta : 0)) {
        this.pushStationary(weight, w);
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
  addGroup(weight: number, shiftMs: number, pWait: number, theta: number, order = 0): void {
    // a negative weight: the negative part of a truncated wait (pushStationary)
    if (weight === 0 || !(Math.abs(weight) < Infinity)) return;
    this.prepared = false;
    this.push(weight, shiftMs, pWait, theta, 0, order);
  }

  /**
   * A stationary wait as groups: one group when the wait is exponential; a truncated wait
   * is those who do not wait, the "cut" shape (an exponential, less a negative-weight
   * shifted copy of it) and the "fit" shape (see StationaryWait).
   */
  private pushStationary(weight: number, w: StationaryWait): void {
    if (!w.truncated) {
      this.push(weight, 0, w.pWait, w.theta);
      return;
    }
    const waiting = weight * w.pWait;
    if (weight - waiting > 0) this.push(weight - waiting, 0, 0, Infinity);
    if (!(waiting > 0)) return;
    if (w.erlang) {
      // E_n/M/1/K: j ahead waits Erlang(j, mu), a group each (j = 1 a plain Exp(mu) wait)
      const mu = w.erlangMu;
      for (let j = 1; j <= w.erlangPlaces; j++) {
        const wj = waiting * w.erlangAhead[j];
        if (wj > 0) this.push(wj, 0, 1, mu / j, 0, j > 1 ? j : 0);
      }
      return;
    }
    const cut = waiting * w.cutShare;
    if (cut > 0) {
      const q = w.cutQ;
      if (q > 0) {
        this.push(cut / (1 - q), 0, 1, w.cutTheta, q);
        this.push((-cut * q) / (1 - q), w.cutShift, 1, w.cutTheta, -1);
      } else {
        this.push(cut, 0, 1, w.cutTheta);
      }
    }
    if (waiting - cut > 0) this.push(waiting - cut, w.fitShift, 1, w.fitTheta);
  }

  /** Appends a group, or merges it into the previous one when identical (parts of a cut pair never merge). */
  private push(weight: number, shiftMs: number, pWait: number, theta: number, cutQ = 0, order = 0): void {
    const n = this.count;
    if (n > 0 && cutQ === 0 && this.cutQ[n - 1] === 0 && this.order[n - 1] === order && this.pWait[n - 1] === pWait && this.theta[n - 1] === theta && this.shift[n - 1] === shiftMs) {
      this.weight[n - 1] += weight;
      return;
    }
    if (n === this.weight.length) this.grow();
    this.weight[n] = weight;
    this.shift[n] = shiftMs;
    this.pWait[n] = pWait;
    this.theta[n] = theta;
    this.cutQ[n] = cutQ;
    this.order[n] = order;
    this.count = n + 1;
  }

  private grow(): void {
    const m = this.weight.length * 2;
    for (const k of ['weight', 'shift', 'pWait', 'theta', 'cutQ', 'order'] as const) {
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
      const ord = this.order[g];
      if (ord > 0 && mu > 0) {
        const t2 = erlangServiceTail(ord, ord * this.theta[g], mu, x, this.sd);
        s += w * t2;
        dens += w * this.sd.density;
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
        this.memoOrder = new Float64Array(m);
      }
      for (let g = 0; g < n; g++) {
        this.memoFrac[g] = this.weight[g] / total;
        this.memoShift[g] = this.shift[g];
        this.memoPWait[g] = this.pWait[g];
        this.memoTheta[g] = this.theta[g];
        this.memoOrder[g] = this.order[g];
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
        this.theta[g] !== this.memoTheta[g] ||
        this.order[g] !== this.memoOrder[g]
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
