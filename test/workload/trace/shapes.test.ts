import { describe, it, expect } from 'vitest';
import { build, D, H, M, MONDAY, S } from './helpers.js';
import { reflect } from '../../../src/workload/trace/shapes/random-walk.js';
import { parsePeakAt } from '../../../src/workload/trace/shapes/diurnal.js';

describe('constant', () => {
  it('is the same at every time', () => {
    const t = build({ constant: 300 });
    for (const x of [-H, 0, 1, 17 * D + 3]) expect(t.rateAt(x)).toBe(300);
  });
});

describe('step', () => {
  it('single step: from before `at`, to from `at` on', () => {
    const t = build({ step: { from: 100, to: 300, at: 30 * M } });
    expect(t.rateAt(0)).toBe(100);
    expect(t.rateAt(30 * M - 1)).toBe(100);
    expect(t.rateAt(30 * M)).toBe(300);
    expect(t.rateAt(5 * D)).toBe(300);
  });
  it('list of steps: each holds until the next', () => {
    const t = build({ step: { from: 10, steps: [{ at: H, to: 20 }, { at: 2 * H, to: 5 }, { at: 3 * H, to: 40 }] } });
    expect([0, H - 1, H, 2 * H - 1, 2 * H, 3 * H - 1, 3 * H, 9 * H].map((x) => t.rateAt(x))).toEqual([
      10, 10, 20, 20, 5, 5, 40, 40,
    ]);
  });
});

describe('ramp', () => {
  const t = build({ ramp: { from: 100, to: 900, start: H, end: 3 * H } });
  it('from before start, to after end', () => {
    expect(t.rateAt(0)).toBe(100);
    expect(t.rateAt(H)).toBe(100);
    expect(t.rateAt(3 * H)).toBe(900);
    expect(t.rateAt(10 * H)).toBe(900);
  });
  it('midpoint 2h is (100 + 900) / 2 = 500; a quarter in is 300', () => {
    expect(t.rateAt(2 * H)).toBeCloseTo(500, 9);
    expect(t.rateAt(1.5 * H)).toBeCloseTo(300, 9);
  });
  it('a downward ramp works the same way', () => {
    expect(build({ ramp: { from: 800, to: 200, start: 0, end: 10 * M } }).rateAt(5 * M)).toBeCloseTo(500, 9);
  });
});

describe('diurnal (cosine, peakAt is UTC by default)', () => {
  const t = build({ diurnal: { min: 150, max: 1200, peakAt: '14:00' } });
  it('peaks at 14:00 UTC every day at max', () => {
    for (const d of [0, 1, 3, 6, 30]) expect(t.rateAt(d * D + 14 * H)).toBeCloseTo(1200, 9);
  });
  it('troughs 12 h later, at 02:00 UTC, at min', () => {
    for (const d of [0, 1, 3, 6, 30]) expect(t.rateAt(d * D + 2 * H)).toBeCloseTo(150, 9);
  });
  it('a quarter period from the peak (08:00, 20:00) is the midpoint (150 + 1200) / 2 = 675', () => {
    expect(t.rateAt(8 * H)).toBeCloseTo(675, 9);
    expect(t.rateAt(20 * H)).toBeCloseTo(675, 9);
  });
  it('at 11:00 (3 h before the peak): 675 + 525 cos(pi/4) = 1046.23', () => {
    expect(t.rateAt(11 * H)).toBeCloseTo(675 + 525 * Math.SQRT1_2, 9);
  });
  it('peakAt is a wall-clock time of the calendar, not relative to a start at 06:00', () => {
    const late = build({ diurnal: { min: 0, max: 10, peakAt: '14:00' } }, 1, MONDAY + 6 * H);
    expect(late.rateAt(8 * H)).toBeCloseTo(10, 9); // 06:00 + 8 h = 14:00 UTC
  });
  it('period 12h with peakAt 03:00: peaks at 03:00 and 15:00', () => {
    const half = build({ diurnal: { min: 0, max: 10, peakAt: '03:00', period: 12 * H } });
    expect(half.rateAt(3 * H)).toBeCloseTo(10, 9);
    expect(half.rateAt(15 * H)).toBeCloseTo(10, 9);
    expect(half.rateAt(9 * H)).toBeCloseTo(0, 9);
  });
  it('with timezone Europe/Berlin the peak follows local 14:00: 13:00 UTC in CET, 12:00 UTC in CEST', () => {
    const berlin = build({ diurnal: { min: 0, max: 100, peakAt: '14:00', timezone: 'Europe/Berlin' } });
    expect(berlin.rateAt(13 * H)).toBeCloseTo(100, 9); // 2026-03-02, CET = UTC+1
    // EU summer time starts 2026-03-29 01:00 UTC; 2026-04-11 is 40 days after the start.
    expect(berlin.rateAt(40 * D + 12 * H)).toBeCloseTo(100, 9);
    expect(berlin.rateAt(40 * D + 13 * H)).toBeCloseTo(50 + 50 * Math.cos(Math.PI / 12), 9);
  });
  it('parses HH:MM and HH:MM:SS', () => {
    expect(parsePeakAt('14:00')).toBe(14 * H);
    expect(parsePeakAt('9:30')).toBe(9 * H + 30 * M);
    expect(parsePeakAt('23:59:30')).toBe(23 * H + 59 * M + 30 * S);
  });
});

describe('randomWalk', () => {
  const cfg = { randomWalk: { start: 300, volatility: 0.02, min: 50, max: 2000, every: M } };
  it('starts at `start` and is constant within each `every`', () => {
    const t = build(cfg);
    expect(t.rateAt(0)).toBe(300);
    expect(t.rateAt(M - 1)).toBe(300);
    for (const k of [1, 7, 100]) expect(t.rateAt(k * M + 1)).toBe(t.rateAt(k * M + M - 1));
  });
  it('log changes have standard deviation `volatility` per step (far from the bounds)', () => {
    const t = build({ randomWalk: { start: 1000, volatility: 0.02, min: 1e-6, max: 1e9, every: M } }, 3);
    const n = 5000;
    let s = 0;
    let s2 = 0;
    for (let k = 1; k <= n; k++) {
      const d = Math.log(t.rateAt(k * M) / t.rateAt((k - 1) * M));
      s += d;
      s2 += d * d;
    }
    const sd = Math.sqrt(s2 / n - (s / n) ** 2);
    expect(sd).toBeGreaterThan(0.02 * 0.95); // +-5 % is > 3 standard errors of an sd estimate from 5000
    expect(sd).toBeLessThan(0.02 * 1.05);
  });
  it('different seeds give different walks', () => {
    expect(build(cfg, 1).rateAt(50 * M)).not.toBe(build(cfg, 2).rateAt(50 * M));
  });
  it('between two bounds the median does not stay at `start`: it tends to sqrt(min x max), the log-uniform median (start 100, min 90, max 1000, 0.05 per 1m, at 30 days)', () => {
    // log spread 0.05 sqrt(43 200) = 10.4 is 4 times the log width ln(1000 / 90) = 2.41:
    // well mixed, so log-uniform: P(< 300 = sqrt(90 x 1000)) = 0.5, P(< 100) = ln(100 / 90) / 2.41 = 0.044
    const at30d = Array.from({ length: 41 }, (_, i) => build({ randomWalk: { start: 100, volatility: 0.05, min: 90, max: 1000, every: M } }, i + 1).rateAt(30 * D));
    const below = (x: number) => at30d.filter((r) => r < x).length / at30d.length;
    expect(below(300)).toBeGreaterThan(0.25); // binomial sd of 41 draws at 0.5: 0.078
    expect(below(300)).toBeLessThan(0.75);
    expect(below(100)).toBeLessThan(0.2); // a median at start would put half of them below 100
  });
  it('reflects in log space at both bounds', () => {
    expect(reflect(5, 0, 3)).toBe(1);
    expect(reflect(-1, 0, 3)).toBe(1);
    expect(reflect(7, 0, 3)).toBe(1); // 7 -> -1 -> 1
    expect(reflect(4, -Infinity, 3)).toBe(2);
    expect(reflect(2, 0, 3)).toBe(2);
  });
});

describe('csv replay', () => {
  const rows = [
    { t: 0, value: 10 },
    { t: M, value: 30 },
    { t: 2 * M, value: 20 },
  ];
  it('linear: halfway between rows is the average of their values', () => {
    const t = build({ csv: { rows, interpolate: 'linear' } });
    expect(t.rateAt(30 * S)).toBeCloseTo(20, 9);
    expect(t.rateAt(90 * S)).toBeCloseTo(25, 9);
    expect(t.rateAt(M)).toBe(30);
  });
  it('step: each value holds until the next row', () => {
    const t = build({ csv: { rows, interpolate: 'step' } });
    expect(t.rateAt(30 * S)).toBe(10);
    expect(t.rateAt(M)).toBe(30);
    expect(t.rateAt(2 * M - 1)).toBe(30);
  });
  it('the first value before the first row, the last after the last', () => {
    const late = [{ t: H, value: 7 }, { t: 2 * H, value: 9 }];
    const t = build({ csv: { rows: late } });
    expect(t.rateAt(0)).toBe(7);
    expect(t.rateAt(-D)).toBe(7);
    expect(t.rateAt(3 * H)).toBe(9);
    expect(t.rateAt(30 * D)).toBe(9);
  });
  it('interpolate defaults to linear', () => {
    expect(build({ csv: { rows } }).rateAt(30 * S)).toBeCloseTo(20, 9);
  });
});
