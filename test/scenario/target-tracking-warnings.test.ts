// A service's target tracking policy that likely does not do what was meant (warnings.ts
// targetTrackingSettings): a CPU target the service's CPU can never exceed (the AlarmHigh is
// "CPU > target", target-tracking-scaling-policy-overview.html; ecsim's CPU: cpu.ts), and
// tracking the queue's raw ApproximateNumberOfMessagesVisible (AWS tracks the backlog per
// task: application-auto-scaling-target-tracking-metric-math.html). Warned of, not refused
// (AAS takes both), and a scaleInCooldown beside disableScaleIn: true (no scale in, no cooldown).

import { describe, it, expect } from 'vitest';
import { effectiveScenario, loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';
import { quickstart } from '../helpers.js';

type Mutation = (s: Record<string, any>) => void;

function warnings(mutate: Mutation): string[] {
  const s = quickstart();
  mutate(s);
  return scenarioWarnings(loadScenarioObject('s.yaml', s)).map((w) => `${w.at.join('.')}: ${w.message}`);
}
const about = (key: string) => (w: string) => w.startsWith(`services.web.autoScaling.policies.cpu.${key}:`);
const cpuTarget = (v: number, over: Record<string, unknown> = {}): Mutation => (s) => Object.assign(s.services.web.autoScaling.policies.cpu, { targetValue: v, ...over });

/** quickstart's web as a queue worker (EC2), CPU = cpuBaseline + cpuPerBusySlot x busy slots. */
const queueWorker = (perTask: Record<string, unknown>): Mutation => (s) => {
  const web = s.services.web;
  delete web.loadBalancer;
  web.workload = { type: 'queue', requestRate: { constant: 10 }, perTask: { concurrency: 4, serviceTime: { distribution: 'exponential', mean: '200ms' }, ...perTask } };
};

describe('a CPU target the service\'s CPU never exceeds', () => {
  it('http, target 100: warned (an http task reads at most 100 %); 99.5 is not', () => {
    expect(warnings(cpuTarget(100)).filter(about('targetValue'))).toEqual([
      'services.web.autoScaling.policies.cpu.targetValue: 100 on CPUUtilization, which never exceeds 100 % here (an http task serving capacityRps reads 100 % and serves no more): the AlarmHigh (CPU > 100 for 3 datapoints) never fires, so this policy never scales out; use a target below 100',
    ]);
    expect(warnings(cpuTarget(99.5)).filter(about('targetValue'))).toEqual([]);
  });

  it('an I/O-bound http task (slots 4 / 40 ms = 100 requests/s, capacityRps 500) reads at most 10 + 90 x 100 / 500 = 28 %: 50 and 28 are warned of, 27.9 is not', () => {
    // io2: CPU sits at 28 % while the slots are full and requests are dropped, so the policy never scales out
    const ioBound = (v: number): Mutation => (s) => {
      s.services.web.workload.perTask = { capacityRps: 500, cpuBaseline: 10, concurrency: 4, serviceTime: { distribution: 'exponential', mean: '40ms' } };
      cpuTarget(v)(s);
    };
    expect(warnings(ioBound(50)).filter(about('targetValue'))).toEqual([
      'services.web.autoScaling.policies.cpu.targetValue: 50 on CPUUtilization, which never exceeds 28 % here (the task is I/O-bound: its slots run out before its CPU, at concurrency 4 / mean serviceTime 40 ms = 100 requests/s, below capacityRps 500, so it reads at most cpuBaseline 10 + (100 - 10) x 100 / 500): the AlarmHigh (CPU > 50 for 3 datapoints) never fires, so this policy never scales out; use a target below 28',
    ]);
    expect(warnings(ioBound(28)).filter(about('targetValue'))).toHaveLength(1);
    expect(warnings(ioBound(27.9)).filter(about('targetValue'))).toEqual([]);
  });

  it('a CPU-bound http task (quickstart: slots 8 / 40 ms = 200 requests/s above capacityRps 100) reaches 100 %: 99.5 is not warned of', () => {
    expect(warnings(cpuTarget(99.5)).filter(about('targetValue'))).toEqual([]);
  });

  it('a customMetric CPUUtilization target of 150 is warned of too', () => {
    const w = warnings(cpuTarget(150, { predefinedMetricType: undefined, customMetric: 'CPUUtilization' })).filter(about('targetValue'));
    expect(w).toHaveLength(1);
    expect(w[0]).toContain('150 on CPUUtilization, which never exceeds 100 % here');
    // Maximum and Minimum read one task: no higher either
    expect(warnings(cpuTarget(150, { predefinedMetricType: undefined, customMetric: 'CPUUtilization', customMetricStatistic: 'Maximum' })).filter(about('targetValue'))).toHaveLength(1);
  });

  it('not with the statistic Sum or SampleCount: they grow with the tasks (3 tasks at 100 % sum to 300)', () => {
    for (const customMetricStatistic of ['Sum', 'SampleCount']) {
      expect(warnings(cpuTarget(150, { predefinedMetricType: undefined, customMetric: 'CPUUtilization', customMetricStatistic })).filter(about('targetValue'))).toEqual([]);
    }
  });

  it('a queue worker on EC2 reads at most cpuBaseline + cpuPerBusySlot x concurrency: 10 + 40 x 4 = 170, so 150 is not warned of, 170 is', () => {
    const worker = queueWorker({ cpuBaseline: 10, cpuPerBusySlot: 40 });
    expect(warnings((s) => (worker(s), cpuTarget(150)(s))).filter(about('targetValue'))).toEqual([]);
    expect(warnings((s) => (worker(s), cpuTarget(170)(s))).filter(about('targetValue'))).toEqual([
      'services.web.autoScaling.policies.cpu.targetValue: 170 on CPUUtilization, which never exceeds 170 % here (a queue worker reads at most cpuBaseline 10 + cpuPerBusySlot 40 x concurrency 4): the AlarmHigh (CPU > 170 for 3 datapoints) never fires, so this policy never scales out; use a target below 170',
    ]);
  });

  it('the same worker on Fargate (capped at 100 %): 150 is warned of, at 100', () => {
    const onFargate: Mutation = (s) => {
      queueWorker({ cpuBaseline: 10, cpuPerBusySlot: 40 })(s);
      Object.assign(s.taskDefinitions.web, { networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'] });
      s.services.web.launchType = 'FARGATE';
      cpuTarget(150)(s);
    };
    expect(warnings(onFargate).filter(about('targetValue'))).toEqual([
      "services.web.autoScaling.policies.cpu.targetValue: 150 on CPUUtilization, which never exceeds 100 % here (Fargate caps a task's CPU at 100 %): the AlarmHigh (CPU > 150 for 3 datapoints) never fires, so this policy never scales out; use a target below 100",
    ]);
  });

  it('a queue worker whose busiest reading is 10 + 15 x 4 = 70: a target of 80 is warned of', () => {
    const w = warnings((s) => (queueWorker({ cpuBaseline: 10, cpuPerBusySlot: 15 })(s), cpuTarget(80)(s))).filter(about('targetValue'));
    expect(w).toHaveLength(1);
    expect(w[0]).toContain('80 on CPUUtilization, which never exceeds 70 % here');
  });
});

describe('target tracking on ApproximateNumberOfMessagesVisible', () => {
  const anmv = (policyType: string): Mutation => (s) => {
    queueWorker({})(s);
    s.services.web.autoScaling.policies.cpu =
      policyType === 'TargetTrackingScaling'
        ? { policyType, customMetric: 'ApproximateNumberOfMessagesVisible', targetValue: 100 }
        : { policyType, alarm: { metricName: 'ApproximateNumberOfMessagesVisible', threshold: 100, comparisonOperator: 'GreaterThanThreshold' }, adjustmentType: 'ChangeInCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }] };
  };

  it('a target tracking policy is warned of, pointing to BacklogPerTask', () => {
    expect(warnings(anmv('TargetTrackingScaling')).filter(about('customMetric'))).toEqual([
      "services.web.autoScaling.policies.cpu.customMetric: ApproximateNumberOfMessagesVisible is the whole queue's backlog, not a figure per task: target tracking asks for ceil(current x visible / 100) tasks, so each scale out multiplies the tasks already running by the backlog's ratio to the target, however many drain it; track BacklogPerTask (visible messages / RUNNING tasks) with the backlog one task may hold as the target, AWS's metric for a queue (application-auto-scaling-target-tracking-metric-math.html)",
    ]);
  });

  it('a step policy alarming on it is not (its steps do not scale with the running tasks)', () => {
    expect(warnings(anmv('StepScaling')).filter((w) => w.includes('ApproximateNumberOfMessagesVisible is the whole queue'))).toEqual([]);
  });
});

describe('scaleInCooldown beside disableScaleIn: true', () => {
  const policy = (over: Record<string, unknown>): Mutation => (s) => Object.assign(s.services.web.autoScaling.policies.cpu, over);

  it('is warned of (the policy never scales in, so it has no scale-in cooldown)', () => {
    expect(warnings(policy({ disableScaleIn: true, scaleInCooldown: '600s' })).filter(about('scaleInCooldown'))).toEqual([
      'services.web.autoScaling.policies.cpu.scaleInCooldown: 10m has no effect: disableScaleIn is true, so this policy never scales in and has no scale-in cooldown; remove it, or set disableScaleIn false',
    ]);
  });

  it('a written 300s (the default\'s value) is warned of too; disableScaleIn alone, or a cooldown with scale in enabled, is not', () => {
    expect(warnings(policy({ disableScaleIn: true, scaleInCooldown: '300s' })).filter(about('scaleInCooldown'))).toHaveLength(1);
    expect(warnings(policy({ disableScaleIn: true })).filter(about('scaleInCooldown'))).toEqual([]);
    expect(warnings(policy({ disableScaleIn: false, scaleInCooldown: '600s' })).filter(about('scaleInCooldown'))).toEqual([]);
  });

  it('scenario.json still gets the 300 s default when none is written, after scaleOutCooldown', () => {
    const s = quickstart();
    const p = effectiveScenario(loadScenarioObject('s.yaml', s)).services.web.autoScaling!.policies.cpu;
    expect(Object.keys(p)).toEqual(['policyType', 'predefinedMetricType', 'targetValue', 'scaleOutCooldown', 'scaleInCooldown', 'disableScaleIn']);
    expect(p).toMatchObject({ scaleOutCooldown: 300_000, scaleInCooldown: 300_000 });
  });
});
