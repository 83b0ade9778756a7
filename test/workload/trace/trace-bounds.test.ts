import { describe, it, expect } from 'vitest';
import { build, H, M } from './helpers.js';
import { traceBounds, traceRows } from '../../../src/workload/trace/index.js';

describe('traceBounds (declared range: base range x modifier factor ranges)', () => {
  it.each([
    ['constant', { constant: 300 }, [300, 300]],
    ['step list', { step: { from: 100, steps: [{ at: 1, to: 50 }, { at: 2, to: 400 }] } }, [50, 400]],
    ['ramp down', { ramp: { from: 900, to: 100, start: 0, end: H } }, [100, 900]],
    ['diurnal', { diurnal: { min: 150, max: 1200, peakAt: '14:00' } }, [150, 1200]],
    ['randomWalk', { randomWalk: { start: 300, volatility: 0.02, min: 50, max: 2000, every: M } }, [50, 2000]],
    ['csv', { csv: { rows: [{ t: 0, value: 4 }, { t: 1, value: 9 }, { t: 2, value: 1 }] } }, [1, 9]],
    ['diurnal x weekend 0.6', { diurnal: { min: 150, max: 1200, peakAt: '14:00' }, weekly: { weekendFactor: 0.6 } }, [90, 1200]],
    ['weekend factor above 1', { constant: 10, weekly: { weekendFactor: 2 } }, [10, 20]],
    ['spike x3', { constant: 100, spikes: [{ at: 0, rampUp: M, hold: M, multiplier: 3 }] }, [100, 300]],
    [
      'overlapping spikes x2 and x3 -> x6',
      { constant: 1, spikes: [{ at: 0, rampUp: M, hold: H, multiplier: 2 }, { at: 10 * M, rampUp: M, hold: M, multiplier: 3 }] },
      [1, 6],
    ],
    [
      'separate spikes x2 and x3 -> x3',
      { constant: 1, spikes: [{ at: 0, rampUp: M, hold: M, multiplier: 2 }, { at: H, rampUp: M, hold: M, multiplier: 3 }] },
      [1, 3],
    ],
    ['dip x0.5', { constant: 100, spikes: [{ at: 0, rampUp: M, hold: M, multiplier: 0.5 }] }, [50, 100]],
    ['noise cv 0.05 -> [0.8, 1.2]', { constant: 100, noise: { type: 'gaussian', cv: 0.05, every: M } }, [80, 120]],
    ['noise cv 0.5 -> [0, 3]', { constant: 100, noise: { type: 'gaussian', cv: 0.5, every: M } }, [0, 300]],
  ] as const)('%s', (_name, config, [lo, hi]) => {
    const [l, h] = traceBounds(config as never);
    expect(l).toBeCloseTo(lo, 9);
    expect(h).toBeCloseTo(hi, 9);
  });
});

describe('traceRows (for `ecsim trace`)', () => {
  it('samples rateAt every step, both ends included, time in seconds', () => {
    const t = build({ step: { from: 1, to: 2, at: 2000 } });
    expect(traceRows(t, 0, 3000, 1000)).toEqual([
      { time_s: 0, rate: 1 },
      { time_s: 1, rate: 1 },
      { time_s: 2, rate: 2 },
      { time_s: 3, rate: 2 },
    ]);
    expect(traceRows(t, 0, 2500, 1000).map((r) => r.time_s)).toEqual([0, 1, 2]);
  });
  it('rejects a step <= 0', () => {
    expect(() => traceRows(build({ constant: 1 }), 0, 10, 0)).toThrow(/stepMs > 0/);
  });
});
