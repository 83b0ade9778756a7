// `ecsim explain`: a results folder's scaling timeline as plain sentences — the load, the
// alarms and arithmetic behind each scaling activity, what the new tasks did, waits in
// PROVISIONING, capacity changes, and why a service did not scale (in or out).

import { clusterLines } from './cluster-lines.js';
import { formatClock, formatSpan, type ClockFormat } from './format-clock.js';
import { LINE_ORDER, sortLines, type ExplainLine } from './explain-line.js';
import { loadChanges } from './load-changes.js';
import { newTaskLines } from './new-tasks.js';
import { parseScalingActivity } from './parse-scaling-activity.js';
import { provisioningWaitLines } from './provisioning-waits.js';
import type { ResultsTables, SeriesRow, TaskRow } from './results-tables.js';
import { scalingLines } from './scaling-lines.js';
import { scalingNotes } from './scaling-notes.js';
import { periodOf } from './results-tables.js';
import { taskPlacements } from './task-placements.js';
import { warmStartLine } from './warm-start.js';

export interface ExplainOptions {
  /** Only sentences about this service (and the capacity providers its tasks used). */
  service?: string;
  /** Window, seconds since the start (default the whole run). */
  fromS?: number;
  toS?: number;
}

/** The names of the services in a results folder (timeseries, tasks, scenario). */
export function serviceNames(r: ResultsTables): string[] {
  const names = new Set<string>(r.services.keys());
  for (const row of r.timeseries) names.add(row.service);
  for (const t of r.tasks) names.add(t.service);
  return [...names];
}

/** Every sentence in time order, filtered by service and window. */
export function explainLines(r: ResultsTables, options: ExplainOptions = {}): ExplainLine[] {
  const fromS = options.fromS ?? 0;
  const toS = Math.min(options.toS ?? r.durationS, r.durationS);
  const clock = clockFormat(r);
  const series = new Map<string, SeriesRow[]>();
  for (const row of r.timeseries) {
    const list = series.get(row.service) ?? [];
    list.push(row);
    series.set(row.service, list);
  }
  const tasksByService = new Map<string, TaskRow[]>();
  const taskById = new Map<string, TaskRow>();
  for (const t of r.tasks) {
    taskById.set(t.taskId, t);
    const list = tasksByService.get(t.service) ?? [];
    list.push(t);
    tasksByService.set(t.service, list);
  }
  const placements = taskPlacements(r.events);
  const lines: ExplainLine[] = [];
  for (const [name, rows] of series) {
    const info = r.services.get(name);
    // a service without a workload (a DAEMON log router) is offered nothing: its 0 rps is no load
    if (info !== undefined && info.workloadType === null) {
      if (rows.length > 0) lines.push({ timeS: rows[0].timeS, service: name, provider: null, order: LINE_ORDER.load, text: `${name} has no workload: no load is offered to it` });
      continue;
    }
    lines.push(...loadChanges(name, rows, info?.workloadType === 'queue' ? 'msg/s' : 'rps'));
  }
  lines.push(...scalingLines(r.events, { services: r.services, series, clock }));
  lines.push(...newTaskLines(r.events, tasksByService, r.services, clock, r.durationS, toS));
  lines.push(...provisioningWaitLines(r.events, r.tasks, placements, clock, r.durationS, r.services, toS));
  lines.push(...clusterLines(r.events, taskById, r.services, clock));
  for (const svc of r.services.values()) {
    const activityTimes = r.events.filter((e) => e.type === 'scaling-activity' && e.subject === svc.name).map((e) => e.timeS);
    lines.push(...scalingNotes(svc, series.get(svc.name) ?? [], { fromS, toS, activityTimes, events: r.events, evaluationLagS: r.evaluationLagS }, clock));
  }
  // The state at toS: the last period that ended by toS, its desired count updated by the
  // scaling activities after that period's start, up to toS (those at toS are told above
  // it), its RUNNING count by the tasks that started or stopped running from its end to toS.
  for (const [name, rows] of series) {
    const last = rows.filter((x) => x.timeS + periodOf(rows) <= toS + 1e-9).pop();
    if (!last) continue;
    let desired = last.desiredCount;
    for (const e of r.events) {
      if (e.timeS > toS) break;
      if (e.type !== 'scaling-activity' || e.subject !== name || e.timeS <= last.timeS) continue;
      const a = parseScalingActivity(e.message);
      if (a) desired = a.to;
    }
    // RUNNING: the period's, plus the tasks (tasks.csv) that started or stopped running since it ended
    const tasks = tasksByService.get(name) ?? [];
    const runningAt = (t: number) => tasks.filter((x) => x.runningS !== null && x.runningS <= t && (x.stoppedS === null || x.stoppedS > t)).length;
    const lastEnd = last.timeS + periodOf(rows);
    const running = last.runningCount + (lastEnd < toS ? runningAt(toS) - runningAt(lastEnd) : 0);
    const bounds = last.minCapacity !== null && last.maxCapacity !== null ? ` (minCapacity ${last.minCapacity}, maxCapacity ${last.maxCapacity})` : '';
    lines.push({ timeS: toS, service: name, provider: null, order: LINE_ORDER.end, text: `${name}: desired ${desired}${bounds}, ${running} RUNNING` });
  }

  const providers = options.service === undefined ? null : providersOf(options.service, tasksByService);
  lines.push(...warmStartLine(r.events, taskById, options.service, providers ?? undefined));
  const keep = (l: ExplainLine) =>
    l.timeS >= fromS &&
    l.timeS <= toS &&
    (options.service === undefined || l.service === options.service || (l.service === null && l.provider !== null && providers!.has(l.provider)));
  return sortLines(lines.filter(keep));
}

/** The explanation as text: a heading, then one "hh:mm  sentence" line each. */
export function explainRun(r: ResultsTables, options: ExplainOptions = {}): string {
  const clock = clockFormat(r);
  const lines = explainLines(r, options);
  const start = new Date(r.startEpochMs).toISOString().slice(0, 16).replace('T', ' ');
  const seed = r.seed === null ? '' : ` (seed ${r.seed})`;
  const head = `${r.scenarioName || 'run'}${seed}: ${formatSpan(r.durationS)} from ${start} UTC; times are UTC`;
  const body = lines.map((l) => `${formatClock(l.timeS, clock)}  ${l.text}`);
  if (body.length === 0) body.push('(nothing happened in this window)');
  return `${[head, ...body].join('\n')}\n`;
}

/** The timeseries period (s): 60 unless the rows say otherwise. */
function clockFormat(r: ResultsTables): ClockFormat {
  const first = new Date(r.startEpochMs).toISOString().slice(0, 10);
  const last = new Date(r.startEpochMs + r.durationS * 1000 - 1).toISOString().slice(0, 10);
  return { startEpochMs: r.startEpochMs, withDate: first !== last };
}

function providersOf(service: string, tasksByService: ReadonlyMap<string, readonly TaskRow[]>): Set<string> {
  const out = new Set<string>();
  for (const t of tasksByService.get(service) ?? []) if (t.capacityProvider) out.add(t.capacityProvider);
  return out;
}
