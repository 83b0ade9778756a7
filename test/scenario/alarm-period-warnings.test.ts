// A step alarm period under 60 s: CloudWatch accepts 10, 20 and 30 s, but on a metric without
// sub-minute resolution such an alarm "does not receive data for the attempts that do not
// correspond to a one-minute data resolution" and may lapse into INSUFFICIENT_DATA
// (APIReference/API_PutMetricAlarm.html, Period). ECS's CPU and memory, the ALB's request
// count and SQS's queue metrics are 1-minute metrics, so the scenario is warned: the
// sub-minute period is a model-only setting.

import { describe, it, expect } from 'vitest';
import { cli, quickstart, tempDir, writeScenario } from '../helpers.js';
import { loadScenarioFile, scenarioWarnings } from '../../src/scenario/index.js';

const dir = tempDir();
const step = (metricName: string, period: string) => ({
  policyType: 'StepScaling',
  alarm: { metricName, period, threshold: 80, comparisonOperator: 'GreaterThanThreshold' },
  adjustmentType: 'ChangeInCapacity',
  stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }],
});
const scenario = (name: string, metricsPeriod: string, policies: Record<string, unknown>) => {
  const s = quickstart();
  s.metrics = { period: metricsPeriod };
  s.services.web.autoScaling.policies = policies;
  return writeScenario(dir, name, s);
};
const warned = (file: string) => scenarioWarnings(loadScenarioFile(file)).map((w) => `${w.at.join('.')}: ${w.message}`);

describe('step alarm periods under a minute', () => {
  it('a 10 s alarm on CPUUtilization (metrics.period 10s) is accepted with one warning naming the key', async () => {
    const file = scenario('cpu-10s', '10s', { surge: step('CPUUtilization', '10s') });
    const w = warned(file);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^services\.web\.autoScaling\.policies\.surge\.alarm\.period: 10s on CPUUtilization, which AWS publishes every minute \(ECS service metrics\): .*INSUFFICIENT_DATA \(PutMetricAlarm\), so this period is a model-only setting; use 60s to match AWS$/);
    const r = await cli('validate', file);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*cpu-10s\.yaml.*policies\.surge\.alarm\.period: 10s on CPUUtilization/);
  });

  it('20 s and 30 s too, on MemoryUtilization and RequestCountPerTarget', () => {
    const file = scenario('mem-rc', '10s', { mem: step('MemoryUtilization', '20s'), rc: { ...step('RequestCountPerTarget', '30s'), alarm: { ...step('RequestCountPerTarget', '30s').alarm, statistic: 'Sum' } } });
    const w = warned(file);
    expect(w.map((x) => x.split(':')[0])).toEqual(['services.web.autoScaling.policies.mem.alarm.period', 'services.web.autoScaling.policies.rc.alarm.period']);
    expect(w[0]).toContain('20s on MemoryUtilization');
    expect(w[1]).toContain('30s on RequestCountPerTarget, which AWS publishes every minute (load balancer metrics)');
  });

  it('BacklogPerTask on a queue workload (SQS publishes its queue metrics every minute)', () => {
    const s = quickstart();
    s.metrics = { period: '30s' };
    s.services.web.workload.type = 'queue';
    delete s.services.web.loadBalancer;
    delete s.services.web.workload.maxQueuePerTask;
    delete s.services.web.workload.slo.errorRate;
    delete s.services.web.workload.perTask.cpuBaseline;
    delete s.services.web.workload.perTask.capacityRps;
    s.services.web.autoScaling.policies = { backlog: step('BacklogPerTask', '30s') };
    const w = warned(writeScenario(dir, 'backlog-30s', s));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^services\.web\.autoScaling\.policies\.backlog\.alarm\.period: 30s on BacklogPerTask, which AWS publishes every minute \(computed from SQS's ApproximateNumberOfMessagesVisible\)/);
  });

  it('no alarm-period warning at 60 s with metrics.period 10s; metrics.period is warned of instead', () => {
    const w = warned(scenario('cpu-60s', '10s', { surge: step('CPUUtilization', '60s') }));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^metrics\.period: 10s: /);
  });

  it('no warning of either kind with the default 60 s metrics.period', () => {
    expect(warned(scenario('cpu-60s-60s', '60s', { surge: step('CPUUtilization', '120s') }))).toEqual([]);
  });
});

// SQS sends ApproximateNumberOfMessagesVisible to CloudWatch once a minute, and ECS its service
// CPU and memory (AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html,
// AmazonECS/latest/developerguide/cloudwatch-metrics.html). A metrics.period other than 60 s
// gives a step alarm's period another number of samples than AWS's: a 60 s alarm on 10 s
// samples holds 6 where AWS has 1; a 300 s period holds 1 where AWS has 5.
describe('step alarms on a metrics.period other than a minute', () => {
  it('10s: 6 samples a minute where AWS has 1, naming each metric watched once', () => {
    const w = warned(scenario('p10', '10s', { a: step('CPUUtilization', '60s'), b: step('MemoryUtilization', '120s'), c: step('CPUUtilization', '180s') }));
    expect(w).toEqual([
      expect.stringMatching(/^metrics\.period: 10s: the step alarms here watch CPUUtilization, MemoryUtilization, which AWS publishes once a minute; each metric period here gives one sample \(6 samples a minute where AWS has 1\), .* a model-only setting; use 60s to match AWS$/),
    ]);
    // 10 s periods reach a minute exactly: invoked again every minute, as in AWS
    expect(w[0]).not.toContain('invoked again');
  });

  it('5m: 1 sample per 5m where AWS has 5', () => {
    const w = warned(scenario('p5m', '5m', { a: step('CPUUtilization', '5m') }));
    expect(w).toHaveLength(1);
    expect(w[0]).toContain('(1 sample per 5m where AWS has 5)');
    // policies run once per metric period: an alarm staying in ALARM invokes the step every
    // 5 minutes here, every minute in AWS (AlarmThatSendsEmail.html)
    expect(w[0]).toContain('; and a step policy whose alarm stays in ALARM is invoked again every 5m (the first metric period a minute or more after the last invocation) where AWS invokes it every minute: a model-only setting');
    expect(w[0]).not.toContain('BacklogPerTask'); // no gauge watched here
  });

  it('45s: 1.33 samples a minute, rounded', () => {
    const w = warned(scenario('p45', '45s', { a: step('CPUUtilization', '180s') })).filter((x) => x.startsWith('metrics'));
    expect(w).toEqual([expect.stringContaining('(1.33 samples a minute where AWS has 1)')]);
    // the first 45 s period a minute or more after an invocation: 90 s later
    expect(w[0]).toContain('invoked again every 1m30s (the first metric period');
  });

  it('a 10 s alarm on 10 s metrics gets only its own alarm-period warning', () => {
    const w = warned(scenario('p10-10', '10s', { a: step('CPUUtilization', '10s') }));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^services\.web\.autoScaling\.policies\.a\.alarm\.period: /);
  });
});

// CloudWatch's 1-minute datapoints cover the clock's minutes; ecsim's periods count from
// `start`, so a start at 09:00:30 puts every datapoint 30 s off AWS's.
describe('a start off the clock period boundary', () => {
  const at = (name: string, start: string, period = '60s', alarmPeriod = period) => {
    const s = quickstart();
    s.start = start;
    s.metrics = { period };
    if (period !== '60s') s.services.web.autoScaling.policies = { a: step('CPUUtilization', alarmPeriod) };
    return warned(writeScenario(dir, name, s));
  };
  it('09:00:30 with 60 s periods is 30s off', () => {
    expect(at('s30', '2026-03-02T09:00:30Z')).toEqual([expect.stringMatching(/^start: 30s past a 1m boundary of the clock \(UTC\): .* 30s off AWS's; start on a 1m boundary to match$/)]);
  });
  it('10 s periods add up to AWS minutes: a start at 09:00:10 is 10s off the minute', () => {
    expect(at('s10', '2026-03-02T09:00:10Z', '10s').filter((w) => w.startsWith('start'))).toEqual([expect.stringContaining('10s past a 1m boundary')]);
  });
  it('45 s periods: the boundary is 3 minutes (lcm of 45 s and 60 s)', () => {
    expect(at('s45', '2026-03-02T09:01:00Z', '45s', '180s').filter((w) => w.startsWith('start'))).toEqual([expect.stringContaining('1m past a 3m boundary')]);
  });
  it('a whole minute, or a whole 5 minutes with 5 min periods, is not', () => {
    expect(at('s0', '2026-03-02T09:01:00Z')).toEqual([]);
    expect(at('s5', '2026-03-02T09:01:00Z', '5m').filter((w) => w.startsWith('start'))).toEqual([expect.stringContaining('1m past a 5m boundary')]);
    expect(at('s5b', '2026-03-02T09:05:00+01:00', '5m').filter((w) => w.startsWith('start'))).toEqual([]);
  });
});
