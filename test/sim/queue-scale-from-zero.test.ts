// Scaling a queue worker service out from 0 tasks. With no task RUNNING the per-task
// metrics (CPU, memory, BacklogPerTask) have no datapoint, so nothing alarms; SQS reports
// the queue's ApproximateNumberOfMessagesVisible for an active queue whatever its consumers
// (AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html:
// "A non-negative value is reported if the queue is active"), one sample a minute, so a
// step scaling alarm on it is the scale-from-zero setup.
//
// Hand computation (fluid fidelity, constant lambda = 10 messages/s, no worker): the visible
// messages at the end of minute k (the period [60(k-1), 60k) s) are 600k. Its datapoint is
// visible one period plus the 60 s publish delay after the period starts: 600 at 120 s, 1200
// at 180 s, 1800 at 240 s, 2400 at 300 s. An alarm "> T for 2 of 2 datapoints":
//   T = 1000: at 180 s [600, 1200] one breaches; at 240 s [1200, 1800] both: ALARM at 240 s.
//   T = 1500: at 240 s [1200, 1800] one; at 300 s [1800, 2400] both: ALARM at 300 s.
// The step (+3 from the lower bound 0) scales 0 -> 3. A worker serves concurrency 4 /
// 200 ms = 20 messages/s: 3 of them drain 60 - 10 = 50 messages/s net, so a backlog of at
// most 600k + 600 is gone within (600k + 600) / 50 s of the third one RUNNING.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';
import { scalingLines } from '../../src/output/explain/scaling-lines.js';

function scenario(metricName: string, threshold: number, extra: Record<string, unknown> = {}) {
  return {
    name: 'queue-from-zero',
    seed: 1,
    start: '2026-03-02T06:00:00Z',
    duration: '20m',
    cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { FARGATE: {} } },
    taskDefinitions: {
      worker: {
        cpu: 512,
        memory: 1024,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        containerDefinitions: { worker: { cpu: 512, memory: 1024 } },
        startup: { imagePull: '15s', containerStart: '3s' },
      },
    },
    services: {
      worker: {
        taskDefinition: 'worker',
        desiredCount: 0,
        launchType: 'FARGATE',
        workload: {
          type: 'queue',
          requestRate: { constant: 10 },
          perTask: { concurrency: 4, serviceTime: { distribution: 'exponential', mean: '200ms' } },
        },
        autoScaling: {
          minCapacity: 0,
          maxCapacity: 10,
          policies: {
            out: {
              policyType: 'StepScaling',
              alarm: { metricName, statistic: 'Maximum', evaluationPeriods: 2, threshold, comparisonOperator: 'GreaterThanThreshold', ...extra },
              adjustmentType: 'ChangeInCapacity',
              stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 3 }],
            },
          },
        },
      },
    },
  };
}

function run(metricName: string, threshold: number, extra: Record<string, unknown> = {}) {
  const r = runKeepingRows(scenario(metricName, threshold, extra), { seed: 1 });
  const alarms = r.events.filter((e) => e.type === 'alarm-state');
  return {
    toAlarm: alarms.find((e) => e.message.includes('-> ALARM')),
    activities: r.events.filter((e) => e.type === 'scaling-activity'),
    rows: r.timeseries,
  };
}

describe('ApproximateNumberOfMessagesVisible: a queue service scales out from 0 tasks', () => {
  it('T = 1000, 2 of 2: ALARM at 240 s on 1200 and 1800 (10/s x 60 s x k), desired 0 -> 3, the queue drained', () => {
    const r = run('ApproximateNumberOfMessagesVisible', 1000);
    expect(r.toAlarm?.time).toBe(240_000);
    expect(r.toAlarm?.message).toContain('2 datapoints > 1000: 1200.0 1800.0');
    expect(r.activities.length).toBe(1);
    expect(r.activities[0].time).toBe(240_000);
    expect(r.activities[0].message).toMatch(/^desired count 0 -> 3:/);
    // before: no task, the visible messages grow 600 a minute
    expect(r.rows.slice(0, 4).map((x) => [x.runningCount, x.backlog])).toEqual([[0, 600], [0, 1200], [0, 1800], [0, 2400]]);
    const allRunning = r.rows.find((x) => x.runningCount === 3)!;
    expect(allRunning.time).toBeLessThanOrEqual(300_000);
    // at most 3000 messages at 50/s net: empty one minute after the period all 3 ran in
    const drained = r.rows.find((x) => x.time === allRunning.time + 60_000)!;
    // drained: what is left is the steady queue of 10/s on 60/s of workers (Erlang C Lq at
    // rho 1/6, well under a thousandth of a message), no fluid excess
    expect(drained.backlog).toBeLessThan(1e-3);
    expect(r.rows[r.rows.length - 1].backlog).toBeLessThan(1e-3);
  });

  it('T = 1500: ALARM one minute later, at 300 s on 1800 and 2400', () => {
    const r = run('ApproximateNumberOfMessagesVisible', 1500);
    expect(r.toAlarm?.time).toBe(300_000);
    expect(r.toAlarm?.message).toContain('2 datapoints > 1500: 1800.0 2400.0');
    expect(r.activities[0].time).toBe(300_000);
    expect(r.activities[0].message).toMatch(/^desired count 0 -> 3:/);
  });

  it('T = 0, 1 of 1 (the wake alarm): once the workers keep up the datapoints are whole messages, 0, and the alarm does not fire again', () => {
    // 10/s into 3 workers of 4 slots x 200 ms (a = 2 Erlangs on 12 slots): the expected
    // queue (Erlang C Lq, well under half a message) is a sample of 0 visible messages, not
    // the expected 1e-9-odd, which "> 0" would keep in ALARM (+3 every cooldown)
    const r = run('ApproximateNumberOfMessagesVisible', 0, { evaluationPeriods: 1 });
    expect(r.toAlarm?.time).toBe(120_000);
    expect(r.toAlarm?.message).toContain('1 datapoint > 0: 600.0');
    expect(r.activities.map((a) => a.message.slice(0, 24))).toEqual(['desired count 0 -> 3: st']);
    const r2 = runKeepingRows(scenario('ApproximateNumberOfMessagesVisible', 0, { evaluationPeriods: 1 }), { seed: 1 });
    const states = r2.events.filter((e) => e.type === 'alarm-state').map((e) => e.message);
    expect(states.length).toBe(2);
    expect(states[1]).toMatch(/-> OK/);
    expect(states[1]).toContain(': 0');
    // the expected count stays in the timeseries (backlog): positive, below half a message
    const last = r.rows[r.rows.length - 1].backlog!;
    expect(last).toBeGreaterThan(0);
    expect(last).toBeLessThan(0.5);
  });

  it('the same alarm on BacklogPerTask never has a datapoint: 0 tasks the whole run, the backlog 600 a minute', () => {
    const r = run('BacklogPerTask', 1000);
    expect(r.toAlarm).toBeUndefined();
    expect(r.activities).toEqual([]);
    expect(r.rows.every((x) => x.runningCount === 0)).toBe(true);
    expect(r.rows[r.rows.length - 1].backlog).toBe(600 * 20);
  });

  it('treatMissingData breaching on BacklogPerTask: ALARM on filled-in datapoints, which scales nothing', () => {
    const r = run('BacklogPerTask', 1000, { treatMissingData: 'breaching' });
    expect(r.toAlarm?.message).toContain('missing, treated as breaching');
    expect(r.activities).toEqual([]);
  });
});

// A step that computes a change of 0 scales nothing, and says so (a no-step-adjustment event,
// once per stay in ALARM; explain reads it back). PercentChangeInCapacity from 0 tasks: x % of
// 0 is 0, and MinAdjustmentMagnitude, "the minimum value to scale by" (25 % of 4 = 1 raised
// to 2: API_StepScalingPolicyConfiguration), raises a non-zero change only; AWS documents no
// other value for a percentage of 0. Same alarm as above (T = 1000, 2 of 2): ALARM at 240 s
// on 1200 and 1800, Average (the default metricAggregationType) 1500, 500 above 1000; at
// 300 s on 1800 and 2400, Average 2100, 1100 above; the queue grows, the alarm stays in ALARM.
describe('a step that computes no change', () => {
  const withPolicy = (policy: Record<string, unknown>) => {
    const s = scenario('ApproximateNumberOfMessagesVisible', 1000) as any;
    Object.assign(s.services.worker.autoScaling.policies.out, policy);
    return s;
  };
  const percent = withPolicy({ adjustmentType: 'PercentChangeInCapacity', minAdjustmentMagnitude: 2, stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 100 }] });

  it('PercentChangeInCapacity +100 % of 0 tasks (minAdjustmentMagnitude 2): 0, nothing scaled, one event at 240 s (not again each minute in ALARM), explain gives the reason', () => {
    const r = runKeepingRows(percent, { seed: 1 });
    expect(r.events.filter((e) => e.type === 'scaling-activity')).toEqual([]);
    expect(r.timeseries.every((x) => x.desiredCount === 0)).toBe(true);
    const notes = r.events.filter((e) => e.type === 'no-step-adjustment');
    expect(notes.map((e) => [e.time, e.message])).toEqual([
      [
        240_000,
        'step scaling out: 2 datapoints > 1000: 1200.0 1800.0; Average 1500.0 is 500.0 above 1000, step [0, +inf): +100% of 0 tasks is 0 (a percentage of 0 is 0; minAdjustmentMagnitude 2 raises only a non-zero change): nothing scaled',
      ],
    ]);
    const rows = r.events.map((e) => ({ timeS: e.time / 1000, type: e.type, subject: e.subject, message: e.message }));
    const policies = [{ name: 'out', policyType: 'StepScaling', metricName: 'ApproximateNumberOfMessagesVisible', targetValue: null, disableScaleIn: false }];
    const services = new Map([['worker', { name: 'worker', minCapacity: 0, maxCapacity: 10, workloadType: 'queue', newTarget: null, policies }]]);
    const lines = scalingLines(rows, { services: services as never, series: new Map() }).map((l) => l.text);
    expect(lines).toEqual([
      'worker: alarm StepScaling-worker-out in ALARM: visible messages above 1000 for 2 datapoints (1200.0, 1800.0); step [0, +inf) for Average 1500.0, 500.0 above 1000: +100% of 0 tasks is 0 (a percentage of 0 is 0; minAdjustmentMagnitude 2 raises only a non-zero change): nothing scaled',
    ]);
  });

  it('a scalingAdjustment of 0 (ChangeInCapacity, [0, 1000) +0): said at 240 s (breach 500); at 300 s (breach 1100) the step [1000, +inf) +3 scales 0 -> 3', () => {
    const s = withPolicy({ stepAdjustments: [{ metricIntervalLowerBound: 0, metricIntervalUpperBound: 1000, scalingAdjustment: 0 }, { metricIntervalLowerBound: 1000, scalingAdjustment: 3 }] });
    const r = runKeepingRows(s, { seed: 1 });
    const notes = r.events.filter((e) => e.type === 'no-step-adjustment');
    expect(notes.map((e) => [e.time, e.message])).toEqual([
      [240_000, 'step scaling out: 2 datapoints > 1000: 1200.0 1800.0; Average 1500.0 is 500.0 above 1000, step [0, 1000): a scalingAdjustment of 0 (ChangeInCapacity) is no change: nothing scaled'],
    ]);
    const acts = r.events.filter((e) => e.type === 'scaling-activity');
    expect(acts[0].time).toBe(300_000);
    expect(acts[0].message).toMatch(/^desired count 0 -> 3: /);
  });

  it('is warned of at load: PercentChangeInCapacity cannot scale out from 0, whatever minAdjustmentMagnitude; ChangeInCapacity with only a 0 step neither', () => {
    const warned = (raw: unknown) => scenarioWarnings(loadScenarioObject('test', raw, { baseDir: '.' })).map((w) => `${w.at.join('.')}: ${w.message}`);
    expect(warned(percent)).toEqual([
      'services.worker.autoScaling.minCapacity: cannot scale out from 0: the service may come down to 0 tasks (minCapacity 0), and then policy out alarms on ApproximateNumberOfMessagesVisible but is PercentChangeInCapacity, and any percentage of 0 tasks is 0 (minAdjustmentMagnitude raises only a non-zero change); give the ApproximateNumberOfMessagesVisible step policy adjustmentType ChangeInCapacity or ExactCapacity (a fixed number of tasks), the usual scale-from-zero setup',
    ]);
    expect(warned(withPolicy({ stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 0 }] }))).toEqual([
      expect.stringContaining('policy out alarms on ApproximateNumberOfMessagesVisible but has no step with a positive scalingAdjustment'),
    ]);
    expect(warned(withPolicy({ adjustmentType: 'ExactCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 2 }] }))).toEqual([]);
  });
});

describe('the scale-from-0 warning', () => {
  const warned = (raw: unknown) => scenarioWarnings(loadScenarioObject('test', raw, { baseDir: '.' })).map((w) => `${w.at.join('.')}: ${w.message}`);

  it('minCapacity 0 and a step alarm on BacklogPerTask: warned, with the hint', () => {
    expect(warned(scenario('BacklogPerTask', 1000))).toEqual([
      "services.worker.autoScaling.minCapacity: cannot scale out from 0: the service may come down to 0 tasks (minCapacity 0), and then policy out alarms on BacklogPerTask, which has no datapoint while no task is RUNNING; add a StepScaling policy whose alarm is on ApproximateNumberOfMessagesVisible (the queue's visible messages, reported whatever the number of workers), the usual scale-from-zero setup",
    ]);
  });

  it('a step alarm on ApproximateNumberOfMessagesVisible: not warned; minCapacity 1: not warned', () => {
    expect(warned(scenario('ApproximateNumberOfMessagesVisible', 1000))).toEqual([]);
    const s = scenario('BacklogPerTask', 1000);
    s.services.worker.autoScaling.minCapacity = 1;
    s.services.worker.desiredCount = 1;
    expect(warned(s)).toEqual([]);
  });

  it('target tracking on the queue metric: warned (ceil(0 x metric / target) = 0)', () => {
    const s = scenario('BacklogPerTask', 1000) as any;
    s.services.worker.autoScaling.policies = { tt: { policyType: 'TargetTrackingScaling', customMetric: 'ApproximateNumberOfMessagesVisible', targetValue: 100 } };
    // (tracking the raw queue metric is warned of too: test/scenario/target-tracking-warnings.test.ts)
    expect(warned(s).filter((w) => w.includes('scale out from 0'))).toEqual([
      expect.stringContaining('cannot scale out from 0: the service may come down to 0 tasks (minCapacity 0), and then policy tt is target tracking, which scales in proportion to the current capacity (ceil(0 x ApproximateNumberOfMessagesVisible / target) = 0)'),
    ]);
  });

  it('an http service on CPU, minCapacity 0 by a scheduled action: warned with the http hint', () => {
    const s = scenario('CPUUtilization', 50) as any;
    s.services.worker.workload.type = 'http';
    s.services.worker.autoScaling.minCapacity = 1;
    s.services.worker.autoScaling.scheduledActions = { night: { schedule: 'cron(0 22 * * ? *)', scalableTargetAction: { minCapacity: 0 } } };
    expect(warned(s).filter((w) => w.includes('scale out from 0'))).toEqual([
      'services.worker.autoScaling.scheduledActions: cannot scale out from 0: the service may come down to 0 tasks (a scheduled action sets minCapacity 0), and then policy out alarms on CPUUtilization, which has no datapoint while no task is RUNNING; keep minCapacity >= 1 (no metric ecsim models for an http service is reported with 0 tasks)',
    ]);
  });
});

describe('the scale-from-0 warning and scheduled stops', () => {
  const warned = (raw: unknown) => scenarioWarnings(loadScenarioObject('test', raw, { baseDir: '.' })).map((w) => `${w.at.join('.')}: ${w.message}`).filter((w) => w.includes('scale out from 0'));
  const http = (actions: Record<string, unknown>) => {
    const s = scenario('CPUUtilization', 50) as any;
    s.services.worker.workload.type = 'http';
    s.services.worker.desiredCount = 2;
    s.services.worker.autoScaling.minCapacity = 1;
    s.services.worker.autoScaling.scheduledActions = actions;
    return s;
  };
  const night = (max?: number) => ({ schedule: 'cron(0 22 * * ? *)', scalableTargetAction: max === undefined ? { minCapacity: 0 } : { minCapacity: 0, maxCapacity: max } });
  const morning = { schedule: 'cron(0 6 * * ? *)', scalableTargetAction: { minCapacity: 2 } };

  it('night min/max 0 and a morning action setting minCapacity 2: a scheduled stop and start, not warned (the morning action scales out from 0)', () => {
    expect(warned(http({ night: night(0), morning }))).toEqual([]);
  });

  it('night minCapacity 0 with maxCapacity left at 10, a morning minCapacity 2: warned, until the morning action', () => {
    expect(warned(http({ night: night(), morning }))).toEqual([
      'services.worker.autoScaling.scheduledActions: cannot scale out from 0: the service may come down to 0 tasks (a scheduled action sets minCapacity 0, until scheduled action morning sets minCapacity >= 1), and then policy out alarms on CPUUtilization, which has no datapoint while no task is RUNNING; keep minCapacity >= 1 (no metric ecsim models for an http service is reported with 0 tasks)',
    ]);
  });

  it('night min/max 0 with nothing raising minCapacity again: warned', () => {
    expect(warned(http({ night: night(0) }))).toHaveLength(1);
  });

  it('off by default (min/max 0, desired 0), an action opening it (min 2, max 10) and one closing it (min/max 0): a scheduled stop and start, not warned', () => {
    const s = http({ opens: { schedule: 'cron(0 8 * * ? *)', scalableTargetAction: { minCapacity: 2, maxCapacity: 10 } }, closes: night(0) });
    Object.assign(s.services.worker.autoScaling, { minCapacity: 0, maxCapacity: 0 });
    s.services.worker.desiredCount = 0;
    expect(warned(s)).toEqual([]);
    // the base may idle at 0 with room to grow (maxCapacity 10): warned
    s.services.worker.autoScaling.maxCapacity = 10;
    expect(warned(s)).toHaveLength(1);
  });
});

describe('ApproximateNumberOfMessagesVisible needs a queue workload', () => {
  it('refused on an http workload, as a step alarm and as a target tracking customMetric', () => {
    const s = scenario('ApproximateNumberOfMessagesVisible', 1000) as any;
    s.services.worker.workload.type = 'http';
    s.services.worker.workload.perTask = { capacityRps: 100 };
    expect(() => loadScenarioObject('test', s, { baseDir: '.' })).toThrow(
      /services\.worker\.autoScaling\.policies\.out: expected ApproximateNumberOfMessagesVisible only on a queue workload \(workload\.type: queue; it is the SQS queue's metric, AWS\/SQS\), found workload\.type http; use a metric the service has \(CPUUtilization, MemoryUtilization\), or make the workload a queue$/m,
    );
    s.services.worker.autoScaling.policies = { tt: { policyType: 'TargetTrackingScaling', customMetric: 'ApproximateNumberOfMessagesVisible', targetValue: 100 } };
    expect(() => loadScenarioObject('test', s, { baseDir: '.' })).toThrow(/policies\.tt: expected ApproximateNumberOfMessagesVisible only on a queue workload/);
    delete s.services.worker.workload;
    expect(() => loadScenarioObject('test', s, { baseDir: '.' })).toThrow(/expected ApproximateNumberOfMessagesVisible only on a queue workload \(workload\.type: queue; it is the SQS queue's metric, AWS\/SQS\), found no workload; /);
  });
});

// BacklogPerTask is ApproximateNumberOfMessagesVisible / RunningTaskCount (AWS's metric
// math: application-auto-scaling-target-tracking-metric-math.html), so it divides the
// published whole count, not the fluid model's expected one. 3 workers of 4 slots x 200 ms
// keep up with 10/s (a = 2 Erlangs on 12 slots): the expected queue is well under half a
// message, published 0, so BacklogPerTask is 0 / 3 = 0 and an alarm "> 0" stays OK (on the
// unrounded 1e-9-odd count it went to ALARM every period the workers kept up).
describe('BacklogPerTask divides the published visible messages', () => {
  it('3 workers keeping up: the visible messages publish 0, so BacklogPerTask "> 0" goes to OK on 0 and never to ALARM once drained', () => {
    const s = scenario('BacklogPerTask', 0, { evaluationPeriods: 1 }) as any;
    s.services.worker.desiredCount = 3;
    s.services.worker.autoScaling.minCapacity = 3;
    s.services.worker.autoScaling.maxCapacity = 3;
    const r = runKeepingRows(s, { seed: 1 });
    const states = r.events.filter((e) => e.type === 'alarm-state');
    // drained within the first minutes: the expected backlog is then below half a message
    const drainedAt = r.timeseries.find((x) => x.runningCount === 3 && x.backlog! < 0.5)!.time;
    expect(drainedAt).toBeLessThanOrEqual(120_000);
    const last = r.timeseries[r.timeseries.length - 1].backlog!;
    expect(last).toBeGreaterThan(0);
    expect(last).toBeLessThan(0.5);
    // no ALARM on a datapoint of a drained period (seen 2 minutes after it starts)
    expect(states.filter((e) => e.message.includes('-> ALARM') && e.time > drainedAt + 120_000)).toEqual([]);
    const lastState = states[states.length - 1];
    expect(lastState.message).toMatch(/-> OK/);
    expect(lastState.message).toContain(': 0');
  });
});

// ApproximateNumberOfMessagesVisible is a count, never below 0: ">= 0" and "> -1" are true
// of every datapoint (ALARM at every evaluation, the step added every cooldown with the queue
// empty), "< 0" and "<= -1" of none. "> 0", ">= 1", "<= 0", "< 1" depend on the queue.
describe('a step alarm on ApproximateNumberOfMessagesVisible that the threshold decides alone', () => {
  const warned = (raw: unknown) => scenarioWarnings(loadScenarioObject('test', raw, { baseDir: '.' })).map((w) => `${w.at.join('.')}: ${w.message}`);
  const at = 'services.worker.autoScaling.policies.out.alarm.threshold: ';
  const alarm = (comparisonOperator: string, threshold: number) => warned(scenario('ApproximateNumberOfMessagesVisible', threshold, { comparisonOperator }));

  it('>= 0 and > -1 are always in ALARM: warned', () => {
    expect(alarm('GreaterThanOrEqualToThreshold', 0)).toEqual([
      `${at}GreaterThanOrEqualToThreshold 0 is always in ALARM: ApproximateNumberOfMessagesVisible is never below 0, so the policy adds its step every cooldown even with the queue empty; the usual wake alarm is > 0 (GreaterThanThreshold 0)`,
    ]);
    expect(alarm('GreaterThanThreshold', -1)).toEqual([expect.stringContaining(`${at}GreaterThanThreshold -1 is always in ALARM`)]);
    expect(alarm('GreaterThanThreshold', -0.5)).toEqual([expect.stringContaining('is always in ALARM')]);
  });

  it('< 0 and <= -1 are never in ALARM: warned', () => {
    // (a step for a breach below the threshold: upper bound 0)
    const low = (comparisonOperator: string, threshold: number) => {
      const s = scenario('ApproximateNumberOfMessagesVisible', threshold, { comparisonOperator }) as any;
      s.services.worker.autoScaling.policies.out.stepAdjustments = [{ metricIntervalUpperBound: 0, scalingAdjustment: -1 }];
      return warned(s).filter((w) => w.includes('.alarm.threshold'));
    };
    expect(low('LessThanThreshold', 0)).toEqual([
      `${at}LessThanThreshold 0 is never in ALARM: ApproximateNumberOfMessagesVisible is never below 0, so this policy never scales; for an empty queue use LessThanOrEqualToThreshold 0 (or LessThanThreshold 1)`,
    ]);
    expect(low('LessThanOrEqualToThreshold', -1)).toEqual([expect.stringContaining('is never in ALARM')]);
    expect(low('LessThanOrEqualToThreshold', 0)).toEqual([]);
    expect(low('LessThanThreshold', 1)).toEqual([]);
  });

  it('> 0 (the usual wake alarm), >= 1, > 0.5: not warned', () => {
    expect(alarm('GreaterThanThreshold', 0)).toEqual([]);
    expect(alarm('GreaterThanOrEqualToThreshold', 1)).toEqual([]);
    expect(alarm('GreaterThanOrEqualToThreshold', 0.5)).toEqual([]);
  });

  it('on another metric (BacklogPerTask >= 0): not this warning', () => {
    const w = warned(scenario('BacklogPerTask', 0, { comparisonOperator: 'GreaterThanOrEqualToThreshold' }));
    expect(w.filter((x) => x.includes('.alarm.threshold'))).toEqual([]);
  });
});
