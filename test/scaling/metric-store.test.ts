import { describe, it, expect } from 'vitest';
import { MetricStore, visibleAt, datapointStatistic } from '../../src/scaling/index.js';

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

  it('rejects a period start that is not on the period grid, naming what was expected', () => {
    const store = new MetricStore({ period: 60_000, publishDelay: 0 });
    expect(() => store.putValue('X', 30_000, 1)).toThrow(/multiple of 60000 ms.*found 30000/);
  });
});
