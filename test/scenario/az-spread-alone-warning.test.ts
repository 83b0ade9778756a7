// A REPLICA service on EC2 instances whose placementStrategy is exactly [spread on
// attribute:ecs.availability-zone] (AWS's stated default, task-placement-strategies.html) is
// warned of: written, it runs as the strategy table says (nothing spreads within an AZ: ties
// go to the lowest instance id; scale in "at random" within the AZ), while omitting
// placementStrategy follows the service scheduler's logic (fewest tasks of the service per
// instance in the AZ; scale in from the instance with the most).

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';
import { warningLines } from '../../src/cli/warnings.js';

const AZ = { type: 'spread', field: 'attribute:ecs.availability-zone' };
const MESSAGE =
  'spread on attribute:ecs.availability-zone alone: within an AZ ties go to the lowest instance id (its first instance fills while it has room) and scale in picks at random, ' +
  'unlike the default with placementStrategy omitted (the fewest tasks of the service per instance, scale in from the most); add {type: spread, field: instanceId} after it for the default\'s balance';

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

  it('not said for a Fargate service (which takes no placementStrategy: Fargate spreads over the AZs itself)', () => {
    expect(warned(scenario({ web: { launchType: 'FARGATE' } }))).toEqual([]);
  });

  it('three services alike: one line naming them', () => {
    const raw = scenario({ a: { launchType: 'EC2', placementStrategy: [AZ] }, b: { launchType: 'EC2', placementStrategy: [AZ] }, c: { launchType: 'EC2', placementStrategy: [AZ] } });
    expect(warningLines(scenarioWarnings(loadScenarioObject('az-alone', raw, { baseDir: '.' })))).toEqual([`services a, b, c (3): placementStrategy: ${MESSAGE}`]);
  });
});
