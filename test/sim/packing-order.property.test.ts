// The packing order picks the instance the placer picks (placeTask over the room index's
// instances) for binpack and for spread(AZ) then binpack, after any sequence of placements,
// releases, drains and unregistrations, whatever the per-zone task counts and constraints —
// also when the order is asked for after the index already holds instances, and with both
// fields' orders kept on one index.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { RoomIndex } from '../../src/sim/room-index.js';
import { Instance } from '../../src/model/instance.js';
import { placeTask, isCandidate, AZ_ATTRIBUTE, type PlacementStrategy, type TaskRequirements } from '../../src/placement/index.js';
import type { CompiledConstraint } from '../../src/placement/constraints/constraint.js';
import { RandomStreams } from '../../src/engine/index.js';

const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
/** Instance sizes (CPU units, MiB): the CPU order and the memory order differ from the start. */
const SIZES = [
  [2048, 7680],
  [4096, 3584],
  [8192, 15360],
];
const task: TaskRequirements = { group: 'service:web', cpu: 256, memory: 512, hostPorts: [80], needsEni: true };

function instance(i: number): Instance {
  const zone = ZONES[(i * 7) % 3];
  const [cpu, memory] = SIZES[i % 3];
  const type = { name: `t${i % 3}`, vcpu: cpu / 1024, memoryMiB: memory, enis: 3, pricePerHour: 0.1, cpuArchitecture: 'x86_64' as const };
  const inst = new Instance(`i-${(i * 5 + 1).toString(16).padStart(17, '0')}`, 'asg', type, zone, 0, cpu, memory, { [AZ_ATTRIBUTE]: zone }, false);
  inst.status = 'ACTIVE';
  return inst;
}

const STRATEGIES: Record<string, { field: 'cpu' | 'memory'; spread: boolean; strategies: PlacementStrategy[] }> = {
  'binpack(memory)': { field: 'memory', spread: false, strategies: [{ type: 'binpack', field: 'memory' }] },
  'binpack(cpu)': { field: 'cpu', spread: false, strategies: [{ type: 'binpack', field: 'cpu' }] },
  'spread(AZ), binpack(memory)': { field: 'memory', spread: true, strategies: [{ type: 'spread', field: `attribute:${AZ_ATTRIBUTE}` }, { type: 'binpack', field: 'memory' }] },
  'spread(AZ), binpack(cpu)': { field: 'cpu', spread: true, strategies: [{ type: 'spread', field: `attribute:${AZ_ATTRIBUTE}` }, { type: 'binpack', field: 'cpu' }] },
};

const OPS = ['place', 'release', 'drain', 'unregister', 'take-port', 'free-port', 'take-eni', 'free-eni'] as const;

describe('PackingOrder', () => {
  for (const [label, { field, spread, strategies }] of Object.entries(STRATEGIES)) {
    it(`chooses what placeTask chooses over the room index: ${label}`, () => {
      let placed = 0;
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 13 }), fc.constantFrom(...OPS), fc.integer({ min: 0, max: 3 })), { maxLength: 120 }),
          fc.nat({ max: 120 }),
          fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 4, maxLength: 4 }),
          fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
          (steps, orderFrom, zoneCounts, excluded) => {
            const instances = Array.from({ length: 14 }, (_, i) => instance(i));
            const present = new Set(instances);
            const index = new RoomIndex(task.cpu, task.memory);
            // both fields' orders on one index; the one under test asked for after `orderFrom` steps
            const other = index.packingOrder(field === 'cpu' ? 'memory' : 'cpu');
            for (const i of [5, 1, 9, 0, 11, 3, 13, 7, 2, 10, 4, 12, 8, 6]) index.update(instances[i], true);
            steps.forEach(([k, op, size], at) => {
              if (at === orderFrom) index.packingOrder(field);
              const inst = instances[k];
              if (!present.has(inst)) return;
              const cpu = [256, 512, 1024, 128][size];
              const mem = [512, 1024, 2048, 768][size];
              if (op === 'place' && inst.cpuRemaining >= cpu && inst.memoryRemaining >= mem) {
                inst.cpuRemaining -= cpu;
                inst.memoryRemaining -= mem;
              } else if (op === 'release') {
                inst.cpuRemaining = Math.min(inst.cpuRegistered, inst.cpuRemaining + cpu);
                inst.memoryRemaining = Math.min(inst.memoryRegistered, inst.memoryRemaining + mem);
              } else if (op === 'drain') {
                inst.status = 'DRAINING';
              } else if (op === 'unregister') {
                present.delete(inst);
                index.update(inst, false);
                return;
              } else if (op === 'take-port') {
                inst.usedHostPorts.add(80);
              } else if (op === 'free-port') {
                inst.usedHostPorts.delete(80);
              } else if (op === 'take-eni') {
                inst.enisRemaining = 0;
              } else if (op === 'free-eni') {
                inst.enisRemaining = 2;
              }
              index.update(inst, true);
            });
            const order = index.packingOrder(field);
            // a constraint excluding some instances; per-zone counts, a zone may lack one,
            // and one counted zone has no instances at all
            const constraint: CompiledConstraint = { type: 'memberOf', reason: 'MemberOf', label: 'memberOf(test)', accepts: (inst) => !excluded[instances.indexOf(inst as Instance)] };
            const counts = new Map<string, number>();
            [...ZONES, 'us-east-1d'].forEach((z, i) => {
              if (zoneCounts[i] > 0) counts.set(z, zoneCounts[i] - 1);
            });
            const expected = placeTask(index.list, task, [constraint], strategies, new RandomStreams(1).stream('p'), {
              explain: false,
              groupValueCounts: { valueCounts: () => counts },
            });
            const got = order.first(spread ? counts : null, (inst) => isCandidate(inst, task, [constraint]));
            expect(got?.id ?? null).toBe(expected.ok ? expected.instanceId : null);
            // the other field's order answers as placeTask does for that field (binpack alone)
            const otherExpected = placeTask(index.list, task, [constraint], [{ type: 'binpack', field: other.field }], new RandomStreams(1).stream('p'), { explain: false });
            expect(other.first(null, (inst) => isCandidate(inst, task, [constraint]))?.id ?? null).toBe(otherExpected.ok ? otherExpected.instanceId : null);
            if (got) placed++;
          },
        ),
        { numRuns: 400 },
      );
      // most runs find an instance: the comparison is not of two empty answers
      expect(placed).toBeGreaterThan(200);
    });
  }
});
