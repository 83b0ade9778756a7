// The loader warns when a REPLICA service on launchType EC2 (written, or taken for lack of any
// strategy) can never be placed: no Auto Scaling group ever has an instance. Managed scaling
// does not scale out for it: "A pending task that doesn't have a capacity provider strategy
// won't cause any capacity provider to scale out" (AmazonECS/latest/developerguide/
// managed-scaling-behavior.html). /tmp/rev-mtp/lt2.yaml ran 3 h with 0 tasks and no warning.

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';

function scenario(opts: { asg?: object; provider?: object; service?: object; other?: object } = {}): unknown {
  return {
    name: 'lt',
    duration: '10m',
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: {
        asg: {
          autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 0, maxSize: 4, desiredCapacity: 0, ...opts.asg },
          managedScaling: { status: 'ENABLED' },
          ...opts.provider,
        },
      },
    },
    taskDefinitions: { app: { cpu: 256, memory: 512, networkMode: 'bridge' } },
    services: {
      app: { taskDefinition: 'app', desiredCount: 2, ...opts.service },
      ...(opts.other ? { other: { taskDefinition: 'app', desiredCount: 1, ...opts.other } } : {}),
    },
  };
}

const warned = (opts: Parameters<typeof scenario>[0]) =>
  scenarioWarnings(loadScenarioObject('lt', scenario(opts), { baseDir: '.' }))
    .map((w) => `${w.at.join('.')}: ${w.message}`)
    .filter((w) => /never placed/.test(w));

const MIDDLE =
  ': no Auto Scaling group ever has an instance for its tasks (asg: starts with 0 instances and only managed scaling launches, for tasks no capacity provider strategy gives it), and a task without a capacity provider strategy does not make managed scaling scale out (managed-scaling-behavior.html), so its tasks are never placed; give it a capacityProviderStrategy naming asg';

describe('warning: a launchType EC2 service no Auto Scaling group ever has an instance for', () => {
  it('no launchType, no strategy, no default strategy (lt2): said at the service, naming the implicit launchType EC2', () => {
    expect(warned({})).toEqual([`services.app: no launchType or capacityProviderStrategy, and the cluster has no defaultCapacityProviderStrategy, so it uses launchType EC2${MIDDLE}`]);
  });

  it('launchType EC2 written: said at services.app.launchType', () => {
    expect(warned({ service: { launchType: 'EC2' } })).toEqual([`services.app.launchType: launchType EC2${MIDDLE}`]);
  });

  it('not said when the group starts with an instance (desiredCapacity 1, or minSize 1)', () => {
    expect(warned({ asg: { desiredCapacity: 1 } })).toEqual([]);
    expect(warned({ asg: { minSize: 1, desiredCapacity: undefined } })).toEqual([]);
  });

  it("not said when another service's strategy gives the managed group tasks (its instances may take the EC2 tasks)", () => {
    expect(warned({ service: { launchType: 'EC2' }, other: { capacityProviderStrategy: [{ capacityProvider: 'asg', weight: 1 }] } })).toEqual([]);
  });

  it('a group with no scaling at all and none at the start: said, with the fix to start with instances', () => {
    expect(warned({ service: { launchType: 'EC2' }, provider: { managedScaling: { status: 'DISABLED' } } })).toEqual([
      'services.app.launchType: launchType EC2: no Auto Scaling group ever has an instance for its tasks (asg: starts with 0 instances and nothing scales it), and a task without a capacity provider strategy does not make managed scaling scale out (managed-scaling-behavior.html), so its tasks are never placed; let a group start with instances (desiredCapacity or minSize above 0)',
    ]);
  });
});
