// runSimulationPausing (ecsim run, in-process sweep and compare jobs: a turn of the event
// loop between chunks, so Ctrl-C can clean up) runs the same chunks as runSimulation: the
// same rows and summary.

import { describe, it, expect } from 'vitest';
import { loadScenarioObject } from '../../src/scenario/index.js';
import { runSimulation, runSimulationPausing, type RunSinks } from '../../src/sim/index.js';
import { quickstart } from '../helpers.js';

function recorder() {
  const rows: unknown[] = [];
  const sinks: RunSinks = { event: (e) => rows.push(['e', e]), timeseries: (x) => rows.push(['t', x]), capacity: (x) => rows.push(['c', x]), task: (t) => rows.push(['k', t]) };
  return { rows, sinks };
}

describe('runSimulationPausing', () => {
  it('gives the rows and summary of runSimulation, pausing once per chunk', async () => {
    const s = quickstart();
    s.duration = '3h';
    const a = recorder();
    const b = recorder();
    const sync = runSimulation(loadScenarioObject('t', s, { baseDir: '.' }), a.sinks, { seed: 7 });
    let pauses = 0;
    const fractions: number[] = [];
    const paused = await runSimulationPausing(loadScenarioObject('t', s, { baseDir: '.' }), b.sinks, { seed: 7, onProgress: (f) => fractions.push(f) }, async () => void pauses++);
    expect(paused).toEqual(sync);
    expect(b.rows).toEqual(a.rows);
    expect(a.rows.length).toBeGreaterThan(100);
    // 3 h of 60 s periods: chunks of max(60 s, floor(10800 s / 100 / 60 s) * 60 s) = 60 s, so 180 pauses
    expect(pauses).toBe(180);
    expect(fractions.at(-1)).toBe(1);
  });
});
