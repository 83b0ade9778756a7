import { describe, it, expect } from 'vitest';
import { build, D, H, M } from './helpers.js';
import { dayOfWeek } from '../../../src/workload/trace/modifiers/weekly.js';
import { rampOverlap } from '../../../src/workload/trace/modifiers/spikes.js';

describe('weekly (Saturday and Sunday on the UTC calendar x weekendFactor)', () => {
  // Start 2026-03-02 is a Monday: Saturday 2026-03-07 00:00 UTC is t = 5 d, Monday 03-09 is 7 d.
  const t = build({ constant: 100, weekly: { weekendFactor: 0.6 } });
  it('weekdays are unchanged', () => {
    for (const x of [0, 2 * D + 13 * H, 5 * D - 1]) expect(t.rateAt(x)).toBe(100);
  });
  it('Saturday 00:00 to Monday 00:00 is x 0.6', () => {
    for (const x of [5 * D, 5 * D + 12 * H, 6 * D + 23 * H, 7 * D - 1]) expect(t.rateAt(x)).toBeCloseTo(60, 12);
    expect(t.rateAt(7 * D)).toBe(100);
    expect(t.rateAt(12 * D)).toBeCloseTo(60, 12); // the next Saturday
  });
  it('day of week: 1970-01-01 was a Thursday, 2026-03-07 a Saturday', () => {
    expect(dayOfWeek(0)).toBe(4);
    expect(dayOfWeek(Date.parse('2026-03-07T12:00:00Z'))).toBe(6);
    expect(dayOfWeek(Date.parse('2026-03-08T12:00:00Z'))).toBe(0);
    expect(dayOfWeek(-1)).toBe(3); // 1969-12-31, a Wednesday
  });
  it('with timezone Asia/Tokyo (UTC+9) the weekend starts Friday 15:00 UTC', () => {
    const tokyo = build({ constant: 100, weekly: { weekendFactor: 0.5, timezone: 'Asia/Tokyo' } });
    expect(tokyo.rateAt(4 * D + 15 * H - 1)).toBe(100);
    expect(tokyo.rateAt(4 * D + 15 * H)).toBe(50);
    expect(tokyo.rateAt(6 * D + 15 * H - 1)).toBe(50);
    expect(tokyo.rateAt(6 * D + 15 * H)).toBe(100);
  });
  it('multiplies a diurnal base: Saturday 14:00 peak is 1200 x 0.6 = 720', () => {
    const d = build({ diurnal: { min: 150, max: 1200, peakAt: '14:00' }, weekly: { weekendFactor: 0.6 } });
    expect(d.rateAt(5 * D + 14 * H)).toBeCloseTo(720, 9);
    expect(d.rateAt(4 * D + 14 * H)).toBeCloseTo(1200, 9);
  });
});

describe('spikes (1 -> multiplier over rampUp, hold, back over rampDown = rampUp by default)', () => {
  const t = build({ constant: 100, spikes: [{ at: H, rampUp: 10 * M, hold: 20 * M, multiplier: 3 }] });
  it('no effect before `at`', () => {
    expect(t.rateAt(H - 1)).toBe(100);
    expect(t.rateAt(H)).toBe(100);
  });
  it('ramp up: halfway (5 min) is x 2, the end (10 min) is x 3', () => {
    expect(t.rateAt(H + 5 * M)).toBeCloseTo(200, 9);
    expect(t.rateAt(H + 10 * M)).toBeCloseTo(300, 9);
  });
  it('hold: x 3 for 20 min', () => {
    expect(t.rateAt(H + 20 * M)).toBe(300);
    expect(t.rateAt(H + 30 * M - 1)).toBe(300);
  });
  it('ramp down over the default 10 min: halfway x 2, then back to x 1', () => {
    expect(t.rateAt(H + 35 * M)).toBeCloseTo(200, 9);
    expect(t.rateAt(H + 40 * M)).toBe(100);
    expect(t.rateAt(5 * H)).toBe(100);
  });
  it('an explicit rampDown of 20 min: x 2.5 at 5 min into it', () => {
    const slow = build({ constant: 100, spikes: [{ at: 0, rampUp: 0, hold: 10 * M, rampDown: 20 * M, multiplier: 3 }] });
    expect(slow.rateAt(0)).toBe(300); // rampUp 0: instantly x 3
    expect(slow.rateAt(15 * M)).toBeCloseTo(250, 9);
  });
  it('overlapping spikes multiply (x 2 and x 3 hold together: x 6)', () => {
    const two = build({
      constant: 10,
      spikes: [
        { at: 0, rampUp: 0, hold: H, multiplier: 2 },
        { at: 30 * M, rampUp: 0, hold: H, multiplier: 3 },
      ],
    });
    expect(two.rateAt(45 * M)).toBeCloseTo(60, 9);
    expect(two.rateAt(75 * M)).toBeCloseTo(30, 9);
  });
  it('a multiplier below 1 is a dip', () => {
    const dip = build({ constant: 100, spikes: [{ at: 0, rampUp: 10 * M, hold: 0, multiplier: 0.5 }] });
    expect(dip.rateAt(5 * M)).toBeCloseTo(75, 9);
  });
});

describe('noise (gaussian, multiplicative, constant per `every`)', () => {
  const cv = 0.1;
  const t = build({ constant: 100, noise: { type: 'gaussian', cv, every: M } }, 9);
  it('constant within each minute, and changes between minutes', () => {
    expect(t.rateAt(0)).toBe(t.rateAt(M - 1));
    expect(t.rateAt(7 * M + 1)).toBe(t.rateAt(8 * M - 1));
    expect(t.rateAt(0)).not.toBe(t.rateAt(M));
  });
  it('factor has mean 1 and sd cv (20 000 draws: mean within 100 +- 0.3, sd within 10 +- 0.5)', () => {
    const n = 20000;
    let s = 0;
    let s2 = 0;
    for (let k = 0; k < n; k++) {
      const v = t.rateAt(k * M);
      s += v;
      s2 += v * v;
    }
    const mean = s / n;
    expect(Math.abs(mean - 100)).toBeLessThan(0.3);
    expect(Math.abs(Math.sqrt(s2 / n - mean * mean) - 10)).toBeLessThan(0.5);
  });
  it('clipped at 1 + 4 cv and max(0, 1 - 4 cv)', () => {
    const wide = build({ constant: 100, noise: { type: 'gaussian', cv: 0.5, every: M } }, 5);
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = 0; k < 20000; k++) {
      const v = wide.rateAt(k * M);
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    expect(lo).toBe(0); // P(Z < -2) ~ 2.3 %: hit many times in 20 000
    expect(hi).toBeLessThanOrEqual(300);
  });
  it('cv 0 is no noise', () => {
    expect(build({ constant: 100, noise: { type: 'gaussian', cv: 0, every: M } }).rateAt(5 * M)).toBe(100);
  });
  it('does not disturb the random walk: walk x noise / walk is a per-minute factor in [0.6, 1.4]', () => {
    const walk = { start: 300, volatility: 0.05, min: 50, max: 2000, every: 5 * M };
    const plain = build({ randomWalk: walk }, 11);
    const noisy = build({ randomWalk: walk, noise: { type: 'gaussian', cv: 0.1, every: M } }, 11);
    for (let k = 0; k < 500; k++) {
      const r = noisy.rateAt(k * M + 1) / plain.rateAt(k * M + 1);
      expect(r).toBeGreaterThanOrEqual(0.6 - 1e-12);
      expect(r).toBeLessThanOrEqual(1.4 + 1e-12);
      expect(noisy.rateAt(k * M + M - 1) / plain.rateAt(k * M + M - 1)).toBeCloseTo(r, 12);
    }
  });
});

describe('rampOverlap: the most spike ramps at one time (the degree of the product)', () => {
  // a spike as check() builds it: ramp up [at, peak], hold [peak, fall], ramp down [fall, end]
  const spike = (at: number, rampUp: number, hold: number, rampDown = rampUp) => ({ at, peak: at + rampUp, fall: at + rampUp + hold, end: at + rampUp + hold + rampDown, m: 2, lo: 1, hi: 2 });
  it('none: no spikes, or spikes with no ramps (a step up and down) -> 0', () => {
    expect(rampOverlap([])).toBe(0);
    expect(rampOverlap([spike(0, 0, 60), spike(30, 0, 60)])).toBe(0);
  });
  it('one ramp, or ramps that only touch (one ends where the next starts) -> 1', () => {
    expect(rampOverlap([spike(0, 60, 0)])).toBe(1); // its own up [0, 60] and down [60, 120] touch
    expect(rampOverlap([spike(0, 60, 60), spike(60, 60, 60)])).toBe(1); // second up [60, 120] while the first holds
    expect(rampOverlap([spike(0, 60, 60), spike(180, 60, 60)])).toBe(1); // first down [120, 180], second up [180, 240]
  });
  it('nested or overlapping ramps -> 2', () => {
    expect(rampOverlap([spike(0, 100, 0, 0), spike(20, 10, 0, 0)])).toBe(2); // [20, 30] inside [0, 100]
    expect(rampOverlap([spike(0, 10, 40, 20), spike(60, 20, 60)])).toBe(2); // down [50, 70], up [60, 80]
  });
  it('three ramps overlapping at once -> 3', () => {
    expect(rampOverlap([spike(0, 100, 0, 0), spike(10, 100, 0, 0), spike(50, 10, 0, 0)])).toBe(3);
    // pairwise overlaps only, never three at once: [0, 20], [10, 30], [25, 40] -> 2
    expect(rampOverlap([spike(0, 20, 100, 0), spike(10, 20, 100, 0), spike(25, 15, 100, 0)])).toBe(2);
  });
});
