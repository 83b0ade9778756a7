import { describe, it, expect } from 'vitest';
import { setPath } from '../../src/experiment/set-path.js';

const scenario = () => ({
  services: {
    web: { desiredCount: 3, autoScaling: { policies: { cpu: { targetValue: 60 }, 'mem.v2': { targetValue: 70 } } } },
  },
  cluster: { availabilityZones: ['a', 'b'] },
});

describe('setPath (sweep dotted paths)', () => {
  it('sets a value through the scenario maps', () => {
    const s = scenario();
    setPath(s, 'services.web.autoScaling.policies.cpu.targetValue', 45);
    expect(s.services.web.autoScaling.policies.cpu.targetValue).toBe(45);
  });

  it('adds a last key the scenario leaves at its default', () => {
    const s = scenario();
    setPath(s, 'services.web.autoScaling.policies.cpu.scaleInCooldown', '60s');
    expect(s.services.web.autoScaling.policies.cpu).toEqual({ targetValue: 60, scaleInCooldown: '60s' });
  });

  it('finds map names that contain dots (a scaling policy\'s may; a service\'s may not, as in ECS)', () => {
    const s = scenario();
    setPath(s, 'services.web.autoScaling.policies.mem.v2.targetValue', 65);
    expect(s.services.web.autoScaling.policies['mem.v2'].targetValue).toBe(65);
  });

  it('indexes lists', () => {
    const s = scenario();
    setPath(s, 'cluster.availabilityZones.1', 'c');
    expect(s.cluster.availabilityZones).toEqual(['a', 'c']);
    expect(() => setPath(s, 'cluster.availabilityZones.5', 'x')).toThrow(expect.objectContaining({ at: 'cluster.availabilityZones.5', problem: 'expected an index of the list cluster.availabilityZones (0..1), found "5"' }));
  });

  it('names the missing key, the keys there (expected) with the closest, and what was found', () => {
    expect(() => setPath(scenario(), 'services.web.autoScaling.policys.cpu.targetValue', 1)).toThrow(
      expect.objectContaining({ name: 'SetPathError', message: 'services.web.autoScaling.policys: expected a key of services.web.autoScaling (policies), found "policys" (did you mean "policies"?)' }),
    );
    expect(() => setPath(scenario(), 'servics.web.desiredCount', 1)).toThrow(
      expect.objectContaining({ at: 'servics', problem: 'expected a key of the top level (services, cluster), found "servics" (did you mean "services"?)' }),
    );
  });

  it('a key the base leaves out, with no close key there: how to sweep inside it (write it in the base, or sweep it whole)', () => {
    expect(() => setPath(scenario(), 'metrics.period', '120s')).toThrow(
      expect.objectContaining({
        at: 'metrics',
        problem: 'expected a key of the top level (services, cluster), found "metrics"; a sweep path goes through keys the base writes: if it is a key of the format the base leaves out, write metrics: {} at the top level of the base, or sweep metrics whole',
      }),
    );
    expect(() => setPath(scenario(), 'services.web.healthCheck.interval', '10s')).toThrow(
      expect.objectContaining({ problem: expect.stringMatching(/write healthCheck: \{\} under services\.web in the base, or sweep services\.web\.healthCheck whole$/) }),
    );
    // in a map of names (a service the base lacks) no such note: a sweep adds no service
    expect(() => setPath(scenario(), 'services.zzzzzz.desiredCount', 1)).toThrow(expect.objectContaining({ problem: 'expected a key of services (web), found "zzzzzz"' }));
  });

  it('says when a path goes through a value that is not a map', () => {
    expect(() => setPath(scenario(), 'services.web.desiredCount.max', 1)).toThrow(
      expect.objectContaining({ at: 'services.web.desiredCount', problem: 'expected a map holding the key "max", found a number (3); set services.web.desiredCount itself' }),
    );
  });

  it('rejects empty segments', () => {
    expect(() => setPath(scenario(), 'services..web', 1)).toThrow(
      expect.objectContaining({ at: 'services..web', problem: 'expected keys separated by single dots, found an empty key; remove the extra "."' }),
    );
  });

  it('refuses __proto__ (no scenario has it), as expected / found, changing nothing', () => {
    for (const path of ['services.web.__proto__', 'services.web.__proto__.x']) {
      const s = scenario();
      expect(() => setPath(s, path, 1)).toThrow(
        expect.objectContaining({
          at: 'services.web.__proto__',
          problem: 'expected a key of services.web (desiredCount, autoScaling), found "__proto__", a name JavaScript reserves (an object\'s prototype); no scenario key is named so',
        }),
      );
      expect(s).toEqual(scenario());
      expect(Object.getPrototypeOf(s.services.web)).toBe(Object.prototype);
    }
  });

  it('sets constructor, prototype and toString as own keys like any other name (the schema judges them)', () => {
    for (const name of ['constructor', 'prototype', 'toString']) {
      const s = scenario();
      setPath(s, `services.web.${name}`, 'x');
      expect(Object.hasOwn(s.services.web, name)).toBe(true);
      expect((s.services.web as Record<string, unknown>)[name]).toBe('x');
      expect(Object.getPrototypeOf(s.services.web)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>)[name]).not.toBe('x');
      // a path through one the map lacks: the keys there, as any missing key
      expect(() => setPath(scenario(), `services.web.${name}.x`, 1)).toThrow(
        expect.objectContaining({ at: `services.web.${name}`, problem: expect.stringMatching(/^expected a key of services\.web \(desiredCount, autoScaling\), found "/) }),
      );
    }
    // a map that has the key itself: set as any other
    const named = { services: { constructor: { desiredCount: 1 } } } as Record<string, any>;
    setPath(named, 'services.constructor.desiredCount', 2);
    expect(named.services.constructor.desiredCount).toBe(2);
  });
});
