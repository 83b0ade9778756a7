// A step's `from` that a step at 0 replaces before it applies: the rate is the step's `to`
// from t = 0 (steps are right-continuous: at `at` the rate is already `to`), so `from` would
// be silently ignored. Warned of (never silently ignore input). The list form
// [{at: 0, to}, ...] sets `from` to its first `to` itself (trace-schema.ts) and stays quiet.

import { describe, it, expect } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';
import { RandomStreams } from '../../src/engine/index.js';
import { buildServiceTrace } from '../../src/sim/traces.js';
import { quickstart } from '../helpers.js';

function load(step: unknown) {
  const s = quickstart();
  s.services.web.workload.requestRate = { step };
  return loadScenarioObject('s.yaml', s, { baseDir: '.' });
}
const fromWarnings = (step: unknown) =>
  scenarioWarnings(load(step))
    .map((w) => `${w.at.join('.')}: ${w.message}`)
    .filter((w) => w.startsWith('services.web.workload.requestRate.step.from:'));

describe('a step at 0 replacing from', () => {
  it('{from: 100, to: 200, at: 0}: the rate at t = 0 is 200, and from is warned of', () => {
    const s = load({ from: 100, to: 200, at: 0 });
    const trace = buildServiceTrace('web', s.scenario.services.web.workload!.requestRate, s, new RandomStreams(1));
    expect(trace.rateAt(0)).toBe(200);
    expect(fromWarnings({ from: 100, to: 200, at: 0 })).toEqual([
      'services.web.workload.requestRate.step.from: 100 has no effect: the step at 0 sets the rate to 200 from the start (a step is right-continuous), so the rate is never 100; write constant: 200, or give the step a later at',
    ]);
  });

  it('{from: 100, steps: [{at: 0, to: 300}, ...]} is warned of', () => {
    expect(fromWarnings({ from: 100, steps: [{ at: 0, to: 300 }, { at: '30m', to: 50 }] })).toEqual([
      'services.web.workload.requestRate.step.from: 100 has no effect: steps.0, at 0, sets the rate to 300 from the start (a step is right-continuous), so the rate is never 100; write the steps as a list [{at: 0, to: 300}, ...] (its first step gives the rate at the start), or give the step a later at',
    ]);
  });

  it('quiet: the list form (it sets from itself), a first step after 0, a from equal to the first to', () => {
    expect(fromWarnings([{ at: 0, to: 300 }, { at: '30m', to: 50 }])).toEqual([]);
    expect(fromWarnings([{ at: 0, to: 300 }])).toEqual([]);
    expect(fromWarnings({ from: 100, to: 200, at: '1m' })).toEqual([]);
    expect(fromWarnings({ from: 100, steps: [{ at: '1m', to: 300 }] })).toEqual([]);
    expect(fromWarnings({ from: 300, steps: [{ at: 0, to: 300 }, { at: '30m', to: 50 }] })).toEqual([]);
  });
});
