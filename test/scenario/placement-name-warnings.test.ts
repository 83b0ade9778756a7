// The loader warns when a spread field or a memberOf expression names an attribute that no
// instance of the cluster has (built-in ones, the groups' attributes: ecsim has no
// PutAttributes), and when an == / in value on ecs.availability-zone or ecs.instance-type
// can never match (an AZ not in cluster.availabilityZones, a type no group launches).

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';

const BUILT_IN = 'ecs.instance-type, ecs.availability-zone, ecs.cpu-architecture, ecs.os-type, ecs.os-family, ecs.ami-id';

function scenario(service: object, td: object = {}, spotTypes?: string[]): any {
  return {
    name: 'names',
    duration: '10m',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      capacityProviders: {
        ec2: { autoScalingGroup: { instanceTypes: ['m5.large', 'c5.large'], minSize: 1, maxSize: 1, attributes: { tier: 'web' } } },
        ...(spotTypes ? { spot: { autoScalingGroup: { instanceTypes: spotTypes, purchaseOption: 'spot', minSize: 1, maxSize: 1 } } } : {}),
      },
    },
    taskDefinitions: { app: { cpu: 256, memory: 512, networkMode: 'bridge', ...td } },
    services: { web: { taskDefinition: 'app', desiredCount: 1, launchType: 'EC2', ...service } },
  };
}

// (group ec2 lists c5.large second on purpose: the on-demand-types warning it brings is tested in on-demand-types-warning.test.ts)
const warned = (raw: unknown) =>
  scenarioWarnings(loadScenarioObject('names', raw, { baseDir: '.' }))
    .map((w) => `${w.at.join('.')}: ${w.message}`)
    .filter((w) => !/launches only its first listed type/.test(w));
const memberOf = (expression: string) => ({ placementConstraints: [{ type: 'memberOf', expression }] });
const known = `instances have the built-in attributes (${BUILT_IN}) and their group's autoScalingGroup.attributes (tier); ecsim has no PutAttributes`;

describe('warning: placement names no instance has', () => {
  it('spread on attribute:ecs.availability_zone (underscore) or attribute:teir', () => {
    expect(warned(scenario({ placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability_zone' }] }))).toEqual([
      `services.web.placementStrategy.0.field: attribute "ecs.availability_zone" is set on no instance of the cluster (did you mean "ecs.availability-zone"?): ${known}: every instance lacks it and counts as one value, so this spread does nothing`,
    ]);
    expect(warned(scenario({ placementStrategy: [{ type: 'binpack', field: 'cpu' }, { type: 'spread', field: 'attribute:teir' }] }))).toEqual([
      `services.web.placementStrategy.1.field: attribute "teir" is set on no instance of the cluster (did you mean "tier"?): ${known}: every instance lacks it and counts as one value, so this spread does nothing`,
    ]);
  });

  it('not warned for built-in attributes, a group attribute, instanceId', () => {
    for (const field of ['attribute:ecs.availability-zone', 'attribute:ecs.instance-type', 'attribute:tier', 'instanceId', 'host']) {
      expect(warned(scenario({ placementStrategy: [{ type: 'spread', field }] }))).toEqual([]);
    }
    expect(warned(scenario(memberOf('attribute:tier == web and attribute:ecs.availability-zone in [us-east-1a, us-east-1b] and attribute:ecs.instance-type == m5.large')))).toEqual([]);
  });

  it('memberOf on a misspelt attribute: what the comparison does on every instance (missing: passes != and not_exists only)', () => {
    expect(warned(scenario(memberOf('attribute:ecs.availabilty-zone == us-east-1a')))).toEqual([
      `services.web.placementConstraints.0.expression: memberOf "attribute:ecs.availabilty-zone == us-east-1a": attribute "ecs.availabilty-zone" is set on no instance of the cluster (did you mean "ecs.availability-zone"?): ${known}, so attribute:ecs.availabilty-zone == ... is true on no instance`,
    ]);
    expect(warned(scenario(memberOf('attribute:teir != db')))).toEqual([
      `services.web.placementConstraints.0.expression: memberOf "attribute:teir != db": attribute "teir" is set on no instance of the cluster (did you mean "tier"?): ${known}, so attribute:teir != ... is true on every instance`,
    ]);
  });

  it('an AZ outside cluster.availabilityZones, a type no group launches (an on-demand group launches its first only), in the task definition too', () => {
    expect(warned(scenario(memberOf('attribute:ecs.availability-zone == us-east-1d')))).toEqual([
      `services.web.placementConstraints.0.expression: memberOf "attribute:ecs.availability-zone == us-east-1d": "us-east-1d" is not one of the cluster's availabilityZones (us-east-1a, us-east-1b, us-east-1c; did you mean "us-east-1a"?): no instance has that ecs.availability-zone`,
    ]);
    // c5.large is listed second in the on-demand group: never launched
    expect(warned(scenario({}, memberOf('attribute:ecs.instance-type in [m5.large, c5.large]')))).toEqual([
      `taskDefinitions.app.placementConstraints.0.expression: memberOf "attribute:ecs.instance-type in [m5.large, c5.large]": no Auto Scaling group of the cluster launches c5.large (they launch m5.large; an on-demand group launches its first type only; did you mean "m5.large"?): no instance has that ecs.instance-type`,
    ]);
    // a Spot group launching it
    expect(warned(scenario({}, memberOf('attribute:ecs.instance-type == c5.large'), ['c6g.large', 'c5.large']))).toEqual([]);
  });

  it('a task:group == or in value that is no service:NAME (ecsim runs services only: a service\'s tasks are in group service:NAME)', () => {
    const groups = 'ecsim runs services only, and a service\'s tasks are in the task group service:NAME (service:web)';
    expect(warned(scenario(memberOf('task:group == web')))).toEqual([
      `services.web.placementConstraints.0.expression: memberOf "task:group == web": no task is in group "web": ${groups}; did you mean "service:web"?`,
    ]);
    expect(warned(scenario(memberOf('not(task:group in [service:web, service:db])')))).toEqual([
      `services.web.placementConstraints.0.expression: memberOf "not(task:group in [service:web, service:db])": no task is in group "service:db": ${groups}; did you mean "service:web"?`,
    ]);
    // a service's own group, != and not in: nothing to say
    expect(warned(scenario(memberOf('task:group == service:web')))).toEqual([]);
    expect(warned(scenario(memberOf('task:group != web')))).toEqual([]);
  });
});
