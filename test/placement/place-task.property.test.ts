// Properties of placeTask over random clusters, with tasks placed one after another and the
// instances updated after each placement (as the service scheduler will do):
// - never over-commits CPU, memory, host ports or ENIs, and fails only when nothing fits;
// - distinctInstance never co-locates two tasks of the group;
// - spread on AZ picks an AZ with the fewest tasks among those with room (so per-AZ counts stay
//   within 1 whenever capacity allows);
// - binpack (memory, cpu) picks an instance with the least remaining among those that fit, and
//   ties (made common by drawing from a small set of sizes) go to the lowest instance id;
// - memberOf placements satisfy the expression, checked by an independent evaluator below.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression, evaluate, parseExpression, placeTask, type PlacementConstraint, type PlacementStrategy, type TaskRequirements } from '../../src/placement/index.js';
import { apply, fits, inst, lcg, type MutableInstance } from './helpers.js';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const TYPES = ['m5.large', 'c5.large', 't3.micro'];
const TIERS = ['web', 'batch'];
const PORTS = [80, 443, 8080];

const instanceArb = fc.record({
  az: fc.constantFrom(...AZS),
  type: fc.constantFrom(...TYPES),
  tier: fc.option(fc.constantFrom(...TIERS), { nil: undefined }),
  status: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'DRAINING', 'REGISTERING'),
  cpu: fc.integer({ min: 0, max: 4096 }),
  mem: fc.integer({ min: 0, max: 8192 }),
  enis: fc.integer({ min: 0, max: 3 }),
  ports: fc.subarray(PORTS),
});

type InstanceSpec = typeof instanceArb extends fc.Arbitrary<infer T> ? T : never;

function build(specs: InstanceSpec[]): MutableInstance[] {
  return specs.map((s, i) =>
    inst(`i-${String(i).padStart(4, '0')}`, {
      az: s.az,
      type: s.type,
      attrs: s.tier ? { tier: s.tier } : {},
      status: s.status as MutableInstance['status'],
      cpuRemaining: s.cpu,
      memoryRemaining: s.mem,
      enisRemaining: s.enis,
      usedHostPorts: new Set(s.ports),
    }),
  );
}

const taskArb = fc.record({
  group: fc.constantFrom('service:web', 'service:api'),
  cpu: fc.constantFrom(0, 128, 256, 512, 1024),
  memory: fc.constantFrom(128, 256, 512, 1024, 2048),
  hostPorts: fc.constantFrom<number[]>([], [], [80], [8080], [80, 443]),
  needsEni: fc.boolean(),
});

const strategyArb: fc.Arbitrary<PlacementStrategy> = fc.constantFrom<PlacementStrategy>(
  { type: 'binpack', field: 'cpu' },
  { type: 'binpack', field: 'memory' },
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
  { type: 'spread', field: 'attribute:tier' },
  { type: 'random' },
);

/** Places `tasks` in order; returns [task, chosen instance or undefined] per task. */
function placeAll(
  xs: MutableInstance[],
  tasks: TaskRequirements[],
  cons: PlacementConstraint[],
  strats: PlacementStrategy[],
  seed: number,
  check: (t: TaskRequirements, chosen: MutableInstance | undefined, before: MutableInstance[]) => void,
): void {
  const rng = lcg(seed);
  for (const t of tasks) {
    const r = placeTask(xs, t, cons, strats, rng);
    const chosen = r.ok ? xs.find((x) => x.id === r.instanceId) : undefined;
    if (r.ok) expect(chosen).toBeDefined();
    check(t, chosen, xs);
    if (chosen) apply(chosen, t);
  }
}

const RUNS = { numRuns: 150 };

describe('placeTask properties', () => {
  it('never over-commits CPU, memory, ports or ENIs; fails only when no instance fits (AWS step 1)', () => {
    fc.assert(
      fc.property(fc.array(instanceArb, { minLength: 0, maxLength: 10 }), fc.array(taskArb, { maxLength: 30 }), fc.array(strategyArb, { maxLength: 3 }), fc.nat(), (specs, tasks, strats, seed) => {
        const xs = build(specs);
        placeAll(xs, tasks, [], strats, seed, (t, chosen) => {
          if (chosen) expect(fits(chosen, t)).toBe(true);
          else expect(xs.some((x) => fits(x, t))).toBe(false);
        });
        for (const x of xs) {
          expect(x.cpuRemaining).toBeGreaterThanOrEqual(0);
          expect(x.memoryRemaining).toBeGreaterThanOrEqual(0);
          expect(x.enisRemaining).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  it('distinctInstance never co-locates two tasks of a group', () => {
    fc.assert(
      fc.property(fc.array(instanceArb, { minLength: 1, maxLength: 10 }), fc.array(taskArb, { maxLength: 30 }), fc.array(strategyArb, { maxLength: 3 }), fc.nat(), (specs, tasks, strats, seed) => {
        const xs = build(specs);
        placeAll(xs, tasks, [{ type: 'distinctInstance' }], strats, seed, (t, chosen) => {
          if (chosen) expect(chosen.groupCounts.get(t.group) ?? 0).toBe(0);
          else expect(xs.some((x) => fits(x, t) && (x.groupCounts.get(t.group) ?? 0) === 0)).toBe(false);
        });
      }),
      RUNS,
    );
  });

  it('spread on AZ chooses an AZ with the fewest tasks of the group among AZs with room', () => {
    fc.assert(
      fc.property(fc.array(instanceArb, { minLength: 1, maxLength: 10 }), fc.array(taskArb, { maxLength: 30 }), fc.nat(), (specs, tasks, seed) => {
        const xs = build(specs);
        placeAll(xs, tasks, [], [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }], seed, (t, chosen) => {
          if (!chosen) return;
          const perAz = (az: string) =>
            xs.filter((x) => x.status === 'ACTIVE' && x.attributes['ecs.availability-zone'] === az).reduce((n, x) => n + (x.groupCounts.get(t.group) ?? 0), 0);
          const roomy = AZS.filter((az) => xs.some((x) => x.attributes['ecs.availability-zone'] === az && fits(x, t)));
          const min = Math.min(...roomy.map(perAz));
          expect(perAz(chosen.attributes['ecs.availability-zone'])).toBe(min);
          // ...and then binpack within the AZs that tie at that minimum.
          const tied = xs.filter((x) => fits(x, t) && perAz(x.attributes['ecs.availability-zone']) === min);
          expect(chosen.memoryRemaining).toBe(Math.min(...tied.map((x) => x.memoryRemaining)));
        });
      }),
      RUNS,
    );
  });

  it('spread on AZ keeps per-AZ counts within 1 when every AZ has room', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 60 }), fc.nat(), (perAz, n, seed) => {
        const xs: MutableInstance[] = [];
        AZS.forEach((az, a) => {
          for (let k = 0; k < perAz; k++) xs.push(inst(`i-${a}${k}`, { az, cpuRemaining: 1e6, memoryRemaining: 1e6 }));
        });
        const t: TaskRequirements = { group: 'service:web', cpu: 256, memory: 512, hostPorts: [], needsEni: false };
        const counts = new Map(AZS.map((az) => [az, 0]));
        placeAll(xs, Array.from({ length: n }, () => t), [], [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'random' }], seed, (_, chosen) => {
          const az = chosen!.attributes['ecs.availability-zone'];
          counts.set(az, counts.get(az)! + 1);
          const c = [...counts.values()];
          expect(Math.max(...c) - Math.min(...c)).toBeLessThanOrEqual(1);
        });
      }),
      RUNS,
    );
  });

  // CPU and memory of instances and tasks from a small set (and few host ports), so that ties
  // on the binpack field are common and the lowest-id tie-break is exercised (counted below).
  const tieInstanceArb = instanceArb.chain((s) =>
    fc
      .record({ cpu: fc.constantFrom(0, 512, 1024, 2048), mem: fc.constantFrom(0, 512, 1024, 2048), ports: fc.constantFrom<number[]>([], [], [], [443]) })
      .map((r) => ({ ...s, ...r })),
  );
  const tieTaskArb = taskArb.chain((t) =>
    fc.record({ cpu: fc.constantFrom(0, 512, 1024), memory: fc.constantFrom(512, 1024), hostPorts: fc.constantFrom<number[]>([], [], [], [443]) }).map((r) => ({ ...t, ...r })),
  );
  for (const field of ['memory', 'cpu'] as const) {
    it(`binpack ${field} picks an instance with the least remaining ${field} among those that fit; ties: lowest instance id`, () => {
      const remaining = (x: MutableInstance) => (field === 'cpu' ? x.cpuRemaining : x.memoryRemaining);
      let ties = 0;
      fc.assert(
        fc.property(fc.array(tieInstanceArb, { minLength: 1, maxLength: 10 }), fc.array(tieTaskArb, { maxLength: 30 }), fc.nat(), (specs, tasks, seed) => {
          const xs = build(specs);
          placeAll(xs, tasks, [], [{ type: 'binpack', field }], seed, (t, chosen) => {
            if (!chosen) return;
            const fitting = xs.filter((x) => fits(x, t));
            expect(remaining(chosen)).toBe(Math.min(...fitting.map(remaining)));
            // remaining ties: lowest instance id
            const tied = fitting.filter((x) => remaining(x) === remaining(chosen)).map((x) => x.id).sort();
            if (tied.length > 1) ties++;
            expect(chosen.id).toBe(tied[0]);
          });
        }),
        RUNS,
      );
      expect(ties).toBeGreaterThan(20);
    });
  }
});

// --- memberOf, checked by an independent evaluator over a restricted expression form ---

type TestExpr =
  | { op: '==' | '!='; key: string; value: string }
  | { op: 'in' | 'not_in'; key: string; values: string[] }
  | { op: 'exists'; key: string }
  | { op: 'and' | 'or'; l: TestExpr; r: TestExpr }
  | { op: 'not'; e: TestExpr };

const KEYS: Record<string, string[]> = { 'ecs.availability-zone': AZS, 'ecs.instance-type': TYPES, tier: TIERS };

const leafArb: fc.Arbitrary<TestExpr> = fc.constantFrom(...Object.keys(KEYS)).chain((key) =>
  fc.oneof(
    fc.record({ op: fc.constantFrom<'==' | '!='>('==', '!='), key: fc.constant(key), value: fc.constantFrom(...KEYS[key]) }),
    fc.record({ op: fc.constantFrom<'in' | 'not_in'>('in', 'not_in'), key: fc.constant(key), values: fc.subarray(KEYS[key], { minLength: 1 }) }),
    fc.record({ op: fc.constant<'exists'>('exists'), key: fc.constant(key) }),
  ),
);

const exprArb: fc.Arbitrary<TestExpr> = fc.letrec<{ e: TestExpr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.record({ op: fc.constantFrom<'and' | 'or'>('and', 'or'), l: tie('e'), r: tie('e') }),
    fc.record({ op: fc.constant<'not'>('not'), e: tie('e') }),
  ),
})).e;

/** Renders fully parenthesised, alternating the two spellings of each operator. */
function render(e: TestExpr, alt = false): string {
  switch (e.op) {
    case '==':
    case '!=':
      return `attribute:${e.key} ${alt ? (e.op === '==' ? 'equals' : 'not_equals') : e.op} ${e.value}`;
    case 'in':
    case 'not_in':
      return `attribute:${e.key} ${e.op} [${e.values.join(', ')}]`;
    case 'exists':
      return `attribute:${e.key} exists`;
    case 'and':
      return `(${render(e.l, !alt)}) ${alt ? '&&' : 'and'} (${render(e.r, !alt)})`;
    case 'or':
      return `(${render(e.l, !alt)}) ${alt ? '||' : 'or'} (${render(e.r, !alt)})`;
    case 'not':
      return `${alt ? '!' : 'not '}(${render(e.e, !alt)})`;
  }
}

/** The independent evaluator: a missing attribute is unequal to everything and exists is false. */
function holds(e: TestExpr, attrs: Readonly<Record<string, string>>): boolean {
  switch (e.op) {
    case '==':
      return attrs[e.key] === e.value;
    case '!=':
      return attrs[e.key] !== e.value;
    case 'in':
      return e.key in attrs && e.values.includes(attrs[e.key]);
    case 'not_in':
      return !(e.key in attrs && e.values.includes(attrs[e.key]));
    case 'exists':
      return e.key in attrs;
    case 'and':
      return holds(e.l, attrs) && holds(e.r, attrs);
    case 'or':
      return holds(e.l, attrs) || holds(e.r, attrs);
    case 'not':
      return !holds(e.e, attrs);
  }
}

describe('memberOf properties', () => {
  it('every placement satisfies the expression; no placement only when no fitting instance does', () => {
    fc.assert(
      fc.property(fc.array(instanceArb, { minLength: 1, maxLength: 10 }), fc.array(taskArb, { maxLength: 20 }), exprArb, fc.array(strategyArb, { maxLength: 2 }), fc.nat(), (specs, tasks, expr, strats, seed) => {
        const xs = build(specs);
        const text = render(expr);
        placeAll(xs, tasks, [{ type: 'memberOf', expression: text }], strats, seed, (t, chosen) => {
          if (chosen) expect(holds(expr, chosen.attributes)).toBe(true);
          else expect(xs.some((x) => fits(x, t) && holds(expr, x.attributes))).toBe(false);
        });
      }),
      RUNS,
    );
  });
});

describe('query language agrees with the independent evaluator', () => {
  it('evaluate and compileExpression both equal holds() on generated expressions', () => {
    fc.assert(
      fc.property(exprArb, fc.array(instanceArb, { minLength: 1, maxLength: 6 }), (expr, specs) => {
        const parsed = parseExpression(render(expr, true));
        const f = compileExpression(parsed);
        for (const x of build(specs)) {
          expect(evaluate(parsed, x)).toBe(holds(expr, x.attributes));
          expect(f(x)).toBe(holds(expr, x.attributes));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('unplaceable reasons', () => {
  it('count every instance exactly once, and the closest is ACTIVE and really lacks something', () => {
    fc.assert(
      fc.property(fc.array(instanceArb, { maxLength: 10 }), taskArb, fc.option(exprArb, { nil: undefined }), fc.boolean(), (specs, t, expr, distinct) => {
        const xs = build(specs).map((x, i) => (i % 2 === 0 ? x : Object.assign(x, { groupCounts: new Map([[t.group, 1]]) })));
        const cons: PlacementConstraint[] = [];
        if (distinct) cons.push({ type: 'distinctInstance' });
        if (expr) cons.push({ type: 'memberOf', expression: render(expr) });
        const r = placeTask(xs, t, cons, [], lcg(1));
        if (r.ok) return;
        // instances still launching are named apart, not rejected
        const launching = xs.filter((x) => x.status === 'REGISTERING').length;
        expect(r.reason.rejections.reduce((n, x) => n + x.count, 0)).toBe(xs.length - launching);
        expect(r.reason.launching ?? 0).toBe(launching);
        expect(r.reason.instancesConsidered).toBe(xs.length);
        const active = xs.filter((x) => x.status === 'ACTIVE');
        if (active.length === 0) expect(r.reason.closest).toBeUndefined();
        else {
          const c = r.reason.closest!;
          const x = active.find((a) => a.id === c.instanceId)!;
          expect(x).toBeDefined();
          const l = c.lacks;
          expect(l.cpu + l.memory + l.ports.length + l.eni + l.constraints.length).toBeGreaterThan(0);
          expect(l.memory).toBe(Math.max(0, t.memory - x.memoryRemaining));
          expect(l.cpu).toBe(Math.max(0, t.cpu - x.cpuRemaining));
          // An instance that passes every constraint beats one that does not.
          const passesAll = (a: MutableInstance) =>
            (!distinct || (a.groupCounts.get(t.group) ?? 0) === 0) && (!expr || holds(expr, a.attributes));
          if (active.some(passesAll)) expect(l.constraints).toEqual([]);
        }
      }),
      RUNS,
    );
  });
});

describe('determinism', () => {
  it('the same cluster, tasks and seed give the same placements', () => {
    fc.assert(
      fc.property(fc.array(instanceArb, { minLength: 1, maxLength: 8 }), fc.array(taskArb, { maxLength: 20 }), fc.array(strategyArb, { maxLength: 3 }), fc.nat(), (specs, tasks, strats, seed) => {
        const run = () => {
          const xs = build(specs);
          const out: (string | undefined)[] = [];
          placeAll(xs, tasks, [], strats, seed, (_, c) => out.push(c?.id));
          return out;
        };
        expect(run()).toEqual(run());
      }),
      { numRuns: 50 },
    );
  });
});
