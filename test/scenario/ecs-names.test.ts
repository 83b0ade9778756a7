// Service, task definition and container names follow ECS's rule: CreateService serviceName
// and RegisterTaskDefinition family, and a container definition's name, are each "Up to 255
// letters (uppercase and lowercase), numbers, underscores, and hyphens" (ECS API reference).
// A name outside it is refused with one line: the key's path, the rule, what was found, a rename.

import { describe, it, expect } from 'vitest';
import { cli, objectProblems, quickstart, tempDir, writeScenario } from '../helpers.js';

const problems = objectProblems;

/** The quickstart with its service, its task definition or its container renamed. */
const serviceNamed = (name: string, s = quickstart()) => {
  s.services = { [name]: s.services.web };
  return s;
};
const taskDefinitionNamed = (name: string, s = quickstart()) => {
  s.taskDefinitions = { [name]: s.taskDefinitions.web };
  s.services.web.taskDefinition = name;
  return s;
};
const containerNamed = (name: string, s = quickstart()) => {
  const td = s.taskDefinitions.web;
  const [only] = Object.values(td.containerDefinitions);
  td.containerDefinitions = { [name]: only };
  return s;
};

describe('ECS names: services, task definitions, containers', () => {
  for (const name of ['web', 'Web_2', 'web-v2', '9', 'x'.repeat(255)]) {
    it(`accepts ${name.length > 20 ? `${name.length} characters` : name} for each${name === '9' ? ' but a service (a whole number)' : ''}`, () => {
      if (name !== '9') expect(problems(serviceNamed(name))).toBe('no error');
      expect(problems(taskDefinitionNamed(name))).toBe('no error');
      expect(problems(containerNamed(name))).toBe('no error');
    });
  }

  it('refuses a "." in a service name, naming the path, the rule, what was found and a rename', () => {
    expect(problems(serviceNamed('web.v2'))).toMatch(
      /services\.web\.v2: expected a service name of 1 to 255 letters, digits, "_" and "-" \(as CreateService's serviceName requires\), found "web\.v2" \("\." not allowed\); rename it, e\.g\. "web-v2"$/,
    );
  });

  it('refuses a ":" in a task definition family and a space in a container name', () => {
    expect(problems(taskDefinitionNamed('web:1'))).toMatch(
      /taskDefinitions\.web:1: expected a task definition family of 1 to 255 letters, digits, "_" and "-" \(as RegisterTaskDefinition's family requires\), found "web:1" \(":" not allowed\); rename it, e\.g\. "web-1"/,
    );
    expect(problems(containerNamed('my app'))).toMatch(
      /taskDefinitions\.web\.containerDefinitions\.my app: expected a container name of 1 to 255 letters, digits, "_" and "-" \(as RegisterTaskDefinition's containerDefinitions name requires\), found "my app" \(a space not allowed\); rename it, e\.g\. "my-app"/,
    );
  });

  it('refuses a whole-number service, capacity provider or scaling policy name: a map lists those first, in numeric order, and the file\'s order decides (reconcile, placement, events)', () => {
    expect(problems(serviceNamed('9'))).toMatch(
      /services\.9: expected a service name that is not a whole number \(services reconcile, and are placed, in the order written, and ecsim reads a map's whole-number names before the others, in numeric order, whatever the file's order\), found "9"; rename it, e\.g\. "svc-9"$/,
    );
    // "01" and "-1" are not read first: accepted ("-1" as a service name; "01" as a task definition's too)
    expect(problems(serviceNamed('01'))).toBe('no error');
    const p = quickstart();
    p.services.web.autoScaling.policies = { '5': Object.values(p.services.web.autoScaling.policies)[0] };
    expect(problems(p)).toMatch(/services\.web\.autoScaling\.policies\.5: expected a scaling policy name that is not a whole number .*found "5"; rename it, e\.g\. "policy-5"$/);
    const c = quickstart();
    c.cluster.capacityProviders = { '7': c.cluster.capacityProviders[Object.keys(c.cluster.capacityProviders)[0]] };
    expect(problems(c)).toMatch(/cluster\.capacityProviders\.7: expected a capacity provider name that is not a whole number .*found "7"; rename it, e\.g\. "cp-7"/);
  });

  it('refuses 256 characters, saying how many', () => {
    expect(problems(serviceNamed('x'.repeat(256)))).toMatch(/expected a service name of 1 to 255 .*, found "x{40}\.\.\." \(256 characters\)$/);
  });

  it('the rename is not a name the map already has', () => {
    const s = quickstart();
    s.services['web-v2'] = structuredClone(s.services.web);
    s.services['web.v2'] = s.services.web;
    delete s.services.web;
    expect(problems(s)).toMatch(/services\.web\.v2: .*found "web\.v2" \("\." not allowed\); rename it, e\.g\. "web-v2-2"/);
  });

  it('ecsim validate: exit 2, one line per refused name, no stack trace', async () => {
    const file = writeScenario(tempDir(), 'names', serviceNamed('web.v2'));
    const r = await cli('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/: services\.web\.v2: expected a service name .*; rename it, e\.g\. "web-v2"$/)]);
  });
});
