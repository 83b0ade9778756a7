import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { deriveScenario, treeCopy } from '../../src/experiment/derive-scenario.js';

// Two services share one workload through a YAML alias, as scenarios/fargate-vs-ec2-cost.yaml
// does; the yaml package reads the alias as one object at two places.
const TEXT = `
services:
  a:
    workload: &load
      requestRate: { constant: 50 }
      perTask: { capacityRps: 100 }
  b:
    workload: *load
`;

function raw(): Record<string, unknown> {
  return parseDocument(TEXT).toJS() as Record<string, unknown>;
}

type Services = { services: Record<string, { workload: { requestRate: { constant: number }; perTask: { capacityRps: number } } }> };

describe('deriveScenario with a YAML alias', () => {
  it('reads the alias as one shared object (the premise)', () => {
    const r = raw() as unknown as Services;
    expect(r.services.a.workload).toBe(r.services.b.workload);
  });

  it('a sweep path into one copy of the alias sets that copy only', () => {
    const s = deriveScenario(raw(), {}, [['services.b.workload.requestRate.constant', 1450]]) as unknown as Services;
    expect(s.services.a.workload.requestRate.constant).toBe(50);
    expect(s.services.b.workload.requestRate.constant).toBe(1450);
  });

  it('a sweep path into a part a variant leaves shared sets that copy only', () => {
    // the variant rebuilds b.workload.requestRate; perTask stays the aliased object
    const patch = { services: { b: { workload: { requestRate: { constant: 300 } } } } };
    const s = deriveScenario(raw(), patch, [['services.a.workload.perTask.capacityRps', 80]]) as unknown as Services;
    expect(s.services.a.workload.perTask.capacityRps).toBe(80);
    expect(s.services.b.workload.perTask.capacityRps).toBe(100);
    expect(s.services.a.workload.requestRate.constant).toBe(50);
    expect(s.services.b.workload.requestRate.constant).toBe(300);
  });

  it('leaves the file read untouched', () => {
    const r = raw();
    deriveScenario(r, {}, [['services.a.workload.requestRate.constant', 9]]);
    expect((r as unknown as Services).services.b.workload.requestRate.constant).toBe(50);
  });
});

describe('treeCopy', () => {
  it('copies an object reached twice into two objects', () => {
    const shared = { x: [1, 2] };
    const copy = treeCopy({ p: shared, q: [shared] }) as { p: { x: number[] }; q: { x: number[] }[] };
    expect(copy).toEqual({ p: { x: [1, 2] }, q: [{ x: [1, 2] }] });
    expect(copy.p).not.toBe(copy.q[0]);
    expect(copy.p.x).not.toBe(copy.q[0].x);
    expect(copy.p).not.toBe(shared);
  });

  it('keeps a cycle a cycle (validation refuses it) rather than recursing forever', () => {
    const r = parseDocument('a: &x\n  b: [*x]\n').toJS() as { a: { b: unknown[] } };
    const copy = treeCopy(r) as { a: { b: unknown[] } };
    expect(copy.a.b[0]).toBe(copy.a);
    expect(copy.a).not.toBe(r.a);
  });

  it('keeps a key "__proto__" as data', () => {
    const value = JSON.parse('{"__proto__": {"k": 1}}') as Record<string, unknown>;
    const copy = treeCopy(value) as Record<string, unknown>;
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });
});
