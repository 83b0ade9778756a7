// A duration a message says it found is said as the file wrote it, the formatted value after
// it: `p95: 0.04` below a 50 ms median was said "found 40ms", a step `at: 300` "found 5m",
// and the file has neither. A value written as formatted is said once.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadProblems, tempDir } from '../helpers.js';

const QUICKSTART_TEXT = readFileSync('scenarios/quickstart.yaml', 'utf8');
const dir = tempDir();

function problems(name: string, from: string, to: string): string[] {
  expect(QUICKSTART_TEXT.split(from)).toHaveLength(2);
  return loadProblems(dir, name, QUICKSTART_TEXT.replace(from, to));
}

const SERVICE_TIME = 'serviceTime: { distribution: exponential, mean: 40ms }';
const RATE = 'requestRate: { step: { from: 150, to: 450, at: 20m } }';

describe('a duration found is said as written', () => {
  it('a lognormal p95 below its median: 0.04 (40ms)', () => {
    expect(problems('p95-bare', SERVICE_TIME, 'serviceTime: { distribution: lognormal, median: 0.05, p95: 0.04 }')).toEqual([
      'services.web.workload.perTask.serviceTime.p95: expected a duration >= median (50ms), found 0.04 (40ms)',
    ]);
    expect(problems('p95-unit', SERVICE_TIME, 'serviceTime: { distribution: lognormal, median: 0.05, p95: 40ms }')).toEqual([
      'services.web.workload.perTask.serviceTime.p95: expected a duration >= median (50ms), found 40ms',
    ]);
  });

  it('a uniform max below its min: 0.005 (5ms)', () => {
    expect(problems('max-bare', SERVICE_TIME, 'serviceTime: { distribution: uniform, min: 10ms, max: 0.005 }')).toEqual([
      'services.web.workload.perTask.serviceTime.max: expected a duration >= min (10ms), found 0.005 (5ms)',
    ]);
  });

  it('a step at 300 after one at 10m: 300 (5m); 300s (5m); 5m as is', () => {
    const at = (second: string) => `requestRate: { step: { from: 150, steps: [{ at: 10m, to: 300 }, { at: ${second}, to: 450 }] } }`;
    const said = (found: string) => [`services.web.workload.requestRate.step.steps[1].at: expected a time after steps[0].at (10m), found ${found}`];
    expect(problems('at-bare', RATE, at('300'))).toEqual(said('300 (5m)'));
    expect(problems('at-seconds', RATE, at('300s'))).toEqual(said('300s (5m)'));
    expect(problems('at-formatted', RATE, at('5m'))).toEqual(said('5m'));
  });
});
