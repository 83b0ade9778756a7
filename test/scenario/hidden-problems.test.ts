// Problems that were hidden behind others until those were fixed, or said only as "Invalid
// input": each is now reported in the same run as the rest, with its own path and hint.

import { describe, it, expect } from 'vitest';
import { loadScenarioObject, ScenarioError } from '../../src/scenario/index.js';
import { quickstart } from '../helpers.js';

/** The problems `loadScenarioObject` reports for `s`, one "path: message" each. */
function problems(s: unknown): string[] {
  try {
    loadScenarioObject('t', s, { baseDir: '.' });
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message.split('\n').map((l) => l.replace(/^t: /, ''));
  }
  throw new Error('the scenario loaded');
}

const ASG = 'cluster.capacityProviders.ec2';
const ASG_KEYS = 'autoScalingGroup, managedScaling, managedTerminationProtection, managedDraining';
const GROUP_KEYS = 'instanceTypes, purchaseOption, minSize, maxSize, desiredCapacity, launchDelay, attributes, amiId, osType, reservedMemoryMiB, spotInterruptions, spotInstanceDraining, targetTrackingPolicy';
const CUSTOM_KEYS = 'name, vcpu, memoryMiB, enis, price, cpuArchitecture';

describe('capacity providers are checked with the rest of the scenario', () => {
  it('typos in an Auto Scaling group provider and in a service: all in one run (the provider\'s waited for the service\'s fix)', () => {
    const s = quickstart();
    s.services.web.desiredCont = s.services.web.desiredCount;
    delete s.services.web.desiredCount;
    const asg = s.cluster.capacityProviders.ec2;
    asg.managedScalng = { status: 'ENABLED' };
    asg.autoScalingGroup.maxSze = asg.autoScalingGroup.maxSize;
    delete asg.autoScalingGroup.maxSize;
    expect(problems(s)).toEqual([
      `${ASG}.managedScalng: unknown key "managedScalng" (did you mean "managedScaling"?); expected one of: ${ASG_KEYS}`,
      `${ASG}.autoScalingGroup.maxSze: unknown key "maxSze" (did you mean "maxSize"?); expected one of: ${GROUP_KEYS}`,
      expect.stringMatching(/^services\.web\.desiredCont: unknown key "desiredCont" \(did you mean "desiredCount"\?\)/),
    ]);
  });

  it('the name picks the schema: FARGATE_SPOT takes interruptions, FARGATE does not; each said once', () => {
    const s = quickstart();
    s.cluster.capacityProviders.FARGATE = { interruptions: { meanTimeBetween: '1h' } };
    s.cluster.capacityProviders.FARGATE_SPOT = { interuptions: { meanTimeBetween: '1h' } };
    s.services.web.launchType = 'EC3';
    expect(problems(s)).toEqual([
      'cluster.capacityProviders.FARGATE.interruptions: unknown key "interruptions" (only FARGATE_SPOT takes interruptions: a FARGATE (on-demand) task is not interrupted; move it to FARGATE_SPOT or remove it); expected one of: provisioningDelay',
      'cluster.capacityProviders.FARGATE_SPOT.interuptions: unknown key "interuptions" (did you mean "interruptions"?); expected one of: provisioningDelay, interruptions',
      'services.web.launchType: expected one of EC2 | FARGATE, found "EC3" (did you mean "EC2"?)',
    ]);
  });

  it('a provider that is no map, beside another problem: both', () => {
    const s = quickstart();
    s.cluster.capacityProviders.ec2 = 'big';
    s.seed = -1;
    expect(problems(s)).toEqual([`seed: expected >= 0, found number -1`, `${ASG}: expected a map, found "big"`]);
  });
});

describe('a custom instance type\'s problems are named (they were "Invalid input")', () => {
  const withTypes = (...types: unknown[]) => {
    const s = quickstart();
    s.cluster.capacityProviders.ec2.autoScalingGroup.instanceTypes = types;
    return s;
  };
  const at = `${ASG}.autoScalingGroup.instanceTypes`;

  it('an unknown key with its hint and a value out of range, both', () => {
    expect(problems(withTypes('m5.large', { name: 'x1', vcpu: 2, memoryMiB: 4096, price: 0.1, cpuArch: 'arm64', enis: -1 }))).toEqual([
      `${at}[1].cpuArch: unknown key "cpuArch" (did you mean "cpuArchitecture"?); expected one of: ${CUSTOM_KEYS}`,
      `${at}[1].enis: expected >= 1, found number -1`,
    ]);
  });

  it('the bounds are those the instance catalog holds a custom type to (integer vCPUs, >= 512 MiB, >= 1 ENI)', () => {
    expect(problems(withTypes({ name: 'x1', vcpu: 1.5, memoryMiB: 256, enis: 0, price: 0.1, cpuArchitecture: 'arm' }))).toEqual([
      `${at}[0].vcpu: expected a whole number, found number 1.5`,
      `${at}[0].memoryMiB: expected >= 512, found number 256`,
      `${at}[0].enis: expected >= 1, found number 0`,
      expect.stringMatching(/^cluster\.capacityProviders\.ec2\.autoScalingGroup\.instanceTypes\[0\]\.cpuArchitecture: expected one of x86_64 \| arm64, found "arm"/),
    ]);
  });

  it('an unknown type name beside a custom type\'s problem: both (the name waited for the custom type\'s fix)', () => {
    expect(problems(withTypes('m5.lage', { name: 'x1', vcpu: 2, memoryMiB: 4096, price: 0.1, cpuArch: 'arm64' }))).toEqual([
      expect.stringMatching(new RegExp(`^${at.replace(/\./g, '\\.')}\\[0\\]: unknown instance type "m5\\.lage": expected a built-in type \\(.*\\(did you mean "m5\\.large"\\?\\)$`)),
      `${at}[1].cpuArch: unknown key "cpuArch" (did you mean "cpuArchitecture"?); expected one of: ${CUSTOM_KEYS}`,
    ]);
    // a name of a custom type in the same list is known (not unknown), but is that type twice;
    // said beside the map's own problem, not instead of it
    expect(problems(withTypes('x1', { name: 'x1', vcpu: 2, memoryMiB: 4096, price: 0.1, cpuArch: 'arm64' }))).toEqual([
      `${at}[1]: expected distinct instance types, found x1 again (the same as [0]); remove one (an on-demand group launches its first type only; a spot group would take it twice as often)`,
      `${at}[1].cpuArch: unknown key "cpuArch" (did you mean "cpuArchitecture"?); expected one of: ${CUSTOM_KEYS}`,
    ]);
  });

  it('a missing required key, and an item that is neither a name nor a map', () => {
    expect(problems(withTypes({ name: 'x1', vcpu: 2, memoryMiB: 4096 }, 5))).toEqual([
      `${at}[0].price: required: expected a number`,
      `${at}[1]: expected an instance type name (e.g. m5.large) or a custom type's map (name, vcpu, memoryMiB, price), found number 5`,
    ]);
  });
});

describe('a map picked by a tag key: a misspelt tag key is named, and keys no variant knows are reported', () => {
  const policy = (p: unknown) => {
    const s = quickstart();
    s.services.web.autoScaling.policies.cpu = p;
    return s;
  };
  const at = 'services.web.autoScaling.policies.cpu';
  const POLICY_KEYS = 'policyType, predefinedMetricType, customMetric, customMetricStatistic, targetValue, scaleOutCooldown, scaleInCooldown, disableScaleIn, alarm, adjustmentType, stepAdjustments, minAdjustmentMagnitude, cooldown, metricAggregationType';

  it('a misspelt policyType is said as the unknown key it is, not as policyType "found nothing"; another unknown key too', () => {
    expect(problems(policy({ polcyType: 'TargetTrackingScaling', targetValue: 50, foo: 1 }))).toEqual([
      `${at}.polcyType: unknown key "polcyType" (did you mean "policyType"?); expected one of: ${POLICY_KEYS}`,
      `${at}.foo: unknown key "foo"; expected one of: ${POLICY_KEYS}`,
    ]);
  });

  it('a wrong tag value keeps its error, and keys no variant knows are reported beside it (with a hint against every variant\'s keys)', () => {
    expect(problems(policy({ policyType: 'TargetTracking', targetValu: 50, cooldown: 60 }))).toEqual([
      `${at}.targetValu: unknown key "targetValu" (did you mean "targetValue"?); expected one of: ${POLICY_KEYS}`,
      `${at}.policyType: expected one of TargetTrackingScaling | StepScaling, found "TargetTracking" (did you mean "TargetTrackingScaling"?)`,
    ]);
  });

  it('no tag and no key like it: the tag is still "found nothing", beside the unknown keys', () => {
    expect(problems(policy({ targetValue: 50, foo: 1 }))).toEqual([
      `${at}.foo: unknown key "foo"; expected one of: ${POLICY_KEYS}`,
      `${at}.policyType: expected one of TargetTrackingScaling | StepScaling, found nothing`,
    ]);
  });

  it('a distribution and a placement strategy with their tag keys misspelt', () => {
    const s = quickstart();
    s.taskDefinitions.web.startup.imagePull = { distrbution: 'uniform', min: '1s', max: '2s' };
    s.services.web.placementStrategy = [{ typ: 'binpack', field: 'memory' }];
    expect(problems(s)).toEqual([
      'taskDefinitions.web.startup.imagePull.distrbution: unknown key "distrbution" (did you mean "distribution"?); expected one of: distribution, value, min, max, mean, sd, median, p95',
      'services.web.placementStrategy[0].typ: unknown key "typ" (did you mean "type"?); expected one of: type, field',
    ]);
  });
});

describe('a rule relating two keys of a map runs beside an unknown key in the map', () => {
  it('a uniform with max < min and an unknown key: both (only the unknown key was said)', () => {
    const s = quickstart();
    s.taskDefinitions.web.startup.imagePull = { distribution: 'uniform', min: '10s', max: '5s', foo: 1 };
    expect(problems(s)).toEqual([
      'taskDefinitions.web.startup.imagePull.foo: unknown key "foo"; expected one of: distribution, min, max',
      'taskDefinitions.web.startup.imagePull.max: expected a duration >= min (10s), found 5s',
    ]);
  });

  it('a lognormal with p95 < median, a ramp with end <= start and a diurnal with max < min, each beside an unknown key', () => {
    const s = quickstart();
    s.taskDefinitions.web.startup.imagePull = { distribution: 'lognormal', median: '10s', p95: '5s', foo: 1 };
    s.services.web.workload.requestRate = { ramp: { from: 1, to: 2, start: '10m', end: '5m', foo: 1 } };
    const diurnal = quickstart();
    diurnal.services.web.workload.requestRate = { diurnal: { min: 10, max: 5, foo: 1 } };
    expect(problems(s)).toEqual([
      expect.stringMatching(/^taskDefinitions\.web\.startup\.imagePull\.foo: unknown key "foo"/),
      'taskDefinitions.web.startup.imagePull.p95: expected a duration >= median (10s), found 5s',
      expect.stringMatching(/^services\.web\.workload\.requestRate\.ramp\.foo: unknown key "foo"/),
      'services.web.workload.requestRate.ramp.end: expected a time after start (10m), found 5m',
    ]);
    expect(problems(diurnal)).toEqual([
      expect.stringMatching(/^services\.web\.workload\.requestRate\.diurnal\.foo: unknown key "foo"/),
      'services.web.workload.requestRate.diurnal.max: expected a rate >= min (10), found 5',
    ]);
  });

  it('the rule waits while one of its keys is itself wrong (no max >= min on an invalid max)', () => {
    const s = quickstart();
    s.taskDefinitions.web.startup.imagePull = { distribution: 'uniform', min: '10s', max: 'soon', foo: 1 };
    expect(problems(s)).toEqual([
      'taskDefinitions.web.startup.imagePull.foo: unknown key "foo"; expected one of: distribution, min, max',
      expect.stringMatching(/^taskDefinitions\.web\.startup\.imagePull\.max: expected a duration .*found "soon"$/),
    ]);
  });
});
