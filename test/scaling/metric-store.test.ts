import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MetricStore, visibleAt, datapointStatistic } from '../../src/scaling/index.js';
import { metricValue } from '../../src/scaling/statistic.js';

describe('MetricStore', () => {
  it('a datapoint for [s, s+period) is visible at s + period + publishDelay (aws-behaviour §5, model delay 60 s)', () => {
    const store = new MetricStore({ period: 60_000, publishDelay: 60_000 });
    expect(visibleAt(120_000, 60_000, 60_000)).toBe(240_000);
    expect(store.isVisible(120_000, 239_999)).toBe(false);
    expect(store.isVisible(120_000, 240_000)).toBe(true);
  });

  it('computes CloudWatch statistics from the statistic set (Average = Sum / SampleCount)', () => {
    const dp = { periodStart: 0, sum: 300, min: 20, max: 150, sampleCount: 4 };
    expect(datapointStatistic(dp, 'Average')).toBe(75);
    expect(datapointStatistic(dp, 'Sum')).toBe(300);
    expect(datapointStatistic(dp, 'Minimum')).toBe(20);
    expect(datapointStatistic(dp, 'Maximum')).toBe(150);
    expect(datapointStatistic(dp, 'SampleCount')).toBe(4);
  });

  it('keeps values to 12 significant digits: float noise of the arithmetic does not reach the statistics (7 x 60 % averages 60, not 59.99999999999999)', () => {
    const store = new MetricStore({ period: 60_000, publishDelay: 0 });
    const noisy = 60 - 1e-14; // a task's CPU from its busy time
    let sum = 0;
    for (let k = 0; k < 7; k++) sum += noisy;
    store.putValues('CPUUtilization', 0, sum, noisy, noisy, 7, 7);
    expect(store.aggregate('CPUUtilization', 0, 1, 'Average')).toBe(60);
    expect(store.aggregate('CPUUtilization', 0, 1, 'Sum')).toBe(420);
    expect(store.aggregate('CPUUtilization', 0, 1, 'Minimum')).toBe(60);
    expect(store.aggregate('CPUUtilization', 0, 1, 'Maximum')).toBe(60);
    // an average of clean values: 0.7 / 7 is 0.09999999999999999 in doubles
    store.putValues('MemoryUtilization', 0, 0.7, 0.1, 0.1, 7, 7);
    expect(store.aggregate('MemoryUtilization', 0, 1, 'Average')).toBe(0.1);
    // 12 digits kept, the 13th rounded; 0 and missing pass through
    expect(metricValue(123.4567890123456)).toBe(123.456789012);
    expect(metricValue(0)).toBe(0);
    expect(metricValue(NaN)).toBeNaN();
    // at powers of ten (where log10 may land a hair low) and outside the arithmetic range
    for (const x of [1, 10, 1000, 1e10, 1e-5, 999.9999999999999, 9.999999999999999e-6, 1e20 / 3, 1e-9 / 3]) {
      expect(metricValue(x)).toBe(Number(x.toPrecision(12)));
    }
  });

  it('metricValue is toPrecision(12) (up to a tie in the 13th digit) and leaves a 12-digit value as it is', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => {
        const v = metricValue(x);
        const ref = Number(x.toPrecision(12));
        expect(Math.abs(v - ref)).toBeLessThanOrEqual(Math.abs(x) * 1e-11);
        expect(metricValue(ref)).toBe(ref);
      }),
    );
  });

  it('combines one-minute statistic sets into a longer alarm period like CloudWatch (sum of sums / sum of counts)', () => {
    const store = new MetricStore({ period: 60_000, publishDelay: 0 });
    store.putValues('CPUUtilization', 0, 100, 40, 60, 2); // avg 50
    store.putValues('CPUUtilization', 60_000, 240, 70, 90, 3); // avg 80
    // missing third minute
    expect(store.aggregate('CPUUtilization', 0, 3, 'Average')).toBe(340 / 5);
    expect(store.aggregate('CPUUtilization', 0, 3, 'Maximum')).toBe(90);
    expect(store.aggregate('CPUUtilization', 0, 3, 'Minimum')).toBe(40);
    expect(store.aggregate('CPUUtilization', 0, 3, 'SampleCount')).toBe(5);
    expect(store.aggregate('CPUUtilization', 180_000, 1, 'Average')).toBeNaN();
    expect(store.aggregate('MemoryUtilization', 0, 1, 'Average')).toBeNaN();
  });

  it('keeps beside each datapoint the tasks its value was measured over (NaN = unknown), through growth', () => {
    const store = new MetricStore({ period: 60_000, publishDelay: 0, retention: 4 });
    store.putValues('CPUUtilization', 0, 360, 90, 90, 4, 4); // 4 tasks at 90 %
    store.putValues('CPUUtilization', 60_000, 600, 100, 100, 6, 6);
    store.putValue('RequestCountPerTarget', 0, 1200, 5); // one sample, 5 targets
    store.putValue('BacklogPerTask', 0, 10); // tasks unknown
    const s = store.series('CPUUtilization');
    expect(s.tasks(0, 1)).toBe(4);
    expect(s.tasks(1, 1)).toBe(6);
    expect(s.tasks(0, 2)).toBe(4); // over several periods: the fewest, the tasks present throughout
    expect(s.tasks(2, 1)).toBeNaN(); // not stored
    expect(store.series('RequestCountPerTarget').tasks(0, 1)).toBe(5);
    expect(store.series('BacklogPerTask').tasks(0, 1)).toBeNaN();
    expect(store.get('CPUUtilization', 60_000)).toEqual({ periodStart: 60_000, sum: 600, min: 100, max: 100, sampleCount: 6, tasks: 6 });
    expect(store.get('BacklogPerTask', 0)).toEqual({ periodStart: 0, sum: 10, min: 10, max: 10, sampleCount: 1 });
    // the statistics do not see it: Average = 600 / 6
    expect(store.aggregate('CPUUtilization', 60_000, 1, 'Average')).toBe(100);
    store.ensureRetention(16);
    expect(store.series('CPUUtilization').tasks(1, 1)).toBe(6);
  });

  it('keeps only `retention` periods (bounded memory) and grows when alarms ask for more', () => {
    const store = new MetricStore({ period: 60_000, publishDelay: 0, retention: 4 });
    for (let m = 0; m < 10; m++) store.putValue('X', m * 60_000, m);
    expect(store.get('X', 5 * 60_000)).toBeUndefined(); // overwritten
    expect(store.get('X', 9 * 60_000)?.sum).toBe(9);
    store.ensureRetention(8);
    expect(store.get('X', 9 * 60_000)?.sum).toBe(9);
    for (let m = 10; m < 18; m++) store.putValue('X', m * 60_000, m);
    expect(store.get('X', 10 * 60_000)?.sum).toBe(10);
  });

  it('reads back what a map of the last `retention` periods holds, through puts out of order, gaps and growth (property)', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), back: fc.integer({ min: 0, max: 12 }), gap: fc.integer({ min: 0, max: 3 }), v: fc.integer({ min: -5, max: 100 }), n: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ kind: fc.constant('grow' as const), to: fc.integer({ min: 1, max: 20 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(step, { maxLength: 60 }), (retention, steps) => {
        const store = new MetricStore({ period: 60_000, publishDelay: 0, retention });
        const kept = new Map<number, { sum: number; min: number; max: number; count: number }>();
        let newest = 0;
        let ret = retention;
        // the ring keeps period i in slot i % ret unless a newer period holds that slot
        const keep = (i: number, set: { sum: number; min: number; max: number; count: number }) => {
          for (const j of [...kept.keys()]) {
            if (j % ret !== i % ret) continue;
            if (j > i) return;
            kept.delete(j);
          }
          kept.set(i, set);
        };
        for (const s of steps) {
          if (s.kind === 'grow') {
            store.ensureRetention(s.to);
            if (s.to > ret) {
              // growing re-files the kept periods (in each new slot the newest wins)
              const old = [...kept];
              kept.clear();
              ret = s.to;
              for (const [j, set] of old) keep(j, set);
            }
            continue;
          }
          newest += s.gap;
          const i = Math.max(0, newest - s.back);
          store.putValues('X', i * 60_000, s.v * 3, s.v, s.v + 2, s.n);
          if (s.n > 0) keep(i, { sum: s.v * 3, min: s.v, max: s.v + 2, count: s.n }); // no samples: missing
        }
        for (let i = 0; i <= newest + 1; i++) {
          const want = kept.get(i);
          const got = store.get('X', i * 60_000);
          expect(got && { sum: got.sum, min: got.min, max: got.max, count: got.sampleCount }).toEqual(want);
          const three = [i, i + 1, i + 2].map((j) => kept.get(j)).filter((x) => x !== undefined);
          const sum = three.reduce((a, x) => a + x.sum, 0);
          const max = three.reduce((a, x) => Math.max(a, x.max), -Infinity);
          expect(store.aggregate('X', i * 60_000, 3, 'Sum')).toBe(three.length === 0 ? NaN : sum);
          expect(store.aggregate('X', i * 60_000, 3, 'Maximum')).toBe(three.length === 0 ? NaN : max);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a Sum over several periods is kept to 12 significant digits: three periods of 33.4 sum to 100.2 (doubles: 100.19999999999999), so >= 100.2 holds', () => {
    const store = new MetricStore({ period: 60_000, publishDelay: 0 });
    for (let i = 0; i < 3; i++) store.putValue('RequestCountPerTarget', i * 60_000, 33.4, 5);
    expect(store.aggregate('RequestCountPerTarget', 0, 3, 'Sum')).toBe(100.2);
  });

  it('reads nothing off the period grid (an aggregate from a start between periods is missing)', () => {
    const store = new MetricStore({ period: 10, publishDelay: 0 });
    store.putValues('X', 0, 0.2, 7, 9, 3);
    store.putValue('X', 10, 1);
    expect(store.aggregate('X', 2, 1, 'Maximum')).toBeNaN();
    expect(store.aggregate('X', 0, 1, 'Maximum')).toBe(9);
  });

  it('rejects a period start that is not on the period grid, naming what was expected', () => {
    const store = new MetricStore({ period: 60_000, publishDelay: 0 });
    expect(() => store.putValue('X', 30_000, 1)).toThrow(/multiple of 60000 ms.*found 30000/);
  });
});
