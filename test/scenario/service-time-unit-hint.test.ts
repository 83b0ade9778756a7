// A service time 100 times too long for capacityRps is refused; the "written as a bare
// number, that is seconds (did you mean ...ms?)" clause comes only when serviceTime's mean
// was written as a bare number (it was said "if it was written as a bare number" whatever
// was written, "40s" too).

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadProblems, tempDir } from '../helpers.js';

const QUICKSTART_TEXT = readFileSync('scenarios/quickstart.yaml', 'utf8');
const dir = tempDir();
const REFUSED = 'services.web.workload.perTask.capacityRps: expected at most 100 x what the slots allow (concurrency 8 / mean serviceTime 40000 ms = 0.2 requests/s), found 100';
const BARE = `; serviceTime's mean is 40s: written as a bare number, that is seconds (did you mean "40ms"?)`;

function problems(name: string, serviceTime: string): string[] {
  const from = 'serviceTime: { distribution: exponential, mean: 40ms }';
  expect(QUICKSTART_TEXT.split(from)).toHaveLength(2);
  return loadProblems(dir, name, QUICKSTART_TEXT.replace(from, `serviceTime: ${serviceTime}`));
}

describe('the service time unit hint', () => {
  it('a mean written as a bare number (a number or a quoted one): the clause', () => {
    expect(problems('exp-bare', '{ distribution: exponential, mean: 40 }')).toEqual([REFUSED + BARE]);
    expect(problems('exp-quoted', '{ distribution: exponential, mean: "40" }')).toEqual([REFUSED + BARE]);
    expect(problems('fixed-bare', '40')).toEqual([REFUSED + BARE]);
    expect(problems('fixed-map-bare', '{ distribution: fixed, value: 40 }')).toEqual([REFUSED + BARE]);
    expect(problems('normal-bare', '{ distribution: normal, mean: 40, sd: 1s }')).toEqual([REFUSED + BARE]);
  });

  it('a lognormal mean, median x e^(sigma^2 / 2), said in whole ms', () => {
    // sigma = ln(60 / 30) / 1.6449 = 0.42140, e^(sigma^2 / 2) = 1.09285: 30 s x 1.09285 = 32 785.6 ms;
    // 8 slots / 32.7856 s = 0.244 requests/s
    expect(problems('lognormal-bare', '{ distribution: lognormal, median: 30, p95: 60 }')).toEqual([
      'services.web.workload.perTask.capacityRps: expected at most 100 x what the slots allow (concurrency 8 / mean serviceTime 32786 ms = 0.244 requests/s), found 100',
    ]);
  });

  it('a mean written with a unit, or no written mean (a uniform): no clause', () => {
    expect(problems('exp-unit', '{ distribution: exponential, mean: 40s }')).toEqual([REFUSED]);
    expect(problems('fixed-unit', '40s')).toEqual([REFUSED]);
    expect(problems('normal-unit', '{ distribution: normal, mean: 40s, sd: 1 }')).toEqual([REFUSED]);
    expect(problems('uniform', '{ distribution: uniform, min: 30, max: 50 }')).toEqual([REFUSED]);
  });
});
