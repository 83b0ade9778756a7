import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Alarm, MetricStore } from '../../src/scaling/index.js';
import { evaluateRange, newRangeEvaluation, TREAT_MISSING_DATA } from '../../src/scaling/alarm-evaluation.js';
import { COMPARISON_OPERATORS } from '../../src/scaling/comparison.js';

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
    // minute 0 visible at 2 min: one real datapoint of 3 needed, breaching, only 1 old ->
    // INSUFFICIENT_DATA (AWS's table row "- - - - X"), so no transition yet
    expect(alarm.evaluate(2 * MIN, store)).toBeNull();
    expect(alarm.state).toBe('INSUFFICIENT_DATA');
    expect(alarm.evaluate(3 * MIN, store)).toBeNull(); // 2 datapoints, the older 2 old: still too few
    const tr = alarm.evaluate(4 * MIN, store);
    expect(tr).toEqual({
      time: 4 * MIN,
      alarmName: 'high',
      from: 'INSUFFICIENT_DATA',
      to: 'ALARM',
      datapoints: [74.9, 76.2, 75.0],
      message: '3 datapoints > 60: 74.9 76.2 75.0',
    });
    // nothing new visible: no re-evaluation
    const before = alarm.lastEvaluatedPeriodStart;
    expect(alarm.evaluate(4 * MIN + 30_000, store)).toBeNull();
    expect(alarm.lastEvaluatedPeriodStart).toBe(before);
  });

  it('tells the tasks its newest evaluated datapoint was measured over (the newest real one when the newest is missing)', () => {
    const store = new MetricStore({ period: MIN, publishDelay: 0 });
    const alarm = new Alarm({ name: 'high', metricName: 'CPUUtilization', statistic: 'Average', period: MIN, evaluationPeriods: 3, threshold: 60, comparisonOperator: 'GreaterThanThreshold' });
    expect(alarm.newestEvaluatedTasks()).toBeNaN(); // nothing evaluated yet
    store.putValue('CPUUtilization', 0, 90, 4);
    store.putValue('CPUUtilization', MIN, 90, 4);
    store.putValue('CPUUtilization', 2 * MIN, 100, 6);
    alarm.evaluate(3 * MIN, store);
    expect(alarm.state).toBe('ALARM');
    expect(alarm.newestEvaluatedTasks()).toBe(6);
    // minute 3 missing: the range shifts, the newest real datapoint (minute 2) is still the newest evaluated
    alarm.evaluate(4 * MIN, store);
    expect(alarm.evaluatedDatapoints()).toEqual([90, 90, 100]);
    expect(alarm.newestEvaluatedTasks()).toBe(6);
    store.putValue('CPUUtilization', 4 * MIN, 80, 10);
    alarm.evaluate(5 * MIN, store);
    expect(alarm.evaluatedDatapoints()).toEqual([90, 100, 80]);
    expect(alarm.newestEvaluatedTasks()).toBe(10);
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

  it('slides a 5-minute window a minute at a time (CloudWatch\'s default SlidingWindow), not fixed 5-minute blocks from the start', () => {
    // alarm-evaluation-window.html: the sliding window "advances each time the alarm is
    // evaluated" (a 1-hour alarm over 13:07-14:07, then 13:08-14:08). One-minute CPU 40 up to
    // minute 30 (the minute starting at 1800 s), 100 from minute 31 (1860 s); publish delay
    // 60 s, so minute i is visible at (i + 2) x 60 s and the newest datapoint at t is the
    // Average of the 5 minutes ending with minute t/60 - 2.
    const store = new MetricStore({ period: MIN, publishDelay: MIN });
    const alarm = new Alarm({ name: 'up', metricName: 'CPUUtilization', statistic: 'Average', period: 5 * MIN, evaluationPeriods: 1, threshold: 70, comparisonOperator: 'GreaterThanThreshold' });
    for (let m = 0; m < 40; m++) store.putValue('CPUUtilization', m * MIN, m < 31 ? 40 : 100);
    const seen: { t: number; to: string; datapoints: number[]; message: string }[] = [];
    for (let t = MIN; t <= 40 * MIN; t += MIN) {
      const tr = alarm.evaluate(t, store);
      if (tr) seen.push({ t: t / 1000, to: tr.to, datapoints: tr.datapoints, message: tr.message });
    }
    // first evaluation at 360 s (minutes 0-4: 40, OK); at 2040 s (minutes 28-32)
    // (3 x 40 + 2 x 100) / 5 = 64, still OK; at 2100 s (minutes 29-33)
    // (2 x 40 + 3 x 100) / 5 = 76 > 70: ALARM. Fixed blocks from the start would see
    // [1800, 2100) only at 2160 s, as 88.
    expect(seen).toEqual([
      { t: 360, to: 'OK', datapoints: [40], message: '1 of 1 datapoint not > 70: 40.0' },
      { t: 2100, to: 'ALARM', datapoints: [76], message: '1 datapoint > 70: 76.0' },
    ]);
  });

  it('a 5-minute alarm of 2 evaluation periods: each datapoint 5 minutes before the next, both sliding a minute at a time', () => {
    // One-minute CPU 40 for minutes 0-9, 100 from minute 10; publish delay 60 s (minute i
    // visible at (i + 2) x 60 s). At t the datapoints are the Averages of minutes
    // [n - 9, n - 5] and [n - 4, n] with n = t/60 - 2; ALARM needs both > 60.
    // n = 15 (t = 1020 s): [6, 10] = (4 x 40 + 100) / 5 = 52, [11, 15] = 100: OK.
    // n = 16 (t = 1080 s): [7, 11] = (3 x 40 + 2 x 100) / 5 = 64, [12, 16] = 100: ALARM.
    // (Fixed blocks [600, 900) and [900, 1200) would both be visible only at 1260 s.)
    const store = new MetricStore({ period: MIN, publishDelay: MIN });
    const alarm = new Alarm({ name: 'two', metricName: 'CPUUtilization', statistic: 'Average', period: 5 * MIN, evaluationPeriods: 2, threshold: 60, comparisonOperator: 'GreaterThanThreshold' });
    for (let m = 0; m < 30; m++) store.putValue('CPUUtilization', m * MIN, m < 10 ? 40 : 100);
    for (let t = MIN; t < 1020_000; t += MIN) alarm.evaluate(t, store);
    expect(alarm.state).toBe('OK');
    expect(alarm.evaluate(1020_000, store)).toBeNull();
    expect(alarm.evaluatedDatapoints()).toEqual([52, 100]);
    const tr = alarm.evaluate(1080_000, store);
    expect(tr?.to).toBe('ALARM');
    expect(tr?.datapoints).toEqual([64, 100]);
    expect(alarm.lastEvaluatedPeriodStart).toBe(720_000); // the newest datapoint: minutes 12-16
  });

  it("each evaluation equals CloudWatch's evaluation of the whole range read afresh (state, datapoints, counts) — property", () => {
    // The alarm keeps counts as its range shifts and works the details out only when read;
    // here every evaluation is compared with evaluateRange over the range read from the store.
    const config = fc.record({
      n: fc.integer({ min: 1, max: 6 }),
      mFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      extra: fc.integer({ min: 0, max: 3 }),
      k: fc.constantFrom(1, 2),
      op: fc.constantFrom(...COMPARISON_OPERATORS),
      threshold: fc.integer({ min: 0, max: 10 }),
      treat: fc.constantFrom(...TREAT_MISSING_DATA),
    });
    // per minute: a value, or missing; per evaluation: alarm periods to move on (1 = the usual
    // shift, 0 = nothing new visible) and whether the details are read then (the simulator
    // reads them only now and then, so stale details must carry over several evaluations)
    const minute = fc.option(fc.integer({ min: 0, max: 10 }), { nil: null, freq: 4 });
    // (in alarm periods, or in metric periods: the sliding window of an alarm period of 2
    // minutes moves a minute at a time, re-reading the range)
    const step = fc.record({ move: fc.constantFrom(0, 1, 1, 1, 2, 3), byMinute: fc.boolean(), read: fc.boolean() });
    fc.assert(
      fc.property(config, fc.array(minute, { minLength: 1, maxLength: 80 }), fc.array(step, { maxLength: 60 }), (c, minutes, steps) => {
        const m = Math.max(1, Math.round(c.mFraction * c.n));
        const R = c.n + c.extra;
        const store = new MetricStore({ period: MIN, publishDelay: 0 });
        minutes.forEach((v, i) => { if (v !== null) store.putValue('X', i * MIN, v); });
        const alarm = new Alarm({ name: 'a', metricName: 'X', statistic: 'Average', period: c.k * MIN, evaluationPeriods: c.n, datapointsToAlarm: m, threshold: c.threshold, comparisonOperator: c.op, evaluationRange: R, treatMissingData: c.treat });
        const want = newRangeEvaluation(R);
        let t = c.k * MIN;
        for (const { move, byMinute, read } of steps) {
          t += move * (byMinute ? 1 : c.k) * MIN;
          const before = alarm.state; // what "ignore" keeps
          alarm.evaluate(t, store);
          const newest = alarm.lastEvaluatedPeriodStart;
          // the alarm period ending with the newest visible minute (publish delay 0)
          expect(newest).toBe(t - c.k * MIN);
          if (newest < 0) continue;
          const range = Array.from({ length: R }, (_, j) => store.aggregate('X', newest - (R - 1 - j) * c.k * MIN, c.k, 'Average'));
          evaluateRange(range, R, c.n, m, c.op, c.threshold, want, c.treat, before);
          expect(alarm.state).toBe(want.state);
          if (!read) continue;
          const got = alarm.evaluation;
          expect([got.state, got.evaluatedCount, got.breachingCount, got.premature, got.filled, got.retained]).toEqual([want.state, want.evaluatedCount, want.breachingCount, want.premature, want.filled, want.retained]);
          expect(Array.from(got.evaluated.subarray(0, got.evaluatedCount))).toEqual(Array.from(want.evaluated.subarray(0, want.evaluatedCount)));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('M of N against a plain oracle: at least M of the newest N datapoints breaching -> ALARM, else OK; missing ones filled as breaching/notBreaching — property', () => {
    // CloudWatch (alarm-evaluation.html): "Datapoints to Alarm is the number of data points
    // within the Evaluation Periods that must be breaching to cause the alarm to go to the
    // ALARM state"; with fewer than N real datapoints in the evaluation range, breaching /
    // notBreaching fill the rest up to N, each filled one breaching / not breaching
    // (alarms-and-missing-data.html). Written here without evaluateRange: the alarm keeps
    // running counts, and this checks them against a count over the data.
    const breaches = (op: string, v: number, th: number) =>
      op === 'GreaterThanThreshold' ? v > th : op === 'GreaterThanOrEqualToThreshold' ? v >= th : op === 'LessThanThreshold' ? v < th : v <= th;
    const config = fc.record({
      n: fc.integer({ min: 1, max: 6 }),
      mFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      extra: fc.integer({ min: 0, max: 3 }),
      op: fc.constantFrom(...COMPARISON_OPERATORS),
      threshold: fc.integer({ min: 0, max: 10 }),
      treat: fc.constantFrom(...TREAT_MISSING_DATA),
      complete: fc.boolean(),
    });
    const minute = fc.option(fc.integer({ min: 0, max: 10 }), { nil: null, freq: 4 });
    let alarms = 0;
    let oks = 0;
    fc.assert(
      fc.property(config, fc.array(minute, { minLength: 1, maxLength: 60 }), fc.array(fc.constantFrom(1, 1, 1, 2, 3), { maxLength: 60 }), (c, raw, moves) => {
        // complete: every minute has a value (missing ones replaced); else only breaching/notBreaching are checked
        const values = c.complete ? raw.map((v, i) => v ?? i % 11) : raw;
        const M = Math.max(1, Math.round(c.mFraction * c.n));
        const R = c.n + c.extra;
        const store = new MetricStore({ period: MIN, publishDelay: 0 });
        values.forEach((v, i) => { if (v !== null) store.putValue('X', i * MIN, v); });
        const alarm = new Alarm({ name: 'a', metricName: 'X', statistic: 'Average', period: MIN, evaluationPeriods: c.n, datapointsToAlarm: M, threshold: c.threshold, comparisonOperator: c.op, evaluationRange: R, treatMissingData: c.treat });
        let newest = -1; // the minute the alarm's newest datapoint is from
        for (const move of moves) {
          newest += move;
          alarm.evaluate((newest + 1) * MIN, store);
          // the evaluation range: minutes newest-R+1 .. newest; none before 0, none after the data
          const real: number[] = [];
          for (let i = newest - R + 1; i <= newest; i++) {
            const v = i >= 0 && i < values.length ? values[i] : null;
            if (v !== null) real.push(v);
          }
          let want: string;
          if (real.length >= c.n) {
            want = real.slice(-c.n).filter((v) => breaches(c.op, v, c.threshold)).length >= M ? 'ALARM' : 'OK';
          } else if (c.treat === 'breaching' || c.treat === 'notBreaching') {
            const filled = c.treat === 'breaching' ? c.n - real.length : 0;
            want = real.filter((v) => breaches(c.op, v, c.threshold)).length + filled >= M ? 'ALARM' : 'OK';
          } else continue; // missing/ignore with fewer than N real: AWS's tables (tested elsewhere)
          expect(alarm.state).toBe(want);
          if (want === 'ALARM') alarms++;
          else oks++;
        }
      }),
      { numRuns: 400 },
    );
    // both outcomes were checked, many times
    expect(alarms).toBeGreaterThan(200);
    expect(oks).toBeGreaterThan(200);
  });

  it('keeps the datapoints it reads when the publish delay is longer than the default retention of 64 periods', () => {
    // publishDelay 64 min: the datapoint of minute m is visible at m + 1 + 64 min, when the
    // store already holds minutes up to m + 64. The retention must cover the range (5) and
    // the delay (64): 5 + 64 + 1 = 70 periods (64 dropped every datapoint read: no transition).
    const store = new MetricStore({ period: MIN, publishDelay: 64 * MIN });
    const alarm = new Alarm({ name: 'high', metricName: 'X', statistic: 'Average', period: MIN, evaluationPeriods: 3, threshold: 60, comparisonOperator: 'GreaterThanThreshold' });
    const transitions: [number, string, number[]][] = [];
    for (let m = 1; m <= 100; m++) {
      store.putValue('X', (m - 1) * MIN, m - 1 >= 10 && m - 1 <= 12 ? 75 : 10);
      const tr = alarm.evaluate(m * MIN, store);
      if (tr) transitions.push([tr.time / MIN, tr.to, tr.datapoints]);
    }
    expect(store.retention).toBe(70);
    // minute 0 visible at 65 min (one datapoint, not breaching: OK); minute 12 at 77 min
    // completes 3 of 3 above 60; minute 13 (10) at 78 min ends it
    expect(transitions).toEqual([
      [65, 'OK', [10]],
      [77, 'ALARM', [75, 75, 75]],
      [78, 'OK', [75, 75, 10]],
    ]);
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

  it('limits period x evaluationPeriods as PutMetricAlarm does: one day under a 1-hour period, seven days from 1 hour up', () => {
    const base = { name: 'a', metricName: 'X', statistic: 'Average' as const, threshold: 1, comparisonOperator: 'LessThanThreshold' as const };
    expect(() => new Alarm({ ...base, period: MIN, evaluationPeriods: 1440 })).not.toThrow();
    expect(() => new Alarm({ ...base, period: MIN, evaluationPeriods: 1441 })).toThrow(/at most one day for a period under one hour/);
    expect(() => new Alarm({ ...base, period: 60 * MIN, evaluationPeriods: 30 })).not.toThrow(); // 30 h
    expect(() => new Alarm({ ...base, period: 60 * MIN, evaluationPeriods: 168 })).not.toThrow(); // 7 days
    expect(() => new Alarm({ ...base, period: 60 * MIN, evaluationPeriods: 169 })).toThrow(/at most seven days/);
  });
});
