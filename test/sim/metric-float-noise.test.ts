// Float noise in published metric values must not decide a threshold or a step. With
// cpuBaseline 0 and capacityRps 100, N tasks sharing N x r rps each read r % CPU
// (cpu.ts: (100 - 0) x r / 100), exactly; the busy-time arithmetic gives it to within
// ~1e-14, and the metric store keeps 12 significant digits (docs/notes/scaling.md).
// AWS: a breach is strictly above a GreaterThanThreshold threshold
// (AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html, ComparisonOperator);
// a step's lower bound is inclusive (ApplicationAutoScaling API_StepAdjustment.html).

import { describe, it, expect } from 'vitest';
import { runKeepingRows, quickstart } from '../helpers.js';

function run(tasks: number, rps: number, comparisonOperator: string) {
  const s = quickstart();
  s.duration = '6m';
  const web = s.services.web;
  web.desiredCount = tasks;
  web.workload.requestRate = rps;
  web.workload.perTask.cpuBaseline = 0;
  web.workload.maxQueuePerTask = 1000;
  delete web.workload.slo;
  web.autoScaling = {
    minCapacity: 1,
    maxCapacity: 20,
    policies: {
      out: {
        policyType: 'StepScaling',
        alarm: { metricName: 'CPUUtilization', period: '60s', evaluationPeriods: 1, threshold: 50, comparisonOperator },
        adjustmentType: 'ChangeInCapacity',
        stepAdjustments: [
          { metricIntervalLowerBound: 0, metricIntervalUpperBound: 10, scalingAdjustment: 1 },
          { metricIntervalLowerBound: 10, metricIntervalUpperBound: 20, scalingAdjustment: 2 },
          { metricIntervalLowerBound: 20, scalingAdjustment: 3 },
        ],
      },
    },
  };
  return runKeepingRows(s, { seed: 1 });
}

describe('metric values without float noise', () => {
  it('7 tasks at 420 rps read 60 %: a breach of exactly 10 above 50 takes the step [10, 20): 7 + 2 = 9', () => {
    const r = run(7, 420, 'GreaterThanOrEqualToThreshold');
    const first = r.events.find((e) => e.type === 'scaling-activity');
    expect(first?.message).toMatch(/^desired count 7 -> 9: /);
    expect(first?.message).toContain('Average 60.0 is 10.0 above 50, step [10, 20): 7 + 2 = 9');
  });

  it('9 tasks at 450 rps read exactly 50 %: GreaterThanThreshold 50 does not breach, the alarm stays OK and nothing scales', () => {
    const r = run(9, 450, 'GreaterThanThreshold');
    const states = r.events.filter((e) => e.type === 'alarm-state').map((e) => e.message.split(':')[0]);
    expect(states).toEqual(['StepScaling-web-out INSUFFICIENT_DATA -> OK']);
    expect(r.events.filter((e) => e.type === 'scaling-activity')).toEqual([]);
  });
});
