// Reads a results folder (events.csv, timeseries.csv, tasks.csv, scenario.json,
// summary.json) into ResultsTables for `ecsim explain`. Missing optional files degrade
// the explanation; a missing events.csv is an error.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { targetHealthTimeline } from '../../model/target-health.js';
import { readResultsCsv, readResultsJson } from '../results-file.js';
import { recordsOf, type CsvRecord } from './parse-csv.js';
import type { EventRow, PolicyInfo, ResultsTables, SeriesRow, ServiceInfo, TaskRow } from './results-tables.js';

const METRIC_OF_PREDEFINED: Record<string, string> = {
  ECSServiceAverageCPUUtilization: 'CPUUtilization',
  ECSServiceAverageMemoryUtilization: 'MemoryUtilization',
  ALBRequestCountPerTarget: 'RequestCountPerTarget',
};

export function readResults(dir: string): ResultsTables {
  const file = (name: string) => join(dir, name);
  if (!existsSync(file('events.csv'))) {
    throw new Error(`expected a results folder with events.csv (written by ecsim run), found none in ${dir}`);
  }
  const json = (name: string): any => readResultsJson(file(name), 'ecsim run', true);
  const table = (name: string, columns: readonly string[]): CsvRecord[] => recordsOf(readResultsCsv(file(name), 'ecsim run', columns, true) ?? []);
  const scenario = json('scenario.json');
  const summary = json('summary.json');
  const eventRecords = table('events.csv', ['time_s', 'type', 'subject', 'message']);
  const events: EventRow[] = eventRecords.map((r) => ({ timeS: num(r.time_s), type: r.type, subject: r.subject, message: r.message }));
  const seriesRecords = table('timeseries.csv', ['time_s', 'service']);
  const timeseries = seriesRecords.map(seriesRow);
  const tasks = table('tasks.csv', ['task_id', 'service']).map(taskRow);
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
  };
}

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
    }));
    out.set(name, {
      name,
      minCapacity: typeof as?.minCapacity === 'number' ? as.minCapacity : null,
      maxCapacity: typeof as?.maxCapacity === 'number' ? as.maxCapacity : null,
      policies,
      workloadType: svc?.workload ? (svc.workload.type ?? 'http') : null,
      newTarget: newTargetOf(scenario, svc),
    });
  }
  return out;
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
  return health.healthyAt !== null ? { healthyAfterS: health.healthyAt / 1000 } : { stoppedAfterS: health.stoppedAt! / 1000 };
}

function startFromRows(rows: CsvRecord[]): number {
  const r = rows.find((x) => x.timestamp && x.time_s);
  return r ? Date.parse(r.timestamp) - num(r.time_s) * 1000 : 0;
}

function seriesRow(r: CsvRecord): SeriesRow {
  return {
    timeS: num(r.time_s),
    service: r.service,
    requestRate: num(r.request_rate),
    desiredCount: num(r.desired_count),
    runningCount: num(r.running_count),
    cpuUtilization: opt(r.cpu_utilization),
    memoryUtilization: opt(r.memory_utilization),
    minCapacity: opt(r.min_capacity),
    maxCapacity: opt(r.max_capacity),
    backlog: opt(r.backlog),
  };
}

function taskRow(r: CsvRecord): TaskRow {
  return {
    taskId: r.task_id,
    service: r.service,
    capacityProvider: r.capacity_provider,
    instanceId: r.instance_id,
    createdS: num(r.created_s),
    runningS: opt(r.running_s),
    stoppedS: opt(r.stopped_s),
    stopReason: r.stop_reason,
  };
}

function num(s: string | undefined): number {
  const x = Number(s);
  return Number.isFinite(x) ? x : 0;
}

function opt(s: string | undefined): number | null {
  if (s === undefined || s === '') return null;
  const x = Number(s);
  return Number.isFinite(x) ? x : null;
}
