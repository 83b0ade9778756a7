// A REPLICA service on EC2 instances whose placementStrategy is exactly [spread on
// attribute:ecs.availability-zone] (AWS's stated default, task-placement-strategies.html) is
// warned of: written, it balances the AZs as the strategy table says, and within an AZ nothing
// more spreads, so ecsim's tie-break applies (the lowest instance id: AWS documents no order);
// scale in "at random" within the AZ with the most tasks. Omitting placementStrategy follows
// the service scheduler's logic (fewest tasks of the service per instance in the AZ; scale in
// from the instance with the most). With distinctInstance (one task per instance) the two run
// alike, and nothing is said.

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';
import { warningLines } from '../../src/cli/warnings.js';
import { ScenarioError } from '../../src/scenario/errors.js';

const AZ = { type: 'spread', field: 'attribute:ecs.availability-zone' };
const MESSAGE =
  'spread on attribute:ecs.availability-zone alone: within an AZ ecsim breaks ties to the lowest instance id (AWS documents no order), so each AZ\'s lowest-id instance fills first while it has room, ' +
  'and scale in picks at random within the AZ with the most tasks, unlike the default with placementStrategy omitted (the fewest tasks of the service per instance, scale in from the most); ' +
  'add {type: spread, field: instanceId} after it for the default\'s balance, or omit placementStrategy';

function scenario(services: Record<string, object>): any {
  return {
    name: 'az-alone',
    duration: '10m',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      capacityProviders: {
        ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 4, maxSize: 4 } },
      },
    },
    taskDefinitions: { app: { cpu: 256, memory: 512, networkMode: 'awsvpc', requiresCompatibilities: ['EC2', 'FARGATE'] } },
    services: Object.fromEntries(Object.entries(services).map(([name, svc]) => [name, { taskDefinition: 'app', desiredCount: 2, ...svc }])),
  };
}

const warned = (raw: unknown) => scenarioWarnings(loadScenarioObject('az-alone', raw, { baseDir: '.' })).map((w) => `${w.at.join('.')}: ${w.message}`);

describe('warning: placementStrategy spread on the AZ alone', () => {
  it('launchType EC2: said once, at the placementStrategy', () => {
    expect(warned(scenario({ web: { launchType: 'EC2', placementStrategy: [AZ] } }))).toEqual([`services.web.placementStrategy: ${MESSAGE}`]);
  });

  it('an Auto Scaling group capacity provider strategy: said too', () => {
    expect(warned(scenario({ web: { capacityProviderStrategy: [{ capacityProvider: 'ec2', weight: 1 }], placementStrategy: [AZ] } }))).toEqual([`services.web.placementStrategy: ${MESSAGE}`]);
  });

  it('not said when omitted, followed by another strategy, or another single strategy', () => {
    for (const placementStrategy of [undefined, [AZ, { type: 'spread', field: 'instanceId' }], [AZ, { type: 'binpack', field: 'memory' }], [{ type: 'spread', field: 'instanceId' }], [{ type: 'binpack', field: 'cpu' }], [{ type: 'random' }]]) {
      expect(warned(scenario({ web: { launchType: 'EC2', ...(placementStrategy ? { placementStrategy } : {}) } }))).toEqual([]);
    }
  });

  it('not said with a distinctInstance constraint (one task per instance: written and omitted run alike)', () => {
    expect(warned(scenario({ web: { launchType: 'EC2', placementStrategy: [AZ], placementConstraints: [{ type: 'distinctInstance' }] } }))).toEqual([]);
    // beside a memberOf too; a memberOf alone still leaves an instance to fill
    expect(warned(scenario({ web: { launchType: 'EC2', placementStrategy: [AZ], placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == m5.large' }, { type: 'distinctInstance' }] } }))).toEqual([]);
    expect(warned(scenario({ web: { launchType: 'EC2', placementStrategy: [AZ], placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == m5.large' }] } }))).toEqual([`services.web.placementStrategy: ${MESSAGE}`]);
  });

  it("a Fargate service given the AZ spread: the loader's one error, no warning", () => {
    let error: unknown;
    try {
      loadScenarioObject('az-alone', scenario({ web: { launchType: 'FARGATE', placementStrategy: [AZ] } }), { baseDir: '.' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).message.trim().split('\n')).toEqual([
      'az-alone: services.web.placementStrategy: expected no placementStrategy on Fargate (placement strategies apply to EC2 only; Fargate spreads tasks across Availability Zones), found spread attribute:ecs.availability-zone; remove it, or run the service on EC2',
    ]);
  });

  it('three services alike: one line naming them', () => {
    const raw = scenario({ a: { launchType: 'EC2', placementStrategy: [AZ] }, b: { launchType: 'EC2', placementStrategy: [AZ] }, c: { launchType: 'EC2', placementStrategy: [AZ] } });
    expect(warningLines(scenarioWarnings(loadScenarioObject('az-alone', raw, { baseDir: '.' })))).toEqual([`services a, b, c (3): placementStrategy: ${MESSAGE}`]);
  });
});
