// Applies an expectation's comparison operator. `==` and `!=` allow a relative error of
// 1e-9, so `cost.total == 0.288` holds for a sum of per-second charges that rounds to it.

import type { ComparisonOperator } from './expectation.js';

const RELATIVE_TOLERANCE = 1e-9;

export function compareValue(found: number, op: ComparisonOperator, expected: number): boolean {
  switch (op) {
    case '<':
      return found < expected;
    case '<=':
      return found <= expected;
    case '>':
      return found > expected;
    case '>=':
      return found >= expected;
    case '==':
      return nearlyEqual(found, expected);
    case '!=':
      return !nearlyEqual(found, expected);
  }
}

function nearlyEqual(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}
