// RequestCountPerTarget takes only the Sum statistic: "The only valid statistic is Sum. This
// represents the average not the sum." (elasticloadbalancing/latest/application/
// load-balancer-cloudwatch-metrics.html). A step alarm or a custom target tracking metric
// on it defaults to Sum and refuses any other statistic; other metrics keep Average.

import { describe, it, expect } from 'vitest';
import { StepScalingPolicy, trackedMetric, type StepScalingPolicyConfig } from '../../src/scaling/index.js';
import { loadScenarioObject, effectiveScenario } from '../../src/scenario/index.js';
import { activities, drive, MIN } from './drive.js';
import { ServiceAutoScaler } from '../../src/scaling/index.js';
import { quickstart } from '../helpers.js';

const rcStep = (statistic?: StepScalingPolicyConfig['alarm']['statistic']): StepScalingPolicyConfig => ({
  policyType: 'StepScaling',
  alarm: { metricName: 'RequestCountPerTarget', ...(statistic ? { statistic } : {}), period: 2 * MIN, evaluationPeriods: 1, threshold: 800, comparisonOperator: 'GreaterThanThreshold' },
  adjustmentType: 'ChangeInCapacity',
  stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }],
  cooldown: 0,
});

describe('RequestCountPerTarget: Sum only', () => {
  it('a step alarm without a statistic uses Sum; CPUUtilization still defaults to Average', () => {
    expect(new StepScalingPolicy('rc', rcStep(), 'web').alarm.statistic).toBe('Sum');
    const cpu = { ...rcStep(), alarm: { ...rcStep().alarm, metricName: 'CPUUtilization' } };
    expect(new StepScalingPolicy('cpu', cpu, 'web').alarm.statistic).toBe('Average');
  });

  it('Sum over a 2-minute alarm period adds the per-minute requests per target: 400 + 500 = 900 > 800 (Average would be 450)', () => {
    const s = new ServiceAutoScaler({ subject: 'web', minCapacity: 1, maxCapacity: 10, policies: { rc: rcStep() } }, 4);
    const perMinute = [400, 500, 500, 500];
    const r = drive(s, { minutes: 4, metrics: { RequestCountPerTarget: (m) => perMinute[m] ?? 500 } });
    const [a] = activities(r.events);
    expect(a).toBeDefined();
    // the datapoint is the 2-minute Sum; "Average" below is metricAggregationType (of 1 datapoint)
    expect(a.cause).toMatch(/^step scaling rc: 1 datapoint > 800: 900\.0; Average 900\.0 is 100\.0 above 800/);
  });

  for (const statistic of ['Average', 'Maximum', 'Minimum', 'SampleCount'] as const) {
    it(`a step alarm with statistic ${statistic} is refused, naming the key, the expected Sum and what was found`, () => {
      expect(() => new StepScalingPolicy('rc', rcStep(statistic), 'web')).toThrow(
        new RegExp(`^policies\\.rc\\.alarm\\.statistic: expected Sum \\(the only valid statistic of RequestCountPerTarget.*found ${statistic}$`),
      );
    });
  }

  it('target tracking on the custom metric RequestCountPerTarget tracks Sum, and refuses customMetricStatistic Average', () => {
    expect(trackedMetric('rc', { policyType: 'TargetTrackingScaling', customMetric: 'RequestCountPerTarget', targetValue: 100 })).toEqual({ metricName: 'RequestCountPerTarget', statistic: 'Sum' });
    expect(() => trackedMetric('rc', { policyType: 'TargetTrackingScaling', customMetric: 'RequestCountPerTarget', customMetricStatistic: 'Average', targetValue: 100 })).toThrow(
      /^policies\.rc\.customMetricStatistic: expected Sum .*found Average$/,
    );
    expect(trackedMetric('b', { policyType: 'TargetTrackingScaling', customMetric: 'BacklogPerTask', targetValue: 100 }).statistic).toBe('Average');
  });

  it('scenario.json shows the default it ran with: Sum for RequestCountPerTarget', () => {
    const raw = quickstart();
    raw.services.web.autoScaling.policies = {
      rc: { policyType: 'StepScaling', alarm: { metricName: 'RequestCountPerTarget', threshold: 3000, comparisonOperator: 'GreaterThanThreshold' }, adjustmentType: 'ChangeInCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }] },
    };
    const eff = effectiveScenario(loadScenarioObject('q', raw, { baseDir: 'scenarios' })) as any;
    expect(eff.services.web.autoScaling.policies.rc.alarm.statistic).toBe('Sum');
    expect(Object.keys(eff.services.web.autoScaling.policies.rc.alarm).slice(0, 2)).toEqual(['metricName', 'statistic']);
  });
});
