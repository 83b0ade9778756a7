// Bad input gets a clear error, never a stack trace: a library scenario with one key
// changed to a value of another kind or scaled by a slip of 0-100x, deleted, or joined by
// an unknown key either loads and runs, or is refused with a ScenarioError of one line per
// problem naming a key path. Any
// other exception (a TypeError deep in the model, an Error thrown by a constructor the
// loader did not guard) is a bug: the CLI would print it as an internal error.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadScenarioObject, ScenarioError } from '../../src/scenario/index.js';
import { runSimulation } from '../../src/sim/index.js';

type Path = (string | number)[];

const LIBRARY = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ file: f, raw: parse(readFileSync(join('scenarios', f), 'utf8')) as unknown }));

/** Every key path of a value (objects and arrays), the root excluded. */
function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([...at, i]), paths(v, [...at, i], out)));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push([...at, k]), paths(v, [...at, k], out);
  return out;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> {
  let x = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) x = x[k] as Record<string | number, unknown>;
  return x;
}

/** Values a user might write by mistake, or YAML may produce (.nan, .inf). */
const ODD_VALUES: unknown[] = [-1, 0, 0.5, -0.5, 1e308, 2 ** 53, NaN, Infinity, -Infinity, '', 'abc', '5m', '-5m', '0s', '1e3', true, null, [], {}, [1], { x: 1 }, 'x'.repeat(300)];

type Mutation = { kind: 'set'; value: unknown } | { kind: 'scale'; factor: number } | { kind: 'delete' } | { kind: 'add' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ODD_VALUES).map((value) => ({ kind: 'set' as const, value })) },
  // a plausible slip: a number 0, 10 or 100 times too small or too large (an integer stays one)
  { weight: 4, arbitrary: fc.constantFrom(0, 0.01, 0.1, 0.5, 2, 10, 100).map((factor) => ({ kind: 'scale' as const, factor })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'delete' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'add' as const }) },
);

function mutate(raw: unknown, path: Path, m: Mutation): unknown {
  const copy = structuredClone(raw);
  const parent = parentOf(copy, path);
  const key = path[path.length - 1];
  if (m.kind === 'set') parent[key] = structuredClone(m.value);
  else if (m.kind === 'scale') {
    const v = parent[key];
    if (typeof v === 'number') parent[key] = Number.isInteger(v) && m.factor >= 1 ? v * m.factor : Number.isInteger(v) ? Math.round(v * m.factor) : v * m.factor;
  }
  else if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (!Array.isArray(parent)) parent.bogusKey = 1;
  return copy;
}

describe('fuzz: a library scenario with one key gone wrong loads and runs, or is refused in clear lines', () => {
  it('never an exception other than ScenarioError; its lines name a key path; a scenario that loads runs 10 minutes', () => {
    const cases = fc
      .nat({ max: LIBRARY.length - 1 })
      .chain((i) => fc.tuple(fc.constant(i), fc.constantFrom(...paths(LIBRARY[i].raw)), mutation));
    const runs = Number(process.env.FUZZ_RUNS ?? 400);
    let ran = 0;
    fc.assert(
      fc.property(cases, ([i, path, m]) => {
        const { file, raw } = LIBRARY[i];
        const input = mutate(raw, path, m);
        let scenario;
        try {
          scenario = loadScenarioObject(file, input, { baseDir: 'scenarios', durationMs: Number(process.env.FUZZ_DURATION_MS ?? 600_000) });
        } catch (e) {
          if (!(e instanceof ScenarioError)) throw new Error(`${file} ${path.join('.')} ${JSON.stringify(m)}: ${(e as Error).stack}`);
          for (const line of e.message.split('\n')) {
            expect(line, `${file} ${path.join('.')} ${JSON.stringify(m)}`).toMatch(/^\S.*: \S/);
            expect(line).not.toMatch(/\[object Object\]|undefined|^\s+at /);
          }
          return;
        }
        try {
          runSimulation(scenario, { event() {}, timeseries() {}, capacity() {}, task() {} }, { seed: 1, checkTallies: true });
          ran++;
        } catch (e) {
          throw new Error(`${file} ${path.join('.')} ${JSON.stringify(m)} loaded but the run threw: ${(e as Error).stack}`);
        }
      }),
      { numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? 15) },
    );
    // both branches are exercised: many changes are harmless (a description, a number in range)
    expect(ran).toBeGreaterThan(runs * 0.1);
    expect(ran).toBeLessThan(runs * 0.9);
  });
});
