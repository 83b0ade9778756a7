// A memberOf no instance of the cluster meets (a type no group launches, an AZ outside
// cluster.availabilityZones, an attribute no instance has compared with ==) leaves its tasks
// in PROVISIONING for the whole run. A capacity provider with managed scaling that the
// service's strategy gives tasks counts them as needing new instances (its estimate reads
// their size, not their constraints: M = max(busy + X, ceil(N x t / 100) + X) > N x t / 100)
// and grows its group to maxSize, one step per warm-up: the warning says so, as the
// cpuArchitecture one does. Only when the expression needs the comparison (it, or an `and`
// containing it) and every value of it is missing.

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';

function scenario(expression: string, opts: { onTaskDefinition?: boolean; provider?: string } = {}): any {
  const constraint = [{ type: 'memberOf', expression }];
  return {
    name: 'growth',
    duration: '10m',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      capacityProviders: {
        asg: {
          autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 0, maxSize: 40, desiredCapacity: 4 },
          managedScaling: { status: 'ENABLED', targetCapacity: 50 },
        },
        plain: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 3 } },
      },
    },
    taskDefinitions: {
      t: { cpu: 1024, memory: 1024, networkMode: 'bridge', ...(opts.onTaskDefinition ? { placementConstraints: constraint } : {}) },
    },
    services: {
      b: {
        taskDefinition: 't',
        desiredCount: 1,
        capacityProviderStrategy: [{ capacityProvider: opts.provider ?? 'asg', weight: 1 }],
        ...(opts.onTaskDefinition ? {} : { placementConstraints: constraint }),
      },
      ...(opts.onTaskDefinition ? { c: { taskDefinition: 't', desiredCount: 1, launchType: 'EC2' } } : {}),
    },
  };
}

const warned = (raw: unknown) =>
  scenarioWarnings(loadScenarioObject('growth', raw, { baseDir: '.' }))
    .filter((w) => w.message.startsWith('memberOf'))
    .map((w) => `${w.at.join('.')}: ${w.message}`);
const GROWS =
  '; its tasks are never placed, and the managed scaling of capacity provider asg (maxSize 40) counts them as needing new instances (its estimate reads their size, not their placement constraints) and grows the group up to maxSize for them, one step per instance warm-up';

describe('warning: a memberOf no instance meets grows a managed-scaling group to maxSize', () => {
  it('a type no group launches', () => {
    expect(warned(scenario('attribute:ecs.instance-type == m5.xlarge'))).toEqual([
      'services.b.placementConstraints.0.expression: memberOf "attribute:ecs.instance-type == m5.xlarge": no Auto Scaling group of the cluster launches m5.xlarge (they launch m5.large; an on-demand group launches its first type only; did you mean "m5.large"?): no instance has that ecs.instance-type' +
        GROWS,
    ]);
  });

  it('an AZ outside the cluster, in an and; an attribute no instance has compared with ==', () => {
    const [w] = warned(scenario('attribute:ecs.instance-type == m5.large and attribute:ecs.availability-zone == us-east-1c'));
    expect(w.endsWith('no instance has that ecs.availability-zone' + GROWS)).toBe(true);
    const [m] = warned(scenario('attribute:teir == web'));
    expect(m.endsWith('so attribute:teir == ... is true on no instance' + GROWS)).toBe(true);
  });

  it('not said when the expression can still be met (an or, an in with a launched type, a missing attribute compared with !=); without managed scaling only that the tasks are never placed', () => {
    for (const e of [
      'attribute:ecs.instance-type == m5.xlarge or attribute:ecs.availability-zone == us-east-1a',
      'attribute:ecs.instance-type in [m5.large, m5.xlarge]',
      'attribute:teir != web',
    ]) {
      const ws = warned(scenario(e));
      expect(ws.length).toBe(1);
      expect(ws[0]).not.toContain('never placed');
    }
    // under not: an exclusion, as != is (placement-name-warnings.test.ts), nothing said
    expect(warned(scenario('not (attribute:ecs.instance-type == m5.xlarge)'))).toEqual([]);
    // a provider without managed scaling does not grow for them: the tasks are never placed all the same
    const plain = warned(scenario('attribute:ecs.instance-type == m5.xlarge', { provider: 'plain' }));
    expect(plain.length).toBe(1);
    expect(plain[0].endsWith('no instance has that ecs.instance-type; its tasks are never placed')).toBe(true);
    // every value of an in missing: said once per value, each with the clause
    const both = warned(scenario('attribute:ecs.instance-type in [m5.xlarge, c5.xlarge]'));
    expect(both.length).toBe(2);
    for (const w of both) expect(w.endsWith(GROWS)).toBe(true);
  });

  it("on a task definition: names the providers with managed scaling of the services using it (not a launchType EC2 one's)", () => {
    expect(warned(scenario('attribute:ecs.instance-type == m5.xlarge', { onTaskDefinition: true }))).toEqual([
      'taskDefinitions.t.placementConstraints.0.expression: memberOf "attribute:ecs.instance-type == m5.xlarge": no Auto Scaling group of the cluster launches m5.xlarge (they launch m5.large; an on-demand group launches its first type only; did you mean "m5.large"?): no instance has that ecs.instance-type' +
        GROWS,
    ]);
  });
});
