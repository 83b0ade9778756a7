import { describe, it, expect } from 'vitest';
import { durationReader, readScenarioSettings } from '../../../src/output/report/data/scenario-settings.js';

describe('scenario.json settings', () => {
  it('reads durations of a parsed scenario (ms) and of one as written (numbers = seconds, strings with units)', () => {
    expect(durationReader({ duration: 3_600_000 }, 3600)(250)).toBe(250);
    expect(durationReader({ duration: 3600 }, 3600)(0.25)).toBe(250);
    expect(durationReader({ duration: '1h' }, 3600)('250ms')).toBe(250);
    expect(durationReader({ metrics: { period: 60_000 } }, undefined)(30_000)).toBe(30_000);
  });

  it('draws a target tracking target and its scale-in threshold at 90 % of it (AAS low alarm)', () => {
    const s = readScenarioSettings(
      {
        duration: '1h',
        services: {
          web: {
            workload: { slo: { latencyP95: '250ms' }, perTask: { capacityRps: 100 } },
            autoScaling: {
              minCapacity: 1,
              maxCapacity: 9,
              policies: {
                cpu: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 60 },
                mem: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageMemoryUtilization', targetValue: 70, disableScaleIn: true },
                surge: { policyType: 'StepScaling', alarm: { metricName: 'CPUUtilization', threshold: 85, comparisonOperator: 'GreaterThanOrEqualToThreshold' }, adjustmentType: 'ChangeInCapacity' },
              },
            },
          },
        },
      },
      3600,
    );
    const web = s.services.get('web')!;
    expect(web.sloLatencyP95Ms).toBe(250);
    expect(web.capacityRps).toBe(100);
    expect(web.lines.map((l) => [l.policy, l.kind, l.column, Math.round(l.value * 10) / 10])).toEqual([
      ['cpu', 'target', 'cpu_utilization', 60],
      ['cpu', 'scale-in threshold', 'cpu_utilization', 54],
      // disableScaleIn: AAS creates no low alarm, so no threshold line.
      ['mem', 'target', 'memory_utilization', 70],
      ['surge', 'alarm threshold', 'cpu_utilization', 85],
    ]);
  });

  it('reads managed scaling targetCapacity (default 100)', () => {
    const s = readScenarioSettings({ cluster: { capacityProviders: { a: { autoScalingGroup: { instanceTypes: ['m5.large'] }, managedScaling: { status: 'ENABLED' } }, b: { autoScalingGroup: {}, managedScaling: { targetCapacity: 90 } }, FARGATE: {} } } }, undefined);
    expect([...s.targetCapacity]).toEqual([['a', 100], ['b', 90]]);
  });
});
