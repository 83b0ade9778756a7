// ALB fail-open on a service without a workload: the target group's state is logged as for
// any service (target-group-health-checks.html: with only unhealthy registered targets the
// load balancer routes to all of them), but there are no requests, so the event claims
// none is served or fails. By hand: one Fargate task RUNNING at 35 s (PROVISIONING 25 s,
// image pull 10 s); its application never starts within the run, so the checks every 30 s
// from RUNNING fail at 65 and 95 s: with unhealthy threshold 2 the target is unhealthy at
// 95 s (grace period 600 s: ECS does not mark it), and the load balancer fails open then.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';
import { UNHEALTHY, failOpenScenario } from './fail-open-scenario.js';

function scenario() {
  const s = failOpenScenario('fail-open-no-workload', 'fluid') as any;
  s.taskDefinitions.web.startup.applicationStart = '1000s';
  const svc = s.services.web;
  delete svc.workload;
  delete svc.fidelity;
  svc.desiredCount = 1;
  return s;
}

describe('ALB fail-open on a service without a workload', () => {
  it('logs the fail-open state at 95 s without claiming requests', () => {
    const r = runKeepingRows(scenario(), { seed: 1 });
    const fo = r.events.filter((e) => e.type === 'target-group-fail-open');
    expect(fo.map((e) => [e.time, e.subject])).toEqual([[UNHEALTHY, 'web']]);
    expect(fo[0].message).toBe('(target-group web) has no healthy target: the load balancer fails open to its 1 unhealthy target (the service has no workload: no requests)');
  });
});
