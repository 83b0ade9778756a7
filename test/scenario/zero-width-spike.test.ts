// A spike with rampUp + hold + rampDown = 0 starts and ends at `at`: its factor is 1 at every
// time (spikeFactor: t >= end = at), so it changes no rate in either fidelity. It was
// accepted silently; it is refused at load (exit 2), naming the spike's hold.

import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { loadScenarioFile, ScenarioError } from '../../src/scenario/index.js';
import { buildTrace } from '../../src/workload/trace/index.js';
import { RandomStreams } from '../../src/engine/index.js';
import { quickstart, tempDir, writeScenario } from '../helpers.js';

const dir = tempDir();
let n = 0;

function load(spikes: unknown[]): string {
  const s = quickstart();
  s.services.web.workload.requestRate = { constant: 100, spikes };
  try {
    loadScenarioFile(writeScenario(dir, `z${n++}`, s));
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('a zero-width spike is refused', () => {
  it('hold 0 and no ramps (rampDown defaults to rampUp 0): refused at the spike\'s hold', () => {
    expect(load([{ at: '10m', hold: 0, multiplier: 5 }])).toMatch(/services\.web\.workload\.requestRate\.spikes\[0\]\.hold: expected a spike of some width \(rampUp \+ hold \+ rampDown greater than 0\), found all three 0/);
    expect(load([{ at: '20m', hold: '10m', multiplier: 2 }, { at: '10m', rampUp: 0, hold: 0, rampDown: 0, multiplier: 5 }])).toMatch(/spikes\[1\]\.hold: expected a spike of some width/);
  });

  it('any width is accepted: a hold alone, a ramp up alone (rampDown = rampUp), a ramp down alone', () => {
    expect(load([{ at: '10m', hold: '1s', multiplier: 5 }])).toBe('no error');
    expect(load([{ at: '10m', rampUp: '1s', hold: 0, multiplier: 5 }])).toBe('no error');
    expect(load([{ at: '10m', hold: 0, rampDown: '1s', multiplier: 5 }])).toBe('no error');
  });

  it('buildTrace refuses it too (traces built outside a scenario)', () => {
    expect(() => buildTrace({ constant: 1, spikes: [{ at: 0, rampUp: 0, hold: 0, multiplier: 2 }] }, { startEpochMs: 0, streams: new RandomStreams(1), streamKey: 'x' })).toThrow(/spikes\[0\]\.hold: expected a spike of some width/);
  });

  it('ecsim validate exits 2 with the one-line error', () => {
    const s = quickstart();
    s.services.web.workload.requestRate = { constant: 100, spikes: [{ at: '10m', hold: 0, multiplier: 5 }] };
    const file = writeScenario(dir, 'cli', s);
    const r = spawnSync(process.execPath, [resolve('dist/ecsim/bin.js'), 'validate', file], { encoding: 'utf8', timeout: 15_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/spikes\[0\]\.hold: expected a spike of some width/);
  });
});
