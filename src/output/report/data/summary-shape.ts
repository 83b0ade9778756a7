// summary.json as a report reads it (RunSummary), checked against the keys of summary.json
// that `expect:` paths are checked against (SUMMARY_SHAPE): a figure must be a number or
// null (ecsim run writes null for "no value": no latency without requests), a map of
// services or providers an object; the names a report prints must be strings. scenario,
// seed, durationSeconds and services must be there (every ecsim run has written them); the
// other keys are optional (older files lack some), and keys not in the shape are not looked at.

import { SUMMARY_SHAPE, type Shape } from '../../../scenario/expect/index.js';
import { jsonKind, ResultsFileError } from '../../results-file.js';
import type { RunSummary } from './results-data.js';

const REQUIRED = [
  ['scenario', 'string'],
  ['seed', 'number'],
  ['durationSeconds', 'number'],
  ['services', 'object'],
] as const;

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
  // the keys every summary.json ecsim run has written holds, and reports and explain read
  // (a `{"a":1}` made a report of "seed ?" and empty tables)
  for (const [key, kind] of REQUIRED) {
    const v = value[key];
    const ok = kind === 'object' ? v !== null && typeof v === 'object' && !Array.isArray(v) : typeof v === kind;
    if (!ok) {
      const expected = kind === 'object' ? 'an object' : kind === 'string' ? 'a string' : 'a number';
      throw new ResultsFileError(`${file}: ${key}: expected ${expected} (as ecsim run writes it), found ${v === undefined ? 'nothing' : jsonKind(v)}`);
    }
  }
  return value as RunSummary;
}
