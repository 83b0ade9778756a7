// Test helpers for the scenario library: list the library's files, derive a variant
// (JSON merge patch, RFC 7386, over the scenario), run it in-process with records kept in
// memory, and check its `expect:` list. A variant may carry its own `expect:` list (the
// patch replaces the base's); `ecsim compare` ignores it, the library tests check it.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadScenarioObject } from '../../src/scenario/index.js';
import { runSimulation, type EventRecord, type Summary, type TaskRow, type TimeseriesRow, type CapacityRow } from '../../src/sim/index.js';
import { mergePatch } from '../../src/experiment/merge-patch.js';
import { checkExpectations, type ExpectationResult } from '../../src/scenario/expect/index.js';

export const LIBRARY_DIR = 'scenarios';

/** Every scenario file of the library (YAML), by file name. */
export function libraryFiles(): string[] {
  return readdirSync(LIBRARY_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

export function readRaw(file: string): Record<string, any> {
  return parse(readFileSync(join(LIBRARY_DIR, file), 'utf8'));
}

/** The scenario of one variant ('' = the base): experiment keys dropped, patch applied. */
export function deriveVariant(raw: Record<string, any>, variant = ''): Record<string, any> {
  const { variants, replications, sweep, ...base } = raw;
  void replications;
  void sweep;
  if (variant === '') return structuredClone(base);
  if (!variants || !(variant in variants)) throw new Error(`no variant "${variant}"`);
  return structuredClone(mergePatch(base, variants[variant])) as Record<string, any>;
}

export interface LibraryRun {
  summary: Summary;
  events: EventRecord[];
  series: TimeseriesRow[];
  capacity: CapacityRow[];
  tasks: TaskRow[];
  expectations: ExpectationResult[];
}

/** Validates and runs a derived scenario, keeping every record, and checks its expectations. */
export function runScenario(label: string, scenario: Record<string, any>, keep = true): LibraryRun {
  const resolved = loadScenarioObject(label, scenario, { baseDir: LIBRARY_DIR });
  const events: EventRecord[] = [];
  const series: TimeseriesRow[] = [];
  const capacity: CapacityRow[] = [];
  const tasks: TaskRow[] = [];
  const sinks = keep
    ? { event: (e: EventRecord) => events.push(e), timeseries: (r: TimeseriesRow) => series.push(r), capacity: (r: CapacityRow) => capacity.push(r), task: (t: TaskRow) => tasks.push(t) }
    : { event: () => {}, timeseries: () => {}, capacity: () => {}, task: () => {} };
  const { summary } = runSimulation(resolved, sinks, { seed: resolved.scenario.seed, checkTallies: true });
  const expectations = checkExpectations(resolved.scenario.expect ?? [], JSON.parse(JSON.stringify(summary)));
  return { summary, events, series, capacity, tasks, expectations };
}

/** The failed expectations as readable lines (empty when all hold). */
export function failures(run: LibraryRun): string[] {
  return run.expectations.filter((r) => !r.ok).map((r) => `${r.text}: ${r.message}`);
}
