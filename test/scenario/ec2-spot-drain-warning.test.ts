// EC2 terminates a Spot instance 2 minutes after its interruption notice; with Spot instance
// draining on, ECS sets the instance DRAINING at the notice
// (AmazonECS/latest/developerguide/spot-instance-draining-linux-container.html). A task
// whose deregistration delay + stopTimeout (the longest its stop can take) is 2 minutes or
// more cannot be sure to finish its drain before the termination kills it: said at load.

import { describe, it, expect } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';

function scenario(edit: (s: any) => void = () => {}) {
  const s: any = {
    name: 'spot-drain',
    duration: '40m',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      capacityProviders: {
        spot: {
          autoScalingGroup: {
            instanceTypes: ['m5.large'],
            purchaseOption: 'spot',
            minSize: 3,
            maxSize: 3,
            desiredCapacity: 3,
            launchDelay: '60s',
            spotInterruptions: { meanTimeBetween: '30m' },
            spotInstanceDraining: true,
          },
        },
      },
      defaultCapacityProviderStrategy: [{ capacityProvider: 'spot', weight: 1 }],
    },
    taskDefinitions: { web: { cpu: 512, memory: 1024, networkMode: 'bridge', stopTimeout: '30s', shutdown: '2s' } },
    // an http workload: its targets take requests and drain for the delay
    services: { web: { taskDefinition: 'web', desiredCount: 3, loadBalancer: { deregistrationDelay: '300s' }, workload: { requestRate: 30, perTask: { capacityRps: 100 } } } },
  };
  edit(s);
  return loadScenarioObject('spot-drain', s, { baseDir: '.' });
}
const said = (edit?: (s: any) => void) =>
  scenarioWarnings(scenario(edit))
    .filter((w) => w.message.includes('spotInstanceDraining'))
    .map((w) => ({ at: w.at.join('.'), message: w.message }));

describe('EC2 Spot instance draining with a deregistration delay + stopTimeout of 2 minutes or more', () => {
  it('300 s (the default) + 30 s = 330 s: said at the deregistration delay, with the sum and the 2-minute termination', () => {
    const w = said();
    expect(w).toHaveLength(1);
    expect(w[0].at).toBe('services.web.loadBalancer.deregistrationDelay');
    expect(w[0].message).toMatch(/^service web may run tasks on Spot capacity with spotInstanceDraining \(spot\), and its deregistration delay \(300s\) \+ stopTimeout \(30s of task definition web\) is 330s, 2 minutes or more: /);
    expect(w[0].message).toContain('EC2 terminates a Spot instance 2 minutes after its interruption notice (spot-instance-draining-linux-container.html)');
    expect(w[0].message).toContain('(stop_reason spot-interruption)');
    expect(said((s) => delete s.services.web.loadBalancer.deregistrationDelay)).toHaveLength(1);
  });

  it('the bound: 90 s + 30 s = 120 s is said, 89 s + 30 s = 119 s is not', () => {
    expect(said((s) => (s.services.web.loadBalancer.deregistrationDelay = '90s'))).toHaveLength(1);
    expect(said((s) => (s.services.web.loadBalancer.deregistrationDelay = '89s'))).toEqual([]);
    // the stopTimeout counts as much: 60 s + 60 s
    expect(said((s) => ((s.services.web.loadBalancer.deregistrationDelay = '60s'), (s.taskDefinitions.web.stopTimeout = '60s')))).toHaveLength(1);
  });

  it('without an http workload (none, or a queue) the delay does not count: its targets are never sent a request and deregister at once', () => {
    expect(said((s) => delete s.services.web.workload)).toEqual([]);
    expect(said((s) => ((s.services.web.workload = undefined), (s.taskDefinitions.web.stopTimeout = '120s')))).toMatchObject([{ at: 'taskDefinitions.web.stopTimeout' }]);
  });

  it('without a loadBalancer: stopTimeout alone, said at the task definition at 120 s, not at 119 s', () => {
    const w = said((s) => (delete s.services.web.loadBalancer, (s.taskDefinitions.web.stopTimeout = '120s')));
    expect(w).toEqual([{ at: 'taskDefinitions.web.stopTimeout', message: expect.stringContaining('and stopTimeout (120s of task definition web) is 120s, 2 minutes or more') }]);
    expect(said((s) => (delete s.services.web.loadBalancer, (s.taskDefinitions.web.stopTimeout = '119s')))).toEqual([]);
  });

  it('not said with draining off (spotInstanceDraining without spotInterruptions is refused), or for a service that gives the group no tasks', () => {
    expect(said((s) => (s.cluster.capacityProviders.spot.autoScalingGroup.spotInstanceDraining = false))).toEqual([]);
    const other = (s: any) => {
      s.cluster.capacityProviders.od = { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1 } };
      s.services.web.capacityProviderStrategy = [
        { capacityProvider: 'od', weight: 1 },
        { capacityProvider: 'spot', weight: 0 },
      ];
    };
    expect(said(other)).toEqual([]);
  });

  it('launchType EC2 (any group): said, naming the draining Spot group', () => {
    const w = said((s) => (s.services.web.launchType = 'EC2'));
    expect(w).toHaveLength(1);
    expect(w[0].message).toContain('with spotInstanceDraining (spot)');
  });
});

describe('a DAEMON service on a Spot group with draining (its tasks drain after the replica tasks there)', () => {
  it('is said too, at its deregistration delay: 300 s + 30 s', () => {
    const w = said((s) => {
      s.services.web.loadBalancer.deregistrationDelay = '30s';
      s.taskDefinitions.dd = { cpu: 128, memory: 128, networkMode: 'bridge', stopTimeout: '30s', shutdown: '1s' };
      s.services.d = { taskDefinition: 'dd', schedulingStrategy: 'DAEMON', launchType: 'EC2', loadBalancer: { deregistrationDelay: '300s' }, workload: { requestRate: 10, perTask: { capacityRps: 100 } } };
    });
    expect(w).toHaveLength(1);
    expect(w[0].at).toBe('services.d.loadBalancer.deregistrationDelay');
    expect(w[0].message).toMatch(/^service d may run tasks on Spot capacity with spotInstanceDraining \(spot\), and its deregistration delay \(300s\) \+ stopTimeout \(30s of task definition dd\) is 330s, 2 minutes or more: /);
    expect(w[0].message).toContain('(a DAEMON task drains once the replica tasks there are STOPPED, later still)');
  });
});
