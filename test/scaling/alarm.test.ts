import { describe, it, expect } from 'vitest';
import { Alarm, MetricStore } from '../../src/scaling/index.js';

const MIN = 60_000;

describe('Alarm', () => {
  it('starts INSUFFICIENT_DATA and goes ALARM when 3 of 3 datapoints breach, listing them (PutMetricAlarm M of N)', () => {
    const store = new MetricStore({ period: MIN, publishDelay: MIN });
    const alarm = new Alarm({
      name: 'high',
      metricName: 'CPUUtilization',
      statistic: 'Average',
      period: MIN,
      evaluationPeriods: 3,
      threshold: 60,
      comparisonOperator: 'GreaterThanThreshold',
    });
    expect(alarm.state).toBe('INSUFFICIENT_DATA');
    [74.9, 76.2, 75.0].forEach((v, m) => store.putValue('CPUUtilization', m * MIN, v));
    // minute 0 visible at 2 min: one real datapoint of 3 needed, breaching, only 1 old -> OK
    expect(alarm.evaluate(2 * MIN, store)?.to).toBe('OK');
    expect(alarm.evaluate(3 * MIN, store)).toBeNull(); // 2 datapoints, newest 1 old: still OK
    const tr = alarm.evaluate(4 * MIN, store);
    expect(tr).toEqual({
      time: 4 * MIN,
      alarmName: 'high',
      from: 'OK',
      to: 'ALARM',
      datapoints: [74.9, 76.2, 75.0],
      message: '3 datapoints > 60: 74.9 76.2 75.0',
    });
    // nothing new visible: no re-evaluation
    const before = alarm.lastEvaluatedPeriodStart;
    expect(alarm.evaluate(4 * MIN + 30_000, store)).toBeNull();
    expect(alarm.lastEvaluatedPeriodStart).toBe(before);
  });

  it('evaluates a 5-minute alarm on one-minute data by combining the statistic sets of each 5 minutes', () => {
    const store = new MetricStore({ period: MIN, publishDelay: 0 });
    const alarm = new Alarm({
      name: 'five',
      metricName: 'CPUUtilization',
      statistic: 'Maximum',
      period: 5 * MIN,
      evaluationPeriods: 1,
      threshold: 90,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    for (let m = 0; m < 5; m++) store.putValue('CPUUtilization', m * MIN, m === 2 ? 95 : 10);
    expect(alarm.evaluate(5 * MIN, store)?.to).toBe('ALARM');
    expect(alarm.evaluation.evaluated[0]).toBe(95);
  });

  it('rejects datapointsToAlarm > evaluationPeriods and a period that is not a multiple of the metric period', () => {
    const base = {
      name: 'a',
      metricName: 'X',
      statistic: 'Average' as const,
      period: MIN,
      evaluationPeriods: 2,
      threshold: 1,
      comparisonOperator: 'LessThanThreshold' as const,
    };
    expect(() => new Alarm({ ...base, datapointsToAlarm: 3 })).toThrow(/datapointsToAlarm: expected .*\[1, evaluationPeriods = 2\], found 3/);
    const odd = new Alarm({ ...base, period: 90_000 });
    expect(() => odd.evaluate(10 * MIN, new MetricStore({ period: MIN, publishDelay: 0 }))).toThrow(/multiple of the metric period 60000 ms, found 90000 ms/);
  });
});
