// "Did you mean" for the near-misses people write: a shortening (max, mem), the last word of
// a camel-case key (count, rate, zones), a singular for a plural (policy), the tag key's
// last word (type), and a key of the other policy type (cooldown on target tracking). Each
// said once: not again as the key it means "required". An unrelated key gets no hint.

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadProblems, tempDir } from '../helpers.js';
import { closest, likelyMeant, likelyMeantName } from '../../src/scenario/did-you-mean.js';

const QUICKSTART_TEXT = readFileSync('scenarios/quickstart.yaml', 'utf8');

function edited(from: string, to: string): string {
  expect(QUICKSTART_TEXT.split(from)).toHaveLength(2);
  return QUICKSTART_TEXT.replace(from, to);
}

function problems(name: string, text: string): string[] {
  return loadProblems(dir, name, text);
}

const dir = tempDir();

describe('a near-miss key gets a hint and is said once', () => {
  const cases: [string, string, string, RegExp][] = [
    ['policy', '      policies:', '      policy:', /^services\.web\.autoScaling\.policy: unknown key "policy" \(did you mean "policies"\?\)/],
    ['max', 'maxCapacity: 12', 'max: 12', /^services\.web\.autoScaling\.max: unknown key "max" \(did you mean "maxCapacity"\?\)/],
    ['count', 'desiredCount: 3', 'count: 3', /^services\.web\.count: unknown key "count" \(did you mean "desiredCount"\?\)/],
    ['mem', '    memory: 512\n', '    mem: 512\n', /^taskDefinitions\.web\.mem: unknown key "mem" \(did you mean "memory"\?\)/],
    ['rate', 'requestRate:', 'rate:', /^services\.web\.workload\.rate: unknown key "rate" \(did you mean "requestRate"\?\)/],
    ['type', 'policyType: TargetTrackingScaling', 'type: TargetTrackingScaling', /^services\.web\.autoScaling\.policies\.cpu\.type: unknown key "type" \(did you mean "policyType"\?\)/],
    ['zones', 'availabilityZones:', 'zones:', /^cluster\.zones: unknown key "zones" \(did you mean "availabilityZones"\?\)/],
    ['load', '    workload:', '    load:', /^services\.web\.load: unknown key "load" \(did you mean "workload"\?\)/],
  ];
  for (const [name, from, to, expected] of cases) {
    it(`${to.trim()} for ${from.trim()}`, () => {
      const p = problems(name, edited(from, to));
      expect(p).toHaveLength(1);
      expect(p[0]).toMatch(expected);
    });
  }

  it('a key of StepScaling on a target tracking policy is said to be one, with the keys it may mean', () => {
    const p = problems('cooldown', edited('targetValue: 60', 'targetValue: 60\n          cooldown: 60s'));
    expect(p).toEqual([
      'services.web.autoScaling.policies.cpu.cooldown: unknown key "cooldown" (a key of policyType StepScaling, not of TargetTrackingScaling; did you mean "scaleOutCooldown" or "scaleInCooldown"?); expected one of: policyType, predefinedMetricType, customMetric, customMetricStatistic, targetValue, scaleOutCooldown, scaleInCooldown, disableScaleIn',
    ]);
  });

  it('an unrelated key gets no hint', () => {
    const p = problems('banana', edited('    desiredCount: 3\n', '    desiredCount: 3\n    banana: 3\n'));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^services\.web\.banana: unknown key "banana"; expected one of/);
  });

  it('a hint names a key the map lacks before one it has (load is workload here, not loadBalancer)', () => {
    const p = problems('load-lb', edited('    workload:', '    load:'));
    expect(p[0]).not.toContain('loadBalancer"?');
  });
});

describe('a key whose value is a valid value of another key, or a whole word inside keys', () => {
  it('type: REPLICA on a service means schedulingStrategy (REPLICA is its value), not launchType', () => {
    const p = problems('replica', edited('    launchType: EC2\n', '    launchType: EC2\n    type: REPLICA\n'));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^services\.web\.type: unknown key "type" \(did you mean "schedulingStrategy"\?\); expected one of/);
  });

  it('metric: ECSServiceAverageCPUUtilization means predefinedMetricType, not customMetric; said once', () => {
    const p = problems('metric-ecs', edited('predefinedMetricType: ECSServiceAverageCPUUtilization', 'metric: ECSServiceAverageCPUUtilization'));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^services\.web\.autoScaling\.policies\.cpu\.metric: unknown key "metric" \(did you mean "predefinedMetricType"\?\)/);
  });

  it('metric: CPUUtilization means customMetric (a customMetric value)', () => {
    const p = problems('metric-custom', edited('predefinedMetricType: ECSServiceAverageCPUUtilization', 'metric: CPUUtilization'));
    expect(p[0]).toMatch(/unknown key "metric" \(did you mean "customMetric"\?\)/);
  });

  it('metric with a value of no key: every key "Metric" is a word of, listed', () => {
    const p = problems('metric-other', edited('predefinedMetricType: ECSServiceAverageCPUUtilization', 'metric: Latency'));
    expect(p[0]).toMatch(/unknown key "metric" \(did you mean "predefinedMetricType", "customMetric" or "customMetricStatistic"\?\)/);
  });

  it('a value two keys take: the one the name means (draining: ENABLED is managedDraining)', () => {
    const p = problems('draining', edited('      autoScalingGroup:\n', '      draining: DISABLED\n      autoScalingGroup:\n'));
    expect(p[0]).toMatch(/unknown key "draining" \(did you mean "managedDraining"\?\)/);
  });

  it('non-hits: an unrelated key with an unrelated value, a value of no key, a number', () => {
    for (const [name, line] of [
      ['banana-value', '    banana: yellow\n'],
      ['banana-number', '    banana: 3\n'],
      ['colour', '    colour: REPLICAS\n'],
    ]) {
      const p = problems(name, edited('    launchType: EC2\n', `    launchType: EC2\n${line}`));
      expect(p).toHaveLength(1);
      expect(p[0]).toMatch(/unknown key "[a-z]+"; expected one of/);
    }
  });
});

describe('AWS-style spellings get a hint; said once', () => {
  const cases: [string, string, string, RegExp][] = [
    ['maxPercent', '    launchType: EC2\n', '    launchType: EC2\n    deploymentConfiguration: { maxPercent: 200 }\n', /^services\.web\.deploymentConfiguration\.maxPercent: unknown key "maxPercent" \(did you mean "maximumPercent"\?\)/],
    ['intervalSeconds', 'deregistrationDelay: 30s }', 'deregistrationDelay: 30s, healthCheck: { intervalSeconds: 30s } }', /^services\.web\.loadBalancer\.healthCheck\.intervalSeconds: unknown key "intervalSeconds" \(did you mean "interval"\?\)/],
    ['gracePeriod', '    launchType: EC2\n', '    launchType: EC2\n    gracePeriod: 30s\n', /^services\.web\.gracePeriod: unknown key "gracePeriod" \(did you mean "healthCheckGracePeriodSeconds"\?\)/],
    ['azRebalancing', '    launchType: EC2\n', '    launchType: EC2\n    azRebalancing: DISABLED\n', /^services\.web\.azRebalancing: unknown key "azRebalancing" \(did you mean "availabilityZoneRebalancing"\?\)/],
    ['expectations', 'seed: ', 'expectations: []\nseed: ', /^expectations: unknown key "expectations" \(did you mean "expect"\?\)/],
    ['replicas', 'seed: ', 'replicas: 3\nseed: ', /^replicas: unknown key "replicas" \(did you mean "replications"\?\)/],
    ['StepScalingPolicy', 'policyType: TargetTrackingScaling', 'policyType: StepScalingPolicy', /^services\.web\.autoScaling\.policies\.cpu\.policyType: expected one of TargetTrackingScaling \| StepScaling, found "StepScalingPolicy" \(did you mean "StepScaling"\?\)$/],
    ['instanceID', '    launchType: EC2\n', '    launchType: EC2\n    placementStrategy: [{ type: spread, field: instanceID }]\n', /^services\.web\.placementStrategy\[0\]\.field: expected "instanceId", "host" or "attribute:NAME" for spread, found "instanceID" \(did you mean "instanceId"\?\)$/],
    ['Spread', '    launchType: EC2\n', '    launchType: EC2\n    placementStrategy: [{ type: Spread, field: host }]\n', /^services\.web\.placementStrategy\[0\]\.type: expected one of binpack \| spread \| random, found "Spread" \(did you mean "spread"\?\)$/],
  ];
  for (const [name, from, to, expected] of cases) {
    it(name, () => {
      const p = problems(`aws-${name}`, edited(from, to));
      expect(p).toHaveLength(1);
      expect(p[0]).toMatch(expected);
    });
  }

  it('steps on a StepScaling policy: stepAdjustments, not also "required"', () => {
    const text = edited(
      '          policyType: TargetTrackingScaling\n          predefinedMetricType: ECSServiceAverageCPUUtilization\n          targetValue: 60\n',
      '          policyType: StepScaling\n          alarm: { metricName: CPUUtilization, statistic: Average, period: 60s, evaluationPeriods: 1, threshold: 70, comparisonOperator: GreaterThanOrEqualToThreshold }\n          adjustmentType: ChangeInCapacity\n          steps: [{ lowerBound: 0, scalingAdjustment: 1 }]\n',
    );
    const p = problems('steps', text);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^services\.web\.autoScaling\.policies\.cpu\.steps: unknown key "steps" \(did you mean "stepAdjustments"\?\)/);
  });

  it('by name alone (no value to go by): az, max, min spelt out', () => {
    const service = ['taskDefinition', 'desiredCount', 'launchType', 'availabilityZoneRebalancing', 'healthCheckGracePeriodSeconds'];
    expect(likelyMeant('azRebalancing', service)).toEqual(['availabilityZoneRebalancing']);
    expect(likelyMeant('minHealthyPercent', ['minimumHealthyPercent', 'maximumPercent'])).toEqual(['minimumHealthyPercent']);
    expect(likelyMeant('maximumSize', ['minSize', 'maxSize'])).toEqual(['maxSize']);
  });

  it('non-hits: another name a key begins (FARGATE_SPOT), a short or unrelated word', () => {
    expect(likelyMeant('FARGATE_SPOT', ['FARGATE', 'asg-m5'])).toEqual([]);
    expect(likelyMeant('FARGATE_SPOT2', ['FARGATE', 'asg-m5'])).toEqual([]);
    expect(likelyMeant('minPercent', ['maximumPercent'])).toEqual([]);
    expect(likelyMeant('replicate', ['replications'])).toEqual([]);
    expect(likelyMeant('tasks', ['taskDefinition', 'desiredCount'])).toEqual([]);
    for (const word of ['banana', 'seconds', 'policy', 'steep']) expect(likelyMeant(word, ['maximumPercent', 'interval', 'expect', 'replications', 'stepAdjustments'])).toEqual([]);
  });
});

describe('likelyMeant', () => {
  const keys = ['taskDefinition', 'desiredCount', 'launchType', 'loadBalancer', 'workload', 'autoScaling'];
  it('hits', () => {
    expect(closest('count', keys)).toBe('desiredCount');
    expect(closest('policy', ['minCapacity', 'policies'])).toBe('policies');
    expect(closest('scaleInCooldown', ['cooldown', 'adjustmentType'])).toBe('cooldown');
    expect(closest('zone', ['name', 'availabilityZones'])).toBe('availabilityZones');
    expect(likelyMeant('size', ['minSize', 'maxSize', 'desiredCapacity'])).toEqual(['minSize', 'maxSize']);
    // a plain typo still wins
    expect(closest('desiredCont', keys)).toBe('desiredCount');
  });
  it('misses: an unrelated word, a part inside a word, a 2-letter part, a short part not at a word start', () => {
    for (const word of ['banana', 'color', 'id', 'ad', 'ate', 'unt']) expect(likelyMeant(word, [...keys, 'requestRate', 'separate'])).toEqual([]);
    // 3 letters end a name only at a word's start; 4 anywhere ("load" for workload)
    expect(likelyMeant('ate', ['requestRate', 'separate'])).toEqual([]);
    expect(likelyMeant('Rat', ['requestRate', 'separate'])).toEqual([]);
    expect(likelyMeant('rate', ['requestRate', 'errorRate', 'separate'])).toEqual(['requestRate', 'errorRate', 'separate']);
    // a prefix counts as written: "tasks" is no shortening of taskDefinition
    expect(likelyMeant('tasks', keys)).toEqual([]);
    // whole words inside a name, as written, 4 letters or more, not the first word
    expect(likelyMeant('metric', ['predefinedMetricType', 'customMetric', 'targetValue'])).toEqual(['predefinedMetricType', 'customMetric']);
    expect(likelyMeant('gracePeriod', ['healthCheckGracePeriodSeconds', 'desiredCount'])).toEqual(['healthCheckGracePeriodSeconds']);
    expect(likelyMeant('zones', ['availabilityZones', 'availabilityZoneRebalancingInterval'])).toEqual(['availabilityZones']);
    expect(likelyMeant('pred', ['predefinedMetricType', 'customMetric'])).toEqual(['predefinedMetricType']);
    for (const word of ['defined', 'etric', 'ability', 'able']) expect(likelyMeant(word, ['predefinedMetricType', 'availabilityZones', 'disableScaleIn'])).toEqual([]);
    // more than three names with the part: no hint
    expect(likelyMeant('type', ['policyType', 'launchType', 'adjustmentType', 'predefinedMetricType'])).toEqual([]);
  });
});

describe('a name with a number at its end is a numbered sibling, not a typo', () => {
  it('a task definition or capacity provider named with a number appended gets no hint; a typo still does', () => {
    expect(problems('td-2', edited('taskDefinition: web', 'taskDefinition: web-2'))).toEqual(['services.web.taskDefinition: expected a task definition of taskDefinitions (web), found "web-2"']);
    expect(problems('td2', edited('taskDefinition: web', 'taskDefinition: web2'))).toEqual(['services.web.taskDefinition: expected a task definition of taskDefinitions (web), found "web2"']);
    expect(problems('td-v2', edited('taskDefinition: web', 'taskDefinition: web_v2'))).toEqual(['services.web.taskDefinition: expected a task definition of taskDefinitions (web), found "web_v2"']);
    expect(problems('td-typo', edited('taskDefinition: web', 'taskDefinition: wbe'))).toEqual(['services.web.taskDefinition: expected a task definition of taskDefinitions (web), found "wbe" (did you mean "web"?)']);
    expect(problems('cp-2', edited('    launchType: EC2\n', '    capacityProviderStrategy: [{ capacityProvider: ec2-2, weight: 1 }]\n'))).toEqual([
      'services.web.capacityProviderStrategy[0].capacityProvider: expected a capacity provider of cluster.capacityProviders or a built-in one (ec2, FARGATE, FARGATE_SPOT), found "ec2-2"',
    ]);
  });

  it('by name alone', () => {
    for (const word of ['worker-2', 'worker2', 'worker_v2', 'worker-v2', 'Worker-12']) expect(likelyMeantName(word, ['worker', 'web'])).toEqual([]);
    // the other way round, and another number after the same separator
    expect(likelyMeantName('worker', ['worker-2', 'web'])).toEqual([]);
    expect(likelyMeantName('worker-3', ['worker-2', 'web'])).toEqual([]);
    expect(likelyMeantName('worker-3', ['worker-2', 'worker'])).toEqual([]);
    // typos still hinted: letters, the same number after another separator, a digit inside a word
    expect(likelyMeantName('wroker', ['worker', 'web'])).toEqual(['worker']);
    expect(likelyMeantName('wroker-2', ['worker-2', 'web'])).toEqual(['worker-2']);
    expect(likelyMeantName('worker_2', ['worker-2', 'web'])).toEqual(['worker-2']);
    expect(likelyMeantName('EC3', ['EC2', 'FARGATE'])).toEqual(['EC2']);
    expect(likelyMeantName('latencyP99', ['latencyP95', 'errorRate'])).toEqual(['latencyP95']);
  });
});

describe("the format's own keys and values that end in a number are hinted for a shortening without it", () => {
  it('by name alone (likelyMeant, for keys and enums)', () => {
    expect(likelyMeant('arm', ['vcpuHour', 'gbHour', 'spotDiscount', 'arm64'])).toEqual(['arm64']);
    expect(likelyMeant('EC', ['EC2', 'FARGATE'])).toEqual(['EC2']);
    expect(likelyMeant('ARM', ['X86_64', 'ARM64'])).toEqual(['ARM64']);
    expect(likelyMeant('X86', ['X86_64', 'ARM64'])).toEqual(['X86_64']);
    expect(likelyMeant('latencyP', ['latencyP95', 'errorRate'])).toEqual(['latencyP95']);
  });

  it('in a scenario: launchType EC, cpuArchitecture ARM and X86', () => {
    expect(problems('lt-ec', edited('launchType: EC2', 'launchType: EC'))).toEqual(['services.web.launchType: expected one of EC2 | FARGATE, found "EC" (did you mean "EC2"?)']);
    expect(problems('arch-arm', edited('    networkMode: bridge\n', '    networkMode: bridge\n    runtimePlatform: { cpuArchitecture: ARM }\n'))).toEqual(['taskDefinitions.web.runtimePlatform.cpuArchitecture: expected one of X86_64 | ARM64, found "ARM" (did you mean "ARM64"?)']);
    expect(problems('arch-x86', edited('    networkMode: bridge\n', '    networkMode: bridge\n    runtimePlatform: { cpuArchitecture: X86 }\n'))).toEqual(['taskDefinitions.web.runtimePlatform.cpuArchitecture: expected one of X86_64 | ARM64, found "X86" (did you mean "X86_64"?)']);
  });
});

describe('well-known AWS keys a few letters would hint wrongly: said where they belong', () => {
  const TASK_KEYS = 'cpu, memory, networkMode, requiresCompatibilities, runtimePlatform, containerDefinitions, startup, stopTimeout, placementConstraints, shutdown';
  const GROUP_KEYS = 'instanceTypes, purchaseOption, minSize, maxSize, desiredCapacity, launchDelay, attributes, amiId, osType, reservedMemoryMiB, spotInterruptions, spotInstanceDraining, targetTrackingPolicy';

  it('memoryReservation on a task definition is a container key (not "did you mean memory")', () => {
    expect(problems('memory-reservation', edited('    memory: 512\n', '    memoryReservation: 512\n'))).toEqual([
      `taskDefinitions.web.memoryReservation: unknown key "memoryReservation" (in ECS a key of a container definition, its soft memory limit: write it under containerDefinitions.NAME; the task definition's own is memory, the hard limit of the whole task); expected one of: ${TASK_KEYS}`,
    ]);
    // where it belongs, it loads
    expect(() => problems('memory-reservation-container', edited('app: { cpu: 256, memory: 512,', 'app: { cpu: 256, memoryReservation: 512,'))).toThrow(/loaded/);
  });

  it('instances or instanceCount in an Auto Scaling group is desiredCapacity (not "did you mean instanceTypes")', () => {
    for (const key of ['instances', 'instanceCount']) {
      expect(problems(`asg-${key}`, edited('        desiredCapacity: 3\n', `        ${key}: 3\n`))).toEqual([
        `cluster.capacityProviders.ec2.autoScalingGroup.${key}: unknown key "${key}" (an Auto Scaling group's instance count is desiredCapacity, from minSize to maxSize); expected one of: ${GROUP_KEYS}`,
      ]);
    }
  });
});
