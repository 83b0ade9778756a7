// The room index always lists exactly the present instances with room for one task, in id
// order, whatever sequence of placements, releases and unregistrations it follows.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { RoomIndex } from '../../src/sim/room-index.js';
import { Instance } from '../../src/model/instance.js';

const type = { name: 'm5.large', vcpu: 2, memoryMiB: 8192, enis: 3, pricePerHour: 0.096, cpuArchitecture: 'x86_64' as const };

function instance(i: number): Instance {
  return new Instance(`i-${i.toString(16).padStart(17, '0')}`, 'asg', type, 'us-east-1a', 0, 2048, 7700, {}, false);
}

describe('RoomIndex', () => {
  it('equals a filter of the present instances by free CPU and memory, in id order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.constantFrom('place', 'release', 'unregister'), fc.integer({ min: 0, max: 3 })), { maxLength: 200 }),
        (steps) => {
          const instances = Array.from({ length: 12 }, (_, i) => instance(i * 37));
          const present = new Set(instances);
          const index = new RoomIndex(1024, 1536);
          // registered in a shuffled order: the list must still come out in id order
          for (const i of [5, 1, 9, 0, 11, 3, 7, 2, 10, 4, 8, 6]) index.update(instances[i], true);
          for (const [k, op, size] of steps) {
            const inst = instances[k];
            if (!present.has(inst)) continue;
            const cpu = [256, 512, 1024, 2048][size];
            const mem = [512, 1536, 3000, 7700][size];
            if (op === 'place' && inst.cpuRemaining >= cpu && inst.memoryRemaining >= mem) {
              inst.cpuRemaining -= cpu;
              inst.memoryRemaining -= mem;
            } else if (op === 'release') {
              inst.cpuRemaining = Math.min(2048, inst.cpuRemaining + cpu);
              inst.memoryRemaining = Math.min(7700, inst.memoryRemaining + mem);
            } else if (op === 'unregister') {
              present.delete(inst);
              index.update(inst, false);
              continue;
            }
            index.update(inst, true);
          }
          const expected = instances.filter((i) => present.has(i) && i.cpuRemaining >= 1024 && i.memoryRemaining >= 1536);
          expect(index.list.map((i) => i.id)).toEqual(expected.map((i) => i.id));
        },
      ),
      { numRuns: 300 },
    );
  });
});
