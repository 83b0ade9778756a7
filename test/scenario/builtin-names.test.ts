// Names that are also names of JavaScript's Object built-ins (toString, valueOf,
// constructor, __proto__) are user names like any other: a lookup by such a name must not
// find the function every object inherits, and a key "__proto__" must not vanish into the
// object's prototype. (A service whose taskDefinition was "toString" vanished: validate said
// "ok (0 services)" and compare showed the variant with 0 task-hours.)

import { describe, it, expect } from 'vitest';
import { loadScenarioObject, loadScenarioText, ScenarioError } from '../../src/scenario/index.js';
import { createPriceBook } from '../../src/model/pricing/price-book.js';
import { setPath } from '../../src/experiment/set-path.js';
import { quickstart } from '../helpers.js';
import { readFileSync } from 'node:fs';

function problems(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('names of Object built-ins', () => {
  for (const name of ['toString', 'valueOf', 'constructor', 'hasOwnProperty', '__proto__']) {
    it(`taskDefinition: ${name} is an unknown task definition, not a vanished service`, () => {
      const s = quickstart();
      s.services.web.taskDefinition = name;
      expect(problems(() => loadScenarioObject('s.yaml', s))).toMatch(new RegExp(`services\\.web\\.taskDefinition: expected a task definition of taskDefinitions \\(web\\), found "${name}"`));
    });
  }

  it('a task definition and a service named constructor/toString run as any other name', () => {
    const s = quickstart();
    s.taskDefinitions = { constructor: s.taskDefinitions.web };
    s.services = { toString: { ...s.services.web, taskDefinition: 'constructor' } };
    const r = loadScenarioObject('s.yaml', s);
    expect(r.services.map((svc) => [svc.name, svc.taskDefinition.name])).toEqual([['toString', 'constructor']]);
  });

  it('policyType: toString is an unknown policy type (was an internal error)', () => {
    const s = quickstart();
    s.services.web.autoScaling.policies.cpu.policyType = 'toString';
    expect(problems(() => loadScenarioObject('s.yaml', s))).toMatch(/policies\.cpu\.policyType: expected one of TargetTrackingScaling \| StepScaling, found "toString"/);
  });

  it('distribution: constructor is an unknown distribution (was an internal error)', () => {
    const s = quickstart();
    s.services.web.workload.perTask.serviceTime = { distribution: 'constructor', mean: 0.04 };
    expect(problems(() => loadScenarioObject('s.yaml', s))).toMatch(/serviceTime\.distribution: expected one of .*found "constructor"/);
  });

  for (const [where, edit, path] of [
    ['a service', (t: string) => t.replace(/^services:\n  web:/m, 'services:\n  __proto__:'), 'services.__proto__'],
    ['a task definition', (t: string) => t.replace(/^taskDefinitions:\n  web:/m, 'taskDefinitions:\n  __proto__:'), 'taskDefinitions.__proto__'],
    ['a policy', (t: string) => t.replace(/^        cpu:$/m, '        __proto__:'), 'services.web.autoScaling.policies.__proto__'],
    ['a variant', (t: string) => `${t}\nvariants:\n  a: {}\n  __proto__: {}\n`, 'variants.__proto__'],
  ] as const) {
    it(`a key "__proto__" (${where}) is refused with its path and line, not dropped`, () => {
      const text = edit(readFileSync('scenarios/quickstart.yaml', 'utf8'));
      expect(text).toContain('__proto__:');
      const line = text.split('\n').findIndex((l) => l.includes('__proto__:')) + 1;
      const message = problems(() => loadScenarioText('s.yaml', text));
      expect(message).toContain(`s.yaml:${line}: ${path}: expected a key other than "__proto__" (in JavaScript it names an object's prototype, so ecsim would lose what it holds), found "__proto__"; rename it`);
    });
  }

  it('a sweep path through "__proto__" is refused (it replaced the map\'s prototype)', () => {
    const root = { services: { web: {} } } as Record<string, unknown>;
    expect(() => setPath(root, 'services.web.__proto__', { x: 1 })).toThrow(/^services\.web\.__proto__: expected a key of services\.web \(.*\), found "__proto__", a name JavaScript reserves \(an object's prototype\); no scenario key is named so$/);
    expect(Object.getPrototypeOf((root.services as Record<string, unknown>).web)).toBe(Object.prototype);
  });

  it('a custom instance type named constructor is priced at its own price when pricing.ec2 names other types', () => {
    const book = createPriceBook({ ec2: { 'm5.large': 0.1 } }, [{ name: 'constructor', vcpu: 2, memoryMiB: 4096, enis: 3, price: 0.05, cpuArchitecture: 'x86_64' }]);
    expect(book.ec2Price({ name: 'constructor', pricePerHour: 0.05 }, 'on-demand')).toBe(0.05);
  });
});
