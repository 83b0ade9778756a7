// Application Auto Scaling allows several target tracking policies on a scalable target
// "provided that each of them uses a different metric" (application-auto-scaling-target-tracking.html),
// and 50 scaling policies per scalable target, step and target tracking together (its quotas).
// Two policies on one metric, or a 51st policy, are refused at load.

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { loadProblems, tempDir, writeScenario } from '../helpers.js';

const QUICKSTART_TEXT = readFileSync('scenarios/quickstart.yaml', 'utf8');
const POLICY = `        cpu:
          policyType: TargetTrackingScaling
          predefinedMetricType: ECSServiceAverageCPUUtilization
          targetValue: 60
`;
const dir = tempDir();

function withPolicies(extra: string): string {
  expect(QUICKSTART_TEXT.split(POLICY)).toHaveLength(2);
  return QUICKSTART_TEXT.replace(POLICY, POLICY + extra);
}

const tt = (name: string, metric: string, target = 40) => `        ${name}:
          policyType: TargetTrackingScaling
          ${metric}
          targetValue: ${target}
`;

const SAME = (metric: string, earlier: string) =>
  `expected a metric no other target tracking policy of the service tracks (Application Auto Scaling allows several target tracking policies on a scalable target "provided that each of them uses a different metric"), found ${metric}, which policy "${earlier}" tracks; keep one of the two, or track another metric`;

describe('target tracking policies of one service track different metrics', () => {
  it('a second policy on ECSServiceAverageCPUUtilization is refused at its own key', () => {
    expect(loadProblems(dir, 'cpu2', withPolicies(tt('cpu-low', 'predefinedMetricType: ECSServiceAverageCPUUtilization')))).toEqual([
      `services.web.autoScaling.policies.cpu-low: ${SAME('ECSServiceAverageCPUUtilization', 'cpu')}`,
    ]);
  });

  it('the same custom metric with the same statistic, one written and one by default, is refused', () => {
    const text = withPolicies(tt('m1', 'customMetric: MemoryUtilization') + tt('m2', 'customMetric: MemoryUtilization\n          customMetricStatistic: Average'));
    expect(loadProblems(dir, 'mem2', text)).toEqual([`services.web.autoScaling.policies.m2: ${SAME('MemoryUtilization (Average)', 'm1')}`]);
  });

  it('different metrics, or one custom metric with two statistics, load', () => {
    const text = withPolicies(
      tt('mem', 'predefinedMetricType: ECSServiceAverageMemoryUtilization') +
        tt('cpu-max', 'customMetric: CPUUtilization\n          customMetricStatistic: Maximum', 80) +
        tt('cpu-avg', 'customMetric: CPUUtilization'),
    );
    expect(() => loadScenarioFile(writeScenario(dir, 'distinct', text))).not.toThrow();
  });
});

describe('at most 50 scaling policies per service', () => {
  const step = (k: number) => `        step-${k}:
          policyType: StepScaling
          alarm: { metricName: CPUUtilization, threshold: ${50 + k}, comparisonOperator: GreaterThanOrEqualToThreshold }
          adjustmentType: ChangeInCapacity
          stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }]
`;
  it('50 load (1 target tracking + 49 step); 51 are refused', () => {
    const fifty = withPolicies(Array.from({ length: 49 }, (_, k) => step(k)).join(''));
    expect(() => loadScenarioFile(writeScenario(dir, 'fifty', fifty))).not.toThrow();
    expect(loadProblems(dir, 'fifty-one', withPolicies(Array.from({ length: 50 }, (_, k) => step(k)).join('')))).toEqual([
      `services.web.autoScaling.policies: expected at most 50 scaling policies per service (Application Auto Scaling's quota "Scaling policies per scalable target", step and target tracking together), found 51`,
    ]);
  });
});
