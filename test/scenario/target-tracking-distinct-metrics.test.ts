// Application Auto Scaling allows several target tracking policies on a scalable target
// "provided that each of them uses a different metric" (application-auto-scaling-target-tracking.html),
// 50 scaling policies per scalable target, step and target tracking together, and 200
// scheduled actions.
// Two policies on one metric, a 51st policy or a 201st scheduled action (quotas, not
// adjustable: application-auto-scaling-quotas.html) are refused at load.

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
      `services.web.autoScaling.policies: expected at most 50 scaling policies per service (Application Auto Scaling's quota "Scaling policies per scalable target", step and target tracking together, not adjustable), found 51`,
    ]);
  });
});

describe('at most 200 scheduled actions per service', () => {
  const actions = (n: number) =>
    '      scheduledActions:\n' +
    Array.from({ length: n }, (_, k) => `        a${k}: { schedule: "cron(${k % 60} ${Math.floor(k / 60)} * * ? *)", scalableTargetAction: { minCapacity: 3 } }\n`).join('');
  it('200 load; 201 are refused', () => {
    expect(QUICKSTART_TEXT).not.toContain('scheduledActions');
    expect(() => loadScenarioFile(writeScenario(dir, 'two-hundred', withPolicies(actions(200))))).not.toThrow();
    expect(loadProblems(dir, 'two-hundred-one', withPolicies(actions(201)))).toEqual([
      `services.web.autoScaling.scheduledActions: expected at most 200 scheduled actions per service (Application Auto Scaling's quota "Scheduled actions per scalable target", not adjustable), found 201`,
    ]);
  });
});
