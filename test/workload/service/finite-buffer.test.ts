// M/M/c/K (queueing/finite-buffer.ts) against hand-computed birth-death sums: with
// terms t(n) = a^n / n! up to c and t(c) rho^(n-c) above, P_K = t(K) / sum t, and the
// figures of admitted requests follow from the same terms.
import { describe, expect, it } from 'vitest';
import { bufferMatters, erlangC, finiteBuffer } from '../../../src/workload/queueing/index.js';

/** The birth-death terms t(0..c+n) of M/M/c/(c+n), written out. */
function terms(c: number, a: number, n: number): number[] {
  const t = [1];
  for (let k = 1; k <= c + n; k++) t.push((t[k - 1] * a) / Math.min(k, c));
  return t;
}

describe('finite buffer M/M/c/K', () => {
  it('M/M/4/9 at a = 3.6 (rho 0.9, maxQueuePerTask 5): P_K = 4.1325 / 51.6476 = 8.00 %', () => {
    // t = 1, 3.6, 6.48, 7.776, 6.9984, then x 0.9: 6.29856, 5.668704, 5.1018336, 4.59165024, 4.132485216
    const sum = 1 + 3.6 + 6.48 + 7.776 + 6.9984 + 6.29856 + 5.668704 + 5.1018336 + 4.59165024 + 4.132485216;
    const f = finiteBuffer(4, 3.6, 5);
    expect(f.pFull).toBeCloseTo(4.132485216 / sum, 12);
    expect(f.pFull).toBeCloseTo(0.08, 3);
    expect(f.loss).toBe(f.pFull); // below capacity the fluid serves everything: the loss is P_K
    // an admitted request waits when it finds 4..8 in the system
    const waiting = 6.9984 + 6.29856 + 5.668704 + 5.1018336 + 4.59165024;
    expect(f.pWait).toBeCloseTo(waiting / (sum - 4.132485216), 12);
    // requests ahead of a waiting one: 0..4 with weights 6.9984 ... 4.59165024
    const ahead = (0 * 6.9984 + 1 * 6.29856 + 2 * 5.668704 + 3 * 5.1018336 + 4 * 4.59165024) / waiting;
    expect(f.aheadMean).toBeCloseTo(ahead, 12);
  });

  it('maxQueuePerTask 0 is Erlang B: B(4, 3) = 3.375 / 16.375 = 20.6 %, nobody waits', () => {
    const f = finiteBuffer(4, 3, 0);
    expect(f.pFull).toBeCloseTo(3.375 / (1 + 3 + 4.5 + 4.5 + 3.375), 12);
    expect(f.pFull).toBeCloseTo(0.206, 3);
    expect(f.pWait).toBe(0);
    expect(f.aheadMean).toBe(0);
  });

  it('above capacity the loss is what idle slots cost beyond the fluid excess: M/M/4/9 at a = 4.8', () => {
    const t = terms(4, 4.8, 5);
    const sum = t.reduce((x, y) => x + y, 0);
    const pK = t[9] / sum;
    const f = finiteBuffer(4, 4.8, 5);
    expect(f.pFull).toBeCloseTo(pK, 12);
    expect(f.pFull).toBeCloseTo(0.2155, 4);
    // throughput lambda (1 - P_K) against the fluid's c mu: 1 - 1.2 (1 - P_K) = 5.9 %
    expect(f.loss).toBeCloseTo(1 - 1.2 * (1 - pK), 12);
    expect(f.loss).toBeCloseTo(0.0586, 4);
  });

  it('agrees with the written-out sums over servers, loads and buffers (integer buffers)', () => {
    for (const c of [1, 2, 4, 8, 30]) {
      for (const rho of [0.1, 0.5, 0.9, 0.99, 1, 1.01, 1.2, 3]) {
        for (const n of [0, 1, 2, 5, 9, 50, 200]) {
          const a = rho * c;
          const t = terms(c, a, n);
          const sum = t.reduce((x, y) => x + y, 0);
          let waiting = 0;
          let ahead = 0;
          let ahead2 = 0;
          for (let j = 0; j < n; j++) {
            waiting += t[c + j];
            ahead += j * t[c + j];
            ahead2 += j * j * t[c + j];
          }
          const mean = n > 0 ? ahead / waiting : 0;
          const f = finiteBuffer(c, a, n);
          const at = `c ${c}, rho ${rho}, N ${n}`;
          expect(f.pFull, at).toBeCloseTo(t[c + n] / sum, 10);
          expect(f.loss, at).toBeCloseTo(1 - (a * (1 - t[c + n] / sum)) / Math.min(a, c), 10);
          expect(f.pWait, at).toBeCloseTo(waiting / (sum - t[c + n]), 10);
          expect(f.aheadMean / Math.max(1, mean), at).toBeCloseTo(mean / Math.max(1, mean), 9);
          const v = n > 0 ? ahead2 / waiting - mean * mean : 0;
          expect(f.aheadVar / Math.max(1, v), at).toBeCloseTo(v / Math.max(1, v), 7);
        }
      }
    }
  });

  it('over 100 Erlangs: the Erlang B recursion skips low terms only with c >= a (c 30, a 150; c 150, a 140)', () => {
    // with c far below a the terms below a - 10 sqrt(a) are not negligible against t(c)
    for (const [c, a, n] of [[30, 150, 2], [120, 150, 10], [150, 140, 3]]) {
      const t = terms(c, a, n);
      const sum = t.reduce((x, y) => x + y, 0);
      expect(finiteBuffer(c, a, n).pFull, `c ${c} a ${a}`).toBeCloseTo(t[c + n] / sum, 10);
      expect(finiteBuffer(c, a, n).loss, `c ${c} a ${a}`).toBeCloseTo(1 - (a * (1 - t[c + n] / sum)) / Math.min(a, c), 10);
    }
  });

  it('limits: rho 1 is uniform ahead; a huge buffer below capacity is Erlang C with a geometric queue', () => {
    const u = finiteBuffer(4, 4, 20);
    expect(u.aheadMean).toBeCloseTo(19 / 2, 12);
    expect(u.aheadVar).toBeCloseTo((20 * 20 - 1) / 12, 9);
    const g = finiteBuffer(4, 3, 5000);
    expect(g.pFull).toBe(0);
    expect(g.pWait).toBeCloseTo(erlangC(4, 3), 12);
    expect(g.aheadMean).toBeCloseTo(0.75 / 0.25, 9); // rho / (1 - rho)
    expect(g.aheadVar).toBeCloseTo(0.75 / 0.0625, 9); // rho / (1 - rho)^2
  });

  it('stable: no NaN or jump near rho 1, for many servers, huge buffers, fractional buffers', () => {
    const near = [1 - 1e-9, 1 - 1e-12, 1, 1 + 1e-12, 1 + 1e-9].map((r) => finiteBuffer(4, 4 * r, 20));
    for (const f of near) {
      expect(f.pFull).toBeCloseTo(near[2].pFull, 7);
      expect(f.aheadMean).toBeCloseTo(near[2].aheadMean, 6);
      expect(f.aheadVar).toBeCloseTo(near[2].aheadVar, 5);
    }
    for (const [c, a, n] of [[1000, 990, 50], [1000, 1010, 50], [4, 6, 1e6], [4, 2, 1e6], [4, 3, 0.4], [4, 5, 2.5], [1, 1e-9, 10]]) {
      const f = finiteBuffer(c, a, n);
      for (const v of Object.values(f)) expect(Number.isFinite(v), `${c} ${a} ${n}`).toBe(true);
      expect(f.pFull).toBeGreaterThanOrEqual(0);
      expect(f.loss).toBeGreaterThanOrEqual(0);
      expect(f.pWait).toBeLessThanOrEqual(1);
    }
    // fractional buffers sit between the integer ones
    const lo = finiteBuffer(4, 3.6, 2).pFull;
    const mid = finiteBuffer(4, 3.6, 2.5).pFull;
    const hi = finiteBuffer(4, 3.6, 3).pFull;
    expect(mid).toBeLessThan(lo);
    expect(mid).toBeGreaterThan(hi);
  });

  it('bufferMatters: rho^N below e^-23 (1e-10) does not, either side of capacity', () => {
    expect(bufferMatters(4, 3.6, 5)).toBe(true);
    expect(bufferMatters(4, 0.75 * 4, 100)).toBe(false); // 100 ln(4/3) = 28.8
    expect(bufferMatters(4, 0.8 * 4, 100)).toBe(true); // 22.3
    expect(bufferMatters(4, 1.5 * 4, 100)).toBe(false); // 40.5
    expect(bufferMatters(4, 3, Infinity)).toBe(false);
    expect(bufferMatters(4, 0, 5)).toBe(false);
  });
});
