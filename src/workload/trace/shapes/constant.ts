// Base shape `constant: c` — the same rate at all times.

import { checkNumber } from '../check.js';
import { NO_BREAK, type Bounds, type TraceComponent } from '../component.js';

export function makeConstant(c: number): TraceComponent {
  const value = checkNumber('constant', c, 'nonNegative');
  return { at: () => value, nextBreak: NO_BREAK, degree: 0, maxPanel: Infinity };
}

export function constantBounds(c: number): Bounds {
  return [c, c];
}
