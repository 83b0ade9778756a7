// The cumulative arrivals A(t) of a queue service's shared queue over the span its backlog
// covers, for FIFO waits: the message served when S messages have been served is message
// number S, which arrived when A passed S (A^-1(S)). The fluid model takes one
// arrival rate per metric period, so A is piecewise linear with a breakpoint at each period
// end: kept as those points (time, cumulative arrivals), the older ones dropped as the
// messages that arrived then are served. Consecutive periods at the same rate are one
// segment (a steady load keeps two points however old its backlog); at most MAX_POINTS
// points are kept: beyond, every other point of the curve is dropped (A is then linear
// between the kept ones), so memory is bounded whatever the backlog's age.

import { growF64 } from './typed-grow.js';

/** At most this many breakpoints (about 68 h of 60 s periods of changing rates). */
export const MAX_POINTS = 4096;

export class ArrivalCurve {
  private t = new Float64Array(16);
  private c = new Float64Array(16);
  private head = 0;
  private end = 0;

  /** Points kept (for tests). */
  get length(): number {
    return this.end - this.head;
  }

  /** The cumulative arrivals at the last point (0 when empty). */
  get last(): number {
    return this.end > this.head ? this.c[this.end - 1] : 0;
  }

  /** Appends A(timeMs) = cumulative (timeMs after, cumulative at least the last point's). */
  push(timeMs: number, cumulative: number): void {
    let n = this.end;
    if (n > this.head && !(timeMs > this.t[n - 1])) return;
    if (n - this.head >= 2) {
      // same rate as the last segment: extend it (the middle point carries nothing)
      const t0 = this.t[n - 2];
      const c0 = this.c[n - 2];
      const t1 = this.t[n - 1];
      const c1 = this.c[n - 1];
      const s1 = (c1 - c0) / (t1 - t0);
      const s2 = (cumulative - c1) / (timeMs - t1);
      if (Math.abs(s2 - s1) <= 1e-12 * Math.max(Math.abs(s1), Math.abs(s2))) n--;
    }
    if (n === this.t.length) {
      if (this.head > 0) {
        this.t.copyWithin(0, this.head, n);
        this.c.copyWithin(0, this.head, n);
        n -= this.head;
        this.head = 0;
      }
      if (n === this.t.length) {
        if (n >= MAX_POINTS) n = this.coarsen(n);
        else {
          this.t = growF64(this.t, n * 2);
          this.c = growF64(this.c, n * 2);
        }
      }
    }
    this.t[n] = timeMs;
    this.c[n] = cumulative;
    this.end = n + 1;
  }

  /**
   * Drops the points no longer needed once the messages up to number `served` are served:
   * the curve keeps the segment in which A passes `served`.
   */
  prune(served: number): void {
    while (this.end - this.head >= 2 && this.c[this.head + 1] <= served) this.head++;
  }

  /**
   * When the message after number x arrived: the first time A exceeds x (A^-1 continuous
   * from the right, so a stretch with no arrivals before it is skipped: the next message
   * served after x messages is the first to arrive after the pause); the last point's time
   * beyond the curve.
   */
  timeOf(x: number): number {
    const h = this.head;
    const e = this.end;
    if (e === h) return 0;
    if (x < this.c[h]) return this.t[h];
    if (!(x < this.c[e - 1])) return this.t[e - 1];
    return interpolate(this.c, this.t, h, e, x); // c[h] <= x < c[e - 1]
  }

  /**
   * The cumulative arrivals at timeMs (A, linear between the points): the first point's
   * count before it (A is kept from the oldest waiting message's segment on, so nothing
   * waiting arrived before), the last point's after it.
   */
  at(timeMs: number): number {
    const h = this.head;
    const e = this.end;
    if (e === h) return 0;
    if (!(timeMs > this.t[h])) return this.c[h];
    if (!(timeMs < this.t[e - 1])) return this.c[e - 1];
    return interpolate(this.t, this.c, h, e, timeMs); // t[h] < timeMs < t[e - 1]
  }

  /** The first point's time (the oldest waiting message arrived at or after it); Infinity when empty. */
  get firstTime(): number {
    return this.end > this.head ? this.t[this.head] : Infinity;
  }

  /** Keeps every other point (the first and last always): returns the new end. */
  private coarsen(n: number): number {
    let w = 1;
    for (let i = 2; i < n - 1; i += 2) {
      this.t[w] = this.t[i];
      this.c[w] = this.c[i];
      w++;
    }
    this.t[w] = this.t[n - 1];
    this.c[w] = this.c[n - 1];
    return w + 1;
  }
}

/**
 * ys at x, linear between the points of the non-decreasing xs (xs[h] <= x < xs[e - 1]):
 * between the first point with xs above x and the one before it. timeOf reads the curve
 * one way (c to t), `at` the other (t to c).
 */
function interpolate(xs: Float64Array, ys: Float64Array, h: number, e: number, x: number): number {
  let lo = h + 1;
  let hi = e - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  const x0 = xs[lo - 1];
  const y0 = ys[lo - 1];
  return y0 + ((x - x0) / (xs[lo] - x0)) * (ys[lo] - y0);
}
