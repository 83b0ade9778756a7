// A step alarm whose period (300 s) is longer than the metric period (60 s) is evaluated on
// CloudWatch's default sliding window, once a minute: the window "advances each time the
// alarm is evaluated, forming a rolling time window" (AmazonCloudWatch/latest/monitoring/
// alarm-evaluation-window.html; API_SlidingWindow), not on fixed 5-minute blocks counted from
// the run's start.
// 5 tasks (after the down policy's scale in) at 200 rps, capacityRps 100, cpuBaseline 0:
// 40 % CPU each; from 31m (1860 s) 1000 rps: 100 % each. Publish delay 60 s, so at t the
// newest datapoint is the Average of the 5 minutes ending with the minute [t - 120, t - 60).

import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { runKeepingRows } from '../helpers.js';

const S3 = `
name: s3
seed: 1
start: 2026-03-02T08:00:00Z
duration: 40m
cluster:
  availabilityZones: [us-east-1a]
  capacityProviders:
    FARGATE: {}
taskDefinitions:
  api:
    cpu: 1024
    memory: 2048
    networkMode: awsvpc
    requiresCompatibilities: [FARGATE]
    containerDefinitions:
      app: { cpu: 1024, memory: 2048, portMappings: [{ containerPort: 8080 }] }
    startup: { imagePull: 15s, containerStart: 5s }
services:
  api:
    taskDefinition: api
    desiredCount: 10
    launchType: FARGATE
    loadBalancer: { routing: least-outstanding, deregistrationDelay: 30s }
    workload:
      type: http
      requestRate:
        step:
          from: 200
          steps:
            - { at: 31m, to: 1000 }
      perTask:
        capacityRps: 100
        cpuBaseline: 0
        concurrency: 8
        serviceTime: { distribution: exponential, mean: 40ms }
    autoScaling:
      minCapacity: 1
      maxCapacity: 50
      policies:
        down:
          policyType: StepScaling
          alarm: { metricName: CPUUtilization, statistic: Average, period: 60s, evaluationPeriods: 3, datapointsToAlarm: 2, threshold: 40, comparisonOperator: LessThanThreshold }
          adjustmentType: PercentChangeInCapacity
          stepAdjustments:
            - { metricIntervalUpperBound: -15, scalingAdjustment: -30 }
            - { metricIntervalLowerBound: -15, metricIntervalUpperBound: 0, scalingAdjustment: -10 }
          minAdjustmentMagnitude: 2
          metricAggregationType: Minimum
          cooldown: 180s
        up:
          policyType: StepScaling
          alarm: { metricName: CPUUtilization, statistic: Average, period: 300s, evaluationPeriods: 1, threshold: 70, comparisonOperator: GreaterThanThreshold }
          adjustmentType: PercentChangeInCapacity
          stepAdjustments:
            - { metricIntervalLowerBound: 0, scalingAdjustment: 50 }
          cooldown: 300s
`;

describe('a 5-minute step alarm on 1-minute metrics', () => {
  it('goes ALARM at 2100 s on the window [1740, 2040) = (2 x 40 + 3 x 100) / 5 = 76, not at 2160 s on the block [1800, 2100)', () => {
    const r = runKeepingRows(parse(S3), { seed: 1 });
    // the hand computation's premise: 5 tasks, CPU 40 before 1860 s and 100 from it
    const cpu = new Map(r.timeseries.filter((x) => x.service === 'api').map((x) => [x.time / 1000, x]));
    for (const at of [1740, 1800]) expect([cpu.get(at)?.runningCount, cpu.get(at)?.cpuUtilization]).toEqual([5, 40]);
    for (const at of [1860, 1920, 1980]) expect([cpu.get(at)?.runningCount, cpu.get(at)?.cpuUtilization]).toEqual([5, 100]);
    const up = r.events.filter((e) => e.type === 'alarm-state' && e.message.startsWith('StepScaling-api-up'));
    // at 2040 s the window [1680, 1980) is (3 x 40 + 2 x 100) / 5 = 64: still OK
    expect(up.map((e) => [e.time / 1000, e.message])).toEqual([
      [360, 'StepScaling-api-up INSUFFICIENT_DATA -> OK: 1 of 1 datapoint not > 70: 19.7'],
      [2100, 'StepScaling-api-up OK -> ALARM: 1 datapoint > 70: 76.0'],
    ]);
    const scaled = r.events.find((e) => e.type === 'scaling-activity' && e.time === 2_100_000);
    expect(scaled?.message).toContain('step scaling up: 1 datapoint > 70: 76.0; Average 76.0 is 6.0 above 70, step [0, +inf): +50% of 5 = 2.5 -> +2; 5 + 2 = 7');
  });
});
