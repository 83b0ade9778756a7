// The simulation places a task over the instances with room for its CPU and memory (the
// room index, src/sim/room-index.ts) instead of the provider's whole fleet. For strategies
// that only compare candidates with each other that must give the same instance and the
// same random draws: instances without room are filtered out first anyway. (spread on the
// AZ reads the service's kept counts, not the candidates: group-value-counts.property.test.ts.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeTask, type PlacementConstraint, type PlacementStrategy, type TaskRequirements } from '../../src/placement/index.js';
import { apply, inst, lcg, type MutableInstance } from './helpers.js';

const instanceArb = fc.record({
  az: fc.constantFrom('us-east-1a', 'us-east-1b', 'us-east-1c'),
  type: fc.constantFrom('m5.large', 'c5.large'),
  status: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'DRAINING', 'REGISTERING'),
  cpu: fc.integer({ min: 0, max: 2048 }),
  mem: fc.integer({ min: 0, max: 4096 }),
  enis: fc.integer({ min: 0, max: 2 }),
});

const taskArb = fc.record({
  group: fc.constantFrom('service:web'),
  cpu: fc.constantFrom(256, 512, 1024),
  memory: fc.constantFrom(512, 1024, 2048),
  hostPorts: fc.constantFrom<number[]>([], [80]),
  needsEni: fc.boolean(),
});

const strategiesArb = fc.array(
  fc.constantFrom<PlacementStrategy>({ type: 'binpack', field: 'memory' }, { type: 'binpack', field: 'cpu' }, { type: 'spread', field: 'instanceId' }, { type: 'random' }),
  { maxLength: 3 },
);

const constraintsArb = fc.array(
  fc.constantFrom<PlacementConstraint>({ type: 'distinctInstance' }, { type: 'memberOf', expression: 'attribute:ecs.instance-type == m5.large' }),
  { maxLength: 2 },
);

describe('placement over the instances with room', () => {
  it('property: the same instance and the same draws as placement over every instance', () => {
    fc.assert(
      fc.property(fc.array(instanceArb, { maxLength: 14 }), fc.array(taskArb, { minLength: 1, maxLength: 12 }), constraintsArb, strategiesArb, fc.nat(), (specs, tasks, cons, strats, seed) => {
        const fleet: MutableInstance[] = specs.map((s, i) =>
          inst(`i-${String(i).padStart(3, '0')}`, { az: s.az, type: s.type, status: s.status as MutableInstance['status'], cpuRemaining: s.cpu, memoryRemaining: s.mem, enisRemaining: s.enis }),
        );
        const rAll = lcg(seed);
        const rRoom = lcg(seed);
        for (const t of tasks as TaskRequirements[]) {
          const room = fleet.filter((i) => i.cpuRemaining >= t.cpu && i.memoryRemaining >= t.memory);
          const all = placeTask(fleet, t, cons, strats, rAll, { explain: false });
          const some = placeTask(room, t, cons, strats, rRoom, { explain: false });
          expect(some).toEqual(all);
          if (all.ok) apply(fleet.find((x) => x.id === all.instanceId)!, t);
        }
        expect(rRoom.next()).toBe(rAll.next());
      }),
      { numRuns: 500 },
    );
  });
});
