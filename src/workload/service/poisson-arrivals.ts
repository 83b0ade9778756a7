// Poisson arrivals with a time-varying rate, taken as piecewise constant per simulated
// second at the trace's mean rate over that second (so expected counts match the trace
// exactly at 1 s resolution). Memorylessness lets a draw that crosses a second boundary
// restart at the boundary with the new rate.

import type { RandomStream } from '../../engine/index.js';
import type { RateTrace } from './types.js';

const SECOND = 1000;
/** Seconds without an arrival scanned before giving up for now (the caller schedules a wake-up). */
const MAX_EMPTY_SECONDS = 3600;

export class PoissonArrivals {
  private second = -1;
  private rate = 0;

  constructor(
    private trace: RateTrace,
    private rng: RandomStream,
  ) {}

  /**
   * The next arrival strictly after `t` (exact ms). Returns a negative number -w when no
   * arrival was found before time w (rate zero for a long while): call again from w.
   */
  next(t: number): number {
    for (let empty = 0; empty <= MAX_EMPTY_SECONDS; empty++) {
      const sec = Math.floor(t / SECOND);
      if (sec !== this.second) {
        this.second = sec;
        const r = this.trace.meanRate(sec * SECOND, sec * SECOND + SECOND);
        this.rate = r > 0 ? r : 0;
      }
      const end = (sec + 1) * SECOND;
      if (this.rate > 0) {
        const gap = (-Math.log(1 - this.rng.next()) * SECOND) / this.rate;
        if (t + gap < end) return t + gap;
      }
      t = end;
    }
    return -t;
  }
}
