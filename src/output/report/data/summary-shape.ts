// summary.json as a report reads it (RunSummary), checked against the keys of summary.json
// that `expect:` paths are checked against (SUMMARY_SHAPE): a figure must be a number or
// null (ecsim run writes null for "no value": no latency without requests), a map of
// services or providers an object; the names a report prints must be strings. Every key is
// optional (older files lack some), and keys not in the shape are not looked at.

import { SUMMARY_SHAPE, type Shape } from '../../../scenario/expect/index.js';
import { jsonKind, ResultsFileError } from '../../results-file.js';
import type { RunSummary } from './results-data.js';

/** summary.json's object as a RunSummary, or a ResultsFileError naming `file` and the key path. */
export function checkSummary(file: string, value: Record<string, unknown>): RunSummary {
  const fail = (path: string, expected: string, found: unknown) => {
    throw new ResultsFileError(`${file}: ${path}: expected ${expected} (as ecsim run writes it), found ${jsonKind(found)}`);
  };
  const check = (v: unknown, shape: Shape | 'number', path: string): void => {
    if (shape === 'number') {
      if (typeof v !== 'number' && v !== null) fail(path, 'a number or null', v);
      return;
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return fail(path, 'an object of figures', v);
    for (const [k, x] of Object.entries(v)) {
      const sub = shape[k] ?? shape['*'];
      if (sub !== undefined && x !== undefined) check(x, sub, path === '' ? k : `${path}.${k}`);
    }
  };
  check(value, SUMMARY_SHAPE, '');
  for (const [key, v] of [['scenario', value.scenario], ['cost.currency', (value.cost as Record<string, unknown> | undefined)?.currency]] as const) {
    if (v !== undefined && typeof v !== 'string') fail(key, 'a string', v);
  }
  return value as RunSummary;
}
