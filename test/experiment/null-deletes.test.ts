// A variant's `null` for a key the base lacks deletes nothing (RFC 7386 merge patch drops
// it): each such null is found, at any depth, with the closest name the base has there.

import { describe, it, expect } from 'vitest';
import { nullsDeletingNothing } from '../../src/experiment/null-deletes.js';

const BASE = {
  services: {
    worker: {
      loadBalancer: { deregistrationDelay: '60s' },
      autoScaling: { policies: { wake: { policyType: 'StepScaling' }, cpu: { targetValue: 50 } } },
      workload: { requestRate: 300 },
    },
  },
};

describe('nullsDeletingNothing', () => {
  it('a null for a name the base has deletes it: no problem', () => {
    expect(nullsDeletingNothing(BASE, { services: { worker: { autoScaling: { policies: { wake: null } } } } })).toEqual([]);
    expect(nullsDeletingNothing(BASE, { services: { worker: { loadBalancer: null } } })).toEqual([]);
  });

  it('a misspelt policy name: its path, the word for a policy and the closest name', () => {
    expect(nullsDeletingNothing(BASE, { services: { worker: { autoScaling: { policies: { wakes: null } } } } })).toEqual([
      { path: ['services', 'worker', 'autoScaling', 'policies', 'wakes'], message: 'null deletes nothing: the base has no policy "wakes" (did you mean "wake"?)' },
    ]);
  });

  it('a misspelt key under a map the base has, beside a change that applies', () => {
    expect(nullsDeletingNothing(BASE, { services: { worker: { loadBalancer: { deregistrationDelai: null, routing: 'round-robin' } } } })).toEqual([
      { path: ['services', 'worker', 'loadBalancer', 'deregistrationDelai'], message: 'null deletes nothing: the base has no key "deregistrationDelai" (did you mean "deregistrationDelay"?)' },
    ]);
  });

  it('no close name: the names the base has there', () => {
    expect(nullsDeletingNothing(BASE, { services: { worker: { autoScaling: { policies: { memory: null } } } } })[0].message).toBe(
      'null deletes nothing: the base has no policy "memory"; it has there: wake, cpu',
    );
  });

  it('a null under an entry the base lacks, or under a value that is not a map', () => {
    expect(nullsDeletingNothing(BASE, { services: { wroker: { desiredCount: null } } })).toEqual([
      { path: ['services', 'wroker', 'desiredCount'], message: 'null deletes nothing: the base has no service "wroker" (did you mean "worker"?)' },
    ]);
    expect(nullsDeletingNothing(BASE, { services: { worker: { workload: { requestRate: { constant: null } } } } })).toEqual([
      { path: ['services', 'worker', 'workload', 'requestRate', 'constant'], message: "null deletes nothing: the base's services.worker.workload.requestRate is 300, not a map" },
    ]);
  });

  it('a null inside a list is a value, not a delete', () => {
    expect(nullsDeletingNothing(BASE, { services: { worker: { autoScaling: { policies: { cpu: { steps: [null] } } } } } })).toEqual([]);
  });

  it('a null for a key of the format the base leaves to its default: no misspelling hinted (scaleInCooldown is not scaleOutCooldown)', () => {
    const base = { services: { worker: { autoScaling: { policies: { cpu: { targetValue: 50, scaleOutCooldown: '60s' } } } } } };
    expect(nullsDeletingNothing(base, { services: { worker: { autoScaling: { policies: { cpu: { scaleInCooldown: null } } } } } })).toEqual([
      {
        path: ['services', 'worker', 'autoScaling', 'policies', 'cpu', 'scaleInCooldown'],
        message: 'null deletes nothing: the base does not set "scaleInCooldown", so its default applies, and a null cannot unset a default: write the value you want instead',
      },
    ]);
  });

  it('a null under a list: a merge patch replaces a list whole', () => {
    const base = { cluster: { availabilityZones: ['us-east-1a', 'us-east-1b'] } };
    expect(nullsDeletingNothing(base, { cluster: { availabilityZones: { 0: null } } })[0].message).toBe(
      "null deletes nothing: the base's cluster.availabilityZones is a list (2 items), not a map: a merge patch replaces a list whole; write the whole list without the item",
    );
  });
});
