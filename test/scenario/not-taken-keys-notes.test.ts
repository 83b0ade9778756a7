// Keys AWS has and ecsim does not take, refused with why (not a bare "unknown key"):
// a container's essential and a port mapping's protocol (no container exits, no
// protocols modelled), a container's stopTimeout (ecsim's is the task definition's) and
// healthCheck (no container health checks), and interruptions on FARGATE (only FARGATE_SPOT
// tasks are interrupted).

import { describe, it, expect } from 'vitest';
import { objectProblems as problems, quickstart } from '../helpers.js';

describe('AWS keys ecsim does not take, with the reason', () => {
  it('a container\'s essential: it models no container exits', () => {
    const s = quickstart();
    s.taskDefinitions.web.containerDefinitions.app.essential = true;
    expect(problems(s)).toMatch(/taskDefinitions\.web\.containerDefinitions\.app\.essential: unknown key "essential" \(ContainerDefinition's essential, which ecsim does not take: it models no container exits .*; remove the key\); expected one of: cpu, memory, memoryReservation, portMappings/);
  });

  it('a port mapping\'s protocol, and protocol written on the container', () => {
    const s = quickstart();
    s.taskDefinitions.web.containerDefinitions.app.portMappings = [{ containerPort: 80, protocol: 'tcp' }];
    expect(problems(s)).toMatch(/containerDefinitions\.app\.portMappings\[0\]\.protocol: unknown key "protocol" \(PortMapping's protocol, which ecsim does not take: it models no protocols/);
    const t = quickstart();
    t.taskDefinitions.web.containerDefinitions.app.protocol = 'tcp';
    expect(problems(t)).toMatch(/containerDefinitions\.app\.protocol: unknown key "protocol" \(a port mapping's key \(PortMapping\), which ecsim does not take: it models no protocols; remove the key\)/);
  });

  it("a container's stopTimeout: ecsim takes one at task-definition level, and says where to write it", () => {
    const s = quickstart();
    s.taskDefinitions.web.containerDefinitions.app.stopTimeout = 30;
    expect(problems(s)).toMatch(
      /taskDefinitions\.web\.containerDefinitions\.app\.stopTimeout: unknown key "stopTimeout" \(in ecsim a key of the task definition \(one stopTimeout for all its containers\): write it at taskDefinitions\.NAME\.stopTimeout\); expected one of: cpu, memory, memoryReservation, portMappings/,
    );
  });

  it("a container's healthCheck: container health checks are not modelled", () => {
    const s = quickstart();
    s.taskDefinitions.web.containerDefinitions.app.healthCheck = { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] };
    expect(problems(s)).toMatch(
      /taskDefinitions\.web\.containerDefinitions\.app\.healthCheck: unknown key "healthCheck" \(container health checks are not modelled; a service's loadBalancer health check decides health: remove the key\); expected one of: cpu, memory, memoryReservation, portMappings/,
    );
  });

  it('interruptions on FARGATE: only FARGATE_SPOT takes them', () => {
    const s = quickstart();
    s.cluster.capacityProviders.FARGATE = { interruptions: { meanTimeBetween: '2d' } };
    expect(problems(s)).toMatch(/cluster\.capacityProviders\.FARGATE\.interruptions: unknown key "interruptions" \(only FARGATE_SPOT takes interruptions: a FARGATE \(on-demand\) task is not interrupted; move it to FARGATE_SPOT or remove it\); expected one of: provisioningDelay/);
  });
});

describe('a task definition\'s distinctInstance constraint', () => {
  it('is refused saying RegisterTaskDefinition takes memberOf only and where distinctInstance goes', () => {
    const s = quickstart();
    s.taskDefinitions.web.placementConstraints = [{ type: 'distinctInstance' }];
    expect(problems(s)).toMatch(/taskDefinitions\.web\.placementConstraints\[0\]\.type: expected one of memberOf, found "distinctInstance" \(RegisterTaskDefinition takes memberOf only; distinctInstance goes on the service's placementConstraints\)/);
  });
});
