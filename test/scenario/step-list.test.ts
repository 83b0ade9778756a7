// `step` as a list of {at, to} (the design's form, scenario.yaml): read as {from, steps}, so
// it gives the same trace, `ecsim trace` output and run as the equivalent {from, steps} form.

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, expectSameRun, quickstart, runKeepingRows, tempDir, writeScenario } from '../helpers.js';
import { loadScenarioObject } from '../../src/scenario/index.js';
import { RandomStreams } from '../../src/engine/index.js';
import { buildServiceTrace } from '../../src/sim/traces.js';

const M = 60_000;
const LIST = [{ at: 0, to: 100 }, { at: '30m', to: 300 }, { at: '1h30m', to: 50 }];
const STEPS = { from: 100, steps: [{ at: '30m', to: 300 }, { at: '1h30m', to: 50 }] };

function withStep(step: unknown): Record<string, any> {
  const s = quickstart();
  s.services.web.workload.requestRate = { step };
  s.duration = '2h';
  return s;
}

function load(step: unknown) {
  return loadScenarioObject('test', withStep(step), { baseDir: '.' });
}

function traceOf(step: unknown) {
  const s = load(step);
  return buildServiceTrace('web', s.scenario.services.web.workload!.requestRate, s, new RandomStreams(1));
}

describe('step as a list of {at, to}', () => {
  it('is read as {from: first to, steps: the list}', () => {
    expect(load(LIST).scenario.services.web.workload!.requestRate.step).toEqual({
      from: 100,
      steps: [{ at: 0, to: 100 }, { at: 30 * M, to: 300 }, { at: 90 * M, to: 50 }],
    });
  });

  it('gives the same trace as the equivalent {from, steps}: right-continuous at each step', () => {
    const list = traceOf(LIST);
    const steps = traceOf(STEPS);
    for (let t = 0; t <= 120 * M; t += 15_000) expect(list.rateAt(t), `t=${t}`).toBe(steps.rateAt(t));
    expect([0, 30 * M - 1, 30 * M, 90 * M - 1, 90 * M].map((t) => list.rateAt(t))).toEqual([100, 100, 300, 300, 50]);
    for (const [a, b] of [[0, 120 * M], [10 * M, 45 * M], [30 * M, 30 * M]]) expect(list.meanRate(a, b)).toBe(steps.meanRate(a, b));
  });

  it('a single step at 0 is a constant rate', () => {
    const t = traceOf([{ at: 0, to: 70 }]);
    expect([0, M, 120 * M].map((x) => t.rateAt(x))).toEqual([70, 70, 70]);
  });

  it('`ecsim trace` and `ecsim run` give the same output as the {from, steps} form', async () => {
    const dir = tempDir();
    const [a, b] = [writeScenario(dir, 'list', withStep(LIST)), writeScenario(dir, 'steps', withStep(STEPS))];
    const [ta, tb] = [await cli('trace', a, '--step', '5m'), await cli('trace', b, '--step', '5m')];
    expect(ta.code).toBe(0);
    expect(ta.stdout).toBe(tb.stdout);
    expect((await cli('run', a, '--out', join(dir, 'out'), '--quiet', '--duration', '1h')).code).toBe(0);
    // scenario.json records the {from, steps} it was read as (durations in ms)
    const recorded = JSON.parse(readFileSync(join(dir, 'out', 'scenario.json'), 'utf8'));
    expect(recorded.services.web.workload.requestRate).toEqual({ step: { from: 100, steps: [{ at: 0, to: 100 }, { at: 30 * M, to: 300 }, { at: 90 * M, to: 50 }] } });
    const s = withStep(LIST);
    s.duration = '1h';
    const t = withStep(STEPS);
    t.duration = '1h';
    expectSameRun(runKeepingRows(s, { seed: 1 }), runKeepingRows(t, { seed: 1 }));
  });

  it.each([
    ['the first at is not 0', [{ at: '5m', to: 100 }, { at: '30m', to: 300 }], 'services.web.workload.requestRate.step[0].at: expected 0 (the first step of a list gives the rate at the start), found "5m"; for a first change later, use {from, steps: [{at, to}, ...]}'],
    ['a typo inside a step', [{ at: 0, to: 100 }, { att: '30m', to: 300 }], 'services.web.workload.requestRate.step[1].att: unknown key "att" (did you mean "at"?); expected one of: at, to'],
    // durations readable, not in ms (was "(1800000 ms), found 600000")
    ['steps out of order', [{ at: 0, to: 100 }, { at: '30m', to: 300 }, { at: '10m', to: 200 }], 'services.web.workload.requestRate.step[2].at: expected a time after step[1].at (30m), found 10m'],
    ['two steps at the same time', [{ at: 0, to: 100 }, { at: 0, to: 300 }], 'services.web.workload.requestRate.step[1].at: expected a time after step[0].at (0s), found 0s'],
    ['two steps at 5m, one written in seconds', [{ at: 0, to: 100 }, { at: '5m', to: 1 }, { at: 300, to: 3 }], 'services.web.workload.requestRate.step[2].at: expected a time after step[1].at (5m), found 5m'],
    ['{from, steps} out of order', { from: 1, steps: [{ at: '1m', to: 100 }, { at: '1h30m', to: 1 }, { at: '90m', to: 3 }] }, 'services.web.workload.requestRate.step.steps[2].at: expected a time after steps[1].at (1h30m), found 1h30m'],
    ['an empty list', [], 'services.web.workload.requestRate.step: expected at least 1 item, found an empty list'],
  ])('rejects %s with one line', (_name, step, message) => {
    let error: unknown;
    try {
      load(step);
    } catch (e) {
      error = e;
    }
    expect((error as Error | undefined)?.message).toBe(`test: ${message}`);
  });
});
