// The lazy series holds only its last `kept` values and starts over for an older one:
// value k is the k-th draw whatever the order of the questions.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { lazySeries, keptFor, KEPT, KEPT_MS } from '../../../src/workload/trace/lazy-series.js';
import { RandomStreams } from '../../../src/engine/index.js';
import { build, S } from './helpers.js';

/** A series of uniform draws, each plus the previous value (so order mistakes show). */
function series(kept: number) {
  const streams = new RandomStreams(7);
  let starts = 0;
  const s = lazySeries(() => {
    starts++;
    const rng = streams.fresh('walk');
    return (k, previous) => (k === 0 ? 0 : previous + rng.next());
  }, kept);
  return { s, starts: () => starts };
}

/** The first n values drawn in order, the reference. */
function reference(n: number): number[] {
  const rng = new RandomStreams(7).stream('walk');
  const out = [0];
  for (let k = 1; k < n; k++) out.push(out[k - 1] + rng.next());
  return out;
}

describe('lazySeries', () => {
  it('value k is the k-th draw for any order of questions, whatever is held', () => {
    const ref = reference(200);
    fc.assert(
      fc.property(fc.array(fc.nat(199), { maxLength: 60 }), fc.constantFrom(1, 2, 8, 64, 256), (ks, kept) => {
        const { s } = series(kept);
        for (const k of ks) expect(s(k)).toBe(ref[k]);
      }),
      { numRuns: 300 },
    );
  });

  it('forward questions draw once; an older one than the last `kept` starts over', () => {
    const ref = reference(10_000);
    const { s, starts } = series(KEPT);
    for (let k = 0; k < 10_000; k += 3) expect(s(k)).toBe(ref[k]);
    expect(starts()).toBe(1);
    expect(s(9_999 - KEPT + 1)).toBe(ref[9_999 - KEPT + 1]); // still held
    expect(starts()).toBe(1);
    expect(s(5)).toBe(ref[5]); // not held: drawn again from the start
    expect(starts()).toBe(2);
    expect(s(9_999)).toBe(ref[9_999]);
  });

  it('after a restart the ring reaches that far back: the same pattern does not restart again', () => {
    const ref = reference(40_000);
    const { s, starts } = series(KEPT);
    // a lookahead of 10 000 values, then a look back to where the clock is (as request
    // fidelity's arrivals and the period's mean rate do)
    for (let now = 0; now < 30_000; now += 500) {
      expect(s(now + 10_000)).toBe(ref[now + 10_000]);
      expect(s(now)).toBe(ref[now]);
    }
    expect(starts()).toBe(2);
  });

  it('a series covers KEPT_MS of its pieces: two hours of 10 ms noise, four days of 1-minute noise', () => {
    expect(keptFor(10)).toBe(1 << 20); // 720 000 pieces, rounded up to a power of two
    expect(keptFor(60_000)).toBe(KEPT);
    expect(keptFor(1)).toBeGreaterThanOrEqual(KEPT_MS);
  });

  it('noise and random walks give the same value at an old time after many steps ahead', () => {
    const config = { randomWalk: { start: 100, volatility: 0.2, min: 10, max: 1000, every: 1 * S }, noise: { type: 'gaussian' as const, cv: 0.1, every: 1 * S } };
    const old = 50 * S;
    const direct = build(config).rateAt(old);
    const trace = build(config);
    trace.rateAt(3 * KEPT_MS); // 21 600 steps ahead: the old value is no longer held
    expect(trace.rateAt(old)).toBe(direct);
    // and the series continue as if never restarted
    expect(trace.rateAt(3 * KEPT_MS + 5 * S)).toBe(build(config).rateAt(3 * KEPT_MS + 5 * S));
  });

  it('kept must be a power of two', () => {
    expect(() => lazySeries(() => () => 1, 100)).toThrow(/power of two/);
  });
});
