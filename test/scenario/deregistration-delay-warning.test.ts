// loadBalancer.deregistrationDelay applies only to targets that requests reach: ELB
// completes the deregistration of a target without in-flight requests or connections at
// once (load-balancer-target-groups.html, "Deregistration delay"), so on a service without
// an http workload (none, or a queue) a stopping task skips DEACTIVATING. A delay written
// there does nothing: warned of, not silently taken. scenario.json fills the 300 s default in
// only where it applies.

import { describe, expect, it } from 'vitest';
import { effectiveScenario, loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';

function scenario(service: object): any {
  return {
    name: 'dereg',
    duration: '10m',
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1 } } },
    },
    taskDefinitions: { app: { cpu: 256, memory: 512, networkMode: 'bridge' } },
    services: { web: { taskDefinition: 'app', desiredCount: 2, launchType: 'EC2', ...service } },
  };
}

const http = { type: 'http', requestRate: 10, perTask: { capacityRps: 50 } };
const queue = { type: 'queue', requestRate: 1, perTask: { concurrency: 1, serviceTime: { distribution: 'fixed', value: '1s' } } };
const load = (raw: unknown) => loadScenarioObject('dereg', raw, { baseDir: '.' });
const delayWarnings = (raw: unknown) =>
  scenarioWarnings(load(raw))
    .filter((w) => w.at.join('.') === 'services.web.loadBalancer.deregistrationDelay')
    .map((w) => w.message);

describe('deregistrationDelay on a service whose targets no request reaches', () => {
  it('no workload: a written delay is warned of (it has no effect)', () => {
    const [m, ...more] = delayWarnings(scenario({ loadBalancer: { deregistrationDelay: '30s' } }));
    expect(more).toEqual([]);
    expect(m).toMatch(/^30s has no effect: service web has no workload, so no request reaches its targets/);
  });

  it('a queue workload: warned of as well', () => {
    expect(delayWarnings(scenario({ workload: queue, loadBalancer: { deregistrationDelay: '45s' } }))[0]).toMatch(/^45s has no effect: service web's queue workers pull messages/);
  });

  it('an http workload: the delay applies, no warning; nor without a written delay', () => {
    expect(delayWarnings(scenario({ workload: http, loadBalancer: { deregistrationDelay: '30s' } }))).toEqual([]);
    expect(delayWarnings(scenario({ loadBalancer: { healthCheck: { interval: '10s' } } }))).toEqual([]);
  });

  it('scenario.json: the 300 s default filled in for an http service, in the schema\'s place; not where it does not apply', () => {
    const withHttp = effectiveScenario(load(scenario({ workload: http, loadBalancer: { routing: 'random' } }))).services.web.loadBalancer!;
    expect(Object.keys(withHttp)).toEqual(['routing', 'deregistrationDelay', 'healthCheck']);
    expect(withHttp.deregistrationDelay).toBe(300_000);
    const noLoad = effectiveScenario(load(scenario({ loadBalancer: {} }))).services.web.loadBalancer!;
    expect(noLoad.deregistrationDelay).toBeUndefined();
    // a written one stays as written
    expect(effectiveScenario(load(scenario({ workload: http, loadBalancer: { deregistrationDelay: '30s' } }))).services.web.loadBalancer!.deregistrationDelay).toBe(30_000);
  });
});
