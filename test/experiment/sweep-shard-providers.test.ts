import { describe, expect, it } from 'vitest';
import { providersOfCell } from '../../src/experiment/sweep-files.js';

// A shard's providers_values cell read back (sweep-files.ts): two replications, each with
// a Fargate and an EC2 provider; the costs by hand sum to the replications' costs 0.3 and 1.25.
const GOOD = [
  [['FARGATE', 0.1, null, 2], ['c5', 0.2, 3, null]],
  [['FARGATE', 0.25, null, 4], ['c5', 1, 2, null]],
];
const COSTS = [0.3, 1.25];

/** `costs` null: a row without cost_values. */
const read = (cell: unknown, costs: number[] | null = COSTS) => providersOfCell(typeof cell === 'string' ? cell : JSON.stringify(cell), 2, 'a.csv', 3, costs ?? undefined);
/** GOOD with replication r's entry e's item i set to `value` (1e999, read as Infinity, written as such). */
const withItem = (r: number, e: number, i: number, value: unknown) => {
  const copy = JSON.parse(JSON.stringify(GOOD)) as unknown[][][];
  copy[r][e][i] = value;
  return JSON.stringify(copy).replace('"INF"', '1e999');
};

describe('providersOfCell', () => {
  it('reads a good cell (null: no value; 0.1 + 0.2 is 0.3 within rounding)', () => {
    const got = read(GOOD);
    expect(got[0][0]).toEqual(['FARGATE', { cost: 0.1, maxInstances: NaN, maxTasks: 2 }]);
    expect(got[1][1]).toEqual(['c5', { cost: 1, maxInstances: 2, maxTasks: NaN }]);
  });

  it('an empty cell is said so, not "not JSON"', () => {
    expect(() => read('')).toThrow('a.csv: row 3: providers_values: expected a JSON list of 2 lists of [provider, cost, maxInstances, maxTasks], found an empty cell');
  });

  it('text that is not JSON, another shape, the wrong number of lists', () => {
    expect(() => read('[[')).toThrow('a.csv: row 3: providers_values: expected a JSON list of 2 lists of [provider, cost, maxInstances, maxTasks], found text that is not JSON');
    expect(() => read({ a: 1 })).toThrow(/found another shape$/);
    expect(() => read([[], 1])).toThrow(/found another shape$/);
    expect(() => read([GOOD[0]])).toThrow(/found 1 lists$/);
  });

  it('an entry that is not [name, cost, maxInstances, maxTasks]', () => {
    expect(() => read([GOOD[0], [['c5', 1.25, 2]]])).toThrow('a.csv: row 3: providers_values: replication 2 of 2: expected an entry [provider, cost, maxInstances, maxTasks] (a name, then numbers or null), found ["c5",1.25,2]');
    expect(() => read([GOOD[0], [[5, 1.25, 2, null]]])).toThrow(/replication 2 of 2: expected an entry .*found \[5,1.25,2,null\]/);
    expect(() => read(withItem(0, 1, 1, 'x'))).toThrow('a.csv: row 3: providers_values: replication 1 of 2: provider "c5": cost: expected a finite number >= 0 (USD) or null, found "x"');
  });

  it('a number too large for a double (1e999, read as Infinity) is refused, not merged', () => {
    expect(() => read(withItem(0, 1, 1, 'INF'))).toThrow('replication 1 of 2: provider "c5": cost: expected a finite number >= 0 (USD) or null, found infinity (a number too large for a double)');
    expect(() => read(withItem(1, 1, 2, 'INF'))).toThrow('replication 2 of 2: provider "c5": maxInstances: expected a whole number >= 0 (a peak count) or null, found infinity');
  });

  it('a negative cost, a negative or fractional peak', () => {
    expect(() => read(withItem(0, 0, 1, -0.1))).toThrow('replication 1 of 2: provider "FARGATE": cost: expected a finite number >= 0 (USD) or null, found -0.1');
    expect(() => read(withItem(0, 0, 3, 2.5))).toThrow('replication 1 of 2: provider "FARGATE": maxTasks: expected a whole number >= 0 (a peak count) or null, found 2.5');
    expect(() => read(withItem(1, 1, 2, -1))).toThrow('replication 2 of 2: provider "c5": maxInstances: expected a whole number >= 0 (a peak count) or null, found -1');
  });

  it('a provider twice in one replication (once in each is fine)', () => {
    const twice = [GOOD[0], [['c5', 0.25, 1, null], ['c5', 1, 2, null]]];
    expect(() => read(twice)).toThrow('a.csv: row 3: providers_values: replication 2 of 2: expected each provider once, found "c5" again');
  });

  it('a provider name the scenario loader would refuse (CreateCapacityProvider: letters, digits, "_" and "-"; not aws, ecs or fargate first)', () => {
    const rule =
      'expected a capacity provider name of 1 to 255 letters, digits, "_" and "-", not starting with "aws", "ecs" or "fargate" in any case (as CreateCapacityProvider requires; FARGATE and FARGATE_SPOT are the built-in providers)';
    expect(() => read(withItem(1, 1, 0, 'c5 spot'))).toThrow(`a.csv: row 3: providers_values: replication 2 of 2: ${rule}, found "c5 spot" (a space not allowed)`);
    expect(() => read(withItem(0, 1, 0, 'ecs-pool'))).toThrow(`a.csv: row 3: providers_values: replication 1 of 2: ${rule}, found "ecs-pool" (starts with "ecs")`);
    expect(() => read(withItem(0, 1, 0, ''))).toThrow(`replication 1 of 2: ${rule}, found an empty name`);
    // no rename suggestion: the name is the scenario's, not the file's to fix
    expect(() => read(withItem(0, 1, 0, 'c5.large'))).toThrow(/found "c5\.large" \("\." not allowed\)$/);
    // a built-in in the wrong case keeps the loader's '; write FARGATE' (it is accurate)
    expect(() => read(withItem(0, 0, 0, 'fargate'))).toThrow(
      /replication 1 of 2: expected FARGATE or FARGATE_SPOT for a built-in provider, found "fargate": the built-in providers are FARGATE and FARGATE_SPOT \(case matters\); write FARGATE$/,
    );
  });

  it("costs that do not sum to the replication's cost_values item", () => {
    expect(() => read([[], []])).toThrow(
      "a.csv: row 3: providers_values: replication 1 of 2: expected provider costs that sum to the replication's cost (cost_values: 0.3; within half a millionth, as summary.json rounds each to 6 decimals and totals them), found a sum of 0 (no providers)",
    );
    // one millionth off is another replication's figures
    expect(() => read(withItem(1, 0, 1, 0.250001))).toThrow(/replication 2 of 2: expected provider costs that sum to the replication's cost \(cost_values: 1.25; .*found a sum of 1.250001$/);
    // no providers and no cost (a run with none) reads; a cost with no value is not checked
    expect(read([[], []], [0, 0])).toEqual([[], []]);
    expect(read([[], []], [NaN, NaN])).toEqual([[], []]);
    // nor is a provider cost with no value, nor a row without cost_values
    expect(read(withItem(0, 0, 1, null))[0][0][1].cost).toBeNaN();
    expect(read([[], []], null)).toEqual([[], []]);
  });
});
