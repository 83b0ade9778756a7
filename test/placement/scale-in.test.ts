// Which tasks a service stops on scale in (AmazonECS/latest/developerguide/ecs_services.html,
// task-placement-strategies.html), and the Fargate AZ choice (task-placement.html, Fargate).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseTaskIndicesToStop, chooseTasksToStop, spreadFargateTask, type RunningTaskRef } from '../../src/placement/index.js';
import { fixedRng, inst, lcg } from './helpers.js';

const ref = (taskId: string, availabilityZone: string, instanceId?: string, memory = 512): RunningTaskRef =>
  instanceId === undefined ? { taskId, availabilityZone, memory } : { taskId, availabilityZone, instanceId, memory };

describe('chooseTasksToStop', () => {
  const tasks = [
    ref('t1', 'a', 'i-1'),
    ref('t2', 'a', 'i-1'),
    ref('t3', 'a', 'i-2'),
    ref('t4', 'b', 'i-3'),
    ref('t5', 'c', 'i-4'),
    ref('t6', 'c', 'i-4'),
  ];
  const instances = [inst('i-1', { az: 'a' }), inst('i-2', { az: 'a' }), inst('i-3', { az: 'b' }), inst('i-4', { az: 'c' })];

  it('no strategy: the AZ with the most tasks, then the instance with the most tasks of the service there', () => {
    // a:3 b:1 c:2 -> a; in a, i-1 runs 2, i-2 runs 1 -> t1 or t2; draw 0 -> t1.
    expect(chooseTasksToStop(tasks, 1, [], instances, fixedRng(0))).toEqual(['t1']);
    // then a:2 b:1 c:2 -> a or c; instances i-1:1, i-2:1, i-4:2 -> t5/t6 -> t5;
    // then a:2 b:1 c:1 -> a; i-1:1, i-2:1 tie -> draw 0 -> t2. Ends a:1 b:1 c:1.
    expect(chooseTasksToStop(tasks, 3, [], instances, fixedRng(0))).toEqual(['t1', 't5', 't2']);
    // the same choice as positions in the list
    expect(chooseTaskIndicesToStop(tasks, 3, [], instances, fixedRng(0))).toEqual([0, 4, 1]);
  });

  it("a pool's AZ counts include the service's other tasks (othersByAz): one capacity provider's pool balances the whole service", () => {
    const pool = [ref('p1', 'a', 'i-1'), ref('p2', 'b', 'i-2')];
    const hosts = [inst('i-1', { az: 'a' }), inst('i-2', { az: 'b' })];
    const spreadAz = [{ type: 'spread' as const, field: 'attribute:ecs.availability-zone' }];
    // alone: a:1 b:1 tie, draw 0.99 -> the second, p2
    expect(chooseTasksToStop(pool, 1, spreadAz, hosts, fixedRng(0.99))).toEqual(['p2']);
    // with the other provider's tasks a:1 c:1 -> a:2 b:1 -> p1 whatever the draw
    expect(chooseTasksToStop(pool, 1, spreadAz, hosts, fixedRng(0.99), new Map([['a', 1], ['c', 1]]))).toEqual(['p1']);
    // no strategy (AZ balance) too; others b:2 -> a:1 b:3 -> p2 whatever the draw
    expect(chooseTasksToStop(pool, 1, [], hosts, fixedRng(0), new Map([['b', 2]]))).toEqual(['p2']);
  });

  it('spread on an attribute stops from the value with the most tasks', () => {
    const racks = [inst('i-1', { attrs: { rack: 'r1' } }), inst('i-2', { attrs: { rack: 'r2' } })];
    const ts = [ref('x1', 'a', 'i-1'), ref('x2', 'b', 'i-2'), ref('x3', 'c', 'i-2')];
    // r1:1, r2:2 -> x2 or x3; draw 0.99 -> the second, x3.
    expect(chooseTasksToStop(ts, 1, [{ type: 'spread', field: 'attribute:rack' }], racks, fixedRng(0.99))).toEqual(['x3']);
  });

  it('spread on instanceId keeps the AZs balanced first ("maintain a balance across Availability Zones"), then spreads over instances', () => {
    // a: i-1 runs u1 u2 u3; b: i-2 runs v1 v2, i-3 w1 w2, i-4 x1 x2 (a:3, b:6). Draws 0 (the first candidate).
    const xs = [inst('i-1', { az: 'a' }), inst('i-2', { az: 'b' }), inst('i-3', { az: 'b' }), inst('i-4', { az: 'b' })];
    const ts = [
      ref('u1', 'a', 'i-1'), ref('u2', 'a', 'i-1'), ref('u3', 'a', 'i-1'),
      ref('v1', 'b', 'i-2'), ref('v2', 'b', 'i-2'), ref('w1', 'b', 'i-3'), ref('w2', 'b', 'i-3'), ref('x1', 'b', 'i-4'), ref('x2', 'b', 'i-4'),
    ];
    // 1: b (6) -> i-2, i-3, i-4 all 2 -> v1; 2: b (5) -> i-3, i-4 (2) -> w1; 3: b (4) -> i-4 (2) -> x1;
    // 4: a 3, b 3 -> all; i-1 runs 3 -> u1. (Spread on instanceId alone took u1, u2 from a first.)
    expect(chooseTasksToStop(ts, 4, [{ type: 'spread', field: 'instanceId' }], xs, fixedRng(0))).toEqual(['v1', 'w1', 'x1', 'u1']);
  });

  it('spread on a custom attribute keeps the AZs balanced first, then spreads over its values', () => {
    // a: i-1 (tier x) runs u1 u2 u3; b: i-2 (tier y) v1 v2, i-3 (tier z) w1 w2 (a:3, b:4).
    const xs = [inst('i-1', { az: 'a', attrs: { tier: 'x' } }), inst('i-2', { az: 'b', attrs: { tier: 'y' } }), inst('i-3', { az: 'b', attrs: { tier: 'z' } })];
    const ts = [ref('u1', 'a', 'i-1'), ref('u2', 'a', 'i-1'), ref('u3', 'a', 'i-1'), ref('v1', 'b', 'i-2'), ref('v2', 'b', 'i-2'), ref('w1', 'b', 'i-3'), ref('w2', 'b', 'i-3')];
    // 1: b (4) -> y 2, z 2 -> v1 (tier x alone, 3 tasks, would take u1); 2: a 3, b 3 -> x (3) -> u1.
    expect(chooseTasksToStop(ts, 2, [{ type: 'spread', field: 'attribute:tier' }], xs, fixedRng(0))).toEqual(['v1', 'u1']);
  });

  it('binpack memory stops the task whose instance would have the most free memory after it stops', () => {
    const xs = [inst('i-1', { memoryRemaining: 1000 }), inst('i-2', { memoryRemaining: 1200 })];
    const ts = [ref('a1', 'a', 'i-1'), ref('a2', 'a', 'i-1'), ref('b1', 'a', 'i-2'), ref('b2', 'a', 'i-2')];
    // round 1: i-1 1000+512 = 1512, i-2 1200+512 = 1712 -> b1/b2 -> draw 0 -> b1.
    // round 2: i-1 1512, i-2 1200+512+512 = 2224 -> b2 (the instance empties).
    expect(chooseTasksToStop(ts, 2, [{ type: 'binpack', field: 'memory' }], xs, fixedRng(0))).toEqual(['b1', 'b2']);
  });

  it('binpack first, then spread on instanceId: binpack decides (the spread only breaks its ties), AZ balance not put first', () => {
    // a: i-1 runs a1..a4 (1000 MiB free); b: i-2 runs b1 b2 (1200 MiB free). AZs a:4, b:2.
    const xs = [inst('i-1', { az: 'a', memoryRemaining: 1000 }), inst('i-2', { az: 'b', memoryRemaining: 1200 })];
    const ts = [ref('a1', 'a', 'i-1'), ref('a2', 'a', 'i-1'), ref('a3', 'a', 'i-1'), ref('a4', 'a', 'i-1'), ref('b1', 'b', 'i-2'), ref('b2', 'b', 'i-2')];
    const binpack = { type: 'binpack' as const, field: 'memory' as const };
    const spread = { type: 'spread' as const, field: 'instanceId' };
    // 1: i-1 1000+512 = 1512, i-2 1200+512 = 1712 -> b1; 2: i-1 1512, i-2 2224 -> b2 (i-2 empties).
    // (With the AZ balance first, as for a plan starting with a spread, a1 and a2 would go.)
    expect(chooseTasksToStop(ts, 2, [binpack, spread], xs, fixedRng(0))).toEqual(['b1', 'b2']);
    // a plan starting with the spread keeps the AZs balanced first: a (4) -> a1, then a (3) -> a2
    expect(chooseTasksToStop(ts, 2, [spread, binpack], xs, fixedRng(0))).toEqual(['a1', 'a2']);
  });

  it('Fargate tasks (no instance) are balanced across AZs whatever the strategies', () => {
    const ts = [ref('f1', 'a'), ref('f2', 'a'), ref('f3', 'b')];
    expect(chooseTasksToStop(ts, 1, [{ type: 'binpack', field: 'memory' }], [], fixedRng(0.99))).toEqual(['f2']);
  });

  it('stops at most all tasks, none for count 0', () => {
    expect(chooseTasksToStop(tasks, 0, [], instances, fixedRng(0))).toEqual([]);
    expect(chooseTasksToStop(tasks, 99, [], instances, lcg(3)).sort()).toEqual(['t1', 't2', 't3', 't4', 't5', 't6']);
  });

  it('property: each stop comes from an AZ with the most tasks at that moment (AZ balance kept)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ az: fc.constantFrom('a', 'b', 'c'), on: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }) }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.boolean(),
        fc.nat(),
        (specs, count, withSpreadStrategy, seed) => {
          const ts = specs.map((s, i) => ref(`t${i}`, s.az, s.on === undefined ? undefined : `i-${s.az}${s.on}`));
          const xs = specs.filter((s) => s.on !== undefined).map((s) => inst(`i-${s.az}${s.on}`, { az: s.az }));
          const strats = withSpreadStrategy ? [{ type: 'spread' as const, field: 'attribute:ecs.availability-zone' }] : [];
          const out = chooseTasksToStop(ts, count, strats, xs, lcg(seed));
          expect(out.length).toBe(Math.min(count, ts.length));
          expect(new Set(out).size).toBe(out.length);
          let left = ts.slice();
          for (const id of out) {
            const per = (az: string) => left.filter((t) => t.availabilityZone === az).length;
            const t = left.find((x) => x.taskId === id)!;
            expect(per(t.availabilityZone)).toBe(Math.max(per('a'), per('b'), per('c')));
            left = left.filter((x) => x.taskId !== id);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is deterministic given the rng', () => {
    expect(chooseTasksToStop(tasks, 4, [], instances, lcg(7))).toEqual(chooseTasksToStop(tasks, 4, [], instances, lcg(7)));
  });
});

describe('spreadFargateTask', () => {
  it('chooses the AZ with the fewest tasks of the service (absent = 0)', () => {
    expect(spreadFargateTask(new Map([['a', 2], ['c', 1]]), ['a', 'b', 'c'], fixedRng(0))).toBe('b');
  });
  it('breaks ties with one draw, in the given AZ order', () => {
    const counts = new Map([['a', 1], ['b', 1], ['c', 1]]);
    expect(spreadFargateTask(counts, ['a', 'b', 'c'], fixedRng(0.5))).toBe('b'); // floor(0.5 * 3) = 1
    expect(spreadFargateTask(counts, ['a', 'b', 'c'], fixedRng(0.99))).toBe('c');
  });
  it('rejects an empty AZ list', () => {
    expect(() => spreadFargateTask(new Map(), [], fixedRng(0))).toThrow(/at least one Availability Zone/);
  });
});
