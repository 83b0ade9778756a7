// placeTask on hand-built clusters: the resource filter, constraints, each strategy, the
// defaults, tie-breaking and the unplaceable reason
// (AmazonECS/latest/developerguide/task-placement.html, task-placement-strategies.html).

import { describe, expect, it } from 'vitest';
import {
  compileConstraints,
  compileStrategies,
  defaultStrategies,
  describeUnplaceable,
  placeTask,
  QueryLanguageError,
  type PlacementStrategy,
} from '../../src/placement/index.js';
import { apply, fixedRng, inst, task } from './helpers.js';

const rng = fixedRng(0);

describe('step 1: resource filter', () => {
  it('skips instances that are not ACTIVE (DRAINING, REGISTERING, INACTIVE)', () => {
    const xs = [inst('i-1', { status: 'DRAINING' }), inst('i-2', { status: 'REGISTERING' }), inst('i-3', { status: 'INACTIVE' }), inst('i-4')];
    expect(placeTask(xs, task(), [], [], rng)).toEqual({ ok: true, instanceId: 'i-4' });
  });
  it('needs CPU and memory (an exact fit is a fit)', () => {
    const xs = [inst('i-1', { cpuRemaining: 255 }), inst('i-2', { memoryRemaining: 511 }), inst('i-3', { cpuRemaining: 256, memoryRemaining: 512 })];
    expect(placeTask(xs, task(), [], [], rng)).toEqual({ ok: true, instanceId: 'i-3' });
  });
  it('needs every static host port free', () => {
    const xs = [inst('i-1', { usedHostPorts: new Set([443]) }), inst('i-2', { usedHostPorts: new Set([8080]) })];
    expect(placeTask(xs, task({ hostPorts: [80, 443] }), [], [], rng)).toEqual({ ok: true, instanceId: 'i-2' });
  });
  it('awsvpc needs a free ENI', () => {
    const xs = [inst('i-1', { enisRemaining: 0 }), inst('i-2', { enisRemaining: 1 })];
    expect(placeTask(xs, task({ needsEni: true }), [], [], rng)).toEqual({ ok: true, instanceId: 'i-2' });
  });
});

describe('step 3: strategies', () => {
  it('binpack memory picks the least remaining memory that still fits', () => {
    const xs = [inst('i-1', { memoryRemaining: 4000 }), inst('i-2', { memoryRemaining: 600 }), inst('i-3', { memoryRemaining: 400 })];
    // i-3 cannot fit 512 MiB; of 4000 and 600, binpack takes 600.
    expect(placeTask(xs, task(), [], [{ type: 'binpack', field: 'memory' }], rng)).toEqual({ ok: true, instanceId: 'i-2' });
  });
  it('binpack cpu picks the least remaining CPU', () => {
    const xs = [inst('i-1', { cpuRemaining: 1024 }), inst('i-2', { cpuRemaining: 300 })];
    expect(placeTask(xs, task(), [], [{ type: 'binpack', field: 'cpu' }], rng)).toEqual({ ok: true, instanceId: 'i-2' });
  });
  it('binpack keeps every instance tied on the least remaining: the lowest id, or the next strategy, decides', () => {
    // memory: i-1 and i-2 tie at 600 (i-3 has more) -> lowest id i-1
    const mem = [inst('i-1', { memoryRemaining: 600 }), inst('i-2', { memoryRemaining: 600 }), inst('i-3', { memoryRemaining: 4000 })];
    expect(placeTask(mem, task(), [], [{ type: 'binpack', field: 'memory' }], rng)).toEqual({ ok: true, instanceId: 'i-1' });
    // cpu: i-1 and i-2 tie at 300 -> i-1
    const cpu = [inst('i-1', { cpuRemaining: 300 }), inst('i-2', { cpuRemaining: 300 }), inst('i-3', { cpuRemaining: 1024 })];
    expect(placeTask(cpu, task(), [], [{ type: 'binpack', field: 'cpu' }], rng)).toEqual({ ok: true, instanceId: 'i-1' });
    // three tie at 600; spread instanceId then takes the one with the fewest tasks of the group (i-2)
    const three = [
      inst('i-1', { memoryRemaining: 600, groupCounts: new Map([['service:web', 2]]) }),
      inst('i-2', { memoryRemaining: 600 }),
      inst('i-3', { memoryRemaining: 600, groupCounts: new Map([['service:web', 1]]) }),
      inst('i-4', { memoryRemaining: 4000 }),
    ];
    const strats: PlacementStrategy[] = [{ type: 'binpack', field: 'memory' }, { type: 'spread', field: 'instanceId' }];
    expect(placeTask(three, task(), [], strats, rng)).toEqual({ ok: true, instanceId: 'i-2' });
  });
  it('spread on AZ counts the group per AZ, including AZs with zero tasks', () => {
    const xs = [
      inst('i-1', { az: 'a', groupCounts: new Map([['service:web', 2]]) }),
      inst('i-2', { az: 'b', groupCounts: new Map([['service:web', 1]]) }),
      inst('i-3', { az: 'c', groupCounts: new Map([['service:other', 5]]) }),
    ];
    expect(placeTask(xs, task(), [], [{ type: 'spread', field: 'attribute:ecs.availability-zone' }], rng)).toEqual({ ok: true, instanceId: 'i-3' });
  });
  it('spread on AZ counts tasks on full instances of the AZ too (scope "cluster")', () => {
    // AZ a: 3 tasks on a full instance + an empty one; AZ b: 1 task. b has fewer -> i-3.
    const xs = [
      inst('i-1', { az: 'a', memoryRemaining: 0, groupCounts: new Map([['service:web', 3]]) }),
      inst('i-2', { az: 'a' }),
      inst('i-3', { az: 'b', groupCounts: new Map([['service:web', 1]]) }),
    ];
    const spreadAz: PlacementStrategy[] = [{ type: 'spread', field: 'attribute:ecs.availability-zone' }];
    expect(placeTask(xs, task(), [], spreadAz, rng)).toEqual({ ok: true, instanceId: 'i-3' });
    // Counting only candidates, a has 0 there (i-2), so a wins.
    expect(placeTask(xs, task(), [], spreadAz, rng, { spreadCountScope: 'candidates' })).toEqual({ ok: true, instanceId: 'i-2' });
  });
  it('spread instanceId picks the instance with the fewest tasks of the group', () => {
    const xs = [inst('i-1', { groupCounts: new Map([['service:web', 1]]) }), inst('i-2', { groupCounts: new Map([['service:web', 0], ['x', 9]]) })];
    expect(placeTask(xs, task(), [], [{ type: 'spread', field: 'instanceId' }], rng)).toEqual({ ok: true, instanceId: 'i-2' });
  });
  it('ties go to the next strategy, then to the lowest instance id', () => {
    const xs = [
      inst('i-9', { az: 'a', memoryRemaining: 1000 }),
      inst('i-5', { az: 'b', memoryRemaining: 1000 }),
      inst('i-7', { az: 'a', memoryRemaining: 800 }),
      inst('i-3', { az: 'b', memoryRemaining: 3000 }),
    ];
    const strats: PlacementStrategy[] = [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }];
    expect(placeTask(xs, task(), [], strats, rng)).toEqual({ ok: true, instanceId: 'i-7' }); // AZs tie at 0; binpack: 800
    expect(placeTask(xs, task(), [], [{ type: 'spread', field: 'attribute:ecs.availability-zone' }], rng)).toEqual({ ok: true, instanceId: 'i-3' });
  });
  it('random picks by the draw among the remaining candidates', () => {
    const xs = [inst('i-1'), inst('i-2'), inst('i-3'), inst('i-4')];
    // 4 candidates: draw 0.6 -> index floor(2.4) = 2 -> i-3 (candidates keep input order).
    expect(placeTask(xs, task(), [], [{ type: 'random' }], fixedRng(0.6))).toEqual({ ok: true, instanceId: 'i-3' });
    expect(placeTask(xs, task(), [], [{ type: 'random' }], fixedRng(0.99))).toEqual({ ok: true, instanceId: 'i-4' });
  });
  it('defaultStrategies: a service spreads AZ then instanceId', () => {
    expect(defaultStrategies()).toEqual([
      { type: 'spread', field: 'attribute:ecs.availability-zone' },
      { type: 'spread', field: 'instanceId' },
    ]);
    const xs = [inst('i-1', { az: 'a' }), inst('i-2', { az: 'b' }), inst('i-3', { az: 'a' })];
    const placed: string[] = [];
    for (let k = 0; k < 4; k++) {
      const r = placeTask(xs, task(), [], defaultStrategies(), rng);
      if (!r.ok) throw new Error(r.reason.message);
      placed.push(r.instanceId);
      apply(xs.find((x) => x.id === r.instanceId)!, task());
    }
    // a:0 b:0 -> tie; instanceId: all 0 -> lowest id i-1; then b (i-2); then a: i-3 (0 tasks) over i-1; then b again.
    expect(placed).toEqual(['i-1', 'i-2', 'i-3', 'i-2']);
  });
});

describe('step 2: constraints', () => {
  it('distinctInstance never puts two tasks of the group on one instance', () => {
    const xs = [inst('i-1', { groupCounts: new Map([['service:web', 1]]) }), inst('i-2')];
    expect(placeTask(xs, task(), [{ type: 'distinctInstance' }], [{ type: 'binpack', field: 'memory' }], rng)).toEqual({ ok: true, instanceId: 'i-2' });
  });
  it('memberOf is binding even when a strategy prefers another instance', () => {
    const xs = [inst('i-1', { type: 'c5.large', memoryRemaining: 600 }), inst('i-2', { type: 'm5.large' })];
    const r = placeTask(xs, task(), [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ m5.*' }], [{ type: 'binpack', field: 'memory' }], rng);
    expect(r).toEqual({ ok: true, instanceId: 'i-2' });
  });
  it('compileConstraints reports a bad expression with its path and position', () => {
    let err: unknown;
    try {
      compileConstraints([{ type: 'distinctInstance' }, { type: 'memberOf', expression: 'attribute:ecs.instance-type t3' }]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(QueryLanguageError);
    expect((err as QueryLanguageError).path).toBe('placementConstraints[1].expression');
    expect((err as QueryLanguageError).position).toBe(28);
  });
  it('rejects more than 10 constraints, more than 5 strategies, and bad fields', () => {
    expect(() => compileConstraints(Array.from({ length: 11 }, () => ({ type: 'distinctInstance' as const })))).toThrow(/at most 10/);
    expect(() => compileStrategies(Array.from({ length: 6 }, () => ({ type: 'random' as const })))).toThrow(/at most 5/);
    expect(() => compileStrategies([{ type: 'binpack', field: 'disk' as 'cpu' }])).toThrow(/"cpu" or "memory".*"disk"/);
    expect(() => compileStrategies([{ type: 'spread', field: 'zone' }])).toThrow(/attribute:NAME/);
  });
  it('a field on random and an expression on distinctInstance are said in the expected/found form, with what to do', () => {
    expect(() => compileStrategies([{ type: 'random', field: 'memory' } as never])).toThrow(
      /^placementStrategy\[0\]\.field: expected no field for random \(random places each task on an instance that fits, chosen at random; ECS does not use a field with it\), found "memory"; remove field, or use binpack or spread to place by a field$/,
    );
    expect(() => compileConstraints([{ type: 'distinctInstance', expression: 'attribute:tier == web' } as never])).toThrow(
      /^placementConstraints\[0\]\.expression: expected no expression for distinctInstance \(distinctInstance places each task on a different instance; ECS takes no expression with it\), found "attribute:tier == web"; remove expression, or use memberOf to place by one$/,
    );
  });
});

describe('unplaceable reason', () => {
  const t = task({ cpu: 512, memory: 1024 });
  const cons = [{ type: 'memberOf' as const, expression: 'attribute:ecs.instance-type =~ m5.*' }];
  const xs = [
    inst('i-01', { status: 'DRAINING' }), // INSTANCE_STATUS
    inst('i-02', { cpuRemaining: 256, memoryRemaining: 4096, az: 'us-east-1b' }), // lacks 256 CPU: 256/512 = 0.5
    inst('i-03', { cpuRemaining: 1024, memoryRemaining: 768, az: 'us-east-1a' }), // lacks 256 MiB: 256/1024 = 0.25
    inst('i-04', { cpuRemaining: 1024, memoryRemaining: 512, az: 'us-east-1c' }), // lacks 512 MiB: 0.5
    inst('i-05', { type: 'c5.large', cpuRemaining: 2048, memoryRemaining: 4096 }), // MemberOf
  ];
  it('counts each instance once, under the first step that rejected it, and names the closest', () => {
    const r = placeTask(xs, t, cons, [], rng);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason.instancesConsidered).toBe(5);
    expect(r.reason.rejections).toEqual([
      { reason: 'INSTANCE_STATUS', count: 1 },
      { reason: 'RESOURCE:CPU', count: 1 },
      { reason: 'RESOURCE:MEMORY', count: 2 },
      { reason: 'MemberOf', count: 1, detail: 'attribute:ecs.instance-type =~ m5.*' },
    ]);
    expect(r.reason.closest).toEqual({
      instanceId: 'i-03',
      availabilityZone: 'us-east-1a',
      lacks: { cpu: 0, memory: 256, ports: [], eni: 0, constraints: [] },
    });
    expect(r.reason.message).toBe(
      'no container instance met all requirements: 1 rejected for INSTANCE_STATUS (not ACTIVE), 1 for RESOURCE:CPU, ' +
        '2 for RESOURCE:MEMORY, 1 for memberOf constraint; closest i-03 (us-east-1a) lacks 256 MiB memory',
    );
  });
  it('counts ports, ENI and distinctInstance', () => {
    const ys = [
      inst('i-1', { usedHostPorts: new Set([80]) }),
      inst('i-2', { enisRemaining: 0 }),
      inst('i-3', { groupCounts: new Map([['service:web', 1]]) }),
    ];
    const r = placeTask(ys, task({ hostPorts: [80], needsEni: true }), [{ type: 'distinctInstance' }], [], rng);
    if (r.ok) throw new Error('expected no placement');
    expect(r.reason.rejections).toEqual([
      { reason: 'RESOURCE:PORTS', count: 1 },
      { reason: 'RESOURCE:ENI', count: 1 },
      { reason: 'DistinctInstance', count: 1 },
    ]);
    // i-3 lacks nothing but fails a constraint; i-1/i-2 pass the constraint and lack one resource each
    // (relative amounts 1/1 and 1): tie -> lowest id i-1.
    expect(r.reason.closest?.instanceId).toBe('i-1');
    expect(r.reason.message).toContain('closest i-1 (us-east-1a) lacks host port 80 (in use)');
  });
  it('says so clearly with no instances, or none ACTIVE', () => {
    const r = placeTask([], task(), [], [], rng);
    if (r.ok) throw new Error('expected no placement');
    expect(r.reason).toEqual({ instancesConsidered: 0, rejections: [], message: expect.stringContaining('no container instances are registered') });
    const s = placeTask([inst('i-1', { status: 'DRAINING' })], task(), [], [], rng);
    if (s.ok) throw new Error('expected no placement');
    expect(s.reason.message).toBe('no container instance met all requirements: 1 rejected for INSTANCE_STATUS (not ACTIVE); no container instance is ACTIVE');
    expect(s.reason.closest).toBeUndefined();
  });
  it("names the capacity provider when the instances are one provider's: another provider's may be registered", () => {
    expect(describeUnplaceable([], task(), [], 'spot').message).toBe('no container instance of capacity provider spot is registered, so no container instance can run the task');
    expect(describeUnplaceable([inst('i-1', { status: 'REGISTERING' })], task(), [], 'spot').message).toBe(
      'no container instance of capacity provider spot is registered yet (1 launching), so no container instance can run the task',
    );
  });
  it('does not count instances still launching as rejected: none registered yet, or named after the rest', () => {
    // REGISTERING = launched, not registered: not a container instance of the cluster yet
    const r = placeTask([inst('i-1', { status: 'REGISTERING' }), inst('i-2', { status: 'REGISTERING' })], task(), [], [], rng);
    if (r.ok) throw new Error('expected no placement');
    expect(r.reason).toEqual({
      instancesConsidered: 2,
      rejections: [],
      launching: 2,
      message: 'no container instance is registered in the cluster yet (2 launching), so no container instance can run the task',
    });
    const s = placeTask([inst('i-1', { status: 'REGISTERING' }), inst('i-2', { cpuRemaining: 128 })], task({ cpu: 512 }), [], [], rng);
    if (s.ok) throw new Error('expected no placement');
    expect(s.reason.rejections).toEqual([{ reason: 'RESOURCE:CPU', count: 1 }]);
    expect(s.reason.launching).toBe(1);
    // 512 - 128 = 384 CPU units short
    expect(s.reason.message).toBe('no container instance met all requirements: 1 rejected for RESOURCE:CPU; closest i-2 (us-east-1a) lacks 384 CPU units; 1 launching, not registered yet');
  });
});
