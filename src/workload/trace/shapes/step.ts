// Base shape `step`: `from` until the first `at`, then `to` (from `at` on, inclusive);
// either one step `{from, to, at}` or several `{from, steps: [{at, to}, ...]}`.

import { checkNumber, fail } from '../check.js';
import type { Bounds, TraceComponent } from '../component.js';
import { firstAfter, nextTimeAfter } from '../sorted-search.js';
import type { StepConfig } from '../types.js';

interface Steps {
  from: number;
  at: Float64Array;
  to: Float64Array;
}

function normalise(c: StepConfig): Steps {
  const from = checkNumber('step.from', c.from, 'nonNegative');
  if ('steps' in c && c.steps !== undefined) {
    if (!Array.isArray(c.steps) || c.steps.length === 0) fail('step.steps', 'a non-empty list of {at, to}', c.steps);
    const at = new Float64Array(c.steps.length);
    const to = new Float64Array(c.steps.length);
    c.steps.forEach((s, i) => {
      at[i] = checkNumber(`step.steps[${i}].at`, s?.at);
      to[i] = checkNumber(`step.steps[${i}].to`, s?.to, 'nonNegative');
      const expected = stepTimeExpected('steps', at, i);
      if (expected) fail(`step.steps[${i}].at`, expected, at[i]);
    });
    return { from, at, to };
  }
  const single = c as { from: number; to: number; at: number };
  return {
    from,
    at: Float64Array.of(checkNumber('step.at', single.at)),
    to: Float64Array.of(checkNumber('step.to', single.to, 'nonNegative')),
  };
}

/**
 * What step `i` of the list `list` should have been when its time is not after the previous
 * step's (steps are in strictly increasing time), else undefined; `say` writes a time (the
 * scenario's checks say it as a duration, "5m"). Shared with the scenario's `step` forms.
 */
export function stepTimeExpected(list: string, at: ArrayLike<number>, i: number, say: (ms: number) => string = (ms) => `${ms} ms`): string | undefined {
  return i > 0 && !(at[i] > at[i - 1]) ? `a time after ${list}[${i - 1}].at (${say(at[i - 1])})` : undefined;
}

export function makeStep(c: StepConfig): TraceComponent {
  const { from, at, to } = normalise(c);
  return {
    at(t) {
      const i = firstAfter(at, t);
      return i === 0 ? from : to[i - 1];
    },
    nextBreak: (t) => nextTimeAfter(at, t),
    degree: 0,
    maxPanel: Infinity,
  };
}

export function stepBounds(c: StepConfig): Bounds {
  const { from, to } = normalise(c);
  return [Math.min(from, ...to), Math.max(from, ...to)];
}
