// ECS reserves host ports on every container instance by default: "22 for SSH, the Docker
// ports 2375 and 2376, and the Amazon ECS container agent ports 51678-51680"
// (APIReference/API_PortMapping.html, hostPort). A bridge task with one of them as its static
// hostPort, or a host-mode task binding one, would fit no instance (RESOURCE:PORTS): refused
// at load. Dynamic host ports (bridge, hostPort omitted or 0) and awsvpc tasks (ports on the
// task's own ENI) are not affected.

import { describe, it, expect } from 'vitest';
import { problems, quickstart } from '../helpers.js';

function withMapping(pm: Record<string, number>, networkMode = 'bridge'): Record<string, any> {
  const s = quickstart();
  s.taskDefinitions.web.networkMode = networkMode;
  s.taskDefinitions.web.containerDefinitions.app.portMappings = [pm];
  return s;
}

describe('host ports ECS reserves on every container instance', () => {
  it.each([22, 2375, 2376, 51678, 51679, 51680])('bridge hostPort %i is refused at the hostPort key, in one line', (p) => {
    const m = problems(withMapping({ containerPort: 8080, hostPort: p }));
    expect(m.split('\n')).toEqual([
      `s.yaml: taskDefinitions.web.containerDefinitions.app.portMappings[0].hostPort: expected a host port other than the ones ECS reserves on every container instance (22 for SSH, 2375 and 2376 for Docker, 51678-51680 for the ECS agent), found ${p}; ECS would place this task on no instance (RESOURCE:PORTS): pick another hostPort, or omit it (or 0) for a dynamic host port`,
    ]);
  });

  it('host mode binding containerPort 22 (hostPort omitted) is refused at containerPort', () => {
    const m = problems(withMapping({ containerPort: 22 }, 'host'));
    expect(m).toMatch(/^s\.yaml: taskDefinitions\.web\.containerDefinitions\.app\.portMappings\[0\]\.containerPort: expected a host port other than .*found 22; .*pick another containerPort/);
    expect(m.split('\n')).toHaveLength(1);
  });

  it('host mode with hostPort 2376 written is refused at hostPort', () => {
    expect(problems(withMapping({ containerPort: 2376, hostPort: 2376 }, 'host'))).toMatch(/portMappings\[0\]\.hostPort: expected a host port other than .*found 2376;/);
  });

  it.each([21, 23, 2374, 2377, 51677, 51681, 8080])('neighbouring host port %i is accepted', (p) => {
    expect(problems(withMapping({ containerPort: 8080, hostPort: p }))).toBe('');
  });

  it('a dynamic host port (bridge, hostPort omitted or 0) for containerPort 22 is accepted', () => {
    expect(problems(withMapping({ containerPort: 22 }))).toBe('');
    expect(problems(withMapping({ containerPort: 22, hostPort: 0 }))).toBe('');
  });

  it('awsvpc containerPort 22 is accepted (the port is on the task ENI, not the instance)', () => {
    expect(problems(withMapping({ containerPort: 22 }, 'awsvpc'))).toBe('');
  });
});
