// Built-in container instance attributes (AmazonECS/latest/developerguide/
// task-placement-constraints.html, "Built-in attributes"): ECS sets ecs.os-family (LINUX on a
// Linux instance) as well as ecs.os-type; ecsim's instances are Linux, so
// attribute:ecs.os-family == LINUX matches every one of them. ECS also sets ecs.vpc-id and
// ecs.subnet-id, which ecsim does not model: a constraint or spread on them is refused.

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, scenarioWarnings, ScenarioError } from '../../src/scenario/index.js';
import { runKeepingRows } from '../helpers.js';

function scenario(service: object): any {
  return {
    name: 'os-family',
    duration: '10m',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 2, maxSize: 2 } } },
    },
    taskDefinitions: { app: { cpu: 256, memory: 512, networkMode: 'bridge' } },
    // AZ rebalancing off: the first instance registers a minute before the second, so all 4
    // tasks start in us-east-1a and rebalancing would then move 2 (tasks placed: 6, not 4)
    services: { web: { taskDefinition: 'app', desiredCount: 4, launchType: 'EC2', availabilityZoneRebalancing: 'DISABLED', ...service } },
  };
}

const memberOf = (expression: string) => ({ placementConstraints: [{ type: 'memberOf', expression }] });

function problems(raw: unknown): string {
  try {
    loadScenarioObject('s', raw, { baseDir: '.' });
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  return 'no error';
}

const placed = (raw: unknown) => runKeepingRows(raw, { seed: 1 }).events.filter((e) => e.type === 'task-placed').length;

describe('built-in attribute ecs.os-family', () => {
  it('attribute:ecs.os-family == LINUX: no warning, all 4 tasks placed', () => {
    const raw = scenario(memberOf('attribute:ecs.os-family == LINUX'));
    expect(scenarioWarnings(loadScenarioObject('s', raw, { baseDir: '.' }))).toEqual([]);
    expect(placed(raw)).toBe(4);
  });

  it('attribute:ecs.os-family != LINUX matches no instance: no task placed', () => {
    expect(placed(scenario(memberOf('attribute:ecs.os-family != LINUX')))).toBe(0);
  });

  it('a spread on attribute:ecs.os-family is not warned about', () => {
    const raw = scenario({ placementStrategy: [{ type: 'spread', field: 'attribute:ecs.os-family' }] });
    expect(scenarioWarnings(loadScenarioObject('s', raw, { baseDir: '.' }))).toEqual([]);
  });
});

describe('built-in attributes ecsim does not model: ecs.vpc-id, ecs.subnet-id', () => {
  it('memberOf on attribute:ecs.vpc-id is an error saying so', () => {
    expect(problems(scenario(memberOf('attribute:ecs.instance-type == m5.large and attribute:ecs.vpc-id == vpc-1')))).toContain(
      'expression: expected an attribute ecsim models (ecs.availability-zone, ecs.instance-type, ecs.cpu-architecture, ecs.os-type, ecs.os-family, ecs.ami-id or a custom attribute: autoScalingGroup.attributes), found attribute:ecs.vpc-id at position 44, a built-in ECS attribute that ecsim does not model (it has no VPCs or subnets, so no instance would have a value)',
    );
  });

  it('memberOf on attribute:ecs.subnet-id is an error saying so', () => {
    expect(problems(scenario(memberOf('attribute:ecs.subnet-id in [subnet-1, subnet-2]')))).toContain(
      'found attribute:ecs.subnet-id at position 0, a built-in ECS attribute that ecsim does not model',
    );
  });

  it('spread on attribute:ecs.subnet-id is an error saying so', () => {
    expect(problems(scenario({ placementStrategy: [{ type: 'spread', field: 'attribute:ecs.subnet-id' }] }))).toMatch(
      /placementStrategy\[0\]\.field: expected an attribute ecsim models \(.*\), found attribute:ecs\.subnet-id, a built-in ECS attribute that ecsim does not model/,
    );
  });

  it('autoScalingGroup.attributes cannot set them (names beginning "ecs." are refused)', () => {
    const raw = scenario({});
    raw.cluster.capacityProviders.ec2.autoScalingGroup.attributes = { 'ecs.vpc-id': 'vpc-1' };
    expect(problems(raw)).toContain('expected a custom attribute name not beginning "ecs." (names beginning "ecs." are the built-in attributes ECS sets itself: instance type, availability zone, AMI, OS type, OS family, CPU architecture, VPC, subnet), found "ecs.vpc-id"; use another name (amiId and osType set the built-in ones)');
  });
});
