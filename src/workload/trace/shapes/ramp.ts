// Base shape `ramp`: `from` until `start`, linear to `to` at `end`, then `to`.

import { checkNumber, fail } from '../check.js';
import type { Bounds, TraceComponent } from '../component.js';
import type { RampConfig } from '../types.js';

function check(c: RampConfig): RampConfig {
  const from = checkNumber('ramp.from', c.from, 'nonNegative');
  const to = checkNumber('ramp.to', c.to, 'nonNegative');
  const start = checkNumber('ramp.start', c.start);
  const end = checkNumber('ramp.end', c.end);
  if (!(end >= start)) fail('ramp.end', `a time not before ramp.start (${start} ms)`, end);
  return { from, to, start, end };
}

export function makeRamp(config: RampConfig): TraceComponent {
  const { from, to, start, end } = check(config);
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const slope = end > start ? (to - from) / (end - start) : 0;
  return {
    at(t) {
      if (t < start) return from;
      if (t >= end) return to;
      const v = from + slope * (t - start);
      return v < lo ? lo : v > hi ? hi : v;
    },
    nextBreak: (t) => (t < start ? start : t < end ? end : Infinity),
    degree: 1,
    maxPanel: Infinity,
  };
}

export function rampBounds(config: RampConfig): Bounds {
  const { from, to } = check(config);
  return [Math.min(from, to), Math.max(from, to)];
}
