import { describe, it, expect } from 'vitest';
import { build, D, H, M, S } from './helpers.js';
import { gaussLegendre } from '../../../src/workload/trace/mean-rate.js';

describe('meanRate, against closed forms', () => {
  it('constant: the constant, exactly', () => {
    const t = build({ constant: 123.456 });
    expect(t.meanRate(0, 60 * S)).toBe(123.456);
    expect(t.meanRate(17, 9 * D + 3)).toBe(123.456);
  });
  it('from == to is rateAt', () => {
    const t = build({ ramp: { from: 0, to: 100, start: 0, end: 100 * S } });
    expect(t.meanRate(50 * S, 50 * S)).toBeCloseTo(50, 12);
  });
  it('step 100 -> 300 at 30 min: the first hour averages 200', () => {
    expect(build({ step: { from: 100, to: 300, at: 30 * M } }).meanRate(0, H)).toBeCloseTo(200, 10);
  });
  it('ramp 100 -> 900 over [1h, 3h]: mean over [0, 4h] = (100 + 2 x 500 + 900) / 4 = 500', () => {
    expect(build({ ramp: { from: 100, to: 900, start: H, end: 3 * H } }).meanRate(0, 4 * H)).toBeCloseTo(500, 10);
  });
  it('diurnal over whole days is (min + max) / 2', () => {
    const t = build({ diurnal: { min: 150, max: 1200, peakAt: '14:00' } });
    expect(t.meanRate(0, D)).toBeCloseTo(675, 7);
    expect(t.meanRate(5 * H, 7 * D + 5 * H)).toBeCloseTo(675, 7);
  });
  it('diurnal from 08:00 to 14:00 (rising quarter): 675 + 525 x 2/pi', () => {
    const t = build({ diurnal: { min: 150, max: 1200, peakAt: '14:00' } });
    expect(t.meanRate(8 * H, 14 * H)).toBeCloseTo(675 + (525 * 2) / Math.PI, 6);
  });
  it('diurnal over one 60 s period: (sin b - sin a) / (b - a) form', () => {
    const t = build({ diurnal: { min: 0, max: 2, peakAt: '00:00' } });
    const w = (2 * Math.PI) / D;
    const a = 3 * H;
    const b = a + M;
    expect(t.meanRate(a, b)).toBeCloseTo(1 + (Math.sin(w * b) - Math.sin(w * a)) / (w * (b - a)), 12);
  });
  it('spike x3 (10 min up, 20 min hold, 10 min down) on 100: mean over its 40 min = 250', () => {
    const t = build({ constant: 100, spikes: [{ at: H, rampUp: 10 * M, hold: 20 * M, multiplier: 3 }] });
    // factor-minutes: 10 x 2 + 20 x 3 + 10 x 2 = 100 over 40 min -> x 2.5
    expect(t.meanRate(H, H + 40 * M)).toBeCloseTo(250, 10);
  });
  it('weekly 0.6 on 100 over a whole week: (5 x 100 + 2 x 60) / 7', () => {
    expect(build({ constant: 100, weekly: { weekendFactor: 0.6 } }).meanRate(0, 7 * D)).toBeCloseTo(620 / 7, 10);
  });
  it('csv linear: trapezoids; csv step: rectangles', () => {
    const rows = [
      { t: 0, value: 10 },
      { t: M, value: 30 },
      { t: 2 * M, value: 20 },
    ];
    expect(build({ csv: { rows } }).meanRate(0, 2 * M)).toBeCloseTo((20 * 60 + 25 * 60) / 120, 10);
    expect(build({ csv: { rows, interpolate: 'step' } }).meanRate(0, 2 * M)).toBeCloseTo(20, 10);
    expect(build({ csv: { rows } }).meanRate(-2 * M, 0)).toBe(10); // before the first row: first value
  });
  it('noise: the mean over a period equals the average of its per-minute values', () => {
    const t = build({ constant: 100, noise: { type: 'gaussian', cv: 0.1, every: M } }, 4);
    let s = 0;
    for (let k = 0; k < 10; k++) s += t.rateAt(k * M + 30 * S);
    expect(t.meanRate(0, 10 * M)).toBeCloseTo(s / 10, 10);
    // half of minute 3 and half of minute 4
    expect(t.meanRate(3.5 * M, 4.5 * M)).toBeCloseTo((t.rateAt(3 * M) + t.rateAt(4 * M)) / 2, 10);
  });
  it('ramp under a spike (linear x linear) is integrated exactly', () => {
    // base 0 -> 600 over [0, 10 min] (60 per min), spike factor 1 -> 3 over the same 10 min.
    // integral over minutes of (60 x)(1 + 0.2 x) dx from 0 to 10 = 30 x 100 + 4 x 1000 = 7000 -> mean 700
    const t = build({ ramp: { from: 0, to: 600, start: 0, end: 10 * M }, spikes: [{ at: 0, rampUp: 10 * M, hold: H, multiplier: 3 }] });
    expect(t.meanRate(0, 10 * M)).toBeCloseTo(700, 9);
  });
  it('rejects from > to', () => {
    expect(() => build({ constant: 1 }).meanRate(10, 5)).toThrow(/fromMs <= toMs/);
  });
});

describe('meanRate of overlapping spike ramps (a product of linear factors)', () => {
  it('two x3 spikes ramping together over 5 min on 100: 100 x integral of (1 + 2x)^2 over [0, 1] = 1300/3', () => {
    // (1 + 2x)^2 = 1 + 4x + 4x^2 -> 1 + 2 + 4/3 = 13/3; the midpoint rule gave 100 x 2^2 = 400
    const spike = { at: 0, rampUp: 5 * M, hold: 0, multiplier: 3 };
    expect(build({ constant: 100, spikes: [spike, spike] }).meanRate(0, 5 * M)).toBeCloseTo(1300 / 3, 9);
  });
  it('seven x2 spikes ramping together on 1: integral of (1 + x)^7 = (2^8 - 1) / 8 (degree 7, beyond 3-point Gauss)', () => {
    const spike = { at: 0, rampUp: 10 * M, hold: H, multiplier: 2 };
    expect(build({ constant: 1, spikes: Array.from({ length: 7 }, () => spike) }).meanRate(0, 10 * M)).toBeCloseTo(255 / 8, 9);
  });
  it('a ramp under six overlapping x2 spike ramps: integral of x (1 + x)^6 over [0, 1] = 769/56 (degree 7)', () => {
    // x (1 + x)^6 = (1 + x)^7 - (1 + x)^6 -> (2^8 - 1)/8 - (2^7 - 1)/7 = 255/8 - 127/7 = 769/56
    const spike = { at: 0, rampUp: 10 * M, hold: H, multiplier: 2 };
    const t = build({ ramp: { from: 0, to: 1, start: 0, end: 10 * M }, spikes: Array.from({ length: 6 }, () => spike) });
    expect(t.meanRate(0, 10 * M)).toBeCloseTo(769 / 56, 9);
  });
  it('spikes that ramp one after another stay linear: two x3 spikes, the second starting when the first holds', () => {
    // [0, 5m]: 1 -> 3 (mean 2); [5m, 10m]: 3 x (1 -> 3) (mean 6): 100 x (2 + 6) / 2 = 400
    const t = build({ constant: 100, spikes: [{ at: 0, rampUp: 5 * M, hold: H, multiplier: 3 }, { at: 5 * M, rampUp: 5 * M, hold: H, multiplier: 3 }] });
    expect(t.meanRate(0, 10 * M)).toBeCloseTo(400, 9);
  });
});

describe('gaussLegendre (n points on [0, 1], offsets from the middle)', () => {
  it('weights sum to 1, nodes symmetric inside (-1/2, 1/2)', () => {
    for (let n = 1; n <= 10; n++) {
      const { x, w } = gaussLegendre(n);
      expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
      for (let i = 0; i < n; i++) {
        expect(Math.abs(x[i])).toBeLessThan(0.5);
        expect(x[i] + x[n - 1 - i]).toBeCloseTo(0, 15);
        expect(w[i]).toBeCloseTo(w[n - 1 - i], 15);
      }
    }
  });
  it('the 1-, 2- and 3-point rules by hand: node 1/2; 1/2 -+ 1/(2 sqrt 3); 1/2 -+ sqrt(3/5)/2 with weights 5/18, 8/18, 5/18', () => {
    expect([...gaussLegendre(1).x]).toEqual([0]);
    expect(gaussLegendre(1).w[0]).toBeCloseTo(1, 15);
    expect(gaussLegendre(2).x[1]).toBeCloseTo(1 / (2 * Math.sqrt(3)), 15);
    const three = gaussLegendre(3);
    expect(three.x[2]).toBeCloseTo(Math.sqrt(3 / 5) / 2, 15);
    expect(three.x[1]).toBeCloseTo(0, 15);
    expect([...three.w].map((v) => v * 18)).toEqual([5, 8, 5].map((v) => expect.closeTo(v, 13)));
  });
  it('exact for a polynomial of degree 2n - 1, not of degree 2n', () => {
    // p(t) = sum_k c_k t^k with c_k = k + 1 on [0, 1]: integral sum_k (k + 1) / (k + 1) = degree + 1
    const quad = (n: number, degree: number) => {
      const { x, w } = gaussLegendre(n);
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const t = 0.5 + x[i];
        let p = 0;
        for (let k = degree; k >= 0; k--) p = p * t + (k + 1);
        sum += w[i] * p;
      }
      return sum;
    };
    for (let n = 1; n <= 8; n++) {
      expect(quad(n, 2 * n - 1)).toBeCloseTo(2 * n, 11);
      // t^(2n) alone: the rule misses it (error of the n-point rule is nonzero at degree 2n)
      const { x, w } = gaussLegendre(n);
      const t2n = x.reduce((s, xi, i) => s + w[i] * (0.5 + xi) ** (2 * n), 0);
      expect(Math.abs(t2n - 1 / (2 * n + 1))).toBeGreaterThan(1e-10); // 9e-8 at n = 8
    }
  });
});
