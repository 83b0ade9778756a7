// What a small per-task queue rejects beyond the fluid's excess. The fluid model serves
// min(arrivals, capacity) and rejects what overflows maxQueuePerTask; a stationary queue
// with room for N waiting (M/M/c/K, K = c + N) also rejects the arrivals that find it full
// by chance below capacity, and serves less than capacity above it (its slots idle at
// times). The fraction of the fluid's served requests so lost is
// 1 - lambda (1 - P_K) / min(lambda, c mu) (queueing/finite-buffer.ts). G/G/c: the buffer
// is scaled as Allen-Cunneen scales the wait, N = places / ((ca2 + cs2) / 2) (see
// StationaryWait in fluid-latency.ts); N = 0 is Erlang B, which holds for any service time
// with Poisson arrivals.
//
// Round-robin at concurrency 1 with exponential service and a small buffer (exactErlangBuffer
// in fluid-latency.ts) is exact instead: each task's queue is E_n/M/1/K
// (queueing/erlang-arrivals-buffer.ts). The scaled M/M/c/K only stretched the Poisson
// blocking's shape, which round-robin's smoother arrivals change: 4 tasks, maxQueuePerTask 2,
// rho 0.8 lost 11.4 % where E_4/M/1/3 loses 9.64 %.

import { bufferMatters, erlangArrivalsBuffer, finiteBuffer, newErlangArrivalsBuffer, newFiniteBufferShape } from '../queueing/index.js';
import { exactErlangBuffer } from './fluid-latency.js';

/** The loss fraction at the last inputs, kept until they change (tasks of one period share them). */
export class BufferLoss {
  private lam = NaN;
  private servers = NaN;
  private places = NaN;
  private k = NaN;
  private meanServiceMs = NaN;
  private value = 0;
  private fb = newFiniteBufferShape();
  private enk = newErlangArrivalsBuffer();
  /** Exponential service (set once by the owner): enables the exact E_n/M/1/K chain. */
  expService = false;
  /** Whether the last inputs are solved as E_n/M/1/K; its n. */
  private erlangN = 0;
  /**
   * At the last inputs, P(an admitted request waits): below 1 where the buffer matters (a
   * small queue at its cap still finds a slot free at times), 1 where it does not.
   */
  waiting = 1;
  /** meanQueued() at the last inputs; NaN until asked. */
  private queued = NaN;

  /**
   * The fraction of the fluid's served requests lost to a full buffer: `servers` slots,
   * arrivals at `lambdaPerMs`, room for `places` waiting. 0 where the buffer does not
   * matter (rho^N or rho^-N below 1e-10: with the default maxQueuePerTask of 100 and
   * exponential service, below rho 0.79 and above 1.26).
   */
  at(lambdaPerMs: number, servers: number, places: number, ca2: number, cs2: number, meanServiceMs: number): number {
    const k = (ca2 + cs2) / 2;
    if (lambdaPerMs === this.lam && servers === this.servers && places === this.places && k === this.k && meanServiceMs === this.meanServiceMs) return this.value;
    this.lam = lambdaPerMs;
    this.servers = servers;
    this.places = places;
    this.k = k;
    this.meanServiceMs = meanServiceMs;
    this.queued = NaN;
    const a = lambdaPerMs * meanServiceMs;
    this.erlangN = exactErlangBuffer(this.expService, servers, ca2, places, 1) ? Math.round(1 / ca2) : 0;
    if (this.erlangN > 0) {
      if (bufferMatters(1, a, places)) {
        const r = erlangArrivalsBuffer(this.erlangN, a, places + 1, this.enk);
        // 1 - lambda (1 - P_K) / min(lambda, mu), as finiteBuffer's loss
        this.value = 1 - (a * (1 - r.pFull)) / (a < 1 ? a : 1);
        if (this.value < 0) this.value = 0;
        this.waiting = r.pWait;
      } else {
        this.value = 0;
        this.waiting = 1;
      }
      return this.value;
    }
    const n = places > 0 ? places / k : 0;
    if (bufferMatters(servers, a, n)) {
      const fb = finiteBuffer(servers, a, n, this.fb);
      this.value = fb.loss;
      this.waiting = fb.pWait;
    } else {
      this.value = 0;
      this.waiting = 1;
    }
    return this.value;
  }

  /**
   * The mean number waiting (time average, not in service) of the stationary M/M/c/K chain
   * at the last inputs of `at`: with J the requests ahead of an admitted arrival that waits,
   * (1 - P_K) P(wait) E[J] + P_K N, arrivals seeing the chain's stationary states (PASTA).
   * G/G/c: in the scaled buffer N = places / k, times k (Allen-Cunneen scales the wait by
   * k = (ca2 + cs2) / 2, and Little's law the queue with it), so at most `places`. For the
   * queue a finite buffer holds in an overload: the fluid's cap would be a queue that is
   * always full (M/M/1/3 at rho 1.2: 0.91 waiting, not 2). Computed on demand whether or
   * not the buffer matters (for rho > 1 with a large buffer, about places - k / (rho - 1)).
   */
  meanQueued(): number {
    if (!Number.isNaN(this.queued)) return this.queued;
    const a = this.lam * this.meanServiceMs;
    if (this.erlangN > 0) {
      // E_n/M/1/K: arrivals do not see time averages (not Poisson); Little's law on the
      // admitted rate, lambda (1 - P_K) x the mean wait (meanAhead services)
      if (!(a > 0) || !(this.places > 0)) return (this.queued = 0);
      const r = erlangArrivalsBuffer(this.erlangN, a, this.places + 1, this.enk);
      this.queued = a * (1 - r.pFull) * r.meanAhead;
      return this.queued;
    }
    const n = this.places > 0 ? this.places / this.k : 0;
    if (!(a > 0) || !(n > 0) || !(this.servers >= 1)) return (this.queued = 0);
    const fb = finiteBuffer(this.servers, a, n, this.fb);
    this.queued = this.k * ((1 - fb.pFull) * fb.pWait * fb.aheadMean + fb.pFull * n);
    return this.queued;
  }
}
