// Reads a results folder (events.csv, timeseries.csv, tasks.csv, scenario.json,
// summary.json) into ResultsTables for `ecsim explain`. Every file a run writes is
// required but scenario.json (run-files.ts), whose absence degrades the explanation (no
// policies, cooldowns or health checks to tell).

import { join } from 'node:path';
import { targetHealthTimeline, type TargetHealthCheck } from '../../model/target-health.js';
import { smallestTypeShortfall } from '../../model/capacity/smallest-type.js';
import { DEFAULT_ECS_COOLDOWN_MS } from '../../scaling/target-tracking.js';
import { numberCell, readResultsCsv, readResultsJson } from '../results-file.js';
import { assertRunFiles, experimentFolderKind, experimentRunsPointer, hasRunFiles, noRunFilesMessage } from '../run-files.js';
import { recordsOf, type CsvRecord } from './parse-csv.js';
import { checkSummary } from '../report/data/summary-shape.js';
import { groupSeries } from '../report/data/group-series.js';
import { checkSeriesReachEnd } from '../report/data/series-reach.js';
import { tableOf } from '../report/data/parse-csv.js';
import { markQueueSilences } from './queue-silences.js';
import type { EventRow, PolicyInfo, ResultsTables, SeriesRow, ServiceInfo, TaskRow } from './results-tables.js';

const METRIC_OF_PREDEFINED: Record<string, string> = {
  ECSServiceAverageCPUUtilization: 'CPUUtilization',
  ECSServiceAverageMemoryUtilization: 'MemoryUtilization',
  ALBRequestCountPerTarget: 'RequestCountPerTarget',
};

export function readResults(dir: string): ResultsTables {
  const file = (name: string) => join(dir, name);
  if (!hasRunFiles(dir)) {
    // a compare or sweep folder holds its runs' results folders under runs/
    const kind = experimentFolderKind(dir);
    const hint = kind === null ? '' : `: it is a ${kind} folder; explain ${experimentRunsPointer(dir, kind)}`;
    // the files and words report uses (run-files.ts), not events.csv alone
    throw new Error(noRunFilesMessage(dir) + hint);
  }
  // all of a run's files: without tasks.csv the new tasks' RUNNING and healthy times went untold
  assertRunFiles(dir);
  const json = (name: string): any => readResultsJson(file(name), 'ecsim run', true);
  const table = (name: string, columns: readonly string[]): CsvRecord[] => recordsOf(readResultsCsv(file(name), 'ecsim run', columns)!);
  // a cell that is no number is refused as report refuses it (ResultsFileError: file, row, column)
  const cells = (name: string) => (r: CsvRecord, n: number) => (column: string) => numberCell(file(name), n + 1, column, r[column]);
  const scenario = json('scenario.json');
  // checked as report checks it (file, key path, what was expected)
  const summary: any = checkSummary(file('summary.json'), readResultsJson(file('summary.json'), 'ecsim run')!);
  const eventRecords = table('events.csv', ['time_s', 'type', 'subject', 'message']);
  const eventCell = cells('events.csv');
  const events: EventRow[] = eventRecords.map((r, n) => ({ timeS: num(eventCell(r, n)('time_s')), type: r.type, subject: r.subject, message: r.message }));
  const seriesRows = readResultsCsv(file('timeseries.csv'), 'ecsim run', ['time_s', 'service'])!;
  // every row with its service and numbers, as report reads it (ResultsFileError: file, row, column)
  const series = groupSeries(file('timeseries.csv'), tableOf(seriesRows), 'service', ['timestamp']);
  // rows up to the run's end, as report checks them (a file cut at a line boundary told a wrong final state)
  checkSeriesReachEnd(file('timeseries.csv'), series, Object.keys(summary.services), summary.durationSeconds, scenario);
  const seriesRecords = recordsOf(seriesRows);
  const seriesCell = cells('timeseries.csv');
  // the periods of an inactive queue marked: no datapoint of its metrics (queue-silences.ts)
  const timeseries = [...markQueueSilences(seriesRecords.map((r, n) => seriesRow(r, seriesCell(r, n))), events)];
  const taskCell = cells('tasks.csv');
  const tasks = table('tasks.csv', ['task_id', 'service']).map((r, n) => taskRow(r, taskCell(r, n)));
  const startEpochMs =
    typeof scenario?.start === 'string' ? Date.parse(scenario.start) : startFromRows([...eventRecords, ...seriesRecords.slice(0, 1)]);
  const durationS =
    typeof summary?.durationSeconds === 'number'
      ? summary.durationSeconds
      : typeof scenario?.duration === 'number'
        ? scenario.duration / 1000
        : Math.max(0, ...events.map((e) => e.timeS), ...timeseries.map((r) => r.timeS));
  return {
    scenarioName: summary?.scenario ?? scenario?.name ?? '',
    seed: typeof summary?.seed === 'number' ? summary.seed : typeof scenario?.seed === 'number' ? scenario.seed : null,
    startEpochMs,
    durationS,
    events,
    timeseries,
    tasks,
    services: servicesOf(scenario),
    evaluationLagS: evaluationLagOf(scenario),
  };
}

/** metrics.period + metrics.publishDelay (ms in scenario.json) in seconds: when a period's datapoint is first evaluated. */
export function evaluationLagOf(scenario: any): number {
  const ms = (x: unknown, fallback: number) => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : fallback);
  return (ms(scenario?.metrics?.period, DEFAULT_METRIC_MS) + ms(scenario?.metrics?.publishDelay, DEFAULT_METRIC_MS)) / 1000;
}

/** The scenario format's default metrics.period and metrics.publishDelay (ms). */
const DEFAULT_METRIC_MS = 60_000;

/** Service facts from scenario.json (durations there are ms). */
export function servicesOf(scenario: any): Map<string, ServiceInfo> {
  const out = new Map<string, ServiceInfo>();
  for (const [name, svc] of Object.entries<any>(scenario?.services ?? {})) {
    const as = svc?.autoScaling;
    const policies: PolicyInfo[] = Object.entries<any>(as?.policies ?? {}).map(([pname, p]) => ({
      name: pname,
      policyType: p?.policyType ?? '',
      metricName: p?.policyType === 'StepScaling' ? (p?.alarm?.metricName ?? null) : (METRIC_OF_PREDEFINED[p?.predefinedMetricType] ?? p?.customMetric ?? null),
      targetValue: typeof p?.targetValue === 'number' ? p.targetValue : null,
      disableScaleIn: p?.disableScaleIn === true,
      scaleOutCooldownS: (typeof p?.scaleOutCooldown === 'number' ? p.scaleOutCooldown : DEFAULT_ECS_COOLDOWN_MS) / 1000,
      scaleInCooldownS: (typeof p?.scaleInCooldown === 'number' ? p.scaleInCooldown : DEFAULT_ECS_COOLDOWN_MS) / 1000,
      alarmName: typeof p?.alarm?.name === 'string' ? p.alarm.name : null,
    }));
    out.set(name, {
      name,
      minCapacity: typeof as?.minCapacity === 'number' ? as.minCapacity : null,
      maxCapacity: typeof as?.maxCapacity === 'number' ? as.maxCapacity : null,
      policies,
      workloadType: svc?.workload ? (svc.workload.type ?? 'http') : null,
      newTarget: newTargetOf(scenario, svc),
      healthCheck: healthCheckOf(svc),
      neverScaledOutBy: neverScaledOutBy(scenario, svc),
    });
  }
  return out;
}

/**
 * ServiceInfo.neverScaledOutBy from scenario.json: the managed-scaling providers of the
 * service's strategy (or the cluster's default) whose group's smallest listed type is too
 * small for its task, as the loader's warning finds them (largerThanSmallestType).
 */
function neverScaledOutBy(scenario: any, svc: any): Map<string, string> {
  const out = new Map<string, string>();
  const written = scenario?.taskDefinitions?.[svc?.taskDefinition];
  // what the task reserves: task-level memory, else (a container with memoryReservation) memoryReservedByContainers
  const td = written && { ...written, memory: written.memory ?? written.memoryReservedByContainers };
  if (svc?.schedulingStrategy === 'DAEMON' || typeof td?.cpu !== 'number' || typeof td?.memory !== 'number') return out;
  const strategy: any[] = svc.capacityProviderStrategy ?? scenario?.cluster?.defaultCapacityProviderStrategy ?? [];
  for (const item of Array.isArray(strategy) ? strategy : []) {
    if ((item?.base ?? 0) === 0 && item?.weight === 0) continue; // given no tasks
    const name = item?.capacityProvider;
    const p = scenario?.cluster?.capacityProviders?.[name];
    const asg = p?.autoScalingGroup;
    if (out.has(name) || p?.managedScaling?.status !== 'ENABLED' || !Array.isArray(asg?.instanceTypes)) continue;
    const short = smallestTypeShortfall(asg, { cpu: td.cpu, memory: td.memory, networkMode: td.networkMode ?? '' }, scenario.cluster.awsvpcTrunking === true);
    if (short === null) continue;
    out.set(
      name,
      `task definition ${svc.taskDefinition} (${td.cpu} CPU units, ${td.memory} MiB) fits ${short.fitting.join(', ')} but is larger than the smallest instance type its group lists (${short.lacks.join('; ')})`,
    );
  }
  return out;
}

/** ServiceInfo.healthCheck from scenario.json (ms; the defaults for keys a file does not have). */
function healthCheckOf(svc: any): TargetHealthCheck | null {
  if (!svc?.loadBalancer) return null;
  const hc = svc.loadBalancer.healthCheck;
  return {
    intervalMs: hc?.interval ?? 30_000,
    healthyThreshold: hc?.healthyThreshold ?? 5,
    unhealthyThreshold: hc?.unhealthyThreshold ?? 2,
    gracePeriodMs: (svc.healthCheckGracePeriodSeconds ?? 0) * 1000,
  };
}

/** ServiceInfo.newTarget from scenario.json (ms; a file written before a key existed has its default). */
function newTargetOf(scenario: any, svc: any): ServiceInfo['newTarget'] {
  if (!svc?.loadBalancer) return null;
  const hc = svc.loadBalancer.healthCheck;
  const start = scenario?.taskDefinitions?.[svc.taskDefinition]?.startup?.applicationStart ?? { distribution: 'fixed', value: 0 };
  if (start.distribution !== 'fixed' || typeof start.value !== 'number') return 'varies';
  const health = targetHealthTimeline(Math.max(start.value, 0), {
    intervalMs: hc?.interval ?? 30_000,
    healthyThreshold: hc?.healthyThreshold ?? 5,
    unhealthyThreshold: hc?.unhealthyThreshold ?? 2,
    gracePeriodMs: (svc.healthCheckGracePeriodSeconds ?? 0) * 1000,
  });
  return health.healthyAt !== null ? { healthyAfterS: health.healthyAt / 1000 } : { markedAfterS: health.markedAt! / 1000, recoveredAfterS: health.recoveredAt! / 1000 };
}

function startFromRows(rows: CsvRecord[]): number {
  const r = rows.find((x) => x.timestamp && x.time_s);
  return r ? Date.parse(r.timestamp) - num(Number(r.time_s)) * 1000 : 0; // (time_s checked above)
}

/** A row's number in a column (numberCell: NaN for an empty or missing cell). */
type Cell = (column: string) => number;

function seriesRow(r: CsvRecord, cell: Cell): SeriesRow {
  return {
    timeS: num(cell('time_s')),
    service: r.service,
    requestRate: num(cell('request_rate')),
    desiredCount: num(cell('desired_count')),
    runningCount: num(cell('running_count')),
    cpuUtilization: opt(cell('cpu_utilization')),
    memoryUtilization: opt(cell('memory_utilization')),
    minCapacity: opt(cell('min_capacity')),
    maxCapacity: opt(cell('max_capacity')),
    backlog: opt(cell('backlog')),
    requestCountPerTarget: opt(cell('request_count_per_target')),
  };
}

function taskRow(r: CsvRecord, cell: Cell): TaskRow {
  return {
    taskId: r.task_id,
    service: r.service,
    capacityProvider: r.capacity_provider,
    instanceId: r.instance_id,
    createdS: num(cell('created_s')),
    runningS: opt(cell('running_s')),
    stoppedS: opt(cell('stopped_s')),
    stopReason: r.stop_reason,
  };
}

/** A count or time: 0 for an empty cell (or an infinite one). */
function num(x: number): number {
  return Number.isFinite(x) ? x : 0;
}

/** A figure that may be absent: null for an empty cell (or an infinite one). */
function opt(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
