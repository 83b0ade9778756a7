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
    expect(() => setPath(s, 'cluster.availabilityZones.5', 'x')).toThrow(/list of 2 items, expected an index 0\.\.1, found "5"/);
  });

  it('names the path, the missing key and the closest key when a segment does not exist', () => {
    expect(() => setPath(scenario(), 'services.web.autoScaling.policys.cpu.targetValue', 1)).toThrow(
      'path "services.web.autoScaling.policys.cpu.targetValue": no key "policys" in services.web.autoScaling (did you mean "policies"?); keys there: policies',
    );
    expect(() => setPath(scenario(), 'servics.web.desiredCount', 1)).toThrow(/no key "servics" in the top level \(did you mean "services"\?\)/);
  });

  it('says when a path goes through a value that is not a map', () => {
    expect(() => setPath(scenario(), 'services.web.desiredCount.max', 1)).toThrow(/services\.web\.desiredCount is a number \(3\), not a map, so it has no key "max"/);
  });

  it('rejects empty segments', () => {
    expect(() => setPath(scenario(), 'services..web', 1)).toThrow(/empty segment/);
  });
});
