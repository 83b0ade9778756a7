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

  it('refuses __proto__, constructor and prototype as keys no map has, as expected / found (a service may be named so)', () => {
    for (const reserved of ['__proto__', 'constructor', 'prototype']) {
      for (const path of [`services.web.${reserved}`, `services.web.${reserved}.x`]) {
        const s = scenario();
        expect(() => setPath(s, path, 1)).toThrow(
          expect.objectContaining({
            at: `services.web.${reserved}`,
            problem: `expected a key of services.web (desiredCount, autoScaling), found "${reserved}", a name with a meaning of its own in JavaScript (an object's prototype or constructor); no scenario key is named so`,
          }),
        );
        expect(s).toEqual(scenario());
        expect(Object.getPrototypeOf(s.services.web)).toBe(Object.prototype);
      }
    }
    // a map that has the key itself: set as any other
    const named = { services: { constructor: { desiredCount: 1 } } } as Record<string, any>;
    setPath(named, 'services.constructor.desiredCount', 2);
    expect(named.services.constructor.desiredCount).toBe(2);
  });
});
