// The registration log answers "registered since position n, not terminated, in id order"
// as the append-only log it replaced did (with terminated instances left out), while it
// drops terminated instances so that it holds about as many as are live.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { RegistrationLog } from '../../src/sim/registration-log.js';
import { Instance } from '../../src/model/instance.js';

const type = { name: 'm5.large', vcpu: 2, memoryMiB: 8192, enis: 3, pricePerHour: 0.096, cpuArchitecture: 'x86_64' as const };

function instance(i: number): Instance {
  const inst = new Instance(`i-${i.toString(16).padStart(17, '0')}`, 'asg', type, 'us-east-1a', 0, 2048, 7700, {}, false);
  inst.lifecycle = 'ACTIVE';
  return inst;
}

describe('RegistrationLog', () => {
  it('since(n) equals a filter of every registration after the first n', () => {
    fc.assert(
      fc.property(
        // each step: register a new instance (ids out of order), or terminate one, or ask
        // long enough to compact several times (the first at 64 held)
        fc.array(fc.tuple(fc.constantFrom('register', 'register', 'terminate', 'ask'), fc.nat(1000)), { minLength: 150, maxLength: 600 }),
        (steps) => {
          const log = new RegistrationLog();
          const all: Instance[] = [];
          let next = 0;
          for (const [op, k] of steps) {
            if (op === 'register') {
              // launch order is not registration order: ids come out of order
              const inst = instance((next++ * 7919 + k) % 100_000);
              all.push(inst);
              log.add(inst);
            } else if (op === 'terminate' && all.length > 0) {
              all[k % all.length].lifecycle = 'TERMINATED';
            } else {
              const n = all.length === 0 ? 0 : k % (all.length + 1);
              const expected = all
                .slice(n)
                .filter((i) => i.lifecycle !== 'TERMINATED')
                .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
              expect(log.since(n)).toEqual(expected);
            }
            expect(log.count).toBe(all.length);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('holds about the live instances, not every registration of the run', () => {
    const log = new RegistrationLog();
    const live: Instance[] = [];
    for (let i = 0; i < 10_000; i++) {
      const inst = instance(i);
      log.add(inst);
      live.push(inst);
      // ten live at most: the oldest terminates
      if (live.length > 10) live.shift()!.lifecycle = 'TERMINATED';
    }
    expect(log.count).toBe(10_000);
    expect(log.size).toBeLessThanOrEqual(64);
    expect(log.since(9_990).map((i) => i.id)).toEqual(live.map((i) => i.id));
  });
});
