// A misspelt requestRate base shape is said once, as the unknown key with its hint, not
// first as "expected exactly one base shape ..., found none" (docs/scenario-format.md: a
// map's unknown keys first; a misspelt key said once). An unrelated key still gets both.

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadProblems, tempDir } from '../helpers.js';

const QUICKSTART_TEXT = readFileSync('scenarios/quickstart.yaml', 'utf8');
const dir = tempDir();

function problems(name: string, requestRate: string): string[] {
  const from = 'requestRate: { step: { from: 150, to: 450, at: 20m } }';
  expect(QUICKSTART_TEXT.split(from)).toHaveLength(2);
  return loadProblems(dir, name, QUICKSTART_TEXT.replace(from, `requestRate: ${requestRate}`));
}

const KEYS = 'expected one of: constant, step, ramp, diurnal, randomWalk, csv, weekly, spikes, noise';
const NONE = 'services.web.workload.requestRate: expected exactly one base shape (constant | step | ramp | diurnal | randomWalk | csv), found none';

describe('a misspelt requestRate shape', () => {
  it('const: said once, as the unknown key meaning constant', () => {
    expect(problems('const', '{ const: 300 }')).toEqual([`services.web.workload.requestRate.const: unknown key "const" (did you mean "constant"?); ${KEYS}`]);
  });

  it('steps: said once, as the unknown key meaning step', () => {
    expect(problems('steps', '{ steps: { from: 150, to: 450, at: 20m } }')).toEqual([`services.web.workload.requestRate.steps: unknown key "steps" (did you mean "step"?); ${KEYS}`]);
  });

  it('an unrelated key: the unknown key first, then no base shape', () => {
    expect(problems('foo', '{ foo: 300 }')).toEqual([`services.web.workload.requestRate.foo: unknown key "foo"; ${KEYS}`, NONE]);
  });

  it('a misspelt modifier (spike) beside no base shape: both said', () => {
    expect(problems('spike', '{ spike: [] }')).toEqual([`services.web.workload.requestRate.spike: unknown key "spike" (did you mean "spikes"?); ${KEYS}`, NONE]);
  });

  it('modifiers only: no base shape', () => {
    expect(problems('mods', '{ noise: { cv: 0.1 } }')).toEqual([NONE]);
  });

  it('two base shapes: said', () => {
    expect(problems('two', '{ constant: 3, ramp: { from: 1, to: 2, over: 1m } }')).toContain('services.web.workload.requestRate: expected exactly one base shape, found 2: constant, ramp');
  });
});
