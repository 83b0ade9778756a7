// Reads a results folder (summary.json, timeseries.csv, capacity.csv, events.csv,
// tasks.csv, optional scenario.json) into ResultsData. A missing, malformed or misshapen
// file is a ResultsFileError naming it and what was expected (every file a run writes is
// required but scenario.json: run-files.ts).

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { numberCell, readResultsCsv, readResultsJson, ResultsFileError } from '../../results-file.js';
import { assertRunFiles, hasRunFiles, noRunFilesMessage } from '../../run-files.js';
import { tableOf } from './parse-csv.js';
import { groupSeries } from './group-series.js';
import { checkSummary } from './summary-shape.js';
import { checkSeriesReachEnd } from './series-reach.js';
import type { EventRow, ResultsData, TaskRow } from './results-data.js';

const WRITER = 'ecsim run';

/** Whether `dir` holds any of the files a run writes (loadResults then requires all of them). */
export function isResultsFolder(dir: string): boolean {
  return hasRunFiles(dir);
}

export function loadResults(dir: string): ResultsData {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ResultsFileError(`${dir}: expected a results folder, found no folder`);
  if (!isResultsFolder(dir)) {
    throw new ResultsFileError(noRunFilesMessage(dir));
  }
  // all of them: a missing events.csv or tasks.csv read as none (0 scaling activities, 0 tasks started)
  assertRunFiles(dir);
  const summaryPath = join(dir, 'summary.json');
  const summary = checkSummary(summaryPath, readResultsJson(summaryPath, WRITER)!);
  const scenario = readResultsJson(join(dir, 'scenario.json'), WRITER, true);

  const tsPath = join(dir, 'timeseries.csv');
  const ts = tableOf(readResultsCsv(tsPath, WRITER, ['time_s', 'service'])!);
  const capPath = join(dir, 'capacity.csv');
  const cap = readResultsCsv(capPath, WRITER, ['time_s', 'capacity_provider'])!;
  const startEpochMs = startFromTimestamps(ts.header, ts.rows[0]) ?? startFromScenario(scenario) ?? 0;

  const services = groupSeries(tsPath, ts, 'service', ['timestamp']);
  // rows up to the run's end (a file cut at a line boundary reads well row by row)
  checkSeriesReachEnd(tsPath, services, Object.keys(summary.services!), summary.durationSeconds!, scenario);
  const providers = groupSeries(capPath, tableOf(cap), 'capacity_provider', ['timestamp']);
  const durationSeconds = summary.durationSeconds ?? lastTime(services);
  return {
    dir,
    summary,
    startEpochMs,
    durationSeconds,
    services,
    providers,
    events: readEvents(join(dir, 'events.csv')),
    tasks: readTasks(join(dir, 'tasks.csv')),
    scenario,
  };
}

function startFromTimestamps(header: string[], row: string[] | undefined): number | null {
  if (!row) return null;
  const t = header.indexOf('time_s');
  const stamp = header.indexOf('timestamp');
  if (t < 0 || stamp < 0) return null;
  const ms = Date.parse(row[stamp]);
  return Number.isFinite(ms) ? ms - Number(row[t]) * 1000 : null;
}

function startFromScenario(scenario: Record<string, unknown> | null): number | null {
  const ms = typeof scenario?.start === 'string' ? Date.parse(scenario.start) : NaN;
  return Number.isFinite(ms) ? ms : null;
}

function lastTime(services: Map<string, { time: Float64Array }>): number {
  let t = 0;
  for (const s of services.values()) if (s.time.length) t = Math.max(t, s.time[s.time.length - 1]);
  return t;
}

const EVENT_COLUMNS = ['time_s', 'type', 'subject', 'message'] as const;

function readEvents(path: string): EventRow[] {
  const csv = readResultsCsv(path, WRITER, EVENT_COLUMNS)!;
  const [c, rows] = indexed(csv, EVENT_COLUMNS);
  return rows.map((r, n) => ({ timeS: numberCell(path, n + 1, 'time_s', r[c.time_s]), type: r[c.type] ?? '', subject: r[c.subject] ?? '', message: r[c.message] ?? '' }));
}

const TASK_COLUMNS = ['task_id', 'service', 'capacity_provider', 'launch_type', 'instance_id', 'created_s', 'running_s', 'stopped_s', 'stop_reason'] as const;

function readTasks(path: string): TaskRow[] {
  const csv = readResultsCsv(path, WRITER, TASK_COLUMNS)!;
  const [c, rows] = indexed(csv, TASK_COLUMNS);
  const at = (r: string[], n: number, column: 'created_s' | 'running_s' | 'stopped_s') => numberCell(path, n + 1, column, r[c[column]]);
  return rows.map((r, n) => ({
    taskId: r[c.task_id] ?? '',
    service: r[c.service] ?? '',
    capacityProvider: r[c.capacity_provider] ?? '',
    launchType: r[c.launch_type] ?? '',
    instanceId: r[c.instance_id] ?? '',
    createdS: at(r, n, 'created_s'),
    runningS: at(r, n, 'running_s'),
    stoppedS: at(r, n, 'stopped_s'),
    stopReason: r[c.stop_reason] ?? '',
  }));
}

/** The index of each of `columns` in the header (readResultsCsv checked they are there), and the rows. */
function indexed<C extends string>(csv: string[][], columns: readonly C[]): [Record<C, number>, string[][]] {
  const c = {} as Record<C, number>;
  for (const name of columns) c[name] = csv[0].indexOf(name);
  return [c, csv.slice(1)];
}
