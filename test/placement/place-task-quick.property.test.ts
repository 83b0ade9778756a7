// placeTask(..., { explain: false }) (docs/notes/performance-libs.md): the same placements and
// the same rng draws as the explaining call (task-placement.html: filter, constraints,
// strategies), a failure is `{ ok: false, reason: null }`, and describeUnplaceable called
// afterwards gives exactly the reason the explaining call would have returned.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeUnplaceable, placeTask, type PlacementConstraint, type PlacementStrategy, type TaskRequirements } from '../../src/placement/index.js';
import { apply, inst, lcg, type MutableInstance } from './helpers.js';

const instanceArb = fc.record({
  az: fc.constantFrom('us-east-1a', 'us-east-1b', 'us-east-1c'),
  type: fc.constantFrom('m5.large', 'c5.large'),
  status: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'DRAINING'),
  cpu: fc.integer({ min: 0, max: 2048 }),
  mem: fc.integer({ min: 0, max: 4096 }),
  enis: fc.integer({ min: 0, max: 2 }),
});

const taskArb = fc.record({
  group: fc.constantFrom('service:web', 'service:api'),
  cpu: fc.constantFrom(128, 256, 512, 1024),
  memory: fc.constantFrom(256, 512, 1024, 2048),
  hostPorts: fc.constantFrom<number[]>([], [80]),
  needsEni: fc.boolean(),
});

const strategiesArb = fc.array(
  fc.constantFrom<PlacementStrategy>(
    { type: 'binpack', field: 'memory' },
    { type: 'spread', field: 'attribute:ecs.availability-zone' },
    { type: 'spread', field: 'instanceId' },
    { type: 'random' },
  ),
  { maxLength: 3 },
);

const constraintsArb = fc.array(
  fc.constantFrom<PlacementConstraint>({ type: 'distinctInstance' }, { type: 'memberOf', expression: 'attribute:ecs.instance-type == m5.large' }),
  { maxLength: 2 },
);

function cluster(specs: (typeof instanceArb extends fc.Arbitrary<infer T> ? T : never)[]): MutableInstance[] {
  return specs.map((s, i) =>
    inst(`i-${String(i).padStart(3, '0')}`, {
      az: s.az,
      type: s.type,
      status: s.status as MutableInstance['status'],
      cpuRemaining: s.cpu,
      memoryRemaining: s.mem,
      enisRemaining: s.enis,
    }),
  );
}

describe('placeTask explain: false', () => {
  it('property: same results and draws as the explaining call; the reason on demand is the same', () => {
    fc.assert(
      fc.property(
        fc.array(instanceArb, { maxLength: 12 }),
        fc.array(taskArb, { minLength: 1, maxLength: 15 }),
        constraintsArb,
        strategiesArb,
        fc.nat(),
        (specs, tasks, cons, strats, seed) => {
          const a = cluster(specs);
          const b = cluster(specs);
          const ra = lcg(seed);
          const rb = lcg(seed);
          for (const t of tasks as TaskRequirements[]) {
            const full = placeTask(a, t, cons, strats, ra);
            const quick = placeTask(b, t, cons, strats, rb, { explain: false });
            expect(quick.ok).toBe(full.ok);
            if (full.ok && quick.ok) {
              expect(quick.instanceId).toBe(full.instanceId);
              apply(a.find((x) => x.id === full.instanceId)!, t);
              apply(b.find((x) => x.id === quick.instanceId)!, t);
            } else if (!full.ok && !quick.ok) {
              expect(quick.reason).toBeNull();
              expect(describeUnplaceable(b, t, cons)).toEqual(full.reason);
            }
          }
          expect(ra.next()).toBe(rb.next()); // same number of draws so far
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a failure without explanation allocates no reason (the message is built only on demand)', () => {
    const xs = [inst('i-1', { cpuRemaining: 100 })];
    const t: TaskRequirements = { group: 'service:web', cpu: 256, memory: 512, hostPorts: [], needsEni: false };
    const r = placeTask(xs, t, [], [], lcg(1), { explain: false });
    expect(r).toEqual({ ok: false, reason: null });
    expect(describeUnplaceable(xs, t, []).rejections).toEqual([{ reason: 'RESOURCE:CPU', count: 1 }]);
  });
});
