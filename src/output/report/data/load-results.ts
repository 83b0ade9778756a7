// Reads a results folder (summary.json, timeseries.csv, capacity.csv, events.csv,
// tasks.csv, optional scenario.json) into ResultsData. Throws a plain Error naming the
// missing or malformed file.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cellNumber, columnIndex, parseCsv } from './parse-csv.js';
import { groupSeries } from './group-series.js';
import type { EventRow, ResultsData, RunSummary, TaskRow } from './results-data.js';

export function isResultsFolder(dir: string): boolean {
  return existsSync(join(dir, 'summary.json')) && existsSync(join(dir, 'timeseries.csv'));
}

export function loadResults(dir: string): ResultsData {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`expected a results folder, found no folder at ${dir}`);
  if (!isResultsFolder(dir)) {
    throw new Error(`expected a results folder (summary.json and timeseries.csv, as written by ecsim run) at ${dir}, found neither`);
  }
  const summary = readJson(join(dir, 'summary.json')) as RunSummary;
  const scenarioPath = join(dir, 'scenario.json');
  const scenario = existsSync(scenarioPath) ? (readJson(scenarioPath) as Record<string, unknown>) : null;

  const ts = parseCsv(readFileSync(join(dir, 'timeseries.csv'), 'utf8'));
  const cap = readOptionalCsv(join(dir, 'capacity.csv'));
  const startEpochMs = startFromTimestamps(ts.header, ts.rows[0]) ?? startFromScenario(scenario) ?? 0;

  const services = groupSeries(ts, 'service', ['timestamp']);
  const providers = cap ? groupSeries(cap, 'capacity_provider', ['timestamp']) : new Map();
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

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`expected JSON in ${path}, found: ${(e as Error).message}`);
  }
}

function readOptionalCsv(path: string) {
  return existsSync(path) ? parseCsv(readFileSync(path, 'utf8')) : null;
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

function readEvents(path: string): EventRow[] {
  const csv = readOptionalCsv(path);
  if (!csv) return [];
  const c = columnIndex(csv.header, ['time_s', 'type', 'subject', 'message']);
  return csv.rows.map((r) => ({ timeS: cellNumber(r, c.time_s), type: r[c.type] ?? '', subject: r[c.subject] ?? '', message: r[c.message] ?? '' }));
}

function readTasks(path: string): TaskRow[] {
  const csv = readOptionalCsv(path);
  if (!csv) return [];
  const c = columnIndex(csv.header, ['task_id', 'service', 'capacity_provider', 'launch_type', 'instance_id', 'created_s', 'running_s', 'stopped_s', 'stop_reason']);
  return csv.rows.map((r) => ({
    taskId: r[c.task_id] ?? '',
    service: r[c.service] ?? '',
    capacityProvider: r[c.capacity_provider] ?? '',
    launchType: r[c.launch_type] ?? '',
    instanceId: r[c.instance_id] ?? '',
    createdS: cellNumber(r, c.created_s),
    runningS: cellNumber(r, c.running_s),
    stoppedS: cellNumber(r, c.stopped_s),
    stopReason: r[c.stop_reason] ?? '',
  }));
}
