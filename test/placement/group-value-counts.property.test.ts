// placeTask(..., { groupValueCounts }) (docs/notes/performance-libs.md, round 2): spread on
// attribute:NAME with the default 'cluster' scope places "evenly based on the specified
// value" counting the group's tasks per value over every ACTIVE instance given
// (task-placement-strategies.html; the count scope is ecsim's model, see spread.ts). Counts
// kept by the caller, updated as tasks are placed, must give the same placements and the
// same rng draws as the scan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupCountsByValue, placeTask, type GroupValueCounts, type PlacementStrategy, type TaskRequirements } from '../../src/placement/index.js';
import { apply, inst, lcg, type MutableInstance } from './helpers.js';

const AZ = 'ecs.availability-zone';

const instanceArb = fc.record({
  az: fc.constantFrom('us-east-1a', 'us-east-1b', 'us-east-1c'),
  status: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'DRAINING'),
  cpu: fc.integer({ min: 0, max: 2048 }),
  mem: fc.integer({ min: 0, max: 4096 }),
  web: fc.integer({ min: 0, max: 3 }),
});

const strategiesArb = fc.array(
  fc.constantFrom<PlacementStrategy>(
    { type: 'binpack', field: 'memory' },
    { type: 'spread', field: `attribute:${AZ}` },
    { type: 'spread', field: 'attribute:ecs.instance-type' },
    { type: 'spread', field: 'instanceId' },
    { type: 'random' },
  ),
  { minLength: 1, maxLength: 3 },
);

/** Per-group per-AZ counts kept by hand: the test's own bookkeeping, not the library's. */
class KeptCounts {
  readonly byGroup = new Map<string, Map<string, number>>();
  add(group: string, az: string): void {
    let m = this.byGroup.get(group);
    if (!m) this.byGroup.set(group, (m = new Map()));
    m.set(az, (m.get(az) ?? 0) + 1);
  }
  forGroup(group: string): GroupValueCounts {
    const m = this.byGroup.get(group) ?? new Map<string, number>();
    // only the AZ attribute is kept: other attributes fall back to the scan
    return { valueCounts: (a) => (a === AZ ? m : undefined) };
  }
}

describe('placeTask with caller-kept spread counts', () => {
  it('property: same placements and draws as counting by scan (spread attribute, cluster scope)', () => {
    fc.assert(
      fc.property(
        fc.array(instanceArb, { maxLength: 12 }),
        fc.array(fc.constantFrom('service:web', 'service:api'), { minLength: 1, maxLength: 15 }),
        strategiesArb,
        fc.nat(),
        (specs, groups, strats, seed) => {
          const make = () =>
            specs.map((s, i): MutableInstance => {
              const x = inst(`i-${String(i).padStart(3, '0')}`, { az: s.az, status: s.status as MutableInstance['status'], cpuRemaining: s.cpu, memoryRemaining: s.mem });
              if (s.web > 0) x.groupCounts.set('service:web', s.web);
              return x;
            });
          const a = make();
          const b = make();
          const kept = new KeptCounts();
          for (const s of specs) if (s.status === 'ACTIVE') for (let k = 0; k < s.web; k++) kept.add('service:web', s.az);
          const ra = lcg(seed);
          const rb = lcg(seed);
          for (const group of groups) {
            const t: TaskRequirements = { group, cpu: 256, memory: 512, hostPorts: [], needsEni: false };
            const scan = placeTask(a, t, [], strats, ra, { explain: false });
            const fast = placeTask(b, t, [], strats, rb, { explain: false, groupValueCounts: kept.forGroup(group) });
            expect(fast).toEqual(scan);
            if (scan.ok) {
              apply(a.find((x) => x.id === scan.instanceId)!, t);
              const target = b.find((x) => x.id === scan.instanceId)!;
              apply(target, t);
              kept.add(group, target.attributes[AZ]); // placement only picks ACTIVE instances
            }
          }
          expect(ra.next()).toBe(rb.next());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hand case: AZ b has the fewest web tasks (1 vs 2 and 3), so the task goes there', () => {
    // a: 2 tasks, b: 1, c: 3 counted over ACTIVE instances (kept counts say so)
    const xs = [inst('i-1', { az: 'a' }), inst('i-2', { az: 'b' }), inst('i-3', { az: 'c' })];
    const counts = new Map([
      ['a', 2],
      ['b', 1],
      ['c', 3],
    ]);
    const t: TaskRequirements = { group: 'service:web', cpu: 256, memory: 512, hostPorts: [], needsEni: false };
    const r = placeTask(xs, t, [], [{ type: 'spread', field: `attribute:${AZ}` }], lcg(1), {
      explain: false,
      groupValueCounts: { valueCounts: (attr) => (attr === AZ ? counts : undefined) },
    });
    expect(r).toEqual({ ok: true, instanceId: 'i-2' });
  });

  it('an attribute named like an Object method (constructor): instances without it count under one value, the one spread narrows by', () => {
    // i-1 has constructor=a with 1 web task; i-2 (2 tasks) and i-3 (0) have no such attribute,
    // so the "no value" group holds 2 tasks: spread(attribute:constructor) goes to value a (1 < 2), i-1.
    const xs = [inst('i-1', { attrs: { constructor: 'a' } }), inst('i-2'), inst('i-3')];
    xs[0].groupCounts.set('service:web', 1);
    xs[1].groupCounts.set('service:web', 2);
    const counts = groupCountsByValue(xs, 'service:web', 'constructor');
    expect(counts.get('a')).toBe(1);
    expect([...counts.keys()].every((k) => typeof k === 'string')).toBe(true);
    expect([...counts.values()].sort()).toEqual([1, 2]);
    const t: TaskRequirements = { group: 'service:web', cpu: 256, memory: 512, hostPorts: [], needsEni: false };
    const strategy: PlacementStrategy[] = [{ type: 'spread', field: 'attribute:constructor' }];
    const scan = placeTask(xs, t, [], strategy, lcg(1), { explain: false });
    const kept = placeTask(xs, t, [], strategy, lcg(1), { explain: false, groupValueCounts: { valueCounts: () => counts } });
    expect(scan).toEqual({ ok: true, instanceId: 'i-1' });
    expect(kept).toEqual(scan);
  });
});
