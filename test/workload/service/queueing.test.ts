// Closed-form queueing functions against hand-computed values.
import { describe, it, expect } from 'vitest';
import {
  erlangC, mm1MeanWait, mm1MeanSojourn, mm1SojournQuantile, mmcMeanWait, mmcWaitQuantile, mmcSojournQuantile,
  mmcSojournTail, allenCunneenMeanWait,
} from '../../../src/workload/queueing/index.js';

describe('queueing formulas', () => {
  it('M/M/1: lambda 7, mu 10 -> Wq = 0.7/3, W = 1/3, W95 = ln 20 / 3', () => {
    expect(mm1MeanWait(7, 10)).toBeCloseTo(0.7 / 3, 12);
    expect(mm1MeanSojourn(7, 10)).toBeCloseTo(1 / 3, 12);
    expect(mm1SojournQuantile(7, 10, 0.95)).toBeCloseTo(Math.log(20) / 3, 12);
  });
  it('Erlang C: c=2, a=1 -> 1/3; c=4, a=3 -> 13.5/26.5 (explicit sum formula)', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(erlangC(4, 3)).toBeCloseTo(13.5 / 26.5, 12);
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12); // M/M/1: P(wait) = rho
  });
  it('M/M/c with c=1 reduces to M/M/1', () => {
    expect(mmcMeanWait(7, 10, 1)).toBeCloseTo(mm1MeanWait(7, 10), 12);
    expect(mmcSojournQuantile(7, 10, 1, 0.95)).toBeCloseTo(mm1SojournQuantile(7, 10, 0.95), 6);
  });
  it('M/M/c wait quantile: ln(C / (1-p)) / (c mu - lambda); 0 below 1 - C', () => {
    const C = 13.5 / 26.5;
    expect(mmcWaitQuantile(3, 1, 4, 0.95)).toBeCloseTo(Math.log(C / 0.05) / 1, 9);
    expect(mmcWaitQuantile(3, 1, 4, 0.3)).toBe(0);
  });
  it('M/M/c sojourn tail at theta = mu: e^-t (1 + C t)', () => {
    const C = 13.5 / 26.5;
    for (const t of [0, 0.5, 2, 5]) expect(mmcSojournTail(3, 1, 4, t)).toBeCloseTo(Math.exp(-t) * (1 + C * t), 12);
  });
  it('Allen-Cunneen: equals M/M/c for ca2 = cs2 = 1, zero for deterministic both', () => {
    expect(allenCunneenMeanWait(3, 1, 4, 1, 1)).toBeCloseTo(mmcMeanWait(3, 1, 4), 12);
    expect(allenCunneenMeanWait(3, 1, 4, 1, 0)).toBeCloseTo(mmcMeanWait(3, 1, 4) / 2, 12); // M/D/c ~ half
    expect(allenCunneenMeanWait(3, 1, 4, 0, 0)).toBe(0);
  });
});
