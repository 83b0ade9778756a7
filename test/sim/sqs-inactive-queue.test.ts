// An SQS queue inactive for six hours sends no CloudWatch metrics, and once activated again
// its metrics may be delayed up to 15 minutes (AWSSimpleQueueService/latest/SQSDeveloperGuide/
// monitoring-using-cloudwatch.html). A queue service at 0 tasks woken by an alarm on
// ApproximateNumberOfMessagesVisible wakes that much later after a long idle spell.
//
// Hand computation (fluid fidelity, 10 messages/s in [0, 10 min) and again from the next
// batch's start S for 10 min, no worker before the wake): the visible messages at the end of
// minute k of a batch with no worker are 600k. The wake alarm "> 0 for 1 datapoint" sees a
// period's datapoint one period plus the 60 s publish delay after the period starts.
//  - first batch: the datapoint of [0, 60 s), 600, seen at 120 s: ALARM at 120 s, 0 -> 2.
//  - the workers drain the queue and CPU target tracking takes them back to 0 (idle CPU 0);
//    they leave RUNNING at T0 (a period boundary, well under an hour), the end of the last
//    period with a task RUNNING. From then on nothing touches the queue: it goes inactive
//    at T0 + 6 h.
//  - S = 8 h (a gap over 6 h): the batch activates the queue in the period [8 h, 8 h 1 min);
//    its metrics resume with the period starting 15 min later, [8 h 15 min, 8 h 16 min), whose
//    datapoint is the 10 min of the batch, 600 x 10 = 6000, seen at 8 h 17 min: ALARM at 8 h 17 min (without the
//    inactivity, 8 h 2 min on 600: 15 min earlier).
//  - S = 5 h 10 min (the queue last touched at T0 < 1 h, so less than 6 h before): no
//    inactivity, ALARM at 5 h 12 min on 600.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';
import { effectiveScenario, loadScenarioObject } from '../../src/scenario/index.js';
import { scenario } from './sqs-inactive-scenario.js';

const H = 3_600_000;
const M = 60_000;

function run(batchAt: string, batchEnd: string, duration: string, workload: Record<string, unknown> = {}) {
  const r = runKeepingRows(scenario(batchAt, batchEnd, duration, workload), { seed: 1 });
  const toAlarm = r.events.filter((e) => e.type === 'alarm-state' && e.message.includes('-> ALARM') && e.message.includes('> 0:'));
  // T0: CPU target tracking scales the idle workers in to 0 at an alarm evaluation, a period
  // boundary; they leave RUNNING there, so the period starting at T0 has none RUNNING
  const t0 = r.events.find((e) => e.type === 'scaling-activity' && e.message.startsWith('desired count 2 -> 0'))!.time;
  return {
    toAlarm,
    wakes: r.events.filter((e) => e.type === 'scaling-activity' && e.message.startsWith('desired count 0 -> 2')),
    toInsufficient: r.events.filter((e) => e.type === 'alarm-state' && e.message.startsWith('StepScaling-worker-wake') && e.message.includes('-> INSUFFICIENT_DATA')),
    sqs: r.events.filter((e) => e.type === 'queue-inactive' || e.type === 'queue-metrics-resumed'),
    t0,
    rows: r.timeseries,
  };
}

describe('an inactive SQS queue (6 h without a message or a worker polling) sends no metrics', () => {
  it('a 7 h 50 min gap: the first wake at 120 s, the second 15 min late, at 8 h 17 min on 6000', () => {
    const r = run('8h', '8h10m', '8h40m');
    expect(r.toAlarm.map((e) => e.time)).toEqual([120_000, 8 * H + 17 * M]);
    expect(r.toAlarm[0].message).toContain('1 datapoint > 0: 600.0');
    expect(r.toAlarm[1].message).toContain('1 datapoint > 0: 6000.0');
    expect(r.wakes.map((e) => e.time)).toEqual([120_000, 8 * H + 17 * M]);
    expect(r.t0).toBeLessThan(H);
    expect(r.t0).toBeGreaterThan(10 * M);
    expect(r.t0 % M).toBe(0);
    // the fleet went to 0 and stayed there until the second wake: nothing polled the queue
    expect(r.rows.filter((x) => x.time >= r.t0 && x.time < 8 * H + 17 * M).every((x) => x.runningCount === 0)).toBe(true);
    expect(r.sqs.map((e) => [e.type, e.time])).toEqual([
      ['queue-inactive', r.t0 + 6 * H],
      ['queue-metrics-resumed', 8 * H + 16 * M],
    ]);
    expect(r.sqs[0].message).toContain(`SQS queue inactive since 6h${r.t0 / M}m: no message and no task polling it since ${r.t0 / M}m (inactiveAfter 6h)`);
    // the last datapoint sent is the period [T0 + 6 h - 1 min, T0 + 6 h), the last the queue
    // was active in; the wake alarm (1 of 1) retrieves N + 2 = 3 periods (docs/assumptions.md):
    // at t those starting t - 2, t - 3, t - 4 min, all missing from t = T0 + 6 h + 4 min
    expect(r.toInsufficient.map((e) => e.time)).toEqual([r.t0 + 6 * H + 4 * M]);
    expect(r.sqs[1].message).toContain('active again since 8h (a message arrived); its CloudWatch metrics resume with the datapoint at 8h15m, 15m after activation');
    // the backlog itself is unaffected: 600 a minute until the workers come
    expect(r.rows.find((x) => x.time === 8 * H + 15 * M)?.backlog).toBe(6000);
  });

  it('a 5 h gap: the queue stays active, the second wake at the usual 5 h 12 min on 600', () => {
    const r = run('5h10m', '5h20m', '5h40m');
    expect(r.toAlarm.map((e) => e.time)).toEqual([120_000, 5 * H + 12 * M]);
    expect(r.toAlarm[1].message).toContain('1 datapoint > 0: 600.0');
    expect(r.sqs).toEqual([]);
  });

  it('activationMetricsDelay 0: inactive, then the metrics resume at once: the wake at 8 h 2 min on 600', () => {
    const r = run('8h', '8h10m', '8h40m', { activationMetricsDelay: 0 });
    expect(r.toAlarm.map((e) => e.time)).toEqual([120_000, 8 * H + 2 * M]);
    expect(r.toAlarm[1].message).toContain('1 datapoint > 0: 600.0');
    expect(r.sqs.map((e) => [e.type, e.time])).toEqual([
      ['queue-inactive', r.t0 + 6 * H],
      ['queue-metrics-resumed', 8 * H + M],
    ]);
  });

  it('inactiveAfter 4h and activationMetricsDelay 5m: the 5 h gap goes inactive, the wake at 5 h 17 min on 600 x 6', () => {
    // last touched at T0 < 1 h: inactive at T0 + 4 h, before 5 h 10 min; resumes with the
    // period [5 h 15 min, 5 h 16 min): 600 x 6 = 3600, seen at 5 h 17 min
    const r = run('5h10m', '5h20m', '5h40m', { inactiveAfter: '4h', activationMetricsDelay: '5m' });
    expect(r.t0).toBeLessThan(H);
    expect(r.toAlarm.map((e) => e.time)).toEqual([120_000, 5 * H + 17 * M]);
    expect(r.toAlarm[1].message).toContain('1 datapoint > 0: 3600.0');
    expect(r.sqs.map((e) => [e.type, e.time])).toEqual([
      ['queue-inactive', r.t0 + 4 * H],
      ['queue-metrics-resumed', 5 * H + 16 * M],
    ]);
  });

  it('inactiveAfter 5h59m30s and activationMetricsDelay 90s, not whole periods: inactive within a period, resumed with the first period starting 90 s or more after activation', () => {
    // inactive at T0 + 5 h 59 min 30 s, inside the period [T0 + 5 h 59 min, T0 + 6 h), which
    // keeps its datapoint (the event at its end); the wake alarm sees all its 3 periods
    // missing from T0 + 6 h + 4 min, as with 6 h. Activated at 8 h: the first period starting
    // at 8 h 1 min 30 s or later is [8 h 2 min, 8 h 3 min): 600 x 3 = 1800, seen at 8 h 4 min
    const r = run('8h', '8h10m', '8h40m', { inactiveAfter: '5h59m30s', activationMetricsDelay: '90s' });
    expect(r.sqs.map((e) => [e.type, e.time])).toEqual([
      ['queue-inactive', r.t0 + 6 * H],
      ['queue-metrics-resumed', 8 * H + 3 * M],
    ]);
    expect(r.sqs[0].message).toContain(`SQS queue inactive since 6h${r.t0 / M - 1}m30s: no message and no task polling it since ${r.t0 / M}m (inactiveAfter 5h59m30s)`);
    expect(r.sqs[1].message).toContain('resume with the datapoint at 8h2m, 2m after activation (activationMetricsDelay 1m30s');
    expect(r.toInsufficient.map((e) => e.time)).toEqual([r.t0 + 6 * H + 4 * M]);
    expect(r.toAlarm.map((e) => e.time)).toEqual([120_000, 8 * H + 4 * M]);
    expect(r.toAlarm[1].message).toContain('1 datapoint > 0: 1800.0');
  });

  it('a RUNNING worker polls the queue: with minCapacity 1 it never goes inactive', () => {
    const s = scenario('8h', '8h10m', '8h40m');
    (s.services.worker.autoScaling as { minCapacity: number }).minCapacity = 1;
    const r = runKeepingRows(s, { seed: 1 });
    expect(r.events.filter((e) => e.type === 'queue-inactive')).toEqual([]);
  });
});

describe('inactiveAfter and activationMetricsDelay: validated, defaults in scenario.json', () => {
  const errors = (workload: Record<string, unknown>, type = 'queue') => {
    const s = scenario('8h', '8h10m', '8h40m', workload) as ReturnType<typeof scenario>;
    (s.services.worker.workload as Record<string, unknown>).type = type;
    try {
      loadScenarioObject('t', s);
      return '';
    } catch (e) {
      return String((e as Error).message);
    }
  };
  it('inactiveAfter: above 0, at most 6h; activationMetricsDelay 0 to 15m', () => {
    expect(errors({ inactiveAfter: '7h' })).toMatch(/inactiveAfter.*expected a duration from 1ms to 6h .*found 7h/s);
    expect(errors({ inactiveAfter: 0 })).toMatch(/inactiveAfter.*expected a duration from 1ms to 6h/s);
    expect(errors({ activationMetricsDelay: '16m' })).toMatch(/activationMetricsDelay.*expected a duration from 0 to 15m .*found 16m/s);
    expect(errors({ activationMetricsDelay: '-1m' })).toMatch(/activationMetricsDelay/);
    expect(errors({ inactiveAfter: '6h', activationMetricsDelay: '0s' })).toBe('');
  });
  it('scenario.json records the defaults, 6h and 15m, in ms after messageRetentionPeriod', () => {
    const w = effectiveScenario(loadScenarioObject('t', scenario('8h', '8h10m', '8h40m'))).services.worker.workload!;
    expect(Object.keys(w).slice(-3)).toEqual(['messageRetentionPeriod', 'inactiveAfter', 'activationMetricsDelay']);
    expect(w.inactiveAfter).toBe(6 * H);
    expect(w.activationMetricsDelay).toBe(15 * M);
  });
  it('refused on an http workload', () => {
    expect(errors({ inactiveAfter: '1h' }, 'http')).toMatch(/expected no inactiveAfter on an http workload/);
    expect(errors({ activationMetricsDelay: '1m' }, 'http')).toMatch(/expected no activationMetricsDelay on an http workload/);
  });
});

// What touches the queue besides an arrival: a message visible at a period's end, and a task
// RUNNING for part of a period. One worker (20 messages/s: 4 slots x 200 ms, above the 10
// messages/s arriving in [0, 10 min), so nothing waits while it runs), no alarm; a scheduled
// action (min = max = 0) stops it.
function stopped(stopAt: string, duration: string, workload: Record<string, unknown> = {}) {
  const s = scenario('8h', '8h10m', duration, workload);
  const w = s.services.worker as Record<string, unknown>;
  w.desiredCount = 1;
  w.workload = { ...(w.workload as Record<string, unknown>), requestRate: { step: { from: 10, steps: [{ at: '10m', to: 0 }] } } };
  w.autoScaling = {
    minCapacity: 1,
    maxCapacity: 1,
    policies: {},
    scheduledActions: { stop: { schedule: `at(2026-03-02T${stopAt})`, scalableTargetAction: { minCapacity: 0, maxCapacity: 0 } } },
  };
  const r = runKeepingRows(s, { seed: 1 });
  return { sqs: r.events.filter((e) => e.type === 'queue-inactive' || e.type === 'queue-metrics-resumed'), rows: r.timeseries };
}

describe('a visible message and a task RUNNING for part of a period touch the queue', () => {
  it('messages left visible with no worker keep it active: none inactive over 7 h', () => {
    // the worker stops at 5 min; the 10 x 300 = 3000 messages of [5 min, 10 min) stay visible
    // (messageRetentionPeriod 1 day, above the 7 h run): every period touches the queue, though
    // nothing arrives after 10 min nor polls after 5 min (were arrivals alone to count, it
    // would go inactive at 10 min + 6 h)
    const r = stopped('00:05:00', '7h', { messageRetentionPeriod: '1d' });
    expect(r.rows.at(-1)!.backlog).toBe(3000);
    expect(r.rows.filter((x) => x.time >= 5 * M).every((x) => x.runningCount === 0)).toBe(true);
    expect(r.sqs).toEqual([]);
  });

  it('the last task leaves RUNNING at 00:20:30: the period [20 min, 21 min) touches it, inactive at 6 h 21 min', () => {
    // the queue is empty from 10 min (the worker keeps up); the worker RUNNING for the first
    // 30 s of [20 min, 21 min) polls it then: last touched at 21 min, inactive at 21 min + 6 h
    // (were only the tasks RUNNING at a period's end to count, at 20 min + 6 h)
    const r = stopped('00:20:30', '6h30m');
    expect(r.rows.find((x) => x.time === 20 * M)?.runningCount).toBe(0);
    expect(r.rows.find((x) => x.time === 19 * M)?.runningCount).toBe(1);
    expect(r.sqs.map((e) => [e.type, e.time])).toEqual([['queue-inactive', 6 * H + 21 * M]]);
  });
});
