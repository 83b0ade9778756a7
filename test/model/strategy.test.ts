import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  chooseProvider,
  chooseProviderToScaleIn,
  providerPreference,
  splitTasks,
  type CapacityProviderStrategyItem,
} from '../../src/model/capacity/index.js';

const obj = (m: Map<string, number>) => Object.fromEntries(m);

describe('capacity provider strategy split (§7: base first, then weight)', () => {
  const example = [
    { capacityProvider: 'A', base: 2, weight: 1 },
    { capacityProvider: 'B', weight: 3 },
  ];

  it('§7 example: base 2 on A, weight 1 on A and 3 on B, 10 tasks -> A 2 + 2, B 6', () => {
    expect(obj(splitTasks(example, 10))).toEqual({ A: 4, B: 6 });
  });

  // Hand-computed: base first; the rest proportional to weight, rounded to nearest, ties to the first listed.
  it.each<[string, CapacityProviderStrategyItem[], number, Record<string, number>]>([
    ['FARGATE 1 : FARGATE_SPOT 4, 10 tasks -> 2 : 8', [{ capacityProvider: 'FARGATE', weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 4 }], 10, { FARGATE: 2, FARGATE_SPOT: 8 }],
    ['equal weights, odd count: the extra task to the first listed', [{ capacityProvider: 'A', weight: 1 }, { capacityProvider: 'B', weight: 1 }], 5, { A: 3, B: 2 }],
    ['fewer tasks than base: all on the base provider', [{ capacityProvider: 'A', base: 5, weight: 1 }, { capacityProvider: 'B', weight: 1 }], 3, { A: 3, B: 0 }],
    ['base on a weight-0 provider: the rest go by weight elsewhere', [{ capacityProvider: 'A', base: 3, weight: 0 }, { capacityProvider: 'B', weight: 1 }], 5, { A: 3, B: 2 }],
    ['2 : 1 over 4 tasks: ideal 2.67 : 1.33 -> 3 : 1', [{ capacityProvider: 'A', weight: 2 }, { capacityProvider: 'B', weight: 1 }], 4, { A: 3, B: 1 }],
    ['three equal weights, 7 tasks -> 3, 2, 2', [{ capacityProvider: 'A', weight: 1 }, { capacityProvider: 'B', weight: 1 }, { capacityProvider: 'C', weight: 1 }], 7, { A: 3, B: 2, C: 2 }],
    ['base 1 then 1 : 1 over 100 tasks -> 1 + 50, 49... ties to first', [{ capacityProvider: 'A', base: 1, weight: 1 }, { capacityProvider: 'B', weight: 1 }], 100, { A: 51, B: 49 }],
    ['zero tasks', example, 0, { A: 0, B: 0 }],
    // rest 6 by weight / (k + 0.5): SPOT 6, then FARGATE 2 and SPOT 2 (tie: FARGATE listed first), SPOT 1.2, SPOT 0.86,
    // then FARGATE 0.67 and SPOT 0.67 (tie: FARGATE) -> FARGATE 2 + 2, SPOT 4 (not the 3 : 5 of rounding 6 x 1/4 down)
    ['FARGATE base 2 weight 1, FARGATE_SPOT weight 3, 8 tasks -> 4 : 4', [{ capacityProvider: 'FARGATE', base: 2, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 3 }], 8, { FARGATE: 4, FARGATE_SPOT: 4 }],
  ])('%s', (_name, strategy, n, expected) => {
    expect(obj(splitTasks(strategy, n))).toEqual(expected);
  });

  it('the next task of the §7 example, from A 4 B 5, goes to B (B below its 3/4 share)', () => {
    expect(chooseProvider(example, new Map([['A', 4], ['B', 5]]))).toBe('B');
    expect(chooseProvider(example, new Map([['A', 1], ['B', 9]]))).toBe('A'); // base not met yet
  });

  const strategies = fc
    .array(fc.record({ weight: fc.integer({ min: 0, max: 8 }), base: fc.integer({ min: 0, max: 6 }) }), { minLength: 1, maxLength: 6 })
    .chain((items) => fc.tuple(fc.constant(items), fc.integer({ min: -1, max: items.length - 1 })))
    .map(([items, baseAt]) =>
      items.map((it, i) => ({ capacityProvider: `p${i}`, weight: i === 0 ? Math.max(1, it.weight) : it.weight, base: i === baseAt ? it.base : 0 })),
    );

  it('property: assigning tasks one by one with chooseProvider ends at splitTasks', () => {
    fc.assert(
      fc.property(strategies, fc.integer({ min: 0, max: 60 }), (strategy, n) => {
        const counts = new Map<string, number>();
        for (let k = 0; k < n; k++) {
          const p = chooseProvider(strategy, counts);
          counts.set(p, (counts.get(p) ?? 0) + 1);
        }
        const split = splitTasks(strategy, n);
        for (const s of strategy) expect(counts.get(s.capacityProvider) ?? 0).toBe(split.get(s.capacityProvider));
      }),
      { numRuns: 300 },
    );
  });

  it('property: scale in from splitTasks(n) lands on splitTasks(n - 1)', () => {
    fc.assert(
      fc.property(strategies, fc.integer({ min: 1, max: 60 }), (strategy, n) => {
        const counts = splitTasks(strategy, n);
        const p = chooseProviderToScaleIn(strategy, counts)!;
        counts.set(p, counts.get(p)! - 1);
        expect(obj(counts)).toEqual(obj(splitTasks(strategy, n - 1)));
      }),
      { numRuns: 300 },
    );
  });

  it('providerPreference: a provider below its base, then the weighted ones by weight / (excess + 0.5), ties to the first listed', () => {
    // A 4 (excess 2: 1/2.5 = 0.4), B 5 (3/5.5 = 0.55): B, then A
    expect(providerPreference(example, new Map([['A', 4], ['B', 5]]))).toEqual(['B', 'A']);
    // A below its base 2: A first
    expect(providerPreference(example, new Map([['A', 1], ['B', 9]]))).toEqual(['A', 'B']);
    // equal weights and excess: the first listed first
    expect(providerPreference([{ capacityProvider: 'od', base: 2, weight: 1 }, { capacityProvider: 'sp', weight: 1 }], new Map([['od', 5], ['sp', 3]]))).toEqual(['od', 'sp']);
    // a weight-0 provider at its base takes no more tasks: not listed
    expect(providerPreference([{ capacityProvider: 'A', base: 3, weight: 0 }, { capacityProvider: 'B', weight: 1 }], new Map([['A', 3], ['B', 1]]))).toEqual(['B']);
    // no weight anywhere (an invalid strategy, as chooseProvider says) and every base met: its
    // fallback alone, the provider with a base (tasks beyond it stay there), never an empty list
    expect(providerPreference([{ capacityProvider: 'B', weight: 0 }, { capacityProvider: 'A', base: 3, weight: 0 }], new Map([['A', 3]]))).toEqual(['A']);
  });

  it('property: providerPreference starts with chooseProvider\'s choice and lists each provider at most once', () => {
    fc.assert(
      fc.property(strategies, fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 6, maxLength: 6 }), (strategy, ns) => {
        const counts = new Map(strategy.map((s, i) => [s.capacityProvider, ns[i]]));
        const order = providerPreference(strategy, counts);
        expect(order[0]).toBe(chooseProvider(strategy, counts));
        expect(new Set(order).size).toBe(order.length);
      }),
      { numRuns: 300 },
    );
  });

  it('scale in takes tasks on providers outside the strategy first, and returns null with no tasks', () => {
    expect(chooseProviderToScaleIn(example, new Map([['A', 4], ['B', 6], ['OLD', 1]]))).toBe('OLD');
    expect(chooseProviderToScaleIn(example, new Map())).toBeNull();
  });
});

