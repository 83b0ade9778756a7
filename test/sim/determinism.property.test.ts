// Same scenario + same seed => the same run (house rule), over the library: any scenario of
// scenarios/*.yaml, any seed, its own fidelity or every service with a workload switched to
// the other one, run twice in-process for a few simulated minutes, gives the same rows and
// summary. Kept short (few runs, minutes of simulated time) to stay a few seconds.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expectSameRun, runKeepingRows } from '../helpers.js';

const LIBRARY = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ file: f, raw: parse(readFileSync(join('scenarios', f), 'utf8')) as Record<string, any> }));

/** The scenario with every service that has a workload in the fidelity it does not say (fluid by default). */
function otherFidelity(raw: Record<string, any>): Record<string, any> {
  const copy = structuredClone(raw);
  for (const svc of Object.values(copy.services ?? {}) as Record<string, any>[]) {
    if (svc.workload !== undefined) svc.fidelity = svc.fidelity === 'request' ? 'fluid' : 'request';
  }
  return copy;
}

describe('determinism over the library', () => {
  it('a library scenario run twice with one seed (its own fidelity or the other) gives the same rows and summary', () => {
    fc.assert(
      fc.property(fc.nat({ max: LIBRARY.length - 1 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean(), fc.integer({ min: 5, max: 15 }), (i, seed, switched, minutes) => {
        const raw = switched ? otherFidelity(LIBRARY[i].raw) : LIBRARY[i].raw;
        const load = { baseDir: 'scenarios', durationMs: minutes * 60_000 };
        const a = runKeepingRows(raw, { seed }, load);
        const b = runKeepingRows(raw, { seed }, load);
        expect(a.timeseries.length + a.capacity.length).toBeGreaterThan(0);
        expectSameRun(a, b);
      }),
      { numRuns: Number(process.env.DETERMINISM_RUNS ?? 25), seed: Number(process.env.DETERMINISM_SEED ?? 7) },
    );
  });
});
