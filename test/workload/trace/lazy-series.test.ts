// The lazy series holds only its last `kept` values and starts over for an older one:
// value k is the k-th draw whatever the order of the questions.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { lazySeries, KEPT } from '../../../src/workload/trace/lazy-series.js';
import { RandomStreams } from '../../../src/engine/index.js';

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

  it('kept must be a power of two', () => {
    expect(() => lazySeries(() => () => 1, 100)).toThrow(/power of two/);
  });
});
