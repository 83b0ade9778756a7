// The packing order picks the instance the placer picks (placeTask over the room index's
// instances) for binpack and for spread(AZ) then binpack, after any sequence of placements
// and releases, whatever the per-zone task counts, statuses and constraints.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { RoomIndex } from '../../src/sim/room-index.js';
import { Instance } from '../../src/model/instance.js';
import { placeTask, resourceRejection, AZ_ATTRIBUTE, type PlacementStrategy, type TaskRequirements } from '../../src/placement/index.js';
import type { CompiledConstraint } from '../../src/placement/constraints/constraint.js';
import { RandomStreams } from '../../src/engine/index.js';

const type = { name: 'm5.large', vcpu: 2, memoryMiB: 8192, enis: 3, pricePerHour: 0.096, cpuArchitecture: 'x86_64' as const };
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const task: TaskRequirements = { group: 'service:web', cpu: 256, memory: 512, hostPorts: [], needsEni: false };

function instance(i: number, zone: string): Instance {
  const inst = new Instance(`i-${i.toString(16).padStart(17, '0')}`, 'asg', type, zone, 0, 2048, 7680, { [AZ_ATTRIBUTE]: zone }, false);
  inst.status = 'ACTIVE';
  return inst;
}

const STRATEGIES: Record<string, { field: 'cpu' | 'memory'; spread: boolean; strategies: PlacementStrategy[] }> = {
  'binpack(memory)': { field: 'memory', spread: false, strategies: [{ type: 'binpack', field: 'memory' }] },
  'binpack(cpu)': { field: 'cpu', spread: false, strategies: [{ type: 'binpack', field: 'cpu' }] },
  'spread(AZ), binpack(memory)': { field: 'memory', spread: true, strategies: [{ type: 'spread', field: `attribute:${AZ_ATTRIBUTE}` }, { type: 'binpack', field: 'memory' }] },
  'spread(AZ), binpack(cpu)': { field: 'cpu', spread: true, strategies: [{ type: 'spread', field: `attribute:${AZ_ATTRIBUTE}` }, { type: 'binpack', field: 'cpu' }] },
};

describe('PackingOrder', () => {
  for (const [label, { field, spread, strategies }] of Object.entries(STRATEGIES)) {
    it(`chooses what placeTask chooses over the room index: ${label}`, () => {
      let placed = 0;
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 13 }), fc.constantFrom('place', 'release', 'drain', 'unregister'), fc.integer({ min: 0, max: 3 })), { maxLength: 120 }),
          fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 3 }),
          fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
          (steps, zoneCounts, excluded) => {
            const instances = Array.from({ length: 14 }, (_, i) => instance(i * 5 + 1, ZONES[(i * 7) % 3]));
            const present = new Set(instances);
            const index = new RoomIndex(task.cpu, task.memory);
            const order = index.packingOrder(field);
            for (const i of [5, 1, 9, 0, 11, 3, 13, 7, 2, 10, 4, 12, 8, 6]) index.update(instances[i], true);
            for (const [k, op, size] of steps) {
              const inst = instances[k];
              if (!present.has(inst)) continue;
              const cpu = [256, 512, 1024, 128][size];
              const mem = [512, 1024, 2048, 768][size];
              if (op === 'place' && inst.cpuRemaining >= cpu && inst.memoryRemaining >= mem) {
                inst.cpuRemaining -= cpu;
                inst.memoryRemaining -= mem;
              } else if (op === 'release') {
                inst.cpuRemaining = Math.min(2048, inst.cpuRemaining + cpu);
                inst.memoryRemaining = Math.min(7680, inst.memoryRemaining + mem);
              } else if (op === 'drain') {
                inst.status = 'DRAINING';
              } else if (op === 'unregister') {
                present.delete(inst);
                index.update(inst, false);
                continue;
              }
              index.update(inst, true);
            }
            // a constraint excluding some instances, and per-zone counts (a zone may lack one)
            const constraint: CompiledConstraint = { type: 'memberOf', reason: 'MemberOf', label: 'memberOf(test)', accepts: (inst) => !excluded[instances.indexOf(inst as Instance)] };
            const counts = new Map<string, number>();
            ZONES.forEach((z, i) => {
              if (zoneCounts[i] > 0) counts.set(z, zoneCounts[i] - 1);
            });
            const expected = placeTask(index.list, task, [constraint], strategies, new RandomStreams(1).stream('p'), {
              explain: false,
              groupValueCounts: { valueCounts: () => counts },
            });
            const got = order.first(spread ? counts : null, (inst) => resourceRejection(inst, task) === null && constraint.accepts(inst, task));
            expect(got?.id ?? null).toBe(expected.ok ? expected.instanceId : null);
            if (got) placed++;
          },
        ),
        { numRuns: 400 },
      );
      // most runs find an instance: the comparison is not of two empty answers
      expect(placed).toBeGreaterThan(300);
    });
  }
});
