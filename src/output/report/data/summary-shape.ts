// summary.json as a report reads it (RunSummary), checked against the keys of summary.json
// that `expect:` paths are checked against (SUMMARY_SHAPE): a figure must be a number or
// null (ecsim run writes null for "no value": no latency without requests), a map of
// services or providers an object; the names a report prints must be strings. scenario,
// seed, durationSeconds (above 0) and services (not empty) must be there, and each
// service's figures that report and explain read (every ecsim run has written them); the
// other keys are optional, and keys not in the shape are not looked at.

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
  const duration = value.durationSeconds as number;
  if (!(duration > 0) || !Number.isFinite(duration)) {
    throw new ResultsFileError(`${file}: durationSeconds: expected a number of seconds above 0 (as ecsim run writes it), found ${jsonKind(duration)}`);
  }
  const services = value.services as Record<string, unknown>;
  if (Object.keys(services).length === 0) {
    throw new ResultsFileError(`${file}: services: expected the figures of each service of the run (as ecsim run writes them), found an empty object`);
  }
  for (const [name, service] of Object.entries(services)) checkService(file, `services.${name}`, service as Record<string, unknown>);
  return value as RunSummary;
}

/**
 * The figures of a service that report and explain read, each a number (null where ecsim
 * run writes null for "no value": no CPU datapoint, no request served). Every ecsim run
 * has written them all; missing, they made tables of "–" and "(nothing happened)".
 */
const SERVICE_FIGURES: readonly (readonly [string, string, 'number' | 'number or null'])[] = [
  ['taskHours', '', 'number'],
  ['desiredCount', 'min', 'number'],
  ['desiredCount', 'max', 'number'],
  ['desiredCount', 'final', 'number'],
  ['cpuUtilization', 'mean', 'number or null'],
  ['cpuUtilization', 'p95', 'number or null'],
  ['requests', 'offered', 'number'],
  ['requests', 'dropped', 'number'],
  ['latencyMs', 'p95', 'number or null'],
  ['sloViolationMinutes', '', 'number'],
  ['scalingActivities', 'out', 'number'],
  ['scalingActivities', 'in', 'number'],
];

function checkService(file: string, path: string, service: Record<string, unknown>): void {
  // (the shape check above found each service an object and each figure there a number or null)
  for (const [key, sub, kind] of SERVICE_FIGURES) {
    const outer = service[key];
    if (sub !== '' && outer === undefined) {
      throw new ResultsFileError(`${file}: ${path}.${key}: expected an object of figures (as ecsim run writes it), found nothing`);
    }
    const v = sub === '' ? outer : (outer as Record<string, unknown>)[sub];
    if (typeof v === 'number' || (v === null && kind === 'number or null')) continue;
    throw new ResultsFileError(`${file}: ${path}.${key}${sub === '' ? '' : `.${sub}`}: expected a ${kind} (as ecsim run writes it), found ${v === undefined ? 'nothing' : jsonKind(v)}`);
  }
}
