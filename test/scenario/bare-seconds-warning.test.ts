// A duration written as a bare number is seconds: `scaleOutCooldown: 300000` meant as ms is
// 83h20m, longer than a 1 h run, and changes its results unsaid. Every span-of-time key
// (bare-seconds.ts) written so at or after the end of the run is warned of with the
// "did you mean ...ms?" of the delays (delay-past-end-warning.test.ts), from one rule.

import { describe, expect, it } from 'vitest';
import { quickstart } from '../helpers.js';
import { BARE_SECONDS_KEYS } from '../../src/scenario/bare-seconds.js';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';

/** The quick start (1 h) edited by `edit`; its warnings about durations past the end of the run. */
function warned(edit: (s: Record<string, any>) => void, durationOverridden = false): string[] {
  const s = quickstart();
  edit(s);
  return scenarioWarnings(loadScenarioObject('s.yaml', s, { baseDir: '.' }), { durationOverridden })
    .map((w) => `${w.at.join('.')}: ${w.message}`)
    .filter((w) => /at or after the end of the run \(/.test(w) && !w.startsWith('metrics'));
}

const policy = (s: Record<string, any>) => s.services.web.autoScaling.policies.cpu;

describe('warning: a bare number of seconds at or after the end of the run', () => {
  it('scaleOutCooldown and scaleInCooldown 300000 (seconds: 83h20m) in a 1 h run', () => {
    // 300000 s = 83 h 20 min = 3d11h20m
    expect(warned((s) => Object.assign(policy(s), { scaleOutCooldown: 300000, scaleInCooldown: '300000' }))).toEqual([
      'services.web.autoScaling.policies.cpu.scaleOutCooldown: 3d11h20m is at or after the end of the run (1h); written as a bare number, that is seconds (did you mean "300000ms"?)',
      'services.web.autoScaling.policies.cpu.scaleInCooldown: 3d11h20m is at or after the end of the run (1h); written as a bare number, that is seconds (did you mean "300000ms"?)',
    ]);
  });

  it('the same value with a unit is taken as meant; below the run is not said; nor with --duration', () => {
    expect(warned((s) => Object.assign(policy(s), { scaleOutCooldown: '300000s', scaleInCooldown: '100h' }))).toEqual([]);
    // 3599 s is 1 s short of the 1 h run; 3600 s is the run exactly
    expect(warned((s) => Object.assign(policy(s), { scaleOutCooldown: 3599 }))).toEqual([]);
    expect(warned((s) => Object.assign(policy(s), { scaleOutCooldown: 3600 }))).toEqual([
      'services.web.autoScaling.policies.cpu.scaleOutCooldown: 1h is at or after the end of the run (1h); written as a bare number, that is seconds (did you mean "3600ms"?)',
    ]);
    expect(warned((s) => Object.assign(policy(s), { scaleOutCooldown: 300000 }), true)).toEqual([]);
  });

  it("a step policy's cooldown, a task definition's stopTimeout, a group's warm-ups and Spot interruptions, the target group's deregistration delay", () => {
    const lines = warned((s) => {
      s.duration = '5m';
      s.services.web.workload.requestRate.step.at = '2m';
      s.services.web.autoScaling.policies.step = {
        policyType: 'StepScaling',
        alarm: { metricName: 'CPUUtilization', threshold: 80, comparisonOperator: 'GreaterThanThreshold' },
        adjustmentType: 'ChangeInCapacity',
        stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }],
        cooldown: 60000,
      };
      s.taskDefinitions.web.stopTimeout = 30000;
      s.services.web.loadBalancer.deregistrationDelay = 1000;
      Object.assign(s.cluster.capacityProviders.ec2.autoScalingGroup, {
        purchaseOption: 'spot',
        spotInterruptions: { meanTimeBetween: 7200 },
        targetTrackingPolicy: { predefinedMetricType: 'ASGAverageCPUUtilization', targetValue: 50, estimatedInstanceWarmup: 3000, disableScaleIn: true },
        minSize: 1,
      });
    });
    // in a 5 min (300 s) run: 60000 s = 16h40m, 30000 s = 8h20m, 3000 s = 50m, 1000 s = 16m40s;
    // a mean time between Spot interruptions (7200 s = 2h) longer than the run is usual: not said
    expect(lines).toEqual([
      'cluster.capacityProviders.ec2.autoScalingGroup.targetTrackingPolicy.estimatedInstanceWarmup: 50m is at or after the end of the run (5m); written as a bare number, that is seconds (did you mean "3000ms"?)',
      'taskDefinitions.web.stopTimeout: 8h20m is at or after the end of the run (5m); written as a bare number, that is seconds (did you mean "30000ms"?)',
      'services.web.autoScaling.policies.step.cooldown: 16h40m is at or after the end of the run (5m); written as a bare number, that is seconds (did you mean "60000ms"?)',
      'services.web.loadBalancer.deregistrationDelay: 16m40s is at or after the end of the run (5m); written as a bare number, that is seconds (did you mean "1000ms"?)',
    ]);
  });

  it('a bare number below 1000 is a usual number of seconds: AWS\'s deregistrationDelay 300 in a 5 min run is not said', () => {
    expect(
      warned((s) => {
        s.duration = '5m';
        s.services.web.workload.requestRate.step.at = '2m';
        s.services.web.loadBalancer.deregistrationDelay = 300;
        Object.assign(policy(s), { scaleInCooldown: 999 });
      }),
    ).toEqual([]);
  });

  it('a bare number with a fraction of a second gets no "did you mean" and is not said', () => {
    expect(
      warned((s) => {
        s.cluster.capacityProviders.ec2.autoScalingGroup.purchaseOption = 'spot';
        s.cluster.capacityProviders.ec2.autoScalingGroup.spotInterruptions = { meanTimeBetween: 7200.5 };
      }),
    ).toEqual([]);
  });

  it("the target group's healthCheck.interval is not among them: above 300 s it is refused (HealthCheckIntervalSeconds 5-300), before any warning", () => {
    expect(BARE_SECONDS_KEYS.some((k) => k.includes('healthCheck'))).toBe(false);
    const s = quickstart();
    s.services.web.loadBalancer.healthCheck = { interval: 30000 };
    let message = '';
    try {
      loadScenarioObject('s.yaml', s, { baseDir: '.' });
    } catch (e) {
      message = e instanceof Error ? e.message : String(e);
    }
    expect(message.split('\n')[0]).toBe("s.yaml: services.web.loadBalancer.healthCheck.interval: expected 5s to 300s (the target group's HealthCheckIntervalSeconds range), found 30000s");
  });
});
