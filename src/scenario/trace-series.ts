// A CSV trace's rows, parsed once per file, columns and file identity: validate, the
// warnings and the run each need them (and compare and sweep again per variant and
// replication), and an 80 MB file took seconds per parse. The key is the file as read
// (absolute path, device, inode, size, modification and change times: traceFileIds) and
// the two column names, so an edited file is parsed again; the arrays are shared and never
// written. A few files are kept (each worker thread of compare or sweep has its own).
// A file that fails to parse is not kept: its error is thrown again, the same, each time.

import { parseTraceSeries, type TraceSeries } from '../workload/trace/index.js';
import type { ResolvedScenario } from './resolve.js';

/** Files kept: a scenario reads one per service with a csv trace; more than this is rare. */
const KEEP = 8;

const cache = new Map<string, TraceSeries>();

/** How many parses csvTraceSeries did (for tests). */
export let traceParses = 0;

export function csvTraceSeries(s: ResolvedScenario, csv: { file: string; timeColumn: string; valueColumn: string }): TraceSeries {
  const text = s.traceFiles.get(csv.file) ?? '';
  const id = s.traceFileIds.get(csv.file);
  const key = id === undefined ? undefined : `${id}\0${csv.timeColumn}\0${csv.valueColumn}`;
  if (key !== undefined) {
    const hit = cache.get(key);
    if (hit !== undefined) {
      cache.delete(key); // most recently used last
      cache.set(key, hit);
      return hit;
    }
  }
  traceParses++;
  const start = { epochMs: s.startEpochMs, iso: s.scenario.start, written: s.startWritten !== false };
  const series = parseTraceSeries(text, { timeColumn: csv.timeColumn, valueColumn: csv.valueColumn, file: csv.file, start });
  if (key !== undefined) {
    cache.set(key, series);
    if (cache.size > KEEP) cache.delete(cache.keys().next().value!);
  }
  return series;
}
