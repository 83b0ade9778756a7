// Application Auto Scaling keys ecsim does not model, or spells otherwise, are refused with
// that said (strict()'s notes) rather than a bare "unknown key": RegisterScalableTarget's
// SuspendedState (API_SuspendedState.html), PutScalingPolicy's PolicyType PredictiveScaling
// (autoscaling/application/userguide/aas-create-predictive-scaling-policy.html,
// AmazonECS/latest/developerguide/predictive-scaling-create-policy.html) with its
// PredictiveScalingPolicyConfiguration, and TargetTrackingScalingPolicyConfiguration's
// nested PredefinedMetricSpecification (with its ResourceLabel) and
// CustomizedMetricSpecification (with its metric math, Metrics). TargetValue: "won't accept
// values that are either too small or too large ... -2^360 to 2^360"
// (API_TargetTrackingScalingPolicyConfiguration.html); in base 2 "2e-360 to 2e360"
// (amazondynamodb/latest/APIReference/API_AutoScalingTargetTrackingScalingPolicyConfigurationUpdate.html).

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, ScenarioError } from '../../src/scenario/index.js';

const CPU = { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 60 };

function scenario(autoScaling: Record<string, unknown>): Record<string, unknown> {
  return {
    name: 'aas',
    duration: '10m',
    cluster: { availabilityZones: ['us-east-1a', 'us-east-1b'] },
    taskDefinitions: { t: { cpu: 256, memory: 512, requiresCompatibilities: ['FARGATE'] } },
    services: {
      web: { taskDefinition: 't', launchType: 'FARGATE', loadBalancer: {}, autoScaling: { minCapacity: 1, maxCapacity: 4, ...autoScaling } },
    },
  };
}

function loadErrors(autoScaling: Record<string, unknown>): string[] {
  try {
    loadScenarioObject('s.yaml', scenario(autoScaling));
  } catch (e) {
    if (e instanceof ScenarioError) return e.message.split('\n');
    throw e;
  }
  return [];
}

const SUSPENDED =
  '(an Application Auto Scaling key ecsim does not model: scaling is never suspended; remove it (disableScaleIn: true on a target tracking policy stops its scale in)); expected one of: minCapacity, maxCapacity, policies, scheduledActions';
const TT_KEYS = 'expected one of: policyType, predefinedMetricType, customMetric, customMetricStatistic, targetValue, scaleOutCooldown, scaleInCooldown, disableScaleIn';

describe('autoScaling: Application Auto Scaling keys ecsim does not model', () => {
  it('suspendedState, in either spelling, and its three keys written on their own, are said not modelled', () => {
    expect(loadErrors({ policies: { cpu: CPU }, suspendedState: { dynamicScalingInSuspended: true } })).toEqual([
      `s.yaml: services.web.autoScaling.suspendedState: unknown key "suspendedState" ${SUSPENDED}`,
    ]);
    expect(loadErrors({ SuspendedState: { DynamicScalingInSuspended: true } })).toEqual([
      `s.yaml: services.web.autoScaling.SuspendedState: unknown key "SuspendedState" ${SUSPENDED}`,
    ]);
    for (const key of ['scheduledScalingSuspended', 'dynamicScalingInSuspended', 'dynamicScalingOutSuspended', 'DynamicScalingOutSuspended']) {
      expect(loadErrors({ [key]: true })).toEqual([`s.yaml: services.web.autoScaling.${key}: unknown key "${key}" ${SUSPENDED}`]);
    }
  });

  it('policyType PredictiveScaling is one error, saying it is an AWS policy type ecsim does not model; its configuration key is not reported besides', () => {
    const expected = [
      's.yaml: services.web.autoScaling.policies.p.policyType: expected one of TargetTrackingScaling | StepScaling, found "PredictiveScaling" (an AWS policy type for ECS services that ecsim does not model: it forecasts capacity from the metric history (autoscaling/application/userguide/aas-create-predictive-scaling-policy.html); use TargetTrackingScaling or StepScaling, or scheduledActions for load known in advance)',
    ];
    const config = { mode: 'ForecastAndScale', metricSpecifications: [{ targetValue: 40, predefinedMetricPairSpecification: { predefinedMetricType: 'ECSServiceCPUUtilization' } }] };
    expect(loadErrors({ policies: { p: { policyType: 'PredictiveScaling', predictiveScalingPolicyConfiguration: config } } })).toEqual(expected);
    expect(loadErrors({ policies: { p: { policyType: 'PredictiveScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 60 } } })).toEqual(expected);
    // a policy type that is no AWS one keeps its "did you mean"
    expect(loadErrors({ policies: { p: { ...CPU, policyType: 'TargetTrackingScalin' } } })).toEqual([
      's.yaml: services.web.autoScaling.policies.p.policyType: expected one of TargetTrackingScaling | StepScaling, found "TargetTrackingScalin" (did you mean "TargetTrackingScaling"?)',
    ]);
  });

  it('resourceLabel: ecsim takes the target group from the service\'s loadBalancer', () => {
    expect(loadErrors({ policies: { p: { ...CPU, predefinedMetricType: 'ALBRequestCountPerTarget', resourceLabel: 'app/x/1/targetgroup/y/2' } } })).toEqual([
      `s.yaml: services.web.autoScaling.policies.p.resourceLabel: unknown key "resourceLabel" (an Application Auto Scaling key ecsim does not model: ecsim takes the target group from the service's loadBalancer (ALBRequestCountPerTarget counts the requests of its targets); remove it); ${TT_KEYS}`,
    ]);
  });

  it('customizedMetricSpecification and metric math (metrics) point to customMetric, BacklogPerTask for the backlog per task', () => {
    const [spec] = loadErrors({ policies: { p: { policyType: 'TargetTrackingScaling', customizedMetricSpecification: { metrics: [] }, targetValue: 60 } } });
    expect(spec).toMatch(/^s\.yaml: services\.web\.autoScaling\.policies\.p\.customizedMetricSpecification: unknown key "customizedMetricSpecification" \(AWS's CustomizedMetricSpecification: write customMetric \(BacklogPerTask \| CPUUtilization \| MemoryUtilization \| RequestCountPerTarget \| ApproximateNumberOfMessagesVisible\) and customMetricStatistic directly on the policy; .*customMetric: BacklogPerTask is the backlog per task/);
    const [math] = loadErrors({ policies: { p: { policyType: 'TargetTrackingScaling', metrics: [{ id: 'm1' }], targetValue: 60 } } });
    expect(math).toMatch(/^s\.yaml: services\.web\.autoScaling\.policies\.p\.metrics: unknown key "metrics" \(CustomizedMetricSpecification's metric math, which ecsim does not model: use customMetric \(.*\); BacklogPerTask is the backlog per task/);
  });

  it('predefinedMetricSpecification, in either spelling: write predefinedMetricType directly', () => {
    for (const key of ['predefinedMetricSpecification', 'PredefinedMetricSpecification']) {
      const errors = loadErrors({ policies: { p: { policyType: 'TargetTrackingScaling', [key]: { predefinedMetricType: 'ECSServiceAverageCPUUtilization' }, targetValue: 60 } } });
      expect(errors[0]).toBe(
        `s.yaml: services.web.autoScaling.policies.p.${key}: unknown key "${key}" (AWS's PredefinedMetricSpecification: write its predefinedMetricType (ECSServiceAverageCPUUtilization | ECSServiceAverageMemoryUtilization | ALBRequestCountPerTarget) directly on the policy); ${TT_KEYS}`,
      );
    }
  });

  it('the notes hold on a policy without its policyType too (no variant to check it with)', () => {
    const errors = loadErrors({ policies: { p: { resourceLabel: 'x', targetValue: 60 } } });
    expect(errors.some((e) => e.startsWith('s.yaml: services.web.autoScaling.policies.p.resourceLabel: unknown key "resourceLabel" (an Application Auto Scaling key ecsim does not model: '))).toBe(true);
  });
});

describe("targetValue: AWS's smallest magnitude, 2^-360", () => {
  const tv = (targetValue: number) => loadErrors({ policies: { cpu: { ...CPU, targetValue } } });
  it('refuses a positive value below 2^-360 (1e-300 ran, asking for ceil(3 x 99.7/0))', () => {
    expect(tv(1e-300)).toEqual([
      's.yaml: services.web.autoScaling.policies.cpu.targetValue: expected at least 2^-360, about 4.26e-109 (TargetValue refuses values too small: none of magnitude below 2^-360), found 1e-300',
    ]);
    // the largest double below 2^-360
    expect(tv(2 ** -360 * (1 - 2 ** -53))).toEqual([
      expect.stringMatching(/^s\.yaml: services\.web\.autoScaling\.policies\.cpu\.targetValue: expected at least 2\^-360, about 4\.26e-109 .*found 4\.2579598400081502e-109$/),
    ]);
  });

  it('accepts 2^-360 itself and 1e-7', () => {
    expect(tv(2 ** -360)).toEqual([]);
    expect(tv(1e-7)).toEqual([]);
  });
});
