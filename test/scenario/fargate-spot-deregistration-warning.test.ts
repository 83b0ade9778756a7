// A FARGATE_SPOT task "might not be deregistered from the target group of the load balancer
// until [it transitions] to STOPPED", and AWS advises a deregistration delay under two
// minutes for target groups associated with FARGATE_SPOT
// (repost.aws/knowledge-center/fargate-spot-termination-notice). ecsim takes a noticed task
// out of rotation at once, so a delay of 2 minutes or more on such a service is said.
// fargate-spot.yaml: web on FARGATE base 2 + FARGATE_SPOT, deregistrationDelay 30s.

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { cli, tempDir, writeScenario } from '../helpers.js';
import { loadScenarioFile, scenarioWarnings } from '../../src/scenario/index.js';

const dir = tempDir();
const AT = 'services.web.loadBalancer.deregistrationDelay';
const said = (s: any, name: string) =>
  scenarioWarnings(loadScenarioFile(writeScenario(dir, name, s)))
    .filter((w) => w.at.join('.') === AT)
    .map((w) => w.message);
const fargateSpot = (delay: string | undefined) => {
  const s = parse(readFileSync('scenarios/fargate-spot.yaml', 'utf8'));
  delete s.variants;
  delete s.expect;
  if (delay === undefined) delete s.services.web.loadBalancer.deregistrationDelay;
  else s.services.web.loadBalancer.deregistrationDelay = delay;
  return s;
};
const ADVICE = 'AWS advises a deregistration delay under 2 minutes for target groups of FARGATE_SPOT tasks (knowledge-center/fargate-spot-termination-notice)';

describe('a FARGATE_SPOT service behind a target group whose deregistration delay is 2 minutes or more', () => {
  it('300s (and the 300 s default) is said, at the key path, citing the advice; validate exits 0', async () => {
    const [m] = said(fargateSpot('300s'), 'spot-300');
    expect(m).toMatch(/^is 300s on a service with tasks on FARGATE_SPOT: /);
    expect(m).toContain(ADVICE);
    expect(said(fargateSpot(undefined), 'spot-default')).toHaveLength(1);
    const file = writeScenario(dir, 'spot-300-cli', fargateSpot('300s'));
    const r = await cli('validate', file);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: ${file}: ${AT}: is `);
  });

  it('120s is not under two minutes: said; 119s and 60s are not', () => {
    expect(said(fargateSpot('120s'), 'spot-120')).toHaveLength(1);
    expect(said(fargateSpot('119s'), 'spot-119')).toEqual([]);
    expect(said(fargateSpot('60s'), 'spot-60')).toEqual([]);
  });

  it('not said without FARGATE_SPOT (all FARGATE), nor for a FARGATE_SPOT item of base 0 and weight 0 (given no tasks)', () => {
    const onDemand = fargateSpot('300s');
    onDemand.services.web.capacityProviderStrategy = [{ capacityProvider: 'FARGATE', weight: 1 }];
    expect(said(onDemand, 'ondemand-300')).toEqual([]);
    const zero = fargateSpot('300s');
    zero.services.web.capacityProviderStrategy = [
      { capacityProvider: 'FARGATE', weight: 1 },
      { capacityProvider: 'FARGATE_SPOT', weight: 0 },
    ];
    expect(said(zero, 'zero-300')).toEqual([]);
  });

  it("through the cluster's default strategy: said, naming it", () => {
    const s = fargateSpot('300s');
    s.cluster.defaultCapacityProviderStrategy = s.services.web.capacityProviderStrategy;
    delete s.services.web.capacityProviderStrategy;
    const [m] = said(s, 'default-strategy-300');
    expect(m).toContain("on a service with tasks on FARGATE_SPOT (by the cluster's defaultCapacityProviderStrategy): ");
  });
});
